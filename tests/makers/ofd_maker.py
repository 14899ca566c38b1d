"""Test fixtures: typeset pages → an OFD package that follows GB/T 33190-2016.

The tests need OFD files whose content they know, and none may be taken
from elsewhere. Each printed line (a run of glyphs on one baseline in one
font) becomes a TextObject with one or more TextCodes whose DeltaX carry the
exact advances ("g n d" where they repeat); rules become PathObjects. To make
the reader prove each rule it claims, the writer varies the forms producers
use: some objects are scaled through a CTM, long runs are split into
TextCodes that inherit Y, rules sit in a PageBlock of their own layer, and
what every page repeats (a running head) goes to a TemplatePage.
"""
from __future__ import annotations

import io
import uuid
import zipfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from tests.makers.typeset import MM
from models.parse.sources.ofd_package import NS

ET.register_namespace("ofd", NS)
FACES = {("serif", False): "宋体", ("serif", True): "宋体", ("sans", False): "黑体",
         ("sans", True): "黑体"}
RUN_GAP = 2.0  # a gap wider than this many font sizes starts a new TextObject (table cells)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _mm(points: float) -> str:
    text = f"{points / MM:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def compress_deltas(values: list[str]) -> str:
    """DeltaX text, with runs of one value written "g n d" as GB/T 33190 allows."""
    out: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        out.append(f"g {j - i} {values[i]}" if j - i > 2 else " ".join(values[i:j]))
        i = j
    return " ".join(out)


@dataclass
class _Run:
    glyphs: list  # PlacedGlyph, in x order
    size: float
    face: str
    bold: bool
    color: str
    baseline: float


def _runs(glyphs: list) -> list[_Run]:
    """Glyphs grouped into printed runs: one baseline, one font, no wide gap."""
    keyed: dict[tuple, list] = {}
    for g in glyphs:
        key = (round(g.baseline, 2), round(g.size, 3), g.face, bool(g.bold), g.color)
        keyed.setdefault(key, []).append(g)
    runs: list[_Run] = []
    for (baseline, size, face, bold, color), items in keyed.items():
        items.sort(key=lambda g: g.x)
        current: list = []
        for g in items:
            if current and g.x - current[-1].x > (RUN_GAP + 1) * size:
                runs.append(_Run(current, size, face, bold, color, baseline))
                current = []
            current.append(g)
        runs.append(_Run(current, size, face, bold, color, baseline))
    runs.sort(key=lambda r: (r.baseline, r.glyphs[0].x))
    return runs


class _Ids:
    def __init__(self) -> None:
        self.last = 0

    def next(self) -> str:
        self.last += 1
        return str(self.last)


def _rgb(color: str) -> str | None:
    c = (color or "#000000").lstrip("#")
    if len(c) != 6 or c.lower() == "000000":
        return None
    return " ".join(str(int(c[i:i + 2], 16)) for i in (0, 2, 4))


def _with_spaces(run: _Run, advance) -> None:
    """Put back the space characters a typesetter left as gaps, as producers that convert
    from Word write them: a gap clearly wider than the run's usual spacing is one space."""
    g = run.glyphs
    if len(g) < 2:
        return
    rest = [b.x - a.x - advance(a.char, run.size, run.face, run.bold) for a, b in zip(g, g[1:])]
    usual = sorted(rest)[len(rest) // 2]
    out = [g[0]]
    for a, b, r in zip(g, g[1:], rest):
        if r - usual > 0.3 * run.size:
            step = advance(a.char, run.size, run.face, run.bold) + usual
            out.append(type(a)(" ", a.x + step, a.baseline, a.size, a.face, a.bold, a.color))
        out.append(b)
    run.glyphs = out


def _text_object(parent: ET.Element, run: _Run, ids: _Ids, font_id: str, scaled: bool,
                 split: bool) -> None:
    first, last = run.glyphs[0], run.glyphs[-1]
    x0 = first.x
    top = run.baseline - run.size
    width = last.x + run.size - x0
    k = 2.0 if scaled else 1.0  # a CTM "2 0 0 2 0 0": everything inside is written halved
    boundary = f"{_mm(x0)} {_mm(top)} {_mm(width)} {_mm(run.size * 1.3)}"
    attrs = {"ID": ids.next(), "Boundary": boundary, "Font": font_id, "Size": _mm(run.size / k)}
    if scaled:
        attrs["CTM"] = "2 0 0 2 0 0"
    if run.bold:
        attrs["Weight"] = "700"
    obj = ET.SubElement(parent, _q("TextObject"), attrs)
    rgb = _rgb(run.color)
    if rgb:
        ET.SubElement(obj, _q("FillColor"), {"Value": rgb})
    pieces = [run.glyphs]
    if split and len(run.glyphs) > 6:
        half = len(run.glyphs) // 2
        pieces = [run.glyphs[:half], run.glyphs[half:]]
    for n, piece in enumerate(pieces):
        code_attrs = {"X": _mm((piece[0].x - x0) / k)}
        if n == 0:  # a later TextCode without Y takes the Y of the one before
            code_attrs["Y"] = _mm((run.baseline - top) / k)
        if len(piece) > 1:
            code_attrs["DeltaX"] = compress_deltas(
                [_mm((b.x - a.x) / k) for a, b in zip(piece, piece[1:])])
        code = ET.SubElement(obj, _q("TextCode"), code_attrs)
        code.text = "".join(g.char for g in piece)


def _path_object(parent: ET.Element, rule: tuple, ids: _Ids) -> None:
    x0, y0, x1, y1 = rule
    left, top = min(x0, x1), min(y0, y1)
    w, h = abs(x1 - x0), abs(y1 - y0)
    obj = ET.SubElement(parent, _q("PathObject"), {
        "ID": ids.next(), "LineWidth": "0.25",
        "Boundary": f"{_mm(left)} {_mm(top)} {_mm(max(w, 0.5))} {_mm(max(h, 0.5))}"})
    data = ET.SubElement(obj, _q("AbbreviatedData"))
    data.text = f"M {_mm(x0 - left)} {_mm(y0 - top)} L {_mm(x1 - left)} {_mm(y1 - top)}"


def _content(root: ET.Element, glyphs: list, rules: list, ids: _Ids, fonts: dict,
             counter: list[int], advance=None) -> None:
    content = ET.SubElement(root, _q("Content"))
    text_layer = ET.SubElement(content, _q("Layer"), {"ID": ids.next(), "Type": "Body"})
    for run in _runs(glyphs):
        counter[0] += 1
        if advance is not None and counter[0] % 2:
            _with_spaces(run, advance)
        _text_object(text_layer, run, ids, fonts[(run.face, run.bold)],
                     scaled=counter[0] % 3 == 0, split=counter[0] % 4 == 1)
    if rules:
        rule_layer = ET.SubElement(content, _q("Layer"), {"ID": ids.next(), "Type": "Background"})
        block = ET.SubElement(rule_layer, _q("PageBlock"), {"ID": ids.next()})
        for rule in rules:
            _path_object(block, rule, ids)


def _signature(glyphs: list, rules: list) -> tuple:
    return (tuple((g.char, round(g.x, 2), round(g.baseline, 2), round(g.size, 2)) for g in glyphs),
            tuple(tuple(round(v, 2) for v in r) for r in rules))


def _xml(element: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="utf-8")


def write_ofd(pages: list, *, title: str = "", template_above: float | None = 110.0,
              omit_page: int | None = None, advance=None) -> bytes:
    """The pages as an OFD package (bytes).

    With *advance* (the typesetter's ``advance(char, size, face, bold)``) every other run
    gets back, as characters, the spaces its typesetter left as gaps.
    Glyphs and rules above *template_above* points that are the same on two
    or more pages go to a shared TemplatePage. *omit_page* (1-based) leaves
    that page's Content.xml out: a damaged file, for the error tests.
    """
    ids = _Ids()
    faces = sorted({(g.face if g.face in ("serif", "sans") else "serif", bool(g.bold))
                    for p in pages for g in p.glyphs}) or [("serif", False)]
    fonts = {key: ids.next() for key in faces}
    for face in ("serif", "sans"):
        for bold in (False, True):
            fonts.setdefault((face, bold), fonts[faces[0]])
    # Shared running heads → templates.
    heads: dict[tuple, list[int]] = {}
    split: list[tuple[list, list, list, list]] = []
    for index, page in enumerate(pages):
        cut = template_above if template_above is not None else -1.0
        hg = [g for g in page.glyphs if g.baseline < cut]
        hr = [r for r in page.rules if max(r[1], r[3]) < cut]
        split.append((hg, hr, [g for g in page.glyphs if g.baseline >= cut],
                      [r for r in page.rules if max(r[1], r[3]) >= cut]))
        if hg or hr:
            heads.setdefault(_signature(hg, hr), []).append(index)
    template_of: dict[int, str] = {}
    templates: list[tuple[str, str, int]] = []  # (ID, BaseLoc, page index it is made from)
    for sig, members in heads.items():
        if len(members) < 2:
            continue
        tid = ids.next()
        templates.append((tid, f"Tpls/Tpl_{len(templates)}/Content.xml", members[0]))
        for m in members:
            template_of[m] = tid
    files: dict[str, bytes] = {}
    counter = [0]
    for tid, loc, source in templates:
        root = ET.Element(_q("Page"))
        hg, hr, _, _ = split[source]
        _content(root, hg, hr, ids, fonts, counter)
        files[f"Doc_0/{loc}"] = _xml(root)
    page_ids: list[str] = []
    for index, page in enumerate(pages):
        page_ids.append(ids.next())
        root = ET.Element(_q("Page"))
        hg, hr, bg, br = split[index]
        if index in template_of:
            ET.SubElement(root, _q("Template"), {"TemplateID": template_of[index],
                                                 "ZOrder": "Background"})
            glyphs, rules = bg, br
        else:
            glyphs, rules = hg + bg, hr + br
        if abs(page.width - 595.28) > 1 or abs(page.height - 841.89) > 1:
            area = ET.SubElement(root, _q("Area"))
            ET.SubElement(area, _q("PhysicalBox")).text = \
                f"0 0 {_mm(page.width)} {_mm(page.height)}"
        _content(root, glyphs, rules, ids, fonts, counter, advance)
        if omit_page != index + 1:
            files[f"Doc_0/Pages/Page_{index}/Content.xml"] = _xml(root)
    res = ET.Element(_q("Res"), {"BaseLoc": "Res"})
    fonts_el = ET.SubElement(res, _q("Fonts"))
    for (face, bold), fid in sorted(fonts.items(), key=lambda kv: int(kv[1])):
        if fonts_el.find(f"{_q('Font')}[@ID='{fid}']") is not None:
            continue
        attrs = {"ID": fid, "FontName": FACES[(face, bold)], "FamilyName": FACES[(face, bold)]}
        if bold:
            attrs["Bold"] = "true"
        if face == "serif":
            attrs["Serif"] = "true"
        ET.SubElement(fonts_el, _q("Font"), attrs)
    files["Doc_0/PublicRes.xml"] = _xml(res)
    doc = ET.Element(_q("Document"))
    common = ET.SubElement(doc, _q("CommonData"))
    ET.SubElement(common, _q("MaxUnitID")).text = str(ids.last)
    area = ET.SubElement(common, _q("PageArea"))
    ET.SubElement(area, _q("PhysicalBox")).text = "0 0 210 297"
    ET.SubElement(common, _q("PublicRes")).text = "PublicRes.xml"
    for tid, loc, _ in templates:
        ET.SubElement(common, _q("TemplatePage"), {"ID": tid, "BaseLoc": loc})
    pages_el = ET.SubElement(doc, _q("Pages"))
    for index, pid in enumerate(page_ids):
        ET.SubElement(pages_el, _q("Page"), {"ID": pid,
                                             "BaseLoc": f"Pages/Page_{index}/Content.xml"})
    files["Doc_0/Document.xml"] = _xml(doc)
    ofd = ET.Element(_q("OFD"), {"Version": "1.0", "DocType": "OFD"})
    body = ET.SubElement(ofd, _q("DocBody"))
    info = ET.SubElement(body, _q("DocInfo"))
    ET.SubElement(info, _q("DocID")).text = uuid.uuid5(uuid.NAMESPACE_OID, title or "ofd").hex
    if title:
        ET.SubElement(info, _q("Title")).text = title
    ET.SubElement(info, _q("Creator")).text = "公报通 test fixtures"
    ET.SubElement(body, _q("DocRoot")).text = "Doc_0/Document.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", _xml(ofd))
        for name in sorted(files):
            z.writestr(name, files[name])
    return out.getvalue()
