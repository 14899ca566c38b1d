"""Where a document sits in the reading tree: the two rows above it.

A document of a gazette issue sits under its issue and its category
(2021年第5期 → 区政府文件), as the issue's 目录 lists it. A document imported on
its own (a file with no cover: no 期 number, no year of issue) has neither: it
sits under its government and the year it was issued (台儿庄区 → 2022年), so that
documents imported one by one gather where an official looks for them, not
each as an "issue" named by its own 文号 with a category 其他.

The rows' keys and texts, pure functions of the stored fields: the outline
(models/views/outline.py) asks here. Which issue is a document on its own (neither a year of issue nor a number)
is the store's rule: Library.single_issues (models/store/tree.py).
"""
from __future__ import annotations

import re

OTHER_CATEGORY = "其他"
UNKNOWN_GOVERNMENT = "其他单位"
UNKNOWN_YEAR = "年份不详"
_NUMBER_YEAR = re.compile(r"[〔\[［【(（]((?:19|20)\d\d)[〕\]］】)）]")


def top_row(label: str, government: str | None) -> tuple[str, str]:
    """The issue-level row of an issue labelled *label*: its own, or for a document imported
    on its own (*government*: its document's government, "" unknown; None: a real issue)
    the row of its government, which gathers every such document of it."""
    if government is not None:
        government = government or UNKNOWN_GOVERNMENT
        return f"government:{government}", government
    return f"issue:{label}", label


def sub_row(top_text: str, single: bool, category: str | None, date: str | None,
            doc_number: str | None) -> tuple[str, str]:
    """The category-level row under the top row *top_text*: the category of an issue's
    document, or the year a document imported on its own was issued."""
    if single:
        year = _year(date, doc_number)
        year_text = f"{year}年" if year else UNKNOWN_YEAR
        return f"year:{top_text}:{year_text}", year_text
    category = category or OTHER_CATEGORY
    return f"category:{top_text}:{category}", category


def top_key_of(sub_key: str) -> str | None:
    """The key of the top row above the row *sub_key* (category:… or year:…)."""
    kind, _, rest = sub_key.partition(":")
    top = {"category": "issue", "year": "government"}.get(kind)
    return f"{top}:{rest.rsplit(':', 1)[0]}" if top and ":" in rest else None


def _year(date: str | None, doc_number: str | None) -> str:
    if date and date[:4].isdigit():
        return date[:4]
    found = _NUMBER_YEAR.search(doc_number or "")
    return found.group(1) if found else ""
