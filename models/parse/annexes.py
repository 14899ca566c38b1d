"""Annex duty lists and rosters.

Duty lists give each unit its duties: "区财政局 负责利用现有资金…" or
"八、财政部门：负责…". Rosters list people with their posts, in groups:
"组 长：邢 军 区委常委、常务副区长", then "侯 伟 区政府党组成员、区公安分局局长".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.issue import Assignment, RosterEntry
from models.parse.markers import ROSTER_POSITION, match_marker
from models.parse.notes import _split_he
from models.registry import Registry
from models.registry.scope import Scope, scope_of, unit_like
from models.textnorm import fold, mend_spaces

_UNIT_SEPARATORS = re.compile(r"[、,，]")


@dataclass
class AnnexDuty:
    units_text: str  # the units as written ("各镇人民政府、街道办事处")
    assignments: list[Assignment]
    duty: str = ""  # what they do: the text after the units


def _resolve_units(units_text: str, registry: Scope) -> list[Assignment] | None:
    """Assignments for a list of units, or None if any piece is no unit at all."""
    result = []
    for piece in _UNIT_SEPARATORS.split(units_text):
        piece = piece.strip()
        if not piece:
            continue
        for unit in _split_he(piece, registry):
            if registry.resolve(unit) is None:
                return None
            result.append(registry.assignment(unit, "annex", "annex"))
    return result or None


def _looks_like_unit(text: str, registry: Scope) -> bool:
    return unit_like(text, registry.registry)


def parse_duty(raw: str, registry: Registry | Scope) -> AnnexDuty | None:
    """A duty-list entry: units, then a colon or a space, then what they do."""
    registry = scope_of(registry)
    text = mend_spaces(raw)
    marker = match_marker(text)
    body = text[marker.length:].lstrip() if marker else text
    raw_body = raw[len(raw) - len(raw.lstrip()):]
    if marker:
        raw_body = re.sub(r"^\S*?[、)）]\s*", "", raw.strip(), count=1)
    folded = fold(body)
    colon = folded.find(":")
    if 0 < colon <= 30:
        units_text = body[:colon]
        assignments = _resolve_units(units_text, registry)
        rest = body[colon + 1:]
        if assignments:
            return AnnexDuty(units_text, assignments, rest)
        if rest.startswith("负责") and _looks_like_unit(units_text, registry):
            return AnnexDuty(units_text, [registry.assignment(units_text, "annex", "annex")],
                             rest)
    first, _, rest = raw_body.partition(" ")
    rest = rest.strip()
    if first and rest.startswith("负责"):
        first = mend_spaces(first)
        assignments = _resolve_units(first, registry)
        if assignments:
            return AnnexDuty(first, assignments, mend_spaces(rest))
        if _looks_like_unit(first, registry):
            return AnnexDuty(first, [registry.assignment(first, "annex", "annex")],
                             mend_spaces(rest))
    for end in range(min(len(body), 30), 1, -1):
        if body[end:].startswith("负责"):
            assignments = _resolve_units(body[:end], registry)
            if assignments:
                return AnnexDuty(body[:end], assignments, body[end:])
    return None


def post_units(post: str, registry: Registry | Scope) -> list[Assignment]:
    """Units named in a roster post ("区政府党组成员、区公安分局局长" → 区公安分局)."""
    registry = scope_of(registry)
    result: list[Assignment] = []
    seen: set[str] = set()
    for piece in re.split(r"[、,，]", post):
        piece = piece.strip()
        for end in range(len(piece), 1, -1):
            dept = registry.resolve(piece[:end])
            if dept:
                if dept.name not in seen:
                    seen.add(dept.name)
                    result.append(registry.assignment(piece[:end], "member", "roster"))
                break
    return result


def parse_roster_line(raw: str, position: str) -> tuple[str, RosterEntry] | None:
    """Split a roster line into (label, entry); *position* carries over from the line before."""
    text = raw.strip()
    label = ""
    m = ROSTER_POSITION.match(text)
    if m:
        label = "".join(text[: m.end()].split())
        position = "".join(m.group(1).split())
        text = text[m.end():]
    tokens = text.split()
    if len(tokens) < 2:
        return None
    if len(tokens[0]) == 1 and len(tokens) >= 3:
        name, post_tokens = tokens[0] + tokens[1], tokens[2:]
    else:
        name, post_tokens = tokens[0], tokens[1:]
    post = mend_spaces(" ".join(post_tokens))
    return label, RosterEntry(person=name, post=post, group="", position=position or "成员")
