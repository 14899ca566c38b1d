"""Screenshots of the main states on a 1366×768 laptop screen (Xvfb), with no system font.

The test starts this file as a script in a subprocess with FONTCONFIG_FILE
pointing to a fontconfig file that lists no font folder, so only the bundled
fonts can draw anything; the script checks that Qt knows no other family, then
drives the real window as an official would — first start, a department
picked, a search, a clause deep in the expired document, Ctrl+D into the
bookmarks, zoom ×3 (three Ctrl+=), a file dialog, the print preview — saves a
PNG of the screen in each state (default folder /tmp/gazette-shots, or
GAZETTE_SHOTS_DIR) and prints what it measured there: how many characters a
line the reading pane holds (its viewport's width over the advance of a
Chinese character of the body font at the zoom), where the status bar and any
dialog are against the screen. The test asserts on those figures. Run with:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m pytest -m screenshot
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATES = ("01-first-start", "02-department", "03-search", "04-expired-clause",
          "05-bookmarks-dock", "06-zoom-x3", "07-file-dialog", "08-print-preview", "09-original")
MIN_CHARS = 28
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def shots_dir() -> Path:
    return Path(os.environ.get("GAZETTE_SHOTS_DIR", "/tmp/gazette-shots"))


@pytest.mark.screenshot
def test_screenshots_on_a_laptop_screen_with_only_bundled_fonts(tmp_path):
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs a display: run under xvfb-run")
    conf = tmp_path / "fonts.conf"
    conf.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="xcb",
               GAZETTE_USER_DATA=str(tmp_path / "user"), GAZETTE_CACHE_DIR=str(tmp_path / "cache"))
    out = shots_dir()
    done = subprocess.run([sys.executable, __file__, str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "families: Gazette Sans, Gazette Serif" in done.stdout, done.stdout
    measured = {m["state"]: m for m in map(json.loads, (line[len("STATE "):] for line in
                                                        done.stdout.splitlines()
                                                        if line.startswith("STATE ")))}
    assert list(measured) == list(STATES), done.stdout + done.stderr
    for state, m in measured.items():
        assert m["screen"] == [1366, 768], "run under a 1366×768 screen"
        assert m["chars"] >= MIN_CHARS, m  # the reading pane, whatever else is open
        assert m["status_bottom"] <= m["screen"][1] and m["status_right"] <= m["screen"][0], m
        assert m["status_visible"], m
        png = out / f"{state}.png"
        assert png.is_file() and png.stat().st_size > 20_000, png
    assert measured["01-first-start"]["reader_share"] >= 0.55
    assert measured["04-expired-clause"]["expiry_bar"].startswith("本文件已失效（有效期至")
    assert measured["05-bookmarks-dock"]["dock"] and measured["05-bookmarks-dock"]["clause_in_view"]
    assert measured["06-zoom-x3"]["zoom"] == 1.4 and measured["06-zoom-x3"]["clause_in_view"]
    for state in ("07-file-dialog", "08-print-preview"):
        dialog = measured[state]["dialog"]
        assert dialog and dialog["bottom"] <= 768 and dialog["right"] <= 1366, measured[state]
    assert "查找范围" in measured["07-file-dialog"]["dialog"]["texts"]


# ------------------------------------------------------------- the script
def take_shots(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel

    from models.store.content import active_library
    from models.store.library import Library
    from ui import plain
    from ui.settings import Settings
    from ui.startup.application import make_app
    from ui.window.main_window import MainWindow
    app, fonts = make_app(["gazette-desk"])
    print("families: " + ", ".join(sorted(QFontDatabase.families())))
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(Library(active_library()), fonts,
                        Settings(Path(os.environ["GAZETTE_USER_DATA"]) / "s.ini"))
    window.show()
    window.activateWindow()
    screen = QGuiApplication.primaryScreen().geometry()

    def settle(ms: int = 400) -> None:
        for _ in range(max(1, ms // 20)):
            app.processEvents()
            QApplication.instance().thread().msleep(20)

    def clause_in_view() -> bool:
        kept = window.reader.place.in_view(window.reader.current)
        return kept is not None and kept[0] == window.reader.current

    def shot(name: str, dialog=None) -> None:
        settle()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
        bar, reader = window.statusBar(), window.reader
        corner = bar.mapToGlobal(bar.rect().bottomRight())
        measured = {
            "state": name, "screen": [screen.width(), screen.height()],
            "chars": round(reader.chars_per_line(), 2), "zoom": window.zoom,
            "reader_share": round(reader.width() / window.width(), 3),
            "status_bottom": corner.y() + 1, "status_right": corner.x() + 1,
            "status_visible": bar.isVisible(), "dock": window.bookmarks.dock.isVisible(),
            "clause_in_view": clause_in_view(), "expiry_bar": window.expiry.text()
            if window.expiry.isVisible() else ""}
        if dialog is not None:
            frame = dialog.frameGeometry()
            measured["dialog"] = {"bottom": frame.bottom() + 1, "right": frame.right() + 1,
                                  "texts": " ".join(w.text() for w in dialog.findChildren(QLabel))}
        print("STATE " + json.dumps(measured, ensure_ascii=False), flush=True)

    shot("01-first-start")
    window.filter_search.set_department("区财政局")
    lead = next(n.key for n in window.left.outline.tree.by_key.values() if n.role == "lead")
    window.open_key(lead)
    shot("02-department")
    window.filter_search.set_department(None)
    window.filter_search.field.setText("托育")
    window.filter_search.field.flush()
    window.filter_search.open_first_hit()
    shot("03-search")
    window.filter_search.escape()
    from tests.ui_fixtures import document_row
    doc = document_row(window.left, "doc:市中政办字|2021|14")
    deep = doc.children[-1]
    while deep.children:
        deep = deep.children[-1]
    window.open_key(deep.key)
    shot("04-expired-clause")
    node = next(n for n in window.library.nodes("doc:市中政办发|2021|13") if n.path == "二、（三）")
    window.open_key(node.key)
    window.left.tree.setFocus()

    def bookmark(dialog) -> int:  # the 收藏条款 dialog, filled in as an official would
        dialog.collection.setCurrentText("周四 专题会")
        dialog.note.setPlainText("请财政局说明补助资金到位情况")
        return 1
    plain.run_dialog = bookmark
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    shot("05-bookmarks-dock")
    for _ in range(3):
        QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        settle(100)
    shot("06-zoom-x3")
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)

    def look(name: str):
        def answer(dialog) -> int:  # shown as exec() would show it, looked at, closed
            dialog.show()
            shot(name, dialog)
            dialog.reject()
            return 0
        return answer
    plain.run_dialog = look("07-file-dialog")
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # 导入公报…
    plain.run_dialog = look("08-print-preview")
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    shoot_original(window, shot)
    window.settings = None
    window.close()


def shoot_original(window, shot) -> None:
    """The seed imported as a PDF (as 文件 → 导入公报… does), a clause open, 原文 on."""
    from models.store.content import import_gazette
    from tests.makers.gazette_style import seed_pages
    from tests.makers.pdf_maker import write_pdf
    seed = ROOT / "content" / "issues" / "2021-05_shizhong.txt"
    pdf = write_pdf(seed_pages(seed.read_text(encoding="utf-8")),
                    Path(os.environ["GAZETTE_USER_DATA"]).parent / "市中区公报2021年第5期.pdf")
    import_gazette(pdf, replace=True)
    window.reload_library()
    window.open_key(next(n.key for n in window.library.nodes("doc:市中政办发|2021|13")
                         if n.path == "二、（二）"))
    window.actions_["original"].trigger()
    shot("09-original")


if __name__ == "__main__":
    take_shots(Path(sys.argv[1]))
