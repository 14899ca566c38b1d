"""What the window's first stage shows in place of the widgets made after the first paint.

The search field, the department button and the reading pane are made in
stage 2 (ui/startup/staged.py): their modules load classes with many enums
(`Qt`, QStyle, QTextBrowser) that the first paint does not need. Until then
these stand-ins hold their places: the same words (ui/labels.py), the same
size and look (ui/styles.py), cheap Qt classes only. Stage 2 moves focus and
any typed text across to the real widgets.
"""
from __future__ import annotations

from ui.labels import SEARCH_PLACEHOLDER, department_button
from ui.qt import QFrame, QLineEdit, QPalette, QSizePolicy, QToolButton
from ui.styles import BUTTON_IDLE


def search_stand_in() -> QLineEdit:
    """The search field (filter_search.search_field.SearchField) before it exists: one can type."""
    field = QLineEdit()
    field.setPlaceholderText(SEARCH_PLACEHOLDER)
    return field


def department_stand_in() -> QToolButton:
    """The filter bar's department button, no department picked (its height, its words)."""
    button = QToolButton()
    button.setText(department_button(None))
    button.setStyleSheet(BUTTON_IDLE)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def reading_stand_in() -> QFrame:
    """What an empty ui.window.reader.ReaderView looks like (a sunken panel in the base colour),
    without loading QTextBrowser and the text classes (~5 ms)."""
    pane = QFrame()
    pane.setFrameShape(QFrame.Shape.StyledPanel)
    pane.setFrameShadow(QFrame.Shadow.Sunken)
    pane.setBackgroundRole(QPalette.ColorRole.Base)
    pane.setAutoFillBackground(True)
    return pane
