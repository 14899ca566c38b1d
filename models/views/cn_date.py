"""Dates as official documents write them: 2021-09-18 → 2021年9月18日.

A module of its own, importing nothing, so that the window's first paint
(the deadlines panel) can use it as cheaply as the printed documents do.
"""
from __future__ import annotations


def cn_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = (int(part) for part in iso.split("-"))
    return f"{y}年{m}月{d}日"
