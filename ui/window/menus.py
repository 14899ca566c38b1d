"""The menus and shortcuts of the main window, all in Chinese, tooltips naming the keys.

Kept apart from the window's behaviour so the whole key map can be read in
one place (UX.md "Keys"): ACTIONS says what each action is called, its keys
and its tip; MENUS where it goes. What an action does is given by the window
as a slot per name (build_menus checks that each name has one), so this
module knows no part of the window.

The menu bar's titles are drawn in the window's first paint (ui/labels.py);
the actions, which need QKeySequence and Qt's enums, are made once the rest
of the window is built, and build_menus() fills the menus already in the bar.
The 书签 menu is filled by the bookmarks (ui/bookmarks/flow.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ui.labels import MENU_TITLES

if TYPE_CHECKING:
    from ui.qt import QAction, QMenu, QWidget

# The platform's own keys (QKeySequence.StandardKey members, by name): Ctrl+P, Ctrl+C, Ctrl+F
PRINT, COPY, FIND = "standard:Print", "standard:Copy", "standard:Find"

# name: (text, keys, tip)
ACTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "import": ("导入公报…", ("Ctrl+O",),
               "把公报加入本机资料库：PDF、OFD、Word（.docx）或文本，可一次选多个文件；"
               "也可以把文件或文件夹拖到窗口上"),
    "import_folder": ("导入文件夹…", (), "导入一个文件夹（含子文件夹）中的全部公报文件"),
    "preview": ("打印…", (PRINT,),
                "预览并打印当前显示的内容：选了部门时为其职责清单，否则为当前公文"),
    "pdf": ("导出为 PDF…", ("Ctrl+Shift+E",), "把当前显示的公文存为 PDF 文件"),
    "duty_word": ("导出职责清单为 Word…", (),
                  "把所选部门的职责清单存为 Word 文件（.docx），可在 WPS 或 Word 中编辑"),
    "duty_calendar": ("导出时限到日历…", (),
                      "把所选部门职责清单中的时限存为日历文件（.ics），可导入 Outlook、手机日历"),
    "quit": ("退出", ("Ctrl+Q",), ""),
    "copy": ("复制", (COPY,), "复制正文中选中的文字"),
    "cite": ("复制条款并注明出处", ("Ctrl+Shift+C",),
             "复制当前条款，开头注明《标题》（文号）和条款序号"),
    "cite_page": ("复制条款并注明出处和页码", ("Ctrl+Alt+C",),
                  "同上，出处后再注明条款在公报中的页码（第N页；从 PDF、OFD 导入的公报才有）"),
    "find": ("搜索…", (FIND,), "全文检索，也可输入文号"),
    "department": ("选择部门…", ("Ctrl+E",), "只显示与某个部门有关的条款"),
    "duties": ("打印职责清单…", ("Ctrl+Shift+P",),
               "打印所选部门的职责清单：选择角色与公文，预览、打印或导出 PDF、Word、日历"),
    "registry": ("部门名录…", (), "各政府的部门及其简称、条目数；把单位并入另一个、改名或标为集体单位"),
    "clear": ("清除搜索和筛选", ("Esc",), "先清除搜索，再按一次清除部门筛选"),
    "zoom_in": ("放大", ("Ctrl+=", "Ctrl++"), ""),
    "zoom_out": ("缩小", ("Ctrl+-",), ""),
    "zoom_reset": ("实际大小", ("Ctrl+0",), ""),
    "panes": ("下一个窗格", ("F6",), "依次移到搜索框、目录（或搜索结果）、正文、书签、时限"),
    "panes_back": ("上一个窗格", ("Shift+F6",), "按相反顺序移动焦点"),
    "original": ("原文", ("Ctrl+Shift+O",),
                 "在正文旁显示当前条款所在的原文页面，条款的文字行已框出（PDF、OFD 导入的公报）"),
    "expand": ("展开全部", (), ""),
    "collapse": ("折叠到公文", (), ""),
    "help": ("使用说明", ("F1",), "三件常做的事怎么做，以及全部快捷键"),
    "about": ("关于公报通", (), ""),
}
MENUS = dict(zip(MENU_TITLES, (
    ["import", "import_folder", None, "preview", "pdf", None, "duty_word", "duty_calendar",
     None, "quit"],  # 文件
    ["copy", "cite", "cite_page", None, "find"],  # 编辑
    ["department", "duties", "registry", None, "clear"],  # 部门
    [],  # 书签: ui/bookmarks/flow.py
    ["original", None, "zoom_in", "zoom_out", "zoom_reset", None, "panes", "panes_back",
     "expand", "collapse"],  # 查看
    ["help", None, "about"],  # 帮助
)))


def key_sequences(keys=()) -> list:
    """QKeySequences of *keys* as ACTIONS writes them ("Ctrl+O", "standard:Print")."""
    from ui.qt import QKeySequence
    standard = QKeySequence.StandardKey
    return [QKeySequence(getattr(standard, k.removeprefix("standard:"))
                         if k.startswith("standard:") else k) for k in keys]


def key_text(keys=()) -> str:
    """*keys* as the platform writes them (Ctrl+P), " / " between them."""
    from ui.qt import QKeySequence
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                      for s in key_sequences(keys))


def make_action(owner: QWidget, text: str, slot, keys=(), tip: str = "") -> QAction:
    """An action of *owner* (shortcuts work anywhere in its window), its tooltip naming the
    first key."""
    from ui.qt import QAction, QKeySequence, Qt
    action = QAction(text, owner)
    sequences = key_sequences(keys)
    if sequences:
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
    action.setToolTip(f"{tip or text}（{shown}）" if shown else (tip or text))
    action.setStatusTip(tip or text)
    # Called without triggered's `checked`: PySide6 would pass it to any slot that takes an
    # argument, export_pdf(path=None) and print_duty_list(preview_only=False) included.
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def build_menus(owner: QWidget, menus: list[QMenu], slots: dict[str, Callable]
                ) -> dict[str, QAction]:
    """Make the actions of ACTIONS, each calling slots[name], and put them in *menus* (the
    menus the window's first stage made, by title); return the actions by name."""
    missing = set(ACTIONS) ^ set(slots)
    if missing:
        raise ValueError(f"slots do not match the actions: {sorted(missing)}")
    actions = {name: make_action(owner, text, slots[name], keys, tip)
               for name, (text, keys, tip) in ACTIONS.items()}
    # The menus the window made in stage 1 (kept by the window: QAction.menu() hands back
    # wrappers that some PySide6 versions treat as owning the menu).
    shown = {m.title(): m for m in menus}
    for title, names in MENUS.items():
        menu = shown[title]
        menu.setToolTipsVisible(True)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
    return actions
