"""Drive the real window as an official would: pick a department, search, keys.

Assertions are on what is visible: the rows of the tree, the rendered HTML of
the reading pane, the clipboard, the status bar.
"""
from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_fixtures import (document_row, make_window, qt_app, tagged_rows, type_text,  # noqa: F401
                         visible_rows, window)


def pick_department(qtbot, window, typed: str) -> None:
    window.filter_search.open_picker()
    picker = window.filter_search.picker
    assert picker.isVisible()
    type_text(qtbot, picker.edit, typed)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert not picker.isVisible()


def search(qtbot, window, text: str) -> None:
    window.filter_search.field.setFocus()
    window.filter_search.field.clear()
    type_text(qtbot, window.filter_search.field, text)
    assert window.filter_search.field.timer.isActive()  # debounced: nothing yet while typing
    qtbot.waitUntil(lambda: not window.filter_search.field.timer.isActive(), timeout=2000)
    assert window.left.stack.currentWidget() is window.filter_search.results
    assert f"搜索“{text}”" in window.status.label.text()


def test_opens_with_documents_and_their_doc_numbers(window):
    rows = visible_rows(window.left.tree)
    assert rows[:2] == ["2021年第5期", "区政府文件"]
    assert "关于全面深化证照分离改革工作的实施意见" in rows
    numbers = {window.left.node(d.key).doc_number for d in window.library.documents()}
    assert "市中政办字〔2021〕14号" in numbers
    assert "2021年第5期" in window.status.label.text()
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_picking_a_department_by_typing_part_of_its_name(qtbot, window):
    pick_department(qtbot, window, "财政")
    assert window.filter_search.bar.button.text() == "部门：区财政局"
    assert window.filter_search.bar.clear.isVisible()
    rows = visible_rows(window.left.tree)
    tagged = [r for r in rows if r.startswith("〔")]
    assert len(tagged) == 14 and any(r.startswith("〔牵头〕") for r in tagged)
    assert any(r.startswith("〔配合〕") for r in tagged)
    assert "关于切实加强水库除险加固和运行管护工作的实施意见" in rows
    assert not any("强化流程管理" in r for r in rows)  # 区财政局 is not named there
    assert "区财政局：显示 14 条" in window.status.label.text()
    assert window.status.filter_label.text().startswith("筛选：区财政局")
    assert not window.left.deadlines.isHidden()
    dates = [window.left.deadlines.model.item(r).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(window.left.deadlines.model.rowCount())]
    assert dates  # rows exist; their order is checked in test_deadlines_in_date_order


def test_alias_matches_and_department_is_highlighted(qtbot, window):
    pick_department(qtbot, window, "发改委")
    assert window.filter_search.department.name == "区发展和改革局"
    first = next(r for r in range(window.left.tree.model().rowCount()))
    window.open_key(next(iter(tagged_rows(window.left))))
    assert 'class="dept lead sel"' in window.reader.html or \
        'class="dept responsible sel"' in window.reader.html or \
        'class="dept support sel"' in window.reader.html or \
        'class="dept annex sel"' in window.reader.html
    assert first == 0


def test_role_toggles_and_one_click_clear(qtbot, window):
    pick_department(qtbot, window, "区财政局")
    all_rows = window.filter_search.shown_count()
    window.filter_search.bar.toggles["support"].click()
    assert 0 < window.filter_search.shown_count() < all_rows
    assert "配合" not in window.status.filter_label.text()
    window.filter_search.bar.toggles["general"].click()
    assert window.filter_search.shown_count() > all_rows  # general clauses now count
    qtbot.mouseClick(window.filter_search.bar.clear, Qt.MouseButton.LeftButton)
    assert window.filter_search.department is None and window.filter_search.bar.button.text().startswith("部门：全部")
    assert not any(r.startswith("〔") for r in visible_rows(window.left.tree))


def _highlighted_blocks(reader) -> list[str]:
    """The text of every block of the pane with the clause highlight behind it."""
    from models.views.document_html import HIGHLIGHT
    found, block = [], reader.document().begin()
    while block.isValid():
        form = block.blockFormat()
        if form.hasProperty(form.Property.BackgroundBrush) and \
                form.background().color().name() == HIGHLIGHT:
            found.append(block.text())
        block = block.next()
    return found


def test_the_highlight_moves_in_place_as_a_fresh_drawing_would_put_it(qtbot, window):
    """Moving through one document moves the highlight without drawing the text again (the
    Down arrow through a long document), to exactly the blocks a new drawing highlights."""
    doc = document_row(window.left, "doc:市中政办发|2021|13")
    section = doc.children[2]  # 二、工作措施, with （一）…（四） under it
    window.open_key(section.children[0].key)
    drawn = window.reader.html
    for clause in (section.children[1], section, section.children[3], doc.children[3]):
        window.open_key(clause.key)
        assert window.reader.html is drawn  # not drawn again: the highlight moved in place
        moved = _highlighted_blocks(window.reader)
        window.reader.show_node(clause.document_key, clause.key, force=True)  # a new drawing
        assert moved == _highlighted_blocks(window.reader) and moved, clause.text
        drawn = window.reader.html
    assert len(_highlighted_blocks(window.reader)) >= 1


def test_selecting_a_clause_scrolls_and_highlights_it(qtbot, window):
    window.left.tree.setFocus()
    doc = document_row(window.left, "doc:市中政办发|2021|13")
    clause = doc.children[2].children[0]  # 二、（一）强化资金保障
    window.left.tree.setCurrentIndex(window.left.tree_index(clause.key))
    assert window.reader.document_key == "doc:市中政办发|2021|13"
    assert window.reader.current == clause.key
    html = window.reader.html
    assert f'<p class="body sub current"><a name="{clause.key}"></a>' in html
    assert '<p class="title">市中区人民政府办公室关于切实加强水库除险加固和运行管护工作的实施意见</p>' in html
    assert "主送：" in html and "成文日期：2021年8月31日" in html
    assert window.reader.verticalScrollBar().value() > 0
    qtbot.keyClick(window.left.tree, Qt.Key.Key_Down)  # keyboard navigation moves the reading pane
    assert window.reader.current == doc.children[2].children[1].key


def test_search_as_you_type_and_enter_opens_the_clause(qtbot, window):
    search(qtbot, window, "托育")
    model = window.filter_search.results_model
    assert model.rowCount() >= 1
    group = model.index(0, 0)
    assert "婴幼儿照护" in group.data()
    assert "<span style=\"background-color: #ffe066" in model.index(0, 0, group).data(
        Qt.ItemDataRole.UserRole + 9)
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Return)
    assert window.reader.document_key == "doc:市中政办发|2021|15"
    assert window.reader.html.count('<span class="hit">托育</span>') >= 5
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Escape)
    assert window.left.stack.currentWidget() is window.left.tree
    assert '<span class="hit">' not in window.reader.html


def test_one_character_query_and_doc_number_in_any_form(qtbot, window):
    search(qtbot, window, "局")
    assert window.filter_search.results_model.rowCount() >= 3
    search(qtbot, window, "市中政办发[2021]15号")
    first = window.filter_search.results_model.index(0, 0)
    assert "市中政办发〔2021〕15号" in first.data()
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Down)
    assert window.filter_search.results.hasFocus()
    qtbot.keyClick(window.filter_search.results, Qt.Key.Key_Return)
    assert window.reader.document_key == "doc:市中政办发|2021|15"


def test_search_combines_with_department_filter(qtbot, window):
    search(qtbot, window, "托育")
    everywhere = sum(window.filter_search.results_model.rowCount(window.filter_search.results_model.index(r, 0))
                     for r in range(window.filter_search.results_model.rowCount()))
    pick_department(qtbot, window, "区财政局")
    assert window.left.stack.currentWidget() is window.filter_search.results  # still searching
    within = sum(window.filter_search.results_model.rowCount(window.filter_search.results_model.index(r, 0))
                 for r in range(window.filter_search.results_model.rowCount()))
    assert 0 < within < everywhere
    assert "限区财政局" in window.status.label.text()
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Escape)  # first Esc: the search
    assert window.filter_search.department is not None
    window.filter_search.escape()  # second Esc: the filter
    assert window.filter_search.department is None


def test_expired_document_bar_and_tree_mark(window):
    doc = document_row(window.left, "doc:市中政办字|2021|14")
    deep = doc.children[-1]
    while deep.children:  # a clause far down the document, opened from the tree
        deep = deep.children[-1]
    window.open_key(deep.key)
    bar = window.expiry
    assert bar.isVisible() and bar.text().startswith("本文件已失效（有效期至2023年12月31日）")
    assert window.reader.verticalScrollBar().value() > 0  # the text scrolled, the bar did not
    assert bar.geometry().bottom() <= window.reader.parentWidget().mapFromGlobal(
        window.reader.mapToGlobal(window.reader.rect().topLeft())).y()
    assert "已失效：" not in window.reader.toPlainText()  # no banner in the text that scrolls
    assert "已失效" in window.status.label.text()
    index = window.left.tree_index("doc:市中政办字|2021|14")
    assert index.data(Qt.ItemDataRole.UserRole + 5) is True
    window.open_key("doc:市中政发|2021|16")
    assert not bar.isVisible() and "已失效" not in window.reader.toPlainText()
    window.open_key(doc.children[0].key)  # another node of the expired document
    assert bar.isVisible()


def test_deadlines_in_date_order(qtbot, window):
    pick_department(qtbot, window, "区人社局")
    texts = [window.left.deadlines.model.item(r).text() for r in range(window.left.deadlines.model.rowCount())]
    assert texts, "区人力资源和社会保障局 has deadlines in the seed"
    assert texts == sorted(texts, key=lambda t: tuple(int(x) for x in
                                                      t.split("日")[0].replace("年", "-")
                                                      .replace("月", "-").split("-")))


def test_copy_with_citation_shortcut(qtbot, window):
    doc = document_row(window.left, "doc:市中政办发|2021|14")
    item = doc.children[1].children[0]  # 一、1.提升就业服务
    window.open_key(item.key)
    window.left.tree.setFocus()
    qtbot.keyClick(window.left.tree, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QApplication.clipboard().text()
    assert text.startswith("《市中区人民政府办公室关于服务“六稳”“六保”进一步深化“放管服”改革的实施意见》"
                           "（市中政办发〔2021〕14号）一、1.\n1.提升就业服务。")


def test_zoom_keys_scale_both_panes(qtbot, window):
    window.open_key("doc:市中政发|2021|16")
    base = window.left.font().pointSizeF()
    qtbot.keyClick(window.left.tree, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom > 1 and window.left.font().pointSizeF() > base
    assert f"{14 * window.zoom:.1f}pt" in window.reader.html
    qtbot.keyClick(window.left.tree, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.left.tree, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom < 1
    qtbot.keyClick(window.left.tree, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.0


def test_f6_and_ctrl_f_move_focus(qtbot, window):
    window.left.tree.setFocus()
    qtbot.keyClick(window.left.tree, Qt.Key.Key_F6)
    assert window.reader.hasFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_search.field.hasFocus()


def test_remembers_geometry_zoom_filter_and_position(qtbot, make_window, tmp_path):
    settings = tmp_path / "remember.ini"
    first = make_window(settings)
    first.resize(1201, 655)  # inside the tests' screen (1366×768), room for the reader at 125%
    first.filter_search.set_department("区城乡水务局")
    first.filter_search.bar.toggles["support"].click()
    first.set_zoom(1.25)
    key = next(iter(tagged_rows(first.left)))
    first.open_key(key)
    first.close()  # saves
    second = make_window(settings)
    assert second.filter_search.department.name == "区城乡水务局"
    assert "support" not in second.filter_search.bar.roles()
    assert second.zoom == 1.25
    assert second.reader.current == key
    assert (second.width(), second.height()) == (1201, 655)


def test_about_dialog_names_version_and_source(window, tmp_path, registry):
    from models.store.build import add_issues
    from models.store.content import parse_file
    from models.store.library import Library
    from tests.rebuild_fixtures import variant
    from ui.about import APP_VERSION, about_text
    text = about_text(window.library)
    assert APP_VERSION in text and "2021年第5期" in text and "（5 件公文）" in text
    assert "来源：" in text and str(window.library.path) in text
    many = tmp_path / "many.sqlite"  # a library of many: a few named, and how many
    add_issues(many, [parse_file(variant(tmp_path, n), registry) for n in range(1, 7)],
               registry, fresh=True)
    with Library(many) as library:
        text = about_text(library)
    assert "等 6 期" in text and "（6 件公文）" in text and "台政发〔2022〕4号" not in text


def test_every_action_is_chinese_with_shortcut_in_tooltip(window):
    for name, action in window.actions_.items():
        text = action.text().replace("PDF", "").replace("Word", "")  # the files' own names
        assert not any("a" <= c.lower() <= "z" for c in text), name
        if not action.shortcut().isEmpty():
            assert "（" in action.toolTip(), name


def test_row_heights_document_rows_two_lines_others_as_qt_sizes_them(window):
    """The delegate asks Qt once per font for a one-line row and gives documents two lines;
    the heights it answers must be what Qt and the two lines need, at any zoom."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    from ui.item_roles import KIND
    delegate, tree = window.left.tree.itemDelegate(), window.left.tree
    for zoom in (1.0, 1.4):
        window.set_zoom(zoom)
        rows = {}
        for row in range(tree.model().rowCount()):
            stack = [tree.model().index(row, 0)]
            while stack:
                index = stack.pop()
                rows.setdefault(index.data(KIND), index)
                model = tree.model()
                stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        option.font = tree.font()
        line = QFontMetricsF(tree.font()).height()
        for kind, index in rows.items():
            height = delegate.sizeHint(option, index).height()
            if kind == "document":
                assert height == int(line * 2 + 8)
            else:
                assert height == QStyledItemDelegate.sizeHint(delegate, option, index).height(), kind
        one_line = tree.visualRect(rows["category"]).height()
        assert one_line > 0 and tree.visualRect(rows["document"]).height() > 2 * one_line - 8


def test_the_menus_export_pdf_asks_where_and_writes_the_document(window, tmp_path, monkeypatch):
    """文件 → 导出为 PDF… (Ctrl+Shift+E): the action once passed its `checked` flag as the
    path, and the export failed before asking where."""
    from tests.dialog_answers import answer_file_dialogs
    out = tmp_path / "导出.pdf"
    asked = answer_file_dialogs(monkeypatch, out)
    window.open_key("doc:市中政发|2021|16")
    window.actions_["pdf"].trigger()
    dialog = asked.shown[0]
    assert dialog.windowTitle() == "导出为 PDF" and dialog.nameFilters() == ["PDF 文件 (*.pdf)"]
    assert out.stat().st_size > 1000
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "关于全面深化证照分离改革工作的实施意见" in text.replace("\n", "")


def test_a_clause_the_filter_leaves_out_still_opens(window):
    """A bookmark or a search hit may open a clause the department's tree does not show: the
    reading pane shows it, the tree keeps its rows."""
    clause = next(n for n in window.library.nodes("doc:市中政办发|2021|13")
                  if n.kind == "subsection")
    window.filter_search.set_department("区城乡水务局")
    kept = tagged_rows(window.left)
    other = next(n for n in window.library.nodes("doc:市中政办发|2021|15")
                 if n.kind == "item" and n.key not in kept)
    assert window.left.node(other.key) is None
    window.open_key(other.key)
    assert window.reader.current == other.key
    assert window.reader.document_key == "doc:市中政办发|2021|15"
    assert tagged_rows(window.left) == kept
    window.open_key(clause.key)
    assert window.reader.current == clause.key


def test_a_large_library_unfolds_only_the_issue_being_read(qtbot, make_window, tmp_path,
                                                           seed_issue, registry, monkeypatch):
    """Past models.views.outline.UNFOLD_ROWS rows the tree keeps the issues folded but the
    one being read (reading only that issue's documents); 展开全部 and 折叠 follow it; the
    status bar names the issues, not the documents imported on their own."""
    from conftest import FIXTURES
    from models.store.build import add_issues
    from models.store.content import parse_file
    from models.views import outline
    path = tmp_path / "lib.sqlite"
    others = [parse_file(FIXTURES / "duty_forms" / name, registry) for name in
              ("coissued_yuntai.txt", "article_items_qingchuan.txt", "shizhong_annex.txt")]
    add_issues(path, [seed_issue, *others], registry)
    monkeypatch.setattr(outline, "UNFOLD_ROWS", 0)
    monkeypatch.setattr(outline, "EXPAND_ALL_ROWS", 0)
    window = make_window(tmp_path / "large.ini", library_path=path)
    issues = window.left.outline.root.children
    # the issue, and a government row for each document imported on its own (3 governments)
    assert len(issues) == 4 and [i.key.split(":")[0] for i in issues] == \
        ["issue", "government", "government", "government"]
    assert window.status.label.text().startswith("2021年第5期　·　8 件公文")  # singles are no 期
    last = window.library.documents()[-1]
    window.open_key(last.key)
    window.left.collapse_to_documents()
    tree = window.left.tree
    opened = [i.text for i in issues if tree.isExpanded(window.left.tree_index(i.key))]
    assert opened == [issues[-1].text]  # the issue being read, to its documents
    assert not any(i.loaded for i in issues[1:3])  # (the first unfolded at the start)
    window.left.expand_all()
    assert tree.isExpanded(window.left.tree_index(last.key))
    assert not tree.isExpanded(window.left.tree_index(issues[0].key))
