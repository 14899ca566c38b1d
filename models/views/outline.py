"""The reading tree as plain data: issue → category → document → section → clause, read
from the library as it is unfolded.

The window's tree model only wraps an Outline, so what the tree shows (which
kinds appear, how a row is labelled, what a department filter keeps, which
rows unfold by themselves) is decided here, in pure Python, and can be tested
without Qt. The issues are read at once; an issue's categories and documents
when it is unfolded, a document's rows when it is (models/store/tree.py):
a thousand issues cost what one does until they are opened. With a
department filter (a Scope), only the issues, documents and clauses it keeps
are read, the rows above a kept clause with it.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.roles import ROLES
from models.validity import is_expired
from models.views.outline_node import NodeTree, OutlineNode

if TYPE_CHECKING:  # the window's first paint imports this module (FILTER_ROLES): no sqlite3
    from models.store.library import DepartmentInfo, Library
    from models.store.tree import Scope

# Roles the filter offers as toggles; "general" is a separate switch.
FILTER_ROLES = tuple(r for r in ROLES if r != "general")
LABEL_WIDTH = 28
# The tree unfolds its rows by itself (issues and categories; with a filter, every row)
# while that shows at most about UNFOLD_ROWS rows, else only the issue being read;
# 展开全部 unfolds everything up to about EXPAND_ALL_ROWS rows.
UNFOLD_ROWS = 1000
EXPAND_ALL_ROWS = 5000


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def row_label(kind: str, label: str, path: str, heading: str, text: str) -> str:
    """How a clause is named in the tree: its number and heading, or its first words."""
    if kind == "duty":
        return shorten(label + text)
    if kind == "roster":
        return shorten(heading or text)
    if kind == "plan_title":
        return shorten("方案：" + text)
    if kind == "attachments":
        return "附件说明"
    if kind == "annex":
        return shorten(f"{path}　{heading}")
    if kind in ("paragraph", "notice"):
        return shorten(text)
    return shorten(label + (heading or text))


class Outline(NodeTree):
    """The library's tree (or what a department filter keeps of it), read as it unfolds."""

    def __init__(self, library: Library, scope: Scope | None = None, today: str | None = None):
        super().__init__(OutlineNode("root", "", ""))
        self.library, self.scope = library, scope
        self.key = scope.key if scope is not None else None
        self.today = today or time.strftime("%Y-%m-%d")  # ISO: which documents expired
        issues, kept = library.tree_issues(scope)
        from models.views import grouping  # (not before the first paint: stage 1 reads the
        # cache's picture; this module is imported for FILTER_ROLES)
        # the top rows (models/views/grouping.py): an issue, or for documents imported on
        # their own the government that gathers them
        self.singles = library.single_issues()  # issue id → its document's government
        self.top_of: dict[str, OutlineNode] = {}  # issue label → its top row
        for label, ids in issues:
            single = all(i in self.singles for i in ids)
            key, text = grouping.top_row(label, self.singles[ids[0]] if single else None)
            top = self.by_key.get(key)
            if top is None:
                top = self._add(self.root, OutlineNode("issue", key, text))
                top.ref, top.loaded, top.foldable = [], False, True
            top.ref = top.ref + list(ids)
            self.top_of[label] = top
        self.clause_count = kept if scope is not None else library.clause_count()

    def _add(self, parent: OutlineNode, node: OutlineNode) -> OutlineNode:
        self.by_key[node.key] = parent.add(node)
        return node

    # ------------------------------------------------------------ reading
    def children(self, node: OutlineNode) -> list[OutlineNode]:
        if not node.loaded:
            if node.kind == "issue":
                self._load_issues([node])
            else:
                self._load_document(node)
        return node.children

    def _load_issues(self, issues: list[OutlineNode]) -> None:
        """The categories and documents of *issues* (documents folded, not read)."""
        from models.views.grouping import sub_row
        by_id = {i: issue for issue in issues for i in issue.ref}
        rows = self.library.tree_documents(list(by_id), self.scope)
        for issue in issues:
            issue.loaded = True
        for issue_id, key, title, short, number, category, until, body, date in rows:
            issue = by_id[issue_id]
            cat_key, cat_text = sub_row(issue.text, issue_id in self.singles, category,
                                        date, number)
            parent = self.by_key.get(cat_key) or self._add(
                issue, OutlineNode("category", cat_key, cat_text))
            doc = self._add(parent, OutlineNode("document", key, short or title, key, number,
                                                until, is_expired(until, self.today)))
            doc.loaded, doc.foldable = False, bool(body)

    def _load_document(self, doc: OutlineNode) -> None:
        doc.loaded = True
        by_id: dict[int, OutlineNode] = {}
        for node_id, key, parent_id, kind, label, path, heading, text, role in \
                self.library.tree_nodes(doc.key, self.scope):
            owner = by_id.get(parent_id, doc)
            by_id[node_id] = self._add(owner, OutlineNode(
                kind, key, row_label(kind, label, path, heading, text), doc.key, doc.doc_number,
                doc.valid_until, doc.expired, role))

    def find(self, key: str) -> OutlineNode | None:
        """The row of *key* (a clause's or a document's), reading the rows above it; None
        when the tree has no row for it (header matter, or not kept by the filter)."""
        node = self.by_key.get(key)
        if node is not None or key.startswith(("issue:", "government:")):
            return node
        from models.views.grouping import top_key_of
        top_key = top_key_of(key)
        if top_key is not None:  # category:{issue}:{category}, year:{government}:{year}
            issue = self.by_key.get(top_key)
            if issue is not None:
                self.children(issue)
            return self.by_key.get(key)
        place = self.library.place(key)
        issue = self.top_of.get(place[2]) if place else None
        if issue is None:
            return None
        self.children(issue)
        doc = self.by_key.get(place[1])
        if doc is None or doc.key == key:
            return doc
        self.children(doc)
        return self.by_key.get(key)

    # ------------------------------------------------------------ unfolding
    def unfolded(self, current: str | None = None, everything: bool = False) -> list[str]:
        """The rows to unfold, parents first: without a filter the issues and their categories
        (documents folded), with a filter (or *everything*) every row — the whole tree
        while that is at most about UNFOLD_ROWS rows (EXPAND_ALL_ROWS for *everything*),
        else only the issue of *current* (a key), or the first."""
        deep = everything or self.scope is not None
        issues = self.root.children
        if not issues:
            return []
        documents = self.library.document_count() if self.scope is None else self.clause_count
        estimate = len(issues) + 2 * documents + (self.clause_count if deep else 0)
        if estimate <= (EXPAND_ALL_ROWS if everything else UNFOLD_ROWS):
            chosen = issues
        else:
            place = self.library.place(current) if current else None
            chosen = [self.top_of.get(place[2]) if place else None]
            chosen = [chosen[0] or issues[0]]
        self._load_issues([i for i in chosen if not i.loaded])
        keys = []
        for issue in chosen:
            keys.append(issue.key)
            for category in issue.children:
                keys.append(category.key)
                if deep:
                    keys += [n.key for doc in category.children for n in self._rows(doc)]
        return keys

    def _rows(self, node: OutlineNode):
        """*node* and the rows below it that have rows below them (read as needed)."""
        if node.foldable and self.children(node):
            yield node
            for child in node.children:
                yield from self._rows(child)


# ------------------------------------------------------------ the department filter
def department_scope(library: Library, department: str | DepartmentInfo,
                     roles: list[str] | None = None, include_general: bool = False,
                     government: str | None = None) -> Scope:
    """The filter of a department (its record, or any of its names) for *roles* (default:
    every role the filter offers), general notes of its government too when
    *include_general*."""
    from models.store.tree import Scope
    dept = (library.resolve_department(department, government) if isinstance(department, str)
            else department)
    wanted = list(roles if roles is not None else FILTER_ROLES)
    if include_general:
        wanted.append("general")
    return Scope(dept, list(library.concerning(dept)), wanted, include_general)


def department_deadlines(library: Library, scope: Scope, today: str | None = None
                         ) -> Deadlines:
    """The deadlines of the clauses the filter keeps, in date order, then 文号 and the
    gazette's order: due, phrase, clause key, path, 文号, the department's role, whether the
    document expired (rows made as they are asked for)."""
    return Deadlines(library, library.kept_deadlines(scope), today)


class Deadlines(Sequence):
    """A department's deadlines as rows (dicts), each row's clause read when the row is first
    asked for, a page at a time: the panel shows the first ones, and a department of a
    thousand issues has thousands."""

    PAGE = 200

    def __init__(self, library: Library, rows: list[tuple], today: str | None = None):
        self.library, self.rows = library, rows
        self.today = today or time.strftime("%Y-%m-%d")
        self.places: dict[int, tuple[str, str, str]] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            rows = self.rows[index]
            wanted = [r[3] for r in rows if r[3] not in self.places]
            if wanted:
                self.places.update(self.library.clause_places(wanted))
            return [self._row(r) for r in rows]
        index = range(len(self.rows))[index]  # (an IndexError as a list's)
        return self[index:index + 1][0]

    def __iter__(self):
        for start in range(0, len(self.rows), self.PAGE):
            yield from self[start:start + self.PAGE]

    def _row(self, row: tuple) -> dict:
        due, start, phrase, node_id, number, doc_key, role, until = row
        key, path, heading = self.places[node_id]
        return {"due": due, "start": start, "phrase": phrase, "key": key, "path": path,
                "heading": heading, "doc_number": number, "document_key": doc_key,
                "role": role, "expired": is_expired(until, self.today)}
