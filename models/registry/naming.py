"""The general rules for the names of units and governments (content/alias_rules.toml).

A government's name is read off the front of an organ's name (江宁市青川区人民政府
办公室 → 江宁市, 青川区); a unit's owner is that government, or, for a leading
level word (区财政局, 市财政局), the government of that level; and the rest of the
name is spelled out (区人防办 → 人民防空办公室, 区住建委 → 住房和城乡建设委员会), so
that the many ways one office is written give one canonical name. All of it is
data an editor amends; nothing here names a place.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from models.errors import BadRegistryError
from models.textnorm import fold, mend_spaces

# characters a place name may have before its level word, by level (沛县 is one, 青川区 two)
_MIN_BEFORE = {"市": 2, "区": 2, "县": 1, "镇": 2, "乡": 2, "街道": 2}
_NOT_A_PLACE_START = ("各", "全", "本", "有关", "相关", "所在", "辖", "该", "我", "其他")


@dataclass(frozen=True)
class NamingRules:
    levels: tuple[str, ...] = ("街道", "市", "区", "县", "镇", "乡")
    not_levels: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    not_place_endings: tuple[str, ...] = ()
    whole: dict[str, str] = field(default_factory=dict)
    suffix: dict[str, str] = field(default_factory=dict)
    suffix_exclude: tuple[str, ...] = ()
    infix: dict[str, str] = field(default_factory=dict)
    # how the names of units begin after their level word (民政 of 区民政局, 民宗 of the
    # [whole] rule 民宗局): a word of not_levels (市民) gives way to them (市民政局 is 市's)
    heads: frozenset[str] = frozenset()

    def knowing(self, names, places: Iterable[str] = ()) -> "NamingRules":
        """These rules, with the heads of *names* (a registry's names and aliases) and of
        the [whole] rules added. *places* are the governments the names may begin with
        (the registry's own, 市中区): a name that begins with a government (枣庄市公安局…,
        市中区人民政府办公室), or with one's name before its level word (市中供电中心),
        says how its government is written, not how a unit's name begins after a level
        word, and gives no head; nor does a general word (各镇人民政府) or an organ the
        [suffix] rule keeps whole (区委宣传部, 团区委: 委 after a level word or 团)."""
        known = frozenset(places)
        stems = tuple(p[:-len(lv)] for p in known for lv in (self.level_of(p),)
                      if lv and len(p) - len(lv) >= 2)
        heads = set(self.heads)
        for name in (*names, *self.whole, *self.whole.values()):
            if name.startswith(self.not_levels) or name.startswith(_NOT_A_PLACE_START) \
                    or (stems and name.startswith(stems)) or self.place_names(name, known)[0] \
                    or self._organ_first(name):
                continue  # 街道办事处: no level word, nothing after one; 枣庄市…: a place
            level = next((lv for lv in self.levels if name.startswith(lv)), "")
            rest = name[len(level):]
            if len(rest) >= 3:
                heads.add(rest[:2])
        return replace(self, heads=frozenset(heads))

    def _organ_first(self, name: str) -> bool:
        """Whether *name* begins with an organ the [suffix] rule does not spell out: a word
        of its exclude_before list, then the suffix (区委 of 区委宣传部, 团区委)."""
        return any(name[i] in self.suffix_exclude and name.startswith(short, i + 1)
                   for short in self.suffix for i in range(min(2, len(name))))

    # ------------------------------------------------------------- places
    def place_names(self, name: str, known: frozenset[str] | set[str] = frozenset()
                    ) -> tuple[list[str], str]:
        """The government names *name* begins with, outermost first, and the rest:
        江宁市青川区人民政府办公室 → (["江宁市", "青川区"], "人民政府办公室"). A name that
        begins with a level word's character is a place only when *known* (市中区 is;
        区城市 of 区城市管理局 is no place)."""
        places: list[str] = []
        rest = name
        while rest:
            place = next((k for k in known if rest.startswith(k) and len(rest) > len(k)), "") \
                or self._leading_place(rest, places[-1] if places else "")
            if not place:
                break
            places.append(place)
            rest = rest[len(place):]
        return places, rest

    def _leading_place(self, text: str, outer: str) -> str:
        """The shortest place name *text* starts with that reads as one: enough characters
        before its level word, not a word like 社区, inside *outer* when there is one."""
        if text.startswith(_NOT_A_PLACE_START):
            return ""
        for end in range(2, min(len(text), 10)):
            for level in self.levels:
                before = end - len(level)
                if before < 1 or not text.startswith(level, before):
                    continue
                place = text[:end]
                if not all("\u4e00" <= ch <= "\u9fff" for ch in place):
                    return ""
                if before < _MIN_BEFORE.get(level, 2) or end >= len(text) \
                        or place in self.not_places or "和" in place[1:] \
                        or any(place.endswith(w) for w in self.not_place_endings):
                    continue
                if outer and self.rank(level) <= self.rank(self.level_of(outer)):
                    continue
                if place.startswith(self.levels):
                    return ""  # 区城市…, 市场…: a level word first, no place (unless known)
                return place
        return ""

    def level_of(self, government: str) -> str:
        """区 of 青川区, 街道 of 某某街道."""
        return next((lv for lv in sorted(self.levels, key=len, reverse=True)
                     if government.endswith(lv)), "")

    def rank(self, level: str) -> int:
        """市 0, 区/县 1, 镇/乡/街道 2: a place inside another is of a lower level."""
        return {"市": 0, "区": 1, "县": 1}.get(level, 2)

    def leading_level(self, name: str) -> str:
        """The level word a unit's name starts with (区 of 区财政局), unless the word it
        starts is no level at all (市场监管局) — and the name after the level word does not
        begin as a unit's name begins (市民政局: 民政, as in 区民政局)."""
        level = next((lv for lv in sorted(self.levels, key=len, reverse=True)
                      if name.startswith(lv) and len(name) > len(lv)), "")
        if level and any(name.startswith(w) for w in self.not_levels) \
                and name[len(level):len(level) + 2] not in self.heads:
            return ""
        return level

    # -------------------------------------------------------------- names
    def spell_out(self, rest: str) -> str:
        """The rest of a unit's name (after its government or level word) spelled out:
        人防办 → 人民防空办公室, 住建委 → 住房和城乡建设委员会, 财政局 unchanged."""
        if rest in self.whole:
            return self.whole[rest]
        for short, full in self.suffix.items():
            if rest.endswith(short) and len(rest) > len(short) \
                    and rest[-len(short) - 1] not in self.suffix_exclude:
                rest = rest[: -len(short)] + full
                break
        if not self.infix:
            return rest
        pattern = self.__dict__.get("_infix_re")
        if pattern is None:
            keys = sorted(self.infix, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(k) for k in keys))
            object.__setattr__(self, "_infix_re", pattern)
        out, pos = [], 0
        for m in pattern.finditer(rest):
            key = m.group(0)
            if key == "政府" and rest[max(0, m.start() - 2):m.start()] == "人民":
                continue
            out += [rest[pos:m.start()], self.infix[key]]
            pos = m.end()
        out.append(rest[pos:])
        return "".join(out)


def _words(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRegistryError(f"{where}：“{key}”应为文字列表")
    return tuple(value)


def _pairs(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) for k, v in table.items()
                                              if k != "exclude_before"):
        raise BadRegistryError(f"{where}：应为“简称 = 全称”的列表")
    return {k: v for k, v in table.items() if k != "exclude_before"}


def load_naming_rules(path: Path) -> NamingRules:
    """The rules of alias_rules.toml; a missing file means no rules (names kept as written)."""
    if not Path(path).exists():
        return NamingRules()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadRegistryError(f"简称规则文件格式有误（{Path(path).name}）：{exc}") from exc
    where = Path(path).name
    prefix = data.get("prefix", {})
    suffix = data.get("suffix", {})
    return NamingRules(
        levels=_words(prefix, "levels", where) or NamingRules.levels,
        not_levels=_words(prefix, "not_levels", where),
        not_places=_words(prefix, "not_places", where),
        not_place_endings=_words(prefix, "not_place_endings", where),
        whole=_pairs(data.get("whole", {}), f"{where} [whole]"),
        suffix=_pairs(suffix, f"{where} [suffix]"),
        suffix_exclude=_words(suffix, "exclude_before", where),
        infix=_pairs(data.get("infix", {}), f"{where} [infix]"),
    )


def lookup_form(name: str) -> str:
    """The form a department's name is looked up by: widths folded, stray spaces gone.
    The registry, the library's alias table and every lookup use this one."""
    if " " not in name and "\u3000" not in name and "\t" not in name:
        return fold(name)  # nothing to mend: the common case, and the parser's hot path
    return fold(mend_spaces(name)).replace(" ", "")
