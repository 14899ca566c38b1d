"""What the window remembers across runs: geometry, splitters, zoom, filter, position.

An official reopens the app minutes before a meeting and expects it where
they left it. This module only knows the settings: load() reads them into a
Saved record, save() writes one; the window (ui/window/main_window.py) makes
the record from its parts and gives each part its share back, in two steps
matching the two stages of the start: before the first paint what it shows
(geometry, splitters, the tree's zoom, the row of the last position), once
the library is open the rest (the zoom of the text, the filter, the position
with its document). Anything stale (a department or clause no longer in the
library after an import) is skipped by the window.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.qt import QByteArray
    from ui.settings import Settings


class Saved:
    """The window's remembered state (a plain record: `dataclasses` costs ~3 ms to import,
    and this is read before the first paint)."""

    __slots__ = ("geometry", "state", "splitter", "left_splitter", "zoom", "department", "roles",
                 "include_general", "position", "government")

    def __init__(self, geometry: QByteArray | None = None, state: QByteArray | None = None,
                 splitter: QByteArray | None = None, left_splitter: QByteArray | None = None,
                 zoom: float = 1.0, department: str = "", roles: list[str] | None = None,
                 include_general: bool = False, position: str = "", government: str = ""):
        self.geometry, self.state, self.splitter = geometry, state, splitter
        self.left_splitter, self.zoom = left_splitter, zoom
        self.department, self.roles = department, list(roles or [])
        self.include_general, self.position = include_general, position
        self.government = government  # the department's: 区财政局 of one district or another


def save(settings: Settings, saved: Saved) -> None:
    for key, value in (("window/geometry", saved.geometry), ("window/state", saved.state),
                       ("window/splitter", saved.splitter),
                       ("window/left_splitter", saved.left_splitter)):
        if value is not None:
            settings.set(key, value)
    settings.set("view/zoom", saved.zoom)
    settings.set("filter/department", saved.department or "")
    settings.set("filter/government", saved.government or "")
    settings.set("filter/roles", saved.roles or ["none"])
    settings.set("filter/general", saved.include_general)
    settings.set("position/key", saved.position or "")
    settings.sync()


def load(settings: Settings) -> Saved:
    name, government, roles, general = saved_filter(settings)
    return Saved(settings.bytes("window/geometry"), settings.bytes("window/state"),
                 settings.bytes("window/splitter"), settings.bytes("window/left_splitter"),
                 saved_zoom(settings), name, roles, general, settings.text("position/key"),
                 government)


def saved_zoom(settings: Settings) -> float:
    zoom = settings.number("view/zoom", 1.0)
    return zoom if 0.5 <= zoom <= 3 else 1.0


def saved_filter(settings: Settings) -> tuple[str, str, list[str], bool]:
    """The department filter the window was left with: name ("" for none), its government,
    roles, general."""
    from models.views.outline import FILTER_ROLES
    roles = [r for r in settings.words("filter/roles", list(FILTER_ROLES)) if r in FILTER_ROLES]
    return (settings.text("filter/department"), settings.text("filter/government"), roles,
            settings.flag("filter/general", False))
