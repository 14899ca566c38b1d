"""The layout keeps its promises: no import cycle, small modules, Qt only where it belongs.

Read from the source (tools/import_graph.py computes the import graph, lazy
imports inside functions included), so a change that breaks a rule fails here
before anyone has to find it in a review:

- no import cycle among models/, ui/ and cli/;
- no module over MAX_LINES lines;
- models/ never imports Qt (PySide6, shiboken6 or ui.qt);
- in ui/, only ui/qt.py imports PySide6 (every other module asks ui/qt.py), and the
  shared words, roles and the start's first pieces import no Qt at all;
- ui/ and cli/ never run SQL: no .execute(), no sqlite3, no SQL text; they ask models/.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import import_graph  # noqa: E402  (tools/import_graph.py)

MAX_LINES = 400
QT_MODULE = "ui/qt.py"
# SQL as models/ writes it (upper-case keywords), not English prose
SQL_TEXT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA|WITH)\s")


def sources(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def imported_names(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in *path*, those inside functions included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.append((node.lineno, node.module or ""))
    return found


def test_the_graph_sees_the_project():
    """The checks below read the real graph (a tool that found nothing would pass them)."""
    names = import_graph.modules(ROOT)
    assert {"models.store.library", "ui.qt", "cli.commands"} <= set(names)
    edges = import_graph.graph(ROOT)
    assert "ui.qt" in set().union(*edges.values())


def test_no_import_cycle():
    found = [" -> ".join(cycle) for cycle in import_graph.cycles(ROOT)]
    assert not found, "import cycles:\n" + "\n".join(found)


@pytest.mark.parametrize("path", sources("models", "ui", "cli") + [ROOT / "main.py"], ids=rel)
def test_no_module_over_the_size_one_can_read(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{rel(path)} has {lines} lines (at most {MAX_LINES})"


def test_models_never_import_qt():
    found = [f"{rel(p)}:{line} {name}" for p in sources("models")
             for line, name in imported_names(p)
             if name.split(".")[0] in ("PySide6", "shiboken6") or name.startswith("ui")]
    assert not found, found


def test_ui_imports_pyside6_only_through_ui_qt():
    found = [f"{rel(p)}:{line} {name}" for p in sources("ui") if rel(p) != QT_MODULE
             for line, name in imported_names(p) if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert not found, "import these names through ui/qt.py:\n" + "\n".join(found)


QT_FREE = ("ui/labels.py", "ui/styles.py", "ui/item_roles.py", "ui/startup/__init__.py",
           "ui/startup/arguments.py", "ui/startup/gc_pause.py", "ui/startup/qt_bytecode.py")


@pytest.mark.parametrize("name", QT_FREE)
def test_shared_words_roles_and_the_start_before_qt_need_no_qt(name):
    """What the first stage and the preflight read before Qt is loaded imports no Qt at all."""
    found = []
    for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            mods = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            mods = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found += [f"{node.lineno} {m}" for m in mods
                  if m.split(".")[0] in ("PySide6", "shiboken6") or m == "ui.qt"]
    assert not found, found


def sql_uses(path: Path) -> list[str]:
    """Where *path* runs SQL: .execute*() calls, sqlite3, string literals that are SQL."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript")):
            found.append(f"{rel(path)}:{node.lineno} .{node.func.attr}()")
        elif isinstance(node, ast.Name) and node.id == "sqlite3":
            found.append(f"{rel(path)}:{node.lineno} sqlite3")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and SQL_TEXT.match(node.value)):
            found.append(f"{rel(path)}:{node.lineno} SQL text {node.value[:30]!r}")
    found += [f"{rel(path)}:{line} import {name}" for line, name in imported_names(path)
              if name.split(".")[0] == "sqlite3"]
    return found


def test_ui_and_cli_never_run_sql():
    found = [use for p in sources("ui", "cli") for use in sql_uses(p)]
    assert not found, found


def test_the_sql_check_finds_sql(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\n"
                      "def f(conn):\n"
                      "    conn.execute('SELECT 1')\n"
                      "    return sqlite3.connect(':memory:')\n", encoding="utf-8")
    uses = sql_uses(sample)
    assert len(uses) == 4, uses  # .execute(), its SQL text, sqlite3.connect, the import


def test_ui_qt_lists_each_name_once_where_pyside6_has_it():
    """ui/qt.py's tables (what __getattr__ loads) and its TYPE_CHECKING imports (what
    PyInstaller and editors read) name the same classes, each from the module that has it."""
    import importlib

    from ui import qt
    declared: dict[str, str] = {}
    tree = ast.parse((ROOT / QT_MODULE).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
            declared.update({alias.name: node.module for alias in node.names})
    assert declared == qt._MODULE_OF
    for name, module in qt._MODULE_OF.items():
        assert hasattr(importlib.import_module(module), name), f"{module} has no {name}"
