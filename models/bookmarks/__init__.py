"""Bookmarks for meetings: the store (store.py), files to and from other computers
(exchange.py), and what to do with a damaged store (repair.py)."""
from __future__ import annotations

from models.errors import (BadBookmarkFileError, BookmarkError, BookmarkStorageError,
                      DamagedBookmarksError, UnknownCollectionError)
from models.bookmarks.store import Bookmark, BookmarkStore, Collection, bookmark_store_path

__all__ = ["BadBookmarkFileError", "Bookmark", "BookmarkError", "BookmarkStorageError",
           "BookmarkStore", "Collection", "DamagedBookmarksError", "UnknownCollectionError",
           "bookmark_store_path"]
