"""ICU's data for the frozen app on Linux, filtered to what a Chinese Qt Widgets app uses.

PySide6's Linux wheels bundle ICU, whose libicudata is 32 MB of locale data for
every language: names of currencies, zones, languages and units, collation and
number spelling of 200 locales, converters for legacy code pages, line-break
dictionaries and transliterators. Qt uses ICU for collation, case mapping,
legacy codecs and time-zone names; its text layout, line breaking and locale
formats use Qt's own tables. 公报通 keeps ICU's infrastructure (normalisation,
properties, likely subtags, plural rules …) and the data of the root, English
and Chinese locales, and drops the rest: 32 MB → 4.4 MB, which keeps the onedir
app within 120 MB with PDFium, lxml and python-docx inside.

The filtered data is linked into a stand-in libicudata with the same soname and
entry symbol (icudt<N>_dat), so ICU's own libraries load it as before. Needs
icupkg (Debian: icu-devtools) and a C compiler at build time; without them the
original library is kept and the build says so. Windows and macOS wheels use the
system's ICU: nothing to do there.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEPT_LOCALES = re.compile(r"^(root|en|en_US|en_001|zh|zh_Hans|zh_Hans_CN|zh_CN|zh_Hant|"
                          r"zh_Hant_TW|zh_TW)\.res$")
DROPPED_FOLDERS = ("translit", "brkitr")  # transliterators; break rules and dictionaries
DROPPED_SUFFIXES = (".cnv", ".dict")  # legacy code pages; break dictionaries
DROPPED_NAMES = ("unames.icu",)  # character names
INDEXES = ("res_index.res",)  # each tree's list of locales: looks like a locale's name
_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")


def dropped(item: str) -> bool:
    """Whether a data item (as icupkg lists it: "coll/zh.res", "root.res") is left out."""
    parts = PurePosixPath(item).parts
    name, folder = parts[-1], parts[0] if len(parts) > 1 else ""
    if folder in DROPPED_FOLDERS or name.endswith(DROPPED_SUFFIXES) or name in DROPPED_NAMES:
        return True
    if name in INDEXES:
        return False
    return bool(LOCALE_ITEM.match(name) or name == "root.res") and not KEPT_LOCALES.match(name)


def _data_of(library: Path, symbol: str) -> bytes:
    """The bytes of *symbol* in a shared library (ICU's data is one read-only object)."""
    out = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == symbol:
            address, size = int(fields[0], 16), int(fields[1], 16)
            break
    else:
        raise RuntimeError(f"{library.name} has no {symbol}")
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True,
                              text=True, check=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m and int(m.group(2), 16) <= address < int(m.group(2), 16) + int(m.group(4), 16):
            offset = int(m.group(3), 16) + address - int(m.group(2), 16)
            return library.read_bytes()[offset:offset + size]
    raise RuntimeError(f"{symbol} is in no section of {library.name}")


def build(library: Path, work: Path) -> Path:
    """A filtered libicudata beside *work*; raises when a tool is missing or ICU refuses."""
    version = _LIBRARY.match(library.name).group(1)
    symbol = f"icudt{version}_dat"
    work.mkdir(parents=True, exist_ok=True)
    full, small = work / f"icudt{version}l.dat", work / f"icudt{version}l-small.dat"
    full.write_bytes(_data_of(library, symbol))
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                           check=True).stdout.split()
    (work / "dropped.txt").write_text("\n".join(i for i in items if dropped(i)) + "\n")
    small.unlink(missing_ok=True)
    # icupkg refuses to write a package whose items depend on a dropped one
    done = subprocess.run(["icupkg", "-r", str(work / "dropped.txt"), str(full), str(small)],
                          capture_output=True, text=True)
    if done.returncode or not small.exists():
        raise RuntimeError("icupkg: " + (done.stderr or done.stdout).strip()[-400:])
    source = work / "icudata_stub.c"
    source.write_text(
        "/* ICU's data filtered by packaging/icu_data.py, under ICU's own entry symbol */\n"
        '__asm__(".section .rodata\\n.global ' + symbol + '\\n.type ' + symbol +
        ', @object\\n.balign 16\\n' + symbol + ':\\n.incbin \\"' + small.name +
        '\\"\\n.size ' + symbol + ', .-' + symbol +
        '\\n.section .note.GNU-stack,\\"\\",@progbits\\n");\n')
    out = work / library.name
    subprocess.run([shutil.which("cc") or "gcc", "-shared", "-fPIC", "-o", str(out),
                    f"-Wl,-soname,{library.name}", source.name], cwd=work, check=True)
    return out


def slim(binaries, work: Path):
    """The TOC with libicudata replaced by the filtered one (Linux); (toc, report line)."""
    if not sys.platform.startswith("linux"):
        return binaries, "icu: the system's ICU is used; nothing to filter"
    kept = []
    report = "icu: no libicudata in the build"
    for dest, src, kind in binaries:
        name = PurePosixPath(dest.replace("\\", "/")).name
        if _LIBRARY.match(name):
            try:
                small = build(Path(src), work / "icu")
            except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
                report = f"icu: kept the full data ({exc}); install icu-devtools and a C compiler"
            else:
                report = (f"icu: {name} {Path(src).stat().st_size / 1e6:.1f} MB → "
                          f"{small.stat().st_size / 1e6:.1f} MB (root, en, zh kept)")
                src = str(small)
        kept.append((dest, src, kind))
    return kept, report
