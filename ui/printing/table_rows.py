"""Table rows kept whole on a page, as Word's "不允许跨页断行" keeps them.

Qt's table layout moves a row to the next page only when none of its cells'
first lines fits on the page; a row whose first lines fit but whose later
lines do not is cut at the page's foot and finished on the next page (a
文号 on one page, its path on the next). Qt has no per-row setting for it,
so once the pages are laid out, a table is split before such a row: the
rows from it on become a second table, with the same header row, that
starts on the next page — what Word prints for a row that may not break.

The paragraph right after a table whose block state is KEEP_WITH_PREVIOUS
(the line under a duty table saying what was left out) is never alone at
the top of a page: the table's last row goes over with it.
"""
from __future__ import annotations

from models.views.print_html import KEEP_WITH_PREVIOUS
from ui.qt import QTextCursor, QTextDocument, QTextDocumentFragment, QTextFormat, QTextTable


def row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """(top of the first line, bottom of the last line) of *row*'s cells, in the document."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                tops.append(top + line.y())
                bottoms.append(top + line.y() + line.height())
            if block == last:
                break
            block = block.next()
    return (min(tops), max(bottoms)) if tops else (0.0, 0.0)


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _row_to_move(doc: QTextDocument, table: QTextTable, page_height: float) -> int | None:
    """The first row of *table* that must start on the next page; None if none."""
    header = table.format().headerRowCount()
    last_top = 0.0
    for row in range(header, table.rows()):
        top, bottom = row_extent(doc, table, row)
        last_top = top
        if bottom - top >= page_height * 0.9:
            continue  # as tall as a page: it runs over wherever it starts
        if _page(top, page_height) != _page(bottom - 1, page_height):
            return row
    cursor = QTextCursor(doc)
    cursor.setPosition(table.lastPosition() + 1)
    after = cursor.block()
    while after.isValid() and not after.text() and after.next().isValid():
        after = after.next()  # the empty block Qt keeps after a table, and does not show
    if (table.rows() > header and after.userState() == KEEP_WITH_PREVIOUS
            and after.layout().lineCount()):
        top = doc.documentLayout().blockBoundingRect(after).top() + after.layout().lineAt(0).y()
        if _page(top, page_height) != _page(last_top, page_height):
            return table.rows() - 1
    return None


def _start_on_next_page(table: QTextTable) -> bool:
    """Give *table* a page break before it; False when it has one already."""
    fmt = table.format()
    if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(fmt)
    return True


def _split_before(doc: QTextDocument, table: QTextTable, row: int) -> None:
    """Split *table* before *row* (a body row): the rows from it on, under a copy of the
    header, become a table of their own on the next page. The new table is made apart, in
    a document of its own, so that *doc* changes in one edit (one layout, not four)."""
    cursor = QTextCursor(doc)
    cursor.setPosition(table.firstPosition() - 1)  # the table's frame, exactly
    cursor.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    apart = QTextDocument()
    QTextCursor(apart).insertFragment(QTextDocumentFragment(cursor))
    (rest,) = [f for f in apart.rootFrame().childFrames() if isinstance(f, QTextTable)]
    header = table.format().headerRowCount()
    rest.removeRows(header, row - header)
    _start_on_next_page(rest)
    whole = QTextCursor(apart)
    whole.setPosition(rest.firstPosition() - 1)
    whole.setPosition(rest.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.setPosition(table.lastPosition() + 1)
    cursor.beginEditBlock()
    cursor.insertBlock()  # an empty block between two tables, which Qt does not show
    cursor.insertFragment(QTextDocumentFragment(whole))
    table.removeRows(row, table.rows() - row)
    cursor.endEditBlock()


def keep_rows_whole(doc: QTextDocument, page_height: float) -> bool:
    """Move every table row that runs over a page's foot to the next page (see above);
    whether any moved."""
    layout = doc.documentLayout()
    moved = False
    for _ in range(1000):  # one move per page at most; bounded all the same
        layout.documentSize()  # Qt lays out lazily: finish it before reading positions
        found = None
        for frame in doc.rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                row = _row_to_move(doc, frame, page_height)
                if row is not None:
                    found = frame, row
                    break
        if found is None:
            return moved
        table, row = found
        if row == table.format().headerRowCount():  # its first row: the whole table goes
            if not _start_on_next_page(table):
                return moved  # at the top of a page already
        else:
            _split_before(doc, table, row)
        moved = True
    return moved
