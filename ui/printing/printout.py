"""Printing what is shown: preview, printer, PDF — one path for every printout.

The current document, a department's duty list and a meeting brief are all
PrintJobs (models/views/print_html.py); ui/printing/pages.py paints them on A4
pages with the running head and the "— 1 —" page numbers of GB/T 9704. This
module adds the preview dialog (printing goes through the preview's toolbar).
QtPrintSupport loads when this module is first imported, when the user first
prints, not at start-up.
"""
from __future__ import annotations

from pathlib import Path

from models.views.print_html import Page, PrintJob
from ui.printing.pages import prepare_printer, print_job, print_job_to_pdf
from ui.qt import QPrinter, QPrintPreviewDialog, QWidget


def as_job(page: Page | PrintJob, title: str) -> PrintJob:
    return page if isinstance(page, PrintJob) else PrintJob(title, page, title)


def export_pdf(page: Page | PrintJob, title: str, path: Path) -> Path:
    """Write the page to *path* as PDF (fonts embedded, text searchable)."""
    print_job_to_pdf(as_job(page, title), Path(path))
    return Path(path)


def preview(parent: QWidget | None, page: Page | PrintJob, title: str) -> int:
    """The print preview (its toolbar prints or exports); returns the dialog's result."""
    job = as_job(page, title)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, job.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {job.title}")
    dialog.paintRequested.connect(lambda p: print_job(job, p))
    area = dialog.screen().availableGeometry()  # (a 1366×768 laptop: it must fit)
    dialog.resize(min(900, area.width() - 40), min(1000, area.height() - 60))
    from ui import plain
    result = plain.run_dialog(dialog)
    dialog.deleteLater()
    return result
