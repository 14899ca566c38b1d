"""The window's left pane: the reading tree, its context menu, the deadlines."""
