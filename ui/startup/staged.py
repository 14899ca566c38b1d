"""The staged start of the window of `python main.py`: on screen before the library is open.

A bare PySide6 window paints in ~150-300 ms, nearly all of it Python,
PySide6 and the platform plugin; the goal is to show the real window with
its tree within 1.3 times that (bench/startup_bench.py). Before this module
is imported, main.py has read the arguments without argparse
(ui/startup/arguments.py) and the preflight has paused the garbage collector
(ui/startup/gc_pause.py, resumed here when stage 2 ends) and loaded Qt with
PySide6's support modules from bytecode (ui/startup/qt_bytecode.py).
Then the start is staged (see ui/window/main_window.py for what each stage
builds):

Stage 1, before the first paint: the QApplication with the bundled fonts,
the excepthook (ui.error_dialogs, ~9 ms, is loaded by the hook when first
used), the settings, the picture of the tree from the outline cache
(models/views/outline_cache.py, a text file beside the libraries: the rows
the tree showed when the window was left, never the whole library), the
frame of the main window with the stand-ins of ui/startup/stand_ins.py, the
saved geometry and current row; show.

Stage 2, when the tree has been painted (OutlineView.first_painted, then the
next turn of the event loop, so the frame is on screen first): Qt's Chinese
translations, the library (its checks), and the rest of the window: the live
tree, read as it unfolds, with the rows of the picture unfolded. A user's
library made stale by a new version serves as it is while the window rebuilds
it in the background (ui/window/rebuild_flow.py); only one this version cannot
read is rebuilt first, with a dialog. A timer starts stage 2 anyway if the tree
is never painted (its pane collapsed, say). The cache is then rewritten if
the tree changed, and again on quitting (an import changes the library).

With a department filter to restore, stage 1 shows the tree as the filter
leaves it (rows, role tags, the chip and its role toggles, the first
deadlines under the tree, the counts), from the picture the cache keeps for
that filter; stage 2 then applies the filter to the library, which gives the
same picture.

Without a usable cache (first start, library changed, a saved filter the
cache has no picture of), everything is done before the window is shown, as
before.
"""
from __future__ import annotations

import sys

from models.locations import user_data_dir
from models.roles import filter_key
from models.views import outline_cache
from ui.qt import QApplication, QTimer
from ui.settings import SETTINGS_NAME, Settings
import ui.startup.gc_pause as gc_pause
from ui.startup.application import (finish_base_app, install_translations, make_base_app,
                                    open_library, show_warnings_later)
from ui.window import state as window_state
from ui.window.main_window import MainWindow

FALLBACK_MS = 1000  # stage 2 starts by then even if the tree was never painted


def _excepthook(exc_type, exc, tb) -> None:
    from ui.error_dialogs import excepthook
    excepthook(exc_type, exc, tb)


def remember_outline(window: MainWindow) -> None:
    """Keep the tree of the window's library, and what its filter shows, for the next start
    (ignores write errors)."""
    picture = window.cached_picture()
    if picture is not None:
        path, shown = picture
        outline_cache.save(path, shown, plain=window.plain_picture)


def cached_start(settings: Settings) -> outline_cache.Picture | None:
    """The cached picture of the tree as the saved filter (or none) shows it; None when the
    start cannot be staged."""
    name, government, roles, general = window_state.saved_filter(settings)
    key = filter_key(name, government, roles, general) if name else None
    cached = outline_cache.load(only=key)  # (the other pictures are not built)
    return cached.picture(key) if cached is not None else None


def start(argv: list[str] | None = None,
          settings: Settings | None = None) -> tuple[QApplication, MainWindow | None]:
    """Show the window (staged when possible); None if no library could be opened."""
    app, fonts = make_base_app(argv, staged=True)
    sys.excepthook = _excepthook
    settings = settings if settings is not None else Settings(user_data_dir() / SETTINGS_NAME)
    picture = cached_start(settings)
    warnings: list[str] = []
    if picture is None:
        fonts = finish_base_app(app)
        install_translations(app)
        library = open_library(warnings=warnings)
        if library is None:
            return app, None
        window = MainWindow(library, fonts, settings)
        window.show()
        show_warnings_later(window, warnings)
        remember_outline(window)
        window.rebuild.start_if_due()
        gc_pause.resume()
        return app, window
    window = MainWindow(None, fonts, settings, picture=picture)
    begun = []

    def stage_two() -> None:
        if begun:  # the paint and the fallback timer both call this
            return
        begun.append(True)
        fonts = finish_base_app(app)
        install_translations(app)
        library = open_library(warnings=warnings)
        if library is None:
            window.close()
            app.exit(2)
            return
        window.complete(library, fonts)
        show_warnings_later(window, warnings)
        remember_outline(window)
        window.rebuild.start_if_due()
        gc_pause.resume()

    window.left.tree.first_painted.connect(lambda: QTimer.singleShot(0, stage_two))
    QTimer.singleShot(FALLBACK_MS, stage_two)
    window.show()
    return app, window


def run(argv: list[str] | None = None) -> int:
    app, window = start(argv if argv is not None else sys.argv)
    if window is None:
        return 2
    app.aboutToQuit.connect(lambda: remember_outline(window))
    return app.exec()
