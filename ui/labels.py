"""The words of the window that more than one module shows: one function or constant per rule.

The window's first stage draws stand-ins for widgets made later (the search
field, the department button, the menus, the counts in the status bar), and
they must read exactly as the real ones will: both take their words from
here. No Qt, nothing costly to import (the first stage imports it).
"""
from __future__ import annotations

from models.views.issue_list import issues_text  # noqa: F401  (the status bar's words)

# The menu bar, drawn in the first paint; the menus are filled once the window is complete.
MENU_TITLES = ("文件(&F)", "编辑(&E)", "部门(&D)", "书签(&B)", "查看(&V)", "帮助(&H)")
BOOKMARKS_MENU = MENU_TITLES[3]  # filled by the bookmarks (ui/bookmarks/flow.py)

SEARCH_PLACEHOLDER = "搜索全文或文号（Ctrl+F）"
WORD_FILES = "Word 文档 (*.docx)"  # the save dialog's filter for the duty list and the brief
_SEP = "　·　"


def government_label(government: str | None) -> str:
    """A government as the window names it (a document that names none: 未知政府)."""
    return "未知政府" if government in (None, "", "未知") else government


def department_label(name: str, government: str, several: bool) -> str:
    """A department as the filter shows it: with its government when the library holds
    several and the name does not say it (区财政局（市中区）, but 青川区财政局)."""
    if not several or (government and name.startswith(government)):
        return name
    return f"{name}（{government_label(government)}）"


def department_button(name: str | None) -> str:
    """The department button above the tree: the department shown, or how to pick one."""
    return f"部门：{name}" if name else "部门：全部（点此选择部门）"


def library_status(issues: str, documents: int, clauses: int, department: str | None = None,
                   expired: str = "") -> str:
    """The status bar's counts: the issues, their documents, the clauses the tree shows (all,
    or the *department*'s), and the *expired* banner of the document being read."""
    shown = f"{department}：显示 {clauses} 条" if department else f"共 {clauses} 条"
    text = _SEP.join(part for part in (issues, f"{documents} 件公文", shown) if part)
    return text + (f"{_SEP}当前公文{expired}" if expired else "")


def filter_status(described: str) -> str:
    """The status bar's permanent note of the department filter ("" when none is on)."""
    return f"筛选：{described}" if described else ""
