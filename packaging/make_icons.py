"""Draw the program icon (a red seal with 公报) into resources/icons/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes gazette-desk-<n>.png (16 … 512), gazette-desk.ico (every size up to 256,
as PNG entries: the Windows exe icon) and gazette-desk.icns (macOS, by Qt's
icns writer). The files are committed; run this only
to change the design. Uses the bundled Gazette Serif face, so the result does
not depend on the fonts of the machine.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QGuiApplication, QImage,  # noqa: E402
                           QImageWriter, QPainter, QPainterPath, QPen)

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SEAL_RED = QColor("#b5212a")
PAPER = QColor("#fbf6ec")


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    m = size * 0.04
    outer = QRectF(m, m, size - 2 * m, size - 2 * m)
    path = QPainterPath()
    path.addRoundedRect(outer, size * 0.10, size * 0.10)
    p.fillPath(path, SEAL_RED)
    if size >= 32:  # the seal's inner border, as on a carved 印章
        inset = size * 0.09
        p.setPen(QPen(PAPER, max(1.0, size * 0.025)))
        p.drawRoundedRect(outer.adjusted(inset, inset, -inset, -inset), size * 0.05, size * 0.05)
    font = QFont(family)
    font.setBold(True)
    p.setPen(PAPER)
    if size >= 48:  # 公 above 报, read top to bottom like a seal
        font.setPixelSize(int(size * 0.34))
        p.setFont(font)
        half = outer.adjusted(0, size * 0.08, 0, -size * 0.08)
        top = QRectF(half.left(), half.top(), half.width(), half.height() / 2)
        bottom = top.translated(0, half.height() / 2)
        p.drawText(top, Qt.AlignmentFlag.AlignCenter, "公")
        p.drawText(bottom, Qt.AlignmentFlag.AlignCenter, "报")
    else:  # too small for two characters
        font.setPixelSize(int(size * 0.70))
        p.setFont(font)
        p.drawText(outer, Qt.AlignmentFlag.AlignCenter, "公")
    p.end()
    return image


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, ICONDIRENTRY…, data)."""
    import struct
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841
    family = "sans-serif"
    for name in ("GazetteSerif-Bold.otf", "GazetteSerif-Regular.otf"):
        font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / name))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
            break
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    images = {n: draw(n, family) for n in SIZES}
    for n, image in images.items():
        image.save(str(out / f"gazette-desk-{n}.png"))
    # Windows: one .ico holding every size up to 256 as PNG (Vista and later).
    (out / "gazette-desk.ico").write_bytes(
        ico_bytes({n: (out / f"gazette-desk-{n}.png").read_bytes() for n in SIZES if n <= 256}))
    # macOS: Qt's icns writer (PySide6's imageformats plugin) where available.
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    if "icns" in formats:
        images[512].save(str(out / "gazette-desk.icns"), "ICNS")
    else:
        print("no icns writer in this Qt; gazette-desk.icns not written", file=sys.stderr)
    print("written:", ", ".join(sorted(p.name for p in out.iterdir())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
