"""The department picker's and the filter's counts, kept as documents come and go.

dept_counts holds, per department and role, the clauses that concern it — those
that name it and those of the collective units it is part of (各镇街 for a 镇政府),
each once, by its strongest role, general notes left out: exactly the entries of its
duty list (Library.duties), so the picker, `departments` and the printed list give
the same numbers. A clause belongs to one document, so the counts of a write are the
sum of its documents': each document added or taken away changes them by its own
clauses, and the library is never recounted (a thousand issues would cost a second
per import). The number of clauses in the library (the tree's rows below documents,
header matter left out: what the status bar counts) is kept the same way, in the
metadata row CLAUSES_KEY.
"""
from __future__ import annotations

import json
from collections import Counter

from models.roles import ROLES
from models.store.schema import NOT_HEADER

CLAUSES_KEY = "clauses"
_RANK = {role: i for i, role in enumerate(ROLES)}


class CountChanges:
    """What a write adds to and takes from the counts, applied once at its end."""

    def __init__(self, db) -> None:
        self.db = db
        rows = db.execute("SELECT id, name, government, part_of FROM departments").fetchall()
        by_name = {(gov or "", name): i for i, name, gov, _ in rows}
        self.members: dict[int, set[int]] = {}  # collective → the departments part of it
        for dept, _, gov, part_of in rows:
            for name in json.loads(part_of or "[]"):
                if (gov or "", name) in by_name:
                    self.members.setdefault(by_name[(gov or "", name)], set()).add(dept)
        self.by_role: Counter = Counter()  # (department, role) → clauses
        self.clause_total = 0

    def document(self, doc_id: int, sign: int) -> None:
        """Count a document's clauses in (+1, once inserted) or out (-1, before deleting)."""
        self.clauses(self.db.execute(
            "SELECT a.node_id, a.department_id, a.role FROM nodes n JOIN assignments a "
            "ON a.node_id = n.id WHERE n.document_id = ? AND a.department_id IS NOT NULL",
            [doc_id]).fetchall(), sign)
        self.clause_total += sign * self.db.execute(
            f"SELECT count(*) FROM nodes WHERE document_id = ? AND {NOT_HEADER}",
            [doc_id]).fetchone()[0]

    def clauses(self, rows, sign: int) -> None:
        """(clause, department, role) rows of whole clauses."""
        roles: dict[int, set[tuple[int, str]]] = {}
        for node, dept, role in rows:
            if role != "general":
                roles.setdefault(node, set()).add((dept, role))
        for pairs in roles.values():
            strongest: dict[int, str] = {}
            for dept, role in pairs:
                for concerned in (dept, *self.members.get(dept, ())):
                    held = strongest.get(concerned)
                    if held is None or _RANK[role] < _RANK[held]:
                        strongest[concerned] = role
            self.by_role.update({pair: sign for pair in strongest.items()})

    def apply(self) -> None:
        for (dept, role), n in self.by_role.items():
            if n:
                self.db.execute(
                    "INSERT INTO dept_counts (department_id, role, n) VALUES (?, ?, ?) "
                    "ON CONFLICT (department_id, role) DO UPDATE SET n = n + excluded.n",
                    [dept, role, n])
        self.db.execute("DELETE FROM dept_counts WHERE n <= 0")
        self.db.execute("INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) "
                        "DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value",
                        [CLAUSES_KEY, self.clause_total])
        self.by_role.clear()
        self.clause_total = 0


def recount(db) -> None:
    """Count the whole library again: after the 部门名录 is amended (units merged, renamed or
    made collective), when every count may change."""
    db.execute("DELETE FROM dept_counts")
    changes = CountChanges(db)
    changes.clauses(db.execute("SELECT node_id, department_id, role FROM assignments "
                               "WHERE department_id IS NOT NULL").fetchall(), +1)
    db.execute("DELETE FROM metadata WHERE key = ?", [CLAUSES_KEY])
    changes.clause_total = db.execute(f"SELECT count(*) FROM nodes WHERE {NOT_HEADER}").fetchone()[0]
    changes.apply()
