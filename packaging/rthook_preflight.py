"""PyInstaller runtime hook of build.spec: runs before main.py in the frozen app.

When the arguments open the window (no command), check for a display and
for Qt's libraries first, so that a laptop without a graphical session or
with a broken system library gets a sentence in Chinese and exit code 3
instead of Qt's abort. Commands (search, duties, self-test, …) are untouched:
they need no display. See ui/display_check.py.
"""
import sys


def _gazette_preflight() -> None:
    from ui.display_check import EXIT_NO_DISPLAY, gui_preflight, wants_window
    if not wants_window(sys.argv[1:]):
        return
    problem = gui_preflight()
    if problem:
        if sys.stderr is not None:
            sys.stderr.write(problem + "\n")
            sys.stderr.flush()
        sys.exit(EXIT_NO_DISPLAY)


_gazette_preflight()
del _gazette_preflight
