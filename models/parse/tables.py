"""Task tables (任务分工表, 重点任务清单): one row per task, units by their column.

A table reaches the parser two ways, and both must give the same rows:
- as rows of cells, from a reader that sees its grid (PDF, OFD, Word): Lines
  with .cells, the header row first (a merged cell is None: the row shares it);
- flattened by a text extraction: the header cells one to a line (序号 / 重点任务
  / 主要工作内容 / 牵头单位 / 配合单位 / 完成时限), then each row's cells one to a
  line, a row starting at its 序号. A merged cell has no line there: the row
  has one cell fewer, and the cell missing is the unit column (a unit list
  is told from a task or a deadline), which takes the row above's units.
What each column is comes from its header (roles.toml [table]); a table
without a unit column and a task column is no task table and stays text.
A repeated header (a new page) is skipped; 同上 takes the units above.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.parse.line import Line
from models.parse.subjects import _units
from models.registry.scope import Scope
from models.textnorm import fold, mend_spaces

UNIT_KINDS = ("lead", "support", "responsible")
_DEADLINE_LIKE = re.compile(r"(\d{4}年|\d{1,2}月|年底|月底|季度|长期|持续|常态|前$|以前|年内|每年|每月)")


@dataclass
class Column:
    header: str  # as printed
    kind: str  # serial | lead | support | responsible | deadline | task


@dataclass
class TableRow:
    """One task of a table, its cells read into what they are."""
    columns: list[Column]
    cells: list[str | None]  # in column order; merged and 同上 cells already filled in
    lines: list[Line]  # the source lines it was read from
    index: int  # 1-based position among the table's rows
    table: int  # 1-based ordinal of the table in its region
    units: dict[str, list[str]] = field(default_factory=dict)  # role → units as written

    def cell(self, kind: str) -> str:
        return next((c or "" for col, c in zip(self.columns, self.cells) if col.kind == kind), "")

    @property
    def serial(self) -> str:
        return self.cell("serial")

    def tasks(self) -> list[str]:
        return [c for col, c in zip(self.columns, self.cells) if col.kind == "task" and c]

    @property
    def task(self) -> str:
        """The most specific task cell (主要工作内容 over 重点任务): the clause's text."""
        tasks = self.tasks()
        return tasks[-1] if tasks else ""

    @property
    def task_name(self) -> str:
        tasks = self.tasks()
        return tasks[0] if len(tasks) > 1 else ""

    def note(self) -> str:
        """The unit and deadline cells as the clause's note: （牵头单位：…；完成时限：…）."""
        parts = [f"{col.header}：{c}" for col, c in zip(self.columns, self.cells)
                 if col.kind in (*UNIT_KINDS, "deadline") and c]
        return f"（{'；'.join(parts)}）" if parts else ""


def _compact(text: str) -> str:
    return fold(mend_spaces(text)).replace(" ", "")


def column_kind(header: str, scope: Scope) -> str | None:
    words = scope.roles.table_columns
    text = _compact(header)
    for kind in ("serial", "lead", "support", "responsible", "deadline"):
        if text in (_compact(w) for w in words.get(kind, ())):
            return kind
    if text in (_compact(w) for w in words.get("tasks", ())):
        return "task"
    return None


def header_columns(cells: list[str], scope: Scope) -> list[Column] | None:
    """The columns of a header, when it is a task table's (a unit column, a task column)."""
    kinds = [column_kind(c or "", scope) for c in cells]
    if None in kinds or not any(k in UNIT_KINDS for k in kinds) or "task" not in kinds:
        return None
    return [Column(mend_spaces(c or ""), k) for c, k in zip(cells, kinds)]


def _is_units(text: str, scope: Scope) -> bool:
    return text in scope.roles.table_columns.get("same_as_above", ()) or \
        _units(mend_spaces(text), scope) is not None


def _fits(kind: str, text: str, scope: Scope) -> bool:
    if kind in UNIT_KINDS:
        return _is_units(text, scope)
    if kind == "deadline":
        return len(text) <= 30 and bool(_DEADLINE_LIKE.search(text))
    if kind == "serial":
        return fold(text).strip().isdigit()
    return True


def _fill(row: TableRow, previous: TableRow | None, scope: Scope) -> None:
    """Merged (None) and 同上 cells of a unit column take the row above's; the units of each
    unit column by its role (a responsible column beside a lead one supports)."""
    same = scope.roles.table_columns.get("same_as_above", ())
    has_lead = any(c.kind == "lead" for c in row.columns)
    for k, col in enumerate(row.columns):
        value = row.cells[k]
        if col.kind in UNIT_KINDS and (value is None or value in same) and previous is not None:
            row.cells[k] = previous.cells[k]
        elif value is None and previous is not None and col.kind == "task":
            row.cells[k] = previous.cells[k]  # a task name spanning several rows
    for k, col in enumerate(row.columns):
        if col.kind in UNIT_KINDS and row.cells[k]:
            role = "support" if col.kind == "responsible" and has_lead else col.kind
            row.units.setdefault(role, []).extend(_units(mend_spaces(row.cells[k]), scope) or [])


# ------------------------------------------------------------- rows of cells
def _grid_table(lines: list[Line], start: int, scope: Scope) -> tuple[list[TableRow], int] | None:
    """The rows of the table whose Lines (with .cells) start at *start*, and where it ends."""
    first = lines[start]
    columns = header_columns(list(first.cells), scope)
    if columns is None:
        return None
    rows: list[TableRow] = []
    end = start + 1
    while end < len(lines) and lines[end].cells is not None and lines[end].table == first.table:
        line = lines[end]
        cells = list(line.cells)[: len(columns)] + [None] * (len(columns) - len(line.cells))
        if line.header or [_compact(c or "") for c in cells] == [_compact(c.header)
                                                                  for c in columns]:
            end += 1
            continue  # the header again
        row = TableRow(columns, [mend_spaces(c) if c else c for c in cells], [line],
                       len(rows) + 1, 0)
        _fill(row, rows[-1] if rows else None, scope)
        rows.append(row)
        end += 1
    return rows, end


# ----------------------------------------------------------- flattened text
def _flat_header(lines: list[Line], start: int, scope: Scope) -> list[Column] | None:
    cells = []
    for line in lines[start: start + 12]:
        if line.cells is not None or column_kind(line.text, scope) is None:
            break
        cells.append(line.text)
    return header_columns(cells, scope) if len(cells) >= 3 else None


def _flat_table(lines: list[Line], start: int, columns: list[Column], scope: Scope
                ) -> tuple[list[TableRow], int]:
    """Rows of a flattened table after its header: each from its 序号 line to the next."""
    n = len(columns)
    headers = [_compact(c.header) for c in columns]
    serial_first = columns[0].kind == "serial"
    rows: list[TableRow] = []
    i = start + n
    while i < len(lines):
        if [_compact(x.text) for x in lines[i:i + n]] == headers:
            i += n  # the header printed again on a new page
            continue
        if serial_first and _compact(lines[i].text) != str(len(rows) + 1):
            break
        row_lines = [lines[i]] if serial_first else []
        j = i + 1 if serial_first else i
        cells: list[str | None] = [lines[i].text] if serial_first else []
        for col in columns[1:] if serial_first else columns:
            if j >= len(lines) or (serial_first and _compact(lines[j].text) == str(len(rows) + 2)):
                cells.append(None)  # the row ended: a merged cell has no line
                continue
            text = lines[j].text
            if col.kind in UNIT_KINDS and not _fits(col.kind, text, scope):
                cells.append(None)  # merged with the row above
                continue
            if not _fits(col.kind, text, scope):
                break
            cells.append(text)
            row_lines.append(lines[j])
            j += 1
        if len(cells) < n or not any(c for col, c in zip(columns, cells) if col.kind == "task"):
            break
        row = TableRow(columns, [mend_spaces(c) if c else c for c in cells], row_lines,
                       len(rows) + 1, 0)
        _fill(row, rows[-1] if rows else None, scope)
        rows.append(row)
        i = j
    return rows, i


def split_tables(lines: list[Line], scope: Scope) -> list[Line | list[TableRow]]:
    """A region's lines with each task table replaced by its rows (a list of TableRow)."""
    out: list[Line | list[TableRow]] = []
    count = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        found = None
        if line.cells is not None:
            found = _grid_table(lines, i, scope)
        else:
            columns = _flat_header(lines, i, scope)
            if columns is not None:
                found = _flat_table(lines, i, columns, scope)
        if found and found[0]:
            rows, end = found
            count += 1
            for row in rows:
                row.table = count
            out.append(rows)
            i = end
            continue
        out.append(line)
        i += 1
    return out
