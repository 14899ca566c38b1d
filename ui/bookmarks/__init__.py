"""Bookmarks in the window: flow.py (Ctrl+D, the 书签 menu and dock, the meeting brief),
panel.py (the dock's contents), model.py (its rows), dialogs.py (收藏条款, 条文对照).
The store itself is models/bookmarks/."""
