"""Word (.docx) → the parser's Lines: paragraphs and table rows in document order.

A .docx says outright what a PDF only shows: where a paragraph starts, how it
is aligned, which numbers Word prints before it, which cells a table row has.
So every paragraph is whole (the page-break guess never joins two), numbering
is rendered as printed, and each table row is one Line with its cells. Body
order comes from walking document.element.body: python-docx's
Document.paragraphs and .tables are separate lists that lose it.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from models.errors import BadGazetteError
from models.parse.line import Line
from models.parse.sources.word_numbering import Numbering

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_TOTAL = 256 * 1024 * 1024  # bytes the parts may inflate to, all together
MAX_ENTRIES = 10_000
OLD_FORMAT = "这是旧版 Word/WPS 格式（.doc/.wps），请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入"
ENCRYPTED = ("这个 Word 文档设置了打开密码（已加密），"
             "请在 Word 或 WPS 中取消密码后另存为 .docx 再导入")
WORD_MAIN = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
             "application/vnd.ms-word.document.macroEnabled.main+xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
             "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_SKIP = {qn(t) for t in ("w:txbxContent", "w:drawing", "w:pict", "w:object", "w:instrText",
                         "w:delText", "w:fldData", "w:footnoteReference", "w:endnoteReference",
                         "w:commentReference", "w:moveFrom", "w:sdtPr")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ALIGN = {"center": "center", "right": "right", "end": "right"}


def read_docx(source: str | Path | bytes, source_name: str = "") -> list[Line]:
    """The paragraphs and table rows of a .docx, numbered in order from 1."""
    if not source_name and isinstance(source, (str, Path)):
        source_name = Path(source).name
    data = source if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    document = _open(bytes(data), source_name)
    return _Walker(document).lines()


def _error(reason: str, source_name: str) -> BadGazetteError:
    return BadGazetteError(reason, source=source_name or None)


def _open(data: bytes, source_name: str):
    """python-docx's Document, after the checks that give each kind of wrong file its message."""
    if data.startswith(OLE2):
        # An OLE2 compound file is either a binary .doc/.wps or an encrypted OOXML package,
        # which keeps the real .docx in a stream named EncryptedPackage.
        raise _error(ENCRYPTED if "EncryptedPackage".encode("utf-16-le") in data else OLD_FORMAT,
                     source_name)
    if data.lstrip()[:5] == b"{\\rtf":
        raise _error("这是 RTF 文件，不是 .docx，请在 Word 或 WPS 中另存为 .docx 或 PDF 再导入",
                     source_name)
    if not data.startswith(b"PK"):
        raise _error("这不是 Word 文档（.docx 应为 zip 压缩包），文件可能已损坏或扩展名不对",
                     source_name)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _error("这不是完整的 Word 文档（zip 压缩包已损坏或不完整）", source_name) from exc
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_TOTAL:
        raise _error("Word 文档解压后过大，文件可能已损坏或是恶意构造的，拒绝导入", source_name)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise _error(_what_zip(names), source_name)
    try:
        types = package.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise _error("Word 文档已损坏，无法解压", source_name) from exc
    if not any(t.encode() in types for t in WORD_MAIN):
        reason = "这个压缩包不是 Word 文档（没有 Word 正文部件），请选择 .docx 文件"
        raise _error(_what_zip(names) if "word/document.xml" not in names else reason,
                     source_name)
    try:
        _check_budget(package, infos, source_name)
        return Document(io.BytesIO(data))
    except BadGazetteError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml, KeyError, ValueError: all mean a broken file
        raise _error(f"Word 文档已损坏，无法读取（{type(exc).__name__}）", source_name) from exc


def _check_budget(package: zipfile.ZipFile, infos, source_name: str) -> None:
    """Inflate every part once under a real byte budget (declared sizes can lie), before
    python-docx, which loads every part into memory, gets the package."""
    budget = MAX_TOTAL
    for info in infos:
        if info.flag_bits & 0x1:
            raise _error(ENCRYPTED, source_name)
        with package.open(info) as stream:
            budget -= len(stream.read(budget + 1))
        if budget < 0:
            raise _error("Word 文档解压后过大，文件可能已损坏或是恶意构造的，拒绝导入", source_name)


def _what_zip(names: set[str]) -> str:
    if "OFD.xml" in names:
        return "这是 OFD 文件，不是 Word 文档，请按 OFD 导入"
    if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
        return "这是 Excel 或 PowerPoint 文件，不是 Word 文档，请选择 .docx 文件"
    if "content.xml" in names and "mimetype" in names:
        return "这是 OpenDocument（.odt）文件，请另存为 .docx 或 PDF 再导入"
    return "这个压缩包不是 Word 文档（缺少 word/document.xml），请选择 .docx 文件"


class _Walker:
    """One pass over the body; paragraph ordinals, breaks and list counters as state."""

    def __init__(self, document):
        self.doc = document
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = Numbering(numbering)
        self.styles = {s.get(qn("w:styleId")): s for s in
                       document.styles.element.findall(qn("w:style"))}
        self.default_style = next((sid for sid, s in self.styles.items()
                                   if s.get(qn("w:type")) == "paragraph"
                                   and s.get(qn("w:default")) in ("1", "true")), None)
        self.out: list[Line] = []
        self.ordinal = 0
        self.gap = True  # the file's start counts as a gap, as a text file's first line does
        self.table_count = 0
        self.last_head: list | None = None  # head rows of the table just read (nothing after)

    def lines(self) -> list[Line]:
        self._block(self.doc.element.body)
        return self.out

    def _block(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == qn("w:p"):
                self._paragraph(child)
            elif tag == qn("w:tbl"):
                self._table(child)
            elif tag in (qn("w:sdt"),):
                self._block(child.find(qn("w:sdtContent")) if child.find(qn("w:sdtContent"))
                            is not None else [])
            elif tag in (qn("w:customXml"), qn("w:ins")):
                self._block(child)

    # -- paragraphs
    def _paragraph(self, p) -> None:
        self.ordinal += 1
        ppr = p.find(qn("w:pPr"))
        if self._page_break_before(ppr):
            self.gap = True
        text, page_break_after = _text(p)
        number = self._number(ppr)
        text = (number + text).strip(" \u3000\ufeff\u00a0")
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            page_break_after = page_break_after or _section_breaks_page(ppr.find(qn("w:sectPr")))
        if not text:
            self.gap = True
        else:
            self.last_head = None
            self.out.append(Line(self.ordinal, text, self.gap, whole=True,
                                 align=self._align(ppr)))
            self.gap = False
        if page_break_after:
            self.gap = True

    def _page_break_before(self, ppr) -> bool:
        if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
            return _on(ppr.find(qn("w:pageBreakBefore")))
        for _, style in self._style_chain(ppr):
            spr = style.find(qn("w:pPr"))
            if spr is not None and spr.find(qn("w:pageBreakBefore")) is not None:
                return _on(spr.find(qn("w:pageBreakBefore")))
        return False

    def _style_chain(self, ppr):
        sid = _val(ppr, "w:pStyle") or self.default_style
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield sid, self.styles[sid]
            sid = _val(self.styles[sid], "w:basedOn")

    def _align(self, ppr) -> str:
        jc = _val(ppr, "w:jc")
        if jc is None:
            for _, style in self._style_chain(ppr):
                jc = _val(style.find(qn("w:pPr")), "w:jc")
                if jc is not None:
                    break
        return _ALIGN.get(jc or "", "")

    def _number(self, ppr) -> str:
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        nid = _val(num_pr, "w:numId")
        ilvl = _val(num_pr, "w:ilvl")
        style_id = None
        if nid is None:
            for sid, style in self._style_chain(ppr):
                spr = style.find(qn("w:pPr"))
                style_num = spr.find(qn("w:numPr")) if spr is not None else None
                if style_num is not None:
                    nid = _val(style_num, "w:numId")
                    ilvl = ilvl if ilvl is not None else _val(style_num, "w:ilvl")
                    style_id = sid
                    break
        if nid is None or nid == "0":
            return ""
        level = int(ilvl) if ilvl and ilvl.isdigit() else \
            self.numbering.level_for_style(nid, style_id)
        return self.numbering.render(nid, level)

    # -- tables
    def _table(self, tbl) -> None:
        grid = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
        rows = []
        for tr in tbl.findall(qn("w:tr")):
            self.ordinal += 1
            cells = _row_cells(tr, grid)
            if any(c for c in cells):
                trpr = tr.find(qn("w:trPr"))
                rows.append((self.ordinal, cells,
                             trpr is not None and _on(trpr.find(qn("w:tblHeader")))))
        if not rows:
            return
        # The head of a table: its rows marked as header (w:tblHeader, repeated by Word on
        # each page), or else its first row. A table that follows another directly and
        # starts with the same head was split by hand: one table, its head kept once.
        marked = []
        for _, cells, is_header in rows:
            if not is_header:
                break
            marked.append(cells)
        continued = self.last_head is not None and rows[0][1] == self.last_head[0]
        if continued:
            head = self.last_head
        else:
            self.table_count += 1
            head = marked or [rows[0][1]]
        first = True
        for index, (ordinal, cells, is_header) in enumerate(rows):
            leading = index < len(marked)
            if cells in head and (continued or not leading) and (continued or marked):
                continue  # a header repeated on a later page (or a split table's copy)
            text = " ".join(c.replace("\n", " ") for c in cells if c)
            self.out.append(Line(ordinal, text, self.gap if first else False, whole=True,
                                 cells=cells, table=self.table_count,
                                 header=leading and not continued))
            first = False
            self.gap = False
        self.last_head = head


def _row_cells(tr, grid: int) -> tuple[str | None, ...]:
    cells: list[str | None] = []
    trpr = tr.find(qn("w:trPr"))
    before = int(_val(trpr, "w:gridBefore") or 0) if trpr is not None else 0
    cells.extend([""] * before)
    for tc in tr.findall(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        span = int(_val(tcpr, "w:gridSpan") or 1) if tcpr is not None else 1
        vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue":
            cells.append(None)  # merged with the cell above: the row shares its value
        else:
            cells.append(_cell_text(tc))
        cells.extend([""] * (span - 1))
    if grid and len(cells) < grid:
        cells.extend([""] * (grid - len(cells)))
    return tuple(cells)


def _cell_text(tc) -> str:
    """A cell's paragraphs, one per line; a nested table's rows flattened into it."""
    parts: list[str] = []
    for child in tc:
        if child.tag == qn("w:p"):
            text = _text(child)[0].strip()
            if text:
                parts.append(text)
        elif child.tag == qn("w:tbl"):
            for tr in child.findall(qn("w:tr")):
                row = " ".join(c for c in _row_cells(tr, 0) if c)
                if row:
                    parts.append(row)
    return "\n".join(parts)


def _text(p) -> tuple[str, bool]:
    """A paragraph's printed text, and whether a page break ends it.

    Text boxes, drawings, field codes and deleted text are skipped; hidden
    runs (w:vanish) are not printed, so not read. A line break inside the
    paragraph joins like a wrapped line: nothing between CJK, a space
    between Latin words.
    """
    out: list[str] = []
    page_break = False

    def visit(el, hidden: bool) -> None:
        nonlocal page_break
        for child in el:
            tag = child.tag
            if tag in _SKIP or tag == _MC_FALLBACK or tag == qn("w:pPr"):
                continue
            if tag == qn("w:r"):
                rpr = child.find(qn("w:rPr"))
                visit(child, hidden or (rpr is not None and _on(rpr.find(qn("w:vanish")))))
            elif tag == qn("w:rPr"):
                continue
            elif hidden:
                continue
            elif tag == qn("w:t"):
                out.append(child.text or "")
            elif tag == qn("w:tab") or tag == qn("w:ptab"):
                out.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) == "page":
                    page_break = True
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag == qn("w:sym"):
                code = child.get(qn("w:char")) or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    ch = ""
                out.append("" if 0xE000 <= ord(ch or "\0") <= 0xF8FF and ch else ch)
            else:
                visit(child, hidden)  # hyperlink, smartTag, ins, fldSimple, sdt, AlternateContent…

    visit(p, False)
    # A tab aligns (a roster's name and post, a date pushed right): in print it is a gap.
    return _join_breaks("".join(out)).replace("\t", " "), page_break


def _join_breaks(text: str) -> str:
    if "\n" not in text:
        return text
    pieces = [piece.strip() for piece in text.split("\n")]
    joined = pieces[0]
    for piece in pieces[1:]:
        if not piece:
            continue
        latin = joined[-1:].isascii() and joined[-1:].isalnum() and piece[:1].isascii() \
            and piece[:1].isalnum()
        joined += (" " if latin else "") + piece
    return joined


def _section_breaks_page(sect_pr) -> bool:
    kind = _val(sect_pr, "w:type") or "nextPage"
    return kind in ("nextPage", "oddPage", "evenPage")


def _val(el, name: str) -> str | None:
    if el is None:
        return None
    child = el.find(qn(name))
    return child.get(qn("w:val")) if child is not None else None


def _on(el) -> bool:
    """An OOXML on/off property: present and not switched off."""
    return el is not None and el.get(qn("w:val"), "true") not in ("0", "false", "off")
