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
