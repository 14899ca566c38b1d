"""F6 and Shift+F6: the focus moves from pane to pane, and the pane that has it shows it.

The panes, in order: the search field, the tree (or the search results in its
place), the reading pane, the bookmarks, the department's deadlines; a pane
that is not shown is skipped. Each is given as a callable answering its
widget now (the left pane shows the tree or the results; the bookmarks may
not exist yet), so this part knows no other part.

The focused pane is framed by a FocusRing: a ring drawn over the pane, not a
style sheet on it, so no pane changes its frame (nor moves a pixel: the tree
is drawn in the window's first paint, before this part exists) and the ring
follows the pane when it is resized or moved.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.qt import QApplication, QColor, QEvent, QObject, QPainter, QPen, QWidget

if TYPE_CHECKING:
    from ui.qt import QMainWindow

RING = "#1a73e8"
RING_WIDTH = 2

Pane = Callable[[], "QWidget | None"]


class FocusRing(QWidget):
    """A frame drawn over the pane that has the focus; lets every click through."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        from ui.qt import Qt
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        """Frame *target* (None: no frame)."""
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None or not target.isVisible():
            self.hide()
            return
        window = target.window()
        if self.parentWidget() is not window:
            self.setParent(window)
        target.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        target = self.target
        corner = target.mapTo(self.parentWidget(), target.rect().topLeft())
        self.setGeometry(corner.x(), corner.y(), target.width(), target.height())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.target:
            kind = event.type()
            if kind in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
                self._place()
            elif kind == QEvent.Type.Hide:
                self.hide()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setPen(QPen(QColor(RING), RING_WIDTH))
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


class PaneCycle(QObject):
    def __init__(self, window: QMainWindow, panes: list[Pane]):
        super().__init__(window)
        self.panes = panes
        self.ring = FocusRing(window)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def shown(self) -> list[QWidget]:
        """The panes that can take the focus now, in order."""
        return [w for w in (pane() for pane in self.panes)
                if w is not None and w.isVisible() and w.isEnabled()]

    def pane_of(self, widget: QWidget | None) -> QWidget | None:
        """The pane *widget* is (or is in), None when it is in none."""
        shown = self.shown()
        while widget is not None:
            if widget in shown:
                return widget
            widget = widget.parentWidget()
        return None

    def step(self, forward: bool = True) -> QWidget | None:
        """Move the focus to the next pane shown (the previous one, not *forward*)."""
        shown = self.shown()
        if not shown:
            return None
        here = self.pane_of(QApplication.focusWidget())
        at = shown.index(here) if here is not None else (-1 if forward else 0)
        target = shown[(at + (1 if forward else -1)) % len(shown)]
        target.setFocus()
        target.activateWindow()  # (a floating panel is a window of its own)
        self.ring.follow(target)
        return target

    def _focus_changed(self, _old, new) -> None:
        if not self.parent().isVisible():
            return  # closed, or being destroyed: its panes may be gone already (the
            # focus moves as each child is deleted, and the application still tells us)
        self.ring.follow(self.pane_of(new))
