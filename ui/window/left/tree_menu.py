"""The tree's context menu: what an official does with the row under the mouse."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.item_roles import NODE_KEY

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def install_tree_menu(window: MainWindow) -> None:
    from ui.qt import Qt
    window.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    window.tree.customContextMenuRequested.connect(lambda pos: show_tree_menu(window, pos))


def show_tree_menu(window: MainWindow, pos) -> None:
    build_tree_menu(window, pos).exec(window.tree.viewport().mapToGlobal(pos))


def build_tree_menu(window: MainWindow, pos):
    """The menu for the row at *pos* (tree viewport coordinates), which it opens first."""
    from ui.qt import QKeySequence, QMenu
    index = window.tree.indexAt(pos)
    key = index.data(NODE_KEY) if index.isValid() else None
    menu = QMenu(window.tree)
    if key and key in window.outline.by_key and window.outline.by_key[key].kind not in (
            "issue", "category"):
        window.open_key(key)  # the menu acts on the row clicked: show it first
        mark = menu.addAction("收藏…")
        mark.setShortcut(QKeySequence("Ctrl+D"))
        if getattr(window, "bookmarks", None) is not None:
            mark.triggered.connect(window.bookmarks.add_current)
        else:
            mark.setEnabled(False)
        cite = menu.addAction("复制条款并注明出处")
        cite.setShortcut(QKeySequence("Ctrl+Shift+C"))
        cite.triggered.connect(window.copy_citation)
        printing = menu.addAction("打印此公文…")
        printing.triggered.connect(lambda: _print_document(window))
    duty = menu.addAction("打印职责清单…" if window.filter_bar.department
                          else "打印职责清单…（先选择部门）")
    duty.setShortcut(QKeySequence("Ctrl+Shift+P"))
    duty.triggered.connect(window.print_duty_list)
    return menu


def _print_document(window: MainWindow) -> None:
    from ui.printing import printout
    from ui.window.output import print_title
    printout.preview(window, window.reader.print_html, print_title(window))
