"""Amending the 部门名录 where the official is: merge, rename, mark collective — at once.

An amendment is kept in the user data folder (registry/amendments.py), so that
every later import and rebuild applies it, and applied right away to the
user's library in place, in one transaction under the writer lock: the
duties of 区发改委 move to 区发展和改革局 the moment the official says so.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from models.errors import GazetteError, UnknownDepartmentError, os_reason
from models.registry.amendments import (Amendment, amendments_path, load_amendments,
                                        save_amendments)
from models.registry import lookup_form
from models.store.build import open_for_writing, storage_errors
from models.store.counts import recount
from models.store.writelock import writer_lock


def _department(db, government: str, name: str) -> int | None:
    row = db.execute(
        "SELECT d.id FROM departments d LEFT JOIN aliases a ON a.department_id = d.id "
        "WHERE COALESCE(d.government, '') = ? AND (d.name = ? OR a.folded = ?) "
        "ORDER BY d.name = ? DESC, d.known DESC LIMIT 1",
        [government, name, lookup_form(name), name]).fetchone()
    return row[0] if row else None


def _check(item: Amendment) -> None:
    """What is wrong with *item* whatever the library holds: said before anything is kept,
    locked or written."""
    if item.kind == "rename" and lookup_form(item.to) == lookup_form(item.name):
        raise GazetteError(f"新名称“{item.to}”与原名称相同，无需改名")


def apply(library: Path, item: Amendment, on_wait: Callable[[str], None] | None = None) -> int:
    """Apply *item* to the library in place; the number of clauses whose unit it changed."""
    _check(item)
    library = Path(library)
    with storage_errors(library), writer_lock(library, on_wait):
        db = open_for_writing(library)
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                moved = _apply(db, item)
                db.conn.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
        finally:
            db.close()
    return moved


def _apply(db, item: Amendment) -> int:
    source = _department(db, item.government, item.name)
    if source is None:
        raise UnknownDepartmentError(f"{item.government}的{item.name}", [])
    count = db.execute("SELECT count(DISTINCT node_id) FROM assignments WHERE department_id = ?",
                       [source]).fetchone()[0]
    if item.kind == "collective":
        db.execute("UPDATE departments SET kind = '集体单位' WHERE id = ?", [source])
        return count
    if item.kind == "rename":
        clash = _department(db, item.government, item.to)
        if clash is not None and clash != source:
            raise GazetteError(f"{item.government}已有名为“{item.to}”的单位；要合并请用“并入”")
        db.execute("UPDATE departments SET name = ? WHERE id = ?", [item.to, source])
    else:
        target = _department(db, item.government, item.to)
        if target is None:
            raise UnknownDepartmentError(item.to, [])
        if target == source:
            raise GazetteError(f"“{item.name}”已是“{item.to}”的名称（{item.government or '未知政府'}），"
                               "不能把一个单位并入它自己")
        for table in ("assignments", "roster"):
            db.execute(f"UPDATE [{table}] SET department_id = ? WHERE department_id = ?",
                       [target, source])
        db.execute("UPDATE OR IGNORE aliases SET department_id = ? WHERE department_id = ?",
                   [target, source])
        db.execute("DELETE FROM aliases WHERE department_id = ?", [source])
        db.execute("DELETE FROM departments WHERE id = ?", [source])
        source = target
    db.execute("INSERT OR IGNORE INTO aliases (alias, folded, department_id) VALUES (?, ?, ?)",
               [item.name, lookup_form(item.name), source])
    recount(db)
    return count


def amend(library: Path, user_data: Path, item: Amendment,
          on_wait: Callable[[str], None] | None = None) -> int:
    """Keep *item* in the user's amendments and apply it to *library* (both or neither)."""
    _check(item)
    path = amendments_path(user_data)
    existed = path.exists()
    before = load_amendments(path)
    after = load_amendments(path)
    after.add(item)
    try:
        save_amendments(path, after)
    except OSError as exc:
        raise GazetteError(f"无法保存部门名录的修订（{path}）：{os_reason(exc)}；资料库未作改动。"
                           ) from exc
    try:
        return apply(library, item, on_wait)
    except BaseException:
        if existed:  # the library refused it: the file says what it holds
            save_amendments(path, before)
        else:
            path.unlink(missing_ok=True)
        raise


def amend_user_library(item: Amendment, on_wait: Callable[[str], None] | None = None) -> int:
    """Keep *item* and apply it to the user's library (made from the default one first, when
    there is none yet): what the window's 部门名录 and `departments alias` without --library
    do. The number of clauses whose unit it changed."""
    from models.locations import user_data_dir
    from models.store.content import ensure_user_library
    return amend(ensure_user_library(on_wait), user_data_dir(), item, on_wait)
