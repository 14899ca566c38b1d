"""A ruled 任务分工表 over two pages: rows and cells, the header once, a merged cell, a cut row."""
from __future__ import annotations

import pytest


HEADER = ["序号", "重点任务", "主要工作内容", "牵头单位", "配合单位", "完成时限"]


def _rows() -> list[list[str | None]]:
    rows: list[list[str | None]] = [list(HEADER)]
    for i in range(1, 7):
        work = "建立健全工作机制，明确责任分工，细化工作措施，定期调度推进情况，" * (1 + i % 3) + \
            f"确保第{i}项任务按期完成。"
        lead = None if i == 3 else ("区财政局" if i % 2 else "区城乡水务局")  # 3 shares 2's lead
        rows.append([str(i), f"任务{i}", work, lead, "各镇人民政府、区自然资源局", "2021年12月底前"])
    return rows


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory):
    from tests.makers import pdf_maker as pdf_writer
    from tests.makers import typeset
    from tests.makers.typeset import Block

    blocks = [Block("title", "重点任务分工表"),
              Block("body", "为推进各项任务落实，现将任务分工列表如下。" * 8),
              Block("table", rows=_rows(), widths=[0.6, 1.4, 4, 1.6, 2, 1.4]),
              Block("body", "各单位要按照分工抓好落实。")]
    pages = typeset.typeset(blocks, head="测试公报", head_right="2021年第1期")
    assert len(pages) == 2
    return pdf_writer.write_pdf(pages, tmp_path_factory.mktemp("table") / "table.pdf")


@pytest.fixture(scope="module")
def raw(table_pdf):
    from models.parse.sources.pdf import read_pdf
    return read_pdf(table_pdf)


@pytest.fixture(scope="module")
def lines(raw):
    from models.parse.sources.geometry import lines_from_pages
    return lines_from_pages(raw)


def test_the_file_repeats_the_header_on_the_second_page(raw):
    assert all("完成时限" in "".join(g.char for g in page.glyphs) for page in raw)
    assert all(page.segments for page in raw)


def test_rows_and_cells_are_read(lines):
    rows = [line for line in lines if line.table is not None]
    assert [list(line.cells) for line in rows] == _rows()


def test_one_table_with_its_header_once(lines):
    rows = [line for line in lines if line.table is not None]
    assert {line.table for line in rows} == {1}
    assert [line.header for line in rows] == [True] + [False] * (len(rows) - 1)
    assert {line.page for line in rows} == {1, 2}


def test_a_merged_cell_is_none(lines):
    third = next(line for line in lines if line.cells and line.cells[0] == "3")
    assert third.cells[3] is None


def test_a_row_cut_by_the_page_break_is_one_row(lines):
    cut = [line for line in lines if line.table and len({b[0] for b in line.boxes}) == 2]
    assert len(cut) == 1
    number = int(cut[0].cells[0])
    assert list(cut[0].cells) == _rows()[number]


def test_row_text_is_its_cells_joined(lines):
    for line in lines:
        if line.cells is not None:
            assert line.text == " ".join(c for c in line.cells if c)
            assert line.whole


def test_paragraphs_around_the_table_stay_paragraphs(lines):
    assert lines[0].text == "重点任务分工表" and lines[0].cells is None
    assert lines[1].text.startswith("为推进各项任务落实") and lines[1].cells is None
    assert lines[-1].text == "各单位要按照分工抓好落实。" and lines[-1].cells is None
    assert all(line.page_label == str(line.page) for line in lines)
