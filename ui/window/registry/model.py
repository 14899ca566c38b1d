"""The 部门名录's table: one government's units with their kind, aliases and counts.

A QStandardItemModel of four columns (名称 · 类别 · 又称 · 条目), one row per unit, and a
proxy that keeps the rows a typed needle finds (in the name or any alias, any width)
and, when asked, only the units no registry knows (未登记: what an import reported).
"""
from __future__ import annotations

from models.roles import ROLE_LABELS
from models.store.library import DepartmentInfo
from models.textnorm import fold
from ui.item_roles import Role
from ui.plain import as_rich
from ui.qt import QColor, QSortFilterProxyModel, QStandardItem, QStandardItemModel, Qt, \
    refilter_rows
from ui.window.filter_search.department_picker import search_text

COLUMNS = ("名称", "类别", "又称", "条目")
UNREGISTERED = "未登记"
COLLECTIVE = "集体单位"


def kind_label(dept: DepartmentInfo) -> str:
    """The unit's kind as the table says it: its registry kind (区直部门 …), 集体单位 when
    the official said so, else 未登记."""
    return dept.kind or UNREGISTERED


def counts_tip(dept: DepartmentInfo) -> str:
    roles = "，".join(f"{ROLE_LABELS[r]} {n}" for r, n in dept.counts.items())
    return f"{dept.name}：{dept.total} 条" + (f"（{roles}）" if roles else "") + \
        "，含所属集体单位的条款，与部门筛选和职责清单一致"


class RegistryModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.departments: list[DepartmentInfo] = []

    def show(self, departments: list[DepartmentInfo]) -> None:
        """One government's units, registered ones first."""
        self.removeRows(0, self.rowCount())
        self.departments = sorted(departments, key=lambda d: (not d.known, d.id))
        grey = QColor("#8a8a8a")
        for dept in self.departments:
            name = QStandardItem(dept.name)
            name.setData(dept.id, Role.NodeKey)
            name.setData(search_text(dept, grouped=False), Role.SearchText)
            kind = QStandardItem(kind_label(dept))
            if kind.text() == UNREGISTERED:
                kind.setForeground(QColor("#a15c00"))
                kind.setToolTip("部门名录中没有这个单位：可并入已登记的单位，或改名")
            aliases = QStandardItem("、".join(dept.aliases))
            aliases.setToolTip(as_rich("、".join(dept.aliases)))
            count = QStandardItem()
            count.setData(dept.total, Qt.ItemDataRole.DisplayRole)
            count.setData(dept.total, Role.Count)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setToolTip(as_rich(counts_tip(dept)))
            row = [name, kind, aliases, count]
            for item in row:
                item.setEditable(False)
                if not dept.total:
                    item.setForeground(grey)
            self.appendRow(row)

class RegistryFilter(QSortFilterProxyModel):
    """The rows whose name or aliases hold the needle; only 未登记 ones when asked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.needle = ""
        self.unregistered_only = False
        self.setSortRole(Role.Count)

    def set_filter(self, text: str, unregistered_only: bool) -> None:
        needle = fold(text.strip()).lower().replace(" ", "")

        def change() -> None:
            self.needle, self.unregistered_only = needle, unregistered_only
        refilter_rows(self, change)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        if self.unregistered_only and model.index(row, 1, parent).data() != UNREGISTERED:
            return False
        return not self.needle or self.needle in (
            model.index(row, 0, parent).data(Role.SearchText) or "")

    def lessThan(self, left, right) -> bool:  # noqa: N802 (Qt override)
        if left.column() == 3:
            return (left.data(Role.Count) or 0) < (right.data(Role.Count) or 0)
        return (left.data() or "") < (right.data() or "")
