"""The department registry: every unit of the seed resolves; malformed data gives Chinese messages."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import BadRegistryError
from models.registry import load_registry

from test_annexes import ANNEX_Z14, ROSTER
from test_notes import NOTES

CONTENT = Path(__file__).resolve().parent.parent / "content"

# Every unit the seed names, as written (notes, annexes, roster posts, 抄送 lines, addressees).
WRITTEN = {
    "区政府办公室": "区政府办公室", "区市场监管局": "区市场监督管理局", "区司法局": "区司法局",
    "区行政审批服务局": "区行政审批服务局", "区行政审批局": "区行政审批服务局", "区大数据中心": "区大数据中心",
    "区发改局": "区发展和改革局", "区发展和改革委员会": "区发展和改革局", "区发展和改革局": "区发展和改革局",
    "发展改革部门": "区发展和改革局", "区财政局": "区财政局", "区城乡水务局": "区城乡水务局",
    "区级水行政主管部门": "区城乡水务局", "区自然资源局": "区自然资源局", "区生态环境分局": "区生态环境分局",
    "各镇人民政府": "各镇人民政府", "区人力资源和社会保障局": "区人力资源和社会保障局",
    "区人社局": "区人力资源和社会保障局", "区民政局": "区民政局", "区教体局": "区教育和体育局",
    "区教育和体育局": "区教育和体育局", "区农业农村局": "区农业农村局", "区商务局": "区商务和投资促进局",
    "区商务和投资促进局": "区商务和投资促进局", "区退役军人事务局": "区退役军人事务局",
    "区地方金融监管局": "区地方金融监督管理局", "区税务局": "区税务局", "区医保局": "区医疗保障局",
    "市中供电中心": "市中供电中心", "区工业和信息化局": "区工业和信息化局", "区工信局": "区工业和信息化局",
    "区住房和城乡建设局": "区住房和城乡建设局", "各镇街": "各镇街", "区交通运输局": "区交通运输局",
    "区文化和旅游局": "区文化和旅游局", "区公安分局": "区公安分局", "区卫生健康局": "区卫生健康局",
    "区残联": "区残联", "区妇联": "区妇联", "区总工会": "区总工会", "团区委": "团区委",
    "区计划生育协会": "区计划生育协会", "区应急管理局": "区应急管理局", "区消防救援大队": "区消防救援大队",
    "区委宣传部": "区委宣传部", "区互联网信息办公室": "区互联网信息办公室",
    "区交通运输服务中心": "区交通运输服务中心", "区综合行政执法大队": "区综合行政执法局",
    "区信访局": "区信访局", "群众来访服务中心": "区信访局", "区监察委": "区监察委员会",
    "区法院": "区人民法院", "区检察院": "区人民检察院", "市人大常委会办公室": "市人大常委会办公室",
    "区政协办公室": "区政协办公室", "各街道办事处": "各街道办事处", "街道办事处": "各街道办事处",
    "卫生健康部门": "区卫生健康局", "税务部门": "区税务局", "市场监管部门": "区市场监督管理局",
}


@pytest.mark.parametrize("written,canonical", sorted(WRITTEN.items()))
def test_every_unit_named_in_the_seed_resolves(registry, written, canonical):
    dept = registry.resolve(written)
    assert dept is not None, written
    assert dept.name == canonical and dept.known


def test_units_of_the_golden_tables_are_canonical_names(registry):
    names = {u for _, _, _, pairs in NOTES for u, _ in pairs if u}
    names |= {dept for _, _, pairs in ANNEX_Z14 for dept, _ in pairs}
    names |= {u for *_, units in ROSTER for u in units}
    assert names <= set(registry.departments)


def test_the_seed_has_no_unknown_unit(seed_issue):
    assert seed_issue.unknown_units == []


def test_width_and_spaces_do_not_matter(registry):
    assert registry.resolve("区 财政 局").name == "区财政局"
    assert registry.resolve("各镇(街道)").name == "各镇街"


def test_general_phrases(registry):
    assert registry.is_general("区政府有关部门") and registry.is_general("各级各部门")
    assert not registry.is_general("区财政局")


def test_heads_are_read_after_the_place_and_level(registry):
    # how units begin after a level word (民政 of 区民政局), read off the registry's names:
    # not the places some names begin with (市中区人民政府办公室, 枣庄市公安局市中分局,
    # 市中供电中心), general words (各镇人民政府) or party organs (区委宣传部, 团区委)
    heads = registry.rules.heads
    assert {"民政", "财政", "公安", "供电", "宣传"} <= heads
    assert not {"中区", "枣庄", "中供", "各镇", "委宣", "团区"} & heads
    assert registry.rules.leading_level("市民政局") == "市"
    assert registry.rules.leading_level("市民中心") == ""


def test_an_unknown_name_gets_close_suggestions(registry):
    assert registry.resolve("区发改") is None
    assert "区发展和改革局" in registry.suggest("区发改")


def test_copy_is_independent(registry):
    copy = registry.copy()
    copy.with_unknown("区园林绿化服务中心")
    assert registry.resolve("区园林绿化服务中心") is None
    assert copy.resolve("区园林绿化服务中心").known is False


def _write(tmp_path, departments, roles=None):
    d = tmp_path / "departments.toml"
    r = tmp_path / "roles.toml"
    d.write_text(departments, encoding="utf-8")
    r.write_text(roles if roles is not None else (CONTENT / "roles.toml").read_text("utf-8"),
                 encoding="utf-8")
    return d, r


def test_the_content_registry_loads():
    reg = load_registry(CONTENT / "departments.toml", CONTENT / "roles.toml")
    assert len(reg.departments) == 46
    assert reg.resolve("各镇人民政府").part_of == ("各镇街",)


@pytest.mark.parametrize("text,needle", [
    ('[[department]]\nname = "区财政局"\naliases = ["财政部门"\n', "格式有误"),
    ('[[department]]\naliases = ["财政部门"]\n', "缺少名称"),
    ('[[department]]\nname = "区财政局"\naliases = "财政部门"\n', "文字列表"),
    ('[[department]]\nname = "区财政局"\n[[department]]\nname = "区财政局"\n', "重复"),
    ('[[department]]\nname = "各镇人民政府"\npart_of = ["各镇街"]\n', "不存在"),
])
def test_malformed_registry_is_a_chinese_error(tmp_path, text, needle):
    d, r = _write(tmp_path, text)
    with pytest.raises(BadRegistryError) as info:
        load_registry(d, r)
    assert needle in str(info.value)


def test_duplicate_alias_is_detected(tmp_path):
    d, r = _write(tmp_path, '[[department]]\nname = "区财政局"\naliases = ["财政部门"]\n'
                            '[[department]]\nname = "区税务局"\naliases = ["财 政部门"]\n')
    with pytest.raises(BadRegistryError) as info:
        load_registry(d, r)
    assert "同时属于" in str(info.value) and "区财政局" in str(info.value)


def test_alias_equal_to_another_name_is_detected(tmp_path):
    d, r = _write(tmp_path, '[[department]]\nname = "区财政局"\n'
                            '[[department]]\nname = "区税务局"\naliases = ["区财政局"]\n')
    with pytest.raises(BadRegistryError):
        load_registry(d, r)


def test_malformed_roles_file(tmp_path):
    d, r = _write(tmp_path, '[[department]]\nname = "区财政局"\n', 'lead = "牵头"\n')
    with pytest.raises(BadRegistryError) as info:
        load_registry(d, r)
    assert "roles.toml" in str(info.value)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(BadRegistryError) as info:
        load_registry(tmp_path / "nope.toml", CONTENT / "roles.toml")
    assert "找不到" in str(info.value)
    bad = tmp_path / "gbk.toml"
    bad.write_bytes('name = "区财政局"'.encode("gbk"))
    with pytest.raises(BadRegistryError):
        load_registry(bad, CONTENT / "roles.toml")


def test_a_broken_content_registry_makes_the_cli_fail_cleanly(tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("issues"))
    (content / "issues").mkdir()
    (content / "departments.toml").write_text("[[department]\n", encoding="utf-8")
    env = dict(os.environ, GAZETTE_CONTENT_DIR=str(content), GAZETTE_USER_DATA=str(tmp_path / "u"),
               GAZETTE_CACHE_DIR=str(tmp_path / "c"))
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, str(root / "main.py"), "documents"], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 2
    assert "部门名录文件格式有误" in proc.stderr and "Traceback" not in proc.stderr
