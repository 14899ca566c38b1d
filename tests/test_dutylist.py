"""The printed duty list: complete under every name of a department, readable back from the PDF."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.views.dutylist import DutyListOptions, build_duty_list, to_markdown, to_print_job, to_text

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 28)

# Every clause of the seed that gives 区财政局 a task, read off the gazette text:
# (文号, path, role). The last three come from a plan that expired on 2023-12-31.
FINANCE = [
    ("市中政办发〔2021〕13号", "二、（一）", "lead"),  # （区财政局牵头，区城乡水务局配合）
    ("市中政办发〔2021〕13号", "三、（一）", "support"),
    ("市中政办发〔2021〕13号", "三、（二）", "support"),
    ("市中政办发〔2021〕14号", "一、2.", "support"),  # 区人社局牵头，区民政局、区财政局等…
    ("市中政办发〔2021〕14号", "一、3.", "lead"),  # 区财政局、区人社局牵头
    ("市中政办发〔2021〕14号", "二、4.", "responsible"),  # 区财政局、区税务局等…负责
    ("市中政办发〔2021〕15号", "二、（三）1.", "responsible"),
    ("市中政办发〔2021〕15号", "二、（三）4.", "responsible"),
    ("市中政办发〔2021〕15号", "二、（五）1.", "responsible"),
    ("市中政办发〔2021〕15号", "二、（五）2.", "responsible"),
    ("市中政办发〔2021〕15号", "附件 区财政局", "annex"),  # 区财政局 负责利用现有资金…
]
FINANCE_EXPIRED = [
    ("市中政办字〔2021〕14号", "附件1 一、成员王光利", "member"),
    ("市中政办字〔2021〕14号", "附件1 二、（一）成员王光利", "member"),
    ("市中政办字〔2021〕14号", "附件2 八、", "annex"),  # 八、财政部门：负责…
]


def _entries(dl):
    return [(e.doc_number, e.path, e.role) for e in dl.entries]


@pytest.mark.parametrize("name", ["区财政局", "财政部门", "区财政部门", "区 财政局"])
def test_every_entry_under_every_name(seed_library, name):
    dl = build_duty_list(seed_library, name, today=TODAY)
    assert dl.department.name == "区财政局"
    assert _entries(dl) == FINANCE
    full = build_duty_list(seed_library, name, DutyListOptions(include_expired=True), today=TODAY)
    assert _entries(full) == FINANCE + FINANCE_EXPIRED
    assert [g.document.doc_number for g in full.groups][-1] == "市中政办字〔2021〕14号"
    assert "已失效：有效期至2023年12月31日" in to_text(full)


def test_role_filter_and_general_entries(seed_library):
    only = build_duty_list(seed_library, "区财政局", DutyListOptions(roles=["lead"]), today=TODAY)
    assert [e.path for e in only.entries] == ["二、（一）", "一、3."]
    general = build_duty_list(seed_library, "区财政局", DutyListOptions(include_general=True),
                              today=TODAY)
    extra = {(e.doc_number, e.path) for e in general.entries} - {(d, p) for d, p, _ in FINANCE}
    # 区政府有关部门按职责分工负责 concerns everyone: e.g. 市中政发〔2021〕16号 一、（一）.
    assert ("市中政发〔2021〕16号", "一、（一）") in extra
    assert all(e.role == "general" for e in general.entries
               if (e.doc_number, e.path) in extra)


def test_a_role_through_a_collective_unit_on_one_line_and_in_the_cell(seed_library):
    """A 镇政府's duty named through 各镇街: 责任（经各镇街） in the text, 责任 over 经各镇街 in
    the table's 角色 cell."""
    from models.views.dutylist import duty_rows, role_lines
    dl = build_duty_list(seed_library, "各镇人民政府", today=TODAY)
    row = next(r for r in duty_rows(dl) if r.entry.doc_number == "市中政办发〔2021〕15号"
               and r.entry.path == "二、（二）1.")
    assert row.role == "责任（经各镇街）"
    assert role_lines(row.entry) == ["责任", "经各镇街"]
    own = next(r for r in duty_rows(dl) if not r.entry.via)
    assert role_lines(own.entry) == [own.role] and "经" not in own.role


def test_deadlines_in_date_order_with_past_ones_marked(seed_library):
    dl = build_duty_list(seed_library, "区人力资源和社会保障局", today=TODAY)
    dues = [d["due"] for d, _ in dl.deadlines()]
    # 8月底前 in 六、23. (区民政局牵头, 区人社局 supports), then 11月底前 in 一、1. it leads.
    assert dues == sorted(dues) and dues[:2] == ["2021-08-31", "2021-11-30"]
    assert "（已过）" in to_markdown(dl)


def _pdf_text(job, tmp_path) -> tuple[str, int]:
    from ui.headless import ensure_gui_app, print_job_to_pdf
    ensure_gui_app()
    pdf = tmp_path / "list.pdf"
    pages = print_job_to_pdf(job, pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.strip().split("\n")[2:]
    assert rows and all("Gazette" in r for r in rows)
    assert all(r.split()[-5] == "yes" for r in rows), fonts.stdout  # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text, pages


def test_pdf_holds_every_entry_with_page_numbers(seed_library, tmp_path):
    dl = build_duty_list(seed_library, "财政部门", DutyListOptions(include_expired=True), today=TODAY)
    job = to_print_job(dl)
    text, pages = _pdf_text(job, tmp_path)
    flat = text.replace("\n", "").replace(" ", "")
    for n in range(1, pages + 1):
        assert f"—{n}—" in flat
    # Read the body as one text: without the page numbers and the running heads.
    import re
    flat = re.sub(r"—\d+—|\f", "", flat).replace("".join(job.running_head.split()), "")
    assert text.count(dl.entries[0].text[:30]) <= 1  # nothing printed twice across pages
    assert "区财政局职责清单" in flat
    for doc_number, path, _ in FINANCE + FINANCE_EXPIRED:
        assert path.replace(" ", "") in flat, path
    for entry in dl.entries:  # the full text of every clause, not only its citation
        assert entry.text[-20:].replace(" ", "") in flat
    # The table on page 1 is the summary and the index: no 目录 before it.
    assert pages > 1 and "附：条款全文" in flat and "目录" not in flat


def test_empty_list_prints_one_clear_page(seed_library, tmp_path):
    dl = build_duty_list(seed_library, "市人大常委会办公室", today=TODAY)  # named only in 抄送
    assert dl.entries == []
    text, pages = _pdf_text(to_print_job(dl), tmp_path)
    assert pages == 1
    assert "没有涉及该部门的条款" in text


def _cli(*args, tmp_path):
    env = dict(os.environ, GAZETTE_USER_DATA=str(tmp_path / "u"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, cwd=tmp_path)


def test_cli_formats_and_unknown_department(seed_library_path, tmp_path):
    lib = str(seed_library_path)
    out = tmp_path / "d.pdf"
    run = _cli("duties", "财政部门", "--format", "pdf", "--output", str(out), "--library", lib,
               "--include-expired", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "附件2 八、" in text.replace("\n", "")
    run = _cli("duties", "区财政局", "--format", "markdown", "--roles", "lead,support",
               "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 0 and "【牵头】" in run.stdout and "【责任】" not in run.stdout
    run = _cli("duties", "区财政局", "--format", "html", "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 0 and run.stdout.lstrip().startswith("<html>")
    run = _cli("duties", "区财正局", "--format", "pdf", "--output", str(tmp_path / "x.pdf"),
               "--library", lib, tmp_path=tmp_path)
    assert run.returncode == 2
    assert "区财政局" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_limits_the_list_to_documents_given_by_doc_number(seed_library_path, tmp_path):
    import json
    run = _cli("duties", "财政部门", "--format", "json", "--library", str(seed_library_path),
               "--documents", "市中政办发[2021]13号，市中政办发（２０２１）15", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    numbers = {e["doc_number"] for e in json.loads(run.stdout)["entries"]}
    assert numbers == {"市中政办发〔2021〕13号", "市中政办发〔2021〕15号"}
    run = _cli("duties", "财政部门", "--documents", "某政发[2021]1号", "--library",
               str(seed_library_path), tmp_path=tmp_path)
    assert run.returncode == 2 and "某政发[2021]1号" in run.stderr
