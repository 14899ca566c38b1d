"""The user's library rebuilt in the background when a new version of the app made it stale.

The window opens at once on the old library (it can still be read: same
schema) and rebuilds it in a worker thread (models.store.content.
rebuild_user_library, one transaction under the writer lock): a line in the
status bar says 第 n / N 期 and offers 取消; the window's library is pinned
(Library.pin) so that everything it reads meanwhile is the old library, the
rows it shows included, until the rebuilt one is swapped in (`rebuilt`: the
window's reload_library keeps the position and the filter). 取消 rolls the
rebuild back: the old library serves on, and the next start rebuilds again.
An import or a 部门名录 amendment asked for meanwhile is refused with a
sentence (refusal()), and closing the window cancels the rebuild and waits for
the worker to stop between two issues (stop()), so the file is never left
half-written. A library whose schema this version cannot read is rebuilt
before the window opens, with a dialog (ui/window/rebuild_progress.py).
"""
from __future__ import annotations

import threading
import traceback
from typing import TYPE_CHECKING, Callable

from ui.qt import QObject, QThread, Signal

if TYPE_CHECKING:
    from models.store.library import Library
    from ui.qt import QStatusBar, QWidget

UNEXPECTED = "重建资料库时出现意外问题，详细记录已写入日志。"


class RebuildWorker(QThread):
    """Runs the rebuild; `outcome` says how it ended: ("done", warnings), ("cancelled",
    None) or ("failed", message)."""
    progressed = Signal(int, int)  # issues done, issues
    waiting = Signal(str)  # another writer holds the library: what to tell the user

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stopping = threading.Event()  # set from the UI thread: stop between two issues
        self.outcome: tuple[str, object] = ("cancelled", None)

    def cancel(self) -> None:
        self.stopping.set()

    def run(self) -> None:
        from models.errors import GazetteError, RebuildCancelled
        from models.store.content import rebuild_user_library
        try:
            warnings = rebuild_user_library(on_wait=self.waiting.emit,
                                            progress=self.progressed.emit,
                                            cancelled=self.stopping.is_set, if_stale=True)
            self.outcome = ("done", warnings)
        except RebuildCancelled:
            self.outcome = ("cancelled", None)
        except GazetteError as err:
            self.outcome = ("failed", str(err))
        except Exception as exc:  # a bug: logged; the old library serves on
            from ui.error_dialogs import write_log
            write_log("".join(traceback.format_exception(exc)))
            self.outcome = ("failed", UNEXPECTED)


class RebuildFlow(QObject):
    """Owns the worker and the status bar's line; tells the window when to reload."""

    rebuilt = Signal()  # the rebuilt library is complete: the window reloads it
    finished = Signal(str)  # "done", "cancelled" or "failed", once the window has been told

    def __init__(self, owner: QWidget, bar: QStatusBar, library: Callable[[], Library],
                 notify: Callable[[str, int], None]):
        super().__init__(owner)
        self.owner, self.bar, self.library, self.notify = owner, bar, library, notify
        self.worker: RebuildWorker | None = None
        self.settling: threading.Thread | None = None  # the WAL emptied after the swap
        self.line = None  # ui.window.rebuild_progress.RebuildLine while a rebuild runs
        self.done, self.total = 0, 0

    def busy(self) -> bool:
        return self.worker is not None

    def start_if_due(self) -> bool:
        """Start the rebuild when the window's library is the user's and stale (True)."""
        from models.locations import user_library_path
        from models.store.content import pending_rebuild
        library = self.library()
        if self.busy() or library is None or library.path != user_library_path():
            return False
        if pending_rebuild() != "serve":
            return False
        self.start()
        return True

    def start(self) -> None:
        from ui.window.rebuild_progress import RebuildLine
        self.library().pin()  # the window reads the old library until the swap
        self.done, self.total = 0, 0
        self.line = RebuildLine()
        self.bar.addPermanentWidget(self.line)
        worker = self.worker = RebuildWorker(self)
        worker.progressed.connect(self._progressed)
        worker.waiting.connect(self.line.waiting)
        worker.finished.connect(self._finished)
        self.line.cancel_requested.connect(self.cancel)
        worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.line is not None:
            self.line.progressed(done, total)

    def cancel(self) -> None:
        """取消: stop between two issues; the old library serves on."""
        if self.worker is not None:
            self.line.cancelling()
            self.worker.cancel()

    def refusal(self) -> str | None:
        """Why a write to the library (an import, a 部门名录 amendment) cannot start now, or
        None: it would wait for the rebuild's writer lock."""
        if not self.busy():
            return None
        where = f"（已完成第 {self.done} / {self.total} 期）" if self.total else ""
        return (f"正在按新版本重建资料库{where}，完成后才能写入资料库。请稍候再试；"
                "如需马上进行，可以先点状态栏中的“取消”停止重建。")

    def stop(self) -> None:
        """The window is closing: cancel, and wait for the worker (it stops between two
        issues, rolling the rebuild back: the file stays the old library, whole)."""
        if self.settling is not None:
            self.settling.join()  # (quick, and never left half-done)
        worker = self.worker
        if worker is None:
            return
        worker.finished.disconnect(self._finished)
        worker.cancel()
        worker.wait()
        self._end(worker)

    def _settle(self) -> None:
        """The old state no longer read: the rebuilt library moved from the WAL into the file,
        off the UI thread (models.store.build.checkpoint)."""
        from models.locations import user_library_path
        from models.store.build import checkpoint
        self.settling = threading.Thread(target=checkpoint, args=(user_library_path(),),
                                         name="rebuild-checkpoint")
        self.settling.start()

    def _end(self, worker: RebuildWorker) -> tuple[str, object]:
        self.worker = None
        worker.deleteLater()
        if self.line is not None:
            self.bar.removeWidget(self.line)
            self.line.deleteLater()
            self.line = None
        return worker.outcome

    def _finished(self) -> None:
        worker = self.worker
        if worker is None:
            return  # queued before the window closed: stop() has ended it already
        worker.wait()
        kind, detail = self._end(worker)
        if kind == "done":
            self.rebuilt.emit()  # the window opens the rebuilt library, closing the old one
            self._settle()
            self.notify(f"资料库已按新版本重建完成（{self.total} 期），现在显示的是新资料库。", 10000)
            if detail:
                tell_skipped(self.owner, detail)
        else:
            library = self.library()
            if library is not None:
                library.unpin()  # imports may write again: the window sees them on reload
            if kind == "cancelled":
                self.notify("已取消重建：仍在使用原来的资料库，下次启动时会再次按新版本重建。",
                            10000)
            else:
                from ui.plain import warn
                warn(self.owner, "重建资料库",
                     f"未能按新版本重建资料库：{detail}\n\n仍在使用原来的资料库；下次启动时会再试。")
        self.finished.emit(kind)


def tell_skipped(owner: QWidget | None, warnings: list[str]) -> None:
    """The kept imports a rebuild skipped (they no longer parse), each with why."""
    from ui.plain import warn
    warn(owner, "导入的公报", "\n\n".join(warnings))


def rebuild_before_opening(parent: QWidget | None = None) -> list[str]:
    """Rebuild the user's library before it is opened (its schema cannot be read), with a
    dialog that says why and how far it is; the kept imports it skipped (warnings), or
    GazetteError when it failed."""
    from models.errors import BadLibraryError
    from ui.window.rebuild_progress import RebuildDialog
    dialog = RebuildDialog(parent)
    worker = RebuildWorker(dialog)
    worker.progressed.connect(dialog.progressed)
    worker.waiting.connect(dialog.waiting)
    worker.finished.connect(dialog.finish)
    worker.start()
    dialog.exec()
    worker.wait()
    dialog.deleteLater()
    kind, detail = worker.outcome
    if kind != "done":
        raise BadLibraryError(f"未能按新版本重建资料库：{detail}")
    return detail
