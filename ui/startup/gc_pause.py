"""Python's cyclic garbage collector, paused while the window starts.

Importing PySide6 and creating the Qt types the window uses allocates a few
hundred thousand objects, none of them garbage; the collector, triggered
every 700 allocations, walks them again and again: 8-12 ms of a start of
~200 ms (bench/startup_bench.py). The display check that begins the window's
start (ui/startup/preflight.gui_preflight) pauses it before Qt is imported;
ui/startup/staged.py resumes it once the window is complete. Resuming first
freezes what exists then (gc.freeze: the modules, types and widgets that live
as long as the window), so that later collections, while the official reads
and searches, do not walk them either.
The few cycles that are garbage by then (~400 objects on the seed: the rows
stage 1 drew from the cache) stay frozen too, which costs less than the full
collection (~13 ms) that would free them just as the window becomes usable.

Nothing here imports Qt: it runs before Qt is loaded.
"""
from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until resume() (no-op if the collector is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Undo pause(): freeze the objects that exist now, then collect automatically again.

    Does nothing unless pause() turned the collector off, so a program that
    switched it off itself (or a test that never paused) is left alone."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
