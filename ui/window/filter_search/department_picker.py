"""The department picker: every canonical department with its number of entries.

Typing filters the list and matches aliases too (财政 finds 区财政局, 发改委
finds 区发展和改革局), ignoring full/half width. It is a popup under the
filter bar's button: type, arrow keys, Enter — no mouse needed.
"""
from __future__ import annotations

from models.store.library import DepartmentInfo
from models.textnorm import fold
from ui.item_roles import Role
from ui.qt import (QAbstractItemView, QAbstractListModel, QColor, QEvent, QFrame, QLabel,
                   QLineEdit, QListView, QModelIndex, QSortFilterProxyModel, Qt, QVBoxLayout,
                   Signal, refilter_rows)


class DepartmentModel(QAbstractListModel):
    def __init__(self, departments: list[DepartmentInfo], counts: dict[str, int], parent=None):
        super().__init__(parent)
        self.departments = departments
        self.counts = counts

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.departments)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        dept = self.departments[index.row()]
        count = self.counts.get(dept.name, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{dept.name}　（{count} 条）"
        if role == Qt.ItemDataRole.ToolTipRole:
            also = "、".join(dept.aliases)
            return f"{dept.name}（{dept.kind}）" + (f"\n又称：{also}" if also else "")
        if role == Qt.ItemDataRole.ForegroundRole and not count:
            return QColor("#8a8a8a")
        if role == Role.NodeKey:
            return dept.name
        if role == Role.SearchText:
            return "\n".join(fold(n).lower() for n in (dept.name, *dept.aliases))
        if role == Role.Count:
            return count
        return None


class DepartmentFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.needle = ""

    def set_needle(self, text: str) -> None:
        needle = fold(text.strip()).lower().replace(" ", "")
        refilter_rows(self, lambda: setattr(self, "needle", needle))

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.needle:
            return True
        text = self.sourceModel().index(row, 0, parent).data(Role.SearchText) or ""
        return self.needle in text


class DepartmentPicker(QFrame):
    """A popup: a field to type into and the filtered list; emits the chosen name."""

    picked = Signal(str)

    def __init__(self, model: DepartmentModel, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.proxy = DepartmentFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("输入部门名称或简称，如：财政、发改委")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("部门名称")
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName("部门列表")
        self.hint = QLabel("↑↓ 选择　Enter 确定　Esc 关闭", self)
        self.hint.setStyleSheet("color: #6b6b6b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(360, 420)
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)

    def set_model(self, model: DepartmentModel) -> None:
        self.proxy.setSourceModel(model)

    def open_at(self, pos) -> None:
        self.edit.clear()
        self._filter("")
        self.move(pos)
        self.show()
        self.edit.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _choose(self, index) -> None:
        if index.isValid():
            name = index.data(Role.NodeKey)
            self.hide()
            self.picked.emit(name)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                row = self.list.currentIndex().row()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
                row = max(0, min(self.proxy.rowCount() - 1, row + step))
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex())
                return True
        return super().eventFilter(obj, event)
