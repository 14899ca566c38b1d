"""The pages of the outputs as an official sees them: no table row cut over two pages, the
line under a table never alone atop a page, 【已失效】 never broken over two lines, and the
Word table read back through LibreOffice (with the app's fonts) with each 文号 and date
whole. Every file is really written and read back (pdftotext per page, LibreOffice)."""
from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from models.views import dutylist
from models.views.dutylist import DutyListOptions, build_duty_list, duty_rows
from models.views.outdoc import OutDoc, Span, Table
from tests.libreoffice import SOFFICE, convert, fonts_used

TODAY = date(2026, 11, 28)


def _pages(pdf: Path) -> list[str]:
    """pdftotext -layout of each page."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def _flat(text: str) -> str:
    return "".join(text.split())


def _print(job, path: Path) -> int:
    from ui.headless import ensure_gui_app, print_job_to_pdf
    ensure_gui_app()
    return print_job_to_pdf(job, path)


def _rows_by_page(pages: list[str], count: int) -> dict[int, tuple[int, str]]:
    """Row number → (page, the row's text on that page): a row starts at a line opening
    with its number, and runs to the next row, the table's end or the page's end."""
    found: dict[int, tuple[int, str]] = {}
    expected = 1
    for page_no, page in enumerate(pages):
        current = None
        for line in page.split("\n"):
            start = re.match(r"\s*(\d+)\s+\S", line)
            if start and int(start.group(1)) == expected:
                current, expected = expected, expected + 1
                found[current] = (page_no, _flat(line))
            elif line.strip().startswith("说明"):
                current = None
            elif current is not None:
                found[current] = (page_no, found[current][1] + _flat(line))
    assert len(found) == count, f"found rows 1–{len(found)} of {count}"
    return found


def _cell_lines(table: Table, row: list, columns: tuple[int, ...]) -> list[str]:
    return [_flat(line) for c in columns for line in table.cell_text(row[c]).split("\n")]


def test_no_table_row_is_split_across_pages(seed_library, tmp_path):
    """各镇人民政府 with the general clauses: 44 rows over four pages; Qt alone cut row 29's
    (and then row 44's) 出处 at a page's foot."""
    from ui.headless import ensure_gui_app
    from ui.printing import pages, table_rows
    from ui.qt import QTextTable
    ensure_gui_app()
    dl = build_duty_list(seed_library, "各镇人民政府", DutyListOptions(include_general=True),
                         today=TODAY)
    job = dutylist.to_print_job(dl)
    # Qt's own layout cuts a row: the case is real on this list.
    printer = pages.make_pdf_printer(tmp_path / "raw.pdf")
    pages.prepare_printer(printer, job.title)
    _, body_h, _ = pages.page_geometry(printer)
    raw = pages._layout(job.with_toc({}, printer.resolution()), printer, body_h)
    raw.documentLayout().documentSize()
    (table,) = [f for f in raw.rootFrame().childFrames() if isinstance(f, QTextTable)]
    extents = [table_rows.row_extent(raw, table, r) for r in range(1, table.rows())]
    assert any(int(top // body_h) != int((bottom - 1) // body_h) for top, bottom in extents)

    pdf = tmp_path / "towns.pdf"
    _print(job, pdf)
    doc_table = next(b for b in dutylist.duty_document(dl).blocks if isinstance(b, Table))
    rows = _rows_by_page(_pages(pdf), len(doc_table.rows))
    assert len({page for page, _ in rows.values()}) >= 3
    for number, row in enumerate(doc_table.rows, start=1):
        page, text = rows[number]
        for line in _cell_lines(doc_table, row, (2, 3, 4)):  # 角色, 时限, 出处: each line
            assert line in text, f"row {number} is cut at the foot of page {page + 1}: {line}"
        assert _flat(doc_table.cell_text(row[1]))[:4] in text


def test_a_long_table_is_split_in_one_go_where_row_by_row_would(tmp_path, registry,
                                                                monkeypatch):
    """A list over many documents (120 rows, several pages): its splits are found from one
    layout and made in one edit (a page at a time took a layout of all that follows: 25 s
    for 1,100 rows); every row lands on the page the row-by-row way puts it, and none is
    cut. Its 依据 names the first issues, in the library's order, and how many."""
    from models.store.build import add_issues
    from models.store.content import parse_file
    from models.store.library import Library
    from tests.rebuild_fixtures import variant
    from ui.printing import table_rows
    library_path = tmp_path / "many.sqlite"
    add_issues(library_path, [parse_file(variant(tmp_path, n), registry) for n in range(1, 61)],
               registry, fresh=True)
    with Library(library_path) as library:
        dl = build_duty_list(library, "台儿庄区应急管理局", DutyListOptions(table_only=True),
                             today=TODAY)
    doc_table = next(b for b in dutylist.duty_document(dl).blocks if isinstance(b, Table))
    assert len(doc_table.rows) == 120
    assert dl.sources[:2] == ["台政发〔2022〕1号", "台政发〔2022〕2号"]
    assert "依据：台政发〔2022〕1号、台政发〔2022〕2号" in dutylist.to_text(dl)
    assert "等 60 期公报" in dutylist.to_text(dl)

    def rows_on_pages(name: str) -> dict[int, tuple[int, str]]:
        pdf = tmp_path / name
        _print(dutylist.to_print_job(dl), pdf)
        return _rows_by_page(_pages(pdf), len(doc_table.rows))
    planned = rows_on_pages("planned.pdf")
    monkeypatch.setattr(table_rows, "_planned_splits", lambda *args: [])
    one_by_one = rows_on_pages("one_by_one.pdf")
    assert {n: page for n, (page, _) in planned.items()} == \
        {n: page for n, (page, _) in one_by_one.items()}
    assert len({page for page, _ in planned.values()}) >= 5
    for number, row in enumerate(doc_table.rows, start=1):
        page, text = planned[number]
        for line in _cell_lines(doc_table, row, (2, 3, 4)):
            assert line in text, f"row {number} is cut at the foot of page {page + 1}: {line}"


def test_line_under_the_table_is_never_alone_atop_a_page(tmp_path):
    """Rows enough that the 说明 line would open a page: the last row goes over with it."""
    from ui.headless import ensure_gui_app
    from ui.printing import pages
    ensure_gui_app()

    def doc(rows: int, before: int) -> OutDoc:
        out = OutDoc("表", "表")
        for _ in range(before):
            out.add("small", "共若干项任务。")
        table = Table(dutylist.TABLE_HEADER, [], dutylist.TABLE_WIDTHS)
        for n in range(1, rows + 1):
            table.rows.append([[[Span(str(n))]], [[Span("任务")]], [[Span("牵头")]],
                               [[Span("—")]], [[Span("市中政办发〔2021〕13号")]]])
        out.blocks.append(table)
        out.add("small", "说明：通用条款 1 项未列入。", keep_with_previous=True)
        return out

    from models.views.writers.print_job import to_print_job
    # The first length whose line Qt alone sets atop page 2, no row with it.
    for rows, before in ((r, b) for r in range(24, 34) for b in range(4)):
        pdf = tmp_path / f"{rows}-{before}.pdf"
        printer = pages.make_pdf_printer(pdf)
        job = to_print_job(doc(rows, before))
        pages.prepare_printer(printer, job.title)
        _, body_h, _ = pages.page_geometry(printer)
        raw = pages._layout(job.with_toc({}, printer.resolution()), printer, body_h)
        line = raw.lastBlock()
        top = raw.documentLayout().blockBoundingRect(line).top() + line.layout().lineAt(0).y()
        if top // body_h == 1 and _rows_on_page_two(raw, body_h) == 0:
            break
    else:
        pytest.fail("no table length puts the line alone atop a page")
    _print(job, pdf)
    second = _pages(pdf)[1]
    assert "说明：通用条款1项未列入。" in _flat(second)
    assert re.search(rf"^\s*{rows}\s", second, re.M)  # the last row, with the line


def _rows_on_page_two(doc, page_height: float) -> int:
    from ui.printing import table_rows
    from ui.qt import QTextTable
    (table,) = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    return sum(1 for r in range(1, table.rows())
               if table_rows.row_extent(doc, table, r)[0] >= page_height)


def _marked_doc() -> OutDoc:
    """A citation line ending in 【已失效】 at every place a line can break inside it."""
    doc = OutDoc("失效", "失效")
    for n in range(16, 34):
        doc.add("source", "《" + "字" * n + "》", Span("【已失效】", "expired"))
    return doc


def test_expired_mark_is_never_broken_in_the_pdf(tmp_path):
    from models.views.writers.print_job import to_print_job
    pdf = tmp_path / "m.pdf"
    _print(to_print_job(_marked_doc()), pdf)
    lines = [ln.strip() for page in _pages(pdf) for ln in page.split("\n")]
    assert sum("【已失效】" in ln for ln in lines) == 18
    assert not [ln for ln in lines if ("【" in ln or "】" in ln) and "【已失效】" not in ln]
    faces = fonts_used(pdf).strip().split("\n")[2:]
    assert faces and all("Gazette" in face for face in faces)  # no face fetched for U+2060


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_word_files_through_libreoffice(seed_library, tmp_path):
    """LibreOffice, with the bundled fonts, renders the Word files: Chinese (a CJK face
    embedded), 区财政局's table on one page, each 文号 on one line (号 never alone), a date
    broken only after 年, 【已失效】 never broken, the role's group on its own line."""
    from models.views.writers.docx import write_docx
    finance = build_duty_list(seed_library, "区财政局", DutyListOptions(table_only=True),
                              today=TODAY)
    towns = build_duty_list(seed_library, "各镇人民政府", DutyListOptions(include_general=True),
                            today=TODAY)
    files = [dutylist.write_docx(finance, tmp_path / "fin.docx"),
             dutylist.write_docx(towns, tmp_path / "towns.docx", table_only=True),
             write_docx(_marked_doc(), tmp_path / "marks.docx")]
    out = convert(tmp_path, "pdf", *files)
    assert "CJK" in fonts_used(out / "fin.pdf")  # the bundled faces, not empty boxes
    fin = _pages(out / "fin.pdf")
    assert len(fin) == 1
    lines = [_flat(ln) for page in fin + _pages(out / "towns.pdf") for ln in page.split("\n")]
    assert len([ln for ln in lines if re.search(r"〔\d{4}〕\d+号", ln)]) == 11 + 44
    assert not [ln for ln in lines if re.search(r"〔\d*$|〔\d{4}〕\d*$", ln)]  # 文号 cut
    assert "号" not in lines
    assert not [ln for ln in lines if re.search(r"\d+月\d*$|^\d*日", ln)]  # 2021年 / 12月31日
    assert any("经各镇街" in ln for ln in lines) and not any("（经" in ln for ln in lines)
    marks = [_flat(ln) for page in _pages(out / "marks.pdf") for ln in page.split("\n")]
    assert sum("【已失效】" in ln for ln in marks) == 18
    assert not [ln for ln in marks if ("【" in ln or "】" in ln) and "【已失效】" not in ln]
