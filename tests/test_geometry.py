"""layout.py's geometry rules on pages built in memory (no PDF involved)."""
from __future__ import annotations

import pytest


from tests.makers import typeset
from models.parse.sources.geometry import Glyph, RawPage, lines_from_pages
from tests.makers.typeset import Block

BODY = "为推进工作落实，各单位要按照职责分工抓好落实，确保各项任务按期完成。" * 6


def _read(blocks, **kw):
    return lines_from_pages(typeset.raw_pages(typeset.typeset(blocks, **kw)))


def _four_pages():
    return [Block("body", BODY, page_break=i > 0) for i in range(4)]


@pytest.mark.parametrize("foot", ["— {} —", "- {} -", "·{}·", "第{}页", "第 {} 页", "{}"])
def test_page_numbers_become_labels(foot):
    lines = _read(_four_pages(), head="某某公报", head_right="2021年第1期", foot=foot)
    assert [line.page_label for line in lines] == ["1", "2", "3", "4"]
    assert [line.text for line in lines] == [BODY] * 4


def test_labels_count_from_where_the_numbering_starts():
    lines = _read(_four_pages(), head="某某公报", first_numbered=3)
    assert [line.page_label for line in lines] == [None, None, "1", "2"]
    assert [line.text for line in lines] == [BODY] * 4


def test_a_line_on_top_of_one_page_only_is_no_head():
    blocks = [Block("center", "某某区人民政府公报")] + _four_pages()
    lines = _read(blocks, head="某某公报")
    assert lines[0].text == "某某区人民政府公报"


def test_two_doc_numbers_at_the_top_of_two_pages_are_no_head():
    blocks = [Block("center", "某区政发〔2021〕1号"), Block("body", BODY),
              Block("center", "某区政发〔2021〕2号", page_break=True), Block("body", BODY)]
    texts = [line.text for line in _read(blocks)]
    assert texts == ["某区政发〔2021〕1号", BODY, "某区政发〔2021〕2号", BODY]


def test_mirrored_margins_of_a_bound_booklet():
    pages = typeset.typeset(_four_pages() + [Block("body", BODY)] * 6, head="某某公报")
    for page in pages:
        if page.number % 2 == 0:  # even pages set 12 pt further right
            for g in page.glyphs:
                g.x += 12
            page.rules = [(a + 12, b, c + 12, d) for a, b, c, d in page.rules]
    lines = lines_from_pages(typeset.raw_pages(pages))
    assert [line.text for line in lines] == [BODY] * 10


def test_a_paragraph_over_a_page_break_is_one_and_has_two_boxes():
    lines = _read([Block("body", BODY * 5)])
    assert [line.text for line in lines] == [BODY * 5]
    assert {box[0] for box in lines[0].boxes} == {1, 2}
    assert lines[0].page == 1


def test_indent_short_end_centre_and_right_end_paragraphs():
    blocks = [Block("title", "关于做好某项工作的通知"),
              Block("plain", "各镇人民政府，各街道办事处："),
              Block("body", BODY), Block("body", "第二段。"), Block("body", BODY),
              Block("right", "某某区人民政府", right_indent=4),
              Block("right", "2021年9月6日", right_indent=4)]
    lines = _read(blocks)
    assert [line.text for line in lines] == [b.text for b in blocks]
    assert [line.align for line in lines] == ["center", "", "", "", "", "right", "right"]


def test_spaces_as_printed_and_latin_words_cut_at_line_ends():
    roster = "组 长：邢 军 区委常委、常务副区长"
    latin = ("依托 the quick brown fox jumps over the lazy dog 平台，" * 6).strip()
    lines = _read([Block("body", roster), Block("body", latin)])
    assert [line.text for line in lines] == [roster, latin]
    assert len(lines[1].boxes) > 1


def test_letter_spacing_is_no_space_but_a_wider_gap_is():
    page = typeset.TypesetPage(1, 595.28, 841.89)
    x = 100.0
    for ch in "关于做好某项工作的通知":
        page.glyphs.append(typeset.PlacedGlyph(ch, x, 150, 22, bold=True))
        x += 22 * 1.3  # tracking of 0.3 em throughout
    x = 200.0
    for ch in "目录":  # two characters set a character apart: a printed space
        page.glyphs.append(typeset.PlacedGlyph(ch, x, 250, 22, bold=True))
        x += 22 * 2
    texts = [line.text for line in lines_from_pages(typeset.raw_pages([page]))]
    assert texts == ["关于做好某项工作的通知", "目 录"]


def _row(text: str, x: float, top: float, size: float = 16.0) -> list[Glyph]:
    out = []
    for ch in text:
        out.append(Glyph(ch, x, top, x + size, top + size * 1.4, size))
        x += size
    return out


def test_a_full_last_line_continues_on_the_next_page_only_if_its_page_was_full():
    full = "一" * 26  # 26 × 16 pt: the measure is 416 pt
    def page(n: int, rows: int, first: str) -> RawPage:
        glyphs = _row(first, 100, 100)
        for k in range(1, rows):
            glyphs += _row(full, 100, 100 + 30 * k)
        glyphs += _row(f"— {n} —", 260, 780, 14)
        return RawPage(n, 595, 842, glyphs, [])
    # page 1 filled to its last line; page 2 ends early (a page break), page 3 continues
    pages = [page(1, 20, "　" * 0 + full), page(2, 10, full), page(3, 20, full)]
    lines = lines_from_pages(pages)
    assert [len(line.boxes) for line in lines] == [30, 20]
    assert [line.page for line in lines] == [1, 3]


def test_a_landscape_page_has_margins_of_its_own():
    portrait = typeset.typeset([Block("body", BODY * 3), Block("body", BODY, page_break=True)])
    landscape = typeset.typeset([Block("title", "重点任务清单"), Block("body", BODY),
                                 Block("body", "第二段。")])[0]
    landscape.number, landscape.width, landscape.height = 3, 841.89, 595.28
    for g in landscape.glyphs:
        g.x += (841.89 - 595.28) / 2
    lines = lines_from_pages(typeset.raw_pages(portrait + [landscape]))
    assert [line.text for line in lines] == [BODY * 3, BODY, "重点任务清单", BODY, "第二段。"]
    assert lines[2].align == "center" and lines[3].page == 3


def test_a_contents_entry_with_leaders_ends_at_its_page_number():
    number = "（某区政发〔2021〕16号）"
    width = sum(typeset.advance(ch, typeset.BODY) for ch in number + "01")
    dots = int((typeset.BLOCK_W - width) // typeset.advance(".", typeset.BODY))
    entry = number + "." * dots + "01"  # the leaders fill the measure to a third of an em
    title = "关于做好某项工作的通知"
    lines = _read([Block("body", entry, indent=0), Block("body", title, indent=0)])
    assert [line.text for line in lines] == [entry, title]
