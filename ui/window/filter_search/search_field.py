"""The search field: search as you type (debounced), and the keys that move to the results.

Made in stage 2 in place of the stand-in of ui/startup/stand_ins.py, which
says the same (ui/labels.py).
"""
from __future__ import annotations

from ui.labels import SEARCH_PLACEHOLDER
from ui.qt import QLineEdit, Qt, QTimer, Signal

DEBOUNCE_MS = 150


class SearchField(QLineEdit):
    """Emits `query` after typing pauses; Down/Enter/Esc drive the result list."""

    query = Signal(str)
    down = Signal()
    accept = Signal()
    escape = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.setToolTip("输入一个或几个字即可搜索；文号可写成 [2021] 或 〔2021〕（Ctrl+F）")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("搜索")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(lambda _: self.timer.start())

    def flush(self) -> None:
        """Run the pending search now (Enter does not wait for the debounce)."""
        self.timer.stop()
        self.query.emit(self.text())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.flush()
            self.down.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive():
                self.flush()
            self.accept.emit()
        elif key == Qt.Key.Key_Escape:
            self.escape.emit()
        else:
            super().keyPressEvent(event)
