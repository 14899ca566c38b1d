"""Answering the window's dialogs in tests as a user would, through ui.plain.run_dialog.

A file dialog is given the file(s) the test chose — typed into the real
QFileDialog, as a user types a name — and accepted; every dialog shown is kept,
so a test can look at its folder, filters and title. A message box is read and
its one button pressed; a question gets the button the test names.
"""
from __future__ import annotations

from pathlib import Path


class FileAnswers:
    def __init__(self, *answers, buttons=()):
        self.answers = list(answers)  # each a path, a list of paths, or None (cancel)
        self.shown = []  # the dialogs, in the order they were shown
        self.folders: list[Path] = []  # the folder each opened in
        self.buttons = list(buttons)  # the button to press in each question, by its text
        self.messages: list[str] = []  # the text of each message box, in order

    def __call__(self, dialog) -> int:
        from ui.qt import QFileDialog, QMessageBox
        if isinstance(dialog, QMessageBox) and (self.buttons or len(dialog.buttons()) == 1):
            return self._press(dialog)
        assert isinstance(dialog, QFileDialog), f"unexpected dialog: {dialog!r}"
        self.shown.append(dialog)
        self.folders.append(Path(dialog.directory().absolutePath()))
        assert self.answers, "a file dialog was shown that the test did not expect"
        answer = self.answers.pop(0)
        if answer is None:
            return 0
        paths = answer if isinstance(answer, (list, tuple)) else [answer]
        dialog.selectFile(" ".join(f'"{Path(p)}"' for p in paths) if len(paths) > 1
                          else str(Path(paths[0])))
        return 1


    def _press(self, box) -> int:
        """A message (one button: 确定) is read and closed; a question is answered with the
        next of *buttons*."""
        self.messages.append(box.text())
        wanted = self.buttons.pop(0) if len(box.buttons()) > 1 else box.buttons()[0].text()
        button = next(b for b in box.buttons() if b.text() == wanted)
        button.click()
        return 0


def answer_file_dialogs(monkeypatch, *answers, buttons=()) -> FileAnswers:
    """File dialogs get *answers*; messages are read (FileAnswers.messages) and questions
    answered with *buttons*, in order."""
    from ui import plain
    answering = FileAnswers(*answers, buttons=buttons)
    monkeypatch.setattr(plain, "run_dialog", answering)
    return answering
