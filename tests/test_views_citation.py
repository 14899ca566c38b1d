"""The one citation (models/views/citation.py): its form with and without 文号, the mark of an
expired document, the page, and what a document key stands for."""
from __future__ import annotations

from datetime import date

import pytest

from models.errors import UnknownDocumentError, UnknownNodeError
from models.views.citation import (EXPIRED_MARK, cite, citation, cited_path, gazette_page,
                                   page_of, quote)

EXPIRED_DOC = "市中政办字〔2021〕14号"  # the seed's plan valid until 2023-12-31


def test_the_form_with_and_without_a_doc_number():
    assert cite("关于印发某某方案的通知", "某政发〔2022〕7号", "二、（三）1.") == \
        "《关于印发某某方案的通知》（某政发〔2022〕7号）二、（三）1."
    assert cite("关于印发某某方案的通知", None, "二、（三）1.") == "《关于印发某某方案的通知》二、（三）1."
    assert cite("关于印发某某方案的通知", "", "") == "《关于印发某某方案的通知》"


def test_page_then_the_expired_mark_come_last():
    text = cite("某办法", "某政发〔2022〕7号", "第九条", expired=True, page="第17页")
    assert text == "《某办法》（某政发〔2022〕7号）第九条（第17页）" + EXPIRED_MARK


def _doc(lib, number):
    return next(d for d in lib.documents() if d.doc_number == number)


def test_an_expired_document_is_marked_and_a_current_one_is_not(seed_library):
    plan = _doc(seed_library, EXPIRED_DOC)
    assert citation(plan, "二、", today=date(2024, 1, 1)).endswith("二、" + EXPIRED_MARK)
    assert citation(plan, "二、", today=date(2023, 12, 31)).endswith("二、")
    current = _doc(seed_library, "市中政发〔2021〕16号")
    assert EXPIRED_MARK not in citation(current, "一、", today=date(2030, 1, 1))


def test_the_page_is_the_printed_label_when_there_is_one(seed_library):
    from dataclasses import replace
    node = next(n for n in seed_library.nodes() if n.kind == "section")
    assert page_of(replace(node, page=5, page_label="17")) == "第17页"
    assert page_of(replace(node, page=5, page_label=None)) == "第5页"
    assert page_of(replace(node, page=None, page_label=None)) == ""  # (a text import)
    assert page_of(node) == ""  # the seed is text: no page
    assert page_of(None) == ""


def test_the_header_says_gazette_page_only_for_a_printed_page_number(seed_library):
    """公报第17页 is the gazette's own numbering; a page of the file with no number printed
    on it is 第5页 of the file, not of the gazette."""
    from dataclasses import replace
    node = next(n for n in seed_library.nodes() if n.kind == "section")
    doc = seed_library.document(node.document_key)
    assert gazette_page(replace(node, page=5, page_label="17"), doc) == "公报第17页"
    assert gazette_page(replace(node, page=5, page_label=None), doc) == "第5页"
    assert gazette_page(replace(node, page=5, page_label=""), doc) == "第5页"
    assert doc.page and gazette_page(replace(node, page=None, page_label=None), doc) == \
        f"公报第{doc.page}页起"


def test_a_document_key_stands_for_the_whole_document(seed_library):
    doc = _doc(seed_library, "市中政发〔2021〕16号")
    node = seed_library.node(doc.key)  # the document's key gives its title node
    assert node.kind == "title" and node.document_key == doc.key
    assert cited_path(node) == ""
    assert quote(seed_library, doc.key).splitlines()[0] == \
        f"《{doc.title}》（市中政发〔2021〕16号）"


def test_a_missing_document_is_not_called_a_missing_clause(seed_library):
    with pytest.raises(UnknownDocumentError, match="公文"):
        seed_library.node("doc:某政发|2099|1")
    with pytest.raises(UnknownNodeError, match="条款"):
        seed_library.node("0123456789ab")
