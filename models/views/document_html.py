"""The HTML of one document as the reading pane shows it (and as it prints).

Pure Python, so it is tested without Qt. It aims at Qt's rich-text subset:
classes and a style sheet for the GB/T 9704 levels (一、 bold sans, （一）
bold, body serif, 1.6 line height, two-character indent), anchors named by
node key so the pane can scroll to a clause, and spans for departments,
deadlines and search matches. Every piece of gazette text goes through the
one Markdown renderer (raw HTML off) or html.escape, so nothing in a gazette
can become markup or load a resource.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from models.views.citation import WORD_JOINER, cite, gazette_page
from models.views.cn_date import cn_date
from models.store.library import DepartmentInfo, DocumentInfo, Library, NodeInfo
from models.views.markdown import clause_markdown, inline_html, mark_terms

BANNER_EXPIRED = "已失效：有效期至{date}"  # on paper, at the head of the document
NOTICE_EXPIRED = "本文件已失效（有效期至{date}）"  # on screen, in the bar above the pane
MASTHEAD_SIZE = 1.5  # the masthead's size, in body sizes, when the line has room for it
HIGHLIGHT = "#fff4cc"  # the background of the clause being read (and the clauses under it)
BODY_END = "end-of-body"  # the anchor after the last clause (where the cited documents begin)

_MARKABLE = {"section", "chapter", "subsection", "article", "item", "subitem", "paragraph",
             "notice", "duty", "roster", "attachments"}
_BLOCK_CLASS = {
    "section": "h1", "chapter": "h1", "subsection": "body sub", "article": "body",
    "item": "body item", "subitem": "body item", "paragraph": "body", "notice": "body",
    "duty": "body duty", "roster": "roster", "attachments": "body", "annex": "annex",
    "plan_title": "plantitle", "signature": "sign", "date": "sign", "publicity": "body quiet",
    "cc": "quiet rule", "imprint": "quiet",
}
_HEADER_KINDS = ("masthead", "doc_number", "title", "addressee")
_CHIP = re.compile(r'<span data-dept="([^"]*)" class="dept ([a-z]+)">')
_ANY_CHIP = re.compile(r'<span data-dept="[^"]*" class="dept [^"]*">')  # selected ones too
_TAG = re.compile(r"<[^>]*>")
_TOKEN = re.compile(r"<[^>]*>|&[#\w]+;|.", re.S)  # a tag, an entity or one character
_MENTION_IN_CHIP = re.compile(r'(<span data-dept="[^"]*" class="dept [a-z]+ sel">)'
                              r'<span class="mention">([^<]*)</span>')


@dataclass(frozen=True)
class ReadingStyle:
    """Fonts and sizes of the pane; zoom scales every size so indents keep their proportion."""

    sans: str = "Gazette Sans"
    serif: str = "Gazette Serif"
    body_pt: float = 14.0
    char_px: float = 19.0  # width of one Chinese character of the body font at zoom 1
    zoom: float = 1.0
    px: float = 1.0  # extra factor for fixed spacings (Qt already maps CSS px to a printer)
    line_px: float = 0.0  # width of the pane's lines (0: not known, as on paper)

    def pt(self, factor: float = 1.0) -> str:
        return f"{self.body_pt * self.zoom * factor:.1f}pt"

    def css(self) -> str:
        indent = round(2 * self.char_px * self.zoom)
        z = self.zoom * self.px  # fixed spacings scale with the zoom and the device
        sans, serif = f"'{self.sans}'", f"'{self.serif}'"
        return f"""
body {{ font-family: {serif}; font-size: {self.pt()}; color: #1b1b1b; }}
p {{ margin-top: 0px; margin-bottom: {round(6 * z)}px; line-height: 160%; }}
p.body {{ text-indent: {indent}px; }}
p.h1 {{ font-family: {sans}; font-weight: bold; text-indent: {indent}px; margin-top: {round(8 * z)}px; }}
p.sub span.leadin {{ font-weight: bold; }}
p.item span.leadin {{ font-weight: bold; }}
p.heading {{ font-weight: bold; }}
p.masthead {{ font-family: {sans}; font-weight: bold; color: #b71c1c; font-size: {self.pt(MASTHEAD_SIZE)}; text-align: center; margin-bottom: {round(2 * z)}px; }}
p.docno {{ text-align: center; color: #333333; margin-bottom: {round(2 * z)}px; }}
p.title {{ font-family: {serif}; font-weight: bold; font-size: {self.pt(1.45)}; text-align: center; line-height: 140%; margin-top: {round(14 * z)}px; margin-bottom: {round(6 * z)}px; }}
p.meta {{ font-family: {sans}; color: #6b6b6b; font-size: {self.pt(0.8)}; text-align: center; margin-bottom: {round(12 * z)}px; }}
p.addressee {{ margin-top: {round(6 * z)}px; }}
p.plantitle {{ font-weight: bold; font-size: {self.pt(1.3)}; text-align: center; line-height: 140%; margin-top: {round(24 * z)}px; margin-bottom: {round(10 * z)}px; }}
p.annex {{ font-family: {sans}; font-weight: bold; margin-top: {round(24 * z)}px; }}
p.annextitle {{ font-weight: bold; font-size: {self.pt(1.2)}; text-align: center; margin-bottom: {round(10 * z)}px; }}
p.roster {{ margin-left: {indent * 2}px; margin-bottom: 0px; }}
p.sign {{ text-align: right; margin-right: {indent * 2}px; margin-bottom: 0px; }}
p.quiet {{ color: #6b6b6b; font-size: {self.pt(0.85)}; }}
p.refs {{ font-family: {sans}; font-weight: bold; margin-top: {round(20 * z)}px; color: #444444; }}
p.ref {{ margin-left: {indent}px; margin-bottom: 0px; }}
p.current {{ background-color: {HIGHLIGHT}; }}
span.label {{ }}
span.dept {{ font-family: {sans}; font-size: {self.pt(0.9)}; background-color: #eef1f5; color: #37474f; }}
span.lead {{ font-weight: bold; background-color: #d3e3fd; color: #0b3a8c; }}
span.responsible {{ background-color: #e2ecfb; color: #16407a; }}
span.support {{ background-color: #f0f0f0; color: #707070; }}
span.annex {{ font-weight: bold; background-color: #e6f0e6; color: #2e5e2e; }}
span.sel {{ background-color: #ffc93c; color: #000000; }}
span.mention {{ background-color: #ffe9a8; }}
span.deadline {{ color: #b3261e; font-weight: bold; background-color: #fdecea; }}
span.hit {{ background-color: #ffeb3b; color: #000000; }}
span.notin {{ color: #8a8a8a; font-size: {self.pt(0.85)}; }}
a.mark {{ color: #b0b4b9; text-decoration: none; font-size: {self.pt(0.85)}; }}
a.marked {{ color: #c5221f; text-decoration: none; font-size: {self.pt(0.85)}; }}
"""


def expired_banner(doc: DocumentInfo) -> str:
    return BANNER_EXPIRED.format(date=cn_date(doc.valid_until))


def expired_notice(doc: DocumentInfo) -> str:
    """本文件已失效（有效期至2023年12月31日）: what the window says above an expired document."""
    return NOTICE_EXPIRED.format(date=cn_date(doc.valid_until))


def masthead_size(style: ReadingStyle, masthead: str) -> float:
    """The masthead's size in body sizes: one line, as GB/T 9704's 发文机关标志 is, at
    MASTHEAD_SIZE when the pane's line has room, scaled down to the line's width when not
    (never below the body size's 0.8). Every CJK character is one em wide."""
    chars = len(masthead.strip())
    if not style.line_px or not chars:
        return MASTHEAD_SIZE
    fits = style.line_px * 0.97 / (chars * style.char_px * style.zoom)
    return max(0.8, min(MASTHEAD_SIZE, round(fits, 2)))


def keep_names_whole(fragment: str) -> str:
    """Department chips that never break inside a name: a word joiner between the letters of
    each chip's text (tags and entities kept as they are; the copy of the pane removes them)."""
    out, pos = [], 0
    for chip in _ANY_CHIP.finditer(fragment):
        if chip.start() < pos:
            continue  # (inside the chip before: done with it)
        end, depth = chip.end(), 1
        for tag in _TAG.finditer(fragment, chip.end()):  # the chip's own </span>
            text = tag.group(0)
            depth += -1 if text.startswith("</") else 0 if text.endswith("/>") else 1
            if depth == 0:
                end = tag.start()
                break
        inner = _TOKEN.sub(lambda m: m.group(0) if m.group(0).startswith("<")
                           else m.group(0) + WORD_JOINER, fragment[chip.end():end])
        if inner.endswith(WORD_JOINER):
            inner = inner[:-1]
        out.append(fragment[pos:chip.end()] + inner)
        pos = end
    out.append(fragment[pos:])
    return "".join(out)


def markdown_of(node: NodeInfo, assignments: list[tuple[str, str, str]],
                deadlines: list[dict]) -> str:
    """The Markdown of a stored clause, with its chips and deadlines marked."""
    return clause_markdown(node.kind, node.label, node.text, node.heading, node.note,
                           assignments, [(d["phrase"], d["due"]) for d in deadlines])


def clause_html(node: NodeInfo, assignments: list[tuple[str, str, str]],
                deadlines: list[dict]) -> str:
    """markdown_of as HTML, kept for the next time: the reading pane draws a document again
    for each row the Down arrow moves to, and for each department picked."""
    return _clause_html(node.kind, node.label, node.text, node.heading, node.note,
                        tuple(map(tuple, assignments)),
                        tuple((d["phrase"], d["due"]) for d in deadlines))


@lru_cache(maxsize=4096)
def _clause_html(kind: str, label: str, text: str, heading: str, note: str,
                 assignments: tuple, deadlines: tuple) -> str:
    return inline_html(clause_markdown(kind, label, text, heading, note, list(assignments),
                                       list(deadlines)))


def highlight_department(fragment: str, department: DepartmentInfo | None) -> str:
    """Mark the department's chips (and itself, via any collective unit) and its mentions."""
    if department is None:
        return fragment
    names = {department.name, *department.part_of}

    def chip(m: re.Match) -> str:
        extra = " sel" if html.unescape(m.group(1)) in names else ""
        return f'<span data-dept="{m.group(1)}" class="dept {m.group(2)}{extra}">'

    fragment = _CHIP.sub(chip, fragment)
    words = [w for w in (department.name, *department.aliases) if len(w) >= 3]
    fragment = mark_terms(fragment, words, cls="mention")
    return _MENTION_IN_CHIP.sub(r"\1\2", fragment)  # a chip is already marked


def header_page(nodes: list[NodeInfo], current: str | None, doc: DocumentInfo) -> str:
    """The page the header names while *current* is read (citation.gazette_page of it, or
    of the title when none is)."""
    shown = next((n for n in nodes if n.key == current), None) or \
        next((n for n in nodes if n.kind == "title"), None)
    return gazette_page(shown, doc)


def highlighted(nodes: list[NodeInfo], key: str | None) -> set[str]:
    """The clauses the pane highlights for the clause *key*: it and every clause under it
    (*nodes*: the document's, in reading order)."""
    if not key:
        return set()
    ids, keys = set(), set()
    for node in nodes:  # reading order: a parent always comes before its children
        if node.key == key or node.parent_id in ids:
            ids.add(node.id)
            keys.add(node.key)
    return keys


def _block(node: NodeInfo, inner: str, current: set[str]) -> str:
    cls = _BLOCK_CLASS.get(node.kind, "body")
    if node.kind == "subsection" and node.heading == node.text:
        cls = "body heading"  # a heading-only （一） level, e.g. 宣传发动阶段
    if node.key in current:
        cls += " current"
    anchor = f'<a name="{node.key}"></a>'
    if node.kind == "annex":
        label = html.escape(node.label.rstrip(":：") or "附件", quote=False)
        title = html.escape(node.heading or node.text, quote=False)
        cls_title = "annextitle current" if node.key in current else "annextitle"
        return f'<p class="{cls}">{anchor}{label}</p><p class="{cls_title}">{title}</p>'
    return f'<p class="{cls}">{anchor}{inner}</p>'


def document_html(library: Library, document_key: str, *, style: ReadingStyle | None = None,
                  current: str | None = None, department: DepartmentInfo | None = None,
                  terms: tuple[str, ...] | list[str] = (), today: date | None = None,
                  with_references: bool = True,
                  bookmarked: frozenset[str] | set[str] | None = None,
                  screen: bool = False) -> str:
    """The whole document: banner, header, body nodes in reading order, cited documents.

    With *bookmarked* (the screen, not print) every clause ends in a mark that
    bookmarks it: ☆, or ★ when it is bookmarked already. On *screen* the window
    says the document has expired above the pane (no banner that scrolls away),
    and department names never break across lines.
    """
    style = style or ReadingStyle()
    doc = library.document(document_key)
    nodes = library.nodes(document_key)
    assigned = library.assignments(document_key)
    dues = library.deadlines_of(document_key=document_key)
    current_keys = highlighted(nodes, current)
    header_anchors = "".join(f'<a name="{n.key}"></a>' for n in nodes if n.kind in _HEADER_KINDS)
    parts = [f"<html><head><style>{style.css()}</style></head><body>"]
    parts.append(header_html(doc, header_anchors, today, header_page(nodes, current, doc),
                             style, banner=not screen))
    for node in nodes:
        if node.kind in _HEADER_KINDS:
            continue
        inner = clause_html(node, assigned.get(node.key, []),
                            dues.get(node.key, []))  # chips and deadlines marked
        inner = highlight_department(inner, department)
        if terms:
            inner = mark_terms(inner, list(terms), cls="hit")
        if bookmarked is not None and node.kind in _MARKABLE:
            on = node.key in bookmarked
            inner += (f' <a class="{"marked" if on else "mark"}" href="gazette:bookmark/{node.key}" '
                      f'title="{"已收藏" if on else "收藏此条（Ctrl+D）"}">{"★" if on else "☆"}</a>')
        if screen:
            inner = keep_names_whole(inner)
        parts.append(_block(node, inner, current_keys))
    if with_references:
        refs = [r for r in library.references(document_key) if r["title"] != doc.plan_title]
        parts.append(references_html(refs, terms))
    parts.append("</body></html>")
    return "".join(parts)


def header_html(doc: DocumentInfo, anchors: str = "", today: date | None = None,
                where: str = "", style: ReadingStyle | None = None,
                banner: bool = True) -> str:
    """Banner when expired (and *banner*), masthead (on one line), 文号, the title, a quiet
    line of facts (*where*: the page of the clause shown, citation.gazette_page), 主送."""
    esc = lambda s: html.escape(s or "", quote=False)  # noqa: E731
    out = []
    if banner and doc.expired(today):
        out.append('<table width="100%" cellspacing="0" cellpadding="10" bgcolor="#fde7e7" '
                   'style="margin-bottom: 12px;"><tr><td>'
                   f'<span style="color: #a31515; font-weight: bold;">{esc(expired_banner(doc))}'
                   '</span><span style="color: #7a3b3b;">　本文件已超过有效期，仅供查阅参考。'
                   '</span></td></tr></table>')
    out.append(anchors)
    if doc.masthead:
        size = masthead_size(style or ReadingStyle(), doc.masthead)
        fitted = (f' style="font-size: {(style or ReadingStyle()).pt(size)};"'
                  if size != MASTHEAD_SIZE else "")
        out.append(f'<p class="masthead"{fitted}>{esc(doc.masthead)}</p>')
    if doc.doc_number:
        out.append(f'<p class="docno">{esc(doc.doc_number)}</p>')
    out.append(f'<p class="title">{esc(doc.title)}</p>')
    facts = [f"发文机关：{esc(doc.issuer)}" if doc.issuer else "",
             f"成文日期：{cn_date(doc.date)}" if doc.date else "",
             f"有效期至{cn_date(doc.valid_until)}" if doc.valid_until and not doc.expired(today)
             else "",
             f"{esc(doc.issue)}" + (f" {where}" if where else "")]
    out.append(f'<p class="meta">{"　·　".join(f for f in facts if f)}</p>')
    if doc.addressee:
        out.append(f'<p class="addressee"><span style="color: #6b6b6b;">主送：</span>'
                   f'{esc(doc.addressee)}</p>')
    return "".join(out)


def references_html(references: list[dict], terms=()) -> str:
    """The documents a text cites; those held in the library link to themselves."""
    if not references:
        return ""
    out = [f'<p class="refs"><a name="{BODY_END}"></a>本文引用的文件</p>']
    for ref in references:
        text = html.escape(cite(ref["title"], ref.get("doc_number")), quote=False)
        if terms:
            text = mark_terms(text, list(terms), cls="hit")
        if ref.get("in_library"):
            text = f'<a href="gazette:doc/{html.escape(ref["in_library"])}">{text}</a>'
        else:
            text += '<span class="notin">　库中未收录</span>'
        out.append(f'<p class="ref">{text}</p>')
    return "".join(out)
