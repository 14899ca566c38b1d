"""What an official's work costs as the library grows: 10, 100, 1,000 issues (issue 14).

    .venv/bin/python bench/scale_bench.py                  # 10 100 1000
    .venv/bin/python bench/scale_bench.py --sizes 10 100   # a quick run
    options: --work DIR (default /tmp/gazette-scale: the built libraries, reused while the
             texts and models/ are unchanged), --runs N (window starts per kind, default 5),
             --budget S (seconds any one window step may take, default 60), --queries N
             (per query class, default 20), --repeat N (runs per query, default 3),
             --wait-load L (wait, up to 5 min, for the load average to fall below L
             before each size and before its window part), --no-window

The libraries are variants of the embedded issue (bench/scale_corpus.py), each
imported through the real import path, one transaction per issue. For each size
it prints:
* import of one more issue: import_gazette(FILE, library=…) (what `main.py import
  FILE --library LIB` does, in process with its modules loaded) of the next
  variants into a copy of the library: median of 3;
* the library's size, and its ratio to the gazette texts it holds;
* search in process (models.store.search.search, as the window calls it) for
  queries of 1, 2, 3 and 4 characters taken from the seed's running text
  (局 and 托育 among them) and for 文号 of the library written as users type them
  ([2021], 【2021】, (2021), full-width digits): per query the median of --repeat
  runs, then p50 and p95 over the queries of the class; beside it a LIKE scan of
  the same file (SELECT count(*) FROM nodes WHERE text LIKE '%q%') and how many
  times faster search is than that scan;
* Library.departments() and entry_counts() on a freshly opened library;
* the window, in child processes (QT_QPA_PLATFORM=offscreen, GAZETTE_USER_DATA and
  GAZETTE_CACHE_DIR in a temporary folder, the library as the user's library):
  - first paint and window complete as bench/startup_bench.py measures them (its
    own child: `python main.py` with a probe; the spawn-to-first-paint time against
    a bare PySide6 window's, and the first paint of the reading pane with the saved
    document once stage 2 is done), unfiltered and with a saved department filter
    (区财政局); the warm-up starts (unstaged, allowed 4 × --budget) write the outline
    cache, as any start does, so the measured starts are the usual staged ones;
  - in a window built with the library (MainWindow(library), as the tests do):
    applying, clearing and switching the department filter (MainWindow.set_department,
    then the events it queued: layout and paint), a Down arrow in the tree (to the
    next clause of an open document, and to the next document with documents folded:
    the key press until the reading pane has shown the row and painted), a search
    shown in the window (局, 托育: results laid out);
  - the peak RSS of each window process (its rusage, read by the parent).
Every window step has a watchdog: a step that takes longer than --budget seconds
is stopped (its process killed) and reported as "> N s (stopped)"; the steps that
needed it are then not measured, and say so.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_corpus

FILTER_FROM, FILTER_TO = "区财政局", "区市场监督管理局"
WINDOW_QUERIES = ("局", "托育")
STOPPED = "stopped"
CLAUSE_KINDS = ("document", "section", "subsection", "item", "subitem", "paragraph", "notice",
                "chapter", "article", "annex", "duty", "roster", "plan_title", "attachments")


# ------------------------------------------------------------------ helpers
def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p50 of 20 values is the 10th, p95 the 19th)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def ms(seconds: float) -> float:
    return seconds * 1000


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds of *repeat* calls of fn(), and its last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


# ------------------------------------------------------------------ queries
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def pick_queries(per_class: int, seed: int = 14) -> dict[str, list[str]]:
    """Queries of 1-4 characters from the seed's running text, the way a user picks words:
    a random place in a sentence, the next L characters (all Chinese). 局 and 托育 are
    always among them (the window's examples)."""
    text = scale_corpus.seed_text()
    runs = [r for line in text.splitlines() if "。" in line for r in _CJK_RUN.findall(line)]
    rng = random.Random(f"queries {seed}")
    classes = {}
    for length, fixed in ((1, ["局"]), (2, ["托育"]), (3, []), (4, [])):
        chosen = list(fixed)
        pool = [r for r in runs if len(r) >= length]
        while len(chosen) < per_class:
            run = rng.choice(pool)
            start = rng.randrange(len(run) - length + 1)
            word = run[start:start + length]
            if word not in chosen:
                chosen.append(word)
        classes[f"{length} 字"] = chosen
    return classes


def doc_number_queries(library, count: int, seed: int = 14) -> list[str]:
    """文号 of documents in the library, written in the forms users type them."""
    rows = library.query("SELECT doc_number FROM documents WHERE doc_number IS NOT NULL "
                         "ORDER BY id")
    rng = random.Random(f"doc numbers {seed}")
    picked = rng.sample([r[0] for r in rows], min(count, len(rows)))
    forms = []
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    for i, number in enumerate(picked):
        org, rest = number.split("〔", 1)
        year, seq = rest.split("〕", 1)
        seq = seq.rstrip("号")
        forms.append([f"{org}[{year}]{seq}号", f"{org}【{year}】{seq}号", f"{org}({year}){seq}",
                      f"{org}〔{year}〕{seq}号".translate(full)][i % 4])
    return forms


# ------------------------------------------------------------------ in process
def measure_import(path: Path, count: int, work: Path, repeat: int = 3) -> list[float]:
    """Seconds to import the next variants, one by one, into a copy of the library."""
    from models.store.content import import_gazette
    scratch = work / f"scratch-{count}.sqlite"
    scale_corpus.copy_library(path, scratch)
    texts = work / "issues"
    times = []
    try:
        for k in range(repeat):
            item = scale_corpus.make_issue(count + k)
            source = scale_corpus.write_issue(item, texts)
            t0 = time.perf_counter()
            import_gazette(source, library=scratch)
            times.append(time.perf_counter() - t0)
    finally:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return times


def warm_import_modules() -> None:
    """Load what an import loads (sqlite-utils, the parser), so the import time measured is
    the library's share, not Python's first import of them."""
    from models.parse.parser import parse_bytes
    from models.store import build  # noqa: F401
    from models.store.content import load_content_registry
    parse_bytes(scale_corpus.SEED.read_bytes(), load_content_registry(), "warm.txt")


def measure_search(path: Path, per_class: int, repeat: int) -> dict[str, dict]:
    from models.store.library import Library
    from models.store.search import search
    result = {}
    with Library(path) as library:
        classes = pick_queries(per_class)
        classes["文号"] = doc_number_queries(library, per_class)
        search(library, "预热")  # the first query pays for opening pages of the file
        for name, queries in classes.items():
            search_ms, like_ms, hits = [], [], []
            for q in queries:
                seconds, found = timed(lambda q=q: search(library, q), repeat)
                search_ms.append(ms(seconds))
                hits.append(len(found.hits))
                seconds, _ = timed(lambda q=q: library.query(
                    "SELECT count(*) FROM nodes WHERE text LIKE ?", [f"%{q}%"]), repeat)
                like_ms.append(ms(seconds))
            result[name] = {"queries": queries, "search": search_ms, "like": like_ms,
                            "hits": hits}
    return result


def measure_departments(path: Path, repeat: int = 3) -> tuple[float, float]:
    from models.store.library import Library
    from models.views.outline import entry_counts
    dept_times, count_times = [], []
    for _ in range(repeat):
        with Library(path) as library:
            t0 = time.perf_counter()
            library.departments()
            t1 = time.perf_counter()
            entry_counts(library)
            t2 = time.perf_counter()
        dept_times.append(t1 - t0)
        count_times.append(t2 - t1)
    return ms(statistics.median(dept_times)), ms(statistics.median(count_times))


# ------------------------------------------------------------------ window children
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


def measure_starts(envs: dict, base: dict, runs: int, budget: float) -> dict:
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


# ------------------------------------------------------------------ report
def fmt_ms(values, stopped_after: float | None = None) -> str:
    if values == STOPPED:
        return f"> {stopped_after:.0f} s (stopped)"
    if isinstance(values, str):
        return values
    if not values:
        return "not measured"
    value = statistics.median(values)
    text = f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"
    return text + (f" (median of {len(values)})" if len(values) > 1 else "")


def report(count: int, path: Path, facts: dict, budget: float) -> None:
    say = print
    say(f"\n=== {count} issues: {facts['documents']} documents, {facts['nodes']} nodes "
        f"({facts['load_before']}; window part from {facts.get('load_window', '—')}; "
        f"at the end {facts['load_after']}) ===")
    imp = facts["import"]
    say(f"import of one more issue   {statistics.median(imp):.2f} s  (median of {len(imp)}: "
        f"{', '.join(f'{t:.2f}' for t in imp)})   goal ≤ 0.5 s")
    size, source = facts["size"], facts["source"]
    say(f"library file               {size / 1e6:.1f} MB = {size / source:.1f}× the source "
        f"text ({source / 1e6:.2f} MB)   goal ≤ 3×")
    say(f"search (in process, per query median of {facts['repeat']}; p50/p95 over the "
        "queries)   goal p50 ≤ 20 ms, p95 ≤ 100 ms, ≥ 5× the LIKE scan")
    say(f"  {'class':<6}{'n':>3}{'p50 ms':>10}{'p95 ms':>10}{'LIKE p50':>10}{'LIKE p95':>10}"
        f"{'× LIKE':>8}{'hits p50':>10}   examples")
    for name, r in facts["search"].items():
        p50, p95 = percentile(r["search"], 50), percentile(r["search"], 95)
        l50, l95 = percentile(r["like"], 50), percentile(r["like"], 95)
        say(f"  {name:<6}{len(r['search']):>3}{p50:>10.1f}{p95:>10.1f}{l50:>10.1f}{l95:>10.1f}"
            f"{l50 / p50:>7.1f}×{percentile(r['hits'], 50):>10}   "
            f"{' '.join(r['queries'][:4])}")
    dept, counts = facts["departments"]
    say(f"departments() {dept:.1f} ms, entry_counts() {counts:.1f} ms (fresh library, median of 3)")
    window = facts.get("window")
    if not window:
        return
    starts, chains = window["starts"], window["chains"]

    def start_line(kind: str) -> str:
        s = starts[kind]
        paint = statistics.median(s["paint"]) if s["paint"] else None
        bare = statistics.median(starts["bare"]["paint"])
        text = (f"first paint {ms(paint):.0f} ms = {paint / bare:.2f}× bare"
                if paint else "first paint not reached")
        if s["complete"]:
            text += f", complete {ms(statistics.median(s['complete'])) / 1000:.2f} s"
        if s["stopped"]:
            text += f"; a start stopped at {budget:.0f} s"
        rss = [r for r in s["rss"] if r]
        if rss:
            text += f", peak RSS {max(rss):.0f} MB"
        staged = s["cache"].count("hit")
        return text + f" (runs {len(s['paint'])}, staged {staged}/{len(s['cache'])})"
    say(f"window (offscreen, child processes; starts: median of {window['runs']} runs)   "
        "goal first paint ≤ 1.3× bare, complete ≤ 1 s, RSS ≤ 250 MB")
    say(f"  bare PySide6 window       first paint "
        f"{ms(statistics.median(starts['bare']['paint'])):.0f} ms")
    say(f"  start, no filter          {start_line('plain')}")
    say(f"  start, saved {FILTER_FROM}  {start_line('filtered')}")
    for kind, run in starts["warm"].items():
        shown = (f"{run['PAINTED']:.2f} s" if "PAINTED" in run else "not reached")
        say(f"  first start ({kind}, writes the outline cache): first paint {shown}"
            + (f", complete {run['STAGE2']:.2f} s" if "STAGE2" in run else "")
            + (" (stopped)" if run.get("stopped") else ""))
    browse, filt, switch = chains["browse"], chains["filter"], chains["switch"]

    def step(chain: dict, name: str, needs: str = "open") -> str:
        stopped = chain.get("_stopped")
        if name in chain:
            text = fmt_ms(chain[name], budget)
            if stopped == name and chain[name] != STOPPED:
                text += f", then stopped at {budget:.0f} s"
            return text
        if stopped:
            return f"not measured (stopped at {budget:.0f} s in “{stopped}” before it)"
        return "not measured" + (f" (needs {needs})" if needs not in chain else "")
    say(f"  window built with the library (MainWindow, unstaged): {step(browse, 'open')}")
    say(f"  apply filter {FILTER_FROM}          {step(filt, 'apply')}   goal ≤ 100 ms")
    say(f"  clear the filter              {step(filt, 'clear', 'apply')}   goal ≤ 100 ms")
    say(f"  switch {FILTER_FROM} → {FILTER_TO}  {step(switch, 'switch', 'apply_again')}"
        f"   goal ≤ 100 ms  (after applying {FILTER_FROM}: {step(switch, 'apply_again')})")
    say(f"  Down arrow, next clause       {step(browse, 'down_clause')}   goal ≤ 30 ms")
    say(f"  Down arrow, next document     {step(browse, 'down_document')}   goal ≤ 30 ms")
    for q in WINDOW_QUERIES:
        say(f"  search shown in the window {q:<3}{step(browse, 'search ' + q)}")
    rss = {name: c.get("rss") for name, c in chains.items()}
    say("  peak RSS of the window processes: "
        + ", ".join(f"{name} {v:.0f} MB" for name, v in rss.items() if v)
        + "   goal ≤ 250 MB")


def columns(text: str) -> int:
    """Terminal columns *text* takes (a Chinese character takes two)."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """*text* padded to *width* terminal columns."""
    room = " " * max(0, width - columns(text))
    return room + text if right else text + room


def short(values, budget: float) -> str:
    """A time for the summary: ms below a second, s above, '>N s' when stopped."""
    if values == STOPPED:
        return f">{budget:.0f} s"
    if isinstance(values, str) or not values:
        return "—"
    value = statistics.median(values)
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms" if value >= 10 \
        else f"{value:.1f} ms"


def summary(all_facts: dict[int, dict], budget: float) -> None:
    """One line per measure, one column per size (as the issue's table has them)."""
    sizes = sorted(all_facts)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, fn) -> None:
        cells = []
        for n in sizes:
            try:
                cells.append(fn(all_facts[n]))
            except (KeyError, TypeError, ValueError, statistics.StatisticsError):
                cells.append("—")
        rows.append((label, cells))
    row("import of one more issue", lambda f: f"{statistics.median(f['import']):.2f} s")
    row("library file (× source text)",
        lambda f: f"{f['size'] / 1e6:.0f} MB ({f['size'] / f['source']:.1f}×)")
    for name in ("1 字", "2 字", "3 字", "4 字", "文号"):
        row(f"search {name} p50/p95 (LIKE p50)",
            lambda f, name=name: "{:.1f}/{:.0f} ({:.0f})".format(
                percentile(f["search"][name]["search"], 50),
                percentile(f["search"][name]["search"], 95),
                percentile(f["search"][name]["like"], 50)))
    row("departments()/entry_counts() ms",
        lambda f: "{:.0f}/{:.0f}".format(*f["departments"]))

    def start(kind):
        def cell(f):
            s, bare = f["window"]["starts"][kind], f["window"]["starts"]["bare"]["paint"]
            paint = statistics.median(s["paint"])
            done = (f"{statistics.median(s['complete']):.1f} s" if s["complete"]
                    else f">{budget:.0f} s")
            return f"{paint:.2f} s ({paint / statistics.median(bare):.1f}×) / {done}"
        return cell
    row("first paint (× bare) / complete", start("plain"))
    row(f"  with saved {FILTER_FROM}", start("filtered"))
    chains = lambda f, c, k: short(f["window"]["chains"][c].get(k), budget)
    row("apply / clear the filter",
        lambda f: f"{chains(f, 'filter', 'apply')} / {chains(f, 'filter', 'clear')}")
    row(f"switch {FILTER_FROM} → {FILTER_TO}", lambda f: chains(f, "switch", "switch"))
    row("Down arrow: next clause / document",
        lambda f: f"{chains(f, 'browse', 'down_clause')} / "
                  f"{chains(f, 'browse', 'down_document')}")
    row("search in the window 局 / 托育",
        lambda f: f"{chains(f, 'browse', 'search 局')} / {chains(f, 'browse', 'search 托育')}")
    row("peak RSS of the window (start / most)",
        lambda f: "{:.0f} / {:.0f} MB".format(
            max(r for r in f["window"]["starts"]["plain"]["rss"] if r),
            max(c["rss"] for c in f["window"]["chains"].values() if c.get("rss"))))
    width = max(columns(label) for label, _ in rows) + 2
    cols = [max(len(str(n)) + 9, *(columns(cells[i]) + 3 for _, cells in rows))
            for i, n in enumerate(sizes)]
    print("\n=== summary ===")
    print(" " * width + "".join(pad(f"{n} issues", w, True) for n, w in zip(sizes, cols)))
    for label, cells in rows:
        print(pad(label, width) + "".join(pad(c, w, True) for c, w in zip(cells, cols)))


def wait_for_load(limit: float | None, longest: float = 300) -> None:
    """Wait (at most *longest* s) until the 1-minute load average is below *limit*: the
    machine is shared, and its other jobs' bursts would be measured too."""
    if limit is None:
        return
    began = time.perf_counter()
    while os.getloadavg()[0] >= limit and time.perf_counter() - began < longest:
        time.sleep(10)


def measure(count: int, path: Path, args) -> dict:
    from models.store.library import Library
    wait_for_load(args.wait_load)
    facts = {"load_before": load_text(), "repeat": args.repeat}
    with Library(path) as library:
        facts["documents"] = library.query("SELECT count(*) FROM documents")[0][0]
        facts["nodes"] = library.query("SELECT count(*) FROM nodes")[0][0]
    facts["size"] = path.stat().st_size
    facts["source"] = scale_corpus.source_size(count)
    facts["import"] = measure_import(path, count, args.work)
    facts["search"] = measure_search(path, args.queries, args.repeat)
    facts["departments"] = measure_departments(path)
    if not args.no_window:
        wait_for_load(args.wait_load)
        facts["load_window"] = load_text()
        folder = args.work / f"window-{count}"
        base, envs, _ = prepare_window_env(path, folder)
        starts = measure_starts(envs, base, args.runs, args.budget)
        chains = {name: run_chain(name, path, envs["plain"], args.budget, count // 2)
                  for name in CHAINS}
        facts["window"] = {"starts": starts, "chains": chains, "runs": args.runs}
        shutil.rmtree(folder, ignore_errors=True)
    facts["load_after"] = load_text()
    return facts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/gazette-scale"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--wait-load", type=float, metavar="LOAD",
                        help="before each size and its window part, wait (up to 5 min) for "
                             "the 1-minute load average to fall below LOAD")
    parser.add_argument("--window-child", choices=sorted(CHAINS))
    parser.add_argument("--library", type=Path)
    parser.add_argument("--middle", type=int, default=0)
    args = parser.parse_args()
    if args.window_child:
        window_child(args.window_child, args.library, args.middle)
        return 0
    print(f"scale bench: sizes {args.sizes}, {load_text()}, Python {sys.version.split()[0]}, "
          f"work {args.work}")
    libraries = scale_corpus.build_libraries(args.work, args.sizes,
                                             log=args.work / "import-times.csv")
    warm_import_modules()
    all_facts = {}
    for count in sorted(libraries):
        all_facts[count] = measure(count, libraries[count], args)
        report(count, libraries[count], all_facts[count], args.budget)
        sys.stdout.flush()
    summary(all_facts, args.budget)
    saved = args.work / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    saved.write_text(json.dumps({str(n): f for n, f in all_facts.items()}, ensure_ascii=False,
                                indent=1, default=str), encoding="utf-8")
    print(f"(figures saved in {saved})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
