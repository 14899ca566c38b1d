"""A page of the original as a QImage, with the clause's lines outlined on it.

models/views/original.py gives a PDF page as BGRA pixels and an OFD page as
the characters and rules its reader finds; this wraps the first in a QImage
and draws the second with QPainter (the serif font: an OFD names its fonts
but seldom carries them), then outlines each of the clause's line boxes.
Coordinates: points, top-left origin, times *scale* pixels per point. The
outline is one frame around the clause's lines (their union), each line
washed in yellow, so the paragraph's shape (indent, short last line) shows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPointF, QRectF, Qt

if TYPE_CHECKING:
    from models.views.original import Box, Drawing, OriginalFile, Raster

OUTLINE = QColor("#d9480f")  # the clause's lines: an orange-red frame …
FILL = QColor(255, 196, 0, 56)  # … over a light yellow wash, the text still legible
PAD = 2.0  # pixels around a line's box


def raster_image(raster: Raster) -> QImage:
    """The PDFium buffer as a QImage of its own (the bytes may go)."""
    image = QImage(raster.pixels, raster.width, raster.height, raster.stride,
                   QImage.Format.Format_ARGB32)
    return image.copy()


def drawing_image(drawing: Drawing, size: tuple[float, float], scale: float,
                  serif: str) -> QImage:
    """An OFD page drawn from its characters' places and sizes, and its rules."""
    width, height = max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        fonts: dict[tuple[int, bool], QFont] = {}
        painter.setPen(QColor("#1b1b1b"))
        for ch in drawing.chars:
            key = (max(1, round(ch.size * scale * 4)), ch.bold)  # quarter pixels
            font = fonts.get(key)
            if font is None:
                font = fonts[key] = QFont(serif)
                font.setPixelSize(max(1, round(ch.size * scale)))
                font.setBold(ch.bold)
            painter.setFont(font)
            painter.drawText(QPointF(ch.x * scale, ch.baseline * scale), ch.char)
        pen = QPen(QColor("#1b1b1b"))
        pen.setWidthF(max(1.0, 0.75 * scale))
        painter.setPen(pen)
        for x0, top, x1, bottom in drawing.rules:
            painter.drawLine(QPointF(x0 * scale, top * scale), QPointF(x1 * scale, bottom * scale))
    finally:
        painter.end()
    return image


def outline(image: QImage, boxes: list[Box], scale: float) -> QImage:
    """Outline the clause on *image*, in place: its lines (*boxes*, one per printed line)
    washed in yellow inside one frame that follows the paragraph's shape."""
    if not boxes:
        return image
    rects = outline_rects(boxes, scale)
    shape = QPainterPath()
    for rect in rects:
        shape.addRect(rect)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(OUTLINE)
        pen.setWidthF(2.0)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(FILL)
        painter.drawPath(shape.simplified())  # the union: one frame around the lines
    finally:
        painter.end()
    return image


def outline_rects(boxes: list[Box], scale: float) -> list[QRectF]:
    """Where outline() draws, in pixels: each line's box PAD pixels larger, and the gap
    to the next line (closer than a line's height) closed, so the lines make one shape."""
    rects = [QRectF(x0 * scale - PAD, top * scale - PAD, (x1 - x0) * scale + 2 * PAD,
                    (bottom - top) * scale + 2 * PAD)
             for x0, top, x1, bottom in sorted(boxes, key=lambda b: (b[1], b[0]))]
    for above, below in zip(rects, rects[1:]):
        gap = below.top() - above.bottom()
        if 0 < gap < above.height():
            middle = above.bottom() + gap / 2
            above.setBottom(middle)
            below.setTop(middle)
    return rects


def page_image(original: OriginalFile, page: int, scale: float, boxes: list[Box],
               serif: str) -> QImage:
    """Page *page* of *original* at *scale*, the clause's *boxes* on it outlined."""
    if original.format == "pdf":
        image = raster_image(original.raster(page, scale))
    else:
        image = drawing_image(original.drawing(page), original.sizes[page - 1], scale, serif)
    return outline(image, boxes, scale)
