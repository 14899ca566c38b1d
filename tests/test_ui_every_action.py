"""Every action of the window works, offscreen, with its dialogs answered as a user would.

The actions are not listed here: they are found in the window as a user finds
them — every entry of every menu of the menu bar (书签 included), of the
tree's, the reading pane's and the bookmarks panel's context menus — and
every shortcut of every action the window holds. So an action added later is
tried too. Each is triggered (from its menu, then again by its keys) with
every dialog answered by tests/dialog_answers.AcceptAll; it must raise
nothing, leave no error message, write every file it was given to save, and
any dialog it shows must go through ui.plain.run_dialog (a dialog that waits
for a person any other way is caught and failed).
"""
from __future__ import annotations

import shutil

import pytest
import shiboken6
from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QProgressBar, QProgressDialog

from conftest import FIXTURES
from dialog_answers import AcceptAll
from ui_fixtures import clause, make_window, own_user_data, qt_app, window  # noqa: F401

QUIT = "退出"  # last: it closes the window


def menu_actions(menu) -> list[QAction]:
    """The entries of *menu* and its submenus, separators left out."""
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def context_menus(window) -> dict[str, list[QAction]]:
    """The context menus as they open on a clause: the tree's, the reading pane's, the
    bookmarks panel's (on a bookmark)."""
    tree = window.left.tree
    key = window.reader.current
    index = window.left.tree_index(key)
    tree.scrollTo(index)
    reader = window.reader
    point = reader.viewport().rect().center()
    panel = window.bookmarks.panel
    panel.select_key(key)
    return {"tree": menu_actions(window.tree_menu.build(tree.visualRect(index).center())),
            "reader": menu_actions(reader.context_menu(point)),
            "panel": menu_actions(panel.context_menu())}


@pytest.fixture(autouse=True)
def _own_library(own_user_data):
    """Imports go to a user library of the test's own, not the session's."""


@pytest.fixture()
def answers(monkeypatch, tmp_path):
    from ui import plain
    gazettes = tmp_path / "gazettes"
    gazettes.mkdir()
    gazette = gazettes / "台儿庄区安全生产.txt"
    shutil.copy(FIXTURES / "tai_single_with_number.txt", gazette)
    answering = AcceptAll(tmp_path / "saved", {"*.txt": gazette, "folder": gazettes})
    answering.folder.mkdir()
    monkeypatch.setattr(plain, "run_dialog", answering)
    yield answering


def showing_progress(dialog) -> bool:
    """A progress dialog (Qt's, or the import's with its bar) asks nothing: it may be modal."""
    return isinstance(dialog, QProgressDialog) or dialog.findChild(QProgressBar) is not None


@pytest.fixture()
def stray_dialogs(qtbot):
    """Dialogs that wait for a person without plain.run_dialog: closed, and kept to fail."""
    stray = []

    def check():
        modal = QApplication.activeModalWidget()
        if modal is not None and not showing_progress(modal):
            stray.append(f"{type(modal).__name__}: {modal.windowTitle()}")
            modal.close()
    timer = QTimer(interval=100)
    timer.timeout.connect(check)
    timer.start()
    yield stray
    timer.stop()


def wired(action: QAction) -> bool:
    """Whether the window connected the entry to something (its triggered or toggled signal
    has a receiver before the test connects its own)."""
    from PySide6.QtCore import SIGNAL
    return (action.receivers(SIGNAL("triggered(bool)"))
            + action.receivers(SIGNAL("toggled(bool)"))) > 0


def settle(qtbot, window) -> None:
    """Wait until what an action started is done (an import's thread) and its events ran;
    a popup it opened (the department picker) is dismissed, as a user would go on."""
    qtbot.waitUntil(lambda: not any(t.isRunning() for t in window.findChildren(QThread)),
                    timeout=30000)
    QApplication.processEvents()
    while QApplication.activePopupWidget() is not None:
        QApplication.activePopupWidget().close()


def test_every_menu_entry_and_every_shortcut_works(qtbot, window, answers, stray_dialogs):
    from ui.bookmarks.flow import BookmarkFlow
    assert isinstance(window.bookmarks, BookmarkFlow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（一）").key)
    window.bookmarks.add_current()  # a bookmark for the panel's menu and the brief
    assert window.bookmarks.panel.contains(window.reader.current)

    triggered = []
    menus = {menu.title(): menu_actions(menu) for menu in window.menus}
    assert all(menus.values()), "every menu of the bar has entries"
    menus.update(context_menus(window))
    tried = 0
    for where, actions in menus.items():
        for action in actions:
            if action.text() == QUIT or not action.isEnabled():
                continue
            assert wired(action), (where, action.text())  # (an entry that does nothing)
            action.triggered.connect(lambda *_, a=action: triggered.append(a))
            action.trigger()
            settle(qtbot, window)
            tried += 1
            assert triggered and triggered[-1] is action, (where, action.text())
            if not window.isVisible():  # (an entry that closes it: open it again)
                window.show()
    assert tried >= 30

    # every shortcut the window's actions have, pressed where it applies
    for path in ("二、（一）", "二、（二）"):  # bookmarks again (the menus deleted them)
        window.open_key(clause(window, "市中政办发〔2021〕13号", path).key)
        window.bookmarks.add_current()
    pressed = []
    for action in window.findChildren(QAction):
        if not shiboken6.isValid(action) or action.text() == QUIT or not action.isEnabled():
            continue
        for sequence in action.shortcuts():
            if isinstance(action.parent(), QMenu) or action.parent().window() is not window:
                continue  # a context menu's entry (its keys shown there, held elsewhere), or
                # a dialog's
            target = window.left.tree
            if window.bookmarks.panel.isAncestorOf(action.parent()) or \
                    action.parent() is window.bookmarks.panel:
                window.bookmarks.dock.show()  # (its keys work where the focus is in it)
                window.bookmarks.panel.select_key(window.reader.current or "")
                target = window.bookmarks.panel.view
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            target.setFocus()
            before = len(triggered)
            action.triggered.connect(lambda *_, a=action: triggered.append(a))
            QTest.keySequence(target, sequence)
            settle(qtbot, window)
            pressed.append(f"{action.text()} {sequence.toString()}")
            assert len(triggered) > before and triggered[-1] is action, \
                (action.text(), sequence.toString(), QApplication.focusWidget())
    assert len(pressed) >= 20, "\n".join(pressed)

    assert stray_dialogs == [], "dialogs must wait through ui.plain.run_dialog"
    problems = [m for m in answers.messages if "意外" in m[1] or "无法" in m[1]]
    assert problems == [] and answers.warnings == []
    missing = [p for p in answers.saved if not (p.is_file() and p.stat().st_size > 0)]
    assert answers.saved and missing == []
    assert any(p.suffix == ".pdf" for p in answers.saved)
    assert any("台政发〔2022〕3号" == d.doc_number for d in window.library.documents())  # imported

    quit_action = next(a for a in menus["文件(&F)"] if a.text() == QUIT)
    quit_action.trigger()
    assert not window.isVisible()
    window.library.close()  # (the user library the import reopened: the fixture's is closed)


def test_the_duplicate_import_offers_replace_and_skip(qtbot, window, monkeypatch, tmp_path):
    from ui import plain
    from ui.qt import QFileDialog, QMessageBox
    shown = []

    def answer(dialog):
        if isinstance(dialog, QFileDialog):
            dialog.selectFile(str(FIXTURES / "tai_single_with_number.txt"))
            return 1
        shown.append((dialog.windowTitle(), dialog.text(),
                      [(b.text(), dialog.buttonRole(b)) for b in dialog.buttons()]))
        skip = [b for b in dialog.buttons() if b.text() == "跳过"]
        (skip or dialog.buttons())[0].click()
        return dialog.result()
    monkeypatch.setattr(plain, "run_dialog", answer)
    try:
        for _ in range(2):
            window.import_flow.choose_and_import()
            settle(qtbot, window)
    finally:
        window.library.close()
    question = next(s for s in shown if s[0] == "公文已在库中")
    assert [text for text, _ in question[2]] == ["替换", "跳过"]
    assert question[2][0][1] == QMessageBox.ButtonRole.YesRole
    assert question[1].startswith("以下文件中的公文已在库中：\n· tai_single_with_number.txt："
                                  "台政发〔2022〕3号\n")
    assert question[1].count("台政发〔2022〕3号") == 1
