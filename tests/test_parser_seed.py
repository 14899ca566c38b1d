"""Golden facts of the seed gazette, each checked against the published text by hand."""
from __future__ import annotations

from collections import Counter

import pytest

from models.errors import BadGazetteError
from models.parse.parser import parse_issue
from models.parse.sources.text import decode
from models.textnorm import nonblank

# (文号, 标题, 成文日期, 发文机关署名, 目录类别, 目录页码, 节点数)
DOCUMENTS = [
    ("市中政发〔2021〕16号", "市中区人民政府关于全面深化证照分离改革工作的实施意见", "2021-09-18",
     "市中区人民政府", "区政府文件", 1, 25),
    ("市中政办发〔2021〕13号", "市中区人民政府办公室关于切实加强水库除险加固和运行管护工作的实施意见",
     "2021-08-31", "市中区人民政府办公室", "区政府办公室文件", 5, 21),
    ("市中政办发〔2021〕14号",
     "市中区人民政府办公室关于服务“六稳”“六保”进一步深化“放管服”改革的实施意见",
     "2021-09-06", "市中区人民政府办公室", "区政府办公室文件", 8, 48),
    ("市中政办发〔2021〕15号",
     "市中区人民政府办公室关于印发市中区促进3岁以下婴幼儿照护服务发展的实施方案的通知",
     "2021-09-25", "市中区人民政府办公室", "区政府办公室文件", 17, 57),
    ("市中政办字〔2021〕14号", "市中区人民政府办公室关于印发市中区低速电动车综合整治工作方案的通知",
     "2021-09-24", "市中区人民政府办公室", "区政府办公室文件", 25, 81),
]
# Node counts, from the source: e.g. 16号 = 标志 文号 标题 主送 (4) + 引言 (1) + 5 sections
# + 8 subsections + 2 paragraphs + 署名 日期 附注 抄送 印发 (5) = 25.


def test_five_documents_in_order(seed_issue):
    assert [d.doc_number for d in seed_issue.documents] == [d[0] for d in DOCUMENTS]
    assert [d.position for d in seed_issue.documents] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("index", range(5))
def test_document_facts(seed_issue, index):
    number, title, date, issuer, category, page, count = DOCUMENTS[index]
    doc = seed_issue.documents[index]
    assert doc.doc_number == number
    assert doc.title == title
    assert doc.date == date
    assert doc.issuer == issuer
    assert doc.category == category
    assert doc.page == page
    assert sum(1 for _ in doc.walk()) == count
    assert doc.short_title == title[len(issuer):]
    assert doc.publicity == "（此件公开发布）"


def test_node_kinds_of_the_notice_with_roster(seed_issue):
    kinds = Counter(n.kind for n in seed_issue.documents[4].walk())
    assert kinds == {"masthead": 1, "doc_number": 1, "title": 1, "addressee": 1, "notice": 1,
                     "signature": 1, "date": 1, "publicity": 1, "plan_title": 1,
                     "paragraph": 9, "section": 5, "subsection": 11, "item": 2, "attachments": 1,
                     "annex": 2, "roster": 28, "duty": 14}


def test_items_numbered_continuously_across_sections(seed_issue):
    items = [n for n in seed_issue.documents[2].walk() if n.kind == "item"]
    assert [n.label.rstrip(". ") for n in items] == [str(i) for i in range(1, 30)]
    assert items[8].path == "二、9." and items[28].path == "八、29."
    assert items[0].heading == "提升就业服务"


def test_keys_are_unique_and_stable_strings(seed_issue):
    keys = [n.key for d in seed_issue.documents for n in d.walk()]
    assert len(keys) == len(set(keys)) == 232
    assert all(len(k) == 12 for k in keys)
    assert [d.key for d in seed_issue.documents][0] == "doc:市中政发|2021|16"


def test_masthead_addressee_cc_and_imprint(seed_issue):
    d16, d13, d14, d15, z14 = seed_issue.documents
    assert d16.masthead == "枣庄市市中区人民政府文件"
    assert d13.masthead == "枣庄市市中区人民政府办公室文件"
    assert z14.masthead == "枣庄市市中区人民政府办公室"  # as published, without 文件
    assert d16.addressee == "各镇人民政府，各街道办事处，区政府各部门单位："
    assert d13.addressee == "各镇人民政府，区政府有关部门(单位)："
    assert d16.cc == "抄送：区委有关部门、市人大常委会办公室、区政协办公室、区监察委、区法院、区检察院"
    assert d13.cc == ""
    assert (d16.imprint_org, d16.imprint_date) == ("市中区人民政府办公室", "2021-09-18")
    assert (d13.imprint_org, d13.imprint_date) == ("市中区人民政府办公室", "2021-08-31")
    assert (d14.imprint_org, d14.imprint_date) == ("市中区人民政府办公室", "2021-09-06")
    assert d15.imprint_date is None and z14.imprint_date is None


def test_cover_facts(seed_issue):
    assert seed_issue.label == "2021年第5期"
    assert seed_issue.title == "市中区人民政府公报"
    assert (seed_issue.year, seed_issue.number, seed_issue.total_number) == (2021, 5, 20)
    assert seed_issue.published == "2021-09-30"
    assert seed_issue.sponsor == "市中区人民政府"
    assert seed_issue.editor == "市中区人民政府办公室"
    assert seed_issue.details["地址"] == "市中区君山中路321号"
    assert seed_issue.details["邮编"] == "277101"
    assert seed_issue.details["电话"] == "0632-3083075"
    assert seed_issue.unknown_units == []
    assert len(seed_issue.source_sha256) == 64


def test_table_of_contents(seed_issue):
    toc = [(e.category, e.title, e.doc_number, e.page, e.line) for e in seed_issue.toc]
    assert toc == [
        ("区政府文件", "关于全面深化证照分离改革工作的实施意见", "市中政发〔2021〕16号", 1, 42),
        ("区政府办公室文件", "关于切实加强水库除险加固和运行管护工作的实施意见",
         "市中政办发〔2021〕13号", 5, 47),
        ("区政府办公室文件", "关于服务“六稳”“六保”进一步深化“放管服”改革的实施意见",
         "市中政办发〔2021〕14号", 8, 51),
        ("区政府办公室文件", "关于印发市中区促进3岁以下婴幼儿照护服务发展的实施方案的通知",
         "市中政办发〔2021〕15号", 17, 55),
        ("区政府办公室文件", "关于印发市中区低速电动车综合整治工作方案的通知",
         "市中政办字〔2021〕14号", 25, 59),
    ]
    # every TOC title is the short title of its document
    for entry, doc in zip(seed_issue.toc, seed_issue.documents):
        assert entry.title == doc.short_title


def test_plan_titles_and_attachments(seed_issue):
    plans = [d.plan_title for d in seed_issue.documents]
    assert plans == ["", "", "", "市中区促进3岁以下婴幼儿照护服务发展的实施方案",
                     "市中区低速电动车综合整治工作方案"]
    assert seed_issue.documents[3].attachments == ["有关部门职责分工"]
    assert seed_issue.documents[4].attachments == ["市中区低速电动车综合整治工作专班成员名单",
                                                   "市中区加强低速电动车管理工作职责分工"]
    annexes = [(n.path, n.heading, n.first_line) for n in seed_issue.documents[4].nodes
               if n.kind == "annex"]
    assert annexes == [("附件1", "市中区低速电动车综合整治工作专班成员名单", 511),
                       ("附件2", "市中区加强低速电动车管理工作职责分工", 585)]
    notices = [n for d in seed_issue.documents for n in d.walk() if n.kind == "notice"]
    assert [n.first_line for n in notices] == [316, 450]


def test_validity(seed_issue):
    assert [d.valid_until for d in seed_issue.documents] == [None, None, None, None, "2023-12-31"]


def test_document_line_spans(seed_issue):
    spans = [(d.first_line, d.last_line) for d in seed_issue.documents]
    assert spans == [(63, 126), (128, 178), (180, 306), (308, 440), (442, 625)]


def test_conservation_every_character_in_exactly_one_node_in_order(seed_bytes, seed_issue):
    """For every document, the non-blank characters of its source lines are the nodes' texts."""
    source = decode(seed_bytes).split("\n")
    for doc in seed_issue.documents:
        expected = nonblank("".join(source[doc.first_line - 1:doc.last_line]))
        got = nonblank("".join(n.label + n.text for n in doc.walk()))
        assert got == expected, doc.doc_number
        # nodes are in reading order and do not overlap
        spans = [(n.first_line, n.last_line) for n in doc.walk() if n.kind != "annex"]
        assert spans == sorted(spans)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), doc.doc_number


def test_cover_and_toc_lines_belong_to_no_document(seed_issue):
    assert min(d.first_line for d in seed_issue.documents) == 63


def test_the_published_wording_is_kept(seed_issue):
    texts = {n.first_line: n.full_text for d in seed_issue.documents for n in d.walk()}
    assert texts[246].startswith("17.优化文化旅游公共服务。优化文化旅游公共服务。")  # doubled as published
    assert "日常管理工作的的重要内容" in texts[502]  # the published typo stays
    assert "区场准入" in texts[240]


def test_parse_issue_accepts_text_directly(seed_bytes, registry):
    issue = parse_issue(seed_bytes.decode(), registry)
    assert len(issue.documents) == 5 and issue.source_sha256 == ""


def test_the_registry_passed_in_is_not_changed(seed_bytes, registry):
    before = set(registry.departments)
    parse_issue(seed_bytes.decode() + "\n", registry)
    assert set(registry.departments) == before


def test_a_document_number_twice_in_one_file_is_refused(seed_bytes, registry):
    text = seed_bytes.decode()
    first = "\n".join(text.split("\n")[62:126])
    with pytest.raises(BadGazetteError) as info:
        parse_issue(text + "\n\n" + first + "\n", registry)
    assert "出现了两次" in str(info.value) and "第 63 行" in str(info.value)
