"""Save and restore the window across runs: geometry, splitters, zoom, filter, position.

An official reopens the app minutes before a meeting and expects it where
they left it. Anything stale (a department or clause no longer in the
library after an import) is skipped silently.

Restoring comes in two parts, matching the two stages of the window
(ui/main_window.py): restore_layout() before the first paint (geometry,
splitter, the tree's zoom, the row of the last position: cheap, and what
makes the first paint look like the final window), restore() once the
library is open (the rest of the zoom, filter, position with its document).
"""
from __future__ import annotations

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


def saved_zoom(settings: Settings) -> float:
    zoom = settings.number("view/zoom", 1.0)
    return zoom if 0.5 <= zoom <= 3 else 1.0


def saved_filter(settings: Settings) -> tuple[str, list[str], bool]:
    """The department filter the window was left with: name ("" for none), roles, general."""
    from models.views.outline import FILTER_ROLES
    roles = [r for r in settings.words("filter/roles", list(FILTER_ROLES)) if r in FILTER_ROLES]
    return settings.text("filter/department"), roles, settings.flag("filter/general", False)


def restore_layout(window, settings: Settings) -> None:
    """Stage 1: what the first paint shows (needs neither the library nor Qt's enums)."""
    splitters = [("window/geometry", window.restoreGeometry),
                 ("window/state", window.restoreState),
                 ("window/splitter", window.splitter.restoreState)]
    if window.left_split is not None:  # built in stage 1 when a filter is shown from the cache
        splitters.append(("window/left_splitter", window.left_split.restoreState))
    for key, apply in splitters:
        value = settings.bytes(key)
        if value is not None:
            apply(value)
    zoom = saved_zoom(settings)
    if zoom != 1.0:
        window.zoom_tree(zoom)
    key = settings.text("position/key")
    if key:
        window.preselect(key)


def restore(window, settings: Settings) -> None:
    """Stage 2, the library open: left splitter, zoom of the text, filter, position."""
    from models.errors import GazetteError
    value = settings.bytes("window/left_splitter")
    if value is not None:
        window.left_split.restoreState(value)
    zoom = saved_zoom(settings)
    if zoom != 1.0:
        window.set_zoom(zoom)
    name, roles, general = saved_filter(settings)
    window.filter_bar.set_roles(roles, general)
    if name:
        try:
            window.set_department(name)
        except GazetteError:
            pass  # the department is no longer in the library
    key = settings.text("position/key")
    if key and (key in window.outline.by_key or window.library.has_node(key)):
        window.open_key(key)
