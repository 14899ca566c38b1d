"""The zip container of an OFD file: safe reads, path resolution, strict XML.

OFD (GB/T 33190-2016) is a zip of XML parts that point at one another with
ST_Loc paths (relative to the part that names them, or absolute from the
package root). Everything here is standard library: the app is frozen, and no
maintained Python OFD reader is light and licence-clean enough (OFD_SURVEY.md).
Limits keep a hostile or broken file from exhausting memory: a cap on the
bytes actually inflated over the whole package, and on the number of entries.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
import xml.etree.ElementTree as ET
from pathlib import Path

from models.errors import BadGazetteError

MAX_TOTAL = 256 * 1024 * 1024  # bytes inflated over the whole package
MAX_ENTRIES = 20_000
NS = "http://www.ofdspec.org/2016"
_DECL_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9_.-]+)[\"']")


def local(tag: object) -> str:
    """The element name without its namespace: producers disagree on the namespace URI."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def kids(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if element is None else [c for c in element if local(c.tag) == name]


def kid(element: ET.Element | None, name: str) -> ET.Element | None:
    found = kids(element, name)
    return found[0] if found else None


def kid_text(element: ET.Element | None, name: str) -> str | None:
    node = kid(element, name)
    return node.text.strip() if node is not None and node.text else None


class Package:
    """An opened OFD zip; every read counts against one inflation budget."""

    def __init__(self, source: str | Path | bytes, source_name: str = ""):
        self.source_name = source_name
        data = source if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        if not data.startswith(b"PK"):
            raise self.error(_not_zip_reason(data))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(bytes(data)))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise self.error("这不是完整的 OFD 文件（zip 压缩包已损坏或不完整）") from exc
        if len(infos) > MAX_ENTRIES:
            raise self.error(f"OFD 压缩包内文件过多（{len(infos)} 个），拒绝导入")
        self.names: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, str] = {}
        for info in infos:
            if info.is_dir():
                continue
            name = _normalise(info.filename)
            self.names[name] = info
            self.folded.setdefault(name.lower(), name)
        self.budget = MAX_TOTAL

    def error(self, reason: str) -> BadGazetteError:
        return BadGazetteError(reason, source=self.source_name or None)

    def find(self, name: str) -> str | None:
        """The entry for a normalised path; case-insensitively as a fallback (Windows producers)."""
        name = _normalise(name)
        if name in self.names:
            return name
        return self.folded.get(name.lower())

    def resolve(self, base_part: str, loc: str | None) -> str | None:
        """An ST_Loc seen in *base_part* → a package path (not checked to exist)."""
        if not loc or not loc.strip():
            return None
        loc = loc.strip().replace("\\", "/")
        if loc.startswith("/"):
            return _normalise(loc)
        return _normalise(posixpath.join(posixpath.dirname(base_part), loc))

    def read(self, name: str) -> bytes:
        info = self.names[name]
        if info.flag_bits & 0x1:
            raise self.error("OFD 文件已加密（zip 加密），无法读取，"
                             "请导出未加密的 OFD 或 PDF 再导入")
        try:
            with self.zip.open(info) as stream:
                data = stream.read(self.budget + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError) as exc:
            raise self.error(f"OFD 压缩包中的 {name} 已损坏，无法解压") from exc
        self.budget -= len(data)
        if self.budget < 0:
            raise self.error(f"OFD 压缩包解压后超过 {MAX_TOTAL // 1024 // 1024} MB，"
                             "文件可能已损坏或是恶意构造的，拒绝导入")
        return data

    def xml(self, name: str, what: str) -> ET.Element:
        """Parse one part; *what* names it for the user ("第 3 页的内容")."""
        return parse_xml(self.read(name), f"{what}（{name}）", self.error)


def parse_xml(data: bytes, what: str, error) -> ET.Element:
    """Strict XML with no DTD (OFD needs none: refusing it rules out entity expansion)."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise error(f"{what} 含有 DTD 声明，不是规范的 OFD 内容，拒绝导入")
    declared = _DECL_ENCODING.match(data)
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        if encoding.replace("-", "").replace("_", "") in ("utf8", "utf16", "ascii", "usascii",
                                                          "iso88591", "latin1"):
            return ET.fromstring(data)
        # expat reads only UTF-8/16 and Latin-1 itself; a GBK part is decoded by Python
        text = data.decode(encoding)
        return ET.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1))
    except (LookupError, UnicodeDecodeError) as exc:
        raise error(f"{what} 的字符编码（{encoding}）无法识别或与内容不符，文件可能已损坏") from exc
    except ET.ParseError as exc:
        line = getattr(exc, "position", (None,))[0]
        where = f"（第 {line} 行）" if line else ""
        raise error(f"{what} 的 XML 格式错误{where}，文件可能已损坏") from exc


def _normalise(name: str) -> str:
    name = name.replace("\\", "/").lstrip("/")
    return posixpath.normpath(name) if name else name


def _not_zip_reason(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "这不是 OFD 文件，而是旧版 Office/WPS 文档，请另存为 OFD、PDF 或 .docx 再导入"
    if data.startswith(b"%PDF"):
        return "这不是 OFD 文件，而是 PDF 文件，请按 PDF 导入"
    return "这不是 OFD 文件（OFD 应为 zip 压缩包），文件可能已损坏或扩展名不对"
