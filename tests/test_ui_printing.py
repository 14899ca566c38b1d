"""Printing from the real window (ui/printing/, ui/window/output.py): Ctrl+P prints what is
shown, the duty-list dialog, the tree's menu and the filter bar offer the duty list."""
from __future__ import annotations

import subprocess

import pytest

from tests.ui_fixtures import clause, make_window, qt_app  # noqa: F401  (fixtures)

_clause = clause


@pytest.fixture()
def window(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))  # a fresh store per test
    return make_window()


def test_duty_list_dialog_options_and_pdf(qtbot, window, tmp_path):
    from ui.printing.duty_list import DutyListDialog
    from ui.printing import printout
    dialog = DutyListDialog(window.library, "财政部门", window)
    qtbot.addWidget(dialog)
    assert dialog.department == "区财政局"
    assert "11 项" in dialog.summary.text()  # the expired plan is left out by default
    dialog.expired.setChecked(True)
    assert "14 项" in dialog.summary.text()
    dialog.role_boxes["member"].setChecked(False)
    assert "12 项" in dialog.summary.text()
    from models.views.dutylist import to_print_job
    pdf = printout.export_pdf(to_print_job(dialog.duty_list()), "x", tmp_path / "d.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "区财政局职责清单" in text and "已失效" in text and "专班成员" not in text


def test_ctrl_p_prints_the_duty_list_while_a_department_is_picked(qtbot, window, monkeypatch):
    from PySide6.QtCore import Qt
    from ui.printing import printout
    printed = []
    monkeypatch.setattr(printout, "preview",
                        lambda parent, page, title: printed.append(printout.as_job(page, title)))
    window.open_key(window.library.documents()[0].key)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed[-1].title.startswith("《市中区人民政府关于全面深化")  # the document shown
    window.filter_search.set_department("财政部门")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed[-1].title == "区财政局职责清单"
    assert "强化资金保障" in printed[-1].html_at(96)


def test_tree_menu_and_filter_bar_offer_the_duty_list(qtbot, window, monkeypatch):
    from ui.printing import duty_list
    opened = []
    monkeypatch.setattr(duty_list.DutyListDialog, "exec",
                        lambda dialog: opened.append(dialog.department))
    node = _clause(window, "市中政办发〔2021〕13号", "二、（一）")
    window.open_key(node.key)
    pos = window.left.tree.visualRect(window.left.tree.currentIndex()).center()
    shown = [a.text() for a in window.tree_menu.build(pos).actions()]
    assert shown[:3] == ["收藏…", "复制条款并注明出处", "打印此公文…"]
    assert shown[-1].startswith("打印职责清单…")
    window.filter_search.set_department("区财政局")
    assert window.filter_search.bar.print_button.isVisible()
    window.filter_search.bar.print_button.click()
    assert opened == ["区财政局"]
