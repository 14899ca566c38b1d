"""Startup and interaction speed of the window, against a bare PySide6 window.

    .venv/bin/python bench/startup_bench.py [--runs 9]

First paint: each run is a fresh process (alternating bare / app so that disk
caches favour neither); the parent measures from spawning it to the line the
child prints in its first paint event: the bare QWidget's, or, in the app
(started as `python main.py` starts it, ui/startup.py), the first paint of
the tree viewport with rows in the tree. Prints both medians and the ratio
(goal ≤ 1.3). The app is staged, so the bench also prints when stage 2 is
complete: the first paint of the reading pane after the window became ready,
with the document of the saved position rendered (the settings name one).
It says whether the outline cache was used: the warm-up run writes it, as
any start does, so the measured runs are the usual second-and-later starts.
Then, in this process, the time of a department switch and of a search
refresh (tree/results rebuilt and laid out) on the seed (goal ≤ 50 ms).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MARK, STAGE2 = "PAINTED", "STAGE2"


def child(kind: str, settings_path: str | None) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    marks: list[str] = []

    class FirstPaint(QObject):
        """Prints *mark* at the watched widget's first paint once ready(); the child
        ends when every mark it waits for is printed (in the order of *order*)."""

        def __init__(self, mark: str, order: tuple[str, ...], ready=lambda: True):
            super().__init__()
            self.mark, self.order, self.ready = mark, order, ready

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.ready() and self.mark not in marks:
                marks.append(self.mark)
                obj.removeEventFilter(self)
                for mark in self.order:  # a later mark may have come first: print in order
                    if mark not in marks:
                        break
                    if f"printed {mark}" not in marks:
                        print(mark, flush=True)
                        marks.append(f"printed {mark}")
                if all(f"printed {m}" in marks for m in self.order):
                    os._exit(0)
            return False

    if kind == "bare":
        app = QApplication(["bench"])
        window = QWidget()
        window.resize(1280, 820)
        spy = FirstPaint(MARK, (MARK,))
        window.installEventFilter(spy)
        window.show()
    else:
        from ui.settings import Settings
        from ui.startup import start
        app, window = start(["bench"], Settings(Path(settings_path)))  # shows the window
        tree = window.tree
        order = (MARK, STAGE2)
        spy = FirstPaint(MARK, order,
                         lambda: tree.model() is not None and tree.model().rowCount() > 0)
        tree.viewport().installEventFilter(spy)
        print("CACHE", "miss" if window.ready else "hit", flush=True)
        done = FirstPaint(STAGE2, order, lambda: window.ready and bool(window.reader.document_key))

        def watch_reader():
            window.reader.viewport().installEventFilter(done)
        if window.ready:
            watch_reader()
        else:
            window.started.connect(watch_reader)
    app.exec()


def first_paint(kind: str, env: dict, settings: Path | None = None) -> dict[str, float | str]:
    """Times (s) from spawning the child to its marks, and whether the cache was used."""
    start = time.perf_counter()
    args = [sys.executable, __file__, "--child", kind] + ([str(settings)] if settings else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    found: dict[str, float | str] = {}
    for line in proc.stdout:
        words = line.split()
        if words and words[0] in (MARK, STAGE2):
            found[words[0]] = time.perf_counter() - start
        elif words and words[0] == "CACHE":
            found["cache"] = words[1]
        if MARK in found and (kind == "bare" or STAGE2 in found):
            break
    proc.wait()
    if MARK not in found:
        raise RuntimeError(f"{kind} window never painted (exit {proc.returncode})")
    return found


def bench_settings(folder: Path) -> Path:
    """Settings naming a last position, so that stage 2 renders a document as users see it."""
    from models.content import active_library
    from models.library import Library
    from PySide6.QtCore import QSettings
    with Library(active_library()) as library:
        key = library.documents()[1].key
    path = folder / "bench.ini"
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    qs.setValue("position/key", key)
    qs.sync()
    return path


def interaction_times(rounds: int = 5) -> tuple[dict[str, float], dict[str, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import make_app, open_library
    from ui.main_window import MainWindow
    app, fonts = make_app(["bench"])
    window = MainWindow(open_library(), fonts, None)
    window.show()
    app.processEvents()
    window.open_key(next(iter(window.docs)))
    departments = ["区财政局", "区市场监督管理局", "各镇人民政府", "区卫生健康局", "区城乡水务局"]
    queries = ["托育", "局", "市中政办发[2021]15号", "水库除险加固", "各镇"]

    def timed(fn) -> float:
        start = time.perf_counter()
        fn()
        app.processEvents()  # the views lay out and paint what changed
        return (time.perf_counter() - start) * 1000

    switch = {d: min(timed(lambda d=d: window.set_department(d)) for _ in range(rounds))
              for d in departments}
    window.set_department(None)
    refresh = {}
    for q in queries:
        def run(q=q):
            window.search_field.setText(q)
            window.search_field.flush()
        refresh[q] = min(timed(run) for _ in range(rounds))
    window.close()
    return switch, refresh


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=("bare", "app"))
    parser.add_argument("settings", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.settings)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               GAZETTE_USER_DATA=str(tmp / "user"),
               GAZETTE_CACHE_DIR=os.environ.get("GAZETTE_CACHE_DIR", str(tmp / "cache")))
    os.environ.update({k: env[k] for k in ("GAZETTE_USER_DATA", "GAZETTE_CACHE_DIR")})
    settings = bench_settings(tmp)  # (builds the default library in the cache once)
    from models.outline_cache import cache_file
    cache_file().unlink(missing_ok=True)  # derived data: the warm-up (a first start) rewrites it
    warm = first_paint("app", env, settings)
    first_paint("bare", env)
    bare, app, ready, cache = [], [], [], []
    for _ in range(args.runs):
        bare.append(first_paint("bare", env)[MARK])
        run = first_paint("app", env, settings)
        app.append(run[MARK])
        ready.append(run[STAGE2])
        cache.append(run.get("cache"))
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"first paint, median of {args.runs} runs ({env['QT_QPA_PLATFORM']}):")
    print(f"  bare PySide6 window : {b * 1000:7.1f} ms")
    print(f"  公报通 with the tree: {a * 1000:7.1f} ms   (outline cache: "
          f"{cache.count('hit')} hits, {cache.count('miss')} misses)")
    print(f"  ratio               : {a / b:7.2f}   (goal ≤ 1.30)")
    print(f"  stage 2 complete    : {r * 1000:7.1f} ms   (reading pane painted with the document;"
          f" {r / b:.2f}× bare)")
    print(f"  first start         : {warm[MARK] * 1000:7.1f} ms   (the warm-up run, one start: "
          f"no outline cache yet, cache {warm.get('cache')})")
    switch, refresh = interaction_times()
    print("department switch (best of 5, tree + deadlines + reading pane):")
    for name, ms in switch.items():
        print(f"  {name:<12} {ms:6.1f} ms")
    print("search refresh (best of 5, query → results laid out):")
    for query, ms in refresh.items():
        print(f"  {query:<18} {ms:6.1f} ms")
    worst = max([*switch.values(), *refresh.values()])
    print(f"worst interaction: {worst:.1f} ms   (goal ≤ 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
