"""The numbers of OFD page content: ST_Box, CTM, DeltaX/DeltaY, AbbreviatedData.

Kept apart from the package walk so each rule of GB/T 33190 that turns
attributes into positions is small and tested on its own. All values are in
the file's unit, millimetres; the caller converts to points.
"""
from __future__ import annotations

import math
import unicodedata

Affine = tuple[float, float, float, float, float, float]  # a b c d e f: x' = a x + c y + e
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_REPEAT = 100_000  # a "g" count beyond any real line: refuse to expand it blindly


def numbers(value: str | None) -> list[float]:
    """The numbers of an attribute, skipping what is not one (producers write "1,2" too)."""
    out: list[float] = []
    for token in (value or "").replace(",", " ").split():
        try:
            number = float(token)
        except ValueError:
            continue
        if math.isfinite(number):
            out.append(number)
    return out


def box(value: str | None) -> tuple[float, float, float, float] | None:
    """ST_Box "x y w h" (top-left corner, width, height)."""
    n = numbers(value)
    return (n[0], n[1], n[2], n[3]) if len(n) >= 4 else None


def ctm(value: str | None) -> Affine:
    n = numbers(value)
    return (n[0], n[1], n[2], n[3], n[4], n[5]) if len(n) >= 6 else IDENTITY


def compose(outer: Affine, inner: Affine) -> Affine:
    """The transform applying *inner* first, then *outer*."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d,
            A * e + C * f + E, B * e + D * f + F)


def object_transform(boundary: str | None, matrix: str | None) -> Affine:
    """Object space → its parent's space: the CTM, then the Boundary's origin as offset.

    GB/T 33190 places each graphic unit in its own space whose origin is the
    top-left corner of its Boundary; the CTM maps the object's coordinates
    into that space.
    """
    origin = box(boundary) or (0.0, 0.0, 0.0, 0.0)
    a, b, c, d, e, f = ctm(matrix)
    return (a, b, c, d, e + origin[0], f + origin[1])


def apply(t: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = t
    return a * x + c * y + e, b * x + d * y + f


def scale_of(t: Affine) -> float:
    """How much the transform scales lengths (sqrt of |det|): a CTM "2 0 0 2" doubles a size."""
    a, b, c, d, _, _ = t
    return math.sqrt(abs(a * d - b * c)) or 1.0


def deltas(value: str | None, count: int) -> list[float]:
    """DeltaX/DeltaY of a TextCode as *count* offsets (one per glyph after the first).

    The "g n d" form repeats d n times. A list shorter than the text repeats
    its last value (ofdrw's renderers do the same; some producers cut it).
    An absent list gives an empty result: the caller then advances by the
    glyphs' nominal widths.
    """
    if count <= 0 or not value:
        return []
    tokens = value.replace(",", " ").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        token = tokens[i]
        if token == "g" and i + 2 < len(tokens):
            try:
                times = int(float(tokens[i + 1]))
                step = float(tokens[i + 2])
            except ValueError:
                i += 3
                continue
            times = max(0, min(times, MAX_REPEAT, count - len(out)))
            out.extend([step] * times)
            i += 3
            continue
        try:
            out.append(float(token))
        except ValueError:
            pass
        i += 1
    if out and len(out) < count:
        out.extend([out[-1]] * (count - len(out)))
    return out


# Advances of ASCII in em, roughly those of a common serif face: enough to tell a glyph's own
# width from a space after it when the file carries no font metrics.
_ASCII_EM = {**{c: 0.5 for c in "0123456789"}, **{c: 0.45 for c in "abcdeghknopqsuvxyz"},
             **{c: 0.3 for c in "fijlrt"}, "m": 0.78, "w": 0.72,
             **{c: 0.7 for c in "ABCDEFGHKLNOPQRSTUVXYZ"}, "I": 0.35, "J": 0.4, "M": 0.89,
             "W": 0.94, "%": 0.83, "@": 0.92, "&": 0.78, "#": 0.5, " ": 0.25,
             **{c: 0.25 for c in ".,:;'!|"}, **{c: 0.33 for c in "-()[]{}/\\"},
             **{c: 0.56 for c in "+=<>~^*"}, '"': 0.4, "?": 0.44, "_": 0.5}


def nominal_width(char: str, size: float) -> float:
    """A glyph's advance without font metrics: full for CJK, full-width forms and the
    ambiguous ones a Chinese font sets full (“ ” — …), an ordinary serif's for ASCII,
    half otherwise."""
    if unicodedata.east_asian_width(char) in ("W", "F", "A"):
        return size
    return size * _ASCII_EM.get(char, 0.5)


_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def path_lines(data: str | None) -> list[tuple[float, float, float, float]]:
    """The straight pieces of an AbbreviatedData path (M/S move, L line, C close).

    Curves (Q, B, A) only move the current point: a table rule is never a
    curve. Each result is (x0, y0, x1, y1) in the path's own space.
    """
    tokens = (data or "").split()
    pieces: list[tuple[float, float, float, float]] = []
    i = 0
    cur = start = None
    while i < len(tokens):
        op = tokens[i]
        if op not in _ARGS:
            i += 1  # a stray number or unknown operator: skip it, keep going
            continue
        want = _ARGS[op]
        args = numbers(" ".join(tokens[i + 1:i + 1 + want]))
        i += 1 + want
        if len(args) < want:
            break
        if op in ("M", "S"):
            cur = start = (args[0], args[1])
        elif op == "L":
            end = (args[0], args[1])
            if cur is not None:
                pieces.append((cur[0], cur[1], end[0], end[1]))
            cur = end
            start = start or end
        elif op in ("Q", "B", "A"):
            cur = (args[-2], args[-1])
            start = start or cur
        elif op == "C":
            if cur is not None and start is not None and cur != start:
                pieces.append((cur[0], cur[1], start[0], start[1]))
            cur = start
    return pieces
