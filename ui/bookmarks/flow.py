"""Bookmarks in the window: Ctrl+D, the 书签 menu and dock, printing a meeting brief.

Everything stored goes through models/bookmarks/ (the user's own database in
the user data folder); this part adds the dialog to choose a collection and
write a note (ui/bookmarks/dialogs.py), the dock with the panel
(ui/bookmarks/panel.py), and the brief's printing and export. A read-only or
full user-data folder shows the reason and keeps the bookmarks readable.

Its interface to the rest of the window is what it is given: the host
QMainWindow that holds the dock and the window-wide Ctrl+D, the 书签 menu the
window's first stage made, the reading pane (its bookmark marks ☆/★, what is
shown), the open library (*library*), *open_key* to open a bookmarked clause
and *show_message* for the status bar. The window calls set_library() after an
import and add_current() for the tree's 收藏….
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from models.bookmarks import (BookmarkError, BookmarkStore, DamagedBookmarksError,
                              bookmark_store_path, exchange, repair)
from models.errors import GazetteError
from models.locations import user_data_dir
from models.views import brief
from models.views.citation import citation as cite_document
from models.whole_file import write_text_whole
from ui import plain
from ui.bookmarks.dialogs import BookmarkDialog
from ui.bookmarks.panel import BookmarksPanel
from ui.labels import WORD_FILES
from ui.plain import inform, warn
from ui.printing.save_file import save_as, text_writer
from ui.qt import QAction, QDialog, QDockWidget, QKeySequence, QObject, Qt

if TYPE_CHECKING:
    from models.store.library import Library
    from ui.qt import QMainWindow, QMenu
    from ui.window.reader import ReaderView


class BookmarkFlow(QObject):
    """The bookmark features of a main window."""

    def __init__(self, host: QMainWindow, path: Path, *, reader: ReaderView, menu: QMenu,
                 library: Callable[[], Library], open_key: Callable[[str], None],
                 show_message: Callable[[str, int], None]):
        super().__init__(host)
        self.host = host  # the parent of the dialogs, the holder of the dock
        self.path = Path(path)
        self.reader, self.library, self.show_message = reader, library, show_message
        self.store: BookmarkStore | None = None
        self.problem = ""  # what is wrong with the store, when something is
        self.last_collection: str | None = None
        self.panel = BookmarksPanel(None, library(), host)
        self.panel.openRequested.connect(open_key)
        self.panel.printRequested.connect(self.print_brief)
        self.panel.changed.connect(self.sync_marks)
        self.panel.salvageRequested.connect(self.open_salvaged_copy)
        self.panel.freshRequested.connect(self.start_fresh)
        reader.bookmark_requested.connect(self.add)
        self.dock = QDockWidget("书签", host)
        self.dock.setObjectName("bookmarks-dock")
        self.dock.setWidget(self.panel)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)  # its width: the
        # window's (ui/window/room.py: beside the reader when there is room, floating if not)
        self.open_store()
        if self.store is not None and not self.problem and not self.store.bookmarks():
            self.dock.hide()
        self.add_action = QAction("收藏当前条款…", host)
        self.add_action.setShortcut(QKeySequence("Ctrl+D"))
        self.add_action.setToolTip("收藏当前条款（Ctrl+D）")
        self.add_action.triggered.connect(self.add_current)
        host.addAction(self.add_action)
        toggle = self.dock.toggleViewAction()
        toggle.setText("书签面板")
        toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
        toggle.setToolTip("显示或隐藏书签面板（Ctrl+Shift+B）")
        menu.setToolTipsVisible(True)
        menu.addAction(self.add_action)
        menu.addAction(toggle)
        menu.addSeparator()
        for text, slot in (("打印会议材料…", lambda: self.print_brief(None)),
                           ("导出会议材料为 PDF…", self.export_brief_pdf),
                           ("导出会议材料为 Word…", self.export_brief_word),
                           ("导出会议材料（Markdown / 文本）…", self.export_brief),
                           ("导出全部书签（换电脑用）…", self.export_json),
                           ("导入书签…", self.import_json)):
            action = menu.addAction(text)
            action.triggered.connect(slot)
        self.menu = menu

    # -------------------------------------------------------------- store
    def open_store(self) -> None:
        """Open the user's store; what is wrong with it (damaged, read-only, a full disk)
        shows in the panel, and the window goes on without it."""
        damaged = False
        try:
            self.store = BookmarkStore(self.path)
            self.problem = self.store.read_only_reason if self.store.read_only else ""
        except BookmarkError as err:
            self.store, self.problem = None, str(err)
            damaged = isinstance(err, DamagedBookmarksError)
        self.panel.set_store(self.store, self.problem, damaged)
        if self.problem:
            self.dock.show()
        self.sync_marks()

    def open_salvaged_copy(self) -> None:
        try:
            self.store = repair.salvage(self.path)
        except (BookmarkError, OSError) as err:
            warn(self.host, "书签", f"无法读出损坏的书签文件：{err}")
            return
        self.problem = self.store.read_only_reason
        self.panel.set_store(self.store, self.problem, damaged=True)
        self.sync_marks()

    def start_fresh(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        try:
            kept = repair.start_fresh(self.path)
        except BookmarkError as err:
            warn(self.host, "书签", str(err))
            return
        self.open_store()
        if self.store is not None and not self.problem:
            inform(self.host, "书签", f"已新建书签文件。损坏的文件已改名保留为：\n{kept}")

    def usable(self, writing: bool = False) -> bool:
        """Whether the store can be read (or written); if not, say why."""
        if self.store is not None and not (writing and self.store.read_only):
            return True
        warn(self.host, "书签", self.problem or "书签文件不可用。")
        self.dock.show()
        return False

    # ------------------------------------------------------------ library
    def set_library(self, library: Library) -> None:
        self.panel.set_library(library)

    def set_zoom(self, zoom: float) -> None:
        """The panel's text at the window's zoom (as the tree's and the reader's)."""
        from ui.fonts import zoomed_font
        self.panel.setFont(zoomed_font(zoom))

    def sync_marks(self) -> None:
        """Tell the reading pane which clauses are bookmarked (★ instead of ☆)."""
        keys: frozenset[str] = frozenset()
        if self.store is not None:
            try:
                keys = frozenset(m.key for m in self.store.bookmarks())
            except BookmarkError:
                pass  # the panel says what is wrong
        self.reader.set_bookmarked(keys)

    def current_key(self) -> str | None:
        reader = self.reader
        if reader.current:
            return reader.current
        if reader.document_key:
            return self.library().title_key(reader.document_key)
        return None

    # ------------------------------------------------------------- adding
    def add_current(self) -> None:
        key = self.current_key()
        if key is None:
            inform(self.host, "收藏", "请先在左侧选中要收藏的公文或条款。")
            return
        self.add(key)

    def add(self, key: str) -> None:
        if not self.usable(writing=True):
            return
        library = self.library()
        node = library.node(key)
        doc = library.document(node.document_key)
        citation = cite_document(doc, "" if node.kind == "title" else node.path)
        names = [c.name for c in self.store.collections()]
        dialog = BookmarkDialog(citation, "" if node.kind == "title" else node.heading, names,
                                self.last_collection, self.host)
        accepted = plain.run_dialog(dialog) == QDialog.DialogCode.Accepted
        collection, note = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return
        if not collection:
            return
        try:
            mark = self.store.add(library, key, collection, note)
        except GazetteError as err:
            warn(self.host, "收藏", str(err))
            return
        self.last_collection = collection
        self.dock.show()
        self.panel.show_added(mark)
        self.sync_marks()
        self.show_message(f"已收藏到“{collection}”：{citation}", 4000)

    # ----------------------------------------------------------- the brief
    def _choose_collection(self, name: str | None) -> str | None:
        if not self.usable():
            return None
        if name:
            return name
        name = self.panel.current_collection() or self.last_collection
        names = [c.name for c in self.store.collections()]
        if name in names:
            return name
        if len(names) == 1:
            return names[0]
        if not names:
            inform(self.host, "会议材料", "还没有书签。选中条款后按 Ctrl+D 收藏。")
            return None
        inform(self.host, "会议材料", "请先在书签面板中选中一个收藏夹。")
        self.dock.show()
        return None

    def print_brief(self, name: str | None) -> None:
        name = self._choose_collection(name)
        if not name:
            return
        from ui.printing import printout
        job = brief.to_print_job(name, self.store.resolved(self.library(), name))
        printout.preview(self.host, job, job.title)

    def export_brief_pdf(self) -> None:
        name = self._choose_collection(None)
        if not name:
            return
        from ui.printing import printout
        job = brief.to_print_job(name, self.store.resolved(self.library(), name))
        self._saved(save_as(self.host, "导出会议材料为 PDF", f"{name}.pdf", "PDF 文件 (*.pdf)",
                            lambda path, _: printout.export_pdf(job, job.title, path)))

    def export_brief_word(self) -> None:
        """The brief as a .docx for WPS and Word: the same items and order as the PDF."""
        name = self._choose_collection(None)
        if not name:
            return
        marks = self.store.resolved(self.library(), name)
        self._saved(save_as(self.host, "导出会议材料为 Word", f"{name}.docx", WORD_FILES,
                            lambda path, _: brief.write_docx(name, marks, path)))

    def export_brief(self) -> None:
        name = self._choose_collection(None)
        if not name:
            return
        marks = self.store.resolved(self.library(), name)

        def write(path: Path, chosen: str) -> None:
            as_text = path.suffix == ".txt" or "txt" in chosen
            render = brief.to_text if as_text else brief.to_markdown
            write_text_whole(path, render(name, marks))
        self._saved(save_as(self.host, "导出会议材料", f"{name}.md",
                            "Markdown 文件 (*.md);;文本文件 (*.txt)", write))

    def export_json(self) -> None:
        if not self.usable():
            return
        text = json.dumps(exchange.export_json(self.store), ensure_ascii=False, indent=2)
        self._saved(save_as(self.host, "导出书签", "公报通书签.json", "书签文件 (*.json)",
                            text_writer(text)))

    def import_json(self) -> None:
        if not self.usable(writing=True):
            return
        from ui.file_dialogs import BOOKMARKS, open_files
        chosen = open_files(self.host, "导入书签", "书签文件 (*.json)", BOOKMARKS, several=False)
        if not chosen:
            return
        path = chosen[0]
        try:
            report = exchange.import_file(self.store, Path(path))
        except BookmarkError as err:
            warn(self.host, "导入书签", str(err))
            return
        self.panel.refresh()
        self.sync_marks()
        self.dock.show()
        inform(self.host, "导入书签", report.message())

    def _saved(self, path: Path | None) -> None:
        if path is not None:
            self.show_message(f"已保存到 {path}", 4000)


def install(host: QMainWindow, **parts) -> BookmarkFlow:
    """Add the bookmark features to *host* (the parts: see BookmarkFlow). They are always
    there: a store that cannot be opened is shown in the panel with the reason, and the
    window goes on."""
    return BookmarkFlow(host, bookmark_store_path(user_data_dir()), **parts)
