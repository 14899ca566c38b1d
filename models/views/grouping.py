"""Where a document sits in the reading tree: the two rows above it.

A document of a gazette issue sits under its issue and its category
(2021年第5期 → 区政府文件), as the issue's 目录 lists it. A document imported on
its own (a file with no cover: no 期 number, no year of issue) has neither: it
sits under its government and the year it was issued (台儿庄区 → 2022年), so that
documents imported one by one gather where an official looks for them, not
each as an "issue" named by its own 文号 with a category 其他.

Pure functions of the stored records, so the outline (models/views/outline.py),
however it is built, asks here and nothing else decides it.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from models.store.records import DocumentInfo

OTHER_CATEGORY = "其他"
UNKNOWN_GOVERNMENT = "其他单位"
UNKNOWN_YEAR = "年份不详"
_NUMBER_YEAR = re.compile(r"[〔\[［【(（]((?:19|20)\d\d)[〕\]］】)）]")


class Group(NamedTuple):
    """The issue-level and category-level rows of one document: their keys and texts."""
    key: str
    text: str
    sub_key: str
    sub_text: str


def is_single(issue: dict | None) -> bool:
    """Whether *issue* (a row of Library.issues()) is a document imported on its own: the
    parser found no cover, so it has neither a year of issue nor a number."""
    return issue is not None and issue.get("year") is None and issue.get("number") is None


def year_of(doc: DocumentInfo) -> str:
    """The year *doc* was issued: of its 成文日期, else of its 文号 (〔2022〕), else ""."""
    if doc.date and doc.date[:4].isdigit():
        return doc.date[:4]
    found = _NUMBER_YEAR.search(doc.doc_number or "")
    return found.group(1) if found else ""


def group_of(doc: DocumentInfo, issue: dict | None) -> Group:
    """The two rows above *doc* in the tree; *issue*: its issue's row (Library.issues())."""
    if is_single(issue):
        government = doc.government or UNKNOWN_GOVERNMENT
        year = year_of(doc)
        year_text = f"{year}年" if year else UNKNOWN_YEAR
        return Group(f"government:{government}", government,
                     f"year:{government}:{year_text}", year_text)
    category = doc.category or OTHER_CATEGORY
    return Group(f"issue:{doc.issue}", doc.issue, f"category:{doc.issue}:{category}", category)
