"""An OutDoc as a Word file an office edits in WPS or Word (python-docx).

Officials paste the list into their own 报告, so the file uses what an office
template uses, by name: paragraph styles in Chinese (公文标题, 一级标题, …), the
faces of GB/T 9704 named for East Asian text (w:eastAsia) — 方正小标宋简体 for
the title, 黑体, 楷体_GB2312, 仿宋_GB2312 for the body — so WPS on the official's
machine sets it in its own fonts; A4 with the standard's margins (天头 37 mm,
订口 28 mm, 35 mm below, 26 mm on the right); exact line spacing; page
numbers "— N —" in the footer as a PAGE field, odd pages right, even pages
left (§7.5). A table is a real Word table: its header row repeats on every
page (w:tblHeader) and no row is split across pages (w:cantSplit). A heading
keeps with the paragraph after it (w:keepNext), and the line under a table
with the table's last row (its paragraphs keep with the next).
"""
from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from models.views.citation import unbroken, without_joiners
from models.views.outdoc import UNBROKEN, Cell, OutDoc, Para, Span, Table
from models.views.print_html import MARGINS_MM
from models.whole_file import write_bytes_whole

TITLE_FONT = "方正小标宋简体"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"  # GB/T 9704 §7.5: 4号半角宋体阿拉伯数字

A4_MM = (210, 297)
TEXT_WIDTH_MM = A4_MM[0] - MARGINS_MM[0] - MARGINS_MM[2]  # 156 mm
CELL_MARGIN_PT = 3.5

# kind → (style name, font, size pt, bold, alignment, first-line indent in chars,
#         exact line spacing pt, space before pt)
_STYLES = {
    "title": ("公文标题", TITLE_FONT, 22, False, "center", 0, 36, 0),
    "meta": ("文头说明", BODY_FONT, 14, False, "center", 0, 24, 0),
    "h1": ("一级标题", HEI_FONT, 16, False, "left", 2, 28, 6),
    "h2": ("二级标题", KAI_FONT, 16, True, "left", 2, 28, 6),
    "entry": ("条目标题", HEI_FONT, 14, False, "left", 0, 24, 6),
    "body": ("公文正文", BODY_FONT, 16, False, "justify", 2, 28, 0),
    "source": ("出处", BODY_FONT, 14, False, "left", 0, 24, 0),
    "note": ("备注", KAI_FONT, 16, False, "justify", 0, 28, 0),
    "due": ("时限", BODY_FONT, 14, False, "left", 0, 24, 0),
    "small": ("表注", BODY_FONT, 12, False, "left", 0, 20, 2),
    "cell": ("表格文字", BODY_FONT, 11, False, "left", 0, 14, 0),
    "th": ("表头", HEI_FONT, 11, False, "center", 0, 14, 0),
}
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def set_font(target, face: str) -> None:
    """Name *face* for every script of a run or style (w:ascii, w:hAnsi, w:eastAsia, w:cs):
    Word takes a Chinese character's face from w:eastAsia only."""
    target.font.name = face
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)


def _define_styles(document) -> dict[str, str]:
    """Add the paragraph styles; their ids by kind. Paragraphs are given the id directly
    (w:pStyle): python-docx finds a style by name through every style of its template,
    10 ms a paragraph."""
    ids: dict[str, str] = {}
    styles = document.styles
    normal = styles["Normal"]
    set_font(normal, BODY_FONT)
    normal.font.size = Pt(16)
    for kind, (name, face, size, bold, align, indent, line, before) in _STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        ids[kind] = style.style_id
        style.base_style = normal
        style.quick_style = True
        set_font(style, face)
        style.font.size = Pt(size)
        style.font.bold = bold
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.first_line_indent = Pt(size * indent) if indent else Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(0)
        fmt.widow_control = True
        if kind in ("h1", "h2", "entry"):
            fmt.keep_with_next = True
        if kind == "meta":
            fmt.space_after = Pt(6)
        _no_auto_space(style.element.get_or_add_pPr())
    return ids


# What follows w:autoSpaceDN in CT_PPr (ECMA-376 §17.3.1.26): Word wants the order kept.
_AFTER_AUTO_SPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                     "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                     "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                     "w:pPrChange")


def _no_auto_space(ppr) -> None:
    """No extra space between Chinese and Latin or digits (w:autoSpaceDE/DN off): the
    published wording sets 2021年 tight, and the table's widths are measured for it."""
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(name)
        element.set(qn("w:val"), "0")
        ppr.insert_element_before(element, *_AFTER_AUTO_SPACE)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    left, top, right, bottom = MARGINS_MM
    section.left_margin, section.top_margin = Mm(left), Mm(top)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(20)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)  # odd pages
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph, align) -> None:
    """— N — with N a PAGE field (Word and WPS number the pages themselves)."""
    paragraph.alignment = align
    paragraph.paragraph_format.left_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.LEFT else None
    paragraph.paragraph_format.right_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.RIGHT else None

    def run(text: str = ""):
        r = paragraph.add_run(text)
        set_font(r, PAGE_NUMBER_FONT)
        r.font.size = Pt(14)
        return r
    run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        r = run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        else:
            r.text = text
    run(" —")


def _add_spans(paragraph, spans: list[Span]) -> None:
    for span in spans:
        run = paragraph.add_run(unbroken(span.text) if span.style in UNBROKEN else span.text)
        if span.style == "mark":  # the department: bold and highlighted, one click to remove
            run.font.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.GRAY_25
        elif span.style in ("role", "expired"):
            set_font(run, HEI_FONT)
            run.font.bold = True
        elif span.style == "label":
            run.font.bold = True


def _add_para(document, para: Para, style_id: str) -> None:
    paragraph = document.add_paragraph()
    paragraph._p.style = style_id
    _add_spans(paragraph, para.spans)
    fmt = paragraph.paragraph_format
    if para.keep_with_next:
        fmt.keep_with_next = True
    if para.page_break_before:
        fmt.page_break_before = True


def _row_flags(row, header: bool) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    props.append(flag)
    if header:
        repeat = OxmlElement("w:tblHeader")
        props.append(repeat)


def _fill_cell(cell, lines: Cell, style_id: str, align: str) -> None:
    first = cell.paragraphs[0]
    for i, line in enumerate(lines or [[]]):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph._p.style = style_id
        if align:
            paragraph.alignment = _ALIGN[align]
        _add_spans(paragraph, line)


def _add_table(document, table: Table, ids: dict[str, str]):
    widths = [Mm(TEXT_WIDTH_MM * w / 100) for w in table.widths]
    align = table.align or [""] * len(table.header)
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # w:tblLayout fixed: the widths below, not Word's guesses
    _cell_margins(grid, CELL_MARGIN_PT)
    for cell, text, width in zip(grid.rows[0].cells, table.header, widths):
        cell.width = width
        _fill_cell(cell, [[Span(text)]], ids["th"], "center")
    _row_flags(grid.rows[0], header=True)
    for values in table.rows:
        row = grid.add_row()
        for cell, lines, width, a in zip(row.cells, values, widths, align):
            cell.width = width
            _fill_cell(cell, lines, ids["cell"], a)
        _row_flags(row, header=False)
    for column, width in zip(grid.columns, widths):
        column.width = width
    return grid


def _cell_margins(grid, points: float) -> None:
    """The table's default cell margins (w:tblCellMar): *points* left and right, none above
    and below; narrower than Word's 0.19 cm, as the PDF's cells."""
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", 0), ("left", points), ("bottom", 0), ("right", points)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(value * 20)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    props = grid._tbl.tblPr
    look = props.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)  # CT_TblPr's order: … tblLayout, tblCellMar, tblLook
    else:
        props.append(margins)


def write_docx(doc: OutDoc, path: Path) -> Path:
    """Write *doc* to *path* as .docx; OSError when it cannot be written."""
    document = Document()
    _page_setup(document)
    ids = _define_styles(document)
    body = document.element.body
    for paragraph in list(document.paragraphs):  # the template's empty first paragraph
        body.remove(paragraph._p)
    grid = None  # the table just written
    for block in doc.blocks:
        if isinstance(block, Para):
            if block.keep_with_previous and grid is not None:  # its last row goes with it
                for cell in grid.rows[-1].cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
            _add_para(document, block, ids[block.kind])
            grid = None
        else:
            grid = _add_table(document, block, ids)
    props = document.core_properties
    props.title = doc.title
    props.author = "公报通"
    props.comments = doc.running_head
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = io.BytesIO()  # in memory first: a zip half-written to a full disk is not closed
    document.save(data)  # cleanly (zipfile's finaliser raises again, out of anyone's reach)
    write_bytes_whole(path, data.getvalue())
    return path


def docx_texts(path: Path) -> list[str]:
    """What a .docx says, in order: every body paragraph's text and every table cell's
    (its paragraphs joined by newlines), walking the body so tables keep their place; as a
    reader sees it (without the word joiners of citation.unbroken)."""
    document = Document(str(path))
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph
    out: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            for row in DocxTable(child, document).rows:
                out.extend("\n".join(p.text for p in cell.paragraphs) for cell in row.cells)
    return [without_joiners(text) for text in out]
