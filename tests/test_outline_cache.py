"""The outline cache the window draws its first tree from (models/views/outline_cache.py).

A cache that does not match its library, or is damaged, must be ignored,
never trusted; a picture must give back exactly the rows the tree showed (and
no more), unfolded as they were, with the counts the status bar said.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def rows_of(root) -> list[tuple]:
    return [(n.kind, n.key, n.text, n.document_key, n.doc_number, n.expired, n.role)
            for n in root.walk()]


def shown_rows(root, expanded) -> list[tuple]:
    """The rows of a tree a view shows with the rows of *expanded* unfolded."""
    out = []

    def walk(node):
        for child in node.children:
            out.append(rows_of(child)[0])
            if child.key in expanded:
                walk(child)
    walk(root)
    return out


def picture(library, scope=None, everything=False):
    """The picture of the library's tree (or a filter's) unfolded by the rule."""
    from models.views import outline_cache
    from models.views.outline import Outline, department_deadlines
    tree = Outline(library, scope)
    keys = tree.unfolded(everything=everything)
    rows = department_deadlines(library, scope) if scope is not None else []
    return outline_cache.Picture(tree.key, tree.root, keys, "2021年第5期", 5, tree.clause_count,
                                 rows, len(rows))


@pytest.fixture()
def library_copy(seed_library_path, tmp_path) -> Path:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(seed_library_path, path)
    return path


# ------------------------------------------------------------ the cache
def test_cache_round_trip_gives_the_rows_the_tree_showed(seed_library, tmp_path):
    from models.views import outline_cache
    shown = picture(seed_library)
    assert outline_cache.save(seed_library.path, shown, folder=tmp_path)
    cached = outline_cache.load(seed_library.path, folder=tmp_path)
    assert cached is not None and cached.library == seed_library.path.resolve()
    plain = cached.plain
    assert plain.expanded == shown.expanded and plain.key is None
    assert rows_of(plain.root)[1:] == shown_rows(shown.root, shown.expanded)
    assert (plain.issues, plain.documents, plain.clauses) == ("2021年第5期", 5, shown.clauses)
    folded = [n for n in plain.root.walk() if n.kind == "document"]
    assert folded and all(n.has_children() and not n.children for n in folded)  # not read
    assert outline_cache.load(folder=tmp_path) is not None  # "whatever library it names"


def test_a_picture_keeps_the_unfolded_rows_only(seed_library, tmp_path):
    """Rows read but folded, and the folded rest of the library, are not written."""
    from models.views import outline_cache
    shown = picture(seed_library, everything=True)
    every = len(list(shown.root.walk()))
    doc = next(k for k in shown.expanded if k.startswith("doc:"))
    shown.expanded.remove(doc)  # read, then folded again
    outline_cache.save(seed_library.path, shown, folder=tmp_path)
    plain = outline_cache.load(folder=tmp_path).plain
    below = {n.key for n in shown.root.walk() if n.parent and n.parent.key == doc}
    kept = {n.key for n in plain.root.walk()}
    assert below and not below & kept and doc in kept and len(kept) < every


def test_expiry_is_computed_on_loading(seed_library, tmp_path):
    from models.views import outline_cache
    outline_cache.save(seed_library.path, picture(seed_library, everything=True), folder=tmp_path)
    expired = outline_cache.load(folder=tmp_path, today="2024-01-01").plain.root
    earlier = outline_cache.load(folder=tmp_path, today="2021-06-01").plain.root
    key = "doc:市中政办字|2021|14"  # valid until 2023-12-31
    by_key = {n.key: n for n in expired.walk()}
    assert by_key[key].expired and by_key[key].children
    assert all(c.expired for c in by_key[key].children)
    assert not {n.key: n for n in earlier.walk()}[key].expired


def test_stale_cache_is_ignored_when_the_library_changes(library_copy, tmp_path):
    from models.views import outline_cache
    from models.store.library import Library
    with Library(library_copy) as library:
        outline_cache.save(library_copy, picture(library), folder=tmp_path)
    assert outline_cache.load(library_copy, folder=tmp_path) is not None
    with library_copy.open("ab") as fh:  # an import rewrote the file
        fh.write(b"\0" * 512)
    assert outline_cache.load(library_copy, folder=tmp_path) is None
    assert outline_cache.load(folder=tmp_path) is None
    library_copy.unlink()
    assert outline_cache.load(folder=tmp_path) is None


def test_cache_of_another_library_is_ignored(seed_library, library_copy, tmp_path):
    from models.views import outline_cache
    outline_cache.save(seed_library.path, picture(seed_library), folder=tmp_path)
    assert outline_cache.load(library_copy, folder=tmp_path) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "bad-escape", "bad-parent",
                                    "bad-count", "empty", "binary", "missing"])
def test_corrupt_cache_is_ignored(seed_library, tmp_path, damage):
    from models.views import outline_cache
    path = outline_cache.save(seed_library.path, picture(seed_library), folder=tmp_path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if damage == "garbage":
        path.write_text("not a cache\n", encoding="utf-8")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "bad-escape":
        lines[5] = lines[5] + "\\q"
        path.write_text("\n".join(lines), encoding="utf-8")
    elif damage in ("bad-parent", "bad-count"):
        line = 3 if damage == "bad-parent" else 2
        fields = lines[line].split("\t")
        fields[1 if damage == "bad-parent" else 6] = "999" if damage == "bad-parent" else "x"
        lines[line] = "\t".join(fields)
        path.write_text("\n".join(lines), encoding="utf-8")
    elif damage == "empty":
        path.write_text("", encoding="utf-8")
    elif damage == "binary":
        path.write_bytes(b"\xff\xfe\x00" * 100)
    else:
        path.unlink()
    assert outline_cache.load(seed_library.path, folder=tmp_path) is None


def test_labels_with_tabs_and_newlines_survive(seed_library, tmp_path):
    from models.views import outline_cache
    shown = picture(seed_library)
    node = shown.root.children[0].children[0].children[0]
    node.text = "a\tb\nc\\d"
    outline_cache.save(seed_library.path, shown, folder=tmp_path)
    cached = outline_cache.load(folder=tmp_path)
    assert cached.plain.root.children[0].children[0].children[0].text == "a\tb\nc\\d"


# ------------------------------------------------------- the filter pictures
def filter_picture(library, department="区财政局", roles=None, general=False):
    from models.views.outline import department_scope
    return picture(library, department_scope(library, department, roles, general))


def test_filter_pictures_round_trip_and_are_kept_most_recent_first(seed_library, tmp_path):
    from models.roles import filter_key
    from models.views import outline_cache
    finance = filter_picture(seed_library)
    assert finance.deadlines and finance.clauses == 14
    assert finance.key == filter_key("区财政局", "市中区", [
        "lead", "responsible", "support", "annex", "member"], False)
    outline_cache.save(seed_library.path, finance, folder=tmp_path)
    loaded = outline_cache.load(folder=tmp_path).filters[finance.key]
    assert loaded.deadlines == finance.deadlines and loaded.deadline_total == len(finance.deadlines)
    assert rows_of(loaded.root)[1:] == shown_rows(finance.root, finance.expanded)
    assert sum(1 for n in loaded.root.walk() if n.role) == 14  # the tags
    towns = filter_picture(seed_library, "各镇人民政府", ["lead"], True)
    outline_cache.save(seed_library.path, towns, folder=tmp_path)
    outline_cache.save(seed_library.path, picture(seed_library), folder=tmp_path)  # both kept
    cached = outline_cache.load(folder=tmp_path)
    assert list(cached.filters) == [towns.key, finance.key] and cached.plain is not None
    for name in ("区卫生健康局", "区城乡水务局", "区市场监督管理局"):
        outline_cache.save(seed_library.path, filter_picture(seed_library, name), folder=tmp_path)
    cached = outline_cache.load(folder=tmp_path)
    kept = list(cached.filters)
    assert len(kept) == outline_cache.MAX_FILTERS and kept[0][0] == "区市场监督管理局"
    assert finance.key not in kept and cached.plain is not None  # the oldest went


def test_deadlines_kept_are_the_first_page(seed_library, tmp_path):
    from models.views import outline_cache
    finance = filter_picture(seed_library)
    rows = finance.deadlines * (outline_cache.DEADLINE_PAGE + 1)
    many = outline_cache.Picture(finance.key, finance.root, finance.expanded, "", 5, 14,
                                 rows, len(rows))
    outline_cache.save(seed_library.path, many, folder=tmp_path)
    loaded = outline_cache.load(folder=tmp_path).filters[finance.key]
    assert loaded.deadlines == rows[:outline_cache.DEADLINE_PAGE]
    assert loaded.deadline_total == len(rows)


def test_a_filter_picture_brings_a_picture_without_filter(seed_library, tmp_path):
    from models.views import outline_cache
    made = []

    def plain():
        made.append(True)
        return picture(seed_library)
    outline_cache.save(seed_library.path, filter_picture(seed_library), folder=tmp_path,
                       plain=plain)
    assert made and outline_cache.load(folder=tmp_path).plain is not None
    outline_cache.save(seed_library.path, filter_picture(seed_library, "区城乡水务局"),
                       folder=tmp_path, plain=plain)
    assert len(made) == 1  # there is one already


def test_stale_filter_picture_is_ignored_when_the_library_changes(library_copy, tmp_path):
    from models.views import outline_cache
    from models.store.library import Library
    with Library(library_copy) as library:
        outline_cache.save(library_copy, filter_picture(library), folder=tmp_path)
    assert outline_cache.load(folder=tmp_path).filters
    with library_copy.open("ab") as fh:
        fh.write(b"\0" * 512)
    assert outline_cache.load(folder=tmp_path) is None


def test_dates_are_written_as_in_the_documents():
    from models.views.cn_date import cn_date
    assert [cn_date(iso) for iso in ("2021-09-18", "2022-01-01", "", None)] == [
        "2021年9月18日", "2022年1月1日", "", ""]


def test_a_start_builds_the_one_picture_it_draws(seed_library, tmp_path):
    """load(only=key) builds that picture alone; the others stay text, kept as they are by the
    next save; a damaged picture spoils itself, not the one drawn."""
    from models.views import outline_cache
    finance = filter_picture(seed_library)
    outline_cache.save(seed_library.path, picture(seed_library), folder=tmp_path)
    path = outline_cache.save(seed_library.path, finance, folder=tmp_path)
    one = outline_cache.load(folder=tmp_path, only=None)
    assert one.plain is not None and one.filters == {}
    one = outline_cache.load(folder=tmp_path, only=finance.key)
    assert one.plain is None and list(one.filters) == [finance.key]
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("node\t"))
    fields = lines[first].split("\t")
    fields[1] = "999"  # the filter's picture (written first) is damaged
    lines[first] = "\t".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    assert outline_cache.load(folder=tmp_path, only=finance.key) is None
    assert outline_cache.load(folder=tmp_path, only=None).plain is not None
    outline_cache.save(seed_library.path, filter_picture(seed_library, "区城乡水务局"),
                       folder=tmp_path)
    assert outline_cache.load(folder=tmp_path, only=None).plain is not None
