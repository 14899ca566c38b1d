"""A rebuild of the user's library (a new version of the app) beside other writers and on the
command line: an import started meanwhile waits and lands in the rebuilt library, a rebuild
waiting for the lock can be called off, a command on a stale library tells its progress.

Real user data folders and SQLite files; threads wait on Events, never on timers.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from conftest import ROOT
from rebuild_fixtures import integrity, titles, variant


@pytest.fixture()
def user(tmp_path, monkeypatch):
    from models.store.content import import_gazette
    folder = tmp_path / "user"
    monkeypatch.setenv("GAZETTE_USER_DATA", str(folder))
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GAZETTE_LOCK_TIMEOUT", "60")
    for n in (90, 91):
        import_gazette(variant(tmp_path, n))
    (folder / "library.content").write_text("an older version", encoding="utf-8")
    return folder


def test_an_import_started_during_a_rebuild_waits_and_lands_in_the_rebuilt_library(
        user, tmp_path, monkeypatch):
    from models.store import content
    reading, go_on, waited = threading.Event(), threading.Event(), threading.Event()
    real = content.parse_file

    def held(path, registry, name=None):
        if name is not None:  # the rebuild has listed the kept imports: hold it there
            reading.set()
            assert go_on.wait(60)
        return real(path, registry, name)
    monkeypatch.setattr(content, "parse_file", held)
    errors: list[BaseException] = []

    def run(job):
        try:
            job()
        except BaseException as exc:  # (told to the test below)
            errors.append(exc)
    rebuild = threading.Thread(target=run, args=(content.rebuild_user_library,))
    rebuild.start()
    assert reading.wait(60)
    monkeypatch.setattr(content, "parse_file", real)  # the import parses at once
    newcomer = variant(tmp_path, 92)
    late = threading.Thread(target=run, args=(lambda: content.import_gazette(
        newcomer, on_wait=lambda message: waited.set()),))
    late.start()
    assert waited.wait(60), "the import did not wait for the rebuild's writer lock"
    go_on.set()
    rebuild.join()
    late.join()
    assert errors == []
    held_numbers = set(titles(user / "library.sqlite"))
    assert {"台政发〔2022〕90号", "台政发〔2022〕91号", "台政发〔2022〕92号"} <= held_numbers
    assert content.pending_rebuild() is None and integrity(user / "library.sqlite") == "ok"


def test_a_rebuild_waiting_for_the_lock_can_be_called_off(user):
    from models.errors import RebuildCancelled
    from models.store import content
    from models.store.writelock import writer_lock
    waiting, stop = threading.Event(), threading.Event()
    outcome: list[object] = []

    def rebuild():
        try:
            content.rebuild_user_library(on_wait=lambda _: waiting.set(), cancelled=stop.is_set)
            outcome.append("rebuilt")
        except RebuildCancelled as err:
            outcome.append(err)
    with writer_lock(user / "library.sqlite"):  # another writer holds it
        worker = threading.Thread(target=rebuild)
        worker.start()
        assert waiting.wait(60)
        stop.set()
        worker.join()  # (given up while the lock was still held)
    assert isinstance(outcome[0], RebuildCancelled) and "仍是原来的内容" in str(outcome[0])
    assert content.pending_rebuild() == "serve"


def run_cli(user, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--user-data", str(user),
                           *args], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=180)


def test_a_command_on_a_stale_library_tells_each_issue_of_its_rebuild(user):
    proc = run_cli(user, "documents", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 5 + 2  # stdout stays data
    lines = proc.stderr.splitlines()
    assert lines == [f"公报通：正在按新版本重建资料库：第 {n} / 3 期" for n in (1, 2, 3)]
    again = run_cli(user, "documents", "--format", "json")  # rebuilt: nothing more to say
    assert again.returncode == 0 and again.stderr == ""
    (user / "library.content").write_text("an older version", encoding="utf-8")
    bad = run_cli(user, "show", "doc:没有这个文号")  # bad input still exits 2
    assert bad.returncode == 2 and "第 3 / 3 期" in bad.stderr and "Traceback" not in bad.stderr


def test_a_command_while_another_program_rebuilds_reads_the_library_as_it_is(user):
    """The window is rebuilding (it holds the writer lock for seconds): a command neither
    waits behind it nor rebuilds the library a second time; it answers from the library as
    it was, saying so, and the rebuild is still due."""
    from models.store.content import BUSY_REBUILDING, pending_rebuild
    from models.store.writelock import writer_lock
    with writer_lock(user / "library.sqlite"):  # (the lock is the process's: the CLI is not)
        proc = run_cli(user, "documents", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 5 + 2
    assert proc.stderr.strip() == f"公报通：{BUSY_REBUILDING}"
    assert pending_rebuild() == "serve"


def test_a_rebuild_that_finds_the_library_rebuilt_meanwhile_does_nothing(user, monkeypatch):
    """Two rebuilds due at once (the window's and a command's): the second, once it holds
    the lock, finds the library current and leaves it alone."""
    from models.store import build, content
    assert content.rebuild_user_library(if_stale=True) == []  # the first: rebuilt
    assert content.pending_rebuild() is None
    writes = []
    monkeypatch.setattr(build, "add_issues", lambda *a, **k: writes.append(a))
    assert content.rebuild_user_library(if_stale=True) == [] and writes == []
    content.rebuild_user_library()  # asked for outright (a damaged file): done all the same
    assert len(writes) == 1


def test_a_user_library_made_from_a_default_without_wal_is_wal(tmp_path, monkeypatch,
                                                                seed_library_path):
    """The frozen app's default library is built for read-only media (no WAL); the user's copy
    is written while the window reads it, so it must be WAL from its first import on."""
    import shutil
    import sqlite3

    from models.store import content
    from models.store.library_file import is_wal
    default = tmp_path / "default.sqlite"
    shutil.copy(seed_library_path, default)
    with sqlite3.connect(default) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    assert not is_wal(default)
    from models.registry.amendments import Amendment
    from models.store.amend import amend_user_library
    from models.locations import set_user_data_dir
    set_user_data_dir(tmp_path / "user")  # (an official who amends the 部门名录 before any
    monkeypatch.setattr(content, "default_library", lambda: default)  # import)
    try:
        amend_user_library(Amendment("collective", "市中区", "区残联"))
        assert is_wal(tmp_path / "user" / "library.sqlite") and not is_wal(default)
    finally:
        set_user_data_dir(None)


def test_a_stale_library_without_wal_is_rebuilt_before_it_serves(user):
    """Such a library (made by an earlier version) cannot be written while a window reads it:
    it is rebuilt first, not behind the window (where the rebuild would wait for the reader)."""
    import sqlite3

    from models.store import content
    library = user / "library.sqlite"
    assert content.pending_rebuild() == "serve"
    with sqlite3.connect(library) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    assert content.pending_rebuild() == "first"


def test_a_write_that_finds_the_library_busy_says_so(tmp_path, seed_library_path,
                                                     monkeypatch):
    """A library not in WAL mode (an older version's) held by a reader in another
    connection: a real write (a 部门名录 amendment) waits its time, then says 占用, not
    已损坏, and changes nothing."""
    import shutil
    import sqlite3

    from models.errors import BadLibraryError
    from models.registry.amendments import Amendment
    from models.store.amend import apply
    monkeypatch.setenv("GAZETTE_LOCK_TIMEOUT", "0.3")
    path = tmp_path / "lib.sqlite"
    shutil.copy(seed_library_path, path)
    setup = sqlite3.connect(path, isolation_level=None)
    setup.execute("PRAGMA journal_mode = DELETE")
    setup.close()
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    kinds = reader.execute("SELECT kind FROM departments WHERE name = '各镇人民政府'").fetchall()
    try:
        with pytest.raises(BadLibraryError) as caught:
            apply(path, Amendment("collective", "市中区", "各镇人民政府", ""))
    finally:
        reader.execute("COMMIT")
    assert "正被另一个程序占用" in str(caught.value) and "损坏" not in str(caught.value)
    assert reader.execute("SELECT kind FROM departments WHERE name = '各镇人民政府'"
                          ).fetchall() == kinds and kinds
    assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reader.close()
