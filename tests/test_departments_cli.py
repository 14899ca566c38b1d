"""The 部门名录 from the command line, in a library of several governments: who a name is,
and amending it where the official is (kept in the user data folder, applied at once)."""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from tests.cli_runner import run, run_json, user_env

FORMS = ROOT / "tests" / "fixtures" / "duty_forms"


@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)


@pytest.fixture()
def two_governments(env, tmp_path):
    """The user's library: the seed (市中区) and a document of 青川区."""
    proc = run(env, "import", FORMS / "section_colon_qingchuan.txt")
    assert proc.returncode == 0, proc.stderr
    return env


def test_departments_and_documents_say_their_government(two_governments):
    env = two_governments
    departments = run_json(env, "departments")
    governments = {d["government"] for d in departments if d["counts"]}
    assert governments == {"市中区", "青川区"}
    fin = [d for d in departments if d["name"].endswith("财政局") and d["counts"]]
    assert {(d["government"], d["name"]) for d in fin} == {("市中区", "区财政局"),
                                                         ("青川区", "青川区财政局")}
    docs = run_json(env, "documents")
    qingchuan = next(d for d in docs if d["government"] == "青川区")
    assert qingchuan["doc_number"] == "青政办发〔2022〕070号"  # as published
    assert qingchuan["issuers"] == ["青川区人民政府办公室"]
    assert {d["government"] for d in docs} == {"市中区", "青川区"}
    text = run(env, "departments").stdout
    assert "【市中区】" in text and "【青川区】" in text


def test_a_name_of_several_governments_asks_which(two_governments):
    env = two_governments
    proc = run(env, "duties", "区财政局")
    assert proc.returncode == 2
    assert "市中区：区财政局" in proc.stderr and "青川区：青川区财政局" in proc.stderr
    assert "--government" in proc.stderr
    for written in ("青川区", "江宁市青川区"):
        out = run_json(env, "duties", "区财政局", "--government", written)
        assert out["government"] == "青川区" and out["department"] == "青川区财政局"
        assert [e["form"] for e in out["entries"]] == ["section"]
    mine = run_json(env, "duties", "区财政局", "--government", "枣庄市市中区")
    assert mine["department"] == "区财政局" and len(mine["entries"]) == 14
    proc = run(env, "duties", "区财政局", "--government", "某某县")
    assert proc.returncode == 2 and "找不到政府“某某县”" in proc.stderr


def test_an_alias_merges_a_unit_at_once_and_for_every_rebuild(two_governments, tmp_path):
    env = two_governments
    before = run_json(env, "duties", "青川区城市管理委员会")["entries"]
    assert before
    proc = run(env, "departments", "alias", "区城管委", "青川区应急管理局",
               "--government", "青川区")
    assert proc.returncode == 0, proc.stderr
    assert "已把“青川区城市管理委员会”并入“青川区应急管理局”（青川区" in proc.stdout
    merged = run_json(env, "duties", "青川区应急管理局")["entries"]
    assert {e["key"] for e in before} <= {e["key"] for e in merged}
    gone = run(env, "duties", "青川区城市管理委员会")
    assert gone.returncode == 0 and "青川区应急管理局" in gone.stdout  # the old name is an alias now
    saved = (tmp_path / "user" / "registry.toml").read_text(encoding="utf-8")
    assert 'name = "青川区城市管理委员会"' in saved and 'to = "青川区应急管理局"' in saved
    # a new version of the app rebuilds the library: the amendment holds
    (tmp_path / "user" / "library.content").write_text("an older app", encoding="utf-8")
    rebuilt = run_json(env, "duties", "青川区应急管理局")["entries"]
    assert {e["key"] for e in rebuilt} == {e["key"] for e in merged}


def test_rename_and_collective(two_governments):
    env = two_governments
    proc = run(env, "departments", "rename", "青川区人民防空办公室", "青川区国防动员办公室")
    assert proc.returncode == 0, proc.stderr
    assert run_json(env, "duties", "区人防办", "--government", "青川区")["department"] == \
        "青川区国防动员办公室"
    proc = run(env, "departments", "collective", "各街道办事处", "--government", "青川区")
    assert proc.returncode == 0, proc.stderr
    kinds = {d["name"]: d["kind"] for d in run_json(env, "departments", "--government", "青川区")}
    assert kinds["青川区各街道办事处"] == "集体单位"


def test_a_bad_amendment_exits_2_and_keeps_nothing(two_governments, tmp_path):
    env = two_governments
    proc = run(env, "departments", "alias", "区城管委", "青川区没有的局", "--government", "青川区")
    assert proc.returncode == 2 and "找不到部门" in proc.stderr
    assert not (tmp_path / "user" / "registry.toml").exists()
    proc = run(env, "departments", "alias", "只有一个名字")
    assert proc.returncode == 2 and "用法" in proc.stderr


def test_a_rename_to_the_same_name_is_refused_before_anything_is_touched(tmp_path):
    """An input check: said at once, with no amendment kept, no lock taken, no library
    opened (the library here does not even exist)."""
    from models.errors import GazetteError
    from models.registry.amendments import Amendment
    from models.store.amend import amend
    item = Amendment("rename", "青川区", "青川区财政局", "青川区 财政局")
    with pytest.raises(GazetteError, match="与原名称相同，无需改名"):
        amend(tmp_path / "library.sqlite", tmp_path / "user", item)
    assert list(tmp_path.iterdir()) == []


def test_a_unit_is_not_merged_into_itself(two_governments, tmp_path):
    env = two_governments
    for name in ("青川区城市管理委员会", "区城管委"):  # its name, or one of its aliases
        proc = run(env, "departments", "alias", name, "青川区城市管理委员会", "--government", "青川区")
        assert proc.returncode == 2, proc.stdout
        assert "不能把一个单位并入它自己" in proc.stderr
    assert not (tmp_path / "user" / "registry.toml").exists()
    assert run_json(env, "duties", "青川区城市管理委员会")["entries"]


def test_a_government_is_named_whole_never_by_a_fragment(two_governments):
    env = two_governments
    for fragment in ("川区", "青川", "区"):
        proc = run(env, "duties", "区财政局", "--government", fragment)
        assert proc.returncode == 2 and f"找不到政府“{fragment}”" in proc.stderr, fragment
    out = run_json(env, "duties", "区财政局", "--government", "上海市青川区")
    assert out["department"] == "青川区财政局"


def test_a_unit_named_after_its_government(two_governments):
    env = two_governments
    out = run_json(env, "duties", "青川区人防办")  # 区人防办 as 青川区's documents write it
    assert (out["government"], out["department"]) == ("青川区", "青川区人民防空办公室")
    out = run_json(env, "duties", "市中区财政局")  # the home registry's 区财政局
    assert (out["government"], out["department"]) == ("市中区", "区财政局")
    assert len(out["entries"]) == 14


def test_departments_counts_are_the_duty_lists(two_governments):
    """The counts `departments` gives (the picker's: collectives' clauses included) are the
    entries of the unit's duty list, by role; the printed list says what it leaves out."""
    env = two_governments
    towns = next(d for d in run_json(env, "departments") if d["name"] == "各镇人民政府")
    entries = run_json(env, "duties", "各镇人民政府", "--government", "市中区")["entries"]
    assert towns["counts"] == dict(Counter(e["role"] for e in entries))
    assert towns["total"] == len(entries) == 17
    assert any(e.get("via") == "各镇街" for e in entries)
    text = run(env, "departments", "--government", "市中区").stdout
    assert "各镇人民政府（镇街）：17 条（责任 9，配合 7，附件职责 1）" in text
    printed = run(env, "duties", "各镇人民政府", "--government", "市中区").stdout
    expired = sum(e["expired"] for e in entries)
    assert f"共 {17 - expired} 项任务" in printed and f"已失效公文 {expired} 项未列入" in printed


def test_search_within_a_department_of_one_government(two_governments):
    env = two_governments
    proc = run(env, "search", "负责", "--department", "区财政局")
    assert proc.returncode == 2 and "--government" in proc.stderr  # two governments have one
    theirs = run_json(env, "search", "负责", "--department", "区财政局", "--government", "青川区")
    mine = run_json(env, "search", "负责", "--department", "区财政局", "--government", "市中区")
    assert theirs["hits"] and {h["doc_number"] for h in theirs["hits"]} == {"青政办发〔2022〕070号"}
    assert mine["hits"] and "青政办发〔2022〕070号" not in {h["doc_number"] for h in mine["hits"]}
