"""原文: the page of the original PDF or OFD beside the text, the clause's lines outlined.

A part of the window (beside the reading pane, in the window's splitter),
hidden until 查看 → 原文 (Ctrl+Shift+O), the status bar's 原文 button or the
reader's context menu turns it on. It is told which clause the reader shows
(show_key) and the window's zoom (set_zoom); it asks *library* for the open
library. At zoom 100% the page fits the pane's width; the window's zoom
scales it. 上一页 / 下一页 (or PgUp / PgDn in the page) leaf through the file;
条款所在页 comes back. Nothing is opened but the kept file: no network, no
external viewer. The page comes from models/views/original.py, the image
from ui/window/original_image.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.plain import label as plain_label
from ui.qt import (QEvent, QFrame, QHBoxLayout, QLabel, QObject, QScrollArea, QStackedWidget,
                   QTimer, QToolButton, QVBoxLayout, QWidget)

if TYPE_CHECKING:
    from models.store.library import Library
    from models.views.original import OriginalFile, Place
    from ui.qt import QAction, QStatusBar

PLACEHOLDER = "在左侧目录中选择一件公文或一个条款，这里显示它在原文中的页面。"
REDRAWN = "OFD 页面按文件中每个字的位置重绘，字体和颜色可能与原件略有不同。"
MARGIN = 12  # pixels around the page in the pane


class OriginalView(QWidget):

    def __init__(self, library: Callable[[], Library | None], serif: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("originalView")
        self.setAccessibleName("原文")
        self.library, self.serif = library, serif
        self.key: str | None = None
        self.place: Place | None = None
        self.original: OriginalFile | None = None
        self.page = 1
        self.zoom = 1.0
        self.scale = 0.0  # pixels per point of the page shown (0: nothing shown)
        self.message = ""  # the sentence shown instead of a page
        self.rendered = None  # the QImage of the page shown (device pixels)
        self._stale = True  # something changed while hidden
        self.action: QAction | None = None  # 原文, checked while the pane is shown
        self._width = 0  # the pane's width when it was last closed
        self.hide()  # until 原文 is turned on
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 4, 0)
        self.title = plain_label("原文")
        self.title.setStyleSheet("font-weight: bold;")
        self.page_label = plain_label("")
        self.page_label.setStyleSheet("color: #555555;")
        self.previous_button = self._button("上一页", "原文的上一页（PgUp）", self.previous_page)
        self.next_button = self._button("下一页", "原文的下一页（PgDn）", self.next_page)
        self.clause_button = self._button("回到条款", "回到当前条款所在的页面",
                                          self.clause_page)
        close = self.close_button = self._button("关闭", "关闭原文（Ctrl+Shift+O）", self._close)
        for widget in (self.title, self.page_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        # the buttons on a row of their own: the pane's minimum is theirs, not the page line's
        # (the reading pane beside it keeps its 28 characters a line; ui/window/room.py)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 4, 0)
        for widget in (self.previous_button, self.next_button, self.clause_button, close):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = plain_label(REDRAWN)
        self.note.setStyleSheet("color: #7a7a7a; padding-left: 6px;")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.image = QLabel()
        self.image.setObjectName("originalPage")
        self.image.setAccessibleName("原文页面")
        self.image.setMargin(MARGIN)  # the page on the pane's grey, a little apart
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(False)
        from ui.qt import Qt
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8d91; }")
        self.scroll.installEventFilter(self)
        self.text = plain_label(PLACEHOLDER)
        self.text.setWordWrap(True)
        self.text.setMargin(24)
        self.text.setObjectName("originalMessage")
        self.text.setStyleSheet("color: #555555;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.text)
        self.stack.setCurrentWidget(self.text)
        layout.addWidget(self.stack, 1)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(120)
        self._resized.timeout.connect(self._refit)
        self._update_buttons()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --------------------------------------------------------------- told
    def show_key(self, document_key: str, current: str = "") -> None:
        """The reader shows *current* (or the document): show its page when visible."""
        self.key = current or document_key or None
        self.place = None
        self._stale = True
        if self.isVisible():
            self.refresh()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        if self.isVisible() and self.original is not None:
            self._render()

    def toggle(self) -> bool:
        """Show or hide the pane (half of the reading pane's width when it opens in a
        splitter); True when it is shown now. The 原文 action's check follows."""
        from ui.qt import QSplitter
        shown = not self.isVisible()
        splitter = self.parentWidget()
        if not shown and isinstance(splitter, QSplitter):
            self._width = splitter.sizes()[splitter.indexOf(self)]
        self.setVisible(shown)
        if shown and isinstance(splitter, QSplitter):
            self._make_room(splitter)
        if self.action is not None:
            self.action.setChecked(shown)
        return shown

    def _make_room(self, splitter) -> None:
        """Opening beside the reading pane: the tree gives up what it holds beyond 28% of the
        width; the pane takes its last width, else 45% of the room right of the tree."""
        here = splitter.indexOf(self)
        if here < 1:
            return
        sizes = splitter.sizes()
        if here >= 2:
            spare = sizes[0] - max(int(0.28 * sum(sizes)),
                                   splitter.widget(0).minimumSizeHint().width())
            if spare > 0:
                sizes[0] -= spare
                sizes[here - 1] += spare
        room = sizes[here - 1] + sizes[here]
        width = min(self._width or room * 9 // 20, room - 240)
        sizes[here - 1], sizes[here] = room - width, width
        splitter.setSizes(sizes)

    # ---------------------------------------------------------- leafing
    def previous_page(self) -> None:
        self.go_to(self.page - 1)

    def next_page(self) -> None:
        self.go_to(self.page + 1)

    def clause_page(self) -> None:
        if self.place is not None and self.place.page:
            self.go_to(self.place.page)

    def go_to(self, page: int) -> None:
        if self.original is None or not 1 <= page <= self.original.pages:
            return
        self.page = page
        self._render()

    # -------------------------------------------------------------- drawn
    def refresh(self) -> None:
        """Find the place of the current key and show its page (or say why there is none)."""
        self._stale = False
        library = self.library()
        if not self.key or library is None:
            self._say(PLACEHOLDER)
            return
        from models.errors import GazetteError
        from models.views.original import OriginalFile, place_of
        try:
            place = self.place = place_of(library, self.key)
            if place.source is None:
                self.original = None
                self._say(place.message)
                return
            if self.original is None or self.original.path != place.source:
                self.original = OriginalFile(place.source, place.source_format)
        except GazetteError as err:
            self.original = None
            self._say(f"无法显示原文：{err.detail}")
            return
        self.page = min(max(1, place.page or 1), self.original.pages)
        self._render()

    def _say(self, message: str) -> None:
        self.message, self.scale = message, 0.0
        self.text.setText(message)
        self.stack.setCurrentWidget(self.text)
        self.page_label.setText("")
        self.note.hide()
        self._update_buttons()

    def fit_scale(self) -> float:
        """Pixels per point that make the page as wide as the pane (zoom 100%)."""
        width_pt = self.original.sizes[self.page - 1][0] if self.original else 595.0
        # the page's room: the stack's width less the scroll area's frame and scroll bar (the
        # scroll area's own size lags while a message is shown in its place)
        from ui.qt import QStyle
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.stack.width() - 2 * self.scroll.frameWidth() - bar - 2 * MARGIN
        return max(0.2, room / width_pt)

    def _render(self) -> None:
        from models.errors import GazetteError
        from ui.qt import QPixmap
        from ui.window.original_image import page_image
        self.scale = self.fit_scale() * self.zoom
        ratio = self.devicePixelRatioF()
        boxes = self.place.boxes.get(self.page, []) if self.place else []
        try:
            image = page_image(self.original, self.page, self.scale * ratio,
                               boxes, self.serif)
        except GazetteError as err:
            self._say(f"无法显示原文：{err.detail}")  # (it names the page)
            return
        self.message = ""
        self.rendered = image
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)
        self.image.resize(round(image.width() / ratio) + 2 * MARGIN,
                          round(image.height() / ratio) + 2 * MARGIN)
        self.stack.setCurrentWidget(self.scroll)
        self.note.setVisible(self.original.format == "ofd")
        self.page_label.setText(f"第 {self.page} / {self.original.pages} 页{self._which()}")
        self._update_buttons()
        if boxes:  # the clause's first line in view, with some of what comes before
            self.scroll.ensureVisible(0, MARGIN + round(boxes[0][1] * self.scale), 0,
                                      self.scroll.viewport().height() // 3)
        else:
            self.scroll.verticalScrollBar().setValue(0)

    def _which(self) -> str:
        """What the page shown is to the clause: where it starts, or a page it runs onto."""
        if self.place is None or self.page not in self.place.boxes:
            return "（条款所在页）" if self.place and self.page == self.place.page else ""
        if self.page == self.place.page:
            return "（条款所在页，下页续）" if self.page + 1 in self.place.boxes else "（条款所在页）"
        return "（条款续页）"

    def _update_buttons(self) -> None:
        pages = self.original.pages if self.original is not None and not self.message else 0
        self.previous_button.setEnabled(pages > 0 and self.page > 1)
        self.next_button.setEnabled(pages > 0 and self.page < pages)
        self.clause_button.setEnabled(pages > 0 and self.place is not None
                                      and bool(self.place.page) and self.page != self.place.page)

    def _refit(self) -> None:
        if self.original is not None and not self.message and self.isVisible() and \
                abs(self.fit_scale() * self.zoom - self.scale) > 0.01:
            self._render()

    # -------------------------------------------------------------- Qt
    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._show_when_laid_out)

    def _show_when_laid_out(self) -> None:
        if self.isVisible() and self._stale:
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._resized.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """PgUp / PgDn in the page leaf through the file."""
        if watched is self.scroll and event.type() == QEvent.Type.KeyPress:
            from ui.qt import Qt
            if event.key() == Qt.Key.Key_PageUp:
                self.previous_page()
                return True
            if event.key() == Qt.Key.Key_PageDown:
                self.next_page()
                return True
        return super().eventFilter(watched, event)

    def _close(self) -> None:
        """关闭: as the 原文 action turns it off (its width kept for the next opening)."""
        if self.isVisible():
            self.toggle()


def attach(view: OriginalView, action: QAction, status_bar: QStatusBar) -> QToolButton:
    """Make *action* (原文) a toggle of *view*, with a button for it at the status bar's end,
    under the reading pane."""
    action.setCheckable(True)
    view.action = action
    button = QToolButton()
    button.setObjectName("originalButton")
    button.setDefaultAction(action)
    # a quiet outlined button, blue while 原文 is shown, no taller than the bar's text, so
    # the bar (and the tree above it) keeps its height
    button.setStyleSheet("QToolButton { padding: 0px 8px; border: 1px solid #c4c7cc;"
                         " border-radius: 3px; color: #333333; }"
                         " QToolButton:checked { background: #d3e3fd; border-color: #7ba4e0;"
                         " color: #0b3a8c; }")
    text_height = max([label.sizeHint().height() for label in status_bar.findChildren(QLabel)]
                      or [status_bar.fontMetrics().height()])
    button.setFixedHeight(text_height)
    status_bar.addPermanentWidget(button)
    return button
