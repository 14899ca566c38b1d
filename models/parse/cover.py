"""The cover of a gazette issue and its 目录 (table of contents)."""
from __future__ import annotations

import re

from models.issue import Issue, TocEntry
from models.parse.line import Line
from models.textnorm import canonical_doc_number, fold, mend_spaces
from models.parse.timeinfo import iso_date

_ISSUE_NO = re.compile(r"(\d{4})年第(\d{1,3})期")
_YEAR = re.compile(r"^(\d{4})年$")
_NUMBER = re.compile(r"^第(\d{1,3})期$")
_TOTAL = re.compile(r"总第(\d{1,4})期")
_PUBLISHED = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日出版$")
_KEY_VALUE = re.compile(r"^([\u4e00-\u9fff]{2,6})[:：](.+)$")
_TOC_TITLE = re.compile(r"^目录$")
_CATEGORY = re.compile(r"^[【\[]([^】\]]{2,20})[】\]]$")
_TOC_ENTRY_END = re.compile(r"^(.*?)[(（]\s*([^()（）]{2,30}?)\s*[)）]\s*[.…·．]{2,}\s*(\d{1,4})$")
_TOC_PAGE_ONLY = re.compile(r"^(.*?)[.…·．]{3,}\s*(\d{1,4})$")


def parse_cover(lines: list[Line]) -> Issue:
    """Read the cover lines (everything before the first document) into an Issue."""
    issue = Issue(label="")
    compact = [mend_spaces(line.text).replace(" ", "") for line in lines]
    toc_start = next((i for i, t in enumerate(compact) if _TOC_TITLE.match(t)), len(compact))
    pending_key = ""
    for i, text in enumerate(compact[:toc_start]):
        if i == 0:
            issue.title = text
            continue
        if pending_key:
            issue.details[pending_key] = text
            if pending_key.startswith("主办"):
                issue.sponsor = text
            pending_key = ""
            continue
        if m := _ISSUE_NO.search(text):
            issue.year, issue.number = int(m.group(1)), int(m.group(2))
        elif m := _YEAR.match(text):
            issue.year = issue.year or int(m.group(1))
        elif m := _NUMBER.match(text):
            issue.number = issue.number or int(m.group(1))
        elif m := _TOTAL.search(text):
            issue.total_number = int(m.group(1))
        elif m := _PUBLISHED.match(text):
            year = m.group(1) or issue.year
            issue.published = iso_date(year, m.group(2), m.group(3)) if year else None
        elif text in ("主办单位", "主办", "主管单位", "编辑出版"):
            pending_key = text
        elif m := _KEY_VALUE.match(text):
            key, value = m.group(1), m.group(2).strip()
            issue.details[key] = value
            if key.startswith("主办"):
                issue.sponsor = value
            elif key.startswith("编辑"):
                issue.editor = value
        elif text != issue.title:
            issue.details.setdefault("说明", "")
            issue.details["说明"] += text
    if issue.year and issue.number:
        issue.label = f"{issue.year}年第{issue.number}期"
    issue.toc = parse_toc(lines[toc_start + 1:])
    return issue


def parse_toc(lines: list[Line]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    category = ""
    pending: list[str] = []
    first_line = 0
    for line in lines:
        text = mend_spaces(line.text)
        if m := _CATEGORY.match(text.replace(" ", "")):
            category, pending = m.group(1), []
            continue
        if not pending:
            first_line = line.number
        m = _TOC_ENTRY_END.match(fold(text))
        if m:
            title = "".join(pending) + text[: len(m.group(1))]
            number = text[m.start(2):m.end(2)]
            entries.append(TocEntry(category, mend_spaces(title), canonical_doc_number(number),
                                    int(m.group(3)), first_line))
            pending = []
            continue
        m = _TOC_PAGE_ONLY.match(fold(text))
        if m:
            title = "".join(pending) + text[: len(m.group(1))]
            entries.append(TocEntry(category, mend_spaces(title), None, int(m.group(2)), first_line))
            pending = []
            continue
        pending.append(text)
    return entries
