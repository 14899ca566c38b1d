"""Per duty form, the fixtures and assignments tests/test_duty_forms.py checks.

Reads tests/fixtures/duty_forms/expected/*.json (each fixture's exact oracle) and
prints a Markdown table: for each form, how many fixtures carry it and how many
assignments of that form they assert, by role; then the table fixtures read a
second time as PDF rows, and the libraries of several governments.

    python tools/duty_form_counts.py
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "duty_forms"
FORMS = ("section", "article_item", "responsibility_line", "annex", "table", "note")
ROLES = ("lead", "responsible", "support", "annex", "general")


def main() -> None:
    fixtures: dict[str, set[str]] = defaultdict(set)
    assignments: Counter = Counter()
    roles: dict[str, Counter] = defaultdict(Counter)
    names = sorted(p.stem for p in HERE.glob("*.txt"))
    for name in names:
        exp = json.loads((HERE / "expected" / f"{name}.json").read_text(encoding="utf-8"))
        for a in exp["assignments"]:
            fixtures[a["form"]].add(name)
            assignments[a["form"]] += 1
            roles[a["form"]][a["role"]] += 1
    print("| form | fixtures | assignments | by role |")
    print("| --- | ---: | ---: | --- |")
    for form in (*FORMS, *sorted(set(assignments) - set(FORMS))):
        by_role = ", ".join(f"{r} {roles[form][r]}" for r in ROLES if roles[form][r])
        print(f"| {form} | {len(fixtures[form])} | {assignments[form]} | {by_role} |")
    print(f"| **all** | {len(names)} | {sum(assignments.values())} | |")
    tables = sorted((HERE / "tables").glob("*.json"))
    rows = sum(1 for t in tables for a in json.loads(
        (HERE / "expected" / f"{t.stem}.json").read_text(encoding="utf-8"))["assignments"])
    libraries = sorted((HERE / "expected").glob("library_*.json"))
    print(f"\nTables read again as PDF rows: {len(tables)} fixtures, {rows} assignments.")
    print(f"Libraries of several governments: {len(libraries)}.")


if __name__ == "__main__":
    main()
