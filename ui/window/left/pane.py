"""The main window's first stage: the frame of the final window, with its tree.

Part of MainWindow (ui/main_window.py; self is the window), kept apart so
that each module stays a size one can read, and because everything here
runs before the window's first paint (ui/startup.py, bench/startup_bench.py).

Stage 1 (MainWindow.__init__): the splitter, the tree (with the rows of the
outline cache when given, see models/outline_cache.py), a blank panel where
the reading pane goes, the menu titles, a search field and a department
button standing in for the real ones (same size, same text), the saved
geometry, splitter, tree zoom and current row. The tree reads the cached rows
directly (see _show_outline). With a department filter saved and in the
cache (cached_filter), it shows instead the filtered rows with their role
tags (a copy of the cached outline holding only those rows), the real filter
bar (chip, role toggles) and the deadlines panel under the tree, sized by
the saved splitter: what stage 2 will show. It uses only Qt classes that are
cheap to load (never `Qt` nor QStyle, see ui/qt.py) and imports nothing that
opens or queries a library.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.labels import MENU_TITLES, library_status
from ui.plain import set_plain
from ui.qt import QApplication, QFont, QLabel, QModelIndex, QSplitter, QVBoxLayout, QWidget
from ui.startup.stand_ins import department_stand_in, reading_stand_in, search_stand_in
from ui.styles import FILTER_NOTE
from ui.window.left.tree_model import OutlineModel
from ui.window.left.tree_view import OutlineView

if TYPE_CHECKING:
    from models.views.outline_cache import CachedFilter
    from models.views.outline_node import OutlineNode


class WindowShell:
    def _build_shell(self, filtered: bool = False) -> None:
        """The frame; *filtered*: with the real filter bar and the deadlines under the tree
        (a department filter will be shown from the cache, and they take room)."""
        self._search_stub = search_stand_in()
        if filtered:
            from ui.window.filter_search.filter_bar import FilterBar
            self._filter_stub = None
            self.filter_bar = FilterBar()
        else:
            self._filter_stub = department_stand_in()
        self.tree = OutlineView()
        self.proxy = None  # ui.tree_filter.OutlineFilter: the tree's model from stage 2
        self.left = QWidget()
        self.left.setMinimumWidth(260)
        self.column = QVBoxLayout(self.left)
        self.column.setContentsMargins(8, 8, 4, 4)
        self.column.setSpacing(6)
        self.column.addWidget(self._search_stub)
        self.column.addWidget(self.filter_bar if filtered else self._filter_stub)
        self.column.addWidget(self.tree, 1)
        self.left_split = None
        if filtered:
            self._build_left_split()
        self.reader = None  # ui.reader.ReaderView, made by stage 2 in place of the blank pane
        self._reader_stub = reading_stand_in()
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self._reader_stub)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 900])
        self.setCentralWidget(self.splitter)
        self.status_label = set_plain(QLabel())  # shows issue and department names: data
        self.filter_label = set_plain(QLabel())
        self.filter_label.setStyleSheet(FILTER_NOTE)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.filter_label)
        # Kept: with some PySide6 versions (6.9) a menu made by addMenu(title) is deleted
        # with its Python wrapper, although the menu bar owns it.
        self.menus = [self.menuBar().addMenu(title) for title in MENU_TITLES]
        self.resize(1280, 820)

    def _show_outline(self, root, cached_filter: CachedFilter | None = None) -> None:
        """Put an outline (cached or built from the library) in the tree, folded to documents;
        in stage 1 with the rows of *cached_filter* (see _show_cached_filter) when given.

        In stage 1 the tree reads the cached rows directly: they are all it shows
        (with a filter, a copy holding only the filtered rows). The filter proxy
        would answer every collapsed row's "has children?" by filtering all the
        rows below it, calling Python for each: ~15 ms of the first paint. From
        stage 2 on the tree reads the proxy, which applies the live filter."""
        old = self.outline
        full = root
        if cached_filter is not None:  # only the rows the filter keeps (what the proxy
            from models.views.outline_node import filtered_copy  # would show), a few dozen
            root = filtered_copy(root, set(cached_filter.roles))
        self.outline = OutlineModel(root, self)
        if cached_filter is not None:
            self.outline.set_department_roles(cached_filter.roles, notify=False)
        if self.library is None:
            self.tree.setModel(self.outline)
        else:
            if self.proxy is None:
                from ui.window.left.tree_filter import OutlineFilter
                self.proxy = OutlineFilter(self)
            self.proxy.setSourceModel(self.outline)
            if self.tree.model() is not self.proxy:
                self.tree.setModel(self.proxy)
        if old is not None:
            old.deleteLater()
        if cached_filter is not None:
            self._show_cached_filter(cached_filter, full)
            return
        self.collapse_to_documents()
        if self.library is None:  # stage 1: the counts of the cached rows
            issues = "、".join(issue.text for issue in root.children)
            documents = sum(1 for n in self.outline.by_key.values() if n.kind == "document")
            self.status_label.setText(
                library_status(issues, documents, self.outline.clause_count))

    def _build_left_split(self) -> None:
        """The tree in a stack (with the search results, added by stage 2) above the deadlines."""
        from ui.window.left.deadlines import DeadlinesPanel
        from ui.qt import QStackedWidget
        self.stack = QStackedWidget()
        self.deadlines = DeadlinesPanel()
        self.deadlines.hide()
        self.left_split = QSplitter()
        self.left_split.setProperty("orientation", 2)  # Qt.Vertical, without reading `Qt`
        self.left_split.addWidget(self.stack)
        self.left_split.addWidget(self.deadlines)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 1)
        self._replace(self.tree, self.left_split)
        self.stack.addWidget(self.tree)
        self.tree.show()

    def _show_cached_filter(self, cached: CachedFilter, full: OutlineNode) -> None:
        """Stage 1 with a department filter: the tree, chip, deadlines and counts it will show
        (*full*: the whole cached outline, which the counts of documents are about)."""
        name, roles, general = cached.key
        self.filter_bar.set_roles(list(roles), general)
        self.filter_bar.set_department(name)
        self.tree.expandAll()
        self.deadlines.show_rows(name, cached.deadlines)
        self.deadlines.show()
        issues = "、".join(issue.text for issue in full.children)
        documents = sum(1 for c in full.children for cat in c.children for _ in cat.children)
        self.status_label.setText(library_status(issues, documents, len(cached.roles), name))
        self._update_filter_label()

    def zoom_tree(self, zoom: float) -> None:
        """The left pane's share of set_zoom() (what stage 1 can do)."""
        self.zoom = zoom
        font = QFont(QApplication.font())
        font.setPointSizeF(self.base_pt * zoom)
        self.left.setFont(font)

    def preselect(self, key: str) -> None:
        """Make *key*'s row the tree's current one and scroll to it, without opening it."""
        if self.outline is None or self.ready:
            return
        index = self.tree_index(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def collapse_to_documents(self) -> None:
        """Issues and categories open, documents folded (one layout pass, not one per row)."""
        self.tree.expandToDepth(1)

    def _replace(self, stand_in: QWidget, real: QWidget) -> None:
        self.column.replaceWidget(stand_in, real)
        if self.isVisible():
            real.show()  # now, not queued by the layout: it may take the focus next
        stand_in.hide()

    def tree_index(self, key: str) -> QModelIndex:
        """*key*'s row in the tree's model (invalid when the tree does not show it)."""
        index = self.outline.index_of(key)
        return self.proxy.mapFromSource(index) if self.tree.model() is self.proxy else index
