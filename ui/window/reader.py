"""The reading pane: one document rendered like the official text, offline only.

A QTextBrowser that never follows a link by itself and never loads a
resource: loadResource answers nothing for any URL, so an image or link in
a gazette (already inert in the Markdown) can never reach the network. The
pane re-renders its HTML when the zoom changes, so indents and chips scale
with the text.

Re-rendering (zoom, bookmark marks) and resizing (a dock opening) keep the
clause being read where it was in the view, not the same fraction of the
scroll bar. The masthead is fitted to the line (re-rendered when the width
changes it); width_for() tells the window how wide the pane must be to show a
number of characters a line at the current zoom (ui/window/room.py).

The pane is made after the first paint of the window (ui/startup/staged.py; a
blank panel holds its place until then): the HTML code (models.views.document_html)
and the context menu's classes are imported when first needed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QFont, QFontMetricsF, QMimeData, QTextBrowser, QTimer, QUrl, Signal
from ui.window import reading_place
from ui.window.reading_place import PlaceKeeper

if TYPE_CHECKING:
    from models.views.document_html import ReadingStyle
    from ui.qt import QMenu
    from models.store.library import DepartmentInfo, Library

ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)


def base_style(sans: str, serif: str, body_pt: float = 14.0) -> ReadingStyle:
    """The pane's style at zoom 1, with the indent measured from the real body font."""
    from models.views.document_html import ReadingStyle
    char_px = QFontMetricsF(QFont(serif, round(body_pt))).horizontalAdvance("中")
    return ReadingStyle(sans=sans, serif=serif, body_pt=body_pt, char_px=char_px)


class ReaderView(QTextBrowser):
    document_link = Signal(str)  # a cited document held in the library was clicked
    copy_citation_requested = Signal()
    bookmark_requested = Signal(str)  # a clause's mark (☆) or 收藏此条 in the context menu
    print_requested = Signal()
    shown = Signal(str, str)  # the document and the clause (or "") now shown (the 原文 view)
    document_changed = Signal(str)  # another document is shown (its key; "" for none)

    def __init__(self, style: ReadingStyle, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("正文")
        self.anchorClicked.connect(self._on_anchor)
        self.library: Library | None = None
        self.style_ = style
        self.zoom = 1.0
        self.document_key: str | None = None
        self.current: str | None = None
        self.department: DepartmentInfo | None = None
        self.terms: tuple[str, ...] = ()
        self.bookmarked: frozenset[str] | None = None  # None: no marks (until bookmarks load)
        self.html = ""
        self.place = PlaceKeeper(self)  # the clause read, kept in view when laid out again
        self._masthead, self._masthead_fit = "", 0.0  # of the document shown, fitted to the line
        self._refit = QTimer(self, singleShot=True, interval=80)  # re-render once resized
        self._refit.timeout.connect(lambda: self._render(keep_scroll=True))
        self.document().setDocumentMargin(28)
        self.document().setUndoRedoEnabled(False)  # (the highlight moves by editing formats)
        # The scroll bar always shown: as needed, it came and went while each new text was
        # set (empty, then long), laying the whole text out twice at two widths per clause
        # opened, and the lines' width (28 characters at least) changed with it.
        from ui.qt import Qt
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.show_placeholder()

    def _refresh(self) -> None:
        """Draw again in the current style and zoom: the document, or the placeholder."""
        if self.document_key:
            self._render(keep_scroll=True)
        else:
            self.show_placeholder()

    # ------------------------------------------------------- measures
    def char_width(self) -> float:
        """The advance of one Chinese character of the body text at the current zoom."""
        return reading_place.char_width(self.style_.serif, self.style_.body_pt * self.zoom)

    def line_width(self) -> float:
        return self.viewport().width() - 2 * self.document().documentMargin()

    def chars_per_line(self) -> float:
        """How many characters of the body text a line of the pane holds now."""
        return self.line_width() / self.char_width()

    def width_for(self, chars: int) -> int:
        """The pane's width that shows *chars* characters a line at the current zoom."""
        return reading_place.width_for(self, chars, self.char_width())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        kept = self.place.in_view(self.current)
        super().resizeEvent(event)  # the text is laid out again at the new width
        self.place.restore(kept)
        if self._masthead and self.document_key and self.isVisible():
            from models.views.document_html import masthead_size
            if masthead_size(self.current_style(), self._masthead) != self._masthead_fit:
                self._refit.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._refit.stop()  # (the window closing: its library may be closed next)
        super().hideEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """What is copied: the selection without the word joiners that keep names whole."""
        from models.views.citation import without_joiners
        data = QMimeData()
        fragment = self.textCursor().selection()
        data.setText(without_joiners(fragment.toPlainText()))
        data.setHtml(without_joiners(fragment.toHtml()))
        return data

    # --------------------------------------------------------- offline
    def loadResource(self, type_: int, url: QUrl):  # noqa: N802 (Qt override)
        """Nothing is ever loaded: not from the network, not from disk."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("gazette:doc/"):
            self.document_link.emit(text[len("gazette:doc/"):])
        elif text.startswith("gazette:bookmark/"):
            self.bookmark_requested.emit(text[len("gazette:bookmark/"):])
        # any other link is inert

    def set_bookmarked(self, keys: frozenset[str]) -> None:
        """Which clauses are bookmarked: their marks show ★ instead of ☆."""
        if keys != self.bookmarked:
            self.bookmarked = keys
            if self.document_key:
                self._render(keep_scroll=True)

    def clause_at(self, pos) -> str | None:
        """The key of the clause under *pos* (viewport coordinates), from the anchors before it."""
        from models.views.document_html import BODY_END
        block = self.cursorForPosition(pos).block()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                names = it.fragment().charFormat().anchorNames()
                if names:
                    return names[0] if names[0] != BODY_END else None
                it += 1
            block = block.previous()
        return None

    # -------------------------------------------------------- content
    def set_library(self, library: Library) -> None:
        self.library = library
        self.document_key = self.current = None
        self.show_placeholder()
        self.document_changed.emit("")

    def show_placeholder(self) -> None:
        self.html = ""
        self.place.clear()
        self._masthead = ""
        self.setHtml(f"<html><head><style>{self.style_.css()}</style></head><body>"
                     '<p class="meta" style="margin-top: 80px;">在左侧目录中选择一件公文或一个条款，'
                     "或按 Ctrl+F 搜索。</p></body></html>")

    def show_node(self, document_key: str, current: str | None = None,
                  terms: tuple[str, ...] | list[str] = (), force: bool = False) -> None:
        """Render the document and scroll to *current* (highlighted), terms marked."""
        terms = tuple(terms)
        other = document_key != self.document_key
        changed = force or other or current != self.current or terms != self.terms
        moved = other or current != self.current
        before = self.current
        same_text = not (force or other or terms != self.terms)
        self.document_key, self.current, self.terms = document_key, current, terms
        if changed and not (same_text and self._move_highlight(before, current)):
            self._render()
        if moved:
            self.shown.emit(document_key, current or "")
        self.scroll_to_current()
        if other:
            self.document_changed.emit(document_key)

    def set_department(self, department: DepartmentInfo | None) -> None:
        if (department and department.name) != (self.department and self.department.name):
            self.department = department
            if self.document_key:
                self._render(keep_scroll=True)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._refresh()

    def current_style(self) -> ReadingStyle:
        from dataclasses import replace
        return replace(self.style_, zoom=self.zoom, line_px=max(0.0, self.line_width()))

    def print_html(self, dpi: int = 96) -> str:
        """The shown document at normal size for paper, without the on-screen highlight.

        Qt's layout scales CSS pixels to the printer itself (1 px = 1/96 inch), so
        the indent is one em of the body size at 96 dpi whatever *dpi* is.
        """
        if not (self.library and self.document_key):
            return ""
        from dataclasses import replace

        from models.views.document_html import document_html
        style = replace(self.style_, char_px=self.style_.body_pt * 96 / 72)
        return document_html(self.library, self.document_key, style=style,
                             department=self.department, terms=self.terms)

    def _render(self, keep_scroll: bool = False) -> None:
        if not (self.library and self.document_key and self.style_):
            return
        from models.views.document_html import document_html, masthead_size
        kept = self.place.in_view(self.current) if keep_scroll else None
        style = self.current_style()
        self.html = document_html(self.library, self.document_key, style=style,
                                  current=self.current, department=self.department,
                                  terms=self.terms, bookmarked=self.bookmarked, screen=True)
        self.setHtml(self.html)
        self.place.index()
        self._masthead = self.library.document(self.document_key).masthead or ""
        self._masthead_fit = masthead_size(style, self._masthead)
        self.place.restore(kept)

    def _move_highlight(self, old: str | None, new: str | None) -> bool:
        """Within the document shown, the highlight moved from *old* to *new* in place: the
        Down arrow through a long document does not lay the whole text out again for each
        clause. False when the text must be drawn again (the header's page changes)."""
        from models.views.document_html import HIGHLIGHT, header_page, highlighted
        if not (self.library and self.document_key and self.place.anchors):
            return False
        nodes = self.library.nodes(self.document_key)
        doc = self.library.document(self.document_key)
        if header_page(nodes, old, doc) != header_page(nodes, new, doc):
            return False
        off, on = highlighted(nodes, old), highlighted(nodes, new)
        self.place.paint(off - on, None)
        self.place.paint(on - off, HIGHLIGHT)
        return True

    def scroll_to_current(self) -> None:
        if self.current:
            self.scrollToAnchor(self.current)
            QTimer.singleShot(0, lambda: self.current and self.scrollToAnchor(self.current))
        else:
            self.verticalScrollBar().setValue(0)

    # -------------------------------------------------- context menu
    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        menu = self.context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos) -> QMenu:
        """The menu for the point *pos* of the viewport (the clause there can be bookmarked)."""
        from ui.qt import QAction, QKeySequence, QMenu
        menu = QMenu(self)
        copy = menu.addAction("复制")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        select_all = menu.addAction("全选")
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.triggered.connect(self.selectAll)
        menu.addSeparator()
        cite = menu.addAction("复制条款并注明出处")
        cite.setShortcut(QKeySequence("Ctrl+Shift+C"))
        cite.setEnabled(bool(self.current or self.document_key))
        cite.triggered.connect(self.copy_citation_requested)
        here = self.clause_at(pos)
        mark = menu.addAction("收藏此条…")
        mark.setShortcut(QKeySequence("Ctrl+D"))
        mark.setEnabled(bool(here))
        mark.triggered.connect(lambda: here and self.bookmark_requested.emit(here))
        print_action = QAction("打印…", menu)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_requested)
        menu.addAction(print_action)
        return menu
