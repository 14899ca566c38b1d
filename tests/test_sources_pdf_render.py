"""Pages render to a BGRA buffer a QImage can wrap, without Pillow."""
from __future__ import annotations

import pytest


from models.errors import BadGazetteError


def test_render_a_page(seed_pdf):
    from models.parse.sources.pdf import render_page
    pixels, width, height, stride = render_page(seed_pdf.read_bytes(), 4, 1.0)
    assert (width, height) == (595, 842) and stride >= 4 * width
    assert len(pixels) == stride * height
    # white margin, dark ink in the masthead's row (red: B and G low, R high)
    assert pixels[0:4] == b"\xff\xff\xff\xff"
    row = 130 * stride
    ink = [pixels[row + 4 * x: row + 4 * x + 4] for x in range(80, 520)]
    assert any(p[2] > 150 and p[1] < 100 and p[0] < 100 for p in ink)


def test_a_qimage_wraps_the_buffer(seed_pdf):
    from PySide6.QtGui import QImage
    from models.parse.sources.pdf import render_page
    pixels, width, height, stride = render_page(seed_pdf.read_bytes(), 1, 0.5)
    image = QImage(pixels, width, height, stride, QImage.Format.Format_ARGB32)
    assert image.width() == width and not image.isNull()
    assert image.pixelColor(2, 2).name() == "#ffffff"


def test_a_page_that_does_not_exist(seed_pdf):
    from models.parse.sources.pdf import render_page
    with pytest.raises(BadGazetteError, match="第 99 页不存在"):
        render_page(seed_pdf.read_bytes(), 99)


def test_no_qt_and_no_pillow_in_the_reader():
    import subprocess
    import sys
    from conftest import ROOT
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "import models.parse.sources.pdf, models.parse.sources.ofd, models.parse.sources.geometry; "
            "print(any(m.split('.')[0] in ('PySide6', 'PIL', 'pdfplumber', 'pdfminer') "
            "for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _a_pdf_whose_second_page_is_gone() -> bytes:
    """Two blank pages written by PDFium, the second one's object then pointed nowhere:
    the file opens, the page does not (as in a PDF cut and patched by hand)."""
    import io
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    doc.new_page(595, 842)
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    data = out.getvalue()
    kids = data[data.index(b"/Kids["):data.index(b"]", data.index(b"/Kids["))]
    second = kids.split()[-3]  # "/Kids[ 4 0 R  5 0 R": the second kid's object number
    return data.replace(kids, kids.replace(second + b" 0 R", b"99 0 R"))


def test_a_page_that_cannot_be_read_is_named_with_its_file():
    from models.parse.sources.pdf import page_sizes, read_pdf, render_page
    data = _a_pdf_whose_second_page_is_gone()
    for call in (lambda: page_sizes(data, "坏页.pdf"), lambda: read_pdf(data, "坏页.pdf"),
                 lambda: render_page(data, 2, 1.0, "坏页.pdf")):
        with pytest.raises(BadGazetteError) as caught:
            call()
        assert caught.value.detail == "坏页.pdf：第 2 页：该页无法读取，文件可能已损坏"
        assert str(caught.value) == "无法导入：" + caught.value.detail
    assert render_page(data, 1, 0.1, "坏页.pdf")[1:3] == (60, 84)  # the first page is fine
