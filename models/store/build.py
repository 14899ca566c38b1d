"""Writing parsed issues into the SQLite library, atomically, one writer at a time.

An existing library is written in place in one transaction (readers, in WAL
mode, see it before or after and are never blocked); a new one is built in a
temporary file beside the target and renamed into place. Either way a failed
import leaves the old library untouched.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

from models.errors import BadLibraryError, DuplicateDocumentError, is_disk_full, os_reason
from models.issue import Document, Issue, Node
from models.registry import Registry, lookup_form
from models.store import search_index, spans
from models.store.counts import CountChanges
from models.store.tables import create_tables
from models.textnorm import doc_number_key, doc_number_tail, fold, nonblank
from models.store.writelock import building_prefix, timeout_seconds, writer_lock


def fingerprint(text: str) -> str:
    """A fingerprint of a clause's wording that ignores spacing and width variants."""
    return hashlib.sha1(fold(nonblank(text)).encode()).hexdigest()[:16]


def _boxes_json(boxes: tuple) -> str | None:
    """A node's printed lines on its pages, compactly: [[page, x0, top, x1, bottom], …]."""
    if not boxes:
        return None
    return json.dumps([[b[0], *(round(v, 1) for v in b[1:])] for b in boxes],
                      separators=(",", ":"))


DeptKey = tuple[str, str]  # (government, canonical name)


def _sync_departments(db: sqlite_utils.Database, registry: Registry) -> dict[DeptKey, int]:
    """Departments and aliases from the registry (and units met before); key → id."""
    existing = {(r["government"] or "", r["name"]): r["id"] for r in db["departments"].rows}
    for dept in registry.departments.values():
        key = (dept.government, dept.name)
        row = {"name": dept.name, "kind": dept.kind, "known": int(dept.known),
               "part_of": json.dumps(list(dept.part_of), ensure_ascii=False),
               "government": dept.government}
        if key in existing:
            db["departments"].update(existing[key], row)
        else:
            existing[key] = db["departments"].insert(row).last_pk
        _add_aliases(db, existing[key], (dept.name, *dept.aliases))
    return existing


def _add_aliases(db: sqlite_utils.Database, dept_id: int, names) -> None:
    db["aliases"].upsert_all([{"alias": a, "folded": lookup_form(a), "department_id": dept_id}
                              for a in names], pk=("folded", "department_id"))


def _insert_document(db: sqlite_utils.Database, issue_id: int, doc: Document,
                     dept_ids: dict[str, int], registry: Registry, counts: CountChanges) -> None:
    doc_id = db["documents"].insert({
        "key": doc.key, "issue_id": issue_id, "position": doc.position,
        "doc_number": doc.doc_number, "doc_number_key": doc_number_key(doc.doc_number or ""),
        "doc_number_tail": doc_number_tail(doc.doc_number or ""),
        "title": doc.title, "search_title": search_index.searchable(doc.title),
        "short_title": doc.short_title, "masthead": doc.masthead,
        "issuer": doc.issuer, "addressee": doc.addressee, "date": doc.date,
        "publicity": doc.publicity, "cc": doc.cc, "imprint_org": doc.imprint_org,
        "imprint_date": doc.imprint_date,
        "attachments": json.dumps(doc.attachments, ensure_ascii=False),
        "plan_title": doc.plan_title, "valid_until": doc.valid_until, "category": doc.category,
        "page": doc.page, "first_line": doc.first_line, "last_line": doc.last_line,
        "government": doc.government, "parent_government": doc.parent_government,
        "issuers": json.dumps(doc.issuers, ensure_ascii=False),
        "plan_issuers": json.dumps(doc.plan_issuers, ensure_ascii=False),
        "plan_date": doc.plan_date,
    }).last_pk
    nodes, assignments, roster, deadlines, refs, fts = [], [], [], [], [], []
    next_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM nodes").fetchone()[0]) + 1

    def dept_id(a) -> int | None:
        """The department of an assignment, added (with the name it was written as) the
        first time a unit of its government is met."""
        if not a.department:
            return None
        key = (a.government, a.department)
        if key not in dept_ids:
            known = registry.departments.get(a.department) if a.known else None
            dept_ids[key] = db["departments"].insert({
                "name": a.department, "kind": known.kind if known else "未登记",
                "known": int(known is not None), "part_of": "[]",
                "government": a.government}).last_pk
            _add_aliases(db, dept_ids[key], (a.department,))
        if a.as_written and a.as_written != a.department:
            _add_aliases(db, dept_ids[key], (a.as_written,))
        return dept_ids[key]

    def visit(node: Node, parent_id: int | None, depth: int) -> None:
        nonlocal next_id
        node_id = next_id
        next_id += 1
        nodes.append({"id": node_id, "key": node.key, "document_id": doc_id,
                      "parent_id": parent_id, "ord": len(nodes), "depth": depth,
                      "kind": node.kind, "label": node.label, "path": node.path,
                      **spans.heading_columns(node.heading, node.text), "text": node.text,
                      **spans.note_columns(node.note, node.text),
                      "fingerprint": fingerprint(node.full_text),
                      "first_line": node.first_line, "last_line": node.last_line,
                      "page": node.page, "page_label": node.page_label,
                      "boxes": _boxes_json(node.boxes)})
        fts.append((node_id, node.kind, node.full_text))
        for a in node.assignments:
            assignments.append({"node_id": node_id, "document_id": doc_id,
                                "department_id": dept_id(a),
                                "role": a.role, "as_written": a.as_written, "form": a.form,
                                "dated": int(bool(node.deadlines))})
        if node.roster:
            first = node.assignments[0] if node.assignments else None
            roster.append({"node_id": node_id, "department_id": dept_id(first) if first else None,
                           "person": node.roster.person, "post": node.roster.post,
                           "grp": node.roster.group, "position": node.roster.position})
        for d in node.deadlines:
            deadlines.append({"node_id": node_id, "phrase": d.phrase, "due": d.due,
                              "start": d.start, "kind": d.kind})
        for r in node.references:
            refs.append({"node_id": node_id, "title": r.title, "doc_number": r.doc_number,
                         "doc_number_key": doc_number_key(r.doc_number or ""),
                         "doc_number_tail": doc_number_tail(r.doc_number or "")})
        for child in node.children:
            visit(child, node_id, depth + 1)

    for node in doc.nodes:
        visit(node, None, 0)
    db["nodes"].insert_all(nodes)
    for table, rows in (("assignments", assignments), ("roster", roster),
                        ("deadlines", deadlines), ("references", refs)):
        if rows:
            db[table].insert_all(rows)
    search_index.add_rows(db.conn, fts)
    counts.document(doc_id, +1)


def _delete_document(db: sqlite_utils.Database, doc_id: int, counts: CountChanges) -> None:
    node_ids = "SELECT id FROM nodes WHERE document_id = ?"
    counts.document(doc_id, -1)
    search_index.delete_rows(db.conn, db.execute(
        "SELECT id, kind, label || text FROM nodes WHERE document_id = ?", [doc_id]).fetchall())
    for table in ("assignments", "roster", "deadlines", "references"):
        db.execute(f"DELETE FROM [{table}] WHERE node_id IN ({node_ids})", [doc_id])
    db.execute("DELETE FROM nodes WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])


def add_issues(library: Path, issues: list[Issue], registry: Registry, *,
               replace: bool = False, fresh: bool = False,
               extra_metadata: dict[str, str] | None = None,
               on_wait: Callable[[str], None] | None = None, wal: bool = True,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> None:
    """Add parsed issues to a library file (created when missing), as one transaction.

    Writers are serialised by the library's lock (models/writelock.py; a second
    writer waits, saying so through *on_wait*). An existing library is written in
    place, in one transaction, so readers (WAL) see it before or after, never
    half-way, and are never blocked. *fresh* replaces its whole content, in place
    too. A new file is built beside the target and renamed into place.

    A 文号 already in the library raises DuplicateDocumentError unless
    *replace*, which swaps in the new edition under the same keys. *wal*=False
    builds a new file in rollback-journal mode, for a library that will sit on
    read-only media (the frozen app's), where WAL cannot be read. *progress*
    (issues written, issues) is told after each issue; *cancelled* is asked
    before each: True rolls the whole write back (RebuildCancelled). *issues*
    may be any sized iterable (a rebuild parses each as the write reaches it).
    """
    library = Path(library)
    registry = registry.copy()  # units met while writing are added to this copy, not the caller's
    with storage_errors(library), writer_lock(library, on_wait):
        if library.exists():
            _write_in_place(library, issues, registry, replace, fresh, extra_metadata, wal,
                            _Steps(progress, cancelled))
        else:
            _write_new(library, issues, registry, replace, extra_metadata, wal,
                       _Steps(progress, cancelled))


@contextmanager
def storage_errors(library: Path) -> Iterator[None]:
    """SQLite and file-system failures while writing, as BadLibraryError in Chinese."""
    full = f"无法写入资料库 {library}：磁盘空间不足。原资料库未被改动；请腾出空间后重试。"
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc, library.parent):
            raise BadLibraryError(full) from exc
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) \
                or "locked" in str(exc).lower():
            raise BadLibraryError(f"无法写入资料库 {library}：它正被另一个程序占用。"
                                  "原资料库未被改动；请关闭其他公报通窗口后重试。") from exc
        raise BadLibraryError(f"无法写入资料库 {library.name}：文件可能已损坏（{exc}）。"
                              "原资料库未被改动；可以从内置公报重新生成。") from exc
    except OSError as exc:
        if is_disk_full(exc, library.parent):
            raise BadLibraryError(full) from exc
        raise BadLibraryError(f"无法写入资料库 {library}：{os_reason(exc)}") from exc


def open_for_writing(path: Path) -> sqlite_utils.Database:
    """A connection to write *path* with, the file in WAL mode (readers go on reading while
    it writes; a window reading the old state meanwhile, Library.pin, does not block it)."""
    conn = sqlite3.connect(path, timeout=timeout_seconds(), isolation_level=None)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    return sqlite_utils.Database(conn)


def checkpoint(library: Path) -> bool:
    """Move what the WAL holds into the library file and empty the WAL; False when it could
    not be done now (nothing is lost: the WAL stays until the next write).

    A write's last connection does this on closing; a rebuild read meanwhile by a
    window that kept the old state (Library.pin) cannot, and the rebuilt library
    would sit in the WAL, as large as the library, until the next import.
    """
    try:
        conn = sqlite3.connect(library, timeout=5, isolation_level=None)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return busy == 0


class _Steps:
    """What a long write tells and asks between issues: its progress, whether to stop."""

    def __init__(self, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.progress, self.cancelled = progress, cancelled

    def before(self) -> None:
        if self.cancelled is not None and self.cancelled():
            from models.errors import RebuildCancelled
            raise RebuildCancelled()

    def after(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)


def _write_in_place(library: Path, issues: list[Issue], registry: Registry, replace: bool,
                    fresh: bool, extra_metadata: dict[str, str] | None, wal: bool,
                    steps: _Steps) -> None:
    from models.store.library_file import check_library
    if not fresh:
        check_library(library)  # a damaged or foreign file is never written into
    db = open_for_writing(library)
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            if fresh:
                _drop_all(db)
                create_tables(db)
            _fill(db, issues, registry, replace, extra_metadata, steps)
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        if fresh and not wal:  # rebuilt for read-only media: one self-contained file
            db.conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()


def _write_new(library: Path, issues: list[Issue], registry: Registry, replace: bool,
               extra_metadata: dict[str, str] | None, wal: bool, steps: _Steps) -> None:
    library.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=building_prefix(library), suffix=".sqlite",
                                    dir=library.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        db = open_for_writing(tmp)
        try:
            db.conn.execute(f"PRAGMA application_id = {0x47415A45}")
            db.conn.execute("BEGIN")
            create_tables(db)
            _fill(db, issues, registry, replace, extra_metadata, steps)
            db.conn.execute("COMMIT")
            db.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            if not wal:  # for read-only media (the frozen app's): one self-contained file
                db.conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            db.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a shared library must stay readable
        os.replace(tmp, library)
    finally:
        tmp.unlink(missing_ok=True)


def _drop_all(db: sqlite_utils.Database) -> None:
    """Every table of the library (a rebuild replaces the schema too), in the transaction."""
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE TABLE ''%'").fetchall()]
    virtual = [n for n in names if n == "search_fts"]
    for name in virtual + [n for n in names if n not in virtual and not n.startswith("search_fts_")]:
        db.execute(f"DROP TABLE IF EXISTS [{name}]")


def _fill(db: sqlite_utils.Database, issues: list[Issue], registry: Registry, replace: bool,
          extra_metadata: dict[str, str] | None, steps: _Steps) -> None:
    dept_ids = _sync_departments(db, registry)
    counts = CountChanges(db)  # what this write adds to and takes from the counts
    for done, issue in enumerate(issues, 1):
        steps.before()
        _insert_issue(db, issue, dept_ids, registry, replace, counts)
        steps.after(done, len(issues))
    counts.apply()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    meta = {"built_at": now, **(extra_metadata or {})}
    # Which texts the library holds, by their SHA-256 (also per issue in `issues`).
    held = db.execute("SELECT source_name, source_sha256 FROM issues ORDER BY id").fetchall()
    meta["source_sha256"] = "; ".join(f"{name}={sha}" for name, sha in held)
    db["metadata"].upsert_all([{"key": k, "value": v} for k, v in meta.items()], pk="key")


def _insert_issue(db: sqlite_utils.Database, issue: Issue, dept_ids: dict[str, int],
                  registry: Registry, replace: bool, counts: CountChanges) -> None:
    held = []
    for doc in issue.documents:
        row = db.execute("SELECT documents.id, issues.label FROM documents JOIN issues "
                         "ON issues.id = documents.issue_id WHERE documents.key = ?",
                         [doc.key]).fetchone()
        if row:
            held.append((doc, row))
    if held and not replace:
        raise DuplicateDocumentError([(doc.doc_number or doc.title, doc.where, label)
                                      for doc, (_, label) in held])
    for _, (doc_id, _) in held:
        _delete_document(db, doc_id, counts)
    existing = db.execute("SELECT id FROM issues WHERE source_sha256 = ? AND label = ?",
                          [issue.source_sha256, issue.label]).fetchone()
    if existing:
        issue_id = existing[0]
    else:
        issue_id = db["issues"].insert({
            "label": issue.label, "title": issue.title, "year": issue.year,
            "number": issue.number, "total_number": issue.total_number,
            "published": issue.published, "sponsor": issue.sponsor, "editor": issue.editor,
            "details": json.dumps(issue.details, ensure_ascii=False),
            "source_name": issue.source_name, "source_sha256": issue.source_sha256,
            "source_format": issue.source_format,
            "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }).last_pk
        db["toc"].insert_all([{"issue_id": issue_id, "position": i, "category": e.category,
                               "title": e.title, "doc_number": e.doc_number, "page": e.page}
                              for i, e in enumerate(issue.toc)])
    for doc in issue.documents:
        _insert_document(db, issue_id, doc, dept_ids, registry, counts)
    # Issues left without documents by a replacement are removed.
    db.execute("DELETE FROM toc WHERE issue_id NOT IN (SELECT DISTINCT issue_id FROM documents)")
    db.execute("DELETE FROM issues WHERE id NOT IN (SELECT DISTINCT issue_id FROM documents)")
