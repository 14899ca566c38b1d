"""The reading tree saved beside the library, so the window can draw it before opening it.

Opening a library costs imports (sqlite3, the query code, dataclasses, json)
and queries; the tree itself is a few hundred short labels. After every
normal start the window writes those labels to `outline.txt` in the cache
folder; the next start draws its tree from that file before the first paint
and only then opens the library (ui/startup.py), which replaces the cached
rows by the real ones.

The file names the library it was made from (resolved path, size, mtime in
ns): if that file changed or disappeared, the cache is ignored. It is also
ignored when it is corrupt or of another format: loading it never raises.
Validity (已失效) is not stored but computed from `valid_until` and today's
date on loading, so a cache written yesterday is still right today.

The format is plain tab-separated text (one record a line, tabs, newlines
and backslashes escaped), because `json` alone costs ~5 ms to import and
this module must stay nearly free to import: standard library modules that
Python has loaded anyway (os, time) and nothing else, no Qt.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from models.outline_node import OutlineNode

CACHE_NAME = "outline.txt"
MAGIC = "gazette-desk outline 1"
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


class CachedOutline:
    """What a start needs before the library is open: the tree and where it came from."""

    def __init__(self, library: Path, root: OutlineNode):
        self.library = library
        self.root = root


def cache_file(folder: Path | None = None) -> Path:
    if folder is None:
        from models.locations import cache_dir
        folder = cache_dir()
    return Path(folder) / CACHE_NAME


def library_stamp(path: Path) -> tuple[str, str, str]:
    """What identifies one state of a library file: resolved path, size, mtime (ns)."""
    resolved = Path(path).resolve()
    info = resolved.stat()
    return str(resolved), str(info.st_size), str(info.st_mtime_ns)


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


def save(library: Path, root: "OutlineNode", folder: Path | None = None
         ) -> Path | None:
    """Write the tree of *library* to the cache.

    Written only when the content differs from what is there, atomically
    (a temporary file renamed over the old one). Returns the file, or None
    when it could not be written (a read-only cache folder is not an error).
    """
    target = cache_file(folder)
    try:
        lines = [MAGIC, _line("library", *library_stamp(library))]
        number: dict[int, int] = {id(root): -1}
        for index, node in enumerate(n for n in root.walk() if n is not root):
            number[id(node)] = index
            lines.append(_line("node", number[id(node.parent)], node.kind, node.key, node.text,
                               node.document_key, node.doc_number,
                               node.valid_until if node.kind == "document" else ""))
        lines.append("end")
        text = "\n".join(lines) + "\n"
        if target.exists() and target.read_text(encoding="utf-8") == text:
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
    try:
        text = cache_file(folder).read_text(encoding="utf-8")
        lines = text.split("\n")
        if lines[0] != MAGIC or lines[-2:] != ["end", ""]:
            return None
        head = [_unescape(f) for f in lines[1].split("\t")]
        if head[0] != "library" or len(head) != 4:
            return None
        path = Path(head[1])
        if library is not None and str(Path(library).resolve()) != head[1]:
            return None
        if list(library_stamp(path)) != head[1:]:
            return None  # the library was rebuilt or replaced since
        today = today or time.strftime("%Y-%m-%d")
        root = OutlineNode("root", "", "")
        nodes: list[OutlineNode] = []
        for line in lines[2:-2]:
            fields = [_unescape(f) for f in line.split("\t")]
            if fields[0] == "node" and len(fields) == 8:
                parent = root if fields[1] == "-1" else nodes[int(fields[1])]
                kind, key, label, doc_key, number, valid_until = fields[2:]
                if kind == "document":
                    expired = bool(valid_until) and valid_until < today
                else:  # a clause is shown expired with its document
                    expired = parent.expired if parent is not root else False
                nodes.append(parent.add(OutlineNode(kind, key, label, doc_key, number,
                                                   valid_until or None, expired)))
            else:
                return None
        if not root.children:
            return None
        return CachedOutline(path, root)
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None
