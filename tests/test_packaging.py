"""Packaging, without building: resource lookup in both layouts, portable mode, the one
version, the frozen-output allow-list, the Qt trimming rules and the display check.

The build itself (PyInstaller, ~30 s) is not run here: packaging/ci_frozen.sh does it.
"""
from __future__ import annotations

import re
import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import check_frozen_output as cfo  # noqa: E402
import spec_common  # noqa: E402
from models import locations  # noqa: E402
from models import version  # noqa: E402
from ui import resources  # noqa: E402


# --- resources and locations in the development and the frozen layout -------------------

def test_resource_path_development_layout():
    assert resources.resources_root() == ROOT / "resources"
    assert resources.resource_path("fonts", "LICENSE-OFL.txt").is_file()
    assert locations.app_root() == ROOT


def test_resource_path_frozen_layout(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("icons", "a.png") == tmp_path / "resources" / "icons" / "a.png"
    monkeypatch.delenv("GAZETTE_CONTENT_DIR", raising=False)
    assert locations.app_root() == tmp_path
    assert locations.content_dir() == tmp_path / "content"


def _frozen_exe(monkeypatch, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "gazette-desk"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(locations, "_user_data_override", None)
    monkeypatch.delenv("GAZETTE_USER_DATA", raising=False)
    monkeypatch.delenv("GAZETTE_CACHE_DIR", raising=False)
    return exe


def test_not_portable_without_marker(monkeypatch, tmp_path):
    _frozen_exe(monkeypatch, tmp_path / "stick" / "gazette-desk")
    assert locations.portable_dir() is None
    assert not str(locations.user_data_dir()).startswith(str(tmp_path))


def test_portable_marker_puts_user_data_beside_the_executable(monkeypatch, tmp_path):
    exe = _frozen_exe(monkeypatch, tmp_path / "stick" / "gazette-desk")
    (exe.parent / locations.PORTABLE_MARKER).write_text("")
    data = exe.parent.resolve() / "GazetteDeskData"
    assert locations.portable_dir() == data
    assert locations.user_data_dir() == data
    assert locations.cache_dir() == data / "cache"
    assert locations.user_library_path().parent == data


def test_portable_marker_ignored_in_development(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / locations.PORTABLE_MARKER).write_text("")
    assert locations.portable_dir() is None


def test_explicit_user_data_wins_over_portable(monkeypatch, tmp_path):
    exe = _frozen_exe(monkeypatch, tmp_path / "stick")
    (exe.parent / locations.PORTABLE_MARKER).write_text("")
    monkeypatch.setenv("GAZETTE_USER_DATA", str(tmp_path / "elsewhere"))
    assert locations.user_data_dir() == tmp_path / "elsewhere"


# --- one version ------------------------------------------------------------------------

def test_version_is_defined_once():
    assert re.fullmatch(r"\d+\.\d+\.\d+", version.VERSION)
    assert version.version_tuple() == (*map(int, version.VERSION.split(".")), 0)
    assert version.version_tuple("1.2") == (1, 2, 0, 0)
    assert version.version_text() == f"{version.APP_NAME} {version.VERSION}"


@pytest.mark.parametrize("path", ["build.spec", "packaging/version_info.txt.in",
                                  "packaging/bare.spec"])
def test_packaging_files_do_not_hardcode_the_version(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert version.VERSION not in text
    assert not re.search(r"['\"]\d+\.\d+\.\d+['\"]", text)


def test_about_box_shows_the_project_version():
    # ui/about.py should import models.version; until then it must at least agree with it
    text = (ROOT / "ui" / "about.py").read_text(encoding="utf-8")
    if "models.version" not in text:
        found = re.search(r'APP_VERSION\s*=\s*"([^"]+)"', text)
        assert found and found.group(1) == version.VERSION


def test_build_spec_has_no_machine_specific_paths():
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert not re.search(r"(/work/|/home/|/root/|[A-Z]:\\\\|\.venv|site-packages)", text)


def test_icons_exist_for_every_platform():
    icons = ROOT / "resources" / "icons"
    assert (icons / "gazette-desk-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ico = (icons / "gazette-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    assert (icons / "gazette-desk.icns").read_bytes()[:4] == b"icns"


# --- the frozen self-test's output ------------------------------------------------------

GOOD_RUN = """This plugin does not support propagateSizeHints()
[OK] 内置字体 — 通过
[OK] 打印当前公文为 PDF — 通过
自检通过
"""


def test_clean_self_test_output_passes_with_allowed_lines_explained():
    verdict = cfo.classify(GOOD_RUN)
    assert verdict.ok
    assert "自检通过" in verdict.expected
    assert len(verdict.allowed) == 1 and verdict.allowed[0][1]  # with its reason


@pytest.mark.parametrize("line", [
    "[FAIL] 部门筛选 — 失败：按“区财政局”筛选后目录为空",
    "qt.qpa.plugin: Could not find the Qt platform plugin \"xcb\" in \"\"",
    "QFont::fromString: Invalid description",
    "Fontconfig warning: \"/etc/fonts/fonts.conf\", line 5: unknown element \"reset-dirs\"",
    "Traceback (most recent call last):",
    "/tmp/_MEI/ui/app.py:12: DeprecationWarning: something",
    "qt.text.font.db: OpenType support missing for \"Gazette Sans\"",
    "自检失败：部门筛选",
    "some line nobody has seen before",
    "[OK] 内置字体 — 通过 Error",
])
def test_any_other_line_fails_the_run(line):
    verdict = cfo.classify(GOOD_RUN + line + "\n")
    assert not verdict.ok
    assert verdict.unexpected == [line]


def test_every_allowed_pattern_has_a_reason():
    assert cfo.ALLOWED
    for pattern, reason in cfo.ALLOWED:
        assert pattern.pattern.startswith("^") and pattern.pattern.endswith("$")
        assert len(reason) > 20


def test_network_check_allows_only_the_local_cups_daemon():
    trace = "\n".join([
        '12 connect(7, {sa_family=AF_UNIX, sun_path="/run/cups/cups.sock"}, 110) = 0',
        '12 connect(7, {sa_family=AF_INET, sin_port=htons(631), '
        'sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS',
        '12 connect(7, {sa_family=AF_INET6, sin6_port=htons(631), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS',
        '12 connect(8, {sa_family=AF_INET, sin_port=htons(443), '
        'sin_addr=inet_addr("93.184.216.34")}, 16) = 0',
        '12 connect(9, {sa_family=AF_INET, sin_port=htons(80), '
        'sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
    ])
    bad = cfo.network_problems(trace)
    assert len(bad) == 2
    assert "93.184.216.34" in bad[0] and "htons(80)" in bad[1]


def test_sandbox_env_keeps_every_writable_place_inside(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    env = cfo.sandbox_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    assert "DISPLAY" not in env and env["QT_QPA_PLATFORM"] == "offscreen"
    for key in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMPDIR",
                "GAZETTE_USER_DATA", "GAZETTE_CACHE_DIR"):
        assert env[key].startswith(str(tmp_path)), key


# --- trimming rules shared by build.spec and packaging/bare.spec -----------------------

@pytest.mark.parametrize("dest, keep", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", None),
])
def test_plugin_rules(dest, keep):
    assert spec_common.keep_plugin(dest) is keep


@pytest.mark.parametrize("name, keep", [
    ("qtbase_zh_CN.qm", True), ("qt_zh_CN.qm", True), ("qtbase_en.qm", True),
    ("qt_en.qm", True), ("qtbase_zh_TW.qm", False), ("qtbase_de.qm", False),
    ("qt_help_zh_CN.qm", False), ("qtdeclarative_zh_CN.qm", False),
])
def test_translation_rules(name, keep):
    assert spec_common.keep_translation(f"PySide6/Qt/translations/{name}") is keep
    assert spec_common.keep_translation(f"PySide6\\translations\\{name}") is keep


def test_never_exclude_the_qt_modules_the_app_uses():
    for module in spec_common.USED_QT_MODULES:
        assert f"PySide6.{module}" not in spec_common.EXCLUDED_MODULES
    assert "PySide6.QtPrintSupport" not in spec_common.EXCLUDED_MODULES
    # the app's own imports: only the used modules
    used = set()
    for path in [*ROOT.glob("ui/**/*.py"), *ROOT.glob("models/**/*.py"), *ROOT.glob("cli/*.py")]:
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used <= set(spec_common.USED_QT_MODULES), used
    for module in ("_codecs_cn", "unicodedata", "sqlite3", "_sqlite3", "json", "hashlib"):
        assert module not in spec_common.EXCLUDED_MODULES


def test_trim_binaries_keeps_what_is_linked_and_drops_the_rest():
    toc = [
        ("PySide6/QtWidgets.abi3.so", "/w/QtWidgets", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/w/libQt6Widgets", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/w/libQt6Network", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/w/cupsplugin", "BINARY"),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/w/tls", "BINARY"),
        ("libcups.so.2", "/w/libcups", "BINARY"),
        ("libgnutls.so.30", "/w/libgnutls", "BINARY"),
        ("libstdc++.so.6", "/w/libstdc++", "BINARY"),
        ("libpython3.11.so.1.0", "/w/libpython", "BINARY"),
    ]
    links = {
        "/w/QtWidgets": ["libQt6Widgets.so.6", "libstdc++.so.6"],
        "/w/libQt6Widgets": ["libQt6Core.so.6"],
        "/w/libQt6Core": ["libstdc++.so.6"],
        "/w/libQt6Network": ["libQt6Core.so.6"],
        "/w/cupsplugin": ["libQt6Core.so.6", "libcups.so.2"],
        "/w/tls": ["libQt6Network.so.6"],
        "/w/libcups": ["libgnutls.so.30"],
    }
    kept, dropped = spec_common.trim_binaries(toc, get_imports=lambda src: links.get(src, []))
    kept_names = {e[0] for e in kept}
    assert kept_names == {"PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
                          "PySide6/Qt/lib/libQt6Core.so.6", "libstdc++.so.6",
                          "libpython3.11.so.1.0",
                          "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"}
    # libcups comes from the system, so neither it nor what only it needs is bundled
    assert {"libcups.so.2", "libgnutls.so.30", "PySide6/Qt/lib/libQt6Network.so.6",
            "PySide6/Qt/plugins/tls/libqopensslbackend.so"} <= {e[0] for e in dropped}


def test_dangling_symlinks_are_dropped():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/w/core", "BINARY")]
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK")]
    b, d, dropped = spec_common.drop_dangling_symlinks(binaries, datas)
    assert b == binaries
    assert [e[0] for e in d] == ["libQt6Core.so.6"]
    assert [e[0] for e in dropped] == ["libQt6Network.so.6"]


@pytest.mark.parametrize("item, gone", [
    ("de.res", True), ("ar_EG.res", True), ("coll/de.res", True), ("coll/de_.res", True),
    ("zone/fr.res", True), ("brkitr/cjdict.dict", True), ("translit/root.res", True),
    ("gb18030.cnv", True), ("unames.icu", True),
    ("root.res", False), ("zh.res", False), ("zh_Hans_CN.res", False), ("coll/zh.res", False),
    ("coll/root.res", False), ("pool.res", False), ("res_index.res", False),
    ("supplementalData.res", False), ("likelySubtags.res", False), ("nfkc.nrm", False),
    ("cnvalias.icu", False), ("coll/ucadata.icu", False),
])
def test_icu_keeps_root_english_chinese_and_its_infrastructure(item, gone):
    import icu_data
    assert icu_data.dropped(item) is gone


@pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("icupkg")
                         and (shutil.which("cc") or shutil.which("gcc"))),
                    reason="needs Linux, icupkg (icu-devtools) and a C compiler")
def test_the_filtered_icu_library_is_a_package_icu_reads(tmp_path):
    import subprocess
    import icu_data
    from PySide6 import __file__ as pyside
    library = next((Path(pyside).parent / "Qt" / "lib").glob("libicudata.so.*"))
    small = icu_data.build(library, tmp_path)
    assert small.name == library.name and small.stat().st_size < library.stat().st_size / 4
    data = next(tmp_path.glob("icudt*l-small.dat"))
    items = subprocess.run(["icupkg", "-l", str(data)], capture_output=True, text=True,
                           check=True).stdout.split()
    assert {"root.res", "zh.res", "zh_Hans_CN.res", "coll/zh.res"} <= set(items)
    assert not [i for i in items if icu_data.dropped(i)]
    symbols = subprocess.run(["nm", "-D", str(small)], capture_output=True, text=True,
                             check=True).stdout
    assert f"icudt{library.name.rsplit('.', 1)[1]}_dat" in symbols
