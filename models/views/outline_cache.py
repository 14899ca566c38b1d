"""The reading tree saved beside the library, so the window can draw it before opening it.

Opening a library costs imports (sqlite3, the query code, dataclasses, json)
and queries; the tree itself is a few hundred short labels. After every
normal start the window writes those labels to `outline.txt` in the cache
folder; the next start draws its tree from that file before the first paint
and only then opens the library (ui/startup/staged.py), which replaces the cached
rows by the real ones.

The file names the library it was made from (resolved path, size, mtime in
ns): if that file changed or disappeared, the cache is ignored. It is also
ignored when it is corrupt or of another format: loading it never raises.
Validity (已失效) is not stored but computed from `valid_until` and today's
date on loading, so a cache written yesterday is still right today.

With a department filter on, the window's first paint must show the tree
as the filter leaves it, which the library decides. So the file also keeps,
for the last few filters the window was left with (department, roles,
include-general; most recent first), what the filter showed: the rows with
the department's role tag in each, and its deadlines. ui/startup/staged.py uses
the section of the saved filter, if there is one, and starts unstaged
otherwise. A section is only ever as old as the library state the file
names, and none of it depends on the date (expired rows are kept, shown as
such; which deadlines are past is decided when they are shown).

The format is plain tab-separated text (one record a line, tabs, newlines
and backslashes escaped), because `json` alone costs ~5 ms to import and
this module must stay nearly free to import: standard library modules that
Python has loaded anyway (os, time) and nothing else, no Qt.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from models.views.outline_node import OutlineNode

CACHE_NAME = "outline.txt"
MAGIC = "gazette-desk outline 2"
MAX_FILTERS = 4  # filter sections kept (a user switches between a few departments)
DEADLINE_FIELDS = ("due", "start", "phrase", "key", "path", "heading", "doc_number",
                   "document_key", "role", "expired")
FilterKey = tuple  # (department, tuple of roles, include_general)
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


class CachedFilter:
    """What a department filter showed: row key → the department's role, its deadlines."""

    def __init__(self, key: FilterKey, roles: dict[str, str], deadlines: list[dict]):
        self.key = key
        self.roles = roles
        self.deadlines = deadlines


class CachedOutline:
    """What a start needs before the library is open: the tree and where it came from."""

    def __init__(self, library: Path, root: OutlineNode,
                 filters: dict[FilterKey, CachedFilter] | None = None):
        self.library = library
        self.root = root
        self.filters = filters or {}


def filter_key(department: str, roles, include_general: bool) -> FilterKey:
    return (department, tuple(sorted(roles)), bool(include_general))


def cache_file(folder: Path | None = None) -> Path:
    if folder is None:
        from models.locations import cache_dir
        folder = cache_dir()
    return Path(folder) / CACHE_NAME


def library_stamp(path: Path) -> tuple[str, str, str]:
    """What identifies one state of a library file: resolved path, size, mtime (ns).

    A library written in place (WAL mode) may hold its latest transactions in
    its -wal file until a checkpoint, so that file's size and mtime count too.
    """
    resolved = Path(path).resolve()
    info = resolved.stat()
    size, mtime = str(info.st_size), str(info.st_mtime_ns)
    try:
        wal = os.stat(f"{resolved}-wal")
        size, mtime = f"{size}+{wal.st_size}", f"{mtime}+{wal.st_mtime_ns}"
    except OSError:
        pass
    return str(resolved), size, mtime


def _escape(text: str) -> str:
    if not any(c in text for c in _ESCAPES):
        return text
    return "".join(_ESCAPES.get(c, c) for c in text)


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            if nxt not in _UNESCAPES:
                raise ValueError("bad escape")
            c = _UNESCAPES[nxt]
        out.append(c)
    return "".join(out)


def _line(*fields) -> str:
    return "\t".join(_escape("" if f is None else str(f)) for f in fields)


def _filter_lines(section: CachedFilter) -> list[str]:
    department, roles, general = section.key
    lines = [_line("filter", department, ",".join(roles), int(general))]
    lines += [_line("row", key, role) for key, role in section.roles.items()]
    for row in section.deadlines:
        lines.append(_line("deadline", *(_typed(row.get(f)) for f in DEADLINE_FIELDS)))
    return lines


def _typed(value) -> str:
    """A deadline's field as text that says its type (None, a flag or a string)."""
    if value is None:
        return "n"
    if isinstance(value, bool):
        return "b1" if value else "b0"
    return "s" + str(value)


def _untyped(text: str):
    if text == "n":
        return None
    if text in ("b0", "b1"):
        return text == "b1"
    if text[:1] == "s":
        return text[1:]
    raise ValueError("bad field")


def save(library: Path, root: "OutlineNode", folder: Path | None = None,
         current: CachedFilter | None = None) -> Path | None:
    """Write the tree of *library* to the cache.

    *current*: what the window's department filter shows now, if one is on;
    it becomes the first filter section, and the sections already in the
    file for the same state of the library are kept after it (MAX_FILTERS
    in all). Written only when the content differs from what is there,
    atomically (a temporary file renamed over the old one). Returns the
    file, or None when it could not be written (a read-only cache folder is
    not an error).
    """
    target = cache_file(folder)
    try:
        stamp = library_stamp(library)
        lines = [MAGIC, _line("library", *stamp)]
        number: dict[int, int] = {id(root): -1}
        for index, node in enumerate(n for n in root.walk() if n is not root):
            number[id(node)] = index
            lines.append(_line("node", number[id(node.parent)], node.kind, node.key, node.text,
                               node.document_key, node.doc_number,
                               node.valid_until if node.kind == "document" else ""))
        sections = [current] if current is not None else []
        old = _parse(target, None, None)
        if old is not None and old.stamp == list(stamp):
            sections += [f for k, f in old.filters.items()
                         if current is None or k != current.key]
        for section in sections[:MAX_FILTERS]:
            lines += _filter_lines(section)
        lines.append("end")
        text = "\n".join(lines) + "\n"
        if old is not None and old.text == text:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
        return target
    except (OSError, ValueError):
        return None


def load(library: Path | None = None, folder: Path | None = None,
         today: str | None = None) -> CachedOutline | None:
    """The cached tree, or None if missing, corrupt, or made from another state of the library.

    *library*: the file the caller is about to open; None accepts the
    library the cache names as long as that file is unchanged. *today*:
    ISO date (default: the local date) for computing which documents expired.
    """
    parsed = _parse(cache_file(folder), library, today)
    if parsed is None or parsed.outline is None:
        return None
    return parsed.outline


class _Parsed:
    def __init__(self, text: str, stamp: list[str], outline: CachedOutline | None,
                 filters: dict[FilterKey, CachedFilter]):
        self.text, self.stamp, self.outline, self.filters = text, stamp, outline, filters


def _parse(path: Path, library: Path | None, today: str | None) -> _Parsed | None:
    """The file read back; its outline is None if the library it names changed."""
    try:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if lines[0] != MAGIC or lines[-2:] != ["end", ""]:
            return None
        head = [_unescape(f) for f in lines[1].split("\t")]
        if head[0] != "library" or len(head) != 4:
            return None
        path = Path(head[1])
        if library is not None and str(Path(library).resolve()) != head[1]:
            return None
        today = today or time.strftime("%Y-%m-%d")
        root = OutlineNode("root", "", "")
        nodes: list[OutlineNode] = []
        filters: dict[FilterKey, CachedFilter] = {}
        section: CachedFilter | None = None
        for line in lines[2:-2]:
            fields = [_unescape(f) for f in line.split("\t")]
            if fields[0] == "node" and len(fields) == 8 and section is None:
                parent = root if fields[1] == "-1" else nodes[int(fields[1])]
                kind, key, label, doc_key, number, valid_until = fields[2:]
                if kind == "document":
                    expired = bool(valid_until) and valid_until < today
                else:  # a clause is shown expired with its document
                    expired = parent.expired if parent is not root else False
                nodes.append(parent.add(OutlineNode(kind, key, label, doc_key, number,
                                                   valid_until or None, expired)))
            elif fields[0] == "filter" and len(fields) == 4 and fields[3] in ("0", "1"):
                key = filter_key(fields[1], [r for r in fields[2].split(",") if r],
                                 fields[3] == "1")
                section = filters[key] = CachedFilter(key, {}, [])
            elif fields[0] == "row" and len(fields) == 3 and section is not None:
                section.roles[fields[1]] = fields[2]
            elif (fields[0] == "deadline" and len(fields) == len(DEADLINE_FIELDS) + 1
                  and section is not None):
                section.deadlines.append(
                    {f: _untyped(v) for f, v in zip(DEADLINE_FIELDS, fields[1:])})
            else:
                return None
        if not root.children:
            return None
        keys = {n.key for n in nodes}
        filters = {k: f for k, f in filters.items() if set(f.roles) <= keys}
        if list(library_stamp(path)) != head[1:]:
            return _Parsed(text, head[1:], None, {})  # the library was rebuilt or replaced
        return _Parsed(text, head[1:], CachedOutline(path, root, filters), filters)
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None
