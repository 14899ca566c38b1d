"""An OutDoc as a PrintJob: HTML in Qt's rich-text subset, styled by print_html's CSS.

Two things Qt's HTML carries for the page layout in ui/printing/pages.py:
- a table's header row sits in <thead>, which Qt repeats at the top of every
  page the table runs onto (QTextTableFormat.headerRowCount);
- a heading that must stay with the text after it carries the block user
  state KEEP_WITH_NEXT (CSS -qt-user-state), which survives into the
  QTextBlock; the layout moves such a block to the next page when it would
  end one. Qt ignores CSS page-break-after: avoid, hence the state.
"""
from __future__ import annotations

from models.views.outdoc import Cell, OutDoc, Para, Span, Table
from models.views.print_html import KEEP_WITH_NEXT, PrintJob, esc, grid_table, page_html

_CLASS = {"title": "title", "meta": "meta", "h1": "h1", "h2": "h2", "entry": "cite", "source": "source",
          "body": "", "note": "note", "due": "due", "small": "small"}
_SPAN = {"mark": "mark", "role": "role", "expired": "expired", "label": "label"}


def spans_html(spans: list[Span]) -> str:
    return "".join(f'<span class="{_SPAN[s.style]}">{esc(s.text)}</span>' if s.style
                   else esc(s.text) for s in spans)


def para_html(para: Para) -> str:
    cls = _CLASS[para.kind]
    style = []
    if para.keep_with_next:
        style.append(f"-qt-user-state: {KEEP_WITH_NEXT}")
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
