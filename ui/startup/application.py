"""Starting the window: Qt application, Chinese translations, bundled fonts, library.

Order matters: the fonts are registered before any widget exists (users'
machines may have no CJK font), the excepthook is installed before the first
event, and a library that cannot be opened leads to a dialog offering to
rebuild it rather than to a traceback.

make_app() does everything at once (tests, the self-test); the window of
`python main.py` starts in two stages (ui/startup/staged.py), so the imports
here are made by the functions that need them: ui.error_dialogs (~9 ms) is
read through the module's __getattr__ the first time one of its names is used
here, which keeps `ui.startup.application.ask_rebuild` and friends
replaceable.
"""
from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.store.library import Library
    from ui.fonts import FontFamilies
    from ui.qt import QApplication

_FROM_ERROR_DIALOGS = ("ask_rebuild", "show_error")


def __getattr__(name: str):
    if name in _FROM_ERROR_DIALOGS:
        value = getattr(import_module("ui.error_dialogs"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_base_app(argv: list[str] | None = None, staged: bool = False
                  ) -> tuple[QApplication, FontFamilies]:
    """The QApplication with its names and the bundled fonts as default (no translations).

    staged=True (the window's first stage, ui/startup/staged.py): only what the
    first paint needs, the sans fonts; finish_base_app() adds the serif
    fonts and the window icon (QIcon and its enums, the PNG) afterwards.
    """
    from models.version import APP_NAME, EXE_NAME, ORG_NAME, VERSION
    from ui.fonts import apply_default_font, register_bundled_fonts, register_ui_fonts
    from ui.qt import QApplication
    app = QApplication.instance() or QApplication(argv or [EXE_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(VERSION)
    app.setOrganizationName(ORG_NAME)
    fonts = register_ui_fonts() if staged else register_bundled_fonts()
    apply_default_font(app, fonts, point_size=11)
    if not staged:
        finish_base_app(app)
    return app, fonts


def finish_base_app(app: QApplication) -> FontFamilies:
    """What make_base_app(staged=True) left for later: every font, the window icon."""
    from ui.fonts import register_bundled_fonts
    from ui.qt import QIcon
    from ui.resources import resource_path
    fonts = register_bundled_fonts()
    icon = resource_path("icons", "gazette-desk-256.png")
    if icon.exists() and app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(icon)))
    return fonts


def make_app(argv: list[str] | None = None) -> tuple[QApplication, FontFamilies]:
    """The QApplication with zh_CN Qt translations and the bundled fonts as default."""
    app, fonts = make_base_app(argv)
    install_translations(app)
    return app, fonts


def install_translations(app: QApplication) -> None:
    """Qt's own strings (dialog buttons, file and print dialogs, context menus) in Chinese."""
    if getattr(app, "_gazette_translator", None):
        return
    from ui.qt import QLibraryInfo, QLocale, QTranslator
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
        app.installTranslator(translator)
    app._gazette_translator = translator


def open_library(path=None, warnings: list[str] | None = None) -> Library | None:
    """Open the active library; on failure offer to rebuild it (None if the user declines).

    A user's library made stale by a new version is opened as it is when it can
    be read (the window rebuilds it in the background: RebuildFlow.start_if_due);
    one whose schema cannot be read is rebuilt first, with a dialog saying so.
    What a rebuild skipped (a kept import that no longer parses) is added to
    *warnings*."""
    from models.store.content import active_library
    from models.errors import GazetteError
    from models.store.library import Library
    from models.store.recovery import rebuild_library
    from ui.window.rebuild_flow import rebuild_before_opening
    here = sys.modules[__name__]  # ask_rebuild / show_error as this module has them now
    target = path
    while True:
        try:
            target = target or active_library(
                warn=warnings.append if warnings is not None else None, rebuild=False,
                first=rebuild_before_opening)
            return Library(target)
        except GazetteError as err:
            if not here.ask_rebuild(None, str(err)):
                return None
            try:
                target = rebuild_library(target)
            except GazetteError as again:
                here.show_error(None, f"重新生成资料库失败：{again}")
                return None


def show_warnings_later(window, warnings: list[str]) -> None:
    """Tell the user, once the window is up, what opening the library had to skip."""
    if warnings:
        from ui.qt import QTimer
        from ui.window.rebuild_flow import tell_skipped
        QTimer.singleShot(0, lambda: tell_skipped(window, warnings))
