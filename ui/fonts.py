"""Register the bundled Chinese fonts with Qt.

Users' machines are not assumed to have any CJK font, so the app ships subset
Noto CJK SC faces (renamed Gazette Sans / Gazette Serif, see
resources/fonts/README.md) and must register them before any widget is shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.resources import resource_path

__all__ = ["FontFamilies", "apply_default_font", "fonts_dir", "register_bundled_fonts"]

log = logging.getLogger(__name__)

SANS_FAMILY = "Gazette Sans"
SERIF_FAMILY = "Gazette Serif"


@dataclass(frozen=True)
class FontFamilies:
    """Family names to pass to QFont: sans for UI/headings (黑体-like), serif for body text (宋体-like)."""

    sans: str
    serif: str


def fonts_dir() -> Path:
    """Folder holding the bundled .otf files."""
    return resource_path("fonts")


def register_bundled_fonts() -> FontFamilies:
    """Load every bundled .otf into QFontDatabase and return the family names.

    Needs a QGuiApplication.  Safe to call repeatedly: while the families are
    still known to Qt the cached result is returned instead of adding the
    files again.  Raises RuntimeError if the fonts are missing, because without
    them Chinese text renders as empty boxes on machines without CJK fonts.
    """
    global _registered
    if _registered is not None and _registered.sans in QFontDatabase.families():
        return _registered

    families: set[str] = set()
    paths = sorted(fonts_dir().glob("*.otf"))
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load bundled font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if not paths:
        raise RuntimeError(f"no bundled fonts found in {fonts_dir()}")

    sans = _pick(families, SANS_FAMILY)
    serif = _pick(families, SERIF_FAMILY)
    _registered = FontFamilies(sans=sans, serif=serif)
    return _registered


_registered: FontFamilies | None = None


def _pick(families: set[str], wanted: str) -> str:
    if wanted in families:
        return wanted
    raise RuntimeError(f"bundled font family {wanted!r} not registered (got {sorted(families)})")


def apply_default_font(app: QApplication, families: FontFamilies, point_size: int = 11) -> QFont:
    """Make the bundled sans the application font.

    Widgets that never set a font inherit it, so every label, menu and dialog
    finds real CJK glyphs even when the system has no Chinese fonts.  The serif
    is listed as a fallback family for characters the sans might lack.
    """
    font = QFont(families.sans, point_size)
    font.setFamilies([families.sans, families.serif])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return font
