"""main.py run as a user runs it: in a subprocess, with the test's own user data and cache."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"


def user_env(tmp_path: Path) -> dict:
    """The environment of a user whose data and cache are the test's own folders."""
    return dict(os.environ, GAZETTE_USER_DATA=str(tmp_path / "user"),
                GAZETTE_CACHE_DIR=str(tmp_path / "cache"), PYTHONIOENCODING="utf-8")


def run(env: dict, *args, cwd=None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python main.py ARGS…`; whatever it answers, never a traceback."""
    proc = subprocess.run([sys.executable, str(MAIN), *map(str, args)], env=env, cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def run_json(env: dict, *args):
    proc = run(env, *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
