"""The full-text index: every character a token, so a query of any length is a phrase.

Why not FTS5's trigram tokenizer: it cannot answer a query of one or two
characters (托育 is two, 局 is one), which then scanned every clause with
instr() — 650 ms at a thousand issues — and it kept a copy of every text
beside its index. Here the folded, lower-cased text is written one character
to a token ("托 育 服 务"), into a contentless FTS5 table (the index only: the
text is in nodes), with the unicode61 tokenizer; a query "托育" is the phrase
"托 育", so every length is answered by the index and stops at its LIMIT.
Substrings match anywhere, as before, digits and Latin letters included.
Header and closing matter (发文机关标志, 署名, 版记 …) are not indexed: search
never shows them; a 文号 is found through documents.doc_number_tail.
"""
from __future__ import annotations

from models.textnorm import fold

TABLE = "search_fts"
NOT_INDEXED = ("masthead", "doc_number", "signature", "date", "publicity", "imprint", "cc")
# punctuation kept as tokens, so "(一)" or "〔2021〕" (folded: "[2021]") is found as written
_KEPT = "()[]{}<>:;,.!?~+%/、。《》“”‘’…·—#&*=|"
CREATE = (f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, content='', columnsize=0, "
          f"tokenize=\"unicode61 remove_diacritics 0 tokenchars '{_KEPT}'\")")


def searchable(text: str) -> str:
    """*text* as a query's terms are looked for in it: folded, lower-cased, no spaces."""
    return "".join(ch for ch in fold(text).lower() if not ch.isspace())


def indexed(text: str) -> str:
    """*text* as the index holds it: searchable, one character to a token."""
    return " ".join(searchable(text))


def phrase(term: str) -> str:
    """The FTS5 phrase that finds *term* anywhere in a clause."""
    return '"' + indexed(term).replace('"', '""') + '"'


def match(terms: list[str]) -> str:
    """All *terms* (a query's words, each a substring to find) as one FTS5 expression."""
    return " AND ".join(phrase(t) for t in terms if indexed(t))


def add_rows(conn, rows) -> None:
    """Index (node id, kind, full text) rows."""
    conn.executemany(f"INSERT INTO {TABLE}(rowid, body) VALUES (?, ?)",
                     [(i, indexed(text)) for i, kind, text in rows if kind not in NOT_INDEXED])


def delete_rows(conn, rows) -> None:
    """Take (node id, kind, full text) rows out of the index: a contentless table must be told
    the values it indexed, which the text in nodes gives again."""
    conn.executemany(f"INSERT INTO {TABLE}({TABLE}, rowid, body) VALUES ('delete', ?, ?)",
                     [(i, indexed(text)) for i, kind, text in rows if kind not in NOT_INDEXED])
