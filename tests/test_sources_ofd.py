"""OFD: the seed typeset as OFD parses exactly as its text; each GB/T 33190 rule proved."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest


from models.parse.sources import ofd_package
from tests.makers.helpers import TASK_CELLS, TASK_ROWS, message_of
from tests.makers.issue_compare import first_difference, issue_facts
from models.parse.parser import parse_bytes, parse_lines
from models.parse.sources.ofd_geometry import compose, deltas, object_transform, path_lines
from models.parse.sources.ofd import SCAN, read_ofd
from tests.makers.ofd_maker import compress_deltas, write_ofd
from tests.makers.seed_blocks import SEED, seed_text

from models.parse.sources import geometry as layout
from models.parse.sources.ofd import MM
from tests.makers import typeset

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def seed_pages():
    from tests.makers.gazette_style import seed_pages as styled
    return styled(seed_text())


@pytest.fixture(scope="module")
def seed_ofd(seed_pages):
    return write_ofd(seed_pages, title="市中区人民政府公报 2021年第5期", advance=typeset.advance)


def test_seed_as_ofd_parses_as_its_text(registry, seed_ofd):
    expected = issue_facts(parse_bytes(SEED.read_bytes(), registry, SEED.name))
    pages = read_ofd(seed_ofd, "seed.ofd")
    lines = layout.lines_from_pages(pages)
    issue = parse_lines(lines, registry, "seed.ofd")
    actual = issue_facts(issue)
    assert actual == expected, first_difference(expected, actual)
    assert issue.label == "2021年第5期"
    assert [e.page for e in issue.toc] == [1, 5, 8, 17, 25]


def test_ofd_glyphs_are_where_the_typesetter_put_them(seed_pages, seed_ofd):
    """Boundary, CTM, DeltaX ("g n d"), TextCodes inheriting Y, templates: every glyph back."""
    pages = read_ofd(seed_ofd)
    assert len(pages) == len(seed_pages)
    names = zipfile.ZipFile(io.BytesIO(seed_ofd)).namelist()
    assert any("Tpls/" in n for n in names)  # the running head went to a template page
    for placed, raw in zip(seed_pages, pages):
        want = sorted((round(g.baseline, 1), g.x, g.char, g.size) for g in placed.glyphs)
        got = sorted((round(g.top + 0.88 * g.size, 1), g.x0, g.char, g.size)
                     for g in raw.glyphs if g.char != " ")
        assert [w[2] for w in want] == [g[2] for g in got], f"page {placed.number}"
        for w, g in zip(want, got):
            assert abs(w[1] - g[1]) < 0.15 and abs(w[0] - g[0]) < 0.15 and abs(w[3] - g[3]) < 0.01
        rules = sorted((round(min(a, c), 1), round(min(b, d), 1), round(max(a, c), 1),
                        round(max(b, d), 1)) for a, b, c, d in placed.rules)
        segs = sorted((round(s.x0, 1), round(s.top, 1), round(s.x1, 1), round(s.bottom, 1))
                      for s in raw.segments)
        assert rules == segs, f"page {placed.number}"
        assert abs(raw.width - 595.28) < 0.1 and abs(raw.height - 841.89) < 0.1


def test_task_table_as_ofd_gives_the_cells_word_gives():
    """PathObjects → rules → the shared layout finds the grid: the same cells, None where a
    cell is merged from above, as the .docx of the same table (test_docx)."""
    block = typeset.Block
    rows = [list(r) for r in TASK_ROWS]
    rows[2][2] = None  # the typesetter draws no rule above a cell merged into the one above
    pages = typeset.typeset([
        block("masthead", "枣庄市市中区人民政府办公室文件"),
        block("center", "市中政办字〔2021〕99号", gap=1),
        block("title", "市中区人民政府办公室关于印发低速电动车整治任务分工的通知", gap=1),
        block("plain", "各镇人民政府，各街道办事处，区政府各部门单位："),
        block("body", "现将任务分工印发给你们，请认真贯彻落实。"),
        block("table", rows=rows, widths=[1, 4, 2, 2, 2], header_rows=1),
        block("right", "市中区人民政府办公室", gap=2, right_indent=4),
        block("right", "2021年9月24日", right_indent=4)])
    raw = read_ofd(write_ofd(pages))
    assert sum(len(p.segments) for p in raw) > 20
    table = [line for line in layout.lines_from_pages(raw) if line.cells is not None]
    assert [line.cells for line in table] == TASK_CELLS
    assert [line.header for line in table] == [True, False, False, False]


# ---------------------------------------------------------------- the rules, one by one

def test_deltas_repeat_and_pad():
    assert deltas("g 3 1.5 2", 5) == [1.5, 1.5, 1.5, 2.0, 2.0]  # short: the last one repeats
    assert deltas("1 g 2 3 4", 4) == [1.0, 3.0, 3.0, 4.0]
    assert deltas(None, 4) == [] and deltas("g 1000000000 1", 3) == [1.0, 1.0, 1.0]
    assert compress_deltas(["5", "5", "5", "2", "5", "5"]) == "g 3 5 2 5 5"


def test_paths_and_transforms():
    assert path_lines("M 0 0 L 10 0 L 10 5 C") == [(0, 0, 10, 0), (10, 0, 10, 5), (10, 5, 0, 0)]
    assert path_lines("S 1 1 Q 2 2 3 3 L 4 3 B 0 0 0 0 9 9 A 1 1 0 0 1 5 5 L 5 6") == [
        (3, 3, 4, 3), (5, 5, 5, 6)]
    t = compose(object_transform("10 20 5 5", None), object_transform("1 2 3 4", "2 0 0 2 0 0"))
    assert t == (2.0, 0.0, 0.0, 2.0, 11.0, 22.0)


NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _package(pages: dict[str, str], document: str | None = None, extra: dict | None = None,
             ofd: str | None = None) -> bytes:
    """A hand-written OFD package: page Content.xml bodies by name, as GB/T 33190 lays out."""
    refs = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/{name}/Content.xml"/>'
                   for i, name in enumerate(pages))
    document = document or (
        f'<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea>'
        '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
        '<ofd:TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f'<ofd:Pages>{refs}</ofd:Pages></ofd:Document>')
    files = {"OFD.xml": ofd or f'<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
             '<ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
             '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
             "Doc_0/Document.xml": document,
             "Doc_0/PublicRes.xml": f'<ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
             '<ofd:Font ID="1" FontName="宋体"/><ofd:Font ID="2" FontName="黑体" Bold="true"/>'
             '</ofd:Fonts><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="7" Width="50"'
             ' Height="10"><ofd:Content><ofd:TextObject ID="8" Boundary="0 0 50 10" Font="1"'
             ' Size="5"><ofd:TextCode X="0" Y="5">章</ofd:TextCode></ofd:TextObject>'
             '</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>',
             "Doc_0/Tpls/Tpl_0/Content.xml": f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="6">'
             '<ofd:TextObject ID="9" Boundary="20 10 100 8" Font="1" Size="4"><ofd:TextCode X="0"'
             ' Y="4" DeltaX="g 3 4">市中公报</ofd:TextCode></ofd:TextObject></ofd:Layer>'
             '</ofd:Content></ofd:Page>'}
    for name, body in pages.items():
        if body is not None:
            files[f"Doc_0/Pages/{name}/Content.xml"] = body
    files.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(name, body)
    return out.getvalue()


PAGE = (f'<ofd:Page {NS}><ofd:Template TemplateID="5" ZOrder="Background"/><ofd:Content>'
        '<ofd:Layer ID="20"><ofd:TextObject ID="21" Boundary="30 40 150 10" Font="2" Size="5">'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 2 5.5">一二三</ofd:TextCode>'
        '<ofd:TextCode X="20">四</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="22" Boundary="30 60 150 10" Font="1" Size="2.5" CTM="2 0 0 2 0 0">'
        '<ofd:TextCode X="0" Y="2.5" DeltaX="2.5">放大</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="23" Boundary="30 80 150 10" Font="1" Size="5" Visible="false">'
        '<ofd:TextCode X="0" Y="5">隐</ofd:TextCode></ofd:TextObject>'
        '<ofd:PageBlock ID="24"><ofd:PathObject ID="25" Boundary="30 100 150 1" LineWidth="0.3">'
        '<ofd:AbbreviatedData>M 0 0.5 L 150 0.5</ofd:AbbreviatedData></ofd:PathObject>'
        '<ofd:CompositeObject ID="26" Boundary="100 120 50 10" ResourceID="7"/></ofd:PageBlock>'
        '<ofd:TextObject ID="27" Boundary="30 140 150 20" Font="1" Size="5"><ofd:TextCode X="0"'
        ' Y="5" DeltaX="g 2 0" DeltaY="g 2 6">竖排字</ofd:TextCode></ofd:TextObject>'
        '</ofd:Layer></ofd:Content></ofd:Page>')


def test_reader_follows_the_standard_on_a_hand_written_page():
    (page,) = read_ofd(_package({"Page_0": PAGE}))
    at = {g.char: g for g in page.glyphs}
    mm = lambda v: v * MM  # noqa: E731
    # Boundary offset + TextCode X/Y; DeltaX "g 2 5.5"; the next TextCode keeps Y.
    assert at["一"].x0 == pytest.approx(mm(30)) and at["一"].top + 0.88 * at["一"].size == \
        pytest.approx(mm(45))
    assert at["三"].x0 == pytest.approx(mm(41))
    assert at["四"].x0 == pytest.approx(mm(50)) and at["四"].top == pytest.approx(at["一"].top)
    assert at["一"].bold and not at["放"].bold  # the Font resource says Bold
    # CTM "2 0 0 2 0 0": size and offsets doubled.
    assert at["放"].size == pytest.approx(mm(5)) and at["大"].x0 == pytest.approx(mm(35))
    assert "隐" not in at  # Visible="false" is not printed
    assert at["市"].x0 == pytest.approx(mm(20))  # the template page's running head
    assert at["章"].x0 == pytest.approx(mm(100))  # a CompositeObject's unit, placed
    assert [round(at[c].top / MM, 2) for c in "竖排字"] == [round(at["竖"].top / MM + 6 * k, 2)
                                                        for k in range(3)]  # DeltaY
    (rule,) = page.segments
    assert (rule.x0, rule.x1) == (pytest.approx(mm(30)), pytest.approx(mm(180)))
    assert rule.top == pytest.approx(mm(100.5)) == pytest.approx(rule.bottom)


def test_gbk_declared_part_is_read():
    gbk = PAGE.replace(f'<ofd:Page {NS}>', f'<?xml version="1.0" encoding="GBK"?><ofd:Page {NS}>')
    (page,) = read_ofd(_package({"Page_0": gbk.encode("gbk")}))
    assert "一" in {g.char for g in page.glyphs}


# ---------------------------------------------------------------- wrong files

def test_ofd_that_is_not_a_zip():
    assert "这不是 OFD 文件" in message_of(lambda: read_ofd(b"hello world" * 30, "a.ofd"))


def test_zip_without_ofd_xml():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert "没有 OFD.xml" in message_of(lambda: read_ofd(out.getvalue()))


def test_ofd_with_a_missing_page_names_it(seed_pages):
    data = write_ofd(seed_pages[:5], omit_page=3)
    reason = message_of(lambda: read_ofd(data, "seed.ofd"))
    assert "第 3 页" in reason and "缺失" in reason


def test_hand_written_package_missing_page():
    data = _package({"Page_0": PAGE, "Page_1": None})
    assert message_of(lambda: read_ofd(data)).startswith("OFD 文件不完整：第 2 页的内容")


def test_malformed_page_xml():
    data = _package({"Page_0": PAGE, "Page_1": PAGE[:-20]})
    reason = message_of(lambda: read_ofd(data))
    assert "第 2 页的内容" in reason and "XML 格式错误" in reason


def test_scan_without_text_layer():
    scan = (f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" '
            'Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="9"/></ofd:Layer>'
            '</ofd:Content></ofd:Page>')
    document = (f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                '</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" '
                'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
    assert message_of(lambda: read_ofd(_package({"Page_0": scan}, document))) == SCAN


def test_missing_document_root_and_dtd():
    ofd = (f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_9/Document.xml</ofd:DocRoot>'
           '</ofd:DocBody></ofd:OFD>')
    assert "缺少文档根节点" in message_of(lambda: read_ofd(_package({"Page_0": PAGE}, ofd=ofd)))
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + PAGE
    assert "DTD" in message_of(lambda: read_ofd(_package({"Page_0": bomb})))


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(ofd_package, "MAX_TOTAL", 200_000)
    big = PAGE.replace("</ofd:Layer>", "<!--" + "x" * 300_000 + "--></ofd:Layer>")
    assert "超过" in message_of(lambda: read_ofd(_package({"Page_0": big})))


def test_each_wrong_file_has_its_own_message(seed_pages):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "x")
    messages = {message_of(lambda d=d: read_ofd(d)) for d in (
        b"not a zip at all" * 10, out.getvalue(), write_ofd(seed_pages[:3], omit_page=2),
        _package({"Page_0": PAGE, "Page_1": PAGE[:-20]}))}
    assert len(messages) == 4


# ---------------------------------------------------------------- another reader agrees

def test_ofdkit_reads_the_same_characters(seed_ofd, tmp_path):
    """An independent reader (ofdkit 0.2.0, Apache-2.0, a test dependency only) finds the same
    text on every page of the OFD files the tests write: they follow the standard, not us."""
    import ofdkit
    path = tmp_path / "seed.ofd"
    path.write_bytes(seed_ofd)
    theirs = ["".join(r.text for r in page.runs) for page in ofdkit.open(str(path)).pages]
    ours = ["".join(g.char for g in p.glyphs) for p in read_ofd(seed_ofd)]
    assert len(theirs) == len(ours)
    for a, b in zip(theirs, ours):
        assert sorted(a.replace(" ", "")) == sorted(b.replace(" ", ""))
