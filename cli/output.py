"""Printing results for people (text) and for programs (JSON)."""
from __future__ import annotations

import json
import re
import sys

from models.roles import ROLE_LABELS


def emit_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def plain_snippet(snippet: str) -> str:
    """The search snippet for a terminal: matches in 【】, entities decoded."""
    import html
    return html.unescape(re.sub(r"</?mark>", lambda m: "【" if m.group(0) == "<mark>" else "】",
                                snippet))


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def line(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def notice(text: str) -> None:
    """A message about the run itself (waiting, a skipped file), on stderr: stdout stays data."""
    sys.stderr.write(f"公报通：{text}\n")
    sys.stderr.flush()
