"""The department filter of the reading tree: a proxy over the tree's OutlineModel.

A QSortFilterProxyModel with recursive filtering: the whole skeleton is
loaded (a gazette has a few hundred rows), so a clause that concerns the
department keeps its document, category and issue visible.

The tree reads the proxy from stage 2 of the start on (ui/window/left/pane.py):
this module, and QSortFilterProxyModel with it, is loaded after the first
paint.
"""
from __future__ import annotations

from models.views.outline_node import shown_by_filter
from ui.qt import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, refilter_rows


class OutlineFilter(QSortFilterProxyModel):
    """Keeps only the clauses in `keys` (and, recursively, their ancestors); None = no filter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keys: set[str] | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_keys(self, keys: set[str] | None) -> None:
        refilter_rows(self, lambda: setattr(self, "keys", keys))

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.keys is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return shown_by_filter(index.internalPointer(), self.keys)

    def visible_clause_count(self) -> int:
        def count(parent: QModelIndex) -> int:
            total = 0
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                node = self.mapToSource(index).internalPointer()
                total += node.is_clause + count(index)
            return total
        return count(QModelIndex())
