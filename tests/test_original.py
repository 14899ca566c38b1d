"""The original beside the text, without Qt: where a clause stands in its kept PDF or OFD,
the page itself, and a sentence where there is no page; the page text of the header,
the citation and the search."""
from __future__ import annotations

import pytest

from models.views.citation import gazette_page, page_of, quote


@pytest.fixture()
def imported(imported_user_data):
    """The library of the imported seed PDF and task-table OFD, its originals found."""
    from models.locations import set_user_data_dir, user_library_path
    from models.store.library import Library
    set_user_data_dir(imported_user_data)
    library = Library(user_library_path())
    yield library
    library.close()
    set_user_data_dir(None)


def _doc(library, doc_number):
    return next(d for d in library.documents() if d.doc_number == doc_number)


def _clause(library, doc_number, path):
    return next(n for n in library.nodes(_doc(library, doc_number).key) if n.path == path)


def test_a_pdf_clause_is_placed_on_its_page_with_its_lines(imported):
    from models.views.original import place_of
    node = _clause(imported, "市中政办发〔2021〕15号", "二、（一）2.")
    place = place_of(imported, node.key)
    assert place.source is not None and place.source.suffix == ".pdf" and not place.message
    assert place.page == node.page
    lines = [box for page in sorted(place.boxes) for box in place.boxes[page]]
    assert len(lines) >= 2 and place.page == min(place.boxes)
    for x0, top, x1, bottom in lines:  # inside the GB/T 9704 text block of an A4 page
        assert 70 < x0 < x1 < 530 and 90 < top < bottom < 750


def test_a_document_key_is_placed_on_its_title(imported):
    from models.views.original import place_of
    doc = _doc(imported, "市中政办发〔2021〕15号")
    place = place_of(imported, doc.key)
    title = imported.node(imported.title_key(doc.key))
    assert place.page == title.page and place.boxes[title.page]


def test_text_word_and_lost_originals_each_say_why(seed_library, imported, tmp_path):
    from models.views import original
    from models.views.original import place_of
    text = place_of(seed_library, seed_library.documents()[0].key)
    assert text.source is None and text.message == original.NO_LAYOUT
    assert "本文件没有原版式文件" in text.message
    doc = _doc(imported, "青政办发〔2023〕22号")
    assert place_of(imported, doc.key).source.suffix == ".ofd"
    kept = place_of(imported, doc.key).source
    hidden = kept.with_name("moved-away")
    kept.rename(hidden)
    try:
        lost = place_of(imported, doc.key)
        assert lost.source is None and "找不到导入时保存的原文件" in lost.message
        assert "OFD" in lost.message
    finally:
        hidden.rename(kept)


def test_word_has_no_pages_to_show(registry, tmp_path):
    from models.parse.parser import parse_bytes
    from models.store.build import add_issues
    from models.store.library import Library
    from models.views.original import WORD, place_of
    from tests.makers.docx_maker import write_docx
    from tests.makers.seed_blocks import document_blocks, seed_documents
    docx = tmp_path / "a.docx"
    write_docx(document_blocks(seed_documents()[1], registry), docx)
    issue = parse_bytes(docx.read_bytes(), registry, "a.docx")
    add_issues(tmp_path / "lib.sqlite", [issue], registry, fresh=True)
    with Library(tmp_path / "lib.sqlite") as library:
        assert place_of(library, library.documents()[0].key).message == WORD


def test_a_pdf_page_renders_and_an_ofd_page_is_drawn_from_its_glyphs(imported):
    from models.views.original import OriginalFile, place_of
    pdf = place_of(imported, _doc(imported, "市中政发〔2021〕16号").key)
    opened = OriginalFile(pdf.source, "pdf")
    assert opened.pages == 52 and opened.sizes[0] == (595.0, 842.0)
    raster = opened.raster(pdf.page, 0.5)
    assert (raster.width, raster.height) == (298, 421) and len(raster.pixels) == \
        raster.stride * raster.height
    ofd = place_of(imported, _doc(imported, "青政办发〔2023〕22号").key)
    drawn = OriginalFile(ofd.source, "ofd")
    assert drawn.pages == 4
    page = drawn.drawing(ofd.page)
    assert "青川区人民政府办公室" in "".join(c.char for c in page.chars)
    # the title's characters stand on the title's line boxes, baselines inside them
    boxes = ofd.boxes[ofd.page]
    on_title = "".join(c.char for c in page.chars if any(
        x0 - 0.5 <= c.x < x1 and top < c.baseline < bottom for x0, top, x1, bottom in boxes))
    title = _doc(imported, "青政办发〔2023〕22号").title
    assert on_title == title.replace(" ", "")
    assert drawn.drawing(2).rules  # the task table's ruling


def test_page_text_is_one_rule(imported, seed_library):
    node = _clause(imported, "市中政办发〔2021〕15号", "二、（一）2.")
    assert page_of(node) == f"第{node.page_label}页" and node.page_label
    assert gazette_page(node, imported.document(node.document_key)) == f"公报第{node.page_label}页"
    text_node = next(n for n in seed_library.nodes() if n.kind == "item")
    doc = seed_library.document(text_node.document_key)
    assert text_node.page is None and doc.page  # a text import: the 目录's page of the document
    assert gazette_page(text_node, doc) == f"公报第{doc.page}页起"


def test_a_citation_may_end_in_the_page(imported, seed_library):
    node = _clause(imported, "市中政办发〔2021〕15号", "二、（一）2.")
    plain, paged = quote(imported, node.key), quote(imported, node.key, with_page=True)
    first = plain.splitlines()[0]
    assert paged.splitlines()[0] == f"{first}（第{node.page_label}页）"
    assert paged.splitlines()[1:] == plain.splitlines()[1:]
    text_key = next(n for n in seed_library.nodes() if n.kind == "item").key
    assert quote(seed_library, text_key, with_page=True) == quote(seed_library, text_key)


def test_the_reader_header_names_the_page_of_the_clause(imported):
    from models.views.document_html import document_html
    node = _clause(imported, "市中政办发〔2021〕15号", "二、（一）2.")
    html = document_html(imported, node.document_key, current=node.key)
    assert f"公报第{node.page_label}页" in html
    title = imported.node(imported.title_key(node.document_key))
    assert title.page_label != node.page_label
    assert f"公报第{title.page_label}页" in document_html(imported, node.document_key)
