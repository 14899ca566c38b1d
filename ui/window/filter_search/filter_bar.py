"""The chip row above the tree: the active department, its role toggles, one-click clear.

The filter must be visible at all times (an official who forgets it is on
would think clauses are missing), so the department button always says what
is shown, and turns into a coloured chip while a department is chosen.
"""
from __future__ import annotations

from models.roles import ROLE_LABELS
from models.views.outline import FILTER_ROLES
from ui.labels import department_button
from ui.qt import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget, Signal
from ui.styles import BUTTON_CHIP, BUTTON_IDLE, ROLE_TOGGLE

GENERAL_LABEL = "含“有关部门”通用条款"


class FilterBar(QWidget):
    pick_requested = Signal()
    clear_requested = Signal()
    roles_changed = Signal()
    print_requested = Signal()  # 打印职责清单…

    def __init__(self, parent=None):
        super().__init__(parent)
        self.department: str | None = None
        self.button = QToolButton(self)
        self.button.setToolTip("按部门筛选（Ctrl+E）")
        self.button.setAccessibleName("部门筛选")
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.pick_requested)
        self.clear = QToolButton(self)
        self.clear.setText("× 清除筛选")
        self.clear.setToolTip("清除部门筛选（Esc）")
        self.clear.setStyleSheet(BUTTON_IDLE)
        self.clear.clicked.connect(self.clear_requested)
        self.toggles: dict[str, QToolButton] = {}
        toggles = QWidget(self)
        rows = QVBoxLayout(toggles)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        row2, row3 = QHBoxLayout(), QHBoxLayout()
        for row in (row2, row3):
            row.setSpacing(4)
            rows.addLayout(row)
        for role in (*FILTER_ROLES, "general"):
            toggle = QToolButton(toggles)
            toggle.setText(GENERAL_LABEL if role == "general" else ROLE_LABELS[role])
            toggle.setCheckable(True)
            toggle.setChecked(role != "general")
            toggle.setStyleSheet(ROLE_TOGGLE)
            toggle.setToolTip("显示该部门为“有关部门按职责分工负责”等通用条款" if role == "general"
                              else f"显示该部门{ROLE_LABELS[role]}的条款")
            toggle.toggled.connect(self.roles_changed)
            self.toggles[role] = toggle
            (row2 if len(self.toggles) <= 4 else row3).addWidget(toggle)
        row2.addStretch(1)
        row3.addStretch(1)
        self.print_button = QToolButton(toggles)
        self.print_button.setText("打印清单…")
        self.print_button.setToolTip("打印该部门的职责清单（Ctrl+P 预览，Ctrl+Shift+P 选项）")
        self.print_button.setStyleSheet(BUTTON_IDLE)
        self.print_button.clicked.connect(self.print_requested)
        row3.addWidget(self.print_button)
        self.toggle_row = toggles
        row1 = QHBoxLayout()
        row1.setContentsMargins(0, 0, 0, 0)
        row1.addWidget(self.button, 1)
        row1.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row1)
        layout.addWidget(toggles)
        self.set_department(None)

    def set_department(self, name: str | None, label: str | None = None) -> None:
        """Show the department *name* (as *label*, which may say its government), or none."""
        self.department = name
        self.label = label or name
        self.button.setText(department_button(self.label))
        self.button.setStyleSheet(BUTTON_CHIP if name else BUTTON_IDLE)
        self.clear.setVisible(bool(name))
        self.toggle_row.setVisible(bool(name))

    def roles(self) -> list[str]:
        return [r for r in FILTER_ROLES if self.toggles[r].isChecked()]

    def include_general(self) -> bool:
        return self.toggles["general"].isChecked()

    def set_roles(self, roles: list[str], include_general: bool) -> None:
        for role, toggle in self.toggles.items():
            toggle.blockSignals(True)
            toggle.setChecked(include_general if role == "general" else role in roles)
            toggle.blockSignals(False)

    def describe(self) -> str:
        """The filter in words, for the status bar."""
        if not self.department:
            return ""
        labels = [ROLE_LABELS[r] for r in self.roles()]
        if self.include_general():
            labels.append("通用")
        return f"{self.label}（{'、'.join(labels) or '未选角色'}）"
