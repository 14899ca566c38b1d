"""The keyboard and the small things: F6 through every pane with the focused one framed,
Ctrl+Enter in the bookmark dialog, a bookmark opened by one click, 使用说明, the search
results' snippets and headers, the deadlines' past dates."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_fixtures import clause, make_window, own_user_data, qt_app, type_text, window  # noqa: F401,E501


@pytest.fixture(autouse=True)
def _first_start(own_user_data):
    """Each test's window as on a first start: no bookmarks of other tests."""


def focused_pane(window):
    return window.panes.pane_of(QApplication.focusWidget())


def press_f6(qtbot, window, shift: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6, modifier)


def test_f6_visits_every_pane_shown_and_frames_it(qtbot, window, monkeypatch):
    from ui import plain
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（一）").key)
    window.filter_search.field.setFocus()
    fs, left = window.filter_search, window.left
    # no bookmarks dock, no department: the search field, the tree, the reader
    seen = []
    for _ in range(3):
        press_f6(qtbot, window)
        seen.append(focused_pane(window))
    assert seen == [left.tree, window.reader, fs.field]
    ring = window.panes.ring
    assert ring.isVisible() and ring.geometry() == fs.field.geometry().translated(
        fs.field.parentWidget().mapTo(window, fs.field.parentWidget().rect().topLeft()))
    # with the bookmarks dock and a department's deadlines: all five, in order
    monkeypatch.setattr(plain, "run_dialog", lambda dialog: 1)
    window.bookmarks.add_current()
    fs.set_department("区财政局")
    window.filter_search.field.setFocus()
    seen = []
    for _ in range(5):
        press_f6(qtbot, window)
        seen.append(focused_pane(window))
    panel = window.bookmarks.panel.view
    assert seen == [left.tree, window.reader, panel, left.deadlines.view, fs.field]
    assert ring.isVisible()
    press_f6(qtbot, window, shift=True)  # Shift+F6: back
    assert focused_pane(window) is left.deadlines.view
    corner = left.deadlines.view.mapTo(ring.parentWidget(), left.deadlines.view.rect().topLeft())
    assert ring.geometry().topLeft() == corner
    # a search: its results take the tree's turn
    fs.field.setFocus()
    type_text(qtbot, fs.field, "托育")
    fs.field.flush()
    press_f6(qtbot, window)
    assert focused_pane(window) is fs.results


def test_ctrl_enter_saves_the_bookmark_dialog(qtbot):
    from ui.bookmarks.dialogs import BookmarkDialog
    dialog = BookmarkDialog("《标题》（文号）二、（一）", "强化资金保障", ["周四 专题会"], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.note.setFocus()
    type_text(qtbot, dialog.note, "说明资金")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter: a new line of the note
    assert dialog.result() == 0 and "\n" in dialog.note.toPlainText()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == 1 and dialog.values() == ("周四 专题会", "说明资金")
    assert "Ctrl+Enter" in dialog.note.placeholderText()


def test_one_click_on_a_bookmark_opens_it(qtbot, window, monkeypatch):
    from ui import plain
    monkeypatch.setattr(plain, "run_dialog", lambda dialog: 1)
    first = clause(window, "市中政办发〔2021〕13号", "二、（一）").key
    window.open_key(first)
    window.bookmarks.add_current()
    window.open_key("doc:市中政发|2021|16")
    assert window.reader.current != first
    view = window.bookmarks.panel.view
    index = window.bookmarks.panel.model.bookmark_index(first)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert window.reader.current == first


def test_usage_tells_the_three_journeys_and_every_key(window, monkeypatch):
    from ui import plain, usage
    from ui.window.menus import ACTIONS, key_text
    shown = []

    def read(dialog):
        from ui.qt import QTextBrowser
        shown.append(dialog.findChild(QTextBrowser).toPlainText())
        return 0
    monkeypatch.setattr(plain, "run_dialog", read)
    next(a for a in window.menus[-1].actions() if a.text() == "使用说明").trigger()
    text = shown[0]
    for title, _steps in usage.JOURNEYS:
        assert title in text
    for name, (label, keys, _tip) in ACTIONS.items():
        if keys:
            assert key_text(keys) in text and label.rstrip("…") in text, name
    assert "Ctrl+D" in text and "Ctrl+Enter" in text


def test_search_results_say_the_path_once_and_never_cut_the_doc_number(qtbot, window):
    window.splitter.setSizes([260, window.width() - 260])
    fs = window.filter_search
    fs.field.setText("鼓励")
    fs.field.flush()
    model = fs.results_model
    heads = [model.index(r, 0) for r in range(model.rowCount())]
    assert heads
    for head in heads:
        html = head.data(Qt.ItemDataRole.UserRole + 9)
        number = window.document(head.data(Qt.ItemDataRole.UserRole + 1)).doc_number
        assert html.startswith(f'<span style="color: #1a5fb4; font-weight: bold;">{number}</span>')
        for row in range(model.rowCount(head)):
            hit = model.index(row, 0, head)
            snippet = hit.data(Qt.ItemDataRole.UserRole + 9)
            path = hit.data().split(" ")[0]
            own = path.rstrip(".").split("）")[-1].split("、")[-1]  # 1 of 二、（三）1.
            after = snippet.split("</span>　", 1)[1]
            if own.isdigit():  # the snippet does not start with the number again (1、)
                assert not after.startswith((f"{own}、", f"{own}.", f"{own}．")), snippet
    # the header row is as high as its wrapped text: the 文号's line and the title's
    view = fs.results
    head_rect = view.visualRect(heads[0])
    assert head_rect.height() >= 2 * view.fontMetrics().height()


def test_past_deadlines_are_marked_and_readable(window):
    from ui.window.left.deadlines import PAST_MARK, DeadlinesModel
    from datetime import date
    model = DeadlinesModel()
    row = {"due": "2021-12-31", "phrase": "年内", "doc_number": "市中政办发〔2021〕14号",
           "path": "一、2.", "heading": "提高职业技能", "role": "support", "key": "k",
           "document_key": "d"}
    model.show([row, dict(row, due="2099-01-01")], today=date(2025, 1, 1))
    past, coming = model.item(0), model.item(1)
    assert PAST_MARK in past.text() and PAST_MARK not in coming.text()
    colour = past.data(Qt.ItemDataRole.ForegroundRole)
    assert contrast(colour.name(), "#ffffff") >= 4.5


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
