"""Reading a PDF's text layer with PDFium (pypdfium2): glyphs with boxes, and rules.

Why PDFium: measured against pdfplumber/pdfminer.six on the seed gazette
(bench/pdf_library_bench.py) it gives every character with its box many times faster,
from a library a fraction of the size, under Apache-2.0/BSD. It does no layout
analysis; that is geometry/'s job, shared with the OFD reader.

Every failure a user can meet (not a PDF, damaged, truncated, encrypted, a
scan without text, a page whose font has no Unicode map) is a BadGazetteError
with a Chinese message; messages about one page name it (第 N 页).
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as c

from models.errors import BadGazetteError, os_reason
from models.parse.sources.geometry.glyphs import Glyph, RawPage, Segment

MAX_BYTES = 512 * 1024 * 1024
_SPACES = {0x20, 0xA0, 0x3000, 0x09}
_SKIP = {0x0D, 0x0A, 0x02, 0xFFFE, 0x00}
_BOLD_WORDS = (b"bold", b"heavy", b"black", b"semibold", b"demi", b"medium-bold", b"hei-b")


def is_whole_pdf(data: bytes) -> bool:
    """Whether *data* (a PDF, or its last few KB) ends as a PDF ends (%%EOF; padding after it
    is harmless): a download cut short, or a file a writer could not finish, does not."""
    return b"%%EOF" in data.rstrip(b"\x00\r\n\t\x0c ")[-2048:]


def _load(data: bytes, source: str) -> pdfium.PdfDocument:
    if not data.strip():
        raise BadGazetteError("文件为空，没有可导入的内容", source=source)
    if len(data) > MAX_BYTES:
        raise BadGazetteError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB）", source=source)
    if b"%PDF-" not in data[:1024]:
        raise BadGazetteError("这不是 PDF 文件（文件开头没有 %PDF 标记）", source=source)
    if not is_whole_pdf(data):
        raise BadGazetteError("PDF 文件不完整：缺少文件结尾标记（%%EOF），可能下载未完成或文件被截断，"
                              "请重新获取完整的文件", source=source)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == c.FPDF_ERR_PASSWORD:
            reason = "PDF 文件已加密，需要密码才能打开；请先用密码解除加密（另存为未加密的 PDF）再导入"
        elif code == c.FPDF_ERR_SECURITY:
            reason = "PDF 文件使用了不支持的加密方式，无法读取"
        elif code == c.FPDF_ERR_FORMAT:
            reason = "PDF 文件已损坏，无法读取（文件结构错误）"
        else:
            reason = "PDF 文件无法打开，文件可能已损坏"
        raise BadGazetteError(reason, source=source) from None
    if len(pdf) == 0:
        raise BadGazetteError("PDF 文件中没有页面", source=source)
    return pdf


def _as_bytes(source: str | Path | bytes) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), ""
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise BadGazetteError(f"无法读取文件（{os_reason(exc, reading=True)}）", source=path.name) from None


def read_pdf(source: str | Path | bytes, name: str = "") -> list[RawPage]:
    """Every page of the PDF as glyphs and rule segments, or a BadGazetteError."""
    data, file_name = _as_bytes(source)
    name = name or file_name
    pdf = _load(data, name)
    try:
        pages: list[RawPage] = []
        scanned: list[int] = []
        unreadable: list[int] = []
        bold_of: dict[bytes, bool] = {}
        for index in range(len(pdf)):
            number = index + 1
            page = _page(pdf, number, name)
            try:
                glyphs, bad = _glyphs(page, bold_of)
                segments, image_area = _paths(page)
                width, height = page.get_size()
            finally:
                page.close()
            printed = [g for g in glyphs if g.char != " "]
            if (not printed and image_area > 0.25 * width * height) or \
                    (len(printed) < 20 and image_area > 0.6 * width * height):
                scanned.append(number)  # an image of the page (with at most a stamped number)
            elif bad and bad > 0.3 * len(printed):
                unreadable.append(number)
            pages.append(RawPage(number, width, height, glyphs, segments))
    finally:
        pdf.close()
    if scanned and len(scanned) == len(pages):
        raise BadGazetteError(f"本文件为扫描图像，没有文字层（共 {len(pages)} 页都只有图片），无法提取文字；"
                              "请使用带文字层的 PDF，或先做文字识别（OCR）", source=name)
    if scanned:
        raise BadGazetteError(f"{_pages(scanned)}为扫描图像，没有文字层，无法完整导入；"
                              "请使用各页都带文字层的 PDF", source=name)
    if unreadable:
        raise BadGazetteError(f"{_pages(unreadable)}的文字无法识别（字体没有 Unicode 编码映射，"
                              "提取出来是乱码）", source=name)
    if not any(g.char != " " for p in pages for g in p.glyphs):
        raise BadGazetteError("PDF 中没有可提取的文字：各页既没有文字层也没有图片"
                              "（空白页，或文字已转为曲线）", source=name)
    return pages


def _pages(numbers: list[int]) -> str:
    """第 3 页 / 第 1、2、3 页 / 第 1、2、…、8 等 51 页"""
    shown = "、".join(str(n) for n in numbers[:8])
    return f"第 {shown} 等 {len(numbers)} 页" if len(numbers) > 8 else f"第 {shown} 页"


def _glyphs(page: pdfium.PdfPage, bold_of: dict[bytes, bool]) -> tuple[list[Glyph], int]:
    """The page's characters with their advance boxes (top-left origin), size and weight;
    PDFium's generated spaces and line ends are left out (layout decides on gaps). Also the
    count of characters that look like a font without a Unicode map: PDFium then gives
    glyph ids, which land in the control range and in Latin Extended … Greek, never seen in
    a Chinese gazette."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        count = c.FPDFText_CountChars(textpage.raw)
        rect = c.FS_RECTF()
        matrix = c.FS_MATRIX()
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        get_unicode, get_box = c.FPDFText_GetUnicode, c.FPDFText_GetLooseCharBox
        get_size, get_matrix = c.FPDFText_GetFontSize, c.FPDFText_GetMatrix
        get_font, generated = c.FPDFText_GetFontInfo, c.FPDFText_IsGenerated
        glyphs: list[Glyph] = []
        bad = 0
        rect_ref, matrix_ref = ctypes.byref(rect), ctypes.byref(matrix)
        flags_ref = ctypes.byref(flags)
        tp = textpage.raw  # the bare handle: no wrapper lookup on each of the calls below
        for i in range(count):
            u = get_unicode(tp, i)
            if u in _SKIP:
                continue
            if u in _SPACES and generated(tp, i):
                continue
            if u < 0x20 or u == 0xFFFD or 0xE000 <= u <= 0xF8FF:
                bad += 1  # no Unicode for this glyph (a glyph id, a private code)
                continue
            if 0x100 <= u < 0x2000:
                bad += 1  # kept, but suspicious: glyph ids read as Latin Extended … Greek
            if not get_box(tp, i, rect_ref):
                continue
            get_matrix(tp, i, matrix_ref)  # the size is Tf × the text and page matrices
            scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5 or 1.0
            size = round(get_size(tp, i) * scale, 2)
            get_font(tp, i, name, 256, flags_ref)
            key = name.value
            bold = bold_of.get(key)
            if bold is None:
                low = key.lower()
                bold = bold_of[key] = any(w in low for w in _BOLD_WORDS) or \
                    bool(flags.value & 0x40000)
            ch = chr(u) if u < 0x110000 else "\ufffd"
            glyphs.append(Glyph(" " if u in _SPACES else ch, rect.left, height - rect.top,
                                rect.right, height - rect.bottom, size, bold))
        return glyphs, bad
    finally:
        textpage.close()


def _paths(page: pdfium.PdfPage) -> tuple[list[Segment], float]:
    """Straight horizontal and vertical strokes (and rectangle edges) of the page's path
    objects, in top-left coordinates; and the area its images cover."""
    height = page.get_height()
    segments: list[Segment] = []
    image_area = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()

    def walk(container, count_fn, get_fn, outer: tuple[float, ...]) -> None:
        nonlocal image_area
        for k in range(count_fn(container)):
            obj = get_fn(container, k)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT:
                continue
            m = c.FS_MATRIX()
            c.FPDFPageObj_GetMatrix(obj, m)
            mat = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            if kind == c.FPDF_PAGEOBJ_IMAGE:
                c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                image_area += abs((right.value - left.value) * (top.value - bottom.value))
            elif kind == c.FPDF_PAGEOBJ_FORM:
                walk(obj, c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, mat)
            elif kind == c.FPDF_PAGEOBJ_PATH:
                _path_segments(obj, mat, height, segments, x, y)

    walk(page.raw, c.FPDFPage_CountObjects, c.FPDFPage_GetObject, (1, 0, 0, 1, 0, 0))
    return segments, image_area


def _compose(m: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    a, b, cc, d, e, f = m
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, cc * A + d * C, cc * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _path_segments(obj, mat: tuple[float, ...], height: float, out: list[Segment],
                   x: ctypes.c_float, y: ctypes.c_float) -> None:
    a, b, cc, d, e, f = mat
    points: list[tuple[float, float, int, bool]] = []
    for k in range(c.FPDFPath_CountSegments(obj)):
        seg = c.FPDFPath_GetPathSegment(obj, k)
        c.FPDFPathSegment_GetPoint(seg, x, y)
        X = a * x.value + cc * y.value + e
        Y = b * x.value + d * y.value + f
        points.append((X, height - Y, c.FPDFPathSegment_GetType(seg),
                       bool(c.FPDFPathSegment_GetClose(seg))))
    start = None
    prev = None
    edges: list[tuple[float, float, float, float]] = []
    for X, Y, kind, close in points:
        if kind == c.FPDF_SEGMENT_MOVETO:
            start = prev = (X, Y)
            continue
        if prev is not None and kind == c.FPDF_SEGMENT_LINETO:
            edges.append((prev[0], prev[1], X, Y))
        prev = (X, Y)
        if close and start is not None:
            edges.append((X, Y, start[0], start[1]))
            prev = start
    if edges:
        xs = [v for e_ in edges for v in (e_[0], e_[2])]
        ys = [v for e_ in edges for v in (e_[1], e_[3])]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if (w < 2.5 <= h or h < 2.5 <= w) and len(edges) >= 3:
            # a thin filled rectangle drawn as a rule (how word processors draw borders)
            if w < h:
                mid = (max(xs) + min(xs)) / 2
                out.append(Segment(mid, min(ys), mid, max(ys)))
            else:
                mid = (max(ys) + min(ys)) / 2
                out.append(Segment(min(xs), mid, max(xs), mid))
            return
    for x0, y0, x1, y1 in edges:
        if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 2:
            out.append(Segment(min(x0, x1), y0, max(x0, x1), y0))
        elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 2:
            out.append(Segment(x0, min(y0, y1), x0, max(y0, y1)))


def _page(pdf: pdfium.PdfDocument, number: int, source: str) -> pdfium.PdfPage:
    """Page *number* (1-based), or a BadGazetteError naming it: PDFium refuses a damaged
    page only when it is opened, after the file opened well."""
    try:
        return pdf[number - 1]
    except pdfium.PdfiumError:
        raise BadGazetteError("该页无法读取，文件可能已损坏", source=source, page=number) from None


def page_sizes(data: bytes, source: str = "") -> list[tuple[float, float]]:
    """The size of every page in points (width, height): what the 原文 view lays out."""
    pdf = _load(data, source)
    try:
        sizes = []
        for number in range(1, len(pdf) + 1):
            try:
                sizes.append(pdf.get_page_size(number - 1))
            except pdfium.PdfiumError:
                raise BadGazetteError("该页无法读取，文件可能已损坏", source=source,
                                      page=number) from None
        return sizes
    finally:
        pdf.close()


def render_page(data: bytes, page_number: int, scale: float = 1.0,
                source: str = "") -> tuple[bytes, int, int, int]:
    """Page *page_number* (1-based) rendered to a BGRA buffer: (pixels, width, height, stride).

    The bytes are what QImage(pixels, width, height, stride, QImage.Format_ARGB32) reads on a
    little-endian machine (and Format_RGB32: the page is opaque); no Pillow involved."""
    pdf = _load(data, source)
    try:
        if not 1 <= page_number <= len(pdf):
            raise BadGazetteError(f"第 {page_number} 页不存在（文件共 {len(pdf)} 页）",
                                  source=source)
        page = _page(pdf, page_number, source)
        try:
            w_pt, h_pt = page.get_size()
            width, height = max(1, round(w_pt * scale)), max(1, round(h_pt * scale))
            bitmap = c.FPDFBitmap_Create(width, height, 1)
            if not bitmap:
                raise BadGazetteError("该页太大，无法显示（内存不足）", source=source,
                                      page=page_number)
            try:
                c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
                c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0,
                                        c.FPDF_ANNOT | c.FPDF_LCD_TEXT)
                stride = c.FPDFBitmap_GetStride(bitmap)
                pixels = ctypes.string_at(c.FPDFBitmap_GetBuffer(bitmap), stride * height)
            finally:
                c.FPDFBitmap_Destroy(bitmap)
        finally:
            page.close()
    finally:
        pdf.close()
    return pixels, width, height, stride
