"""Bookmarks to and from a file: an official's collections moved to another computer.

A file from elsewhere is data, not trust. Before anything is stored it is
checked whole: its size and nesting, the type of every field, lengths of
names, texts and notes, the number of entries. Entries with bad fields are
reported as bad (naming where they are), never counted as duplicates;
names keep their wording but lose control characters, and are only ever
stored as text (never used as a path).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from models.errors import BadBookmarkFileError, os_reason
from models.bookmarks.store import BookmarkStore, merge_entries

FORMAT = "gazette-desk-bookmarks"
MAX_FILE_BYTES = 16 * 1024 * 1024  # a thousand collections of long clauses stay far below
MAX_ENTRIES = 20_000
MAX_NAME = 200  # characters of a collection's name
MAX_NOTE = 20_000
MAX_TEXT = 200_000  # a clause's saved text (the longest in a gazette is a few thousand)
_REQUIRED = ("key", "document_key", "title", "path", "heading", "fingerprint", "text")
_EXPORTED = ("key", "document_key", "doc_number", "title", "path", "heading", "fingerprint",
             "text", "note", "created")


@dataclass
class CheckedExport:
    collections: list[tuple[str, list[dict]]] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)  # where and why, one line each


@dataclass
class ImportReport:
    added: int
    duplicates: int
    bad: list[str]

    def message(self) -> str:
        text = f"已导入 {self.added} 条书签，跳过重复的 {self.duplicates} 条"
        if self.bad:
            shown = "；".join(self.bad[:5]) + ("；……" if len(self.bad) > 5 else "")
            text += f"；另有 {len(self.bad)} 条内容有误，未导入（{shown}）"
        return text + "。"


def export_json(store: BookmarkStore, collection: str | None = None) -> dict:
    marks = store.bookmarks(collection)
    names = [collection] if collection else [c.name for c in store.collections()]
    return {"format": FORMAT, "version": 1, "exported": datetime.now().isoformat(timespec="seconds"),
            "collections": [{"name": n, "bookmarks": [
                {k: v for k, v in asdict(m).items() if k in _EXPORTED}
                for m in marks if m.collection == n]} for n in names]}


def read_export(path: Path) -> dict:
    """The JSON of an export file (a UTF-8 BOM is accepted), or BadBookmarkFileError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadBookmarkFileError(f"书签文件 {path.name} 有 {size // 1024 // 1024} MB，"
                                       f"超过上限 {MAX_FILE_BYTES // 1024 // 1024} MB，未导入")
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BadBookmarkFileError(f"无法读取书签文件 {path}：{os_reason(exc, reading=True)}") from exc
    except UnicodeDecodeError as exc:
        raise BadBookmarkFileError(f"书签文件 {path.name} 不是 UTF-8 文本") from exc
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise BadBookmarkFileError(f"书签文件 {path.name} 的括号嵌套过深，不是公报通导出的书签文件"
                                   ) from exc
    except json.JSONDecodeError as exc:
        raise BadBookmarkFileError(f"书签文件 {path.name} 不是有效的 JSON（第 {exc.lineno} 行）"
                                   ) from exc


def _clean_name(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    name = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    name = " ".join(name.split())
    return name if 0 < len(name) <= MAX_NAME else None


def _check_entry(item: object) -> tuple[dict | None, str]:
    if not isinstance(item, dict):
        return None, "不是书签条目"
    entry = {}
    for name in _REQUIRED:
        value = item.get(name)
        if not isinstance(value, str):
            return None, f"缺少 {name}" if value is None else f"{name} 不是文字"
        entry[name] = value
    for name in ("doc_number", "created"):
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            return None, f"{name} 不是文字"
        entry[name] = value
    note = item.get("note", "")
    if note is None:
        note = ""
    if not isinstance(note, str):
        return None, "note 不是文字"
    if len(note) > MAX_NOTE:
        return None, f"备注有 {len(note)} 字，超过上限 {MAX_NOTE} 字"
    if len(entry["text"]) > MAX_TEXT:
        return None, f"条款原文有 {len(entry['text'])} 字，超过上限 {MAX_TEXT} 字"
    entry["note"] = note.replace("\x00", "")
    entry["created"] = entry["created"] or datetime.now().isoformat(timespec="seconds")
    return entry, ""


def check_export(data: object) -> CheckedExport:
    """Every collection and entry of an export, checked; raises for a file that is no export."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadBookmarkFileError("这不是公报通导出的书签文件")
    collections = data.get("collections", [])
    if not isinstance(collections, list):
        raise BadBookmarkFileError("书签文件格式有误：collections 应为收藏夹的列表")
    total = sum(len(c.get("bookmarks")) for c in collections
                if isinstance(c, dict) and isinstance(c.get("bookmarks"), list))
    if total > MAX_ENTRIES:
        raise BadBookmarkFileError(f"书签文件有 {total} 条书签，超过一次导入的上限 {MAX_ENTRIES} 条，"
                                   "未导入")
    checked = CheckedExport()
    for i, coll in enumerate(collections, start=1):
        where = f"第 {i} 个收藏夹"
        name = _clean_name(coll.get("name")) if isinstance(coll, dict) else None
        items = coll.get("bookmarks", []) if isinstance(coll, dict) else None
        if name is None or not isinstance(items, list):
            count = len(items) if isinstance(items, list) else 1
            checked.bad.append(f"{where}：{'名称缺失或有误' if name is None else '书签应为列表'}"
                               + (f"（{count} 条）" if count > 1 else ""))
            continue
        entries = []
        for j, item in enumerate(items, start=1):
            entry, why = _check_entry(item)
            if entry is None:
                checked.bad.append(f"{where}第 {j} 条：{why}")
            else:
                entries.append(entry)
        checked.collections.append((name, entries))
    return checked


def import_file(store: BookmarkStore, path: Path) -> ImportReport:
    checked = check_export(read_export(path))
    added, duplicates = merge_entries(store, checked.collections)
    return ImportReport(added, duplicates, checked.bad)
