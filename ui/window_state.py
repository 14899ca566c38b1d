"""Save and restore the window across runs: geometry, splitters, zoom, filter, position.

An official reopens the app minutes before a meeting and expects it where
they left it. Anything stale (a department or clause no longer in the
library after an import) is skipped silently.
"""
from __future__ import annotations

from models.errors import GazetteError
from models.outline import FILTER_ROLES
from ui.settings import Settings


def save(window, settings: Settings) -> None:
    settings.set("window/geometry", window.saveGeometry())
    settings.set("window/state", window.saveState())
    settings.set("window/splitter", window.splitter.saveState())
    settings.set("window/left_splitter", window.left_split.saveState())
    settings.set("view/zoom", window.zoom)
    settings.set("filter/department", window.filter_bar.department or "")
    settings.set("filter/roles", window.filter_bar.roles() or ["none"])
    settings.set("filter/general", window.filter_bar.include_general())
    settings.set("position/key", window.current_key() or "")
    settings.sync()


def restore(window, settings: Settings) -> None:
    for key, apply in (("window/geometry", window.restoreGeometry),
                       ("window/state", window.restoreState),
                       ("window/splitter", window.splitter.restoreState),
                       ("window/left_splitter", window.left_split.restoreState)):
        value = settings.bytes(key)
        if value is not None:
            apply(value)
    zoom = settings.number("view/zoom", 1.0)
    if 0.5 <= zoom <= 3 and zoom != 1.0:
        window.set_zoom(zoom)
    roles = [r for r in settings.words("filter/roles", list(FILTER_ROLES)) if r in FILTER_ROLES]
    window.filter_bar.set_roles(roles, settings.flag("filter/general", False))
    name = settings.text("filter/department")
    if name:
        try:
            window.set_department(name)
        except GazetteError:
            pass  # the department is no longer in the library
    key = settings.text("position/key")
    if key and (key in window.outline.by_key or window.library.has_node(key)):
        window.open_key(key)
