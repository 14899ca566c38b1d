"""`bookmarks import` of files from elsewhere: data, not trust.

Each hostile file either imports what is sound, or exits 2 with a message in
Chinese; never a traceback, never a half-done import.
"""
from __future__ import annotations

import codecs
import json

import pytest

from tests.cli_runner import run, user_env



@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)




def entry(n: int = 0, **changes) -> dict:
    base = {"key": f"k{n:06d}", "document_key": "doc:x|2021|1", "doc_number": "某发〔2021〕1号",
            "title": "关于某事的通知", "path": f"一、{n}.", "heading": "标题", "fingerprint": "f" * 16,
            "text": "条款原文。", "note": "", "created": "2026-11-30T10:00:00"}
    base.update(changes)
    return base


def export(*collections) -> dict:
    return {"format": "gazette-desk-bookmarks", "version": 1, "collections": list(collections)}


def write(tmp_path, data, name="in.json", raw: bytes | None = None):
    path = tmp_path / name
    path.write_bytes(raw if raw is not None else json.dumps(data, ensure_ascii=False).encode())
    return path


def collections(env) -> list[dict]:
    proc = run(env, "bookmarks", "collections", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("value, message", [
    ("周四 专题会", "collections 应为收藏夹的列表"),
    (None, "collections 应为收藏夹的列表"),
    ([1, 2, 3], "3 条内容有误"),
])
def test_collections_of_the_wrong_shape_exit_2(env, tmp_path, value, message):
    proc = run(env, "bookmarks", "import", write(tmp_path, {**export(), "collections": value}))
    assert proc.returncode == 2 and message in proc.stderr
    assert collections(env) == []


def test_entries_with_bad_fields_are_reported_as_bad_not_as_duplicates(env, tmp_path):
    data = export({"name": "会", "bookmarks": [entry(1), entry(2, text=["a", "b"]),
                                              entry(3, note={"x": 1}), entry(4, key=None), 7]})
    proc = run(env, "bookmarks", "import", write(tmp_path, data))
    assert proc.returncode == 0, proc.stderr
    assert "已导入 1 条书签，跳过重复的 0 条" in proc.stdout
    assert "另有 4 条内容有误" in proc.stdout
    assert "第 1 个收藏夹第 2 条：text 不是文字" in proc.stdout
    assert "第 1 个收藏夹第 3 条：note 不是文字" in proc.stdout
    assert "第 1 个收藏夹第 4 条：缺少 key" in proc.stdout
    again = run(env, "bookmarks", "import", write(tmp_path, data))
    assert "已导入 0 条书签，跳过重复的 1 条" in again.stdout and "另有 4 条内容有误" in again.stdout


def test_deep_nesting_exits_2(env, tmp_path):
    raw = b"[" * 200_000 + b"]" * 200_000
    proc = run(env, "bookmarks", "import", write(tmp_path, None, raw=raw))
    assert proc.returncode == 2 and "嵌套过深" in proc.stderr


def test_a_utf8_bom_is_accepted(env, tmp_path):
    raw = codecs.BOM_UTF8 + json.dumps(export({"name": "会", "bookmarks": [entry(1)]})).encode()
    proc = run(env, "bookmarks", "import", write(tmp_path, None, raw=raw))
    assert proc.returncode == 0 and "已导入 1 条书签" in proc.stdout


def test_a_million_entries_are_refused_saying_the_limit(env, tmp_path):
    raw = (b'{"format": "gazette-desk-bookmarks", "collections": [{"name": "x", "bookmarks": ['
           + b",".join([b"{}"] * 1_000_000) + b"]}]}")
    proc = run(env, "bookmarks", "import", write(tmp_path, None, raw=raw))
    assert proc.returncode == 2 and "1000000 条书签" in proc.stderr and "上限 20000 条" in proc.stderr
    assert collections(env) == []


def test_a_35_mb_note_is_refused_saying_the_limit(env, tmp_path):
    data = export({"name": "会", "bookmarks": [entry(1, note="备" * (12 * 1024 * 1024))]})
    proc = run(env, "bookmarks", "import", write(tmp_path, data))
    assert proc.returncode == 2 and "超过上限 16 MB" in proc.stderr
    assert collections(env) == []


def test_a_long_note_within_the_file_limit_is_bad_alone(env, tmp_path):
    data = export({"name": "会", "bookmarks": [entry(1), entry(2, note="备" * 30_000)]})
    proc = run(env, "bookmarks", "import", write(tmp_path, data))
    assert proc.returncode == 0 and "已导入 1 条书签" in proc.stdout
    assert "备注有 30000 字，超过上限 20000 字" in proc.stdout


def test_names_are_text_never_paths(env, tmp_path):
    names = ["../../etc/周四", "会\x00议", '<img src="/dev/zero">', "  多  空格 "]
    data = export(*[{"name": n, "bookmarks": [entry(i)]} for i, n in enumerate(names)])
    proc = run(env, "bookmarks", "import", write(tmp_path, data))
    assert proc.returncode == 0 and "已导入 4 条书签" in proc.stdout
    stored = [c["name"] for c in collections(env)]
    assert stored == ["../../etc/周四", "会议", '<img src="/dev/zero">', "多 空格"]
    user = tmp_path / "user"
    assert sorted(p.name for p in user.iterdir()) == sorted(
        p.name for p in user.iterdir() if p.name.startswith("bookmarks.sqlite"))
    assert not (tmp_path / "etc").exists()


def test_not_an_export_and_not_json(env, tmp_path):
    proc = run(env, "bookmarks", "import", write(tmp_path, {"format": "other"}))
    assert proc.returncode == 2 and "这不是公报通导出的书签文件" in proc.stderr
    proc = run(env, "bookmarks", "import", write(tmp_path, None, raw=b"{not json"))
    assert proc.returncode == 2 and "不是有效的 JSON（第 1 行）" in proc.stderr
    proc = run(env, "bookmarks", "import", write(tmp_path, None, raw=b"\xff\xfe\x00x"))
    assert proc.returncode == 2 and "不是 UTF-8 文本" in proc.stderr
