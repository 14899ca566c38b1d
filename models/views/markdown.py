"""Markdown for clauses and the HTML the reading pane shows.

A clause's Markdown is its published text with spans marked by attributes:
the lead-in phrase, department names in its note ({.dept .lead}), deadlines.
One renderer factory (commonmark, raw HTML off, no links or images) turns it
into HTML, so nothing in a gazette can load an outside resource.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
from models.textnorm import fold

# (department, role, as written) of a clause; (phrase, due) of its deadlines
Assigned = tuple[str, str, str]
Due = tuple[str, str]

_ESCAPE = re.compile(r"([\\`*_\[\]{}<>#!|~&])")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it literally (no lists, links or emphasis)."""
    text = _ESCAPE.sub(r"\\\1", text)
    # A line that starts like a list or a heading must stay text.
    text = re.sub(r"(?m)^(\s*)(\d{1,9})([.)])", r"\1\2\\\3", text)
    text = re.sub(r"(?m)^(\s*)([-+=])", r"\1\\\2", text)
    return text


def _span(text: str, classes: str, attrs: dict[str, str] | None = None) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in (attrs or {}).items())
    return f"[{escape_markdown(text)}]{{{classes}{extra}}}"


def clause_markdown(kind: str, label: str, text: str, heading: str, note: str,
                    assignments: list[Assigned], deadlines: list[Due]) -> str:
    """The Markdown of one clause: its text with lead-in, departments and deadlines marked.
    Made when the clause is shown (the library keeps only the published text)."""
    full = label + text
    spans: list[tuple[int, int, str, dict[str, str] | None]] = []
    if kind in ("section", "subsection", "item", "subitem", "chapter", "article") \
            and heading and heading != text:
        end = len(label) + len(heading)
        if full[end:end + 1] in "。：:":
            end += 1
        spans.append((0, end, ".leadin", None))
    elif label:
        spans.append((0, len(label), ".label", None))
    if note:
        cursor = len(full) - len(note)
        for department, role, written in assignments:
            at = full.find(written, cursor)
            if at < 0:
                continue
            spans.append((at, at + len(written), f".dept .{role}", {"data-dept": department}))
            cursor = at + len(written)
    elif kind == "duty" and assignments:
        start = len(label)
        for department, _, written in assignments:
            at = full.find(written, start)
            if at >= 0:
                spans.append((at, at + len(written), ".dept .annex", {"data-dept": department}))
                start = at + len(written)
    cursor = 0
    for phrase, due in deadlines:
        at = full.find(phrase, cursor)
        if at >= 0:
            spans.append((at, at + len(phrase), ".deadline", {"data-due": due}))
            cursor = at + len(phrase)
    out: list[str] = []
    pos = 0
    for start, end, cls, attrs in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos:
            continue  # overlapping spans: the first (outer) one wins
        out.append(escape_markdown(full[pos:start]))
        out.append(_span(full[start:end], cls, attrs))
        pos = end
    out.append(escape_markdown(full[pos:]))
    return "".join(out)


@lru_cache(maxsize=1)
def markdown_renderer() -> "MarkdownIt":
    """The one Markdown renderer: commonmark, raw HTML escaped, no links or images.

    markdown-it is imported here, on first use, not when the window starts.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_plugin
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.use(attrs_plugin, spans=True)
    md.disable(["image", "link", "autolink", "html_inline", "html_block"])
    return md


def markdown_to_html(markdown: str) -> str:
    return markdown_renderer().render(markdown)


def inline_html(markdown: str) -> str:
    """HTML of one paragraph's Markdown without the surrounding <p>."""
    out = markdown_to_html(markdown).strip()
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return out


def mark_terms(fragment: str, terms: list[str], cls: str = "hit") -> str:
    """Wrap every occurrence of *terms* (width-folded) in the text of HTML: never in its
    tags, nor in its entities (searching "lt" must not cut "&lt;" apart)."""
    folded_terms = sorted({fold(t) for t in terms if t}, key=len, reverse=True)
    if not folded_terms:
        return fragment
    pattern = re.compile("|".join(re.escape(t) for t in folded_terms), re.IGNORECASE)
    parts = re.split(r"(<[^>]+>)", fragment)
    for i, part in enumerate(parts):
        if not part or part.startswith("<"):
            continue
        text = html.unescape(part) if "&" in part else part
        out, pos = [], 0
        for m in pattern.finditer(fold(text)):  # fold keeps length: offsets are shared
            out.append(html.escape(text[pos:m.start()], quote=False))
            out.append(f'<span class="{cls}">{html.escape(text[m.start():m.end()], quote=False)}'
                       "</span>")
            pos = m.end()
        if pos == 0:
            continue  # no match: the part stays exactly as it was
        out.append(html.escape(text[pos:], quote=False))
        parts[i] = "".join(out)
    return "".join(parts)
