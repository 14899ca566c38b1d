"""Outputs a director accepts and an office can edit: the one-page duty table, the Word
files, the calendar. Every file is really written, then read back (pdftotext, python-docx,
icalendar) and compared with the others."""
from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from models.views import brief, duty_calendar, dutylist
from models.views.dutylist import DutyListOptions, build_duty_list, duty_document, duty_rows
from models.views.outdoc import Para, Table
from models.views.writers.docx import docx_texts

TODAY = date(2026, 11, 28)
EARLY = date(2021, 9, 1)  # before the seed's deadlines of 2021
FINANCE_ROWS = [  # the table of 区财政局 on the seed: (role, 文号, path), in the table's order
    ("lead", "市中政办发〔2021〕13号", "二、（一）"),
    ("lead", "市中政办发〔2021〕14号", "一、3."),
    ("responsible", "市中政办发〔2021〕14号", "二、4."),
    ("responsible", "市中政办发〔2021〕15号", "二、（三）1."),
    ("responsible", "市中政办发〔2021〕15号", "二、（三）4."),
    ("responsible", "市中政办发〔2021〕15号", "二、（五）1."),
    ("responsible", "市中政办发〔2021〕15号", "二、（五）2."),
    ("support", "市中政办发〔2021〕14号", "一、2."),  # the only one with a deadline
    ("support", "市中政办发〔2021〕13号", "三、（一）"),
    ("support", "市中政办发〔2021〕13号", "三、（二）"),
    ("annex", "市中政办发〔2021〕15号", "附件 区财政局"),
]


@pytest.fixture()
def finance(seed_library):
    return build_duty_list(seed_library, "区财政局", today=TODAY)


# ------------------------------------------------------------------ the table
def test_table_has_the_tasks_in_force_sorted_by_role_then_deadline(finance):
    rows = duty_rows(finance)
    assert [(r.entry.role, r.entry.doc_number, r.entry.path) for r in rows] == FINANCE_ROWS
    assert [r.number for r in rows] == list(range(1, 12))
    assert rows[0].task == "强化资金保障" and rows[0].role == "牵头"


def test_deadline_first_within_a_role(seed_library):
    rows = duty_rows(build_duty_list(seed_library, "区人力资源和社会保障局", today=TODAY))
    for role in {r.entry.role for r in rows}:
        dues = [r.first_due() for r in rows if r.entry.role == role]
        dated = [d for d in dues if d]
        assert dues[:len(dated)] == sorted(dated)  # dated first, in date order, then the rest


def test_left_out_line_makes_the_window_count_and_the_paper_agree(seed_library, finance):
    doc = duty_document(finance)
    table_at = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Table))
    under = doc.blocks[table_at + 1]
    assert isinstance(under, Para) and under.kind == "small"
    assert under.text == "说明：已失效公文 3 项未列入；通用条款 28 项未列入。"
    window = seed_library.resolve_department("区财政局").total  # what the window says: 14 条
    assert window == 14 == len(finance.entries) + finance.left_out["expired"]
    everything = build_duty_list(seed_library, "区财政局", DutyListOptions(
        include_expired=True, include_general=True), today=TODAY)
    assert everything.left_out == {}


def test_left_out_line_names_unchosen_roles_and_documents(seed_library):
    dl = build_duty_list(seed_library, "区财政局", DutyListOptions(roles=["lead"]), today=TODAY)
    assert dutylist.left_out_line(dl) == ("说明：已失效公文 3 项未列入；通用条款 28 项未列入；"
                                          "未选角色 9 项未列入。")


def test_a_date_stated_twice_is_one_deadline(finance):
    entry = next(e for e in finance.entries if e.path == "一、2.")
    assert entry.deadlines == [{"phrase": "年内、12月底前", "due": "2021-12-31", "start": None,
                                "kind": "within_year"}]
    row = next(r for r in duty_rows(finance) if r.entry.path == "一、2.")
    table = next(b for b in duty_document(finance).blocks if isinstance(b, Table))
    assert table.cell_text(table.rows[row.number - 1][3]) == "2021年12月31日\n（已过）"


# --------------------------------------------------------------- the appendix
def _entry_lines(doc):
    return [b.text for b in doc.blocks if isinstance(b, Para) and b.kind == "entry"]


def test_appendix_follows_unless_table_only(finance):
    full = duty_document(finance)
    heading = next(b for b in full.blocks if isinstance(b, Para) and b.text == "附：条款全文")
    assert heading.page_break_before and heading.keep_with_next
    assert len(_entry_lines(full)) == 11
    assert not _entry_lines(duty_document(finance, table_only=True))
    finance.options.table_only = True
    assert not _entry_lines(duty_document(finance))


def test_annex_entry_does_not_repeat_its_text_as_its_heading(finance):
    lines = _entry_lines(duty_document(finance))
    assert "［11］【附件职责】附件 区财政局" in lines
    assert "［1］【牵头】二、（一）　强化资金保障" in lines  # a clause keeps its heading


def test_department_highlighted_under_every_name(seed_library):
    dl = build_duty_list(seed_library, "区财政局", DutyListOptions(include_expired=True),
                         today=TODAY)
    doc = duty_document(dl)
    marked = {s.text for b in doc.blocks if isinstance(b, Para) and b.kind == "body"
              for s in b.spans if s.style == "mark"}
    assert marked == {"区财政局", "财政部门"}  # 八、财政部门：负责… in the expired plan's annex
    bodies = [b for b in doc.blocks if isinstance(b, Para) and b.kind == "body"]
    assert all(any(s.style == "mark" for s in b.spans) for b in bodies
               if "区财政局" in b.text or "财政部门" in b.text)


def test_headings_are_kept_with_the_text_after_them(finance):
    from models.views.print_html import KEEP_WITH_NEXT
    doc = duty_document(finance)
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Para) and block.kind in ("h1", "h2", "entry"):
            assert block.keep_with_next
            assert isinstance(doc.blocks[i + 1], Para)
    html = dutylist.to_print_job(finance).html_at(96)
    assert html.count(f"-qt-user-state: {KEEP_WITH_NEXT}") == sum(
        1 for b in doc.blocks if isinstance(b, Para) and b.keep_with_next)


# ------------------------------------------------------------------ the PDF
def _print(job, path: Path) -> int:
    from ui.headless import ensure_gui_app
    from ui.headless import print_job_to_pdf
    ensure_gui_app()
    return print_job_to_pdf(job, path)


def _pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _flat(text: str) -> str:
    return "".join(text.split())


def _pdf_body(path: Path, running_head: str, table_header: list[str] | None = None) -> str:
    """The PDF's text in content order, without running heads, page numbers, and the
    table header Qt repeats on later pages."""
    head = _flat(running_head)
    repeated = _flat("".join(table_header or []))
    pages = []
    for n, page in enumerate(_pdftotext(path, "-raw").split("\f")):
        lines = [ln for ln in page.split("\n") if _flat(ln)
                 and not re.fullmatch(r"—\s*\d+\s*—", ln.strip())]
        if lines and _flat(lines[0]) == head:
            lines = lines[1:]
        text = _flat("".join(lines))
        if n and repeated and text.startswith(repeated):
            text = text[len(repeated):]
        pages.append(text)
    return "".join(pages)


def test_finance_table_fits_on_page_one(finance, tmp_path):
    pdf = tmp_path / "区财政局.pdf"
    pages = _print(dutylist.to_print_job(finance), pdf)
    first = _flat(_pdftotext(pdf, "-f", "1", "-l", "1"))
    for role, number, path in FINANCE_ROWS:
        assert _flat(path) in first
    assert "说明：已失效公文3项未列入；通用条款28项未列入。" in first
    assert "附：条款全文" not in first
    assert _flat(_pdftotext(pdf, "-f", "2", "-l", "2")).startswith(
        _flat(finance.department.name + "职责清单") + "2021年第5期附：条款全文")
    only = tmp_path / "table.pdf"
    finance.options.table_only = True
    assert _print(dutylist.to_print_job(finance), only) == 1 < pages


def test_docx_says_what_the_pdf_says(finance, tmp_path):
    doc = duty_document(finance)
    pdf, docx = tmp_path / "d.pdf", tmp_path / "d.docx"
    _print(dutylist.to_print_job(finance), pdf)
    dutylist.write_docx(finance, docx)
    texts = docx_texts(docx)
    assert texts == list(doc.texts())  # same blocks, same order
    assert _flat("".join(texts)) == _pdf_body(pdf, doc.running_head, dutylist.TABLE_HEADER)


def test_largest_list_docx_and_pdf_agree(seed_library, tmp_path):
    """A table over several pages: Qt repeats its header, the text is the same."""
    dl = build_duty_list(seed_library, "各镇人民政府", DutyListOptions(
        include_general=True, include_expired=True), today=TODAY)
    pdf, docx = tmp_path / "d.pdf", tmp_path / "d.docx"
    pages = _print(dutylist.to_print_job(dl), pdf)
    dutylist.write_docx(dl, docx, table_only=False)
    assert pages > 2
    second = _pdftotext(pdf, "-raw", "-f", "2", "-l", "2").split("\n")
    assert _flat(second[1]) == _flat("".join(dutylist.TABLE_HEADER))  # the header repeats
    body = _pdf_body(pdf, duty_document(dl).running_head, dutylist.TABLE_HEADER)
    assert _flat("".join(docx_texts(docx))) == body


# ------------------------------------------------------------------ the .docx
def _rfonts(style) -> dict[str, str]:
    from docx.oxml.ns import qn
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in fonts.attrib.items()}


def test_docx_is_an_office_document(finance, tmp_path):
    from docx import Document
    from docx.oxml.ns import qn
    path = dutylist.write_docx(finance, tmp_path / "清单.docx")
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [37, 35, 28, 26]
    faces = {name: _rfonts(document.styles[name])["eastAsia"]
             for name in ("公文标题", "一级标题", "二级标题", "公文正文", "表格文字", "表头")}
    assert faces == {"公文标题": "方正小标宋简体", "一级标题": "黑体", "二级标题": "楷体_GB2312",
                     "公文正文": "仿宋_GB2312", "表格文字": "仿宋_GB2312", "表头": "黑体"}
    assert document.paragraphs[0].style.name == "公文标题"
    assert document.styles["公文正文"].font.size.pt == 16  # 三号
    table = document.tables[0]
    assert len(table.rows) == 12 and len(table.columns) == 5
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert [c.text for c in table.rows[0].cells] == dutylist.TABLE_HEADER
    # Page numbers — N — as a PAGE field, odd pages right and even pages left.
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert footer.paragraphs[0].text == "— 1 —"
    keep = [p for p in document.paragraphs if p.style.name in ("条目标题", "二级标题")]
    assert keep and all(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
                        for p in keep)


def test_docx_highlights_the_department(finance, tmp_path):
    from docx import Document
    path = dutylist.write_docx(finance, tmp_path / "d.docx")
    runs = [r for p in Document(str(path)).paragraphs for r in p.runs if r.font.highlight_color]
    assert runs and {r.text for r in runs} == {"区财政局"} and all(r.font.bold for r in runs)


# ------------------------------------------------------------------ the calendar
def _events(path: Path):
    from icalendar import Calendar
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_ics_one_all_day_event_per_future_deadline(seed_library, tmp_path):
    dl = build_duty_list(seed_library, "区人力资源和社会保障局", today=EARLY)
    future = [(d, e) for d, e in dl.deadlines() if not dl.is_past(d["due"])]
    assert len(future) < len(dl.deadlines())  # 8月底前 of 六、23. has passed on 9月1日
    path = tmp_path / "人社局.ics"
    assert duty_calendar.write_ics(dl, path) == len(future) == 3
    events = _events(path)
    assert len(events) == len(future)
    by_summary = {str(e["SUMMARY"]): e for e in events}
    assert "【区人力资源和社会保障局·牵头】提升就业服务" in by_summary
    event = by_summary["【区人力资源和社会保障局·牵头】提升就业服务"]
    assert event.decoded("DTSTART") == date(2021, 11, 30)  # a DATE: all day
    assert event.decoded("DTEND") == date(2021, 12, 1)
    description = str(event["DESCRIPTION"])
    assert description.startswith("《市中区人民政府办公室关于服务“六稳”“六保”进一步深化“放管服”改革的"
                                  "实施意见》（市中政办发〔2021〕14号）一、1.")
    assert "11月底前" in description and "1.提升就业服务。" in description
    for e in events:
        alarm = e.walk("VALARM")[0]
        assert alarm["TRIGGER"].to_ical() == b"-P7D" and str(alarm["ACTION"]) == "DISPLAY"
        assert isinstance(e.decoded("DTSTAMP"), datetime)
    cal_text = path.read_text(encoding="utf-8")
    assert cal_text.startswith("BEGIN:VCALENDAR") and "PRODID:-//公报通//" in cal_text


def test_ics_uids_are_stable_so_a_second_export_updates(seed_library, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    dl = build_duty_list(seed_library, "区人力资源和社会保障局", today=EARLY)
    duty_calendar.write_ics(dl, first)
    again = build_duty_list(seed_library, "区人社局", today=EARLY)  # another name, another run
    duty_calendar.write_ics(again, second)
    uids = [str(e["UID"]) for e in _events(first)]
    assert uids == [str(e["UID"]) for e in _events(second)]
    assert len(set(uids)) == len(uids)
    keys = {e.key for e in dl.entries}
    assert all(uid.split("-")[0] in keys for uid in uids)  # made of the clause key


def test_ics_past_deadlines_only_when_asked(finance, tmp_path):
    from models.errors import EmptyCalendarError
    with pytest.raises(EmptyCalendarError) as raised:  # 2021's deadlines, in 2026
        duty_calendar.write_ics(finance, tmp_path / "a.ics")
    assert raised.value.past == 1 and "1 项时限都已过" in str(raised.value)
    assert not (tmp_path / "a.ics").exists()  # RFC 5545 wants an event: no file at all
    assert duty_calendar.write_ics(finance, tmp_path / "b.ics", include_past=True) == 1
    (event,) = _events(tmp_path / "b.ics")
    assert str(event["SUMMARY"]) == "【区财政局·配合】提高职业技能"
    assert "年内、12月底前" in str(event["DESCRIPTION"])


# ------------------------------------------------------------------ the brief
def _marks(seed_library):
    from models.bookmarks import Bookmark
    lib = seed_library
    docs = {d.doc_number: d for d in lib.documents()}

    def mark(number: str, path: str, note: str = "") -> Bookmark:
        doc = docs[number]
        node = next(n for n in lib.nodes(doc.key) if n.path == path) if path else None
        return Bookmark(0, "周四 专题会", node.key if node else lib.title_key(doc.key), doc.key,
                        number, doc.title, path, node.heading if node else "",
                        node.fingerprint if node else "", node.full_text if node else "",
                        note, 0, "", expired=doc.expired(TODAY))
    return [mark("市中政办发〔2021〕15号", "二、（三）4.", "请财政局说明补助资金安排"),
            mark("市中政发〔2021〕16号", ""),
            mark("市中政办字〔2021〕14号", "附件1 一、成员王光利", "专班人员需调整")]


def test_brief_lists_items_first_then_clauses_with_notes(seed_library):
    marks = _marks(seed_library)
    doc = brief.brief_document("周四 专题会", marks, TODAY)
    table = doc.blocks[2]
    assert isinstance(table, Table) and table.header == ["序号", "标题", "出处"]
    assert [table.cell_text(r[1]) for r in table.rows] == [
        "支持和引导社会力量兴办托育服务机构", "关于全面深化证照分离改革工作的实施意见", "成员 王光利"]
    assert table.cell_text(table.rows[2][2]) == "市中政办字〔2021〕14号\n附件1 一、成员王光利\n【已失效】"
    paras = [b for b in doc.blocks[3:] if isinstance(b, Para)]
    kinds = [(p.kind, p.text[:12]) for p in paras[:4]]
    assert kinds == [("h2", "1．支持和引导社会力量兴"), ("source", "《市中区人民政府办公室关"),
                     ("note", "备注：请财政局说明补助资"), ("body", "4、支持和引导社会力量兴")]
    assert all(p.kind != "source" or p.text.startswith("《") for p in paras)  # never a path alone
    expired = next(p for p in paras if p.kind == "source" and "王光利" in p.text)
    assert expired.text.endswith("【已失效】")


def test_brief_docx_and_pdf_agree(seed_library, tmp_path):
    marks = _marks(seed_library)
    doc = brief.brief_document("周四 专题会", marks, TODAY)
    pdf, docx = tmp_path / "b.pdf", tmp_path / "b.docx"
    _print(brief.to_print_job("周四 专题会", marks, TODAY), pdf)
    brief.write_docx("周四 专题会", marks, docx, TODAY)
    assert docx_texts(docx) == list(doc.texts())
    assert _flat("".join(docx_texts(docx))) == _pdf_body(pdf, doc.running_head, brief.ITEMS_HEADER)
    from docx import Document
    notes = [p for p in Document(str(docx)).paragraphs if p.style.name == "备注"]
    assert [p.text for p in notes] == ["备注：请财政局说明补助资金安排", "备注：专班人员需调整"]
    assert notes[0].style.font.size.pt == Document(str(docx)).styles["公文正文"].font.size.pt


# ------------------------------------------------------------------ the CLI
def _cli(*args, tmp_path):
    import os
    import sys
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, GAZETTE_USER_DATA=str(tmp_path / "u"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(root / "main.py"), *args], capture_output=True,
                          text=True, env=env, cwd=tmp_path)


def test_cli_writes_word_and_calendar_files(seed_library_path, tmp_path):
    lib = str(seed_library_path)
    out = tmp_path / "清单.docx"
    run = _cli("duties", "财政部门", "--format", "docx", "--output", str(out), "--library", lib,
               "--table-only", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    texts = docx_texts(out)
    assert texts[0] == "区财政局职责清单" and "附：条款全文" not in texts
    run = _cli("duties", "区财政局", "--format", "ics", "--output", str(tmp_path / "a.ics"),
               "--library", lib, "--include-past", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "1 个日程" in run.stdout and len(_events(tmp_path / "a.ics")) == 1
    run = _cli("duties", "区财政局", "--format", "docx", "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 2 and "--output" in run.stderr and "Traceback" not in run.stderr
    # A brief as a Word file.
    key = _cli("search", "证照分离", "--format", "json", "--library", lib, tmp_path=tmp_path)
    import json
    first = json.loads(key.stdout)["hits"][0]["key"]
    assert _cli("bookmarks", "add", first, "--collection", "会", "--note", "说明进度",
                "--library", lib, tmp_path=tmp_path).returncode == 0
    run = _cli("bookmarks", "print", "会", "--format", "docx", "--output",
               str(tmp_path / "会.docx"), "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "备注：说明进度" in docx_texts(tmp_path / "会.docx")
    run = _cli("bookmarks", "print", "会", "--output", str(tmp_path / "会.pdf"), "--library", lib,
               tmp_path=tmp_path)
    assert run.returncode == 0 and (tmp_path / "会.pdf").read_bytes()[:5] == b"%PDF-"


def test_no_pdf_page_ends_with_a_heading(finance, tmp_path):
    pdf = tmp_path / "d.pdf"
    doc = duty_document(finance)
    _print(dutylist.to_print_job(finance), pdf)
    headings = [_flat(b.text) for b in doc.blocks if isinstance(b, Para) and b.keep_with_next]
    for page in _pdftotext(pdf, "-raw").split("\f")[:-1]:
        lines = [ln for ln in page.split("\n") if _flat(ln)
                 and not re.fullmatch(r"—\s*\d+\s*—", ln.strip())]
        tail = _flat("".join(lines[-3:]))
        assert not any(tail.endswith(h) for h in headings), lines[-1]


def test_calendar_message_says_what_was_left_out(seed_library, tmp_path):
    from models.errors import EmptyCalendarError
    dl = build_duty_list(seed_library, "区人力资源和社会保障局", today=EARLY)
    written = duty_calendar.write_ics(dl, tmp_path / "a.ics")
    assert duty_calendar.calendar_message(dl, written) == (
        "已写入 3 个日程（每项时限一个全天日程，提前一周提醒）。已过的时限 1 项未写入。")
    assert "未写入" not in duty_calendar.calendar_message(dl, 4, include_past=True)
    none = build_duty_list(seed_library, "区财政局", DutyListOptions(roles=["lead"]), today=TODAY)
    with pytest.raises(EmptyCalendarError) as raised:
        duty_calendar.write_ics(none, tmp_path / "b.ics", include_past=True)
    assert raised.value.past == 0 and str(raised.value) == (
        "区财政局清单中的任务没有时限，没有可写入日历的日程，未生成文件。")
    assert not (tmp_path / "b.ics").exists()


def test_cli_writes_no_empty_calendar(seed_library_path, tmp_path):
    """Every deadline of 区财政局 is of 2021: no event today, so no file and exit 2, saying
    why and how to include the past ones; a list without deadlines says so too."""
    lib, out = str(seed_library_path), tmp_path / "a.ics"
    run = _cli("duties", "区财政局", "--format", "ics", "--output", str(out), "--library", lib,
               tmp_path=tmp_path)
    assert run.returncode == 2 and not out.exists() and "Traceback" not in run.stderr
    assert "1 项时限都已过" in run.stderr and "--include-past" in run.stderr
    run = _cli("duties", "区财政局", "--roles", "lead", "--format", "ics", "--include-past",
               "--output", str(out), "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 2 and not out.exists()
    assert "没有时限" in run.stderr and "--include-past" not in run.stderr


def test_brief_heads_an_annex_entry_with_its_place(seed_library):
    """An annex entry's "heading" is its text: above the text stands 附件 区发展和改革局,
    not the text's first words; the items table keeps them (what the task is)."""
    from models.bookmarks import Bookmark
    doc = next(d for d in seed_library.documents() if d.doc_number == "市中政办发〔2021〕15号")
    node = next(n for n in seed_library.nodes(doc.key) if n.path == "附件 区发展和改革局")
    mark = Bookmark(0, "会", node.key, doc.key, doc.doc_number, doc.title, node.path,
                    node.heading, node.fingerprint, node.full_text, "", 0, "")
    out = brief.brief_document("会", [mark], TODAY)
    heading = next(b for b in out.blocks if isinstance(b, Para) and b.kind == "h2")
    assert heading.text == "1．附件 区发展和改革局"
    table = next(b for b in out.blocks if isinstance(b, Table))
    assert table.cell_text(table.rows[0][1]).startswith("负责将婴幼儿照护工作纳入")
    roster = _marks(seed_library)[2]  # a roster's heading is its own: 成员 王光利
    assert brief.item_heading(roster) == "成员 王光利"
