"""Annex duty lists and rosters: the seed's two duty annexes and its roster, and the library's duty lists."""
from __future__ import annotations

import pytest

from models.parse.annexes import parse_duty, parse_roster_line, post_units

from test_notes import NOTES

# 市中政办发〔2021〕15号 附件: "区总工会 负责…" — unit, a space, its duty (read off lines 402–440)
ANNEX_15 = ["区总工会", "团区委", "区妇联", "区发展和改革局", "区教育和体育局", "区民政局", "区财政局",
            "区人力资源和社会保障局", "区自然资源局", "区住房和城乡建设局", "区卫生健康局",
            "区行政审批服务局", "区市场监督管理局", "区税务局", "区公安分局", "区消防救援大队",
            "区计划生育协会"]
# 市中政办字〔2021〕14号 附件2: "八、财政部门：负责…" — sector names (lines 589–625)
ANNEX_Z14 = [
    ("一、", "各镇人民政府、街道办事处", [("各镇人民政府", "各镇人民政府"), ("各街道办事处", "街道办事处")]),
    ("二、", "宣传部门", [("区委宣传部", "宣传部门")]),
    ("三、", "残联", [("区残联", "残联")]),
    ("四、", "教体部门", [("区教育和体育局", "教体部门")]),
    ("五、", "工业和信息化部门", [("区工业和信息化局", "工业和信息化部门")]),
    ("六、", "公安部门", [("区公安分局", "公安部门")]),
    ("七、", "司法行政部门", [("区司法局", "司法行政部门")]),
    ("八、", "财政部门", [("区财政局", "财政部门")]),
    ("九、", "人力资源社会保障部门", [("区人力资源和社会保障局", "人力资源社会保障部门")]),
    ("十、", "交通运输部门", [("区交通运输局", "交通运输部门")]),
    ("十一、", "市场监管部门", [("区市场监督管理局", "市场监管部门")]),
    ("十二、", "信访部门", [("区信访局", "信访部门")]),
    ("十三、", "综合行政执法部门", [("区综合行政执法局", "综合行政执法部门")]),
    ("十四、", "税务部门", [("区税务局", "税务部门")]),
]
# 附件1 roster (lines 519–583): (group, position, person, post, units)
Z = "市中区低速电动车综合整治工作专班"
ROSTER = [
    (Z, "组长", "邢军", "区委常委、常务副区长", []),
    (Z, "组长", "侯伟", "区政府党组成员、区公安分局局长", ["区公安分局"]),
    (Z, "组长", "梁会川", "副区长", []),
    (Z, "成员", "王琪", "区委宣传部副部长、区互联网信息办公室主任", ["区委宣传部", "区互联网信息办公室"]),
    (Z, "成员", "纪成军", "区残联党组成员", ["区残联"]),
    (Z, "成员", "董磊", "区教体局副局长", ["区教育和体育局"]),
    (Z, "成员", "赵敏敏", "区工信局党组成员", ["区工业和信息化局"]),
    (Z, "成员", "刘建坤", "区司法局党组成员", ["区司法局"]),
    (Z, "成员", "王光利", "区财政局副科级干部", ["区财政局"]),
    (Z, "成员", "王继承", "区人社局副局长", ["区人力资源和社会保障局"]),
    (Z, "成员", "孙晋涛", "区交通运输服务中心主任", ["区交通运输服务中心"]),
    (Z, "成员", "邵新宇", "区市场监管局副局长", ["区市场监督管理局"]),
    (Z, "成员", "王平博", "区综合行政执法大队副大队长", ["区综合行政执法局"]),
    (Z, "成员", "王锦田", "区信访局副局长、群众来访服务中心主任", ["区信访局"]),
    (Z, "成员", "李位藻", "区税务局副局长", ["区税务局"]),
    (Z, "成员", "徐巍", "区公安分局副局长", ["区公安分局"]),
    ("生产规范指导组", "组长", "赵敏敏", "区工信局党组成员", ["区工业和信息化局"]),
    ("生产规范指导组", "成员", "王光利", "区财政局副科级干部", ["区财政局"]),
    ("生产规范指导组", "成员", "邵新宇", "区市场监管局副局长", ["区市场监督管理局"]),
    ("市场质量监管组", "组长", "邵新宇", "区市场监管局副局长", ["区市场监督管理局"]),
    ("市场质量监管组", "成员", "赵敏敏", "区工信局党组成员", ["区工业和信息化局"]),
    ("市场质量监管组", "成员", "徐巍", "区公安分局副局长", ["区公安分局"]),
    ("交通秩序整治组", "组长", "徐巍", "区公安分局副局长", ["区公安分局"]),
    ("交通秩序整治组", "成员", "董磊", "区教体局副局长", ["区教育和体育局"]),
    ("交通秩序整治组", "成员", "赵敏敏", "区工信局党组成员", ["区工业和信息化局"]),
    ("交通秩序整治组", "成员", "刘建坤", "区司法局党组成员", ["区司法局"]),
    ("交通秩序整治组", "成员", "孙晋涛", "区交通运输服务中心主任", ["区交通运输服务中心"]),
    ("交通秩序整治组", "成员", "王平博", "区综合行政执法大队副大队长", ["区综合行政执法局"]),
]


def _duties(doc):
    return [n for n in doc.walk() if n.kind == "duty"]


def test_duty_list_with_units_and_spaces(seed_issue):
    duties = _duties(seed_issue.documents[3])
    assert [n.assignments[0].department for n in duties] == ANNEX_15
    assert all(len(n.assignments) == 1 and n.assignments[0].role == "annex" for n in duties)
    finance = duties[6]
    assert finance.path == "附件 区财政局"
    assert finance.full_text == "区财政局负责利用现有资金和政策渠道，对婴幼儿照护服务行业发展予以支持。"
    assert finance.heading.startswith("负责利用现有资金和政策渠道")
    assert (finance.first_line, finance.last_line) == (414, 416)


def test_duty_list_with_sector_names(seed_issue):
    duties = _duties(seed_issue.documents[4])
    got = [(n.label, [(a.department, a.as_written) for a in n.assignments]) for n in duties]
    assert got == [(label, pairs) for label, _, pairs in ANNEX_Z14]
    for node, (label, units, _) in zip(duties, ANNEX_Z14):
        assert node.full_text.startswith(label + units + "：")
        assert node.path == "附件2 " + label


def test_roster(seed_issue):
    rosters = [n for n in seed_issue.documents[4].walk() if n.kind == "roster"]
    got = [(n.roster.group, n.roster.position, n.roster.person, n.roster.post,
            [a.department for a in n.assignments]) for n in rosters]
    assert got == ROSTER
    assert all(a.role == "member" for n in rosters for a in n.assignments)
    assert rosters[0].label == "组长：" and rosters[1].label == ""
    assert rosters[0].path == "附件1 一、组长邢军"


@pytest.mark.parametrize("raw,units,duty", [
    ("区财政局 负责利用现有资金。", ["区财政局"], "负责利用现有资金。"),
    ("八、财政部门：负责经费保障。", ["区财政局"], "负责经费保障。"),
    ("各镇人民政府、街道办事处：严格落实属地责任。", ["各镇人民政府", "各街道办事处"], "严格落实属地责任。"),
    ("区发改局、区财政局：负责资金安排。", ["区发展和改革局", "区财政局"], "负责资金安排。"),
    ("区园林绿化服务中心：负责绿地保洁。", ["区园林绿化服务中心"], "负责绿地保洁。"),
    ("区档案馆 负责档案接收。", ["区档案馆"], "负责档案接收。"),
    ("区卫生健康局负责业务指导。", ["区卫生健康局"], "负责业务指导。"),
])
def test_parse_duty(registry, raw, units, duty):
    entry = parse_duty(raw, registry)
    assert entry is not None
    assert [a.department for a in entry.assignments] == units
    assert entry.duty == duty


@pytest.mark.parametrize("raw", ["专班办公室设在区工业和信息化局。", "为加强组织领导，成立工作专班。",
                                 "一、市中区低速电动车综合整治工作专班"])
def test_no_duty(registry, raw):
    assert parse_duty(raw, registry) is None


def test_parse_roster_line():
    label, entry = parse_roster_line("组 长：邢 军 区委常委、常务副区长", "")
    assert (label, entry.person, entry.post, entry.position) == ("组长：", "邢军", "区委常委、常务副区长", "组长")
    label, entry = parse_roster_line("梁会川 副区长", "组长")
    assert (label, entry.person, entry.post, entry.position) == ("", "梁会川", "副区长", "组长")
    label, entry = parse_roster_line("副组长：王 琪 区委宣传部副部长", "")
    assert entry.position == "副组长"
    assert parse_roster_line("孤字", "成员") is None


def test_post_units(registry):
    got = [(a.department, a.as_written) for a in post_units("区政府党组成员、区公安分局局长", registry)]
    assert got == [("区公安分局", "区公安分局")]
    assert post_units("副区长", registry) == []


# ----------------------------------------------------------- library duty lists
def _expected_note_entries(department):
    return {(d, p): [r for u, r in pairs if u == department] for d, p, _, pairs in NOTES
            if any(u == department for u, _ in pairs)}


@pytest.mark.parametrize("aliases", [
    ("区财政局", "财政部门", "区财政部门", "区 财政局"),
    ("区发展和改革局", "区发改委", "区发展和改革委员会", "区发改局", "发展改革部门"),
    ("区人力资源和社会保障局", "区人社局", "人力资源社会保障部门"),
    ("区残联", "残联", "区残疾人联合会"),
    ("区委宣传部", "宣传部门"),
    ("区市场监督管理局", "区市场监管局", "市场监管部门"),
])
def test_duties_asked_for_by_any_alias(seed_library, aliases):
    results = [seed_library.duties(name) for name in aliases]
    canonical = aliases[0]
    for dept, entries in results:
        assert dept.name == canonical
        assert [e.key for e in entries] == [e.key for e in results[0][1]]


def test_duties_of_the_finance_bureau(seed_library):
    """Every entry, derived from the hand-made tables, not from the parser."""
    dept, entries = seed_library.duties("财政部门")
    notes = _expected_note_entries("区财政局")
    assert len(notes) == 10
    by_doc_path = {(e.doc_number, e.path): e.role for e in entries}
    for key, roles in notes.items():
        assert by_doc_path[key] == roles[0]
    annex = [e for e in entries if e.role == "annex"]
    assert [(e.doc_number, e.path) for e in annex] == [
        ("市中政办发〔2021〕15号", "附件 区财政局"), ("市中政办字〔2021〕14号", "附件2 八、")]
    members = [e for e in entries if e.role == "member"]
    assert len(members) == sum(1 for r in ROSTER if "区财政局" in r[4]) == 2
    assert len(entries) == 10 + 2 + 2
    assert not any(e.role == "general" for e in entries)
    assert [e.doc_number for e in entries] == sorted(
        (e.doc_number for e in entries),
        key=["市中政发〔2021〕16号", "市中政办发〔2021〕13号", "市中政办发〔2021〕14号",
             "市中政办发〔2021〕15号", "市中政办字〔2021〕14号"].index)


def test_general_entries_only_when_asked(seed_library):
    _, plain = seed_library.duties("区民政局")
    _, everything = seed_library.duties("区民政局", include_general=True)
    generals = [e for e in everything if e.role == "general"]
    assert not any(e.role == "general" for e in plain)
    # 28 general notes; 区民政局 leads one of them (六、21.), where its lead role wins
    assert len(generals) == 27
    assert len(everything) == len(plain) + 27


def test_collective_units_reach_their_members(seed_library):
    _, entries = seed_library.duties("各镇人民政府")
    via = [e for e in entries if e.via]
    assert via and all(e.via == "各镇街" for e in via)
    # 各镇街 is named in 16 notes/annex entries of 14号 and 15号 (counted from the table)
    assert len(via) == sum(1 for _, _, _, pairs in NOTES if ("各镇街", "support") in pairs
                           or ("各镇街", "responsible") in pairs)
    direct = [e for e in entries if not e.via]
    assert {e.role for e in direct} == {"support", "annex"}
