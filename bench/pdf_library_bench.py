"""Which library reads the PDF text layer: pypdfium2 or pdfplumber? Measured, not guessed.

On the seed gazette typeset as a PDF (typeset.py + pdf_writer.py), for each library:
time to get every character with its box (median of 3 runs), whether the characters and
their positions are the ones the typesetter placed, pdfplumber's table finding on the same
file and on a ruled-table fixture, and the installed size of each library with everything
it pulls in (summed over the files of each distribution, as pip installed them).

Run: .venv/bin/pip install pdfplumber==0.11.10 && .venv/bin/python bench/pdf_library_bench.py
(pdfplumber is only for this comparison; the app does not ship it.)
"""
from __future__ import annotations

import importlib.metadata as md
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"


def median_time(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def chars_pdfium(path: Path) -> list[tuple[str, float, float]]:
    """Every character PDFium has (its generated spaces aside), with left edge and size."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    out = []
    pdf = pdfium.PdfDocument(str(path))
    rect, matrix = c.FS_RECTF(), c.FS_MATRIX()
    for page in pdf:
        tp = page.get_textpage()
        for i in range(c.FPDFText_CountChars(tp)):
            u = c.FPDFText_GetUnicode(tp, i)
            if u in (0x20, 0x0D, 0x0A, 0x02) or c.FPDFText_IsGenerated(tp, i):
                continue
            c.FPDFText_GetLooseCharBox(tp, i, rect)
            c.FPDFText_GetMatrix(tp, i, matrix)
            size = c.FPDFText_GetFontSize(tp, i) * (matrix.c ** 2 + matrix.d ** 2) ** 0.5
            out.append((chr(u), rect.left, size))
        tp.close()
        page.close()
    pdf.close()
    return out


def chars_plumber(path: Path) -> list[tuple[str, float, float]]:
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.extend((ch["text"], ch["x0"], ch["size"]) for ch in page.chars
                       if not ch["text"].isspace())
    return out


def tables_plumber(path: Path) -> list[int]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [len(t.extract()) for page in pdf.pages for t in page.find_tables()]


def tables_ours(path: Path) -> list[int]:
    """Rows per table as read_pdf + layout.lines_from_pages give them."""
    from models.parse.sources.geometry import lines_from_pages
    from models.parse.sources.pdf import read_pdf

    rows: dict[int, int] = {}
    for line in lines_from_pages(read_pdf(path)):
        if line.table is not None:
            rows[line.table] = rows.get(line.table, 0) + 1
    return list(rows.values())


def dist_size(name: str, seen: set[str]) -> int:
    """Bytes installed by distribution *name* and its (non-extra) requirements, once each."""
    key = name.lower().replace("_", "-")
    if key in seen:
        return 0
    seen.add(key)
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        return 0
    total = 0
    for f in dist.files or []:
        p = Path(dist.locate_file(f))
        if p.is_file():
            total += p.stat().st_size
    for req in dist.requires or []:
        if "extra ==" in req or "python_full_version <" in req:
            continue
        total += dist_size(re.split(r"[ ;<>=!~\[]", req, maxsplit=1)[0], seen)
    return total


def accuracy(got: list[tuple[str, float, float]], truth: list) -> tuple[bool, float, float]:
    text_ok = "".join(c for c, _, _ in got) == "".join(g.char for g in truth)
    if not text_ok:
        return False, 0.0, 0.0
    x_ok = sum(abs(x - g.x) < 0.05 for (_, x, _), g in zip(got, truth)) / len(truth)
    size_ok = sum(abs(s - g.size) < 0.05 for (_, _, s), g in zip(got, truth)) / len(truth)
    return True, x_ok, size_ok


def main() -> None:
    from tests.makers import pdf_maker as pdf_writer
    from tests.makers import typeset
    from tests.makers.gazette_style import seed_pages
    from models.parse.sources.pdf import read_pdf

    pages = seed_pages(SEED.read_text(encoding="utf-8"))
    truth = [g for p in pages for g in p.glyphs]
    with tempfile.TemporaryDirectory() as tmp:
        seed_pdf = pdf_writer.write_pdf(pages, Path(tmp) / "seed.pdf")
        rows = [["序号", "任务", "牵头单位", "配合单位", "完成时限"]] + [
            [str(i), f"任务{i}" * 3, "区财政局", "各镇人民政府", "12月底前"] for i in range(1, 40)]
        table_pdf = pdf_writer.write_pdf(typeset.typeset([typeset.Block("table", rows=rows)]),
                                         Path(tmp) / "table.pdf")
        t_pdfium, got_pdfium = median_time(lambda: chars_pdfium(seed_pdf))
        t_reader, _ = median_time(lambda: read_pdf(seed_pdf))
        t_plumber, got_plumber = median_time(lambda: chars_plumber(seed_pdf))
        t_tables_seed, found_seed = median_time(lambda: tables_plumber(seed_pdf))
        t_tables, found = median_time(lambda: tables_plumber(table_pdf))
        t_ours, ours = median_time(lambda: tables_ours(table_pdf))
    size_pdfium = dist_size("pypdfium2", set())
    size_plumber = dist_size("pdfplumber", set())
    ok_pdfium, x_pdfium, s_pdfium = accuracy(got_pdfium, truth)
    ok_plumber, x_plumber, s_plumber = accuracy(got_plumber, truth)
    print(f"seed PDF: {len(pages)} pages, {len(truth)} glyphs placed by the typesetter\n")
    print(f"{'':34}{'pypdfium2':>14}{'pdfplumber':>14}")
    print(f"{'chars + boxes, median of 3 (s)':34}{t_pdfium:>14.3f}{t_plumber:>14.3f}")
    print(f"{'  (read_pdf: + sizes, fonts, rules)':34}{t_reader:>14.3f}{'':>14}")
    print(f"{'characters exactly as placed':34}{str(ok_pdfium):>14}{str(ok_plumber):>14}")
    print(f"{'x0 within 0.05 pt':34}{x_pdfium:>14.1%}{x_plumber:>14.1%}")
    print(f"{'size within 0.05 pt':34}{s_pdfium:>14.1%}{s_plumber:>14.1%}")
    print(f"{'find_tables on the seed (s)':34}{'—':>14}{t_tables_seed:>14.3f}")
    print(f"{'tables, 3-page table (s)':34}{t_ours:>14.3f}{t_tables:>14.3f}")
    print(f"{'  tables / rows (truth: 1 / 40)':34}{f'{len(ours)} / {sum(ours)}':>14}"
          f"{f'{len(found)} / {sum(found)}':>14}")
    print("  (pypdfium2 column: read_pdf + layout.py, whole file; pdfplumber: find_tables)")
    print(f"{'installed, with dependencies (MB)':34}{size_pdfium / 1e6:>14.1f}"
          f"{size_plumber / 1e6:>14.1f}")
    print("\npdfplumber pulls in: pdfminer.six, Pillow, pypdfium2 (itself), charset-normalizer, "
          "cryptography, cffi, pycparser")
    winner = "pypdfium2" if t_pdfium < t_plumber and ok_pdfium else "pdfplumber"
    print(f"choice: {winner} ({t_plumber / t_pdfium:.0f}× faster, "
          f"{size_plumber / size_pdfium:.1f}× smaller installed)")


if __name__ == "__main__":
    main()
