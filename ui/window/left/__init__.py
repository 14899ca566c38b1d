"""The window's left pane: the reading tree, its filter proxy and context menu, the deadlines."""
