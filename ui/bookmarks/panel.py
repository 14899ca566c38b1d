"""The bookmarks dock: collections and their bookmarks, in the order the official chose.

Shows each bookmark's state against the open library (条文已变化 for a
changed clause, 原条文已不在库中 for a removed one), opens a clause on
activation, and lets collections be renamed, deleted and printed. Order is
changed by dragging or with 上移/下移; the panel writes the new order back
to the store, which is the only copy. The rows are ui/bookmarks/model.py's.
"""
from __future__ import annotations

from models.bookmarks import Bookmark, BookmarkError, BookmarkStore, DamagedBookmarksError
from models.store.library import Library
from ui.bookmarks.model import ID_ROLE, KEY_ROLE, KIND_ROLE, STATUS_ROLE, BookmarksModel
from ui import plain
from ui.plain import as_rich, ask, warn
from ui.plain import label as plain_label
from ui.qt import (QAbstractItemView, QAction, QDialog, QGridLayout, QHBoxLayout, QInputDialog,
                   QKeySequence, QLabel, QMenu, QModelIndex, Qt, QTimer, QToolButton, QTreeView,
                   QVBoxLayout, QWidget, Signal)


class BookmarksPanel(QWidget):
    """The contents of the 书签 dock."""

    openRequested = Signal(str)  # node key
    printRequested = Signal(str)  # collection name
    changed = Signal()
    salvageRequested = Signal()  # the store is damaged: open a read-only copy
    freshRequested = Signal()  # the store is damaged: start a new one, keeping it

    def __init__(self, store: BookmarkStore | None, library: Library,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.library = library
        self._marks: dict[int, Bookmark] = {}
        self.model = BookmarksModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)  # one click opens it, as in the tree
        self.view.setAccessibleName("书签列表")
        self._loading = False  # rows inserted while loading are no drag
        self.model.rowsInserted.connect(
            lambda *_: None if self._loading else self._sync_timer.start())
        self._sync_timer = QTimer(self, singleShot=True, interval=0)
        self._sync_timer.timeout.connect(self._store_order)

        bar = QGridLayout()  # three buttons a row: the dock stays narrow, even zoomed
        bar.setContentsMargins(0, 0, 0, 0)
        buttons = 0
        self.actions: dict[str, QAction] = {}
        for name, text, tip, slot, shortcut in (
                ("up", "上移", "上移书签（Alt+↑）", lambda: self._move(-1), "Alt+Up"),
                ("down", "下移", "下移书签（Alt+↓）", lambda: self._move(1), "Alt+Down"),
                ("note", "备注…", "编辑备注（F2）", self._edit_note, "F2"),
                ("compare", "对照…", "对照收藏时的原文与现行条文", self._compare, ""),
                ("rename", "重命名…", "重命名收藏夹", self._rename, ""),
                ("delete", "删除", "删除书签或收藏夹（Delete）", self._delete, "Delete"),
                ("print", "打印…", "打印会议材料", self._print, "")):
            action = QAction(text, self)
            action.setToolTip(tip)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[name] = action
            if name in ("up", "down", "note", "delete", "print"):
                button = QToolButton(self)
                button.setDefaultAction(action)
                bar.addWidget(button, buttons // 3, buttons % 3)
                buttons += 1
        bar.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_notice())
        self.empty = QLabel("还没有书签。选中条款后按 Ctrl+D 收藏。", self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.refresh()

    def _build_notice(self) -> QWidget:
        """What is wrong with the store, when something is, with what can be done about it."""
        self.notice = QWidget(self)
        self.notice.setStyleSheet("background: #fff4e5;")
        box = QVBoxLayout(self.notice)
        box.setContentsMargins(6, 6, 6, 6)
        self.notice_text = plain_label("", self.notice)
        self.notice_text.setWordWrap(True)
        self.notice_text.setStyleSheet("color: #7a3e00;")
        box.addWidget(self.notice_text)
        buttons = QHBoxLayout()
        self.salvage_button = QToolButton(self.notice)
        self.salvage_button.setText("以只读方式打开副本")
        self.salvage_button.setToolTip("读出损坏文件中还能读出的书签，只能查看，不能修改")
        self.salvage_button.clicked.connect(self.salvageRequested)
        self.fresh_button = QToolButton(self.notice)
        self.fresh_button.setText("新建书签文件")
        self.fresh_button.setToolTip("损坏的文件改名保留在原处，另建一个空的书签文件")
        self.fresh_button.clicked.connect(self.freshRequested)
        buttons.addWidget(self.salvage_button)
        buttons.addWidget(self.fresh_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.notice.hide()
        return self.notice

    # ------------------------------------------------------------ contents
    def set_store(self, store: BookmarkStore | None, problem: str = "",
                  damaged: bool = False) -> None:
        """Show *store* (None when it cannot be opened), and *problem* above it; for a
        damaged store, the two ways out."""
        self.store = store
        self.notice_text.setText(problem)
        self.notice.setVisible(bool(problem))
        self.salvage_button.setVisible(damaged and (store is None or not store.read_only))
        self.fresh_button.setVisible(damaged)
        self.refresh()

    def set_library(self, library: Library) -> None:
        self.library = library
        self.refresh()

    def refresh(self) -> None:
        """Reload from the store, keeping which collections are open and what is selected."""
        expanded = {c.text() for c in self.model.collections() if self.view.isExpanded(c.index())}
        selected = self.current_key()
        self._loading = True
        self.model.clear()
        if self.store is None:
            self._loading = False
            self._marks = {}
            self.empty.setVisible(False)
            self._update_actions()
            return
        try:
            marks = self.store.resolved(self.library)
        except BookmarkError as err:  # damage found by this read: say so, show nothing
            self._loading = False
            self.store = None
            self._marks = {}
            self.notice_text.setText(str(err))
            self.notice.show()
            self.fresh_button.setVisible(isinstance(err, DamagedBookmarksError))
            self.salvage_button.setVisible(isinstance(err, DamagedBookmarksError))
            self._update_actions()
            return
        self._marks = {m.id: m for m in marks}
        first = not expanded
        self.model.fill(self.store.collections(), marks)
        self._loading = False
        for r in range(self.model.rowCount()):
            if first or self.model.item(r).text() in expanded:
                self.view.expand(self.model.index(r, 0))
        if selected:
            self.select_key(selected)
        self.empty.setVisible(not marks)
        self._update_actions()

    def show_added(self, mark: Bookmark) -> None:
        """Show a bookmark just added without reloading the panel (it must feel instant)."""
        if mark.id in self._marks:
            self.refresh()  # a note changed on an existing bookmark
            return
        mark.status, mark.current_text = "ok", mark.text  # just made from the open library
        mark.expired = mark.document_key in self.library.expired_document_keys(
            among=[mark.document_key])
        self._marks[mark.id] = mark
        self._loading = True
        parent = self.model.add(mark)
        self._loading = False
        self.view.expand(parent.index())
        self.select_key(mark.key)
        self.empty.setVisible(False)

    def contains(self, key: str) -> bool:
        return self.model.bookmark_index(key).isValid()

    def current_key(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def current_mark(self) -> Bookmark | None:
        index = self.view.currentIndex()
        return self._marks.get(index.data(ID_ROLE)) if index.isValid() else None

    def current_collection(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data() if index.data(KIND_ROLE) == "collection" else index.parent().data()

    def select_key(self, key: str) -> None:
        index = self.model.bookmark_index(key)
        if index.isValid():
            self.view.setCurrentIndex(index)

    # ------------------------------------------------------------- actions
    def _update_actions(self) -> None:
        mark = self.current_mark()
        has_collection = self.current_collection() is not None
        writable = self.store is not None and not self.store.read_only  # else: look, don't touch
        for name in ("up", "down", "note"):
            self.actions[name].setEnabled(writable and mark is not None)
        self.actions["compare"].setEnabled(mark is not None and mark.status == "changed")
        self.actions["rename"].setEnabled(writable and has_collection)
        self.actions["delete"].setEnabled(writable and has_collection)
        self.actions["print"].setEnabled(has_collection)

    def _activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "bookmark" and index.data(STATUS_ROLE) != "orphaned":
            self.openRequested.emit(index.data(KEY_ROLE))
        elif index.data(KIND_ROLE) == "bookmark":
            self._compare()

    def _guard(self, fn) -> bool:
        try:
            fn()
        except BookmarkError as err:
            warn(self, "书签", str(err))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def _move(self, step: int) -> None:
        mark = self.current_mark()
        if mark is None:
            return
        siblings = [m for m in self._marks.values() if m.collection == mark.collection]
        index = next(i for i, m in enumerate(siblings) if m.id == mark.id)
        self._guard(lambda: self.store.move(mark.id, max(0, index + step)))

    def _store_order(self) -> None:
        """After a drag: write the order shown back to the store."""
        for parent in self.model.collections():
            ids = [parent.child(c).data(ID_ROLE) for c in range(parent.rowCount())]
            stored = [m.id for m in self._marks.values() if m.collection == parent.text()]
            if ids != stored and all(i is not None for i in ids):
                self._guard(lambda p=parent, i=ids: self.store.reorder(p.text(), i))
                return

    def _ask_text(self, title: str, label: str, text: str, multiline: bool = False
                  ) -> str | None:
        """The text typed in a small dialog (through plain.run_dialog), None when cancelled."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if multiline:
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(text)
        dialog.setOkButtonText("确定")
        dialog.setCancelButtonText("取消")
        accepted = plain.run_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.textValue() if accepted else None

    def _edit_note(self) -> None:
        mark = self.current_mark()
        if mark is None:
            return
        text = self._ask_text("编辑备注", as_rich(mark.citation()), mark.note, multiline=True)
        if text is not None:
            self._guard(lambda: self.store.set_note(mark.id, text.strip()))

    def _rename(self) -> None:
        name = self.current_collection()
        if name is None:
            return
        new = (self._ask_text("重命名收藏夹", "新名称：", name) or "").strip()
        if new and new != name:
            self._guard(lambda: self.store.rename_collection(name, new))

    def _delete(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        if index.data(KIND_ROLE) == "bookmark":
            mark = self.current_mark()
            if mark is not None:
                self._guard(lambda: self.store.remove(mark.id))
            return
        name = index.data()
        count = self.model.itemFromIndex(index).rowCount()
        if ask(self, "删除收藏夹", f"删除收藏夹“{name}”及其中的 {count} 条书签？", "删除", "取消"):
            self._guard(lambda: self.store.delete_collection(name))

    def _print(self) -> None:
        name = self.current_collection()
        if name is not None:
            self.printRequested.emit(name)

    def _compare(self) -> None:
        mark = self.current_mark()
        if mark is not None:
            from ui.bookmarks.dialogs import CompareDialog
            dialog = CompareDialog(mark, self)
            plain.run_dialog(dialog)
            dialog.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu of the row under the mouse (made current by the click): what can be done."""
        menu = QMenu(self)
        for name in ("note", "compare", "up", "down", "rename", "delete", "print"):
            if self.actions[name].isEnabled():
                menu.addAction(self.actions[name])
        return menu

    def _menu(self, pos) -> None:
        menu = self.context_menu()
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
