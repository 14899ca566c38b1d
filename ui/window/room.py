"""The reading pane's room: the window's size and how its width is shared.

The reading pane is what an official came for, so it gets most of the width:
READER_SHARE of the splitter by default, and never fewer than MIN_CHARS
characters a line at the current zoom (UX.md; officials often read enlarged).
When the window cannot give both, the others give way, in this order:

1. the tree narrows, down to its minimum width;
2. a docked panel (bookmarks) or a pane beside the reader (原文) narrows, down to its minimum;
3. the docked panel floats, over the tree's place (the user may dock it again);
4. the tree is hidden (only at the largest zooms on a laptop screen), with a
   word in the status bar; it comes back as soon as there is room, and while
   the official searches or picks a department (the left pane holds both);
5. and if the pane alone is still too narrow, the window widens, as far as
   the screen lets it.

Floated panels dock again, and a hidden tree returns, when the room comes back
(zooming out, a wider window). The window's default size fits the screen it
opens on, status bar included (a 1366×768 laptop).

default_size() is used in the window's first stage: it reads the screen, no
Qt enum, no QStyle, not even QEvent (~2.5 ms). The rest runs from stage 2 on.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.qt import QObject

if TYPE_CHECKING:
    from ui.qt import QDockWidget, QMainWindow, QRect, QSplitter, QWidget
    from ui.window.reader import ReaderView

MIN_CHARS = 28  # characters a line the reading pane always shows
READER_SHARE = 0.7  # of the splitter, when nothing asks otherwise
DOCK_SHARE = 0.22  # of the window, for a panel docked beside the reader
PREFERRED = (1280, 820)  # on a screen that has room for it
FRAME = (32, 56)  # left for the window's frame, title bar and a task bar


def default_size(available: QRect) -> tuple[int, int]:
    """The window's size on a screen whose free area is *available*: PREFERRED, or all the
    screen has (less FRAME) on a smaller one, such as a 1366×768 laptop."""
    width = available.width() - FRAME[0]
    width = width if available.width() < PREFERRED[0] + 160 else PREFERRED[0]
    return max(640, width), max(480, min(PREFERRED[1], available.height() - FRAME[1]))


def default_split(width: int, tree_min: int) -> list[int]:
    """The splitter's sizes for a window *width* wide: the reader READER_SHARE of it."""
    tree = max(tree_min, round(width * (1 - READER_SHARE)))
    return [tree, max(1, width - tree)]


def fit_to_screen(window: QMainWindow, splitter: QSplitter, tree_min: int) -> None:
    """The window's default size and place: the screen's free area (a 1366×768 laptop
    included), centred, the reader READER_SHARE of the width."""
    area = window.screen().availableGeometry()
    width, height = default_size(area)
    window.setGeometry(area.x() + (area.width() - width) // 2,
                       area.y() + max(0, (area.height() - height - 30) // 2), width, height)
    splitter.setSizes(default_split(width, tree_min))


class ReadingRoom(QObject):
    """Keeps the reading pane's room as the window, the zoom and the docks change."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, left: QWidget,
                 reader: ReaderView, notify: Callable[[str, int], None]):
        super().__init__(window)
        self.window, self.splitter, self.left, self.reader = window, splitter, left, reader
        self.notify = notify
        self.docks: list[QDockWidget] = []
        self.panes: list[QWidget] = []  # shown beside the reader in the splitter (原文)
        self.shown: dict[QDockWidget, bool] = {}  # whether each was shown, last we heard
        self.floated: set[QDockWidget] = set()  # floated by the room, docked again by it
        self.left_hidden = False  # hidden by the room
        self.peeking = False  # shown again for search or the picker, until the official reads
        self._fitting = False
        window.installEventFilter(self)
        reader.installEventFilter(self)

    def watch(self, dock: QDockWidget) -> None:
        """Keep the room when *dock* shows, hides, floats or docks again."""
        self.docks.append(dock)
        from ui.qt import Qt
        hidden = dock.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and \
            dock.isHidden()  # (added to a window already shown, it is not shown yet, but will be)
        self.shown[dock] = not hidden
        if self.shown[dock]:  # shown from the start: its share, from the reader's side only
            self.window.resizeDocks([dock], [self._dock_width(dock)], Qt.Orientation.Horizontal)
        dock.visibilityChanged.connect(self._dock_shown)
        dock.topLevelChanged.connect(self._docked_or_floated)

    def watch_pane(self, pane: QWidget) -> None:
        """Keep the room when *pane*, a splitter pane right of the reader, shows or hides:
        its minimum counts like a docked panel's (the panels float first, then the tree)."""
        self.panes.append(pane)
        pane.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        from ui.qt import QEvent
        if obj is self.window and event.type() == QEvent.Type.Resize:
            self.fit()
        elif obj in self.panes and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.refit()
        elif obj is self.reader and event.type() == QEvent.Type.FocusIn and self.peeking:
            self.peeking = False  # back to reading: the tree gives its room again
            self.refit()
        return False

    def peek_left(self) -> None:
        """Search or the department picker asked for while the tree is hidden (4, below): the
        left pane, which holds them, comes back, the reading pane giving up its room for as
        long as the official searches — until the focus is back in the reading pane."""
        if not self.left_hidden:
            return
        self.left_hidden, self.peeking = False, True
        self.left.show()
        width = self.window.width() - self._beside()
        self.splitter.setSizes([self._tree_need(), max(1, width - self._tree_need())])
        self.refit()

    # ------------------------------------------------------------ measures
    def reader_need(self) -> int:
        return self.reader.width_for(MIN_CHARS)

    def _tree_need(self) -> int:
        return self.left.minimumWidth() + self.splitter.handleWidth()

    def _docked(self) -> list[QDockWidget]:
        return [d for d in self.docks if d.isVisibleTo(self.window) and not d.isFloating()]

    def _dock_need(self, dock: QDockWidget) -> int:
        from ui.qt import QStyle
        separator = self.window.style().pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self.window)
        return max(dock.minimumWidth(), dock.minimumSizeHint().width()) + separator

    def _dock_width(self, dock: QDockWidget) -> int:
        return max(self._dock_need(dock), round(self.window.width() * DOCK_SHARE))

    # ------------------------------------------------------------- fitting
    def refit(self) -> None:
        """fit() now, and again once the events pending are done (a zoom's new fonts reach the
        panels' buttons, and so their minimum widths, only then)."""
        self.fit()
        from ui.qt import QTimer
        QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """Give the reading pane its MIN_CHARS a line: the others give way (module docstring)."""
        if self._fitting or not self.window.isVisible():
            return
        self._fitting = True
        try:
            self._fit()
            screen = self.window.screen().availableGeometry().width()
            if self.window.width() > screen:  # minimums outgrew the screen meanwhile (Qt's
                # layout widened the window for a pane that opened): fit to the screen's
                # width first, so the others give way and the minimums come down, then back
                self._fit(screen - FRAME[0])
                self.window.layout().activate()  # the minimums as they are now, not before
                self.window.resize(screen - FRAME[0], self.window.height())
        finally:
            self._fitting = False

    def _fit(self, width: int | None = None) -> None:
        """*width*: the window's width to fit (its own when None)."""
        width = width or self.window.width()
        need, tree = self.reader_need(), self._tree_need()
        if self.peeking and tree + need + self._beside() <= width:
            self.peeking = False  # there is room for both now: no longer a peek
        # the room came back: the tree first, then the panels floated
        if self.left_hidden and tree + need + self._beside() <= width:
            self.left_hidden = False
            self.left.show()
            self.splitter.setSizes(default_split(width - self._beside(), self.left.minimumWidth()))
        for dock in [d for d in self.floated if d.isVisible() and d.isFloating()]:
            if not self.left_hidden and tree + need + self._beside() + self._dock_need(dock) \
                    <= width:
                self.floated.discard(dock)
                dock.setFloating(False)
                self._give_room(dock)
        # no room: the panels float (3), then the tree is hidden (4)
        if self._docked() and tree + need + self._beside() > width:  # (before the tree goes)
            for dock in self._docked():
                self._float(dock)
        beside = self._beside()
        if not self.left_hidden and not self.peeking and tree + need > width - beside:
            self.left_hidden = True
            self.left.hide()
            self.notify("正文需要更宽的地方，目录已暂时隐藏（Ctrl+- 缩小或关闭原文即可恢复；"
                        "Ctrl+F 搜索、Ctrl+E 选择部门时会临时显示）", 6000)
        room = width - beside - self._tree_room()
        if need > room:  # 5: not even alone: the window widens, as far as the screen lets it
            screen = self.window.screen().availableGeometry().width() - FRAME[0]
            if width < screen:
                self.window.resize(min(screen, width + need - room), self.window.height())
                room += self.window.width() - width
        self.reader_minimum(min(need, room))  # 1, 2: Qt's layouts narrow the tree, the docks

    def _tree_room(self) -> int:
        return 0 if self.left_hidden else self._tree_need()

    def _beside(self) -> int:
        """The width the docked panels and the panes beside the reader need at the least."""
        panes = sum(p.minimumSizeHint().width() + self.splitter.handleWidth()
                    for p in self.panes if p.isVisibleTo(self.window))
        return panes + sum(self._dock_need(d) for d in self._docked())

    def reader_minimum(self, pixels: int) -> None:
        """The reading pane's minimum width (the splitter and the window's layout keep it)."""
        self.splitter.widget(1).setMinimumWidth(max(0, pixels))  # (the pane with its bar)

    def _float(self, dock: QDockWidget) -> None:
        """Float *dock* over the tree's place (at the window's right when the tree is hidden)."""
        self.floated.add(dock)
        dock.setFloating(True)
        width = max(self.left.width() if self.left.isVisible() else 0, self._dock_need(dock))
        place = self.splitter.geometry()
        corner = self.window.mapToGlobal(place.topLeft())
        x = corner.x() if self.left.isVisible() else corner.x() + place.width() - width
        dock.setGeometry(x, corner.y(), width, place.height())

    def _give_room(self, dock: QDockWidget) -> None:
        """*dock* beside the reader at its share of the width, taken from the tree first."""
        from ui.qt import Qt
        wanted = self._dock_width(dock)
        central = self.window.width() - wanted
        tree = min(self.splitter.sizes()[0], round(central * (1 - READER_SHARE)))
        tree = max(self.left.minimumWidth(), tree)
        self.splitter.setSizes([tree, max(1, central - tree)])
        self.window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def _docked_or_floated(self, _floating: bool) -> None:
        self.fit()

    def _dock_shown(self, visible: bool) -> None:
        """A panel docked beside the reader opened (Ctrl+D, its menu entry; not one shown since
        the start): the tree gives it its room first."""
        dock = self.sender()
        try:
            self.window.isVisible()
        except RuntimeError:  # (the window is being deleted: its docks hide)
            return
        opened = visible and dock in self.docks and not self.shown.get(dock)
        self.shown[dock] = visible
        if opened and not dock.isFloating():
            self._give_room(dock)
        self.fit()
