"""Printing what is shown: preview, printer, PDF — for any HTML page of the app.

Takes a title and HTML (today the current document; later the duty list and
the meeting brief), lays it out on A4 with the bundled fonts, and prints it
through QPrintPreviewDialog, QPrintDialog or straight to a PDF file.
QTextDocument.print_ works offscreen, so tests print to PDF and read it back.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Union

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from ui.fonts import register_bundled_fonts
from ui.qt import QFont, QMarginsF, QPageLayout, QPageSize, QTextDocument, QWidget

MARGINS_MM = (26, 30, 26, 28)  # left, top, right, bottom: close to GB/T 9704's text block
# The page's HTML, or a function giving it for the printer's resolution (dots per inch),
# so that pixel sizes in it (indents, spacing) are right on paper.
Page = Union[str, Callable[[int], str]]


def make_document(page: Page, title: str, printer: QPrinter) -> QTextDocument:
    """Lay the page out directly at the printer's resolution, on its page size."""
    fonts = register_bundled_fonts()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    font = QFont(fonts.serif, 12)
    font.setFamilies([fonts.serif, fonts.sans])
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(printer.pageRect(QPrinter.Unit.DevicePixel).size())
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    doc.setHtml(page(printer.resolution()) if callable(page) else page)
    return doc


def setup_printer(printer: QPrinter, title: str) -> QPrinter:
    printer.setDocName(title)
    printer.setCreator("公报通")
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF(*MARGINS_MM),
                                      QPageLayout.Unit.Millimeter))
    return printer


def export_pdf(page: Page, title: str, path: Path) -> Path:
    """Write the page to *path* as PDF (fonts embedded, text searchable)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    printer = setup_printer(QPrinter(QPrinter.PrinterMode.HighResolution), title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    make_document(page, title, printer).print_(printer)
    return path


def preview(parent: QWidget | None, page: Page, title: str) -> int:
    """The print preview (its toolbar prints or exports); returns the dialog's result."""
    printer = setup_printer(QPrinter(QPrinter.PrinterMode.HighResolution), title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {title}")
    dialog.paintRequested.connect(lambda p: make_document(page, title, p).print_(p))
    dialog.resize(900, 1000)
    return dialog.exec()


def print_with_dialog(parent: QWidget | None, page: Page, title: str) -> bool:
    printer = setup_printer(QPrinter(QPrinter.PrinterMode.HighResolution), title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    make_document(page, title, printer).print_(printer)
    return True
