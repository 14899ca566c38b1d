"""Task tables typeset into real PDF and OFD files read as their flattened text reads.

Each task table of tests/fixtures/duty_forms (任务分工表 with 牵头单位 / 配合单位 /
完成时限, 重点任务清单 with 推进单位) is set as a ruled table running onto a second page
(its header repeated there, a row cut at the page's foot), inside the document
it belongs to, with page numbers at the foot; the file is written as a PDF
(Qt's QPdfWriter) and as an OFD package, then read back by the app's own
readers. The result must be the text import's: the same nodes with the same
keys, paths and kinds, the same assignments (and the oracle's, expected/*.json).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_duty_forms import HERE, TABLES, assignments_of, diff, expected, oracle

# 四号 (14 pt) cells; one table is short enough to need 三号 to reach a second page
SIZES = {"table_tongshang_shiqiao": 15.75}


def facts(issue) -> list[tuple]:
    """Every node: key, path, kind and its assignments (unit, government, role, form)."""
    return [(n.key, n.path, n.kind, sorted((a.department, a.government, a.role, a.form)
                                           for a in n.assignments))
            for d in issue.documents for n in d.walk()]


@pytest.fixture(scope="module")
def typeset_tables():
    from tests.makers.gazette_style import table_document_pages
    return {name: table_document_pages(HERE, name, size=SIZES.get(name, 14.0))
            for name in TABLES}


def _read(kind: str, pages, tmp_path: Path) -> bytes:
    if kind == "pdf":
        from tests.makers.pdf_maker import write_pdf
        return write_pdf(pages, tmp_path / "table.pdf").read_bytes()
    from tests.makers import typeset
    from tests.makers.ofd_maker import write_ofd
    return write_ofd(pages, advance=typeset.advance)


@pytest.mark.parametrize("kind", ["pdf", "ofd"])
@pytest.mark.parametrize("name", TABLES)
def test_a_two_page_task_table_reads_as_its_text(registry, typeset_tables, tmp_path, name,
                                                 kind):
    from models.parse.parser import parse_bytes
    from models.parse.sources import read_lines
    data = _read(kind, typeset_tables[name], tmp_path)
    rows = [line for line in read_lines(data, f"{name}.{kind}")[1] if line.cells is not None]
    spec = expected_table(name)
    assert len({line.page for line in rows}) >= 2, "the table should run onto a second page"
    # row by row, cell by cell: the header repeated on the next page dropped, the row cut
    # at the page's foot joined, a cell merged from above None
    assert [list(line.cells) for line in rows] == spec["rows"]
    text = parse_bytes((HERE / f"{name}.txt").read_bytes(), registry, f"{name}.txt")
    laid_out = parse_bytes(data, registry, f"{name}.{kind}")
    exp = expected(name)
    got = assignments_of(laid_out)
    assert got == oracle(exp), diff(got, oracle(exp))
    assert facts(laid_out) == facts(text)


def expected_table(name: str) -> dict:
    import json
    spec = json.loads((HERE / "tables" / f"{name}.json").read_text(encoding="utf-8"))
    return spec["tables"][0]
