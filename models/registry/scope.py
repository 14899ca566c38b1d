"""The registry as one document reads it: whose units it names, and by what names.

A document belongs to a government, read from its 发文机关标志, its issuer or its
文号's 机关代字 (document_government). Every unit it names is that government's,
unless the name says otherwise: a leading place (江宁市生态环境局云台分局) or a
level word of another level (市财政局 in a district's document is the city's).
For the government whose registry content/ holds, the registry names the units,
exactly as before; any other government's units get their canonical names from
the general rules (registry/naming.py) and stay that government's own.
"""
from __future__ import annotations

import re

from models.issue import Assignment
from models.registry.departments import Department, Government, Registry
from models.textnorm import fold, mend_spaces

UNKNOWN = "未知"  # the government of a document that names none


class Scope:
    """What the parser asks about units, for one document of *government*."""

    def __init__(self, registry: Registry, government: Government,
                 chain: tuple[str, ...] = ()):
        self.registry = registry
        self.government = government
        self.chain = chain or ((government.parent, government.name) if government.parent
                               else (government.name,))  # outermost first
        self.rules = registry.rules
        self.roles = registry.roles
        self.is_home = registry.home is not None and government.name == registry.home.name
        self.known_places = registry.home_places() | {g for g in self.chain if g != UNKNOWN}
        self._derived: dict[str, Department | None] = {}

    # ------------------------------------------------ the Registry interface
    @property
    def departments(self) -> dict[str, Department]:
        return self.registry.departments if self.is_home else {}

    def is_general(self, phrase: str) -> bool:
        return self.registry.is_general(phrase, self.known_places)

    @property
    def trailing_forms(self) -> tuple[str, ...]:
        return self.registry.trailing_forms

    def copy(self) -> "Scope":
        return self

    def resolve(self, name: str) -> Department | None:
        """The unit *name* is known to stand for, or None: what the user amended first; for
        the home government its registry decides (as it always did); for another, any
        name that reads as a unit's."""
        amended = self._amended(name)
        if amended is not None:
            return amended
        if self.is_home:
            return self.registry.resolve(name)
        if name not in self._derived:
            self._derived[name] = self.canonical(name) if unit_like(name, self.registry) else None
        return self._derived[name]

    def _amended(self, written: str) -> Department | None:
        """The department the user said *written* is (a merge or a rename), or None."""
        amendments = self.registry.amendments
        if amendments is None or not amendments.items:
            return None
        government = self.government.name
        target = amendments.canonical(government, written)
        if target is None:
            derived = self.canonical(written)
            government = derived.government
            target = amendments.canonical(government, derived.name)
        if target is None:
            return None
        known = self.registry.departments.get(target) if self.is_home else None
        return known or Department(name=target, kind=self._kind(government, target), known=True,
                                   government=government)

    def _kind(self, government: str, name: str) -> str:
        amendments = self.registry.amendments
        if amendments is not None and amendments.is_collective(government, name):
            return "集体单位"
        return "未登记"

    # ------------------------------------------------------------ naming
    def owner_at(self, level: str) -> str:
        """The government of *level* this document lies in (its own, or one above it)."""
        for government in reversed(self.chain):
            if self.rules.level_of(government) == level:
                return government
        return ""

    def canonical(self, written: str) -> Department:
        """The department a unit's name stands for in this document, known or not: its
        government, and its name by the rules (the name as written, for an unregistered
        unit of the home government, as the registry's own names are written)."""
        name = mend_spaces(written).replace(" ", "")
        places, rest = self.rules.place_names(name, self.known_places)
        level = "" if places else self.rules.leading_level(name)
        own = self.government.name
        if places:
            owner = places[-1]
        elif own == UNKNOWN:  # no government to read levels against: the name as written
            spelled = level + self.rules.spell_out(name[len(level):])
            return Department(name=spelled, kind=self._kind(own, spelled), known=False,
                              government=own)
        elif level:
            owner = self.owner_at(level)
            rest = name[len(level):]
        else:
            owner = own
        if not owner:
            return self._beyond(name, level, rest)
        if owner == own and self.is_home and not places:
            return Department(name=name, kind=self._kind(owner, name), known=False,
                              government=owner)
        full = owner + self.rules.spell_out(rest)
        return Department(name=full, kind=self._kind(owner, full), known=False, government=owner)

    def _beyond(self, name: str, level: str, rest: str) -> Department:
        """A unit of a level this document's governments do not name. Below its own (区民政局
        in a city's document) it is every such unit of this government: 江宁市各区民政局,
        as 各区民政局 is written; above (市财政局 in a district's document that names no
        city) it is the unknown government's above this one: 河口区所在市."""
        rules, own = self.rules, self.government.name
        below = rules.rank(level) > rules.rank(rules.level_of(own))
        above = rules.rank(level) < rules.rank(rules.level_of(own))
        if below:
            full = ("各" + name) if self.is_home else own + "各" + level + rules.spell_out(rest)
            return Department(name=full, kind=self._kind(own, full), known=False, government=own)
        government = f"{own}所在{level}" if above else f"{level}级"
        full = level + rules.spell_out(rest)
        return Department(name=full, kind=self._kind(government, full), known=False,
                          government=government)

    def assignment(self, written: str, role: str, form: str) -> Assignment:
        """The assignment a unit's name makes, in the *form* it was written."""
        if self.registry.is_general(written):
            return Assignment("", "general", written, "", form)
        dept = self.resolve(written) or self.canonical(written)
        return Assignment(dept.name, role, written, dept.government, form, dept.known)


_NO_UNIT = re.compile(r"[的，,；;。：:、]")


def unit_like(name: str, registry: Registry) -> bool:
    """Whether a name not in a registry still reads as the name of a unit: 2–20
    characters, a unit's ending (roles.toml [units]), and no 的 or punctuation inside
    (区域内同类培训机构的布局 ends in 局 but is none)."""
    name = name.strip()
    if not 2 <= len(name) <= 20 or _NO_UNIT.search(name):
        return False
    return name.endswith(registry.roles.unit_endings) or (
        name.endswith("）") and "（" in name and name[:name.rindex("（")].endswith("村"))


def document_government(registry: Registry, organs: list[str], doc_number: str | None
                        ) -> tuple[Government, tuple[str, ...]]:
    """The government of a document from the names of its organs (发文机关标志 first,
    then its issuers, then its title's issuer) or its 文号's 机关代字; and the chain of
    governments those names give, outermost first (江宁市, 青川区)."""
    rules = registry.rules
    home = registry.home
    known = registry.home_places()
    for organ in organs:
        organ = mend_spaces(organ or "").replace(" ", "")
        if organ.endswith("文件"):
            organ = organ[:-2]
        places, _ = rules.place_names(organ, known)
        if not places:
            continue
        name = places[-1]
        if home is not None and (name == home.name or organ.startswith(home.full_name)):
            chain = tuple(p for p in (home.parent, home.name) if p)
            return home, chain
        if len(places) < 2:  # the government above, from another organ that names it
            above = [p for other in organs for p in rules.place_names(
                mend_spaces(other or "").replace(" ", ""), known)[0]
                if rules.rank(rules.level_of(p)) < rules.rank(rules.level_of(name))]
            places = above[:1] + places
        parent = places[-2] if len(places) > 1 else ""
        return Government(name, rules.level_of(name), parent,
                          "".join(places)), tuple(places)
    if home is not None and doc_number and any(fold(doc_number).startswith(c)
                                               for c in home.codes):
        return home, tuple(p for p in (home.parent, home.name) if p)
    return Government(UNKNOWN), (UNKNOWN,)


def scope_of(registry: "Registry | Scope") -> Scope:
    """*registry* as a document of its home government reads it (the parser's helpers are
    also called with the bare registry, by tests and tools)."""
    if isinstance(registry, Scope):
        return registry
    return Scope(registry, registry.home or Government(UNKNOWN))


def organ_names(lines: list[str], rules, known: frozenset[str] | set[str] = frozenset()
                ) -> list[str]:
    """The organs of a 署名, in order: one or more to a line, set apart by spaces, or by
    nothing, where the first organ's government name starts again
    (青川区科学技术委员会青川区商务委员会)."""
    names: list[str] = []
    for text in lines:
        for chunk in text.replace("\u3000", " ").split():
            chunk = mend_spaces(chunk)
            places, _ = rules.place_names(chunk, known)
            lead = places[0] if places else ""
            while lead and chunk.find(lead, len(lead)) > 0:
                cut = chunk.find(lead, len(lead))
                names.append(chunk[:cut])
                chunk = chunk[cut:]
            if chunk:
                names.append(chunk)
    return names
