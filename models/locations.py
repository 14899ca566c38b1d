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


def user_data_dir() -> Path:
    if _user_data_override:
        return _user_data_override
    if os.environ.get("GAZETTE_USER_DATA"):
        return Path(os.environ["GAZETTE_USER_DATA"])
    import platformdirs  # on first use: importing it costs the window's first paint ~8 ms
    return portable_dir() or Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    if os.environ.get("GAZETTE_CACHE_DIR"):
        return Path(os.environ["GAZETTE_CACHE_DIR"])
    if _user_data_override or portable_dir():
        return user_data_dir() / "cache"
    import platformdirs
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_library_path() -> Path:
    return user_data_dir() / "library.sqlite"


def imports_dir() -> Path:
    return user_data_dir() / "imports"
