"""Time to import the seed gazette as a PDF beside its text import: the issue's bound is
≤ 3 s for the ~50-page PDF on this 2-core machine.

Prints, medians of 5 runs in one warm process: PDFium's reading, the layout, the parse,
the whole parse path (read + layout + parse), and a whole import into a new library
(parse and write) for the PDF, an OFD and the text; and the reading of a Word file of
three seed documents (LibreOffice prints it on about twenty A4 pages; bound: 2 s). pypdfium2's own import is paid once
per process and shown apart. Last, whether the PDF and the OFD give the text's structure:
every node's key, path and kind, every duty (exit 1 if not).

Run: .venv/bin/python bench/pdf_import_bench.py [file.pdf]
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
SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"


def timed(fn, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    from models.parse.parser import parse_bytes, parse_lines
    from models.store.build import add_issues
    from models.store.content import load_content_registry

    registry = load_content_registry()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        from tests.makers.gazette_style import seed_pages
        pages = seed_pages(SEED.read_text(encoding="utf-8"))
        if len(sys.argv) > 1:
            pdf = Path(sys.argv[1])
        else:
            from tests.makers.pdf_maker import write_pdf
            pdf = write_pdf(pages, tmp / "seed.pdf")
        from tests.makers import typeset
        from tests.makers.ofd_maker import write_ofd
        ofd = write_ofd(pages, title="seed", advance=typeset.advance)
        start = time.perf_counter()
        from models.parse.sources import pdf as pdf_reader
        from models.parse.sources.geometry import lines_from_pages
        t_import = time.perf_counter() - start
        data = pdf.read_bytes()
        t_read, raw = timed(lambda: pdf_reader.read_pdf(data))
        t_layout, lines = timed(lambda: lines_from_pages(raw))
        t_parse, issue = timed(lambda: parse_lines(lines, registry))
        t_total, _ = timed(lambda: parse_bytes(data, registry, "seed.pdf"))
        seed = SEED.read_bytes()
        t_text, text_issue = timed(lambda: parse_bytes(seed, registry, SEED.name))
        t_ofd, ofd_issue = timed(lambda: parse_bytes(ofd, registry, "seed.ofd"))
        from models.parse.sources.word import read_docx
        from tests.makers.docx_maker import write_docx
        from tests.makers.seed_blocks import document_blocks, seed_documents
        blocks = [b for i in (2, 3, 4) for b in document_blocks(seed_documents()[i], registry)]
        docx = write_docx(blocks)
        t_docx, docx_lines = timed(lambda: read_docx(docx))
        counter = iter(range(100))

        def import_into_new(blob: bytes, name: str):
            parsed = parse_bytes(blob, registry, name)
            add_issues(tmp / f"lib{next(counter)}.sqlite", [parsed], registry, fresh=True)
        i_pdf, _ = timed(lambda: import_into_new(data, "seed.pdf"))
        i_ofd, _ = timed(lambda: import_into_new(ofd, "seed.ofd"))
        i_text, _ = timed(lambda: import_into_new(seed, SEED.name))
    nodes = sum(1 for d in issue.documents for _ in d.walk())
    print(f"{pdf.name}: {len(raw)} pages, {len(data) / 1e6:.2f} MB, {len(lines)} paragraphs, "
          f"{len(issue.documents)} documents, {nodes} nodes")
    print(f"  import pypdfium2 + layout (once)   {t_import:6.3f} s")
    print(f"  read_pdf (glyphs, rules)           {t_read:6.3f} s")
    print(f"  lines_from_pages (layout)          {t_layout:6.3f} s")
    print(f"  parse_lines                        {t_parse:6.3f} s")
    print(f"  PDF parse (read + layout + parse)  {t_total:6.3f} s")
    print(f"  OFD parse                          {t_ofd:6.3f} s")
    print(f"  Word read (~20 pages, {len(docx_lines)} paragraphs) {t_docx:6.3f} s (bound: 2 s)")
    print(f"  text parse                         {t_text:6.3f} s   ({len(text_issue.documents)} documents)")
    print(f"  import into a new library: PDF {i_pdf:6.3f} s (bound: 3 s), OFD {i_ofd:6.3f} s, "
          f"text {i_text:6.3f} s")
    same = {kind: structure(parsed) == structure(text_issue)
            for kind, parsed in (("PDF", issue), ("OFD", ofd_issue))}
    duties = sum(len(n.assignments) for d in text_issue.documents for n in d.walk())
    print(f"  same keys, paths and duties as the text ({nodes} nodes, {duties} assignments): "
          + ", ".join(f"{kind} {'yes' if ok else 'NO'}" for kind, ok in same.items()))
    if not all(same.values()):
        raise SystemExit("the PDF or OFD import differs from the text import")


def structure(issue) -> list[tuple]:
    """Every node's key, path and kind and its duties (unit, role, form): what must not depend
    on the format the gazette came in."""
    return [(n.key, n.path, n.kind, sorted((a.department, a.role, a.form) for a in n.assignments))
            for d in issue.documents for n in d.walk()]


if __name__ == "__main__":
    main()
