"""The reading tree as a Qt item model, and the proxy that applies the department filter.

The model wraps the plain-Python outline of models.outline (node tree,
internalPointer, row cached in the node so parent() is O(1)). The filter is
a QSortFilterProxyModel with recursive filtering: the whole skeleton is
loaded (a gazette has a few hundred rows), so a clause that concerns the
department keeps its document, category and issue visible.
"""
from __future__ import annotations

from models.roles import ROLE_LABELS
from models.outline import OutlineNode
from ui.qt import (QAbstractItemModel, QBrush, QColor, QFont, QModelIndex,
                   QPersistentModelIndex, QSortFilterProxyModel, Qt)
from ui.roles import Role

_EXPIRED = QColor("#9e3a3a")
_LEAD = QColor("#0b3a8c")  # the department leads or is responsible: it stands out
_QUIET = QColor("#5f6368")  # supporting and other roles: quieter
_STRONG = ("lead", "responsible")


class OutlineModel(QAbstractItemModel):
    def __init__(self, root: OutlineNode, parent=None):
        super().__init__(parent)
        self.root = root
        self.by_key: dict[str, OutlineNode] = {n.key: n for n in root.walk() if n.key}
        self.clause_count = sum(1 for n in self.by_key.values() if n.is_clause)
        self.dept_roles: dict[str, str] = {}

    # ------------------------------------------------------------ helpers
    def node(self, index: QModelIndex) -> OutlineNode:
        return index.internalPointer() if index.isValid() else self.root

    def index_of(self, key: str) -> QModelIndex:
        node = self.by_key.get(key)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def set_department_roles(self, roles: dict[str, str], notify: bool = True) -> None:
        """Which role the filtered department has in each clause (shown as a tag).

        With notify=False the caller refilters right after, which makes the
        views fetch every visible row again; one dataChanged per row would
        cost more than the whole switch should take.
        """
        changed = set(self.dept_roles) | set(roles)
        self.dept_roles = dict(roles)
        if not notify:
            return
        for key in changed:
            index = self.index_of(key)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Role.DeptRole])

    # ------------------------------------------------------- Qt overrides
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        # The checks of hasIndex(), done in Python: this is the model's hottest method.
        if column != 0 or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = (parent.internalPointer() if parent.isValid() else self.root).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index=QModelIndex()) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: OutlineNode = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            tag = self.dept_roles.get(node.key)
            return f"〔{ROLE_LABELS[tag]}〕{node.text}" if tag else node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.kind == "document":
                tip = f"{node.text}\n{node.doc_number}"
                if node.expired:
                    tip += f"\n已失效（有效期至{node.valid_until}）"
                return tip
            return node.text
        tag = self.dept_roles.get(node.key)
        if role == Qt.ItemDataRole.FontRole and (node.kind in ("issue", "category")
                                                 or tag in _STRONG):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if node.expired and node.kind == "document":
                return QBrush(_EXPIRED)
            if tag in _STRONG:
                return QBrush(_LEAD)
            if tag:
                return QBrush(_QUIET)
            return None
        if role == Role.NodeKey:
            return node.key
        if role == Role.Kind:
            return node.kind
        if role == Role.DocumentKey:
            return node.document_key
        if role == Role.DocNumber:
            return node.doc_number
        if role == Role.Expired:
            return node.expired
        if role == Role.DeptRole:
            return self.dept_roles.get(node.key, "")
        return None


class OutlineFilter(QSortFilterProxyModel):
    """Keeps only the clauses in `keys` (and, recursively, their ancestors); None = no filter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keys: set[str] | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_keys(self, keys: set[str] | None) -> None:
        self.beginFilterChange()
        self.keys = keys
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.keys is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        node: OutlineNode = index.internalPointer()
        return node.is_clause and node.key in self.keys

    def visible_clause_count(self) -> int:
        def count(parent: QModelIndex) -> int:
            total = 0
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                node = self.mapToSource(index).internalPointer()
                total += node.is_clause + count(index)
            return total
        return count(QModelIndex())
