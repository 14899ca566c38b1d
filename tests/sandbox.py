"""Real storage failures for tests: a read-only folder and a full disk, in a private
mount namespace (unshare), so they work as root (who ignores permissions) and leave
nothing mounted behind."""
from __future__ import annotations

import functools
import shlex
import shutil
import subprocess

import pytest


@functools.lru_cache(maxsize=1)
def namespace_prefix() -> tuple[str, ...] | None:
    """A command prefix giving a private mount namespace where we may mount."""
    for prefix in (("unshare", "-m"), ("unshare", "-rm")):
        if shutil.which(prefix[0]) is None:
            continue
        probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                               capture_output=True)
        if probe.returncode == 0:
            return prefix
    return None


def require_namespace() -> tuple[str, ...]:
    prefix = namespace_prefix()
    if prefix is None:
        pytest.skip("no private mount namespace here (unshare -m and -rm refused): "
                    "cannot make a real read-only folder or full disk")
    return prefix


def read_only(folder) -> str:
    """Shell commands making *folder* a read-only bind mount of itself."""
    q = shlex.quote(str(folder))
    return f"mount --bind {q} {q} && mount -o remount,bind,ro {q}"


def small_disk(folder, size: str = "512k") -> str:
    """Shell commands mounting a tmpfs of *size* on *folder*."""
    return f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(folder))}"


def run_inside(setup: str, command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run *command* after the shell *setup*, in a private mount namespace."""
    prefix = require_namespace()
    script = f"{setup} && exec {shlex.join(command)}"
    return subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True,
                          encoding="utf-8", **kwargs)
