"""Opening a library file: read-only, checked to be ours and of this schema, and the
errors that say a stored value is damaged (in Chinese, with what could not be read).

Reading needs nothing but the standard sqlite3 module, so the window's start stays fast.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from models.errors import BadLibraryError
from models.store.schema import APP_ID, SCHEMA_VERSION


def connect_ro(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise BadLibraryError(f"找不到资料库文件：{path}")
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error as exc:
        raise BadLibraryError(f"无法打开资料库 {path}：{exc}") from exc
    return conn


def check_library(path: Path) -> dict[str, str]:
    """Validate a library file; return its metadata, or raise BadLibraryError in Chinese."""
    conn = connect_ro(Path(path))
    try:
        return check_open(conn, Path(path))
    finally:
        conn.close()


def damaged(what: str, value: object) -> BadLibraryError:
    """A row whose stored value cannot be read: the file is damaged, say where."""
    shown = str(value)[:40]
    return BadLibraryError(f"资料库已损坏：{what}“{shown}”无法读取。可以从内置公报重新生成资料库。")


def stored_json(value: str | None, what: str):
    try:
        return json.loads(value or "[]")
    except (ValueError, TypeError):
        raise damaged(what, value) from None


def stored_date(value: str | None, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (ValueError, TypeError):
        raise damaged(what, value) from None


def check_open(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    try:
        meta = dict(conn.execute("SELECT key, value FROM metadata").fetchall())
        conn.execute("SELECT count(*) FROM nodes").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BadLibraryError(f"资料库文件已损坏或不是公报通的资料库（{path.name}）："
                              f"{exc}。可以从内置公报重新生成。") from exc
    if meta.get("application") != APP_ID:
        raise BadLibraryError(f"{path.name} 不是公报通的资料库")
    try:
        version = int(meta.get("schema_version", "0") or 0)
    except ValueError:
        raise BadLibraryError(f"资料库 {path.name} 已损坏：格式版本“{meta.get('schema_version')}”"
                              "不是数字。可以从内置公报重新生成。") from None
    if version > SCHEMA_VERSION:
        raise BadLibraryError(f"资料库 {path.name} 由更新版本的公报通生成（格式版本 {version}），"
                              f"当前程序只支持到版本 {SCHEMA_VERSION}，请升级公报通。")
    if version < SCHEMA_VERSION:
        raise BadLibraryError(f"资料库 {path.name} 的格式版本 {version} 已过时，请重新生成。")
    return meta


def is_wal(path: Path) -> bool:
    """Whether the library file is in WAL mode, read from its header (byte 18: 2 for WAL)
    without opening it."""
    try:
        with open(path, "rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2
