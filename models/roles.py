"""The roles a department can have in a clause, strongest first, and their Chinese labels;
the key a department filter (a department and some of its roles) is named by.

Kept apart from the parsed-issue dataclasses so that readers (the window,
the CLI) can name roles without loading the parser's types.
"""
from __future__ import annotations

ROLES = ("lead", "responsible", "support", "annex", "member", "general")
ROLE_LABELS = {
    "lead": "牵头",
    "support": "配合",
    "responsible": "责任",
    "annex": "附件职责",
    "member": "专班成员",
    "general": "通用",
}

# A department filter's key: (department, its government, the roles wanted but general,
# whether general notes are wanted). The outline cache names its pictures by it and the live
# filter (models/store/tree.Scope) says which it is: the two must build it alike, here.
FilterKey = tuple


def filter_key(department: str, government: str | None, roles,
               include_general: bool) -> FilterKey:
    """The key of a filter (区财政局 of one government is not another's; the roles' order
    does not count)."""
    return (department, government or "", tuple(sorted(r for r in roles if r != "general")),
            bool(include_general))
