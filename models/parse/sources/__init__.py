"""Gazette files of every format → the parser's lines: one small reader per format.

- text (.txt): UTF-8, UTF-16 or GB18030 lines (text.py);
- PDF with a text layer: PDFium's glyphs (pdf.py), laid out by geometry/;
- OFD (GB/T 33190): its XML's glyphs (ofd.py, standard library only), the same geometry;
- Word (.docx): python-docx paragraphs and tables, numbering rendered (word.py).

The format is told by the file's first bytes, not by its name, so a PDF
saved as .txt still imports. Old binary Word and WPS files (.doc, .wps: an
OLE2 container) are met with a message saying to save them as .docx or PDF.
Each reader is imported when a file of its format comes, never at start-up.
"""
from __future__ import annotations

import io
import zipfile

from models.parse.line import Line

SUFFIXES = {".txt": "text", ".pdf": "pdf", ".ofd": "ofd", ".docx": "word"}
OLD_SUFFIXES = (".doc", ".wps", ".dot", ".wpt", ".rtf")  # met with the save-as message
IMPORTABLE = tuple(SUFFIXES) + OLD_SUFFIXES  # what a folder import picks up
FORMAT_NAMES = {"text": "文本", "pdf": "PDF", "ofd": "OFD", "word": "Word"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str = "") -> str:
    """The reader for *data*: text, pdf, ofd or word (whose reader also names the
    zips and OLE2 files that are no gazette)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE2):
        return "word"  # .doc, .wps, or an encrypted .docx: the Word reader says which
    if data.startswith(b"PK"):
        try:
            names = {n.lower() for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}
        except (zipfile.BadZipFile, ValueError, EOFError):
            names = set()
        if "ofd.xml" in names:
            return "ofd"
        if names or not name.lower().endswith(".ofd"):
            return "word"
        return "ofd"  # a damaged zip named .ofd: the OFD reader says what is wrong
    suffix = name.lower().rpartition(".")[2]
    return {"pdf": "pdf", "ofd": "ofd", "docx": "word"}.get(suffix, "text")


def read_lines(data: bytes, name: str = "") -> tuple[str, list[Line]]:
    """(format, lines) of a gazette file, or a BadGazetteError saying what is wrong."""
    kind = sniff(data, name)
    if kind == "pdf":
        from models.parse.sources.geometry import lines_from_pages
        from models.parse.sources.pdf import read_pdf
        return kind, lines_from_pages(read_pdf(data, name))
    if kind == "ofd":
        from models.parse.sources.geometry import lines_from_pages
        from models.parse.sources.ofd import read_ofd
        return kind, lines_from_pages(read_ofd(data, name))
    if kind == "word":
        from models.parse.sources.word import read_docx
        return kind, read_docx(data, name)
    from models.parse.sources.text import decode, split_lines
    return kind, split_lines(decode(data, name))
