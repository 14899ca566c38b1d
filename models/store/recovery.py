"""Rebuilding a library that is missing or corrupt, from the embedded content.

The window offers this when a library cannot be opened. The user's library
is rebuilt from the content plus the gazettes they imported (kept in the user
data folder); the default library is simply built again in the cache.
"""
from __future__ import annotations

from pathlib import Path

from models.store.content import default_library, rebuild_user_library
from models.locations import cache_dir, user_library_path
from models.store.writelock import writer_lock


def rebuild_library(path: Path | None) -> Path:
    """Rebuild the library at *path* (the user's or the default one); return its path."""
    user = user_library_path()
    if path is not None and Path(path).resolve() == user.resolve():
        with writer_lock(user):  # a damaged file is no base to write into: start anew
            for stale in (user, user.with_name(user.name + "-wal"),
                          user.with_name(user.name + "-shm")):
                stale.unlink(missing_ok=True)
            rebuild_user_library()
        return user
    if path is not None and Path(path).resolve().parent == cache_dir().resolve():
        Path(path).unlink(missing_ok=True)  # a derived file: safe to throw away
    return default_library()  # any other file is left alone; the default one is used
