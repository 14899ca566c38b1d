"""What an official's work costs as the library grows: 10, 100, 1,000 issues (issue 14).

    .venv/bin/python bench/scale_bench.py                  # 10 100 1000
    .venv/bin/python bench/scale_bench.py --sizes 10 100   # a quick run
    options: --instructions N (also count the instructions to each first paint, valgrind),
             --work DIR (default /tmp/gazette-scale: the built libraries, reused while the
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
* Library.departments() (the units with their counts, as the picker and the 部门名录 read
  them) on a freshly opened library;
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

The window's children are bench/scale_window.py, the printing bench/scale_report.py
(which also prints again the figures a run saved: results-*.json in --work).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_corpus
from scale_report import report, summary
from scale_window import CHAINS, measure_starts, ms, prepare_window_env, run_chain, window_child


# ------------------------------------------------------------------ helpers
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


def measure_departments(path: Path, repeat: int = 3) -> float:
    """Library.departments() on a fresh library: every unit with its counts by role (what
    the picker shows, DepartmentInfo.total), median of *repeat*, in ms."""
    from models.store.library import Library
    times = []
    for _ in range(repeat):
        with Library(path) as library:
            t0 = time.perf_counter()
            library.departments()
            times.append(time.perf_counter() - t0)
    return ms(statistics.median(times))


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
        starts = measure_starts(envs, base, args.runs, args.budget, args.instructions)
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
    parser.add_argument("--instructions", type=int, default=0, metavar="N",
                        help="also count the instructions to each start's first paint with "
                             "valgrind (N runs of each): repeatable where wall times vary")
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
        report(count, all_facts[count], args.budget)
        sys.stdout.flush()
    summary(all_facts, args.budget)
    saved = args.work / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    saved.write_text(json.dumps({str(n): f for n, f in all_facts.items()}, ensure_ascii=False,
                                indent=1, default=str), encoding="utf-8")
    print(f"(figures saved in {saved})")
    return 0


if __name__ == "__main__":
    sys.exit(main())