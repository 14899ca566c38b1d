"""The original beside the text (原文): the page of the kept PDF or OFD where a clause stands.

A document imported from a PDF or an OFD keeps its file in the user data
folder (store/imports.py, by SHA-256) and each clause the boxes of its
printed lines (points, top-left origin, per page). This module answers the
reader's 原文 view without Qt: where a clause is (place_of), and the page
itself (OriginalFile): a PDF page rendered by PDFium to a BGRA buffer, an OFD
page as the characters and rules its reader finds, for the window to draw.
A document with no such file (the embedded text, a text or Word import, a
kept file since deleted) gets a sentence saying why instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.errors import BadGazetteError, os_reason
from models.store.library import Library

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points

NO_LAYOUT = ("本文件没有原版式文件：它是从文本导入的（内置的公报也是文本），没有页面可以显示。"
             "导入这期公报的 PDF 或 OFD 文件后，这里会显示条款所在的原文页面。")
WORD = ("本文件从 Word 文档导入。Word 文档没有固定的页面，无法显示原版式；"
        "如需对照原文，请导入同一文件的 PDF 或 OFD 版本。")
MISSING = ("找不到导入时保存的原文件（{name}）：它可能已被删除或移动。"
           "重新导入这个{kind}文件即可恢复原文显示。")


@dataclass(frozen=True)
class Place:
    """Where a clause (or a document) stands in its original, or why it cannot be shown."""
    source: Path | None  # the kept PDF or OFD
    source_format: str  # pdf | ofd | text | word
    page: int | None  # the page it starts on (1-based), None when unknown
    boxes: dict[int, list[Box]] = field(default_factory=dict)  # page → its lines' boxes
    message: str = ""  # why there is no page to show ("" when there is)


def place_of(library: Library, key: str) -> Place:
    """The place of the node *key*, or of a document key's title."""
    from models.store.content import original_file
    node = library.node(key)  # a document's key: its title
    doc = library.document(node.document_key)
    kind = doc.source_format or "text"
    if kind not in ("pdf", "ofd"):
        return Place(None, kind, None, message=WORD if kind == "word" else NO_LAYOUT)
    source = original_file(doc.source_sha256, kind)
    if source is None:
        name = f"{doc.source_sha256[:16]}.{kind}"
        return Place(None, kind, node.page,
                     message=MISSING.format(name=name, kind=kind.upper()))
    boxes: dict[int, list[Box]] = {}
    for page, x0, top, x1, bottom in library.node_boxes(node.key):
        boxes.setdefault(int(page), []).append((x0, top, x1, bottom))
    page = node.page or (min(boxes) if boxes else 1)
    return Place(source, kind, page, boxes)


@dataclass(frozen=True)
class Raster:
    """A rendered page: BGRA pixels, as QImage.Format_ARGB32 reads them (little-endian)."""
    pixels: bytes
    width: int
    height: int
    stride: int


@dataclass(frozen=True)
class PlacedChar:
    """A character to draw: its left edge and baseline in points, its size and weight."""
    char: str
    x: float
    baseline: float
    size: float
    bold: bool


@dataclass(frozen=True)
class Drawing:
    """An OFD page as its reader finds it: the characters and the straight rules."""
    chars: list[PlacedChar]
    rules: list[Box]


class OriginalFile:
    """A kept PDF or OFD, read once: its pages' sizes, and each page on demand."""

    def __init__(self, path: Path, source_format: str):
        self.path, self.format = Path(path), source_format
        try:
            self.data = self.path.read_bytes()
        except OSError as exc:
            raise BadGazetteError(f"无法读取原文件（{os_reason(exc, reading=True)}）",
                                  source=self.path.name) from None
        self._ofd = None
        if source_format == "pdf":
            from models.parse.sources.pdf import page_sizes
            self.sizes = page_sizes(self.data, self.path.name)
        else:
            from models.parse.sources.ofd import read_ofd
            self._ofd = read_ofd(self.data, self.path.name)
            self.sizes = [(p.width, p.height) for p in self._ofd]

    @property
    def pages(self) -> int:
        return len(self.sizes)

    def raster(self, page: int, scale: float) -> Raster:
        """A PDF page rendered at *scale* pixels per point."""
        from models.parse.sources.pdf import render_page
        return Raster(*render_page(self.data, page, scale, self.path.name))

    def drawing(self, page: int) -> Drawing:
        """An OFD page's characters and rules, in points (the reader's own geometry)."""
        from models.parse.sources.ofd import DESCENT
        raw = self._ofd[page - 1]
        chars = [PlacedChar(g.char, g.x0, g.bottom - DESCENT * g.size, g.size, g.bold)
                 for g in raw.glyphs if g.char.strip()]
        return Drawing(chars, [(s.x0, s.top, s.x1, s.bottom) for s in raw.segments])
