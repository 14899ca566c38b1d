"""What a rebuild of the library shows: the status bar's line while the window serves the old
library (RebuildLine: 第 n / N 期, a bar, 取消), and the dialog of a rebuild that must come
before the window can open (RebuildDialog: a library of a schema this version cannot read).

Neither asks anything of the library; ui/window/rebuild_flow.py runs the rebuild
and tells them how it goes.
"""
from __future__ import annotations

from ui.plain import label as plain_label
from ui.qt import QDialog, QHBoxLayout, QProgressBar, QToolButton, QVBoxLayout, QWidget, Signal

STARTING = "正在按新版本重建资料库……"
CANCEL_TIP = "停止重建，继续使用原来的资料库（下次启动时会再次重建）"
LINK = ("QToolButton { color: #0b57d0; text-decoration: underline; border: none;"
        " padding: 0 4px; } QToolButton:disabled { color: #8a8a8a; text-decoration: none; }")
FIRST = ("这一版公报通的资料库格式有变化，原来的资料库无法直接打开，需要先按新版本重建，"
         "完成后窗口即可使用。导入过的公报都会保留。")


def progress_text(done: int, total: int) -> str:
    from models.store.content import rebuild_progress_text
    return rebuild_progress_text(done, total) + "……" if total else STARTING


def _bar(width: int | None = None) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # busy until the first issue is done
    bar.setTextVisible(False)
    if width is not None:
        bar.setFixedWidth(width)
        bar.setMaximumHeight(12)
    return bar


class RebuildLine(QWidget):
    """正在按新版本重建资料库：第 n / N 期…… [bar] 取消 — at the status bar's end."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rebuildLine")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        self.label = plain_label(STARTING)
        self.bar = _bar(110)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("取消")
        self.cancel_button.setToolTip(CANCEL_TIP)
        self.cancel_button.setStyleSheet(LINK)
        self.cancel_button.clicked.connect(self._cancel)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)

    def progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        if self.cancel_button.isEnabled():
            self.label.setText(progress_text(done, total))

    def waiting(self, message: str) -> None:
        self.label.setText(message)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("正在取消重建……")

    def _cancel(self) -> None:
        if self.cancel_button.isEnabled():
            self.cancel_requested.emit()


class RebuildDialog(QDialog):
    """The rebuild before the window can open: what and why, 第 n / N 期, no 取消 (there is
    no library to open without it); it closes when the rebuild is over."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from ui.qt import Qt
        self.setWindowTitle("按新版本重建资料库")
        self.setObjectName("rebuildFirst")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        why = plain_label(FIRST)
        why.setWordWrap(True)
        self.label = plain_label(STARTING)
        self.bar = _bar()
        for widget in (why, self.label, self.bar):
            layout.addWidget(widget)
        self.over = False

    def progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(progress_text(done, total))

    def waiting(self, message: str) -> None:
        self.label.setText(message)

    def finish(self) -> None:
        self.over = True
        self.accept()

    def reject(self) -> None:  # Esc: the rebuild goes on (the window needs it)
        if self.over:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.over:
            event.ignore()
