"""The library file's schema: one place for table names and the version."""
from __future__ import annotations

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

