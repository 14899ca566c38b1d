"""Importing gazettes from the window: 文件 → 导入公报… (several files), 导入文件夹…, or files
and folders dropped on the window; one job, off the UI thread, with a progress bar.

The files go to the user's library (models.store.content copies the default
one there on first import); the embedded library is never written. A folder
is walked for the formats the app reads (content.gazette_files). Each file is
imported on its own (content.import_files): one that fails leaves the others,
and the summary at the end names every failure with its message. Documents
already in the library are not replaced silently: once the job is over, one
question names every such file (ask_replace), and 替换 imports them again with
replace. 取消 stops after the file being imported. The flow tells the window by
its `finished` signal, which reloads the library.
"""
from __future__ import annotations

import traceback
from pathlib import Path
from typing import Callable

from models.errors import DuplicateDocumentError, GazetteError
from models.store.content import ImportResult, ImportSummary
from ui.error_dialogs import show_error, write_log
from ui.plain import ask
from ui.qt import QEvent, QObject, QThread, QWidget, Signal
from ui.window.import_progress import ImportJob

FILE_FILTER = ("公报文件 (*.pdf *.ofd *.docx *.txt);;PDF 文件 (*.pdf);;OFD 文件 (*.ofd);;"
               "Word 文件 (*.docx);;文本文件 (*.txt);;所有文件 (*)")
UNEXPECTED = "导入时出现意外问题，资料库未作改动。详细记录已写入日志。"


class ImportWorker(QThread):
    """Imports the files of *paths* (folders walked) one by one, telling as it goes."""
    counted = Signal(int)  # how many files the job has
    starting = Signal(int, str)  # the index and name of the file now being imported
    imported = Signal(object)  # its ImportResult (error set when it failed)
    waiting = Signal(str)  # another writer holds the library: what to tell the user

    def __init__(self, paths: list[Path], replace: bool = False, parent=None):
        super().__init__(parent)
        self.paths, self.replace = [Path(p) for p in paths], replace
        self.cancelled = False  # set from the UI thread: stop after the current file

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        from models.store.content import gazette_files, import_files
        files = gazette_files(self.paths)
        self.counted.emit(len(files))
        for index, path in enumerate(files):
            if self.cancelled:
                break
            self.starting.emit(index, path.name)
            try:
                for result in import_files([path], replace=self.replace,
                                           on_wait=self.waiting.emit):
                    self.imported.emit(result)
            except Exception as exc:  # a bug: logged, told as a failure of this file
                write_log("".join(traceback.format_exception(exc)))
                self.imported.emit(ImportResult(path, error=GazetteError(UNEXPECTED)))


def ask_replace(owner: QWidget | None, duplicates: list[ImportResult]) -> bool:
    """The one question about documents already in the library: every file is named with
    its documents; True for 替换 (import them again, replacing), False for 跳过."""
    lines = []
    for result in duplicates:
        numbers = [number for number, _, _ in result.error.duplicates]
        # the issue that holds them (a document imported on its own is its own "issue",
        # labelled by its 文号: not said twice)
        held = sorted({issue for _, _, issue in result.error.duplicates
                       if issue and issue not in numbers})
        lines.append(f"· {result.path.name}：{'、'.join(numbers)}"
                     + (f"（已收录于 {'、'.join(held)}）" if held else ""))
    text = ("以下文件中的公文已在库中：\n" + "\n".join(lines) +
            "\n\n替换：以这次导入的版本替换库中的版本（书签按条款保留）。\n跳过：不导入这些文件。")
    return ask(owner, "公文已在库中", text, yes="替换", no="跳过")


class ImportFlow(QObject):
    """Owns the worker thread and the dialogs of the import; accepts files dropped on *parent*."""

    finished = Signal(object)  # [ImportSummary, …] when the library changed, else None
    registry_requested = Signal(object)  # ImportSummary: 打开部门名录… for its unknown units

    def __init__(self, parent: QWidget, refusal: Callable[[], str | None] = lambda: None):
        super().__init__(parent)
        self.owner = parent  # the dialogs' parent, and where files are dropped
        self.refusal = refusal  # why no import can start now (a rebuild is writing), or None
        self.worker: ImportWorker | None = None
        self.progress = None  # ui.window.import_progress.ImportProgress while a job runs
        self.job: ImportJob | None = None
        # Dropped files: the window takes what its children refuse (Qt passes a drop on to
        # the parent); a text field would take a path as text, so it is asked first.
        from ui.qt import QLineEdit
        parent.setAcceptDrops(True)
        for widget in (parent, *parent.findChildren(QLineEdit)):
            widget.installEventFilter(self)

    # ------------------------------------------------------------ chosen
    def choose_and_import(self) -> None:
        from ui.file_dialogs import IMPORTS, open_files
        chosen = open_files(self.owner, "导入公报", FILE_FILTER, IMPORTS, several=True)
        if chosen:
            self.start(chosen)

    def choose_folder(self) -> None:
        from ui.file_dialogs import IMPORTS, open_folder
        folder = open_folder(self.owner, "导入文件夹中的公报", IMPORTS)
        if folder is not None:
            self.start([folder])

    def busy(self) -> bool:
        return self.worker is not None

    # ------------------------------------------------------------ dropped
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.start(paths)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ the job
    def start(self, paths: Path | list[Path], replace: bool = False,
              job: ImportJob | None = None) -> None:
        """Import *paths* (files and folders); *job* carries an earlier round's results."""
        from ui.window.import_progress import ImportProgress
        refused = "正在导入其他文件，请等这次导入完成后再试。" if self.busy() else self.refusal()
        if refused:
            from ui.plain import inform
            inform(self.owner, "导入公报", refused)
            return
        paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
        self.job = job or ImportJob()
        self.progress = ImportProgress(self.owner, "替换库中的公文" if replace else "导入公报")
        worker = self.worker = ImportWorker(paths, replace, self)
        worker.counted.connect(self._counted)
        worker.starting.connect(self.progress.starting)
        worker.imported.connect(self._imported)
        worker.waiting.connect(self.progress.waiting)
        worker.finished.connect(self._job_done)
        self.progress.cancel_requested.connect(worker.cancel)
        self.progress.show()
        worker.start()

    def _counted(self, total: int) -> None:
        self.job.total += total
        self.progress.set_total(total)

    def _imported(self, result: ImportResult) -> None:
        self.job.results.append(result)
        self.progress.advance()

    def _job_done(self) -> None:
        worker, job = self.worker, self.job
        worker.wait()
        job.cancelled = job.cancelled or worker.cancelled
        replacing = worker.replace
        self.worker = None
        worker.deleteLater()
        self.progress.finish()
        self.progress.deleteLater()
        self.progress = None
        duplicates = [r for r in job.results if isinstance(r.error, DuplicateDocumentError)]
        if duplicates and not replacing and not job.cancelled:
            job.results = [r for r in job.results if r not in duplicates]
            if ask_replace(self.owner, duplicates):
                job.total -= len(duplicates)  # counted again by the 替换 round
                self.start([r.path for r in duplicates], replace=True, job=job)
                return
            job.skipped = duplicates
        wanted = self._report(job)
        self.job = None
        done = job.done()
        self.finished.emit(done or None)
        if wanted is not None:
            self.registry_requested.emit(wanted)

    def _report(self, job: ImportJob) -> ImportSummary | None:
        """Tell how the job went; the import whose unknown units the user chose to sort out
        in the 部门名录 (not a dead end: it is a click away), if any."""
        from ui.window.import_progress import SHOWN_FAILURES, failure_line, summary_text
        failed = job.failed()
        if job.total == 1 and failed and not job.skipped:  # the one file chosen failed
            show_error(self.owner, str(failed[0].error), "无法导入")
            return None
        if job.total == 0:
            from ui.plain import warn
            warn(self.owner, "无法导入", "没有找到可导入的文件（支持 PDF、OFD、Word .docx 和文本 .txt）。")
            return None
        title, text = summary_text(job)
        if len(failed) > SHOWN_FAILURES:  # the box names the first ones; the log all
            write_log("导入时未能导入的文件：\n" + "\n".join(failure_line(r) for r in failed))
        from ui.plain import inform, offer, warn
        unknown = next((s for s in job.done() if s.issue.unknown_units), None)
        if unknown is not None:
            return unknown if offer(self.owner, title, text, "打开部门名录…") else None
        (warn if failed or job.cancelled else inform)(self.owner, title, text)
        return None


def dropped_paths(mime) -> list[Path]:
    """The local files and folders a drag carries (links and text are not imports)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
