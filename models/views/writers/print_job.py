"""An OutDoc as a PrintJob: HTML in Qt's rich-text subset, styled by print_html's CSS.

What Qt's HTML carries for the page layout in ui/printing/pages.py:
- a table's header row sits in <thead>, which Qt repeats at the top of every
  page the table runs onto (QTextTableFormat.headerRowCount);
- a heading that must stay with the text after it carries the block user
  state KEEP_WITH_NEXT (CSS -qt-user-state), which survives into the
  QTextBlock; the layout moves such a block to the next page when it would
  end one. Qt ignores CSS page-break-after: avoid, hence the state;
- the line under a table that must not open a page alone carries
  KEEP_WITH_PREVIOUS: the layout takes the table's last row over with it
  (ui/printing/table_rows.py, which also keeps every row whole).
"""
from __future__ import annotations

from models.views.citation import unbroken
from models.views.outdoc import UNBROKEN, Cell, OutDoc, Para, Span, Table
from models.views.print_html import (KEEP_WITH_NEXT, KEEP_WITH_PREVIOUS, PrintJob, esc, grid_table,
                                     page_html)

_CLASS = {"title": "title", "meta": "meta", "h1": "h1", "h2": "h2", "entry": "cite", "source": "source",
          "body": "", "note": "note", "due": "due", "small": "small"}
_SPAN = {"mark": "mark", "role": "role", "expired": "expired", "label": "label"}


def spans_html(spans: list[Span]) -> str:
    return "".join(f'<span class="{_SPAN[s.style]}">{esc(_shown(s))}</span>' if s.style in _SPAN
                   else esc(_shown(s)) for s in spans)


def _shown(span: Span) -> str:
    """A mark (【牵头】, 【已失效】), a date's parts: never broken over two lines
    (citation.unbroken)."""
    return unbroken(span.text) if span.style in UNBROKEN else span.text


def para_html(para: Para) -> str:
    cls = _CLASS[para.kind]
    style = []
    if para.keep_with_next:
        style.append(f"-qt-user-state: {KEEP_WITH_NEXT}")
    elif para.keep_with_previous:
        style.append(f"-qt-user-state: {KEEP_WITH_PREVIOUS}")
    if para.page_break_before:
        style.append("page-break-before: always")
    attrs = (f' class="{cls}"' if cls else "") + (f' style="{"; ".join(style)}"' if style else "")
    anchor = f'<a name="{para.anchor}"></a>' if para.anchor else ""
    return f"<p{attrs}>{anchor}{spans_html(para.spans)}</p>"


def cell_html(cell: Cell, align: str = "") -> str:
    """A cell's lines as paragraphs of their own: ui/printing/pages.py splits a paragraph that
    runs over a page, and a split after a line break (<br/>, U+2028) never settles."""
    attrs = f' align="{align}"' if align else ""
    return "".join(f'<p class="cell"{attrs}>{spans_html(line)}</p>' for line in cell)


def table_html(table: Table) -> str:
    align = table.align or [""] * len(table.header)
    return grid_table(table.header, [[cell_html(c, a) for c, a in zip(row, align)]
                                     for row in table.rows], table.widths, align)


def body_html(doc: OutDoc) -> str:
    return "".join(para_html(b) if isinstance(b, Para) else table_html(b) for b in doc.blocks)


def to_print_job(doc: OutDoc, toc_entries: list[tuple[str, str]] | None = None) -> PrintJob:
    return PrintJob(doc.title, page_html(doc.title, body_html(doc)), doc.running_head,
                    toc_entries or [])
