"""The one form of a citation, and a clause with its citation, ready to paste into a draft.

Officials cite a clause as 《标题》（文号）二、（三）1.; a document without a
文号 as 《标题》二、（三）1.; and a document whose validity has ended carries
【已失效】 after the citation, wherever it appears (copied text, the bookmark
list, the brief, printouts). Every one of them is made by cite() here, and
unbroken() says how a page keeps such a mark on one line.
"""
from __future__ import annotations

from datetime import date
from typing import Protocol

from models.issue import is_document_key
from models.store.library import DocumentInfo, Library, NodeInfo

EXPIRED_MARK = "【已失效】"
WHOLE_DOCUMENT_KINDS = ("title", "doc_number", "masthead")
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


class Paged(Protocol):
    """What has a page: a clause (NodeInfo), a search hit, a document (its 目录 page)."""
    page: int | None


def page_of(item: Paged | None) -> str:
    """第17页 (the page number printed on it), or 第3页 of the file; "" when unknown.

    The one rule of page text: citations, the reader's header, search results."""
    if item is None:
        return ""
    label = getattr(item, "page_label", None)
    if label:
        return f"第{label}页"
    return f"第{item.page}页" if item.page else ""


def gazette_page(node: NodeInfo | None, doc: DocumentInfo) -> str:
    """Where the reader's header says the text stands: 公报第17页 for a clause whose printed
    page number is known, 第5页 (of the file, not the gazette's numbering) for one whose page
    has none printed, else 公报第3页起 where its document starts (the 目录's page)."""
    here = page_of(node)
    if here:
        return f"公报{here}" if node.page_label else here
    start = page_of(doc)
    return f"公报{start}起" if start else ""


def citation(doc: DocumentInfo, path: str = "", today: date | None = None,
             page: NodeInfo | None = None) -> str:
    """The citation of *path* in *doc*, marked when the document has expired; with the
    page of the node *page* when given (an option: officials quote the page in drafts)."""
    return cite(doc.title, doc.doc_number, path, doc.expired(today), page_of(page))


def cited_path(node: NodeInfo) -> str:
    """The path a citation names: none for the document's own title, 文号 or masthead
    (citing them is citing the whole document)."""
    return "" if node.kind in WHOLE_DOCUMENT_KINDS else node.path


def source_ref(doc_number: str | None, path: str) -> str:
    """Where a task stands, short (a table's 出处 column): 文号 and path."""
    return " ".join(source_lines(doc_number, path))


def source_lines(doc_number: str | None, path: str) -> list[str]:
    """source_ref() as the lines of a narrow table cell: the 文号, then the path."""
    return [part for part in (doc_number or "", path) if part]


def quote(library: Library, key: str, with_page: bool = False) -> str:
    """Citation line, then the text of the node and of the nodes under it; with *with_page*
    the citation ends in the page where the clause starts (when it is known).

    *key* may also be a document key: then the citation alone is returned.
    """
    node = library.node(key)  # a document key gives the document's title node
    doc = library.document(node.document_key)
    if is_document_key(key):
        return citation(doc, page=node if with_page else None)
    nodes = library.nodes(node.document_key)
    ids, lines = set(), []
    for other in nodes:
        if other.id == node.id or other.parent_id in ids:
            ids.add(other.id)
            lines.append(other.full_text)
    return (citation(doc, cited_path(node), page=node if with_page else None) + "\n"
            + "\n".join(lines))
