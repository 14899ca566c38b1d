"""A new version rebuilds the user's library: how soon the window is usable, how long the
rebuild behind it takes, and how the window answers meanwhile (issue 14, item 1).

    .venv/bin/python bench/rebuild_bench.py                # a user library of 50 issues
    options: --issues N, --work DIR (default /tmp/gazette-rebuild: the texts and the
             library, reused), --cli (also a command on the stale library)

The user library is the embedded issue plus N variants of it (bench/scale_corpus.py),
imported as an official would (`main.py --user-data DIR import FOLDER`), then stamped by
"an older version". The window is started in a child process (offscreen unless a display
is set) as `python main.py` starts it (ui.startup.staged.start); it prints when the window
is complete, when the rebuild behind it is done, the lateness of a 20 ms timer meanwhile
(how the window answers), and a department filter applied and cleared and a search shown,
during the rebuild and after it. --cli times `main.py documents` on the stale library
(it rebuilds first, a line per issue on stderr).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))


def user_library(work: Path, issues: int) -> Path:
    """The user data folder of the seed and *issues* variants, built once (kept as .orig)."""
    import scale_corpus
    orig = work / f"user-{issues}.orig"
    if (orig / "library.sqlite").exists():
        return orig
    texts = work / f"texts-{issues}"
    texts.mkdir(parents=True, exist_ok=True)
    for index in range(issues):
        scale_corpus.write_issue(scale_corpus.make_issue(index), texts)
    shutil.rmtree(orig, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--user-data", str(orig), "import",
                    str(texts)], check=True, stdout=subprocess.DEVNULL)
    return orig


def stale_copy(orig: Path, work: Path) -> Path:
    run = work / "run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(orig, run, symlinks=True)
    shutil.rmtree(run / "cache", ignore_errors=True)
    (run / "library.content").write_text("an older version", encoding="utf-8")
    return run


def child(user: str) -> None:
    """The window on the stale library: print its figures, then quit."""
    began = time.perf_counter()
    from models.locations import set_user_data_dir
    set_user_data_dir(user)
    from ui import startup
    startup.prepare()
    from ui.qt import QTimer
    from ui.startup import staged
    app, window = staged.start(["rebuild-bench"])
    late, last = [], [None]

    def tick() -> None:
        now = time.perf_counter()
        if last[0] is not None:
            late.append((now - last[0]) * 1000 - 20)
        last[0] = now
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(tick)

    def interactions(when: str) -> None:
        running = ticker.isActive()
        ticker.stop()  # (the timer measures the window left alone)
        fs, times = window.filter_search, {"apply": [], "clear": [], "search": []}
        for _ in range(3):
            for name, step in (("apply", lambda: fs.set_department("区财政局")),
                               ("clear", lambda: fs.set_department(None)),
                               ("search", lambda: (fs.field.setText("托育"), fs.field.flush()))):
                t0 = time.perf_counter()
                step()
                app.processEvents()
                times[name].append((time.perf_counter() - t0) * 1000)
            fs.field.clear()
            fs.run_search("")
            app.processEvents()
        print(f"  {when:<22}" + ", ".join(f"{name} {statistics.median(v):.0f} ms"
                                           for name, v in times.items()), flush=True)
        if running:
            last[0] = None
            ticker.start()

    def ended(kind: str) -> None:
        ticker.stop()
        print(f"rebuild {kind} {time.perf_counter() - began:.2f} s after the start", flush=True)
        if late:
            ordered = sorted(late)
            print(f"20 ms timer during it: late by median {ordered[len(ordered) // 2]:.0f} ms, "
                  f"p95 {ordered[int(len(ordered) * 0.95)]:.0f} ms, most {ordered[-1]:.0f} ms",
                  flush=True)
        interactions("after the rebuild")
        window.close()
        app.quit()

    def ready() -> None:
        if not window.ready:
            QTimer.singleShot(5, ready)
            return
        print(f"window complete {time.perf_counter() - began:.2f} s after the start; "
              f"rebuilding behind it: {window.rebuild.busy()}", flush=True)
        window.rebuild.finished.connect(ended)
        ticker.start()
        QTimer.singleShot(500, lambda: window.rebuild.busy() and interactions(
            "during the rebuild"))
    QTimer.singleShot(0, ready)
    app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--work", type=Path, default=Path("/tmp/gazette-rebuild"))
    parser.add_argument("--cli", action="store_true")
    parser.add_argument("--child", metavar="USER_DATA")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    orig = user_library(args.work, args.issues)
    print(f"rebuild bench: the embedded issue and {args.issues} imported variants "
          f"({(orig / 'library.sqlite').stat().st_size / 1e6:.0f} MB), stamped stale")
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    run = stale_copy(orig, args.work)
    subprocess.run([sys.executable, __file__, "--child", str(run)], env=env, check=True)
    if args.cli:
        run = stale_copy(orig, args.work)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--user-data", str(run),
                               "documents", "--format", "json"], capture_output=True, text=True)
        print(f"main.py documents on the stale library: {time.perf_counter() - t0:.2f} s, exit "
              f"{proc.returncode}, {len(proc.stderr.splitlines())} lines on stderr "
              f"(last: {proc.stderr.splitlines()[-1] if proc.stderr else '—'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
