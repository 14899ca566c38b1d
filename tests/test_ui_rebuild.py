"""A library made stale by a new version: the window opens at once on the old one and rebuilds
it in the background (a line in the status bar, 取消), the rebuilt library swapped in when
complete; cancelling or closing leaves the old library whole; one this version cannot read
is rebuilt first, with a dialog.

Real user data folders, real SQLite files, the real window offscreen. The rebuild is held at
a kept import by a gate the test opens (an Event, never a timer), so what the window shows
while it runs is certain.
"""
from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rebuild_fixtures import integrity, titles, variant
from ui_fixtures import qt_app  # noqa: F401 (fixture)

OLD_TITLE = "台儿庄区人民政府关于进一步加强安全生产工作的意见"
NEW_TITLE = "台儿庄区人民政府关于进一步加强安全生产工作的新意见"
KEY = "doc:台政发|2022|61"


@pytest.fixture()
def stale_user(tmp_path, monkeypatch):
    """A user library of the seed and three imports, stamped by an older version; the new
    version reads one kept import's title differently (so the rebuilt library shows)."""
    from models.store.content import import_gazette
    user = tmp_path / "user"
    monkeypatch.setenv("GAZETTE_USER_DATA", str(user))
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GAZETTE_LOCK_TIMEOUT", "60")
    for n in (60, 61, 62):
        import_gazette(variant(tmp_path, n))
    kept = next(p for p in (user / "imports").glob("*.txt")
                if "61号" in p.read_text(encoding="utf-8"))
    text = kept.read_text(encoding="utf-8").replace("工作的意见", "工作的新意见")
    kept.write_text(text, encoding="utf-8")
    (user / "library.content").write_text("an older version", encoding="utf-8")
    return user


@pytest.fixture()
def gate(monkeypatch):
    """The rebuild stops before reading each kept import until the test opens the gate."""
    from models.store import content
    opened = threading.Event()
    real = content.parse_file

    def gated(path, registry, name=None):
        if name is not None:  # a kept import (the embedded content passes at once)
            assert opened.wait(60), "the test never opened the gate"
        return real(path, registry, name)
    monkeypatch.setattr(content, "parse_file", gated)
    return opened


@pytest.fixture()
def start(qt_app, qtbot, tmp_path, monkeypatch):
    """start() as `python main.py` runs it (staged.start); the windows closed at the end."""
    from ui.startup import staged
    from ui.settings import Settings
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # (start() installs its own)
    windows = []

    def run():
        _app, window = staged.start(["test"], Settings(tmp_path / "s.ini"))
        qtbot.addWidget(window)
        windows.append(window)
        qtbot.waitUntil(lambda: window.ready)  # (staged once the outline cache is written)
        return window
    yield run
    for window in windows:
        window.settings = None
        window.close()
        if window.library is not None:
            window.library.close()


@pytest.fixture()
def told(monkeypatch):
    """The message boxes the window would show, recorded (title, text) instead."""
    shown = []
    monkeypatch.setattr("ui.plain.show_message",
                        lambda kind, parent, title, text: shown.append((title, text)))
    return shown


def tree_labels(window) -> list[str]:
    from ui_fixtures import visible_rows
    return visible_rows(window.left.tree)


def test_the_window_opens_on_the_old_library_and_shows_the_rebuilt_one_when_complete(
        start, stale_user, gate, qtbot, told):
    from models.store.content import pending_rebuild
    window = start()
    assert window.rebuild.busy()  # open at once, rebuilding behind it
    assert titles(window.library.path)["台政发〔2022〕61号"] == OLD_TITLE
    assert window.document(KEY).title == OLD_TITLE  # the window reads the old library
    line = window.rebuild.line
    assert line.isVisible() and line.cancel_button.text() == "取消"
    qtbot.waitUntil(lambda: "第 1 / 4 期" in line.label.text())  # the embedded issue is done
    assert line.label.text() == "正在按新版本重建资料库：第 1 / 4 期……"
    window.open_key(KEY)
    window.filter_search.set_department("区应急管理局", "台儿庄区")
    shown, picked = window.filter_search.shown_count(), window.filter_search.department
    assert shown > 0 and window.reader.document_key == KEY
    assert "关于进一步加强安全生产工作的新意见" not in tree_labels(window)
    old = window.library
    gate.set()
    window.rebuild.worker.wait()  # committed; the window has not been told yet
    assert old.document(KEY).title == OLD_TITLE  # pinned: the rows it shows stay true
    assert titles(old.path)["台政发〔2022〕61号"] == NEW_TITLE  # a new reader sees the new one
    with qtbot.waitSignal(window.rebuild.finished, timeout=20000) as blocker:
        pass  # (the worker's end, queued to the window)
    assert blocker.args == ["done"]
    assert window.library is not old and window.document(KEY).title == NEW_TITLE
    assert window.reader.document_key == KEY  # the position kept…
    dept = window.filter_search.department  # …and the filter
    assert (dept.name, dept.government) == (picked.name, picked.government) == \
        ("台儿庄区应急管理局", "台儿庄区")
    assert window.filter_search.shown_count() == shown
    assert "关于进一步加强安全生产工作的新意见" in tree_labels(window)  # the short title
    assert window.rebuild.line is None and not window.rebuild.busy()
    assert "资料库已按新版本重建完成（4 期）" in window.status.text()
    assert pending_rebuild() is None and told == []
    window.rebuild.settling.join()  # the rebuilt library moved out of the WAL, into the file
    library = stale_user / "library.sqlite"
    assert Path(f"{library}-wal").stat().st_size == 0 and integrity(library) == "ok"
    assert window.document(KEY).title == NEW_TITLE


def test_cancel_keeps_the_old_library_and_the_next_start_rebuilds_again(
        start, stale_user, gate, qtbot, told):
    from models.store.content import pending_rebuild
    window = start()
    line = window.rebuild.line
    qtbot.waitUntil(lambda: "第 1 / 4 期" in line.label.text())
    assert window.rebuild.refusal() is not None  # meanwhile nothing else writes
    window.import_flow.start(variant(stale_user.parent, 70))
    assert told[-1][0] == "导入公报" and "正在按新版本重建资料库" in told[-1][1]
    assert "取消" in told[-1][1] and window.import_flow.worker is None
    from models.registry.amendments import Amendment, amendments_path
    window.registry.apply(Amendment("collective", "台儿庄区", "各街道办事处"))
    assert told[-1][0] == "部门名录" and "正在按新版本重建资料库" in told[-1][1]
    assert not amendments_path(stale_user).exists()  # not kept, not applied
    with qtbot.waitSignal(window.rebuild.finished, timeout=20000) as blocker:
        qtbot.mouseClick(line.cancel_button, Qt.MouseButton.LeftButton)
        assert line.label.text() == "正在取消重建……" and not line.cancel_button.isEnabled()
        gate.set()
    assert blocker.args == ["cancelled"]
    assert window.document(KEY).title == OLD_TITLE and window.rebuild.line is None
    assert "已取消重建：仍在使用原来的资料库，下次启动时会再次按新版本重建" in window.status.text()
    library = stale_user / "library.sqlite"
    assert integrity(library) == "ok" and titles(library)["台政发〔2022〕61号"] == OLD_TITLE
    assert pending_rebuild() == "serve" and window.rebuild.refusal() is None
    window.close()
    again = start()  # the next start offers it again
    assert again.rebuild.busy()
    with qtbot.waitSignal(again.rebuild.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == ["done"] and again.document(KEY).title == NEW_TITLE
    assert told[2:] == []


def test_closing_the_window_during_the_rebuild_leaves_the_old_library_whole(
        start, stale_user, gate, qtbot, monkeypatch):
    from models.store.content import pending_rebuild
    from ui.window.rebuild_flow import RebuildWorker

    def cancel_and_open(worker):  # the rebuild is held inside its transaction until closed
        worker.stopping.set()
        gate.set()
    monkeypatch.setattr(RebuildWorker, "cancel", cancel_and_open)
    window = start()
    line = window.rebuild.line
    qtbot.waitUntil(lambda: "第 1 / 4 期" in line.label.text())  # written, not committed
    worker = window.rebuild.worker
    rebuilt = []
    window.rebuild.rebuilt.connect(lambda: rebuilt.append(True))
    window.close()  # cancels, and waits for the worker to roll back
    assert worker.isFinished() and worker.outcome == ("cancelled", None)
    from ui.qt import QApplication
    QApplication.processEvents()  # the worker's finished, queued meanwhile, comes too late:
    assert not rebuilt and window.rebuild.worker is None  # nothing (pytest-qt fails on a raise)
    library = stale_user / "library.sqlite"
    assert integrity(library) == "ok"
    assert titles(library)["台政发〔2022〕61号"] == OLD_TITLE and len(titles(library)) == 8
    assert pending_rebuild() == "serve"
    assert not list(stale_user.glob(".building-*"))


def test_a_rebuild_that_ends_as_the_window_closes_is_left_alone(start, stale_user, gate,
                                                                 qtbot):
    """The worker's end is queued to the window when it closes: the closing wins, and the
    queued end, delivered after, finds nothing to do (no swap into a closing window)."""
    window = start()
    worker = window.rebuild.worker
    rebuilt = []
    window.rebuild.rebuilt.connect(lambda: rebuilt.append(True))
    gate.set()
    worker.wait()  # finished, its signal queued, not yet delivered (no event processed)
    window.close()
    from ui.qt import QApplication
    QApplication.processEvents()  # now the queued end comes (pytest-qt fails on a raise)
    assert not rebuilt and window.rebuild.worker is None
    assert integrity(stale_user / "library.sqlite") == "ok"


def test_a_library_this_version_cannot_read_is_rebuilt_first_with_a_dialog(
        qt_app, stale_user, qtbot, monkeypatch):
    from models.store.content import pending_rebuild
    from models.store.schema import SCHEMA_VERSION
    from ui.startup.application import open_library
    from ui.window import rebuild_progress
    library = stale_user / "library.sqlite"
    with sqlite3.connect(library) as conn:  # as an older version wrote it
        conn.execute("UPDATE metadata SET value = ? WHERE key = 'schema_version'",
                     [str(SCHEMA_VERSION - 1)])
    conn.close()
    assert pending_rebuild() == "first"
    seen = []
    real = rebuild_progress.RebuildDialog.progressed

    def watched(dialog, done, total):
        seen.append((dialog.isVisible(), dialog.label.text()))
        real(dialog, done, total)
    monkeypatch.setattr(rebuild_progress.RebuildDialog, "progressed", watched)
    opened = open_library(warnings=[])
    try:
        assert opened is not None and opened.path == library
        assert opened.document(KEY).title == NEW_TITLE  # rebuilt before it was opened
        assert len(seen) == 4 and all(visible for visible, _ in seen)
        assert pending_rebuild() is None and integrity(library) == "ok"
    finally:
        opened.close()
    assert "无法直接打开" in rebuild_progress.FIRST
