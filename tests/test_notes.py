"""Responsibility notes: all 61 of the seed, pinned by hand from the published lines."""
from __future__ import annotations

import pytest

from models.parse.notes import looks_like_note, parse_note, split_trailing_note
from models.parse.sources.text import decode
from models.textnorm import nonblank

OFFICE, MARKET, JUSTICE = "区政府办公室", "区市场监督管理局", "区司法局"
APPROVAL, BIGDATA, DRC, FIN = "区行政审批服务局", "区大数据中心", "区发展和改革局", "区财政局"
WATER, NATRES, ECO, TOWNS = "区城乡水务局", "区自然资源局", "区生态环境分局", "各镇人民政府"
HRSS, CIVIL, EDU, AGRI = "区人力资源和社会保障局", "区民政局", "区教育和体育局", "区农业农村局"
COMMERCE, VETS, FINREG, TAX = "区商务和投资促进局", "区退役军人事务局", "区地方金融监督管理局", "区税务局"
MEDINS, POWER, INDUS, HOUSING = "区医疗保障局", "市中供电中心", "区工业和信息化局", "区住房和城乡建设局"
ZJ, TRANSPORT, CULTURE, POLICE = "各镇街", "区交通运输局", "区文化和旅游局", "区公安分局"
HEALTH, DISABLED, WOMEN, UNION = "区卫生健康局", "区残联", "区妇联", "区总工会"
YOUTH, FAMILY, EMERG, FIRE = "团区委", "区计划生育协会", "区应急管理局", "区消防救援大队"
G = ("", "general")


def L(*units):  # noqa: N802 - lead
    return [(u, "lead") for u in units]


def S(*units):  # noqa: N802 - support
    return [(u, "support") for u in units]


def R(*units):  # noqa: N802 - responsible
    return [(u, "responsible") for u in units]


D16, D13, D14 = "市中政发〔2021〕16号", "市中政办发〔2021〕13号", "市中政办发〔2021〕14号"
D15 = "市中政办发〔2021〕15号"

# (文号, path, source line where the note ends, [(department, role), …]) — read off the seed.
NOTES = [
    (D16, "一、（一）", 78, L(OFFICE, MARKET, JUSTICE) + [G]),
    (D16, "一、（二）", 82, L(OFFICE, MARKET) + [G]),
    (D16, "二、（一）", 88, L(APPROVAL, MARKET, BIGDATA) + [G]),
    (D16, "二、（二）", 90, L(BIGDATA) + [G]),
    (D16, "三、（一）", 96, L(OFFICE, MARKET) + [G]),
    (D16, "三、（二）", 100, L(MARKET, DRC) + [G]),
    (D16, "三、（三）", 102, L(MARKET) + [G]),
    (D16, "三、（四）", 104, L(BIGDATA) + [G]),
    (D16, "四、第1段", 108, L(JUSTICE) + [G]),
    (D13, "二、（一）", 150, L(FIN) + S(WATER)),
    (D13, "二、（二）", 152, L(WATER) + S(NATRES, ECO, TOWNS)),
    (D13, "二、（三）", 154, L(WATER) + S(HRSS, TOWNS)),
    (D13, "二、（四）", 158, L(WATER) + S(BIGDATA, TOWNS)),
    (D13, "三、（一）", 162, L(WATER) + S(FIN, TOWNS)),
    (D13, "三、（二）", 166, L(WATER) + S(DRC, FIN, NATRES, ECO, TOWNS)),
    (D13, "三、（三）", 168, L(WATER) + S(TOWNS)),
    (D14, "一、1.", 194, L(HRSS) + S(MARKET)),
    (D14, "一、2.", 198, L(HRSS) + S(CIVIL, FIN)),
    (D14, "一、3.", 202, L(FIN, HRSS) + S(EDU, AGRI, COMMERCE, VETS, FINREG)),
    (D14, "二、4.", 208, R(FIN, TAX)),
    (D14, "二、5.", 210, L(DRC) + S(HRSS, MEDINS, BIGDATA, FINREG, TAX, POWER)),
    (D14, "二、6.", 214, L(MARKET) + [G]),
    (D14, "二、7.", 216, R(DRC, MARKET, APPROVAL)),
    (D14, "二、8.", 220, L(MARKET) + [G]),
    (D14, "二、9.", 222, L(MARKET) + [G]),
    (D14, "三、10.", 228, L(APPROVAL, NATRES) + [G]),
    (D14, "三、11.", 230, L(APPROVAL) + [G]),
    (D14, "三、12.", 234, L(NATRES) + S(DRC, INDUS, COMMERCE, APPROVAL, ECO, HOUSING, ZJ)),
    (D14, "三、13.", 236, L(APPROVAL) + [G]),
    (D14, "四、14.", 240, L(MARKET) + [G]),
    (D14, "四、15.", 242, L(MARKET) + [G]),
    (D14, "四、16.", 244, L(DRC, TRANSPORT, COMMERCE) + [G]),
    (D14, "四、17.", 246, L(CULTURE) + [G]),
    (D14, "四、18.", 248, L(COMMERCE) + S(POLICE, APPROVAL)),
    (D14, "五、19.", 252, L(DRC, COMMERCE) + [G]),
    (D14, "五、20.", 256, L(COMMERCE) + S(FINREG)),
    (D14, "六、21.", 260, L(CIVIL) + [G]),
    (D14, "六、22.", 264, L(HEALTH, MEDINS) + [G]),
    (D14, "六、23.", 266, L(CIVIL) + S(HRSS, MEDINS, DISABLED)),
    (D14, "六、24.", 272, L(APPROVAL, JUSTICE, BIGDATA) + [G]),
    (D14, "七、25.", 276, L(OFFICE) + [G]),
    (D14, "七、26.", 280, L(MARKET, BIGDATA) + [G]),
    (D14, "七、27.", 282, L(JUSTICE) + [G]),
    (D14, "八、28.", 288, L(OFFICE, APPROVAL, BIGDATA) + [G]),
    (D14, "八、29.", 292, [G]),
    (D15, "二、（一）1.", 336, R(HRSS, HEALTH, WOMEN, UNION, ZJ)),
    (D15, "二、（一）2.", 338, R(HEALTH, EDU, UNION, YOUTH, WOMEN, FAMILY)),
    (D15, "二、（一）3.", 340, R(HEALTH, FAMILY)),
    (D15, "二、（二）1.", 344, R(NATRES, HEALTH, DRC, CIVIL, APPROVAL, ZJ)),
    (D15, "二、（二）2.", 348, R(NATRES, HEALTH, HOUSING, ZJ)),
    (D15, "二、（三）1.", 352, R(EDU, HEALTH, FIN)),
    (D15, "二、（三）2.", 356, R(UNION, HEALTH, WOMEN, MARKET)),
    (D15, "二、（三）3.", 358, R(HEALTH, WOMEN, FAMILY, ZJ)),
    (D15, "二、（三）4.", 360, R(DRC, HEALTH, CIVIL, FIN, HRSS, NATRES, TAX, ZJ)),
    (D15, "二、（三）5.", 364, R(CIVIL, HEALTH, WOMEN, ZJ)),
    (D15, "二、（四）1.", 368, R(HEALTH, EDU, APPROVAL)),
    (D15, "二、（四）2.", 372, R(HEALTH, MARKET)),
    (D15, "二、（四）3.", 374, R(HEALTH, POLICE, CIVIL, HOUSING, EMERG, FIRE, MARKET)),
    (D15, "二、（五）1.", 378, R(DRC, EDU, FIN, TAX, HRSS, NATRES, HOUSING, ZJ)),
    (D15, "二、（五）2.", 380, R(FIN, CIVIL, ZJ)),
    (D15, "二、（五）3.", 384, R(EDU, HRSS, HEALTH, WOMEN, UNION, ZJ)),
]


def _noted(issue):
    return {(d.doc_number, n.path): n for d in issue.documents for n in d.walk() if n.note}


def test_the_table_has_all_61_notes():
    assert len(NOTES) == 61
    assert len({(d, p) for d, p, _, _ in NOTES}) == 61


def test_the_parser_finds_exactly_these_notes(seed_issue):
    assert set(_noted(seed_issue)) == {(d, p) for d, p, _, _ in NOTES}


@pytest.mark.parametrize("doc_number,path,line,expected", NOTES,
                         ids=[f"{d[-5:]}-{p}" for d, p, _, _ in NOTES])
def test_note(seed_issue, seed_bytes, doc_number, path, line, expected):
    node = _noted(seed_issue)[(doc_number, path)]
    assert node.last_line == line
    # the note is the bracket that ends the published lines of the clause
    published = "".join(decode(seed_bytes).split("\n")[node.first_line - 1:line])
    assert nonblank(published).endswith(nonblank(node.note))
    assert node.note[0] in "（(" and node.note[-1] in "）)"
    assert [(a.department, a.role) for a in node.assignments] == expected


def test_aliases_are_kept_as_written(seed_issue):
    written = {(n.path, a.as_written): a.department for d in seed_issue.documents
               for n in d.walk() for a in n.assignments}
    assert written[("三、（二）", "区发改局")] == DRC
    assert written[("二、5.", "区发展和改革委员会")] == DRC
    assert written[("一、3.", "区教体局")] == EDU
    assert written[("一、3.", "区商务局")] == COMMERCE
    assert written[("二、5.", "区医保局")] == MEDINS
    assert written[("二、5.", "区地方金融监管局")] == FINREG
    assert written[("八、29.", "各级各部门")] == ""


def test_role_counts(seed_issue):
    roles = [a.role for d in seed_issue.documents for n in d.walk() if n.note for a in n.assignments]
    expected = [role for _, _, _, pairs in NOTES for _, role in pairs]
    assert sorted(roles) == sorted(expected)
    assert expected.count("general") == 28  # 9 in 16号, 19 in 14号


def test_clauses_without_a_note_have_none(seed_issue):
    by_line = {n.first_line: n for d in seed_issue.documents for n in d.walk()}
    for line in (112, 140, 144, 294, 388, 390, 394, 494, 500):
        assert by_line[line].note == "" and by_line[line].assignments == []


# ------------------------------------------------------- parse_note alone
@pytest.mark.parametrize("note,expected", [
    ("（区市场监管局牵头，区政府有关部门按职责分工负责）", [(MARKET, "lead"), G]),
    ("（区城乡水务局牵头，区财政局、各镇人民政府配合）",
     [(WATER, "lead"), (FIN, "support"), (TOWNS, "support")]),
    ("（区人力资源和社会保障局牵头，区民政局、区财政局等有关部门按职责分工负责）",
     [(HRSS, "lead"), (CIVIL, "support"), (FIN, "support")]),
    ("（区财政局、区税务局等有关部门按职责分工负责）", [(FIN, "responsible"), (TAX, "responsible")]),
    ("（责任单位：区卫生健康局、区妇联、各镇街）",
     [(HEALTH, "responsible"), (WOMEN, "responsible"), (ZJ, "responsible")]),
    ("（各级各部门按职责分工负责）", [G]),
    ("(牵头单位:区财政局;配合单位:区税务局、区发改委)",
     [(FIN, "lead"), (TAX, "support"), (DRC, "support")]),
    ("（牵头单位：区生态环境分局；责任单位：各镇人民政府、各街道办事处）",
     [(ECO, "lead"), (TOWNS, "support"), ("各街道办事处", "support")]),
    ("（区住房和城乡建设局和各镇街按职责分工负责）", [(HOUSING, "responsible"), (ZJ, "responsible")]),
    ("（区发展和改革局牵头）", [(DRC, "lead")]),
    ("（区财政局牵头，区审计局协助）", [(FIN, "lead"), ("区审计局", "support")]),
])
def test_parse_note(registry, note, expected):
    assert [(a.department, a.role) for a in parse_note(note, registry)] == expected
    assert looks_like_note(note, registry)


@pytest.mark.parametrize("text", [
    "（见附件1）", "（以下简称婴幼儿）", "（2021年10月至2022年2月）", "（含专科、高职毕业生）",
    "（此件公开发布）", "（工种）", "（法律法规对检查方式有明确规定的除外）",
    "（企业负责人员要在现场负责）",
])
def test_brackets_that_are_no_notes(registry, text):
    assert not looks_like_note(text, registry)


def test_split_trailing_note():
    assert split_trailing_note("做好工作。（区财政局牵头）") == ("做好工作。", "（区财政局牵头）")
    assert split_trailing_note("小（1）型水库(区财政局(本级)负责)") == ("小（1）型水库", "(区财政局(本级)负责)")
    assert split_trailing_note("没有括号。") is None
    assert split_trailing_note("不配对）") is None
