"""Duty-list output speed: the largest department's list on the seed, to PDF, .docx and .ics.

Goal: the PDF (table plus full texts) ≤ 1 s. Run: .venv/bin/python bench/dutylist_bench.py

    --library PATH [--department NAME]: also a list over a library of many issues (the
    scale bench's, /tmp/gazette-scale/library-*-00100-*.sqlite), as a table alone (仅表格),
    to PDF: the rows kept whole on their pages must cost what the pages do, not their square.
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
from models.views.dutylist import (DutyListOptions, build_duty_list, duty_rows,  # noqa: E402
                                   to_print_job, write_docx)
from models.views.duty_calendar import write_ics  # noqa: E402
from models.store.library import Library  # noqa: E402
from models.store.build import add_issues  # noqa: E402
from models.parse.parser import parse_bytes  # noqa: E402
from ui.headless import ensure_gui_app, print_job_to_pdf  # noqa: E402

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path)
    parser.add_argument("--department", default="区财政局")
    args = parser.parse_args()
    ensure_gui_app()
    if args.library is not None:
        with Library(args.library) as many, tempfile.TemporaryDirectory() as tmp:
            dl = build_duty_list(many, args.department, DutyListOptions(table_only=True))
            t0 = time.perf_counter()
            pages = print_job_to_pdf(to_print_job(dl), Path(tmp) / "many.pdf")
            print(f"{args.department} over {len(dl.sources)} issues, table alone: "
                  f"{len(duty_rows(dl))} rows, {pages} pages → PDF in "
                  f"{time.perf_counter() - t0:.2f} s")
    registry = load_content_registry()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.sqlite"
        add_issues(path, [parse_bytes(SEED.read_bytes(), registry, SEED.name)], registry, fresh=True)
        lib = Library(path)
        options = DutyListOptions(include_general=True, include_expired=True)
        largest = max(lib.departments(), key=lambda d: len(lib.duties(d.name, True)[1]))
        times, cpu, pages = [], [], 0
        for i in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            dl = build_duty_list(lib, largest.name, options)
            pages = print_job_to_pdf(to_print_job(dl), Path(tmp) / f"{i}.pdf")
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"largest list: {largest.name}, {len(dl.entries)} entries (with general ones), "
              f"{len(duty_rows(dl))} table rows, {pages} pages")
        # CPU time beside the wall time: on a loaded machine the wall time says little.
        print(f"duty list → PDF: median {statistics.median(times) * 1000:.0f} ms "
              f"(CPU {statistics.median(cpu) * 1000:.0f} ms), first {times[0] * 1000:.0f} ms  "
              "(goal ≤ 1000 ms)")
        for label, write in (("Word .docx", lambda i: write_docx(dl, Path(tmp) / f"{i}.docx")),
                             ("calendar .ics", lambda i: write_ics(
                                 dl, Path(tmp) / f"{i}.ics", include_past=True))):
            spent = []
            for i in range(5):
                t0 = time.perf_counter()
                write(i)
                spent.append(time.perf_counter() - t0)
            print(f"duty list → {label}: median {statistics.median(spent) * 1000:.0f} ms, "
                  f"first {spent[0] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
