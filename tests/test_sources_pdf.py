"""Files that cannot be imported each get their own clear Chinese message, nothing imported."""
from __future__ import annotations

import shutil
import subprocess

import pytest


from models.errors import BadGazetteError


@pytest.fixture(scope="module")
def small_pages():
    from tests.makers import typeset
    from tests.makers.typeset import Block
    return typeset.typeset([Block("title", "关于某事的通知"),
                            Block("body", "这是一页公文的正文，用来检验导入。" * 30),
                            Block("body", "第二页的正文。" * 60, page_break=True),
                            Block("body", "第三页的正文。" * 60, page_break=True)])


@pytest.fixture(scope="module")
def small_pdf(small_pages, tmp_path_factory):
    from tests.makers import pdf_maker as pdf_writer
    return pdf_writer.write_pdf(small_pages, tmp_path_factory.mktemp("small") / "small.pdf")


def _error(source) -> str:
    from models.parse.sources.pdf import read_pdf
    with pytest.raises(BadGazetteError) as info:
        read_pdf(source)
    return str(info.value)


def test_the_good_file_reads(small_pdf):
    from models.parse.sources.pdf import read_pdf
    assert len(read_pdf(small_pdf)) == 3


def test_a_scan_has_no_text_layer(small_pages, tmp_path):
    from tests.makers import pdf_maker as pdf_writer
    path = pdf_writer.write_pdf(small_pages, tmp_path / "scan.pdf", scan=True)
    message = _error(path)
    assert "扫描图像" in message and "没有文字层" in message and "共 3 页" in message


def test_one_scanned_page_is_named(small_pages, tmp_path):
    from tests.makers import pdf_maker as pdf_writer
    path = pdf_writer.write_pdf(small_pages, tmp_path / "mixed.pdf", scan={2})
    message = _error(path)
    assert "第 2 页" in message and "扫描图像" in message


def test_a_truncated_file(small_pdf):
    data = small_pdf.read_bytes()
    message = _error(data[: len(data) // 2])
    assert "不完整" in message and "截断" in message


def test_an_encrypted_file(small_pdf, tmp_path):
    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed (apt-get install qpdf): no way here to encrypt a PDF")
    target = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "user-pw", "owner-pw", "256", "--", str(small_pdf),
                    str(target)], check=True)
    message = _error(target)
    assert "加密" in message and "密码" in message


def test_an_encrypted_file_made_without_qpdf(small_pdf):
    from tests.makers.pdf_fixtures import lock_with_password
    message = _error(lock_with_password(small_pdf.read_bytes(), "user-pw"))
    assert "加密" in message and "密码" in message


def test_a_file_encrypted_only_against_changes_still_reads(small_pdf, tmp_path):
    # an owner password alone (no password to open): the text is readable, as in any viewer
    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed (apt-get install qpdf)")
    from models.parse.sources.pdf import read_pdf
    target = tmp_path / "restricted.pdf"
    subprocess.run(["qpdf", "--encrypt", "", "owner-pw", "256", "--extract=n", "--",
                    str(small_pdf), str(target)], check=True)
    assert len(read_pdf(target)) == 3


def test_a_font_without_unicode_map_gives_garbage_and_is_refused(small_pdf):
    import re
    data = small_pdf.read_bytes()
    assert b"/ToUnicode" in data
    blind = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group(0)), data)
    message = _error(blind)
    assert "第 1、2、3 页" in message and "无法识别" in message


def test_a_damaged_file(small_pdf):
    data = small_pdf.read_bytes()
    damaged = data[:1500] + b"\x00garbage" * ((len(data) - 3000) // 8) + data[-1500:]
    assert "损坏" in _error(damaged)


def test_not_a_pdf():
    assert "不是 PDF" in _error(b"\xe5\x85\xac\xe6\x8a\xa5 plain text, no header\n%%EOF")


def test_an_empty_file():
    assert "为空" in _error(b"")


def test_a_missing_file(tmp_path):
    assert "无法读取" in _error(tmp_path / "nowhere.pdf")


def test_parser_errors_name_the_page(registry, tmp_path):
    from tests.makers import pdf_maker as pdf_writer
    from tests.makers import typeset
    from models.store.content import parse_file as parse_pdf
    from tests.makers.typeset import Block

    blocks = [Block("center", "某区政发〔2021〕1号"), Block("title", "关于做好某项工作的通知"),
              Block("body", "请认真贯彻执行。"),
              Block("center", "某区政发〔2021〕2号", page_break=True),
              Block("title", "关于另一项工作的通知")]  # a document with no body
    path = pdf_writer.write_pdf(typeset.typeset(blocks), tmp_path / "two.pdf")
    with pytest.raises(BadGazetteError) as info:
        parse_pdf(path, registry)
    assert "第 2 页" in str(info.value) and "没有正文" in str(info.value)
    assert "行" not in str(info.value).split("：")[1]
