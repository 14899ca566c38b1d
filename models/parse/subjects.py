"""Items whose first words are the units that do them: 职责分工, article items, unit headings.

实施方案 and 办法 assign duties by putting the unit first:
- "（一）综治中心：负责…", "区人防办：负责制定…" — units, a colon, their duties;
- "(一)区交通委" — a heading that is nothing but units: the paragraphs under it are theirs;
- "第九条 …：（一）区民政局负责…；（十一）区审计局按规定…" — an article's items whose
  subject is a unit: the unit, then a verb (role words and subject verbs of roles.toml).
The unit must read as one (the registry, or a unit's ending); "（三）建立健全…" and
"(一)加强资金保障。区财政局把…" name no unit first and give nothing.
"""
from __future__ import annotations

import re

from models.parse.notes import _split_he
from models.registry.scope import Scope
from models.textnorm import fold

_SEPARATORS = re.compile(r"[、,，]")
MAX_UNITS_TEXT = 60  # the units before a colon: more than this is a sentence, not a list


def _units(text: str, scope: Scope) -> list[str] | None:
    """The units of a list written "A、B和C", or None if any piece is none."""
    units: list[str] = []
    for piece in _SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            return None
        for unit in _split_he(piece, scope):
            if scope.resolve(unit) is None:
                return None
            units.append(unit)
    return units or None


def colon_units(text: str, scope: Scope) -> list[str] | None:
    """"区人防办：负责…", "综治中心、镇司法所：…" → the units before the colon."""
    folded = fold(text)
    colon = folded.find(":")
    if not 0 < colon <= MAX_UNITS_TEXT:
        return None
    return _units(text[:colon], scope)


def heading_units(rest: str, scope: Scope) -> list[str] | None:
    """A heading that is only units ("区交通委", "县档案馆。") → those units."""
    text = rest.strip().rstrip("。.")
    if not text or len(text) > MAX_UNITS_TEXT:
        return None
    return _units(text, scope)


def subject_units(text: str, scope: Scope) -> list[str] | None:
    """"区民政局负责…", "区人力社保局、区科委按照…" → the units the item begins with: the
    shortest names that read as units and are followed by a subject verb (so 区住建委会同…
    is 区住建委, then 会同), by 、 and another unit, or by a colon. An item that begins
    with a verb (建立健全…) names no unit first."""
    verbs = scope.roles.subject_verbs
    if text.startswith(verbs):
        return None
    units: list[str] = []
    pos = 0
    while pos < len(text):
        found = 0
        for end in range(pos + 2, min(len(text), pos + 20) + 1):
            candidate = text[pos:end]
            after = text[end:]
            if scope.resolve(candidate) is None:
                continue
            if after.startswith(verbs) or fold(after[:1]) in ("、", ",", ":"):
                found = end
                break
        if not found:
            return None
        units.append(text[pos:found])
        after = text[found:]
        if fold(after[:1]) in ("、", ","):
            pos = found + 1
            continue
        return units
    return None
