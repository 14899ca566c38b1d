"""A duty list's deadlines as an iCalendar file (RFC 5545), for the calendar officials use.

One all-day VEVENT per deadline of a task in the list (a clause that states the
same date twice has one deadline: dutylist.merge_deadlines): SUMMARY
【区财政局·牵头】标题, DESCRIPTION the citation, the deadline as written and the
clause's text, a VALARM a week before. The UID is made of the clause's
immutable key, the date and the department, so exporting again (after a
rebuild, a new edition) updates the events in the calendar instead of
adding them twice. Deadlines already past are left out unless asked for; a
calendar that would have no event is not written (EmptyCalendarError says
why: RFC 5545 wants one component, and an empty file helps no one).
Built with icalendar (BSD), imported only when a calendar is written.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from models.errors import EmptyCalendarError
from models.views.cn_date import cn_date
from models.views.dutylist import DutyList, DutyRow, citation_of
from models.whole_file import write_bytes_whole

UID_DOMAIN = "gazette-desk"
REMINDER = timedelta(days=7)


def event_uid(clause_key: str, due: str, department: str) -> str:
    """Stable across exports: the clause's key, the date, and the department (the same
    clause in two departments' calendars stays two events)."""
    dept = hashlib.sha1(department.encode("utf-8")).hexdigest()[:8]
    return f"{clause_key}-{due}-{dept}@{UID_DOMAIN}"


def event_summary(department: str, row: DutyRow) -> str:
    return f"【{department}·{row.role}】{row.task}"


def event_description(row: DutyRow, deadline: dict) -> str:
    when = f"时限：{deadline['phrase']}（{cn_date(deadline['due'])}）"
    if deadline.get("start"):
        when = f"时限：{deadline['phrase']}（{cn_date(deadline['start'])}至{cn_date(deadline['due'])}）"
    return f"{citation_of(row)}\n{when}\n\n{row.entry.text}"


def calendar_events(dl: DutyList, include_past: bool = False) -> list[tuple[DutyRow, dict]]:
    """(row, deadline) for every deadline the calendar gets, in date order."""
    pairs = [(row, d) for row in dl.rows() for d in row.deadlines
             if include_past or not dl.is_past(d["due"])]
    return sorted(pairs, key=lambda p: (p[1]["due"], p[0].number))


def build_calendar(dl: DutyList, include_past: bool = False, now: datetime | None = None,
                   events: list[tuple[DutyRow, dict]] | None = None):
    from icalendar import Alarm, Calendar, Event

    from models.version import VERSION
    now = now or datetime.now(timezone.utc)
    dept = dl.department.name
    cal = Calendar()
    cal.add("prodid", f"-//公报通//Gazette Desk {VERSION}//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{dept}时限")
    for row, deadline in events if events is not None else calendar_events(dl, include_past):
        due = date.fromisoformat(deadline["due"])
        summary = event_summary(dept, row)
        event = Event()
        event.add("uid", event_uid(row.entry.key, deadline["due"], dept))
        event.add("dtstamp", now)
        event.add("dtstart", due)  # a DATE: an all-day event
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", event_description(row, deadline))
        event.add("categories", ["公报通", row.role])
        event.add("transp", "TRANSPARENT")  # a deadline does not make the day busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"一周后到期：{summary}")
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
        cal.add_component(event)
    return cal


def past_deadlines(dl: DutyList) -> int:
    return sum(1 for d, _ in dl.deadlines() if dl.is_past(d["due"]))


def check_not_empty(dl: DutyList, include_past: bool = False,
                    events: list[tuple[DutyRow, dict]] | None = None) -> None:
    """EmptyCalendarError, saying why, when the calendar would have no event: an iCalendar
    file needs one (RFC 5545 §3.6), and an empty one would only puzzle the calendar."""
    if events if events is not None else calendar_events(dl, include_past):
        return
    past = 0 if include_past else past_deadlines(dl)
    if past:
        message = (f"{dl.department.name}清单中的 {past} 项时限都已过，没有今后的时限可写入日历，"
                   "未生成文件。")
    else:
        message = f"{dl.department.name}清单中的任务没有时限，没有可写入日历的日程，未生成文件。"
    raise EmptyCalendarError(message, past)


def write_ics(dl: DutyList, path: Path, include_past: bool = False) -> int:
    """Write the calendar to *path*; the number of events (OSError when it cannot,
    EmptyCalendarError, with nothing written, when there is no event to write)."""
    events = calendar_events(dl, include_past)
    check_not_empty(dl, include_past, events)
    cal = build_calendar(dl, include_past, events=events)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_whole(path, cal.to_ical())
    return len(events)


def calendar_message(dl: DutyList, written: int, include_past: bool = False) -> str:
    """What to tell the user after write_ics (the window and the CLI say the same)."""
    past = past_deadlines(dl)
    message = f"已写入 {written} 个日程（每项时限一个全天日程，提前一周提醒）。"
    if past and not include_past:
        message += f"已过的时限 {past} 项未写入。"
    return message
