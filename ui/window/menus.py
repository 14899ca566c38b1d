"""The menus and shortcuts of the main window, all in Chinese, tooltips naming the keys.

Kept apart from the window's behaviour so the whole key map can be read in
one place (UX.md "Keys").

The menu bar's titles are drawn in the window's first paint (MENU_TITLES,
added by the shell of ui/main_window.py); the actions, which need
QKeySequence and Qt's enums, are made once the rest of the window is built,
and build_menus() fills the menus already in the bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.labels import MENU_TITLES

if TYPE_CHECKING:
    from ui.qt import QAction, QMainWindow


def _action(window: QMainWindow, text: str, slot, keys=(), tip: str = "") -> QAction:
    from ui.qt import QAction, QKeySequence, Qt
    action = QAction(text, window)
    sequences = [QKeySequence(k) if isinstance(k, str) else QKeySequence(k) for k in keys]
    if sequences:
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
    action.setToolTip(f"{tip or text}（{shown}）" if shown else (tip or text))
    action.setStatusTip(tip or text)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus(w) -> dict[str, QAction]:
    """Create the actions of MainWindow *w* and its menus; return the actions by name."""
    from ui.qt import QKeySequence
    StdKey = QKeySequence.StandardKey  # noqa: N806 (reads like the Qt name it abbreviates)
    a = {
        "import": _action(w, "导入公报…", w.import_flow.choose_and_import, ["Ctrl+O"],
                          "把一期公报的文本加入本机资料库"),
        "preview": _action(w, "打印…", w.print_preview, [StdKey.Print],
                           "预览并打印当前显示的内容：选了部门时为其职责清单，否则为当前公文"),
        "pdf": _action(w, "导出为 PDF…", w.export_pdf, ["Ctrl+Shift+E"],
                       "把当前显示的公文存为 PDF 文件"),
        "quit": _action(w, "退出", w.close, ["Ctrl+Q"]),
        "copy": _action(w, "复制", w.reader.copy, [StdKey.Copy], "复制正文中选中的文字"),
        "cite": _action(w, "复制条款并注明出处", w.copy_citation, ["Ctrl+Shift+C"],
                        "复制当前条款，开头注明《标题》（文号）和条款序号"),
        "find": _action(w, "搜索…", w.focus_search, [StdKey.Find], "全文检索，也可输入文号"),
        "department": _action(w, "选择部门…", w.open_picker, ["Ctrl+E"],
                              "只显示与某个部门有关的条款"),
        "duties": _action(w, "打印职责清单…", w.print_duty_list, ["Ctrl+Shift+P"],
                          "打印所选部门的职责清单：选择角色与公文，预览、打印或导出 PDF"),
        "clear": _action(w, "清除搜索和筛选", w.escape, ["Esc"],
                         "先清除搜索，再按一次清除部门筛选"),
        "zoom_in": _action(w, "放大", lambda: w.zoom_step(1), ["Ctrl+=", "Ctrl++"]),
        "zoom_out": _action(w, "缩小", lambda: w.zoom_step(-1), ["Ctrl+-"]),
        "zoom_reset": _action(w, "实际大小", w.zoom_reset, ["Ctrl+0"]),
        "panes": _action(w, "切换窗格", w.switch_pane, ["F6"], "在目录和正文之间移动焦点"),
        "expand": _action(w, "展开全部", lambda: w.tree.expandAll()),
        "collapse": _action(w, "折叠到公文", w.collapse_to_documents),
        "about": _action(w, "关于公报通", w.show_about),
    }
    bar = w.menuBar()
    # The menus the shell made in stage 1 (kept by the window: QAction.menu() hands back
    # wrappers that some PySide6 versions treat as owning the menu).
    shown = {m.title(): m for m in getattr(w, "menus", [])}
    menus = dict(zip(MENU_TITLES, (
        ["import", None, "preview", "pdf", None, "quit"],  # 文件
        ["copy", "cite", None, "find"],  # 编辑
        ["department", "duties", None, "clear"],  # 部门
        [],  # 书签: ui/bookmark_flow.py
        ["zoom_in", "zoom_out", "zoom_reset", None, "panes", "expand", "collapse"],  # 查看
        ["about"],  # 帮助
    )))
    for title, names in menus.items():
        menu = shown.get(title) or bar.addMenu(title)
        menu.setToolTipsVisible(True)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(a[name])
    return a
