"""The reading tree as a Qt item model, over a tree of models/ that reads its rows as they
are unfolded.

The model wraps a NodeTree of models.views.outline_node: the live Outline of
models.views.outline (the library's tree, or what a department filter keeps
of it: the filter is answered by SQL there), or the picture of the outline
cache in stage 1. A row's children are asked of the tree the first time the
view needs them (it reads them then, once: the rows never change under the
view until the next reset), so the view's "has children?" of a folded row
reads nothing. internalPointer is the node; its row is cached in it, so
parent() is O(1). Showing another tree (a filter applied or cleared) is a
reset of the same model: the view keeps its selection model.

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
    from models.views.outline_node import NodeTree, OutlineNode

_EXPIRED = QColor("#9e3a3a")
_LEAD = QColor("#0b3a8c")  # the department leads or is responsible: it stands out
_QUIET = QColor("#5f6368")  # supporting and other roles: quieter
_STRONG = ("lead", "responsible")


class OutlineModel(QAbstractItemModel):
    def __init__(self, tree: NodeTree, parent=None):
        super().__init__(parent)
        self.tree = tree

    def set_tree(self, tree: NodeTree) -> None:
        """Show another tree (the rows of a filter, or of none): a reset."""
        self.beginResetModel()
        self.tree = tree
        self.endResetModel()

    # ------------------------------------------------------------ helpers
    @property
    def root(self) -> OutlineNode:
        return self.tree.root

    def node(self, index: QModelIndex) -> OutlineNode:
        return index.internalPointer() if index.isValid() else self.tree.root

    def index_of(self, key: str) -> QModelIndex:
        """The row of *key* (its rows above are read if need be); invalid when the tree has
        no row for it."""
        node = self.tree.find(key)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    # ------------------------------------------------------- Qt overrides
    # flags() is not overridden: QAbstractItemModel's answer (enabled and
    # selectable for every valid index) is what the tree needs.
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        # The checks of hasIndex(), done in Python: this is the model's hottest method.
        if column != 0 or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = self.tree.children(parent.internalPointer() if parent.isValid()
                                      else self.tree.root)
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index=QModelIndex()) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self.tree.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.tree.children(self.node(parent)))

    def hasChildren(self, parent=QModelIndex()) -> bool:
        """Without reading a folded row's children: the tree knows whether it has any."""
        if parent.isValid() and parent.column() != 0:
            return False
        return self.node(parent).has_children()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid():
            return None
        node: OutlineNode = index.internalPointer()
        if role == DISPLAY_ROLE:
            tag = node.role
            return f"〔{ROLE_LABELS[tag]}〕{node.text}" if tag else node.text
        if role == TOOLTIP_ROLE:
            if node.kind == "document":
                tip = f"{node.text}\n{node.doc_number}"
                if node.expired:
                    tip += f"\n已失效（有效期至{node.valid_until}）"
                return tip
            return node.text
        tag = node.role
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
            return node.role
        return None
