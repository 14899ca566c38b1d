"""What "parses the same" means for the acceptance tests, as plain comparable data.

Line numbers are left out on purpose: a text file counts lines, a laid-out
file counts paragraphs. Everything a user sees of a document is in.
"""
from __future__ import annotations

from models.issue import Issue


def issue_facts(issue: Issue) -> list[dict]:
    return [document_facts(doc) for doc in issue.documents]


def document_facts(doc) -> dict:
    return {
        "key": doc.key, "doc_number": doc.doc_number, "title": doc.title,
        "issuer": doc.issuer, "date": doc.date, "addressee": doc.addressee,
        "plan_title": doc.plan_title, "cc": doc.cc, "valid_until": doc.valid_until,
        "attachments": doc.attachments,
        "nodes": [(n.key, n.kind, n.label, n.path, n.heading, n.text, len(n.children),
                   tuple((a.department, a.role) for a in n.assignments),
                   tuple((d.phrase, d.due) for d in n.deadlines))
                  for n in doc.walk()],
    }


def first_difference(expected: list[dict], actual: list[dict]) -> str:
    """A short account of where two parses part, for an assertion message."""
    if len(expected) != len(actual):
        return f"{len(expected)} documents expected, {len(actual)} found: " \
               f"{[d['key'] for d in expected]} vs {[d['key'] for d in actual]}"
    for e, a in zip(expected, actual):
        for field in e:
            if field == "nodes":
                continue
            if e[field] != a[field]:
                return f"{e['key']}: {field} {e[field]!r} != {a[field]!r}"
        for i, (n, m) in enumerate(zip(e["nodes"], a["nodes"])):
            if n != m:
                return f"{e['key']} node {i}:\n  expected {n}\n  found    {m}"
        if len(e["nodes"]) != len(a["nodes"]):
            missing = e["nodes"][len(a["nodes"]):][:1]
            extra = a["nodes"][len(e["nodes"]):][:1]
            return f"{e['key']}: {len(e['nodes'])} nodes expected, {len(a['nodes'])} found; " \
                   f"next expected {missing} found {extra}"
    return ""
