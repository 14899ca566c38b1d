"""The body hierarchy: paragraphs → a tree of numbered nodes with keys, paths and headings.

Numbering 第一章 / 一、 第一条 / （一） / 1. / （1）: a numbered paragraph closes
every open node of its rank or deeper. An unnumbered paragraph belongs to the
nearest open heading ("一、工作目标" ⏎ "按照…"), else to the region itself.
Keys come from the document and the numbering alone, never from the text, so
a clause keeps its key when its wording changes in a new edition.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from models.parse.annexes import parse_duty, parse_roster_line, post_units
from models.parse.references import find_references
from models.parse.subjects import colon_units, heading_units, subject_units
from models.issue import Node
from models.parse.line import place
from models.parse.markers import ATTACHMENTS_NOTE, ROSTER_POSITION, match_marker
from models.parse.notes import looks_like_note, parse_note, split_trailing_note
from models.parse.paragraphs import Para, is_heading_only, is_roster_line
from models.registry import Registry
from models.textnorm import cn_to_int, fold, int_to_cn, mend_spaces
from models.parse.timeinfo import find_deadlines


def node_key(doc_key: str, struct: str) -> str:
    """The immutable key of a node: a hash of the document's key and its structural place."""
    return hashlib.sha1(f"{doc_key}#{struct}".encode()).hexdigest()[:12]


def heading_of(text: str) -> str:
    """The phrase before the first 。 (the whole text, less its note, when there is none)."""
    cut = text.find("。")
    if cut > 0:
        return text[:cut]
    split = split_trailing_note(text)
    return (split[0] if split else text).rstrip("，,；;：: ")


def _short(text: str, limit: int = 28) -> str:
    first = heading_of(text)
    return first if len(first) <= limit else first[:limit] + "…"


@dataclass
class _Open:
    rank: float
    node: Node
    struct: str
    heading_only: bool
    paragraphs: int = 0
    roster_lines: int = 0  # counted apart, so a paragraph after a roster is 第1段, not 第17段
    seen: dict[str, int] = field(default_factory=dict)
    units: list[str] | None = None  # a heading that is only units ("(一)区交通委"): they own
    #                                 the clauses under it


@dataclass
class RegionContext:
    """What the tree builder needs to know about where it is."""
    doc_key: str
    struct_prefix: str  # "body", "plan", "annex2"
    path_prefix: str  # "" for the body, "附件2 " in an annex
    registry: Registry
    year: int | None
    in_annex: bool = False
    roster_group: str = ""


def make_node(ctx: RegionContext, struct: str, kind: str, label: str, text: str, path: str,
              heading: str, para: Para) -> Node:
    node = Node(key=node_key(ctx.doc_key, struct), kind=kind, label=label, path=path,
                heading=heading, text=text, first_line=para.first_line, last_line=para.last_line)
    place(node, para.lines)
    full = label + text
    node.deadlines = find_deadlines(full, ctx.year)
    node.references = find_references(full)
    return node


def build_tree(paras: list[Para], ctx: RegionContext) -> list[Node]:
    """Turn the paragraphs of one region (a body, a plan, an annex) into nodes."""
    roots: list[Node] = []
    root = _Open(-1, Node("", "root", "", ctx.path_prefix.strip(), "", "", 0, 0), ctx.struct_prefix,
                 True)
    stack: list[_Open] = [root]
    position = ""
    i = 0
    while i < len(paras):
        para = paras[i]
        if para.row is not None:
            _attach_row(ctx, stack, root, roots, para)
            i += 1
            continue
        text = para.text
        marker = match_marker(text)
        if ATTACHMENTS_NOTE.match(fold(text)):
            # 附件说明 with its numbered list ("附件：1.…" ⏎ "2.…") is one node.
            merged = Para(list(para.lines))
            while i + 1 < len(paras) and _continues_attachment_list(paras[i + 1].text, len(merged.lines)):
                i += 1
                merged.lines.extend(paras[i].lines)
            root.seen["attachments"] = count = root.seen.get("attachments", 0) + 1
            struct = f"{ctx.struct_prefix}/attachments" + (f"~{count}" if count > 1 else "")
            node = make_node(ctx, struct, "attachments", "",
                             merged.text, ctx.path_prefix + "附件说明", "附件说明", merged)
            roots.append(node)
            i += 1
            continue
        if ctx.in_annex and (ROSTER_POSITION.match(para.raw) or
                             (position and is_roster_line(para.raw) and len(para.lines) == 1)):
            parsed = parse_roster_line(para.raw, position)
            if parsed:
                label, entry = parsed
                position = entry.position
                parent = stack[-1]
                entry.group = parent.node.heading if parent is not root else ""
                parent.roster_lines += 1
                struct = f"{parent.struct}/r{parent.roster_lines}"
                node = make_node(ctx, struct, "roster", label, f"{entry.person} {entry.post}",
                                 _join_path(parent.node.path, f"{entry.position}{entry.person}"),
                                 f"{entry.position} {entry.person}", para)
                node.roster = entry
                node.assignments = post_units(entry.post, ctx.registry)
                _attach(parent, node, roots, root)
                i += 1
                continue
        position = ""
        if marker:
            rank = marker.rank
            while stack[-1] is not root and stack[-1].rank >= rank:
                stack.pop()
            parent = stack[-1]
            rest = text[marker.length:].strip()
            base = f"{marker.kind}{marker.number}"
            count = parent.seen.get(base, 0) + 1
            parent.seen[base] = count
            struct = f"{parent.struct}/{base}" + (f"~{count}" if count > 1 else "")
            path = _join_path(parent.node.path, marker.path_label)
            heading_only = is_heading_only(text)
            units = heading_units(rest, ctx.registry) if heading_only else None
            items = _inline_items(rest) if marker.kind in ("article", "section") else None
            head = rest[:items[0][2]] if items else rest
            node = make_node(ctx, struct, marker.kind, marker.label, head, path,
                             head.rstrip("。") if heading_only else heading_of(head), para)
            if not units:
                _annotate(node, ctx, para, _owner(stack), _subject_form(node.kind, stack, ctx))
            _attach(parent, node, roots, root)
            opened = _Open(rank, node, struct, heading_only, units=units)
            stack.append(opened)
            item_form = _subject_form("subsection", stack, ctx) if items else ""
            for label, number, start, end in items or ():
                _inline_item(ctx, opened, label, number, rest[start:end], para, item_form)
        else:
            parent = next((o for o in reversed(stack) if o.heading_only), root)
            parent.paragraphs += 1
            struct = f"{parent.struct}/p{parent.paragraphs}"
            path = _join_path(parent.node.path, f"第{parent.paragraphs}段")
            node = make_node(ctx, struct, "paragraph", "", text, path, _short(text), para)
            _annotate(node, ctx, para, _owner(stack),
                      _subject_form("paragraph", stack, ctx, parent))
            _attach(parent, node, roots, root)
        i += 1
    return roots


def _continues_attachment_list(text: str, count: int) -> bool:
    marker = match_marker(text)
    return bool(marker and marker.kind == "item" and marker.number == count + 1
                and "。" not in text and len(text) <= 80)


def _join_path(parent_path: str, label: str) -> str:
    if not parent_path:
        return label
    sep = " " if parent_path.endswith(("段", "件")) or parent_path[-1].isdigit() else ""
    return f"{parent_path}{sep}{label}"


def _attach(parent: _Open, node: Node, roots: list[Node], root: _Open) -> None:
    if parent is root:
        roots.append(node)
    else:
        parent.node.children.append(node)


def _owner(stack: list[_Open]) -> _Open | None:
    """The nearest open heading that is only units: the clauses under it are theirs."""
    return next((o for o in reversed(stack) if o.units), None)


def _subject_form(kind: str, stack: list[_Open], ctx: RegionContext,
                  heading: _Open | None = None) -> str:
    """The form a node of *kind* has when its first words are units ("" when they cannot
    be): an item of an article (第九条（一）区民政局负责…) is an article_item; any other
    numbered item ("（一）区林业局负责…"), or a paragraph under a *heading* (its nearest
    heading-only one) that says it divides duties (roles.toml [subjects] headings:
    职责分工 …), is a section entry."""
    if kind in ("subsection", "item", "subitem"):
        return "article_item" if any(o.node.kind == "article" for o in stack) else "section"
    if kind == "paragraph" and heading is not None:
        words = ctx.registry.roles.subject_headings
        if words and any(w in heading.node.heading for w in words):
            return "section"
    return ""


_INLINE = re.compile(r"(?<=[:;。])\s*(\(\s*([一二三四五六七八九十]{1,3})\s*\))")


def _inline_items(text: str) -> list[tuple[str, int, int, int]] | None:
    """Items run together in one paragraph ("…职责：（一）区民政局负责…；（二）…"): each as
    (label, number, start, end) in *text*, when they are numbered 一, 二, … in order."""
    marks = []
    for m in _INLINE.finditer(fold(text)):  # folding keeps offsets
        try:
            number = cn_to_int(m.group(2))
        except ValueError:
            return None
        if number != len(marks) + 1:
            break
        marks.append((number, m.start(1), m.end(1)))
    if len(marks) < 2:
        return None
    ends = [start for _, start, _ in marks[1:]] + [len(text)]
    return [("".join(text[start:label_end].split()), number, start, end)
            for (number, start, label_end), end in zip(marks, ends)]


def _inline_item(ctx: RegionContext, article: _Open, label: str, number: int, text: str,
                 para: Para, form: str) -> None:
    """One item of an article's run-together list, as a node of its own under the article,
    of the subject *form* its items have (_subject_form)."""
    base = f"subsection{number}"
    article.seen[base] = article.seen.get(base, 0) + 1
    rest = text[fold(text).index(")") + 1:]
    path = _join_path(article.node.path, f"（{int_to_cn(number)}）")
    node = make_node(ctx, f"{article.struct}/{base}", "subsection", label, rest, path,
                     heading_of(rest), para)
    _annotate(node, ctx, para, None, form)
    article.node.children.append(node)


def _attach_row(ctx: RegionContext, stack: list[_Open], root: _Open, roots: list[Node],
                para: Para) -> None:
    """A task table's row as a clause: its task, the unit and deadline cells as its note,
    the units by their columns."""
    row = para.row
    parent = next((o for o in reversed(stack) if o.heading_only), root)
    struct = f"{parent.struct}/t{row.table}r{row.index}"
    number = row.serial or str(row.index)
    path = _join_path(parent.node.path, (f"表{row.table}" if row.table > 1 else "") + f"第{number}项")
    note = row.note()
    node = make_node(ctx, struct, "row", f"{number}." if row.serial else "", row.task + note,
                     path, row.task_name or heading_of(row.task), para)
    node.note = note
    node.assignments = [ctx.registry.assignment(unit, role, "table")
                        for role, units in row.units.items() for unit in units]
    _attach(parent, node, roots, root)


def _assign(node: Node, ctx: RegionContext, units: list[str], form: str) -> None:
    role = "annex" if ctx.in_annex else "responsible"
    node.assignments = [ctx.registry.assignment(u, role, "annex" if ctx.in_annex else form)
                        for u in units]


def _annotate(node: Node, ctx: RegionContext, para: Para, owner: _Open | None = None,
              subject_form: str = "") -> None:
    """Who the clause gives its duty to: a note ending it (or a 责任单位 line after it); an
    annex's duty entry; units first — before a colon (职责分工), as the subject of an item
    (*subject_form*, see _subject_form); or the units of the heading it stands under."""
    split = split_trailing_note(node.text)
    if split and looks_like_note(split[1], ctx.registry):
        node.note = split[1]
        # a note on a line of its own after the task ((责任单位：…)) is the form officials
        # call a 责任单位 line; one closing the clause's own sentence is a note
        alone = len(para.lines) > 1 and fold(mend_spaces(para.lines[-1].text)) == \
            fold(mend_spaces(split[1]))
        node.assignments = parse_note(split[1], ctx.registry,
                                      "responsibility_line" if alone else "note")
        return
    if ctx.in_annex:
        duty = parse_duty(para.raw, ctx.registry)
        if duty:
            node.kind = "duty"
            node.heading = heading_of(duty.duty) if duty.duty else duty.units_text
            if not node.label:
                node.path = _join_path(ctx.path_prefix.strip(), duty.units_text)
            node.assignments = duty.assignments
            return
    units = colon_units(node.text, ctx.registry)
    if units:
        _assign(node, ctx, units, "section")
        return
    if subject_form:
        units = subject_units(node.text, ctx.registry)
        if units:
            _assign(node, ctx, units, subject_form)
            return
    if owner is not None:
        _assign(node, ctx, owner.units, "section")
