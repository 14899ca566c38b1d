"""What a fixed-layout reader (PDF, OFD) finds on a page: glyphs with boxes, and rules.

The one shape both readers produce for the geometry that turns them into the
parser's lines (geometry/paragraphs.py). Points, top-left origin, y down.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Glyph:
    """One character placed on a page (points, top-left origin, y down)."""
    char: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size in points
    bold: bool = False


@dataclass(frozen=True)
class Segment:
    """A drawn straight line or a rectangle's edge (table rules), points."""
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    segments: list[Segment]
