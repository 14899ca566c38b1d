"""Bookmarks in the real window (ui/bookmarks/): Ctrl+D, the dock, order, states, the printed\nbrief."""
from __future__ import annotations

import subprocess

import pytest

from tests.dialog_answers import answer_file_dialogs
from tests.ui_fixtures import clause, make_window, qt_app  # noqa: F401  (fixtures)

COLLECTION = "周四 专题会"


_clause = clause


@pytest.fixture()
def window(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))  # a fresh store per test
    return make_window()


@pytest.fixture()
def flow(window, monkeypatch):
    from ui.bookmarks import dialogs
    f = window.bookmarks  # installed by the window itself
    assert f is not None
    answers = []

    def fake_exec(dialog):
        collection, note = answers.pop(0)
        dialog.collection.setCurrentText(collection)
        dialog.note.setPlainText(note)
        return 1  # Accepted
    monkeypatch.setattr(dialogs.BookmarkDialog, "exec", fake_exec)
    f.answers = answers
    return f


def test_ctrl_d_bookmarks_the_open_clause_into_a_new_collection(qtbot, window, flow):
    from PySide6.QtCore import Qt
    node = _clause(window, "市中政办发〔2021〕15号", "二、（三）1.")
    window.open_key(node.key)
    flow.answers.append((COLLECTION, "问财政局资金安排"))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert flow.dock.isVisible()
    assert flow.panel.contains(node.key)
    [mark] = flow.store.bookmarks(COLLECTION)
    assert (mark.key, mark.note, mark.path) == (node.key, "问财政局资金安排", "二、（三）1.")


def test_panel_model_order_and_activation(qtbot, qtmodeltester, window, flow):
    keys = [_clause(window, "市中政办发〔2021〕14号", p).key for p in ("一、1.", "一、2.", "二、4.")]
    for key in keys:
        window.open_key(key)
        flow.answers.append((COLLECTION, ""))
        flow.add_current()
    qtmodeltester.check(flow.panel.model)
    flow.panel.select_key(keys[2])
    flow.panel.actions["up"].trigger()
    assert [m.key for m in flow.store.bookmarks(COLLECTION)] == [keys[0], keys[2], keys[1]]
    opened = []
    flow.panel.openRequested.connect(opened.append)
    flow.panel.view.activated.emit(flow.panel.view.currentIndex())
    assert opened == [keys[2]]


def test_changed_and_orphaned_states_are_shown(window, flow, tmp_path, registry, seed_bytes):
    from models.store.library import Library
    from models.store.build import add_issues
    from models.parse.parser import parse_bytes
    edited = _clause(window, "市中政办发〔2021〕13号", "二、（一）")
    removed = _clause(window, "市中政办发〔2021〕14号", "八、29.")
    for node in (edited, removed):
        window.open_key(node.key)
        flow.answers.append((COLLECTION, ""))
        flow.add_current()
    text = seed_bytes.decode()
    text = text.replace("（一）强化资金保障。对已完成", "（一）强化资金保障。对已经完成")
    start = text.index("29. 加强组织实施")
    text = text[:start] + text[text.index("\n", text.index("（各级各部门按职责分工负责）", start)):]
    path = tmp_path / "edition.sqlite"
    add_issues(path, [parse_bytes(text.encode(), registry, "e.txt")], registry, fresh=True)
    with Library(path) as edition:
        flow.set_library(edition)
        shown = [flow.panel.model.item(0).child(r).text() for r in range(2)]
    assert "条文已变化" in shown[0] and "原条文已不在库中" in shown[1]


def test_brief_prints_with_citations_notes_and_page_numbers(window, flow, tmp_path):
    from models.views import brief
    from ui.printing import printout
    node = _clause(window, "市中政发〔2021〕16号", "一、（一）")
    window.open_key(node.key)
    flow.answers.append((COLLECTION, "请司法局说明清理进度"))
    flow.add_current()
    window.open_key(window.library.documents()[1].key)  # a whole document
    flow.answers.append((COLLECTION, ""))
    flow.add_current()
    marks = flow.store.resolved(window.library, COLLECTION)
    pdf = printout.export_pdf(brief.to_print_job(COLLECTION, marks), COLLECTION, tmp_path / "b.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.replace("\n", "")
    assert "《市中区人民政府关于全面深化证照分离改革工作的实施意见》（市中政发〔2021〕16号）一、（一）" in text
    assert "备注：请司法局说明清理进度" in text
    assert "（市中政办发〔2021〕13号）" in text
    assert "—1—" in text.replace(" ", "")  # the page number of GB/T 9704
    assert text.count("市中区人民政府办公室关于切实加强水库除险加固和运行管护") == 1  # a document: cited once


def test_dragging_a_bookmark_stores_the_new_order(qtbot, window, flow):
    keys = [_clause(window, "市中政办发〔2021〕14号", p).key for p in ("一、1.", "一、2.", "二、4.")]
    for key in keys:
        window.open_key(key)
        flow.answers.append((COLLECTION, ""))
        flow.add_current()
    parent = flow.panel.model.item(0)
    row = parent.takeRow(2)  # what an internal move does: the dragged row leaves…
    parent.insertRow(0, row)  # …and lands where it was dropped
    qtbot.waitUntil(lambda: [m.key for m in flow.store.bookmarks(COLLECTION)][0] == keys[2])
    assert [m.key for m in flow.store.bookmarks(COLLECTION)] == [keys[2], keys[0], keys[1]]


def test_the_mark_in_the_view_bookmarks_its_clause(qtbot, window, flow):
    from PySide6.QtCore import QUrl
    node = _clause(window, "市中政办发〔2021〕14号", "二、5.")
    window.open_key(node.key)
    assert f'href="gazette:bookmark/{node.key}"' in window.reader.html
    assert "☆" in window.reader.toPlainText()
    flow.answers.append((COLLECTION, ""))
    window.reader.anchorClicked.emit(QUrl(f"gazette:bookmark/{node.key}"))
    assert [m.key for m in flow.store.bookmarks(COLLECTION)] == [node.key]
    assert "★" in window.reader.toPlainText()  # now marked as bookmarked
    assert window.reader.clause_at(window.reader.viewport().rect().center()) is not None


def test_brief_exports_as_pdf_from_the_menu(window, flow, tmp_path, monkeypatch):
    node = _clause(window, "市中政发〔2021〕16号", "二、（一）")
    window.open_key(node.key)
    flow.answers.append((COLLECTION, "会前准备"))
    flow.add_current()
    out = tmp_path / "brief.pdf"
    asked = answer_file_dialogs(monkeypatch, out)
    action = next(a for a in flow.menu.actions() if a.text() == "导出会议材料为 PDF…")
    action.trigger()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "加强登记注册环节" in text and "备注：会前准备" in text
    assert asked.shown[0].windowTitle() == "导出会议材料为 PDF"


def test_an_export_that_cannot_be_written_says_why(window, flow, tmp_path, monkeypatch):
    from ui import plain
    warnings = []
    target = tmp_path / "no-such-folder" / "书签.json"
    answer_file_dialogs(monkeypatch, target)
    monkeypatch.setattr(plain, "show_message",
                        lambda kind, parent, title, text: warnings.append(text))
    flow.export_json()
    assert warnings and "无法写入" in warnings[0] and not target.exists()
