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
from ui.qt import (QSizeF, QTextCursor, QTextDocument, QTextDocumentFragment, QTextFormat,
                   QTextTable)


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
    header, become a table of their own on the next page. Only those rows are copied (a
    selection of cells copies as a table of them), into a document of their own, so that
    *doc* changes in one edit and a split costs what it moves, not the whole table."""
    header, columns = table.format().headerRowCount(), table.columns()
    cells = QTextCursor(doc)
    cells.setPosition(table.cellAt(row, 0).firstCursorPosition().position())
    cells.setPosition(table.cellAt(table.rows() - 1, columns - 1).lastCursorPosition().position(),
                      QTextCursor.MoveMode.KeepAnchor)
    apart = QTextDocument()
    QTextCursor(apart).insertFragment(QTextDocumentFragment(cells))
    (rest,) = [f for f in apart.rootFrame().childFrames() if isinstance(f, QTextTable)]
    rest.insertRows(0, header)
    for r in range(header):  # the header's cells, as they are: format, paragraph and text
        for column in range(columns):
            source, target = table.cellAt(r, column), rest.cellAt(r, column)
            target.setFormat(source.format())
            text = QTextCursor(doc)
            text.setPosition(source.firstCursorPosition().position())
            text.setPosition(source.lastCursorPosition().position(),
                             QTextCursor.MoveMode.KeepAnchor)
            into = target.firstCursorPosition()
            into.setBlockFormat(source.firstCursorPosition().blockFormat())
            into.insertFragment(QTextDocumentFragment(text))
    _start_on_next_page(rest)
    whole = QTextCursor(apart)
    whole.setPosition(rest.firstPosition() - 1)
    whole.setPosition(rest.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor = QTextCursor(doc)
    cursor.setPosition(table.lastPosition() + 1)
    cursor.insertBlock()  # an empty block between two tables, which Qt does not show
    cursor.insertFragment(QTextDocumentFragment(whole))
    table.removeRows(row, table.rows() - row)  # (the caller makes it one edit)


def _unpaged_extents(doc: QTextDocument, table: QTextTable) -> tuple[float, list]:
    """*table* laid out once on one endless page (a copy, in a document of its own with
    *doc*'s width, font and paint device): the top of its frame and each row's extent,
    with no page break moving any row."""
    endless = QTextDocument()
    endless.documentLayout().setPaintDevice(doc.documentLayout().paintDevice())
    endless.setDefaultFont(doc.defaultFont())
    endless.setDocumentMargin(doc.documentMargin())
    endless.setPageSize(QSizeF(doc.pageSize().width(), 1e9))
    cursor = QTextCursor(doc)
    cursor.setPosition(table.firstPosition() - 1)
    cursor.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    QTextCursor(endless).insertFragment(QTextDocumentFragment(cursor))
    (copy,) = [f for f in endless.rootFrame().childFrames() if isinstance(f, QTextTable)]
    endless.documentLayout().documentSize()
    top = endless.documentLayout().frameBoundingRect(copy).top()
    return top, [row_extent(endless, copy, row) for row in range(copy.rows())]


def _planned_splits(doc: QTextDocument, table: QTextTable, page_height: float) -> list[int]:
    """The rows *table* will be split before, all found from one layout: its rows as they
    stand without pages, placed page after page as the splits will place them (each part
    under its header at a page's top, where *table* itself starts). For a table that starts
    at a page's top; the caller checks the result all the same."""
    header = table.format().headerRowCount()
    start = doc.documentLayout().frameBoundingRect(table).top()
    at_top = start - _page(start, page_height) * page_height  # where a part starts on a page
    frame_top, rows = _unpaged_extents(doc, table)
    if len(rows) - header < 2:
        return []
    lead = rows[header][0] - frame_top  # from a part's top to its first row's first line
    shift = start + lead - rows[header][0]  # endless → paged, for the part being placed
    splits = []
    for row in range(header + 1, len(rows)):
        top, bottom = rows[row][0] + shift, rows[row][1] + shift
        if bottom - top >= page_height * 0.9:
            continue  # as tall as a page: it runs over wherever it starts
        if _page(top, page_height) != _page(bottom - 1, page_height):
            part = (_page(top, page_height) + 1) * page_height + at_top
            shift = part + lead - rows[row][0]
            splits.append(row)
    return splits


def keep_rows_whole(doc: QTextDocument, page_height: float) -> bool:
    """Move every table row that runs over a page's foot to the next page (see above);
    whether any moved."""
    layout = doc.documentLayout()
    moved = False
    done = 0  # the leading tables found whole: a move further on shifts nothing before it,
    # so each row is measured once, not once per page moved (a 1,100-row list took 25 s)
    for _ in range(100_000):  # one move per page at most; bounded all the same
        layout.documentSize()  # Qt lays out lazily: finish it before reading positions
        tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
        found = None
        for index in range(done, len(tables)):
            row = _row_to_move(doc, tables[index], page_height)
            if row is not None:
                found = index, row
                break
            done = index + 1
        if found is None:
            return moved
        index, row = found
        table = tables[index]
        if row == table.format().headerRowCount():  # its first row: the whole table goes
            if not _start_on_next_page(table):
                return moved  # at the top of a page already
        else:
            # a part at a page's top (after a first split): all its splits found at once and
            # made from the last, in one edit, so the pages are laid out once, not once per
            # page (each a layout of all that follows: a 1,100-row list took 25 s); checked
            # again on the next turn, a row placed otherwise is mended one by one
            at_top = table.format().pageBreakPolicy() & \
                QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            splits = _planned_splits(doc, table, page_height) if at_top else []
            if splits[:1] != [row]:  # the plan must agree with the layout where it was
                splits = [row]  # measured; else this row alone, the plan made anew after
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            for at in reversed(splits):
                _split_before(doc, table, at)
            cursor.endEditBlock()
            if not at_top:
                done = index + 1  # its rows before *row* stay where they are
        moved = True
    return moved
