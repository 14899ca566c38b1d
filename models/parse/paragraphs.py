"""Page-break repair: joining the lines a PDF extraction cut apart into paragraphs.

The extracted text breaks a paragraph wherever a page ended ("《山" ⏎⏎ "东省…",
"区发改" ⏎⏎ "局牵头"), with the same blank line that separates real paragraphs.
A line continues the paragraph before it unless that paragraph ended a
sentence, is a heading of its own, or the line starts something new (a
number, an annex, a signature date, a roster line). Nothing is dropped: a
paragraph keeps the source lines it was made of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from models.parse.markers import (ANNEX_MARK, ATTACHMENTS_NOTE, DATE_LINE, IMPRINT_DATE, ROSTER_POSITION,
                      match_marker)
from models.parse.line import Line
from models.textnorm import fold, mend_spaces

if TYPE_CHECKING:
    from models.parse.tables import TableRow

_TERMINAL = set("。！？!?:：")
_CLOSING = set(")）")
_CONTINUATION_START = set("，,。、；;：:）)」』”’…—%％")
_NAME_POST = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}[ \u3000]+[^\s。，,]{2,}$")


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)
    row: TableRow | None = None  # a task table's row (models/parse/tables.py), not running text

    @property
    def raw(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def text(self) -> str:
        """The paragraph with stray spaces mended, lines joined without a gap."""
        return mend_spaces(" ".join(line.text for line in self.lines)) if self._latin_join() \
            else mend_spaces("".join(line.text for line in self.lines))

    def _latin_join(self) -> bool:
        # Two Latin words cut at a line end need a space between them again.
        return any(a.text[-1:].isascii() and a.text[-1:].isalpha() and
                   b.text[:1].isascii() and b.text[:1].isalpha()
                   for a, b in zip(self.lines, self.lines[1:]))

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number


def is_heading_only(text: str) -> bool:
    """A numbered line that is a heading and nothing more ("一、明确改革内容").

    A heading may end with a full stop when nothing follows it on its line
    ("2．整治乱堆乱放。" ⏎ "对道路两侧…"): the paragraphs after it are its body.
    """
    marker = match_marker(text)
    if marker is None:
        return False
    rest = fold(text[marker.length:]).strip()
    if rest.endswith("。"):
        rest = rest[:-1].rstrip()
    if not rest or len(rest) > 40:
        return not rest
    return not any(ch in rest for ch in "。!?;:") and rest[-1] not in ",、"


def is_roster_line(text: str) -> bool:
    return bool(ROSTER_POSITION.match(text) or _NAME_POST.match(text))


def starts_something(text: str) -> bool:
    """True when a line begins a new element whatever came before it."""
    return bool(match_marker(text) or ANNEX_MARK.match(text) or ATTACHMENTS_NOTE.match(text)
                or DATE_LINE.match(text) or IMPRINT_DATE.match(text)
                or ROSTER_POSITION.match(text))


def ends_sentence(text: str) -> bool:
    folded = fold(text.rstrip())
    if not folded:
        return True
    last = folded[-1]
    if last in _TERMINAL or last in _CLOSING:
        return True
    if last in "”’\"" and len(folded) > 1 and folded[-2] in _TERMINAL:
        return True
    return False


def join_lines(lines: list[Line], is_note: Callable[[str], bool] = lambda s: False,
               roster_lines: bool = False) -> list[Para]:
    """Group lines into paragraphs, joining what a page break cut apart.

    *is_note* tells a responsibility note standing on a line of its own, which
    belongs to the clause before it. With *roster_lines*, name–post lines of a
    roster are kept one per paragraph.
    """
    paras: list[Para] = []
    in_roster = False
    for line in lines:
        text = line.text
        was_roster = in_roster
        if roster_lines:
            if ROSTER_POSITION.match(text):
                in_roster = True
            elif in_roster and not _NAME_POST.match(text):
                in_roster = False
        if paras and _continues(paras[-1], line, is_note, in_roster or was_roster):
            paras[-1].lines.append(line)
        else:
            paras.append(Para([line]))
    return paras


def _continues(para: Para, line: Line, is_note: Callable[[str], bool], in_roster: bool) -> bool:
    prev, text = para.raw, line.text
    if in_roster:
        return False
    if text[0] in _CONTINUATION_START and not starts_something(text):
        return True
    if is_heading_only(prev) or (len(para.lines) == 1 and ATTACHMENTS_NOTE.match(prev)):
        return False
    if is_note(text):
        return True
    if ends_sentence(prev) or starts_something(text):
        return False
    # A paragraph that does not end a sentence was cut by a page break, unless the
    # layout says the next line starts a paragraph of its own (a fact, not a guess).
    return not line.whole
