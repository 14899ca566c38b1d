"""Full-text search over the library: any query length, 文号 in any form.

FTS5's trigram tokenizer finds substrings of three or more characters fast;
one- and two-character queries (托育 is two, 局 is one) are answered by a
scan with instr(), which on a gazette's few thousand clauses is as fast.
Text is searched in its folded form, so （ and (, 〔 and [, full- and
half-width digits are the same; folding keeps offsets, so the match can be
marked in the published text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from models.store.library import Library
from models.textnorm import fold, parse_doc_number

HIDDEN_KINDS = ("masthead", "signature", "date", "publicity", "imprint", "cc")
_KIND_WEIGHT = {"title": 4.0, "doc_number": 4.0, "plan_title": 3.0, "section": 1.6,
                "subsection": 1.5, "item": 1.4, "subitem": 1.3, "chapter": 1.6, "article": 1.4,
                "duty": 1.3, "annex": 1.5, "roster": 1.0, "paragraph": 1.0, "notice": 1.0,
                "addressee": 0.5, "attachments": 0.8}


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
    score: float
    ord: int
    page: int | None = None  # of the source file (PDF, OFD), where the clause starts
    page_label: str | None = None  # the page number printed there

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


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    groups: list[SearchGroup]

    @property
    def hits(self) -> list[SearchHit]:
        return [h for g in self.groups for h in g.hits]

    def as_json(self) -> dict:
        return {"query": self.query, "hits": [h.as_json() for h in self.hits]}


def query_terms(query: str) -> list[str]:
    """The folded terms of a query (whitespace separates terms; all must match)."""
    return [t for t in fold(query).lower().split() if t]


def search(library: Library, query: str, department: str | None = None,
           limit: int = 200) -> SearchResult:
    terms = query_terms(query)
    if not terms:
        return SearchResult(query, [], [])
    doc_hits = _doc_number_documents(library, query)
    candidate_ids: set[int] | None = None
    for term in terms:
        ids = _ids_for(library, term)
        candidate_ids = ids if candidate_ids is None else candidate_ids & ids
    candidate_ids = candidate_ids or set()
    rows = []
    if candidate_ids or doc_hits:
        wanted = sorted(candidate_ids)
        extra = ""
        params: list = []
        if doc_hits:
            extra = (" OR (nodes.kind IN ('doc_number', 'title') AND documents.key IN (%s))"
                     % ",".join("?" * len(doc_hits)))
            params = list(doc_hits)
        id_list = ",".join(str(i) for i in wanted) or "NULL"
        rows = library.query(
            "SELECT nodes.id, nodes.key, nodes.kind, nodes.path, nodes.heading, "
            "nodes.label || nodes.text, nodes.ord, documents.key, documents.doc_number, "
            "documents.title, search_fts.heading, search_fts.body, nodes.page, nodes.page_label "
            "FROM nodes "
            "JOIN documents ON documents.id = nodes.document_id "
            "JOIN search_fts ON search_fts.rowid = nodes.id "
            f"WHERE (nodes.id IN ({id_list}){extra}) "
            f"AND nodes.kind NOT IN ({','.join(repr(k) for k in HIDDEN_KINDS)})", params)
    allowed: set[int] | None = None
    if department:
        allowed = _department_node_ids(library, department)
    hits: list[SearchHit] = []
    folded_of: dict[str, str] = {}
    for (node_id, key, kind, path, heading, text, ord_, doc_key, doc_number, title,
         folded_heading, folded_text, page, page_label) in rows:
        if allowed is not None and node_id not in allowed:
            continue
        # The index holds the folded, lower-cased text: no folding per query.
        score = sum(folded_text.count(t) + 3 * folded_heading.count(t) for t in terms)
        score *= _KIND_WEIGHT.get(kind, 1.0)
        if doc_key in doc_hits and kind in ("doc_number", "title"):
            score += 100
        elif kind in ("title", "plan_title") and score:
            score += 20  # a document whose title matches: its title is the best way in
        score += 1.0 / (1 + len(text) / 400)  # a short clause that matches is more to the point
        folded_of[key] = folded_text
        hits.append(SearchHit(doc_number, doc_key, title, key, path, heading, kind,
                              text, score, ord_, page, page_label))
    groups: dict[str, SearchGroup] = {}
    best: dict[str, float] = {}
    for hit in sorted(hits, key=lambda h: (-h.score, h.ord)):
        group = groups.setdefault(hit.document_key, SearchGroup(hit.document_key, hit.doc_number,
                                                                hit.document_title))
        group.hits.append(hit)
        best[hit.document_key] = max(best.get(hit.document_key, 0), hit.score)
    ordered = sorted(groups.values(), key=lambda g: -best[g.document_key])
    count = 0
    for group in ordered:
        group.hits = group.hits[: max(0, limit - count)]
        count += len(group.hits)
        for hit in group.hits:  # snippets only for the hits returned
            hit.snippet = make_snippet(hit.snippet, terms, folded_of[hit.key])
    return SearchResult(query, terms, [g for g in ordered if g.hits])


def _ids_for(library: Library, term: str) -> set[int]:
    if len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        rows = library.query("SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [phrase])
    else:
        rows = library.query("SELECT rowid FROM search_fts WHERE instr(lower(body), ?) > 0 "
                             "OR instr(lower(heading), ?) > 0", [term, term])
    return {r[0] for r in rows}


def _doc_number_documents(library: Library, query: str) -> set[str]:
    """Documents whose 文号 the query is, written in any common form."""
    parts = parse_doc_number(query)
    if not parts:
        return set()
    org, year, seq = parts
    rows = library.query("SELECT key, doc_number_key FROM documents WHERE doc_number_key LIKE ?",
                         [f"%|{year}|{seq}"])
    return {key for key, dkey in rows if dkey.split("|")[0].endswith(org)}


def _department_node_ids(library: Library, name: str) -> set[int]:
    dept = library.resolve_department(name)
    names = [dept.name, *dept.part_of]
    marks = ",".join("?" * len(names))
    rows = library.query(
        "SELECT a.node_id FROM assignments a JOIN departments d ON d.id = a.department_id "
        f"WHERE d.name IN ({marks})", names)
    return {r[0] for r in rows}


def make_snippet(text: str, terms: list[str], folded: str | None = None, width: int = 36) -> str:
    """A window of *text* around the first match, HTML-escaped, matches in <mark>."""
    folded = folded if folded is not None and len(folded) == len(text) else fold(text).lower()
    spans = []
    for term in terms:
        for m in re.finditer(re.escape(term), folded):
            spans.append((m.start(), m.end()))
    spans.sort()
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
