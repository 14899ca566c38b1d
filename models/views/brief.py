"""A meeting brief: a collection's bookmarks with citations, text and notes.

Laid out once (brief_document) for every writer: printed through
ui/printing/pages.py, as a Word file (.docx), or as Markdown or plain text for
pasting into a draft. It lists its items first (序号 · 标题 · 出处), then each
clause under a title with its heading, its full citation on the line below
(never a path alone), the user's note set as prominently as the clause (the
note is why it is in the brief), then the clause's text. A changed clause
shows its current wording and says that it changed; an orphaned one shows
the wording it was bookmarked with; an expired document carries 【已失效】.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.bookmarks import Bookmark
from models.views.citation import EXPIRED_MARK, source_lines
from models.views.cn_date import cn_date
from models.views.outdoc import OutDoc, Span, Table
from models.views.print_html import PrintJob

STATUS_LABELS = {"ok": "", "changed": "条文已变化", "orphaned": "原条文已不在库中"}
ITEMS_HEADER = ["序号", "标题", "出处"]
ITEMS_WIDTHS = [8, 54, 38]
TITLE_CHARS = 40


def _shown_text(mark: Bookmark) -> str:
    return mark.current_text if mark.current_text is not None else mark.text


def item_title(mark: Bookmark) -> str:
    """The items table's 标题: the clause's heading (or its first words); for a whole
    document, its title without the issuer (关于……的通知), as the short title is made."""
    if not mark.path:
        cut = mark.title.find("关于")
        return mark.title[cut:] if cut > 0 else mark.title
    from models.views.dutylist import gist
    text = mark.heading or _shown_text(mark)
    return gist(text, TITLE_CHARS) if text else mark.path


def item_heading(mark: Bookmark) -> str:
    """The title a clause has above its text: item_title(), except for an annex entry, whose
    "heading" is its text (区发展和改革局负责将…): its place in the annex, 附件 区发展和改革局,
    rather than its first words repeated just above them."""
    from models.views.dutylist import heading_is_text
    annex_entry = mark.path.startswith("附件") and heading_is_text(mark)
    return mark.path if annex_entry else item_title(mark)


def brief_document(collection: str, marks: list[Bookmark], today: date | None = None) -> OutDoc:
    today = today or date.today()
    out = OutDoc(collection, f"{collection}　会议材料")
    out.add("title", collection)
    out.add("meta", f"会议材料　{cn_date(today.isoformat())}　共 {len(marks)} 条")
    if not marks:
        out.add("body", "这个收藏夹还没有书签。")
        return out
    table = Table(ITEMS_HEADER, [], ITEMS_WIDTHS, ["center", "", ""])
    for i, mark in enumerate(marks, start=1):
        status = STATUS_LABELS[mark.status]
        title = [[Span(item_title(mark))]] + ([[Span(f"（{status}）")]] if status else [])
        source = [[Span(line)] for line in source_lines(mark.doc_number, mark.path)]
        if mark.expired:
            source.append([Span(EXPIRED_MARK, "expired")])
        table.rows.append([[[Span(str(i))]], title, source or [[Span("—")]]])
    out.blocks.append(table)
    for i, mark in enumerate(marks, start=1):
        status = STATUS_LABELS[mark.status]
        out.add("h2", f"{i}．{item_heading(mark)}",
                *([Span(f"【{status}】", "expired")] if status else []),
                keep_with_next=True)
        out.add("source", *_citation_spans(mark), keep_with_next=bool(mark.note or mark.path))
        if mark.note:
            out.add("note", Span("备注：", "label"), mark.note, keep_with_next=bool(mark.path))
        if mark.path:  # a clause; a whole document is cited by its title alone
            out.add("body", _shown_text(mark))
        if mark.status == "changed":
            out.add("body", Span("收藏时的原文：", "label"), mark.text)
    return out


def _citation_spans(mark: Bookmark) -> list[Span]:
    citation = mark.citation()
    if mark.expired and citation.endswith(EXPIRED_MARK):
        return [Span(citation[:-len(EXPIRED_MARK)]), Span(EXPIRED_MARK, "expired")]
    return [Span(citation)]


def to_markdown(collection: str, marks: list[Bookmark], today: date | None = None) -> str:
    from models.views.writers.plain import to_markdown as write
    return write(brief_document(collection, marks, today))


def to_text(collection: str, marks: list[Bookmark], today: date | None = None) -> str:
    from models.views.writers.plain import to_text as write
    return write(brief_document(collection, marks, today))


def to_print_job(collection: str, marks: list[Bookmark], today: date | None = None) -> PrintJob:
    from models.views.writers.print_job import to_print_job as write
    return write(brief_document(collection, marks, today))


def write_docx(collection: str, marks: list[Bookmark], path: Path,
               today: date | None = None) -> Path:
    """The brief as a Word file for WPS and Word (导出会议材料为 Word…)."""
    from models.views.writers.docx import write_docx as write
    return write(brief_document(collection, marks, today), Path(path))
