"""Responsibility notes: "（区城乡水务局牵头，区财政局、各镇人民政府配合）" → (department, role).

The note is the bracketed group that ends a clause. It is read segment by
segment, each segment ending in a role word from content/roles.toml:
- units before 牵头 lead; before 配合 support;
- units before 按职责分工负责 are responsible — or support, when the note
  already named a lead;
- a label (责任单位：…) gives the role of every unit after it;
- 区政府有关部门 / 各级各部门 name no unit: the clause is `general`.
Units are separated by 、，, and by 和 before the last one ("…局和各镇街"),
which is told apart from the 和 inside names (区发展和改革局) by the registry.
"""
from __future__ import annotations

import re

from models.issue import Assignment
from models.registry import Registry
from models.registry.scope import Scope, scope_of, unit_like
from models.textnorm import fold

_SEPARATORS = re.compile(r"[、,;，；/]")


def split_trailing_note(text: str) -> tuple[str, str] | None:
    """Split a clause into (body, note) when it ends with a bracketed group."""
    folded = fold(text.rstrip())
    if not folded.endswith(")"):
        return None
    depth = 0
    for i in range(len(folded) - 1, -1, -1):
        ch = folded[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                return text[:i], text[i:].rstrip()
    return None


def looks_like_note(note: str, registry: Registry | Scope) -> bool:
    registry = scope_of(registry)
    inner = fold(note).strip()[1:-1]
    roles = registry.roles
    words = roles.lead + roles.support + roles.responsible + roles.lead_labels + \
        roles.support_labels + roles.responsible_labels
    if not any(w in inner for w in words):
        return False
    # At least one unit or general phrase must be named, and every unit must look like one.
    found = parse_note(note, registry)
    return bool(found) and all(a.role == "general" or a.known
                               or unit_like(a.as_written, registry.registry) for a in found)


def _strip_trailing(unit: str, words: tuple[str, ...]) -> str:
    """*unit* without the *words* that trail a list of units (等有关部门), longest first."""
    changed = True
    while changed:
        changed = False
        for word in words:
            if unit.endswith(word) and len(unit) > len(word):
                unit = unit[: -len(word)]
                changed = True
    return unit.strip()


def _split_he(unit: str, registry: Registry) -> list[str]:
    """Split "A和B" where A and B are both units; keep names that contain 和."""
    if "和" not in unit or registry.resolve(unit):
        return [unit]
    for i, ch in enumerate(unit):
        if ch != "和":
            continue
        left, right = unit[:i], unit[i + 1:]
        if (registry.resolve(left) or registry.is_general(left)) and right and (
                registry.resolve(right) or registry.is_general(right) or "和" not in right):
            return [left, *_split_he(right, registry)]
    return [unit]


def _units_of(segment: str, registry: Registry) -> list[str]:
    units: list[str] = []
    for piece in _SEPARATORS.split(segment):
        piece = piece.strip(" :：")
        if not piece:
            continue
        general = registry.is_general(piece)
        piece = piece if general else _strip_trailing(piece, registry.trailing_forms)
        for unit in ([piece] if general else _split_he(piece, registry)):
            if unit:
                units.append(unit)
    return units


def parse_note(note: str, registry: Registry | Scope, form: str = "note") -> list[Assignment]:
    """The assignments a responsibility note makes, in the order written (*form*: a note
    ending its clause, or a 责任单位 line standing after it)."""
    registry = scope_of(registry)
    inner = fold(note).strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    roles = registry.roles
    result: list[Assignment] = []

    def add(units: list[str], role: str) -> None:
        result.extend(registry.assignment(unit, role, form) for unit in units)

    # Labelled form: 牵头单位：…；责任单位：…
    label_words = [(w, "lead") for w in roles.lead_labels] + \
        [(w, "support") for w in roles.support_labels] + \
        [(w, "responsible") for w in roles.responsible_labels]
    label_re = re.compile("(" + "|".join(re.escape(w) for w, _ in label_words) + r")\s*:")
    if label_words and label_re.search(inner):
        role_of = dict(label_words)
        parts = label_re.split(inner)
        has_lead = any(role_of.get(p) == "lead" for p in parts)
        for label, body in zip(parts[1::2], parts[2::2]):
            role = role_of[label]
            if role == "responsible" and has_lead:
                role = "support"
            add(_units_of(body, registry), role)
        return result

    word_role = [(w, "lead") for w in roles.lead] + [(w, "support") for w in roles.support] + \
        [(w, "responsible") for w in roles.responsible]
    word_re = re.compile("(" + "|".join(re.escape(w) for w, _ in
                                        sorted(word_role, key=lambda wr: -len(wr[0]))) + ")")
    role_of = dict(word_role)
    has_lead = False
    pos = 0
    for m in word_re.finditer(inner):
        segment = inner[pos:m.start()]
        pos = m.end()
        units = _units_of(segment, registry)
        if not units:
            continue
        role = role_of[m.group(1)]
        if role == "lead":
            has_lead = True
        elif role == "responsible" and has_lead:
            role = "support"
        add(units, role)
    return result
