"""Test fixtures: an official document as a .docx, the way offices write them.

Built with python-docx from Blocks (seed_blocks): red centred masthead,
centred 文号 and title, 主送机关, body paragraphs indented two characters,
signature and date right-aligned, annexes on new pages. Headings are numbered
by Word where Word would print exactly the published number (numbering.xml
levels 一、 / （一） / 1. / （1）, some through a heading style, some by direct
numPr, lists restarted per region by startOverride); the others stay typed, as
in real files where both kinds mix. A task table (牵头单位/配合单位, a
vertically merged cell, a header row marked to repeat) and a text box that
the reader must ignore can be added.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from models.parse.markers import match_marker

from tests.makers.seed_blocks import Block

HEADINGS = 100  # abstractNum of the 一、/（一）/1./（1） scheme
RUNNING = 200  # abstractNum of items numbered on through the whole document (1–29)
_LEVEL = {"section": 0, "subsection": 1, "item": 2, "subitem": 3}


@dataclass
class TableBlock:
    """A table: rows of cell texts; header rows repeat on each page; merges are
    (first_row, last_row, column) runs merged vertically."""
    rows: list[list[str]]
    header_rows: int = 1
    merges: list[tuple[int, int, int]] = field(default_factory=list)
    kind: str = "table"


def _level_xml(ilvl: int, fmt: str, text: str, suffix: str, restart: int | None = None,
               style: str | None = None) -> str:
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    link = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}{link}'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')


class _Lists:
    """The numbering definitions this writer adds, and Word's counters as it would count."""

    def __init__(self, document, item_text: str, item_suffix: str):
        self.numbering = document.part.numbering_part.element
        self.item_text = item_text
        levels = (_level_xml(0, "chineseCounting", "%1、", "nothing", style="GwHeading1")
                  + _level_xml(1, "chineseCounting", "（%2）", "nothing")
                  + _level_xml(2, "decimal", item_text.replace("N", "%3"), item_suffix)
                  + _level_xml(3, "decimal", "（%4）", "nothing"))
        running = _level_xml(0, "decimal", item_text.replace("N", "%1"), item_suffix)
        first_num = self.numbering.find(qn("w:num"))
        for aid, body in ((HEADINGS, levels), (RUNNING, running)):
            el = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                           f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>')
            if first_num is not None:
                first_num.addprevious(el)
            else:
                self.numbering.append(el)
        self.regions: dict[str, int] = {}
        self.counters: dict[int, list[int]] = {}
        self.next_id = 100

    def num_for(self, region: str, running: bool) -> int:
        """One w:num per region and list; a later region's list restarts by startOverride."""
        key = f"{region}|{running}"
        if key not in self.regions:
            nid = self.next_id
            self.next_id += 1
            overrides = "" if not self.regions else "".join(
                f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
                for i in range(4 if not running else 1))
            aid = RUNNING if running else HEADINGS
            self.numbering.append(parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
                f'{overrides}</w:num>'))
            self.regions[key] = nid
            self.counters[nid] = [0, 0, 0, 0]
        return self.regions[key]

    def try_number(self, nid: int, level: int, kind: str, label: str) -> bool:
        """Count the paragraph if Word would print *label* for it; else leave it typed."""
        counts = list(self.counters[nid])
        counts[level] += 1
        for deeper in range(level + 1, 4):
            counts[deeper] = 0
        n = counts[level]
        shown = {"section": f"{_cn(n)}、", "subsection": f"（{_cn(n)}）",
                 "subitem": f"（{n}）"}.get(kind, self.item_text.replace("N", str(n)))
        if shown != label:
            return False
        self.counters[nid] = counts
        return True


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")


def _fonts(run, east_asian: str, size: float, bold: bool = False, color: RGBColor | None = None):
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.name = "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    rfonts.set(qn("w:eastAsia"), east_asian)
    if color is not None:
        run.font.color.rgb = color


def _running_items(blocks: list) -> set[str]:
    """Regions whose 1. items count on across their sections (a 29-item 意见)."""
    found: set[str] = set()
    last: dict[str, int] = {}
    after_section: dict[str, bool] = {}
    for b in blocks:
        if not isinstance(b, Block) or b.kind != "body":
            continue
        m = match_marker(b.text)
        if m and m.kind == "section":
            after_section[b.region] = True
        elif m and m.kind == "item":
            if after_section.get(b.region) and m.number > 1 and last.get(b.region) == m.number - 1:
                found.add(b.region)
            last[b.region] = m.number
            after_section[b.region] = False
    return found


def write_docx(blocks: list, path: str | Path | None = None, *, auto_number: bool = True,
               text_box: bool = False) -> bytes:
    """The blocks as a .docx (bytes; also written to *path* when given)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    heading = doc.styles.add_style("GwHeading1", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = normal
    first_item = next((m.label for b in blocks if isinstance(b, Block) and b.kind == "body"
                       for m in [match_marker(b.text)] if m and m.kind == "item"), "1.")
    digits = len(first_item) - len(first_item.lstrip("0123456789"))
    lists = _Lists(doc, "N" + first_item[digits:], "space")
    if auto_number:  # level 0 headings take their number from the style, as Word's do
        heading.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:numId w:val="{lists.num_for("body", False)}"/></w:numPr>'))
    running = _running_items(blocks)
    previous_kind = ""
    for block in blocks:
        if isinstance(block, TableBlock):
            _table(doc, block)
            previous_kind = "table"
            continue
        _paragraph(doc, block, lists, auto_number, running, previous_kind, heading)
        previous_kind = block.kind
    if text_box:
        _add_text_box(doc.paragraphs[0], "（样张·不得外传）")
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _paragraph(doc, block: Block, lists: _Lists, auto_number: bool, running: set[str],
               previous_kind: str, heading_style) -> None:
    text = block.text
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if block.kind in ("annex_mark", "plan_title") or (block.kind == "masthead"
                                                      and doc.paragraphs[0] is not para):
        fmt.page_break_before = True
    if block.kind == "cc" or (block.kind == "imprint" and previous_kind != "imprint"):
        doc.paragraphs[-1]._p.addprevious(parse_xml(f'<w:p {nsdecls("w")}/>'))  # an empty line
    if block.align == "center":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.align == "right":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(64)
    face, size, bold, color = "仿宋_GB2312", 16.0, False, None
    if block.kind == "masthead":
        face, size, color = "方正小标宋简体", 36.0, RGBColor(0xE0, 0x00, 0x00)
    elif block.kind in ("title", "plan_title"):
        face, size = "方正小标宋简体", 22.0
    elif block.kind in ("annex_mark",):
        face = "黑体"
    marker = match_marker(text) if block.kind == "body" else None
    if marker and marker.kind == "section":
        face = "黑体"
    elif marker and marker.kind == "subsection":
        face = "楷体_GB2312"
    if block.indent:
        fmt.first_line_indent = Pt(32)
    if auto_number and marker and marker.kind in _LEVEL:
        level = _LEVEL[marker.kind]
        is_running = marker.kind == "item" and block.region in running
        nid = lists.num_for(block.region, is_running)
        if lists.try_number(nid, 0 if is_running else level, marker.kind, marker.label):
            text = text[marker.length:]
            if level == 0 and block.region == "body":
                para.style = heading_style  # numbered through the style's numPr
            else:
                ppr = para._p.get_or_add_pPr()
                ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="'
                                     f'{0 if is_running else level}"/><w:numId w:val="{nid}"/>'
                                     '</w:numPr>'))
    run = para.add_run(text)
    _fonts(run, face, size, bold, color)


def _table(doc, block: TableBlock) -> None:
    columns = max(len(r) for r in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=columns)
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(block.rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for p in cell.paragraphs:
                for run in p.runs:
                    _fonts(run, "仿宋_GB2312", 12.0)
        if r < block.header_rows:
            trpr = table.rows[r]._tr.get_or_add_trPr()
            trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for first, last, column in block.merges:
        top = table.cell(first, column)
        keep = top.text
        merged = top.merge(table.cell(last, column))
        merged.text = keep  # merge() gathers every cell's text into the top one


def _add_text_box(paragraph, text: str) -> None:
    """A legacy VML text box, as WPS and older Word write them: text the body never had."""
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        f'<v:shape style="position:absolute;width:120pt;height:30pt"><v:textbox>'
        f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
        f'</v:textbox></v:shape></w:pict></w:r>'))
