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
from models.views.outline_cache import DEADLINE_PAGE
from models.roles import ROLE_LABELS
from ui.qt import (QAbstractItemView, QColor, QLabel, QStandardItem, QStandardItemModel,
                   QTreeView, QVBoxLayout, QWidget)
from ui.plain import as_rich, set_plain
from ui.item_roles import DOCUMENT_KEY, FOREGROUND_ROLE, NODE_KEY

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date


# Past deadlines: quieter than the others yet readable (6.0:1 on white, WCAG AA needs 4.5),
# and said in words (已过), not by colour alone.
_PAST = QColor("#5f6368")
PAST_MARK = "（已过）"


class DeadlinesModel(QStandardItemModel):
    """The rows a page at a time (DEADLINE_PAGE, and the next when the view is scrolled to
    the end): a department of a thousand issues has thousands of deadlines, and each row
    is laid out on its own (its text wraps)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: Sequence[dict] = []
        self._shown = 0
        self._today = ""

    def show(self, rows: Sequence[dict], today: date | None = None) -> None:
        """*rows*: a list, or models' Deadlines (whose rows are read a page at a time)."""
        self.clear()
        self._today = today.isoformat() if today else time.strftime("%Y-%m-%d")
        self._rows, self._shown = rows, 0
        self.fetchMore()

    def canFetchMore(self, parent=None) -> bool:  # noqa: N802 (Qt override)
        return self._shown < len(self._rows) and not (parent is not None and parent.isValid())

    def fetchMore(self, parent=None) -> None:  # noqa: N802 (Qt override)
        if parent is not None and parent.isValid():
            return
        page = self._rows[self._shown:self._shown + DEADLINE_PAGE]
        self._shown += len(page)
        today_iso = self._today
        for row in page:
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

    def show_rows(self, department: str, rows: list[dict], total: int | None = None) -> None:
        """*rows*: the department's deadlines (all, or the first of *total*: the cached
        picture's)."""
        total = len(rows) if total is None else total
        self.model.show(rows)
        self.title.setText(f"{department}的时限（{total} 项，按日期）" if total
                           else f"{department}：所选条款中没有时限")
