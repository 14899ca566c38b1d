"""部门 → 部门名录…: the units of each government, and the official's amendments of them.

    model.py     the table (名称 · 类别 · 又称 · 条目) and its filter
    dialog.py    the dialog: a government, a filter, 并入… / 改名… / 标为集体单位
    chooser.py   并入…: the unit the chosen one is another name of
    flow.py      the part the window owns: opens the dialog, applies an amendment, reloads
"""
