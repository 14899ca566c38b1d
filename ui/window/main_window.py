"""The main window: the tree (or search results) on the left, the document on the right.

MainWindow composes parts that own their state, and wires them together; it keeps
only what is the window's own: the open library (and its documents), the zoom, the
settings, and navigation (open_key: the tree's row and the reading pane's document
together). The parts and their signals are listed in ui/window/__init__.py: each gets
what it needs in its constructor (another part, or a callable such as the library or
open_key); none reads the window's attributes.

The window is built in two stages, so that it appears as fast as a bare Qt
window (bench/startup_bench.py, ui/startup/):

Stage 1, __init__ (before the first paint): the frame of the final window:
the splitter, the left pane with the tree (the outline cache's picture,
models/views/outline_cache.py, filtered rows and deadlines included when a
filter was saved), stand-ins for the search field, the department button and
the reading pane, the menu titles, the status bar's counts, the saved layout.
Only Qt classes that are cheap to load (never `Qt` nor QStyle, see ui/qt.py);
nothing that opens or queries a library.

Stage 2, complete(library): everything else: the real search field, filter
bar and reading pane in place of the stand-ins (focus and typed text move
across); the results beside the tree; the actions; the library; the bookmarks; the
filter, which builds the live outline once (read as it unfolds, it replaces the cached
rows, unfolded as they were: same rows, so nothing moves); the last position, which
renders the document. Then `ready` is True and `started` is emitted.

MainWindow(library, fonts, settings) runs both stages at once (tests, the
self-test); ui/startup/staged.py passes library=None and the cached picture,
shows the window and calls complete() right after the tree's first paint.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.labels import MENU_TITLES, filter_status, issues_text, library_status
from ui.qt import QApplication, QMainWindow, QSplitter, Signal
from ui.startup.stand_ins import reading_stand_in
from ui.window import state
from ui.window.filter_search.controller import FilterSearch
from ui.window.left.pane import LeftPane
from ui.window.status import StatusLine

if TYPE_CHECKING:
    from models.store.library import DocumentInfo, Library
    from models.views.outline_cache import Picture
    from ui.fonts import FontFamilies
    from ui.settings import Settings


class MainWindow(QMainWindow):
    started = Signal()  # stage 2 is complete: the window is fully usable

    def __init__(self, library: Library | None, fonts: FontFamilies,
                 settings: Settings | None = None, picture: Picture | None = None):
        super().__init__()
        self.setWindowTitle("公报通")
        self.fonts, self.settings = fonts, settings
        self.library: Library | None = None
        self._document: DocumentInfo | None = None  # the last one asked for
        self.issue_labels, self.document_total = "", 0
        self.ready = False
        self.zoom = 1.0
        self.reader = self.output = self.bookmarks = self.tree_menu = self.import_flow = None
        self.rebuild = None  # ui/window/rebuild_flow.py: a stale library rebuilt meanwhile
        self.original = None
        self.expiry = self.reading = self.room = self.panes = None
        self.actions_: dict = {}
        filtered = picture is not None and picture.key is not None
        self.filter_search = FilterSearch(filtered=filtered, parent=self)
        self.left = LeftPane(self.filter_search.widgets(), with_deadlines=filtered)
        self._reader_stand_in = reading_stand_in()
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self._reader_stand_in)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.status = StatusLine(self.statusBar(), self._update_status)
        # Kept: with some PySide6 versions (6.9) a menu made by addMenu(title) is deleted
        # with its Python wrapper, although the menu bar owns it.
        self.menus = [self.menuBar().addMenu(title) for title in MENU_TITLES]
        from ui.window.room import fit_to_screen
        fit_to_screen(self, self.splitter, self.left.minimumWidth())
        if picture is not None:
            self._show_cached(picture)
        self._saved = state.load(settings) if settings is not None else None
        if self._saved is not None:
            self._restore_layout(self._saved)
        if library is not None:
            self.complete(library)

    def _show_cached(self, picture: Picture) -> None:
        """Stage 1: the cached picture of the tree (and of its filter), with its counts."""
        self.left.show_picture(picture)
        if picture.key is None:
            self.status.show(library_status(picture.issues, picture.documents, picture.clauses))
            return
        name = picture.key[0]
        self.filter_search.show_cached(picture.key)
        self.left.show_deadlines(name, picture.deadlines, picture.deadline_total)
        self.status.show(library_status(picture.issues, picture.documents, picture.clauses, name),
                         filter_status(self.filter_search.describe()))

    def _restore_layout(self, saved: state.Saved) -> None:
        """Stage 1: what the first paint shows (needs neither the library nor Qt's enums)."""
        for value, apply in ((saved.geometry, self.restoreGeometry),
                             (saved.state, self.restoreState),
                             (saved.splitter, self.splitter.restoreState)):
            if value is not None:
                apply(value)
        self.left.restore_split(saved.left_splitter)  # built now when a filter is shown
        if saved.zoom != 1.0:
            self.zoom = saved.zoom
            self.left.set_zoom(saved.zoom)
        if saved.position:
            self.left.preselect(saved.position)

    # ------------------------------------------------------ stage 2
    def complete(self, library: Library, fonts: FontFamilies | None = None) -> None:
        """Stage 2: build the rest of the window on *library* (see the module docstring);
        *fonts*: the families once every bundled font is registered."""
        if self.ready:
            return
        from ui.window.expiry_bar import ExpiryBar
        from ui.window.import_flow import ImportFlow
        from ui.window.original import OriginalView
        from ui.window.output import OutputActions
        from ui.window.reader import ReaderView, base_style
        self.fonts = fonts or self.fonts
        focus = QApplication.focusWidget()
        self.reader = ReaderView(base_style(self.fonts.sans, self.fonts.serif))
        self.expiry = ExpiryBar()  # above the pane: says so for any node of an expired document
        self.reader.document_changed.connect(lambda key: self.expiry.show_for(self.document(key)))
        fs = self.filter_search
        fs.complete(self.left, self.reader, focus)
        if focus is self.left.tree:
            self.left.focus_tree()
        # same place, same size (the new pane's hints differ): the sizes shown, or before the
        # window is shown the sizes asked for (sizes() would answer the hints)
        shown = self.splitter.isVisible()
        sizes = self.splitter.sizes() if shown else self.splitter.saveState()
        self.reading = self.expiry.above(self.reader)  # (kept: PySide6 would delete it)
        self.splitter.replaceWidget(1, self.reading)
        self.splitter.setStretchFactor(1, 1)  # (kept in the widget's size policy: the new one's)
        if shown:
            self.splitter.setSizes(sizes)
        else:
            self.splitter.restoreState(sizes)
        self._reader_stand_in.deleteLater()
        self.original = OriginalView(lambda: self.library, self.fonts.serif)
        self.splitter.addWidget(self.original)  # hidden until 原文 is turned on
        self.reader.shown.connect(self.original.show_key)
        from ui.window.rebuild_flow import RebuildFlow
        self.rebuild = RebuildFlow(self, self.statusBar(), lambda: self.library, self.status.notify)
        self.rebuild.rebuilt.connect(self.reload_library)
        self.import_flow = ImportFlow(self, self.rebuild.refusal)
        self.import_flow.finished.connect(lambda done: done and self.reload_library())
        from ui.window.registry.flow import RegistryFlow
        self.registry = RegistryFlow(self, lambda: self.library, self.reload_library,
                                     self.status.notify, lambda: (
            "正在导入公报，请等这次导入完成后再修改部门名录。" if self.import_flow.busy()
            else self.rebuild.refusal()))  # (either holds the library's writer lock)
        self.import_flow.registry_requested.connect(self.registry.open_for_import)
        self.output = OutputActions(self, self.reader, lambda: self.library,
                                    self.document, fs.selection,
                                    self.status.notify)
        self.output.department_needed.connect(fs.open_picker)
        fs.open_requested.connect(self.open_key)
        fs.changed.connect(self._update_status)
        fs.bar.print_requested.connect(self.output.print_duty_list)
        self.left.current_changed.connect(self._on_current)
        self.left.deadline_chosen.connect(self.open_key)
        self.reader.document_link.connect(self.open_key)
        self.reader.copy_citation_requested.connect(self.output.copy_citation)
        self.reader.print_requested.connect(self.output.print_preview)
        self.actions_ = self._build_menus()
        from ui.window.original import attach
        attach(self.original, self.actions_["original"], self.statusBar())
        self.load_library(library)
        from ui.bookmarks import flow
        self.bookmarks = flow.install(self, reader=self.reader, menu=self.menus[3],
                                      library=lambda: self.library, open_key=self.open_key,
                                      show_message=self.statusBar().showMessage)
        self._install_tree_menu()
        self._install_room()
        self._restore(self._saved)  # the filter, which builds the tree
        self.left.forget_picture()
        self.ready = True
        self.started.emit()

    def _build_menus(self) -> dict:
        from ui.window.menus import build_menus
        fs, output = self.filter_search, self.output
        return build_menus(self, self.menus, {
            "import": self.import_flow.choose_and_import,
            "import_folder": self.import_flow.choose_folder, "preview": output.print_preview,
            "pdf": output.export_pdf, "duty_word": output.export_duty_word,
            "duty_calendar": output.export_duty_calendar, "quit": self.close,
            "copy": self.reader.copy,
            "cite": output.copy_citation, "cite_page": lambda: output.copy_citation(True),
            "find": fs.focus_search, "original": self.original.toggle,
            "department": fs.open_picker, "duties": output.print_duty_list, "clear": fs.escape,
            "registry": self.registry.open,
            "zoom_in": lambda: self.zoom_step(1), "zoom_out": lambda: self.zoom_step(-1),
            "zoom_reset": self.zoom_reset, "panes": self.switch_pane,
            "panes_back": lambda: self.panes.step(forward=False), "help": self.show_help,
            "expand": self.left.expand_all, "collapse": self.left.collapse_to_documents,
            "about": self.show_about})

    def _install_room(self) -> None:
        """The reading pane's room (ui/window/room.py) and the panes F6 visits (panes.py)."""
        from ui.window.panes import PaneCycle
        from ui.window.room import ReadingRoom
        left, fs, panel = self.left, self.filter_search, self.bookmarks.panel
        self.room = ReadingRoom(self, self.splitter, left, self.reader, self.status.notify)
        self.room.watch(self.bookmarks.dock)
        self.room.watch_pane(self.original)
        fs.left_wanted.connect(self.room.peek_left)  # (search or the picker, the tree hidden)
        self.panes = PaneCycle(self, [
            lambda: fs.field, left.current_view, lambda: self.reader, lambda: panel.view,
            lambda: left.deadlines.view if left.deadlines is not None else None])
        self.room.fit()

    def _install_tree_menu(self) -> None:
        from ui.window.left.tree_menu import TreeMenu

        def kind_of(key: str) -> str | None:
            node = self.left.node(key)
            return node.kind if node is not None else None
        menu = self.tree_menu = TreeMenu(self.left.tree, kind_of,
                                         lambda: self.filter_search.selection().department)
        menu.open_requested.connect(self.open_key)
        menu.bookmark_requested.connect(self.bookmarks.add_current)
        menu.cite_requested.connect(self.output.copy_citation)
        menu.print_requested.connect(self.output.print_document)
        menu.duty_list_requested.connect(self.output.print_duty_list)

    def _restore(self, saved: state.Saved | None) -> None:
        """Stage 2, the library open: left splitter, zoom of the text, filter (and with it the
        tree: without a saved state, the whole tree), position."""
        if saved is None:
            self.filter_search.keep_department(None)
            return
        self.left.restore_split(saved.left_splitter)
        if saved.zoom != 1.0:
            self.set_zoom(saved.zoom)
        self.filter_search.restore(saved.department, saved.roles, saved.include_general,
                                   saved.government)
        if saved.position and self.library.place(saved.position) is not None:
            self.open_key(saved.position)

    # ----------------------------------------------------------- library
    def load_library(self, library: Library) -> None:
        """Open *library*: its counts; the filter and the reader start on it. The tree is the
        filter's to build, once the caller has kept or restored the department (refilter)."""
        self.library, self._document = library, None
        self.issue_labels = issues_text(library.issue_labels())
        self.document_total = library.document_count()
        self.filter_search.set_library(library)
        self.reader.set_library(library)
        if self.bookmarks is not None:
            self.bookmarks.set_library(library)

    def reload_library(self) -> None:
        """After an import or a rebuild: reopen the active library (as it is: a rebuild is
        the rebuild flow's), keep the filter and position."""
        from models.store.content import active_library
        from models.store.library import Library
        key = self.current_key()
        selection = self.filter_search.selection()
        self.filter_search.stop_pending_search()  # it runs on the new library, below
        old = self.library
        self.load_library(Library(active_library(rebuild=False)))
        self.filter_search.keep_department(selection.department, selection.government)
        old.close()  # the tree has left it (and the 部门名录, if open, below)
        self.registry.library_changed()
        if key and self.library.place(key) is not None:
            self.open_key(key)

    # -------------------------------------------------------- navigation
    def _on_current(self, kind: str, key: str, document_key: str) -> None:
        """The tree's current row changed: show it (issues and categories show nothing)."""
        if kind in ("issue", "category"):
            return
        self.reader.show_node(document_key, None if kind == "document" else key,
                              self.filter_search.terms())
        self._update_status()

    def open_key(self, key: str, terms=()) -> None:
        """Show a node (or a document) by key, selecting it in the tree when it is there."""
        from models.kinds import HEADER_KINDS
        place = self.library.place(key)
        if place is None:
            return
        kind, document_key, _ = place
        if kind in HEADER_KINDS:  # a header node (title, 文号): open its document
            self.reader.show_node(document_key, None, terms)
            return
        self.left.show_row(key, select=True)
        self.reader.show_node(document_key, None if kind == "document" else key, terms)
        self._update_status()

    def document(self, key: str) -> DocumentInfo | None:
        """The library's document of *key* (None for none), read alone."""
        if self._document is None or self._document.key != key:
            from models.errors import UnknownDocumentError
            try:
                self._document = self.library.document(key)
            except UnknownDocumentError:
                return None
        return self._document

    def current_key(self) -> str | None:
        return self.reader.current or self.reader.document_key

    def switch_pane(self) -> None:
        """F6: the next pane (search, tree or results, reader, bookmarks, deadlines)."""
        self.panes.step()

    # ------------------------------------------------------------ zoom
    def zoom_step(self, step: int) -> None:
        from ui.window.reader import ZOOM_STEPS
        steps = list(ZOOM_STEPS)
        here = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom))
        self.set_zoom(steps[max(0, min(len(steps) - 1, here + step))])

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.left.set_zoom(zoom)
        self.reader.set_zoom(zoom)
        self.original.set_zoom(zoom)
        self.bookmarks.set_zoom(zoom)
        self.expiry.set_zoom(zoom)
        self.room.refit()  # the reader's 28 characters a line are wider now (or narrower)
        self.status.notify(f"显示比例 {round(zoom * 100)}%", 2000)

    def show_about(self) -> None:
        from ui import about
        about.show_about(self, self.library)

    def show_help(self) -> None:
        from ui import usage
        usage.show_usage(self)

    # ---------------------------------------------------------- status
    def _update_status(self) -> None:
        fs = self.filter_search
        note = filter_status(fs.describe())
        if fs.searching():
            self.status.show(fs.search_status, note)
            return
        dept, expired = fs.department, ""
        doc = self.document(self.reader.document_key) if self.reader.document_key else None
        if doc is not None and doc.expired():
            from models.views.document_html import expired_banner
            expired = expired_banner(doc)
        self.status.show(library_status(self.issue_labels, self.document_total,
                                        self.left.clause_count(), dept.name if dept else None,
                                        expired), note)

    # ------------------------------------------------- what is remembered
    def remembered(self) -> state.Saved:
        selection = self.filter_search.selection()
        return state.Saved(self.saveGeometry(), self.saveState(), self.splitter.saveState(),
                           self.left.split_state(), self.zoom, selection.department or "",
                           selection.roles, selection.include_general, self.current_key() or "",
                           selection.government or "")

    def cached_picture(self) -> tuple | None:
        """What the next start's first stage should show: (library path, the picture of the
        tree); None before stage 2 (nothing changed)."""
        if not self.ready or self.library is None:
            return None
        from models.views.outline_cache import Picture
        fs, tree = self.filter_search, self.left.outline.tree
        rows = fs.deadline_rows if tree.key is not None else []
        return self.library.path, Picture(tree.key, tree.root, self.left.unfolded_rows(),
                                          self.issue_labels, self.document_total,
                                          tree.clause_count, rows, len(rows))

    def plain_picture(self):
        """The picture of the tree without a filter, unfolded by the rule around the row being
        read (kept for a start without the filter when the window is left with one)."""
        from models.views.outline import Outline
        from models.views.outline_cache import Picture
        tree = Outline(self.library)
        return Picture(None, tree.root, tree.unfolded(self.current_key()), self.issue_labels,
                       self.document_total, tree.clause_count)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.settings is not None and self.ready:  # before stage 2 nothing changed
            state.save(self.settings, self.remembered())
        if self.ready:  # a search typed just now must not run once the library is closed
            self.filter_search.stop_pending_search()
            self.rebuild.stop()  # rolled back between two issues: the file stays whole
        super().closeEvent(event)

