"""A node's heading and note, kept as places in its text when they are taken from it.

Most headings are the text's first words (一、明确改革内容), its first words cut short
(为贯彻落实…), or words inside it (区总工会负责… → 负责…); a note is the text's end
（区财政局牵头）. Kept as offsets, they cost a few bytes instead of a second copy of the
words: a tenth of a thousand-issue library. The SQL expressions read them back, so
every query that shows a heading or a note gets it the same way.
"""
from __future__ import annotations

ELLIPSIS = "…"

HEADING_SQL = ("(CASE WHEN nodes.heading_len IS NULL THEN COALESCE(nodes.heading, '') "
               "WHEN nodes.heading_len >= 0 THEN substr(nodes.text, nodes.heading_at, "
               "nodes.heading_len) ELSE substr(nodes.text, nodes.heading_at, "
               f"-nodes.heading_len) || '{ELLIPSIS}' END)")
NOTE_SQL = ("(CASE WHEN nodes.note_len IS NULL THEN COALESCE(nodes.note, '') "
            "ELSE substr(nodes.text, length(nodes.text) - nodes.note_len + 1) END)")


def heading_columns(heading: str, text: str) -> dict:
    """The heading's columns: where it stands in *text* (1-based, as SQL counts), its
    length (negative: those words and …), or, when it is not taken from the text, itself."""
    if not heading:
        return {"heading": None, "heading_at": None, "heading_len": None}
    whole = text.find(heading)
    if whole >= 0:
        return {"heading": None, "heading_at": whole + 1, "heading_len": len(heading)}
    if len(heading) > 1 and heading.endswith(ELLIPSIS):
        cut = text.find(heading[:-1])
        if cut >= 0:
            return {"heading": None, "heading_at": cut + 1, "heading_len": -(len(heading) - 1)}
    return {"heading": heading, "heading_at": None, "heading_len": None}


def note_columns(note: str, text: str) -> dict:
    """The note's columns: its length when it ends *text*, else itself."""
    if note and text.endswith(note):
        return {"note": None, "note_len": len(note)}
    return {"note": note, "note_len": None}
