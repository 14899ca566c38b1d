"""The acceptance test: the seed typeset as a PDF parses exactly as its text import."""
from __future__ import annotations

import re
from dataclasses import asdict

from models.textnorm import nonblank

LINE_FIELDS = {"first_line", "last_line", "line", "source_name", "source_sha256", "source_format",
               "first_page"}
PLACE_FIELDS = {"page", "page_label", "boxes"}  # where a node stands: only a laid-out file knows


def _nodes(issue):
    return {d.key: [(n.key, n.kind, n.path, n.text, [(a.department, a.role) for a in n.assignments])
                    for n in d.walk()] for d in issue.documents}


def _without_lines(value):
    if isinstance(value, dict):
        node = "kind" in value  # a document's page is its 目录 entry's: the same in both
        return {k: _without_lines(v) for k, v in value.items()
                if k not in LINE_FIELDS and not (node and k in PLACE_FIELDS)}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def test_seed_pdf_is_about_fifty_pages(seed_typeset):
    assert 45 <= len(seed_typeset) <= 60


def test_same_documents(text_issue, pdf_issue):
    assert [d.key for d in pdf_issue.documents] == [d.key for d in text_issue.documents]


def test_same_nodes_texts_and_duties(text_issue, pdf_issue):
    expected, got = _nodes(text_issue), _nodes(pdf_issue)
    for key in expected:
        assert got[key] == expected[key], key


def test_everything_but_line_numbers_is_the_same(text_issue, pdf_issue):
    # cover, 目录, every document field, every node field (deadlines, references, roster …)
    assert _without_lines(asdict(pdf_issue)) == _without_lines(asdict(text_issue))


def test_every_paragraph_is_whole_and_has_a_page(pdf_lines, seed_typeset):
    assert pdf_lines and all(line.whole for line in pdf_lines)
    pages = [line.page for line in pdf_lines]
    assert all(1 <= p <= len(seed_typeset) for p in pages)
    assert pages == sorted(pages)
    assert [line.number for line in pdf_lines] == list(range(1, len(pdf_lines) + 1))


def test_node_pages_are_plausible(pdf_issue, pdf_lines):
    by_number = {line.number: line for line in pdf_lines}
    starts = []
    for doc in pdf_issue.documents:
        pages = [by_number[n.first_line].page for n in doc.walk()]
        assert pages == sorted(pages), doc.key
        starts.append(pages[0])
        last = by_number[doc.last_line]
        assert last.boxes[-1][0] >= pages[0]
    assert starts == sorted(set(starts)), "each document starts on a page of its own"
    # the masthead of each document is the first thing on its page
    for doc in pdf_issue.documents:
        first = by_number[doc.first_line]
        assert first.blank_before and first.align == "center"


def test_paragraph_continued_across_page_is_joined(pdf_issue, pdf_lines):
    spanning = [line for line in pdf_lines if line.boxes[0][0] != line.boxes[-1][0]]
    assert len(spanning) >= 10
    texts = [nonblank(n.full_text) for d in pdf_issue.documents for n in d.walk()]
    for line in spanning:
        assert any(nonblank(line.text) in t for t in texts), line.text[:30]
    # the seed's own page-break cut "《山" ⏎ "东省地方层面…" is one clause again
    assert any("《山东省地方层面设定的涉企经营许可事项改革清单" in t for t in texts)


def test_running_heads_and_page_numbers_are_gone(pdf_issue, pdf_lines):
    head = re.compile(r"市中区人民政府公报|2021年第5期")
    number = re.compile(r"^[\s—\-·]*\d{1,3}[\s—\-·]*$|第\s*\d+\s*页")
    for doc in pdf_issue.documents:
        for node in doc.walk():
            assert not head.search(node.full_text), node.path
            assert "—" not in node.full_text[-4:] or not re.search(r"—\s*\d+\s*—", node.full_text)
    for line in pdf_lines:
        assert not number.match(line.text), line
    # the cover keeps its own title: only repeated heads went
    assert pdf_lines[0].text == "市中区人民政府公报"


def test_page_labels_are_read(pdf_lines, first_numbered):
    for line in pdf_lines:
        if line.page < first_numbered:
            assert line.page_label is None
        else:
            assert line.page_label == str(line.page - first_numbered + 1), line


def test_alignment_of_closing_lines(pdf_issue, pdf_lines):
    by_number = {line.number: line for line in pdf_lines}
    for doc in pdf_issue.documents:
        for node in doc.nodes:
            if node.kind in ("signature", "date"):
                assert by_number[node.first_line].align == "right"
            if node.kind in ("doc_number",):
                assert by_number[node.first_line].align == "center"
