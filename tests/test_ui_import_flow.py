"""Imports from the window as an official makes them: several files at once, a folder, files
dropped on the window; one job with a progress bar, each file on its own, one summary, one
question about documents already in the library, 取消 after the current file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ui_fixtures import make_window, qt_app, window  # noqa: F401 (fixtures)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TAI = FIXTURES / "tai_single_with_number.txt"  # 台政发〔2022〕3号
OTHERS = (FIXTURES / "tai_single_no_number.txt", FIXTURES / "yicheng_regulation.txt")


@pytest.fixture()
def user(tmp_path):
    """This test's own user data: its imports and user library stay in it."""
    from models.locations import set_user_data_dir
    set_user_data_dir(tmp_path / "user")
    yield tmp_path / "user"
    set_user_data_dir(None)


@pytest.fixture()
def shown(monkeypatch):
    """The summaries and questions the flow shows, recorded instead of waiting for a person;
    *answers* says what the duplicate question gets (True: 替换)."""
    record = {"messages": [], "asked": [], "answers": []}
    monkeypatch.setattr("ui.plain.show_message",
                        lambda kind, parent, title, text: record["messages"].append((title, text)))
    monkeypatch.setattr("ui.plain.offer",  # the summary with 打开部门名录… (unknown units)
                        lambda parent, title, text, action: record["messages"].append(
                            (title, text)) and False)
    monkeypatch.setattr("ui.window.import_flow.show_error",
                        lambda parent, text, title="": record["messages"].append((title, text)))

    def ask(parent, title, text, yes="是", no="否"):
        record["asked"].append((title, text, yes, no))
        return record["answers"].pop(0)
    monkeypatch.setattr("ui.window.import_flow.ask", ask)
    return record


def files(folder: Path, *sources: Path, bad: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = [Path(shutil.copy(source, folder / source.name)) for source in sources]
    if bad:
        (folder / bad).write_bytes(b"%PDF-1.7\n" + b"\x00" * 300)  # a download cut short
        made.append(folder / bad)
    return made


def run_job(qtbot, window, start):
    """Start an import with *start()*, record the progress bar, wait for the end."""
    values = []  # (value, maximum) of the bar each time it moves
    with qtbot.waitSignal(window.import_flow.finished, timeout=60000) as done:
        start()
        bar = window.import_flow.progress.bar
        bar.valueChanged.connect(lambda value: values.append((value, bar.maximum())))
    return done.args[0], values


def test_several_files_one_job_each_on_its_own(qtbot, window, user, shown, tmp_path):
    chosen = files(tmp_path / "收到的文件", TAI, *OTHERS, bad="半个.pdf")
    done, values = run_job(qtbot, window, lambda: window.import_flow.start(chosen))
    assert values == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]  # n of N, file by file
    assert len(done) == 3 and window.library.path.parent == user
    title, text = shown["messages"][-1]
    assert title == "导入完成，部分文件未能导入"
    assert text.startswith("共 4 个文件：导入 3 个，失败 1 个。")
    failure = next(line for line in text.splitlines() if "半个.pdf" in line)
    assert "不完整" in failure  # named with its own message
    assert any(d.doc_number == "台政发〔2022〕3号" for d in window.library.documents())
    assert not shown["asked"]


def test_the_file_dialog_takes_several_files(qtbot, window, user, shown, tmp_path, monkeypatch):
    from tests.dialog_answers import answer_file_dialogs
    chosen = files(tmp_path / "选中", TAI, OTHERS[0])
    asked = answer_file_dialogs(monkeypatch, chosen)
    done, _ = run_job(qtbot, window, window.actions_["import"].trigger)
    from ui.qt import QFileDialog
    assert asked.shown[0].fileMode() == QFileDialog.FileMode.ExistingFiles
    assert len(done) == 2 and shown["messages"][-1][0] == "导入完成"


def test_a_folder_is_walked(qtbot, window, user, shown, tmp_path, monkeypatch):
    from tests.dialog_answers import answer_file_dialogs
    folder = tmp_path / "公报"
    files(folder, TAI)
    files(folder / "二〇二二年", *OTHERS)
    (folder / "说明.jpg").write_bytes(b"\xff\xd8\xff")  # no gazette: not picked up
    answer_file_dialogs(monkeypatch, folder)
    done, values = run_job(qtbot, window, window.actions_["import_folder"].trigger)
    assert len(done) == 3 and values[-1] == (3, 3)
    assert shown["messages"][-1][1].startswith("共 3 个文件：导入 3 个。")


def test_files_dropped_on_the_window_are_imported(qtbot, window, user, shown, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    folder = tmp_path / "拖进来"
    files(folder, TAI, *OTHERS)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    target = window.reader.viewport()  # dropped on the text: the window takes it
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target.rect().center(), Qt.DropAction.CopyAction, mime, buttons,
                            mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(target.rect().center()), Qt.DropAction.CopyAction, mime, buttons,
                      mods)
    done, _ = run_job(qtbot, window, lambda: QApplication.sendEvent(target, drop))
    assert len(done) == 3
    # a dragged link or text is no import
    text = QMimeData()
    text.setText("托育")
    refused = QDragEnterEvent(target.rect().center(), Qt.DropAction.CopyAction, text, buttons,
                              mods)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_duplicates_are_asked_about_once_and_skipped(qtbot, window, user, shown, tmp_path):
    first = files(tmp_path / "一", TAI)
    run_job(qtbot, window, lambda: window.import_flow.start(first))
    again = files(tmp_path / "二", TAI, *OTHERS)
    shown["answers"] = [False]  # 跳过
    done, _ = run_job(qtbot, window, lambda: window.import_flow.start(again))
    [(title, text, yes, no)] = shown["asked"]
    assert (title, yes, no) == ("公文已在库中", "替换", "跳过")
    assert TAI.name in text and "台政发〔2022〕3号" in text
    assert len(done) == 2
    title, summary = shown["messages"][-1]
    assert title == "导入完成" and "跳过 1 个（公文已在库中）" in summary


def test_duplicates_replaced_when_asked(qtbot, window, user, shown, tmp_path):
    first = files(tmp_path / "一", TAI)
    run_job(qtbot, window, lambda: window.import_flow.start(first))
    again = files(tmp_path / "二", TAI, OTHERS[0])
    shown["answers"] = [True]  # 替换
    done, _ = run_job(qtbot, window, lambda: window.import_flow.start(again))
    assert len(shown["asked"]) == 1 and len(done) == 2
    assert any(s.replaced for s in done)
    assert shown["messages"][-1][1].startswith("共 2 个文件：导入 2 个。")


def test_cancel_stops_after_the_current_file(qtbot, window, user, shown, tmp_path,
                                             monkeypatch):
    from PySide6.QtCore import Qt
    from ui.window import import_flow
    chosen = files(tmp_path / "多个", TAI, *OTHERS)

    class CancelledAtOnce(import_flow.ImportWorker):
        """取消 comes as the first file starts (told in the worker's thread, before it is
        imported): the deterministic stand-in for a click while it is being imported."""
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.starting.connect(lambda index, name: self.cancel(),
                                  Qt.ConnectionType.DirectConnection)
    monkeypatch.setattr(import_flow, "ImportWorker", CancelledAtOnce)
    done, _ = run_job(qtbot, window, lambda: window.import_flow.start(chosen))
    assert len(done) == 1  # the file being imported when 取消 came is kept
    title, text = shown["messages"][-1]
    assert title == "导入已取消" and "取消后未导入 2 个" in text


def test_the_progress_dialog_cancels_once_and_closes_when_told(qtbot, qt_app):
    from ui.window.import_progress import ImportProgress
    dialog = ImportProgress(None)
    qtbot.addWidget(dialog)
    dialog.show()
    cancelled = []
    dialog.cancel_requested.connect(lambda: cancelled.append(True))
    dialog.set_total(3)
    dialog.starting(0, "a<b>.pdf")
    assert dialog.label.text() == "正在导入第 1 / 3 个文件：a<b>.pdf"  # a name stays text
    dialog.advance()
    assert (dialog.bar.value(), dialog.bar.maximum()) == (1, 3)
    dialog.cancel_button.click()
    dialog.close()  # the title bar's ✕: the same as 取消, and the dialog stays
    assert cancelled == [True] and dialog.isVisible() and "正在取消" in dialog.note.text()
    dialog.finish()
    assert not dialog.isVisible()


def test_the_import_menu_says_what_it_takes(window):
    tip = window.actions_["import"].toolTip()
    assert "PDF" in tip and "OFD" in tip and "拖" in tip and "文本的" not in tip
    assert window.actions_["import_folder"] in window.menus[0].actions()


def test_a_long_summary_names_the_first_failures_and_counts_the_rest(tmp_path):
    from models.errors import BadGazetteError
    from models.store.content import ImportResult
    from ui.window.import_progress import SHOWN_FAILURES, ImportJob, summary_text
    failed = [ImportResult(tmp_path / f"{n:02}.pdf",
                           error=BadGazetteError("PDF 文件已损坏", source=f"{n:02}.pdf"))
              for n in range(SHOWN_FAILURES + 5)]
    title, text = summary_text(ImportJob(total=len(failed), results=failed))
    assert title == "无法导入"
    assert text.splitlines()[0] == f"共 {len(failed)} 个文件：导入 0 个，失败 {len(failed)} 个。"
    named = [line for line in text.splitlines() if line.startswith("· ")]
    assert named[0] == "· 00.pdf：PDF 文件已损坏" and len(named) == SHOWN_FAILURES
    assert text.splitlines()[-1].startswith("……另有 5 个文件未能导入")
