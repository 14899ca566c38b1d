"""A clause with its citation, ready to paste into a draft.

Officials quote a clause as 《标题》（文号）二、（三）1. followed by its words;
building that string here keeps the window, the CLI and later the meeting
brief in agreement about the form.
"""
from __future__ import annotations

from .errors import UnknownNodeError
from .library import DocumentInfo, Library


def citation(doc: DocumentInfo, path: str = "") -> str:
    """《title》（文号）path — 文号 and path only when known."""
    out = f"《{doc.title}》"
    if doc.doc_number:
        out += f"（{doc.doc_number}）"
    return out + (path or "")


def quote(library: Library, key: str) -> str:
    """Citation line, then the text of the node and of the nodes under it.

    *key* may also be a document key: then the citation alone is returned.
    """
    try:
        node = library.node(key)
    except UnknownNodeError:
        return citation(library.document(key))
    doc = library.document(node.document_key)
    nodes = library.nodes(node.document_key)
    ids, lines = set(), []
    for other in nodes:
        if other.id == node.id or other.parent_id in ids:
            ids.add(other.id)
            lines.append(other.full_text)
    path = "" if node.kind in ("title", "doc_number", "masthead") else node.path
    return citation(doc, path) + "\n" + "\n".join(lines)
