"""Running heads, feet and page numbers: found by repetition and place, never by name.

Why: the gazette's name and issue on top of every page and "— 5 —" at its foot are
not part of any document; left in, they would land in the middle of clauses
continued over a page. The page number printed on a page becomes its label.
"""
from __future__ import annotations

import re
from collections import Counter

from models.parse.sources.geometry.printed import Printed


_DASH = r"\s\-—–－―一·•・~～"
_PAGE_NUMBER = re.compile(rf"^[{_DASH}]*(\d{{1,4}})[{_DASH}]*$|^第\s*(\d{{1,4}})\s*页"
                          r"(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$")
_NUMBER_INSIDE = re.compile(r"[\-—–－―·]\s*(\d{1,4})\s*[\-—–－―·]|第\s*(\d{1,4})\s*页")


def _page_number(text: str) -> str | None:
    m = _PAGE_NUMBER.match(text.strip())
    return (m.group(1) or m.group(2)) if m else None


def _places(values: list[float], tol: float = 2.0) -> dict[float, int]:
    """Each value → the index of its cluster (values within *tol* of the next): "the same
    place" on different pages, without the seams of rounding."""
    place: dict[float, int] = {}
    index, last = -1, None
    for v in sorted(set(values)):
        if last is None or v - last > tol:
            index += 1
        place[v] = index
        last = v
    return place


def page_numbers(pages: dict[int, list[Printed]], heights: dict[int, float],
                  body: float) -> dict[int, str]:
    """Remove the page numbers (the first or last line of a page, in its top or bottom fifth,
    in one of the usual forms, at a place shared with another page); return the labels."""
    found: list[tuple[int, Printed, str]] = []
    for n, lines in pages.items():
        for line in {id(x): x for x in (lines[:1] + lines[-1:])}.values():
            number = _page_number(line.text)
            in_margin = line.bottom > 0.8 * heights[n] or line.top < 0.2 * heights[n]
            if number and in_margin and line.size <= 1.3 * body:
                found.append((n, line, number))
    place = _places([line.top for _, line, _ in found], 4.0)
    shared = Counter(place[line.top] for _, line, _ in found)
    labels: dict[int, str] = {}
    for n, line, number in found:
        if len(pages) < 3 or shared[place[line.top]] >= 2:
            pages[n].remove(line)
            labels[n] = number
    return labels


def running_heads(pages: dict[int, list[Printed]], body: float,
                   labels: dict[int, str]) -> None:
    """Remove running heads and feet: the same words at the same place, on top or at the
    foot of at least two pages and three in ten. A head is set smaller than the body or
    stands apart from it, so the same body line on top of every page is no head. Words that
    differ only in their numbers ("公报 · 17") are the same when set smaller than the body:
    two documents' 文号 at the top of their first pages must not look like a head."""
    for _ in range(2):  # a second pass for a second head line (or a head over a foot rule)
        candidates: list[tuple[int, str, Printed]] = []
        for n, lines in pages.items():
            if lines:
                for zone, line in (("top", lines[0]), ("bottom", lines[-1])):
                    small = line.size < 0.95 * body
                    if small or (line.size <= 1.2 * body and _apart(lines, zone, body)):
                        candidates.append((n, zone, line))
        place = _places([line.top for _, _, line in candidates])

        def key(zone: str, line: Printed) -> tuple[str, int, str]:
            words = line.text.replace(" ", "")
            if line.size < 0.95 * body:
                words = re.sub(r"\d+", "#", words)
            return zone, place[line.top], words

        seen: dict[tuple[str, int, str], set[int]] = {}
        for n, zone, line in candidates:
            seen.setdefault(key(zone, line), set()).add(n)
        heads = {k for k, v in seen.items() if len(v) >= 2 and len(v) >= 0.3 * len(pages)}
        head_places = {(zone, at) for zone, at, _ in heads}
        gone = []
        for n, zone, line in candidates:
            k = key(zone, line)
            # at a head's place, a small line standing apart is a head too (alternating
            # heads: the gazette's name on even pages, the document's title on odd ones)
            if k in heads or ((zone, k[1]) in head_places and line.size < 0.95 * body and
                              _apart(pages[n], zone, body)):
                gone.append((n, line))
        if not gone:
            return
        for n, line in gone:
            if line in pages[n]:
                pages[n].remove(line)
            m = _NUMBER_INSIDE.search(line.text)
            if m and n not in labels:
                labels[n] = m.group(1) or m.group(2)


def _apart(lines: list[Printed], zone: str, body: float) -> bool:
    """A head stands apart: the next line of the page is well below it (above, for a foot)."""
    if len(lines) < 2:
        return True
    if zone == "top":
        return lines[1].top - lines[0].bottom > 0.9 * body
    return lines[-1].top - lines[-2].bottom > 0.9 * body
