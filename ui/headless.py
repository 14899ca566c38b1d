"""A Qt application for commands that print without showing a window."""
from __future__ import annotations

import os


def ensure_gui_app():
    """Return the running QApplication, or start an offscreen one (no display needed)."""
    from ui.qt import QApplication
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["gazette-desk"])
    return app
