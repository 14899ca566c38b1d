"""The unit every reader hands the parser: a line of a text file, or a laid-out paragraph."""
from __future__ import annotations

from dataclasses import dataclass

Box = tuple[int, float, float, float, float]  # (page, x0, top, x1, bottom) in points, top-left origin


@dataclass(frozen=True)
class Line:
    """One line of a text file, or one paragraph (or table row) of a laid-out file.

    Every reader (text, PDF, Word, OFD) produces these for the one parser. A
    text file gives one per non-blank line and leaves the rest at their
    defaults; a reader that knows the layout says where a paragraph starts
    (*whole*), where it sits (*page*, *boxes*), how it is aligned, and gives
    table rows as *cells*.
    """
    number: int  # 1-based line number in a text file; the paragraph's ordinal in a laid-out file
    text: str  # stripped
    blank_before: bool  # a blank line (or a paragraph gap) separates it from the line before
    page: int | None = None  # 1-based page of the source file where it starts
    page_label: str | None = None  # the page number printed on that page ("17" of "— 17 —")
    boxes: tuple[Box, ...] = ()  # the printed lines it is made of, for outlining on the page
    whole: bool = False  # the layout says this is a paragraph of its own: never a page-break cut
    align: str = ""  # "center" | "right" | "" (left or justified)
    cells: tuple[str | None, ...] | None = None  # a table row; None marks a cell merged from above
    table: int | None = None  # ordinal of the table (in the file) the row belongs to
    header: bool = False  # a header row of its table (repeated on a new page: dropped by readers)


def place(node, lines: list[Line]) -> None:
    """Give *node* the page where its first line starts and the boxes of all its lines."""
    first = lines[0]
    node.page, node.page_label = first.page, first.page_label
    node.boxes = tuple(box for line in lines for box in line.boxes)
