"""The library file's schema: one place for table names and the version, and the pieces of
SQL every query over it shares (what a clause is, how many keys an IN (…) holds)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from models.kinds import HEADER_KINDS

# 2: pages and boxes of nodes, source format; 3: governments, forms;
# 4: a one-character index without stored text, counts kept, no duties copy (issue 14);
# 5: one count per department and role, collectives' clauses included (no entry_counts);
# assignments carry their document (the department filter is answered from one index),
# deadlines and references indexed by clause, the number of clauses kept (issue 14)
SCHEMA_VERSION = 5
APP_ID = "gazette-desk-library"

TABLES = ("metadata", "issues", "toc", "documents", "nodes", "departments", "aliases",
          "assignments", "dept_counts", "roster", "deadlines", "references",
          "search_fts")


# A clause: a node the tree shows as a row and the counts count (header matter left out).
NOT_HEADER = f"nodes.kind NOT IN ({','.join(repr(k) for k in HEADER_KINDS)})"
CHUNK = 500  # keys asked at once in an IN (…): SQLite's limit on parameters, with room to spare


def in_chunks(keys: Iterable, ask: Callable[[str, list], list[Any]]) -> list[Any]:
    """What *ask*(marks, chunk) answers for *keys* (each once), asked CHUNK keys at a time and
    joined: *marks* is the chunk's "?,?,…", for the IN (…) of ask's query."""
    keys = list(dict.fromkeys(keys))
    rows: list[Any] = []
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        rows += ask(",".join("?" * len(chunk)), chunk)
    return rows
