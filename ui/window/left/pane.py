"""The window's left pane: the reading tree (or the search results in its place), the
department's deadlines below it, and above it the search field and the department filter.

The pane owns what it shows: the tree and its item model (OutlineModel, on a
tree of models/: the picture of the outline cache in stage 1, then the live
Outline, read as it unfolds, with or without a department filter), the stack
the tree shares with the search results, the deadlines panel and the zoom of
the pane's text. The other parts tell it what to show (show_outline,
show_deadlines, show_results …) and hear from it by signals: current_changed
when the tree's current row changes (from stage 2 on), deadline_chosen when a
deadline row is activated. The widgets above the tree belong to the filter
and search part (ui/window/filter_search/); the pane only places them.

Which rows unfold by themselves is models/views/outline.py's rule (all of a
small library, the issue being read of a large one); the rows unfolded in
stage 1's picture are unfolded again on the live tree, so nothing moves.

Stage 1 (before the first paint, see ui/startup/staged.py): the column with
the stand-ins above the tree; the tree shows the cached picture (with a
department filter, its rows with their role tags, and the deadlines panel,
built at once: it takes room). Nothing here reads `Qt` or QStyle (see
ui/qt.py) or opens a library. Stage 2 (complete()): the stack for the
results, and the tree tells its current row.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.item_roles import DOCUMENT_KEY, KIND, NODE_KEY
from ui.qt import QApplication, QFont, QModelIndex, QSplitter, QVBoxLayout, QWidget, Signal
from ui.window.left.tree_model import OutlineModel
from ui.window.left.tree_view import OutlineView

if TYPE_CHECKING:
    from models.views.outline_cache import Picture
    from models.views.outline_node import NodeTree, OutlineNode
    from ui.qt import QByteArray


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
        self.completed = False
        self._told = False  # current_changed is connected to the tree's selection
        self._picture: tuple | None = None  # (filter key, rows unfolded) of stage 1's picture
        self._split_restored = False  # the tree's and the deadlines' shares as the user left them
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
        """Stage 2: *results*, the search results view, sharing the stack with the tree; the
        tree's current row is told from now on."""
        if self.split is None:
            self._build_split()
        self.stack.addWidget(results)
        self.deadlines.view.activated.connect(self._deadline)
        self.deadlines.view.clicked.connect(self._deadline)
        self.completed = True
        self._tell_current()

    def _tell_current(self) -> None:
        if self.completed and self.outline is not None and not self._told:
            self._told = True  # (the model is reset, never replaced: one selection model)
            self.tree.selectionModel().currentChanged.connect(self._current)

    def replace(self, stand_in: QWidget, real: QWidget) -> None:
        """Put *real* where *stand_in* is in the column above the tree."""
        self.column.replaceWidget(stand_in, real)
        if self.isVisible():
            real.show()  # now, not queued by the layout: it may take the focus next
        stand_in.hide()

    # ------------------------------------------------------------ the tree
    def _set_tree(self, tree: NodeTree) -> None:
        if self.outline is None:
            self.outline = OutlineModel(tree, self)
            self.tree.setModel(self.outline)
            self._tell_current()
        else:
            self.outline.set_tree(tree)

    def show_picture(self, picture: Picture) -> None:
        """Stage 1: the cached picture of the tree, its rows unfolded as they were (and, once
        the library is open, the live tree's rows unfolded the same way)."""
        from models.views.outline_node import NodeTree
        tree = NodeTree(picture.root, picture.clauses)
        tree.key = picture.key
        self._set_tree(tree)
        self._unfold(picture.expanded)
        self._picture = (picture.key, picture.expanded)

    def forget_picture(self) -> None:
        """The start is over: later trees unfold by the rule, not as the picture did."""
        self._picture = None

    def show_outline(self, outline: NodeTree, current: str | None = None) -> None:
        """Put a tree in the view (the library's, or a filter's) and unfold it: as stage 1's
        picture did, or as the tree's rule says (around *current*, the key being read)."""
        self._set_tree(outline)
        if self._picture is not None and self._picture[0] == outline.key:
            keys = self._picture[1]
        else:
            keys = outline.unfolded(current)
        self._unfold(keys)

    def _unfold(self, keys: list[str]) -> None:
        """Unfold the rows of *keys* (parents first): the deepest first, so that each row
        unfolds under a folded one, and the view lays the rows out once."""
        model = self.outline
        for key in reversed(keys):
            index = model.index_of(key)
            if index.isValid():
                self.tree.expand(index)

    def _current(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.current_changed.emit(current.data(KIND) or "", current.data(NODE_KEY) or "",
                                      current.data(DOCUMENT_KEY) or "")

    def current_row(self) -> str | None:
        """The key of the tree's current row."""
        return self.tree.currentIndex().data(NODE_KEY)

    def collapse_to_documents(self) -> None:
        """Documents folded: issues and categories open (of the issue being read only, in a
        large library)."""
        self.tree.collapseAll()
        self._unfold(self.outline.tree.unfolded(self.current_row()))

    def expand_all(self) -> None:
        """Every row open (of the issue being read only, in a large library)."""
        self._unfold(self.outline.tree.unfolded(self.current_row(), everything=True))

    def tree_index(self, key: str) -> QModelIndex:
        """*key*'s row in the tree's model (invalid when the tree does not show it)."""
        return self.outline.index_of(key)

    def node(self, key: str) -> OutlineNode | None:
        """The tree's row of *key* (None for keys the tree has no row for: header matter, or
        clauses a department filter leaves out)."""
        return self.outline.tree.find(key) if self.outline is not None else None

    def clause_count(self) -> int:
        """The clauses the tree shows (all of the library's, or those the filter keeps)."""
        return self.outline.tree.clause_count if self.outline is not None else 0

    def unfolded_rows(self) -> list[str]:
        """The keys of the rows unfolded now, parents first (what a picture keeps)."""
        keys: list[str] = []
        model = self.outline

        def walk(node: OutlineNode) -> None:
            for child in node.children:
                if child.loaded and child.children and self.tree.isExpanded(
                        model.index_of(child.key)):
                    keys.append(child.key)
                    walk(child)
        if model is not None:
            walk(model.root)
        return keys

    def preselect(self, key: str) -> None:
        """Stage 1: make *key*'s row current and scroll to it (nothing opens it yet)."""
        if self.outline is None or self.completed:
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
    def show_filter(self, outline: NodeTree, current: str | None = None) -> None:
        """The tree a department filter keeps (its clauses, tagged, and the rows above them),
        or, with outline.key None, the whole tree without the deadlines."""
        self.show_outline(outline, current)
        if outline.key is None:
            self.deadlines.hide()

    def show_deadlines(self, department: str, rows: list[dict], total: int | None = None
                       ) -> None:
        self.deadlines.show_rows(department, rows, total)
        if self.deadlines.isHidden():
            self.deadlines.show()
            if not self._split_restored:  # the tree keeps three quarters (a panel shown
                self.split.setSizes([3000, 1000])  # later would take what it asks for)
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
            self._split_restored = self.split.restoreState(state)
