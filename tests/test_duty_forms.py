"""Every way a document assigns duties, read by general rules, against an exact oracle.

The fixtures (tests/fixtures/duty_forms/, of our own making: invented places and
wording, see its README.md) cover the forms of 实施方案 and 办法 of other
governments: 职责分工 items, article items with units as subjects, separate
责任单位 lines, annexes per unit, task tables (flattened one cell per line, and as
the rows a PDF gives), several co-issuing organs, 转发 notices; and the names of
units at levels a document does not name. expected/*.json lists every assignment
each makes — unit, its government, role, form and the whole text of the clause it
is on (general ones too) — and nothing else: the test compares multisets. That
each expected text is a whole clause of its fixture is checked against the fixture
itself, without the parser.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from models.textnorm import fold, mend_spaces

HERE = Path(__file__).resolve().parent / "fixtures" / "duty_forms"
FIXTURES = sorted(p.stem for p in HERE.glob("*.txt"))
TABLES = sorted(p.stem for p in (HERE / "tables").glob("*.json"))


def expected(name: str) -> dict:
    return json.loads((HERE / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    """A clause's text as compared: widths folded, spaces (a PDF's stray ones) gone."""
    return fold(mend_spaces(text)).replace(" ", "")


def assignments_of(issue) -> Counter:
    """(canonical, government, role, form, the clause's whole text) of every assignment."""
    got: Counter = Counter()
    for doc in issue.documents:
        for node in doc.walk():
            for a in node.assignments:
                got[(a.department, a.government, a.role, a.form, _flat(node.text))] += 1
    return got


def oracle(exp: dict) -> Counter:
    return Counter((a["canonical"], a["government"], a["role"], a["form"], _flat(a["text"]))
                   for a in exp["assignments"])


@pytest.fixture(scope="module")
def parsed(registry):
    from models.parse.parser import parse_bytes
    return {name: parse_bytes((HERE / f"{name}.txt").read_bytes(), registry, f"{name}.txt")
            for name in FIXTURES}


def diff(got: Counter, want: Counter) -> str:
    missing, extra = want - got, got - want
    return ("missing:\n  " + "\n  ".join(map(str, missing.elements())) +
            "\nextra:\n  " + "\n  ".join(map(str, extra.elements())))


@pytest.mark.parametrize("name", FIXTURES)
def test_every_assignment_and_nothing_else(parsed, name):
    exp = expected(name)
    got, want = assignments_of(parsed[name]), oracle(exp)
    assert got == want, diff(got, want)


@pytest.mark.parametrize("name", FIXTURES)
def test_the_document_its_government_and_issuers(parsed, name):
    exp = expected(name)
    [doc] = parsed[name].documents
    assert doc.doc_number == exp["doc_number"]  # as published: 070 stays 070
    assert doc.government == exp["government"]
    assert doc.issuers == exp["issuers"]
    assert doc.date == exp["date"]
    if exp.get("plan_title"):
        assert doc.plan_title == exp["plan_title"]
    if exp.get("plan_issuers"):
        assert doc.plan_issuers == exp["plan_issuers"]
        assert doc.plan_date == exp["plan_date"]  # the forwarded plan's own date
    assert (doc.parent_government or None) == exp["parent_government"]


_LABEL = re.compile(r"^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、]|\(\d+\)|"
                    r"第[一二三四五六七八九十百]+条)")


def _whole_clause(text: str, lines: list[str], table: bool) -> bool:
    """Whether *text* is a whole clause of the fixture's nonblank *lines*: one line, or lines
    that follow each other (a task and its 责任单位 line, a paragraph cut by a page break),
    less the first one's number; an item run into its article's line ("；（二）…"); for a
    table's row, the task cell, then the note the row's unit cells make."""
    if table:
        cut = text.rfind("(")
        return cut > 0 and text.endswith(")") and text[:cut] in lines
    for i, line in enumerate(lines):
        joined = _LABEL.sub("", line).lstrip()
        for following in ("", *lines[i + 1:i + 4]):
            joined += following
            if joined == text:
                return True
            at = joined.find(text)
            if at > 0 and joined[at - 1] == ")" and \
                    joined[at + len(text):at + len(text) + 1] in ("", "("):
                return True
    return False


@pytest.mark.parametrize("name", FIXTURES)
def test_every_expected_text_is_a_whole_clause_of_the_fixture(name):
    lines = [_flat(line) for line in (HERE / f"{name}.txt").read_text(encoding="utf-8")
             .split("\n") if line.strip()]
    for a in expected(name)["assignments"]:
        text = _flat(a["text"])
        assert text.startswith(_flat(a["text_starts"])), a
        assert _whole_clause(text, lines, a["form"] == "table"), a


@pytest.mark.parametrize("name", TABLES)
def test_a_table_read_as_rows_gives_what_its_flattened_text_gives(registry, name):
    """The same table as a PDF importer reads it (rows of cells) and as a text extraction
    flattens it (one cell per line): the same assignments, the same keys."""
    from models.parse.parser import parse_bytes, parse_lines
    from tests.makers.table_lines import pdf_lines
    exp = expected(name)
    rows = parse_lines(pdf_lines(HERE, name), registry, f"{name}.pdf")
    text = parse_bytes((HERE / f"{name}.txt").read_bytes(), registry, f"{name}.txt")
    assert assignments_of(rows) == oracle(exp), diff(assignments_of(rows), oracle(exp))
    keys = lambda issue: [(n.key, n.path) for d in issue.documents for n in d.walk()
                          if n.assignments]
    assert keys(rows) == keys(text)


@pytest.mark.parametrize("library", sorted(p.stem for p in (HERE / "expected").glob("library_*")))
def test_a_library_of_several_governments_keeps_their_departments_apart(registry, tmp_path,
                                                                        library):
    from models.parse.parser import parse_bytes
    from models.store.build import add_issues
    from models.store.library import Library
    exp = expected(library)
    issues = [parse_bytes((HERE / f).read_bytes(), registry, f) for f in exp["fixtures"]]
    path = tmp_path / "lib.sqlite"
    add_issues(path, issues, registry, fresh=True)
    with Library(path) as lib:
        shown = {(d.government, d.name): d.counts for d in lib.departments() if d.counts}
    want = {(d["government"], d["canonical"]): d["counts"] for d in exp["departments"]}
    assert {k: v for k, v in shown.items() if k in want} == want
    assert set(want) <= set(shown)
