"""The bundled fonts must cover the gazette text without any system font."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # allow running this file without a pytest pythonpath setting
    sys.path.insert(0, str(ROOT))

from ui.resources import resource_path  # noqa: E402

FONT_FILES = [
    "GazetteSans-Regular.otf",
    "GazetteSans-Bold.otf",
    "GazetteSerif-Regular.otf",
    "GazetteSerif-Bold.otf",
]
SAMPLE = "区财政局牵头〔〕（）“”"


def gazette_chars() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "issues").glob("*.txt")))
    return {c for c in text if not c.isspace() and not unicodedata.category(c).startswith("C")}


def gb2312_chars() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


@lru_cache(maxsize=None)
def cmap_of(name: str) -> frozenset[int]:
    return frozenset(TTFont(str(resource_path("fonts", name)), lazy=True).getBestCmap())


def describe(missing: set[str]) -> str:
    return " ".join(f"{c}(U+{ord(c):04X})" for c in sorted(missing))


def test_gazette_text_is_not_empty():
    assert len(gazette_chars()) > 100


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_covers_gazette_text(name):
    cmap = cmap_of(name)
    missing = {c for c in gazette_chars() if ord(c) not in cmap}
    assert not missing, f"{name} lacks {len(missing)} gazette characters: {describe(missing)}"


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_covers_gb2312(name):
    chars = gb2312_chars()
    assert len(chars) == 7445
    cmap = cmap_of(name)
    missing = {c for c in chars if ord(c) not in cmap}
    assert not missing, f"{name} lacks {len(missing)} GB2312 characters: {describe(missing)}"


def test_licence_beside_fonts():
    licence = resource_path("fonts", "LICENSE-OFL.txt")
    assert licence.is_file()
    text = licence.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Copyright" in text and "Adobe" in text


def test_registered_families_render_gazette_glyphs(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QRawFont

    from ui.fonts import FontFamilies, apply_default_font, register_bundled_fonts

    families = register_bundled_fonts()
    assert isinstance(families, FontFamilies)
    assert families.sans != families.serif
    assert register_bundled_fonts() == families  # idempotent

    known = set(QFontDatabase.families())
    for family in (families.sans, families.serif):
        assert family in known
        font = QFont(family, 12)
        assert QFontInfo(font).family() == family, "Qt substituted another font"
        metrics = QFontMetrics(font)
        missing = {c for c in SAMPLE if not metrics.inFontUcs4(ord(c))}
        assert not missing, f"{family} lacks {describe(missing)}"
        raw = QRawFont.fromFont(font)
        assert raw.isValid()
        for c in SAMPLE:
            assert raw.supportsCharacter(ord(c)), f"{family}: QRawFont lacks {c}"  # ucs4 overload
            (glyph,) = raw.glyphIndexesForString(c)
            assert glyph != 0, f"{family}: {c} maps to .notdef"

    for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
        for family in (families.sans, families.serif):
            info = QFontInfo(QFont(family, 12, weight))
            expected = "Bold" if weight == QFont.Weight.Bold else "Regular"
            assert info.styleName() == expected, f"{family} {weight}: got {info.styleName()!r}"

    font = apply_default_font(qapp, families, point_size=13)
    assert qapp.font().family() == families.sans
    assert qapp.font().pointSize() == 13
    assert QFontInfo(font).family() == families.sans
