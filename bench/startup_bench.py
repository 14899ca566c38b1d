"""Startup and interaction speed of the window, against a bare PySide6 window.

    .venv/bin/python bench/startup_bench.py [--runs 9]

First paint: each run is a fresh process (alternating bare / app so that disk
caches favour neither); the parent measures from spawning it to the line the
child prints in its first paint event (the bare QWidget's, or the tree
viewport's in the app). Prints both medians and the ratio (goal ≤ 1.3).
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
MARK = "PAINTED"


def child(kind: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(MARK, flush=True)
                os._exit(0)
            return False

    if kind == "bare":
        app = QApplication(["bench"])
        window = QWidget()
        window.resize(1280, 820)
        target = window
    else:
        from ui.app import make_app, open_library
        from ui.main_window import MainWindow
        from ui.settings import Settings
        app, fonts = make_app(["bench"])
        window = MainWindow(open_library(), fonts,
                            Settings(Path(tempfile.mkdtemp()) / "bench.ini"))
        target = window.tree.viewport()
    spy = FirstPaint()
    target.installEventFilter(spy)
    window.show()
    app.exec()


def first_paint(kind: str, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    for line in proc.stdout:
        if line.strip() == MARK:
            elapsed = time.perf_counter() - start
            proc.wait()
            return elapsed
    proc.wait()
    raise RuntimeError(f"{kind} window never painted (exit {proc.returncode})")


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
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               GAZETTE_USER_DATA=str(tmp / "user"),
               GAZETTE_CACHE_DIR=os.environ.get("GAZETTE_CACHE_DIR", str(tmp / "cache")))
    os.environ.update({k: env[k] for k in ("GAZETTE_USER_DATA", "GAZETTE_CACHE_DIR")})
    first_paint("app", env)  # warm-up: builds the default library in the cache once
    first_paint("bare", env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(first_paint("bare", env))
        app.append(first_paint("app", env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"first paint, median of {args.runs} runs ({env['QT_QPA_PLATFORM']}):")
    print(f"  bare PySide6 window : {b * 1000:7.1f} ms")
    print(f"  公报通 with the tree: {a * 1000:7.1f} ms")
    print(f"  ratio               : {a / b:7.2f}   (goal ≤ 1.30)")
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
