"""帮助 → 使用说明 (F1): the three things officials do most, step by step, and every key.

The journeys are UX.md's; the keys are read from the key map itself
(ui/window/menus.py ACTIONS) and the few keys other parts own (bookmarks, the
bookmarks panel, the tree and lists), so the page cannot drift from what the
keys do.
"""
from __future__ import annotations

from ui.plain import escape
from ui.qt import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

JOURNEYS = (
    ("查看本部门的任务", [
        "按 Ctrl+E（或点目录上方的“部门”按钮），输入部门名称的一部分，如“财政”，按回车。",
        "目录只留下与本部门有关的条款，〔牵头〕〔负责〕在前、〔配合〕在后；下方按日期列出本部门的时限，"
        "已过的标有（已过）。",
        "按 Ctrl+P 预览并打印本部门的职责清单；Ctrl+Shift+P 可先选角色和公文。按 Esc 清除部门筛选。"]),
    ("准备会议材料", [
        "按 Ctrl+F 搜索，如“托育”；也可输入纸面上的文号，方括号 [ ] 与〔〕都可以。",
        "用方向键和回车（或单击）打开条款，按 Ctrl+D 收藏到收藏夹（如“周四 专题会”），写上备注，"
        "按 Ctrl+Enter 保存。",
        "在右侧的书签面板里拖动或用 Alt+↑ / Alt+↓ 调整顺序，单击书签即可打开；"
        "书签 → 打印会议材料，材料带出处和备注。"]),
    ("核对文件是否有效、原文怎么说", [
        "已失效的公文在目录中标有【已失效】，打开后正文上方显示“本文件已失效（有效期至……）”。",
        "选中条款后按 Ctrl+Shift+C，复制条款及出处《标题》（文号）二、（三）1.，可直接粘贴到文稿中。"]),
)

OTHER_KEYS = (  # keys that are not in the menus' key map
    ("Ctrl+D", "收藏当前条款"), ("Ctrl+Shift+B", "显示或隐藏书签面板"),
    ("方向键、回车", "在目录、搜索结果和书签中移动、打开"),
    ("Alt+↑ / Alt+↓", "在书签面板中调整顺序"), ("F2", "编辑书签备注"),
    ("Delete", "删除书签或收藏夹"), ("Ctrl+Enter", "在收藏对话框中保存"),
)


def keys() -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the menus that has keys, then OTHER_KEYS."""
    from ui.window.menus import ACTIONS, key_text
    rows = [(key_text(sequences), text.rstrip("…"))
            for text, sequences, _tip in ACTIONS.values() if sequences]
    return rows + list(OTHER_KEYS)


def usage_html() -> str:
    parts = ["<h2>公报通使用说明</h2>"]
    for title, steps in JOURNEYS:
        parts.append(f"<h3>{escape(title)}</h3><ol>")
        parts += [f"<li>{escape(step)}</li>" for step in steps]
        parts.append("</ol>")
    parts.append('<h3>快捷键</h3><table cellpadding="3">')
    parts += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(what)}</td></tr>" for k, what in keys()]
    parts.append("</table>")
    return "".join(parts)


def show_usage(parent: QWidget | None) -> None:
    from ui import plain
    dialog = QDialog(parent)
    dialog.setWindowTitle("使用说明")
    layout = QVBoxLayout(dialog)
    page = QTextBrowser(dialog)
    page.setOpenLinks(False)
    page.setHtml(usage_html())
    layout.addWidget(page)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    area = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(640, area.width() - 40), min(680, area.height() - 80))
    plain.run_dialog(dialog)
    dialog.deleteLater()
