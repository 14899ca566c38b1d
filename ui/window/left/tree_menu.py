"""The tree's context menu: what an official does with the row under the mouse.

The menu opens the row it was asked for (open_requested), then offers to
bookmark it, copy it with its citation, print its document and print the duty
list; each entry asks by a signal, and the window connects them to the parts
that do it (bookmarks, output). It knows the rows through kind_of (a key's
node kind, None for a key the tree has no row for) and the filter through
department (the name picked, or None).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.item_roles import NODE_KEY
from ui.qt import QObject, Signal

if TYPE_CHECKING:
    from ui.qt import QMenu
    from ui.window.left.tree_view import OutlineView


class TreeMenu(QObject):
    open_requested = Signal(str)  # the row clicked, opened before the menu shows
    bookmark_requested = Signal()  # 收藏…
    cite_requested = Signal()  # 复制条款并注明出处
    print_requested = Signal()  # 打印此公文…
    duty_list_requested = Signal()  # 打印职责清单…

    def __init__(self, tree: OutlineView, kind_of: Callable[[str], str | None],
                 department: Callable[[], str | None]):
        super().__init__(tree)
        from ui.qt import Qt
        self.tree, self.kind_of, self.department = tree, kind_of, department
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self.show)

    def show(self, pos) -> None:
        self.build(pos).exec(self.tree.viewport().mapToGlobal(pos))

    def build(self, pos) -> QMenu:
        """The menu for the row at *pos* (tree viewport coordinates), which it opens first."""
        from ui.qt import QKeySequence, QMenu
        index = self.tree.indexAt(pos)
        key = index.data(NODE_KEY) if index.isValid() else None
        menu = QMenu(self.tree)
        if key and self.kind_of(key) not in (None, "issue", "category"):
            self.open_requested.emit(key)  # the menu acts on the row clicked: show it first
            for text, keys, signal in (("收藏…", "Ctrl+D", self.bookmark_requested),
                                       ("复制条款并注明出处", "Ctrl+Shift+C", self.cite_requested),
                                       ("打印此公文…", "", self.print_requested)):
                action = menu.addAction(text)
                if keys:
                    action.setShortcut(QKeySequence(keys))
                action.triggered.connect(signal)
        duty = menu.addAction("打印职责清单…" if self.department()
                              else "打印职责清单…（先选择部门）")
        duty.setShortcut(QKeySequence("Ctrl+Shift+P"))
        duty.triggered.connect(self.duty_list_requested)
        return menu
