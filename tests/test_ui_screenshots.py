"""Screenshots of the main states under Xvfb, with no system font available at all.

The test starts this file as a script in a subprocess with FONTCONFIG_FILE
pointing to a fontconfig file that lists no font folder, so only the bundled
fonts can draw anything; the script checks that Qt knows no other family,
then saves PNGs of the main states (default folder /tmp/gazette-shots, or
GAZETTE_SHOTS_DIR). Run with:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m pytest -m screenshot
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATES = ("01-start", "02-department-picker", "03-department-filter", "04-search",
          "05-expired-banner", "06-zoomed", "07-print-preview", "08-duty-list-preview",
          "09-bookmarks")
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def shots_dir() -> Path:
    return Path(os.environ.get("GAZETTE_SHOTS_DIR", "/tmp/gazette-shots"))


@pytest.mark.screenshot
def test_screenshots_with_only_bundled_fonts(tmp_path):
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs a display: run under xvfb-run")
    conf = tmp_path / "fonts.conf"
    conf.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="xcb",
               GAZETTE_USER_DATA=str(tmp_path / "user"), GAZETTE_CACHE_DIR=str(tmp_path / "cache"))
    out = shots_dir()
    done = subprocess.run([sys.executable, __file__, str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "families: Gazette Sans, Gazette Serif" in done.stdout, done.stdout
    for state in STATES:
        png = out / f"{state}.png"
        assert png.is_file() and png.stat().st_size > 20_000, png


def take_shots(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from models.store.content import active_library
    from models.store.library import Library
    from ui.startup.application import make_app
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    app, fonts = make_app(["gazette-desk"])
    print("families: " + ", ".join(sorted(QFontDatabase.families())))
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(Library(active_library()), fonts,
                        Settings(Path(os.environ["GAZETTE_USER_DATA"]) / "s.ini"))
    window.setGeometry(20, 20, 1360, 860)
    window.show()

    def settle(ms: int = 300) -> None:
        end = QGuiApplication.primaryScreen()
        for _ in range(max(1, ms // 20)):
            app.processEvents()
            QApplication.instance().thread().msleep(20)
        return end

    def shot(name: str) -> None:
        settle()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))

    window.open_key("doc:市中政发|2021|16")
    shot("01-start")
    window.filter_search.open_picker()
    from PySide6.QtGui import QInputMethodEvent
    for char in "财政":
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(window.filter_search.picker.edit, event)
    shot("02-department-picker")
    window.filter_search.picker.hide()
    window.filter_search.set_department("区财政局")
    lead = next(n.key for n in window.left.outline.tree.by_key.values() if n.role == "lead")
    window.open_key(lead)
    shot("03-department-filter")
    window.filter_search.set_department(None)
    window.filter_search.field.setText("托育")
    window.filter_search.field.flush()
    window.filter_search.open_first_hit()
    shot("04-search")
    window.filter_search.escape()
    window.open_key("doc:市中政办字|2021|14")
    shot("05-expired-banner")
    window.set_zoom(1.4)
    window.open_key("doc:市中政办发|2021|13")
    shot("06-zoomed")
    window.set_zoom(1.0)
    from PySide6.QtCore import QTimer

    def grab_preview():
        settle(600)
        shot("07-print-preview")
        QApplication.activeModalWidget().reject()
    QTimer.singleShot(0, grab_preview)
    window.output.print_preview()

    def grab_duty_list():
        settle(600)
        shot("08-duty-list-preview")
        QApplication.activeModalWidget().reject()
    window.filter_search.set_department("区财政局")
    QTimer.singleShot(0, grab_duty_list)
    window.output.print_preview()  # Ctrl+P with a department picked: its duty list
    window.filter_search.set_department(None)
    flow = window.bookmarks
    for path, note in (("二、（一）", "请财政局说明补助资金到位情况"), ("三、（二）", ""),
                       ("二、（三）", "")):
        node = next(n for n in window.library.nodes("doc:市中政办发|2021|13") if n.path == path)
        flow.store.add(window.library, node.key, "10月12日 水库专题会", note)
    flow.panel.refresh()
    flow.sync_marks()
    flow.dock.show()
    window.open_key(next(n.key for n in window.library.nodes("doc:市中政办发|2021|13")
                         if n.path == "二、（一）"))
    shot("09-bookmarks")
    window.settings = None
    window.close()


if __name__ == "__main__":
    take_shots(Path(sys.argv[1]))
