"""One writer at a time per library: a lock file beside it.

Why a lock file and not only SQLite's own lock: a write is more than one
transaction. The first import creates the user's library from the default
one, a new parser version rebuilds it, an import keeps a copy of its source
beside the library, and a killed import leaves `.building-*` files behind.
The lock covers all of that as one unit, and while it is held no other
writer can be running, so leftovers found then are known to be stale.
Readers never take it: they read the live file (WAL), unblocked.

The lock is an OS advisory lock (flock / LockFileEx through msvcrt) on
`<library>.lock`; the OS releases it when the process dies, so a killed
import never leaves the library locked. It is re-entrant within a process
(an import that rebuilds, then adds, takes it once) but only within a thread: the
window's import worker and its main thread are two writers like two processes.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from models.errors import LibraryBusyError

DEFAULT_TIMEOUT = 30.0  # seconds a second writer waits before giving up
POLL = 0.05
BUILDING_PREFIX = ".building-"

_held: dict[tuple[str, int], int] = {}  # (lock path, thread) → depth
_guard = threading.Lock()


def lock_path(library: Path) -> Path:
    return Path(library).with_name(Path(library).name + ".lock")


def timeout_seconds() -> float:
    """GAZETTE_LOCK_TIMEOUT (seconds) overrides the default, for tests and slow disks."""
    try:
        return max(0.0, float(os.environ.get("GAZETTE_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def writer_lock(library: Path, on_wait: Callable[[str], None] | None = None,
                timeout: float | None = None,
                cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Hold the library's writer lock; wait up to *timeout* seconds, saying so through
    *on_wait* once, then raise LibraryBusyError; *cancelled*() True while waiting gives up
    at once (RebuildCancelled: a window closing during a rebuild is not held up)."""
    path = lock_path(library)
    key = (str(path.resolve()) if path.parent.exists() else str(path), threading.get_ident())
    with _guard:
        if _held.get(key):
            _held[key] += 1
            reentrant = True
        else:
            reentrant = False
    if reentrant:
        try:
            yield
        finally:
            with _guard:
                _held[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if not _try_lock(fd):
            limit = timeout_seconds() if timeout is None else timeout
            if on_wait is not None:
                on_wait(f"资料库正由另一个导入或重建写入，正在等待（最多 {limit:g} 秒）……")
            deadline = time.monotonic() + limit
            while not _try_lock(fd):
                if cancelled is not None and cancelled():
                    from models.errors import RebuildCancelled
                    raise RebuildCancelled()
                if time.monotonic() >= deadline:
                    raise LibraryBusyError(library, limit)
                time.sleep(POLL)
        with _guard:
            _held[key] = 1
        try:
            remove_leftovers(Path(library))
            yield
        finally:
            with _guard:
                _held.pop(key, None)
            _unlock(fd)
    finally:
        os.close(fd)


def building_prefix(library: Path) -> str:
    """Temporary files of a write to *library* start with this (and are its own, not
    another library's in the same folder)."""
    return f"{BUILDING_PREFIX}{Path(library).name}-"


def remove_leftovers(library: Path) -> list[Path]:
    """Delete the temporary files a killed writer of *library* left (lock held)."""
    removed = []
    try:
        candidates = list(Path(library).parent.glob(building_prefix(library) + "*"))
    except OSError:
        return removed
    for path in candidates:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed
