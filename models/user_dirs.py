"""The user data and cache folders of models.locations, without importing platformdirs.

The window's first paint needs the settings file (in the user data folder)
and the outline cache (in the cache folder) before anything else, and
importing platformdirs alone costs ~8 ms of it. Where platformdirs' rule is
simple and known, it is applied here; everywhere else (other platforms,
--user-data, GAZETTE_USER_DATA / GAZETTE_CACHE_DIR, portable mode, an odd
HOME) models.locations answers, so it stays the source of truth.

The rule applied (platformdirs 4, Unix other than Android, not root with
use_site_for_root, which the app does not ask for): $XDG_DATA_HOME (or
$XDG_CACHE_HOME) when it is an absolute path, else ~/.local/share (or
~/.cache) under an absolute $HOME, then the app's name.
tests/test_ui_startup.py checks that it gives platformdirs' folders.

Windows and macOS are left to platformdirs: Windows asks the shell for the
folder (which %LOCALAPPDATA% usually but not always names) and macOS has its
own defaults; neither can be checked on the machines the tests run on.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from models import locations


def _fast_platform_dir(xdg_variable: str, default: str) -> Path | None:
    """platformdirs' Unix folder for the app, or None when its rule is not the simple one."""
    if not sys.platform.startswith("linux") or os.environ.get("ANDROID_DATA"):
        return None
    base = os.environ.get(xdg_variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, default)
    return Path(os.path.join(base, locations.APP_NAME))


def _default_location() -> bool:
    """True when models.locations would ask platformdirs (no override, no portable mode)."""
    return (locations._user_data_override is None  # noqa: SLF001 (read-only, same package)
            and not os.environ.get("GAZETTE_USER_DATA") and locations.portable_dir() is None)


def user_data_dir() -> Path:
    """models.locations.user_data_dir(), fast where platformdirs' rule is known."""
    if _default_location():
        folder = _fast_platform_dir("XDG_DATA_HOME", ".local/share")
        if folder is not None:
            return folder
    return locations.user_data_dir()


def cache_dir() -> Path:
    """models.locations.cache_dir(), fast where platformdirs' rule is known."""
    if not os.environ.get("GAZETTE_CACHE_DIR") and _default_location():
        folder = _fast_platform_dir("XDG_CACHE_HOME", ".cache")
        if folder is not None:
            return folder
    return locations.cache_dir()
