#!/usr/bin/env python3
"""Build the bundled Chinese fonts in resources/fonts/ from Debian's Noto CJK.

Users' machines have no Chinese fonts, so 公报通 ships its own.  The full Noto
CJK collections are ~20 MB per face, so this script subsets the Simplified
Chinese face of each collection to what a district gazette needs: all of
GB2312, ASCII/Latin-1, common punctuation and symbol blocks, and every
character that occurs in content/ (so nothing in the shipped gazette ever falls
back to a missing glyph).

Run by hand (not in CI) after changing content/ or the source fonts:

    .venv/bin/python tools/make_fonts.py

Source: /usr/share/fonts/opentype/noto/*.ttc from the Debian package
fonts-noto-cjk (SIL Open Font License 1.1).  The outputs are renamed
"Gazette Sans" / "Gazette Serif": they are Modified Versions, the upstream
licence reserves the font name "Source", and "Noto" is a Google trademark
(name ID 7), so a neutral name avoids both.  The OFL copyright notice and
licence (name IDs 0, 13, 14) are kept in every font and the full licence text
is written next to them.
"""

from __future__ import annotations

import argparse
import io
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = ROOT / "resources" / "fonts"
CONTENT_DIR = ROOT / "content"
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

# (source collection, output file, family name, style)
FACES = [
    ("NotoSansCJK-Regular.ttc", "GazetteSans-Regular.otf", "Gazette Sans", "Regular"),
    ("NotoSansCJK-Bold.ttc", "GazetteSans-Bold.otf", "Gazette Sans", "Bold"),
    ("NotoSerifCJK-Regular.ttc", "GazetteSerif-Regular.otf", "Gazette Serif", "Regular"),
    ("NotoSerifCJK-Bold.ttc", "GazetteSerif-Bold.otf", "Gazette Serif", "Bold"),
]

# Layout features worth their bytes in a Qt reader: Latin kerning and the
# (cheap) vertical-form substitutions.  'locl' is dropped on purpose: in an SC
# face it only pulls in JP/KR/TC glyph variants we never show.
LAYOUT_FEATURES = ["kern", "vert", "vrt2", "vkrn"]

GEOMETRIC = "▲△●○■□◆◇★☆"


def gb2312_chars() -> set[str]:
    """Every character encodable as a 2-byte GB2312 code (rows 0xA1-0xF7)."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def content_chars(content_dir: Path = CONTENT_DIR) -> set[str]:
    """Every printable character in content/**/*.txt and content/**/*.toml."""
    chars: set[str] = set()
    for pattern in ("*.txt", "*.toml"):
        for path in sorted(content_dir.rglob(pattern)):
            chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")}


def block(start: int, end: int) -> set[str]:
    return {chr(cp) for cp in range(start, end + 1)}


def wanted_chars() -> tuple[set[str], set[str]]:
    """Return (required, optional) characters.

    Required ones (GB2312 + content) must exist in the source font or the build
    fails; optional blocks are taken where the font has them.
    """
    required = gb2312_chars() | content_chars()
    optional = (
        block(0x20, 0x7E)  # ASCII printable
        | block(0xA0, 0xFF)  # Latin-1 punctuation/symbols (+ letters, cheap)
        | block(0x2000, 0x206F)  # general punctuation
        | block(0x2460, 0x24FF)  # enclosed alphanumerics ①⑴⒈
        | block(0x3000, 0x303F)  # CJK symbols and punctuation
        | block(0xFF00, 0xFFEF)  # half/full-width forms
        | set(GEOMETRIC)
    )
    return required, optional


def load_sc_face(path: Path) -> TTFont:
    """Pick the face whose family name contains "CJK SC" (not the Mono one)."""
    collection = TTCollection(str(path))
    for font in collection.fonts:
        family = font["name"].getDebugName(1) or ""
        if "CJK SC" in family and "Mono" not in family:
            return font
    raise SystemExit(f"{path}: no 'CJK SC' face found")


def rename(font: TTFont, family: str, style: str, src_name: str) -> None:
    """Give the subset its own name (OFL: Modified Versions), keep notices."""
    name = font["name"]
    version = font["head"].fontRevision
    ps_name = f"{family.replace(' ', '')}-{style}"
    new = {
        1: family,
        2: style,
        3: f"{version:.3f};GAZETTE;{ps_name}",
        4: family if style == "Regular" else f"{family} {style}",
        5: f"Version {version:.3f}; subset of {src_name} by tools/make_fonts.py",
        6: ps_name,
    }
    # Drop the trademark line and any typographic/CID names that still say Noto.
    for drop in (7, 16, 17, 20):
        name.removeNames(nameID=drop)
    for name_id, value in new.items():
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    # The CFF table carries its own FontName; keep it in sync with name ID 6.
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    if hasattr(top, "FullName"):
        top.FullName = new[4]
    if hasattr(top, "FamilyName"):
        top.FamilyName = family
    for attr in ("Notice", "Trademark"):
        if hasattr(top, attr) and "Noto" in str(getattr(top, attr)):
            delattr(top, attr)


def subset_face(src: Path, chars: set[str], desubroutinize: bool) -> bytes:
    font = load_sc_face(src)
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = desubroutinize
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["BASE"]  # Qt does not read BASE
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    font.recalcTimestamp = False  # keep head.modified: byte-identical reruns
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def write_license(out_dir: Path, copyrights: list[str]) -> None:
    """Write copyright notices + the full OFL 1.1 text (OFL condition 2)."""
    text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    # The stand-alone "License: SIL-1.1" paragraph (the one with a body).
    start = text.index("\nLicense: SIL-1.1\n ") + 1
    lines = []
    for line in text[start:].splitlines()[1:]:
        if not line.startswith(" "):
            break
        line = line[1:]
        lines.append("" if line == "." else line)
    ofl = "\n".join(lines).strip("\n")
    # Upstream's LICENSE states the copyright as "Copyright <years> Adobe
    # (http://www.adobe.com/), with Reserved Font Name 'Source'."; the font's
    # name ID 0 carries the years.
    notices = [
        c.replace("©", "Copyright").rstrip(".") + ", with Reserved Font Name 'Source'."
        for c in dict.fromkeys(copyrights)  # unique, in order
    ]
    header = "\n".join(notices)
    (out_dir / "LICENSE-OFL.txt").write_text(
        f"{header}\n\n"
        "Upstream: https://github.com/googlefonts/noto-cjk (Noto Sans CJK and\n"
        "Noto Serif CJK, as packaged by Debian fonts-noto-cjk). Modified Version:\n"
        "subset and renamed to Gazette Sans / Gazette Serif for 公报通 by\n"
        "tools/make_fonts.py. Noto is a trademark of Google Inc.\n\n"
        f"{ofl}\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC_DIR)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    required, optional = wanted_chars()
    copyrights = []
    failed = False
    for src_name, out_name, family, style in FACES:
        src = args.src / src_name
        cmap = load_sc_face(src).getBestCmap()
        missing = sorted(c for c in required if ord(c) not in cmap)
        if missing:
            print(f"ERROR {src_name}: lacks required characters: "
                  + " ".join(f"{c}(U+{ord(c):04X})" for c in missing), file=sys.stderr)
            failed = True
            continue
        chars = required | {c for c in optional if ord(c) in cmap}

        # Desubroutinizing usually enlarges CFF; keep whichever is smaller.
        sizes = {d: subset_face(src, chars, d) for d in (False, True)}
        desub = len(sizes[True]) < len(sizes[False])
        font = TTFont(io.BytesIO(sizes[desub]), recalcTimestamp=False)
        copyrights.append(font["name"].getDebugName(0))
        rename(font, family, style, src_name)
        out = args.out / out_name
        font.save(str(out))
        glyphs = len(TTFont(str(out), lazy=True).getGlyphOrder())
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
              f"{out.stat().st_size / 1e6:.2f} MB, {glyphs} glyphs, "
              f"{len(chars)} characters, desubroutinized={desub}")

    if failed:
        return 1
    write_license(args.out, copyrights)
    print(f"wrote {args.out / 'LICENSE-OFL.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
