"""Gazettes and single documents styled as GB/T 9704 prints them, ready for typeset().

The seed gazette (cover, 目录, each document on new pages, running head and
page numbers) and one document of tests/fixtures/duty_forms with its task
table set as a ruled table instead of the text's one cell per line: the
fixed-layout files (PDF, OFD) the format tests read back and compare with the
text import of the same content.
"""
from __future__ import annotations

from tests.makers.typeset import RED, Block, TypesetPage, typeset


def seed_blocks(text: str) -> tuple[list[Block], int]:
    """The seed gazette (tests/makers/seed_blocks.py: one block per paragraph the text parser
    sees) styled as printed, and the index of the first document's first block (where page
    numbering starts).

    The cover and the 目录 keep their lines; each document starts on a new page with its
    GB/T 9704 elements styled as the standard prescribes: titles centred on the lines the
    source broke them at, the 版记's organ and date on one line, as the standard sets them.
    """
    from models.store.content import load_content_registry
    from tests.makers.seed_blocks import issue_blocks

    cover, *documents = issue_blocks(load_content_registry(), text)
    blocks: list[Block] = []
    title = cover[0].text
    toc = next((i for i, b in enumerate(cover) if b.kind == "toc"), len(cover))
    repeat = next((i for i in range(1, toc) if cover[i].text == title), min(3, toc))
    for i, b in enumerate(cover[:toc]):
        if i == 0:
            blocks.append(Block("title", b.text, size=36.0, color=RED, gap=3))
        elif i < repeat:
            blocks.append(Block("center", b.text, size=22.0, gap=1))
        else:
            blocks.append(Block("center", b.text, page_break=i == repeat, gap=0.5))
    for i, b in enumerate(cover[toc:]):
        category = b.text.startswith(("【", "["))
        blocks.append(Block("title", b.text, page_break=True) if i == 0 else
                      Block("plain", b.text, face="sans" if category else None,
                            gap=0.5 if category else 0.0))
    first_doc_block = len(blocks)
    for doc in documents:
        blocks += document_style(doc)
    return blocks, first_doc_block


def document_style(doc: list) -> list[Block]:
    """One document's blocks (tests/makers/seed_blocks.py) styled as GB/T 9704 prints them:
    a new page for its masthead, titles centred on the lines the source broke them at,
    headings in the sans face, signature and date set right, the 版记 ruled."""
    from models.parse.markers import match_marker
    blocks: list[Block] = []
    kinds = [b.kind for b in doc]
    for k, b in enumerate(doc):
        after = kinds[k + 1] if k + 1 < len(kinds) else ""
        if b.kind == "masthead":
            blocks.append(Block("masthead", b.text, page_break=True, gap=1))
        elif b.kind == "doc_number":
            blocks.append(Block("center", b.text, gap=1, rule_below=True,
                                page_break="masthead" not in kinds))
        elif b.kind in ("title", "plan_title"):
            blocks.append(Block("title", " ".join(b.lines or (b.text,)), gap=1,
                                break_at_spaces=True, page_break=b.kind == "plan_title"))
        elif b.kind == "addressee":
            blocks.append(Block("plain", b.text, gap=0.5))
        elif b.kind in ("body", "publicity"):
            marker = match_marker(b.text)
            blocks.append(Block("body", b.text, face="sans" if marker and
                                marker.kind == "section" else None))
        elif b.kind == "signature":
            date = doc[k + 1].text if after == "date" else ""
            blocks.append(Block("right", b.text, gap=2, right_indent=4, center_over=date))
        elif b.kind == "date":
            blocks.append(Block("right", b.text, right_indent=4))
        elif b.kind == "annex_mark":
            blocks.append(Block("plain", b.text, page_break=True, face="sans"))
        elif b.kind == "annex_title":
            blocks.append(Block("title", b.text, gap=0.5))
        elif b.kind == "cc":
            blocks.append(Block("plain", b.text, gap=1, rule_below=True))
        elif b.kind == "imprint" and after == "imprint":
            pass  # the organ: set on the date's line, below
        elif b.kind == "imprint":
            organ = doc[k - 1].text if k and kinds[k - 1] == "imprint" else ""
            blocks.append(Block("spread", organ, right=b.text, gap=0.5, rule_below=True))
    return blocks


def seed_pages(text: str) -> list[TypesetPage]:
    """The seed gazette typeset: the running head "刊名 … 年第N期" (from the cover) on every
    page but the cover, page numbers from the first document's page on."""
    from models.parse.cover import parse_cover
    from models.parse.layout import find_document_starts
    from models.parse.sources.text import split_lines

    lines = split_lines(text)
    issue = parse_cover(lines[: find_document_starts(lines)[0]])
    blocks, first_doc = seed_blocks(text)
    pages_before = typeset(blocks[:first_doc])
    return typeset(blocks, head=issue.title, head_right=issue.label,
                   first_numbered=len(pages_before) + 1, first_head=2)


def _widths(columns: list[str]) -> list[float]:
    """Relative column widths a typist would give: 序号 narrow, the task wide, units and
    dates between."""
    def width(name: str) -> float:
        if name == "序号":
            return 0.7
        if any(word in name for word in ("任务", "内容", "措施", "事项")):
            return 3.2
        return 1.6 if ("时" in name or "日期" in name) else 1.9
    return [width(c) for c in columns]


def table_document_pages(folder, name: str, size: float = 12.0) -> list[TypesetPage]:
    """A document of tests/fixtures/duty_forms (NAME.txt, its table in tables/NAME.json)
    typeset with its table as a ruled table, the header repeated on each page it spans,
    and "— N —" at the foot of every page. The text's flattened cells (one per line) are
    what the table replaces."""
    import json
    from pathlib import Path

    from models.parse.sources.text import split_lines
    from models.store.content import load_content_registry
    from tests.makers.seed_blocks import document_blocks

    folder = Path(folder)
    lines = split_lines((folder / f"{name}.txt").read_text(encoding="utf-8"))
    spec = json.loads((folder / "tables" / f"{name}.json").read_text(encoding="utf-8"))
    tables = [(t["text_lines"], t) for t in spec["tables"]]
    inside = lambda n: any(a <= n <= b for (a, b), _ in tables)  # noqa: E731
    blocks = document_style(document_blocks([l for l in lines if not inside(l.number)],
                                            load_content_registry()))
    for (first, _), table in reversed(tables):
        before = [l for l in lines if l.number < first and l.text.strip()][-1].text
        at = max(i for i, b in enumerate(blocks) if b.text.endswith(before)) + 1
        blocks.insert(at, Block("table", rows=[list(r) for r in table["rows"]], size=size,
                                widths=_widths(table["columns"]),
                                header_rows=table["header_row"] + 1))
    return typeset(blocks)
