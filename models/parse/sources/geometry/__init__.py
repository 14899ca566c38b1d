"""Fixed-layout pages (PDF, OFD) → the parser's lines: printed lines, running heads and
page numbers, ruled tables, paragraphs. One set of geometry rules for both formats."""
from __future__ import annotations

from models.parse.sources.geometry.glyphs import Glyph, RawPage, Segment
from models.parse.sources.geometry.paragraphs import lines_from_pages

__all__ = ["Glyph", "RawPage", "Segment", "lines_from_pages"]
