"""The main window's department filter and search, as a part of MainWindow.

Both change what the left pane shows (the filtered tree, or the results in
its place) and what the reading pane marks; they share Esc, which clears the
search first and the filter next. Kept apart so the window's module stays a
size one can read; the methods are MainWindow's (self is the window).
"""
from __future__ import annotations

from ui.qt import QModelIndex
from ui.item_roles import NODE_KEY

SEARCH_LIMIT = 200


class FilterAndSearch:
    # ---------------------------------------------------------- filter
    def open_picker(self) -> None:
        from ui.window.filter_search.department_picker import DepartmentPicker
        from ui.qt import QPoint
        if self.picker is None:
            self.picker = DepartmentPicker(self.dept_model, self)
            self.picker.picked.connect(self.set_department)
        button = self.filter_bar.button
        self.picker.resize(max(360, button.width()), 440)
        self.picker.open_at(button.mapToGlobal(QPoint(0, button.height())))

    def set_department(self, name: str | None) -> None:
        self.department = self.library.resolve_department(name) if name else None
        self.filter_bar.set_department(self.department.name if self.department else None)
        self._refilter()

    def _refilter(self) -> None:
        from models.views.outline import concerned_keys, department_deadlines
        dept = self.department
        if dept is None:
            self.concerned = {}
            self.deadline_rows = []
            self.outline.set_department_roles({}, notify=False)
            self.proxy.set_keys(None)
            self.deadlines.hide()
            self.collapse_to_documents()
        else:
            roles, general = self.filter_bar.roles(), self.filter_bar.include_general()
            self.concerned = concerned_keys(self.library, dept.name, roles, general)
            self.outline.set_department_roles(self.concerned, notify=False)
            self.proxy.set_keys(set(self.concerned))
            self.tree.viewport().update()
            self.tree.expandAll()
            self.deadline_rows = department_deadlines(self.library, dept.name, roles, general)
            self.deadlines.show_rows(dept.name, self.deadline_rows)
            self.deadlines.show()
        self.reader.set_department(dept)
        if self.search_field.text().strip():
            self.run_search(self.search_field.text())
        key = self.reader.current or self.reader.document_key
        if key:
            self.show_row(key)
        self._update_status()

    def escape(self) -> None:
        """Esc: first the search, then the department filter."""
        if self.search_field.text() or self.stack.currentWidget() is self.results:
            self.search_field.clear()
            self.run_search("")
            self.tree.setFocus()
        elif self.department is not None:
            self.set_department(None)

    # ---------------------------------------------------------- search
    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def run_search(self, text: str) -> None:
        if not text.strip():
            self.last_result = None
            self.results_model.clear()
            self.stack.setCurrentWidget(self.tree)
            if self.reader.terms and self.reader.document_key:
                self.reader.show_node(self.reader.document_key, self.reader.current, ())
            self._update_status()
            return
        from models.store.search import search
        result = search(self.library, text, limit=SEARCH_LIMIT)
        if self.department is not None:
            keep = set(self.concerned)
            docs = {self.outline.by_key[k].document_key for k in keep if k in self.outline.by_key}
            for group in result.groups:
                group.hits = [h for h in group.hits if h.key in keep
                              or (h.kind in ("title", "doc_number") and h.document_key in docs)]
            result.groups = [g for g in result.groups if g.hits]
        self.last_result = result
        count = self.results_model.show(result)
        self.results.expandAll()
        self.stack.setCurrentWidget(self.results)
        where = f"（限{self.department.name}）" if self.department else ""
        self.search_status = (f"搜索“{text.strip()}”{where}：{count} 处，{len(result.groups)} 件公文"
                              + ("" if count else "。没有找到，请换个词或清除部门筛选"))
        self._update_status()

    def _into_results(self) -> None:
        first = self.results.first_hit()
        if first is not None and self.stack.currentWidget() is self.results:
            self.results.setCurrentIndex(first)
            self.results.setFocus()

    def _open_first_hit(self) -> None:
        current = self.results.currentIndex()
        index = current if current.isValid() else self.results.first_hit()
        if index is not None and self.stack.currentWidget() is self.results:
            self._open_result(index)

    def _open_result(self, index: QModelIndex) -> None:
        if index.isValid():
            terms = self.last_result.terms if self.last_result else ()
            self.open_key(index.data(NODE_KEY), terms)

    def _open_deadline(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_key(index.data(NODE_KEY))
