"""Every item model of the window passes Qt's own QAbstractItemModelTester; the item roles
(ui/item_roles.py) are Qt's."""
from __future__ import annotations

import pytest

from ui_fixtures import make_window, qt_app, window  # noqa: F401 (fixtures)


@pytest.fixture()
def outline(seed_library):
    from models.views.outline import build_outline
    return build_outline(seed_library)


def test_outline_model(qtmodeltester, outline):
    from ui.window.left.tree_model import OutlineModel
    model = OutlineModel(outline)
    qtmodeltester.check(model)
    assert model.rowCount() == 1  # one issue
    issue = model.index(0, 0)
    assert issue.data() == "2021年第5期"
    assert [model.index(r, 0, issue).data() for r in range(model.rowCount(issue))] == [
        "区政府文件", "区政府办公室文件"]


def test_outline_filter_proxy(qtmodeltester, outline, seed_library):
    from models.views.outline import concerned_keys
    from ui.window.left.tree_filter import OutlineFilter
    from ui.window.left.tree_model import OutlineModel
    model = OutlineModel(outline)
    proxy = OutlineFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    keys = concerned_keys(seed_library, "区财政局")
    model.set_department_roles(keys)
    proxy.set_keys(set(keys))
    qtmodeltester.check(proxy)
    shown = set()

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            node = proxy.mapToSource(index).internalPointer()
            if node.is_clause and node.key in keys:
                shown.add(node.key)
            walk(index)
    from PySide6.QtCore import QModelIndex
    walk(QModelIndex())
    assert shown == set(keys)
    proxy.set_keys(None)
    assert proxy.visible_clause_count() > len(keys)


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
    from models.views.outline import department_deadlines
    from models.store.search import search
    from ui.window.left.deadlines import DeadlinesModel
    from ui.window.filter_search.results import ResultsModel
    results = ResultsModel()
    assert results.show(search(seed_library, "托育")) > 0
    qtmodeltester.check(results)
    deadlines = DeadlinesModel()
    deadlines.show(department_deadlines(seed_library, "区人力资源和社会保障局"))
    qtmodeltester.check(deadlines)


def test_window_models_pass_while_driven(qtmodeltester, window):
    window.filter_search.set_department("区城乡水务局")
    qtmodeltester.check(window.left.proxy)
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
