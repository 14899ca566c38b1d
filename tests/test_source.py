"""models/source.py: encodings, BOMs, line endings, binary and control characters, empty input."""
from __future__ import annotations

import codecs

import pytest

from models.errors import BadGazetteError, GazetteError
from models.parse.sources.text import decode, split_lines

SAMPLE = "市中区人民政府公报\n\n市中政发〔2021〕16号\n\n（一）实行两张清单管理。全区按照《清单》实施。\n"


@pytest.mark.parametrize("encoded", [
    SAMPLE.encode("utf-8"),
    codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
    codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
    SAMPLE.encode("gbk"),
    SAMPLE.encode("gb18030"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gbk", "gb18030"])
def test_every_supported_encoding_gives_the_same_text(encoded):
    assert decode(encoded) == SAMPLE


def test_seed_in_every_encoding_decodes_identically(seed_bytes):
    text = seed_bytes.decode("utf-8")
    for data in (text.encode("gb18030"), codecs.BOM_UTF8 + seed_bytes,
                 codecs.BOM_UTF16_LE + text.encode("utf-16-le")):
        assert decode(data) == text


def test_gb18030_only_characters_survive():
    text = "关于𠀀字的通知。\n"  # a CJK Extension B character: not in GBK, in GB18030
    assert decode(text.encode("gb18030")) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_normalised(newline):
    data = SAMPLE.replace("\n", newline).encode("utf-8")
    text = decode(data)
    assert "\r" not in text
    assert text == SAMPLE


def test_crlf_keeps_line_numbers(seed_bytes):
    lf = split_lines(decode(seed_bytes))
    crlf = split_lines(decode(seed_bytes.replace(b"\n", b"\r\n")))
    assert [(line.number, line.text) for line in lf] == [(line.number, line.text) for line in crlf]


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\n", b"\t \r\n  \r\n"])
def test_empty_input_is_refused_in_chinese(data):
    with pytest.raises(BadGazetteError) as info:
        decode(data, "空.txt")
    assert "文件为空" in str(info.value)
    assert "空.txt" in str(info.value)


def test_binary_is_refused_with_the_line_of_the_first_nul():
    data = "第一行\n第二行\n".encode() + b"\x89PNG\x00\x00\x01"
    with pytest.raises(BadGazetteError) as info:
        decode(data)
    assert info.value.line == 3
    assert "二进制" in str(info.value) and "第 3 行" in str(info.value)


def test_utf16_without_bom_is_binary():
    with pytest.raises(BadGazetteError):
        decode(SAMPLE.encode("utf-16-le"))


def test_broken_utf16_after_bom_is_refused():
    data = codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(BadGazetteError) as info:
        decode(data)
    assert "UTF-16" in str(info.value)


def test_bad_utf8_after_bom_names_its_line():
    data = codecs.BOM_UTF8 + "甲\n乙\n".encode() + b"\xff\xfe\xfd"
    with pytest.raises(BadGazetteError) as info:
        decode(data)
    assert info.value.line == 3


def test_undecodable_bytes_are_refused():
    with pytest.raises(BadGazetteError) as info:
        decode(b"caf\xe9 na\xefve\n" * 3)
    assert "编码" in str(info.value)


@pytest.mark.parametrize("ctrl", ["\x00", "\x07", "\x1b", "\x08"])
def test_control_characters_are_refused_with_their_line(ctrl):
    text = "第一行\n第二行\n第三" + ctrl + "行\n"
    data = codecs.BOM_UTF8 + text.encode()  # with a BOM, NUL is not taken for binary first
    with pytest.raises(BadGazetteError) as info:
        decode(data)
    assert info.value.line == 3
    assert "控制字符" in str(info.value)


def test_tabs_form_feeds_and_vertical_tabs_are_allowed():
    assert decode("甲\t乙\f丙\v丁\n".encode()) == "甲\t乙\f丙\v丁\n"


def test_too_large_input_is_refused(monkeypatch):
    import models.parse.sources.text as source
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    with pytest.raises(BadGazetteError) as info:
        source.decode("字".encode() * 100)
    assert "过大" in str(info.value)


def test_errors_are_gazette_errors_with_exit_code_2():
    with pytest.raises(GazetteError) as info:
        decode(b"")
    assert info.value.exit_code == 2


def test_split_lines_numbers_and_blank_before():
    lines = split_lines("\n\n　甲 \n乙\n\n\u00a0\n丙\ufeff\n")
    assert [(line.number, line.text, line.blank_before) for line in lines] == [
        (3, "甲", True), (4, "乙", False), (7, "丙", True)]


def test_split_lines_of_the_seed(seed_bytes):
    lines = split_lines(decode(seed_bytes))
    assert lines[0].number == 5 and lines[0].text == "市中区人民政府公报"
    assert lines[-1].number == 625 and lines[-1].text.startswith("十四、税务部门")
    by_number = {line.number: line for line in lines}
    assert by_number[78].text.startswith("东省地方层面") and by_number[78].blank_before
    assert by_number[509].text.startswith("2.市中区加强") and not by_number[509].blank_before


def test_bad_utf16_after_bom_names_its_line():
    data = codecs.BOM_UTF16_LE + "甲\n乙\n丙\n".encode("utf-16-le") + b"\x00\xdc"  # lone low surrogate
    with pytest.raises(BadGazetteError) as info:
        decode(data)
    assert info.value.line == 4
