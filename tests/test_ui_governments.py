"""The window on a library of several governments: the picker groups units by government,
and the department chosen carries its government through the filter, the remembered state
and the duty list (区财政局 of 市中区 is not 区财政局 of a notice naming no government, nor
青川区财政局, whose documents also write it 区财政局)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from conftest import FIXTURES
from ui_fixtures import make_window, qt_app, type_text, window  # noqa: F401

FORMS = FIXTURES / "duty_forms"


@pytest.fixture()
def several(tmp_path, seed_issue, registry):
    """The seed (市中区), a 青川区 plan, and a notice naming no government (未知)."""
    from models.store.build import add_issues
    from models.store.content import parse_file
    path = tmp_path / "several.sqlite"
    others = [parse_file(FORMS / f"{name}.txt", registry)
              for name in ("section_colon_qingchuan", "no_government_notice")]
    add_issues(path, [seed_issue, *others], registry, fresh=True)
    return path


def shown(picker) -> list[str]:
    return [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())]


def pick(qtbot, window, typed: str, downs: int = 0):
    window.filter_search.open_picker()
    picker = window.filter_search.picker
    type_text(qtbot, picker.edit, typed)
    for _ in range(downs):
        qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert not picker.isVisible()
    return window.filter_search.department


def test_the_picker_groups_units_by_government(make_window, several, qtbot):
    window = make_window(library_path=several)
    window.filter_search.open_picker()
    picker = window.filter_search.picker
    rows = shown(picker)
    assert rows[0] == "市中区"  # the government with the most documents first
    headings = [r for r in rows if "条）" not in r]
    assert headings == ["市中区", "青川区", "未知政府"]
    type_text(qtbot, picker.edit, "区财政局")
    assert shown(picker) == ["市中区", "区财政局　（14 条）", "青川区", "青川区财政局　（1 条）",
                             "未知政府", "区财政局　（1 条）"]
    heading = picker.proxy.index(0, 0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert picker.list.currentIndex().row() == 1  # the first unit, not the heading
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)  # over the heading 青川区
    assert picker.list.currentIndex().row() == 3
    type_text(qtbot, picker.edit, "x")  # no unit matches: no heading is left either
    assert shown(picker) == []
    picker.hide()


def test_a_name_of_two_governments_is_picked_with_its_government(make_window, several, qtbot):
    window = make_window(library_path=several)
    dept = pick(qtbot, window, "区财政局")
    assert (dept.government, dept.name) == ("市中区", "区财政局")
    assert window.filter_search.shown_count() == 14
    dept = pick(qtbot, window, "区财政局", downs=2)  # past 青川区财政局, to 未知's
    assert (dept.government, dept.name) == ("未知", "区财政局")
    assert window.filter_search.shown_count() == 1
    assert window.filter_search.selection().government == "未知"
    assert window.filter_search.bar.button.text() == "部门：区财政局（未知政府）"

    from ui.printing.duty_list import DutyListDialog
    selection = window.filter_search.selection()
    dialog = DutyListDialog(window.library, selection.department, window,
                            roles=selection.roles, government=selection.government)
    dl = dialog.duty_list()
    assert (dl.department.government, len(dl.entries)) == ("未知", 1)
    assert "足额安排扑火队伍装备" in dl.entries[0].text
    dialog.deleteLater()


def test_the_government_is_remembered(make_window, several, qtbot, tmp_path):
    settings = tmp_path / "s.ini"
    first = make_window(settings, several)
    pick(qtbot, first, "区财政局", downs=2)
    first.close()
    again = make_window(settings, several)
    dept = again.filter_search.department
    assert (dept.government, dept.name) == ("未知", "区财政局")
    assert again.filter_search.shown_count() == 1


def test_one_government_looks_as_before(window):
    model = window.filter_search.departments
    assert not model.grouped
    assert all("条）" in model.index(r, 0).data() for r in range(model.rowCount()))


def test_a_start_paints_the_filter_of_the_government_it_was_left_with(
        qt_app, qtbot, several, tmp_path, monkeypatch):
    """The outline cache names a filter with its government: two governments' 区财政局 are
    two pictures, and a start draws the one of the government the settings name."""
    from PySide6.QtCore import QSettings

    from models.store.library import Library
    from ui.settings import Settings
    from ui.startup import staged
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(staged, "open_library", lambda **_: Library(several))
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    windows = []

    def start(government=None):
        if government is not None:  # as another window (or a crash) left the settings
            settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
            settings.setValue("filter/government", government)
            settings.sync()
        _app, window = staged.start(["test"], Settings(tmp_path / "s.ini"))
        qtbot.addWidget(window)
        windows.append(window)
        first = (window.ready, window.status.text())
        qtbot.waitUntil(lambda: window.ready)
        return window, first

    def finish(window):
        window.close()
        staged.remember_outline(window)
        window.library.close()
    try:
        window, _ = start()
        pick(qtbot, window, "区财政局", downs=2)  # 未知's: one clause
        finish(window)  # the cache has 未知's picture
        window, (staged_start, _) = start("市中区")
        assert staged_start  # no picture of 市中区's 区财政局: not the other one's either
        assert (window.filter_search.department.government,
                window.filter_search.shown_count()) == ("市中区", 14)
        finish(window)
        for government, count in (("市中区", 14), ("未知", 1)):
            window, (ready, status) = start(government)
            assert not ready and f"区财政局：显示 {count} 条" in status  # its own picture
            assert window.filter_search.shown_count() == count
            finish(window)
    finally:
        for window in windows:
            window.settings = None
