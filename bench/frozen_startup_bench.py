"""Cold start of the frozen 公报通 against a frozen bare PySide6 window.

    .venv/bin/python bench/frozen_startup_bench.py [--build] [--runs 15] [--onefile]
    xvfb-run -a .venv/bin/python bench/frozen_startup_bench.py --platform xcb

Both programs are built by the same spec machinery (build.spec and
packaging/bare.spec share packaging/spec_common.py: same options, same
trimming) and carry the same first-paint probe (packaging/rthook_bench.py).
Each run is a fresh process; the two alternate, so that disk caches and
machine load favour neither. The time runs from spawning the executable to
the PAINTED line it prints on its first paint event (the tree of the main
window for 公报通, the window for the bare one).

"Cold": when this process may write /proc/sys/vm/drop_caches (root, not in
a locked-down container) the page cache is dropped before every launch;
otherwise the first launch of each is discarded and the rest run with the
files in the page cache (reported as "warm"). Prints both medians, the ratio
(goal ≤ 1.30) and the sizes of the two folders (and one-file executables).
With --build it first runs PyInstaller for both (onedir, and onefile with
--onefile).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
EXT = ".exe" if sys.platform == "win32" else ""
APP_DIR = DIST / "gazette-desk" / f"gazette-desk{EXT}"
BARE_DIR = DIST / "bare-window" / f"bare-window{EXT}"
APP_ONEFILE = DIST / f"gazette-desk-onefile{EXT}"
BARE_ONEFILE = DIST / f"bare-window-onefile{EXT}"
GOAL = 1.30
TIMEOUT = 60  # seconds for one start


def build(onefile: bool) -> None:
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    steps = [[*pyinstaller, "build.spec"],
             [*pyinstaller, "--distpath", "dist", "--workpath", "build/bare", "packaging/bare.spec"]]
    if onefile:
        steps += [[*pyinstaller, "--workpath", "build/onefile", "build.spec", "--", "--onefile"],
                  [*pyinstaller, "--distpath", "dist", "--workpath", "build/bare-onefile",
                   "packaging/bare.spec", "--", "--onefile"]]
    for cmd in steps:
        print("$", " ".join(cmd[2:]), flush=True)
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def can_drop_caches() -> bool:
    try:
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


def drop_caches() -> None:
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as fh:
        fh.write("3\n")


def first_paint(exe: Path, mode: str, env: dict, cold: bool) -> float:
    if cold:
        drop_caches()
    env = dict(env, GAZETTE_BENCH_FIRST_PAINT=mode)
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    timer = threading.Timer(TIMEOUT, proc.kill)  # a build without the probe never paints
    timer.start()
    try:
        for line in proc.stdout:
            if line.strip() == "PAINTED":
                elapsed = time.perf_counter() - start
                proc.wait()
                return elapsed
        proc.wait()
    finally:
        timer.cancel()
    raise RuntimeError(f"{exe.name} never printed PAINTED (exit {proc.returncode}); "
                       "is it built from build.spec / packaging/bare.spec (with --build)?")


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1048576:6.1f} MiB"


def prime_outline_cache(app: Path, env: dict) -> bool:
    """Start the app once to the end of its stage 2, as an official's previous session did.

    The measured runs exit at their first paint, before the app writes its
    outline cache; without one every start would be a first start (unstaged).
    Returns whether the cache was written (a onefile build unpacks its library
    to a new folder each run, so its cache never matches: honest, not hidden).
    """
    cache = Path(env["GAZETTE_CACHE_DIR"]) / "outline.txt"
    proc = subprocess.Popen([str(app)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    try:
        deadline = time.perf_counter() + 20
        while time.perf_counter() < deadline and not cache.exists():
            time.sleep(0.1)
        time.sleep(0.5)  # let it finish writing
    finally:
        proc.terminate()
        proc.wait()
    return cache.exists()


def compare(label: str, app: Path, bare: Path, runs: int, env: dict, cold: bool) -> float:
    primed = prime_outline_cache(app, env)
    print(f"{label}: outline cache {'written by a first start' if primed else 'NOT written'}")
    if not cold:  # warm-up, discarded
        first_paint(app, "tree", env, cold)
        first_paint(bare, "any", env, cold)
    bare_t, app_t = [], []
    for _ in range(runs):
        bare_t.append(first_paint(bare, "any", env, cold))
        app_t.append(first_paint(app, "tree", env, cold))
    b, a = statistics.median(bare_t), statistics.median(app_t)
    print(f"{label}: first paint, median of {runs} alternating runs "
          f"({'cold: page cache dropped before each' if cold else 'warm page cache'}, "
          f"{env['QT_QPA_PLATFORM']}):")
    print(f"  bare PySide6 window (frozen) : {b * 1000:7.1f} ms   "
          f"[min {min(bare_t) * 1000:.0f}, max {max(bare_t) * 1000:.0f}]")
    print(f"  公报通 (frozen, tree painted): {a * 1000:7.1f} ms   "
          f"[min {min(app_t) * 1000:.0f}, max {max(app_t) * 1000:.0f}]")
    print(f"  ratio                        : {a / b:7.2f}   (goal ≤ {GOAL:.2f})")
    return a / b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--build", action="store_true", help="run PyInstaller for both first")
    parser.add_argument("--onefile", action="store_true", help="also compare the one-file builds")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM") or "offscreen",
                        help="QT_QPA_PLATFORM for the runs (xcb needs a display, e.g. xvfb-run)")
    parser.add_argument("--warm", action="store_true", help="never drop the page cache")
    args = parser.parse_args()
    if args.build:
        build(args.onefile)
    pairs = [("onedir", APP_DIR, BARE_DIR)]
    if args.onefile:
        pairs.append(("onefile", APP_ONEFILE, BARE_ONEFILE))
    for _, app, bare in pairs:
        if not (app.exists() and bare.exists()):
            print(f"missing {app if not app.exists() else bare}: run with --build "
                  "(or pyinstaller build.spec and packaging/bare.spec)", file=sys.stderr)
            return 2
    tmp = Path(tempfile.mkdtemp(prefix="gazette-frozen-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, GAZETTE_USER_DATA=str(tmp / "user"),
               GAZETTE_CACHE_DIR=str(tmp / "cache"), HOME=str(tmp / "home"))
    (tmp / "home").mkdir()
    cold = not args.warm and can_drop_caches()
    worst = 0.0
    for label, app, bare in pairs:
        worst = max(worst, compare(label, app, bare, args.runs, env, cold))
    print("sizes:")
    print(f"  公报通 onedir  {mb(size_of(APP_DIR.parent))}   (goal ≤ 120 MB)")
    print(f"  bare   onedir  {mb(size_of(BARE_DIR.parent))}")
    for path, goal in ((APP_ONEFILE, "   (goal ≤ 60 MB)"), (BARE_ONEFILE, "")):
        if path.exists():
            print(f"  {'公报通' if path == APP_ONEFILE else 'bare  '} onefile {mb(size_of(path))}{goal}")
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
