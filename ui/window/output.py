"""What leaves the window: a clause copied with its citation, printouts, PDF files.

Ctrl+P prints what is shown: the duty list while a department is picked,
else the current document; the department's list also goes to Word and its
deadlines to the calendar (ui/printing/duty_exports.py). Everything printed goes through
ui/printing/printout.py; QtPrintSupport loads on first use, not at start-up.

A part of the window with a small explicit interface: it reads the reading
pane (what is shown, its HTML for paper), asks *library* for the open library,
*document* for a document by key and *selection* for the filter (ui.window.
filter_search.controller.Selection), and tells the user through *notify*; it
emits department_needed when the duty list is asked for with no department.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ui.qt import QApplication, QObject, Signal

if TYPE_CHECKING:
    from models.store.library import DocumentInfo, Library
    from ui.qt import QWidget
    from ui.window.filter_search.controller import Selection
    from ui.window.reader import ReaderView


class OutputActions(QObject):
    department_needed = Signal()  # the duty list was asked for before a department was picked

    def __init__(self, parent: QWidget, reader: ReaderView, library: Callable[[], Library],
                 document: Callable[[str], DocumentInfo | None],
                 selection: Callable[[], Selection], notify: Callable[[str, int], None]):
        super().__init__(parent)
        self.parent_widget = parent  # of the dialogs
        self.reader, self.library, self.document = reader, library, document
        self.selection, self.notify = selection, notify

    def current_key(self) -> str | None:
        return self.reader.current or self.reader.document_key

    def copy_citation(self, with_page: bool = False) -> str:
        """Ctrl+Shift+C: 《title》（文号）path and the clause's text, on the clipboard;
        *with_page* (Ctrl+Alt+C): the citation ends in （第17页） when the page is known."""
        from models.views.citation import page_of, quote
        key, library = self.current_key(), self.library()
        if not key:
            return ""
        text = quote(library, key, with_page=with_page)
        QApplication.clipboard().setText(text)
        if with_page and not page_of(library.node(key)):  # no page to add
            self.notify("已复制条款及出处；本公文不是从 PDF 或 OFD 导入的，没有页码可注明", 6000)
        else:
            self.notify("已复制条款及出处" + ("和页码" if with_page else "")
                        + "，可直接粘贴到文稿中", 4000)
        return text

    def print_title(self) -> str:
        doc = self.document(self.reader.document_key or "")
        if doc is None:
            return "公报通"
        from models.views.citation import citation
        return citation(doc)

    def print_preview(self) -> None:
        """Ctrl+P: the department's duty list while one is picked, else the document."""
        if self.selection().department:
            self.print_duty_list(preview_only=True)
            return
        if not self.reader.document_key:
            self.notify("请先在左侧选择要打印的公文", 4000)
            return
        self.print_document()

    def print_document(self) -> None:
        """The document shown, in the print preview (打印此公文…)."""
        from ui.printing import printout
        printout.preview(self.parent_widget, self.reader.print_html, self.print_title())

    def print_duty_list(self, preview_only: bool = False, action: str = "") -> None:
        """打印职责清单: straight to the preview with the filter's roles (Ctrl+P), or the
        dialog with every option (menu); *action*, a method of the dialog, does one thing
        with the filter's roles instead (the 文件 menu's exports)."""
        selection = self.selection()
        name, roles, general = selection
        if not name:
            what = "打印" if not action else "导出"
            self.notify(f"请先选择部门（Ctrl+E），再{what}它的职责清单", 5000)
            self.department_needed.emit()
            return
        from ui.printing.duty_list import DutyListDialog
        dialog = DutyListDialog(self.library(), name, self.parent_widget, roles=roles,
                                include_general=general, government=selection.government)
        if preview_only or action:
            getattr(dialog, action or "preview")()
        else:
            from ui import plain
            plain.run_dialog(dialog)
        dialog.deleteLater()

    def export_duty_word(self) -> None:
        """文件 › 导出职责清单为 Word…: the department's list (table and full texts)."""
        self.print_duty_list(action="export_word")

    def export_duty_calendar(self) -> None:
        """文件 › 导出时限到日历…: the department's deadlines, one message after."""
        self.print_duty_list(action="export_calendar")

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        """导出为 PDF: the current document, asking where unless *path* is given."""
        key = self.reader.document_key
        if not key:
            self.notify("请先在左侧选择要导出的公文", 4000)
            return None
        if path is None:
            from ui.file_dialogs import save_file
            doc = self.document(key)
            path, _ = save_file(self.parent_widget, "导出为 PDF",
                                f"{doc.doc_number or doc.short_title}.pdf", "PDF 文件 (*.pdf)")
            if path is None:
                return None
        from ui.printing import printout
        out = printout.export_pdf(self.reader.print_html, self.print_title(), Path(path))
        self.notify(f"已导出：{out}", 6000)
        return out
