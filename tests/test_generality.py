"""Texts of the same genre written for these tests: other districts, other numbering, other layouts.

Nothing in the parser may name a document of the seed; these texts check that its rules are general.
"""
from __future__ import annotations

import codecs

import pytest

from models.errors import BadGazetteError
from models.parse.parser import parse_bytes, parse_issue
from models.parse.sources.text import decode
from models.textnorm import nonblank

from conftest import FIXTURES

XUECHENG = FIXTURES / "xuecheng_2022-03.txt"
REGULATION = FIXTURES / "yicheng_regulation.txt"
NO_NUMBER = FIXTURES / "tai_single_no_number.txt"
SINGLE = FIXTURES / "tai_single_with_number.txt"


def _parse(path, registry, data=None):
    return parse_bytes(data if data is not None else path.read_bytes(), registry, path.name)


def _conserved(data, issue):
    source = decode(data).split("\n")
    for doc in issue.documents:
        expected = nonblank("".join(source[doc.first_line - 1:doc.last_line]))
        assert nonblank("".join(n.label + n.text for n in doc.walk())) == expected, doc.title


def _notes(doc):
    return {n.path: [(a.department, a.role) for a in n.assignments] for n in doc.walk() if n.note}


@pytest.fixture(scope="module")
def xuecheng(registry):
    return _parse(XUECHENG, registry)


# ------------------------------------------------------- a second issue
def test_second_issue_cover_and_toc(xuecheng):
    assert xuecheng.label == "2022年第3期"
    assert xuecheng.title == "薛城区人民政府公报"
    assert (xuecheng.total_number, xuecheng.published) == (41, "2022-06-15")
    assert (xuecheng.sponsor, xuecheng.editor) == ("薛城区人民政府", "薛城区人民政府办公室")
    assert [(e.category, e.title, e.doc_number, e.page) for e in xuecheng.toc] == [
        ("区政府文件", "关于加快推进农村生活污水治理的实施意见", "薛政发〔2022〕5号", 1),
        ("区政府办公室文件", "关于印发薛城区城乡环境卫生整治三年行动方案的通知", "薛政办发〔2022〕8号", 6)]


def test_document_numbers_in_other_brackets_and_full_width_digits(xuecheng):
    """[2022] and 〔２０２２〕８号 are 文号 lines too: two documents, not one."""
    assert [d.doc_number for d in xuecheng.documents] == ["薛政发〔2022〕5号", "薛政办发〔2022〕8号"]
    first, second = xuecheng.documents
    assert (first.first_line, first.last_line) == (35, 91)
    assert second.first_line == 93
    assert [(d.category, d.page) for d in xuecheng.documents] == [("区政府文件", 1), ("区政府办公室文件", 6)]
    assert first.cc == "抄送：区委各部门，区人大常委会办公室，区政协办公室。"
    assert (first.imprint_org, first.imprint_date) == ("薛城区人民政府办公室", "2022-06-02")
    assert first.plan_title == "" and second.plan_title == "薛城区城乡环境卫生整治三年行动方案"
    assert [n.text for n in second.nodes if n.kind == "doc_number"] == ["薛政办发〔２０２２〕８号"]


def test_titles_dates_issuers_of_the_second_issue(xuecheng):
    got = [(d.title, d.date, d.issuer) for d in xuecheng.documents]
    assert got == [("薛城区人民政府关于加快推进农村生活污水治理的实施意见", "2022-06-02", "薛城区人民政府"),
                   ("薛城区人民政府办公室关于印发薛城区城乡环境卫生整治三年行动方案的通知", "2022-06-10",
                    "薛城区人民政府办公室")]


def test_numbering_with_1_dun_and_bracketed_subitems(xuecheng):
    doc = xuecheng.documents[0]
    paths = [(n.kind, n.path) for n in doc.walk() if n.kind in ("section", "subsection", "item", "subitem")]
    assert paths == [
        ("section", "一、"), ("section", "二、"), ("subsection", "二、（一）"), ("item", "二、（一）1."),
        ("item", "二、（一）2."), ("subsection", "二、（二）"), ("item", "二、（二）1."),
        ("subitem", "二、（二）1.（1）"), ("subitem", "二、（二）1.（2）"), ("subitem", "二、（二）1.（3）"),
        ("item", "二、（二）2."), ("section", "三、"), ("subsection", "三、（一）"), ("subsection", "三、（二）")]
    item = next(n for n in doc.walk() if n.path == "二、（二）1.")
    assert [c.label for c in item.children] == ["（1）", "（2）", "（3）"]
    assert item.label == "1、"


def test_notes_on_lines_of_their_own_and_labelled_notes(xuecheng):
    """薛城区's units are 薛城区's, named by the general rules (区 → 薛城区), never resolved
    through 市中区's registry: 区城市管理局 there is not 市中区's 区综合行政执法局."""
    first, second = xuecheng.documents
    assert {d.government for d in xuecheng.documents} == {"薛城区"}
    assert _notes(first) == {
        # (牵头单位：…；责任单位：…) on its own line: the named units support the lead
        "二、（一）1.": [("薛城区生态环境分局", "lead"), ("薛城区各镇人民政府", "support"),
                      ("薛城区各街道办事处", "support")],
        # a note after a blank line still belongs to its clause
        "二、（一）2.": [("薛城区生态环境分局", "lead"), ("薛城区住房和城乡建设局", "support"),
                      ("薛城区农业农村局", "support")],
        "二、（二）2.": [("薛城区城市管理局", "lead"), ("薛城区各镇街", "support")],
        "三、（一）": [("薛城区财政局", "lead"), ("薛城区生态环境分局", "support")],
        "三、（二）": [("薛城区人民政府督查室", "responsible"), ("薛城区园林绿化服务中心", "responsible")],
    }
    joined = next(n for n in first.walk() if n.path == "二、（一）1.")
    assert (joined.first_line, joined.last_line) == (53, 55)
    assert "建立治理台账，做到一村一档。（牵头单位" in joined.text
    assert _notes(second) == {
        "二、1.": [("薛城区城市管理局", "responsible"), ("薛城区各镇街", "responsible")],
        "二、2.第1段": [("薛城区城乡水务局", "lead"), ("薛城区交通运输局", "support"),
                      ("薛城区各镇人民政府", "support")],
    }


def test_a_heading_ending_with_a_full_stop_owns_the_paragraph_after_it(xuecheng):
    doc = xuecheng.documents[1]
    item = next(n for n in doc.walk() if n.path == "二、2.")
    assert item.heading == "整治乱堆乱放"
    assert [c.path for c in item.children] == ["二、2.第1段"]
    assert item.children[0].deadlines[0].due == "2022-09-30"


def test_unknown_units_are_reported(xuecheng):
    """No registry of 薛城区's is in content/: all its units are reported, by their names."""
    assert "薛城区园林绿化服务中心" in xuecheng.unknown_units
    assert "薛城区人民政府督查室" in xuecheng.unknown_units
    assert all(name.startswith("薛城区") for name in xuecheng.unknown_units)


def test_duty_annex_of_the_second_issue(xuecheng):
    duties = [(n.path, [a.department for a in n.assignments])
              for n in xuecheng.documents[1].walk() if n.kind == "duty"]
    assert duties == [("附件 区城市管理局", ["薛城区城市管理局"]),
                      ("附件 区住房和城乡建设局", ["薛城区住房和城乡建设局"]),
                      ("附件 区园林绿化服务中心", ["薛城区园林绿化服务中心"]),
                      ("附件 各镇人民政府、街道办事处", ["薛城区各镇人民政府", "薛城区街道办事处"])]
    assert xuecheng.documents[1].attachments == ["薛城区城乡环境卫生整治职责分工"]


def test_validity_in_years_and_deadlines_of_the_second_issue(xuecheng):
    first, second = xuecheng.documents
    assert first.valid_until is None
    assert second.valid_until == "2025-06-09"  # 有效期3年 from 2022-06-10
    dues = {n.path: [d.due for d in n.deadlines] for n in first.walk() if n.deadlines}
    assert dues == {"一、第1段": ["2025-12-31"], "二、（一）1.": ["2022-06-30"], "二、（一）2.": ["2022-12-31"]}


def test_second_issue_conservation(registry):
    data = XUECHENG.read_bytes()
    _conserved(data, _parse(XUECHENG, registry, data))


@pytest.mark.parametrize("variant", ["crlf", "gbk", "utf16", "bom"])
def test_encoding_and_line_ending_variants_parse_alike(registry, xuecheng, variant):
    text = XUECHENG.read_text(encoding="utf-8")
    data = {"crlf": text.replace("\n", "\r\n").encode("utf-8"),
            "gbk": text.replace("\n", "\r\n").encode("gbk"),
            "utf16": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
            "bom": codecs.BOM_UTF8 + text.encode("utf-8")}[variant]
    issue = _parse(XUECHENG, registry, data)
    assert [(n.key, n.text) for d in issue.documents for n in d.walk()] == \
        [(n.key, n.text) for d in xuecheng.documents for n in d.walk()]


# ------------------------------------------------------- a regulation
def test_regulation_with_chapters_and_articles(registry):
    issue = _parse(REGULATION, registry)
    assert issue.label == "峄政办发〔2023〕2号" and issue.title == "单独公文"
    doc, = issue.documents
    assert doc.doc_number == "峄政办发〔2023〕2号"  # written 峄政办发（2023）2号
    assert doc.plan_title == "峄城区政府投资项目管理办法"
    assert doc.valid_until == "2028-03-31"
    tree = [(n.path, [c.path for c in n.children]) for n in doc.nodes if n.kind == "chapter"]
    assert tree == [("第一章", ["第一章第一条", "第一章第二条", "第一章第三条"]),
                    ("第二章", ["第二章第四条", "第二章第五条"]),
                    ("第三章", ["第三章第六条"])]
    chapters = [n.heading for n in doc.nodes if n.kind == "chapter"]
    assert chapters == ["总则", "项目决策", "附则"]
    third = doc.nodes[[n.path for n in doc.nodes].index("第一章")].children[2]
    assert [c.path for c in third.children] == ["第一章第三条（一）", "第一章第三条（二）"]
    fifth = next(n for n in doc.walk() if n.path == "第二章第五条")
    assert [(d.phrase, d.due) for d in fifth.deadlines] == [("10月底前", "2023-10-31")]
    _conserved(REGULATION.read_bytes(), issue)


# ------------------------------------------------------- single documents
def test_single_document_without_cover(registry):
    issue = _parse(SINGLE, registry)
    assert issue.label == "台政发〔2022〕3号" and issue.toc == []
    doc, = issue.documents
    assert (doc.title, doc.issuer, doc.date) == (
        "台儿庄区人民政府关于进一步加强安全生产工作的意见", "台儿庄区人民政府", "2022-04-08")
    assert doc.government == "台儿庄区"
    assert _notes(doc) == {
        "一、": [("台儿庄区应急管理局", "lead"), ("", "general")],
        "二、": [("台儿庄区应急管理局", "lead"), ("台儿庄区消防救援大队", "lead"),
                ("台儿庄区各镇街", "support")]}
    assert [n.heading for n in doc.nodes if n.kind == "section"] == ["落实企业主体责任", "强化隐患排查治理"]
    _conserved(SINGLE.read_bytes(), issue)


@pytest.mark.parametrize("everyone", ["台儿庄区有关部门", "台儿庄区人民政府有关部门",
                                      "枣庄市台儿庄区政府有关部门"])
def test_everyone_after_the_governments_own_name_is_no_unit(registry, everyone):
    """A general phrase after a government's name (its own, the one above it too) is the
    general entry, not a unit the registry never heard of."""
    text = SINGLE.read_text(encoding="utf-8").replace("区政府有关部门按职责", everyone + "按职责")
    assert everyone in text
    doc, = parse_issue(text, registry).documents
    assert _notes(doc)["一、"] == [("台儿庄区应急管理局", "lead"), ("", "general")]


@pytest.mark.parametrize("everyone", ["市中区有关部门", "市中区人民政府有关部门",
                                      "枣庄市市中区政府有关部门"])
def test_everyone_after_the_home_governments_name_is_no_unit(registry, everyone):
    """The same for the registry's own government, whose name (市中区) begins with a level
    word's character and so reads as a place only because the registry names it."""
    assert registry.is_general(everyone)
    assert not registry.is_general("市中区财政局") and not registry.is_general("区财政局")


def test_document_without_document_number(registry):
    issue = _parse(NO_NUMBER, registry)
    doc, = issue.documents
    assert doc.doc_number is None
    assert doc.key.startswith("title:")
    assert issue.label == doc.title == "关于做好2022年度防汛工作的通知"
    assert (doc.issuer, doc.date) == ("台儿庄区防汛抗旱指挥部办公室", "2022-05-20")
    assert doc.addressee == "各镇人民政府，各街道办事处，区政府有关部门："
    assert _notes(doc) == {
        "一、第1段": [("", "general")],
        "二、（一）": [("台儿庄区应急管理局", "lead"), ("台儿庄区城乡水务局", "support"),
                    ("台儿庄区自然资源局", "support")],
        "二、（二）": [("台儿庄区各镇街", "responsible")]}
    own_line = next(n for n in doc.walk() if n.path == "一、第1段")
    assert (own_line.first_line, own_line.last_line) == (9, 11)
    _conserved(NO_NUMBER.read_bytes(), issue)


def test_the_same_title_gives_the_same_key(registry):
    a = _parse(NO_NUMBER, registry)
    b = parse_issue(NO_NUMBER.read_text(encoding="utf-8").replace("克服麻痹思想", "克服松懈思想"), registry)
    assert a.documents[0].key == b.documents[0].key
    assert [n.key for n in a.documents[0].walk()] == [n.key for n in b.documents[0].walk()]


def test_text_that_is_no_document_is_refused(registry):
    with pytest.raises(BadGazetteError) as info:
        parse_issue("购物清单\n苹果\n香蕉\n", registry, "list.txt")
    assert "没有找到公文" in str(info.value) and "第 1 行" in str(info.value)


def test_a_document_number_with_nothing_after_it_is_refused(registry):
    with pytest.raises(BadGazetteError) as info:
        parse_issue("台政发〔2022〕3号\n", registry)
    assert "第 1 行" in str(info.value)


def test_parsing_is_deterministic(registry):
    a = _parse(XUECHENG, registry)
    b = _parse(XUECHENG, registry)
    assert a == b


def test_title_wrapped_over_three_lines(registry):
    text = ("枣庄市山亭区人民政府办公室文件\n\n山政办发〔2022〕11号\n\n山亭区人民政府办公室\n关于进一步做好城乡\n"
            "居民医疗保险工作的通知\n\n各镇人民政府，各街道办事处，区政府各部门：\n\n"
            "为做好城乡居民医疗保险工作，现将有关事项通知如下。\n\n"
            "一、扩大参保覆盖面。各镇街要于12月底前完成参保登记。（区医保局牵头，区税务局、各镇街配合）\n\n"
            "山亭区人民政府办公室\n\n2022年10月8日\n")
    doc, = parse_issue(text, registry).documents
    assert doc.title == "山亭区人民政府办公室关于进一步做好城乡居民医疗保险工作的通知"
    assert doc.short_title == "关于进一步做好城乡居民医疗保险工作的通知"
    assert (doc.issuer, doc.date) == ("山亭区人民政府办公室", "2022-10-08")
    assert _notes(doc) == {"一、": [("山亭区医疗保障局", "lead"), ("山亭区税务局", "support"),
                                   ("山亭区各镇街", "support")]}
    assert [n.deadlines[0].due for n in doc.walk() if n.deadlines] == ["2022-12-31"]


def test_a_title_printed_above_the_document_number(registry):
    """A gazette that reprints documents without their 版头 prints the title, then the 文号:
    the title is the title (not the 主送 below), and a masthead-like line still is none."""
    text = ("山亭区人民政府 关于做好冬季供暖保障工作的通知\n\n山政发〔2022〕21号\n\n"
            "各镇人民政府，各街道办事处，区政府各部门：\n\n为做好冬季供暖保障，现通知如下。\n\n"
            "一、保障热源供应。（区发展改革局牵头，区财政局配合）\n\n"
            "山亭区人民政府办公室 关于加强冬季安全生产的通知\n\n山政办发〔2022〕30号\n\n"
            "各镇人民政府，各街道办事处：\n\n现就冬季安全生产通知如下。\n\n"
            "一、排查隐患。（区应急局牵头）\n\n山亭区人民政府办公室\n\n2022年11月3日\n")
    first, second = parse_issue(text, registry).documents
    assert first.title == "山亭区人民政府关于做好冬季供暖保障工作的通知"
    assert first.addressee == "各镇人民政府，各街道办事处，区政府各部门："
    assert second.title == "山亭区人民政府办公室关于加强冬季安全生产的通知"
    assert (second.doc_number, second.addressee) == ("山政办发〔2022〕30号", "各镇人民政府，各街道办事处：")
    assert [n.path for n in first.walk() if n.kind == "section"] == ["一、"]  # not the next title


def test_parser_modules_name_no_document_of_the_seed():
    from pathlib import Path
    models = Path(__file__).resolve().parent.parent / "models"
    parsing = [*sorted((models / "parse").rglob("*.py")), models / "textnorm.py",
               *sorted((models / "registry").glob("*.py"))]
    assert len(parsing) > 12
    for path in parsing:
        name = path.name
        code = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n")
                         if not line.lstrip().startswith("#") and "BadGazetteError" not in line
                         and "（如“" not in line)
        for word in ("证照分离", "婴幼儿", "低速电动车", "水库", "市中政"):
            assert word not in _code_only(code), (name, word)


def _code_only(code):
    """The code without docstrings (examples from the seed may be quoted in documentation)."""
    parts = code.split('"""')
    return "".join(parts[0::2])


def test_keys_stay_unique_when_a_damaged_text_repeats_annexes(registry):
    """Found by the property test: a repeated 附件说明 or 附件1 gave two nodes the same key."""
    lines = XUECHENG.read_text(encoding="utf-8").split("\n")
    at = lines.index("附件：薛城区城乡环境卫生整治职责分工")
    twice = lines[:at + 1] + lines[at:]
    mark = lines.index("附件")
    annexes = lines[:mark] + ["附件1", "", "甲方案", "", "区财政局：负责经费。", "", "附件1", "",
                              "乙方案", "", "区税务局：负责税收。"]
    for text in ("\n".join(twice), "\n".join(annexes)):
        issue = parse_issue(text, registry)
        keys = [n.key for d in issue.documents for n in d.walk()]
        assert len(keys) == len(set(keys))


def test_doc_number_written_with_di_and_roster_paragraph_paths(registry, seed_issue):
    from models.parse.parser import parse_issue
    text = ("某某区人民政府办公室文件\n\n某政办发〔2022〕第5号\n\n关于做好某项工作的通知\n\n"
            "各镇人民政府：\n\n为做好某项工作，现通知如下。\n\n一、明确责任\n\n"
            "（一）加强领导。各镇要加强领导。（区财政局牵头，各镇人民政府配合）\n\n"
            "某某区人民政府办公室\n\n2022年3月1日\n")
    doc = parse_issue(text, registry).documents[0]
    assert doc.doc_number == "某政办发〔2022〕5号"
    # In the seed's roster annex the paragraph after sixteen roster lines is its section's first.
    roster_doc = seed_issue.documents[4]
    paths = [n.path for n in roster_doc.walk() if n.kind == "paragraph"]
    assert "附件1 一、第1段" in paths and not any("第17段" in p for p in paths)
