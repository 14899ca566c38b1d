"""All item-data roles of the window's models, in one place (the item models' roles, not the
departments' roles of models/roles.py).

Written as numbers, not as Qt.ItemDataRole members: reading PySide6's `Qt`
namespace costs ~30 ms, and the tree is drawn before anything reads it
(ui/startup/). The values are fixed by Qt's ABI.
"""
from __future__ import annotations

from enum import IntEnum

DISPLAY_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE = 0, 3, 6, 9  # Qt::DisplayRole …
USER_ROLE = 0x0100  # Qt::UserRole


class Role(IntEnum):
    NodeKey = USER_ROLE + 1  # node, document or synthetic key (a bookmark's clause)
    Kind = USER_ROLE + 2  # issue | category | document | a node kind; collection | bookmark
    DocumentKey = USER_ROLE + 3
    DocNumber = USER_ROLE + 4
    Expired = USER_ROLE + 5  # bool
    DeptRole = USER_ROLE + 6  # the filtered department's role in the clause
    SearchText = USER_ROLE + 7  # folded name + aliases (department picker)
    Count = USER_ROLE + 8  # number of entries (department picker)
    Snippet = USER_ROLE + 9  # HTML with marked matches (search results)
    BookmarkId = USER_ROLE + 10  # the bookmark's id in the store (bookmarks panel)
    BookmarkStatus = USER_ROLE + 11  # ok | changed | orphaned (bookmarks panel)
    Government = USER_ROLE + 12  # whose unit (department picker, 部门名录)


# Plain ints for the comparisons the tree model's data() makes on every call.
NODE_KEY, KIND, DOCUMENT_KEY, DOC_NUMBER, EXPIRED, DEPT_ROLE = (
    int(Role.NodeKey), int(Role.Kind), int(Role.DocumentKey), int(Role.DocNumber),
    int(Role.Expired), int(Role.DeptRole))
