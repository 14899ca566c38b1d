"""A small typesetter for test fixtures: blocks of text → glyphs placed on A4 pages.

Why: the PDF (and OFD) readers must be tested on real fixed-layout files, and
the only gazette we may use is a text extraction. Typesetting it the way GB/T
9704 prescribes (37 mm top and 28 mm left margin, a 156 × 225 mm text block,
三号 body of 28 characters × 22 lines, two-character first-line indent,
justified lines, a running head and a "— N —" foot) gives a PDF whose layout
we know exactly, so a reader's result can be compared with the text import.

No Qt here: glyph advances come from the bundled fonts through fontTools, so
the same pages feed a PDF writer (Qt) and an OFD writer (XML).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
MM = 72 / 25.4
A4_W, A4_H = 595.28, 841.89
TOP, LEFT = 37 * MM, 28 * MM
BLOCK_W, BLOCK_H = 156 * MM, 225 * MM
BODY = 15.75  # 三号 in the Chinese point table; 28 × 15.75 = 441 pt fits the 442.2 pt block
PITCH = BLOCK_H / 22  # 22 body lines per page
TITLE = 22.0  # 二号
RED = "#d40000"


@dataclass
class PlacedGlyph:
    char: str
    x: float  # left end of the glyph's advance, points from the page's left edge
    baseline: float  # points from the page's top edge
    size: float
    face: str = "serif"  # "serif" | "sans"
    bold: bool = False
    color: str = "#000000"


@dataclass
class TypesetPage:
    number: int
    width: float
    height: float
    glyphs: list[PlacedGlyph] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1


@dataclass
class Block:
    """One paragraph (or table) to set.

    kind: "body" (first-line indent), "plain" (no indent), "center", "right",
    "title" (large, centred), "masthead" (red, sized to fit), "table", "spread" (one line:
    text a character in from the left, *right* a character in from the right).
    """
    kind: str
    text: str = ""
    page_break: bool = False
    gap: float = 0.0  # extra space before, in body lines
    size: float | None = None
    face: str | None = None
    bold: bool | None = None
    color: str | None = None
    indent: float | None = None  # first-line indent, in characters
    right_indent: float = 0.0  # in characters (a date "右空四字")
    center_over: str = ""  # right kind: centre over this text set right_indent (署名 over 日期)
    right: str = ""  # spread kind: the text set flush right on the same line (版记's date)
    break_at_spaces: bool = False  # a title wrapped where the source had a space
    rule_below: bool = False  # a full-width rule under the block (红色分隔线, 版记 rules)
    rows: list[list[str | None]] = field(default_factory=list)  # table: None = merged from above
    widths: list[float] = field(default_factory=list)  # table: relative column widths
    header_rows: int = 1


# ---------------------------------------------------------------- font metrics

@lru_cache(maxsize=None)
def _metrics(face: str, bold: bool) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont

    name = f"Gazette{'Sans' if face == 'sans' else 'Serif'}-{'Bold' if bold else 'Regular'}.otf"
    font = TTFont(str(FONTS / name), lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def advance(ch: str, size: float, face: str = "serif", bold: bool = False) -> float:
    """The advance width of *ch* in points, as the bundled font sets it."""
    if ch == " ":
        return size * 0.5  # a visible gap, so that a reader can tell a space
    cmap, hmtx, upem = _metrics(face, bold)
    glyph = cmap.get(ord(ch))
    if glyph is None:
        return size
    return hmtx[glyph][0] * size / upem


# ---------------------------------------------------------------- line breaking

_NO_START = set("，。、；：？！）》」』”’〕】］〉…—%％,.;:?!)]·")
_NO_END = set("（《「『“‘〔【［〈([")
_LATIN = re.compile(r"[A-Za-z0-9@._\-+/%#&'=~]")


@dataclass
class _Unit:
    text: str  # an unbreakable run (a CJK char, a Latin word, a number) or " "
    width: float

    @property
    def space(self) -> bool:
        return self.text == " "


def _units(text: str, size: float, face: str, bold: bool) -> list[_Unit]:
    units: list[_Unit] = []
    for ch in text:
        if ch == " " and units and units[-1].space:
            continue
        w = advance(ch, size, face, bold)
        if units and _LATIN.match(ch) and _LATIN.match(units[-1].text[-1]) and not units[-1].space:
            units[-1] = _Unit(units[-1].text + ch, units[-1].width + w)
        else:
            units.append(_Unit(ch, w))
    return units


def _can_break(units: list[_Unit], i: int) -> bool:
    """May a line end after units[i-1] and the next start at units[i]?"""
    a, b = units[i - 1], units[i]
    if b.space or a.space:
        # A space survives only between two Latin words: there a reader gives one back.
        # Elsewhere it is glue, so a name–post gap ("邢军 区委常委") is never lost at a line end.
        if b.space and i + 1 < len(units):
            return False
        if a.space and i >= 2:
            return _LATIN.match(units[i - 2].text[-1]) is not None and \
                _LATIN.match(b.text[0]) is not None
        return False
    return b.text[0] not in _NO_START and a.text[-1] not in _NO_END


def break_lines(text: str, size: float, first: float, rest: float, face: str = "serif",
                bold: bool = False, at_spaces: bool = False) -> list[list[_Unit]]:
    """Greedy line breaking: *first* and *rest* are the widths available, in points."""
    if at_spaces:
        lines: list[list[_Unit]] = []
        for part in text.split(" "):
            if part:
                width = first if not lines else rest
                lines.extend(break_lines(part, size, width, rest, face, bold))
        return lines
    units = _units(text.strip(), size, face, bold)
    lines = []
    start = 0
    while start < len(units):
        width = first if not lines else rest
        total, end = 0.0, start
        while end < len(units) and total + units[end].width <= width + 0.01:
            total += units[end].width
            end += 1
        if end < len(units):
            cut = end
            while cut > start + 1 and not _can_break(units, cut):
                cut -= 1
            if cut > start + 1:
                end = cut
            elif end == start:
                end = start + 1  # a unit wider than the line: set it alone
        line = units[start:end]
        while line and line[-1].space:
            line.pop()
        lines.append(line)
        start = end
        while start < len(units) and units[start].space:
            start += 1
    return lines


# ---------------------------------------------------------------- pages

class _Pages:
    def __init__(self) -> None:
        self.pages: list[TypesetPage] = []
        self.y = 0.0
        self.last_full = False  # the last line set reached the right margin
        self.prev_full = False  # ... on the page before
        self.new_page()

    @property
    def page(self) -> TypesetPage:
        return self.pages[-1]

    def new_page(self) -> None:
        self.prev_full = self.last_full if self.pages else False
        self.pages.append(TypesetPage(len(self.pages) + 1, A4_W, A4_H))
        self.y = TOP
        self.last_full = False

    @property
    def empty(self) -> bool:
        return self.y <= TOP + 0.01 and not self.page.glyphs and not self.page.rules

    def room(self, height: float) -> bool:
        return self.y + height <= TOP + BLOCK_H + 0.5

    def place_line(self, units: list[_Unit], x0: float, width: float, size: float, pitch: float,
                   style: tuple[str, bool, str], justify: bool) -> None:
        if not self.room(pitch):
            self.new_page()
        face, bold, color = style
        baseline = self.y + (pitch - size) / 2 + 0.88 * size
        chars = [(u.text == " ", ch, advance(ch, size, face, bold)) for u in units for ch in u.text]
        natural = sum(w for _, _, w in chars)
        extra = (width - natural) / (len(chars) - 1) if justify and len(chars) > 1 else 0.0
        x = x0
        for is_space, ch, w in chars:
            if not is_space:
                self.page.glyphs.append(PlacedGlyph(ch, x, baseline, size, face, bold, color))
            x += w + extra
        self.last_full = x - extra >= LEFT + BLOCK_W - 0.5 * size
        self.y += pitch


def _style(block: Block) -> tuple[float, str, bool, str]:
    size = block.size or {"title": TITLE, "masthead": 0.0}.get(block.kind, BODY)
    if block.kind == "masthead" and not block.size:
        size = min(34.0, BLOCK_W / max(1, len(block.text.replace(" ", ""))))
    face = block.face or "serif"
    bold = block.bold if block.bold is not None else block.kind in ("title", "masthead")
    color = block.color or (RED if block.kind == "masthead" else "#000000")
    return size, face, bold, color


def _set_spread(pages: _Pages, block: Block) -> None:
    """One line with two runs: the 版记's 印发机关 left and 印发日期 right, each 空一字."""
    size, face, bold, color = _style(block)
    if not pages.room(PITCH):
        pages.new_page()
    baseline = pages.y + (PITCH - size) / 2 + 0.88 * size
    width = sum(advance(ch, size, face, bold) for ch in block.right)
    for text, x in ((block.text, LEFT + size), (block.right, LEFT + BLOCK_W - size - width)):
        for ch in text:
            if ch != " ":
                pages.page.glyphs.append(PlacedGlyph(ch, x, baseline, size, face, bold, color))
            x += advance(ch, size, face, bold)
    pages.last_full = False
    pages.y += PITCH
    if block.rule_below:
        y = pages.y - PITCH * 0.1
        pages.page.rules.append((LEFT, y, LEFT + BLOCK_W, y))


def _set_text(pages: _Pages, block: Block) -> None:
    if block.kind == "spread":
        _set_spread(pages, block)
        return
    size, face, bold, color = _style(block)
    pitch = PITCH if abs(size - BODY) < 0.01 else max(PITCH, size * 1.6)
    style = (face, bold, color)
    if block.kind == "plain":
        if not pages.room(pitch):
            pages.new_page()
        if pages.last_full or (pages.empty and pages.prev_full):
            pages.y += PITCH * 0.5  # a no-indent paragraph after a full line: show the break
    right = block.right_indent * size
    indent = (2.0 if block.kind == "body" else 0.0) if block.indent is None else block.indent
    first = BLOCK_W - indent * size - right
    rest = BLOCK_W - right
    lines = break_lines(block.text, size, first, rest, face, bold,
                        at_spaces=block.break_at_spaces)
    for n, units in enumerate(lines):
        width = sum(advance(ch, size, face, bold) for u in units for ch in u.text)
        last = n == len(lines) - 1
        if block.kind in ("center", "title", "masthead"):
            x0 = LEFT + (BLOCK_W - width) / 2
            pages.place_line(units, x0, width, size, pitch, style, False)
        elif block.kind == "right":
            if block.center_over:
                # 署名 centred over the date set 右空四字 (GB/T 9704 7.3.5.1)
                over = sum(advance(ch, size, face, bold) for ch in block.center_over)
                x0 = LEFT + BLOCK_W - right - over / 2 - width / 2
            else:
                x0 = LEFT + BLOCK_W - right - width
            pages.place_line(units, x0, width, size, pitch, style, False)
        else:
            x0 = LEFT + (indent * size if n == 0 else 0.0)
            avail = first if n == 0 else rest
            pages.place_line(units, x0, avail, size, pitch, style, not last)
    if block.rule_below:
        y = pages.y - pitch * 0.1
        pages.page.rules.append((LEFT, y, LEFT + BLOCK_W, y))


# ---------------------------------------------------------------- tables

def _set_table(pages: _Pages, block: Block) -> None:
    size = block.size or 12.0
    pitch = size * 1.5
    pad = 4.0
    total = sum(block.widths) if block.widths else len(block.rows[0])
    widths = [w / total * BLOCK_W for w in (block.widths or [1.0] * len(block.rows[0]))]
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    header = block.rows[: block.header_rows]

    def cell_lines(row: list[str | None], bold: bool) -> list[list[list[_Unit]]]:
        return [break_lines(c, size, widths[i] - 2 * pad, widths[i] - 2 * pad, "sans" if bold
                            else "serif", bold) if c else [] for i, c in enumerate(row)]

    def draw_part(rows: list[tuple[list[str | None], list[list[list[_Unit]]], bool, int, int]],
                  top: float) -> float:
        """Set row parts (row, lines, bold, first line, last line) from *top*; return bottom."""
        page = pages.page
        y = top
        page.rules.append((xs[0], top, xs[-1], top))
        for k, (row, lines, bold, lo, hi) in enumerate(rows):
            height = (hi - lo) * pitch + 2 * pad
            face = "sans" if bold else "serif"
            for c, cl in enumerate(lines):
                for n, units in enumerate(cl[lo:hi]):
                    baseline = y + pad + n * pitch + (pitch - size) / 2 + 0.88 * size
                    x = xs[c] + pad
                    for u in units:
                        for ch in u.text:
                            if ch != " ":
                                page.glyphs.append(PlacedGlyph(ch, x, baseline, size, face, bold))
                            x += advance(ch, size, face, bold)
            bottom = y + height
            # rule below this row part, except over cells the next row merges into
            nxt = rows[k + 1][0] if k + 1 < len(rows) and rows[k + 1][3] == 0 else None
            for c in range(len(widths)):
                if nxt is not None and nxt[c] is None:
                    continue
                page.rules.append((xs[c], bottom, xs[c + 1], bottom))
            for x in xs:
                page.rules.append((x, y, x, bottom))
            y = bottom
        return y

    prepared = [(row, cell_lines(row, i < block.header_rows), i < block.header_rows)
                for i, row in enumerate(block.rows)]
    head_parts = [(r, cl, b, 0, max(1, max(len(x) for x in cl)))
                  for r, cl, b in prepared[:len(header)]]
    head_h = sum((p[4] - p[3]) * pitch + 2 * pad for p in head_parts)
    pages.y += PITCH * 0.25
    if not pages.room(head_h + pitch + 2 * pad):
        pages.new_page()
    part = list(head_parts)
    top = pages.y
    used = head_h
    for row, cl, bold in prepared[len(header):]:
        n_lines = max(1, max(len(x) for x in cl))
        lo = 0
        while lo < n_lines:
            room = TOP + BLOCK_H - top - used - 2 * pad
            fit = min(n_lines - lo, int(room // pitch))
            if fit <= 0:
                draw_part(part, top)
                pages.new_page()
                part, top, used = list(head_parts), pages.y, head_h
                continue
            part.append((row, cl, bold, lo, lo + fit))
            used += fit * pitch + 2 * pad
            lo += fit
    bottom = draw_part(part, top)
    pages.y = bottom + PITCH * 0.5
    pages.last_full = False


# ---------------------------------------------------------------- the whole booklet

def typeset(blocks: list[Block], head: str = "", head_right: str = "",
            first_numbered: int = 1, foot: str = "— {} —",
            first_head: int | None = None) -> list[TypesetPage]:
    """Set *blocks* on A4 pages. From page *first_head* (default: *first_numbered*) on, add
    the running head; from page *first_numbered* on, the page number *foot* (N counted from
    1 there; GB/T 9704: odd pages right, even pages left, a character in)."""
    first_head = first_numbered if first_head is None else first_head
    pages = _Pages()
    for block in blocks:
        if block.page_break and not pages.empty:
            pages.new_page()
        if block.gap and not pages.empty:
            pages.y += block.gap * PITCH
        if block.kind == "table":
            _set_table(pages, block)
        else:
            _set_text(pages, block)
    for page in pages.pages:
        if (head or head_right) and page.number >= first_head:
            _run(page, head, LEFT, TOP - 14, 10.5, align="left")
            _run(page, head_right, LEFT + BLOCK_W, TOP - 14, 10.5, align="right")
            page.rules.append((LEFT, TOP - 9, LEFT + BLOCK_W, TOP - 9))
        if page.number < first_numbered:
            continue
        label = page.number - first_numbered + 1
        x = LEFT + BLOCK_W - 14 if label % 2 else LEFT + 14  # GB/T 9704: 单页码居右空一字
        _run(page, foot.format(label), x, TOP + BLOCK_H + 7 * MM + 14 * 0.88, 14,
             align="right" if label % 2 else "left")
    return pages.pages


def _run(page: TypesetPage, text: str, x: float, baseline: float, size: float,
         align: str = "left") -> None:
    if not text:
        return
    width = sum(advance(ch, size) for ch in text)
    x = x - width if align == "right" else x
    for ch in text:
        if ch != " ":
            page.glyphs.append(PlacedGlyph(ch, x, baseline, size))
        x += advance(ch, size)


def raw_pages(pages: list[TypesetPage]):
    """The glyphs a PDF reader would find on *pages* (advance boxes, the fonts' 1.151/0.286 em
    ascent and descent) without writing a file: for testing layout.py on its own."""
    from models.parse.sources.geometry import Glyph, RawPage, Segment

    out = []
    for page in pages:
        glyphs = [Glyph(g.char, g.x, g.baseline - 1.151 * g.size,
                        g.x + advance(g.char, g.size, g.face, g.bold),
                        g.baseline + 0.286 * g.size, g.size, g.bold) for g in page.glyphs]
        segments = [Segment(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                    for x0, y0, x1, y1 in page.rules]
        out.append(RawPage(page.number, page.width, page.height, glyphs, segments))
    return out
