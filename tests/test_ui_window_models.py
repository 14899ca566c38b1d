"""Every item model of the window passes Qt's own QAbstractItemModelTester; the item roles
(ui/item_roles.py) are Qt's."""
from __future__ import annotations

import pytest

from ui_fixtures import make_window, qt_app, window  # noqa: F401 (fixtures)


@pytest.fixture()
def several(seed_issue, registry, tmp_path):
    """The seed and two issues of other governments."""
    from conftest import FIXTURES
    from models.store.build import add_issues
    from models.store.content import parse_file
    from models.store.library import Library
    path = tmp_path / "lib.sqlite"
    others = [parse_file(FIXTURES / "duty_forms" / name, registry)
              for name in ("coissued_yuntai.txt", "shizhong_annex.txt")]
    add_issues(path, [seed_issue, *others], registry)
    with Library(path) as library:
        yield library


def test_outline_model(qtmodeltester, seed_library):
    from models.views.outline import Outline
    from ui.window.left.tree_model import OutlineModel
    model = OutlineModel(Outline(seed_library))
    assert model.rowCount() == 1  # one issue
    issue = model.index(0, 0)
    assert issue.data() == "2021年第5期"
    assert [model.index(r, 0, issue).data() for r in range(model.rowCount(issue))] == [
        "区政府文件", "区政府办公室文件"]
    qtmodeltester.check(model)  # (it reads every row)


def rows(model, parent=None, depth=0) -> list[tuple]:
    from PySide6.QtCore import QModelIndex
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append((depth, index.data()))
        out += rows(model, index, depth + 1)
    return out


def test_outline_model_read_as_it_unfolds_and_filtered(qtmodeltester, several):
    """The model on the lazy outline passes Qt's tester before anything is read, unfiltered
    and filtered, and after a reset to another tree; a folded row has children without
    their being read."""
    from models.views.outline import Outline, department_scope
    from ui.window.left.tree_model import OutlineModel
    outline = Outline(several)
    model = OutlineModel(outline)
    issue = model.index(0, 0)
    assert model.hasChildren(issue) and not outline.root.children[0].loaded
    qtmodeltester.check(model)
    everything = rows(model)
    scope = department_scope(several, "区财政局", government="市中区")
    model.set_tree(Outline(several, scope))
    qtmodeltester.check(model)
    filtered = rows(model)
    assert 0 < len(filtered) < len(everything)
    tags = [text for _, text in filtered if text.startswith("〔")]
    assert len(tags) == model.tree.clause_count > 0
    assert all(row in everything for row in filtered if not row[1].startswith("〔"))
    model.set_tree(Outline(several))
    assert rows(model) == everything


def test_department_models(qtmodeltester, seed_library):
    from ui.window.filter_search.department_picker import DepartmentFilterProxy, DepartmentModel
    model = DepartmentModel(seed_library.departments())
    qtmodeltester.check(model)
    proxy = DepartmentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_needle("发改委")  # an alias
    qtmodeltester.check(proxy)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["区发展和改革局　（11 条）"]


def test_results_and_deadlines_models(qtmodeltester, seed_library):
    from models.views.outline import department_deadlines, department_scope
    from models.views.outline_cache import DEADLINE_PAGE
    from models.store.search import search
    from ui.window.left.deadlines import DeadlinesModel
    from ui.window.filter_search.results import ResultsModel
    results = ResultsModel()
    assert results.show(search(seed_library, "托育")) > 0
    qtmodeltester.check(results)
    deadlines = DeadlinesModel()
    rows = list(department_deadlines(seed_library,
                                     department_scope(seed_library, "区人力资源和社会保障局")))
    deadlines.show(rows)
    qtmodeltester.check(deadlines)
    many = rows * (DEADLINE_PAGE // len(rows) + 2)  # more than a page: the rest when scrolled
    deadlines = DeadlinesModel()
    deadlines.show(many)
    assert deadlines.rowCount() == DEADLINE_PAGE and deadlines.canFetchMore()
    while deadlines.canFetchMore():
        deadlines.fetchMore()
    assert deadlines.rowCount() == len(many)
    qtmodeltester.check(deadlines)


def test_window_models_pass_while_driven(qtmodeltester, window):
    window.filter_search.set_department("区城乡水务局")
    qtmodeltester.check(window.left.outline)
    window.filter_search.field.setText("水库")
    window.filter_search.field.flush()
    qtmodeltester.check(window.filter_search.results_model)


def test_role_numbers_are_qts():
    """ui/item_roles.py writes Qt's role values out (to avoid the `Qt` namespace): they must
    match."""
    from PySide6.QtCore import Qt

    from ui import item_roles as roles
    assert (roles.DISPLAY_ROLE, roles.TOOLTIP_ROLE, roles.FONT_ROLE, roles.FOREGROUND_ROLE,
            roles.USER_ROLE) == tuple(int(r) for r in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole))
