"""Typeset pages → a PDF file through Qt (QPdfWriter + QPainter), for test fixtures.

Why Qt: it is already the app's toolkit and embeds the bundled fonts with a
ToUnicode map, so PDFium can extract the text; no extra PDF library needed.

Each glyph is drawn on its own at the position the typesetter chose, with a
100-pixel font under a scaling transform: fractional sizes (三号 = 15.75 pt)
survive, and the file carries its sizes in the text matrix as many real
producers do (a reader must not trust the bare Tf size).
"""
from __future__ import annotations

import os
from pathlib import Path

from tests.makers.typeset import FONTS, TypesetPage

_BASE = 100.0  # pixel size of the font drawn; the transform scales it to the glyph's size


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    # a QApplication, not a QGuiApplication: the process's one application is also the one
    # the window tests that run after a maker get (a QGuiApplication aborts their widgets)
    app = QApplication.instance() or QApplication([])
    if not getattr(_app, "fonts", None):
        for path in sorted(FONTS.glob("*.otf")):
            if QFontDatabase.addApplicationFont(str(path)) < 0:
                raise RuntimeError(f"Qt cannot load {path}")
        _app.fonts = True  # type: ignore[attr-defined]
    return app


def _paint(painter, page: TypesetPage, scale: float = 1.0) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFont, QPen, QTransform

    fonts: dict[tuple[str, bool], QFont] = {}
    current = None
    for g in page.glyphs:
        style = (g.face, g.bold, g.size, g.color)
        if style != current:
            key = (g.face, g.bold)
            if key not in fonts:
                font = QFont("Gazette Sans" if g.face == "sans" else "Gazette Serif")
                font.setPixelSize(int(_BASE))
                font.setBold(g.bold)
                font.setKerning(False)
                font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
                fonts[key] = font
            painter.setFont(fonts[key])
            painter.setPen(QColor(g.color))
            k = g.size / _BASE * scale
            painter.setTransform(QTransform(k, 0, 0, k, 0, 0))
            current = style
        k = g.size / _BASE
        painter.drawText(QPointF(g.x / k, g.baseline / k), g.char)
    painter.setTransform(QTransform(scale, 0, 0, scale, 0, 0))
    pen = QPen(QColor("#000000"))
    pen.setWidthF(0.75)
    painter.setPen(pen)
    for x0, y0, x1, y1 in page.rules:
        painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))


def write_pdf(pages: list[TypesetPage], path: str | Path, title: str = "",
              scan: bool | set[int] = False, dpi: int = 100) -> Path:
    """Write *pages* to *path*. With *scan* (True, or a set of page numbers), those pages are
    first rasterised at *dpi* and hold only that image, as a scanner gives it (no text)."""
    _app()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter

    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setCreator("公报通 test typesetter")
    writer.setTitle(title)
    first = pages[0] if pages else None
    size = QSizeF(first.width, first.height) if first else QSizeF(595.28, 841.89)
    writer.setPageSize(QPageSize(size, QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    for i, page in enumerate(pages):
        if i:
            writer.newPage()
        if scan is True or (isinstance(scan, set) and page.number in scan):
            k = dpi / 72
            image = QImage(int(page.width * k), int(page.height * k), QImage.Format.Format_RGB32)
            image.fill(0xFFFFFF)
            image_painter = QPainter(image)
            _paint(image_painter, page, scale=k)
            image_painter.end()
            painter.drawImage(QRectF(0, 0, page.width, page.height), image)
        else:
            _paint(painter, page)
    painter.end()
    return path
