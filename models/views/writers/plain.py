"""An OutDoc as plain text (a terminal, a paste) and as Markdown."""
from __future__ import annotations

from models.views.outdoc import EMPHASIS, Cell, OutDoc, Para, Span, Table

_TEXT_INDENT = {"entry": "  ", "body": "    ", "note": "    ", "due": "    "}


def _cell_line(table: Table, cell: Cell) -> str:
    return " ".join(table.cell_text(cell).split("\n"))


def to_text(doc: OutDoc) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            lines.append("  " + "　".join(block.header))
            for row in block.rows:
                lines.append("  " + "　".join(_cell_line(block, c) for c in row))
            continue
        if block.kind in ("h1", "h2") and lines:
            lines.append("")
        lines.append(_TEXT_INDENT.get(block.kind, "") + block.text)
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    for ch in "\\*_`[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_spans(spans: list[Span]) -> str:
    return "".join(f"**{_md_escape(s.text)}**" if s.style in EMPHASIS else _md_escape(s.text)
                   for s in spans if s.text)


def _md_para(para: Para) -> str:
    inner = _md_spans(para.spans)
    return {"title": f"# {inner}", "h1": f"## {inner}", "h2": f"### {inner}",
            "entry": f"**{_md_escape(para.text)}**", "note": f"> {inner}"}.get(para.kind, inner)


def to_markdown(doc: OutDoc) -> str:
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            out.append("| " + " | ".join(block.header) + " |")
            out.append("|" + " --- |" * len(block.header))
            for row in block.rows:
                out.append("| " + " | ".join("<br>".join(_md_spans(line) for line in cell)
                                             for cell in row) + " |")
        else:
            out.append(_md_para(block))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
