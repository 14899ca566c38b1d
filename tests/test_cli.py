"""The scripting contract of main.py, run as a user runs it: in a subprocess."""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED
from tests.cli_runner import run, run_json, user_env


@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)


def _sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ------------------------------------------------------------ reading
def test_documents_json(env, seed_library_path):
    docs = run_json(env, "documents", "--library", seed_library_path)
    assert [d["doc_number"] for d in docs] == ["市中政发〔2021〕16号", "市中政办发〔2021〕13号",
                                               "市中政办发〔2021〕14号", "市中政办发〔2021〕15号",
                                               "市中政办字〔2021〕14号"]
    for d in docs:
        assert {"doc_number", "title", "issuer", "date", "category", "valid_until", "issue"} <= set(d)
        assert d["issue"] == "2021年第5期"
        assert len(d["date"]) == 10 and d["date"].startswith("2021-")
    assert docs[4]["valid_until"] == "2023-12-31" and docs[0]["valid_until"] is None
    assert docs[0]["category"] == "区政府文件" and docs[0]["issuer"] == "市中区人民政府"


def test_documents_without_library_builds_the_default_in_the_cache(env, tmp_path):
    docs = run_json(env, "documents")
    assert len(docs) == 5
    assert list((tmp_path / "cache").glob("library-*.sqlite"))
    assert not (tmp_path / "user").exists()


def test_search_json(env, seed_library_path):
    data = run_json(env, "search", "市中政办发[２０２１]１４", "--library", seed_library_path)
    assert data["query"] == "市中政办发[２０２１]１４"
    assert data["hits"][0]["doc_number"] == "市中政办发〔2021〕14号"
    for hit in data["hits"]:
        assert set(hit) == {"doc_number", "key", "path", "heading", "snippet", "page", "page_label"}
        assert hit["page"] is None  # a text import has no pages
    data = run_json(env, "search", "托育", "--department", "区妇联", "--library", seed_library_path)
    assert data["hits"] and all("<mark>托育</mark>" in h["snippet"] for h in data["hits"])


@pytest.mark.parametrize("args, said", [
    (["--limit", "0"], "--limit 应为正整数（收到 0）"),
    (["--limit", "-3"], "--limit 应为正整数（收到 -3）"),
    (["--government", "青川区"], "需与 --department 一起使用")])
def test_search_options_that_mean_nothing_are_refused(env, seed_library_path, args, said):
    """Not "没有找到" and exit 0: an option that cannot apply is said to be wrong."""
    proc = run(env, "search", "托育", "--library", seed_library_path, *args)
    assert proc.returncode == 2 and said in proc.stderr and proc.stdout == ""


def test_duties_json_by_alias(env, seed_library_path):
    data = run_json(env, "duties", "区发改委", "--library", seed_library_path)
    assert data["department"] == "区发展和改革局"
    for entry in data["entries"]:
        assert {"doc_number", "key", "path", "heading", "role", "text"} <= set(entry)
        assert entry["role"] != "general"
    roles = [e["role"] for e in data["entries"]]
    assert roles.count("lead") == 4 and "annex" in roles
    everything = run_json(env, "duties", "发展改革部门", "--include-general", "--library",
                          seed_library_path)
    assert everything["department"] == "区发展和改革局"
    assert len(everything["entries"]) > len(data["entries"])
    assert any(e["role"] == "general" for e in everything["entries"])


def test_unknown_department_exits_2_and_suggests(env, seed_library_path):
    proc = run(env, "duties", "区发改", "--library", seed_library_path, "--format", "json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "找不到部门“区发改”" in proc.stderr and "区发展和改革局" in proc.stderr


def test_departments_json(env, seed_library_path):
    data = run_json(env, "departments", "--library", seed_library_path)
    by_name = {d["name"]: d for d in data}
    assert len(data) == 46
    assert {"name", "aliases", "counts"} <= set(data[0])
    assert "财政部门" in by_name["区财政局"]["aliases"]
    assert by_name["区财政局"]["counts"]["lead"] == 2
    assert by_name["区残联"]["counts"] == {"support": 1, "annex": 1, "member": 1}


def test_show(env, seed_library_path):
    key = run_json(env, "search", "证照分离", "--library", seed_library_path)["hits"][0]["key"]
    data = run_json(env, "show", key, "--library", seed_library_path)
    assert data["key"] == key and "证照分离" in data["text"]
    proc = run(env, "show", "nosuchkey", "--library", seed_library_path)
    assert proc.returncode == 2 and "nosuchkey" in proc.stderr and "条款" in proc.stderr


def test_show_and_bookmark_a_document_by_its_key(env, seed_library_path):
    doc = run_json(env, "documents", "--library", seed_library_path)[0]
    data = run_json(env, "show", doc["key"], "--library", seed_library_path)
    assert data["kind"] == "title" and data["citation"] == f"《{doc['title']}》（{doc['doc_number']}）"
    for args in (("show", "doc:某政发|2099|1"),
                 ("bookmarks", "add", "doc:某政发|2099|1", "--collection", "周四")):
        proc = run(env, *args, "--library", seed_library_path)
        assert proc.returncode == 2 and "没有编号为 doc:某政发|2099|1 的公文" in proc.stderr, args


def test_text_output(env, seed_library_path):
    proc = run(env, "duties", "财政部门", "--library", seed_library_path)
    assert proc.returncode == 0 and proc.stdout.startswith("区财政局职责清单")


@pytest.mark.parametrize("damage", ["truncate", "newer"])
def test_bad_library_exits_2(env, seed_library_path, tmp_path, damage):
    path = tmp_path / "bad.sqlite"
    if damage == "truncate":
        path.write_bytes(seed_library_path.read_bytes()[:5000])
    else:
        import sqlite3
        path.write_bytes(seed_library_path.read_bytes())
        conn = sqlite3.connect(path)
        conn.execute("UPDATE metadata SET value = '999' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    proc = run(env, "documents", "--library", path)
    assert proc.returncode == 2 and proc.stderr.startswith("公报通：")
    assert "资料库" in proc.stderr


# ------------------------------------------------------------ importing
def test_import_into_a_new_library_and_again(env, tmp_path):
    lib = tmp_path / "lib.sqlite"
    data = run_json(env, "import", SEED, "--library", lib)
    assert data["issue"] == "2021年第5期" and data["notes"] == 61 and data["nodes"] == 232
    assert lib.exists() and not list(tmp_path.glob(".building-*"))
    before = _sha(lib)
    proc = run(env, "import", SEED, "--library", lib)
    assert proc.returncode == 2
    assert "已在库中" in proc.stderr and "第 63 行" in proc.stderr
    assert _sha(lib) == before
    proc = run(env, "import", SEED, "--library", lib, "--replace")
    assert proc.returncode == 0 and "已导入" in proc.stdout


def test_import_a_second_issue_reports_unknown_units(env, tmp_path):
    lib = tmp_path / "lib.sqlite"
    proc = run(env, "import", FIXTURES / "xuecheng_2022-03.txt", "--library", lib)
    assert proc.returncode == 0
    assert "区园林绿化服务中心" in proc.stdout
    docs = run_json(env, "documents", "--library", lib)
    assert [d["doc_number"] for d in docs] == ["薛政发〔2022〕5号", "薛政办发〔2022〕8号"]
    assert docs[1]["valid_until"] == "2025-06-09"


def test_import_into_the_user_library(env, tmp_path):
    proc = run(env, "import", FIXTURES / "tai_single_with_number.txt")
    assert proc.returncode == 0, proc.stderr
    user = tmp_path / "user"
    assert (user / "library.sqlite").exists() and len(list((user / "imports").glob("*.txt"))) == 1
    docs = run_json(env, "documents")
    assert len(docs) == 6 and docs[-1]["doc_number"] == "台政发〔2022〕3号"


BAD_INPUTS = {
    "empty": (b"", "文件为空", None),
    "binary": ("公报\n".encode() + b"\x00\x01\x02" * 50, "二进制", 2),
    "control": ("第一行\n第二行\n第\x07三行\n".encode(), "控制字符", 3),
    "undecodable": (b"\xff\xfe\xfd\xfc" * 10 + b"\n" + b"\x80" * 9, None, None),
    "long_line": (("改" * 3_500_000).encode(), "远超公文的正常行长", 1),  # about 10 MB on one line
    "no_document": ("购物清单\n苹果\n香蕉\n".encode(), "没有找到公文", 1),
    "twice": (SEED.read_bytes() + b"\n\n" + "\n".join(
        SEED.read_text(encoding="utf-8").split("\n")[62:126]).encode(), "出现了两次", None),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exits_2_writes_nothing(env, tmp_path, name):
    data, needle, line = BAD_INPUTS[name]
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    lib = tmp_path / "out" / "lib.sqlite"
    proc = run(env, "import", source, "--library", lib)
    assert proc.returncode == 2
    assert proc.stderr.startswith("公报通：无法导入") and proc.stdout == ""
    if needle:
        assert needle in proc.stderr
    if line:
        assert f"第 {line} 行" in proc.stderr
    assert not lib.exists()
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    proc = run(env, "import", source)  # into the user library: nothing written either
    assert proc.returncode == 2
    assert not (tmp_path / "user").exists()


def test_undecodable_message_names_its_line(env, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("第一行\n第二行\n".encode() + b"caf\xe9 \xff\n")
    proc = run(env, "import", source, "--library", tmp_path / "lib.sqlite")
    assert proc.returncode == 2 and "编码" in proc.stderr and "第 3 行" in proc.stderr


@pytest.mark.parametrize("variant", ["gbk", "utf16", "utf8bom", "crlf"])
def test_imports_in_other_encodings(env, tmp_path, variant):
    text = (FIXTURES / "tai_single_with_number.txt").read_text(encoding="utf-8")
    data = {"gbk": text.encode("gbk"), "utf16": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
            "utf8bom": codecs.BOM_UTF8 + text.encode(), "crlf": text.replace("\n", "\r\n").encode()}
    source = tmp_path / f"{variant}.txt"
    source.write_bytes(data[variant])
    lib = tmp_path / "lib.sqlite"
    out = run_json(env, "import", source, "--library", lib)
    assert out["documents"] == [{"doc_number": "台政发〔2022〕3号",
                                 "title": "台儿庄区人民政府关于进一步加强安全生产工作的意见"}]
    assert out["notes"] == 2


def test_missing_file_and_directory(env, tmp_path):
    proc = run(env, "import", tmp_path / "nope.txt", "--library", tmp_path / "lib.sqlite")
    assert proc.returncode == 2 and "无法读取文件" in proc.stderr
    empty = tmp_path / "empty"  # a folder is walked for gazette files: here there are none
    empty.mkdir()
    proc = run(env, "import", empty, "--library", tmp_path / "lib.sqlite")
    assert proc.returncode == 2 and "没有找到可导入的文件" in proc.stderr
    assert not (tmp_path / "lib.sqlite").exists()


def test_import_into_a_corrupt_library(env, seed_library_path, tmp_path):
    data = bytearray(seed_library_path.read_bytes())
    data[8192:12288] = b"\xa5" * 4096
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(bytes(data))
    proc = run(env, "import", FIXTURES / "tai_single_with_number.txt", "--library", lib)
    assert proc.returncode == 2 and "资料库" in proc.stderr
    assert lib.read_bytes() == bytes(data)


def test_usage_errors_exit_2(env):
    proc = run(env, "duties")
    assert proc.returncode == 2
