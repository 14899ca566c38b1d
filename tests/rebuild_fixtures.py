"""Helpers of the rebuild tests (tests/test_ui_rebuild.py, tests/test_rebuild_background.py):
documents of their own made from the single-document fixture, and reading a library file."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import FIXTURES

SINGLE = (FIXTURES / "tai_single_with_number.txt").read_text(encoding="utf-8")


def variant(folder: Path, n: int) -> Path:
    """The single-document fixture under another 文号 (台政发〔2022〕n号): a document of its own."""
    path = folder / f"doc{n}.txt"
    path.write_text(SINGLE.replace("台政发〔2022〕3号", f"台政发〔2022〕{n}号"), encoding="utf-8")
    return path


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def titles(path: Path) -> dict[str, str]:
    """文号 → title of every document of the library file."""
    from models.store.library import Library
    with Library(path) as library:
        return {d.doc_number: d.title for d in library.documents()}
