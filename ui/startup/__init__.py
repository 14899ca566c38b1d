"""The window's start, every piece of it, behind one entry point.

    from ui import startup
    if startup.wants_window(argv):              # main.py: only --user-data DIR
        set_user_data_dir(startup.user_data_argument(argv))
        return startup.open_window()            # the exit code

A bare PySide6 window paints in ~150-300 ms, nearly all of it Python, PySide6
and the platform plugin; 公报通 shows its real window, tree included, within
1.3 times that (bench/startup_bench.py). The pieces, in the order a start
runs them:

- arguments.py: the window's arguments, read without argparse;
- preflight.py: is there a display, do Qt's libraries load (a sentence in
  Chinese and exit code 3 if not); it pauses the garbage collector
  (gc_pause.py) and loads Qt with PySide6's support modules kept as bytecode
  (qt_bytecode.py);
- application.py: the QApplication with the bundled fonts and Qt's Chinese
  translations, and the library (offering a rebuild when it cannot be opened);
- staged.py: the two stages: the window's frame with the tree from the
  outline cache before the first paint, the rest once the tree is on screen;
- stand_ins.py: the widgets the first stage shows in place of the search
  field, the department button and the reading pane.

The frozen build's runtime hook (packaging/rthook_preflight.py) runs the
preflight before main.py; it is safe to run twice. Importing this package
costs nothing: the pieces are imported when used.
"""
from __future__ import annotations

from ui.startup.arguments import user_data_argument, wants_window
from ui.startup.preflight import EXIT_NO_DISPLAY  # os and sys only: importing it costs nothing

__all__ = ["EXIT_NO_DISPLAY", "open_window", "prepare", "user_data_argument", "wants_window"]


def prepare() -> str | None:
    """Begin the window's start (ui/startup/preflight.py): pause the collector, check the
    display, load Qt; what keeps the window from opening, as a sentence in Chinese, or None."""
    from ui.startup.preflight import gui_preflight
    return gui_preflight()


def open_window(argv: list[str] | None = None) -> int:
    """The preflight, then the staged start of the window; the exit code when it closes."""
    import sys
    problem = prepare()
    if problem:
        sys.stderr.write(problem + "\n")
        return EXIT_NO_DISPLAY
    from ui.startup.staged import run
    return run(argv)
