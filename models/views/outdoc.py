"""An output document as plain data: what a duty list or a brief says, in order.

One assembly (models/views/dutylist.py, brief.py) builds an OutDoc; each
writer (models/views/writers/: print HTML for the PDF, Markdown and text,
Word .docx) only decides how its blocks look. So the PDF, the .docx and
the pasted text hold the same entries in the same order, by construction.

A block is a paragraph of a kind (the GB/T 9704 levels and a few quiet
kinds) made of spans, or a ruled table whose header repeats on every page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from models.textnorm import fold

# Paragraph kinds, as every writer knows them:
#   title (方正小标宋 二号, centred)   meta (centred, quiet)   h1 (黑体)   h2 (楷体, bold)
#   entry (a clause's title line, 黑体 四号)   source (a full citation on its own line, 四号)
#   body (仿宋 三号, two-character indent)
#   note (楷体 三号: a user's note, as prominent as the clause)   due (时限 line)
#   small (小四, no indent: the line under a table)
KINDS = ("title", "meta", "h1", "h2", "entry", "source", "body", "note", "due", "small")

# Span styles: "" plain, "mark" the department (highlighted), "role" (【牵头】, bold sans),
# "expired" (【已失效】, bold sans), "label" (备注：, bold), "whole" (plain words a page
# never breaks, as 2021年 and 12月31日 in a narrow 时限 column).
STYLES = ("", "mark", "role", "expired", "label", "whole")
EMPHASIS = ("mark", "role", "expired", "label")  # set apart (bold) where nothing else can be
UNBROKEN = ("role", "expired", "whole")  # on one line on a page (views/citation.unbroken)


@dataclass
class Span:
    text: str
    style: str = ""


@dataclass
class Para:
    kind: str
    spans: list[Span]
    keep_with_next: bool = False  # a heading: never the last line of a page
    keep_with_previous: bool = False  # the line under a table: never alone atop a page
    page_break_before: bool = False
    anchor: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


# A cell is a list of lines, each a list of spans.
Cell = list[list[Span]]


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]]
    widths: list[int]  # per cent of the text block
    align: list[str] = field(default_factory=list)  # "" or "center", per column

    def cell_text(self, cell: Cell) -> str:
        return "\n".join("".join(s.text for s in line) for line in cell)


Block = Union[Para, Table]


@dataclass
class OutDoc:
    title: str
    running_head: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, *spans: Span | str, **flags) -> Para:
        para = Para(kind, [s if isinstance(s, Span) else Span(s) for s in spans if s], **flags)
        self.blocks.append(para)
        return para

    def texts(self) -> Iterator[str]:
        """Every paragraph's text and every table cell's text (header first, then row by
        row), in reading order: what a reader of any of the files sees, for comparing them."""
        for block in self.blocks:
            if isinstance(block, Para):
                yield block.text
            else:
                yield from block.header
                for row in block.rows:
                    for cell in row:
                        yield block.cell_text(cell)


def marked(text: str, terms: list[str]) -> list[Span]:
    """*text* as spans, every occurrence of *terms* (width-folded, longest first) marked."""
    wanted = sorted({fold(t) for t in terms if t}, key=len, reverse=True)
    if not wanted or not text:
        return [Span(text)] if text else []
    pattern = re.compile("|".join(re.escape(t) for t in wanted))
    spans, pos = [], 0
    for m in pattern.finditer(fold(text)):  # fold keeps the length: offsets are shared
        if m.start() > pos:
            spans.append(Span(text[pos:m.start()]))
        spans.append(Span(text[m.start():m.end()], "mark"))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return spans
