"""Search over the seed library: short CJK queries, 文号 in any form, department limits, marks."""
from __future__ import annotations

import re

import pytest

from models.errors import UnknownDepartmentError
from models.store.search import make_snippet, search


def _marked(snippet):
    return re.findall(r"<mark>(.*?)</mark>", snippet)


@pytest.mark.parametrize("query", ["局", "托育", "证照分离", "婴幼儿照护"])
def test_queries_of_any_length(seed_library, query):
    result = search(seed_library, query)
    assert result.hits
    for hit in result.hits:
        assert _marked(hit.snippet) and all(m == query for m in _marked(hit.snippet))


def test_two_character_query_finds_every_clause_containing_it(seed_library):
    result = search(seed_library, "托育")
    hidden = {"masthead", "signature", "date", "publicity", "imprint", "cc"}
    expected = {n.key for n in seed_library.nodes() if "托育" in n.full_text and n.kind not in hidden}
    assert {h.key for h in result.hits} == expected
    assert len(expected) == 9  # clauses at lines 330, 346, 352, 354, 360, 362, 368, 378, 408


def test_hits_read_in_the_gazettes_order(seed_library):
    result = search(seed_library, "婴幼儿")
    keys = [g.document_key for g in result.groups]
    assert len(keys) == len(set(keys))
    # its title holds the words: the document about them comes first
    assert result.groups[0].doc_number == "市中政办发〔2021〕15号"
    assert result.groups[0].why == "title"
    position = {d.key: d.position for d in seed_library.documents()}
    rest = [g for g in result.groups if g.why == "text"]
    assert [position[g.document_key] for g in rest] == sorted(position[g.document_key]
                                                              for g in rest)
    for group in result.groups:
        assert all(h.document_key == group.document_key for h in group.hits)
        body = [h.ord for h in group.hits if h.kind != "title"]
        assert body == sorted(body) and len(body) == len(set(body))


def test_more_says_the_limit_cut_the_results(seed_library):
    every = search(seed_library, "局", limit=10_000)
    assert not every.more
    cut = search(seed_library, "局", limit=5)
    assert cut.more and len(cut.hits) == 5
    assert {h.key for h in cut.hits} <= {h.key for h in every.hits}
    assert search(seed_library, "局", limit=len(every.hits)).more is False


def test_title_matches_rank_first(seed_library):
    result = search(seed_library, "低速电动车")
    assert result.groups[0].doc_number == "市中政办字〔2021〕14号"
    kinds = [h.kind for h in result.groups[0].hits]
    assert "title" in kinds and "plan_title" in kinds


def test_full_and_half_width_are_one(seed_library):
    a = {h.key for h in search(seed_library, "（区财政局牵头").hits}
    b = {h.key for h in search(seed_library, "(区财政局牵头").hits}
    assert a == b and a


def test_all_terms_must_match(seed_library):
    both = search(seed_library, "财政 托育").hits
    assert both
    for hit in both:
        text = seed_library.node(hit.key).full_text
        assert "财政" in text and "托育" in text


@pytest.mark.parametrize("query", [
    "市中政办发〔2021〕14号", "市中政办发[2021]14号", "市中政办发【2021】14号", "市中政办发(2021)14号",
    "市中政办发（2021）14号", "市中政办发〔２０２１〕１４号", "市中政办发〔2021〕14", "市中政办发[2021]14",
])
def test_document_number_in_any_form(seed_library, query):
    result = search(seed_library, query)
    assert result.groups[0].doc_number == "市中政办发〔2021〕14号"
    assert result.groups[0].hits[0].kind in ("doc_number", "title")
    # 市中政办字〔2021〕14号 has the same year and number but another 机关代字
    assert "市中政办字〔2021〕14号" not in [g.doc_number for g in result.groups[:1]]


def test_similar_document_numbers_are_told_apart(seed_library):
    result = search(seed_library, "市中政办字[2021]14号")
    assert result.groups[0].doc_number == "市中政办字〔2021〕14号"
    assert "市中政办发〔2021〕14号" not in [g.doc_number for g in result.groups]


def test_search_limited_to_one_department(seed_library):
    _, entries = seed_library.duties("区妇联")
    allowed = {e.key for e in entries}
    result = search(seed_library, "婴幼儿", department="妇联")
    assert result.hits
    assert {h.key for h in result.hits} <= allowed
    unlimited = search(seed_library, "婴幼儿")
    assert len(result.hits) < len(unlimited.hits)


def test_department_limit_includes_collective_units(seed_library):
    result = search(seed_library, "托育", department="各镇人民政府")
    paths = {h.path for h in result.hits}
    assert "二、（三）4." in paths  # names 各镇街


def test_unknown_department(seed_library):
    with pytest.raises(UnknownDepartmentError) as info:
        search(seed_library, "托育", department="区宇航局")
    assert "找不到部门" in str(info.value)


def test_nothing_found_and_empty_query(seed_library):
    assert search(seed_library, "量子计算").hits == []
    assert search(seed_library, "   ").groups == []


def test_limit(seed_library):
    assert len(search(seed_library, "局", limit=7).hits) == 7


def test_json_shape(seed_library):
    data = search(seed_library, "证照分离").as_json()
    assert data["query"] == "证照分离"
    assert data["more"] is False
    assert set(data["hits"][0]) == {"doc_number", "key", "path", "heading", "snippet", "page",
                                   "page_label"}


def test_snippet_marks_matches_in_the_published_text_and_escapes_html():
    snippet = make_snippet("对<b>（一）</b>强化资金保障", ["(一)"])
    assert snippet == "对&lt;b&gt;<mark>（一）</mark>&lt;/b&gt;强化资金保障"
    long = "甲" * 100 + "托育" + "乙" * 100
    cut = make_snippet(long, ["托育"])
    assert cut.startswith("…") and cut.endswith("…") and "<mark>托育</mark>" in cut


def test_a_matching_title_comes_first_in_its_document(seed_library):
    from models.store.search import search
    result = search(seed_library, "低速电动车")
    first = result.groups[0].hits[0]
    assert first.kind == "title" and first.doc_number == "市中政办字〔2021〕14号"
    assert first.heading == "市中区人民政府办公室关于印发市中区低速电动车综合整治工作方案的通知"


@pytest.mark.parametrize("term, text, found", [
    ("(一)", "对（一）强化", "（一）"),
    ("[2021]", "市中政办发〔2021〕15号", "〔2021〕"),
    ("a1", "编号Ａ１号", "Ａ１"),
    ("ofd", "OFD文件", "OFD"),
    ("3-5", "3－5岁", "3－5"),
])
def test_matches_are_found_in_the_published_text_as_folding_finds_them(term, text, found):
    from models.textnorm import fold, folded_pattern
    assert fold(found).lower() == term
    assert folded_pattern(term).search(text).group() == found
    assert _marked(make_snippet(text, [term])) == [found]


@pytest.mark.parametrize("query", ["鲁政发[2021]11号", "鲁政发〔２０２１〕１１", "鲁政发(2021)11号"])
def test_a_cited_document_number_finds_the_clauses_citing_it(seed_library, query):
    """鲁政发〔2021〕11号 is not in the library; the paragraph that cites it is found."""
    expected = {n.key for n in seed_library.nodes() if "鲁政发〔2021〕11号" in n.full_text}
    result = search(seed_library, query)
    assert expected and {h.key for h in result.hits} == expected
    assert all(g.why == "text" for g in result.groups)
    assert _marked(result.hits[0].snippet)[0].startswith("鲁政发〔2021〕11")
