"""The SQLite library: a real file, built atomically, opened read-only, checked on open."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from models.store import build as library_build
from models.errors import AmbiguousDepartmentError, BadLibraryError, DuplicateDocumentError
from models.store.library import Library
from models.store.library_file import check_library
from models.store.build import add_issues, fingerprint
from models.parse.parser import parse_bytes
from models.store.schema import SCHEMA_VERSION, TABLES
from models.store.spans import NOTE_SQL

from conftest import FIXTURES, SEED

CLAUSE = "（二）水库运行管护实现常态长效。落实水库管护主体"


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".building-")]


def test_tables_metadata_and_source_hash(seed_library_path, seed_bytes):
    conn = sqlite3.connect(seed_library_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert set(TABLES) <= names
        meta = dict(conn.execute("SELECT key, value FROM metadata"))
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        assert meta["application"] == "gazette-desk-library"
        assert "built_at" in meta
        sha = conn.execute("SELECT source_sha256 FROM issues").fetchall()
        assert sha == [(hashlib.sha256(seed_bytes).hexdigest(),)]
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM nodes").fetchone()[0] == 232
        # notes are kept as places in their text (models/store/spans.py)
        assert conn.execute(f"SELECT count(*) FROM nodes WHERE {NOTE_SQL} != ''"
                            ).fetchone()[0] == 61
        assert conn.execute("SELECT count(*) FROM nodes WHERE note != ''").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM roster").fetchone()[0] == 28
        assert conn.execute("SELECT count(*) FROM toc").fetchone()[0] == 5
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert _leftovers(seed_library_path.parent) == []


def test_library_reads(seed_library):
    docs = seed_library.documents()
    assert [d.doc_number for d in docs][0] == "市中政发〔2021〕16号"
    assert {d.issue for d in docs} == {"2021年第5期"}
    assert seed_library.issues()[0]["total_number"] == 20
    nodes = seed_library.nodes(docs[0].key)
    assert len(nodes) == 25 and nodes[0].kind == "masthead"
    node = seed_library.node(nodes[5].key)
    assert (node.path, node.kind, node.text) == ("一、", nodes[5].kind, nodes[5].text)
    depts = {d.name: d for d in seed_library.departments()}
    assert depts["区财政局"].counts["lead"] == 2 and "财政部门" in depts["区财政局"].aliases


def test_library_is_opened_read_only(seed_library_path):
    before = _sha(seed_library_path)
    lib = Library(seed_library_path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            lib.conn.execute("DELETE FROM nodes")
        lib.documents()
        lib.duties("区财政局")
    finally:
        lib.close()
    assert _sha(seed_library_path) == before


def test_missing_library(tmp_path):
    with pytest.raises(BadLibraryError) as info:
        Library(tmp_path / "none.sqlite")
    assert "找不到资料库文件" in str(info.value)


@pytest.mark.parametrize("cut", [0, 100, 4096, 0.5])
def test_truncated_library(seed_library_path, tmp_path, cut):
    data = seed_library_path.read_bytes()
    bad = tmp_path / "cut.sqlite"
    bad.write_bytes(data[: int(len(data) * cut) if isinstance(cut, float) else cut])
    with pytest.raises(BadLibraryError) as info:
        Library(bad)
    assert "资料库" in str(info.value)


def test_a_text_file_is_no_library(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_text("这不是资料库", encoding="utf-8")
    with pytest.raises(BadLibraryError) as info:
        check_library(bad)
    assert "已损坏或不是公报通的资料库" in str(info.value)


def _copy_with(seed_library_path, tmp_path, sql):
    path = tmp_path / "edited.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_newer_schema_is_refused(seed_library_path, tmp_path):
    path = _copy_with(seed_library_path, tmp_path,
                      f"UPDATE metadata SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    with pytest.raises(BadLibraryError) as info:
        Library(path)
    assert "更新版本" in str(info.value) and "请升级" in str(info.value)


@pytest.mark.parametrize("change, message", [
    ("UPDATE metadata SET value = '0' WHERE key = 'schema_version'", "已过时"),
    ("UPDATE metadata SET value = 'other' WHERE key = 'application'", "不是公报通的资料库"),
])
def test_older_schema_or_other_application_is_refused(seed_library_path, tmp_path, change,
                                                       message):
    path = _copy_with(seed_library_path, tmp_path, change)
    with pytest.raises(BadLibraryError) as info:
        Library(path)
    assert message in str(info.value)


def test_missing_table_is_refused(seed_library_path, tmp_path):
    path = _copy_with(seed_library_path, tmp_path, "DROP TABLE nodes")
    with pytest.raises(BadLibraryError):
        Library(path)


# ------------------------------------------------------------ building
def test_duplicate_import_is_refused_and_changes_nothing(seed_library_path, seed_issue, registry,
                                                         tmp_path):
    path = tmp_path / "lib.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    before = _sha(path)
    with pytest.raises(DuplicateDocumentError) as info:
        add_issues(path, [seed_issue], registry)
    assert "市中政发〔2021〕16号" in str(info.value) and "第 63 行" in str(info.value)
    assert str(info.value).count("已收录于 2021年第5期") == 5  # every duplicate is named
    assert "--replace" not in str(info.value)  # a command-line word: the CLI adds it
    assert _sha(path) == before
    assert _leftovers(tmp_path) == []


def test_failed_build_leaves_no_library_and_no_temp_file(seed_issue, registry, tmp_path, monkeypatch):
    calls = []

    def explode(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return original(*args, **kwargs)

    original = library_build._insert_document
    monkeypatch.setattr(library_build, "_insert_document", explode)
    target = tmp_path / "new.sqlite"
    with pytest.raises(RuntimeError):
        add_issues(target, [seed_issue], registry, fresh=True)
    assert not target.exists()
    # Only the writer's lock file stays (removing it would race with a waiting writer).
    assert [p.name for p in tmp_path.iterdir()] == ["new.sqlite.lock"]


def test_failed_import_leaves_the_old_library_untouched(seed_library_path, registry, tmp_path,
                                                       monkeypatch):
    path = tmp_path / "lib.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    before = _sha(path)
    other = parse_bytes((FIXTURES / "xuecheng_2022-03.txt").read_bytes(), registry, "x.txt")

    def explode(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(library_build, "_insert_document", explode)
    with pytest.raises(RuntimeError):
        add_issues(path, [other], registry)
    assert _sha(path) == before and _leftovers(tmp_path) == []


def test_writing_into_a_corrupt_library_is_a_chinese_error(seed_library_path, registry, tmp_path):
    data = bytearray(seed_library_path.read_bytes())
    data[8192:8192 + 4096] = bytes(range(256)) * 16
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(bytes(data))
    other = parse_bytes((FIXTURES / "tai_single_with_number.txt").read_bytes(), registry, "t.txt")
    with pytest.raises(BadLibraryError) as info:
        add_issues(path, [other], registry)
    assert "资料库" in str(info.value)
    assert path.read_bytes() == bytes(data) and _leftovers(tmp_path) == []


def test_unwritable_target_is_a_chinese_error(seed_issue, registry, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BadLibraryError) as info:
        add_issues(blocker / "sub" / "lib.sqlite", [seed_issue], registry, fresh=True)
    assert "无法写入资料库" in str(info.value)


def test_adding_a_second_issue(seed_library_path, registry, tmp_path):
    path = tmp_path / "lib.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    other = parse_bytes((FIXTURES / "xuecheng_2022-03.txt").read_bytes(), registry, "x.txt")
    add_issues(path, [other], registry)
    with Library(path) as lib:
        assert [i["label"] for i in lib.issues()] == ["2021年第5期", "2022年第3期"]
        assert len(lib.documents()) == 7
        unknown = {d.name for d in lib.departments() if not d.known}
        assert {"薛城区园林绿化服务中心", "薛城区人民政府督查室"} <= unknown
        assert all(d.government == "薛城区" for d in lib.departments() if not d.known)
        # 区城市管理局 is 市中区's 区综合行政执法局 (an alias in its registry) and, written so
        # in 薛城区's documents, 薛城区's own 薛城区城市管理局: the name alone is ambiguous
        with pytest.raises(AmbiguousDepartmentError, match="市中区：区综合行政执法局"):
            lib.duties("区城市管理局")
        dept, entries = lib.duties("区城市管理局", government="薛城区")
        assert dept.name == "薛城区城市管理局"
        assert {e.doc_number for e in entries} == {"薛政发〔2022〕5号", "薛政办发〔2022〕8号"}
        dept, entries = lib.duties("区城市管理局", government="枣庄市市中区")
        assert dept.name == "区综合行政执法局" and all(e.doc_number.startswith("市中")
                                                for e in entries)


# ------------------------------------------------------------ keys
def _keys(path):
    with Library(path) as lib:
        return {n.key: (n.path, n.fingerprint) for n in lib.nodes()}


def test_same_text_gives_the_same_keys(seed_bytes, registry, tmp_path, seed_library_path):
    again = parse_bytes(seed_bytes, registry, SEED.name)
    path = tmp_path / "again.sqlite"
    add_issues(path, [again], registry, fresh=True)
    assert _keys(path) == _keys(seed_library_path)


def test_replace_keeps_keys_and_changes_only_the_edited_fingerprint(seed_bytes, registry, tmp_path,
                                                                    seed_library_path):
    text = seed_bytes.decode()
    assert CLAUSE in text
    edited = text.replace(CLAUSE, CLAUSE.replace("常态长效", "长效常态"))
    issue = parse_bytes(edited.encode(), registry, "edited.txt")
    path = tmp_path / "lib.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    add_issues(path, [issue], registry, replace=True)
    old, new = _keys(seed_library_path), _keys(path)
    assert set(old) == set(new)
    changed = [k for k in old if old[k] != new[k]]
    assert len(changed) == 1
    assert old[changed[0]][0] == new[changed[0]][0] == "一、（二）"
    with Library(path) as lib:
        assert len(lib.documents()) == 5 and len(lib.issues()) == 1


def test_fingerprint_ignores_width_and_spacing_only():
    assert fingerprint("（一）强化 资金保障，") == fingerprint("(一)强化资金保障,")
    assert fingerprint("强化资金保障") != fingerprint("强化资金監管")


def test_import_does_not_change_the_callers_registry(seed_library_path, registry, tmp_path):
    """Unknown units are reported on every import, not only on the first one of a session."""
    path = tmp_path / "lib.sqlite"
    path.write_bytes(seed_library_path.read_bytes())
    before = dict(registry.departments)
    other = parse_bytes((FIXTURES / "xuecheng_2022-03.txt").read_bytes(), registry, "x.txt")
    add_issues(path, [other], registry)
    assert registry.departments == before
    again = parse_bytes((FIXTURES / "xuecheng_2022-03.txt").read_bytes(), registry, "x.txt")
    assert again.unknown_units == other.unknown_units
    assert "薛城区园林绿化服务中心" in again.unknown_units


def test_a_built_library_is_readable_by_others(tmp_path, seed_issue, registry):
    """mkstemp creates files 0600; a library shared on a machine must not stay so."""
    import os
    import stat
    from models.store.build import add_issues
    path = tmp_path / "shared.sqlite"
    old = os.umask(0o022)
    try:
        add_issues(path, [seed_issue], registry, fresh=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_metadata_names_every_source_by_its_sha256(seed_library_path, seed_bytes):
    import hashlib
    import sqlite3
    conn = sqlite3.connect(seed_library_path)
    meta = dict(conn.execute("SELECT key, value FROM metadata"))
    conn.close()
    assert f"={hashlib.sha256(seed_bytes).hexdigest()}" in meta["source_sha256"]
    from models.store.schema import SCHEMA_VERSION
    assert meta["schema_version"] == str(SCHEMA_VERSION)


def test_government_lookups_follow_the_contents_naming_rules(tmp_path, seed_issue, registry,
                                                            monkeypatch):
    """Who a written government or unit is follows content/alias_rules.toml, as the parser
    reads them: 高新园区 ends in 区 but a 园区 is no government (not_place_endings), so
    高新园区青川区 names none; 江宁市青川区 is 青川区 after the city above it."""
    from models.errors import UnknownDepartmentError, UnknownGovernmentError
    from models.registry.naming import NamingRules
    from models.store.content import parse_file
    path = tmp_path / "lib.sqlite"
    qingchuan = parse_file(FIXTURES / "duty_forms" / "article_items_qingchuan.txt", registry)
    add_issues(path, [seed_issue, qingchuan], registry)
    with Library(path) as library:
        assert library.rules.not_place_endings == registry.rules.not_place_endings
        assert "园区" in library.rules.not_place_endings
        assert registry.rules.place_names("高新园区青川区", {"青川区"})[0] == []  # the parser's
        assert library.government_named("江宁市青川区") == "青川区"
        assert library.resolve_department("江宁市青川区财政局").name == "青川区财政局"
        with pytest.raises(UnknownGovernmentError):
            library.government_named("高新园区青川区")
        with pytest.raises(UnknownDepartmentError):
            library.resolve_department("高新园区青川区财政局")
    # without the content's rules (a bare NamingRules, as the lookups had before), the
    # 园区 would pass for a government above 青川区
    from models.store import library as library_module
    monkeypatch.setattr(library_module, "content_naming_rules", NamingRules)
    with Library(path) as bare:
        assert bare.government_named("高新园区青川区") == "青川区"
        assert bare.resolve_department("高新园区青川区财政局").name == "青川区财政局"
