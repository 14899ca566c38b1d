"""The tree on the left: document rows on two lines (title, then 文号 and validity).

The other rows are drawn by Qt; only documents get a delegate, because the
文号 is how officials recognise a document on paper and must be visible
without widening the pane.

The tree is drawn before the first paint of the window (ui/startup.py), so
this module reads neither PySide6's `Qt` namespace nor QStyle (together
~40 ms to create; PySide6 also creates `Qt` when it resolves a call whose
overloads take one of its enums, such as QPainter.setPen or QBrush(colour)):
Qt draws the row's background, selection and focus itself
(QStyledItemDelegate.paint with the text left out), and the two lines are
laid out with QTextLayout in a coloured format, elided here.
"""
from __future__ import annotations

from ui.qt import (QAbstractItemView, QColor, QFontMetricsF, QPalette, QPointF, QRect, QSize,
                   QStyledItemDelegate, QTextCharFormat, QTextLayout, QTreeView, Signal)
from ui.tree_model import DOC_NUMBER, EXPIRED, FOREGROUND_ROLE, KIND

EXPIRED_MARK = "已失效"
_ELLIPSIS = "…"
_NUMBER = QColor("#5f6368")
_MARK, _MARK_SELECTED = QColor("#b3261e"), QColor("#ffd7d7")


def elide_right(metrics, text: str, width: int) -> str:
    """*text* cut at the right with an ellipsis to fit *width* (as Qt.ElideRight does)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[:middle] + _ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + _ELLIPSIS


def draw_line(painter, rect: QRect, text: str, font, colour: QColor) -> None:
    """One line of *text* in *font* and *colour*, at the left of *rect*, centred vertically."""
    palette = QPalette()  # the way to a solid brush of *colour* that reads no Qt enum
    palette.setColor(QPalette.ColorRole.Text, colour)
    coloured = QTextLayout.FormatRange()
    coloured.start, coloured.length = 0, len(text)
    coloured.format = QTextCharFormat()
    coloured.format.setForeground(palette.text())
    layout = QTextLayout(text, font)
    layout.setFormats([coloured])
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(max(1, rect.width()))
    layout.endLayout()
    layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2))


class DocumentRowDelegate(QStyledItemDelegate):
    _line_heights: dict[str, float] = {}  # font key → line height (sizeHint is called a lot)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._drawing_document = False

    def _is_document(self, index) -> bool:
        return index.data(KIND) == "document"

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        if self._drawing_document:
            option.text = ""  # Qt draws the row's frame; paint() draws the two lines

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
        self._drawing_document = True
        try:
            super().paint(painter, option, index)  # background, selection, focus
        finally:
            self._drawing_document = False
        view = option.widget
        selection = view.selectionModel() if view is not None else None
        selected = selection is not None and selection.isSelected(index)
        palette = option.palette
        text = index.data() or ""
        rect = option.rect.adjusted(4, 3, -4, -3)
        half = rect.height() // 2
        top = QRect(rect.left(), rect.top(), rect.width(), half)
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        font = option.font
        font.setBold(True)
        foreground = index.data(FOREGROUND_ROLE)  # expired documents have their own colour
        draw_line(painter, top, elide_right(QFontMetricsF(font), text, top.width()), font,
                  palette.highlightedText().color() if selected
                  else foreground if foreground is not None else palette.text().color())
        font.setBold(False)
        number = index.data(DOC_NUMBER) or "（无文号）"
        draw_line(painter, bottom, number, font,
                  palette.highlightedText().color() if selected else _NUMBER)
        if index.data(EXPIRED):
            width = round(QFontMetricsF(font).horizontalAdvance(number + "　"))
            draw_line(painter, bottom.adjusted(width, 0, 0, 0), "【" + EXPIRED_MARK + "】", font,
                      _MARK_SELECTED if selected else _MARK)


class OutlineView(QTreeView):
    # The rows were painted for the first time: ui/startup.py builds the rest of the
    # window from there, once the first frame is on screen.
    first_painted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._painted = False
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(DocumentRowDelegate(self))
        # text elide mode: Qt's default, ElideRight
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(True)
        self.setAccessibleName("公文目录")

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._painted:
            model = self.model()
            if model is not None and model.rowCount():
                self._painted = True
                self.first_painted.emit()
