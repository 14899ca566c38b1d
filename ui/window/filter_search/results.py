"""The search results, grouped by document, as a model and the view that shows them.

Results replace the tree while a query is active (Esc returns to it; the
field is ui/window/filter_search/search_field.py). Each hit shows where it is
(二、（三）1.) and a snippet with the match marked; the snippet HTML comes from
models.store.search, already escaped, with <mark> around matches, which Qt's
rich text does not know, so it becomes a styled span.
"""
from __future__ import annotations

from models.store.search import SearchResult
from ui.item_roles import Role
from ui.plain import as_rich, escape
from ui.qt import (QAbstractItemView, QColor, QEvent, QPainter, QSize, QStandardItem,
                   QStandardItemModel, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                   QTextDocument, Qt, QTreeView, Signal)

_MARK = '<span style="background-color: #ffe066; color: #000000;">'


def snippet_html(hit_path: str, snippet: str, label: str = "") -> str:
    """Where the hit is, then its snippet (escaped, matches in <mark>); the clause's own
    number (*label*, 1、), which its text starts with, is left out: *hit_path* ends with it."""
    own = escape(label.strip())
    if own and snippet.startswith(own):
        snippet = snippet[len(own):].lstrip()
    html = snippet.replace("<mark>", _MARK).replace("</mark>", "</span>")
    return f'<span style="color: #1a5fb4; font-weight: bold;">{escape(hit_path)}</span>　{html}'


def group_html(doc_number: str | None, title: str, count: int) -> str:
    """A document's header in the results: its 文号 on a line of its own (never cut off by a
    long title), the number of hits, then the title, wrapped to the pane's width."""
    number = escape(doc_number or "（无文号）")
    return (f'<span style="color: #1a5fb4; font-weight: bold;">{number}</span>　{count} 处'
            f"<br/><b>{escape(title)}</b>")


class ResultsModel(QStandardItemModel):
    def show(self, result: SearchResult) -> int:
        """Replace the rows by *result*; return the number of hits."""
        self.clear()
        root = self.invisibleRootItem()
        count = 0
        for group in result.groups:
            head = QStandardItem(f"{group.title}　{group.doc_number or ''}　（{len(group.hits)} 处）")
            head.setData(group.document_key, Role.NodeKey)
            head.setData(group.document_key, Role.DocumentKey)
            head.setData("document", Role.Kind)
            head.setEditable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setToolTip(as_rich(f"{group.title}\n{group.doc_number or ''}"))
            head.setData(group_html(group.doc_number, group.title, len(group.hits)), Role.Snippet)
            rows = []
            for hit in group.hits:
                item = QStandardItem(hit.path + " " + hit.heading)
                item.setData(hit.key, Role.NodeKey)
                item.setData(hit.document_key, Role.DocumentKey)
                item.setData(hit.kind, Role.Kind)
                item.setData(snippet_html(hit.path if hit.kind not in ("title", "doc_number")
                                          else "标题" if hit.kind == "title" else "文号",
                                          hit.snippet, hit.label), Role.Snippet)
                item.setToolTip(as_rich(f"{hit.doc_number or ''} {hit.path}"))
                item.setEditable(False)
                rows.append(item)
            head.appendRows(rows)
            root.appendRow(head)
            count += len(rows)
        return count


class SnippetDelegate(QStyledItemDelegate):
    """Draws a hit's HTML snippet (or a document's header), wrapped to the view's width."""

    def _doc(self, option, index) -> QTextDocument | None:
        html = index.data(Role.Snippet)
        if not html:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)
        view = self.parent()
        width = option.rect.width() if option.rect.width() > 0 else view.viewport().width() - 40
        doc.setTextWidth(max(120, width))
        return doc

    def sizeHint(self, option, index) -> QSize:
        doc = self._doc(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)

    def paint(self, painter: QPainter, option, index) -> None:
        doc = self._doc(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(0, 0, opt.rect.width(), opt.rect.height())
        doc.drawContents(painter)
        painter.restore()


class ResultsView(QTreeView):
    escape = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(SnippetDelegate(self))
        self.setAccessibleName("搜索结果")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(f"QTreeView::item:selected {{ background: {QColor('#cfe3ff').name()};"
                           " color: black; }")

    def first_hit(self):
        model = self.model()
        if model.rowCount():
            group = model.index(0, 0)
            return model.index(0, 0, group) if model.rowCount(group) else group
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.scheduleDelayedItemsLayout()  # wrapped snippets change height with width
        return super().event(event)
