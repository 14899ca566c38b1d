"""PyInstaller runtime hook of build.spec: runs before main.py in the frozen app.

When the arguments open the window (no command), check for a display and
for Qt's libraries first, so that a laptop without a graphical session or
with a broken system library gets a sentence in Chinese and exit code 3
instead of Qt's abort. Commands (search, duties, self-test, …) are untouched:
they need no display. See ui/startup/ (its __init__ and preflight.py).
"""
import sys


def _gazette_preflight() -> None:
    from ui import startup
    if not startup.wants_window(sys.argv[1:]):
        return
    problem = startup.prepare()
    if problem:
        if sys.stderr is not None:
            sys.stderr.write(problem + "\n")
            sys.stderr.flush()
        sys.exit(startup.EXIT_NO_DISPLAY)


_gazette_preflight()
del _gazette_preflight
