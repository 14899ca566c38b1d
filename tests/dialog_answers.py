"""Answering the window's dialogs in tests as a user would, through ui.plain.run_dialog.

A file dialog is given the file(s) the test chose — typed into the real
QFileDialog, as a user types a name — and accepted; every dialog shown is kept,
so a test can look at its folder, filters and title.
"""
from __future__ import annotations

from pathlib import Path


class FileAnswers:
    def __init__(self, *answers):
        self.answers = list(answers)  # each a path, a list of paths, or None (cancel)
        self.shown = []  # the dialogs, in the order they were shown
        self.folders: list[Path] = []  # the folder each opened in

    def __call__(self, dialog) -> int:
        from ui.qt import QFileDialog
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


def answer_file_dialogs(monkeypatch, *answers) -> FileAnswers:
    from ui import plain
    answering = FileAnswers(*answers)
    monkeypatch.setattr(plain, "run_dialog", answering)
    return answering
