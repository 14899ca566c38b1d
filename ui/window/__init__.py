"""The main window and the parts it is composed of.

    main_window.py   MainWindow: builds the parts (in two stages), wires them, navigates
    left/            the left pane: tree (model, view, context menu), deadlines
    filter_search/   the department filter (chip row, picker) and the search (field, results)
    reader.py        the reading pane
    output.py        copy with citation, print what is shown, the duty list, export PDF
    menus.py         the key map: every action's text, keys and tip, and its menu
    status.py        the status bar
    state.py         what the window remembers between runs
    original.py      原文: the kept PDF/OFD page of the clause (original_image.py draws it)
    import_flow.py   imports of files, a folder or drops, off the UI thread (import_progress.py)
    registry/        部门 → 部门名录…: each government's units; merge, rename, collective
    rebuild_flow.py  a library made stale by a new version, rebuilt in the background while
                     the old one serves (rebuild_progress.py: the status bar's line, the dialog)

Each part owns its state and its widgets. A part is given what it needs when
it is made (another part, or a callable: the open library, open_key, notify)
and tells what happened by Qt signals, which MainWindow connects:

    left.current_changed(kind, key, document)  → the reader shows the row
    left.deadline_chosen(key)                  → MainWindow.open_key
    filter_search.open_requested(key, terms)   → MainWindow.open_key
    filter_search.changed                      → the status bar is rewritten
    reader.document_link / bookmark_requested / copy_citation_requested / print_requested
    tree_menu.*_requested                      → output, bookmarks (ui/bookmarks/)
    output.department_needed                   → the department picker opens
    reader.shown(document, clause)             → original.show_key
    import_flow.finished(summaries)            → MainWindow.reload_library
    import_flow.registry_requested(summary)    → registry.open_for_import (打开部门名录…)
    rebuild.rebuilt                            → MainWindow.reload_library

The bookmarks (ui/bookmarks/) and the printouts (ui/printing/) are parts too,
in packages of their own, as they are used beyond this window.
"""
