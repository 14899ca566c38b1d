"""What the commands of cli/ use of ui/: an offscreen Qt application, and printing to PDF.

`duties --format pdf` and `bookmarks print` paint the same PrintJob the window
prints (ui/printing/pages.py), without a window or a display.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from models.views.print_html import PrintJob


def ensure_gui_app():
    """Return the running QApplication, or start an offscreen one (no display needed)."""
    from ui.qt import QApplication
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["gazette-desk"])
    return app


def print_job_to_pdf(job: PrintJob, path: Path) -> int:
    """Write *job* as a PDF (fonts embedded, text searchable); return the page count.
    Needs a QApplication (ensure_gui_app())."""
    from ui.printing.pages import print_job_to_pdf as paint
    return paint(job, path)
