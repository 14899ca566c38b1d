"""From glyphs placed on pages to the paragraphs and table rows the parser reads.

Shared by the fixed-layout readers (PDF, OFD): they give each page's glyphs
with their boxes and the rules drawn on it; everything else is geometry,
decided here once:

- printed lines: glyphs that overlap vertically, ordered by x; a gap clearly
  wider than the line's usual letter spacing is a space;
- running heads and feet: the top and bottom lines that repeat at the same
  place over many pages, and page numbers ("— 5 —", "- 5 -", "·5·", "第5页"),
  whose number becomes the page's label; nothing names a gazette;
- tables: ruled grids found from the segments, read cell by cell; a header
  repeated on a later page is dropped, a table continued on the next page is
  one table, a row cut by the page break is one row;
- paragraphs: a line continues the paragraph above when that one filled the
  measure and this one starts at the left margin right below it (or at the
  top of the next page, the page before being full); an indent, a gap, a
  line ending short, a change of size, or a centred or right-set line ends it.

The margins come from the pages themselves (the most common left and right
edges of body-size lines, for odd and even pages apart), never from A4 numbers.
Spaces stay as printed (one per visible gap): the parser mends them where
the wording allows it, and a roster needs the gap between name and post.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from models.parse.line import Line
from models.parse.sources.geometry.glyphs import RawPage
from models.parse.sources.geometry.margins import page_numbers, running_heads
from models.parse.sources.geometry.printed import Printed, group_lines, join, printed_line
from models.parse.sources.geometry.tables import (Row, TablePart, find_tables, link_tables,
                                                  table_rows)


# ---------------------------------------------------------------- paragraphs

_LEADER_END = re.compile(r"[.…·．]{3,}\s*\d{1,4}$")

def _mode(values: list[float], step: float = 0.5) -> float:
    counts = Counter(round(v / step) for v in values)
    best = counts.most_common(1)[0][0]
    near = [v for v in values if abs(v / step - best) <= 1.5]
    return median(near)


@dataclass
class _Frame:
    """The text block of a page: margins and the line pitch of each size."""
    left: float
    right: float
    top: float
    bottom: float
    pitch: dict[float, float]
    body: float
    indent: float = 2.0  # the first-line indent, in ems

    def pitch_of(self, size: float) -> float:
        best = min(self.pitch, key=lambda s: abs(s - size)) if self.pitch else None
        if best is not None and abs(best - size) <= 0.1 * size:
            return self.pitch[best]
        base = self.pitch.get(self.body, self.body * 1.8)
        return max(base, size * 1.5)


def _margins(sample: list[Printed], every: list[Printed], width: float) -> tuple[float, float]:
    """Left and right edge of the text block: the most common edges of the long body lines;
    with too few of them to tell, the block is taken as centred on the page around every
    line of any size."""
    if sample:
        lo, hi = min(x.x0 for x in sample), max(x.x1 for x in sample)
        long = [x for x in sample if x.x1 - x.x0 >= 0.6 * (hi - lo)]
        if len(long) >= 3:
            return _mode([x.x0 for x in long]), _mode([x.x1 for x in long])
    lo, hi = min(x.x0 for x in every), max(x.x1 for x in every)
    left = min(lo, width - hi)
    return left, width - left


def _frames(pages: dict[int, list[Printed]], body: float,
            widths: dict[int, float]) -> dict[int, _Frame]:
    body_lines = {n: [x for x in lines if abs(x.size - body) <= 0.1 * body]
                  for n, lines in pages.items()}
    everything = [x for lines in body_lines.values() for x in lines]
    gaps: dict[float, list[float]] = {}
    for lines in pages.values():
        for a, b in zip(lines, lines[1:]):
            if abs(a.size - b.size) <= 0.05 * a.size and b.top > a.bottom:
                gaps.setdefault(round(a.size * 4) / 4, []).append(b.bottom - a.bottom)
    pitch = {s: _mode(v) for s, v in gaps.items() if len(v) >= 2}
    def block(width: float) -> tuple[float, float]:
        """Top and bottom of the text block on pages of this width: where most pages start,
        the lowest line any of them has."""
        same = [lines for n, lines in pages.items() if lines and abs(widths[n] - width) < 1]
        return _mode([lines[0].top for lines in same]), max(lines[-1].bottom for lines in same)

    frames: dict[int, _Frame] = {}
    # odd and even pages apart (a bound booklet mirrors its margins), and pages of another
    # size or orientation (a landscape task table) apart from the rest
    groups: dict[tuple[int, int], list[int]] = {}
    for n in pages:
        groups.setdefault((n % 2, round(widths[n])), []).append(n)
    for members in groups.values():
        same = [x for n in members for x in body_lines[n]]
        sample = same if len(same) >= 10 else [x for x in everything
                                                if abs(widths[x.page] - widths[members[0]]) < 1]
        every = [x for n in members for x in pages[n]]
        if not every:
            continue
        left, right = _margins(sample, every, widths[members[0]])
        indents = [(x.x0 - left) / x.size for x in sample if 0.8 <= (x.x0 - left) / x.size <= 3.2]
        indent = _mode(indents, 0.25) if len(indents) >= 3 else 2.0
        top, bottom = block(widths[members[0]])
        for n in members:
            frames[n] = _Frame(left, right, top, bottom, pitch, body, indent)
    return frames


@dataclass
class _Para:
    lines: list[Printed]
    align: str
    alone: bool  # centred or set right: a line of its own
    blank: bool


def _kind(line: Printed, f: _Frame) -> tuple[float, float, str]:
    """Indents left and right in ems, and "center", "right", "left" (set apart on the
    left: a hanging line) or "" (a line of running text)."""
    em = line.size
    li, ri = (line.x0 - f.left) / em, (f.right - line.x1) / em
    at_indent = abs(li - f.indent) < 0.15 and abs(line.size - f.body) <= 0.1 * f.body
    if li > 0.3 and ri > 0.3 and abs(li - ri) < 0.5 and not at_indent:
        return li, ri, "center"
    if li > f.indent + 0.5:
        return li, ri, "right" if ri < li else "left"
    return li, ri, ""


def _continues(para: _Para, line: Printed, kind: str, li: float, first_on_page: bool,
               frames: dict[int, _Frame]) -> bool:
    """Does *line* go on with *para*? Only if the paragraph's last line filled the measure,
    this one starts at the left margin in the same size, and it comes right below — or, on
    the next page, at the top of the text block with the page before full."""
    if para.alone or kind or li >= 0.5:
        return False
    a = para.lines[-1]
    if _LEADER_END.search(a.text):
        return False  # a 目录 entry's dot leaders fill the measure, and end the entry
    fa, f = frames[a.page], frames[line.page]
    if (fa.right - a.x1) / a.size >= 0.5 or abs(a.size - line.size) > 0.1 * a.size:
        return False
    pitch = f.pitch_of(line.size)
    if a.page == line.page:
        return line.bottom - a.bottom <= 1.35 * pitch
    if line.page == a.page + 1 and first_on_page:
        # full: one more line would have gone below the lowest line any page has (the
        # text block's bottom, as far as the pages show it)
        page_full = a.bottom + pitch > fa.bottom + 0.05 * pitch
        return page_full and line.top - f.top < 0.6 * pitch
    return False


def _paragraphs(pages: dict[int, list], frames: dict[int, _Frame]) -> list:
    """Printed lines and table parts, page by page in reading order → _Para and TablePart
    items in reading order."""
    out: list = []
    current: _Para | None = None  # the paragraph the next line may continue
    above = None  # the item right above the next one on its page
    for n in sorted(pages):
        for k, item in enumerate(pages[n]):
            if isinstance(item, TablePart):
                current, above = None, item
                out.append(item)
                continue
            line, f = item, frames[n]
            li, _, kind = _kind(line, f)
            # (a table resets *current*: a paragraph never goes on across one)
            if current is not None and _continues(current, line, kind, li, k == 0, frames):
                current.lines.append(line)
            else:
                pitch = f.pitch_of(line.size)
                blank = k == 0 or line.top - above.bottom > \
                    pitch - (line.bottom - line.top) + 0.4 * pitch  # more than the usual leading
                current = _Para([line], kind if kind in ("center", "right") else "",
                                bool(kind), blank)
                out.append(current)
            above = line
    return out


# ---------------------------------------------------------------- the whole file

def lines_from_pages(pages: list[RawPage]) -> list[Line]:
    """The paragraphs and table rows of a laid-out file, in reading order, as parser Lines."""
    sizes = Counter(round(g.size * 4) / 4 for p in pages for g in p.glyphs if g.char != " ")
    if not sizes:
        return []
    body = sizes.most_common(1)[0][0]
    printed: dict[int, list[Printed]] = {}
    tables: dict[int, list[TablePart]] = {}
    heights = {p.number: p.height for p in pages}
    for page in pages:
        parts, rest = find_tables(page, page.glyphs)
        tables[page.number] = parts
        rows = [r for r in group_lines(rest) if any(g.char != " " for g in r)]
        lines = [printed_line(page.number, r) for r in rows]
        printed[page.number] = [x for x in lines if x.text]
    # heads and feet are looked for among the lines outside tables, above or below them
    labels = page_numbers(printed, heights, body)
    running_heads(printed, body, labels)
    frames = _frames(printed, body, {p.number: p.width for p in pages})
    items: dict[int, list] = {}
    for n in printed:
        merged = printed[n] + tables[n]
        items[n] = sorted(merged, key=lambda x: x.top)
    flow = _paragraphs(items, frames)
    table_of: dict[int, tuple[int, list[tuple[Row, bool]]]] = {}
    for ordinal, parts in enumerate(link_tables(flow), start=1):
        table_of[id(parts[0])] = (ordinal, table_rows(parts))
        for part in parts[1:]:
            table_of[id(part)] = (ordinal, [])
    out: list[Line] = []
    for item in flow:
        if isinstance(item, TablePart):
            ordinal, rows = table_of[id(item)]
            for i, (row, is_header) in enumerate(rows):
                page = row.boxes[0][0]
                out.append(Line(len(out) + 1, " ".join(c for c in row.cells if c),
                                blank_before=i == 0, page=page, page_label=labels.get(page),
                                boxes=tuple(row.boxes), whole=True, cells=tuple(row.cells),
                                table=ordinal, header=is_header))
            continue
        text = join([x.text for x in item.lines]).strip()
        if not text:
            continue
        first = item.lines[0]
        align = item.align if len(item.lines) == 1 else ""
        if len(item.lines) == 1 and not align and first.size > 1.2 * body:
            f = frames.get(first.page)
            if f and abs((first.x0 - f.left) - (f.right - first.x1)) < 0.5 * first.size:
                align = "center"  # a display line set full measure (a masthead) is centred
        out.append(Line(len(out) + 1, text, item.blank, page=first.page,
                        page_label=labels.get(first.page),
                        boxes=tuple(x.box for x in item.lines), whole=True, align=align))
    return out
