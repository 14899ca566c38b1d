"""The department registry: canonical names, kinds and aliases, read from content/.

An official's bureau is named many ways (区发改局, 区发展和改革委员会, 发展改革部门);
the registry resolves each of them to one canonical entry. The data is curated
in TOML so that an editor can amend it without touching code.
"""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from models.errors import BadRegistryError
from models.registry.naming import NamingRules, load_naming_rules, lookup_form
from models.textnorm import mend_spaces

if TYPE_CHECKING:
    from models.registry.amendments import Amendments


@dataclass(frozen=True)
class Department:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    known: bool = True  # False for a unit met in a gazette but not in the registry
    government: str = ""  # whose unit it is: 市中区, 青川区, 江宁市 …


@dataclass(frozen=True)
class Government:
    """A government a document belongs to: 青川区 (level 区) of 江宁市."""
    name: str
    level: str = ""
    parent: str = ""  # the government above, when known
    full_name: str = ""  # 江宁市青川区
    codes: tuple[str, ...] = ()  # how the 机关代字 of its 文号 begin (content/departments.toml)


@dataclass(frozen=True)
class RoleWords:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    responsible: tuple[str, ...]
    lead_labels: tuple[str, ...]
    support_labels: tuple[str, ...]
    responsible_labels: tuple[str, ...]
    general_phrases: tuple[str, ...]
    trailing_words: tuple[str, ...]
    unit_endings: tuple[str, ...] = ()  # how the names of units end (a name ending otherwise is none)
    subject_verbs: tuple[str, ...] = ()  # what follows a unit that is an item's subject
    subject_headings: tuple[str, ...] = ()  # headings whose paragraphs may begin with units
    table_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind → headers


def suggest(name: str, names: Iterable[tuple[str, str]], limit: int = 5) -> list[str]:
    """The canonical names whose names (pairs of any name and its canonical one) are
    closest to *name*, best first: what "您是否要找" offers for a name that did not resolve."""
    form = lookup_form(name.strip())
    scored: dict[str, float] = {}
    for alias, canonical in names:
        alias = lookup_form(alias)
        score = difflib.SequenceMatcher(None, form, alias).ratio()
        if form and (form in alias or alias in form):
            score += 0.5
        elif form and any(ch in alias for ch in form):
            score += 0.1 * sum(ch in alias for ch in form) / len(form)
        scored[canonical] = max(score, scored.get(canonical, 0))
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    return [n for n, s in ranked if s >= 0.4][:limit]


@dataclass
class Registry:
    departments: dict[str, Department]  # the curated ones, of the home government
    roles: RoleWords
    _index: dict[str, str] = field(default_factory=dict)
    home: Government | None = None  # the government departments.toml is the registry of
    rules: NamingRules = field(default_factory=NamingRules)
    amendments: "Amendments | None" = None  # the user's own (registry/amendments.py)

    def __post_init__(self) -> None:
        for dept in self.departments.values():
            for alias in (dept.name, *dept.aliases):
                form = lookup_form(alias)
                owner = self._index.get(form)
                if owner and owner != dept.name:
                    raise BadRegistryError(
                        f"部门名录有误：名称“{alias}”同时属于“{owner}”和“{dept.name}”"
                    )
                self._index[form] = dept.name

    # -------------------------------------------------------------- lookups
    def resolve(self, name: str) -> Department | None:
        """The department a name (canonical or alias, any width) stands for."""
        canonical = self._index.get(lookup_form(name))
        return self.departments[canonical] if canonical else None

    def home_places(self) -> set[str]:
        """The governments the registry names: its own and the one above it."""
        home = self.home
        return {p for p in (home.name, home.parent) if p} if home is not None else set()

    def is_general(self, phrase: str, known: set[str] | None = None) -> bool:
        """Whether *phrase* names no unit but everyone (区政府有关部门): the phrases of
        roles.toml at any level (市政府有关部门, 县直有关部门) or after a government's name,
        *known* ones included (青川区政府有关部门, 市中区人民政府有关部门, 青川区有关部门)."""
        general = self._general_forms
        form = lookup_form(phrase)
        if form in general:
            return True
        if not form.endswith(self._general_ends):
            return False  # (most units: no place to read)
        places, rest = self.rules.place_names(
            form, known if known is not None else self.home_places())
        if not places:
            return False
        rest = rest.removeprefix("人民")  # 人民政府有关部门 is 政府有关部门
        return rest in general or self.rules.level_of(places[-1]) + rest in general

    # computed once (the parser asks for every unit it reads), from roles and rules
    @cached_property
    def _general_forms(self) -> frozenset[str]:
        """The general phrases of roles.toml at every level, in their lookup forms."""
        return frozenset(lookup_form(p)
                         for p in at_every_level(self.roles.general_phrases, self.rules))

    @cached_property
    def _general_ends(self) -> tuple[str, ...]:
        """How the general phrases end: a phrase ending otherwise is none, at any place."""
        return tuple({p[-2:] for p in self._general_forms})

    @cached_property
    def trailing_forms(self) -> tuple[str, ...]:
        """The words that trail a list of units (roles.toml [trailing]: RoleWords.
        trailing_words), longest first, at every level (等区政府有关部门 is written for a
        区: 等市政府有关部门 too)."""
        return tuple(sorted(at_every_level(self.roles.trailing_words, self.rules, "等"),
                            key=len, reverse=True))

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Close canonical names for a name that did not resolve."""
        return suggest(name, ((alias, canonical) for alias, canonical in self._index.items()),
                       limit)

    def with_unknown(self, name: str) -> Department:
        """Add a unit met in a gazette but absent from the registry (kept, reported)."""
        clean = mend_spaces(name)
        dept = Department(name=clean, kind="未登记", known=False,
                          government=self.home.name if self.home else "")
        self.departments[clean] = dept
        self._index[lookup_form(clean)] = clean
        return dept

    def copy(self) -> "Registry":
        return Registry(dict(self.departments), self.roles, home=self.home, rules=self.rules,
                        amendments=self.amendments)


def at_every_level(words: tuple[str, ...], rules: NamingRules, lead: str = "") -> tuple[str, ...]:
    """*words* as written and, for those that begin (after *lead*) with a level word, with
    every other level word in its place: the role words of roles.toml are written for a
    区 (区政府有关部门, 等区政府有关部门) and hold at every level."""
    out = list(words)
    for word in words:
        rest = word[len(lead):] if word.startswith(lead) else ""  # "": no level word
        level = next((lv for lv in rules.levels if rest.startswith(lv)), "")
        if level:
            others = [lead + other + rest[len(level):] for other in rules.levels]
            out += [w for w in others if w not in out]
    return tuple(out)


def _strs(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRegistryError(f"{where}：“{key}”应为文字列表")
    return tuple(value)


def _government(table: object, where: str) -> Government | None:
    if not table:
        return None
    if not isinstance(table, dict) or not isinstance(table.get("name"), str):
        raise BadRegistryError(f"{where}：[government] 应写明 name")
    name = table["name"]
    return Government(name=name, level=str(table.get("level", "")),
                      parent=str(table.get("parent", "")),
                      full_name=str(table.get("full_name", name)),
                      codes=_strs(table, "codes", where))


def load_registry(departments_file: Path, roles_file: Path,
                  rules_file: Path | None = None) -> Registry:
    """Read the curated registry; a malformed file gives a message naming it."""
    try:
        dept_data = tomllib.loads(departments_file.read_text(encoding="utf-8"))
        role_data = tomllib.loads(roles_file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BadRegistryError(f"找不到部门名录文件：{exc.filename}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadRegistryError(f"部门名录文件格式有误：{exc}") from exc

    home = _government(dept_data.get("government"), departments_file.name)
    departments: dict[str, Department] = {}
    for i, entry in enumerate(dept_data.get("department", []), start=1):
        where = f"{departments_file.name} 第 {i} 个部门"
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise BadRegistryError(f"{where}缺少名称（name）")
        if name in departments:
            raise BadRegistryError(f"{where}：部门“{name}”重复")
        departments[name] = Department(
            name=name,
            kind=str(entry.get("kind", "区直部门")),
            aliases=_strs(entry, "aliases", where),
            part_of=_strs(entry, "part_of", where),
            government=home.name if home else "",
        )
    for dept in departments.values():
        for collective in dept.part_of:
            if collective not in departments:
                raise BadRegistryError(f"部门“{dept.name}”的 part_of 指向不存在的“{collective}”")

    labels = role_data.get("labels", {})
    roles = RoleWords(
        lead=_strs(role_data, "lead", roles_file.name),
        support=_strs(role_data, "support", roles_file.name),
        responsible=_strs(role_data, "responsible", roles_file.name),
        lead_labels=_strs(labels, "lead", roles_file.name),
        support_labels=_strs(labels, "support", roles_file.name),
        responsible_labels=_strs(labels, "responsible", roles_file.name),
        general_phrases=_strs(role_data.get("general", {}), "phrases", roles_file.name),
        trailing_words=_strs(role_data.get("trailing", {}), "words", roles_file.name),
        unit_endings=_strs(role_data.get("units", {}), "endings", roles_file.name),
        subject_verbs=tuple(sorted(_strs(role_data.get("subjects", {}), "verbs", roles_file.name),
                                   key=len, reverse=True)),
        subject_headings=_strs(role_data.get("subjects", {}), "headings", roles_file.name),
        table_columns={kind: _strs(role_data.get("table", {}), kind, roles_file.name)
                       for kind in ("serial", "lead", "support", "responsible", "deadline",
                                    "tasks", "same_as_above")},
    )
    rules = load_naming_rules(rules_file) if rules_file is not None else NamingRules()
    places = [p for p in (home.name, home.full_name, home.parent) if p] if home else []
    rules = rules.knowing((n for d in departments.values() for n in (d.name, *d.aliases)),
                          places)
    return Registry(departments, roles, home=home, rules=rules)
