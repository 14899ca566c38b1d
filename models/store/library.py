"""Reading the library: documents, the node tree, departments and duty lists.

Readers open the file read-only (a ``mode=ro`` URI), so a library on a
read-only folder or inside the frozen application works, and nothing the
window does can change it. Reading needs nothing but the standard sqlite3
module; sqlite-utils (and its import cost) is for building only, which keeps
the window's start fast.
"""
from __future__ import annotations

import sqlite3
from datetime import date
from functools import cache
from pathlib import Path

from models.errors import (AmbiguousDepartmentError, BadLibraryError, UnknownDepartmentError,
                           UnknownDocumentError, UnknownGovernmentError, UnknownNodeError)
from models.issue import is_document_key
from models.registry import lookup_form, suggest
from models.registry.naming import NamingRules, load_naming_rules
from models.roles import ROLES
from models.store.library_file import check_open, connect_ro, stored_date, stored_json
from models.store.records import DepartmentInfo, DocumentInfo, DutyEntry, NodeInfo
from models.store.schema import in_chunks
from models.store.spans import HEADING_SQL, NOTE_SQL
from models.store.tree import TreeQueries
from models.validity import is_expired


_NODE_COLUMNS = ("nodes.id, nodes.key, documents.key, nodes.parent_id, nodes.depth, nodes.kind, "
                 f"nodes.label, nodes.path, {HEADING_SQL}, nodes.text, {NOTE_SQL}, "
                 "nodes.fingerprint, nodes.ord, nodes.page, nodes.page_label")


@cache
def content_naming_rules() -> NamingRules:
    """The naming rules of the content (alias_rules.toml), read once: those the parser reads
    units and governments by, less the heads its registry adds (load_registry: how units
    begin after a level word), which places and levels, all a library reads here, need not."""
    from models.locations import content_dir
    return load_naming_rules(content_dir() / "alias_rules.toml")


class Library(TreeQueries):
    """Read-only queries over one library file (the reading tree's and the department
    filter's in models/store/tree.py); its names of governments and units are read by the
    content's naming rules (as the parser read them)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        conn = connect_ro(self.path)
        self.metadata = check_open(conn, self.path)
        self.conn = conn
        self._departments: list[DepartmentInfo] | None = None
        self._rules: NamingRules | None = None

    @property
    def rules(self) -> NamingRules:
        """The naming rules lookups follow (read when a lookup first needs them)."""
        if self._rules is None:
            self._rules = content_naming_rules()
        return self._rules

    def close(self) -> None:
        self.conn.close()

    def pin(self) -> None:
        """Read the library as it is now until unpin() or close(): a write committed
        meanwhile (a rebuild in the background) is not seen, so the rows a window shows,
        whose ids are this state's, stay true until it opens the new state."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self.query("SELECT count(*) FROM metadata")  # the snapshot starts with a read

    def unpin(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query(self, sql: str, params=()) -> list[tuple]:
        """Run a read-only query (models/ only: ui/ asks the named questions below);
        a damaged file becomes a BadLibraryError in Chinese."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise BadLibraryError(f"读取资料库时出错（文件可能已损坏）：{exc}") from exc

    # ------------------------------------------------------------ documents
    def issues(self) -> list[dict]:
        rows = self.query("SELECT id, label, title, year, number, total_number, published, "
                          "sponsor, editor, source_name, source_sha256 FROM issues ORDER BY id")
        keys = ("id", "label", "title", "year", "number", "total_number", "published", "sponsor",
                "editor", "source_name", "source_sha256")
        return [dict(zip(keys, r)) for r in rows]

    def documents(self) -> list[DocumentInfo]:
        return self._documents()

    def _documents(self, where: str = "", params=()) -> list[DocumentInfo]:
        rows = self.query(
            "SELECT d.key, d.doc_number, d.title, d.short_title, d.issuer, d.date, d.category, "
            "d.valid_until, i.label, d.addressee, d.plan_title, d.attachments, d.position, d.id, "
            "d.masthead, d.publicity, d.cc, d.imprint_org, d.imprint_date, d.page, "
            "i.source_sha256, i.source_format, d.government, d.issuers "
            f"FROM documents d JOIN issues i ON i.id = d.issue_id {where} "
            "ORDER BY i.id, d.position", params)
        return [DocumentInfo(*r[:11], stored_json(r[11], "公文的附件列表"), *r[12:22],
                             r[22] or "", stored_json(r[23], "公文的发文机关")) for r in rows]

    def document(self, key: str) -> DocumentInfo:
        """One document, read alone (not through all of them)."""
        found = self._documents("WHERE d.key = ?", [key])
        if not found:
            raise UnknownDocumentError(key)
        return found[0]

    # ---------------------------------------------------------------- nodes
    def nodes(self, document_key: str | None = None) -> list[NodeInfo]:
        """All nodes in reading order (of one document, or of the library)."""
        where, params = ("WHERE documents.key = ?", [document_key]) if document_key else ("", [])
        rows = self.query(f"SELECT {_NODE_COLUMNS} FROM nodes JOIN documents ON documents.id = "
                          f"nodes.document_id JOIN issues ON issues.id = documents.issue_id {where} "
                          "ORDER BY issues.id, documents.position, nodes.ord", params)
        return [NodeInfo(*r) for r in rows]

    def node(self, key: str) -> NodeInfo:
        """A clause by its key; a document's key gives its title node (what stands for the
        whole document in a bookmark or a citation)."""
        rows = self.query(f"SELECT {_NODE_COLUMNS} FROM nodes JOIN documents ON documents.id = "
                          "nodes.document_id WHERE nodes.key = ?", [key])
        if not rows and is_document_key(key):
            return self.node(self.title_key(key))  # UnknownDocumentError when there is none
        if not rows:
            raise UnknownNodeError(key)
        return NodeInfo(*rows[0])

    def title_key(self, document_key: str) -> str:
        """The key of a document's title node: what a bookmark of the whole document points at."""
        rows = self.query("SELECT nodes.key FROM nodes JOIN documents ON documents.id = "
                          "nodes.document_id WHERE documents.key = ? AND nodes.kind = 'title'",
                          [document_key])
        if not rows:
            raise UnknownDocumentError(document_key)
        return rows[0][0]

    def expired_document_keys(self, today: date | None = None,
                              among: list[str] | None = None) -> set[str]:
        """Keys of the documents whose validity has ended (of those *among*, when given)."""
        today_iso = (today or date.today()).isoformat()
        keys = set()
        for key, until in self._by_keys(
                "SELECT key, valid_until FROM documents WHERE valid_until IS NOT NULL "
                "AND valid_until != ''", "key", among):
            stored_date(until, "公文的有效期")  # (a damaged date says so)
            if is_expired(until, today_iso):
                keys.add(key)
        return keys

    def _by_keys(self, sql: str, column: str, keys: list[str] | None) -> list[tuple]:
        """The rows of *sql* (which has a WHERE) whose *column* is one of *keys* (all rows
        for None), asked a chunk of keys at a time."""
        if keys is None:
            return self.query(sql)
        return in_chunks(keys, lambda marks, chunk: self.query(
            f"{sql} AND {column} IN ({marks})", chunk))

    def node_boxes(self, key: str) -> list[tuple]:
        """Where a node's printed lines stand: [(page, x0, top, x1, bottom), …] in points
        (empty for a node of a text file)."""
        rows = self.query("SELECT boxes FROM nodes WHERE key = ?", [key])
        if not rows:
            raise UnknownNodeError(key)
        return [tuple(b) for b in stored_json(rows[0][0], "条款的版面位置")]

    def fingerprints(self, keys: list[str]) -> dict[str, str]:
        """key → fingerprint of the nodes of *keys*: what resolving bookmarks compares, read
        for the bookmarked clauses only."""
        return dict(in_chunks(keys, lambda marks, chunk: self.query(
            f"SELECT key, fingerprint FROM nodes WHERE key IN ({marks})", chunk)))

    def assignments(self, document_key: str | None = None) -> dict[str, list[tuple[str, str, str]]]:
        """node key → [(department, role, as written)]."""
        where, params = ("WHERE documents.key = ?", [document_key]) if document_key else ("", [])
        rows = self.query(
            "SELECT nodes.key, COALESCE(departments.name, ''), a.role, a.as_written "
            "FROM assignments a JOIN nodes ON nodes.id = a.node_id "
            "JOIN documents ON documents.id = nodes.document_id "
            f"LEFT JOIN departments ON departments.id = a.department_id {where} ORDER BY a.id",
            params)
        result: dict[str, list[tuple[str, str, str]]] = {}
        for key, dept, role, written in rows:
            result.setdefault(key, []).append((dept, role, written))
        return result

    def deadlines_of(self, node_keys: list[str] | None = None,
                     document_key: str | None = None) -> dict[str, list[dict]]:
        """node key → its deadlines, for the nodes given (or a document's, or all)."""
        if node_keys is not None:
            rows = in_chunks(node_keys, lambda marks, chunk: self.query(
                "SELECT nodes.key, d.phrase, d.due, d.start, d.kind FROM deadlines d "
                f"JOIN nodes ON nodes.id = d.node_id WHERE nodes.key IN ({marks}) "
                "ORDER BY d.id", chunk))
        elif document_key is not None:
            rows = self.query(
                "SELECT nodes.key, d.phrase, d.due, d.start, d.kind FROM deadlines d "
                "JOIN nodes ON nodes.id = d.node_id JOIN documents ON documents.id = "
                "nodes.document_id WHERE documents.key = ? ORDER BY d.id", [document_key])
        else:
            rows = self.query("SELECT nodes.key, d.phrase, d.due, d.start, d.kind FROM deadlines d "
                              "JOIN nodes ON nodes.id = d.node_id ORDER BY d.id")
        result: dict[str, list[dict]] = {}
        for key, phrase, due, start, kind in rows:
            result.setdefault(key, []).append(
                {"phrase": phrase, "due": due, "start": start, "kind": kind})
        return result

    def references(self, document_key: str) -> list[dict]:
        rows = self.query(
            "SELECT DISTINCT r.title, r.doc_number, r.doc_number_key, (SELECT d.key FROM "
            "documents d WHERE d.doc_number_tail = r.doc_number_tail AND d.doc_number_key = "
            "r.doc_number_key ORDER BY d.id DESC LIMIT 1) FROM [references] r JOIN nodes ON nodes.id "
            "= r.node_id JOIN documents ON documents.id = nodes.document_id "
            "WHERE documents.key = ? ORDER BY r.id", [document_key])
        return [{"title": t, "doc_number": n, "in_library": key if k else None}
                for t, n, k, key in rows]

    # ---------------------------------------------------------- departments
    def departments(self) -> list[DepartmentInfo]:
        """Every department with its aliases and entries by role — the clauses that concern
        it, its collectives' included, as its duty list gives them (cached: the file is
        read-only)."""
        if self._departments is not None:
            return self._departments
        aliases: dict[int, list[str]] = {}
        for alias, dept_id in self.query("SELECT alias, department_id FROM aliases ORDER BY rowid"):
            aliases.setdefault(dept_id, []).append(alias)
        counts: dict[int, dict[str, int]] = {}
        for dept_id, role, n in self.query("SELECT department_id, role, n FROM dept_counts"):
            counts.setdefault(dept_id, {})[role] = n
        result = []
        for dept_id, name, kind, known, part_of, government in self.query(
                "SELECT id, name, kind, known, part_of, government FROM departments ORDER BY id"):
            result.append(DepartmentInfo(dept_id, name, kind, bool(known),
                                         [a for a in aliases.get(dept_id, []) if a != name],
                                         {r: counts.get(dept_id, {}).get(r, 0) for r in ROLES
                                          if counts.get(dept_id, {}).get(r)},
                                         stored_json(part_of, "部门的所属单位"), government or ""))
        self._departments = result
        return result

    def governments(self) -> list[str]:
        """The governments whose documents the library holds, the most documents first."""
        return [g for g, _ in self.query(
            "SELECT government, count(*) FROM documents WHERE government IS NOT NULL "
            "AND government != '' GROUP BY government ORDER BY count(*) DESC, min(id)")]

    def government_named(self, written: str) -> str:
        """The government of the library *written* names, in any unambiguous form: its whole
        name (青川区), or that after the names of governments above it (江宁市青川区, 上海市
        青川区, 枣庄市市中区); never a fragment (川区, 青川). UnknownGovernmentError, listing
        those the library holds, otherwise."""
        form = lookup_form(written.strip())
        known = self._government_names()
        by_form = {lookup_form(g): g for g in known}
        if form in by_form:
            return by_form[form]
        places, rest = self.rules.place_names(form, known)
        if places and rest in by_form:
            return by_form[rest]
        raise UnknownGovernmentError(written, sorted(known))

    def _government_names(self) -> set[str]:
        """The governments of the library's documents and departments."""
        return {g for d in self.departments() for g in [d.government] if g} | \
            set(self.governments())

    def resolve_department(self, name: str, government: str | None = None) -> DepartmentInfo:
        """The department a name stands for (any alias, any width), of *government* when
        given; AmbiguousDepartmentError when it names units of several governments,
        UnknownDepartmentError when none."""
        form = lookup_form(name.strip())
        wanted = self.government_named(government) if government else None
        found = self._named(form, wanted)
        if not found:  # 青川区人防办: the government's name, then a name of its unit
            found = self._named_after_government(form, wanted)
        if len(found) == 1:
            return found[0]
        if len({d.government for d in found}) > 1:
            raise AmbiguousDepartmentError(name, [(d.government, d.name) for d in found])
        if found:
            return min(found, key=lambda d: (not d.known, d.id))
        raise UnknownDepartmentError(name, self.suggest_departments(name))

    def _named(self, form: str, government: str | None) -> list[DepartmentInfo]:
        """The departments (of *government*, when given) that have the name *form*."""
        by_id = {d.id: d for d in self.departments()}
        found = [by_id[r[0]] for r in self.query(
            "SELECT DISTINCT department_id FROM aliases WHERE folded = ?", [form])
            if r[0] in by_id]
        found += [d for d in by_id.values() if lookup_form(d.name) == form and d not in found]
        return [d for d in found if government is None or d.government == government]

    def _named_after_government(self, form: str, government: str | None
                                ) -> list[DepartmentInfo]:
        """"青川区人防办", "枣庄市市中区财政局": a government's name, then the name its own
        documents give the unit (区人防办, with the level word of the government)."""
        rules = self.rules
        places, rest = rules.place_names(form, self._government_names())
        for i in range(len(places) - 1, -1, -1):
            named = "".join(places[:i + 1])
            try:
                owner = self.government_named(named)
            except UnknownGovernmentError:
                continue
            if government is not None and owner != government:
                continue
            rest = form[len(named):]
            found = self._named(rules.level_of(owner) + rest, owner) or self._named(rest, owner)
            if found:
                return found
        return []

    def concerning(self, dept: DepartmentInfo) -> dict[int, str]:
        """The units whose clauses concern *dept*: itself, and the collective units of its
        government it is part of (各镇街 for a 镇政府); id → the collective's name ("" for
        itself). Duty lists and a search limited to a department both ask this."""
        by_name = {d.name: d for d in self.departments() if d.government == dept.government}
        return {dept.id: ""} | {by_name[c].id: c for c in dept.part_of if c in by_name}

    def suggest_departments(self, name: str, limit: int = 5) -> list[str]:
        """Close department names for one that did not resolve (the registry's rule)."""
        return suggest(name, ((alias, d.name) for d in self.departments()
                              for alias in (d.name, *d.aliases)), limit)

    def duties(self, name: str, include_general: bool = False, roles: list[str] | None = None,
               document_keys: list[str] | None = None,
               include_expired: bool = True, today: date | None = None,
               government: str | None = None) -> tuple[DepartmentInfo, list[DutyEntry]]:
        """Every entry that concerns a department, in gazette order, one per clause.

        A clause naming the department several times counts once, with its
        strongest role. Entries of collective units the department belongs to
        (各镇街 for 各镇人民政府) are included and say so. `general` entries
        (区政府有关部门…按职责分工负责) come only when asked for.
        """
        dept = self.resolve_department(name, government)
        wanted_roles = set(roles or ROLES)
        ids = self.concerning(dept)
        marks = ",".join("?" * len(ids))
        # general clauses (区政府有关部门…) concern the departments of their own government
        rows = self.query(
            f"SELECT documents.doc_number, documents.key, nodes.key, nodes.path, {HEADING_SQL}, "
            "a.role, nodes.label || nodes.text, a.department_id, documents.valid_until, nodes.id, "
            "a.form FROM assignments a JOIN nodes ON nodes.id = a.node_id "
            "JOIN documents ON documents.id = nodes.document_id "
            "JOIN issues ON issues.id = documents.issue_id "
            f"WHERE a.department_id IN ({marks}) "
            + ("OR (a.role = 'general' AND COALESCE(documents.government, '') = ?) "
               if include_general else "")
            + "ORDER BY issues.id, documents.position, nodes.ord",
            list(ids) + ([dept.government] if include_general else []))
        rank = {r: i for i, r in enumerate(ROLES)}
        entries: dict[str, DutyEntry] = {}
        today_iso = (today or date.today()).isoformat()
        for doc_number, doc_key, key, path, heading, role, text, dept_id, valid, _, form in rows:
            if document_keys is not None and doc_key not in document_keys:
                continue
            stored_date(valid, "公文的有效期")  # (a damaged date says so)
            expired = is_expired(valid, today_iso)
            if expired and not include_expired:
                continue
            via = ids.get(dept_id, "") if dept_id is not None else ""
            current = entries.get(key)
            if current is None or rank[role] < rank[current.role]:
                entries[key] = DutyEntry(doc_number, doc_key, key, path, heading, role, text,
                                         via=via, valid_until=valid, expired=expired,
                                         form=form or "note")
        result = [e for e in entries.values() if e.role in wanted_roles]
        deadlines = self.deadlines_of([e.key for e in result])
        for entry in result:
            entry.deadlines = deadlines.get(entry.key, [])
        return dept, result
