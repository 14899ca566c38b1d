"""The department picker: every canonical department with its number of entries.

Typing filters the list and matches aliases too (财政 finds 区财政局, 发改委
finds 区发展和改革局), ignoring full/half width. It is a popup under the
filter bar's button: type, arrow keys, Enter — no mouse needed. A library of
several governments lists each government's units under its name (a heading
row that cannot be chosen; typing the government's name finds its units), and
the choice carries the government: 区财政局 of one district is not another's.
"""
from __future__ import annotations

from models.store.library import DepartmentInfo
from models.textnorm import fold
from ui.item_roles import Role
from ui.labels import government_label
from ui.plain import as_rich
from ui.qt import (QAbstractItemView, QAbstractListModel, QColor, QEvent, QFont, QFrame, QLabel,
                   QLineEdit, QListView, QModelIndex, QSortFilterProxyModel, Qt, QVBoxLayout,
                   Signal, refilter_rows)


def search_text(dept: DepartmentInfo, grouped: bool) -> str:
    """What a typed needle is looked for in: the unit's names (widths folded), and its
    government's when units of several are listed together."""
    names = (dept.name, *dept.aliases, *((dept.government,) if grouped else ()))
    return "\n".join(fold(n).lower() for n in names)


def in_government_order(names, governments: list[str] | None) -> list[str]:
    """*names* of governments in *governments*' order (the library's, the one with the most
    documents first), any other after them by name."""
    order = {g: i for i, g in enumerate(governments or [])}
    return sorted(names, key=lambda g: (order.get(g, len(order)), g))


class DepartmentModel(QAbstractListModel):
    """The departments, by government when there is more than one (*governments*: the order
    of the groups, the library's governments with the most documents first)."""

    def __init__(self, departments: list[DepartmentInfo], parent=None,
                 governments: list[str] | None = None):
        super().__init__(parent)
        self.departments = departments
        groups: dict[str, list[DepartmentInfo]] = {}
        for dept in departments:
            groups.setdefault(dept.government, []).append(dept)
        self.grouped = len(groups) > 1
        # a row is a department, or (grouped) the heading of a government: its name
        self.rows: list[DepartmentInfo | str] = []
        for government in in_government_order(groups, governments):
            if self.grouped:
                self.rows.append(government)
            self.rows += groups[government]
        self.search = [self._search_of(i) for i in range(len(self.rows))]

    def _search_of(self, row: int) -> str:
        item = self.rows[row]
        if isinstance(item, DepartmentInfo):
            return search_text(item, self.grouped)
        members = [d for d in self.departments if d.government == item]
        return "\n".join(search_text(d, True) for d in members)  # shown while one matches

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index):
        if index.isValid() and not isinstance(self.rows[index.row()], DepartmentInfo):
            return Qt.ItemFlag.ItemIsEnabled  # a government's heading: not to be chosen
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Role.SearchText:
            return self.search[index.row()]
        if not isinstance(item, DepartmentInfo):
            return self._heading(item, role)
        dept, count = item, item.total
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{dept.name}　（{count} 条）"
        if role == Qt.ItemDataRole.ToolTipRole:
            also = "、".join(dept.aliases)
            where = government_label(dept.government) + "，" if self.grouped else ""
            return as_rich(f"{dept.name}（{where}{dept.kind}）"
                           + (f"\n又称：{also}" if also else ""))
        if role == Qt.ItemDataRole.ForegroundRole and not count:
            return QColor("#8a8a8a")
        if role == Role.NodeKey:
            return dept.name
        if role == Role.Government:
            return dept.government
        if role == Role.Count:
            return count
        return None

    def _heading(self, government: str, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return government_label(government)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#eef1f5")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#2b3a4a")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{government_label(government)}的部门"
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
    """A popup: a field to type into and the filtered list; emits the chosen department's name
    and government."""

    picked = Signal(str, str)

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

    def _choosable(self, row: int, step: int) -> int:
        """The nearest row from *row* on, going by *step*, that is a department (not a
        government's heading); *row* itself, clamped, when there is none that way."""
        last = self.proxy.rowCount() - 1
        row = max(0, min(last, row))
        probe = row
        while 0 <= probe <= last:
            if self.proxy.index(probe, 0).data(Role.NodeKey) is not None:
                return probe
            probe += step or 1
        return row

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(self._choosable(0, 1), 0))

    def _choose(self, index) -> None:
        name = index.data(Role.NodeKey) if index.isValid() else None
        if name is not None:
            self.hide()
            self.picked.emit(name, index.data(Role.Government) or "")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                row = self.list.currentIndex().row()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
                target = self._choosable(row + step, 1 if step > 0 else -1)
                if self.proxy.index(target, 0).data(Role.NodeKey) is None:
                    target = row  # only headings that way: stay
                self.list.setCurrentIndex(self.proxy.index(target, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex())
                return True
        return super().eventFilter(obj, event)
