"""models/paragraphs.py: page-break repair, checked on the seed and on small texts."""
from __future__ import annotations

import pytest

from models.parse.paragraphs import ends_sentence, is_heading_only, is_roster_line, join_lines
from models.parse.line import Line
from models.parse.sources.text import split_lines


def _node_at(issue, line_number):
    """The content node whose lines include *line_number*."""
    found = [n for d in issue.documents for n in d.walk()
             if n.first_line <= line_number <= n.last_line and n.kind != "annex"]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ the seed
def test_shan_dong_cut_by_a_page_break_is_joined(seed_issue):
    node = _node_at(seed_issue, 76)
    assert (node.first_line, node.last_line) == (76, 78)
    assert "《山东省地方层面设定的涉企经营许可事项改革清单（2021版）》" in node.text
    assert "《山" + "东" in node.full_text and "山 东" not in node.full_text


def test_fa_gai_ju_cut_by_a_page_break_is_joined(seed_issue):
    node = _node_at(seed_issue, 100)
    assert (node.first_line, node.last_line) == (98, 100)
    assert node.note == "(区市场监管局、区发改局牵头,区政府有关部门按职责分工负责)"
    assert ("区发展和改革局", "lead", "区发改局") in [
        (a.department, a.role, a.as_written) for a in node.assignments]


@pytest.mark.parametrize("first,last,joined_text", [
    (80, 82, "直接取消审批的事项,取得营业执照后"),
    (86, 88, "推进经营范围规范化登记。登记机关完成登记后"),
    (94, 96, "谁审批谁负责、谁主管谁监管"),
    (140, 142, "在竣工验收后5年内进行首次安全鉴定"),
    (192, 194, "全面清理规范我区已取消的职业资格相关联的政策限制"),
    (278, 280, "“登记+监管”数据资源共享"),
    (362, 364, "挖掘社区闲置场地资源"),
    (382, 384, "鼓励职业院校（含技工院校)根据需求开设婴幼儿照护相关专业,加快培养相关专业人才"),
    (414, 416, "负责利用现有资金和政策渠道"),
    (426, 428, "负责婴幼儿照护服务机构法人的注册登记"),
    (434, 436, "负责监督指导各类婴幼儿照护服务机构开展安全防范"),
    (502, 504, "各级各有关部门单位要将低速电动车"),
    (599, 601, "《道路机动车辆生产企业及产品准入管理办法》"),
    (619, 621, "化解矛盾，维护稳定"),
])
def test_every_cut_sentence_of_the_seed_is_joined(seed_issue, first, last, joined_text):
    node = _node_at(seed_issue, first)
    assert (node.first_line, node.last_line) == (first, last)
    assert joined_text in node.full_text


def test_title_wrapped_with_a_stray_space_is_mended(seed_issue):
    doc = seed_issue.documents[1]
    assert doc.title == "市中区人民政府办公室关于切实加强水库除险加固和运行管护工作的实施意见"
    assert " " not in doc.title
    toc = seed_issue.toc[1]
    assert toc.title == "关于切实加强水库除险加固和运行管护工作的实施意见"


def test_latin_words_keep_their_space(seed_issue):
    node = _node_at(seed_issue, 595)
    assert "宣传教育 and 解释工作" in node.text


def test_headings_are_never_glued_to_text(seed_issue):
    headings = [n for d in seed_issue.documents for n in d.walk()
                if n.kind in ("section", "subsection", "chapter") and "。" not in n.text]
    assert len(headings) == 36  # 5 + 3 + 8 + (3 + 5) + (3 + 4 + 2 + 3), counted in the source
    for node in headings:
        assert node.first_line == node.last_line, node.path
        assert node.text == node.heading
    # "一、明确改革内容" and "（一）实行两张清单管理…" stay two nodes
    assert _node_at(seed_issue, 74).text == "明确改革内容"
    assert _node_at(seed_issue, 76).label == "（一）"


def test_roster_lines_stay_separate(seed_issue):
    rosters = [n for n in seed_issue.documents[4].walk() if n.kind == "roster"]
    assert len(rosters) == 28
    assert all(n.first_line == n.last_line for n in rosters)
    assert [n.first_line for n in rosters[:3]] == [519, 521, 523]


def test_dates_and_signatures_are_not_joined(seed_issue):
    for doc in seed_issue.documents:
        kinds = {n.kind: n for n in doc.nodes}
        assert kinds["signature"].first_line == kinds["signature"].last_line
        assert kinds["date"].text.endswith("日")


# ------------------------------------------------------------ small texts
def _paras(text, **kw):
    return [p.text for p in join_lines(split_lines(text), **kw)]


def test_a_cut_word_is_joined_and_a_finished_sentence_is_not():
    text = "一、总体要求\n\n各镇街要全面排查农村生活污\n\n水现状。\n\n二、重点任务\n"
    assert _paras(text) == ["一、总体要求", "各镇街要全面排查农村生活污水现状。", "二、重点任务"]


def test_a_line_starting_with_punctuation_continues():
    assert _paras("建设工程审批系统、“登记\n\n+监管”数据共享，\n\n，实现信息互通。") == \
        ["建设工程审批系统、“登记+监管”数据共享，，实现信息互通。"]


def test_a_note_on_a_line_of_its_own_joins_its_clause():
    text = "1、摸清底数。各镇街要建立台账。\n（区生态环境分局牵头，各镇街配合）\n2、编制规划。\n"
    is_note = lambda s: s.startswith("（") and "牵头" in s  # noqa: E731
    assert _paras(text, is_note=is_note) == [
        "1、摸清底数。各镇街要建立台账。（区生态环境分局牵头，各镇街配合）", "2、编制规划。"]


def test_numbers_dates_and_annex_marks_start_new_paragraphs():
    text = "各部门要加强协作\n（一）强化领导\n附件1:\n2021年9月6日\n"
    assert _paras(text) == ["各部门要加强协作", "（一）强化领导", "附件1:", "2021年9月6日"]


def test_roster_lines_are_kept_one_per_paragraph():
    text = "组 长：邢 军 区委常委\n\n侯 伟 区公安分局局长\n\n成 员：王 琪 区委宣传部副部长\n\n专班办公室设在区工信局。"
    paras = _paras(text, roster_lines=True)
    assert len(paras) == 4
    assert [p.raw for p in join_lines(split_lines(text), roster_lines=True)][1] == "侯 伟 区公安分局局长"


def test_latin_words_cut_at_a_line_end_get_their_space_back():
    assert _paras("支持PC端和mobile\napp办理") == ["支持PC端和mobile app办理"]


@pytest.mark.parametrize("text,expected", [
    ("一、明确改革内容", True),
    ("（二）分类推进治理", True),
    ("2．整治乱堆乱放。", True),
    ("（一）提高认识，加强领导。", True),
    ("（一）实行两张清单管理。在全区范围内严格按照清单实施。", False),
    ("1、全面落实产假及相关政策。督促用人单位落实。", False),
    ("一、各镇人民政府、街道办事处：严格落实属地管理责任。", False),
    ("（1）城镇周边村庄，", False),
    ("没有编号的一句话", False),
    ("第一章 总则", True),
])
def test_is_heading_only(text, expected):
    assert is_heading_only(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("现制定如下实施意见。", True), ("请认真贯彻执行！", True), ("（区财政局牵头）", True),
    ("“双随机、一公开”。”", True), ("要求“当年鉴定。”", True), ("区发改", False), ("《山", False),
    ("", True),
])
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


def test_is_roster_line():
    assert is_roster_line("组 长：邢 军 区委常委、常务副区长")
    assert is_roster_line("侯 伟 区政府党组成员、区公安分局局长")
    assert not is_roster_line("专班办公室设在区工业和信息化局。")


def test_lines_are_kept_in_paragraphs():
    lines = [Line(1, "甲乙", True), Line(3, "丙丁。", True)]
    paras = join_lines(lines)
    assert len(paras) == 1 and paras[0].first_line == 1 and paras[0].last_line == 3
    assert paras[0].raw == "甲乙丙丁。"
