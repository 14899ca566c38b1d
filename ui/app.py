"""Starting the window: Qt application, Chinese translations, bundled fonts, library.

Order matters: the fonts are registered before any widget exists (users'
machines may have no CJK font), the excepthook is installed before the first
event, and a library that cannot be opened leads to a dialog offering to
rebuild it rather than to a traceback.
"""
from __future__ import annotations

import sys

from models.content import active_library
from models.errors import GazetteError
from models.library import Library
from models.recovery import rebuild_library
from ui.errors import ask_rebuild, install_excepthook, show_error
from ui.fonts import FontFamilies, apply_default_font, register_bundled_fonts
from ui.qt import QApplication, QLibraryInfo, QLocale, QTranslator


def make_app(argv: list[str] | None = None) -> tuple[QApplication, FontFamilies]:
    """The QApplication with zh_CN Qt translations and the bundled fonts as default."""
    app = QApplication.instance() or QApplication(argv or ["gazette-desk"])
    app.setApplicationName("公报通")
    app.setApplicationDisplayName("公报通")
    app.setOrganizationName("GazetteDesk")
    install_translations(app)
    fonts = register_bundled_fonts()
    apply_default_font(app, fonts, point_size=11)
    return app, fonts


def install_translations(app: QApplication) -> None:
    """Qt's own strings (dialog buttons, file and print dialogs, context menus) in Chinese."""
    if getattr(app, "_gazette_translator", None):
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
        app.installTranslator(translator)
    app._gazette_translator = translator


def open_library(path=None) -> Library | None:
    """Open the active library; on failure offer to rebuild it (None if the user declines)."""
    target = path
    while True:
        try:
            target = target or active_library()
            return Library(target)
        except GazetteError as err:
            if not ask_rebuild(None, str(err)):
                return None
            try:
                target = rebuild_library(target)
            except GazetteError as again:
                show_error(None, f"重新生成资料库失败：{again}")
                return None


def run() -> int:
    app, fonts = make_app(sys.argv)
    install_excepthook()
    library = open_library()
    if library is None:
        return 2
    from ui.main_window import MainWindow
    from ui.settings import Settings
    window = MainWindow(library, fonts, Settings())
    window.show()
    return app.exec()
