"""ui/startup/qt_bytecode.py: PySide6's support modules answered from a bytecode cache.

Each case runs in a fresh interpreter: shiboken compiles its support modules
once per process, when PySide6 is first imported.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from ui.startup import qt_bytecode
qt_bytecode.install()
state = qt_bytecode._state
import PySide6.QtWidgets
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
report = {{"installed": bool(state), "compiled": state.get("compiled"),
           "from_cache": sum(1 for k in state.get("used", {{}}) if k in state.get("cached", {{}})),
           "modules": len(state.get("used", {{}}))}}
qt_bytecode.finish()
try:  # the support modules work: a wrong call is explained with the method's signatures
    QWidget().setWindowTitle(42)
except TypeError as err:
    report["error"] = str(err)
print(json.dumps(report))
"""


def probe(tmp_path: Path, **env) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT))],
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                   GAZETTE_CACHE_DIR=str(tmp_path), **env),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def incarnated() -> bool:
    """Whether shiboken loads its support modules from files on disk (after SBK_EMBED=0):
    Python then caches their bytecode itself and shiboken compiles nothing."""
    import importlib.util
    spec = importlib.util.find_spec("shiboken6")
    return (Path(spec.origin).parent / "files.dir").is_dir()


@pytest.fixture(autouse=True)
def embedded_support():
    if incarnated():
        pytest.skip("shiboken6/files.dir exists (SBK_EMBED=0 was used): nothing to cache")


def cache_file(tmp_path: Path) -> Path:
    return tmp_path / f"qt-support-{sys.implementation.cache_tag}.marshal"


def test_first_start_compiles_and_writes_the_cache_later_starts_only_read_it(tmp_path):
    first = probe(tmp_path)
    assert first["installed"] and first["compiled"] and first["modules"] >= 5
    assert cache_file(tmp_path).is_file()
    written = cache_file(tmp_path).stat().st_mtime_ns
    again = probe(tmp_path)
    assert not again["compiled"] and again["from_cache"] == first["modules"]
    assert cache_file(tmp_path).stat().st_mtime_ns == written  # not rewritten
    assert "setWindowTitle" in again["error"]  # shiboken's signature support still works


def test_a_damaged_cache_is_rebuilt(tmp_path):
    probe(tmp_path)
    cache_file(tmp_path).write_bytes(b"\x00 not marshal data")
    report = probe(tmp_path)
    assert report["compiled"] and "setWindowTitle" in report["error"]
    assert not probe(tmp_path)["compiled"]


def test_turned_off_nothing_is_cached(tmp_path):
    report = probe(tmp_path, GAZETTE_QT_BYTECODE="0")
    assert not report["installed"] and not cache_file(tmp_path).exists()
    assert "setWindowTitle" in report["error"]


def test_a_cache_folder_that_cannot_be_written_only_costs_the_compile(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    report = probe(blocked)  # the cache "folder" is a file: writing fails quietly
    assert report["compiled"] and "setWindowTitle" in report["error"]


def test_no_cache_folder_at_all_leaves_compile_alone(monkeypatch):
    """Without a cache folder (the platform gives none) the start goes on, uncached."""
    import builtins

    from ui.startup import qt_bytecode

    def no_folder():
        raise RuntimeError("no cache folder on this machine")
    monkeypatch.setattr(qt_bytecode, "cache_path", no_folder)
    qt_bytecode.install()
    assert builtins.compile is qt_bytecode._real_compile and not qt_bytecode._state
    qt_bytecode.finish()


def test_the_windows_display_check_loads_qt_through_the_cache_with_the_collector_paused(
        tmp_path):
    """main.py and the frozen app's runtime hook both start the window with ui.startup.prepare():
    it pauses the collector and imports Qt through the cache, once even if run twice."""
    code = f"""
import gc, sys
sys.path.insert(0, {str(ROOT)!r})
from ui import startup
from ui.startup import qt_bytecode
print(startup.prepare(), gc.isenabled(), "shiboken6" in sys.modules)
qt_bytecode.install()  # Qt is loaded: a second start of the check reads no cache
print(bool(qt_bytecode._state))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                               GAZETTE_CACHE_DIR=str(tmp_path)))
    assert done.stdout.split() == ["None", "False", "True", "False"], done.stderr
    assert cache_file(tmp_path).is_file()
