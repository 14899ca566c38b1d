"""Printing a PrintJob on A4 pages the way GB/T 9704-2012 sets an official document.

QTextDocument.print_ cannot draw a running head or the "— 1 —" page numbers
of the standard, so pages are painted one by one: the document is laid out
at the printer's resolution in the text block (156 × 225 mm inside the
standard's margins), then each page gets its head, its slice of the text and
its number. When the job has a table of contents, the layout is done again
with the page numbers found in the first pass.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from models.printdoc import MARGINS_MM, PrintJob
from ui.fonts import register_bundled_fonts

HEAD_PT = 10.5  # 五号
FOOT_PT = 14  # 四号, as the standard's page numbers


def make_pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def prepare_printer(printer: QPrinter, title: str) -> None:
    printer.setDocName(title)
    printer.setCreator("公报通")
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def _layout(html: str, printer: QPrinter, body_height: float) -> QTextDocument:
    fonts = register_bundled_fonts()
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    font = QFont(fonts.serif, 16)
    font.setFamilies([fonts.serif, fonts.sans])
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(rect.width(), body_height))
    doc.setHtml(html)
    return doc


def _anchor_pages(doc: QTextDocument, names: set[str], page_height: float) -> dict[str, int]:
    pages: dict[str, int] = {}
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                if name in names:
                    top = layout.blockBoundingRect(block).top()
                    pages[name] = int(top // page_height) + 1
            it += 1
        block = block.next()
    return pages


def print_job(job: PrintJob, printer: QPrinter) -> int:
    """Paint *job* onto *printer* (a PDF or a real printer); return the number of pages."""
    prepare_printer(printer, job.title)
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    dpi = printer.resolution()
    head_h = dpi * 0.45  # room for the running head above the text block
    foot_h = dpi * 0.55  # and for the page number below it
    body_h = rect.height() - head_h - foot_h
    html = job.with_toc({}, dpi)
    doc = _layout(html, printer, body_h)
    if job.toc_entries and doc.pageCount() > 1:
        names = {a for a, _ in job.toc_entries}
        pages: dict[str, int] = {}
        for _ in range(3):  # the TOC itself moves what follows: settle in a few passes
            doc = _layout(job.with_toc(pages or {a: 0 for a in names}, dpi), printer, body_h)
            found = _anchor_pages(doc, names, body_h)
            if found == pages:
                break
            pages = found
        if doc.pageCount() <= 1:  # one page needs no table of contents
            doc = _layout(html, printer, body_h)
    fonts = register_bundled_fonts()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印（打印机或 PDF 文件不可写）")
    try:
        count = doc.pageCount()
        for index in range(count):
            if index:
                printer.newPage()
            head_font = QFont(fonts.sans, 1)
            head_font.setPointSizeF(HEAD_PT)
            painter.setFont(head_font)
            painter.setPen(QPen(Qt.GlobalColor.black))
            head = QFontMetricsF(head_font, printer).elidedText(
                job.running_head, Qt.TextElideMode.ElideMiddle, rect.width())
            painter.drawText(QRectF(0, 0, rect.width(), head_h * 0.7),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, head)
            pen = QPen(Qt.GlobalColor.black)
            pen.setWidthF(dpi / 150)
            painter.setPen(pen)
            painter.drawLine(0, int(head_h * 0.8), int(rect.width()), int(head_h * 0.8))
            painter.save()
            painter.translate(0, head_h - index * body_h)
            doc.drawContents(painter, QRectF(0, index * body_h, rect.width(), body_h))
            painter.restore()
            foot_font = QFont(fonts.serif, 1)
            foot_font.setPointSizeF(FOOT_PT)
            painter.setFont(foot_font)
            # GB/T 9704 §7.5: page numbers "— 1 —", odd pages right, even pages left.
            align = Qt.AlignmentFlag.AlignRight if index % 2 == 0 else Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRectF(0, head_h + body_h, rect.width(), foot_h),
                             align | Qt.AlignmentFlag.AlignVCenter, f"— {index + 1} —")
        return count
    finally:
        painter.end()


def print_job_to_pdf(job: PrintJob, path: Path) -> int:
    """Write *job* as a PDF with embedded fonts and searchable text; return the page count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return print_job(job, make_pdf_printer(path))
