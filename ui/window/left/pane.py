"""The window's left pane: the reading tree (or the search results in its place), the
department's deadlines below it, and above it the search field and the department filter.

The pane owns what it shows: the tree and its item model (OutlineModel, on
the cached rows or on the library's outline), the filter proxy, the stack the
tree shares with the search results, the deadlines panel and the zoom of the
pane's text. The other parts tell it what to show (show_outline, show_filter,
show_deadlines, show_results …) and hear from it by signals: current_changed
when the tree's current row changes (from stage 2 on), deadline_chosen when a
deadline row is activated. The widgets above the tree belong to the filter
and search part (ui/window/filter_search/); the pane only places them.

Stage 1 (before the first paint, see ui/startup/staged.py): the column with
the stand-ins above the tree; the tree reads the rows of the outline cache
directly. With a department filter to show from the cache, the tree shows a
copy of the outline holding only the filtered rows, with their role tags, and
the deadlines panel is built at once (it takes room). Nothing here reads `Qt`
or QStyle (see ui/qt.py) or opens a library. Stage 2 (complete()): the filter
proxy, which the tree reads from then on, and the stack for the results.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.item_roles import DOCUMENT_KEY, KIND, NODE_KEY
from ui.qt import QApplication, QFont, QModelIndex, QSplitter, QVBoxLayout, QWidget, Signal
from ui.window.left.tree_model import OutlineModel
from ui.window.left.tree_view import OutlineView

if TYPE_CHECKING:
    from models.views.outline_node import OutlineNode
    from ui.qt import QByteArray


def outline_summary(root: OutlineNode) -> tuple[str, int]:
    """The issues of an outline (their labels, as the status bar writes them) and the number
    of its documents (issue → category → document)."""
    issues = "、".join(issue.text for issue in root.children)
    return issues, sum(1 for issue in root.children for cat in issue.children for _ in cat.children)


class LeftPane(QWidget):
    # The tree's current row changed (kind, key, document key): from stage 2 on.
    current_changed = Signal(str, str, str)
    deadline_chosen = Signal(str)  # the key of a deadline row, activated or clicked

    def __init__(self, above: list[QWidget], with_deadlines: bool = False, parent=None):
        """*above*: the widgets over the tree (the search field and the department filter, or
        their stand-ins); *with_deadlines*: build the deadlines panel now (stage 1 with a
        department filter), not in complete()."""
        super().__init__(parent)
        self.setMinimumWidth(260)
        self.base_pt = QApplication.font().pointSizeF()  # the pane's text size at zoom 1
        self.tree = OutlineView()
        self.outline: OutlineModel | None = None
        self.proxy = None  # tree_filter.OutlineFilter: the tree's model from stage 2 on
        self.stack = self.deadlines = self.split = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 8, 4, 4)
        self.column.setSpacing(6)
        for widget in above:
            self.column.addWidget(widget)
        self.column.addWidget(self.tree, 1)
        if with_deadlines:
            self._build_split()

    def _build_split(self) -> None:
        """The tree in a stack (with the search results, added in stage 2) above the deadlines."""
        from ui.qt import QStackedWidget
        from ui.window.left.deadlines import DeadlinesPanel
        self.stack = QStackedWidget()
        self.deadlines = DeadlinesPanel()
        self.deadlines.hide()
        self.split = QSplitter()
        self.split.setProperty("orientation", 2)  # Qt.Vertical, without reading `Qt`
        self.split.addWidget(self.stack)
        self.split.addWidget(self.deadlines)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.replace(self.tree, self.split)
        self.stack.addWidget(self.tree)
        self.tree.show()

    def complete(self, results: QWidget) -> None:
        """Stage 2: the filter proxy (the tree reads it from the next show_outline() on), and
        *results*, the search results view, sharing the stack with the tree."""
        from ui.window.left.tree_filter import OutlineFilter
        self.proxy = OutlineFilter(self)
        if self.split is None:
            self._build_split()
        self.stack.addWidget(results)
        self.deadlines.view.activated.connect(self._deadline)
        self.deadlines.view.clicked.connect(self._deadline)

    def replace(self, stand_in: QWidget, real: QWidget) -> None:
        """Put *real* where *stand_in* is in the column above the tree."""
        self.column.replaceWidget(stand_in, real)
        if self.isVisible():
            real.show()  # now, not queued by the layout: it may take the focus next
        stand_in.hide()

    # ------------------------------------------------------------ the tree
    def show_outline(self, root: OutlineNode, filtered_roles: dict[str, str] | None = None
                     ) -> None:
        """Put an outline (cached or built from the library) in the tree, folded to documents;
        in stage 1, with *filtered_roles* (clause key → the department's role, from the cache),
        only those rows, tagged, unfolded.

        In stage 1 the tree reads the cached rows directly: they are all it shows
        (with a filter, a copy holding only the filtered rows). The filter proxy
        would answer every collapsed row's "has children?" by filtering all the
        rows below it, calling Python for each: ~15 ms of the first paint. From
        stage 2 on the tree reads the proxy, which applies the live filter."""
        old = self.outline
        if filtered_roles is not None:  # only the rows the filter keeps (what the proxy
            from models.views.outline_node import filtered_copy  # would show), a few dozen
            root = filtered_copy(root, set(filtered_roles))
        self.outline = OutlineModel(root, self)
        if filtered_roles is not None:
            self.outline.set_department_roles(filtered_roles, notify=False)
        if self.proxy is None:
            self.tree.setModel(self.outline)
        else:
            self.proxy.setSourceModel(self.outline)
            if self.tree.model() is not self.proxy:
                self.tree.setModel(self.proxy)  # a new selection model: connect it
                self.tree.selectionModel().currentChanged.connect(self._current)
        if old is not None:
            old.deleteLater()
        if filtered_roles is not None:
            self.tree.expandAll()
        else:
            self.collapse_to_documents()

    def _current(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.current_changed.emit(current.data(KIND) or "", current.data(NODE_KEY) or "",
                                      current.data(DOCUMENT_KEY) or "")

    def collapse_to_documents(self) -> None:
        """Issues and categories open, documents folded (one layout pass, not one per row)."""
        self.tree.expandToDepth(1)

    def expand_all(self) -> None:
        self.tree.expandAll()

    def tree_index(self, key: str) -> QModelIndex:
        """*key*'s row in the tree's model (invalid when the tree does not show it)."""
        index = self.outline.index_of(key)
        return self.proxy.mapFromSource(index) if self.tree.model() is self.proxy else index

    def node(self, key: str) -> OutlineNode | None:
        """The outline's node of *key* (None for keys the tree has no row for: headers)."""
        return self.outline.by_key.get(key) if self.outline is not None else None

    def documents_of(self, keys) -> set[str]:
        """The documents the rows of *keys* belong to."""
        by_key = self.outline.by_key
        return {by_key[k].document_key for k in keys if k in by_key}

    def preselect(self, key: str) -> None:
        """Stage 1: make *key*'s row current and scroll to it (nothing opens it yet)."""
        if self.outline is None or self.proxy is not None:
            return
        index = self.tree_index(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def show_row(self, key: str, select: bool = False) -> None:
        """Make *key*'s row the tree's current row (and the selection, with *select*), in
        view, without telling current_changed: the caller shows it already."""
        index = self.tree_index(key)
        if index.isValid():
            selection = self.tree.selectionModel()
            selection.blockSignals(True)
            self.tree.setCurrentIndex(index)
            if select:
                from ui.qt import QItemSelectionModel
                selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.tree.scrollTo(index)

    # ------------------------------------------------------ the filter, the results
    def show_filter(self, roles: dict[str, str] | None) -> None:
        """Show only the clauses of *roles* (clause key → the department's role, shown as a
        tag), and their ancestors, unfolded; None: every row, folded to documents, and no
        deadlines."""
        self.outline.set_department_roles(roles or {}, notify=False)
        self.proxy.set_keys(None if roles is None else set(roles))
        if roles is None:
            self.deadlines.hide()
            self.collapse_to_documents()
        else:
            self.tree.viewport().update()
            self.tree.expandAll()

    def show_deadlines(self, department: str, rows: list[dict]) -> None:
        self.deadlines.show_rows(department, rows)
        self.deadlines.show()

    def _deadline(self, index: QModelIndex) -> None:
        if index.isValid():
            self.deadline_chosen.emit(index.data(NODE_KEY))

    def show_results(self, results: QWidget) -> None:
        self.stack.setCurrentWidget(results)

    def show_tree(self) -> None:
        self.stack.setCurrentWidget(self.tree)

    def current_view(self) -> QWidget:
        """What the pane shows now: the tree or the search results."""
        return self.stack.currentWidget() if self.stack is not None else self.tree

    def focus_tree(self) -> None:
        self.tree.setFocus()

    # ------------------------------------------------------------ layout
    def set_zoom(self, zoom: float) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(self.base_pt * zoom)
        self.setFont(font)

    def split_state(self) -> QByteArray | None:
        return self.split.saveState() if self.split is not None else None

    def restore_split(self, state: QByteArray | None) -> None:
        """The tree's and the deadlines' shares of the pane, as saved (once the split exists)."""
        if state is not None and self.split is not None:
            self.split.restoreState(state)
