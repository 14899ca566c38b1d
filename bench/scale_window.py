"""The window's part of the scale bench (bench/scale_bench.py): starts and interactions,
each in a child process with a watchdog.

    .venv/bin/python bench/scale_window.py --window-child browse --library LIB [--middle N]

is the child of one chain of steps (what `scale_bench.py --window-child` runs too):
it builds MainWindow on LIB and prints `STEP name` before each step and `TIME name ms`
for each time measured; the parent (run_chain) stops a step that outlasts the budget.
The starts are bench/startup_bench.py's own child, run on user data folders made
here (prepare_window_env). What each figure is: bench/scale_bench.py's docstring.
"""
from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

FILTER_FROM, FILTER_TO = "区财政局", "区市场监督管理局"
WINDOW_QUERIES = ("局", "托育")
STOPPED = "stopped"
CLAUSE_KINDS = ("document", "section", "subsection", "item", "subitem", "paragraph", "notice",
                "chapter", "article", "annex", "duty", "roster", "plan_title", "attachments")


def ms(seconds: float) -> float:
    return seconds * 1000


class Child:
    """A child process whose stdout lines are read with a watchdog."""

    def __init__(self, args: list[str], env: dict):
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env, cwd=ROOT)
        self.lines: queue.Queue = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self.rusage = None
        self.status = None

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))
        self.lines.put((time.perf_counter(), None))

    def _read_err(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line)

    def next_line(self, deadline: float) -> tuple[float, str | None] | None:
        """(time, line); (time, None) at the end of its output; None at the deadline."""
        try:
            return self.lines.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            return None

    def finish(self, kill: bool = False) -> None:
        """Wait for (or stop) the child and keep its rusage (ru_maxrss: peak RSS)."""
        if self.rusage is not None:
            return
        if kill:  # (not Popen.kill: its poll() would reap a child that just ended, and
            try:  # with it the rusage wait4 reads)
                os.kill(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, self.status, self.rusage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = self.status  # reaped here: Popen must not wait for it again

    @property
    def peak_mb(self) -> float | None:
        return self.rusage.ru_maxrss / 1024 if self.rusage else None  # KiB on Linux


def prepare_window_env(path: Path, folder: Path) -> tuple[dict, dict, str]:
    """Environments of the window children: plain and filtered (own user data, each with the
    library as the user's library), one outline cache and bytecode cache; the key of the
    document the settings leave open."""
    import startup_bench

    from models.store.content import user_library_fingerprint
    from models.store.library import Library
    if folder.exists():
        shutil.rmtree(folder)
    base = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                GAZETTE_CACHE_DIR=str(folder / "cache"),
                PYTHONPYCACHEPREFIX=str(folder / "bytecode"))
    for name in ("PYTHONDONTWRITEBYTECODE", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        base.pop(name, None)
    fingerprint = user_library_fingerprint()
    with Library(path) as library:
        key = library.documents()[1].key  # as bench/startup_bench.py leaves it
    envs = {}
    for kind in ("plain", "filtered"):
        data = folder / kind
        data.mkdir(parents=True)
        (data / "library.sqlite").symlink_to(path.resolve())
        (data / "library.content").write_text(fingerprint, encoding="utf-8")  # not stale
        envs[kind] = dict(base, GAZETTE_USER_DATA=str(data))
        startup_bench.write_settings(envs[kind], key, FILTER_FROM if kind == "filtered" else "")
    return base, envs, key


def start_run(kind: str, env: dict, budget: float) -> dict:
    """One start as bench/startup_bench.py's child makes it: spawn → first paint (PAINTED),
    → reading pane painted with the saved document once complete (STAGE2)."""
    import startup_bench
    child = Child([sys.executable, startup_bench.__file__, "--child",
                   "bare" if kind == "bare" else "app"], env)
    found: dict = {}
    deadline = child.start + budget
    while True:
        got = child.next_line(deadline)
        if got is None:
            found["stopped"] = True
            break
        when, line = got
        if line is None:
            break
        words = line.split()
        if words and words[0] in (startup_bench.MARK, startup_bench.STAGE2):
            found[words[0]] = when - child.start
        elif words and words[0] == "CACHE":
            found["cache"] = words[1]
        if startup_bench.MARK in found and (kind == "bare" or startup_bench.STAGE2 in found):
            break
    child.finish(kill=True)
    found["rss"] = child.peak_mb
    if startup_bench.MARK not in found and not found.get("stopped"):
        raise RuntimeError(f"{kind} window never painted: {''.join(child.stderr)[-2000:]}")
    return found


def measure_starts(envs: dict, base: dict, runs: int, budget: float,
                   instructions: int = 0) -> dict:
    import startup_bench
    out = {kind: {"paint": [], "complete": [], "rss": [], "stopped": False, "cache": []}
           for kind in ("bare", "plain", "filtered")}
    warm = {}
    for kind in ("plain", "filtered"):  # first starts (unstaged): they write the outline cache,
        warm[kind] = start_run(kind, envs[kind], 4 * budget)  # without which none is staged
    start_run("bare", base, budget)
    for _ in range(runs):
        for kind, found in out.items():
            if found["stopped"]:
                continue
            run = start_run(kind, envs.get(kind, base), budget)
            if run.get("stopped"):
                found["stopped"] = True
            if startup_bench.MARK in run:
                found["paint"].append(run[startup_bench.MARK])
            if startup_bench.STAGE2 in run:
                found["complete"].append(run[startup_bench.STAGE2])
            found["rss"].append(run["rss"])
            found["cache"].append(run.get("cache"))
    out["warm"] = warm
    if instructions:  # the instructions to the first paint: repeatable where wall times vary
        out["instructions"] = {kind: sorted(startup_bench.instructions(kind, envs.get(kind, base))
                                            for _ in range(instructions))
                               for kind in ("bare", "plain", "filtered")}
    return out


CHAINS = {
    # name: steps in order; a step stopped by the watchdog ends its chain
    "browse": ["open", "down_clause", "down_document", "search 局", "search 托育"],
    "filter": ["open", "apply", "clear"],
    "switch": ["open", "apply_again", "switch"],
}


def run_chain(chain: str, path: Path, env: dict, budget: float, middle: int) -> dict:
    """Run one chain of window steps in a child; {step: [ms, …] or STOPPED}, peak RSS."""
    child = Child([sys.executable, __file__, "--window-child", chain, "--library", str(path),
                   "--middle", str(middle)], env)
    results: dict = {}
    deadline = child.start + 2 * budget  # building the window: starting Python and Qt too
    step = "open"
    while True:
        got = child.next_line(deadline)
        if got is None:
            if not results.get(step):
                results[step] = STOPPED
            results["_stopped"] = step
            child.finish(kill=True)
            break
        _, line = got
        if line is None:
            child.finish()
            if step not in results and child.status:
                results[step] = "failed: " + "".join(child.stderr)[-600:]
            break
        if line.startswith("STEP "):
            step = line.split(" ", 1)[1]
            deadline = time.perf_counter() + (2 * budget if step == "open" else budget)
        elif line.startswith("TIME "):
            name, value = line[5:].rsplit(" ", 1)
            results.setdefault(name, []).append(float(value))
    results["rss"] = child.peak_mb
    return results


# ------------------------------------------------------------------ the window child
def window_child(chain: str, library_path: Path, middle: int) -> None:
    """Build the window on the library and run the steps of *chain*, printing
    `STEP name` before each and `TIME name ms` for each time measured."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def say(text: str) -> None:
        print(text, flush=True)

    say("STEP open")
    t0 = time.perf_counter()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.item_roles import KIND
    from ui.startup.application import make_app, open_library
    from ui.window.main_window import MainWindow
    app, fonts = make_app(["scale-bench"])
    window = MainWindow(open_library(library_path), fonts, None)
    window.show()
    app.processEvents()
    say(f"TIME open {ms(time.perf_counter() - t0):.2f}")
    left, find = window.left, window.filter_search
    middle_issue = window.library.query(  # the middle issue's third document
        "SELECT d.key FROM documents d JOIN issues i ON i.id = d.issue_id "
        "ORDER BY i.id, d.position LIMIT 1 OFFSET ?", [middle * 5 + 2])
    target = middle_issue[0][0] if middle_issue else window.library.documents()[-1].key
    window.open_key(target)
    app.processEvents()

    def interaction(fn, name: str | None = None) -> float:
        start = time.perf_counter()
        fn()
        app.processEvents()  # the views lay out and paint what changed
        elapsed = ms(time.perf_counter() - start)
        if name:
            say(f"TIME {name} {elapsed:.2f}")
        return elapsed

    def down_times(name: str, presses: int, kinds: tuple[str, ...]) -> None:
        left.tree.setFocus()
        for _ in range(presses):
            t = interaction(lambda: QTest.keyClick(left.tree, Qt.Key.Key_Down))
            if left.tree.currentIndex().data(KIND) in kinds:  # a row the reader shows
                say(f"TIME {name} {t:.2f}")

    for step in CHAINS[chain][1:]:
        say(f"STEP {step}")
        if step == "down_clause":  # the document open, its rows unfolded: clause by clause
            index = left.tree_index(target)
            left.tree.expand(index)
            app.processEvents()
            left.tree.setCurrentIndex(left.tree.model().index(0, 0, index))
            app.processEvents()
            down_times(step, 10, CLAUSE_KINDS)
        elif step == "down_document":  # documents folded: from document to document
            left.collapse_to_documents()
            left.tree.setCurrentIndex(left.tree_index(target))
            app.processEvents()
            down_times(step, 12, ("document",))
        elif step.startswith("search "):
            query = step.split(" ", 1)[1]
            for _ in range(3):
                def run(q=query):
                    find.field.setText(q)
                    find.field.flush()
                interaction(run, step)
                find.field.clear()
                find.run_search("")
                app.processEvents()
        elif step == "apply":  # none → 区财政局, then cleared again: repeated while quick
            for round_ in range(3):
                if round_:
                    say("STEP apply")
                applied = interaction(lambda: find.set_department(FILTER_FROM), "apply")
                say("STEP clear")
                cleared = interaction(lambda: find.set_department(None), "clear")
                if max(applied, cleared) > 3000:
                    break
        elif step == "clear":
            pass  # measured with apply
        elif step == "apply_again":
            interaction(lambda: find.set_department(FILTER_FROM), step)
        elif step == "switch":  # 区财政局 → 区市场监督管理局 (and back: repeated while quick)
            for name in (FILTER_TO, FILTER_FROM, FILTER_TO):
                if interaction(lambda name=name: find.set_department(name), step) > 3000:
                    break
        else:
            raise ValueError(step)
    window.close()
    sys.stdout.flush()
    os._exit(0)



def main() -> int:
    parser = argparse.ArgumentParser(description="one chain of window steps (a child)")
    parser.add_argument("--window-child", choices=sorted(CHAINS), required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--middle", type=int, default=0)
    args = parser.parse_args()
    window_child(args.window_child, args.library, args.middle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
