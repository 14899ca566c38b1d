"""Every bench script still imports: a bench is run by hand, rarely, so a name moved out
from under it (write_ics left models/views/dutylist.py for duty_calendar.py) would break
it silently. Each is imported, not run (their work is behind __name__ == "__main__"), and
every `from project.module import name` in it, those inside functions included, is
looked up."""
from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHES = sorted((ROOT / "bench").glob("*.py"))
PROJECT = {"models", "ui", "cli", "tests", "tools", "packaging"}
@pytest.mark.parametrize("path", BENCHES, ids=lambda p: p.name)
def test_bench_imports_without_running(path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # scale_bench imports scale_corpus
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    assert callable(module.main)


@pytest.mark.parametrize("path", BENCHES, ids=lambda p: p.name)
def test_every_project_name_a_bench_imports_exists(path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] not in PROJECT:
                continue
            try:
                module = importlib.import_module(node.module)
            except ModuleNotFoundError:
                missing.append(f"line {node.lineno}: {node.module}")
                continue
            for alias in node.names:
                if not hasattr(module, alias.name) and importlib.util.find_spec(
                        f"{node.module}.{alias.name}") is None:
                    missing.append(f"line {node.lineno}: {node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PROJECT:
                    importlib.import_module(alias.name)
    assert not missing, f"{path.name} imports names that are gone: {missing}"
