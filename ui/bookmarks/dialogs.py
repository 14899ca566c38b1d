"""The bookmarks' dialogs: 收藏条款 (choose a collection, write a note) and 条文对照 (the text
saved with a bookmark beside the clause as the library has it now).

Texts from the library or a bookmark file are shown as text, never as HTML
(ui/plain.py).
"""
from __future__ import annotations

from models.bookmarks import Bookmark
from models.views.brief import STATUS_LABELS
from ui.plain import escape
from ui.plain import label as plain_label
from ui.qt import (QAction, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                   QKeySequence, QLabel, QPlainTextEdit, Qt, QTextBrowser, QVBoxLayout, QWidget)

DEFAULT_COLLECTION = "我的书签"


class BookmarkDialog(QDialog):
    """收藏到…: choose or type a collection, add a note."""

    def __init__(self, citation: str, heading: str, collections: list[str], current: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("收藏条款")
        form = QFormLayout(self)
        label = QLabel(f"<b>{escape(citation)}</b><br/>{escape(heading)}")
        label.setWordWrap(True)
        form.addRow(label)
        self.collection = QComboBox()
        self.collection.setEditable(True)
        self.collection.addItems(collections or [DEFAULT_COLLECTION])
        if current:
            self.collection.setCurrentText(current)
        self.collection.lineEdit().setPlaceholderText("例如：10月12日 营商环境专题会")
        self.collection.setToolTip("选择收藏夹，或输入新名称以新建")
        form.addRow("收藏夹：", self.collection)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("会上要说明的要点（可不填）。按 Ctrl+Enter 收藏")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        form.addRow("备注：", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.setText("收藏")
        save.setToolTip("收藏（Ctrl+Enter）")
        # Enter writes a new line in the note; Ctrl+Enter saves from anywhere in the dialog
        self.save_action = QAction("收藏", self)
        self.save_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.accept)
        self.addAction(self.save_action)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 260)

    def values(self) -> tuple[str, str]:
        return self.collection.currentText().strip(), self.note.toPlainText().strip()


class CompareDialog(QDialog):
    """收藏时的原文 and 现行条文 side by side, for a changed or orphaned bookmark."""

    def __init__(self, mark: Bookmark, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("条文对照")
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(mark.citation() + "　" + (STATUS_LABELS[mark.status] or "未变化")))
        row = QHBoxLayout()
        for title, text in (("收藏时的原文", mark.text),
                            ("现行条文", mark.current_text if mark.current_text is not None
                             else "（该条款已不在当前资料库中）")):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{title}</b>"))
            view = QTextBrowser(self)
            view.setPlainText(text)
            box.addWidget(view)
            row.addLayout(box)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        layout.addWidget(buttons)
