"""Text from a gazette or a bookmark file is never HTML in a widget.

A gazette whose title holds <img src="/dev/zero"> and whose note names a unit
written with tags goes through every widget that shows such text: labels,
message boxes, tooltips, the standard dialogs' labels. In-process tests check
what each widget is told; a child process drives the real window through the
same places with the real payload and renders them, where a rich-text guess
would read /dev/zero and abort.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from tests.ui_fixtures import qt_app  # noqa: F401  (fixture)

IMG = '<img src="/dev/zero">'
UNIT = "<i>危<i>局"  # read as a unit (no "/", a separator of units): a name with tags
DEPARTMENT = "青川区" + UNIT  # its canonical name: the document is 青川区's
HOSTILE = textwrap.dedent(f"""\
    青川区人民政府文件

    青政发〔2023〕9号

    关于{IMG}加强管理的通知

    各镇人民政府，各街道办事处：

    一、做好{IMG}工作。各单位要认真落实，12月底前完成。（{UNIT}牵头，区财政局配合）

    二、强化保障。各单位要加强协调。（区财政局牵头，{UNIT}配合）

    青川区人民政府

    2023年3月1日
    """)


def shown(text: str) -> str:
    """What a widget that guesses rich text shows of *text*."""
    from PySide6.QtGui import QTextDocument
    if text.startswith("<qt>"):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory):
    from models.store.content import load_content_registry
    from models.store.build import add_issues
    from models.parse.parser import parse_bytes
    registry = load_content_registry()
    issue = parse_bytes(HOSTILE.encode(), registry, f"{IMG}.txt")
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite"
    add_issues(path, [issue], registry, fresh=True)
    return path


def test_the_fixture_carries_the_payload(hostile_library):
    from models.store.library import Library
    with Library(hostile_library) as lib:
        [doc] = lib.documents()
        assert IMG in doc.title
        assert DEPARTMENT in [d.name for d in lib.departments()]


def test_helpers(qt_app):
    from ui import plain
    label = plain.label(IMG)
    assert label.textFormat().name == "PlainText" and label.text() == IMG
    assert shown(plain.as_rich(f"{IMG}\n{UNIT}")) == f"{IMG}\n{UNIT}"
    assert "<img" not in plain.escape(IMG)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&\"'a中 \n;#x"), max_size=40) | st.text(max_size=40))
def test_escape_writes_what_html_escape_writes(text):
    """ui.plain.escape does not import `html` (the first paint uses it): it must agree."""
    import html

    from ui.plain import escape
    assert escape(text) == html.escape(text, quote=True)
    assert escape(None) == ""


def test_message_boxes_are_plain(qt_app, monkeypatch):
    from ui import error_dialogs, plain
    boxes = []
    monkeypatch.setattr(plain, "run_dialog", lambda box: boxes.append(box) or 0)
    plain.inform(None, "导入完成", IMG)
    error_dialogs.show_error(None, IMG)
    plain.ask(None, "公文已在库中", IMG)
    assert [b.textFormat().name for b in boxes] == ["PlainText"] * 3
    assert all(b.text() == IMG for b in boxes)


def test_window_widgets_show_the_payload_as_text(qt_app, qtbot, hostile_library, tmp_path,
                                                monkeypatch):
    from models.store.library import Library
    from ui import plain
    from ui.bookmarks.dialogs import BookmarkDialog
    from ui.printing.duty_list import DutyListDialog
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "user"))
    library = Library(hostile_library)
    window = MainWindow(library, qt_app[1], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    try:
        # the bookmark dialog's header (Ctrl+D)
        dialog = BookmarkDialog(f"《{IMG}》", IMG, [], None)
        header = dialog.findChildren(type(plain.label()))[0]
        assert shown(f"<qt>{header.text()}</qt>").count(IMG) == 2
        # the status bar and the filter label name departments and issues
        window.filter_search.set_department(UNIT)
        for label in (window.status.label, window.status.filter_label, window.left.deadlines.title):
            assert label.textFormat().name == "PlainText"
        assert UNIT in window.status.label.text()
        # deadline and search tooltips
        tip = window.left.deadlines.model.item(0).toolTip()
        assert IMG in shown(tip) and "<img" not in tip.replace("<qt>", "")
        window.filter_search.run_search("加强")
        head = window.filter_search.results_model.item(0)
        assert IMG in shown(head.toolTip())
        # the duty-list dialog names the department in bold
        duty = DutyListDialog(library, UNIT, window)
        first = duty.findChildren(type(plain.label()))[0]
        assert shown(f"<qt>{first.text()}</qt>") == f"{DEPARTMENT} 的职责清单"
        # collections named with tags: their tooltips
        flow = window.bookmarks
        key = next(n.key for n in library.nodes() if n.kind == "section")
        flow.store.add(library, key, IMG, note=UNIT)
        flow.panel.refresh()
        collection = flow.panel.model.item(0)
        assert shown(collection.toolTip()) == f"{IMG}：1 条"
        mark = collection.child(0)
        assert IMG in shown(mark.toolTip()) and UNIT in shown(mark.toolTip())
    finally:
        window.settings = None
        window.close()
        library.close()


NAMED = IMG + "区某局"  # a unit an official renamed: "/" kept, as the registry keeps names


@pytest.fixture
def renamed_library(hostile_library, tmp_path):
    """The hostile library with 青川区财政局 renamed to NAMED and the tagged unit merged into
    it: a name and aliases with tags, as the 部门名录 shows them."""
    import shutil

    from models.registry.amendments import Amendment
    from models.store.amend import apply
    from models.store.library import Library
    path = tmp_path / "renamed.sqlite"
    shutil.copy(hostile_library, path)
    apply(path, Amendment("rename", "青川区", "青川区财政局", NAMED))
    apply(path, Amendment("alias", "青川区", DEPARTMENT, NAMED))
    return path


def test_registry_and_picker_escape_a_unit_named_with_tags(qt_app, renamed_library,
                                                          monkeypatch):
    """The 部门名录's tooltips and its 改名 question, and the department picker's tooltip,
    name the unit: escaped, so the tags are shown and nothing is loaded."""
    from models.store.library import Library
    from ui import plain
    from ui.qt import Qt
    from ui.window.filter_search.department_picker import DepartmentModel
    from ui.window.registry.dialog import RegistryDialog
    with Library(renamed_library) as library:
        [unit] = [d for d in library.departments() if d.name == NAMED]
        assert DEPARTMENT in unit.aliases
        dialog = RegistryDialog(library, government="青川区")
        try:
            assert dialog.select(NAMED)
            row = dialog.model.departments.index(unit)
            tips = [dialog.model.item(row, c).toolTip() for c in (2, 3)]
            assert all("<img" not in t and "<i>" not in t for t in tips)
            assert DEPARTMENT in shown(tips[0]).split("、")
            assert shown(tips[1]).startswith(f"{NAMED}：{unit.total} 条")
            asked = []
            monkeypatch.setattr(plain, "run_dialog",
                                lambda box: asked.append(box.labelText()) or 0)
            dialog.rename()
            [label] = asked
            assert "<img" not in label
            assert shown(label) == f"“{NAMED}”的新名称（原名称将作为简称保留）："
        finally:
            dialog.deleteLater()
        picker = DepartmentModel(library.departments())
        row = picker.rows.index(unit)
        tip = picker.data(picker.index(row), Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip and "<i>" not in tip
        assert shown(tip).startswith(f"{NAMED}（") and DEPARTMENT in shown(tip)


CHILD = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from models.store.library import Library
from ui.startup.application import make_app
from ui import plain
from ui.window.main_window import MainWindow
from ui.settings import Settings
from ui.qt import QApplication, QPoint
from PySide6.QtWidgets import QToolTip

app, fonts = make_app()
rendered = []

def render(box):
    if hasattr(box, "collection"):  # the bookmark dialog: choose a collection
        box.collection.setCurrentText(sys.argv[3])
    box.show()
    box.grab()  # lays the text out and paints it, images included if it were HTML
    QApplication.processEvents()
    rendered.append(type(box).__name__)
    box.hide()
    return 1

plain.run_dialog = render
library = Library(sys.argv[2])
window = MainWindow(library, fonts, Settings(sys.argv[4]))
window.show()
window.grab()
key = next(n.key for n in library.nodes() if n.kind == "section")
window.open_key(key)
window.bookmarks.add_current()          # Ctrl+D: the dialog, its header
window.bookmarks.panel.refresh()
window.grab()
window.filter_search.set_department(sys.argv[5])
window.filter_search.run_search("加强")
window.grab()
plain.inform(window, "导入完成", sys.argv[3])
tips = [window.bookmarks.panel.model.item(0).toolTip(),
        window.bookmarks.panel.model.item(0).child(0).toolTip(),
        window.filter_search.results_model.item(0).toolTip(), window.left.deadlines.model.item(0).toolTip()]
for tip in tips:
    QToolTip.showText(QPoint(100, 100), tip, window)
    QApplication.processEvents()
    QToolTip.hideText()
from ui.printing.duty_list import DutyListDialog
duty = DutyListDialog(library, sys.argv[5], window)
duty.show(); duty.grab()
print("rendered", ",".join(rendered), len(tips), flush=True)
window.settings = None
window.close()
"""


def test_the_real_window_survives_the_payload(hostile_library, tmp_path):
    env = {"GAZETTE_USER_DATA": str(tmp_path / "user"), "GAZETTE_CACHE_DIR": str(tmp_path / "c"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(hostile_library), IMG,
                           str(tmp_path / "s.ini"), UNIT], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-2000:]}"
    assert "rendered BookmarkDialog,QMessageBox 4" in proc.stdout


def test_messages_go_through_the_one_helper():
    """Qt's static message functions guess rich text: ui/ shows messages through ui/plain.py."""
    import re
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name in ("plain.py", "qt.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"QMessageBox\.(information|warning|question|critical)\(", text):
            offenders.append(path.name)
    assert offenders == []
