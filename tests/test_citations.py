"""Cited documents: 《…》 with an optional 文号, and short forms."""
from __future__ import annotations

from models.parse.references import abbreviations, find_references


def _refs(text):
    return [(r.title, r.doc_number) for r in find_references(text)]


def test_titles_with_and_without_numbers():
    text = ("为贯彻落实《山东省人民政府印发关于全面深化“证照分离”改革工作实施方案的通知》（鲁政发〔2021〕11号）、"
            "《枣庄市人民政府关于全面深化“证照分离”改革工作的实施意见》（枣政发〔2021〕8号）要求，按照《清单》。")
    assert _refs(text) == [
        ("山东省人民政府印发关于全面深化“证照分离”改革工作实施方案的通知", "鲁政发〔2021〕11号"),
        ("枣庄市人民政府关于全面深化“证照分离”改革工作的实施意见", "枣政发〔2021〕8号"),
        ("清单", None)]


def test_number_forms_are_canonical():
    for written in ("(鲁商字[2021]85号)", "（鲁商字【2021】85号）", "（鲁商字〔２０２１〕８５号）",
                    "(鲁商字(2021)85号)"):
        assert _refs("落实《关于规范二手车流通的通知》" + written) == \
            [("关于规范二手车流通的通知", "鲁商字〔2021〕85号")], written


def test_each_title_once_and_short_forms_skipped():
    text = "未列入《道路机动车辆生产企业及产品公告》（以下简称《公告》），按《公告》和《公告》管理。"
    assert _refs(text) == [("道路机动车辆生产企业及产品公告", None)]
    assert abbreviations(text) == {"公告"}


def test_titles_with_brackets_inside():
    assert _refs("根据《托育机构设置标准（试行）》和《托育机构管理规范（试行）》") == [
        ("托育机构设置标准（试行）", None), ("托育机构管理规范（试行）", None)]


def test_seed_references(seed_issue):
    refs = {(d.doc_number, n.path): [(r.title, r.doc_number) for r in n.references]
            for d in seed_issue.documents for n in d.walk() if n.references}
    assert refs[("市中政发〔2021〕16号", "第1段")] == [
        ("山东省人民政府印发关于全面深化“证照分离”改革工作实施方案的通知", "鲁政发〔2021〕11号"),
        ("枣庄市人民政府关于全面深化“证照分离”改革工作的实施意见", "枣政发〔2021〕8号")]
    assert refs[("市中政办发〔2021〕14号", "四、18.")] == [
        ("关于规范二手车流通企业备案推进二手车交易登记跨省通办便利二手车异地交易的通知", "鲁商字〔2021〕85号"),
        ("关于有序推进报废机动车回收拆解企业增设的通知", "鲁商字〔2021〕53号")]
    # 《公告》 is a short form defined in the plan (以下简称《公告》): no citation in annex 2 either
    titles = [t for key, pairs in refs.items() if key[0] == "市中政办字〔2021〕14号" for t, _ in pairs]
    assert "公告" not in titles
    assert "道路机动车辆生产企业及产品准入管理办法" in titles
    numbered = sorted(n for pairs in refs.values() for _, n in pairs if n)
    assert numbered == sorted(["鲁政发〔2021〕11号", "枣政发〔2021〕8号", "鲁政办发〔2021〕12号",
                               "枣政办发〔2021〕9号", "鲁商字〔2021〕85号", "鲁商字〔2021〕53号",
                               "鲁政办发〔2020〕9号", "枣政办发〔2020〕12号"])
