"""The tree on the left: document rows on two lines (title, then 文号 and validity).

The other rows are drawn by Qt; only documents get a delegate, because the
文号 is how officials recognise a document on paper and must be visible
without widening the pane. Each line fits its row at any width and zoom: the
title is elided, and so is the 文号 before the 【已失效】 mark is (fit_spans),
never wrapped over the next row; a row's tooltip says it all (helpEvent,
as text).

The tree is drawn before the first paint of the window (ui/startup/staged.py), so
this module reads neither PySide6's `Qt` namespace nor QStyle (together
~40 ms to create; PySide6 also creates `Qt` when it resolves a call whose
overloads take one of its enums, such as QPainter.setPen or QBrush(colour)):
Qt draws the row's background, selection and focus itself
(QStyledItemDelegate.paint with the text left out), and the two lines are
elided here and drawn as rich text that carries its colours (draw_line).
"""
from __future__ import annotations

from ui.qt import (QAbstractItemView, QFontMetricsF, QPointF, QRect, QSize, QStaticText,
                   QStyledItemDelegate, QTreeView, Signal)
from ui.plain import as_rich, escape
from ui.item_roles import DOC_NUMBER, EXPIRED, FOREGROUND_ROLE, KIND, TOOLTIP_ROLE

EXPIRED_MARK = "已失效"
_ELLIPSIS = "…"
_NUMBER = "#5f6368"
_MARK, _MARK_SELECTED = "#b3261e", "#ffd7d7"
_SLACK = 2  # px kept free at a line's end: the rich text must never need a second line


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


def fit_spans(metrics, spans: list[tuple[str, str]], width: float) -> list[tuple[str, str]]:
    """*spans* (text, colour) cut to fit *width* on one line. The last span is a mark (such as
    【已失效】) that must stay readable: the text before it is elided first (down to two
    characters and the ellipsis; the space before the mark goes next), then left out; only
    when the mark alone does not fit is everything elided as one text."""
    if metrics.horizontalAdvance("".join(text for text, _ in spans)) <= width:
        return spans
    if len(spans) > 1:
        before = "".join(text for text, _ in spans[:-1])
        mark, colour = spans[-1]
        for shown in (mark, mark.strip()):
            rest = width - metrics.horizontalAdvance(shown)
            head = elide_right(metrics, before, rest) if rest > 0 else ""
            if len(head) >= 3 and metrics.horizontalAdvance(head) <= rest:
                return [(head, spans[0][1]), (shown, colour)]
        if metrics.horizontalAdvance(mark.strip()) <= width:
            return [(mark.strip(), colour)]
    whole = "".join(text for text, _ in spans).strip()
    return [(elide_right(metrics, whole, width), spans[0][1])]


def draw_line(painter, rect: QRect, spans: list[tuple[str, str]], font) -> None:
    """One line at the left of *rect*, centred vertically, in *font*: the *spans* of
    (text, colour as #rrggbb) one after the other, cut to fit the rect (fit_spans).

    The colours travel with the text, as rich text in a QStaticText: a pen
    (QPainter.setPen) would make PySide6 create `Qt`, and a QTextLayout with
    coloured formats loads three text classes with nine enums (together ~14M
    instructions, ~2% of a bare window's start) before the first paint.
    """
    metrics = QFontMetricsF(font)
    spans = fit_spans(metrics, spans, rect.width() - _SLACK)
    html = "".join(f'<span style="color:{colour}">{escape(text)}</span>' for text, colour in spans)
    painter.setFont(font)
    top = rect.top() + (rect.height() - metrics.height()) / 2
    line = QStaticText(f'<span style="white-space: pre">{html}</span>')
    line.setTextWidth(rect.width())  # (the rich text would otherwise wrap at its own width)
    painter.drawStaticText(QPointF(rect.left(), top), line)


class DocumentRowDelegate(QStyledItemDelegate):
    # The tree asks every row's size before it can draw (rows differ in height: documents
    # take two lines), and Qt's own answer costs a call back into Python (initStyleOption)
    # and a text layout per row; but a row of one line is as high as any other in the same
    # font, so Qt is asked once per font. (font key, document row?) → row height;
    # (font key, None) → the font's line height.
    _heights: dict[tuple[str, bool | None], float] = {}

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
        document = self._is_document(index)
        font_key = option.font.key()
        height = self._heights.get((font_key, document))
        if height is None:
            line = self._heights.get((font_key, None))
            if line is None:
                line = self._heights[(font_key, None)] = QFontMetricsF(option.font).height()
            height = self._heights[(font_key, document)] = (
                int(line * 2 + 8) if document else super().sizeHint(option, index).height())
        # The width only matters to a column sized to its contents, which this tree's is
        # not (it fills the pane, long titles are elided). Measuring each row's text would
        # shape it and load its glyphs, for every row of the tree: a CJK character is
        # about as wide as the line is high, which is the estimate given.
        return QSize(int(len(index.data() or "") * self._heights[(font_key, None)]), height)

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
        if selected:
            colour = palette.highlightedText().color()
        else:
            colour = foreground if foreground is not None else palette.text().color()
        draw_line(painter, top, [(text, colour.name())], font)
        font.setBold(False)
        number = [(index.data(DOC_NUMBER) or "（无文号）",
                   palette.highlightedText().color().name() if selected else _NUMBER)]
        if index.data(EXPIRED):
            number.append(("　【" + EXPIRED_MARK + "】", _MARK_SELECTED if selected else _MARK))
        draw_line(painter, bottom, number, font)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 (Qt override)
        """A row's tooltip (its whole title, 文号, validity: what an elided row leaves out),
        shown as text: a title from a gazette is never read as HTML (ui/plain.py)."""
        from ui.qt import QEvent, QToolTip
        text = index.data(TOOLTIP_ROLE) if index.isValid() else None
        if event is None or event.type() != QEvent.Type.ToolTip or not text:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), as_rich(text), view)
        return True


class OutlineView(QTreeView):
    # The rows were painted for the first time: ui/startup/staged.py builds the rest of the
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
