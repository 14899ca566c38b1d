"""The window's status bar: the library's counts (or the search's), and the filter's note.

The window decides what the counts say (ui/labels.py words them); this part
owns the two labels and the passing messages, after which the counts come
back (it asks *refresh* for them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.plain import set_plain
from ui.qt import QLabel, QTimer
from ui.styles import FILTER_NOTE

if TYPE_CHECKING:
    from ui.qt import QStatusBar


class StatusLine:
    def __init__(self, bar: QStatusBar, refresh: Callable[[], None]):
        self.refresh = refresh
        self.label = set_plain(QLabel())  # shows issue and department names: data
        self.filter_label = set_plain(QLabel())
        self.filter_label.setStyleSheet(FILTER_NOTE)
        bar.addWidget(self.label, 1)
        bar.addPermanentWidget(self.filter_label)

    def show(self, text: str, filter_note: str | None = None) -> None:
        """*text* in the bar; *filter_note* (ui.labels.filter_status) at its end, if given."""
        self.label.setText(text)
        if filter_note is not None:
            self.filter_label.setText(filter_note)

    def text(self) -> str:
        return self.label.text()

    def notify(self, text: str, msec: int = 4000) -> None:
        """A passing message (the counts come back after *msec*)."""
        self.label.setText(text)
        QTimer.singleShot(msec, self.label, self.refresh)
