"""The one form of a citation, and a clause with its citation, ready to paste into a draft.

Officials cite a clause as 《标题》（文号）二、（三）1.; a document without a
文号 as 《标题》二、（三）1.; and a document whose validity has ended carries
【已失效】 after the citation, wherever it appears (copied text, the bookmark
list, the brief, printouts). Every one of them is made by cite() here, and
unbroken() says how a page keeps such a mark on one line.
"""
from __future__ import annotations

from datetime import date

from models.errors import UnknownNodeError
from models.store.library import DocumentInfo, Library, NodeInfo

EXPIRED_MARK = "【已失效】"
WORD_JOINER = "\u2060"  # no line break on either side; not seen, not in pdftotext's text


def unbroken(mark: str) -> str:
    """*mark* (【已失效】, 【牵头】) as a page must set it: never broken over two lines
    ("【已失" / "效】"). Its characters are joined by U+2060 WORD JOINER, which Qt's layout,
    LibreOffice and Word honour. For the printed page and the Word file only (their
    writers call it for marked spans); text for pasting stays plain."""
    return WORD_JOINER.join(mark)


def without_joiners(text: str) -> str:
    """What a reader of the page sees of *text* set by unbroken()."""
    return text.replace(WORD_JOINER, "")


def cite(title: str, doc_number: str | None = None, path: str = "",
         expired: bool = False, page: str = "") -> str:
    """《title》（文号）path, then （第17页） when *page* is given and 【已失效】 when *expired*;
    文号 and path only when known."""
    out = f"《{title}》" + (f"（{doc_number}）" if doc_number else "") + (path or "")
    return out + (f"（{page}）" if page else "") + (EXPIRED_MARK if expired else "")


def page_of(node: NodeInfo | None) -> str:
    """第17页 (the page number printed on it), or 第3页 of the file; "" when unknown."""
    if node is None:
        return ""
    if node.page_label:
        return f"第{node.page_label}页"
    return f"第{node.page}页" if node.page else ""


def citation(doc: DocumentInfo, path: str = "", today: date | None = None,
             page: NodeInfo | None = None) -> str:
    """The citation of *path* in *doc*, marked when the document has expired; with the
    page of the node *page* when given (an option: officials quote the page in drafts)."""
    return cite(doc.title, doc.doc_number, path, doc.expired(today), page_of(page))


def source_ref(doc_number: str | None, path: str) -> str:
    """Where a task stands, short (a table's 出处 column): 文号 and path."""
    return " ".join(source_lines(doc_number, path))


def source_lines(doc_number: str | None, path: str) -> list[str]:
    """source_ref() as the lines of a narrow table cell: the 文号, then the path."""
    return [part for part in (doc_number or "", path) if part]


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
