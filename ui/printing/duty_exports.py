"""A department's duty list as a Word file, and its deadlines into the calendar, from the window.

The 打印职责清单 dialog (its buttons) and the 文件 menu (for the department
picked) both come here: ask where in the shared file dialog
(ui/printing/save_file.py), write through models/views/ (dutylist.write_docx,
duty_calendar.write_ics), say what was written. A calendar with no event is
never written (RFC 5545 wants one): when every deadline has passed the user is
asked whether to write the past ones instead, and told when there are none.
"""
from __future__ import annotations

from pathlib import Path

from models.errors import EmptyCalendarError
from models.views import duty_calendar
from models.views.dutylist import DutyList, write_docx
from ui.labels import WORD_FILES
from ui.plain import ask, inform
from ui.printing.save_file import save_as
from ui.qt import QWidget

CALENDAR_FILTER = "日历文件 (*.ics)"
CALENDAR = "导出时限到日历"


def export_word(parent: QWidget, dl: DutyList) -> Path | None:
    """导出为 Word…: the list as the options say (仅表格 or 表格加全文); the path, or None."""
    return save_as(parent, "导出为 Word", f"{dl.department.name}职责清单.docx", WORD_FILES,
                   lambda path, _: write_docx(dl, path))


def export_calendar(parent: QWidget, dl: DutyList, include_past: bool = False) -> Path | None:
    """导出时限到日历…: one all-day event per deadline; then one message saying how many
    and what was left out. The path, or None (cancelled, or nothing to write)."""
    try:
        duty_calendar.check_not_empty(dl, include_past)
    except EmptyCalendarError as err:
        if not err.past:
            inform(parent, CALENDAR, str(err))
            return None
        question = (f"{dl.department.name}清单中的 {err.past} 项时限都已过，没有今后的时限。\n"
                    "要把已过的时限也写入日历吗？")
        if not ask(parent, CALENDAR, question, "写入已过的时限", "取消"):
            return None
        include_past = True
    written: list[int] = []
    path = save_as(parent, CALENDAR, f"{dl.department.name}时限.ics", CALENDAR_FILTER,
                   lambda path, _: written.append(
                       duty_calendar.write_ics(dl, path, include_past=include_past)))
    if path is not None:
        inform(parent, CALENDAR, f"已保存到 {path}\n"
               + duty_calendar.calendar_message(dl, written[0], include_past)
               + "\n在 Outlook、WPS 日历或手机日历中导入此文件即可；再次导入会更新，不会重复。")
    return path
