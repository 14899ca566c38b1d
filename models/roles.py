"""The roles a department can have in a clause, strongest first, and their Chinese labels.

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
