"""The bookmarks panel's item model: collections at the top, their bookmarks below.

Each bookmark's row says what the clause is first (the panel is narrow),
where it comes from below (with 【已失效】 when its document has expired), its
state against the open library (条文已变化, 原条文已不在库中) and the start of
its note; its tooltip the whole citation.
Bookmarks may be dragged within their collection; the panel writes the new
order back to the store (ui/bookmarks/panel.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.views.brief import STATUS_LABELS
from models.views.citation import EXPIRED_MARK
from ui.item_roles import Role
from ui.plain import as_rich, escape
from ui.qt import QBrush, QColor, QModelIndex, QStandardItem, QStandardItemModel, Qt

if TYPE_CHECKING:
    from models.bookmarks import Bookmark, Collection

KEY_ROLE, KIND_ROLE = Role.NodeKey, Role.Kind  # the bookmarked clause; collection | bookmark
ID_ROLE, STATUS_ROLE = Role.BookmarkId, Role.BookmarkStatus

_STATUS_COLOURS = {"changed": QColor("#a35200"), "orphaned": QColor("#5f6368")}


class BookmarksModel(QStandardItemModel):
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # nothing is dropped between collections
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.data(KIND_ROLE) == "bookmark":
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def fill(self, collections: list[Collection], marks: list[Bookmark]) -> None:
        """Replace the rows by *collections*, each with its *marks* in their stored order."""
        self.clear()
        by_collection: dict[str, list[Bookmark]] = {}
        for m in marks:
            by_collection.setdefault(m.collection, []).append(m)
        for coll in collections:
            item = collection_item(coll.name)
            item.setToolTip(as_rich(f"{coll.name}：{coll.count} 条"))
            for m in by_collection.get(coll.name, []):
                item.appendRow(bookmark_item(m))
            self.appendRow(item)

    def collections(self) -> list[QStandardItem]:
        return [self.item(r) for r in range(self.rowCount())]

    def add(self, mark: Bookmark) -> QStandardItem:
        """Append *mark* to its collection (made if new); the collection's row."""
        parent = next((c for c in self.collections() if c.text() == mark.collection), None)
        if parent is None:
            parent = collection_item(mark.collection)
            self.appendRow(parent)
        parent.appendRow(bookmark_item(mark))
        parent.setToolTip(as_rich(f"{mark.collection}：{parent.rowCount()} 条"))
        return parent

    def bookmark_index(self, key: str) -> QModelIndex:
        """The first row of a bookmark of *key* (invalid if none)."""
        for parent in self.collections():
            for c in range(parent.rowCount()):
                if parent.child(c).data(KEY_ROLE) == key:
                    return parent.child(c).index()
        return QModelIndex()


def collection_item(name: str) -> QStandardItem:
    item = QStandardItem(name)
    item.setData("collection", KIND_ROLE)
    return item


def bookmark_item(m: Bookmark) -> QStandardItem:
    status = STATUS_LABELS[m.status]
    # What the clause is first (the panel is narrow), where it comes from below.
    text = f"{m.path} {m.heading}".strip() or m.title
    if status:
        text += f"　【{status}】"
    text += f"\n{m.doc_number or m.title}" + (f"　{EXPIRED_MARK}" if m.expired else "")
    if m.note:
        text += "\n备注：" + (m.note if len(m.note) <= 24 else m.note[:24] + "…")
    item = QStandardItem(text)
    item.setData("bookmark", KIND_ROLE)
    item.setData(m.key, KEY_ROLE)
    item.setData(m.id, ID_ROLE)
    item.setData(m.status, STATUS_ROLE)
    tip = f"<qt><b>{escape(m.citation())}</b>"
    if m.note:
        tip += f"<br/>备注：{escape(m.note)}"
    if status:
        tip += f"<br/>{status}"
    item.setToolTip(tip + "</qt>")
    if m.status in _STATUS_COLOURS:
        item.setForeground(QBrush(_STATUS_COLOURS[m.status]))
    return item
