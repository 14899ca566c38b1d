"""What the reading tree showed, saved beside the library, so the next start can draw it before
opening the library.

Opening a library costs imports (sqlite3, the query code, dataclasses, json)
and queries. After every normal start, and on quitting, the window writes a
picture of its tree to `outline.txt` in the cache folder: the rows it showed
(the issues, and below each unfolded row its rows — never the folded rest of
the library, so a thousand issues cost what their issue rows do), which rows
were unfolded, and what the status bar said of them. The next start draws
that picture before the first paint and only then opens the library
(ui/startup/staged.py), whose live tree, unfolded the same way, replaces it.

The file names the library it was made from (resolved path, size, mtime in
ns): if that file changed or disappeared, the cache is ignored. It is also
ignored when it is corrupt or of another format: loading it never raises.
Validity (已失效) is not stored but computed from `valid_until` and today's
date on loading, so a cache written yesterday is still right today.

With a department filter on, the window's first paint must show the tree as
the filter leaves it, which the library decides. So the file keeps a picture
per filter for the last few filters the window was left with (department and
its government — two governments may each have a 区财政局 —, roles,
include-general; most recent first), each with the role tags of its
rows and the first page of the department's deadlines, beside the picture
without a filter. ui/startup/staged.py uses the picture of the saved filter
(or the one without), and starts unstaged when there is none. A picture is
only ever as old as the library state the file names.

The format is plain tab-separated text (one record a line, tabs, newlines
and backslashes escaped), because `json` alone costs ~5 ms to import and
this module must stay nearly free to import: standard library modules that
Python has loaded anyway (os, time) and nothing else, no Qt.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from models.roles import FilterKey, filter_key
from models.validity import is_expired
from models.views.outline_node import OutlineNode
from models.whole_file import write_text_whole

CACHE_NAME = "outline.txt"
MAGIC = "gazette-desk outline 4"  # 4: a filter is named with its department's government
MAX_FILTERS = 4  # filter pictures kept (a user switches between a few departments)
DEADLINE_PAGE = 20  # deadlines the panel shows before it is scrolled (and the cache keeps)
DEADLINE_FIELDS = ("due", "start", "phrase", "key", "path", "heading", "doc_number",
                   "document_key", "role", "expired")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


class Picture:
    """What the tree showed: its rows (the root's, and those below each unfolded row), the
    keys of the unfolded rows, the status bar's counts; with a department filter (*key*)
    the department's deadlines (the first page of them) and how many there are."""

    def __init__(self, key: FilterKey | None, root: OutlineNode, expanded,
                 issues: str, documents: int, clauses: int,
                 deadlines=None, deadline_total: int = 0):
        self.key = key
        self.root = root
        self.expanded = list(expanded)
        self.issues, self.documents, self.clauses = issues, documents, clauses
        self.deadlines = list(deadlines[:DEADLINE_PAGE]) if deadlines else []
        self.deadline_total = deadline_total


class CachedOutline:
    """What a start needs before the library is open: the pictures and where they came from."""

    def __init__(self, library: Path, plain: Picture | None,
                 filters: dict[FilterKey, Picture] | None = None):
        self.library = library
        self.plain = plain  # the picture without a filter
        self.filters = filters or {}

    def picture(self, key: FilterKey | None) -> Picture | None:
        return self.plain if key is None else self.filters.get(key)


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
    if "\\" not in text and "\t" not in text and "\n" not in text and "\r" not in text:
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


def _picture_lines(picture: Picture) -> list[str]:
    department, government, roles, general = picture.key or ("", "", (), False)
    lines = [_line("tree", department, government, ",".join(roles), int(general), picture.issues,
                   picture.documents, picture.clauses, picture.deadline_total)]
    expanded = set(picture.expanded)
    number: dict[int, int] = {id(picture.root): -1}

    def write(node: OutlineNode) -> None:
        for child in node.children:
            number[id(child)] = len(number) - 1
            open_ = child.key in expanded and child.loaded and bool(child.children)
            lines.append(_line("node", number[id(node)], child.kind, child.key, child.text,
                               child.document_key, child.doc_number,
                               child.valid_until if child.kind == "document" else "",
                               child.role, ("e" if open_ else "") +
                               ("f" if child.has_children() else "")))
            if open_:
                write(child)
    write(picture.root)
    for row in picture.deadlines:
        lines.append(_line("deadline", *(_typed(row.get(f)) for f in DEADLINE_FIELDS)))
    return lines


def save(library: Path, picture: Picture, folder: Path | None = None,
         plain=None) -> Path | None:
    """Write *picture* of the tree of *library* to the cache.

    It becomes the picture of its filter (or of none); the other pictures
    already in the file for the same state of the library are kept after it,
    as they are written (MAX_FILTERS filtered ones in all). *plain*: a function
    making the picture without a filter, called when there is none for this
    state of the library. Written only when the content differs from what is
    there, atomically (a temporary file renamed over the old one). Returns the
    file, or None when it could not be written (a read-only cache folder is not
    an error).
    """
    target = cache_file(folder)
    try:
        stamp = library_stamp(library)
        sections = [_Section(picture.key, _picture_lines(picture))]
        old = _parse(target, None, None, wanted=())  # (kept as they are written)
        if old is not None and old.stamp == list(stamp):
            sections += [k for k in old.sections if k.key != picture.key]
        if plain is not None and all(k.key is not None for k in sections):
            sections.append(_Section(None, _picture_lines(plain())))
        unfiltered = [k for k in sections if k.key is None][:1]
        kept = unfiltered + [k for k in sections if k.key is not None][:MAX_FILTERS]
        lines = [MAGIC, _line("library", *stamp)]
        for section in sorted(kept, key=sections.index):
            lines += section.lines
        lines.append("end")
        text = "\n".join(lines) + "\n"
        if old is not None and old.text == text:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_whole(target, text)
        return target
    except (OSError, ValueError):
        return None


_EVERY = object()  # load(): every picture


def load(library: Path | None = None, folder: Path | None = None,
         today: str | None = None, only=_EVERY) -> CachedOutline | None:
    """The cached pictures, or None if missing, corrupt, or made from another state of the
    library.

    *library*: the file the caller is about to open; None accepts the
    library the cache names as long as that file is unchanged. *today*:
    ISO date (default: the local date) for computing which documents expired.
    *only*: the key of the one picture wanted (None: the one without filter),
    the others are left as text (a start draws one picture).
    """
    wanted = _EVERY if only is _EVERY else (only,)
    parsed = _parse(cache_file(folder), library, today, wanted)
    if parsed is None or parsed.outline is None:
        return None
    return parsed.outline


class _Section:
    """One picture as the file has it: its key and its lines (the "tree" line first)."""

    def __init__(self, key: FilterKey | None, lines: list[str]):
        self.key, self.lines = key, lines


class _Parsed:
    def __init__(self, text: str, stamp: list[str], sections: list[_Section],
                 outline: CachedOutline | None):
        self.text, self.stamp, self.sections, self.outline = text, stamp, sections, outline


def _head(fields: list[str]) -> Picture:
    """A picture's "tree" line: its filter and counts (no rows yet)."""
    if fields[0] != "tree" or len(fields) != 9:
        raise ValueError("not a picture")
    department, government, roles, general, issues, documents, clauses, total = fields[1:]
    if general not in ("0", "1"):
        raise ValueError("bad flag")
    key = filter_key(department, government, [r for r in roles.split(",") if r],
                     general == "1") if department else None
    return Picture(key, OutlineNode("root", "", ""), [], issues, int(documents), int(clauses),
                   deadline_total=int(total))


def _picture(section: _Section, today: str) -> Picture:
    """The picture of a section, its rows built (ValueError, IndexError when corrupt)."""
    picture = _head([_unescape(f) for f in section.lines[0].split("\t")])
    nodes: list[OutlineNode] = []
    for line in section.lines[1:]:
        fields = line.split("\t")
        if "\\" in line:  # (most lines have nothing escaped)
            fields = [_unescape(f) for f in fields]
        if fields[0] == "node" and len(fields) == 10:
            parent = picture.root if fields[1] == "-1" else nodes[int(fields[1])]
            kind, key, label, doc_key, number, valid_until, role, flags = fields[2:]
            if kind == "document":
                expired = is_expired(valid_until, today)
            else:  # a clause is shown expired with its document
                expired = parent.expired
            node = parent.add(OutlineNode(kind, key, label, doc_key, number,
                                          valid_until or None, expired, role))
            node.loaded, node.foldable = False, "f" in flags
            parent.loaded = True
            if "e" in flags:
                picture.expanded.append(key)
            nodes.append(node)
        elif fields[0] == "deadline" and len(fields) == len(DEADLINE_FIELDS) + 1 \
                and picture.key is not None:
            picture.deadlines.append(
                {f: _untyped(v) for f, v in zip(DEADLINE_FIELDS, fields[1:])})
        else:
            raise ValueError("bad line")
    if not picture.root.children:
        raise ValueError("no rows")
    return picture


def _parse(path: Path, library: Path | None, today: str | None,
           wanted=_EVERY) -> _Parsed | None:
    """The file read back, its pictures as sections and those *wanted* (keys, or _EVERY)
    built; its outline is None if the library it names changed."""
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
        sections: list[_Section] = []
        for line in lines[2:-2]:
            if line.startswith("tree\t"):
                sections.append(_Section(_head([_unescape(f) for f in line.split("\t")]).key,
                                         [line]))
            elif sections and line.startswith(("node\t", "deadline\t")):
                sections[-1].lines.append(line)
            else:
                return None
        if not sections:
            return None
        if list(library_stamp(path)) != head[1:]:
            return _Parsed(text, head[1:], [], None)  # the library was rebuilt or replaced
        today = today or time.strftime("%Y-%m-%d")
        pictures = [_picture(k, today) for k in sections
                    if wanted is _EVERY or k.key in wanted]
        plain = next((p for p in pictures if p.key is None), None)
        filters = {p.key: p for p in pictures if p.key is not None}
        return _Parsed(text, head[1:], sections, CachedOutline(path, plain, filters))
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None
