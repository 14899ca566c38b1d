"""The body hierarchy: paragraphs → a tree of numbered nodes with keys, paths and headings.

Numbering 第一章 / 一、 第一条 / （一） / 1. / （1）: a numbered paragraph closes
every open node of its rank or deeper. An unnumbered paragraph belongs to the
nearest open heading ("一、工作目标" ⏎ "按照…"), else to the region itself.
Keys come from the document and the numbering alone, never from the text, so
a clause keeps its key when its wording changes in a new edition.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from models.parse.annexes import parse_duty, parse_roster_line, post_units
from models.parse.references import find_references
from models.issue import Node
from models.parse.line import place
from models.parse.markers import ATTACHMENTS_NOTE, ROSTER_POSITION, match_marker
from models.parse.notes import looks_like_note, parse_note, split_trailing_note
from models.parse.paragraphs import Para, is_heading_only, is_roster_line
from models.registry import Registry
from models.textnorm import fold
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
            node = make_node(ctx, struct, marker.kind, marker.label, rest, path,
                             rest.rstrip("。") if heading_only else heading_of(rest), para)
            _annotate(node, ctx, para)
            _attach(parent, node, roots, root)
            stack.append(_Open(rank, node, struct, heading_only))
        else:
            parent = next((o for o in reversed(stack) if o.heading_only), root)
            parent.paragraphs += 1
            struct = f"{parent.struct}/p{parent.paragraphs}"
            path = _join_path(parent.node.path, f"第{parent.paragraphs}段")
            node = make_node(ctx, struct, "paragraph", "", text, path, _short(text), para)
            _annotate(node, ctx, para)
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


def _annotate(node: Node, ctx: RegionContext, para: Para) -> None:
    """Responsibility notes of clauses; duty entries of annexes."""
    split = split_trailing_note(node.text)
    if split and looks_like_note(split[1], ctx.registry):
        node.note = split[1]
        node.assignments = parse_note(split[1], ctx.registry)
        return
    if ctx.in_annex:
        duty = parse_duty(para.raw, ctx.registry)
        if duty:
            node.kind = "duty"
            node.heading = heading_of(duty.duty) if duty.duty else duty.units_text
            if not node.label:
                node.path = _join_path(ctx.path_prefix.strip(), duty.units_text)
            node.assignments = duty.assignments
