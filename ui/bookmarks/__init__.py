"""Bookmarks in the window: the dock's panel, the dialogs, the flow that adds and prints them."""
