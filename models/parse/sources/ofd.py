"""OFD (GB/T 33190-2016) → positioned glyphs and rules, one RawPage per page.

The walk follows the standard: OFD.xml → DocBody/DocRoot → Document.xml →
CommonData (PageArea, PublicRes/DocumentRes, TemplatePage) → Pages/Page
BaseLoc → Content.xml → Layer → TextObject/TextCode and PathObject (also
inside PageBlock and CompositeObject). Template pages are read too: running
heads often live there. Geometry is left to layout.lines_from_pages, shared
with PDF, so both formats become paragraphs by the same rules.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
import xml.etree.ElementTree as ET

from models.parse.sources.geometry.glyphs import Glyph, RawPage, Segment
from models.parse.sources.ofd_geometry import (IDENTITY, Affine, apply, box, compose, deltas, nominal_width,
                          object_transform, path_lines, scale_of)
from models.parse.sources.ofd_package import Package, kid, kid_text, kids, local

MM = 72 / 25.4  # points per millimetre: OFD measures in mm

A4_MM = (0.0, 0.0, 210.0, 297.0)
ASCENT, DESCENT = 0.88, 0.12  # of the font size: a glyph box without the font's metrics
MAX_DEPTH = 16  # nested PageBlock/CompositeObject levels followed
SCAN = "本文件为扫描图像，没有文字层，无法导入文字；请使用带文字层的 OFD 或 PDF"


@dataclass
class _Resources:
    fonts: dict[str, bool] = field(default_factory=dict)  # font ID → bold
    units: dict[str, ET.Element] = field(default_factory=dict)  # CompositeGraphicUnit by ID

    def copy(self) -> "_Resources":
        return _Resources(dict(self.fonts), dict(self.units))


@dataclass
class _Sink:
    """Where one page's content goes, with the page box to measure from (mm)."""
    area: tuple[float, float, float, float]
    res: _Resources
    glyphs: list[Glyph] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    images: int = 0


def read_ofd(source: str | Path | bytes, source_name: str = "") -> list[RawPage]:
    """Every page of the first document of an OFD package, in points, top-left origin."""
    if not source_name and isinstance(source, (str, Path)):
        source_name = Path(source).name
    pkg = Package(source, source_name)
    entry = pkg.find("OFD.xml")
    if entry is None:
        raise pkg.error("压缩包中没有 OFD.xml，这不是 OFD 文件")
    root = pkg.xml(entry, "OFD 入口文件")
    if local(root.tag) != "OFD":
        raise pkg.error("OFD.xml 的根元素不是 OFD，这不是 OFD 文件")
    doc_loc = pkg.resolve(entry, kid_text(kid(root, "DocBody"), "DocRoot"))
    if doc_loc is None:
        raise pkg.error("OFD.xml 中没有 DocRoot，找不到文档")
    doc_name = pkg.find(doc_loc)
    if doc_name is None:
        raise pkg.error(f"OFD 文件不完整：缺少文档根节点（{doc_loc}）")
    doc = pkg.xml(doc_name, "文档根节点")
    common = kid(doc, "CommonData")
    default_area = box(kid_text(kid(common, "PageArea"), "PhysicalBox")) or A4_MM
    res = _Resources()
    for name in ("PublicRes", "DocumentRes"):
        for node in kids(common, name):
            _load_resources(pkg, pkg.resolve(doc_name, node.text), res)
    templates = {t.get("ID", "").strip(): pkg.resolve(doc_name, t.get("BaseLoc"))
                 for t in kids(common, "TemplatePage")}
    page_refs = kids(kid(doc, "Pages"), "Page")
    if not page_refs:
        raise pkg.error("OFD 文件中没有页面")
    parsed_templates: dict[str, ET.Element] = {}
    pages: list[RawPage] = []
    images = 0
    for number, ref in enumerate(page_refs, start=1):
        loc = pkg.resolve(doc_name, ref.get("BaseLoc"))
        name = pkg.find(loc) if loc else None
        if name is None:
            raise pkg.error(f"OFD 文件不完整：第 {number} 页的内容（{loc or '未指明位置'}）缺失")
        page_root = pkg.xml(name, f"第 {number} 页的内容")
        area = box(kid_text(kid(page_root, "Area"), "PhysicalBox")) or default_area
        page_res = res
        if kids(page_root, "PageRes"):
            page_res = res.copy()
            for node in kids(page_root, "PageRes"):
                _load_resources(pkg, pkg.resolve(name, node.text), page_res)
        sink = _Sink(area, page_res)
        for use in kids(page_root, "Template"):
            tid = (use.get("TemplateID") or "").strip()
            if tid not in parsed_templates:
                tloc = templates.get(tid)
                tname = pkg.find(tloc) if tloc else None
                if tname is None:
                    raise pkg.error(f"OFD 文件不完整：第 {number} 页使用的模板页"
                                    f"（{tloc or tid}）缺失")
                parsed_templates[tid] = pkg.xml(tname, f"第 {number} 页的模板页")
            _walk_content(parsed_templates[tid], sink)
        _walk_content(page_root, sink)
        images += sink.images
        pages.append(RawPage(number, area[2] * MM, area[3] * MM, sink.glyphs, sink.segments))
    if not any(page.glyphs for page in pages):
        raise pkg.error(SCAN if images else "OFD 文件的页面上没有任何文字（没有文字层），无法导入")
    return pages


def _load_resources(pkg: Package, loc: str | None, res: _Resources) -> None:
    """Fonts (for boldness) and composite units. A missing resource file is tolerated:
    real files name ones they never ship, and text positions do not depend on them."""
    name = pkg.find(loc) if loc else None
    if name is None:
        return
    root = pkg.xml(name, "资源文件")
    for font in (f for fonts in kids(root, "Fonts") for f in kids(fonts, "Font")):
        res.fonts[(font.get("ID") or "").strip()] = _true(font.get("Bold"))
    for units in kids(root, "CompositeGraphicUnits"):
        for unit in kids(units, "CompositeGraphicUnit"):
            res.units[(unit.get("ID") or "").strip()] = unit


def _walk_content(root: ET.Element, sink: _Sink) -> None:
    for layer in kids(kid(root, "Content"), "Layer"):
        _walk(list(layer), IDENTITY, sink, 0)


def _walk(elements: list[ET.Element], t: Affine, sink: _Sink, depth: int) -> None:
    for el in elements:
        if el.get("Visible", "true").strip().lower() == "false":
            continue  # not printed: a hidden duplicate is no part of the page
        name = local(el.tag)
        if name == "TextObject":
            _text_object(el, t, sink)
        elif name == "PathObject":
            _path_object(el, t, sink)
        elif name == "ImageObject":
            sink.images += 1
        elif depth >= MAX_DEPTH:
            continue
        elif name == "PageBlock":
            _walk(list(el), t, sink, depth + 1)
        elif name == "CompositeObject":
            unit = sink.res.units.get((el.get("ResourceID") or "").strip())
            inner = compose(t, object_transform(el.get("Boundary"), el.get("CTM")))
            content = kid(unit, "Content")
            if content is not None:
                _walk(list(content), inner, sink, depth + 1)


def _text_object(el: ET.Element, t: Affine, sink: _Sink) -> None:
    full = compose(t, object_transform(el.get("Boundary"), el.get("CTM")))
    try:
        size = float(el.get("Size", "0"))
    except ValueError:
        size = 0.0
    weight = el.get("Weight", "400").strip()
    bold = sink.res.fonts.get((el.get("Font") or "").strip(), False) or \
        (weight.isdigit() and int(weight) >= 700)
    stretch = (full[0] ** 2 + full[1] ** 2) ** 0.5 or 1.0  # x-direction scale, for widths
    shown = size * scale_of(full) * MM
    placed: list[tuple[str, float, float]] = []  # char and its origin in object space
    x = y = 0.0
    for code in kids(el, "TextCode"):
        text = code.text or ""
        x = _float(code.get("X"), x)
        y = _float(code.get("Y"), y)
        dx = deltas(code.get("DeltaX"), len(text) - 1)
        dy = deltas(code.get("DeltaY"), len(text) - 1)
        gx, gy = x, y
        for i, char in enumerate(text):
            if i:
                gx += dx[i - 1] if dx else nominal_width(text[i - 1], size)
                gy += dy[i - 1] if dy else 0.0
            if unicodedata.category(char) in ("Cc", "Cf") and char != "\t":
                continue
            placed.append((" " if char == "\t" else char, gx, gy))
    ox, oy = sink.area[0], sink.area[1]
    for i, (char, gx, gy) in enumerate(placed):
        # Without the font's metrics a glyph's box reaches to the next glyph of its line
        # (its advance plus any justification), unless that is far beyond the glyph's
        # nominal width: then the distance is a space the layout must see as a gap.
        width = nominal_width(char, size)
        if i + 1 < len(placed) and placed[i + 1][2] == gy:
            step = placed[i + 1][1] - gx
            if 0 < step <= width + 0.4 * size:
                width = step
        px, py = apply(full, gx, gy)
        left, base = (px - ox) * MM, (py - oy) * MM
        sink.glyphs.append(Glyph(char, left, base - ASCENT * shown, left + width * stretch * MM,
                                 base + DESCENT * shown, shown, bold))


def _path_object(el: ET.Element, t: Affine, sink: _Sink) -> None:
    stroke = el.get("Stroke", "true").strip().lower() != "false"
    fill = el.get("Fill", "false").strip().lower() == "true"
    if not (stroke or fill):
        return  # drawn neither way: invisible
    full = compose(t, object_transform(el.get("Boundary"), el.get("CTM")))
    ox, oy = sink.area[0], sink.area[1]
    for x0, y0, x1, y1 in path_lines(kid_text(el, "AbbreviatedData")):
        ax, ay = apply(full, x0, y0)
        bx, by = apply(full, x1, y1)
        ax, ay, bx, by = (ax - ox) * MM, (ay - oy) * MM, (bx - ox) * MM, (by - oy) * MM
        if abs(ax - bx) > 0.5 and abs(ay - by) > 0.5:
            continue  # a slanted stroke is no table rule
        sink.segments.append(Segment(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))


def _float(value: str | None, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        return float(value)
    except ValueError:
        return default


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"
