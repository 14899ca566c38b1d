"""The window's parts work through their own interfaces, without a MainWindow around them.

A part gets what it needs in its constructor and tells by signals
(ui/window/__init__.py); these tests build the parts alone, as MainWindow
does, so a part that starts reading a window's attributes fails here.
"""
from __future__ import annotations

import pytest

from ui_fixtures import document_row, qt_app, tagged_rows  # noqa: F401 (fixtures)


@pytest.fixture()
def parts(qt_app, qtbot, seed_library):
    """A left pane, the filter and search, and a reading pane on the seed, in a plain widget."""
    from models.views.outline import Outline
    from ui.qt import QHBoxLayout, QWidget
    from ui.window.filter_search.controller import FilterSearch
    from ui.window.left.pane import LeftPane
    from ui.window.reader import ReaderView, base_style
    host = QWidget()
    qtbot.addWidget(host)
    find = FilterSearch(filtered=False, parent=host)
    left = LeftPane(find.widgets())
    reader = ReaderView(base_style(qt_app[1].sans, qt_app[1].serif))
    row = QHBoxLayout(host)
    row.addWidget(left)
    row.addWidget(reader)
    find.complete(left, reader, focus=None)
    left.show_outline(Outline(seed_library))
    find.set_library(seed_library)
    reader.set_library(seed_library)
    host.show()
    yield find, left, reader
    host.close()  # (kept alive until here: it owns the parts)


def test_the_filter_tells_the_left_pane_and_the_reader(parts):
    find, left, reader = parts
    changed = []
    find.changed.connect(lambda: changed.append(True))
    find.set_department("区财政局")
    assert find.shown_count() == 14 and changed
    assert not left.deadlines.isHidden()
    assert len(tagged_rows(left)) == 14 == left.clause_count()
    assert reader.department.name == "区财政局"
    assert find.selection().department == "区财政局"
    assert left.outline.tree.key[0] == "区财政局"
    find.escape()  # no search: Esc clears the filter
    assert find.department is None and left.deadlines.isHidden()
    assert left.outline.tree.key is None and left.clause_count() > 14


def test_a_chosen_hit_is_asked_for_by_a_signal(parts):
    find, left, reader = parts
    opened = []
    find.open_requested.connect(lambda key, terms: opened.append((key, tuple(terms))))
    find.field.setText("托育")
    find.field.flush()
    assert find.searching() and left.current_view() is find.results
    find.open_first_hit()
    assert opened and opened[0][1] == find.terms() and "托育" in "".join(opened[0][1])
    assert reader.document_key is None  # the part asks; opening is the window's
    find.escape()
    assert left.current_view() is left.tree and not find.searching()


def test_the_tree_tells_its_current_row(parts, qtbot):
    find, left, reader = parts
    seen = []
    left.current_changed.connect(lambda kind, key, doc: seen.append((kind, key, doc)))
    doc = document_row(left, "doc:市中政办发|2021|13")
    clause = doc.children[2].children[0]
    left.tree.setCurrentIndex(left.tree_index(clause.key))
    assert seen[-1] == (clause.kind, clause.key, "doc:市中政办发|2021|13")
    left.show_row(doc.key, select=True)  # what the window does when it opens a key itself
    assert seen[-1][1] == clause.key  # …without being told again


def test_the_tree_menu_asks_for_each_entry_by_a_signal(parts, qtbot):
    from ui.window.left.tree_menu import TreeMenu
    find, left, reader = parts
    asked = []

    def kind_of(key):
        node = left.node(key)
        return node.kind if node is not None else None
    menu = TreeMenu(left.tree, kind_of, lambda: None)
    for name in ("open", "bookmark", "cite", "print", "duty_list"):
        getattr(menu, f"{name}_requested").connect(lambda *a, n=name: asked.append(n))
    key = "doc:市中政办发|2021|13"
    left.show_row(key)
    built = menu.build(left.tree.visualRect(left.tree_index(key)).center())
    assert asked == ["open"]  # the row clicked is opened first
    actions = {a.text(): a for a in built.actions()}
    assert "打印职责清单…（先选择部门）" in actions  # no department picked
    for text in ("收藏…", "复制条款并注明出处", "打印此公文…", "打印职责清单…（先选择部门）"):
        actions[text].trigger()
    assert asked == ["open", "bookmark", "cite", "print", "duty_list"]


def test_menus_need_a_slot_for_every_action(qt_app):
    from ui.labels import MENU_TITLES
    from ui.qt import QMainWindow
    from ui.window.menus import ACTIONS, build_menus
    owner = QMainWindow()
    menus = [owner.menuBar().addMenu(title) for title in MENU_TITLES]
    with pytest.raises(ValueError, match="about"):
        build_menus(owner, menus, {name: (lambda: None) for name in ACTIONS if name != "about"})
    called = []
    actions = build_menus(owner, menus, {name: (lambda n=name: called.append(n))
                                         for name in ACTIONS})
    actions["find"].trigger()
    assert called == ["find"] and actions["find"].shortcut().toString() == "Ctrl+F"
    owner.deleteLater()


def test_the_stand_ins_read_and_look_as_the_widgets_they_stand_for(qt_app):
    """One rule each (ui/labels.py, ui/styles.py): the first stage's stand-ins say what the
    real search field and department button say, in the button's style."""
    from ui.startup.stand_ins import department_stand_in, search_stand_in
    from ui.window.filter_search.filter_bar import FilterBar
    from ui.window.filter_search.search_field import SearchField
    field, stand_in = SearchField(), search_stand_in()
    assert stand_in.placeholderText() == field.placeholderText() != ""
    bar, button = FilterBar(), department_stand_in()
    assert button.text() == bar.button.text() and button.styleSheet() == bar.button.styleSheet()
    assert button.sizeHint().height() == bar.button.sizeHint().height()
