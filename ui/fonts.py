"""Register the bundled Chinese fonts with Qt.

Users' machines are not assumed to have any CJK font, so the app ships subset
Noto CJK SC faces (renamed Gazette Sans / Gazette Serif, see
resources/fonts/README.md) and must register them before any widget is shown.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ui.qt import QApplication, QFont, QFontDatabase
from ui.resources import resource_path

__all__ = ["FontFamilies", "apply_default_font", "fonts_dir", "register_bundled_fonts",
           "register_ui_fonts", "zoomed_font"]

log = logging.getLogger(__name__)

SANS_FAMILY = "Gazette Sans"
SERIF_FAMILY = "Gazette Serif"
UI_FONT_FILES = ("GazetteSans-Regular.otf", "GazetteSans-Bold.otf")  # what the window's frame uses


class FontFamilies:
    """Family names to pass to QFont: sans for UI/headings (黑体-like), serif for body text (宋体-like).

    A plain immutable pair rather than a dataclass: this module is imported
    before the window's first paint and `dataclasses` costs ~3 ms to import.
    """

    __slots__ = ("sans", "serif")

    def __init__(self, sans: str, serif: str):
        object.__setattr__(self, "sans", sans)
        object.__setattr__(self, "serif", serif)

    def __setattr__(self, name, value):
        raise AttributeError("FontFamilies is immutable")

    def __eq__(self, other) -> bool:
        return (isinstance(other, FontFamilies)
                and (self.sans, self.serif) == (other.sans, other.serif))

    def __hash__(self) -> int:
        return hash((self.sans, self.serif))

    def __repr__(self) -> str:
        return f"FontFamilies(sans={self.sans!r}, serif={self.serif!r})"


def fonts_dir() -> Path:
    """Folder holding the bundled .otf files."""
    return resource_path("fonts")


_registered: FontFamilies | None = None
_complete = False  # every bundled file added, not only UI_FONT_FILES
_added: dict[str, list[str]] = {}  # file name → its families, while Qt still knows them


def _add(paths: list[Path]) -> set[str]:
    """Add the files not added yet; the families of all of them."""
    global _complete
    if _added and SANS_FAMILY not in QFontDatabase.families():
        _added.clear()  # a new QApplication: Qt forgot the application fonts
        _complete = False
    families: set[str] = set()
    for path in paths:
        if path.name not in _added:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.error("Qt could not load bundled font %s", path)
                continue
            _added[path.name] = QFontDatabase.applicationFontFamilies(font_id)
        families.update(_added[path.name])
    return families


def register_bundled_fonts() -> FontFamilies:
    """Load every bundled .otf into QFontDatabase and return the family names.

    Needs a QGuiApplication.  Safe to call repeatedly: while the families are
    still known to Qt the cached result is returned instead of adding the
    files again (after register_ui_fonts() only the other files are added).
    Raises RuntimeError if the fonts are missing, because without them
    Chinese text renders as empty boxes on machines without CJK fonts.
    """
    global _registered, _complete
    if _complete and _registered is not None and _registered.sans in QFontDatabase.families():
        return _registered
    paths = sorted(fonts_dir().glob("*.otf"))
    if not paths:
        raise RuntimeError(f"no bundled fonts found in {fonts_dir()}")
    families = _add(paths)
    _registered = FontFamilies(sans=_pick(families, SANS_FAMILY),
                               serif=_pick(families, SERIF_FAMILY))
    _complete = True
    return _registered


def register_ui_fonts() -> FontFamilies:
    """Only the sans, regular and bold: all the window draws before its first paint.

    The serif (the reading pane's body text, ~4.6 MB) is added by a later
    register_bundled_fonts(); until then its family name is returned but
    not yet known to Qt. Raises RuntimeError like register_bundled_fonts().
    """
    families = _add([fonts_dir() / name for name in UI_FONT_FILES])
    if _complete and _registered is not None:
        return _registered
    return FontFamilies(sans=_pick(families, SANS_FAMILY), serif=SERIF_FAMILY)


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


def zoomed_font(zoom: float) -> QFont:
    """The application's font at *zoom* times its size (a pane's text at the window's zoom)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * zoom)
    return font
