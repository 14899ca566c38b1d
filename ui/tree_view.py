"""The tree on the left: document rows on two lines (title, then 文号 and validity).

The other rows are drawn by Qt; only documents get a delegate, because the
文号 is how officials recognise a document on paper and must be visible
without widening the pane.
"""
from __future__ import annotations

from ui.qt import (QAbstractItemView, QColor, QFontMetricsF, QRect, QSize, QStyle,
                   QStyledItemDelegate, QStyleOptionViewItem, Qt, QTreeView)
from ui.roles import Role

EXPIRED_MARK = "已失效"


class DocumentRowDelegate(QStyledItemDelegate):
    _line_heights: dict[str, float] = {}  # font key → line height (sizeHint is called a lot)

    def _is_document(self, index) -> bool:
        return index.data(Role.Kind) == "document"

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        if self._is_document(index):
            key = option.font.key()
            line = self._line_heights.get(key)
            if line is None:
                line = self._line_heights[key] = QFontMetricsF(option.font).height()
            size.setHeight(int(line * 2 + 8))
        return size

    def paint(self, painter, option, index) -> None:
        if not self._is_document(index):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(4, 3, -4, -3)
        half = rect.height() // 2
        top = QRect(rect.left(), rect.top(), rect.width(), half)
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        painter.save()
        font = opt.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(opt.palette.highlightedText().color() if selected
                       else opt.palette.text().color())
        metrics = painter.fontMetrics()
        painter.drawText(top, Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, top.width()))
        font.setBold(False)
        painter.setFont(font)
        number = index.data(Role.DocNumber) or "（无文号）"
        painter.setPen(opt.palette.highlightedText().color() if selected else QColor("#5f6368"))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignVCenter, number)
        if index.data(Role.Expired):
            width = painter.fontMetrics().horizontalAdvance(number + "　")
            painter.setPen(QColor("#ffd7d7") if selected else QColor("#b3261e"))
            painter.drawText(bottom.adjusted(width, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             "【" + EXPIRED_MARK + "】")
        painter.restore()


class OutlineView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(DocumentRowDelegate(self))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(True)
        self.setAccessibleName("公文目录")
