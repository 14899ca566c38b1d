"""Ruled tables: grids from the drawn segments, read cell by cell, joined over pages.

Why: a 任务分工表 read as a stream of lines loses which unit leads which task. The
grid is the union of the rules that touch each other; a missing rule above a
cell means the cell is merged with the one above (None in the row); a table
that ends one page and starts the next with the same columns is one table, its
repeated header dropped, and a row the page break cut (its number cell empty on
the new page) is one row again.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.parse.line import Box
from models.parse.sources.geometry.printed import group_lines, join, line_text

if TYPE_CHECKING:
    from models.parse.sources.geometry.glyphs import Glyph, RawPage


@dataclass
class Row:
    """One table row: cell texts (None: merged with the cell above), one box per page part."""
    cells: list[str | None]
    boxes: list[Box]
    bold: bool
    top: float


@dataclass
class TablePart:
    """The part of a table on one page."""
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    columns: list[float]  # x of the vertical rules, relative to x0
    rows: list[Row] = field(default_factory=list)


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _merge(segs: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """(position, start, end) strokes on the same line, overlapping or touching: one stroke."""
    out: list[tuple[float, float, float]] = []
    for pos, a, b in sorted(segs):
        if out and abs(out[-1][0] - pos) <= 1.0 and a <= out[-1][2] + 1.5:
            p, a0, b0 = out[-1]
            out[-1] = (p, a0, max(b0, b))
        else:
            out.append((pos, a, b))
    return out


def find_tables(page: RawPage, glyphs: list[Glyph]) -> tuple[list[TablePart], list[Glyph]]:
    """The ruled tables of a page, and the glyphs that lie outside them."""
    hs = _merge([(s.top, s.x0, s.x1) for s in page.segments if abs(s.bottom - s.top) < 1.0])
    vs = _merge([(s.x0, s.top, s.bottom) for s in page.segments if abs(s.x1 - s.x0) < 1.0])
    if not hs or not vs:
        return [], glyphs
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, a, b) in enumerate(hs):
        for j, (x, t, u) in enumerate(vs):
            if a - 2 <= x <= b + 2 and t - 2 <= y <= u + 2:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    parts: list[TablePart] = []
    rest = glyphs
    for g_h, g_v in groups.values():
        xs, ys = _cluster([v[0] for v in g_v], 1.5), _cluster([h[0] for h in g_h], 1.5)
        if len(xs) < 3 or len(ys) < 2:  # at least two columns: a framed box is no table
            continue
        part, rest = _read_grid(page.number, xs, ys, g_h, g_v, rest)
        if part.rows:
            parts.append(part)
    return parts, rest


def _covers(strokes, pos: float, a: float, b: float) -> bool:
    mid = (a + b) / 2
    return any(abs(p - pos) <= 1.5 and s - 1 <= mid <= e + 1 for p, s, e in strokes)


def _read_grid(page: int, xs: list[float], ys: list[float], hs, vs,
               glyphs: list[Glyph]) -> tuple[TablePart, list[Glyph]]:
    nrows, ncols = len(ys) - 1, len(xs) - 1
    owner: list[list[tuple[int, int]]] = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            if r and not _covers(hs, ys[r], xs[c], xs[c + 1]):
                row.append(owner[r - 1][c])  # no rule above: the cell of the row above
            elif c and not _covers(vs, xs[c], ys[r], ys[r + 1]):
                row.append(row[c - 1])  # no rule to the left: spans from the left
            else:
                row.append((r, c))
        owner.append(row)
    inside: dict[tuple[int, int], list[Glyph]] = {}
    outside: list[Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        if xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]:
            r = bisect.bisect(ys, cy) - 1
            c = bisect.bisect(xs, cx) - 1
            inside.setdefault(owner[r][c], []).append(g)
        else:
            outside.append(g)
    part = TablePart(page, xs[0], ys[0], xs[-1], ys[-1], [x - xs[0] for x in xs])
    for r in range(nrows):
        cells: list[str | None] = []
        bold = []
        for c in range(ncols):
            o = owner[r][c]
            if o[0] < r:
                cells.append(None)
            elif o[1] < c:
                cells.append("")
            else:
                gl = inside.get(o, [])
                bold.extend(g.bold for g in gl if g.char != " ")
                cells.append(join([line_text(row) for row in group_lines(gl)]))
        if any(cells):
            box = (page, round(xs[0], 2), round(ys[r], 2), round(xs[-1], 2), round(ys[r + 1], 2))
            part.rows.append(Row(cells, [box], bool(bold) and all(bold), ys[r]))
    return part, outside


def link_tables(items: list) -> list[list[TablePart]]:
    """Table parts in reading order grouped into tables (a part that ends a page and one that
    starts the next with the same columns are one table)."""
    tables: list[list[TablePart]] = []
    for i, item in enumerate(items):
        if not isinstance(item, TablePart):
            continue
        prev = items[i - 1] if i else None
        if tables and prev is tables[-1][-1] and item.page == prev.page + 1 and \
                len(item.columns) == len(prev.columns) and \
                all(abs(a - b) <= 2.0 for a, b in zip(item.columns, prev.columns)):
            tables[-1].append(item)
        else:
            tables.append([item])
    return tables


def _same(a: list[str | None], b: list[str | None]) -> bool:
    return [re.sub(r"\s+", "", x or "") for x in a] == [re.sub(r"\s+", "", x or "") for x in b]


def table_rows(parts: list[TablePart]) -> list[tuple[Row, bool]]:
    """The rows of one table: (row, is header)."""
    first = parts[0].rows
    header = first[0] if first else None
    repeated = False
    rows: list[Row] = list(first)
    for part in parts[1:]:
        body = list(part.rows)
        if header is not None and body and _same(body[0].cells, header.cells):
            body = body[1:]
            repeated = True
        if body and rows and body[0].cells[0] == "" and rows[-1].cells[0] and \
                any(c for c in body[0].cells[1:]):
            # a row the page break cut: its first cell (the number) stayed on the page before
            cut, prev = body.pop(0), rows[-1]
            merged = [p if not q else join([p or "", q]) for p, q in zip(prev.cells, cut.cells)]
            rows[-1] = Row(merged, prev.boxes + cut.boxes, prev.bold, prev.top)
        rows.extend(body)
    is_header = header is not None and len(rows) >= 2 and (
        repeated or header.bold or all(c and len(c) <= 8 for c in header.cells))
    return [(row, is_header and i == 0) for i, row in enumerate(rows)]
