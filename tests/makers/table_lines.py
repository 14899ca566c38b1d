"""A table fixture as a PDF importer would give it: its lines, with the flattened table replaced
by one models.source.Line per row (cells, table ordinal, header flag).

    from tests.makers.table_lines import pdf_lines
    lines = pdf_lines(folder, "table_qingdan_yuntai")         # list[Line]
    issue = parse_lines(lines, registry, "table_qingdan_yuntai.pdf")

Everything outside the table is exactly what models.source.split_lines gives for the .txt, so
the text import and this must give the same assignments (expected/<name>.json).
A row's Line.text is its non-null cells joined by one space (a guess: a parser should read
.cells); number is the file line of the row's first cell, so numbers still increase; the
header repeated on a later page is not in the JSON (readers drop it) and so not here.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from models.parse.line import Line
from models.parse.sources.text import split_lines


def pdf_lines(folder: Path, name: str) -> list[Line]:
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((folder / "tables" / f"{name}.json").read_text(encoding="utf-8"))
    lines = split_lines(text)
    out: list[Line] = []
    for table in spec["tables"]:
        first, last = table["text_lines"]
        before = [l for l in lines if l.number < first]
        after = [l for l in lines if l.number > last]
        inside = [l for l in lines if first <= l.number <= last]
        # the file line of each row's first cell: the header's, then each data row's 序号 line
        starts = [inside[0].number]
        serials = iter(str(r) for r in range(1, len(table["rows"])))
        want = next(serials)
        for l in inside[1:]:
            if l.text == want:
                starts.append(l.number)
                want = next(serials, None)
        rows = []
        for i, cells in enumerate(table["rows"]):
            rows.append(Line(number=starts[i], text=" ".join(c for c in cells if c is not None),
                             blank_before=True, cells=tuple(cells), table=table["table"],
                             header=(i == table["header_row"])))
        out = before + rows + after
        lines = out
    return [replace(l) for l in out]
