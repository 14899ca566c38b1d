"""Where things live: the content bundle, the cache, the user's data.

The content bundle (content/ in development, inside the executable when
frozen) is only ever read. Built libraries go to the cache; bookmarks,
settings and imported gazettes to the platform's user data folder, or to the
folder given by --user-data, or beside the executable in portable mode.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "GazetteDesk"
APP_AUTHOR = "GazetteDesk"
PORTABLE_MARKER = "portable.txt"


def app_root() -> Path:
    """The project root in development; the unpacked bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The bundled read-only resources (fonts, icons, the frozen app's prebuilt library)."""
    return app_root() / "resources"


def content_dir() -> Path:
    return Path(os.environ.get("GAZETTE_CONTENT_DIR") or app_root() / "content")


def portable_dir() -> Path | None:
    """In portable mode (a marker file beside the executable) user data lives beside it."""
    if getattr(sys, "frozen", False):
        base = Path(sys.executable).resolve().parent
        if (base / PORTABLE_MARKER).exists():
            return base / "GazetteDeskData"
    return None


_user_data_override: Path | None = None


def set_user_data_dir(path: Path | None) -> None:
    """--user-data DIR: put bookmarks, settings and imports there."""
    global _user_data_override
    _user_data_override = Path(path) if path else None


def _linux_dir(xdg_variable: str, default: str) -> Path | None:
    """platformdirs' folder on Linux, by its own rule, without importing it.

    The window needs its settings and outline cache before its first paint,
    and importing platformdirs costs ~8 ms of it. Its rule on Linux is simple:
    $XDG_DATA_HOME (or $XDG_CACHE_HOME) when absolute, else ~/.local/share (or
    ~/.cache) under an absolute $HOME, then the app's name. Elsewhere (Windows
    asks the shell, macOS has its own) platformdirs answers;
    tests/test_locations.py checks that both give the same folder here.
    """
    if not sys.platform.startswith("linux") or os.environ.get("ANDROID_DATA"):
        return None
    base = os.environ.get(xdg_variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, default)
    return Path(os.path.join(base, APP_NAME))


def user_data_dir() -> Path:
    if _user_data_override:
        return _user_data_override
    if os.environ.get("GAZETTE_USER_DATA"):
        return Path(os.environ["GAZETTE_USER_DATA"])
    portable = portable_dir()
    if portable:
        return portable
    fast = _linux_dir("XDG_DATA_HOME", ".local/share")
    if fast:
        return fast
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    if os.environ.get("GAZETTE_CACHE_DIR"):
        return Path(os.environ["GAZETTE_CACHE_DIR"])
    if _user_data_override or portable_dir():
        return user_data_dir() / "cache"
    fast = _linux_dir("XDG_CACHE_HOME", ".cache")
    if fast:
        return fast
    import platformdirs
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_library_path() -> Path:
    return user_data_dir() / "library.sqlite"


def imports_dir() -> Path:
    return user_data_dir() / "imports"
