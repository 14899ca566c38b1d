"""The bar above the reading pane that says the document being read has expired.

A banner inside the document scrolls away with the text: an official who
opens a clause deep in an expired plan from the tree would never see it. This
bar does not scroll: for every node of an expired document it says
本文件已失效（有效期至2023年12月31日）, and it is gone for a document in force.
Paper still carries the banner (models/views/document_html.py), and the
citation, the bookmarks and the brief their 【已失效】.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.plain import set_plain
from ui.qt import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from models.store.records import DocumentInfo

STYLE = ("QLabel { background: #fde7e7; color: #a31515; font-weight: bold;"
         " padding: 6px 12px; border-bottom: 1px solid #f3b9b9; }")


class ExpiryBar(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_plain(self)
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.setAccessibleName("失效提示")
        self.hide()

    def show_for(self, doc: DocumentInfo | None) -> None:
        """Say so when *doc* (the document shown, None for none) has expired; else hide."""
        if doc is not None and doc.expired():
            from models.views.document_html import expired_notice
            self.setText(f"{expired_notice(doc)}，仅供查阅参考。")
            self.show()
        else:
            self.setText("")
            self.hide()

    def set_zoom(self, zoom: float) -> None:
        from ui.fonts import zoomed_font
        self.setFont(zoomed_font(zoom))

    def above(self, pane: QWidget) -> QWidget:
        """A column holding this bar above *pane*, to put where the pane was."""
        column = QWidget()
        column.setSizePolicy(pane.sizePolicy())  # (the splitter gives it what the pane had)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(pane, 1)
        return column
