"""Printed documents in the manner of GB/T 9704-2012: shared HTML and styles.

Pure Python: it produces the HTML and a description of the page (running
head, margins); ui/ lays it out on A4 pages with page numbers "— 1 —".
Font families list the faces an office machine usually has first (方正小标宋,
仿宋_GB2312, 黑体, 楷体) and end with the faces bundled with the app, so the
print looks official where those fonts exist and is complete everywhere.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Callable, Union

# A page's HTML, or a function giving it for the printer's resolution (dots per
# inch), for pages whose pixel sizes (indents, spacing) must be right on paper.
Page = Union[str, Callable[[int], str]]

# GB/T 9704-2012 §5.2: 天头 37 mm, 订口 28 mm, text block 156 × 225 mm on A4.
MARGINS_MM = (28.0, 37.0, 26.0, 35.0)  # left, top, right, bottom

TITLE_FACES = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimHei', '黑体', 'Gazette Sans', 'Noto Sans CJK SC'"
BODY_FACES = "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Gazette Serif', 'Noto Serif CJK SC'"
HEI_FACES = "'黑体', 'SimHei', 'Gazette Sans', 'Noto Sans CJK SC'"
KAI_FACES = "'楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Gazette Serif', 'Noto Serif CJK SC'"

# Sizes: 二号 22pt (title), 三号 16pt (body), 四号 14pt, 小四 12pt.
PRINT_CSS = f"""
body {{ font-family: {BODY_FACES}; font-size: 16pt; line-height: 150%; }}
h1 {{ font-family: {TITLE_FACES}; font-size: 22pt; font-weight: bold; text-align: center;
      margin-top: 0; margin-bottom: 12pt; }}
h2 {{ font-family: {HEI_FACES}; font-size: 16pt; font-weight: bold; margin-top: 14pt;
      margin-bottom: 6pt; }}
h3 {{ font-family: {KAI_FACES}; font-size: 16pt; font-weight: bold; margin-top: 8pt;
      margin-bottom: 4pt; }}
p {{ margin-top: 0; margin-bottom: 6pt; text-indent: 32pt; }}
p.meta {{ text-indent: 0; text-align: center; font-size: 14pt; }}
p.noindent {{ text-indent: 0; }}
p.cite {{ text-indent: 0; font-family: {HEI_FACES}; font-size: 14pt; margin-top: 10pt; }}
p.note {{ text-indent: 0; font-family: {KAI_FACES}; font-size: 14pt; }}
p.due {{ text-indent: 0; font-size: 14pt; }}
td, th {{ font-size: 14pt; padding: 3pt 6pt; }}
th {{ font-family: {HEI_FACES}; font-weight: bold; }}
span.role {{ font-family: {HEI_FACES}; font-weight: bold; }}
span.past {{ font-weight: bold; text-decoration: line-through; }}
span.expired {{ font-family: {HEI_FACES}; font-weight: bold; }}
.toc p {{ text-indent: 0; font-size: 14pt; margin-bottom: 2pt; }}
"""


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
            f'<tr><td width="90%">{esc(label)}</td><td align="right">{pages.get(anchor, "")}</td></tr>'
            for anchor, label in self.toc_entries)
        toc = (f'<div class="toc"><h2>目　录</h2><table width="100%" cellspacing="0">{rows}'
               "</table></div>")
        return html_text.replace(self.toc_marker, toc)


def cn_date(iso: str | None) -> str:
    """2021-11-30 → 2021年11月30日 (the form of dates in official documents)."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def document_html(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{esc(title)}</title>"
            f"<style>{PRINT_CSS}</style></head><body>{body}</body></html>")
