"""The reading tree as plain data: issue → category → document → section → clause.

The window's tree model only wraps these nodes, so what the tree shows (which
kinds appear, how a row is labelled, what a department filter keeps) is
decided here, in pure Python, and can be tested without Qt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.views.grouping import group_of
from models.views.outline_node import OutlineNode
from models.roles import ROLES

if TYPE_CHECKING:  # the window's first paint imports this module (FILTER_ROLES): no sqlite3
    from datetime import date

    from models.store.library import DocumentInfo, Library, NodeInfo

# Front and closing matter is shown in the document header, not as tree rows.
HEADER_KINDS = ("masthead", "doc_number", "title", "addressee", "signature", "date",
                "publicity", "cc", "imprint")
# Roles the filter offers as toggles; "general" is a separate switch.
FILTER_ROLES = tuple(r for r in ROLES if r != "general")
LABEL_WIDTH = 28


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def node_label(node: NodeInfo) -> str:
    """How a clause is named in the tree: its number and heading, or its first words."""
    if node.kind == "duty":
        return shorten(node.full_text)
    if node.kind == "roster":
        return shorten(node.heading or node.text)
    if node.kind == "plan_title":
        return shorten("方案：" + node.text)
    if node.kind == "attachments":
        return "附件说明"
    if node.kind == "annex":
        return shorten(f"{node.path}　{node.heading}")
    if node.kind in ("paragraph", "notice"):
        return shorten(node.text)
    return shorten(node.label + (node.heading or node.text))


def build_outline(library: Library, today: date | None = None) -> OutlineNode:
    """The whole tree of the library (a few thousand rows at most: titles and keys only)."""
    root = OutlineNode("root", "", "")
    by_doc: dict[str, list[NodeInfo]] = {}
    for node in library.nodes():
        by_doc.setdefault(node.document_key, []).append(node)
    issue_rows = {i["label"]: i for i in library.issues()}
    tops: dict[str, OutlineNode] = {}
    subs: dict[str, OutlineNode] = {}
    for doc in library.documents():
        group = group_of(doc, issue_rows.get(doc.issue))  # issue → category, or government → year
        top = tops.get(group.key)
        if top is None:
            top = tops[group.key] = root.add(OutlineNode("issue", group.key, group.text))
        sub = subs.get(group.sub_key)
        if sub is None:
            sub = subs[group.sub_key] = top.add(OutlineNode("category", group.sub_key,
                                                            group.sub_text))
        _add_document(sub, doc, by_doc.get(doc.key, []), today)
    return root


def _add_document(parent: OutlineNode, doc: DocumentInfo, nodes: list[NodeInfo],
                  today: date | None) -> None:
    row = parent.add(OutlineNode("document", doc.key, doc.short_title or doc.title,
                                 document_key=doc.key, doc_number=doc.doc_number or "",
                                 expired=doc.expired(today), valid_until=doc.valid_until))
    by_id: dict[int, OutlineNode] = {}
    for node in nodes:
        if node.kind in HEADER_KINDS:
            continue
        owner = by_id.get(node.parent_id, row) if node.parent_id else row
        by_id[node.id] = owner.add(OutlineNode(node.kind, node.key, node_label(node),
                                               document_key=doc.key,
                                               doc_number=doc.doc_number or "",
                                               expired=row.expired))


def concerned_keys(library: Library, department: str, roles: list[str] | None = None,
                   include_general: bool = False, government: str | None = None
                   ) -> dict[str, str]:
    """node key → the department's strongest role there, for the chosen roles."""
    wanted = list(roles if roles is not None else FILTER_ROLES)
    if include_general:
        wanted.append("general")
    _, entries = library.duties(department, include_general=include_general, roles=wanted,
                                government=government)
    return {entry.key: entry.role for entry in entries}


def department_deadlines(library: Library, department: str, roles: list[str] | None = None,
                         include_general: bool = False, government: str | None = None
                         ) -> list[dict]:
    """The department's deadlines in date order: due, phrase, clause key, path, 文号."""
    wanted = list(roles if roles is not None else FILTER_ROLES)
    if include_general:
        wanted.append("general")
    _, entries = library.duties(department, include_general=include_general, roles=wanted,
                                government=government)
    rows = []
    for entry in entries:
        for deadline in entry.deadlines:
            rows.append({"due": deadline["due"], "start": deadline.get("start"),
                         "phrase": deadline["phrase"], "key": entry.key, "path": entry.path,
                         "heading": entry.heading, "doc_number": entry.doc_number or "",
                         "document_key": entry.document_key, "role": entry.role,
                         "expired": entry.expired})
    rows.sort(key=lambda r: (r["due"] or "9999", r["doc_number"], r["path"]))
    return rows


def entry_counts(library: Library) -> dict[str, int]:
    """Number of clauses that concern each department (own or via a collective unit it
    belongs to), general notes left out — the same clauses the filter shows. Counted at
    import (store/build.refresh_counts), read here without scanning the library."""
    by_id = library.entry_counts()
    return {d.name: by_id.get(d.id, 0) for d in library.departments()}
