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

from models.views.citation import WORD_JOINER
from models.views.print_html import KEEP_WITH_NEXT, MARGINS_MM, PrintJob
from ui.fonts import register_bundled_fonts
from ui.printing.table_rows import keep_rows_whole
from ui.qt import (QAbstractTextDocumentLayout, QFont, QFontMetricsF, QMarginsF, QPageLayout,
                   QPageSize, QPainter, QPen, QPrinter, QRectF, QSizeF, Qt, QTextBlockFormat,
                   QTextCharFormat, QTextCursor, QTextDocument, QTextFormat)

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
    doc.setUndoRedoEnabled(False)  # a printout is edited (rows kept whole) but never undone
    doc.setPageSize(QSizeF(rect.width(), body_height))
    doc.setHtml(html)
    return doc


def _joiners_in_the_texts_font(doc: QTextDocument) -> None:
    """Set the word joiners that keep a mark whole (views/citation.unbroken) in the face of
    the text around them. The bundled faces have no glyph for U+2060, and Qt would fetch
    one from any system font that has it and embed that font in the PDF for an invisible
    character; without font merging the joiner stays in the bundled face, invisible and
    of no width, and Qt's line breaking still honours it."""
    unmerged = QTextCharFormat()
    unmerged.setFontStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    found = doc.find(WORD_JOINER)
    if found.isNull():
        return
    found.beginEditBlock()
    while not found.isNull():
        found.mergeCharFormat(unmerged)
        found = doc.find(WORD_JOINER, found)
    found.endEditBlock()


def _anchor_pages(doc: QTextDocument, names: set[str], page_height: float) -> dict[str, int]:
    pages: dict[str, int] = {}
    layout = doc.documentLayout()
    layout.documentSize()  # Qt lays out lazily: finish it before reading positions
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


def _split_at_page_breaks(doc: QTextDocument, page_height: float) -> None:
    """End every paragraph that runs over a page at the page's foot.

    Qt draws a page by clipping the whole document, and for a paragraph that
    runs over from the page before it also draws the line above the clip
    (QTextLayout::draw starts one line early). That line is invisible but its
    text is in the PDF twice, so a search or a copy finds it twice (found by
    reading a brief back with pdftotext). Splitting such a paragraph in two
    where the page breaks — the second part with no first-line indent and no
    space above — prints the same page and leaves no paragraph across pages.
    Each part keeps its place (the first loses only the space below it, which
    the page's foot swallows), so the splits are all found in one layout and
    made in one edit, from the end of the document back.
    """
    layout = doc.documentLayout()
    layout.documentSize()  # Qt lays out lazily: finish it before reading positions
    splits = []  # (block position, offset in the block), in document order
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        if lines.lineCount() > 1:
            top = layout.blockBoundingRect(block).top()
            page = int((top + lines.lineAt(0).y()) // page_height)
            for i in range(1, lines.lineCount()):
                line_page = int((top + lines.lineAt(i).y()) // page_height)
                if line_page != page:
                    splits.append((block.position(), lines.lineAt(i).textStart()))
                    page = line_page
        block = block.next()
    if not splits:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for position, offset in reversed(splits):
        block = doc.findBlock(position)
        whole = block.blockFormat()
        before = QTextBlockFormat(whole)
        before.setBottomMargin(0)
        cursor.setPosition(position)
        cursor.setBlockFormat(before)
        cursor.setPosition(position + offset)
        after = QTextBlockFormat(whole)
        after.setTopMargin(0)
        after.setTextIndent(0)
        cursor.insertBlock(after)
    cursor.endEditBlock()


def _first_line_page(doc: QTextDocument, block, page_height: float) -> int:
    layout = doc.documentLayout()
    lines = block.layout()
    y = lines.lineAt(0).y() if lines.lineCount() else 0
    return int((layout.blockBoundingRect(block).top() + y) // page_height)


def _keep_headings_with_text(doc: QTextDocument, page_height: float) -> bool:
    """Move a heading that would end a page to the next page, with the text it heads.

    Qt's rich text has no page-break-after: avoid; a heading says it must stay
    with what follows by its block state KEEP_WITH_NEXT (models/views/print_html).
    When such a block and the next one start on different pages, the block — and
    the keep-with-next blocks just above it on its page (a document heading
    over a clause's title) — get a page break before them. Whether any moved.
    """
    layout = doc.documentLayout()
    moved = False
    for _ in range(1000):  # one move per page at most; bounded all the same
        layout.documentSize()  # Qt lays out lazily: finish it before reading positions
        block, move = doc.begin(), None
        while block.isValid() and move is None:
            after = block.next()
            if block.userState() == KEEP_WITH_NEXT and after.isValid():
                page = _first_line_page(doc, block, page_height)
                if _first_line_page(doc, after, page_height) != page:
                    move = block
                    while (move.previous().isValid()
                           and move.previous().userState() == KEEP_WITH_NEXT
                           and _first_line_page(doc, move.previous(), page_height) == page):
                        move = move.previous()
            block = after
        if move is None:
            return moved
        fmt = move.blockFormat()
        if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            return moved  # already at the top of a page: a heading taller than a page
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(move).setBlockFormat(fmt)
        moved = True
    return moved


def _draw_page(doc: QTextDocument, painter: QPainter, page: QRectF) -> None:
    """Draw one page's slice of *doc*, and only the lines that belong to it.

    A line can start exactly on the page's foot, and Qt draws every line that
    touches the clip, so the lines are chosen with a clip a hair inside the
    page; the painter still clips at the page itself.
    """
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = page.adjusted(0, 1, 0, -1)
    painter.setClipRect(page)
    doc.documentLayout().draw(painter, context)


def page_geometry(printer: QPrinter) -> tuple[float, float, float]:
    """(running head, text block, page number) heights in device pixels."""
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    dpi = printer.resolution()
    head_h = dpi * 0.45  # room for the running head above the text block
    foot_h = dpi * 0.55  # and for the page number below it
    return head_h, rect.height() - head_h - foot_h, foot_h


def lay_out_job(job: PrintJob, printer: QPrinter) -> QTextDocument:
    """The job laid out in pages of the text block, its table of contents settled."""
    prepare_printer(printer, job.title)
    dpi = printer.resolution()
    _, body_h, _ = page_geometry(printer)
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
    for _ in range(5):  # a row moved can bring a heading to a page's foot, a heading a row
        keep_rows_whole(doc, body_h)
        if not _keep_headings_with_text(doc, body_h):
            break
    _split_at_page_breaks(doc, body_h)
    _joiners_in_the_texts_font(doc)
    return doc


def print_job(job: PrintJob, printer: QPrinter) -> int:
    """Paint *job* onto *printer* (a PDF or a real printer); return the number of pages."""
    doc = lay_out_job(job, printer)
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    dpi = printer.resolution()
    head_h, body_h, foot_h = page_geometry(printer)
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
            _draw_page(doc, painter, QRectF(0, index * body_h, rect.width(), body_h))
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
    from models.whole_file import write_whole
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages: list[int] = []

    def write(temporary: Path) -> None:
        pages.append(print_job(job, make_pdf_printer(temporary)))
        _check_whole(temporary)
    write_whole(path, write)
    return pages[0]


def _check_whole(path: Path) -> None:
    """OSError when the PDF Qt wrote is not whole: its writer says nothing when the disk
    fills (an empty file, and 已生成), so the end of the file is read back."""
    import errno
    import os
    import shutil
    from models.parse.sources.pdf import is_whole_pdf
    with open(path, "rb") as written:
        written.seek(0, os.SEEK_END)
        written.seek(max(0, written.tell() - 4096))
        whole = is_whole_pdf(written.read())
    if not whole:
        full = shutil.disk_usage(path.parent).free < 4 * 1024 * 1024
        code = errno.ENOSPC if full else errno.EIO
        raise OSError(code, os.strerror(code), str(path))
