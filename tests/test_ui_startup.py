"""The staged start: the outline cache, the shell window, and the window after stage 2.

The start must look like the final window from its first paint (same rows,
same place, same current row) and end fully usable; the cache must never
show a tree from another state of the library.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_outline_cache import filter_picture, picture, rows_of, shown_rows
from ui_fixtures import document_row, qt_app, tagged_rows, visible_rows  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


# ----------------------------------------------------- the staged window
@pytest.fixture()
def staged(qt_app, qtbot, seed_library_path, tmp_path):
    """(window in stage 1 on the cached picture of the seed, library, settings path)."""
    from models.views import outline_cache
    from models.store.library import Library
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    library = Library(seed_library_path)
    outline_cache.save(library.path, picture(library), folder=tmp_path)
    made = []

    def make(settings_path=None):
        settings = Settings(settings_path or tmp_path / "s.ini")
        cached = outline_cache.load(folder=tmp_path)  # (a start reads it afresh)
        window = MainWindow(None, qt_app[1], settings, picture=cached.plain)
        qtbot.addWidget(window)
        made.append(window)
        return window
    yield make, library
    for window in made:
        window.settings = None
        window.close()
    library.close()


def test_stage_one_shows_the_tree_and_stage_two_keeps_it_in_place(qtbot, staged):
    make, library = staged
    window = make()
    window.show()
    qtbot.waitExposed(window)
    assert not window.ready
    before = visible_rows(window.left.tree)
    assert before[:2] == ["2021年第5期", "区政府文件"]
    qtbot.wait(10)  # let the layout settle
    place = (window.left.tree.viewport().mapTo(window, window.left.tree.viewport().rect().topLeft()),
             window.left.tree.viewport().size())
    window.complete(library)
    assert window.ready
    qtbot.wait(10)  # let the layout settle
    assert visible_rows(window.left.tree) == before  # the real outline has the same rows
    assert (window.left.tree.viewport().mapTo(window, window.left.tree.viewport().rect().topLeft()),
            window.left.tree.viewport().size()) == place  # and nothing moved
    assert window.filter_search.field.isVisible() and window.filter_search.bar.isVisible()
    assert window.filter_search.bar.button.text().startswith("部门：全部")


def test_stage_one_tree_reads_the_cached_rows_and_stage_two_the_live_outline(
        qtbot, staged, tmp_path):
    """Stage 1's model reads the picture's rows; stage 2 resets the same model to the live
    outline (the view keeps its selection model, which opens what is chosen), and the
    filter is the library's."""
    from models.views.outline import Outline
    from ui.settings import Settings
    from ui.item_roles import NODE_KEY
    make, library = staged
    doc = "doc:市中政办发|2021|13"
    settings = Settings(tmp_path / "left.ini")
    settings.set("position/key", doc)
    settings.sync()
    window = make(tmp_path / "left.ini")
    window.show()
    model = window.left.tree.model()
    assert model is window.left.outline and not isinstance(model.tree, Outline)
    assert window.left.tree.currentIndex().data(NODE_KEY) == doc  # the saved position, preselected
    window.complete(library)
    assert window.left.tree.model() is model and isinstance(model.tree, Outline)
    assert window.left.tree.currentIndex().data(NODE_KEY) == doc
    clause = document_row(window.left, doc).children[2].children[0].key
    window.left.tree.setCurrentIndex(window.left.tree_index(clause))
    assert window.reader.current == clause  # the selection model is connected
    everything = window.left.clause_count()
    window.filter_search.set_department("区财政局")
    assert 0 < len(tagged_rows(window.left)) == window.left.clause_count() < everything


def test_after_stage_two_everything_works(qtbot, staged):
    from PySide6.QtCore import Qt
    make, library = staged
    window = make()
    window.show()
    window.complete(library)
    window.filter_search.set_department("区财政局")
    assert window.filter_search.shown_count() == 14 and not window.left.deadlines.isHidden()
    window.filter_search.set_department(None)
    window.filter_search.field.setText("托育")
    window.filter_search.field.flush()
    assert window.left.stack.currentWidget() is window.filter_search.results
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Return)
    assert window.reader.document_key == "doc:市中政办发|2021|15"
    assert "托育" in window.reader.toPlainText()
    assert window.actions_["find"].shortcut().toString() == "Ctrl+F"
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)", "编辑(&E)", "部门(&D)", "书签(&B)", "查看(&V)", "帮助(&H)"]  # filled, not added
    # window.menus, not QAction.menu(): PySide6 6.9's wrapper from menu() deletes the menu.
    assert "收藏当前条款…" in [a.text() for a in window.menus[3].actions()]
    assert window.menus[0].actions()[0].text() == "导入公报…"


def test_position_zoom_and_focus_end_where_the_user_left_them(qtbot, staged, tmp_path):
    from models.views import outline_cache
    make, library = staged
    settings = tmp_path / "again.ini"
    first = make(settings)
    first.show()
    first.complete(library)
    doc = document_row(first.left, "doc:市中政办发|2021|13")
    clause = doc.children[2].children[0].key
    first.open_key(clause)
    first.set_zoom(1.25)
    first.close()  # saves the settings; the picture of its tree, as on quitting:
    outline_cache.save(*first.cached_picture(), folder=tmp_path)
    second = make(settings)
    assert second.left.tree.currentIndex().data() == first.left.node(clause).text  # stage 1
    assert second.left.font().pointSizeF() == pytest.approx(second.left.base_pt * 1.25)
    second.show()
    qtbot.waitExposed(second)
    second.filter_search.search_stand_in.setText("托")  # typed before stage 2
    second.complete(library)
    assert second.reader.current == clause and second.zoom == 1.25
    assert second.left.tree.currentIndex().data() == second.left.node(clause).text
    assert second.filter_search.field.text() == "托"


def test_focus_moves_from_the_stand_in_to_the_search_field(qtbot, staged):
    from PySide6.QtWidgets import QApplication
    make, library = staged
    window = make()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert QApplication.focusWidget() is window.filter_search.search_stand_in  # first in the focus chain
    window.complete(library)
    assert window.filter_search.field.hasFocus()  # as in a start without stages


def test_start_paints_the_cached_tree_before_stage_two(qtbot, qt_app, seed_library_path,
                                                       tmp_path, monkeypatch):
    from models.views import outline_cache
    from models.store.library import Library
    from ui.startup import application as app_module
    from ui.startup import staged as startup
    from ui.settings import Settings
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    with Library(seed_library_path) as library:
        outline_cache.save(library.path, picture(library))
    monkeypatch.setattr(app_module, "open_library", lambda **_: Library(seed_library_path))
    monkeypatch.setattr(startup, "open_library", lambda **_: Library(seed_library_path))
    events = []
    app, window = startup.start(["test"], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert not window.ready
    window.left.tree.first_painted.connect(lambda: events.append(("painted", window.ready)))
    window.started.connect(lambda: events.append(("started", True)))
    qtbot.waitUntil(lambda: window.ready, timeout=5000)
    assert events[0] == ("painted", False) and events[-1] == ("started", True)
    window.settings = None
    window.close()
    window.library.close()


def test_start_resumes_the_paused_collector_once_the_window_is_complete(
        qtbot, qt_app, seed_library_path, tmp_path, monkeypatch):
    """main.py pauses the garbage collector before Qt loads (ui/startup/gc_pause.py); the
    staged start must turn it back on when stage 2 ends, or the session would never collect."""
    import gc

    from models.views import outline_cache
    from models.store.library import Library
    from ui.startup import gc_pause
    from ui.startup import staged as startup
    from ui.settings import Settings
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    with Library(seed_library_path) as library:
        outline_cache.save(library.path, picture(library))
    monkeypatch.setattr(startup, "open_library", lambda **_: Library(seed_library_path))
    gc_pause.pause()
    try:
        app, window = startup.start(["test"], Settings(tmp_path / "s.ini"))
        qtbot.addWidget(window)
        assert not window.ready and not gc.isenabled()
        qtbot.waitUntil(lambda: window.ready, timeout=5000)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what the start made is left out of later collections
    finally:
        gc.enable()
        gc.unfreeze()
    window.settings = None
    window.close()
    window.library.close()


def test_first_start_without_cache_is_complete_at_once_and_writes_the_cache(
        qtbot, qt_app, seed_library_path, tmp_path, monkeypatch):
    from models.views import outline_cache
    from models.store.library import Library
    from ui.startup import staged as startup
    from ui.settings import Settings
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(startup, "open_library", lambda **_: Library(seed_library_path))
    app, window = startup.start(["test"], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert window.ready
    cached = outline_cache.load()
    assert cached is not None and cached.plain.expanded == window.left.unfolded_rows()
    assert rows_of(cached.plain.root)[1:] == shown_rows(window.left.outline.root,
                                                        cached.plain.expanded)
    window.settings = None
    window.close()
    window.library.close()


STAGE_ONE_PROBE = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets
from ui.settings import Settings
from ui.startup import staged as startup
app, window = startup.start(["probe"], Settings(Path({settings!r})))
# classes with many enums that stage 2 needs and the first paint does not
LATER = ("QSortFilterProxyModel", "QUrl", "QTextLayout", "QTextCharFormat", "QTextBrowser",
         "QIcon")
def painted():
    loaded = [name for name in LATER if any(name in vars(m) for m in (core, gui, widgets))]
    print("ready", window.ready, "Qt", "Qt" in vars(core), "QStyle", "QStyle" in vars(widgets),
          "library", "sqlite3" in sys.modules, "later", loaded,
          "html", "html" in sys.modules, flush=True)
    os._exit(0)
window.left.tree.first_painted.connect(painted)
app.exec()
"""


def run_stage_one_probe(template: str, tmp_path) -> str:
    """Start the window's first stage in a fresh process; what it printed (and its errors)."""
    code = template.format(root=str(ROOT), settings=str(tmp_path / "s.ini"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GAZETTE_CACHE_DIR=str(tmp_path / "c"))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60)
    return done.stdout + done.stderr


def test_stage_one_loads_neither_qt_enums_nor_the_library(seed_library, tmp_path):
    """What makes the first paint fast: no `Qt` namespace, no QStyle, no sqlite3, none of the
    costly classes only stage 2 needs, not even the standard `html` module (ui/plain.py)."""
    from models.views import outline_cache
    outline_cache.save(seed_library.path, picture(seed_library), folder=tmp_path / "c")
    out = run_stage_one_probe(STAGE_ONE_PROBE, tmp_path)
    assert "ready False Qt False QStyle False library False later [] html False" in out, out


# ------------------------------------------------- the staged start with a filter
def left_picture(window) -> dict:
    """What the left pane and the status bar show (text and geometry)."""
    def place(widget):
        return (widget.mapTo(window, widget.rect().topLeft()), widget.size(),
                widget.isVisible())
    return {
        "rows": visible_rows(window.left.tree),
        "current": window.left.tree.currentIndex().data(),
        "chip": window.filter_search.bar.button.text(),
        "toggles": [(t.text(), t.isChecked(), t.isVisible())
                    for t in window.filter_search.bar.toggles.values()],
        "deadlines": [window.left.deadlines.model.item(r).text()
                      for r in range(window.left.deadlines.model.rowCount())],
        "deadlines title": window.left.deadlines.title.text(),
        "tree": place(window.left.tree.viewport()),
        "panel": place(window.left.deadlines),
        "filter label": window.status.filter_label.text(),
        "status": window.status.label.text(),
    }


@pytest.fixture()
def filtered_start(qt_app, qtbot, seed_library_path, tmp_path, monkeypatch):
    """start() as `python main.py` runs it, the settings left with a filter on; the cache
    written by a first (unstaged) start. Returns a function: start again."""
    from models.store.library import Library
    from ui.startup import staged as startup
    from ui.settings import Settings
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(startup, "open_library", lambda **_: Library(seed_library_path))
    windows = []

    def start(settings=tmp_path / "s.ini"):
        app, window = startup.start(["test"], Settings(settings))
        qtbot.addWidget(window)
        windows.append(window)
        return window

    def finish(window, keep_settings=True):
        if not keep_settings:
            window.settings = None
        window.close()
        startup.remember_outline(window)
        window.library.close()

    first = start()
    first.filter_search.set_department("区财政局")
    first.filter_search.bar.toggles["member"].setChecked(False)  # roles: not the defaults
    qtbot.waitUntil(lambda: "专班成员" not in first.filter_search.bar.describe())
    finish(first)  # saves the settings; the cache gets the filter's section
    yield start, finish
    for window in windows:
        window.settings = None
        if window.library is not None:
            window.library.close()


def test_filtered_stage_one_shows_what_stage_two_shows(qtbot, filtered_start):
    start, finish = filtered_start
    window = start()
    assert not window.ready  # staged, though a filter is on
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)
    before = left_picture(window)
    assert before["chip"] == "部门：区财政局"
    assert any(row.startswith("〔") for row in before["rows"])  # the role tags
    assert before["deadlines"] and before["panel"][2]
    assert "区财政局：显示" in before["status"] and "专班成员" not in before["filter label"]
    qtbot.waitUntil(lambda: window.ready, timeout=5000)
    qtbot.wait(10)
    after = left_picture(window)
    # (stage 2 may add that the open document expired: it is open from then on)
    assert before.pop("status") == "　·　".join(after.pop("status").split("　·　")[:3])
    assert before == after
    finish(window, keep_settings=False)


def test_saved_filter_without_its_section_starts_unstaged(qtbot, filtered_start, tmp_path):
    from PySide6.QtCore import QSettings
    start, finish = filtered_start
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("filter/general", True)  # another filter than the cached one
    settings.sync()
    window = start()
    assert window.ready and window.filter_search.bar.include_general()
    assert window.filter_search.bar.department == "区财政局"
    finish(window)  # its section is written now
    again = start()
    assert not again.ready
    qtbot.waitUntil(lambda: again.ready, timeout=5000)
    finish(again, keep_settings=False)


def test_the_tree_is_built_once_at_a_filtered_start_and_on_a_reload(
        qtbot, filtered_start, seed_library_path, monkeypatch):
    """The filter alone builds the tree (refilter): a start with a saved filter and a reload
    keeping it build the filter's tree once, not the whole tree first and then the filter's."""
    from models.store import content
    from models.views import outline
    start, finish = filtered_start
    built = []

    class Counted(outline.Outline):
        def __init__(self, library, scope=None, today=None):
            built.append(scope.key if scope is not None else None)
            super().__init__(library, scope, today)
    monkeypatch.setattr(outline, "Outline", Counted)
    window = start()
    qtbot.waitUntil(lambda: window.ready, timeout=5000)
    [key] = built
    assert key is not None and key[0] == "区财政局"
    assert window.left.outline.tree.key == key and 0 < len(tagged_rows(window.left))
    built.clear()
    monkeypatch.setattr(content, "active_library", lambda **_: seed_library_path)
    old = window.library
    window.reload_library()
    assert built == [key] and window.library is not old
    assert window.filter_search.bar.department == "区财政局"
    assert window.left.outline.tree.library is window.library
    finish(window, keep_settings=False)


STAGE_ONE_FILTER_PROBE = STAGE_ONE_PROBE.replace(
    'print("ready"', 'print("rows", window.left.tree.model().rowCount(), "deadlines", '
    'window.left.deadlines.model.rowCount(), "chip", window.filter_search.bar.department, "ready"')


def test_filtered_stage_one_loads_neither_qt_enums_nor_the_library(seed_library, tmp_path):
    from models.views import outline_cache
    from PySide6.QtCore import QSettings
    outline_cache.save(seed_library.path, filter_picture(seed_library), folder=tmp_path / "c")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("filter/department", "区财政局")
    settings.setValue("filter/government", "市中区")  # (a filter is named with its government)
    settings.sync()
    out = run_stage_one_probe(STAGE_ONE_FILTER_PROBE, tmp_path)
    assert ("chip 区财政局 ready False Qt False QStyle False library False later [] html False"
            in out), out


def test_a_search_typed_as_the_window_closes_never_runs_on_the_closed_library(qtbot, staged):
    """The debounce timer of a search typed just before closing is stopped with the window,
    so it cannot fire after the library is closed (it once errored a later test)."""
    from ui.window.filter_search.search_field import DEBOUNCE_MS
    make, library = staged
    window = make()
    window.show()
    qtbot.waitExposed(window)
    window.complete(library)
    window.filter_search.field.setText("托育")
    assert window.filter_search.field.timer.isActive()
    window.settings = None
    window.close()
    assert not window.filter_search.field.timer.isActive()
    library.close()
    qtbot.wait(DEBOUNCE_MS * 3)  # a search that fired now would fail on the closed library
