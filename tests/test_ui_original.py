"""原文 in the real window, offscreen: the page of the clause beside the text, its lines
outlined where they are printed, leafing, zoom, an OFD page drawn, a sentence for text."""
from __future__ import annotations

import pytest

from ui_fixtures import make_window, qt_app  # noqa: F401 (fixtures)


@pytest.fixture()
def window(make_window, imported_user_data):
    """The window on the library of the imported seed PDF and task-table OFD."""
    from models.locations import set_user_data_dir, user_library_path
    set_user_data_dir(imported_user_data)
    yield make_window(library_path=user_library_path())
    set_user_data_dir(None)


def clause(window, doc_number: str, path: str):
    doc = next(d for d in window.library.documents() if d.doc_number == doc_number)
    return next(n for n in window.library.nodes(doc.key) if n.path == path)


def open_original(qtbot, window):
    view = window.original
    window.actions_["original"].trigger()
    qtbot.waitUntil(lambda: view.isVisible() and not view._stale)
    return view


def ink(color) -> bool:
    return color.red() < 140 and color.green() < 140 and color.blue() < 140


def test_the_clause_is_outlined_on_its_page(qtbot, window):
    from ui.window.original_image import OUTLINE, outline_rects
    node = clause(window, "市中政办发〔2021〕15号", "二、（一）2.")
    window.open_key(node.key)
    view = open_original(qtbot, window)
    assert window.actions_["original"].isChecked()
    assert view.width() > 200 and window.reader.width() > 200  # side by side
    assert view.page == node.page and view.stack.currentWidget() is view.scroll
    assert f"第 {node.page} / 52 页" in view.page_label.text()
    image = view.rendered
    boxes = view.place.boxes[node.page]
    scale = view.scale * view.devicePixelRatioF()
    assert image.width() == round(595 * scale)
    rects = outline_rects(boxes, scale)
    assert len(rects) == len(boxes) >= 2

    def framed(x: float, y: float) -> bool:
        color = image.pixelColor(round(x), round(y))
        return abs(color.red() - OUTLINE.red()) < 40 and color.blue() < 90
    # one frame around the lines: above the first, below the last, left of every line …
    assert framed(rects[0].center().x(), rects[0].top())
    assert framed(rects[-1].center().x(), rects[-1].bottom())
    for rect in rects:
        assert framed(rect.left(), rect.center().y())
        # … and the printed characters show through inside it
        row = round(rect.center().y())
        assert any(ink(image.pixelColor(x, row)) for x in range(round(rect.left()) + 4,
                                                                 round(rect.right()) - 4))
    # outside the clause nothing is outlined: the page margin stays white
    assert image.pixelColor(5, 5).name() == "#ffffff"


def test_leafing_and_back_to_the_clause(qtbot, window):
    node = clause(window, "市中政办发〔2021〕15号", "二、（一）2.")
    window.open_key(node.key)
    view = open_original(qtbot, window)
    view.next_button.click()
    assert view.page == node.page + 1 and "条款所在页" not in view.page_label.text()
    if node.page + 1 in view.place.boxes:  # the clause runs onto this page: outlined too
        assert view.page_label.text().endswith("（条款续页）")
    assert view.clause_button.isEnabled()
    view.previous_button.click()
    view.previous_button.click()
    assert view.page == node.page - 1
    view.clause_button.click()
    assert view.page == node.page and not view.clause_button.isEnabled()
    view.go_to(1)
    assert not view.previous_button.isEnabled()
    view.go_to(52)
    assert not view.next_button.isEnabled()


def test_the_view_follows_the_reader_and_the_zoom(qtbot, window):
    first = clause(window, "市中政办发〔2021〕15号", "二、（一）2.")
    later = clause(window, "市中政办字〔2021〕14号", "二、")
    window.open_key(first.key)
    view = open_original(qtbot, window)
    width = view.rendered.width()
    window.open_key(later.key)
    assert view.page == later.page and view.place.boxes[later.page]
    window.zoom_step(1)
    assert view.rendered.width() > width
    window.zoom_reset()
    assert view.rendered.width() == width


def test_an_ofd_page_is_drawn(qtbot, window):
    doc = next(d for d in window.library.documents() if d.doc_number == "青政办发〔2023〕22号")
    window.open_key(doc.key)
    view = open_original(qtbot, window)
    assert view.original.format == "ofd" and view.note.isVisible()
    image = view.rendered
    scale = view.scale * view.devicePixelRatioF()
    x0, top, x1, bottom = view.place.boxes[view.page][0]  # the title's first line
    row = round((top + bottom) / 2 * scale)
    assert any(ink(image.pixelColor(x, row)) for x in range(round(x0 * scale), round(x1 * scale)))


def test_a_text_document_says_it_has_no_original(qtbot, make_window):
    window = make_window()  # the embedded text edition
    window.open_key(window.library.documents()[0].key)
    view = open_original(qtbot, window)
    assert view.stack.currentWidget() is view.text
    assert view.text.text().startswith("本文件没有原版式文件")
    assert not view.next_button.isEnabled()
    splitter = view.parentWidget()
    sizes = splitter.sizes()
    here = splitter.indexOf(view)
    sizes[here - 1], sizes[here] = sizes[here - 1] + sizes[here] - 300, 300  # the user's width
    splitter.setSizes(sizes)
    view.close_button.click()  # the pane's 关闭
    assert not view.isVisible() and not window.actions_["original"].isChecked()
    window.actions_["original"].trigger()  # opened again: at the width it was given
    assert view.isVisible() and abs(splitter.sizes()[here] - 300) <= 2


def test_the_toggle_is_in_the_view_menu_and_the_status_bar(qtbot, window):
    from ui.qt import QToolButton
    action = window.actions_["original"]
    assert action.shortcut().toString() == "Ctrl+Shift+O"
    assert action in window.menus[4].actions()
    button = window.statusBar().findChild(QToolButton, "originalButton")
    assert button is not None and button.defaultAction() is action
    button.click()
    assert window.original.isVisible() and action.isChecked()
    button.click()
    assert not window.original.isVisible() and not action.isChecked()


def test_a_citation_with_its_page_says_whether_it_has_one(qtbot, window, make_window):
    """Ctrl+Alt+C: the clause with （第N页） when it was imported from a PDF, and a word saying
    there is no page for a text import (the citation as Ctrl+Shift+C copies it)."""
    from ui.qt import QApplication
    node = clause(window, "市中政办发〔2021〕15号", "二、（一）2.")
    window.open_key(node.key)
    paged = window.output.copy_citation(with_page=True)
    assert paged.splitlines()[0].endswith(f"（第{node.page_label or node.page}页）")
    assert QApplication.clipboard().text() == paged
    assert "和页码" in window.status.label.text()
    text = make_window()  # the seed as text: no pages
    text.open_key(clause(text, "市中政办发〔2021〕15号", "二、（一）2.").key)
    plain = text.output.copy_citation()
    assert text.output.copy_citation(with_page=True) == plain
    assert "没有页码可注明" in text.status.label.text()
