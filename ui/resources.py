"""Locate bundled read-only resources (fonts, icons, ...).

One function so that every caller works both from a source checkout and from a
PyInstaller bundle, where data files are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """Return the ``resources`` directory for the running layout."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "resources"
    # Development layout: <project root>/ui/resources.py -> <project root>/resources
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``; existence is not checked."""
    return resources_root().joinpath(*parts)
