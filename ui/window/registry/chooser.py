"""并入…: which unit of the same government the chosen one is another name of.

The list is the department picker's (typing 发改 finds 区发展和改革局 by any of its
names), registered units first; the dialog is answered through ui.plain.run_dialog.
"""
from __future__ import annotations

from models.store.library import DepartmentInfo
from ui import plain
from ui.item_roles import Role
from ui.qt import (QAbstractItemView, QDialog, QDialogButtonBox, QLineEdit, QListView,
                   QVBoxLayout, QWidget)
from ui.window.filter_search.department_picker import DepartmentFilterProxy, DepartmentModel


class UnitChooser(QDialog):
    def __init__(self, parent: QWidget | None, source: DepartmentInfo,
                 candidates: list[DepartmentInfo]):
        super().__init__(parent)
        self.setWindowTitle(f"并入 — {source.name}")
        self.resize(420, 480)
        ordered = sorted(candidates, key=lambda d: (not d.known, d.id))
        self.proxy = DepartmentFilterProxy(self)
        self.proxy.setSourceModel(DepartmentModel(ordered, self))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("输入要并入的单位名称或简称")
        self.edit.setClearButtonEnabled(True)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName("并入的单位")
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("并入", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        question = plain.label(f"“{source.name}”是哪个单位的另一个名称？并入后，它的条款"
                               "归入该单位，它的名称成为该单位的简称。")
        question.setWordWrap(True)
        layout.addWidget(question)
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(self._filter)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.ok.setEnabled(self.proxy.rowCount() > 0)

    def chosen(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Role.NodeKey) if index.isValid() else None


def choose_unit(parent: QWidget | None, source: DepartmentInfo,
                candidates: list[DepartmentInfo]) -> DepartmentInfo | None:
    """The unit the official says *source* is another name of, or None."""
    chooser = UnitChooser(parent, source, candidates)
    try:
        if not plain.run_dialog(chooser):
            return None
        name = chooser.chosen()
        return next((d for d in candidates if d.name == name), None)
    finally:
        chooser.deleteLater()
