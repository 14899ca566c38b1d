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


class AcceptAll:
    """Answers every dialog the window shows as a willing user would, and keeps what it saw.

    A file dialog to open gets the last file written that its filter takes (the
    bookmarks exported before), else one the test made for it (a gazette, a
    folder holding one); a file dialog to save gets a new name in
    the test's folder (each written file is checked by the test). A question is
    answered yes (替换, 删除 …), a message acknowledged, a text typed; a print
    preview lays its pages out and is closed (nothing goes to a printer); any
    other dialog has each of its action buttons pressed (预览, 导出 …: their own
    dialogs answered the same way), then is accepted.
    """

    def __init__(self, folder: Path, opens: dict[str, Path]):
        self.folder = folder
        self.opens = opens  # a pattern of the file filter (*.json) → the file to open
        self.saved: list[Path] = []  # every file a save dialog was told to write
        self.messages: list[tuple[str, str]] = []  # (title, text) of every message box
        self.warnings: list[tuple[str, str]] = []  # those shown as a warning or an error
        self.shown: list[str] = []  # the class and title of every dialog shown
        self.depth = 0  # dialogs answered inside the one being answered

    def __call__(self, dialog) -> int:
        from ui.qt import QDialog, QFileDialog, QInputDialog, QMessageBox, QPrintPreviewDialog
        self.shown.append(f"{type(dialog).__name__}: {dialog.windowTitle()}")
        self.depth += 1
        try:
            if isinstance(dialog, QFileDialog):
                return self._file(dialog)
            if isinstance(dialog, QMessageBox):
                self.messages.append((dialog.windowTitle(), dialog.text()))
                if dialog.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
                    self.warnings.append((dialog.windowTitle(), dialog.text()))
                yes = [b for b in dialog.buttons() if dialog.buttonRole(b) in (
                    QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole)]
                (yes or dialog.buttons())[0].click()
                return dialog.result()
            if isinstance(dialog, QInputDialog):
                dialog.setTextValue(dialog.textValue() + "（改）")
                dialog.accept()
                return dialog.result()
            if isinstance(dialog, QPrintPreviewDialog):
                return self._preview(dialog)
            if self.depth == 1:  # a dialog of options: each of its actions, then accept
                from ui.qt import QDialogButtonBox, QPushButton
                for box in dialog.findChildren(QDialogButtonBox):
                    for button in box.buttons():
                        if box.buttonRole(button) == QDialogButtonBox.ButtonRole.ActionRole \
                                and isinstance(button, QPushButton) and button.isEnabled():
                            button.click()
            dialog.accept()
            return QDialog.DialogCode.Accepted
        finally:
            self.depth -= 1

    def _file(self, dialog) -> int:
        from ui.qt import QFileDialog
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            suggested = Path(dialog.selectedFiles()[0]).name if dialog.selectedFiles() else "x"
            path = self.folder / f"{len(self.saved):02d}-{suggested}"
            self.saved.append(path)
            dialog.selectFile(str(path))
            return 1
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            dialog.selectFile(str(self.opens["folder"]))
            return 1
        filters = " ".join(dialog.nameFilters())
        written = [p for p in reversed(self.saved) if f"*{p.suffix}" in filters and p.is_file()]
        chosen = written[0] if written else next(  # what it wrote before, else a given file
            (path for pattern, path in self.opens.items() if pattern in filters), None)
        assert chosen is not None, f"no file for the filters {filters}"
        dialog.selectFile(str(chosen))
        return 1

    def _preview(self, dialog) -> int:
        from ui.qt import QWidget
        pages = [w for w in dialog.findChildren(QWidget) if type(w).__name__ ==
                 "QPrintPreviewWidget"]
        assert pages, "a print preview without its preview"
        pages[0].updatePreview()  # paintRequested: the printout is laid out
        assert pages[0].pageCount() > 0, dialog.windowTitle()
        dialog.reject()
        return 0
