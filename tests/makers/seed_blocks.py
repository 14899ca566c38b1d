"""The seed gazette as blocks a typesetter or a Word writer can lay out.

The seed text was extracted from a PDF: page breaks cut paragraphs apart
("《山" ⏎⏎ "东省…"). A laid-out file has whole paragraphs, so a fixture built
from the seed must join what the text import joins, and nothing more. The
joining here is the parser's own (models.documents.lay_out for the GB/T 9704
elements, models.paragraphs.join_lines inside each region), so a fixture read
back paragraph by paragraph parses exactly as the text does.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.parse.layout import find_document_starts, lay_out
from models.parse.markers import ANNEX_MARK, match_marker
from models.parse.notes import looks_like_note, split_trailing_note
from models.parse.paragraphs import Para, join_lines
from models.registry import Registry
from models.parse.line import Line
from models.parse.sources.text import decode, split_lines
from models.textnorm import mend_spaces

SEED = Path(__file__).resolve().parents[2] / "content" / "issues" / "2021-05_shizhong.txt"


@dataclass
class Block:
    """One paragraph to lay out, with what the layout needs to know about it."""
    kind: str  # cover toc masthead doc_number title addressee body signature date publicity
    #            plan_title annex_mark annex_title cc imprint
    text: str
    region: str = ""  # numbering scope ("body", "plan", "annex1"): lists restart per region
    lines: tuple[str, ...] = ()  # a title's printed lines, where the source broke it

    @property
    def align(self) -> str:
        if self.kind in ("masthead", "doc_number", "title", "plan_title", "annex_title"):
            return "center"
        if self.kind in ("signature", "date"):
            return "right"
        return ""

    @property
    def indent(self) -> bool:
        """A body paragraph's first line is indented two characters (GB/T 9704)."""
        return self.kind in ("body", "publicity")


def seed_text() -> str:
    return decode(SEED.read_bytes(), SEED.name)


def split_documents(lines: list[Line]) -> tuple[list[Line], list[list[Line]]]:
    """The lines before the first document (cover, 目录) and each document's lines."""
    starts = find_document_starts(lines)
    spans = zip(starts, starts[1:] + [len(lines)])
    return lines[: starts[0]], [lines[a:b] for a, b in spans]


def seed_documents() -> list[list[Line]]:
    return split_documents(split_lines(seed_text()))[1]


def paragraph_text(para: Para) -> str:
    """The raw text of joined lines: no separator for CJK, one space between Latin words."""
    sep = " " if para._latin_join() else ""
    return sep.join(line.text for line in para.lines)


def document_blocks(lines: list[Line], registry: Registry) -> list[Block]:
    """One document's lines as the paragraphs its printed form would have."""
    lay = lay_out(lines, registry.roles.unit_endings)

    def is_note(text: str) -> bool:
        split = split_trailing_note(text)
        return bool(split and not split[0].strip() and looks_like_note(split[1], registry))

    def one(kind: str, index: int | None) -> list[Block]:
        return [] if index is None else [Block(kind, lines[index].text)]

    def span(kind: str, rng: range) -> list[Block]:
        parts = tuple(lines[j].text for j in rng)
        return [Block(kind, "".join(parts), lines=parts)] if rng else []

    def region(rng: range, name: str, in_annex: bool = False) -> list[Block]:
        paras = join_lines([lines[j] for j in rng], is_note, roster_lines=in_annex)
        return [Block("body", paragraph_text(p), name) for p in paras]

    blocks = one("masthead", lay.masthead) + one("doc_number", lay.doc_number)
    blocks += span("title", lay.title) + span("addressee", lay.addressee)
    blocks += region(lay.body, "body")
    blocks += [Block("signature", lines[j].text) for j in lay.signature] + one("date", lay.date)
    blocks += one("publicity", lay.publicity)
    if lay.plan_title:
        blocks += span("plan_title", lay.plan_title) + region(lay.plan_body, "plan")
    for number, rng in enumerate(lay.annexes, start=1):
        if not ANNEX_MARK.match(mend_spaces(lines[rng[0]].text)):
            blocks += region(rng, f"tail{number}")
            continue
        blocks.append(Block("annex_mark", lines[rng[0]].text))
        if len(rng) > 1:
            blocks.append(Block("annex_title", lines[rng[0] + 1].text))
        blocks += region(range(rng[0] + 2, rng.stop), f"annex{number}", in_annex=True)
    blocks += span("cc", lay.cc)
    blocks += [Block("imprint", lines[j].text) for j in lay.imprint]
    return blocks


def cover_blocks(lines: list[Line]) -> list[Block]:
    """The cover and 目录 keep their printed lines: each is short and stands alone."""
    toc = next((i for i, line in enumerate(lines)
                if mend_spaces(line.text).replace(" ", "") == "目录"), len(lines))
    return [Block("cover" if i < toc else "toc", line.text) for i, line in enumerate(lines)]


def issue_blocks(registry: Registry, text: str | None = None) -> list[list[Block]]:
    """The seed (or another issue's text) as the cover's blocks, then each document's."""
    cover, documents = split_documents(split_lines(text if text is not None else seed_text()))
    return [cover_blocks(cover)] + [document_blocks(doc, registry) for doc in documents]


def is_numbered(block: Block) -> bool:
    return block.kind == "body" and match_marker(block.text) is not None
