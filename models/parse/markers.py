"""Numbering marks of official documents: 第一章 / 第一条 / 一、 / （一） / 1. 1、 / （1）.

Matching runs on folded text, so full- and half-width forms are one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.textnorm import cn_to_int, fold, int_to_cn

_CN = "一二三四五六七八九十百零〇两"
_PATTERNS = (
    ("chapter", 0, re.compile(rf"^第\s*([{_CN}]+)\s*章\s*")),
    ("article", 1, re.compile(rf"^第\s*([{_CN}]+)\s*条\s*")),
    ("section", 1, re.compile(rf"^([{_CN}]+)\s*、\s*")),
    ("subsection", 2, re.compile(rf"^\(\s*([{_CN}]+)\s*\)\s*")),
    ("item", 3, re.compile(r"^(\d{1,3})\s*[.、](?!\d)\s*")),
    ("subitem", 4, re.compile(r"^\(\s*(\d{1,3})\s*\)\s*")),
    ("subitem", 4, re.compile(r"^([①-⑳])\s*")),
)


@dataclass(frozen=True)
class Marker:
    kind: str
    rank: int  # depth in the numbering scheme: chapter 0 … subitem 4
    number: int
    label: str  # as published, spaces removed: "（三）", "1、"
    length: int  # characters of the raw text the mark (and the spaces after it) takes

    @property
    def path_label(self) -> str:
        """The normalised label used in paths: 一、 （一） 1. （1） 第一章 第一条."""
        if self.kind == "chapter":
            return f"第{int_to_cn(self.number)}章"
        if self.kind == "article":
            return f"第{int_to_cn(self.number)}条"
        if self.kind == "section":
            return f"{int_to_cn(self.number)}、"
        if self.kind == "subsection":
            return f"（{int_to_cn(self.number)}）"
        if self.kind == "item":
            return f"{self.number}."
        return f"（{self.number}）"


def match_marker(text: str) -> Marker | None:
    """The numbering mark at the start of *text*, if any."""
    folded = fold(text)
    for kind, rank, pattern in _PATTERNS:
        m = pattern.match(folded)
        if not m:
            continue
        raw = m.group(1)
        if "①" <= raw <= "⑳":  # before isdigit(), which circled numbers also pass
            number = ord(raw) - ord("①") + 1
        elif raw.isdecimal():
            number = int(raw)
        else:
            try:
                number = cn_to_int(raw)
            except ValueError:
                continue
        if kind == "section" and len(raw) > 3:
            continue
        label = "".join(text[: m.end()].split())
        return Marker(kind, rank, number, label, m.end())
    return None


ANNEX_MARK = re.compile(r"^附\s*件\s*(\d{0,2})\s*[:：]?$")
ATTACHMENTS_NOTE = re.compile(r"^[-–•·]?\s*附\s*件\s*[:：]\s*(.*)$")
DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
IMPRINT_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印\s*发$")
# 印发机关 and 印发日期 on one printed line, as GB/T 9704 sets them (the organ left, the date right)
IMPRINT_LINE = re.compile(r"^([\u4e00-\u9fff（）()]{2,40}?)\s*"
                          r"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印\s*发)$")
PUBLICITY = re.compile(r"^[（(][^（）()]{2,16}[）)]$")
CC_LINE = re.compile(r"^抄\s*送\s*[:：]")
ROSTER_POSITION = re.compile(r"^(组\s*长|副\s*组\s*长|成\s*员|主\s*任|副\s*主\s*任)\s*[:：]\s*")
