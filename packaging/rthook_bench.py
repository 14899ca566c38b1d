"""PyInstaller runtime hook (build.spec and packaging/bare.spec): first-paint probe.

Inert unless GAZETTE_BENCH_FIRST_PAINT is set, which only
bench/frozen_startup_bench.py does. Then the first time any widget is shown
an application-wide event filter is installed, and on the first paint event
of the chosen widget the process prints PAINTED and exits at once:

    GAZETTE_BENCH_FIRST_PAINT=tree   the viewport of the main window's tree (公报通)
    GAZETTE_BENCH_FIRST_PAINT=any    any widget (the bare window)

Both frozen programs carry the same hook, so the probe costs both the same.
"""
import os


def _gazette_bench_probe(mode: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QTreeView, QWidget

    paint = QEvent.Type.Paint
    state = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == paint and (mode != "tree" or isinstance(obj.parent(), QTreeView)):
                print("PAINTED", flush=True)
                os._exit(0)
            return False

    original_show = QWidget.show

    def show(self):
        if "filter" not in state:
            state["filter"] = FirstPaint()
            QApplication.instance().installEventFilter(state["filter"])
        return original_show(self)

    QWidget.show = show


if os.environ.get("GAZETTE_BENCH_FIRST_PAINT"):
    _gazette_bench_probe(os.environ["GAZETTE_BENCH_FIRST_PAINT"])
del _gazette_bench_probe
