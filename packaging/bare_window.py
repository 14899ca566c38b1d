"""The baseline for bench/frozen_startup_bench.py: a bare PySide6 window.

Frozen with packaging/bare.spec the same way build.spec freezes 公报通 (same
PyInstaller options, same trimming), so the two start-up times compare the
app's own work, not the packaging. The first-paint probe the benchmark
times lives in packaging/rthook_bench.py, which both frozen programs carry.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(1280, 820)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
