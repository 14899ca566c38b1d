"""The reading tree as a Qt item model, and the proxy that applies the department filter.

The model wraps the plain-Python outline of models.views.outline (node tree,
internalPointer, row cached in the node so parent() is O(1)), or the same
rows read from the start-up cache (models.views.outline_node.OutlineNode, which
answers alike). The department filter is ui/window/left/tree_filter.py's proxy.

This module is imported before the first paint (ui/startup/staged.py), so it does
not read PySide6's `Qt` namespace (~30 ms to create): item roles are the
plain ints of ui/item_roles.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.roles import ROLE_LABELS
from ui.qt import QAbstractItemModel, QColor, QFont, QModelIndex
from ui.item_roles import (DEPT_ROLE, DISPLAY_ROLE, DOC_NUMBER, DOCUMENT_KEY, EXPIRED,
                           FONT_ROLE, FOREGROUND_ROLE, KIND, NODE_KEY, TOOLTIP_ROLE)

if TYPE_CHECKING:
    from models.views.outline import OutlineNode

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
                self.dataChanged.emit(index, index, [DISPLAY_ROLE, DEPT_ROLE])

    # ------------------------------------------------------- Qt overrides
    # flags() is not overridden: QAbstractItemModel's answer (enabled and
    # selectable for every valid index) is what the tree needs.
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

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid():
            return None
        node: OutlineNode = index.internalPointer()
        if role == DISPLAY_ROLE:
            tag = self.dept_roles.get(node.key)
            return f"〔{ROLE_LABELS[tag]}〕{node.text}" if tag else node.text
        if role == TOOLTIP_ROLE:
            if node.kind == "document":
                tip = f"{node.text}\n{node.doc_number}"
                if node.expired:
                    tip += f"\n已失效（有效期至{node.valid_until}）"
                return tip
            return node.text
        tag = self.dept_roles.get(node.key)
        if role == FONT_ROLE and (node.kind in ("issue", "category") or tag in _STRONG):
            font = QFont()
            font.setBold(True)
            return font
        if role == FOREGROUND_ROLE:  # a colour, as QBrush(colour) would read Qt.BrushStyle
            if node.expired and node.kind == "document":
                return _EXPIRED  # (Qt copies it; QColor(colour) would read Qt.GlobalColor)
            if tag in _STRONG:
                return _LEAD
            if tag:
                return _QUIET
            return None
        if role == NODE_KEY:
            return node.key
        if role == KIND:
            return node.kind
        if role == DOCUMENT_KEY:
            return node.document_key
        if role == DOC_NUMBER:
            return node.doc_number
        if role == EXPIRED:
            return node.expired
        if role == DEPT_ROLE:
            return self.dept_roles.get(node.key, "")
        return None
