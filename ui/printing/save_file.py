"""Saving something the user asked for: ask where, write it, say so — or say why not.

Every export of the window (duty list, brief, bookmarks) goes through here,
so a full disk or a read-only folder is always a Chinese warning, never a
traceback, and the dialogs read alike.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from models.errors import os_reason
from models.whole_file import write_text_whole
from ui.file_dialogs import save_file
from ui.plain import warn
from ui.qt import QWidget


def save_as(parent: QWidget, caption: str, suggested: str, filters: str,
            write: Callable[[Path, str], None]) -> Path | None:
    """Ask for a file name (ui/file_dialogs.py), then `write(path, chosen_filter)`; the path,
    or None."""
    path, chosen = save_file(parent, caption, suggested, filters)
    if path is None:
        return None
    name = str(path)
    try:
        write(Path(name), chosen)
    except OSError as exc:
        warn(parent, caption, f"无法写入 {name}：{os_reason(exc)}")
        return None
    return Path(name)


def text_writer(text: str) -> Callable[[Path, str], None]:
    return lambda path, _chosen: write_text_whole(path, text)
