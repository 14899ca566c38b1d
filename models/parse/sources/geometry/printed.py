"""Printed lines: glyphs that overlap vertically, read left to right.

Why apart: the paragraph builder, the table reader and the margin finder all need
the same lines; and the one delicate rule, which gap is a space, lives in one place.
A gap is a space when it is clearly wider than the line's ordinary letter spacing
(justification spreads every letter a little) or where the file has a space.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from models.parse.line import Box

if TYPE_CHECKING:
    from models.parse.sources.geometry.glyphs import Glyph


@dataclass
class Printed:
    """One printed line: its extent on the page, its (median) size, mostly bold or not."""
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    text: str

    @property
    def box(self) -> Box:
        return (self.page, round(self.x0, 2), round(self.top, 2), round(self.x1, 2),
                round(self.bottom, 2))


def group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs → rows of glyphs that overlap vertically (one printed line each), top to bottom."""
    rows: list[list[Glyph]] = []
    bands: list[list[float]] = []  # top, bottom of each open row
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        h = g.bottom - g.top
        if rows:
            top, bottom = bands[-1]
            overlap = min(bottom, g.bottom) - max(top, g.top)
            if overlap >= 0.5 * min(h, bottom - top):
                rows[-1].append(g)
                bands[-1] = [min(top, g.top), max(bottom, g.bottom)]
                continue
        rows.append([g])
        bands.append([g.top, g.bottom])
    return rows


def line_text(glyphs: list[Glyph]) -> str:
    """The row's text left to right: one space where the gap is clearly wider than the
    row's ordinary letter spacing (justification spreads letters too), or where the file
    itself has a space."""
    ordered = sorted(glyphs, key=lambda g: g.x0)
    marks = [g for g in ordered if g.char != " "]
    gaps = [b.x0 - a.x1 for a, b in zip(marks, marks[1:])]
    usual = median(gaps) if len(gaps) >= 4 else 0.0
    out: list[str] = []
    prev: Glyph | None = None
    pending = False
    for g in ordered:
        if g.char == " ":
            pending = prev is not None
            continue
        if prev is not None:
            if g.char == prev.char and abs(g.x0 - prev.x0) < 0.3 * g.size:
                continue  # the same glyph drawn twice (fake bold, shadow)
            gap = g.x0 - prev.x1
            if pending or gap > max(usual, 0.0) + 0.2 * min(g.size, prev.size):
                out.append(" ")
        out.append(g.char)
        prev, pending = g, False
    return "".join(out).strip()


def printed_line(page: int, glyphs: list[Glyph]) -> Printed:
    """A row of glyphs (from group_lines) as a printed line."""
    marks = [g for g in glyphs if g.char != " "] or glyphs
    sizes = sorted(g.size for g in marks)
    return Printed(page, min(g.x0 for g in marks), min(g.top for g in marks),
                   max(g.x1 for g in marks), max(g.bottom for g in marks),
                   sizes[len(sizes) // 2], sum(g.bold for g in marks) * 2 > len(marks),
                   line_text(glyphs))


def join(texts: list[str]) -> str:
    """Printed lines of one paragraph or cell: no separator, except that a Latin word cut at
    a line end gets its space back."""
    out = ""
    for text in texts:
        if out and out[-1:].isascii() and out[-1:].isalpha() and text[:1].isascii() \
                and text[:1].isalpha():
            out += " "
        out += text
    return out
