"""The reading tree read as it unfolds (models/views/outline.py) and the department filter
answered by SQL (models/store/tree.py): the same rows, tags and counts as reading the whole
library and walking it, and only what is unfolded is read."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from models.kinds import HEADER_KINDS
from models.store.build import add_issues
from models.store.content import parse_file
from models.store.library import Library
from models.views.outline import (FILTER_ROLES, Outline, department_deadlines,
                                  department_scope, row_label)

FORMS = FIXTURES / "duty_forms"
HOME = "市中区"  # the seed's government (区财政局 names units of several)


@pytest.fixture(scope="module")
def several(tmp_path_factory, seed_issue, registry):
    """A library of the seed and three issues of other governments (one of them holding
    general notes, 区政府有关部门…)."""
    path = tmp_path_factory.mktemp("outline") / "lib.sqlite"
    others = [parse_file(FORMS / name, registry) for name in
              ("coissued_yuntai.txt", "article_items_qingchuan.txt", "shizhong_annex.txt")]
    add_issues(path, [seed_issue, *others], registry)
    with Library(path) as library:
        yield library


# The two rows above each document of `several`, written out: the seed's issue and its
# categories; each document imported on its own under its government and the year it was
# issued (the 市中区 one apart from the seed's issue).
SEED = ("issue:2021年第5期", "2021年第5期")
GOVERNMENT_FILES = (*SEED, "category:2021年第5期:区政府文件", "区政府文件")
OFFICE_FILES = (*SEED, "category:2021年第5期:区政府办公室文件", "区政府办公室文件")
PLACES = {
    "doc:市中政发|2021|16": GOVERNMENT_FILES,
    "doc:市中政办发|2021|13": OFFICE_FILES,
    "doc:市中政办发|2021|14": OFFICE_FILES,
    "doc:市中政办发|2021|15": OFFICE_FILES,
    "doc:市中政办字|2021|14": OFFICE_FILES,
    "doc:云农发|2022|18": ("government:云台县", "云台县", "year:云台县:2022年", "2022年"),
    "doc:青政发|2022|9": ("government:青川区", "青川区", "year:青川区:2022年", "2022年"),
    "doc:市中政办字|2022|6": ("government:市中区", "市中区", "year:市中区:2022年", "2022年"),
}


def whole_tree(library: Library, today: str) -> list[tuple]:
    """Every row of the library, read the old way (all documents, all nodes), the two rows
    above each document as PLACES says: (depth, kind, key, label, expired)."""
    documents = library.documents()
    assert {doc.key for doc in documents} == set(PLACES)
    groups: dict[str, tuple[str, dict]] = {}  # top key → (text, sub key → (text, documents))
    for doc in documents:
        key, text, sub_key, sub_text = PLACES[doc.key]
        subs = groups.setdefault(key, (text, {}))[1]
        subs.setdefault(sub_key, (sub_text, []))[1].append(doc)
    rows = []
    for key, (text, subs) in groups.items():
        rows.append((0, "issue", key, text, False))
        for sub_key, (sub_text, docs) in subs.items():
            rows.append((1, "category", sub_key, sub_text, False))
            for doc in docs:
                expired = bool(doc.valid_until) and doc.valid_until < today
                rows.append((2, "document", doc.key, doc.short_title or doc.title, expired))
                depth = {}
                for node in library.nodes(doc.key):
                    if node.kind in HEADER_KINDS:
                        continue
                    depth[node.id] = depth.get(node.parent_id, 2) + 1
                    label = row_label(node.kind, node.label, node.path, node.heading, node.text)
                    rows.append((depth[node.id], node.kind, node.key, label, expired))
    return rows


def walk(outline: Outline, node=None, depth=-1) -> list[tuple]:
    """Every row of an outline, unfolding all (so reading all)."""
    node = node or outline.root
    rows = []
    for child in outline.children(node):
        rows.append((depth + 1, child.kind, child.key, child.text, child.expired))
        rows += walk(outline, child, depth + 1)
    return rows


@pytest.mark.parametrize("today", ["2021-06-01", "2030-01-01"])
def test_the_outline_unfolded_has_every_row_of_the_library(several, today):
    outline = Outline(several, today=today)
    assert walk(outline) == whole_tree(several, today)
    assert outline.clause_count == sum(1 for r in walk(outline) if r[0] >= 3)


def test_rows_are_read_when_they_unfold(several):
    outline = Outline(several)
    issues = outline.root.children
    assert len(issues) == 4 and not any(i.loaded for i in issues)
    assert all(i.has_children() for i in issues)  # known without reading them
    doc = several.documents()[3]
    clause = next(n for n in several.nodes(doc.key) if n.kind == "item")
    node = outline.find(clause.key)  # reads its issue and its document, nothing else
    assert node.key == clause.key and node.document_key == doc.key
    assert [i.loaded for i in issues] == [True, False, False, False]
    loaded_docs = [n for n in outline.by_key.values() if n.kind == "document" and n.loaded]
    assert [d.key for d in loaded_docs] == [doc.key]
    title = next(n for n in several.nodes(doc.key) if n.kind == "title")
    assert outline.find(title.key) is None  # header matter has no row
    assert outline.find("node:no-such-clause") is None


def concerned(library, name, roles=None, general=False):
    """The clauses a department's filter keeps, computed the old way: its duties, one per
    clause with the strongest role, of the roles wanted."""
    wanted = list(roles if roles is not None else FILTER_ROLES) + (["general"] if general else [])
    _, entries = library.duties(name, include_general=general, roles=wanted, government=HOME)
    return {e.key: e.role for e in entries}


# the picker's filter (every role, no general notes: its count is the one kept at import),
# others, and a unit reached through its collective (各镇人民政府 through 各镇街)
FILTERS = [("区财政局", None, False), ("区财政局", ["support"], False),
           ("各镇人民政府", None, True), ("各镇人民政府", None, False),
           ("区城乡水务局", ["lead", "responsible"], True), ("区市场监督管理局", None, False)]


@pytest.mark.parametrize("name, roles, general", FILTERS)
def test_the_filter_keeps_what_the_duties_list_holds(several, name, roles, general):
    keys = concerned(several, name, roles, general)
    assert keys
    scope = department_scope(several, name, roles, general, HOME)
    outline = Outline(several, scope)
    walk(outline)  # unfold everything
    rows = {n.key: n for n in outline.root.walk()}
    tagged = {k: n.role for k, n in rows.items() if n.role}
    assert tagged == keys  # every kept clause, tagged with the department's strongest role
    assert outline.clause_count == len(keys)
    for node in rows.values():  # the rows above a kept clause, and nothing else
        if node.kind in ("root", "issue", "category", "document") or node.key in keys:
            continue
        assert any(k in keys for k in (n.key for n in node.walk())), node.key
    assert several.kept_roles(scope, list(keys) + ["node:none"]) == keys
    documents = {n.document_key for n in rows.values() if n.key in keys}
    every = [d.key for d in several.documents()]
    assert several.kept_documents(scope, every) == documents


def test_filtered_rows_keep_the_library_order(several):
    scope = department_scope(several, "区财政局", government=HOME)
    order = {r[2]: i for i, r in enumerate(whole_tree(several, "2021-06-01"))}
    shown = [order[r[2]] for r in walk(Outline(several, scope))]
    assert shown == sorted(shown)


@pytest.mark.parametrize("name, roles, general", FILTERS)
def test_deadlines_of_the_filter_are_those_of_its_clauses_in_date_order_then_gazette_order(
        several, name, roles, general):
    keys = concerned(several, name, roles, general)
    wanted = list(roles if roles is not None else FILTER_ROLES) + (["general"] if general else [])
    _, entries = several.duties(name, include_general=general, roles=wanted, government=HOME)
    expected = []
    for entry in entries:
        for deadline in entry.deadlines:
            expected.append((deadline["due"], deadline["phrase"], entry.key, entry.role,
                             entry.doc_number or "", entry.path))
    expected.sort(key=lambda r: (r[0] or "9999", r[4]))  # then in the gazette's order
    rows = department_deadlines(several, department_scope(several, name, roles, general, HOME))
    assert [(r["due"], r["phrase"], r["key"], r["role"], r["doc_number"], r["path"])
            for r in rows] == expected
    assert all(r["key"] in keys for r in rows)


def test_unfolding_follows_the_size_of_the_tree(several, monkeypatch):
    from models.views import outline as module
    outline = Outline(several)
    issues = [i.key for i in outline.root.children]  # issues, and governments gathering
    keys = outline.unfolded()                          # documents imported on their own
    assert [k for k in keys if k in issues] == issues  # small: every one
    assert all(outline.find(k).kind in ("issue", "category") for k in keys)  # documents folded
    monkeypatch.setattr(module, "UNFOLD_ROWS", 0)
    doc = several.documents()[-1]
    fresh = Outline(several)
    top = fresh.top_of[doc.issue]
    keys = fresh.unfolded(doc.key)  # large: only the issue (or government) being read
    assert keys[0] == top.key and sum(k in issues for k in keys) == 1
    assert [i.loaded for i in fresh.root.children] == [i is top for i in fresh.root.children]
    filtered = Outline(several, department_scope(several, "区财政局", government=HOME))
    deep = filtered.unfolded()
    assert any(filtered.find(k).kind not in ("issue", "category", "document")
               for k in deep)  # clauses unfold too


def test_counts_are_kept_at_import(several):
    outline = Outline(several)
    assert several.clause_count() == len([r for r in walk(outline) if r[0] >= 3])
    assert several.document_count() == len(several.documents())
    tops = [i for i in outline.root.children if i.key.startswith("issue:")]  # not governments
    assert several.issue_labels() == [i.text for i in tops]


def test_deadlines_read_their_clauses_as_they_are_shown(several):
    rows = department_deadlines(several, department_scope(several, "各镇人民政府", None, True,
                                                          HOME))
    assert len(rows) > 2 and not rows.places  # nothing read but the dates and documents
    first = rows[:2]
    assert len(rows.places) == len({r["key"] for r in first}) <= 2
    every = list(rows)
    assert first == every[:2] and rows[-1] == every[-1] and len(every) == len(rows)
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_keys_asked_a_chunk_at_a_time_give_the_same_answers(several, monkeypatch):
    """Long lists of keys go to SQLite a chunk at a time (store/schema.in_chunks): asked two
    keys at a time, the tree, the filter and the library's lookups answer as in one go."""
    from datetime import date

    from models.store import schema
    scope = department_scope(several, "区财政局", None, True, HOME)
    docs = [d.key for d in several.documents()]
    nodes = [n for key in docs for n in several.nodes(key)]
    keys = [n.key for n in nodes]

    def answers() -> tuple:
        return (walk(Outline(several)), walk(Outline(several, scope)),
                list(department_deadlines(several, scope)),
                several.kept_roles(scope, keys), several.kept_documents(scope, docs),
                several.clause_places([n.id for n in nodes]),
                several.fingerprints(keys + keys[:3]),  # a key asked twice is answered once
                several.deadlines_of(keys), several.expired_document_keys(date(2030, 1, 1), docs))
    calls = []
    query = several.query
    monkeypatch.setattr(several, "query", lambda *a: calls.append(a) or query(*a))
    whole = answers()
    asked = len(calls)
    assert all(whole) and len(whole[-1]) < len(docs)  # (expired: some documents, not all)
    assert len(whole[6]) == len(set(keys))
    monkeypatch.setattr(schema, "CHUNK", 2)
    assert answers() == whole
    assert len(calls) - asked > 2 * asked  # asked in many more queries
