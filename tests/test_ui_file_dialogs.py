"""File dialogs start in the documents folder, remember the last one, and speak Chinese."""
from __future__ import annotations

import pytest

from tests.dialog_answers import answer_file_dialogs
from tests.ui_fixtures import qt_app  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """Each test remembers folders in its own settings file, whatever ran before it."""
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))


def test_first_in_documents_then_where_the_last_file_was(qt_app, tmp_path, monkeypatch):
    from ui import file_dialogs
    docs = tmp_path / "文档"
    docs.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: docs)
    gazettes = tmp_path / "公报"
    gazettes.mkdir()
    first, second = gazettes / "2021-05.pdf", gazettes / "2021-06.pdf"
    for path in (first, second):
        path.write_bytes(b"%PDF-1.7\n")
    asked = answer_file_dialogs(monkeypatch, [first, second], None)
    assert file_dialogs.open_files(None, "导入公报", "PDF 文件 (*.pdf)") == [first, second]
    assert asked.folders[0] == docs
    assert file_dialogs.open_files(None, "导入公报", "PDF 文件 (*.pdf)") == []  # cancelled
    assert asked.folders[1] == gazettes
    # exports remember their own folder
    out_dialog = answer_file_dialogs(monkeypatch, tmp_path / "清单")
    path, chosen = file_dialogs.save_file(None, "导出", "区财政局职责清单.pdf",
                                          "PDF 文件 (*.pdf)")
    assert path == tmp_path / "清单.pdf" and chosen == "PDF 文件 (*.pdf)"
    assert out_dialog.folders[0] == docs


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(qt_app, tmp_path,
                                                                 monkeypatch):
    from ui import file_dialogs
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: tmp_path)
    gone = tmp_path / "U盘"
    gone.mkdir()
    file_dialogs.remember(file_dialogs.IMPORTS, gone / "a.pdf")
    assert file_dialogs.last_folder(file_dialogs.IMPORTS) == gone
    gone.rmdir()
    assert file_dialogs.last_folder(file_dialogs.IMPORTS) == tmp_path


def test_every_word_of_the_dialog_is_chinese(qt_app, tmp_path, monkeypatch):
    import re
    from ui import file_dialogs
    from ui.qt import QAbstractButton, QLabel
    asked = answer_file_dialogs(monkeypatch, None, None)
    file_dialogs.open_files(None, "导入公报", "公报文件 (*.pdf *.ofd *.docx *.txt)")
    file_dialogs.save_file(None, "导出为 Word", "清单.docx", "Word 文件 (*.docx)")
    for dialog in asked.shown:
        words = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
                 if w.isVisibleTo(dialog) and w.text()]
        assert words
        english = [w for w in words if re.search(r"[A-Za-z]{3,}", re.sub(r"\(&?\w\)|&", "", w))]
        assert not english, english
