"""A damaged bookmark file: read what can still be read, or start afresh keeping it.

Neither choice destroys anything. The read-only copy is made from the rows
SQLite can still read (the damaged file itself is never written to); a fresh
start renames the damaged file beside the new one, so it can be sent to
someone who can repair it.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from models.errors import BookmarkStorageError, os_reason
from models.bookmarks.store import _SCHEMA, BookmarkStore

_COLLECTION_COLUMNS = "id, name, position, created"
_BOOKMARK_COLUMNS = ("id, collection_id, key, document_key, doc_number, title, path, heading, "
                     "fingerprint, text, note, position, created")


def _readable_rows(conn: sqlite3.Connection, table: str, columns: str) -> tuple[list, int]:
    """The rows of *table* SQLite can read, by ranges of ids, halving a range that fails;
    and how many ranges of one id could not be read."""
    try:
        top = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 1 << 20
    rows, lost = [], 0
    pending = [(1, top)] if top else []
    while pending:
        low, high = pending.pop()
        try:
            rows += conn.execute(f"SELECT {columns} FROM {table} WHERE id BETWEEN ? AND ?",
                                 [low, high]).fetchall()
        except sqlite3.DatabaseError:
            if low == high:
                lost += 1
            else:
                middle = (low + high) // 2
                pending += [(middle + 1, high), (low, middle)]
    return sorted(rows), lost


def salvage(damaged: Path) -> BookmarkStore:
    """A read-only store holding every bookmark that can still be read from *damaged*."""
    damaged = Path(damaged)
    folder = Path(tempfile.mkdtemp(prefix="gazette-bookmarks-"))
    copy = folder / "bookmarks-readable.sqlite"
    collections, bookmarks, lost = [], [], 0
    try:
        source = sqlite3.connect(damaged.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            collections, lost_c = _readable_rows(source, "collections", _COLLECTION_COLUMNS)
            bookmarks, lost_b = _readable_rows(source, "bookmarks", _BOOKMARK_COLUMNS)
            lost = lost_c + lost_b
        finally:
            source.close()
    except sqlite3.DatabaseError:
        lost = -1  # nothing of it could be read at all
    known = {c[0] for c in collections}
    orphans = [b for b in bookmarks if b[1] not in known]
    if orphans:  # bookmarks whose collection row is lost: kept under a name of their own
        collections.append((max(known, default=0) + 1, "（无法读出名称的收藏夹）", 1 << 30,
                            datetime.now().isoformat(timespec="seconds")))
        bookmarks = [b if b[1] in known else (b[0], collections[-1][0], *b[2:]) for b in bookmarks]
    with sqlite3.connect(copy) as out:
        out.executescript(_SCHEMA)
        out.executemany(f"INSERT INTO collections ({_COLLECTION_COLUMNS}) VALUES (?, ?, ?, ?)",
                        collections)
        out.executemany(f"INSERT INTO bookmarks ({_BOOKMARK_COLUMNS}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bookmarks)
    out.close()
    if lost < 0:
        reason = f"这是损坏的书签文件（{damaged}）的只读副本：其中的书签已无法读出。"
    else:
        reason = (f"这是损坏的书签文件（{damaged}）的只读副本：读出 {len(bookmarks)} 条书签"
                  + (f"，另有约 {lost} 处无法读取" if lost else "") + "。")
    return BookmarkStore(copy, read_only=True, reason=reason)


def start_fresh(damaged: Path) -> Path:
    """Rename the damaged file (and its -wal, -shm) beside itself; return the kept name.
    The next BookmarkStore at *damaged* starts empty."""
    damaged = Path(damaged)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = damaged.with_name(f"{damaged.stem}.damaged-{stamp}{damaged.suffix}")
    try:
        for suffix in ("-wal", "-shm", ""):
            part = damaged.with_name(damaged.name + suffix)
            if part.exists():
                os.replace(part, kept.with_name(kept.name + suffix))
    except OSError as exc:
        raise BookmarkStorageError(f"无法把损坏的书签文件改名保留（{damaged}）：{os_reason(exc)}"
                                   ) from exc
    return kept
