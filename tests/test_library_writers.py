"""Writers of a library never lose each other: the writer lock, in-place writes, rebuilds.

Imports run as separate processes (python main.py import), as two windows or
the window and the command line would; readers keep reading meanwhile.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from tests.cli_runner import user_env

MAIN = ROOT / "main.py"
SINGLE = (FIXTURES / "tai_single_with_number.txt").read_text(encoding="utf-8")


@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)


def variant(tmp_path: Path, n: int) -> Path:
    """The single-document fixture under another 文号: a document of its own."""
    path = tmp_path / f"doc{n}.txt"
    path.write_text(SINGLE.replace("台政发〔2022〕3号", f"台政发〔2022〕{n}号"), encoding="utf-8")
    return path


def start_import(env, path, *extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(MAIN), "import", str(path), *map(str, extra)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def doc_numbers(env, library=None) -> list[str]:
    args = [sys.executable, str(MAIN), "documents", "--format", "json"]
    if library:
        args += ["--library", str(library)]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [d["doc_number"] for d in json.loads(proc.stdout)]


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.parametrize("target", ["library", "user"])
def test_parallel_imports_all_land(env, tmp_path, seed_library_path, target):
    """Six imports started at once: every one that said 已导入 is in the library afterwards."""
    extra = []
    library = tmp_path / "shared.sqlite"
    if target == "library":
        library.write_bytes(seed_library_path.read_bytes())
        extra = ["--library", library]
    sources = [variant(tmp_path, n) for n in range(10, 16)]
    procs = [start_import(env, path, *extra) for path in sources]
    results = [(p.wait(timeout=180), *p.communicate()) for p in procs]
    succeeded = []
    for (code, out, err), n in zip(results, range(10, 16)):
        assert "Traceback" not in err, err
        if code == 0:
            assert "已导入" in out
            succeeded.append(f"台政发〔2022〕{n}号")
    assert len(succeeded) == 6  # each waited for the others rather than failing
    held = doc_numbers(env, library if target == "library" else None)
    assert set(succeeded) <= set(held)
    assert len(held) == 5 + 6  # the seed's five documents and the six imports, no more
    path = library if target == "library" else tmp_path / "user" / "library.sqlite"
    assert integrity(path) == "ok"
    if target == "user":
        manifest = json.loads((tmp_path / "user" / "imports" / "imports.json").read_text("utf-8"))
        assert sorted(e["name"] for e in manifest) == sorted(p.name for p in sources)


def test_a_second_writer_waits_then_fails_clearly(env, tmp_path, seed_library_path):
    from models.store.writelock import writer_lock
    library = tmp_path / "lib.sqlite"
    library.write_bytes(seed_library_path.read_bytes())
    before = library.read_bytes()
    env = dict(env, GAZETTE_LOCK_TIMEOUT="1")
    with writer_lock(library):
        started = time.monotonic()
        proc = start_import(env, variant(tmp_path, 20), "--library", library)
        code = proc.wait(timeout=60)
        waited = time.monotonic() - started
        out, err = proc.communicate()
    assert code == 2
    assert "正在等待" in err and "等待 1 秒后仍未完成" in err and "Traceback" not in err
    assert waited >= 1
    assert library.read_bytes() == before
    assert "已导入" not in out


def test_another_thread_of_the_same_process_is_a_second_writer(tmp_path):
    """The window imports in a worker thread: its main thread (a 部门名录 amendment, a
    second import) must wait for the lock like another process, not slip in beside it."""
    import threading

    from models.errors import LibraryBusyError
    from models.store.writelock import writer_lock
    library = tmp_path / "lib.sqlite"
    held, release, outcome = threading.Event(), threading.Event(), []

    def worker():
        with writer_lock(library):
            with writer_lock(library):  # re-entrant within its own thread
                held.set()
                release.wait(30)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert held.wait(30)
        try:
            with writer_lock(library, on_wait=outcome.append, timeout=0.3):
                outcome.append("entered")
        except LibraryBusyError as exc:
            outcome.append(str(exc))
    finally:
        release.set()
        thread.join(30)
    assert "entered" not in outcome and "正在等待" in outcome[0], outcome
    with writer_lock(library, timeout=0):  # free again once the worker is done
        pass


def test_readers_are_not_blocked_by_a_writer(seed_library_path, tmp_path, registry):
    """A reader opened while a writer's transaction is open sees the library as it was."""
    from models.store.library import Library
    library = tmp_path / "lib.sqlite"
    library.write_bytes(seed_library_path.read_bytes())
    writer = sqlite3.connect(library, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM assignments")
    try:
        with Library(library) as reader:
            _, entries = reader.duties("区财政局")
            assert entries  # the uncommitted delete is not seen, and nothing waited
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_killed_writer_releases_the_lock_and_its_leftovers_go(env, tmp_path, seed_library_path):
    from models.store.writelock import building_prefix, writer_lock
    library = tmp_path / "lib.sqlite"
    library.write_bytes(seed_library_path.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, sys.argv[1]);"
        "from models.store.writelock import writer_lock;"
        "lock = writer_lock(sys.argv[2]); lock.__enter__(); print('held', flush=True);"
        "time.sleep(60)"), str(ROOT), str(library)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    leftover = tmp_path / f"{building_prefix(library)}abcd.sqlite"
    leftover.write_bytes(b"half a library")
    other = tmp_path / ".building-other.sqlite-abcd.sqlite"  # another library's: not ours
    other.write_bytes(b"x")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with writer_lock(library, timeout=5):
        assert not leftover.exists()
    assert other.exists()
    proc = start_import(env, variant(tmp_path, 30), "--library", library)
    assert proc.wait(timeout=120) == 0, proc.communicate()[1]
    assert "台政发〔2022〕30号" in doc_numbers(env, library)


# ------------------------------------------------------------- rebuilds
def _import(path):
    from models.store.content import import_gazette
    return import_gazette(path)


@pytest.fixture()
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "user"


def test_a_kept_import_that_no_longer_parses_is_skipped_by_the_rebuild(user_dirs, tmp_path):
    from models.store.content import active_library
    from models.store.library import Library
    first, second = variant(tmp_path, 40), variant(tmp_path, 41)
    _import(first)
    _import(second)
    kept = sorted((user_dirs / "imports").glob("*.txt"))
    assert len(kept) == 2
    broken = next(p for p in kept if "40号" in p.read_text(encoding="utf-8"))
    broken.write_bytes(b"\x00\x01 not a gazette")
    (user_dirs / "library.content").write_text("an older version", encoding="utf-8")
    warnings: list[str] = []
    path = active_library(warn=warnings.append)
    assert len(warnings) == 1 and "doc40.txt" in warnings[0] and "已跳过" in warnings[0]
    with Library(path) as lib:
        numbers = {d.doc_number for d in lib.documents()}
    assert "台政发〔2022〕41号" in numbers and "台政发〔2022〕40号" not in numbers
    assert len(numbers) == 6
    assert (user_dirs / "library.content").read_text(encoding="utf-8") != "an older version"


def test_a_failed_rebuild_leaves_the_library_as_it_was(user_dirs, tmp_path, monkeypatch):
    from models.errors import BadLibraryError
    from models.store import content
    from models.store.library import Library
    _import(variant(tmp_path, 50))
    library = user_dirs / "library.sqlite"
    with Library(library) as lib:
        before = [d.doc_number for d in lib.documents()]
    real = content.parse_file
    calls = []

    def parse_then_fail(path, registry, name=None):
        calls.append(path)
        if len(calls) == 2:  # the content parsed, then the kept import cannot be read at all
            raise OSError("simulated read failure")
        return real(path, registry, name)
    monkeypatch.setattr(content, "parse_file", parse_then_fail)
    with pytest.raises(BadLibraryError):  # (read inside the write: rolled back, said in Chinese)
        content.rebuild_user_library("next version")
    with Library(library) as lib:
        assert [d.doc_number for d in lib.documents()] == before
    assert integrity(library) == "ok"


def test_a_stale_library_serves_while_it_is_rebuilt_with_progress_and_can_be_cancelled(
        user_dirs, tmp_path):
    """A new parser version: the window opens the old library (active_library(rebuild=False))
    and rebuilds it in the background; a reader sees the old content until the rebuild is
    complete, a cancelled rebuild leaves the library as it was."""
    from models.errors import RebuildCancelled
    from models.store import content
    from models.store.library import Library
    _import(variant(tmp_path, 80))
    _import(variant(tmp_path, 81))
    library = user_dirs / "library.sqlite"
    stamp = user_dirs / "library.content"
    stamp.write_text("an older version", encoding="utf-8")
    assert content.user_library_stale()
    assert content.active_library(rebuild=False) == library  # served as it is…
    assert stamp.read_text(encoding="utf-8") == "an older version"  # …not rebuilt
    reader = Library(library)
    before = reader.document_count()
    seen: list[tuple[int, int]] = []

    def cancel_when_writing() -> bool:
        return bool(seen) and seen[-1][0] > seen[-1][1] // 2  # past half-way: writing
    with pytest.raises(RebuildCancelled):
        content.rebuild_user_library(progress=lambda done, total: seen.append((done, total)),
                                     cancelled=cancel_when_writing)
    assert seen[-1][0] > seen[-1][1] // 2  # it was writing when it stopped
    assert reader.document_count() == before and content.user_library_stale()
    assert integrity(library) == "ok"
    seen.clear()

    def count_while_writing(done: int, total: int) -> None:
        seen.append((done, total, reader.document_count()))
    content.rebuild_user_library(progress=count_while_writing)
    total = seen[0][1]
    assert [d for d, _, _ in seen] == list(range(1, total + 1))  # every step, in order
    assert all(n == before for _, _, n in seen)  # the reader read the old library throughout
    assert not content.user_library_stale() and reader.document_count() == before
    reader.close()


def test_an_import_whose_copy_cannot_be_kept_is_not_imported(user_dirs, tmp_path):
    from models.errors import BadLibraryError
    from models.store.library import Library
    _import(variant(tmp_path, 60))
    imports = user_dirs / "imports"
    for child in imports.iterdir():
        child.unlink()
    imports.rmdir()
    imports.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BadLibraryError, match="无法在 .* 保存导入文件的副本") as caught:
        _import(variant(tmp_path, 61))
    assert "本次导入已取消" in str(caught.value)
    with Library(user_dirs / "library.sqlite") as lib:
        numbers = {d.doc_number for d in lib.documents()}
    assert "台政发〔2022〕61号" not in numbers and "台政发〔2022〕60号" in numbers


def test_an_import_the_library_refuses_keeps_no_copy(user_dirs, tmp_path):
    from models.errors import DuplicateDocumentError
    _import(variant(tmp_path, 70))
    again = tmp_path / "again.txt"  # the same document, other bytes (a new edition)
    again.write_text(variant(tmp_path, 70).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = sorted(p.name for p in (user_dirs / "imports").iterdir())
    with pytest.raises(DuplicateDocumentError):
        _import(again)
    assert sorted(p.name for p in (user_dirs / "imports").iterdir()) == before
