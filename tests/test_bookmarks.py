"""Bookmarks in a real user database: anchoring across rebuilds and new editions, durability."""
from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.bookmarks import BookmarkError, BookmarkStore, UnknownCollectionError, exchange
from models.errors import UnknownNodeError
from models.store.library import Library
from models.store.build import add_issues
from models.parse.parser import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
COLLECTION = "10月12日 营商环境专题会"


def clause(lib: Library, doc_number: str, path: str):
    doc = next(d for d in lib.documents() if d.doc_number == doc_number)
    return next(n for n in lib.nodes(doc.key) if n.path == path)


@pytest.fixture()
def store(tmp_path):
    s = BookmarkStore(tmp_path / "user" / "bookmarks.sqlite")
    yield s
    s.close()


def test_add_list_note_and_order(store, seed_library):
    a = clause(seed_library, "市中政发〔2021〕16号", "三、（二）")
    b = clause(seed_library, "市中政办发〔2021〕13号", "二、（一）")
    c = clause(seed_library, "市中政办发〔2021〕15号", "二、（三）1.")
    for node in (a, b, c):
        store.add(seed_library, node.key, COLLECTION)
    store.add(seed_library, a.key, COLLECTION, note="请发改局汇报进度")  # same clause: note only
    marks = store.bookmarks(COLLECTION)
    assert [m.key for m in marks] == [a.key, b.key, c.key]
    assert marks[0].note == "请发改局汇报进度"
    assert marks[0].citation() == ("《市中区人民政府关于全面深化证照分离改革工作的实施意见》"
                                   "（市中政发〔2021〕16号）三、（二）")
    store.move(marks[2].id, 0)
    assert [m.key for m in store.bookmarks(COLLECTION)] == [c.key, a.key, b.key]
    store.set_note(marks[1].id, "")
    assert store.bookmarks(COLLECTION)[2].note == ""
    store.rename_collection(COLLECTION, "周四 专题会")
    assert [x.name for x in store.collections()] == ["周四 专题会"]
    with pytest.raises(UnknownCollectionError):
        store.bookmarks(COLLECTION)
    with pytest.raises(UnknownNodeError):
        store.add(seed_library, "000000000000", "周四 专题会")


def test_resolve_after_rebuild_and_new_edition(tmp_path, store, seed_library_path, registry,
                                               seed_bytes):
    lib = Library(seed_library_path)
    kept = clause(lib, "市中政办发〔2021〕14号", "一、1.")
    edited = clause(lib, "市中政办发〔2021〕13号", "二、（一）")
    removed = clause(lib, "市中政办发〔2021〕14号", "八、29.")
    for node in (kept, edited, removed):
        store.add(lib, node.key, COLLECTION)
    lib.close()

    # A rebuilt library of the same text: every bookmark is ok.
    rebuilt = tmp_path / "rebuilt.sqlite"
    add_issues(rebuilt, [parse_bytes(seed_bytes, registry, "seed.txt")], registry, fresh=True)
    with Library(rebuilt) as lib2:
        assert {m.key: m.status for m in store.resolved(lib2)} == {
            kept.key: "ok", edited.key: "ok", removed.key: "ok"}

    # A new edition: one clause reworded, one clause dropped.
    text = seed_bytes.decode("utf-8")
    text = text.replace("（一）强化资金保障。对已完成安全鉴定的病险水库除险加固",
                        "（一）强化资金保障。对已完成安全鉴定并经复核的病险水库除险加固")
    start = text.index("29. 加强组织实施")
    end = text.index("\n", text.index("（各级各部门按职责分工负责）", start))
    text = text[:start] + text[end:]
    edition = tmp_path / "edition.sqlite"
    add_issues(edition, [parse_bytes(text.encode(), registry, "edition.txt")], registry, fresh=True)
    with Library(edition) as lib3:
        status = {m.key: m for m in store.resolved(lib3)}
    assert status[kept.key].status == "ok"
    assert status[edited.key].status == "changed"
    assert "经复核" in status[edited.key].current_text
    assert "经复核" not in status[edited.key].text  # the saved text is the old one
    assert status[removed.key].status == "orphaned"
    assert "加强组织实施" in status[removed.key].text  # kept, never silently dropped


def test_export_import_merges_without_duplicates(tmp_path, store, seed_library):
    node = clause(seed_library, "市中政发〔2021〕16号", "一、（一）")
    store.add(seed_library, node.key, COLLECTION, note="备注")
    exported = tmp_path / "书签.json"
    exported.write_text(json.dumps(exchange.export_json(store), ensure_ascii=False), "utf-8")
    other = BookmarkStore(tmp_path / "other.sqlite")
    first = exchange.import_file(other, exported)
    assert (first.added, first.duplicates, first.bad) == (1, 0, [])
    again = exchange.import_file(other, exported)
    assert (again.added, again.duplicates, again.bad) == (0, 1, [])
    [mark] = other.bookmarks(COLLECTION)
    assert (mark.key, mark.note) == (node.key, "备注")
    with pytest.raises(BookmarkError):
        exchange.check_export({"format": "something else"})
    other.close()


READ_ONLY_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from models.bookmarks import BookmarkError, BookmarkStore
from models.store.library import Library
library = Library(sys.argv[3])
s = BookmarkStore(sys.argv[2])
print("read_only", s.read_only, [m.key for m in s.bookmarks()])
try:
    s.add(library, sys.argv[4], "另一个")
except BookmarkError as err:
    print("refused", err)
"""


def test_read_only_folder_still_reads(tmp_path, seed_library, seed_library_path):
    """A real read-only folder (a read-only bind mount: root ignores file permissions)."""
    from tests.sandbox import read_only, run_inside
    folder = tmp_path / "ro"
    s = BookmarkStore(folder / "bookmarks.sqlite")
    node = clause(seed_library, "市中政发〔2021〕16号", "一、（一）")
    s.add(seed_library, node.key, COLLECTION)
    s.close()
    proc = run_inside(read_only(folder), [sys.executable, "-c", READ_ONLY_CHILD, str(ROOT),
                                          str(folder / "bookmarks.sqlite"),
                                          str(seed_library_path), node.key], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert f"read_only True ['{node.key}']" in proc.stdout
    assert "refused" in proc.stdout and "只读" in proc.stdout


WRITER = r"""
import sys
sys.path.insert(0, sys.argv[3])
from models.bookmarks import BookmarkStore
from models.store.library import Library
lib = Library(sys.argv[2])
keys = [n.key for n in lib.nodes() if n.kind in ("item", "subsection")]
store = BookmarkStore(sys.argv[1])
for i in range(1000):
    store.add(lib, keys[i % len(keys)], f"会议{i // len(keys)}", note=f"第{i}条")
    print(i, flush=True)
"""


def test_sigkill_during_writes_keeps_every_committed_bookmark(tmp_path, seed_library_path):
    """Kill the writer at random points; every bookmark it reported committed survives."""
    db = tmp_path / "bookmarks.sqlite"
    rng = random.Random(20211)
    committed = -1
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(seed_library_path),
                                 str(ROOT)], stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.3, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        done = [int(x) for x in out.split()]
        if done:
            committed = max(committed, done[-1])
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {r[0] for r in conn.execute("SELECT note FROM bookmarks")}
        conn.close()
        # Each run writes the same sequence; every write it reported must be there.
        missing = [i for i in range(committed + 1) if f"第{i}条" not in notes]
        assert not missing, f"committed bookmarks lost after SIGKILL: {missing[:10]}"
    assert committed >= 0, "the writer never got a bookmark in before being killed"


def test_read_only_database_gives_a_clear_message_and_still_reads(tmp_path, seed_library):
    """Works as root too: SQLite itself refuses to write through a read-only connection."""
    path = tmp_path / "bookmarks.sqlite"
    s = BookmarkStore(path)
    node = clause(seed_library, "市中政发〔2021〕16号", "一、（一）")
    s.add(seed_library, node.key, COLLECTION)
    s.conn.close()
    s.conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, isolation_level=None)
    assert [m.key for m in s.bookmarks()] == [node.key]
    with pytest.raises(BookmarkError, match="只读"):
        s.add(seed_library, node.key, "另一个")
    assert [c.name for c in s.collections()] == [COLLECTION]  # nothing half-written
    s.close()


def test_full_disk_gives_a_clear_message(tmp_path, seed_library):
    s = BookmarkStore(tmp_path / "bookmarks.sqlite")
    pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
    s.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: a full disk
    keys = [n.key for n in seed_library.nodes() if n.kind == "item"]
    with pytest.raises(BookmarkError, match="磁盘空间不足"):
        for key in keys:
            s.add(seed_library, key, COLLECTION, note="很长的备注" * 200)
    assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s.close()
