"""The 部门名录 as a part of the window: opens the dialog, applies what it asks.

An amendment is kept in the user data folder and applied to the user's library at
once (models.store.amend.amend_user_library: made from the default library first
when the official has not imported anything yet); then the window reloads its
library (`reload`), so the tree, the department picker and the filter show the
units as they are now, and the dialog is handed the new library.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.qt import QObject, QWidget

if TYPE_CHECKING:
    from models.registry.amendments import Amendment
    from models.store.content import ImportSummary
    from models.store.library import Library
    from ui.window.registry.dialog import RegistryDialog


class RegistryFlow(QObject):
    def __init__(self, parent: QWidget, library: Callable[[], Library],
                 reload: Callable[[], None], notify: Callable[[str, int], None],
                 refusal: Callable[[], str | None] = lambda: None):
        super().__init__(parent)
        self.owner, self.library, self.reload, self.notify = parent, library, reload, notify
        self.refusal = refusal  # why the library cannot be written now (a rebuild), or None
        self.dialog: RegistryDialog | None = None

    def open(self, government: str | None = None, unregistered_only: bool = False) -> None:
        """部门 → 部门名录…: the dialog (the one already open, brought forward)."""
        from ui.window.registry.dialog import RegistryDialog
        if self.dialog is None:
            self.dialog = RegistryDialog(self.library(), self.owner, government,
                                         unregistered_only)
            self.dialog.amend_requested.connect(self.apply)
            self.dialog.finished.connect(self._closed)
        else:
            self.dialog.set_library(self.library(), government)
            self.dialog.unregistered.setChecked(unregistered_only)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def open_for_import(self, summary: ImportSummary) -> None:
        """打开部门名录… after an import: the government whose units it did not know, only
        those units shown."""
        unknown = set(summary.issue.unknown_units)
        governments = [d.government for d in summary.issue.documents]
        known = {d.name: d.government for d in self.library().departments()}
        named = [known[n] for n in summary.issue.unknown_units if n in known]
        self.open(named[0] if named else (governments[0] if governments else None),
                  unregistered_only=bool(unknown))

    def apply(self, item: Amendment) -> None:
        """Keep and apply *item*, reload the window, show the dialog the units as they are."""
        from models.errors import GazetteError
        from models.store.amend import amend_user_library
        from ui.plain import warn
        from ui.qt import QApplication, Qt
        refused = self.refusal()
        if refused:
            warn(self.dialog or self.owner, "部门名录", refused)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            moved = amend_user_library(item, lambda message: self.notify(message, 5000))
        except GazetteError as exc:
            warn_later = str(exc)
        else:
            warn_later = ""
        finally:
            QApplication.restoreOverrideCursor()  # (whatever happened: never left busy)
        if warn_later:
            warn(self.dialog or self.owner, "部门名录", warn_later)
            return
        self.reload()
        done = item.describe(moved)
        if self.dialog is not None:
            self.dialog.set_library(self.library(), item.government,
                                    select=item.to if item.kind != "collective" else item.name)
            self.dialog.say(done)
        self.notify(done, 8000)

    def library_changed(self) -> None:
        """The window reopened its library (an import, a rebuild): an open dialog shows it,
        never the closed one (the units an import just met among them)."""
        if self.dialog is not None:
            self.dialog.set_library(self.library())

    def _closed(self, _result: int) -> None:
        self.dialog.deleteLater()
        self.dialog = None
