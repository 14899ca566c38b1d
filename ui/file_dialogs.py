"""Every file dialog of the window: in Chinese, starting where the official keeps files.

A dialog opens in the folder last used for the same kind of file (imports,
exports, bookmarks), else in the user's documents folder — never in the
program's own folder, which an official neither knows nor may write. Qt's
dialogs are used (not the platform's) so Qt's zh_CN translation, installed at
start (ui/startup/application.install_translations), names every button and
label; tests drive them the same way offscreen. The folder is remembered in
the settings file of the user data folder.
"""
from __future__ import annotations

from pathlib import Path

from ui.qt import QFileDialog, QStandardPaths, QWidget

IMPORTS = "imports"    # gazettes brought in: PDF, OFD, Word, text
EXPORTS = "exports"    # duty lists, documents, briefs, calendars written out
BOOKMARKS = "bookmarks"  # bookmark files exchanged with colleagues


def documents_folder() -> Path:
    """The user's documents folder (文档), or their home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def last_folder(kind: str) -> Path:
    """Where the last dialog of *kind* was left (still there), else the documents folder."""
    from ui.settings import Settings
    remembered = Settings().text(f"dialogs/{kind}")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_folder()


def remember(kind: str, path: Path) -> None:
    from ui.settings import Settings
    settings = Settings()
    settings.set(f"dialogs/{kind}", str(path if path.is_dir() else path.parent))
    settings.sync()


def _dialog(parent: QWidget | None, caption: str, folder: Path, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, str(folder), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # translated, testable
    dialog.setObjectName("fileDialog")
    # Qt's zh_CN catalogue leaves these in English ("Look in:", "Files of type:")
    label = QFileDialog.DialogLabel
    for which, text in ((label.LookIn, "查找范围："), (label.FileName, "文件名："),
                        (label.FileType, "文件类型："), (label.Reject, "取消")):
        dialog.setLabelText(which, text)
    return dialog


def open_files(parent: QWidget | None, caption: str, filters: str, kind: str = IMPORTS,
               several: bool = True) -> list[Path]:
    """The files the user picked (several when *several*), or [] when cancelled."""
    dialog = _dialog(parent, caption, last_folder(kind), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if several
                       else QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "打开")
    if not run(dialog):
        return []
    paths = [Path(p) for p in dialog.selectedFiles()]
    if paths:
        remember(kind, paths[0])
    return paths


def open_folder(parent: QWidget | None, caption: str, kind: str = IMPORTS) -> Path | None:
    """A folder the user picked (导入文件夹…), or None when cancelled."""
    dialog = _dialog(parent, caption, last_folder(kind), "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "选择文件夹")
    if not run(dialog) or not dialog.selectedFiles():
        return None
    folder = Path(dialog.selectedFiles()[0])
    remember(kind, folder / ".")
    return folder


def save_file(parent: QWidget | None, caption: str, suggested: str, filters: str,
              kind: str = EXPORTS) -> tuple[Path | None, str]:
    """Where to write (*suggested* is a file name, in the remembered folder) and the filter
    chosen; (None, "") when cancelled."""
    dialog = _dialog(parent, caption, last_folder(kind), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "保存")
    dialog.selectFile(Path(suggested).name)
    if not run(dialog) or not dialog.selectedFiles():
        return None, ""
    path = Path(dialog.selectedFiles()[0])
    chosen = dialog.selectedNameFilter()
    if not path.suffix:  # 清单 typed without .pdf: the filter's first pattern gives it
        suffix = _suffix_of(chosen)
        if suffix:
            path = path.with_suffix(suffix)
    remember(kind, path)
    return path, chosen


def _suffix_of(name_filter: str) -> str:
    """".pdf" of "PDF 文件 (*.pdf)"."""
    if "(*." not in name_filter:
        return ""
    return "." + name_filter.split("(*.", 1)[1].split()[0].rstrip(")")


def run(dialog: QFileDialog) -> bool:
    """Show *dialog* modally and wait (through plain.run_dialog, the one seam tests answer
    dialogs by: a test selects a file in the dialog it is given and accepts it)."""
    from ui import plain
    return bool(plain.run_dialog(dialog))
