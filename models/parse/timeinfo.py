"""Deadlines and validity, written relative to the document's year.

"11月底前" in a 2021 document is due 2021-11-30; "（2021年10月至2022年2月）" is
a stage ending 2022-02-28; "有效期至2023年12月31日" ends a document's validity.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from models.issue import Deadline
from models.textnorm import fold

_END_OF_MONTH = re.compile(r"(?<![每\d])(?:(\d{4})年)?(\d{1,2})月(?:底|末)前")
_DAY = re.compile(r"(?<![每\d])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前)")
_END_OF_YEAR = re.compile(r"(?<!\d)(\d{4})年(?:底|末)前")
_WITHIN_YEAR = re.compile(r"(?<![\d一二两三四五六七八九十几多半])(?:年内|今年内|本年度内)")
_TARGET = re.compile(r"(?:^|[，,。;；])\s*到(\d{4})年(?:底)?[，,]")
_PERIOD = re.compile(r"\((\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:\s*[至到-]\s*(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?)?\)")
_VALID_UNTIL = re.compile(r"有效期(?:至|到)(\d{4})年(\d{1,2})月(\d{1,2})日")
_VALID_YEARS = re.compile(r"有效期(?:为)?([一二三四五六七八九十\d]+)年")


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe(fn):
    try:
        return fn()
    except ValueError:  # 13月, 2月30日: not a date, not a deadline
        return None


def find_deadlines(text: str, year: int | None) -> list[Deadline]:
    """Deadlines in a clause's text, in the order written."""
    folded = fold(text)
    found: list[tuple[int, Deadline]] = []
    for m in _PERIOD.finditer(folded):
        y1, m1, d1, y2, m2, d2 = m.groups()
        start = _safe(lambda: date(int(y1), int(m1), int(d1) if d1 else 1))
        if m2:
            end_year = int(y2) if y2 else int(y1)
            end = _safe(lambda: date(end_year, int(m2), int(d2)) if d2 else _last_day(end_year, int(m2)))
        else:
            end = _safe(lambda: date(int(y1), int(m1), int(d1)) if d1 else _last_day(int(y1), int(m1)))
        if start and end:
            found.append((m.start(), Deadline(text[m.start():m.end()], end.isoformat(),
                                              start.isoformat(), "period")))
    for m in _END_OF_YEAR.finditer(folded):
        found.append((m.start(), Deadline(text[m.start():m.end()], f"{m.group(1)}-12-31")))
    for m in _END_OF_MONTH.finditer(folded):
        y = int(m.group(1)) if m.group(1) else year
        due = _safe(lambda: _last_day(y, int(m.group(2)))) if y else None
        if due:
            found.append((m.start(), Deadline(text[m.start():m.end()], due.isoformat())))
    for m in _DAY.finditer(folded):
        y = int(m.group(1)) if m.group(1) else year
        due = _safe(lambda: date(y, int(m.group(2)), int(m.group(3)))) if y else None
        if due:
            found.append((m.start(), Deadline(text[m.start():m.end()], due.isoformat())))
    if year:
        for m in _WITHIN_YEAR.finditer(folded):
            found.append((m.start(), Deadline(text[m.start():m.end()], f"{year}-12-31",
                                              kind="within_year")))
    for m in _TARGET.finditer(folded):
        phrase_start = folded.index("到", m.start())
        found.append((phrase_start, Deadline(text[phrase_start:m.end() - 1], f"{m.group(1)}-12-31",
                                             kind="target")))
    found.sort(key=lambda pair: pair[0])
    return [d for _, d in found]


def find_valid_until(text: str, issued: str | None) -> str | None:
    """The date a document's validity ends, from "有效期至…" or "有效期N年"."""
    folded = fold(text)
    m = _VALID_UNTIL.search(folded)
    if m:
        until = _safe(lambda: date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        return until.isoformat() if until else None
    m = _VALID_YEARS.search(folded)
    if m and issued:
        from models.textnorm import cn_to_int
        raw = m.group(1)
        years = int(raw) if raw.isdigit() else cn_to_int(raw)
        start = date.fromisoformat(issued)
        until = _safe(lambda: date(start.year + years, start.month, start.day))
        if until:
            return date.fromordinal(until.toordinal() - 1).isoformat()
    return None


def iso_date(y: str | int, m: str | int, d: str | int) -> str | None:
    value = _safe(lambda: date(int(y), int(m), int(d)))
    return value.isoformat() if value else None
