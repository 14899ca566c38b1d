"""Every character of the library, and of the window's own strings, has a real glyph
in the bundled fonts — so a machine with no Chinese font shows no empty boxes."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ui_fixtures import qt_app  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parent.parent


def visible(text: str) -> set[str]:
    return {c for c in text if not c.isspace() and not unicodedata.category(c).startswith("C")}


def library_chars(library) -> set[str]:
    chars: set[str] = set()
    for doc in library.documents():
        for value in vars(doc).values():
            chars |= visible(str(value))
    for node in library.nodes():
        chars |= visible(node.label + node.text + node.path + node.heading)
    for dept in library.departments():
        chars |= visible(dept.name + dept.kind + "".join(dept.aliases))
    for issue in library.issues():
        chars |= visible("".join(str(v) for v in issue.values()))
    return chars


def ui_chars() -> set[str]:
    """Characters of the string literals of ui/ and of models.document_html (what the window says)."""
    chars: set[str] = set()
    for path in [*sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "models" / "views").glob("*.py")),
                 ROOT / "models" / "issue.py"]:
        for literal in re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8")):
            chars |= {c for c in visible(literal) if ord(c) > 0x7F}
    return chars


@pytest.fixture(scope="module")
def wanted(seed_library_path) -> set[str]:
    from models.store.library import Library
    with Library(seed_library_path) as library:
        return library_chars(library) | ui_chars()


def test_every_character_has_a_glyph_in_every_face(qt_app, wanted):
    from PySide6.QtGui import QFont, QRawFont
    _, fonts = qt_app
    assert len(wanted) > 800
    for family in (fonts.sans, fonts.serif):
        for bold in (False, True):
            font = QFont(family, 12)
            font.setBold(bold)
            raw = QRawFont.fromFont(font)
            assert raw.familyName() == family
            missing = sorted(c for c in wanted if not raw.supportsCharacter(ord(c)))
            assert not missing, f"{family} {'Bold' if bold else ''} lacks: " + " ".join(
                f"{c}(U+{ord(c):04X})" for c in missing)
            indexes = raw.glyphIndexesForString("".join(sorted(wanted)))
            assert 0 not in indexes, f"{family}: some character maps to .notdef"
