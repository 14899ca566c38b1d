"""Cited documents: 《…》 with an optional 文号 in brackets after it."""
from __future__ import annotations

import re

from models.issue import Reference
from models.textnorm import canonical_doc_number, fold

_CITED = re.compile(
    r"《([^《》]{2,120})》(?:\s*\(\s*([\u4e00-\u9fff]{2,15}\s*[\[(]\s*\d{4}\s*[\])]\s*\d{1,4}\s*号)\s*\))?"
)
_ABBREVIATION = re.compile(r"以下简称《([^《》]{1,30})》")


def find_references(text: str) -> list[Reference]:
    """The documents a clause cites, in order, each once; abbreviations defined in it are skipped."""
    folded = fold(text)
    short_forms = {m.group(1) for m in _ABBREVIATION.finditer(folded)}
    seen: set[str] = set()
    refs: list[Reference] = []
    for m in _CITED.finditer(folded):
        title = text[m.start(1):m.end(1)]
        if fold(title) in short_forms or title in seen:
            continue
        seen.add(title)
        number = canonical_doc_number(text[m.start(2):m.end(2)]) if m.group(2) else None
        refs.append(Reference(title, number))
    return refs


def abbreviations(text: str) -> set[str]:
    """Short forms a text defines ("（以下简称《公告》）" → {"公告"}), folded."""
    return {m.group(1) for m in _ABBREVIATION.finditer(fold(text))}
