"""A list of gazette issues as a line can hold it: all of a few, the first few of many
(2021年第5期、2021年第6期、2021年第7期 等 1000 期) — in the status bar, a duty list's 依据 and
its running head. A module importing nothing: the window's first paint uses it.
"""
from __future__ import annotations


def issues_text(labels: list[str], named: int = 3) -> str:
    if len(labels) <= named:
        return "、".join(labels)
    return "、".join(labels[:named]) + f" 等 {len(labels)} 期"
