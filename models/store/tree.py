"""What the reading tree asks of the library, one unfolded row at a time, and the department
filter answered by SQL.

The tree reads the issues at once, an issue's documents when the issue is
unfolded and a document's clauses when the document is (models/views/outline.py),
so its cost follows what is shown, not what the library holds. A department
filter (Scope) is a common table expression over one covering index of
assignments (department, document, clause, role): the clauses it keeps, with
the department's strongest role in each; the documents and issues holding
them are counted from the same rows, and a document's kept clauses get their
ancestors from a recursive query. Library inherits these queries.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.roles import ROLES, FilterKey, filter_key
from models.store.schema import NOT_HEADER, in_chunks
from models.store.spans import HEADING_SQL

if TYPE_CHECKING:
    from models.store.records import DepartmentInfo

_RANK = "CASE a.role " + " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(ROLES)) + \
        f" ELSE {len(ROLES)} END"
_GENERAL = ROLES.index("general")


class Scope:
    """A department filter: the units whose clauses concern the department (itself and the
    collective units it is part of), the roles wanted (general notes among them or not).

    A clause is kept when the strongest role those units have in it is wanted,
    as in Library.duties (the general notes, 区政府有关部门…, are those of the
    department's own government)."""

    def __init__(self, department: DepartmentInfo, unit_ids: list[int], roles: list[str],
                 include_general: bool):
        self.department = department
        self.unit_ids = list(unit_ids)
        self.roles = [r for r in ROLES if r in roles]
        self.include_general = include_general
        # every role but general notes: what the picker's counts (DepartmentInfo.total) count
        self.plain = not include_general and set(self.roles) == set(ROLES) - {"general"}

    @property
    def key(self) -> FilterKey:
        """The filter's key (models/roles.filter_key), as the outline cache names it."""
        return filter_key(self.department.name, self.department.government, self.roles,
                          self.include_general)

    def kept(self, where: str = "", params=()) -> tuple[str, list]:
        """`kept(node_id, document_id, rank)`: the clauses kept, as a WITH clause; *where*
        narrows the assignments read (alias a), e.g. to one document."""
        units = ",".join("?" * len(self.unit_ids))
        parts = [f"SELECT a.node_id, a.document_id, {_RANK} AS rank FROM assignments a "
                 f"WHERE a.department_id IN ({units}) {where}"]
        args = [*self.unit_ids, *params]
        if self.include_general:
            parts.append(f"SELECT a.node_id, a.document_id, {_GENERAL} FROM assignments a "
                         "JOIN documents d ON d.id = a.document_id WHERE a.role = 'general' "
                         f"AND COALESCE(d.government, '') = ? {where}")
            args += [self.department.government, *params]
        wanted = ",".join(str(ROLES.index(r)) for r in self.roles) or "-1"
        # grouped in the index's order (document, clause): one unit's rows need no sorting
        return (f"kept(node_id, document_id, rank) AS (SELECT node_id, document_id, MIN(rank) "
                f"FROM ({' UNION ALL '.join(parts)}) GROUP BY document_id, node_id "
                f"HAVING MIN(rank) IN ({wanted}))", args)


class TreeQueries:
    """The tree's and the filter's queries (a part of Library: self.query runs them)."""

    def query(self, sql: str, params=()) -> list[tuple]:  # (Library's)
        raise NotImplementedError

    # ------------------------------------------------------------ the rows
    def tree_issues(self, scope: Scope | None = None
                    ) -> tuple[list[tuple[str, list[int]]], int]:
        """The issues in import order, (label, their ids), and with a *scope* how many
        clauses it keeps (else 0). Issues of one label (documents of one gazette imported
        from several files) make one row; with a *scope*, only issues holding a kept clause.

        The filter as the picker offers it (every role but general notes) keeps a clause
        that names one of its units at all: its issues are those of the documents on the
        units' stretch of the index, its count is the one kept at import (dept_counts, all its roles)."""
        total = 0
        if scope is None:
            rows = self.query("SELECT label, id FROM issues ORDER BY id")
        elif scope.plain:
            units = ",".join("?" * len(scope.unit_ids))
            rows = self.query(
                "SELECT label, id FROM issues WHERE id IN (SELECT issue_id FROM documents "
                "WHERE id IN (SELECT a.document_id FROM assignments a WHERE a.department_id "
                f"IN ({units}) AND a.role != 'general')) ORDER BY id", scope.unit_ids)
            found = self.query("SELECT sum(n) FROM dept_counts WHERE department_id = ?",
                               [scope.department.id])
            total = found[0][0] or 0
        else:
            kept, args = scope.kept()
            rows = self.query(
                f"WITH {kept}, per_document AS (SELECT document_id, count(*) AS n FROM kept "
                "GROUP BY document_id) SELECT i.label, i.id, sum(p.n) FROM per_document p "
                "JOIN documents d ON d.id = p.document_id JOIN issues i ON i.id = d.issue_id "
                "GROUP BY i.id ORDER BY i.id", args)
            total = sum(r[2] for r in rows)
        issues: dict[str, list[int]] = {}
        for label, issue_id, *_ in rows:
            issues.setdefault(label, []).append(issue_id)
        return list(issues.items()), total

    def single_issues(self) -> dict[int, str]:
        """The issues that are a document imported on its own (no cover: neither a year of
        issue nor a number; the rows they sit under: models/views/grouping.py) → that
        document's government."""
        return dict(self.query(
            "SELECT i.id, COALESCE((SELECT d.government FROM documents d WHERE d.issue_id = "
            "i.id ORDER BY d.position LIMIT 1), '') FROM issues i "
            "WHERE i.year IS NULL AND i.number IS NULL"))

    def tree_documents(self, issue_ids: list[int], scope: Scope | None = None) -> list[tuple]:
        """The documents of issues, in their order: (issue id, key, title, short title, 文号,
        category, valid until, has rows below it, date); with a *scope*, those holding a kept
        clause."""
        columns = ("d.issue_id, d.key, d.title, d.short_title, COALESCE(d.doc_number, ''), "
                   "d.category, d.valid_until")

        def ask(marks: str, chunk: list) -> list[tuple]:
            if scope is None:
                return self.query(
                    f"SELECT {columns}, EXISTS (SELECT 1 FROM nodes WHERE nodes.document_id = "
                    f"d.id AND {NOT_HEADER}), d.date FROM documents d WHERE d.issue_id IN "
                    f"({marks}) ORDER BY d.issue_id, d.position", chunk)
            kept, args = scope.kept(
                f"AND a.document_id IN (SELECT id FROM documents WHERE issue_id IN ({marks}))",
                chunk)
            return self.query(
                f"WITH {kept} SELECT {columns}, 1, d.date FROM documents d WHERE d.id IN "
                "(SELECT document_id FROM kept) ORDER BY d.issue_id, d.position", args)
        return in_chunks(issue_ids, ask)

    def tree_nodes(self, document_key: str, scope: Scope | None = None) -> list[tuple]:
        """A document's rows in reading order (header matter left out): (id, key, parent id,
        kind, label, path, heading, text, role); with a *scope*, the kept clauses, with the
        department's role, and the rows above them (computed here), without a role."""
        columns = (f"nodes.id, nodes.key, nodes.parent_id, nodes.kind, nodes.label, nodes.path, "
                   f"{HEADING_SQL}, nodes.text")
        if scope is None:
            return [(*r, "") for r in self.query(
                f"SELECT {columns} FROM nodes WHERE nodes.document_id = "
                f"(SELECT id FROM documents WHERE key = ?) AND {NOT_HEADER} ORDER BY nodes.ord",
                [document_key])]
        kept, args = scope.kept("AND a.document_id = (SELECT id FROM documents WHERE key = ?)",
                                [document_key])
        rows = self.query(
            f"WITH RECURSIVE {kept}, shown(id) AS (SELECT node_id FROM kept UNION "
            "SELECT nodes.parent_id FROM nodes JOIN shown ON nodes.id = shown.id "
            f"WHERE nodes.parent_id IS NOT NULL) SELECT {columns}, kept.rank FROM nodes "
            "LEFT JOIN kept ON kept.node_id = nodes.id WHERE nodes.id IN (SELECT id FROM shown) "
            f"AND {NOT_HEADER} ORDER BY nodes.ord", args)
        return [(*r[:8], "" if r[8] is None else ROLES[r[8]]) for r in rows]

    def place(self, key: str) -> tuple[str, str, str] | None:
        """Where a node or document key is: (its kind, its document's key, its issue's label);
        None for a key the library does not hold."""
        rows = self.query("SELECT nodes.kind, d.key, i.label FROM nodes JOIN documents d "
                          "ON d.id = nodes.document_id JOIN issues i ON i.id = d.issue_id "
                          "WHERE nodes.key = ?", [key])
        if not rows:
            rows = self.query("SELECT 'document', d.key, i.label FROM documents d JOIN issues i "
                              "ON i.id = d.issue_id WHERE d.key = ?", [key])
        return rows[0] if rows else None

    # ------------------------------------------------------------ the counts
    def clause_count(self) -> int:
        """The clauses of the library (header matter left out), as counted at import."""
        from models.store.counts import CLAUSES_KEY
        rows = self.query("SELECT value FROM metadata WHERE key = ?", [CLAUSES_KEY])
        return int(rows[0][0]) if rows else 0

    def document_count(self) -> int:
        return self.query("SELECT count(*) FROM documents")[0][0]

    def issue_labels(self) -> list[str]:
        """The labels of the gazette issues, in import order (documents imported on their own
        are not issues: single_issues)."""
        singles = self.single_issues()
        return [label for label, ids in self.tree_issues()[0]
                if not all(i in singles for i in ids)]

    # ------------------------------------------------------------ the filter
    def kept_roles(self, scope: Scope, keys: list[str]) -> dict[str, str]:
        """Of the clauses *keys*, those the filter keeps → the department's role in each."""
        def ask(marks: str, chunk: list) -> list[tuple]:
            kept, args = scope.kept(f"AND a.node_id IN (SELECT id FROM nodes WHERE key IN "
                                    f"({marks}))", chunk)
            return self.query(f"WITH {kept} SELECT nodes.key, kept.rank FROM kept JOIN nodes "
                              "ON nodes.id = kept.node_id", args)
        return {key: ROLES[rank] for key, rank in in_chunks(keys, ask)}

    def kept_documents(self, scope: Scope, document_keys: list[str]) -> set[str]:
        """Of the documents *document_keys*, those holding a clause the filter keeps."""
        def ask(marks: str, chunk: list) -> list[tuple]:
            kept, args = scope.kept(f"AND a.document_id IN (SELECT id FROM documents WHERE key "
                                    f"IN ({marks}))", chunk)
            return self.query(f"WITH {kept} SELECT d.key FROM documents d "
                              "WHERE d.id IN (SELECT document_id FROM kept)", args)
        return {key for key, in in_chunks(document_keys, ask)}

    def kept_deadlines(self, scope: Scope) -> list[tuple]:
        """The deadlines of the clauses the filter keeps, in date order (undated last), then
        文号, then the gazette's order: (due, start, phrase, clause id, 文号, document key,
        role, valid until). The clauses' keys and paths are read for the rows shown
        (clause_places): a department has thousands of deadlines in a thousand issues.

        Only the department's clauses that have a deadline are read (idx_assignments_dated:
        a tenth of them); a clause's ids follow its document's order."""
        kept, args = scope.kept("AND a.dated = 1")
        return [(*r[:6], ROLES[r[6]], r[7]) for r in self.query(
            f"WITH {kept} SELECT dl.due, dl.start, dl.phrase, kept.node_id, "
            "COALESCE(d.doc_number, ''), d.key, kept.rank, d.valid_until "
            "FROM kept JOIN deadlines dl ON dl.node_id = kept.node_id "
            "JOIN documents d ON d.id = kept.document_id "
            "ORDER BY COALESCE(NULLIF(dl.due, ''), '9999'), COALESCE(d.doc_number, ''), "
            "d.issue_id, d.position, kept.node_id, dl.id", args)]

    def clause_places(self, node_ids: list[int]) -> dict[int, tuple[str, str, str]]:
        """clause id → (key, path, heading)."""
        return {r[0]: r[1:] for r in in_chunks(node_ids, lambda marks, chunk: self.query(
            f"SELECT nodes.id, nodes.key, nodes.path, {HEADING_SQL} FROM nodes "
            f"WHERE nodes.id IN ({marks})", chunk))}
