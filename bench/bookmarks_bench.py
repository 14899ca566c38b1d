"""Bookmark speed: adding one and seeing it in the panel; resolving 1,000 against a rebuilt library.

Goals (issue 4): add + visible in the panel ≤ 50 ms; resolve 1,000 ≤ 200 ms.
Run: .venv/bin/python bench/bookmarks_bench.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.bookmarks import BookmarkStore  # noqa: E402
from models.store.content import load_content_registry  # noqa: E402
from models.store.library import Library  # noqa: E402
from models.store.build import add_issues  # noqa: E402
from models.parse.parser import parse_bytes  # noqa: E402

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"


def main() -> None:
    registry = load_content_registry()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        issue = parse_bytes(SEED.read_bytes(), registry, SEED.name)
        add_issues(tmp / "a.sqlite", [issue], registry, fresh=True)
        lib = Library(tmp / "a.sqlite")
        store = BookmarkStore(tmp / "bookmarks.sqlite")
        keys = [n.key for n in lib.nodes()]
        for i in range(1000):
            store.add(lib, keys[i % len(keys)], f"会议 {i // len(keys)}", note=f"备注 {i}")
        lib.close()
        # Rebuild the library from the same text, then resolve all 1,000 against it.
        issue = parse_bytes(SEED.read_bytes(), registry, SEED.name)
        add_issues(tmp / "b.sqlite", [issue], registry, fresh=True)
        rebuilt = Library(tmp / "b.sqlite")
        times = []
        for _ in range(15):
            t0 = time.perf_counter()
            marks = store.resolved(rebuilt)
            times.append(time.perf_counter() - t0)
        assert len(marks) == 1000 and all(m.status == "ok" for m in marks)
        print(f"resolve 1,000 bookmarks after a rebuild: median {statistics.median(times) * 1000:.1f} ms"
              "  (goal ≤ 200 ms)")
        try:
            from ui.bookmarks.panel import BookmarksPanel
        except ImportError:
            print("add + panel: ui.bookmarks.panel not available")
            return
        from PySide6.QtWidgets import QApplication
        app = QApplication.instance() or QApplication([])
        panel = BookmarksPanel(store, rebuilt)
        panel.show()
        app.processEvents()
        times = []
        for i in range(20):
            key = keys[(i * 7) % len(keys)]
            t0 = time.perf_counter()
            mark = store.add(rebuilt, key, "周四 专题会", note="")
            panel.show_added(mark)
            app.processEvents()
            assert panel.contains(key)
            times.append(time.perf_counter() - t0)
        print(f"add a bookmark and see it in the panel: median {statistics.median(times) * 1000:.1f} ms"
              "  (goal ≤ 50 ms)")


if __name__ == "__main__":
    main()
