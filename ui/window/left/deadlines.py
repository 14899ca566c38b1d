"""The selected department's deadlines, in date order, under the tree.

Journey 1 ends with "deadlines listed in date order": each row gives the due
date, the phrase as written, and where (文号 and clause path); Enter opens it.

With a department filter saved, the panel is drawn in the window's first
paint from the outline cache (ui/startup/staged.py), so this module imports nothing
that reads PySide6's `Qt` namespace: the item roles are plain ints (ui/item_roles.py).
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from models.views.cn_date import cn_date
from models.roles import ROLE_LABELS
from ui.qt import (QAbstractItemView, QColor, QLabel, QStandardItem, QStandardItemModel,
                   QTreeView, QVBoxLayout, QWidget)
from ui.plain import as_rich, set_plain
from ui.item_roles import DOCUMENT_KEY, FOREGROUND_ROLE, NODE_KEY

if TYPE_CHECKING:
    from datetime import date


# Past deadlines: quieter than the others yet readable (6.0:1 on white, WCAG AA needs 4.5),
# and said in words (已过), not by colour alone.
_PAST = QColor("#5f6368")
PAST_MARK = "（已过）"


class DeadlinesModel(QStandardItemModel):
    def show(self, rows: list[dict], today: date | None = None) -> None:
        self.clear()
        today_iso = today.isoformat() if today else time.strftime("%Y-%m-%d")
        for row in rows:
            past = row["due"] < today_iso
            text = (f"{cn_date(row['due'])}{PAST_MARK if past else ''}　{row['phrase']}\n"
                    f"{row['doc_number']} {row['path']} {row['heading']}"
                    f"〔{ROLE_LABELS.get(row['role'], row['role'])}〕")
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(row["key"], NODE_KEY)
            item.setData(row["document_key"], DOCUMENT_KEY)
            item.setToolTip(as_rich(text.replace("\n", "　")))
            if past:  # (setForeground(QColor) would read `Qt` to make the QBrush: ~25 ms)
                item.setData(_PAST, FOREGROUND_ROLE)
            self.appendRow(item)


class DeadlinesPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = set_plain(QLabel("本部门时限（按日期）", self))
        self.title.setStyleSheet("font-weight: bold; color: #444;")
        self.model = DeadlinesModel(self)
        self.view = QTreeView(self)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName("本部门时限")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def show_rows(self, department: str, rows: list[dict]) -> None:
        self.model.show(rows)
        self.title.setText(f"{department}的时限（{len(rows)} 项，按日期）" if rows
                           else f"{department}：所选条款中没有时限")
