"""Before the window: is there a display, and do Qt's libraries load?

Without this, a missing display or a missing system library ends in Qt's
English abort ("could not connect to display", "no Qt platform plugin could
be initialized", core dumped). The officials who start 公报通 need a sentence
in Chinese saying what is wrong and what to do, and an exit code.

    from ui.startup.preflight import gui_preflight
    problem = gui_preflight()          # before anything creates a QApplication
    if problem:
        sys.stderr.write(problem + "\\n")
        return 3

(ui.startup.open_window() does this for main.py.)

gui_preflight() checks the environment (cheap, no Qt), then imports Qt, then
installs a Qt message handler that turns a fatal Qt message (platform plugin
that cannot load, display that refuses the connection) into that sentence and
exit code 3 instead of an abort. Commands that need no window (CLI, the
offscreen self-test) must not call it.
"""
from __future__ import annotations

import os
import sys

EXIT_NO_DISPLAY = 3  # no display, or Qt's libraries do not load

# Platform plugins that draw into memory or straight to the hardware: no display server needed.
_SERVERLESS = {"offscreen", "minimal", "linuxfb", "vnc", "eglfs", "vkkhrdisplay"}

NO_DISPLAY = ("公报通：找不到图形显示，无法打开阅读窗口。\n"
              "请在桌面环境（麒麟、统信 UOS 等桌面）中启动公报通；通过远程终端登录时，"
              "请先进入图形桌面或使用 ssh -X。\n"
              "不需要窗口的功能可在命令行使用，例如：gazette-desk search 托育（详见 gazette-desk --help）。")
QT_BROKEN = ("公报通：无法加载图形界面所需的库（{detail}）。\n"
             "程序文件夹可能不完整，请重新复制整个文件夹；在 Linux 上还需要系统自带的图形库"
             "（libGL、libEGL、libfontconfig、libxkbcommon，麒麟和统信 UOS 桌面版均已自带）。")
QT_FATAL = ("公报通：图形界面无法启动（{detail}）。\n"
            "请确认在桌面环境中启动；如问题持续，请把这段文字发给维护人员。")


def display_problem(environ=None, platform: str | None = None) -> str | None:
    """The Chinese message when no display can be reached, else None (no Qt needed)."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None  # Windows and macOS always have their window system
    requested = (env.get("QT_QPA_PLATFORM") or "").split(":")[0].split(";")[0].strip().lower()
    if requested in _SERVERLESS:
        return None
    has_x = bool(env.get("DISPLAY"))
    has_wayland = bool(env.get("WAYLAND_DISPLAY"))
    if requested == "xcb":
        return None if has_x else NO_DISPLAY
    if requested.startswith("wayland"):
        return None if has_wayland else NO_DISPLAY
    return None if (has_x or has_wayland) else NO_DISPLAY


def qt_problem() -> str | None:
    """The Chinese message when Qt's libraries cannot be loaded, else None.

    This is where the window's start first imports Qt: PySide6's support
    modules come from bytecode while it does (ui/startup/qt_bytecode.py)."""
    from ui import qt
    import ui.startup.qt_bytecode as qt_bytecode
    qt_bytecode.install()
    try:
        qt.load_libraries()
    except (ImportError, OSError) as exc:
        return QT_BROKEN.format(detail=str(exc).strip() or type(exc).__name__)
    finally:
        qt_bytecode.finish()
    return None


_installed = False


def _message_handler(mode, context, message) -> None:
    from ui.qt import QtMsgType
    if mode == QtMsgType.QtFatalMsg:
        first = (message.strip().splitlines() or [""])[0]
        sys.stderr.write(QT_FATAL.format(detail=first) + "\n")
        sys.stderr.flush()
        os._exit(EXIT_NO_DISPLAY)  # before Qt calls abort()
    category = getattr(context, "category", None)
    prefix = f"{category}: " if category and category != "default" else ""
    sys.stderr.write(f"{prefix}{message}\n")


def install_fatal_handler() -> None:
    """Make a fatal Qt message end with a Chinese sentence and exit code 3, not an abort."""
    global _installed
    if _installed:
        return
    from ui.qt import qInstallMessageHandler
    qInstallMessageHandler(_message_handler)
    _installed = True


def gui_preflight() -> str | None:
    """Everything above, in order; None when the window can be opened.

    The window's start begins here (main.py, or the frozen build's runtime
    hook before it): the garbage collector is paused until the window is
    complete (ui/startup/gc_pause.py), before Qt is imported."""
    import ui.startup.gc_pause as gc_pause
    gc_pause.pause()
    problem = display_problem() or qt_problem()
    if problem:
        return problem
    install_fatal_handler()
    return None
