"""The user's bookmarks: collections, notes, and anchors that survive a new edition.

Bookmarks live in the user's own SQLite file (never in the library). Each one
keys on the clause's immutable key plus a fingerprint of its text, and keeps
a copy of the text it was made on. Against any library it then resolves to
`ok` (unchanged), `changed` (the wording differs: old and new can be shown
side by side) or `orphaned` (the clause is gone; the saved text is kept).
Every change is one transaction in WAL mode, so a crash loses at most the
change under way.

Opening never fails silently and never crashes the caller: a damaged file
raises DamagedBookmarksError (models/bookmarks/repair.py offers a read-only
copy or a fresh start), a read-only folder or a full disk opens the store
read-only with the reason, and every later read or write turns SQLite's
errors into those same typed errors.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.errors import (BookmarkError, BookmarkStorageError, DamagedBookmarksError,
                      UnknownCollectionError)
from models.bookmarks.failures import is_damage, storage_message
from models.store.library import Library
from models.views.citation import cite

USER_SCHEMA_VERSION = 1


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
    expired: bool = False  # its document's validity has ended (once resolved)

    def citation(self) -> str:
        """《title》（文号）path — the form officials cite a clause in (views/citation.py)."""
        return cite(self.title, self.doc_number, self.path, self.expired)

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


class BookmarkStore:
    """The user's bookmarks in one SQLite file."""

    def __init__(self, path: Path, read_only: bool = False, reason: str = ""):
        """Open (or create) the store; *read_only* opens an existing file only for reading
        (a salvaged copy), *reason* saying why."""
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason = reason
        existed = self.path.exists()
        if read_only:
            self.conn = self._open_read_only()
        else:
            try:
                self.conn = self._open_for_writing()
            except (sqlite3.OperationalError, OSError) as exc:
                if is_damage(exc):
                    raise DamagedBookmarksError(self.path, str(exc)) from exc
                if not existed:
                    raise BookmarkStorageError(
                        f"无法创建书签文件（{self.path}）：" + storage_message(exc, self.path)
                    ) from exc
                # A read-only folder or a full disk: keep reading what is there.
                self.conn = self._open_read_only()
                self.read_only = True
                self.read_only_reason = storage_message(exc, self.path)
            except sqlite3.DatabaseError as exc:
                raise DamagedBookmarksError(self.path, str(exc)) from exc
        if existed:
            self._check()

    def _open_for_writing(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         [str(USER_SCHEMA_VERSION)])
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_read_only(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        last: Exception | None = None
        # A WAL file closed cleanly has no -shm beside it, and a read-only folder lets
        # none be made: then it is read as it stands on disk (immutable).
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(uri + query, uri=True)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.DatabaseError as exc:
                last = exc
                if is_damage(exc):
                    break
        if last is not None and is_damage(last):
            raise DamagedBookmarksError(self.path, str(last)) from last
        raise BookmarkStorageError(f"无法读取书签文件（{self.path}）：{last}") from last

    def _check(self) -> None:
        """A damaged page is found now, not by the first click that reads it."""
        try:
            result = self.conn.execute("PRAGMA quick_check").fetchall()
            tables = {r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise DamagedBookmarksError(self.path, str(exc)) from exc
        problems = [r[0] for r in result if r[0] != "ok"]
        if problems or not {"collections", "bookmarks"} <= tables:
            self.conn.close()
            detail = problems[0] if problems else "缺少书签数据表，可能不是公报通的书签文件"
            raise DamagedBookmarksError(self.path, detail)

    def _rows(self, sql: str, params=()) -> list[tuple]:
        """Run a read; damage found now is a DamagedBookmarksError, not a traceback."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                raise DamagedBookmarksError(self.path, str(exc)) from exc
            raise BookmarkStorageError(f"无法读取书签（{self.path}）：{exc}") from exc

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
            raise BookmarkStorageError(self.read_only_reason)
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
        except (sqlite3.DatabaseError, OSError) as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if is_damage(exc):
                raise DamagedBookmarksError(self.path, str(exc)) from exc
            raise BookmarkStorageError(storage_message(exc, self.path)) from exc

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
        rows = self._rows(
            "SELECT c.id, c.name, c.position, c.created, count(b.id) FROM collections c "
            "LEFT JOIN bookmarks b ON b.collection_id = c.id GROUP BY c.id ORDER BY c.position, c.id")
        return [Collection(*r) for r in rows]

    def collection(self, name: str) -> Collection:
        for c in self.collections():
            if c.name == name:
                return c
        raise UnknownCollectionError(name, [c.name for c in self.collections()])

    def bookmarks(self, collection: str | None = None) -> list[Bookmark]:
        if collection is not None:
            self.collection(collection)
        rows = self._rows(
            "SELECT b.id, c.name, b.key, b.document_key, b.doc_number, b.title, b.path, b.heading, "
            "b.fingerprint, b.text, b.note, b.position, b.created FROM bookmarks b "
            "JOIN collections c ON c.id = b.collection_id "
            + ("WHERE c.name = ? " if collection is not None else "")
            + "ORDER BY c.position, c.id, b.position, b.id",
            [collection] if collection is not None else [])
        return [Bookmark(*r) for r in rows]

    def resolved(self, library: Library, collection: str | None = None) -> list[Bookmark]:
        """Bookmarks with their state against *library*: ok, changed or orphaned."""
        marks = self.bookmarks(collection)
        current = library.fingerprints([m.key for m in marks])
        expired = library.expired_document_keys(among=[m.document_key for m in marks])
        for mark in marks:
            mark.expired = mark.document_key in expired
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


def bookmark_store_path(user_data: Path) -> Path:
    return Path(user_data) / "bookmarks.sqlite"


def merge_entries(store: "BookmarkStore", collections: list[tuple[str, list[dict]]]
                  ) -> tuple[int, int]:
    """Insert entries exchange.py has checked, in one transaction; (added, already there).
    The same clause in the same collection is never added twice."""
    counts = [0, 0]

    def do(conn: sqlite3.Connection) -> None:
        for name, entries in collections:
            conn.execute("INSERT OR IGNORE INTO collections (name, position, created) "
                         "VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM collections),"
                         " ?)", [name, _now()])
            cid = conn.execute("SELECT id FROM collections WHERE name = ?", [name]).fetchone()[0]
            for e in entries:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO bookmarks (collection_id, key, document_key, "
                    "doc_number, title, path, heading, fingerprint, text, note, created, "
                    "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT "
                    "COALESCE(MAX(position), -1) + 1 FROM bookmarks WHERE collection_id = ?))",
                    [cid, e["key"], e["document_key"], e["doc_number"], e["title"], e["path"],
                     e["heading"], e["fingerprint"], e["text"], e["note"], e["created"], cid])
                counts[0 if cur.rowcount else 1] += 1
    store._write(do)
    return counts[0], counts[1]
