"""Fixtures shared by the tests/test_ui_*.py files (imported by them, not a conftest).

`window` is the real MainWindow on the seed library with its settings in a
temporary file, shown offscreen; `qt_app` is the application as ui.startup.application makes
it (Chinese Qt translations, bundled fonts as the default font).
"""
from __future__ import annotations

import pytest


@pytest.fixture()
def qt_app(qapp):
    from ui.startup.application import make_app
    app, fonts = make_app()
    return app, fonts


@pytest.fixture()
def make_window(qt_app, qtbot, seed_library_path, tmp_path):
    """Factory: a shown MainWindow; call again with the same settings path to 'reopen'."""
    from models.store.library import Library
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    opened = []

    def make(settings_path=None, library_path=None):
        library = Library(library_path or seed_library_path)
        window = MainWindow(library, qt_app[1], Settings(settings_path or tmp_path / "s.ini"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, library))
        return window

    yield make
    for window, library in opened:
        window.settings = None
        window.close()
        library.close()


@pytest.fixture()
def window(make_window):
    return make_window()


def clause(window, doc_number: str, path: str):
    """The library's node of the clause at *path* (二、（一）) in the document *doc_number*."""
    doc = next(d for d in window.library.documents() if d.doc_number == doc_number)
    return next(n for n in window.library.nodes(doc.key) if n.path == path)


def visible_rows(view) -> list[str]:
    """The display text of every row of a tree view that is expanded into view."""
    model = view.model()
    rows = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index.data())
            if view.isExpanded(index):
                walk(index)
    from PySide6.QtCore import QModelIndex
    walk(QModelIndex())
    return rows


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key clicks, Chinese as an input method commits it.

    (QTest.keyClicks only knows ASCII; a Chinese IME delivers committed text.)
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


@pytest.fixture()
def own_user_data(tmp_path):
    """User data of the test's own (no bookmarks of other tests: the window as on a first
    start); use it before `window` (list it first, or make it autouse in the module)."""
    from models.locations import set_user_data_dir
    set_user_data_dir(tmp_path / "own-user-data")
    yield tmp_path / "own-user-data"
    set_user_data_dir(None)


def document_row(left, key: str):
    """The tree's row of the document *key*, its rows below read (the tree reads a document's
    rows when it unfolds)."""
    node = left.node(key)
    left.outline.tree.children(node)
    return node


def tagged_rows(left) -> dict[str, str]:
    """The clauses the tree shows with the filtered department's role (every row read)."""
    def walk(parent) -> dict[str, str]:
        found = {}
        model = left.outline
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = index.internalPointer()
            if node.role:
                found[node.key] = node.role
            found.update(walk(index))
        return found
    from PySide6.QtCore import QModelIndex
    return walk(QModelIndex())
