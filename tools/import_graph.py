"""The project's import graph (lazy imports inside functions included), and its cycles.

Used by tests/test_architecture.py; run it directly to print the cycles.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGES = ("models", "ui", "cli")


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def graph(root: Path) -> dict[str, set[str]]:
    mods = modules(root)
    edges: dict[str, set[str]] = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                deps.add(base)
                deps |= {f"{base}.{a.name}" for a in node.names}
        # `from a.b import c` names the package a.b as well as a.b.c: a module that
        # imports from its own package, whose __init__ imports that module, is a cycle
        # (Python resolves it only by import order), so such edges are kept.
        edges[name] = {d for d in deps if d in mods and d != name}
    return edges


def cycles(root: Path) -> list[list[str]]:
    edges = graph(root)
    found, stack, on_stack, seen = [], [], set(), set()
    sys.setrecursionlimit(10000)

    def visit(node: str) -> None:
        seen.add(node)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt in on_stack:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        on_stack.discard(node)

    for node in sorted(edges):
        if node not in seen:
            visit(node)
    return found


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for cycle in cycles(root):
        print(" -> ".join(cycle))
