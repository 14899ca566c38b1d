"""Printed documents in the manner of GB/T 9704-2012: shared HTML and styles.

Pure Python: it produces the HTML and a description of the page (running
head, margins); ui/ lays it out on A4 pages with page numbers "— 1 —".
Font families list the faces an office machine usually has first (方正小标宋,
仿宋_GB2312, 黑体, 楷体) and end with the faces bundled with the app, so the
print looks official where those fonts exist and is complete everywhere.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, Union

# A page's HTML, or a function giving it for the printer's resolution (dots per
# inch), for pages whose pixel sizes (indents, spacing) must be right on paper.
Page = Union[str, Callable[[int], str]]

# The block user state (CSS -qt-user-state) of a heading that must not end a page: the
# page layout (ui/printing/pages.py) moves it to the next page with the text it heads.
KEEP_WITH_NEXT = 1
# The block state of a paragraph right after a table that must not open a page alone (the
# line under a duty table): the table's last row goes to the next page with it.
KEEP_WITH_PREVIOUS = 2

# GB/T 9704-2012 §5.2: 天头 37 mm, 订口 28 mm, text block 156 × 225 mm on A4.
MARGINS_MM = (28.0, 37.0, 26.0, 35.0)  # left, top, right, bottom

TITLE_FACES = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimHei', '黑体', 'Gazette Sans', 'Noto Sans CJK SC'"
BODY_FACES = "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Gazette Serif', 'Noto Serif CJK SC'"
HEI_FACES = "'黑体', 'SimHei', 'Gazette Sans', 'Noto Sans CJK SC'"
KAI_FACES = "'楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Gazette Serif', 'Noto Serif CJK SC'"

# Sizes: 二号 22pt (title), 三号 16pt (body and headings), 四号 14pt, 小四 12pt.
# Grid tables take `border-collapse` on the table itself (see grid_table()).
# Headings are paragraphs with classes, not <h1>/<h2>, so that Qt's own heading
# sizes do not override the standard's: every level is 三号, told apart by face.
PRINT_CSS = f"""
body {{ font-family: {BODY_FACES}; font-size: 16pt; }}
p {{ font-size: 16pt; margin-top: 0; margin-bottom: 0; line-height: 170%; text-indent: 32pt; }}
p.title {{ font-family: {TITLE_FACES}; font-size: 22pt; font-weight: bold; text-align: center;
          text-indent: 0pt; line-height: 140%; margin-bottom: 6pt; }}
p.meta {{ text-indent: 0pt; text-align: center; font-size: 14pt; line-height: 140%; margin-bottom: 10pt; }}
p.h1 {{ font-family: {HEI_FACES}; font-size: 16pt; font-weight: bold; margin-top: 10pt; text-indent: 32pt; }}
p.h2 {{ font-family: {KAI_FACES}; font-size: 16pt; font-weight: bold; margin-top: 8pt; text-indent: 32pt; }}
p.noindent {{ text-indent: 0pt; }}
p.cite {{ text-indent: 0pt; font-family: {HEI_FACES}; font-size: 14pt; margin-top: 8pt; }}
p.source {{ text-indent: 0pt; font-size: 14pt; line-height: 150%; }}
p.note {{ text-indent: 0pt; font-family: {KAI_FACES}; font-size: 16pt; }}
p.due {{ text-indent: 0pt; font-size: 14pt; }}
p.small {{ text-indent: 0pt; font-size: 12pt; line-height: 130%; }}
td.grid, th.grid {{ font-size: 11pt; border-width: 0.5pt; border-style: solid;
                   padding-top: 1.5pt; padding-bottom: 1.5pt; padding-left: 3pt; padding-right: 3pt;
                   border-color: #000000; }}
p.cell {{ font-size: 11pt; text-indent: 0pt; line-height: 14pt; -qt-line-height-type: fixed; }}
th.grid {{ font-family: {HEI_FACES}; font-weight: bold; }}
span.mark {{ font-weight: bold; background-color: #e6e6e6; }}
span.label {{ font-weight: bold; }}
span.role {{ font-family: {HEI_FACES}; font-weight: bold; }}
span.past {{ text-decoration: line-through; }}
span.expired {{ font-family: {HEI_FACES}; font-weight: bold; }}
p.cell span {{ font-size: 11pt; }}
table.toc td {{ font-size: 14pt; padding: 2pt 0; }}
table.grid {{ margin-top: 2pt; margin-bottom: 4pt; }}
"""
_LENGTH = re.compile(r"([a-z-]+): (\d+(?:\.\d+)?)pt\b")


def print_css(dpi: int) -> str:
    """PRINT_CSS for a device of *dpi*.

    Qt's rich text honours lengths other than font sizes only in pixels, and
    not all alike: a text-indent is in the paint device's pixels, while
    margins and paddings are CSS pixels (1/96 inch) that Qt scales itself.
    """
    def px(m: re.Match) -> str:
        prop, points = m.group(1), float(m.group(2))
        if prop == "font-size":
            return m.group(0)
        per_inch = dpi if prop == "text-indent" else 96
        return f"{prop}: {points * per_inch / 72:.0f}px"
    return _LENGTH.sub(px, PRINT_CSS)


def grid_table(header: list[str], rows: list[list[str]], widths: list[int],
               align: list[str] | None = None) -> str:
    """A table with thin ruled cells, as Qt's rich text draws them (cells are HTML already).

    The header row is the table's <thead>: Qt repeats it on every page the table
    runs onto. *align* gives a column's alignment ("center"), "" for the default.
    """
    align = align or [""] * len(widths)

    def row(cells: list[str], tag: str) -> str:
        return "<tr>" + "".join(
            f'<{tag} class="grid" width="{w}%"' + (f' align="{a}"' if a else "") + f">{c}</{tag}>"
            for c, w, a in zip(cells, widths, align)) + "</tr>"
    return ('<table class="grid" width="100%" cellspacing="0" cellpadding="4" border="1" '
            'style="border-collapse: collapse; border-color: #000000;">'
            "<thead>" + row(header, "th") + "</thead>"
            + "".join(row(r, "td") for r in rows) + "</table>")


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


@dataclass
class PrintJob:
    """Everything needed to print: HTML, the running head, and where the TOC goes."""
    title: str
    html: Page
    running_head: str
    toc_entries: list[tuple[str, str]] = field(default_factory=list)  # (anchor, label)
    toc_marker: str = "<!--TOC-->"

    def html_at(self, dpi: int) -> str:
        return self.html(dpi) if callable(self.html) else self.html

    def with_toc(self, pages: dict[str, int], dpi: int = 96) -> str:
        """The HTML with a table of contents (label …… page) where the marker stands."""
        html_text = self.html_at(dpi)
        if not self.toc_entries or not pages:
            return html_text.replace(self.toc_marker, "")
        rows = "".join(
            f'<tr><td width="92%">{esc(label)}</td><td align="right">{pages.get(anchor, "")}</td></tr>'
            for anchor, label in self.toc_entries)
        toc = (f'<p class="h1" align="center">目　　录</p><table class="toc" width="100%" '
               f'cellspacing="0">{rows}</table>')
        return html_text.replace(self.toc_marker, toc)


def page_html(title: str, body: str) -> Callable[[int], str]:
    """The whole page, as a function of the printer's resolution (see print_css)."""
    def page(dpi: int) -> str:
        return (f"<html><head><meta charset='utf-8'><title>{esc(title)}</title>"
                f"<style>{print_css(dpi)}</style></head><body>{body}</body></html>")
    return page
