"""The official's own amendments to the 部门名录: merges, renames, collective units.

"以下单位不在部门名录中" is not a dead end: an official who knows that 区发改委
is 区发展和改革局 says so once (in the 部门名录 dialog, or with `departments
alias`), and it holds from then on, for every import and rebuild, across app
updates — it lives in the user data folder (registry.toml), never in content/.
Each amendment belongs to one government: 区发改委 of one district says
nothing about another's.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import BadRegistryError
from models.registry.naming import lookup_form
from models.whole_file import write_text_whole

FILE_NAME = "registry.toml"
KINDS = ("alias", "rename", "collective")


@dataclass(frozen=True)
class Amendment:
    kind: str  # alias (name → an existing canonical), rename, collective
    government: str
    name: str
    to: str = ""  # the canonical name (alias) or the new name (rename)

    def describe(self, moved: int) -> str:
        """What was done, for the official: *moved* clauses changed their unit."""
        done = {"alias": f"已把“{self.name}”并入“{self.to}”",
                "rename": f"已把“{self.name}”改名为“{self.to}”",
                "collective": f"已把“{self.name}”标为集体单位"}[self.kind]
        return (f"{done}（{self.government or '未知政府'}，涉及 {moved} 条）。"
                "以后导入和重建时都会照此处理。")


@dataclass
class Amendments:
    items: list[Amendment] = field(default_factory=list)

    def canonical(self, government: str, name: str) -> str | None:
        """The name an official gave the unit *name* of *government*, if any."""
        form = lookup_form(name)
        found = None
        for item in self.items:  # later amendments win; a rename of a merge target follows
            if item.kind in ("alias", "rename") and item.government == government and \
                    lookup_form(item.name) == form:
                found = item.to
                form = lookup_form(item.to)
        return found

    def is_collective(self, government: str, name: str) -> bool:
        form = lookup_form(name)
        return any(i.kind == "collective" and i.government == government and
                   lookup_form(i.name) == form for i in self.items)

    def add(self, item: Amendment) -> None:
        self.items = [i for i in self.items if not (i.kind == item.kind and
                                                    i.government == item.government and
                                                    i.name == item.name)] + [item]


def amendments_path(user_data: Path) -> Path:
    """Where the user's amendments are kept: in their user data folder."""
    return Path(user_data) / FILE_NAME


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadRegistryError(f"{where}：应为非空文字")
    return value.strip()


def load_amendments(path: Path) -> Amendments:
    """The amendments in *path*; none when the file is missing. A damaged file is a
    BadRegistryError naming it (the user edited it, or the disk failed)."""
    path = Path(path)
    if not path.exists():
        return Amendments()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadRegistryError(f"部门名录修订文件有误（{path}）：{exc}") from exc
    items = []
    for kind in KINDS:
        for n, entry in enumerate(data.get(kind, []), start=1):
            where = f"{path.name} 第 {n} 条 {kind}"
            if not isinstance(entry, dict):
                raise BadRegistryError(f"{where}：格式有误")
            items.append(Amendment(kind, _text(entry.get("government"), where),
                                   _text(entry.get("name"), where),
                                   _text(entry.get("to"), where) if kind != "collective" else ""))
    return Amendments(items)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_amendments(path: Path, amendments: Amendments) -> None:
    """Write the amendments (a temporary file renamed over the old: never half a file)."""
    lines = ["# 部门名录的修订：公报通在“部门名录”中记下，导入和重建时都会用到。", ""]
    for item in amendments.items:
        lines.append(f"[[{item.kind}]]")
        lines.append(f"government = {_quote(item.government)}")
        lines.append(f"name = {_quote(item.name)}")
        if item.kind != "collective":
            lines.append(f"to = {_quote(item.to)}")
        lines.append("")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_whole(path, "\n".join(lines))
