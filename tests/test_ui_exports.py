"""导出为 Word… and 导出时限到日历… in the real window, offscreen: the duty-list dialog (仅表格 /
表格加全文, 日历中包括已过的时限), the 文件 menu for the department picked, the 书签 menu's
brief. Each writes a real file, read back with python-docx or icalendar."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.dialog_answers import answer_file_dialogs
from tests.ui_fixtures import clause, make_window, qt_app  # noqa: F401  (fixtures)


@pytest.fixture()
def window(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))  # a fresh store per test
    return make_window()


def _dialog(qtbot, window, name: str = "区财政局", **options):
    from ui.printing.duty_list import DutyListDialog
    dialog = DutyListDialog(window.library, name, window, **options)
    qtbot.addWidget(dialog)
    return dialog


def _events(path: Path):
    from icalendar import Calendar
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def _file_action(window, text: str):
    menu = next(m for m in window.menus if m.title().startswith("文件"))
    return next(a for a in menu.actions() if a.text() == text)


def test_dialog_exports_word_as_table_only_or_with_the_full_texts(qtbot, window, tmp_path,
                                                                 monkeypatch):
    from models.views.dutylist import duty_document
    from models.views.writers.docx import docx_texts
    dialog = _dialog(qtbot, window)
    assert dialog.full_text.isChecked() and not dialog.table_only.isChecked()
    table, full = tmp_path / "表.docx", tmp_path / "全文.docx"
    asked = answer_file_dialogs(monkeypatch, table, full)
    dialog.table_only.setChecked(True)
    dialog.word_button.click()
    texts = docx_texts(table)
    assert texts[0] == "区财政局职责清单" and "附：条款全文" not in texts
    assert texts == list(duty_document(dialog.duty_list()).texts())
    dialog.full_text.setChecked(True)
    dialog.word_button.click()
    assert "附：条款全文" in docx_texts(full)
    assert [d.windowTitle() for d in asked.shown] == ["导出为 Word"] * 2
    assert asked.shown[0].selectedNameFilter() == "Word 文档 (*.docx)"
    assert asked.messages == [f"已保存到 {table}", f"已保存到 {full}"]


def test_dialog_writes_past_deadlines_to_the_calendar_when_asked(qtbot, window, tmp_path,
                                                                monkeypatch):
    dialog = _dialog(qtbot, window)
    dialog.include_past.setChecked(True)
    out = tmp_path / "财政.ics"
    asked = answer_file_dialogs(monkeypatch, out)
    dialog.calendar_button.click()
    (event,) = _events(out)
    assert str(event["SUMMARY"]) == "【区财政局·配合】提高职业技能"
    assert len(asked.messages) == 1  # one message, saying what was written
    assert asked.messages[0].startswith(f"已保存到 {out}\n已写入 1 个日程")


def test_calendar_of_past_deadlines_only_asks_first(qtbot, window, tmp_path, monkeypatch):
    """Every seed deadline is of 2021: the 文件 menu's export asks before writing them, and
    writes no file (no empty calendar) when the answer is no."""
    window.filter_search.set_department("区财政局")
    out = tmp_path / "时限.ics"
    asked = answer_file_dialogs(monkeypatch, buttons=["取消"])
    _file_action(window, "导出时限到日历…").trigger()
    assert asked.shown == [] and not out.exists()
    assert asked.messages == ["区财政局清单中的 1 项时限都已过，没有今后的时限。\n"
                              "要把已过的时限也写入日历吗？"]
    asked = answer_file_dialogs(monkeypatch, out, buttons=["写入已过的时限"])
    _file_action(window, "导出时限到日历…").trigger()
    assert len(_events(out)) == 1 and len(asked.messages) == 2
    assert asked.shown[0].windowTitle() == "导出时限到日历"


def test_calendar_without_deadlines_says_so_and_writes_nothing(qtbot, window, monkeypatch):
    dialog = _dialog(qtbot, window, roles=["lead"])
    asked = answer_file_dialogs(monkeypatch)  # a file dialog here would fail the test
    dialog.include_past.setChecked(True)
    dialog.calendar_button.click()
    assert asked.messages == ["区财政局清单中的任务没有时限，没有可写入日历的日程，未生成文件。"]


def test_file_menu_exports_the_departments_list_as_word(window, tmp_path, monkeypatch):
    from models.views.writers.docx import docx_texts
    out = tmp_path / "清单.docx"
    asked = answer_file_dialogs(monkeypatch)  # no department yet: nothing is asked
    _file_action(window, "导出职责清单为 Word…").trigger()
    assert asked.shown == [] and "请先选择部门" in window.status.text()
    window.filter_search.set_department("财政部门")
    asked = answer_file_dialogs(monkeypatch, out)
    _file_action(window, "导出职责清单为 Word…").trigger()
    texts = docx_texts(out)
    assert texts[0] == "区财政局职责清单" and "附：条款全文" in texts
    assert asked.messages == [f"已保存到 {out}"]


def test_bookmarks_menu_exports_the_brief_as_word(window, tmp_path, monkeypatch):
    from models.views import brief
    from models.views.writers.docx import docx_texts
    from ui.bookmarks import dialogs
    flow = window.bookmarks

    def accept(dialog):
        dialog.collection.setCurrentText("周四 专题会")
        dialog.note.setPlainText("会前准备")
        return 1
    monkeypatch.setattr(dialogs.BookmarkDialog, "exec", accept)
    node = clause(window, "市中政发〔2021〕16号", "二、（一）")
    window.open_key(node.key)
    flow.add_current()
    out = tmp_path / "会议材料.docx"
    asked = answer_file_dialogs(monkeypatch, out)
    next(a for a in flow.menu.actions() if a.text() == "导出会议材料为 Word…").trigger()
    marks = flow.store.resolved(window.library, "周四 专题会")
    assert docx_texts(out) == list(brief.brief_document("周四 专题会", marks).texts())
    assert "备注：会前准备" in docx_texts(out)
    assert asked.shown[0].windowTitle() == "导出会议材料为 Word"
