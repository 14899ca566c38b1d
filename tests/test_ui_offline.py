"""The viewer is offline: a whole session opens no socket, and gazette HTML stays inert."""
from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from ui_fixtures import make_window, qt_app, type_text, window  # noqa: F401 (fixtures)

HOSTILE = """枣庄市市中区人民政府文件

市中政发〔2022〕99号

市中区人民政府 关于测试外部资源的通知

各镇人民政府，各街道办事处，区政府各部门：

为测试，现通知如下。

一、图片不得加载。<img src="http://example.invalid/track.png"> 与 ![图](http://example.invalid/x.png) 均应原样显示。（区财政局牵头，区政府有关部门按职责分工负责）

二、链接不得打开。请访问 [网站](http://example.invalid/) 或 <a href="http://example.invalid/">这里</a> 以及 http://example.invalid/auto 。（区财政局负责）

市中区人民政府

2022年4月8日

（此件公开发布）
"""


@pytest.fixture()
def no_network(monkeypatch):
    """Every way of opening a connection fails loudly and is recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("网络已禁止（测试）")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture()
def hostile_library(tmp_path, seed_library_path):
    from models.store.content import import_gazette
    target = tmp_path / "hostile.sqlite"
    shutil.copyfile(seed_library_path, target)
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    import_gazette(source, library=target)
    return target


def test_whole_session_offline(qtbot, make_window, no_network, hostile_library, tmp_path):
    window = make_window(library_path=hostile_library)
    requested = []
    original = window.reader.loadResource
    window.reader.loadResource = lambda kind, url: requested.append(url) or original(kind, url)
    window.filter_search.set_department("区财政局")
    window.filter_search.field.setFocus()
    type_text(qtbot, window.filter_search.field, "链接")
    qtbot.waitUntil(lambda: not window.filter_search.field.timer.isActive())
    qtbot.keyClick(window.filter_search.field, Qt.Key.Key_Return)
    assert window.reader.document_key == "doc:市中政发|2022|99"
    html = window.reader.html
    assert "<img" not in html and "http://example.invalid" in html  # shown as text
    assert 'href="http' not in html
    text = window.reader.toPlainText()
    assert '<img src="http://example.invalid/track.png">' in text
    window.output.copy_citation()
    assert QApplication.clipboard().text().startswith("《市中区人民政府关于测试外部资源的通知》")
    pdf = window.output.export_pdf(tmp_path / "offline.pdf")
    assert pdf.stat().st_size > 1000
    window.reader.anchorClicked.emit(QUrl("http://example.invalid/"))  # a click on a link
    qtbot.wait(50)
    assert window.reader.document_key == "doc:市中政发|2022|99"
    assert no_network == []
    assert [u.toString() for u in requested if u.scheme() in ("http", "https", "ftp")] == []


def test_reader_loads_no_resource_even_from_raw_html(window, no_network, qtbot):
    calls = []
    reader = window.reader
    original = reader.loadResource
    reader.loadResource = lambda kind, url: calls.append(url.toString()) or original(kind, url)
    reader.setHtml('<p><img src="http://example.invalid/a.png">'
                   '<a href="http://example.invalid/">x</a></p>')
    qtbot.wait(20)
    assert original(0, QUrl("http://example.invalid/a.png")) is None
    assert original(0, QUrl("file:///etc/passwd")) is None
    assert reader.openLinks() is False and reader.openExternalLinks() is False
    assert no_network == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")
def test_printed_pdf_reads_back(window, tmp_path):
    window.filter_search.set_department("区财政局")
    window.open_key("doc:市中政办字|2021|14")
    pdf = window.output.export_pdf(tmp_path / "view.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = "".join(text.split())
    assert "已失效：有效期至2023年12月31日" in flat
    assert "市中区人民政府办公室关于印发市中区低速电动车综合整治工作方案的通知" in flat
    assert "财政部门：负责综合整治工作所需经费的保障落实。" in flat
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Gazette" in fonts and "Noto" not in fonts.replace("Gazette", "")
