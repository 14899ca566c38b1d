"""部门 → 部门名录…: one government's units with their aliases and counts, and the three
amendments an official makes where they are — 并入 (区发改委 is 区发展和改革局), 改名, 标为
集体单位 (各街道).

The dialog only gathers the amendment and tells it by `amend_requested`; the window
applies it (ui/window/registry/flow.py: kept in the user data folder, applied to the
library, the window reloaded) and hands the dialog the new library (`set_library`).
Its questions (which unit to merge into, the new name) go through ui.plain.run_dialog,
as every modal question of the app does.
"""
from __future__ import annotations

from models.registry.amendments import Amendment
from models.store.library import DepartmentInfo, Library
from ui import plain
from ui.item_roles import Role
from ui.labels import government_label
from ui.qt import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                   QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, Qt,
                   QTreeView, QVBoxLayout, QWidget, Signal)
from ui.window.filter_search.department_picker import in_government_order
from ui.window.registry.model import COLLECTIVE, RegistryFilter, RegistryModel

HINT = ("选中一个单位：并入另一个单位（它的名称成为简称）、改名，或标为集体单位（如各街道）。"
        "修订保存在本机的用户数据中，立即生效，以后导入、重建和升级后都照此处理。")


class RegistryDialog(QDialog):
    amend_requested = Signal(object)  # an Amendment

    def __init__(self, library: Library, parent: QWidget | None = None,
                 government: str | None = None, unregistered_only: bool = False):
        super().__init__(parent)
        self.setWindowTitle("部门名录")
        self.resize(760, 560)
        self.library = library
        self.government = QComboBox()
        self.government.setAccessibleName("政府")
        self.needle = QLineEdit()
        self.needle.setPlaceholderText("筛选：名称或简称，如 发改、城管")
        self.needle.setClearButtonEnabled(True)
        self.needle.setAccessibleName("筛选部门")
        self.unregistered = QCheckBox("只看未登记的单位")
        self.unregistered.setChecked(unregistered_only)
        top = QHBoxLayout()
        top.addWidget(QLabel("政府："))
        top.addWidget(self.government)
        top.addWidget(self.needle, 1)
        top.addWidget(self.unregistered)

        self.model = RegistryModel(self)
        self.proxy = RegistryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the registry's own order
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAccessibleName("部门列表")
        self.view.setColumnWidth(0, 250)
        self.view.setColumnWidth(1, 90)
        header = self.view.header()  # 条目 always whole; 又称 takes what is left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = plain.label()
        self.summary.setWordWrap(True)
        hint = plain.label(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5a5a5a;")

        self.merge_button = QPushButton("并入…")
        self.merge_button.setToolTip("把选中的单位并入另一个单位：它的条款归入那个单位，它的名称成为简称")
        self.rename_button = QPushButton("改名…")
        self.collective_button = QPushButton("标为集体单位")
        self.collective_button.setToolTip("如“各街道办事处”：指一类单位的全体，不是某一个单位")
        buttons = QDialogButtonBox()
        for button in (self.merge_button, self.rename_button, self.collective_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self.government.currentIndexChanged.connect(lambda _i: self._refill())
        self.needle.textChanged.connect(lambda _t: self._refilter())
        self.unregistered.toggled.connect(lambda _c: self._refilter())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.merge_button.clicked.connect(self.merge)
        self.rename_button.clicked.connect(self.rename)
        self.collective_button.clicked.connect(self.mark_collective)
        self.set_library(library, government)
        self.needle.setFocus()

    # ------------------------------------------------------------ contents
    def set_library(self, library: Library, government: str | None = None,
                    select: str | None = None) -> None:
        """Show *library* (the window's, reopened after an amendment), at *government* (else
        the one shown), the unit named *select* current when given."""
        self.library = library
        wanted = government if government is not None else self.current_government()
        names = self._governments()
        self.government.blockSignals(True)
        self.government.clear()
        for name in names:
            self.government.addItem(government_label(name), name)
        self.government.setCurrentIndex(names.index(wanted) if wanted in names else 0)
        self.government.setEnabled(len(names) > 1)
        self.government.blockSignals(False)
        self._refill(select)

    def _governments(self) -> list[str]:
        """The governments with units, the library's with the most documents first."""
        have = {d.government for d in self.library.departments()}
        return in_government_order(have, self.library.governments())

    def current_government(self) -> str | None:
        return self.government.currentData() if self.government.count() else None

    def units(self) -> list[DepartmentInfo]:
        """The units of the government shown."""
        government = self.current_government()
        return [d for d in self.library.departments() if d.government == government]

    def _refill(self, select: str | None = None) -> None:
        self.model.show(self.units())
        self._refilter()
        if select is not None:
            self.select(select)

    def _refilter(self) -> None:
        self.proxy.set_filter(self.needle.text(), self.unregistered.isChecked())
        units = self.model.departments
        unknown = sum(not d.known for d in units)
        self.summary.setText(f"{government_label(self.current_government())}：共 {len(units)} 个单位，"
                             f"其中未登记 {unknown} 个；显示 {self.proxy.rowCount()} 个。")
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_buttons()

    def select(self, name: str) -> bool:
        """Make the unit *name* current (shown again if the filter hid it)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == name:
                self.view.setCurrentIndex(self.proxy.index(row, 0))
                return True
        if self.needle.text() or self.unregistered.isChecked():
            self.needle.clear()
            self.unregistered.setChecked(False)
            return self.select(name)
        return False

    def selected(self) -> DepartmentInfo | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        dept_id = self.proxy.index(index.row(), 0).data(Role.NodeKey)
        return next((d for d in self.model.departments if d.id == dept_id), None)

    def _update_buttons(self) -> None:
        dept = self.selected()
        self.merge_button.setEnabled(dept is not None and len(self.model.departments) > 1)
        self.rename_button.setEnabled(dept is not None)
        self.collective_button.setEnabled(dept is not None and dept.kind != COLLECTIVE)

    # ------------------------------------------------------------ amendments
    def merge(self) -> None:
        """并入…: the unit chosen becomes a name of another unit of its government."""
        from ui.window.registry.chooser import choose_unit
        source = self.selected()
        if source is None:
            return
        others = [d for d in self.model.departments if d.id != source.id]
        target = choose_unit(self, source, others)
        if target is not None:
            self.amend_requested.emit(Amendment("alias", source.government, source.name,
                                                target.name))

    def rename(self) -> None:
        dept = self.selected()
        if dept is None:
            return
        ask = QInputDialog(self)
        ask.setWindowTitle("改名")
        ask.setLabelText(plain.as_rich(f"“{dept.name}”的新名称（原名称将作为简称保留）："))
        ask.setTextValue(dept.name)
        ask.setOkButtonText("改名")
        ask.setCancelButtonText("取消")
        accepted = plain.run_dialog(ask)
        ask.deleteLater()
        if not accepted:
            return
        name = " ".join(ask.textValue().split())
        if name and name != dept.name:
            self.amend_requested.emit(Amendment("rename", dept.government, dept.name, name))

    def mark_collective(self) -> None:
        dept = self.selected()
        if dept is not None:
            self.amend_requested.emit(Amendment("collective", dept.government, dept.name))

    def say(self, text: str) -> None:
        """What the last amendment did, under the table."""
        self.summary.setText(text)
