"""All custom item-data roles of the window's models, in one enum."""
from __future__ import annotations

from enum import IntEnum

from ui.qt import Qt


class Role(IntEnum):
    NodeKey = Qt.ItemDataRole.UserRole + 1  # node, document or synthetic key
    Kind = Qt.ItemDataRole.UserRole + 2  # issue | category | document | a node kind
    DocumentKey = Qt.ItemDataRole.UserRole + 3
    DocNumber = Qt.ItemDataRole.UserRole + 4
    Expired = Qt.ItemDataRole.UserRole + 5  # bool
    DeptRole = Qt.ItemDataRole.UserRole + 6  # the filtered department's role in the clause
    SearchText = Qt.ItemDataRole.UserRole + 7  # folded name + aliases (department picker)
    Count = Qt.ItemDataRole.UserRole + 8  # number of entries (department picker)
    Snippet = Qt.ItemDataRole.UserRole + 9  # HTML with marked matches (search results)
