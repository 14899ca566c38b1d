"""Reading gazette bytes: encodings, line endings, binary rejection.

Texts arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030
from older Windows tools, with CRLF or LF. Anything else gets a clear message.
"""
from __future__ import annotations

import codecs
import re

from models.errors import BadGazetteError
from models.parse.line import Line

MAX_BYTES = 64 * 1024 * 1024


def decode(data: bytes, source: str = "") -> str:
    """Decode gazette bytes to text, or raise BadGazetteError."""
    if not data.strip():
        raise BadGazetteError("文件为空，没有可导入的内容", source=source)
    if len(data) > MAX_BYTES:
        raise BadGazetteError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB）", source=source)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                body = data[len(bom):len(bom) + exc.start].decode(codec, errors="replace")
                raise BadGazetteError(f"文件声明为 {codec.upper()} 编码，但内容无法解码",
                                      line=body.count("\n") + 1, source=source) from exc
            return _check_text(text, source)
    if b"\x00" in data:
        raise BadGazetteError("无法识别的文件格式（含有二进制数据）：可以导入的是 PDF、Word（.docx）、"
                              "OFD 和文本文件（.txt）",
                              line=_line_of(data, data.index(b"\x00")), source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise BadGazetteError("无法识别文件编码（支持 UTF-8、UTF-16、GBK/GB18030）",
                                  line=_line_of(data, utf8_error.start), source=source) from None
    return _check_text(text, source)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _check_text(text: str, source: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        raise BadGazetteError("含有无法显示的控制字符，文件可能已损坏",
                              line=text.count("\n", 0, bad.start()) + 1, source=source)
    return text


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of *text*, numbered as in the file."""
    lines: list[Line] = []
    blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(" \t\u3000\ufeff\u00a0\f\v")
        if not stripped:
            blank = True
            continue
        lines.append(Line(number, stripped, blank))
        blank = False
    return lines
