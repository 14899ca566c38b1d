"""PySide6's own support modules, kept as bytecode between starts.

Importing PySide6 runs shiboken's "signature" support package, a dozen
Python modules embedded in libshiboken as source, which shiboken compiles
at every start of every PySide6 program: ~80M instructions, 20-25 ms, about
15% of a bare PySide6 window's start (bench/startup_bench.py). Python caches
bytecode for modules it finds on disk, but not for these.

While the window's start imports Qt (ui/startup/preflight.qt_problem calls
install() before and finish() after), builtins.compile answers those
modules' source (and only it: mode "exec", a file name under
"shibokensupport/") from a cache file in the user's cache folder, keyed by
the file name, a CRC and the length of the source; anything else goes to the
real compile. A different PySide6 gives different sources, so new keys;
the cache file is named after the interpreter's bytecode tag; a missing or
unreadable cache is simply rebuilt, and it is rewritten (atomically) with
only the entries of this start when something was compiled.

GAZETTE_QT_BYTECODE=0 turns it off (the bench measures the window both ways).
Where shiboken's own switch SBK_EMBED=0 has written the modules out as files
(shiboken6/files.dir), Python caches them itself and nothing reaches this.
Nothing here imports Qt.
"""
from __future__ import annotations

import builtins
import marshal
import os
import sys
import zlib

_PREFIX = "shibokensupport/"
_real_compile = builtins.compile
_state: dict = {}


def cache_path() -> str:
    from models.locations import cache_dir
    return os.path.join(str(cache_dir()), f"qt-support-{sys.implementation.cache_tag}.marshal")


def install() -> None:
    """Answer shiboken's compiles from the cache until finish() (no-op if already installed,
    turned off, or PySide6 already loaded: the frozen app's runtime hook ran the
    display check, main.py runs it again)."""
    if _state or os.environ.get("GAZETTE_QT_BYTECODE") == "0" or "shiboken6" in sys.modules:
        return
    try:
        path = cache_path()
    except Exception:  # noqa: BLE001 (a speed-up: no cache folder must never stop the start)
        return
    try:
        with open(path, "rb") as fh:
            cached = marshal.load(fh)
        if not isinstance(cached, dict):
            cached = {}
    except (OSError, EOFError, ValueError, TypeError):
        cached = {}
    _state.update(path=path, cached=cached, used={}, compiled=False)
    builtins.compile = _compile


def _compile(source, filename, mode, *args, **kwargs):
    if (mode != "exec" or args or kwargs or not isinstance(filename, str)
            or not filename.startswith(_PREFIX) or not isinstance(source, (bytes, str))):
        return _real_compile(source, filename, mode, *args, **kwargs)
    data = source if isinstance(source, bytes) else source.encode("utf-8")
    key = (filename, zlib.crc32(data), len(data))
    code = _state["cached"].get(key)
    if code is None:
        code = _real_compile(source, filename, mode)
        _state["compiled"] = True
    _state["used"][key] = code
    return code


def finish() -> None:
    """Give builtins.compile back; write the cache if anything had to be compiled."""
    if not _state:
        return
    builtins.compile = _real_compile
    state = dict(_state)
    _state.clear()
    if not state["compiled"]:
        return
    path, temporary = state["path"], state["path"] + f".{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as fh:
            marshal.dump(state["used"], fh)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: compile again next time
        try:
            os.unlink(temporary)
        except OSError:
            pass
