"""Where user data and caches go: overrides first, then the platform's folders."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest


# ------------------------------------------------ the folders, without platformdirs
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/abs/xdg", "/abs/slash/"])
@pytest.mark.parametrize("home", ["/home/official", "/root/", "/"])
def test_fast_folders_are_those_of_platformdirs(monkeypatch, xdg, home):
    import platformdirs

    from models import locations
    monkeypatch.setattr(locations, "_user_data_override", None)
    for variable in ("GAZETTE_USER_DATA", "GAZETTE_CACHE_DIR", "ANDROID_DATA"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", home)
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert locations._linux_dir("XDG_DATA_HOME", ".local/share") is not None  # the fast path
    assert locations.user_data_dir() == Path(
        platformdirs.user_data_dir(locations.APP_NAME, locations.APP_AUTHOR))
    assert locations.cache_dir() == Path(
        platformdirs.user_cache_dir(locations.APP_NAME, locations.APP_AUTHOR))


def test_overrides_come_before_the_platform_folders(monkeypatch, tmp_path):
    from models import locations
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "env"))
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    assert locations.user_data_dir() == tmp_path / "env"
    assert locations.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("GAZETTE_CACHE_DIR")
    monkeypatch.setattr(locations, "_user_data_override", tmp_path / "flag")
    assert locations.user_data_dir() == tmp_path / "flag"
    assert locations.cache_dir() == tmp_path / "flag" / "cache"
    monkeypatch.setattr(locations, "_user_data_override", None)
    monkeypatch.delenv("GAZETTE_USER_DATA")
    monkeypatch.setenv("HOME", "relative")  # platformdirs' own odd cases stay its own
    assert locations._linux_dir("XDG_DATA_HOME", ".local/share") is None or \
        os.path.isabs(os.environ.get("XDG_DATA_HOME", ""))
