"""Full-text search over the library: any query length, 文号 in any form.

The index (models/store/search_index.py) finds the clauses holding every term;
it answers newest first and stops at the limit, so a search costs the same in
a thousand issues as in one. Results read like the gazette: the document whose
文号 the query is comes first, then documents whose title matches, then the
rest, newest issue first; inside a document, hits follow the text's order.
Text is searched in its folded form, so （ and (, 〔 and [, full- and
half-width digits are the same; folding keeps offsets, so the match can be
marked in the published text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from models.store import search_index
from models.store.library import Library
from models.store.spans import HEADING_SQL
from models.textnorm import doc_number_pattern, fold, folded_pattern, parse_doc_number

TITLE_KINDS = ("title",)


@dataclass
class SearchHit:
    doc_number: str | None
    document_key: str
    document_title: str
    key: str
    path: str
    heading: str
    kind: str
    snippet: str  # HTML-escaped text with the matches in <mark>…</mark>
    ord: int
    page: int | None = None  # of the source file (PDF, OFD), where the clause starts
    page_label: str | None = None  # the page number printed there
    label: str = ""  # the clause's own number as printed (1、), which its text starts with

    def as_json(self) -> dict:
        return {"doc_number": self.doc_number, "key": self.key, "path": self.path,
                "heading": self.heading, "snippet": self.snippet, "page": self.page,
                "page_label": self.page_label}


@dataclass
class SearchGroup:
    document_key: str
    doc_number: str | None
    title: str
    hits: list[SearchHit] = field(default_factory=list)
    why: str = "text"  # doc_number, title or text: what brought the document in


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    groups: list[SearchGroup]
    more: bool = False  # more clauses match than were returned: the query may be narrowed

    @property
    def hits(self) -> list[SearchHit]:
        return [h for g in self.groups for h in g.hits]

    def as_json(self) -> dict:
        return {"query": self.query, "more": self.more,
                "hits": [h.as_json() for h in self.hits]}


def query_terms(query: str) -> list[str]:
    """The folded terms of a query (whitespace separates terms; all must match)."""
    return [t for t in fold(query).lower().split() if search_index.indexed(t)]


def search(library: Library, query: str, department: str | None = None,
           limit: int = 200, government: str | None = None) -> SearchResult:
    """The clauses holding every term of *query* (at most *limit*), grouped by document; of
    those that concern *department* (of *government*, when its name is several's) if given."""
    terms = query_terms(query)
    if not terms:
        return SearchResult(query, [], [])
    allowed = ""
    params: list = []
    if department:
        ids = list(library.concerning(library.resolve_department(department, government)))
        # +rowid: the index must not be asked once per clause of the department (it would
        # run the phrase query each time); the index's answers are checked against the list
        allowed = ("AND +rowid IN (SELECT node_id FROM assignments WHERE department_id IN (%s))"
                   % ",".join("?" * len(ids)))
        params = ids
    number = parse_doc_number(query)
    marks = [doc_number_pattern(number)] if number else None  # a 文号 in any of its forms
    if number:  # a 文号: its document, and the clauses that cite it (references)
        numbered = _doc_number_documents(library, number) if not department else set()
        leading = _leading_documents(library, [], numbered, limit) if numbered else {}
        ids = _citing(library, number, allowed, params, limit + 1)
    else:
        numbered = set()
        leading = _leading_documents(library, terms, numbered, limit) if not department else {}
        ids = [r[0] for r in library.query(
            f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ? "
            f"{allowed} ORDER BY rowid DESC LIMIT ?",
            [search_index.match(terms), *params, limit + 1])]
    more = len(ids) > limit
    ids = ids[:limit]
    leading_titles = [k for k in leading.values() if k]
    hits = _hits(library, ids, leading_titles)
    groups: dict[str, SearchGroup] = {}
    place: dict[str, tuple[int, int]] = {}  # document → (issue, position in it)
    for hit, issue_id, position in hits:  # each clause once: the query selects nodes
        group = groups.get(hit.document_key)
        if group is None:
            why = "doc_number" if hit.document_key in numbered else (
                "title" if leading.get(hit.document_key) else "text")
            group = groups[hit.document_key] = SearchGroup(hit.document_key, hit.doc_number,
                                                           hit.document_title, why=why)
            place[hit.document_key] = (issue_id, position)
        group.hits.append(hit)
    rank = {"doc_number": 0, "title": 1, "text": 2}
    ordered = sorted(groups.values(), key=lambda g: (rank[g.why], -place[g.document_key][0],
                                                     place[g.document_key][1]))
    shown, out = 0, []
    for group in ordered:
        group.hits.sort(key=lambda h: (h.kind not in TITLE_KINDS, h.ord))
        kept = group.hits[: max(0, limit - shown)]
        more = more or len(kept) < len(group.hits)
        group.hits = kept
        shown += len(kept)
        for hit in kept:  # snippets only for the hits returned
            hit.snippet = make_snippet(hit.snippet, terms, patterns=marks)
        if kept:
            out.append(group)
    return SearchResult(query, terms, out, more=more)


def _hits(library: Library, ids: list[int], extra_keys: list[str]):
    """(hit, issue id, document position) for node ids and title node keys."""
    if not ids and not extra_keys:
        return []
    where = []
    params: list = []
    if ids:
        where.append("nodes.id IN (%s)" % ",".join("?" * len(ids)))
        params += ids
    if extra_keys:
        where.append("nodes.key IN (%s)" % ",".join("?" * len(extra_keys)))
        params += extra_keys
    rows = library.query(
        f"SELECT nodes.key, nodes.kind, nodes.path, {HEADING_SQL}, nodes.label || nodes.text, "
        "nodes.ord, documents.key, documents.doc_number, documents.title, nodes.page, "
        "nodes.page_label, documents.issue_id, documents.position, nodes.label FROM nodes "
        "JOIN documents ON documents.id = nodes.document_id WHERE " + " OR ".join(where), params)
    return [(SearchHit(doc_number, doc_key, title, key, path, heading, kind, text, ord_,
                       page, page_label, label or ""), issue_id, position)
            for (key, kind, path, heading, text, ord_, doc_key, doc_number, title, page,
                 page_label, issue_id, position, label) in rows]


def _leading_documents(library: Library, terms: list[str], docs: set[str],
                       limit: int) -> dict[str, str | None]:
    """Documents that come first whatever the index's order: *docs* (whose 文号 the query
    is) and, newest first, at most *limit* whose title holds every term; document key →
    its title node's key."""
    keys = list(docs)
    if terms:
        checks = " AND ".join("instr(search_title, ?) > 0" for _ in terms)
        keys += [k for (k,) in library.query(
            f"SELECT key FROM documents WHERE {checks} ORDER BY issue_id DESC, position "
            "LIMIT ?", [*terms, limit]) if k not in docs]
    if not keys:
        return {}
    rows = library.query(
        "SELECT d.key, (SELECT n.key FROM nodes n WHERE n.document_id = d.id "
        "AND n.kind = 'title' ORDER BY n.ord LIMIT 1) FROM documents d "
        "WHERE d.key IN (%s)" % ",".join("?" * len(keys)), keys)
    return dict(rows)


def _doc_number_documents(library: Library, number: tuple) -> set[str]:
    """Documents whose 文号 is *number* (机关代字, year, serial: parse_doc_number's answer to
    a 文号 in any common form; a shorter 机关代字 too: 政办发 for 市中政办发)."""
    org, year, seq = number
    rows = library.query("SELECT key, doc_number_key FROM documents WHERE doc_number_tail = ?",
                         [f"{year}|{seq}"])
    return {key for key, dkey in rows if dkey.split("|")[0].endswith(org)}


def _citing(library: Library, number: tuple, allowed: str, params: list,
            limit: int) -> list[int]:
    """The clauses citing the 文号 *number* (as the parser found the 文号 in their text),
    newest first. A 文号's characters are among the commonest of the index (2, 0, 号, 市):
    its own column answers in a lookup, where a phrase of a dozen of them is a long merge."""
    org, year, seq = number
    rows = library.query(
        "SELECT node_id, doc_number_key FROM [references] WHERE doc_number_tail = ? "
        + allowed.replace("+rowid", "node_id") + " ORDER BY node_id DESC",
        [f"{year}|{seq}", *params])
    ids: list[int] = []
    for node_id, dkey in rows:
        if dkey.split("|")[0].endswith(org) and node_id not in ids:
            ids.append(node_id)
            if len(ids) == limit:
                break
    return ids


def make_snippet(text: str, terms: list[str], width: int = 36,
                 patterns: list[re.Pattern] | None = None) -> str:
    """A window of *text* around the first match, HTML-escaped, matches in <mark>; what
    matches is *patterns*, by default each term in any width (textnorm.folded_pattern)."""
    patterns = patterns if patterns is not None else [folded_pattern(t) for t in terms]
    spans = sorted((m.start(), m.end()) for pattern in patterns
                   for m in pattern.finditer(text))
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 2)
    end = min(len(text), start + width * 2)
    out, pos = [], start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
