"""The reading pane dominates: the window fits a 1366×768 laptop screen (the tests' screen,
conftest.py), the pane keeps at least 28 characters a line at any zoom with the tree and the
bookmarks dock giving way, and it never jumps away from the clause being read.

Characters a line are measured as the pane shows them: its viewport's width, less the
document's margins, over the advance of a Chinese character of the body font at the zoom.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from ui_fixtures import (clause, document_row, make_window, own_user_data, qt_app,  # noqa: F401
                         type_text, window)

MIN_CHARS = 28


@pytest.fixture(autouse=True)
def _first_start(own_user_data):
    """Each test's window as on a first start: no bookmarks of other tests."""


def chars(window) -> float:
    return window.reader.chars_per_line()


def clause_in_view(window) -> bool:
    kept = window.reader.place.in_view(window.reader.current)
    return kept is not None and kept[0] == window.reader.current


def settle(qtbot, window) -> None:
    qtbot.wait(1)  # the layouts' pending requests (a dock's room, new fonts)
    window.room.fit()


def bookmark_current(window, monkeypatch) -> None:
    from ui import plain
    monkeypatch.setattr(plain, "run_dialog", lambda dialog: 1)
    window.bookmarks.add_current()


def test_default_size_fits_a_laptop_screen_with_the_reader_dominating(window):
    screen = window.screen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    assert screen.contains(window.frameGeometry())
    bar = window.statusBar()
    assert bar.isVisible() and screen.contains(QRect(bar.mapToGlobal(bar.rect().topLeft()),
                                                     bar.size()))
    assert window.reader.width() / window.width() >= 0.55
    assert chars(window) >= 40


def test_default_size_rule():
    from ui.window.room import default_size, default_split
    assert default_size(QRect(0, 0, 1366, 768)) == (1334, 712)  # a laptop: nearly all of it
    assert default_size(QRect(0, 0, 1920, 1040)) == (1280, 820)  # room enough: as designed
    assert default_split(1334, 260) == [400, 934]


def test_bookmarking_keeps_the_clause_in_view_and_the_reader_wide(qtbot, window, monkeypatch):
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（三）").key)
    assert clause_in_view(window) and not window.bookmarks.dock.isVisible()
    tree_before = window.left.width()
    bookmark_current(window, monkeypatch)
    settle(qtbot, window)
    assert window.bookmarks.dock.isVisible() and not window.bookmarks.dock.isFloating()
    assert window.left.width() < tree_before  # the tree gave the dock its room first
    assert chars(window) >= MIN_CHARS
    assert clause_in_view(window)  # re-rendered (★) and narrowed: the clause did not move away
    assert window.reader.width() / window.width() >= 0.5


def test_zoomed_three_times_with_the_dock_the_reader_keeps_its_characters(
        qtbot, window, monkeypatch):
    window.filter_search.set_department("区财政局")  # the deadlines under the tree
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（一）").key)
    bookmark_current(window, monkeypatch)
    base = window.bookmarks.panel.font().pointSizeF()
    for _ in range(3):
        window.zoom_step(1)
        settle(qtbot, window)
    assert window.zoom == 1.4
    assert chars(window) >= MIN_CHARS and clause_in_view(window)
    assert window.screen().availableGeometry().contains(window.frameGeometry())
    # the panels read at the same zoom: the bookmarks and the deadlines
    assert window.bookmarks.panel.font().pointSizeF() == pytest.approx(base * 1.4, abs=0.05)
    assert window.left.deadlines.view.font().pointSizeF() == pytest.approx(
        window.left.base_pt * 1.4, abs=0.05)


def test_when_the_window_has_no_room_the_dock_floats_then_the_tree_hides(
        qtbot, window, monkeypatch):
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（一）").key)
    bookmark_current(window, monkeypatch)
    window.resize(1100, window.height())
    window.set_zoom(1.4)
    settle(qtbot, window)
    dock = window.bookmarks.dock
    assert dock.isFloating() and dock.isVisible()  # 3: over the tree's place
    assert chars(window) >= MIN_CHARS and window.left.isVisible()
    window.set_zoom(2.4)
    settle(qtbot, window)
    assert not window.left.isVisible()  # 4: only at the largest zoom
    assert chars(window) >= MIN_CHARS
    assert window.width() <= window.screen().availableGeometry().width()
    window.resize(1334, window.height())
    window.set_zoom(1.0)
    settle(qtbot, window)
    settle(qtbot, window)
    assert window.left.isVisible() and not dock.isFloating()  # the room came back
    assert window.reader.width() / window.width() >= 0.5


def test_search_and_the_picker_come_back_with_the_tree_hidden(qtbot, window):
    """At a zoom where the tree gives way (4), Ctrl+F and 部门 still work: the left pane,
    which holds the search field and the department button, comes back while the official
    searches, and gives its room again once they are back in the reading pane."""
    window.open_key(clause(window, "市中政办发〔2021〕13号", "二、（一）").key)
    window.resize(1100, window.height())
    window.set_zoom(2.4)
    settle(qtbot, window)
    assert not window.left.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions_["find"].trigger()
    settle(qtbot, window)
    field = window.filter_search.field
    assert window.left.isVisible() and field.isVisible() and field.hasFocus()
    type_text(qtbot, field, "托育")
    qtbot.waitUntil(lambda: window.left.current_view().isVisible()
                    and window.left.current_view().model().rowCount() > 0)
    window.reader.setFocus()  # back to reading
    settle(qtbot, window)
    assert not window.left.isVisible() and chars(window) >= MIN_CHARS
    window.actions_["department"].trigger()  # the picker opens under a button in view
    settle(qtbot, window)
    assert window.left.isVisible() and window.filter_search.bar.button.isVisible()
    window.filter_search.picker.close()


def test_resizing_keeps_the_clause_being_read_in_place(qtbot, window):
    window.open_key(clause(window, "市中政办发〔2021〕13号", "三、（一）").key)
    assert clause_in_view(window)
    for width in (1000, 1334, 900):
        window.resize(width, window.height())
        qtbot.wait(1)
        assert clause_in_view(window), width


@pytest.mark.parametrize("width", [420, 560])
def test_the_masthead_is_one_line_and_names_never_break(qt_app, qtbot, seed_library, width):
    """The pane alone, narrower than the window would ever make it: the masthead still takes
    one line (scaled to it) and no department name is broken across lines."""
    from models.views.citation import WORD_JOINER
    from ui.window.reader import ReaderView, base_style
    # (420: names fall at a line's end; 560: elsewhere)
    reader = ReaderView(base_style(qt_app[1].sans, qt_app[1].serif))
    qtbot.addWidget(reader)
    reader.set_library(seed_library)
    reader.resize(width, 600)
    reader.show()
    key = "doc:市中政办发|2021|13"
    reader.show_node(key)
    qtbot.waitUntil(lambda: not reader._refit.isActive())  # re-rendered at its width
    document = reader.document()
    masthead = seed_library.document(key).masthead
    block = next(b for b in blocks(document) if b.text() == masthead)
    assert block.layout().lineCount() == 1
    names = {written for rows in seed_library.assignments(key).values() for _, _, written in rows}
    broken, lines, chips = [], 0, 0
    for block in blocks(document):
        document.documentLayout().blockBoundingRect(block)  # (laid out, not only when shown)
        text, layout = block.text(), block.layout()
        starts = {layout.lineAt(i).textStart() for i in range(1, layout.lineCount())}
        lines += len(starts)
        it = block.begin()
        while not it.atEnd():  # the chips: the names drawn on a background of their own
            fragment = it.fragment()
            name = fragment.text().replace(WORD_JOINER, "")
            if name in names and fragment.charFormat().background().style() != Qt.NoBrush:
                chips += 1
                first = fragment.position() - block.position()
                broken += [name for s in starts if first < s < first + fragment.length()]
            it += 1
    assert chips > 20 and lines > 20 and broken == []
    reader.selectAll()
    copied = reader.createMimeDataFromSelection().text()
    assert WORD_JOINER not in copied and "区城乡水务局" in copied


def blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_bookmark_of_an_expired_document_says_so(window, monkeypatch):
    doc = document_row(window.left, "doc:市中政办字|2021|14")
    window.open_key(doc.children[-1].key)
    asked = []
    expired_keys = window.library.expired_document_keys
    monkeypatch.setattr(window.library, "expired_document_keys",
                        lambda **kw: asked.append(kw.get("among")) or expired_keys(**kw))
    bookmark_current(window, monkeypatch)
    assert asked == [[doc.key]]  # adding one bookmark reads its document's validity only
    panel = window.bookmarks.panel
    row = panel.model.bookmark_index(window.reader.current)
    assert "【已失效】" in row.data()
    panel.refresh()  # as the store reads it back
    assert "【已失效】" in panel.model.bookmark_index(window.reader.current).data()
