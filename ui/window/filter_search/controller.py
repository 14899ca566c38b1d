"""The department filter and the search: one part of the window, owning their state.

Both change what the left pane shows (the filtered tree, or the results in
its place) and what the reading pane marks; they share Esc, which clears the
search first and the filter next. The part owns the department picked, the
clauses that concern it (`scope`, answered by SQL) and its deadlines, the last search
result, and the widgets: the search field, the filter bar (chip, role
toggles), the picker and the results. It tells the left pane and the reader
what to show through their methods, and the window by signals:
open_requested(key, terms) when a hit is chosen, changed when what the status
bar says has changed.

Stage 1 (before the first paint): only the stand-ins of ui/startup/ (or,
with a department filter to show from the cache, the real filter bar showing
it). Stage 2, complete(): the real widgets, moving focus and typed text over.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QObject, Signal
from ui.startup.stand_ins import department_stand_in, search_stand_in

if TYPE_CHECKING:
    from models.store.library import Library
    from models.store.tree import Scope
    from ui.qt import QModelIndex, QWidget
    from ui.window.left.pane import LeftPane
    from ui.window.reader import ReaderView

SEARCH_LIMIT = 200


class Selection:
    """The filter as the user set it: the department's name (None: no filter) and its
    government (区财政局 of one district is not another's), its roles. Unpacks as
    (department, roles, include_general). (A plain class: a NamedTuple's annotations are
    compiled when the class is made, before the window's first paint.)"""

    __slots__ = ("department", "roles", "include_general", "government")

    def __init__(self, department: str | None, roles: list[str], include_general: bool,
                 government: str | None = None):
        self.department, self.roles, self.include_general = department, roles, include_general
        self.government = government

    def __iter__(self):
        return iter((self.department, self.roles, self.include_general))


class FilterSearch(QObject):
    open_requested = Signal(str, object)  # a node key, the search terms to mark in it
    changed = Signal()  # the filter or the search changed what the window shows
    left_wanted = Signal()  # the search field or the department button is needed now

    def __init__(self, filtered: bool, parent: QWidget):
        """Stage 1; *filtered*: a department filter will be shown from the cache (the real
        filter bar is made now, it shows it)."""
        super().__init__(parent)
        self.search_stand_in = search_stand_in()
        self.department_stand_in = None if filtered else department_stand_in()
        self.bar = None
        if filtered:
            from ui.window.filter_search.filter_bar import FilterBar
            self.bar = FilterBar()
        self.field = self.results = self.results_model = None  # stage 2
        self.picker = self.departments = None  # the popup, and its model of the library
        self.library: Library | None = None
        self.left: LeftPane | None = None
        self.reader: ReaderView | None = None
        self.department = None  # DepartmentInfo while a department filter is on
        self.scope: Scope | None = None  # its filter: what the tree and a search keep
        self.deadline_rows: list[dict] = []
        self.last_result = None
        self.search_status = ""

    def widgets(self) -> list[QWidget]:
        """What the left pane shows above the tree in stage 1: the search field's stand-in,
        and the filter bar or the department button's stand-in."""
        return [self.search_stand_in, self.bar or self.department_stand_in]

    def show_cached(self, key: tuple[str, str, tuple[str, ...], bool]) -> None:
        """Stage 1 with a cached filter: its chip and role toggles (*key*: name, government,
        roles, general, as the outline cache keeps them)."""
        name, _government, roles, general = key
        self.bar.set_roles(list(roles), general)
        self.bar.set_department(name)

    # ------------------------------------------------------------ stage 2
    def complete(self, left: LeftPane, reader: ReaderView, focus: QWidget | None) -> None:
        """The real field, filter bar and results in place of the stand-ins (*focus*: the
        widget that had the focus; typed text and the cursor move over too)."""
        from ui.window.filter_search.filter_bar import FilterBar
        from ui.window.filter_search.results import ResultsModel, ResultsView
        from ui.window.filter_search.search_field import SearchField
        self.left, self.reader = left, reader
        stand_in = self.search_stand_in
        self.field = SearchField()
        self.field.setText(stand_in.text())
        left.replace(stand_in, self.field)
        if self.bar is None:
            self.bar = FilterBar()
            left.replace(self.department_stand_in, self.bar)
            self.department_stand_in.deleteLater()
            self.department_stand_in = None
        self.results_model = ResultsModel(self)
        self.results = ResultsView()
        self.results.setModel(self.results_model)
        left.complete(self.results)
        if focus is stand_in:
            self.field.setFocus()
            self.field.setCursorPosition(stand_in.cursorPosition())
        stand_in.deleteLater()
        self.field.query.connect(self.run_search)
        self.field.down.connect(self._into_results)
        self.field.accept.connect(self.open_first_hit)
        self.field.escape.connect(self.escape)
        self.results.activated.connect(self._open_result)
        self.results.clicked.connect(self._open_result)
        self.results.escape.connect(self.escape)
        self.bar.pick_requested.connect(self.open_picker)
        self.bar.clear_requested.connect(lambda: self.set_department(None))
        self.bar.roles_changed.connect(self.refilter)

    def set_library(self, library: Library) -> None:
        from ui.window.filter_search.department_picker import DepartmentModel
        self.library = library
        self.departments = DepartmentModel(library.departments(), self, library.governments())
        if self.picker:
            self.picker.set_model(self.departments)

    # ------------------------------------------------------------ what it tells
    def selection(self) -> Selection:
        bar, dept = self.bar, self.department
        return Selection(bar.department, bar.roles(), bar.include_general(),
                         dept.government if dept is not None else None)

    def describe(self) -> str:
        """The filter in words, for the status bar ("" when none is on)."""
        return self.bar.describe() if self.bar is not None else ""

    def searching(self) -> bool:
        """Whether a search is shown (its status then takes the status bar)."""
        return self.last_result is not None and bool(self.field.text().strip())

    def terms(self) -> tuple[str, ...]:
        """The words to mark in what is opened: the active search's."""
        return tuple(self.last_result.terms) if self.last_result and self.field.text() else ()

    def has_focus(self) -> bool:
        return self.field is not None and self.field.hasFocus()

    def shown_count(self) -> int:
        """The clauses the filter keeps (0 without one)."""
        return self.left.clause_count() if self.scope is not None else 0

    # ------------------------------------------------------------ filter
    def open_picker(self) -> None:
        from ui.qt import QPoint
        from ui.window.filter_search.department_picker import DepartmentPicker
        self.left_wanted.emit()  # the picker opens under its button: the button in view
        if self.picker is None:
            self.picker = DepartmentPicker(self.departments, self.parent())
            self.picker.picked.connect(self.set_department)
        button = self.bar.button
        self.picker.resize(max(360, button.width()), 440)
        self.picker.open_at(button.mapToGlobal(QPoint(0, button.height())))

    def set_department(self, name: str | None, government: str | None = None) -> None:
        """Filter by the department *name* (of *government*, when the name is several
        governments'), or by none."""
        self._choose(name, government)
        self.refilter()

    def _choose(self, name: str | None, government: str | None = None) -> None:
        """The department the filter is on (the chip says it); the tree is refilter()'s."""
        from ui.labels import department_label
        dept = self.department = self.library.resolve_department(name, government or None) \
            if name else None
        self.bar.set_department(dept.name if dept else None, dept and department_label(
            dept.name, dept.government, self.departments.grouped))

    def keep_department(self, name: str | None, government: str | None = None) -> None:
        """The department picked before the library changed (an import, an amended 部门名录,
        the start): still it, or what it is now called (merged or renamed, its old name is an
        alias), else no filter; then the tree, built once (the window builds none itself)."""
        from models.errors import GazetteError
        try:
            self._choose(name, government)
        except GazetteError:
            self._choose(None)
        self.refilter()

    def restore(self, name: str, roles: list[str], general: bool,
                government: str | None = None) -> None:
        """The filter the window was left with (a department no longer in the library is
        skipped), and the tree it keeps."""
        self.bar.set_roles(roles, general)
        self.keep_department(name or None, government)

    def refilter(self) -> None:
        """Show the tree as the filter (or none) leaves it, answered by the library: the
        issues, documents and clauses it keeps, read as they unfold, and the deadlines."""
        from models.views.outline import Outline, department_deadlines, department_scope
        dept = self.department
        # what is read, else (at the start, after a reload) the row the tree had current
        reading = self.reader.current or self.reader.document_key or self.left.current_row()
        if dept is None:
            self.scope = None
            self.deadline_rows = []
            self.left.show_filter(Outline(self.library), reading)
        else:
            self.scope = department_scope(self.library, dept, self.bar.roles(),
                                          self.bar.include_general())
            self.left.show_filter(Outline(self.library, self.scope), reading)
            self.deadline_rows = department_deadlines(self.library, self.scope)
            self.left.show_deadlines(dept.name, self.deadline_rows)
        self.reader.set_department(dept)
        if self.field.text().strip():
            self.run_search(self.field.text())
        key = self.reader.current or self.reader.document_key or reading
        if key:
            self.left.show_row(key)
        self.changed.emit()

    def escape(self) -> None:
        """Esc: first the search, then the department filter."""
        if self.field.text() or self.left.current_view() is self.results:
            self.field.clear()
            self.run_search("")
            self.left.focus_tree()
        elif self.department is not None:
            self.set_department(None)

    # ------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.left_wanted.emit()  # (shown again first, if the room had hidden it)
        self.field.setFocus()
        self.field.selectAll()

    def stop_pending_search(self) -> None:
        """A search typed just now must not run (the library is closing, or changing)."""
        if self.field is not None:
            self.field.timer.stop()

    def run_search(self, text: str) -> None:
        if not text.strip():
            self.last_result = None
            self.results_model.clear()
            self.left.show_tree()
            if self.reader.terms and self.reader.document_key:
                self.reader.show_node(self.reader.document_key, self.reader.current, ())
            self.changed.emit()
            return
        from models.store.search import search
        result = search(self.library, text, limit=SEARCH_LIMIT)
        if self.scope is not None:  # the hits in what the filter keeps (asked of the library)
            keep = self.library.kept_roles(self.scope, [h.key for h in result.hits])
            docs = self.library.kept_documents(self.scope, [g.document_key for g in result.groups])
            for group in result.groups:
                group.hits = [h for h in group.hits if h.key in keep
                              or (h.kind in ("title", "doc_number") and h.document_key in docs)]
            result.groups = [g for g in result.groups if g.hits]
        self.last_result = result
        count = self.results_model.show(result)
        self.results.expandAll()
        self.left.show_results(self.results)
        where = f"（限{self.department.name}）" if self.department else ""
        self.search_status = (f"搜索“{text.strip()}”{where}：{count} 处，"
                              f"{len(result.groups)} 件公文"
                              + ("" if count else "。没有找到，请换个词或清除部门筛选"))
        self.changed.emit()

    def _into_results(self) -> None:
        first = self.results.first_hit()
        if first is not None and self.left.current_view() is self.results:
            self.results.setCurrentIndex(first)
            self.results.setFocus()

    def open_first_hit(self) -> None:
        current = self.results.currentIndex()
        index = current if current.isValid() else self.results.first_hit()
        if index is not None and self.left.current_view() is self.results:
            self._open_result(index)

    def _open_result(self, index: QModelIndex) -> None:
        if index.isValid():
            from ui.item_roles import NODE_KEY
            terms = self.last_result.terms if self.last_result else ()
            self.open_requested.emit(index.data(NODE_KEY), terms)
