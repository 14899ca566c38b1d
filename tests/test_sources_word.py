"""Word files: each seed document written as a .docx parses exactly as its text does."""
from __future__ import annotations

import io
import zipfile

import pytest

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from models.parse.sources.word import ENCRYPTED, OLD_FORMAT, read_docx
from tests.makers.docx_maker import TableBlock, write_docx
from tests.makers.helpers import TASK_CELLS, TASK_ROWS, message_of
from tests.makers.issue_compare import first_difference, issue_facts
from models.parse.parser import parse_lines
from tests.makers.seed_blocks import Block, document_blocks
from tests.libreoffice import SOFFICE, convert

DOCS = range(5)


def _name(lines) -> str:
    return lines[1].text if len(lines) > 1 else lines[0].text


@pytest.mark.parametrize("index", DOCS)
@pytest.mark.parametrize("auto_number", [True, False], ids=["word-numbering", "typed-numbers"])
def test_seed_document_as_docx_parses_as_its_text(index, auto_number, registry, seed_documents):
    text_lines = seed_documents[index]
    expected = issue_facts(parse_lines(text_lines, registry, "seed.txt"))
    data = write_docx(document_blocks(text_lines, registry), auto_number=auto_number,
                      text_box=True)
    lines = read_docx(data, "seed.docx")
    assert all(line.whole for line in lines)
    actual = issue_facts(parse_lines(lines, registry, "seed.docx"))
    assert actual == expected, first_difference(expected, actual)


@pytest.mark.parametrize("index", DOCS)
def test_word_numbering_is_really_used(index, registry, seed_documents):
    """The fixture is worth its name only if Word, not the runs, carries the numbers."""
    data = write_docx(document_blocks(seed_documents[index], registry))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    numbered = xml.count("<w:numPr>") + xml.count('w:val="GwHeading1"')
    assert numbered >= 5
    doc = Document(io.BytesIO(data))
    typed = [p.text for p in doc.paragraphs if p.text.startswith(("一、", "二、", "三、"))]
    assert not typed  # every section heading of the seed is numbered by Word


def test_alignment_gaps_and_text_box(registry, seed_documents):
    blocks = document_blocks(seed_documents[3], registry)  # a notice that issues a plan
    lines = read_docx(write_docx(blocks, text_box=True))
    by_text = {line.text: line for line in lines}
    assert by_text["枣庄市市中区人民政府办公室文件"].align == "center"
    assert by_text["市中政办发〔2021〕15号"].align == "center"
    assert by_text["2021年9月25日"].align == "right"
    assert by_text["市中区人民政府办公室"].align == "right"
    assert lines[0].blank_before  # the file's start
    plan = by_text["市中区促进3岁以下婴幼儿照护服务发展的实施方案"]
    assert plan.blank_before and plan.align == "center"  # a page break before it
    assert by_text["附件"].blank_before
    assert not any("样张" in line.text for line in lines)  # the text box is no paragraph
    numbers = [line.number for line in lines]
    assert numbers == sorted(set(numbers)) and numbers[0] >= 1


def _task_document() -> list:
    return [Block("masthead", "枣庄市市中区人民政府办公室文件"),
            Block("doc_number", "市中政办字〔2021〕99号"),
            Block("title", "市中区人民政府办公室关于印发低速电动车整治任务分工的通知"),
            Block("addressee", "各镇人民政府，各街道办事处，区政府各部门单位："),
            Block("body", "现将任务分工印发给你们，请认真贯彻落实。", "body"),
            TableBlock(TASK_ROWS, header_rows=1, merges=[(1, 2, 2)]),
            Block("signature", "市中区人民政府办公室"),
            Block("date", "2021年9月24日")]


def test_task_table_rows_cells_and_merged_cell(registry):
    lines = read_docx(write_docx(_task_document()))
    rows = [line for line in lines if line.cells is not None]
    assert [r.cells for r in rows] == TASK_CELLS
    assert [r.header for r in rows] == [True, False, False, False]
    assert {r.table for r in rows} == {1}
    assert rows[2].text == "2 设立限行标志，发布限行通告。 区交通运输局 2021年10月底前"
    # The parser reads each row as a task, its units by their columns; the merged cell
    # of row 2 shares row 1's lead unit.
    doc = parse_lines(lines, registry, "task.docx").documents[0]
    tasks = [(n.label, n.text.split("（")[0], [(a.department, a.role, a.form)
                                                for a in n.assignments])
             for n in doc.walk() if n.kind == "row"]
    assert tasks == [
        ("1.", "开展低速电动车摸底排查。", [("区公安分局", "lead", "table"),
                                     ("各镇人民政府", "support", "table")]),
        ("2.", "设立限行标志，发布限行通告。", [("区公安分局", "lead", "table"),
                                       ("区交通运输局", "support", "table")]),
        ("3.", "查处非法生产、销售行为。", [("区市场监督管理局", "lead", "table"),
                                    ("区工业和信息化局", "support", "table")])]
    assert doc.issuer == "市中区人民政府办公室" and doc.date == "2021-09-24"


def _two_tables_one_header() -> bytes:
    """A table continued by hand after a page break, its header typed again."""
    doc = Document()
    parts = ([["单位", "职责"], ["区财政局", "保障经费"]],
             [["单位", "职责"], ["区税务局", "落实优惠"]])
    for part in parts:
        table = doc.add_table(rows=2, cols=2)
        for r, row in enumerate(part):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        if part[1][0] == "区财政局":
            doc.add_paragraph().add_run().add_break(__import__("docx").enum.text.WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_header_repeated_on_a_continued_table_is_kept_once():
    rows = [line for line in read_docx(_two_tables_one_header()) if line.cells]
    assert [r.cells for r in rows] == [("单位", "职责"), ("区财政局", "保障经费"),
                                       ("区税务局", "落实优惠")]
    assert [r.table for r in rows] == [1, 1, 1]
    assert [r.header for r in rows] == [True, False, False]


def _numbered_docx() -> bytes:
    """Lists that test the numbering rules: levels, restarts, start overrides, formats."""
    def lvl(i, fmt, text, restart=None, legal=False):
        extra = (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "") + \
            ("<w:isLgl/>" if legal else "")
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
                f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>')

    doc = Document()
    numbering = doc.part.numbering_part.element
    first = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    abstract = {
        301: lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
        + lvl(2, "decimal", "%3.") + lvl(3, "decimalEnclosedCircle", "%4")
        + lvl(4, "decimal", "%1.%2.%5", legal=True),
        302: lvl(0, "decimal", "第%1条") + lvl(1, "decimal", "%2)", restart=0),
        303: lvl(0, "chineseCountingThousand", "%1") + lvl(1, "decimalFullWidth", "%2")
        + lvl(2, "chineseLegalSimplified", "%3") + lvl(3, "decimalEnclosedParen", "%4"),
    }
    for aid, body in abstract.items():
        first.addprevious(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                                    f'{body}</w:abstractNum>'))
    nums = {401: (301, ""), 402: (301, ""), 403: (301, '<w:lvlOverride w:ilvl="0">'
                                               '<w:startOverride w:val="5"/></w:lvlOverride>'),
            404: (302, ""), 405: (303, "")}
    for nid, (aid, override) in nums.items():
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}">'
                                   f'<w:abstractNumId w:val="{aid}"/>{override}</w:num>'))

    def p(nid, ilvl, text="x"):
        para = doc.add_paragraph(text)
        para._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>'))

    for _ in range(2):
        p(401, 0)
        for _ in range(2):
            p(401, 1)
            p(401, 2)
            p(401, 3)
            p(401, 4)
    p(402, 0)  # another w:num of the same list, no override: it counts on
    p(403, 0)  # … with a start override: a list of its own, from 五
    p(403, 1)
    for _ in range(2):
        p(404, 0)
        p(404, 1)
        p(404, 1)  # lvlRestart 0: never restarts
    for _ in range(21):
        p(405, 0)
    for level in (1, 2, 3):
        for _ in range(11):
            p(405, level)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_word_numbering_rules_and_formats():
    texts = [line.text for line in read_docx(_numbered_docx())]
    assert texts[:10] == ["一、x", "（一）x", "1.x", "①x", "1.1.1x", "（二）x", "1.x", "①x",
                          "1.2.1x", "二、x"]
    assert texts[18:21] == ["三、x", "五、x", "（一）x"]
    assert texts[21:27] == ["第1条x", "1)x", "2)x", "第2条x", "3)x", "4)x"]
    counting = texts[27:48]
    assert counting[9:12] == ["十x", "十一x", "十二x"] and counting[19:21] == ["二十x", "二十一x"]
    assert texts[48:59][-2:] == ["１０x", "１１x"]  # decimalFullWidth
    assert texts[59:70][9:11] == ["壹拾x", "壹拾壹x"]  # chineseLegalSimplified
    assert texts[70:81][-1] == "⑾x"  # decimalEnclosedParen


def test_format_numbers_directly():
    from models.parse.sources.word_numbering import counting, format_number
    assert [counting(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110, 1005)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千零五"]
    assert format_number(21, "decimalEnclosedCircle") == "㉑"
    assert format_number(3, "upperRoman") == "III" and format_number(28, "lowerLetter") == "bb"
    assert format_number(12, "ideographDigital") == "一二"
    assert format_number(7, "none") == ""


# ---------------------------------------------------------------- wrong files

def _ole2(extra: bytes = b"") -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + extra


def test_old_doc_and_wps_get_the_save_as_message():
    assert message_of(lambda: read_docx(_ole2(b"WordDocument"), "旧文件.doc")) == OLD_FORMAT


def test_encrypted_docx_gets_its_own_message():
    assert message_of(lambda: read_docx(_ole2("EncryptedPackage".encode("utf-16-le")))) == \
        ENCRYPTED


def test_docx_that_is_not_a_zip():
    reason = message_of(lambda: read_docx("这不是压缩包".encode() * 20, "a.docx"))
    assert "不是 Word 文档" in reason and "zip" in reason


def test_truncated_docx():
    data = write_docx([Block("title", "关于测试的通知"), Block("body", "测试。")])
    assert "损坏或不完整" in message_of(lambda: read_docx(data[: len(data) // 2]))


def test_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in message_of(lambda: read_docx(out.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    assert "OFD" in message_of(lambda: read_docx(out.getvalue()))


def test_every_wrong_file_has_its_own_message():
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    messages = {message_of(lambda d=d: read_docx(d)) for d in (
        _ole2(), _ole2("EncryptedPackage".encode("utf-16-le")), b"plain text, no zip" * 10,
        b"{\\rtf1 hello}", empty_zip.getvalue())}
    assert len(messages) == 5


# ---------------------------------------------------------------- LibreOffice agrees

def _soffice(tmp_path, target: str, *files) -> None:
    convert(tmp_path, target, *files)  # with the bundled fonts: Chinese renders anywhere


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_agrees(tmp_path, registry, seed_documents):
    """An independent implementation: LibreOffice prints the same numbers for our fixtures,
    its own .docx export of them (a num with startOverride for a list's first paragraph only,
    the rest counting on) parses the same, and its binary .doc gets the save-as message."""
    paths = []
    for index in DOCS:
        path = tmp_path / f"doc{index}.docx"
        write_docx(document_blocks(seed_documents[index], registry), path)
        paths.append(path)
    _soffice(tmp_path, "txt:Text (encoded):UTF8", *paths)
    _soffice(tmp_path, "doc", paths[0])
    _soffice(tmp_path, "docx:MS Word 2007 XML", *paths)  # into out/: the sources stay
    resaved = tmp_path / "out"
    for index, path in zip(DOCS, paths):
        printed = (tmp_path / "out" / f"doc{index}.txt").read_text(encoding="utf-8-sig")
        theirs = ["".join(t.split()) for t in printed.split("\n") if t.strip()]
        ours = ["".join(line.text.split()) for line in read_docx(path)]
        assert theirs == ours
        expected = issue_facts(parse_lines(seed_documents[index], registry, "seed.txt"))
        again = issue_facts(parse_lines(read_docx(resaved / f"doc{index}.docx"), registry, "r"))
        assert again == expected, first_difference(expected, again)
    assert message_of(lambda: read_docx(tmp_path / "out" / "doc0.doc")) == OLD_FORMAT


def test_tabs_become_gaps_and_style_page_breaks_count():
    doc = Document()
    style = doc.styles["Heading 1"]
    style.paragraph_format.page_break_before = True
    doc.add_paragraph("组  长：\t邢  军\t区委常委、常务副区长")
    doc.add_paragraph("附件", style="Heading 1")
    out = io.BytesIO()
    doc.save(out)
    first, second = read_docx(out.getvalue())
    assert first.text == "组  长： 邢  军 区委常委、常务副区长"
    assert second.blank_before and second.text == "附件"
