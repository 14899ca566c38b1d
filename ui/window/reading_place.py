"""Where the official is reading, kept when the reading pane lays its text out again.

A re-render (zoom, a bookmark's ☆ turning ★) or a new width (a dock opening,
the window resized) lays the whole document out again; keeping the scroll
bar's value or its fraction moves the text under the reader's eyes. The
keeper remembers the clause to keep — the current one when it is in view,
else the first one at the top — and how far below the view's top it was, and
puts it back there after the new layout. Clauses are found by their anchors
(named by node key, models/views/document_html.py).

Also the measures the window needs to give the pane its room (ui/window/room.py):
the advance of one character of the body text, and the width that shows a
number of characters a line.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ui.qt import QFont, QFontMetricsF

if TYPE_CHECKING:
    from ui.qt import QTextBrowser


def char_width(family: str, point_size: float) -> float:
    """The advance of one Chinese character in *family* at *point_size*."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    return QFontMetricsF(font).horizontalAdvance("中")


def width_for(browser: QTextBrowser, chars: int, advance: float) -> int:
    """The width of *browser* that shows *chars* characters of *advance* a line (its
    document's margins, its frame and its scroll bar included, and a pixel to spare)."""
    from ui.qt import QStyle
    bar = browser.verticalScrollBar()
    extent = max(bar.width() if bar.isVisible() else 0, browser.style().pixelMetric(
        QStyle.PixelMetric.PM_ScrollBarExtent, None, bar))
    return math.ceil(chars * advance + 2 * browser.document().documentMargin()
                     + 2 * browser.frameWidth() + extent) + 1


class PlaceKeeper:
    def __init__(self, browser: QTextBrowser):
        self.browser = browser
        self.anchors: list[tuple[int, str]] = []  # (position, clause key) in reading order

    def index(self) -> None:
        """Find the anchors of the text just set."""
        self.anchors = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                for name in fragment.charFormat().anchorNames():
                    self.anchors.append((fragment.position(), name))
                it += 1
            block = block.next()

    def clear(self) -> None:
        self.anchors = []

    def paint(self, keys: set[str], color: str | None) -> None:
        """Give the blocks of the clauses *keys* the background *color* (None: none), in
        place: each clause's blocks run from its anchor to the next anchor."""
        from ui.qt import QColor, QTextCursor
        document = self.browser.document()
        for i, (position, key) in enumerate(self.anchors):
            if key not in keys:
                continue
            end = self.anchors[i + 1][0] if i + 1 < len(self.anchors) else document.characterCount()
            block = document.findBlock(position)
            while block.isValid() and block.position() < end:
                form = block.blockFormat()
                if color:
                    form.setBackground(QColor(color))
                else:
                    form.clearBackground()
                QTextCursor(block).setBlockFormat(form)
                block = block.next()

    def in_view(self, current: str | None) -> tuple[str, float] | None:
        """The clause to keep (*current* when it is in view, else the first one at the top of
        the view) and how far below the view's top it is; None when there is none."""
        top = self.browser.verticalScrollBar().value()
        bottom = top + self.browser.viewport().height()
        chosen = None
        for position, key in self.anchors:
            y = self._y_of(position)
            if key == current and top - 1 <= y < bottom:  # (rounding: a scrolled-to anchor)
                return key, y - top
            if chosen is None and y >= top - 1:
                chosen = (key, y - top)
        return chosen

    def restore(self, kept: tuple[str, float] | None) -> None:
        """Scroll so that the clause *kept* is as far below the top as it was."""
        if kept is None:
            return
        position = next((p for p, key in self.anchors if key == kept[0]), None)
        if position is not None:
            self.browser.verticalScrollBar().setValue(round(self._y_of(position) - kept[1]))

    def _y_of(self, position: int) -> float:
        document = self.browser.document()
        return document.documentLayout().blockBoundingRect(document.findBlock(position)).top()
