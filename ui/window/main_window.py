"""The main window: the tree (or search results) on the left, the document on the right.

It only wires widgets to questions asked of models/ (outline, duties,
search, document HTML, quote); it keeps which document, clause, department
and query are current, and remembers them across runs (ui/window_state.py).

The window is built in two stages, so that it appears as fast as a bare Qt
window (bench/startup_bench.py, ui/startup.py):

Stage 1, __init__ (before the first paint): the frame of the final window
with the tree, built by ui/window_shell.py (see there).

Stage 2, complete(library): everything else: imports the panels, search,
menus and models; replaces the stand-ins by the real search field, filter
bar and reading pane (moving focus and any typed text across); puts the tree
into the stack it shares with the search results, above the deadlines panel;
builds the actions; loads the library (the real outline, behind the filter
proxy, replaces the cached rows: same rows, so nothing moves); restores the
filter and the last position, which renders the document. Then `ready` is
True and `started` is emitted.

MainWindow(library, fonts, settings) runs both stages at once (tests, the
self-test); ui/startup.py passes library=None and the cached outline, shows
the window and calls complete() right after the tree's first paint.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.window import state as window_state
from ui.labels import filter_status, library_status
from ui.qt import QApplication, QMainWindow, QModelIndex, QTimer, Signal
from ui.settings import Settings
from ui.item_roles import DOCUMENT_KEY, KIND, NODE_KEY
from ui.window.left.tree_model import OutlineModel
from ui.window.filter_search.controller import FilterAndSearch
from ui.window.left.pane import WindowShell

if TYPE_CHECKING:
    from models.store.content import ImportSummary
    from models.store.library import Library
    from models.views.outline_cache import CachedFilter
    from models.views.outline_node import OutlineNode
    from ui.fonts import FontFamilies


class MainWindow(FilterAndSearch, WindowShell, QMainWindow):
    started = Signal()  # stage 2 is complete: the window is fully usable

    def __init__(self, library: Library | None, fonts: FontFamilies,
                 settings: Settings | None = None, outline: OutlineNode | None = None,
                 cached_filter: CachedFilter | None = None):
        super().__init__()
        self.setWindowTitle("公报通")
        self.fonts = fonts
        self.settings = settings
        self.library = library
        self.ready = False
        self.department = None  # DepartmentInfo while a department filter is on
        self.concerned: dict[str, str] = {}
        self.last_result = None
        self.search_status = ""
        self.zoom = 1.0
        self.base_pt = QApplication.font().pointSizeF()
        self.outline: OutlineModel | None = None
        self.picker = None
        self.deadline_rows: list[dict] = []
        self._build_shell(filtered=cached_filter is not None)
        if outline is not None:
            self._show_outline(outline, cached_filter)
        if settings is not None:
            window_state.restore_layout(self, settings)
        if library is not None:
            self.complete(library)

    # ------------------------------------------------------ stage 2
    def complete(self, library: Library) -> None:
        """Stage 2: build the rest of the window on *library* (see the module docstring)."""
        if self.ready:
            return
        from ui.window.filter_search.filter_bar import FilterBar
        from ui.window.import_flow import ImportFlow
        from ui.window.reader import ReaderView, base_style
        from ui.window.filter_search.results import ResultsModel, ResultsView, SearchField
        focus = QApplication.focusWidget()
        self.search_field = SearchField()
        self.search_field.setText(self._search_stub.text())
        self._replace(self._search_stub, self.search_field)
        if self._filter_stub is not None:
            self.filter_bar = FilterBar()
            self._replace(self._filter_stub, self.filter_bar)
            self._filter_stub.deleteLater()
        self.results_model = ResultsModel(self)
        self.results = ResultsView()
        self.results.setModel(self.results_model)
        if self.left_split is None:
            self._build_left_split()
        self.stack.addWidget(self.results)
        if focus is self._search_stub:
            self.search_field.setFocus()
            self.search_field.setCursorPosition(self._search_stub.cursorPosition())
        elif focus is self.tree:
            self.tree.setFocus()
        self._search_stub.deleteLater()
        self.reader = ReaderView(base_style(self.fonts.sans, self.fonts.serif))
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(1, self.reader)
        self.splitter.setSizes(sizes)  # same place, same size (the new pane's hints differ)
        self._reader_stub.deleteLater()
        self.import_flow = ImportFlow(self)
        self.import_flow.finished.connect(self._after_import)
        self.search_field.query.connect(self.run_search)
        self.search_field.down.connect(self._into_results)
        self.search_field.accept.connect(self._open_first_hit)
        self.search_field.escape.connect(self.escape)
        self.results.activated.connect(self._open_result)
        self.results.clicked.connect(self._open_result)
        self.results.escape.connect(self.escape)
        self.filter_bar.pick_requested.connect(self.open_picker)
        self.filter_bar.clear_requested.connect(lambda: self.set_department(None))
        self.filter_bar.roles_changed.connect(self._refilter)
        self.filter_bar.print_requested.connect(self.print_duty_list)
        from ui.window.left.tree_menu import install_tree_menu
        install_tree_menu(self)
        self.deadlines.view.activated.connect(self._open_deadline)
        self.deadlines.view.clicked.connect(self._open_deadline)
        self.reader.document_link.connect(lambda key: self.open_key(key))
        self.reader.copy_citation_requested.connect(self.copy_citation)
        self.reader.print_requested.connect(self.print_preview)
        from ui.window.menus import build_menus
        self.actions_ = build_menus(self)
        # The tree's model becomes the filter proxy here, with a new selection model:
        # what is chosen in the tree opens once it is connected, after.
        self.load_library(library)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        from ui.bookmarks import flow as bookmark_flow
        self.bookmarks = bookmark_flow.install(self)
        if self.settings is not None:
            window_state.restore(self, self.settings)
        self.ready = True
        self.started.emit()

    def show_row(self, key: str) -> None:
        """Make *key*'s row the tree's current row, in view, without opening it again."""
        index = self.tree_index(key)
        if index.isValid():
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)
            self.tree.scrollTo(index)

    # ----------------------------------------------------------- library
    def load_library(self, library: Library) -> None:
        from models.views.outline import build_outline, entry_counts
        from ui.window.filter_search.department_picker import DepartmentModel
        self.library = library
        self.docs = {doc.key: doc for doc in library.documents()}
        self.issue_labels = "、".join(i["label"] for i in library.issues())
        current = self.tree.currentIndex().data(NODE_KEY)
        self._show_outline(build_outline(library))
        if current:  # the row stage 1 showed as current stays current
            self.show_row(current)
        self.dept_model = DepartmentModel(library.departments(), entry_counts(library), self)
        if self.picker:
            self.picker.set_model(self.dept_model)
        self.reader.set_library(library)
        if getattr(self, "bookmarks", None) is not None:
            self.bookmarks.set_library(library)
        self._update_status()

    def reload_library(self) -> None:
        """After an import: reopen the active library, keep the filter and position."""
        from models.store.content import active_library
        from models.store.library import Library
        key, name = self.reader.current or self.reader.document_key, self.filter_bar.department
        self.search_field.timer.stop()  # a pending search runs on the new library, below
        old = self.library
        self.load_library(Library(active_library()))
        old.close()
        self.set_department(name if name else None)
        if key and key in self.outline.by_key:
            self.open_key(key)

    def _after_import(self, summary: ImportSummary | None) -> None:
        if summary is not None:
            self.reload_library()

    # -------------------------------------------------------- navigation
    def _on_current(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            return
        kind, key = current.data(KIND), current.data(NODE_KEY)
        if kind in ("issue", "category"):
            return
        doc_key = current.data(DOCUMENT_KEY)
        terms = self.last_result.terms if self.last_result and self.search_field.text() else ()
        self.reader.show_node(doc_key, None if kind == "document" else key, terms)
        self._update_status()

    def open_key(self, key: str, terms=()) -> None:
        """Show a node (or a document) by key, selecting it in the tree when visible."""
        from ui.qt import QItemSelectionModel
        node = self.outline.by_key.get(key)
        if node is None:  # a header node (title, 文号): open its document
            doc_key = self._document_of(key)
            if doc_key:
                self.reader.show_node(doc_key, None, terms)
            return
        index = self.tree_index(key)
        if index.isValid():
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.selectionModel().blockSignals(False)
            self.tree.scrollTo(index)
        current = None if node.kind == "document" else key
        self.reader.show_node(node.document_key or key, current, terms)
        self._update_status()

    def _document_of(self, key: str) -> str | None:
        if self.library.has_node(key):
            return self.library.node(key).document_key
        return key if key in self.outline.by_key else None

    def switch_pane(self) -> None:
        left = self.stack.currentWidget()
        (self.reader if left.hasFocus() or self.search_field.hasFocus() else left).setFocus()

    # ------------------------------------------------ copy, print, zoom
    def current_key(self) -> str | None:
        return self.reader.current or self.reader.document_key

    def copy_citation(self) -> str:
        from ui.window import output as output_actions
        return output_actions.copy_citation(self)

    def print_preview(self) -> None:
        """Ctrl+P prints what is shown (ui/output_actions.py)."""
        from ui.window import output as output_actions
        output_actions.print_preview(self)

    def print_duty_list(self, preview_only: bool = False) -> None:
        from ui.window import output as output_actions
        output_actions.print_duty_list(self, preview_only)

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        from ui.window import output as output_actions
        return output_actions.export_pdf(self, path)

    def zoom_step(self, step: int) -> None:
        from ui.window.reader import ZOOM_STEPS
        steps = list(ZOOM_STEPS)
        here = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom))
        self.set_zoom(steps[max(0, min(len(steps) - 1, here + step))])

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self.zoom_tree(zoom)
        self.reader.set_zoom(zoom)
        self.notify(f"显示比例 {round(zoom * 100)}%", 2000)

    def show_about(self) -> None:
        from ui import about
        about.show_about(self, self.library)

    # ---------------------------------------------------------- status
    def notify(self, text: str, msec: int = 4000) -> None:
        """A passing message in the status bar (the counts come back after *msec*)."""
        self.status_label.setText(text)
        QTimer.singleShot(msec, self, self._update_status)

    def _update_status(self) -> None:
        if self.last_result is not None and self.search_field.text().strip():
            self.status_label.setText(self.search_status)
            self._update_filter_label()
            return
        dept, expired = self.department, ""
        doc = self.docs.get(self.reader.document_key or "")
        if doc is not None and doc.expired():
            from models.views.document_html import expired_banner
            expired = expired_banner(doc)
        clauses = len(self.concerned) if dept is not None else self.outline.clause_count
        self.status_label.setText(library_status(self.issue_labels, len(self.docs), clauses,
                                                 dept.name if dept else None, expired))
        self._update_filter_label()

    def _update_filter_label(self) -> None:
        self.filter_label.setText(filter_status(self.filter_bar.describe()))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.settings is not None and self.ready:  # before stage 2 nothing changed
            window_state.save(self, self.settings)
        if self.ready:  # a search typed just now must not run once the library is closed
            self.search_field.timer.stop()
        super().closeEvent(event)
