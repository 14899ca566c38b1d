"""Text from a gazette or a bookmark file, shown in a widget: always text, never HTML.

Qt guesses rich text (Qt::mightBeRichText) in QLabel, QMessageBox, tooltips
and the labels of its standard dialogs; a title holding `<img src="/dev/zero">`
would be read as markup: a file loaded from the disk, or the window aborting.
So every widget that shows such text gets it through here:

- labels and message boxes are set to plain text (label(), set_plain(), the
  message functions);
- where Qt offers no plain mode (tooltips, QInputDialog and QProgressDialog
  labels), the text is escaped inside an explicit rich-text block (as_rich());
- rich text we compose ourselves escapes every piece of data with escape().

Qt names are read on first call, not at import: the window's first stage
makes its status labels plain before Qt's enums are loaded. For the same
reason escape() does not import the standard `html` module: its entity table
(html.entities) costs ~8M instructions, 1.4% of a bare PySide6 window's
start, and the tree's first paint escapes its rows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.qt import QLabel, QMessageBox, QWidget

_PLAIN_TEXT = 0  # Qt.TextFormat.PlainText, without reading `Qt` (see ui/qt.py)


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "'": "&#x27;"})


def escape(text: str | None) -> str:
    """*text* as HTML text: every <, >, & and quote escaped, as html.escape(text, quote=True)
    writes them (one pass, so no & of an escape is escaped again)."""
    return (text or "").translate(_ESCAPES)


def as_rich(text: str | None) -> str:
    """*text* for a place that guesses rich text and cannot be told otherwise (tooltips,
    standard dialogs' labels): escaped, inside a block Qt reads as rich text, line breaks kept."""
    return "<qt>" + escape(text).replace("\n", "<br/>") + "</qt>"


def set_plain(label: QLabel) -> QLabel:
    """Make *label* show its text as it is."""
    label.setProperty("textFormat", _PLAIN_TEXT)
    return label


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows *text* as it is."""
    from ui.qt import QLabel
    widget = set_plain(QLabel(parent))
    widget.setText(text)
    return widget


def message_box(kind: str, parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A QMessageBox of *kind* (information, warning, critical, question) with plain text."""
    from ui.qt import QMessageBox, Qt
    icons = {"information": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning,
             "critical": QMessageBox.Icon.Critical, "question": QMessageBox.Icon.Question}
    box = QMessageBox(icons[kind], title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def run_dialog(box) -> int:
    """Show a modal dialog and wait for it: the one place a message waits for the user
    (tests replace it to answer dialogs without a person, so callers look it up here,
    as plain.run_dialog, each time)."""
    return box.exec()


def show_message(kind: str, parent: QWidget | None, title: str, text: str) -> None:
    """Show a message with one 确定 button and wait for it."""
    from ui.qt import QMessageBox
    box = message_box(kind, parent, title, text)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    run_dialog(box)
    box.deleteLater()  # (a parent's child otherwise, until the window closes)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    show_message("information", parent, title, text)


def offer(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """An information message with 确定 and a button *action* next to it (打开部门名录…);
    True when *action* was chosen."""
    from ui.qt import QMessageBox
    box = message_box("information", parent, title, text)
    chosen = box.addButton(action, QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton("确定", QMessageBox.ButtonRole.AcceptRole))
    run_dialog(box)
    box.deleteLater()
    return box.clickedButton() is chosen


def warn(parent: QWidget | None, title: str, text: str) -> None:
    show_message("warning", parent, title, text)


def ask(parent: QWidget | None, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
    """A question with two buttons named by the caller; True when *yes* was chosen."""
    from ui.qt import QMessageBox
    box = message_box("question", parent, title, text)
    accept = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(accept)
    run_dialog(box)
    box.deleteLater()
    return box.clickedButton() is accept
