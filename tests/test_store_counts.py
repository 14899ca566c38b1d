"""The kept counts (models/store/counts.py) stay what a recount of the whole library says,
as issues are added, replaced and departments amended."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import FIXTURES
from models.store.build import add_issues
from models.store.content import parse_file
from models.store.counts import recount
from models.store.library import Library

FORMS = FIXTURES / "duty_forms"


def _counts(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return dict(((d, r), n) for d, r, n in conn.execute(
                    "SELECT department_id, role, n FROM dept_counts"))
    finally:
        conn.close()


def _recounted(path: Path) -> dict:
    copy = path.with_name("recount.sqlite")
    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    recount(target)
    target.commit()
    target.close()
    return _counts(copy)


def test_counts_follow_imports_and_replacements(tmp_path, seed_issue, registry):
    lib = tmp_path / "lib.sqlite"
    add_issues(lib, [seed_issue], registry)
    seed_counts = _counts(lib)
    assert seed_counts == _recounted(lib) and seed_counts

    others = [parse_file(FORMS / name, registry) for name in
              ("coissued_yuntai.txt", "article_items_qingchuan.txt", "annex_heading_yuntai.txt")]
    add_issues(lib, others, registry)
    grown = _counts(lib)
    assert grown == _recounted(lib) and grown != seed_counts

    add_issues(lib, [seed_issue], registry, replace=True)  # the seed's clauses out, then in
    assert _counts(lib) == grown

    # the 各镇街 clauses count for each 镇政府 of the seed's government: its counts by role
    # are its duty list's, collectives' clauses included (the picker, `departments` and the
    # printed list agree)
    library = Library(lib)
    members = [d for d in library.departments() if d.part_of and d.government == "市中区"]
    assert members
    for dept in members:
        listed = library.duties(dept.name, government="市中区")[1]
        by_role = {r: sum(e.role == r for e in listed) for r in {e.role for e in listed}}
        assert len(listed) == dept.total, dept.name
        assert dept.counts == by_role, dept.name
        assert any(e.via for e in listed), dept.name
