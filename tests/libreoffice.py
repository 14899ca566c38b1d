"""LibreOffice (soffice) for tests: an independent reader and renderer of the .docx we write.

A clean machine has no Chinese font, and LibreOffice then draws every
character of a Word file as an empty box. Each run here gets a home of its
own whose ~/.fonts holds the app's bundled faces (resources/fonts) and whose
fontconfig names them for the office faces our files ask for (仿宋_GB2312,
楷体_GB2312, 黑体, 方正小标宋简体, 宋体), as WPS on an official's machine finds
its own; the user's profile lives there too, so runs never share state.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice")
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# The faces models/views/writers/docx.py names, and the bundled face standing in for each.
STAND_INS = {"仿宋_GB2312": "Gazette Serif", "楷体_GB2312": "Gazette Serif",
             "宋体": "Gazette Serif", "黑体": "Gazette Sans", "方正小标宋简体": "Gazette Sans"}


def office_home(tmp_path: Path) -> Path:
    """A HOME for soffice with the bundled fonts installed (made once per *tmp_path*)."""
    home = tmp_path / "lo-home"
    fonts = home / ".fonts"
    if fonts.is_dir():
        return home
    fonts.mkdir(parents=True)
    for face in FONTS.glob("*.otf"):
        (fonts / face.name).symlink_to(face)
    aliases = "".join(f'<alias binding="same"><family>{name}</family>'
                      f'<prefer><family>{face}</family></prefer></alias>'
                      for name, face in STAND_INS.items())
    config = home / ".config" / "fontconfig"
    config.mkdir(parents=True)
    (config / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{fonts}</dir>{aliases}</fontconfig>", encoding="utf-8")
    return home


def convert(tmp_path: Path, target: str, *files: Path, outdir: Path | None = None) -> Path:
    """soffice --convert-to *target* for *files*, into *outdir* (tmp_path/out); the folder."""
    home = office_home(tmp_path)
    outdir = outdir or tmp_path / "out"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    env.pop("XDG_DATA_HOME", None)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{home}/profile", "--headless",
                    "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=240, env=env)
    return outdir


def fonts_used(pdf: Path) -> str:
    """pdffonts' table of *pdf*: which faces a rendering embedded."""
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
