"""The scale bench's printing (bench/scale_bench.py): a section per size, then the summary
table, one line per measure and one column per size, as issue 14's table has them.

    .venv/bin/python bench/scale_report.py /tmp/gazette-scale/results-….json [--budget S]

prints again the figures a run saved (scale_bench.py writes them beside its libraries).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

from scale_window import FILTER_FROM, FILTER_TO, STOPPED, WINDOW_QUERIES, ms


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p50 of 20 values is the 10th, p95 the 19th)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


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


def report(count: int, facts: dict, budget: float) -> None:
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
    say(f"departments() with their counts {facts['departments']:.1f} ms (fresh library, "
        "median of 3)")
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
    counts = starts.get("instructions")
    if counts:
        bare = statistics.median(counts["bare"])
        say("  instructions to the first paint (callgrind): bare "
            f"{bare / 1e6:.0f} M; no filter {statistics.median(counts['plain']) / bare:.2f}×, "
            f"saved {FILTER_FROM} {statistics.median(counts['filtered']) / bare:.2f}× bare")
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
    row("departments() ms", lambda f: f"{f['departments']:.0f}")

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="a results-*.json of bench/scale_bench.py")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="the --budget of the run (seconds a window step might take)")
    args = parser.parse_args()
    saved = json.loads(args.results.read_text(encoding="utf-8"))
    all_facts = {int(n): facts for n, facts in saved.items()}
    for count in sorted(all_facts):
        report(count, all_facts[count], args.budget)
    summary(all_facts, args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
