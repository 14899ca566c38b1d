"""The scale bench's generator (bench/scale_corpus.py): its issues are real issues to the
importer, each with documents of their own, parsing into the seed's trees."""
from __future__ import annotations

import sys

import pytest

from models.parse.parser import parse_bytes
from tests.conftest import ROOT, SEED

sys.path.insert(0, str(ROOT / "bench"))
import scale_corpus

COUNT = 3


@pytest.fixture(scope="module")
def seed_issue(registry):
    return parse_bytes(SEED.read_bytes(), registry, SEED.name)


@pytest.fixture(scope="module")
def generated(registry):
    items = [scale_corpus.make_issue(i) for i in range(COUNT)]
    return [(item, parse_bytes(item.text.encode("utf-8"), registry, item.name))
            for item in items]


def test_each_issue_has_its_own_cover(generated):
    labels = [issue.label for _, issue in generated]
    assert labels == [f"{item.year}年第{item.number}期" for item, _ in generated]
    assert len(set(labels)) == COUNT
    assert [issue.total_number for _, issue in generated] == list(range(1, COUNT + 1))
    assert all(issue.published and issue.published[:4] == str(item.year)
               for item, issue in generated)


def test_document_keys_differ_across_issues_and_from_the_seed(generated, seed_issue):
    keys = [doc.key for _, issue in generated for doc in issue.documents]
    assert len(keys) == len(set(keys)) == COUNT * len(seed_issue.documents)
    assert not set(keys) & {doc.key for doc in seed_issue.documents}
    for item, issue in generated:  # the 文号 as the parser read it, in the issue's year
        assert tuple(doc.doc_number for doc in issue.documents) == item.doc_numbers
        assert all(f"〔{item.year}〕" in number for number in item.doc_numbers)
        assert all(doc.date[:4] == str(item.year) for doc in issue.documents)
        # the 目录 still finds each document (its category and page come from there)
        assert [doc.page for doc in issue.documents] == [d.page for d in seed_issue.documents]


def test_same_tree_as_the_seed(generated, seed_issue):
    seed_counts = [sum(1 for _ in doc.walk()) for doc in seed_issue.documents]
    for _, issue in generated:
        assert [sum(1 for _ in doc.walk()) for doc in issue.documents] == seed_counts
        assert scale_corpus.issue_structure(issue) == scale_corpus.issue_structure(seed_issue)


def test_texts_differ_and_are_deterministic(generated, seed_issue):
    texts = [item.text for item, _ in generated]
    assert len(set(texts)) == COUNT
    assert scale_corpus.make_issue(1).text == texts[1]
    seed_text = SEED.read_text(encoding="utf-8")
    for _, issue in generated:  # light wording: some clause texts differ beyond the years
        changed = [n for d in issue.documents for n in d.walk()
                   if n.kind in ("item", "subsection", "paragraph")
                   and str(issue.year) not in n.text and n.text not in seed_text]
        assert changed
