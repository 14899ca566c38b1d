"""No traceback ever reaches the user: an excepthook, a log file, Chinese dialogs.

A GazetteError carries its own Chinese message and becomes a plain warning;
anything else is a bug: it is written with its traceback to a log in the
user data folder and the user sees a short apology that says where the log is.
"""
from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

from models.errors import GazetteError
from models.locations import user_data_dir
from ui.qt import QApplication, QMessageBox, QWidget

LOG_NAME = "gazette-desk.log"
log = logging.getLogger("gazette-desk")


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_NAME


def write_log(text: str) -> Path:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} ===\n{text}\n")
    except OSError:
        pass
    return path


def show_error(parent: QWidget | None, message: str, title: str = "公报通") -> None:
    from ui.plain import warn
    warn(parent, title, message)


def excepthook(exc_type, exc, tb) -> None:
    """Log the traceback and show a dialog in Chinese; never print it to the user."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    parent = QApplication.activeWindow()
    if isinstance(exc, GazetteError):
        show_error(parent, str(exc))
        return
    path = write_log("".join(traceback.format_exception(exc_type, exc, tb)))
    show_error(parent, "公报通遇到了一个意外问题，刚才的操作没有完成。\n\n"
               f"详细记录已写入：\n{path}\n\n如问题反复出现，请把该文件发给维护人员。",
               "公报通 — 出错了")


def ask_rebuild(parent: QWidget | None, message: str) -> bool:
    """The library cannot be opened: offer to rebuild it from the embedded gazettes."""
    from ui.plain import message_box, run_dialog
    box = message_box("critical", parent, "资料库无法打开",
                      f"{message}\n\n可以由程序内置的公报重新生成资料库（您导入的公报会一并重新导入）。")
    rebuild = box.addButton("重新生成资料库", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(rebuild)
    run_dialog(box)
    return box.clickedButton() is rebuild
