"""The smaller ways input goes wrong: each is a clear message, never a traceback.

A library with an unreadable stored value, a command-line argument that is not
UTF-8, --user-data on either side of the command, a search for "lt" in HTML,
an output folder that does not exist yet.
"""
from __future__ import annotations

import html
import shutil
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES, ROOT
from tests.cli_runner import user_env

MAIN = ROOT / "main.py"


@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)


def run(env, *args):
    proc = subprocess.run([sys.executable, str(MAIN), *args], env=env, capture_output=True,
                          timeout=120)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


def damaged_copy(seed_library_path, tmp_path, sql: str):
    path = tmp_path / "lib.sqlite"
    shutil.copy(seed_library_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    return path


@pytest.mark.parametrize("sql, command, message", [
    ("UPDATE metadata SET value = 'abc' WHERE key = 'schema_version'", "documents",
     "格式版本“abc”不是数字"),
    ("UPDATE documents SET valid_until = '2023-13-45' WHERE position = 4", "documents",
     "公文的有效期“2023-13-45”无法读取"),
    ("UPDATE documents SET attachments = '[\"unclosed' WHERE position = 3", "documents",
     "公文的附件列表"),
    ("UPDATE documents SET valid_until = 'soon' WHERE position = 4", "duties",
     "公文的有效期“soon”无法读取"),
    ("UPDATE departments SET part_of = '{bad' WHERE id = 3", "departments", "部门的所属单位"),
])
def test_a_damaged_value_is_a_damaged_library(env, seed_library_path, tmp_path, sql, command,
                                              message):
    library = damaged_copy(seed_library_path, tmp_path, sql)
    args = [command, "--library", str(library)] + (["区财政局"] if command == "duties" else [])
    code, _, err = run(env, *args)
    assert code == 2 and message in err and ("资料库已损坏" in err or "已损坏" in err)


def test_an_argument_that_is_not_utf8(env):
    proc = subprocess.run([sys.executable.encode(), str(MAIN).encode(), b"show", b"\xff\xfe-key"],
                          env=env, capture_output=True, timeout=60)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "第 2 个命令行参数" in err and "不是有效的 UTF-8" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [
    ["documents"], ["search", "台儿庄"], ["departments"], ["duties", "台儿庄区应急管理局"],
    ["bookmarks", "collections"], ["bookmarks", "list"],
])
def test_user_data_before_or_after_the_command(env, tmp_path, command):
    other = tmp_path / "other-user"
    code, _, err = run(env, "--user-data", str(other), "import",
                       str(FIXTURES / "tai_single_with_number.txt"))
    assert code == 0, err
    before = run(env, "--user-data", str(other), *command, "--format", "json")
    after = run(env, *command, "--user-data", str(other), "--format", "json")
    default = run(env, *command, "--format", "json")
    assert before[0] == after[0] == 0, before[2] + after[2]
    assert before[1] == after[1]
    if command[0] != "bookmarks":  # the other folder holds an import the default does not
        assert before[1] != default[1]


def test_import_takes_user_data_after_the_command(env, tmp_path):
    other = tmp_path / "other-user"
    code, _, err = run(env, "import", str(FIXTURES / "tai_single_with_number.txt"),
                       "--user-data", str(other))
    assert code == 0, err
    assert (other / "library.sqlite").exists() and not (tmp_path / "user").exists()


class _Checker(HTMLParser):
    """Collects the text of HTML, failing on markup that does not nest."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "a") or tag == "a":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing"

    def handle_data(self, data):
        self.text.append(data)


def text_of(fragment: str) -> str:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    assert not checker.stack
    return "".join(checker.text)


@pytest.mark.parametrize("term", ["lt", "amp", "gt", "quot", "&", "<", "x", "2"])
def test_highlighting_marks_text_never_entities(term):
    from models.views.markdown import inline_html, mark_terms
    fragment = inline_html('甲 < 乙 & 丙 > 丁 "引号" x2 &lt; lt amp')
    marked = mark_terms(fragment, [term], cls="hit")
    assert text_of(marked) == text_of(fragment)  # the same words, well nested
    plain_text = html.unescape(text_of(fragment))
    assert marked.count('<span class="hit">') == plain_text.lower().count(term.lower())


ENTITIES = """台政发〔2022〕8号

关于规范“A&B”类项目的通知

各镇人民政府：

一、明确范围。投资额 < 500 万元、且列入 "A&B" 名录的项目，按本通知办理。（区发展和改革局牵头）

台儿庄区人民政府

2022年5月6日
"""


def test_the_reader_survives_searching_entities(tmp_path, registry):
    from models.views.document_html import document_html
    from models.store.library import Library
    from models.store.build import add_issues
    from models.parse.parser import parse_issue
    path = tmp_path / "entities.sqlite"
    add_issues(path, [parse_issue(ENTITIES, registry, "entities.txt")], registry, fresh=True)
    with Library(path) as lib:
        [doc] = lib.documents()
        plain = document_html(lib, doc.key).split("<body>", 1)[1].split("</body>", 1)[0]
        assert "&lt;" in plain and "&amp;" in plain and "&quot;" in plain
        for term in ("lt", "amp", "quot", "a&b", "<"):
            marked = document_html(lib, doc.key, terms=[term])
            body = marked.split("<body>", 1)[1].split("</body>", 1)[0]
            assert text_of(body) == text_of(plain), term


def test_a_missing_output_folder_is_made_and_said(env, seed_library_path, tmp_path):
    target = tmp_path / "新文件夹" / "下一层" / "区财政局.pdf"
    code, out, err = run(env, "duties", "区财政局", "--format", "pdf", "--output", str(target),
                         "--library", str(seed_library_path))
    assert code == 0 and target.exists()
    assert f"已创建文件夹 {target.parent}" in err
    md = tmp_path / "另一个" / "清单.md"
    code, _, err = run(env, "duties", "区财政局", "--format", "markdown", "--output", str(md),
                       "--library", str(seed_library_path))
    assert code == 0 and md.exists() and "已创建文件夹" in err
