"""When a document has expired (已失效): the one rule the library's queries, the live tree and
the start's cached picture all follow.

Validity is not stored but computed from a document's `valid_until` and
today's date, so a document expires without its library being rebuilt. A
module of its own, importing nothing: the window's first paint (the outline
cache) uses it before anything heavy is loaded.
"""
from __future__ import annotations


def is_expired(valid_until: str | None, today: str) -> bool:
    """Whether a document valid until *valid_until* (an ISO date, None or "" for no end) has
    expired on *today* (an ISO date): from the day after its last valid day."""
    return bool(valid_until) and valid_until < today
