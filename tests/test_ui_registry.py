"""部门 → 部门名录…: the units of each government with their aliases and counts; merge, rename
and mark collective where the official is — kept in the user data folder, applied at once
(the window's library, picker and filter follow), and offered after an import that met
units the registry does not know."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from ui_fixtures import make_window, qt_app, type_text  # noqa: F401

FORMS = FIXTURES / "duty_forms"


@pytest.fixture()
def user(tmp_path):
    """User data of its own, with the user's library: the seed and a plan of 青川区."""
    from models.locations import set_user_data_dir, user_library_path
    from models.store.content import import_gazette
    set_user_data_dir(tmp_path / "user")
    try:
        import_gazette(FORMS / "section_colon_qingchuan.txt")
        yield user_library_path()
    finally:
        set_user_data_dir(None)


@pytest.fixture()
def opened(make_window, user, tmp_path):
    """The window on the user's library, its 部门名录 open at 青川区."""
    window = make_window(tmp_path / "s.ini", user)
    window.actions_["registry"].trigger()
    dialog = window.registry.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.government.setCurrentIndex(dialog.government.findData("青川区"))
    yield window, dialog
    window.library.close()


def rows(dialog) -> list[tuple[str, ...]]:
    proxy = dialog.proxy
    return [tuple(proxy.index(r, c).data() for c in range(4)) for r in range(proxy.rowCount())]


def answer(monkeypatch, respond):
    """Answer the next modal question of the 部门名录 (which unit, the new name) by *respond*."""
    from ui import plain
    asked = []

    def run(dialog):
        asked.append(dialog)
        return respond(dialog)
    monkeypatch.setattr(plain, "run_dialog", run)
    return asked


def test_each_governments_units_with_aliases_and_counts(opened, qtbot):
    window, dialog = opened
    governments = [dialog.government.itemData(i) for i in range(dialog.government.count())]
    assert governments == ["市中区", "青川区"]
    units = {r[0]: r for r in rows(dialog)}
    assert units["青川区城市管理委员会"][1:] == ("未登记", "区城管委", 1)
    assert "区财政局" not in units  # 市中区's units are under 市中区
    type_text(qtbot, dialog.needle, "城管")
    assert [r[0] for r in rows(dialog)] == ["青川区城市管理委员会"]
    dialog.needle.clear()
    dialog.government.setCurrentIndex(dialog.government.findData("市中区"))
    units = {r[0]: r for r in rows(dialog)}
    assert units["区财政局"][1:] == ("区直部门", "财政部门、区财政部门", 14)
    assert units["各镇人民政府"][3] == 17  # with 各镇街's clauses, as the picker counts


def test_merge_applies_at_once_and_is_kept(opened, monkeypatch, tmp_path):
    window, dialog = opened
    window.filter_search.set_department("青川区城市管理委员会")
    before = window.filter_search.departments
    assert dialog.select("青川区城市管理委员会")

    def choose_emergency(chooser):
        chooser.edit.setText("应急")
        return 1
    asked = answer(monkeypatch, choose_emergency)
    dialog.merge_button.click()
    assert len(asked) == 1 and asked[0].windowTitle() == "并入 — 青川区城市管理委员会"
    names = {(d.government, d.name) for d in window.library.departments()}
    assert ("青川区", "青川区城市管理委员会") not in names
    merged = window.library.resolve_department("区城管委", "青川区")
    assert merged.name == "青川区应急管理局" and merged.total == 2
    # the picker and the filter follow: the filter is on the unit it was merged into
    assert window.filter_search.departments is not before
    assert window.filter_search.department.name == "青川区应急管理局"
    assert window.filter_search.shown_count() == 2
    assert dialog.selected().name == "青川区应急管理局"
    assert "已把“青川区城市管理委员会”并入“青川区应急管理局”（青川区，涉及 1 条）" in \
        dialog.summary.text()
    kept = (tmp_path / "user" / "registry.toml").read_text(encoding="utf-8")
    assert 'name = "青川区城市管理委员会"' in kept and 'to = "青川区应急管理局"' in kept


def test_rename_and_collective(opened, monkeypatch):
    window, dialog = opened
    assert dialog.select("青川区人民防空办公室")

    def new_name(ask):
        assert ask.textValue() == "青川区人民防空办公室"
        ask.setTextValue("青川区国防动员办公室")
        return 1
    answer(monkeypatch, new_name)
    dialog.rename_button.click()
    assert window.library.resolve_department("区人防办", "青川区").name == "青川区国防动员办公室"
    assert dialog.selected().name == "青川区国防动员办公室"
    assert dialog.select("青川区各街道办事处")
    dialog.collective_button.click()
    units = {r[0]: r for r in rows(dialog)}
    assert units["青川区各街道办事处"][1] == "集体单位"
    assert not dialog.collective_button.isEnabled()


def test_a_refused_amendment_says_why_and_changes_nothing(opened, monkeypatch, tmp_path):
    window, dialog = opened
    told = []
    monkeypatch.setattr("ui.plain.show_message",
                        lambda kind, parent, title, text: told.append((title, text)))
    assert dialog.select("青川区人民防空办公室")

    def clash(ask):
        ask.setTextValue("青川区财政局")  # another unit's name: that is a merge
        return 1
    answer(monkeypatch, clash)
    dialog.rename_button.click()
    assert told and "已有名为“青川区财政局”的单位" in told[0][1]
    assert window.library.resolve_department("区人防办", "青川区").name == "青川区人民防空办公室"
    assert not (tmp_path / "user" / "registry.toml").exists()


def test_the_import_message_opens_the_registry(make_window, user, qtbot, monkeypatch, tmp_path):
    window = make_window(tmp_path / "s.ini", user)
    offered = []
    monkeypatch.setattr("ui.plain.offer",
                        lambda parent, title, text, action: offered.append((text, action)) or True)
    with qtbot.waitSignal(window.import_flow.registry_requested, timeout=20000):
        window.import_flow.start(FORMS / "annex_heading_yuntai.txt")
    text, action = offered[0]
    assert action == "打开部门名录…" and "以下单位不在部门名录中" in text
    dialog = window.registry.dialog
    assert dialog.isVisible() and dialog.current_government() == "云台县"
    assert dialog.unregistered.isChecked()
    shown = rows(dialog)
    assert shown and all(kind == "未登记" for _, kind, _, _ in shown)
    assert "云台县档案馆" in {name for name, *_ in shown}
    window.library.close()


def test_the_registry_is_in_the_department_menu(opened):
    from ui.labels import MENU_TITLES
    window, _ = opened
    menu = next(m for m in window.menus if m.title() == MENU_TITLES[2])
    assert "部门名录…" in [a.text() for a in menu.actions()]
    assert window.registry.dialog.windowTitle() == "部门名录"


def test_an_amendment_while_an_import_writes_is_refused_and_changes_nothing(
        opened, monkeypatch, tmp_path):
    """The import holds the library's writer lock: an amendment would wait behind it with
    the window frozen, so it is refused with a reason instead."""
    window, dialog = opened
    told = []
    monkeypatch.setattr("ui.plain.show_message",
                        lambda kind, parent, title, text: told.append((title, text)))
    monkeypatch.setattr(window.import_flow, "busy", lambda: True)
    assert dialog.select("青川区人民防空办公室")
    answer(monkeypatch, lambda ask: ask.setTextValue("青川区国动办") or 1)
    dialog.rename_button.click()
    assert told and "正在导入公报" in told[0][1]
    assert window.library.resolve_department("区人防办", "青川区").name == "青川区人民防空办公室"
    assert not (tmp_path / "user" / "registry.toml").exists()


def test_an_amendment_that_cannot_make_the_user_library_says_why(make_window, tmp_path,
                                                                  monkeypatch):
    """The first amendment copies the built-in library into the user data folder; a full
    disk there is said (磁盘空间不足), nothing is kept, and the wait cursor is not left on."""
    import errno
    from models.locations import set_user_data_dir
    from models.store import content
    from ui.qt import QApplication
    set_user_data_dir(tmp_path / "fresh")
    try:
        def full(*_args, **_kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(content.shutil, "copyfile", full)
        window = make_window(tmp_path / "s.ini")
        window.actions_["registry"].trigger()
        dialog = window.registry.dialog
        told = []
        monkeypatch.setattr("ui.plain.show_message",
                            lambda kind, parent, title, text: told.append(text))
        assert dialog.select("区财政局")
        answer(monkeypatch, lambda ask: ask.setTextValue("区财政局（新）") or 1)
        dialog.rename_button.click()
        assert told and "磁盘空间不足" in told[0] and "Traceback" not in told[0]
        assert QApplication.overrideCursor() is None
        assert not (tmp_path / "fresh" / "library.sqlite").exists()
        assert not (tmp_path / "fresh" / "registry.toml").exists()
    finally:
        set_user_data_dir(None)


def test_an_open_registry_follows_an_import(opened, qtbot, monkeypatch):
    """The 部门名录 open while an import lands shows the reopened library (its new government
    and units), never the closed one."""
    window, dialog = opened
    monkeypatch.setattr("ui.plain.offer", lambda *args: False)  # (its summary: read, closed)
    monkeypatch.setattr("ui.plain.show_message", lambda *args: None)
    with qtbot.waitSignal(window.import_flow.finished, timeout=20000):
        window.import_flow.start(FORMS / "annex_heading_yuntai.txt")
    qtbot.waitUntil(lambda: dialog.library is window.library)
    governments = [dialog.government.itemData(i) for i in range(dialog.government.count())]
    assert "云台县" in governments and dialog.current_government() == "青川区"
