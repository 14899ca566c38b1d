"""Import and search speed on the seed: parse, library build, search p50/p95.

Goals (issue 2): parse + build ≤ 0.5 s; search p50 ≤ 5 ms.
Run: .venv/bin/python bench/import_bench.py [--rounds N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.store.content import load_content_registry  # noqa: E402
from models.store.library import Library  # noqa: E402
from models.store.build import add_issues  # noqa: E402
from models.parse.parser import parse_bytes  # noqa: E402
from models.store.search import search  # noqa: E402

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"
QUERIES = {
    "1 字": ["局", "水", "托", "税", "车"],
    "2 字": ["托育", "财政", "监管", "水库", "养老"],
    "4 字": ["证照分离", "婴幼儿照", "综合整治", "双随机一", "信用信息"],
    "文号": ["市中政办发[2021]14号", "市中政发〔2021〕16号", "市中政办字(2021)14",
             "市中政办发【２０２１】１５号"],
}


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    registry = load_content_registry()
    data = SEED.read_bytes()
    parse_times, build_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.rounds):
            t0 = time.perf_counter()
            issue = parse_bytes(data, registry, SEED.name)
            t1 = time.perf_counter()
            add_issues(Path(tmp) / f"lib{i}.sqlite", [issue], registry, fresh=True)
            t2 = time.perf_counter()
            parse_times.append(t1 - t0)
            build_times.append(t2 - t1)
        total = [a + b for a, b in zip(parse_times, build_times)]
        print(f"seed: {len(data)} bytes, {len(issue.documents)} documents, "
              f"{sum(1 for d in issue.documents for _ in d.walk())} nodes")
        print(f"parse          median {statistics.median(parse_times) * 1000:7.1f} ms")
        print(f"library build  median {statistics.median(build_times) * 1000:7.1f} ms")
        print(f"parse + build  median {statistics.median(total) * 1000:7.1f} ms   (goal ≤ 500 ms)")
        lib = Library(Path(tmp) / "lib0.sqlite")
        for label, queries in QUERIES.items():
            times, hits = [], 0
            for _ in range(40):
                for q in queries:
                    t0 = time.perf_counter()
                    result = search(lib, q)
                    times.append(time.perf_counter() - t0)
                    hits = max(hits, len(result.hits))
            print(f"search {label:4}  p50 {_pct(times, 50) * 1000:6.2f} ms  "
                  f"p95 {_pct(times, 95) * 1000:6.2f} ms  (up to {hits} hits; goal p50 ≤ 5 ms)")
        lib.close()


if __name__ == "__main__":
    main()
