"""Errors reach the user as Chinese dialogs, never as tracebacks; imports are safe."""
from __future__ import annotations

import hashlib
import sys

import pytest

from ui_fixtures import make_window, qt_app, window  # noqa: F401 (fixtures)


@pytest.fixture()
def dialogs(monkeypatch):
    """Record the messages the app would show instead of opening modal dialogs."""
    shown = []
    monkeypatch.setattr("ui.error_dialogs.show_error", lambda parent, msg, title="公报通": shown.append(
        (title, msg)))
    monkeypatch.setattr("ui.window.import_flow.show_error", lambda parent, msg, title="": shown.append(
        (title, msg)))
    monkeypatch.setattr("ui.plain.show_message",
                        lambda kind, parent, title, msg: shown.append((title, msg)))
    monkeypatch.setattr("ui.plain.offer",
                        lambda parent, title, msg, action: shown.append((title, msg)) and False)
    return shown


def test_corrupt_library_offers_rebuild(qt_app, tmp_path, monkeypatch):
    from models.locations import cache_dir
    from ui.startup import application as app_module
    broken = cache_dir() / "library-broken.sqlite"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"this is not sqlite" * 100)
    asked = []
    monkeypatch.setattr(app_module, "ask_rebuild", lambda parent, msg: asked.append(msg) or True)
    library = app_module.open_library(broken)
    try:
        assert asked and "资料库" in asked[0] and "Traceback" not in asked[0]
        assert not broken.exists()  # a derived file in the cache: replaced
        assert len(library.documents()) == 5
    finally:
        library.close()


def test_declining_rebuild_quits_quietly(qt_app, tmp_path, monkeypatch):
    from ui.startup import application as app_module
    missing = tmp_path / "nowhere.sqlite"
    monkeypatch.setattr(app_module, "ask_rebuild", lambda parent, msg: False)
    assert app_module.open_library(missing) is None


def test_excepthook_logs_and_shows_chinese_dialog(qt_app, dialogs, capsys):
    from models.errors import BadLibraryError
    from ui.error_dialogs import excepthook, log_path
    try:
        raise ValueError("boom")
    except ValueError:
        excepthook(*sys.exc_info())
    title, message = dialogs[-1]
    assert "意外问题" in message and str(log_path()) in message and "boom" not in message
    assert "ValueError: boom" in log_path().read_text(encoding="utf-8")
    excepthook(BadLibraryError, BadLibraryError("找不到资料库文件：x"), None)
    assert dialogs[-1][1] == "找不到资料库文件：x"
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_import_bad_file_shows_clear_error(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with qtbot.waitSignal(window.import_flow.finished, timeout=10000) as blocker:
        window.import_flow.start(bad)
    assert blocker.args == [None]
    title, message = dialogs[-1]
    assert title == "无法导入" and message.startswith("无法导入") and "Traceback" not in message


def test_import_adds_to_user_library_never_the_default(qtbot, window, dialogs, tmp_path):
    from models.store.content import active_library, default_library
    from models.locations import set_user_data_dir, user_library_path
    set_user_data_dir(tmp_path / "user")  # this test's imports stay in its own folder
    default = default_library()
    before = hashlib.sha256(default.read_bytes()).hexdigest()
    source = tmp_path / "tai.txt"
    from pathlib import Path
    source.write_bytes((Path(__file__).parent / "fixtures" / "tai_single_with_number.txt")
                       .read_bytes())
    try:
        with qtbot.waitSignal(window.import_flow.finished, timeout=20000) as blocker:
            window.import_flow.start(source)
        assert blocker.args[0] is not None, dialogs
        assert dialogs[-1][0] == "导入完成"
        assert active_library() == user_library_path()
        assert hashlib.sha256(default.read_bytes()).hexdigest() == before
        assert any(d.doc_number == "台政发〔2022〕3号" for d in window.library.documents())
        assert window.library.path == user_library_path()
    finally:
        window.library.close()
        set_user_data_dir(None)


def test_a_skipped_import_is_told_when_the_rebuild_is_done(qt_app, qtbot, dialogs, tmp_path,
                                                           monkeypatch):
    """A kept import that no longer parses is skipped by the rebuild (which a new version runs
    behind the window, on the old library), and the window says which."""
    from pathlib import Path

    from models.store.content import import_gazette
    from ui.settings import Settings
    from ui.startup import application as app_module
    from ui.window.main_window import MainWindow
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))
    source = tmp_path / "台儿庄.txt"
    source.write_bytes((Path(__file__).parent / "fixtures" / "tai_single_with_number.txt")
                       .read_bytes())
    import_gazette(source)
    [kept] = (tmp_path / "user" / "imports").glob("*.txt")
    kept.write_bytes(b"\x00 no longer a gazette")
    (tmp_path / "user" / "library.content").write_text("an older app", encoding="utf-8")
    warnings: list[str] = []
    library = app_module.open_library(warnings=warnings)
    assert library is not None and warnings == []  # the old library serves as it is
    window = MainWindow(library, qt_app[1], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.rebuild.finished, timeout=20000) as blocker:
            assert window.rebuild.start_if_due()
        assert blocker.args == ["done"]
        title, message = dialogs[-1]
        assert title == "导入的公报" and "台儿庄.txt" in message and "已跳过" in message
    finally:
        window.settings = None
        window.close()
        window.library.close()
