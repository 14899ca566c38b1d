"""The main window and its parts (being composed: see ui/window/main_window.py)."""
