"""What build.spec and packaging/bare.spec share: the trimming rules.

Both specs import this module, so 公报通 and the bare baseline window
(bench/frozen_startup_bench.py) are frozen *the same way* and their sizes and
start-up times compare only the application's own weight.

PyInstaller's PySide6 hooks collect every plugin and translation a module
*might* use (168 MB for a bare window). 公报通 uses QtCore, QtGui, QtWidgets
and QtPrintSupport only (see ui/qt.py), so we keep:

* platforms: xcb (X11, the default on Kylin/UOS), wayland, offscreen (CI,
  self-test, printing without a display), minimal; windows / cocoa elsewhere;
* platforminputcontexts: compose and ibus (Chinese input methods; fcitx ships
  its own plugin on the user's system, outside the bundle);
* platformthemes: xdgdesktopportal (file dialogs through the desktop portal);
* wayland: xdg-shell and the bradient decoration only;
* printsupport and styles (when the wheel has them);
* translations: qt/qtbase in zh_CN and en only.

Everything else (image formats: the app draws no images but PNG icons, which
Qt reads without a plugin; svg icon engine; tls, networkinformation; eglfs,
vnc, linuxfb; xcb GL integrations; the virtual keyboard; gtk3 theme, whose
GTK libraries cannot be bundled sensibly) is dropped, and then every shared
library no kept binary needs (found by walking the import tables from the
Python extension modules and the kept plugins) is dropped as well.
"""
from __future__ import annotations

import posixpath
import re
import sys
from pathlib import PurePosixPath

# PySide6 modules the app (and the bare window) never import.
USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
    "QtXml", "QtCanvasPainter",
)

# Standard-library and third-party modules that are never used when frozen.
# _ssl/_hashlib take OpenSSL (≈6 MB) with them; hashlib falls back to the
# built-in sha256 and the app opens no network connection anyway.
EXCLUDED_MODULES = [
    *(f"PySide6.{m}" for m in UNUSED_QT_MODULES),
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc", "pydoc_data", "doctest",
    "unittest", "test", "lib2to3", "distutils", "setuptools", "pkg_resources", "pip", "wheel",
    "ensurepip", "venv", "xmlrpc", "ssl", "_ssl", "_hashlib", "ftplib", "imaplib", "poplib",
    "smtplib", "nntplib", "telnetlib", "http.server", "socketserver", "curses", "_curses",
    "readline", "dbm", "_dbm", "_gdbm", "sqlite3.test", "multiprocessing", "concurrent",
    "asyncio", "pytest", "_pytest", "hypothesis", "pytestqt", "fontTools", "pygments",
    "IPython", "numpy", "PIL",
    # CJK codecs other than Chinese (GB2312/GBK/GB18030 live in _codecs_cn, kept)
    "_codecs_jp", "_codecs_kr", "_codecs_hk", "_codecs_tw", "_codecs_iso2022",
    # compression formats nothing reads (zipfile/shutil import them optionally)
    "lzma", "_lzma", "bz2", "_bz2",
    # lxml beyond etree, which is all python-docx uses (objectify alone is 2.9 MB)
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder",
    "lxml.cssselect", "lxml.ElementInclude",
]

KEEP_PLUGINS: dict[str, tuple[str, ...] | None] = {
    # kind: substrings of the file names kept (None: the whole folder)
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"),
    "platforminputcontexts": ("compose", "ibus"),
    "platformthemes": ("xdgdesktopportal",),
    "printsupport": None,
    "styles": None,
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient",),
}

KEEP_TRANSLATIONS = re.compile(r"^qt(base)?_(zh_CN|en)\.qm$")

# Loaded with dlopen (so absent from import tables) yet needed; or simply never pruned.
# PDFium is loaded by pypdfium2 through ctypes: nothing links against it.
ALWAYS_KEEP = re.compile(r"^(libgcc_s|libpython|python3|vcruntime|msvcp|ucrtbase|api-ms-win|"
                         r"Python$|libicudata|icudt|libpdfium|pdfium)", re.IGNORECASE)
# Collected by the hooks for OpenGL fall-backs a widgets application never uses.
ALWAYS_DROP = re.compile(r"^(opengl32sw\.dll|d3dcompiler_\d+\.dll)$", re.IGNORECASE)
# Taken from the user's system, never bundled (like libGL, libxcb and
# libwayland, which PyInstaller itself leaves out):
# * libcups: the print plugin talks to the system's CUPS daemon, so it should
#   use the system's client library (every Kylin/UOS desktop has it); bundling
#   it drags in GnuTLS, Kerberos, Avahi and p11-kit (≈9 MB). Without it the
#   cups plugin does not load and printing falls back to PDF; nothing fails.
# * libdbus-1: the client library of the system's message bus, present on
#   every Linux desktop (UKUI and DDE are built on D-Bus) and best matched to
#   its daemon; bundling it drags in libsystemd, libgcrypt, liblz4 (≈3 MB).
# * libfontconfig, libfreetype: every desktop has them, and a bundled
#   fontconfig older than the system's /etc/fonts prints "Fontconfig warning:
#   unknown element" on every start (AppImage leaves them out for that reason).
SYSTEM_PROVIDED = re.compile(r"^(libcups|libdbus-1|libfontconfig|libfreetype)\.so")

PLUGIN_RE = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
TRANSLATION_RE = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/([^/]+)$")


def _posix(name: str) -> str:
    return str(name).replace("\\", "/")


def keep_plugin(dest: str) -> bool | None:
    """True/False for a Qt plugin path, None when *dest* is not a plugin."""
    m = PLUGIN_RE.search(_posix(dest))
    if not m:
        return None
    kind, filename = m.groups()
    if kind not in KEEP_PLUGINS:
        return False
    wanted = KEEP_PLUGINS[kind]
    if wanted is None:
        return True
    if kind == "platforms":
        # exact names: qminimal but not qminimalegl
        return filename.split(".")[0].removeprefix("lib") in wanted
    return any(w in filename for w in wanted)


def keep_translation(dest: str) -> bool | None:
    m = TRANSLATION_RE.search(_posix(dest))
    if not m:
        return None
    return bool(KEEP_TRANSLATIONS.match(m.group(1)))


def trim_datas(datas):
    """Drop Qt translations other than qt/qtbase zh_CN and en; returns (kept, dropped)."""
    kept, dropped = [], []
    for entry in datas:
        verdict = keep_translation(entry[0])
        (dropped if verdict is False else kept).append(entry)
    return kept, dropped


def _basename(name: str) -> str:
    base = PurePosixPath(_posix(name)).name
    return base.lower() if sys.platform == "win32" else base


def direct_imports(src: str) -> list[str]:
    """The libraries *src* itself links against (not their own dependencies).

    Linux: DT_NEEDED read with objdump (binutils, which PyInstaller needs
    anyway; ldd would list the whole closure and hide what is only needed
    through a SYSTEM_PROVIDED library). Windows and macOS: PyInstaller's
    bindepend, which reads the import tables directly.
    """
    if sys.platform.startswith("linux"):
        import subprocess
        out = subprocess.run(["objdump", "-p", src], capture_output=True, text=True,
                             check=True).stdout
        return [line.split()[1] for line in out.splitlines()
                if line.strip().startswith("NEEDED")]
    from PyInstaller.depend import bindepend
    return [name for name, _path in bindepend.get_imports(src)]


def trim_binaries(binaries, get_imports=None):
    """Drop unused Qt plugins, then every shared library nothing kept needs.

    *binaries* is a PyInstaller TOC (dest, src, typecode). *get_imports(src)*
    returns the names a binary links against (defaults to PyInstaller's own
    bindepend.get_imports). Returns (kept, dropped).
    """
    if get_imports is None:
        get_imports = direct_imports

    plugins_out = set()
    roots, others = [], []
    for entry in binaries:
        dest, src, typecode = entry
        base = _basename(dest)
        verdict = keep_plugin(dest)
        if verdict is False or ALWAYS_DROP.match(base):
            plugins_out.add(dest)
        elif verdict is True or typecode == "EXTENSION" or ALWAYS_KEEP.match(base):
            roots.append(entry)
        else:
            others.append(entry)
    by_name = {}
    for entry in others:
        by_name.setdefault(_basename(entry[0]), []).append(entry)
    needed: set[str] = set()
    queue = [e[1] for e in roots]
    seen_src = set()
    while queue:
        src = queue.pop()
        if src in seen_src:
            continue
        seen_src.add(src)
        try:
            names = get_imports(src)
        except Exception:  # unreadable: keep what we have, never guess
            names = []
        for name in names:
            base = _basename(name)
            if SYSTEM_PROVIDED.match(base):
                continue
            if base in by_name and base not in needed:
                needed.add(base)
                queue.extend(e[1] for e in by_name[base])
    kept = [e for e in binaries if e[0] not in plugins_out
            and (e in roots or _basename(e[0]) in needed)]
    kept_set = {e[0] for e in kept}
    dropped = [e for e in binaries if e[0] not in kept_set]
    return kept, dropped


def drop_dangling_symlinks(binaries, datas):
    """PyInstaller 6 adds SYMLINK entries (dest, target relative to dest's folder);
    drop those whose target was trimmed. Returns (binaries, datas, dropped)."""
    present = {_posix(e[0]) for e in (*binaries, *datas) if e[2] != "SYMLINK"}
    dropped = []

    def ok(entry) -> bool:
        if entry[2] != "SYMLINK":
            return True
        parent = PurePosixPath(_posix(entry[0])).parent
        target = posixpath.normpath(str(parent / _posix(entry[1])))
        if target in present:
            return True
        dropped.append(entry)
        return False

    return [e for e in binaries if ok(e)], [e for e in datas if ok(e)], dropped


def report(workpath, **dropped) -> None:
    """Write what was trimmed to <workpath>/trimmed.txt and print one summary line."""
    from pathlib import Path
    lines = [f"{label}: {dest}" for label, entries in dropped.items()
             for dest, *_ in sorted(entries)]
    out = Path(workpath) / "trimmed.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{len(v)} {k}" for k, v in dropped.items())
    print(f"[trim] dropped {counts}; list in {out}")
