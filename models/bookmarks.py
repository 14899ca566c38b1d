"""Bookmarks for meetings: collections, notes, and anchors that survive a new edition.

Bookmarks live in the user's own SQLite file (never in the library). Each one
keys on the clause's immutable key plus a fingerprint of its text, and keeps
a copy of the text it was made on. Against any library it then resolves to
`ok` (unchanged), `changed` (the wording differs: old and new can be shown
side by side) or `orphaned` (the clause is gone; the saved text is kept).
Every change is one transaction in WAL mode, so a crash loses at most the
change under way.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from .errors import GazetteError, UnknownNodeError
from .library import Library

USER_SCHEMA_VERSION = 1


class BookmarkError(GazetteError):
    """A bookmark operation the user asked for cannot be done."""


class UnknownCollectionError(BookmarkError):
    def __init__(self, name: str, known: list[str]):
        hint = f"（现有：{'、'.join(known)}）" if known else "（还没有任何收藏夹）"
        super().__init__(f"没有名为“{name}”的收藏夹{hint}")


@dataclass
class Collection:
    id: int
    name: str
    position: int
    created: str
    count: int = 0


@dataclass
class Bookmark:
    id: int
    collection: str
    key: str
    document_key: str
    doc_number: str | None
    title: str
    path: str
    heading: str
    fingerprint: str
    text: str  # the clause as it was when bookmarked
    note: str
    position: int
    created: str
    status: str = "ok"  # ok | changed | orphaned, once resolved
    current_text: str | None = None  # the clause's text now, when it still exists

    def citation(self) -> str:
        """《title》（文号）path — the form officials cite a clause in."""
        return f"《{self.title}》（{self.doc_number}）{self.path}" if self.doc_number \
            else f"《{self.title}》{self.path}"

    def as_json(self) -> dict:
        return {"collection": self.collection, "key": self.key, "doc_number": self.doc_number,
                "path": self.path, "heading": self.heading, "note": self.note,
                "status": self.status}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS collections (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, position INTEGER NOT NULL,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    key TEXT NOT NULL, document_key TEXT NOT NULL, doc_number TEXT, title TEXT NOT NULL,
    path TEXT NOT NULL, heading TEXT NOT NULL, fingerprint TEXT NOT NULL, text TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL, created TEXT NOT NULL,
    UNIQUE (collection_id, key));
CREATE INDEX IF NOT EXISTS bookmarks_collection ON bookmarks(collection_id, position);
"""


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _storage_message(exc: Exception, path: Path) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return f"无法保存书签：用户数据文件夹是只读的（{path.parent}）。书签仍可查看，但不能修改。"
    if "full" in text or "no space" in text:
        return f"无法保存书签：磁盘已满（{path.parent}）。请腾出空间后重试，已有书签未受影响。"
    return f"无法保存书签（{path}）：{exc}"


class BookmarkStore:
    """The user's bookmarks in one SQLite file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.read_only = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                              [str(USER_SCHEMA_VERSION)])
        except (sqlite3.OperationalError, PermissionError, OSError) as exc:
            if not self.path.exists():
                raise BookmarkError(_storage_message(exc, self.path)) from exc
            # A read-only folder or a full disk: keep reading what is there.
            self.conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.read_only = True
            self.read_only_reason = _storage_message(exc, self.path)
        except sqlite3.DatabaseError as exc:
            raise BookmarkError(f"书签文件已损坏（{self.path}）：{exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "BookmarkStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writing
    def _write(self, fn):
        """Run *fn* in one transaction; storage failures become BookmarkError in Chinese."""
        if self.read_only:
            raise BookmarkError(self.read_only_reason)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self.conn)
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return result
        except (sqlite3.OperationalError, OSError) as exc:
            raise BookmarkError(_storage_message(exc, self.path)) from exc

    def create_collection(self, name: str) -> Collection:
        name = name.strip()
        if not name:
            raise BookmarkError("收藏夹名称不能为空")

        def do(conn: sqlite3.Connection) -> None:
            position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM collections"
                                    ).fetchone()[0]
            conn.execute("INSERT OR IGNORE INTO collections (name, position, created) "
                         "VALUES (?, ?, ?)", [name, position, _now()])
        self._write(do)
        return self.collection(name)

    def rename_collection(self, old: str, new: str) -> None:
        self.collection(old)
        new = new.strip()
        if not new:
            raise BookmarkError("收藏夹名称不能为空")
        if new != old and any(c.name == new for c in self.collections()):
            raise BookmarkError(f"已有名为“{new}”的收藏夹")
        self._write(lambda c: c.execute("UPDATE collections SET name = ? WHERE name = ?",
                                        [new, old]))

    def delete_collection(self, name: str) -> None:
        self.collection(name)
        self._write(lambda c: c.execute("DELETE FROM collections WHERE name = ?", [name]))

    def add(self, library: Library, key: str, collection: str, note: str = "") -> Bookmark:
        """Bookmark a clause (or section, or document) into a collection, creating it if needed.

        Adding a clause already in the collection updates its note instead.
        """
        node = library.node(key)  # UnknownNodeError for an unknown key
        doc = library.document(node.document_key)
        self.create_collection(collection)

        def do(conn: sqlite3.Connection) -> None:
            cid = conn.execute("SELECT id FROM collections WHERE name = ?", [collection]
                               ).fetchone()[0]
            existing = conn.execute("SELECT id FROM bookmarks WHERE collection_id = ? AND key = ?",
                                    [cid, key]).fetchone()
            if existing:
                if note:
                    conn.execute("UPDATE bookmarks SET note = ? WHERE id = ?", [note, existing[0]])
                return
            position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM bookmarks "
                                    "WHERE collection_id = ?", [cid]).fetchone()[0]
            conn.execute(
                "INSERT INTO bookmarks (collection_id, key, document_key, doc_number, title, path, "
                "heading, fingerprint, text, note, position, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [cid, key, doc.key, doc.doc_number, doc.title,
                 "" if node.kind == "title" else node.path,  # the whole document
                 doc.short_title if node.kind == "title" else node.heading,
                 node.fingerprint, node.full_text, note, position, _now()])
        self._write(do)
        return next(b for b in self.bookmarks(collection) if b.key == key)

    def set_note(self, bookmark_id: int, note: str) -> None:
        self._write(lambda c: c.execute("UPDATE bookmarks SET note = ? WHERE id = ?",
                                        [note, bookmark_id]))

    def remove(self, bookmark_id: int) -> None:
        self._write(lambda c: c.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id]))

    def move(self, bookmark_id: int, new_index: int) -> None:
        """Move a bookmark to *new_index* within its collection (drag, or move up/down)."""
        def do(conn: sqlite3.Connection) -> None:
            row = conn.execute("SELECT collection_id FROM bookmarks WHERE id = ?",
                               [bookmark_id]).fetchone()
            if not row:
                return
            ids = [r[0] for r in conn.execute("SELECT id FROM bookmarks WHERE collection_id = ? "
                                              "ORDER BY position, id", [row[0]])]
            ids.remove(bookmark_id)
            ids.insert(max(0, min(new_index, len(ids))), bookmark_id)
            conn.executemany("UPDATE bookmarks SET position = ? WHERE id = ?",
                             [(i, bid) for i, bid in enumerate(ids)])
        self._write(do)

    def reorder(self, collection: str, bookmark_ids: list[int]) -> None:
        """Store the order of a collection's bookmarks as shown (after a drag in the panel)."""
        cid = self.collection(collection).id

        def do(conn: sqlite3.Connection) -> None:
            known = [r[0] for r in conn.execute("SELECT id FROM bookmarks WHERE collection_id = ? "
                                                "ORDER BY position, id", [cid])]
            order = [i for i in bookmark_ids if i in known] + [i for i in known
                                                               if i not in bookmark_ids]
            conn.executemany("UPDATE bookmarks SET position = ?, collection_id = ? WHERE id = ?",
                             [(pos, cid, bid) for pos, bid in enumerate(order)])
        self._write(do)

    # ------------------------------------------------------------ reading
    def collections(self) -> list[Collection]:
        rows = self.conn.execute(
            "SELECT c.id, c.name, c.position, c.created, count(b.id) FROM collections c "
            "LEFT JOIN bookmarks b ON b.collection_id = c.id GROUP BY c.id ORDER BY c.position, c.id"
        ).fetchall()
        return [Collection(*r) for r in rows]

    def collection(self, name: str) -> Collection:
        for c in self.collections():
            if c.name == name:
                return c
        raise UnknownCollectionError(name, [c.name for c in self.collections()])

    def bookmarks(self, collection: str | None = None) -> list[Bookmark]:
        if collection is not None:
            self.collection(collection)
        rows = self.conn.execute(
            "SELECT b.id, c.name, b.key, b.document_key, b.doc_number, b.title, b.path, b.heading, "
            "b.fingerprint, b.text, b.note, b.position, b.created FROM bookmarks b "
            "JOIN collections c ON c.id = b.collection_id "
            + ("WHERE c.name = ? " if collection is not None else "")
            + "ORDER BY c.position, c.id, b.position, b.id",
            [collection] if collection is not None else []).fetchall()
        return [Bookmark(*r) for r in rows]

    def resolved(self, library: Library, collection: str | None = None) -> list[Bookmark]:
        """Bookmarks with their state against *library*: ok, changed or orphaned."""
        marks = self.bookmarks(collection)
        current = library.fingerprints()
        for mark in marks:
            now = current.get(mark.key)
            if now is None:
                mark.status = "orphaned"
            elif now == mark.fingerprint:
                mark.status = "ok"
            else:
                mark.status = "changed"
        for mark in marks:
            if mark.status == "changed":
                mark.current_text = library.node(mark.key).full_text
            elif mark.status == "ok":
                mark.current_text = mark.text
        return marks

    # ------------------------------------------------------ export/import
    def export_json(self, collection: str | None = None) -> dict:
        marks = self.bookmarks(collection)
        names = [collection] if collection else [c.name for c in self.collections()]
        return {"format": "gazette-desk-bookmarks", "version": 1, "exported": _now(),
                "collections": [{"name": n, "bookmarks": [
                    {k: v for k, v in asdict(m).items()
                     if k not in ("id", "collection", "status", "current_text", "position")}
                    for m in marks if m.collection == n]} for n in names]}

    def import_json(self, data: dict) -> tuple[int, int]:
        """Merge exported bookmarks; the same clause in the same collection is not duplicated.

        Returns (added, skipped).
        """
        if not isinstance(data, dict) or data.get("format") != "gazette-desk-bookmarks":
            raise BookmarkError("这不是公报通导出的书签文件")
        fields = ("key", "document_key", "doc_number", "title", "path", "heading", "fingerprint",
                  "text", "note", "created")
        counts = [0, 0]

        def do(conn: sqlite3.Connection) -> None:
            for coll in data.get("collections", []):
                name = str(coll.get("name", "")).strip()
                if not name:
                    continue
                conn.execute("INSERT OR IGNORE INTO collections (name, position, created) "
                             "VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM collections),"
                             " ?)", [name, _now()])
                cid = conn.execute("SELECT id FROM collections WHERE name = ?", [name]).fetchone()[0]
                for item in coll.get("bookmarks", []):
                    try:
                        values = [item[f] if f != "note" else item.get(f, "") for f in fields]
                    except (KeyError, TypeError) as exc:
                        raise BookmarkError(f"书签文件内容不完整：缺少 {exc}") from exc
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO bookmarks (collection_id, key, document_key, "
                        "doc_number, title, path, heading, fingerprint, text, note, created, "
                        "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT "
                        "COALESCE(MAX(position), -1) + 1 FROM bookmarks WHERE collection_id = ?))",
                        [cid, *values, cid])
                    counts[0 if cur.rowcount else 1] += 1
        self._write(do)
        return counts[0], counts[1]


def bookmark_store_path(user_data: Path) -> Path:
    return Path(user_data) / "bookmarks.sqlite"


def load_export(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BookmarkError(f"无法读取书签文件 {path}：{exc}") from exc


__all__ = ["Bookmark", "BookmarkError", "BookmarkStore", "Collection", "UnknownCollectionError",
           "UnknownNodeError", "bookmark_store_path", "load_export"]
