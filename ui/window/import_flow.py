"""文件 → 导入公报…: choose a text, import it off the UI thread, report in Chinese.

The import goes to the user's library (models.store.content copies the default
one there on first import); the embedded library is never written. The flow
tells the window by its `finished` signal, which reloads the library. Parsing a
gazette takes a moment, so it runs in a QThread behind a busy progress dialog.
"""
from __future__ import annotations

import traceback
from pathlib import Path

from models.store.content import ImportSummary, import_gazette
from models.errors import DuplicateDocumentError, GazetteError
from ui.error_dialogs import show_error, write_log
from ui.plain import as_rich, ask, inform
from ui.qt import (QObject, QProgressDialog, Qt, QThread, QWidget,
                   Signal)

FILE_FILTER = ("公报文件 (*.pdf *.ofd *.docx *.txt);;PDF 文件 (*.pdf);;OFD 文件 (*.ofd);;"
               "Word 文件 (*.docx);;文本文件 (*.txt);;所有文件 (*)")


class ImportWorker(QThread):
    succeeded = Signal(object)  # ImportSummary
    failed = Signal(object)  # the exception
    waiting = Signal(str)  # another writer holds the library: what to tell the user

    def __init__(self, path: Path, replace: bool = False, parent=None):
        super().__init__(parent)
        self.path, self.replace = Path(path), replace

    def run(self) -> None:
        try:
            self.succeeded.emit(import_gazette(self.path, replace=self.replace,
                                               on_wait=self.waiting.emit))
        except Exception as exc:  # handed to the UI thread, which shows it
            if not isinstance(exc, GazetteError):
                write_log("".join(traceback.format_exception(exc)))
            self.failed.emit(exc)


class ImportFlow(QObject):
    """Owns the worker thread and the dialogs of one import."""

    finished = Signal(object)  # ImportSummary when the library changed, else None

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.owner = parent  # the dialogs' parent
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None

    def choose_and_import(self) -> None:
        from ui.file_dialogs import IMPORTS, open_files
        chosen = open_files(self.owner, "导入公报", FILE_FILTER, IMPORTS, several=False)
        if chosen:
            self.start(chosen[0])

    def start(self, path: Path, replace: bool = False) -> None:
        self.progress = QProgressDialog(as_rich(f"正在导入 {path.name}……"), "", 0, 0, self.owner)
        self.progress.setWindowTitle("导入公报")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self.worker = ImportWorker(path, replace, self)
        self.worker.succeeded.connect(self._done)
        self.worker.waiting.connect(self._waiting)
        self.worker.failed.connect(lambda exc: self._failed(exc, path))
        self.worker.start()

    def _waiting(self, message: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(as_rich(message))

    def _close_progress(self) -> None:
        if self.worker:
            self.worker.wait()
        if self.progress:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, summary: ImportSummary) -> None:
        self._close_progress()
        issue = summary.issue
        lines = [f"已导入：{issue.title or ''} {issue.label}（{len(issue.documents)} 件公文）"]
        lines += [f"　{d.doc_number or '（无文号）'}　{d.title}" for d in issue.documents[:12]]
        lines += summary.notes
        inform(self.owner, "导入完成", "\n".join(lines))
        self.finished.emit(summary)

    def _failed(self, exc: Exception, path: Path) -> None:
        self._close_progress()
        if isinstance(exc, DuplicateDocumentError):
            if ask(self.owner, "公文已在库中", f"{exc}\n\n是否以新导入的版本替换库中的版本？",
                   "替换", "跳过"):
                self.start(path, replace=True)
                return
        elif isinstance(exc, GazetteError):
            show_error(self.owner, str(exc), "无法导入")
        else:
            show_error(self.owner, f"导入 {path.name} 时出现意外问题，资料库未作改动。\n"
                       "详细记录已写入日志。", "无法导入")
        self.finished.emit(None)
