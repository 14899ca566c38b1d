"""Duty-list PDF speed: the largest department's list on the seed, to a PDF.

Goal (issue 5): ≤ 1 s. Run: .venv/bin/python bench/dutylist_bench.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.store.content import load_content_registry  # noqa: E402
from models.views.dutylist import DutyListOptions, build_duty_list, to_print_job  # noqa: E402
from models.store.library import Library  # noqa: E402
from models.store.build import add_issues  # noqa: E402
from models.parse.parser import parse_bytes  # noqa: E402
from ui.headless import ensure_gui_app, print_job_to_pdf  # noqa: E402

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"


def main() -> None:
    ensure_gui_app()
    registry = load_content_registry()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.sqlite"
        add_issues(path, [parse_bytes(SEED.read_bytes(), registry, SEED.name)], registry, fresh=True)
        lib = Library(path)
        options = DutyListOptions(include_general=True, include_expired=True)
        largest = max(lib.departments(), key=lambda d: len(lib.duties(d.name, True)[1]))
        times, pages = [], 0
        for i in range(5):
            t0 = time.perf_counter()
            dl = build_duty_list(lib, largest.name, options)
            pages = print_job_to_pdf(to_print_job(dl), Path(tmp) / f"{i}.pdf")
            times.append(time.perf_counter() - t0)
        print(f"largest list: {largest.name}, {len(dl.entries)} entries (with general ones), "
              f"{pages} pages")
        print(f"duty list → PDF: median {statistics.median(times) * 1000:.0f} ms, "
              f"first {times[0] * 1000:.0f} ms  (goal ≤ 1000 ms)")


if __name__ == "__main__":
    main()
