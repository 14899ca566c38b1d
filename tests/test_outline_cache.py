"""The outline cache the window draws its first tree from (models/outline_cache.py).

A cache that does not match its library, or is damaged, must be ignored,
never trusted; filter sections must give exactly the rows the filter shows.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def rows_of(root) -> list[tuple]:
    return [(n.kind, n.key, n.text, n.document_key, n.doc_number, n.expired)
            for n in root.walk()]


@pytest.fixture()
def library_copy(seed_library_path, tmp_path) -> Path:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(seed_library_path, path)
    return path


# ------------------------------------------------------------ the cache
def test_cache_round_trip_gives_the_outline_of_the_library(seed_library, tmp_path):
    from models.views import outline_cache
    from models.views.outline import build_outline
    root = build_outline(seed_library)
    assert outline_cache.save(seed_library.path, root, folder=tmp_path)
    cached = outline_cache.load(seed_library.path, folder=tmp_path)
    assert cached is not None and cached.library == seed_library.path.resolve()
    assert rows_of(cached.root) == rows_of(root)
    assert outline_cache.load(folder=tmp_path) is not None  # "whatever library it names"


def test_expiry_is_computed_on_loading(seed_library, tmp_path):
    from models.views import outline_cache
    from models.views.outline import build_outline
    outline_cache.save(seed_library.path, build_outline(seed_library), folder=tmp_path)
    expired = outline_cache.load(folder=tmp_path, today="2024-01-01").root
    earlier = outline_cache.load(folder=tmp_path, today="2021-06-01").root
    key = "doc:市中政办字|2021|14"  # valid until 2023-12-31
    by_key = {n.key: n for n in expired.walk()}
    assert by_key[key].expired and all(c.expired for c in by_key[key].children)
    assert not {n.key: n for n in earlier.walk()}[key].expired


def test_stale_cache_is_ignored_when_the_library_changes(library_copy, tmp_path):
    from models.views import outline_cache
    from models.store.library import Library
    from models.views.outline import build_outline
    with Library(library_copy) as library:
        outline_cache.save(library_copy, build_outline(library), folder=tmp_path)
    assert outline_cache.load(library_copy, folder=tmp_path) is not None
    with library_copy.open("ab") as fh:  # an import rewrote the file
        fh.write(b"\0" * 512)
    assert outline_cache.load(library_copy, folder=tmp_path) is None
    assert outline_cache.load(folder=tmp_path) is None
    library_copy.unlink()
    assert outline_cache.load(folder=tmp_path) is None


def test_cache_of_another_library_is_ignored(seed_library, library_copy, tmp_path):
    from models.views import outline_cache
    from models.views.outline import build_outline
    outline_cache.save(seed_library.path, build_outline(seed_library), folder=tmp_path)
    assert outline_cache.load(library_copy, folder=tmp_path) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "bad-escape", "bad-parent",
                                    "empty", "binary", "missing"])
def test_corrupt_cache_is_ignored(seed_library, tmp_path, damage):
    from models.views import outline_cache
    from models.views.outline import build_outline
    path = outline_cache.save(seed_library.path, build_outline(seed_library), folder=tmp_path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if damage == "garbage":
        path.write_text("not a cache\n", encoding="utf-8")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "bad-escape":
        lines[5] = lines[5] + "\\q"
        path.write_text("\n".join(lines), encoding="utf-8")
    elif damage == "bad-parent":
        fields = lines[3].split("\t")
        fields[1] = "999"
        lines[3] = "\t".join(fields)
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
    from models.views.outline import build_outline
    root = build_outline(seed_library)
    node = root.children[0].children[0].children[0]
    node.text = "a\tb\nc\\d"
    outline_cache.save(seed_library.path, root, folder=tmp_path)
    cached = outline_cache.load(folder=tmp_path)
    assert cached.root.children[0].children[0].children[0].text == "a\tb\nc\\d"


# ------------------------------------------------------- the filter sections
def filter_section(library, department="区财政局", roles=None, general=False):
    from models.views import outline_cache
    from models.views.outline import FILTER_ROLES, concerned_keys, department_deadlines
    roles = list(FILTER_ROLES) if roles is None else roles
    return outline_cache.CachedFilter(
        outline_cache.filter_key(department, roles, general),
        concerned_keys(library, department, roles, general),
        department_deadlines(library, department, roles, general))


def test_filter_sections_round_trip_and_are_kept_most_recent_first(seed_library, tmp_path):
    from models.views import outline_cache
    from models.views.outline import build_outline
    root = build_outline(seed_library)
    finance = filter_section(seed_library)
    assert finance.roles and finance.deadlines
    outline_cache.save(seed_library.path, root, folder=tmp_path, current=finance)
    loaded = outline_cache.load(folder=tmp_path).filters[finance.key]
    assert loaded.roles == finance.roles and loaded.deadlines == finance.deadlines
    towns = filter_section(seed_library, "各镇人民政府", ["lead"], True)
    outline_cache.save(seed_library.path, root, folder=tmp_path, current=towns)
    outline_cache.save(seed_library.path, root, folder=tmp_path)  # no filter now: both kept
    assert list(outline_cache.load(folder=tmp_path).filters) == [towns.key, finance.key]
    for name in ("区卫生健康局", "区城乡水务局", "区市场监督管理局"):
        outline_cache.save(seed_library.path, root, folder=tmp_path,
                           current=filter_section(seed_library, name))
    kept = list(outline_cache.load(folder=tmp_path).filters)
    assert len(kept) == outline_cache.MAX_FILTERS and kept[0][0] == "区市场监督管理局"
    assert finance.key not in kept  # the oldest went


def test_filter_section_naming_rows_the_tree_lacks_is_ignored(seed_library, tmp_path):
    from models.views import outline_cache
    from models.views.outline import build_outline
    section = filter_section(seed_library)
    section.roles["node:no-such-clause"] = "lead"
    outline_cache.save(seed_library.path, build_outline(seed_library), folder=tmp_path,
                       current=section)
    cached = outline_cache.load(folder=tmp_path)
    assert cached is not None and cached.filters == {}


def test_stale_filter_section_is_ignored_when_the_library_changes(library_copy, tmp_path):
    from models.views import outline_cache
    from models.store.library import Library
    from models.views.outline import build_outline
    with Library(library_copy) as library:
        outline_cache.save(library_copy, build_outline(library), folder=tmp_path,
                           current=filter_section(library))
    assert outline_cache.load(folder=tmp_path).filters
    with library_copy.open("ab") as fh:
        fh.write(b"\0" * 512)
    assert outline_cache.load(folder=tmp_path) is None


def test_dates_are_written_as_in_the_documents():
    from models.views.cn_date import cn_date
    assert [cn_date(iso) for iso in ("2021-09-18", "2022-01-01", "", None)] == [
        "2021年9月18日", "2022年1月1日", "", ""]
