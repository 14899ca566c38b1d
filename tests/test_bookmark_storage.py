"""A damaged, read-only or full bookmark store never stops the window nor the command line.

Damage is real (a page of the file overwritten), the read-only folder is real
(the test drops root's privileges in a child, as root ignores permissions), and
the full disk is a real, small tmpfs mounted in a private mount namespace.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from tests.cli_runner import run
from tests.sandbox import read_only, run_inside, small_disk
from tests.ui_fixtures import qt_app  # noqa: F401  (fixture)

MAIN = ROOT / "main.py"
COLLECTION = "周四 专题会"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_store(path: Path, library, count: int = 300) -> list[str]:
    from models.bookmarks import BookmarkStore
    keys = [n.key for n in library.nodes() if n.kind in ("item", "subsection", "section",
                                                           "paragraph")][:count]
    with BookmarkStore(path) as store:
        for i, key in enumerate(keys):
            store.add(library, key, f"{COLLECTION} {i % 3}", note="备注" * 30)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return keys


def damage(path: Path) -> None:
    """Overwrite one page in the middle of the file, as a bad sector would."""
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle:middle + page] = os.urandom(page)
    path.write_bytes(bytes(data))


@pytest.fixture()
def damaged(tmp_path, seed_library):
    path = tmp_path / "user" / "bookmarks.sqlite"
    keys = fill_store(path, seed_library)
    damage(path)
    return path, keys




def test_a_damaged_store_is_named_as_damaged(damaged):
    from models.bookmarks import BookmarkStore, DamagedBookmarksError
    path, _ = damaged
    with pytest.raises(DamagedBookmarksError) as caught:
        BookmarkStore(path)
    assert "书签文件已损坏" in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize("command", [["bookmarks", "list"], ["bookmarks", "collections"],
                                     ["bookmarks", "export"], ["bookmarks", "list", "--format",
                                                               "json"]])
def test_the_command_line_says_so_and_exits_2(damaged, seed_library_path, tmp_path, command):
    path, _ = damaged
    env = dict(os.environ, GAZETTE_USER_DATA=str(path.parent), PYTHONIOENCODING="utf-8",
               GAZETTE_CACHE_DIR=str(tmp_path / "cache"))
    proc = run(env, *command, "--library", seed_library_path)
    assert proc.returncode == 2
    assert "书签文件已损坏" in proc.stderr and str(path) in proc.stderr


def test_the_read_only_copy_reads_what_it_can_and_leaves_the_file_alone(damaged, seed_library):
    from models.bookmarks import BookmarkStorageError, repair
    path, keys = damaged
    before = sha(path)
    copy = repair.salvage(path)
    try:
        marks = copy.bookmarks()
        assert copy.read_only and "只读副本" in copy.read_only_reason
        assert 0.5 * len(keys) < len(marks) < len(keys)  # one page of rows is lost, no more
        assert {m.key for m in marks} <= set(keys)
        with pytest.raises(BookmarkStorageError):
            copy.add(seed_library, keys[0], "新的")
    finally:
        copy.close()
    assert sha(path) == before


def test_a_fresh_start_keeps_the_damaged_file_beside_it(damaged, seed_library):
    from models.bookmarks import BookmarkStore, repair
    path, keys = damaged
    before = sha(path)
    kept = repair.start_fresh(path)
    assert kept.parent == path.parent and "damaged" in kept.name and sha(kept) == before
    with BookmarkStore(path) as store:
        assert store.bookmarks() == []
        store.add(seed_library, keys[0], COLLECTION)
        assert len(store.bookmarks()) == 1


def test_the_window_opens_and_the_panel_offers_both_ways_out(qt_app, qtbot, damaged,
                                                              seed_library_path, monkeypatch):
    from models.store.library import Library
    from ui import plain
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    path, keys = damaged
    monkeypatch.setenv("GAZETTE_USER_DATA", str(path.parent))
    monkeypatch.setattr(plain, "run_dialog", lambda box: 0)  # the messages after each choice
    library = Library(seed_library_path)
    window = MainWindow(library, qt_app[1], Settings(path.parent / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.left.clause_count() > 0  # the library is readable
        panel = window.bookmarks.panel
        assert window.bookmarks.dock.isVisible() and panel.notice.isVisible()
        assert "书签文件已损坏" in panel.notice_text.text() and str(path) in panel.notice_text.text()
        assert panel.salvage_button.isVisible() and panel.fresh_button.isVisible()
        window.open_key(keys[0])
        window.bookmarks.add_current()  # refused with the reason, no crash
        panel.salvage_button.click()
        assert 0 < len(panel._marks) < len(keys) and window.bookmarks.store.read_only
        assert not panel.actions["delete"].isEnabled()
        panel.fresh_button.click()
        assert not panel.notice.isVisible() and window.bookmarks.store.bookmarks() == []
        assert list(path.parent.glob("bookmarks.damaged-*.sqlite"))
    finally:
        window.settings = None
        window.close()
        library.close()


# --------------------------------------------------------- read-only folder
READ_ONLY_CHILD = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from models.store.library import Library
from ui.startup.application import make_app
from ui import plain
from ui.window.main_window import MainWindow
from ui.settings import Settings
plain.run_dialog = lambda box: 0
app, fonts = make_app()
window = MainWindow(Library(sys.argv[2]), fonts, Settings(sys.argv[3]))
window.show()
panel = window.bookmarks.panel
print("notice", panel.notice.isVisible(), panel.notice_text.text())
print("marks", len(panel._marks), "writable", not window.bookmarks.store.read_only)
window.settings = None
window.close()
"""


@pytest.fixture()
def user_with_bookmarks(tmp_path, seed_library):
    user = tmp_path / "user"
    fill_store(user / "bookmarks.sqlite", seed_library, count=5)
    env = dict(os.environ, GAZETTE_USER_DATA=str(user), GAZETTE_CACHE_DIR=str(tmp_path / "c"),
               PYTHONIOENCODING="utf-8")
    return user, env


def test_a_read_only_folder_reads_and_refuses_changes(user_with_bookmarks, seed_library_path):
    user, env = user_with_bookmarks
    main = [sys.executable, str(MAIN)]
    listed = run_inside(read_only(user), [*main, "bookmarks", "list", "--library",
                                          str(seed_library_path)], env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("[") == 5  # five bookmarks, each with its key in brackets
    key = listed.stdout.split("[", 1)[1].split("]", 1)[0]
    added = run_inside(read_only(user), [*main, "bookmarks", "add", key, "--collection", "新的",
                                         "--library", str(seed_library_path)], env=env,
                       timeout=120)
    assert added.returncode == 2 and "只读" in added.stderr and "Traceback" not in added.stderr


def test_the_window_on_a_read_only_folder_shows_why(user_with_bookmarks, seed_library_path,
                                                   tmp_path):
    user, env = user_with_bookmarks
    proc = run_inside(read_only(user), [sys.executable, "-c", READ_ONLY_CHILD, str(ROOT),
                                        str(seed_library_path), str(tmp_path / "s.ini")],
                      env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "notice True" in proc.stdout and "只读" in proc.stdout
    assert "marks 5 writable False" in proc.stdout


# ------------------------------------------------------------------ full disk
def test_a_full_disk_is_named_as_such(seed_library, seed_library_path, tmp_path):
    seed = tmp_path / "seed"
    fill_store(seed / "bookmarks.sqlite", seed_library, count=3)
    disk = tmp_path / "disk"
    disk.mkdir()
    key = next(n.key for n in seed_library.nodes() if n.kind == "item")
    setup = (f"{small_disk(disk)} && cp {seed}/bookmarks.sqlite {disk}/ && "
             f"(head -c 10M /dev/zero > {disk}/filler 2>/dev/null; true)")
    env = dict(os.environ, GAZETTE_USER_DATA=str(disk), GAZETTE_CACHE_DIR=str(tmp_path / "c"),
               PYTHONIOENCODING="utf-8")
    main = [sys.executable, str(MAIN)]
    added = run_inside(setup, [*main, "bookmarks", "add", key, "--collection", "满", "--note",
                               "很长的备注" * 400, "--library", str(seed_library_path)],
                       env=env, timeout=120)
    assert added.returncode == 2, added.stdout + added.stderr
    assert "磁盘空间不足" in added.stderr and "损坏" not in added.stderr
    assert "Traceback" not in added.stderr
    listed = run_inside(setup, [*main, "bookmarks", "list", "--library", str(seed_library_path)],
                        env=env, timeout=120)
    assert listed.returncode == 0 and listed.stdout.count("[") == 3  # still readable


def test_the_window_on_a_full_disk_opens_and_says_so(seed_library, seed_library_path, tmp_path):
    seed = tmp_path / "seed"
    fill_store(seed / "bookmarks.sqlite", seed_library, count=3)
    disk = tmp_path / "disk"
    disk.mkdir()
    # the store is copied in, then the rest of the disk filled: opening it for writing
    # (its journal, its WAL) fails for want of space, as on an official's full laptop
    setup = (f"{small_disk(disk)} && cp {seed}/bookmarks.sqlite {disk}/ && "
             f"(head -c 10M /dev/zero > {disk}/filler 2>/dev/null; true)")
    env = dict(os.environ, GAZETTE_USER_DATA=str(disk), GAZETTE_CACHE_DIR=str(tmp_path / "c"),
               PYTHONIOENCODING="utf-8")
    proc = run_inside(setup, [sys.executable, "-c", READ_ONLY_CHILD, str(ROOT),
                              str(seed_library_path), str(tmp_path / "s.ini")],
                      env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "notice True" in proc.stdout and "磁盘空间不足" in proc.stdout, proc.stdout
    assert "损坏" not in proc.stdout
    assert "marks 3 " in proc.stdout  # the bookmarks are still there to read
