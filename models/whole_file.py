"""Files written whole or not at all: into a temporary file beside the target, then renamed
over it (atomic on one file system). A full disk, a killed process or a writer's error
leaves the old file as it was, never half of a new one: the rule for every file we write —
user data, the outline cache, and the lists, calendars and Word files an official exports.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


def temporary_beside(path: Path) -> Path:
    """A hidden name beside *path* in the same folder, keeping its suffix (a writer may
    choose its format by it: .pdf, .docx)."""
    return path.with_name(f".{path.stem}.{os.getpid()}.tmp{path.suffix}")


def write_whole(path: str | Path, write: Callable[[Path], object]) -> None:
    """*write*(temporary path), then the temporary renamed to *path*; on any error the
    temporary is removed and *path* left untouched."""
    path = Path(path)
    temporary = temporary_beside(path)
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes_whole(path: str | Path, data: bytes) -> None:
    write_whole(path, lambda temporary: temporary.write_bytes(data))


def write_text_whole(path: str | Path, text: str) -> None:
    write_whole(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
