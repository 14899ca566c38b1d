"""A gazette file → a parsed Issue of plain dataclasses.

parse_bytes() takes a file of any format (sources/ reads it into lines),
parse_lines() the lines themselves. Every rule is general (GB/T 9704
elements, numbering, role words from content/); nothing here names a document
of any particular gazette. A message about a place in the file names its page
for a laid-out file (PDF, OFD) and its line for a text.
"""
from __future__ import annotations

import hashlib

from models.parse.references import abbreviations
from models.parse.cover import parse_cover
from models.parse.layout import (document_key, find_document_starts, imprint_parts, joined,
                                 lay_out)
from models.errors import BadGazetteError
from models.issue import Document, Issue, Node
from models.parse.markers import ANNEX_MARK, DATE_LINE
from models.parse.notes import looks_like_note, split_trailing_note
from models.parse.paragraphs import Para, join_lines
from models.parse.tables import split_tables
from models.registry import Registry
from models.registry.scope import Scope, document_government, organ_names
from models.parse.line import Line, place
from models.parse.sources import read_lines
from models.parse.sources.text import split_lines
from models.parse.structure import RegionContext, build_tree, node_key
from models.textnorm import canonical_doc_number, doc_number_key, fold, mend_spaces, parse_doc_number
from models.parse.timeinfo import find_valid_until, iso_date

MAX_LINE = 20_000


def parse_bytes(data: bytes, registry: Registry, source_name: str = "") -> Issue:
    """A gazette file of any format (PDF, OFD, Word, text), told by its bytes."""
    source_format, lines = read_lines(data, source_name)
    issue = parse_lines(lines, registry, source_name)
    issue.source_sha256 = hashlib.sha256(data).hexdigest()
    issue.source_format = source_format
    return issue


def at(line: Line) -> dict:
    """Where *line* is, for a BadGazetteError: its page in a laid-out file, else its line."""
    return {"page": line.page} if line.page is not None else {"line": line.number}


def parse_issue(text: str, registry: Registry, source_name: str = "") -> Issue:
    """Parse a whole gazette issue, or a single document's text."""
    return parse_lines(split_lines(text), registry, source_name)


def parse_lines(lines: list[Line], registry: Registry, source_name: str = "") -> Issue:
    """Parse the lines (or laid-out paragraphs) any reader made of a gazette file."""
    if not lines:
        raise BadGazetteError("文件中没有文字", source=source_name)
    for line in lines:
        if len(line.text) > MAX_LINE:
            raise BadGazetteError(f"这一行有 {len(line.text)} 个字符，远超公文的正常行长，"
                                  "文件可能不是公报", source=source_name, **at(line))
    registry = registry.copy()
    starts = find_document_starts(lines)
    if starts:
        issue = parse_cover(lines[: starts[0]]) if starts[0] > 0 else Issue(label="")
        spans = list(zip(starts, starts[1:] + [len(lines)]))
    else:
        issue = Issue(label="")
        spans = [(0, len(lines))]
        if not _looks_like_document(lines):
            raise BadGazetteError("没有找到公文：既没有文号行（如“××政发〔2021〕16号”），"
                                  "也没有带句号的正文", source=source_name, **at(lines[0]))
    issue.source_name = source_name
    toc_by_number = {doc_number_key(e.doc_number): e for e in issue.toc if e.doc_number}
    seen: dict[str, Document] = {}
    for position, (start, end) in enumerate(spans):
        doc = parse_document(lines[start:end], registry, issue.year, position, source_name)
        entry = toc_by_number.get(doc_number_key(doc.doc_number or "") or "")
        if entry:
            doc.category, doc.page = entry.category, entry.page
        if doc.key in seen:
            raise BadGazetteError(f"文号 {doc.doc_number} 在本文件中出现了两次"
                                  f"（另一处在{seen[doc.key].where}）", source=source_name,
                                  **at(lines[start]))
        seen[doc.key] = doc
        issue.documents.append(doc)
    if not issue.label:
        only = issue.documents[0]
        issue.label = only.doc_number or only.short_title
        issue.title = issue.title or "单独公文"
    issue.unknown_units = sorted({a.department for d in issue.documents for n in d.walk()
                                  for a in n.assignments if a.department and not a.known})
    return issue


def _looks_like_document(lines: list[Line]) -> bool:
    return len(lines) >= 2 and any("。" in line.text for line in lines[1:])


def parse_document(lines: list[Line], registry: Registry, issue_year: int | None, position: int,
                   source_name: str = "") -> Document:
    lay = lay_out(lines, registry.roles.unit_endings)
    title = joined(lines, lay.title)
    doc_number = canonical_doc_number(lines[lay.doc_number].text) if lay.doc_number is not None \
        else None
    doc = Document(key=document_key(doc_number, title), position=position, doc_number=doc_number,
                   title=title, short_title=title, first_line=lines[0].number,
                   last_line=lines[-1].number, first_page=lines[0].page)
    if not title:
        raise BadGazetteError("公文缺少标题", source=source_name, **at(lines[0]))
    if lay.masthead is not None:
        doc.masthead = mend_spaces(lines[lay.masthead].text)
    doc.addressee = joined(lines, lay.addressee)
    places = registry.home_places()
    doc.issuers = organ_names([lines[j].text for j in lay.signature], registry.rules, places)
    doc.issuer = doc.issuers[0] if doc.issuers else ""
    if lay.date is not None:
        m = DATE_LINE.match(mend_spaces(lines[lay.date].text))
        doc.date = iso_date(*m.groups()) if m else None
    doc.plan_issuers = organ_names([lines[j].text for j in lay.plan_signature], registry.rules,
                                   places)
    if lay.plan_date is not None:
        m = DATE_LINE.match(mend_spaces(lines[lay.plan_date].text))
        doc.plan_date = iso_date(*m.groups()) if m else None
    if lay.publicity is not None:
        doc.publicity = mend_spaces(lines[lay.publicity].text)
    cut = title.find("关于")
    if not doc.issuer and cut > 0:
        doc.issuer = title[:cut]
        doc.issuers = [doc.issuer]
    government, chain = document_government(
        registry, [doc.masthead, *doc.issuers, title[:cut] if cut > 0 else ""], doc_number)
    doc.government = government.name
    doc.parent_government = government.parent or (chain[-2] if len(chain) > 1 else "")
    registry = Scope(registry, government, chain)
    if doc.issuer and title.startswith(doc.issuer) and len(title) > len(doc.issuer):
        doc.short_title = title[len(doc.issuer):]
    elif cut > 0:
        doc.short_title = title[cut:]
    doc.plan_title = joined(lines, lay.plan_title)
    doc.cc = joined(lines, lay.cc)
    imprint_text = ""
    if lay.imprint:
        org, date_text, ymd = imprint_parts([mend_spaces(lines[j].text) for j in lay.imprint])
        doc.imprint_org, doc.imprint_date = org, iso_date(*ymd) if ymd else None
        imprint_text = f"{org} {date_text}".strip()
    year = int(doc.date[:4]) if doc.date else issue_year
    if year is None and doc_number:
        parts = parse_doc_number(doc_number)
        year = parts[1] if parts else None

    def is_note(text: str) -> bool:
        split = split_trailing_note(text)
        return bool(split and not split[0].strip() and looks_like_note(split[1], registry))

    def single(struct: str, kind: str, span: range, path: str, text: str | None = None) -> Node:
        first, last = lines[span[0]].number, lines[span[-1]].number
        value = text if text is not None else joined(lines, span)
        heading = value if kind in ("title", "plan_title") else path  # a title is its own heading
        node = Node(node_key(doc.key, struct), kind, "", path, heading, value, first, last)
        place(node, [lines[j] for j in span])
        return node

    def region(span: range, prefix: str, path_prefix: str, in_annex: bool = False) -> list[Node]:
        ctx = RegionContext(doc.key, prefix, path_prefix, registry, year, in_annex)
        paras: list[Para] = []
        text: list[Line] = []
        for item in split_tables([lines[j] for j in span], registry):
            if isinstance(item, list):  # a task table: a paragraph per row, never joined
                paras += join_lines(text, is_note, roster_lines=in_annex)
                paras += [Para(list(row.lines), row=row) for row in item]
                text = []
            else:
                text.append(item)
        paras += join_lines(text, is_note, roster_lines=in_annex)
        return build_tree(paras, ctx)

    nodes: list[Node] = []
    if lay.masthead is not None:
        nodes.append(single("front/masthead", "masthead", range(lay.masthead, lay.masthead + 1),
                            "发文机关标志"))
    if lay.doc_number is not None:
        nodes.append(single("front/doc_number", "doc_number",
                            range(lay.doc_number, lay.doc_number + 1), "发文字号"))
    nodes.append(single("front/title", "title", lay.title, "标题"))
    if lay.addressee:
        nodes.append(single("front/addressee", "addressee", lay.addressee, "主送机关"))
    kind_of_body = "notice" if lay.plan_title else None
    body_nodes = region(lay.body, "body", "")
    if kind_of_body:
        for node in body_nodes:
            if node.kind == "paragraph":
                node.kind = "notice"
    nodes.extend(body_nodes)
    if lay.signature:
        nodes.append(single("close/signature", "signature", lay.signature, "发文机关署名",
                            " ".join(doc.issuers)))
    if lay.date is not None:
        nodes.append(single("close/date", "date", range(lay.date, lay.date + 1), "成文日期"))
    if lay.publicity is not None:
        nodes.append(single("close/publicity", "publicity",
                            range(lay.publicity, lay.publicity + 1), "附注"))
    if lay.plan_title:
        nodes.append(single("plan/title", "plan_title", lay.plan_title, "方案标题"))
        nodes.extend(region(lay.plan_body, "plan", ""))
    if lay.plan_signature:
        nodes.append(single("plan/signature", "signature", lay.plan_signature, "方案署名",
                            " ".join(doc.plan_issuers)))
    if lay.plan_date is not None:
        nodes.append(single("plan/date", "date", range(lay.plan_date, lay.plan_date + 1),
                            "方案成文日期"))
    annex_count = sum(1 for span in lay.annexes if ANNEX_MARK.match(mend_spaces(lines[span[0]].text)))
    number = 0
    used_annexes: set[str] = set()
    for span in lay.annexes:
        mark = ANNEX_MARK.match(mend_spaces(lines[span[0]].text))
        if not mark:
            nodes.extend(region(span, "tail", ""))
            continue
        number += 1
        shown = int(mark.group(1)) if mark.group(1) else (number if annex_count > 1 else None)
        label_path = f"附件{shown}" if shown else "附件"
        annex_struct = f"annex{shown or 1}"
        if annex_struct in used_annexes:  # the same annex number twice: keep keys unique
            annex_struct += f"~{number}"
        used_annexes.add(annex_struct)
        title_end = min(span[0] + 2, span[-1] + 1)
        while title_end <= span[-1] and lines[title_end].align == "center" and \
                lines[title_end - 1].align == "center" and not lines[title_end].blank_before:
            title_end += 1  # a laid-out title wrapped over centred lines is one title
        title_span = range(span[0] + 1, title_end)
        annex_title = joined(lines, title_span) if title_span else ""
        annex = Node(node_key(doc.key, annex_struct), "annex",
                     "".join(lines[span[0]].text.split()), label_path, annex_title, annex_title,
                     lines[span[0]].number, lines[span[-1]].number)
        place(annex, [lines[j] for j in title_span] or [lines[span[0]]])
        annex.children = region(range(title_span.stop, span.stop), annex_struct,
                                label_path + " ", in_annex=True)
        nodes.append(annex)
    if lay.cc:
        nodes.append(single("close/cc", "cc", lay.cc, "抄送"))
    if lay.imprint:
        nodes.append(single("close/imprint", "imprint", lay.imprint, "印发机关和印发日期",
                            imprint_text))
    doc.nodes = nodes
    _make_keys_unique(doc)
    # A short form defined in one clause (以下简称《公告》) is no citation anywhere in the document.
    short_forms = {form for node in doc.walk() for form in abbreviations(node.full_text)}
    if short_forms:
        for node in doc.walk():
            node.references = [r for r in node.references if fold(r.title) not in short_forms]
    doc.attachments = _attachment_titles(doc)
    for node in doc.walk():
        until = find_valid_until(node.text, doc.date)
        if until:
            doc.valid_until = until
            break
    if not any(n.kind not in ("masthead", "doc_number", "title") for n in doc.nodes):
        raise BadGazetteError(f"公文“{title[:30]}”没有正文", source=source_name,
                              **at(lines[0]))
    return doc


def _attachment_titles(doc: Document) -> list[str]:
    annexes = [n.heading for n in doc.nodes if n.kind == "annex"]
    if annexes:
        return annexes
    for node in doc.walk():
        if node.kind == "attachments":
            text = fold(node.text).split(":", 1)[-1]
            return [mend_spaces(t) for t in __import__("re").split(r"\d{1,2}\.", text) if t.strip()]
    return []


def _make_keys_unique(doc: Document) -> None:
    """A last guard: two nodes at the same structural place (a damaged text numbering one
    clause twice in one way the tree builder did not foresee) get distinct, still stable keys."""
    seen: set[str] = set()
    for node in doc.walk():
        if node.key in seen:
            k = 2
            while node_key(doc.key, f"{node.key}~{k}") in seen:
                k += 1
            node.key = node_key(doc.key, f"{node.key}~{k}")
        seen.add(node.key)
