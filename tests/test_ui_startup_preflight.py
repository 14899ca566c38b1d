"""The window's start before the window: its arguments read without argparse
(ui/startup/arguments.py), the display check (ui/startup/preflight.py), the paused collector
(ui/startup/gc_pause.py). No display, no crash: a sentence in Chinese instead."""
from __future__ import annotations

import pytest

from ui.startup import arguments, preflight


@pytest.mark.parametrize("env, problem", [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, False),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, True),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "w"}, False),
])
def test_display_problem_on_linux(env, problem):
    message = preflight.display_problem(env, platform="linux")
    assert (message is not None) is problem
    if message:
        assert "找不到图形显示" in message


def test_windows_and_macos_always_have_a_display():
    assert preflight.display_problem({}, platform="win32") is None
    assert preflight.display_problem({}, platform="darwin") is None


@pytest.mark.parametrize("argv, window", [
    ([], True), (["--user-data", "/x"], True), (["--user-data=/x"], True),
    (["self-test"], False), (["search", "托育"], False), (["--help"], False),
    (["--user-data", "/x", "documents"], False), (["--user-data"], False),
    (["--user-data", "--help"], False), (["--user"], False),
])
def test_wants_window(argv, window):
    assert arguments.wants_window(argv) is window


@pytest.mark.parametrize("argv, folder", [
    ([], None), (["--user-data", "/x"], "/x"), (["--user-data=/x"], "/x"),
    (["--user-data", "/x", "--user-data=/y"], "/y"), (["--user-data="], ""),
])
def test_user_data_argument_reads_the_window_arguments_as_argparse_would(argv, folder):
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--user-data")
    assert arguments.user_data_argument(argv) == folder == parser.parse_args(argv).user_data


def test_collector_pause_leaves_a_collector_it_did_not_stop_alone():
    import gc

    from ui.startup import gc_pause
    gc.disable()
    try:
        gc_pause.pause()  # already off: nothing to undo later
        gc_pause.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc_pause.pause()
    assert not gc.isenabled()
    gc_pause.resume()
    gc.unfreeze()
    assert gc.isenabled()
