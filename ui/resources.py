"""Locate bundled read-only resources (fonts, icons, ...).

One function so that every caller works both from a source checkout and from a
PyInstaller bundle, where data files are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

from pathlib import Path

from models.locations import resources_dir

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """Return the ``resources`` directory for the running layout (beside content/, under
    the one root models.locations knows for both layouts)."""
    return resources_dir()


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``; existence is not checked."""
    return resources_root().joinpath(*parts)
