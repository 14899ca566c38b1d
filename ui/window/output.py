"""What leaves the window: a clause copied with its citation, printouts, PDF files.

Ctrl+P prints what is shown: the duty list while a department is picked,
else the current document. Everything printed goes through ui/printing/printout.py;
QtPrintSupport loads on first use, not at start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.qt import QApplication

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def copy_citation(window: MainWindow) -> str:
    """Ctrl+Shift+C: 《title》（文号）path and the clause's text, on the clipboard."""
    from models.views.citation import quote
    key = window.current_key()
    if not key:
        return ""
    text = quote(window.library, key)
    QApplication.clipboard().setText(text)
    window.notify("已复制条款及出处，可直接粘贴到文稿中", 4000)
    return text


def print_title(window: MainWindow) -> str:
    doc = window.docs.get(window.reader.document_key or "")
    if doc is None:
        return "公报通"
    from models.views.citation import citation
    return citation(doc)


def print_preview(window: MainWindow) -> None:
    if window.filter_bar.department:
        print_duty_list(window, preview_only=True)
        return
    if not window.reader.document_key:
        window.notify("请先在左侧选择要打印的公文", 4000)
        return
    from ui.printing import printout
    printout.preview(window, window.reader.print_html, print_title(window))


def print_duty_list(window: MainWindow, preview_only: bool = False) -> None:
    """打印职责清单: straight to the preview with the filter's roles (Ctrl+P), or the
    dialog with every option (menu)."""
    name = window.filter_bar.department
    if not name:
        window.notify("请先选择部门（Ctrl+E），再打印它的职责清单", 5000)
        window.open_picker()
        return
    from ui.printing.duty_list import DutyListDialog
    dialog = DutyListDialog(window.library, name, window, roles=window.filter_bar.roles(),
                            include_general=window.filter_bar.include_general())
    if preview_only:
        dialog.preview()
        dialog.deleteLater()
    else:
        dialog.exec()


def export_pdf(window: MainWindow, path: str | Path | None = None) -> Path | None:
    """导出为 PDF: the current document, asking where unless *path* is given."""
    if not window.reader.document_key:
        window.notify("请先在左侧选择要导出的公文", 4000)
        return None
    if path is None:
        from ui.qt import QFileDialog
        doc = window.docs[window.reader.document_key]
        suggested = str(Path.home() / f"{doc.doc_number or doc.short_title}.pdf")
        path, _ = QFileDialog.getSaveFileName(window, "导出为 PDF", suggested, "PDF 文件 (*.pdf)")
        if not path:
            return None
    from ui.printing import printout
    out = printout.export_pdf(window.reader.print_html, print_title(window), Path(path))
    window.notify(f"已导出：{out}", 6000)
    return out
