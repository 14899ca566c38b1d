"""The import's progress dialog (n of N, the file's name, 取消), what the job did (ImportJob)
and the summary that closes it.

A dialog of our own rather than QProgressDialog, whose 取消 resets and hides
it at once: here 取消 only asks the worker to stop after the file being
imported, and the dialog says so until it has. File names are data: labels
show them as plain text (ui/plain.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ui.plain import label as plain_label
from ui.qt import QDialog, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget, Signal

if TYPE_CHECKING:
    from models.store.content import ImportResult, ImportSummary

SHOWN_FAILURES = 10  # failures named in the summary box; the rest are counted (and logged)
SHOWN_DONE = 10  # imported files named


@dataclass
class ImportJob:
    """What one import (and its 替换 round) did, for the summary."""
    total: int = 0
    results: list[ImportResult] = field(default_factory=list)
    skipped: list[ImportResult] = field(default_factory=list)  # duplicates the user kept out
    cancelled: bool = False

    def done(self) -> list[ImportSummary]:
        return [r.summary for r in self.results if r.summary is not None]

    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.error is not None]


class ImportProgress(QDialog):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str = "导入公报"):
        super().__init__(parent)
        from ui.qt import Qt
        self.setWindowTitle(title)
        self.setObjectName("importProgress")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.total, self.count = 0, 0
        layout = QVBoxLayout(self)
        self.label = plain_label("正在查找要导入的文件……")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.bar.setFormat("%v / %m")
        self.bar.setTextVisible(True)
        self.note = plain_label("")
        self.note.setStyleSheet("color: #6b6b6b;")
        self.note.setWordWrap(True)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.setToolTip("导入完当前文件后停止；已导入的文件保留")
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        for widget in (self.label, self.bar, self.note):
            layout.addWidget(widget)
        layout.addLayout(row)

    def set_total(self, total: int) -> None:
        self.total += total
        self.bar.setRange(0, max(1, self.total))
        self.bar.setValue(self.count)

    def starting(self, index: int, name: str) -> None:
        self.label.setText(f"正在导入第 {self.count + 1} / {self.total} 个文件：{name}")
        if not self.cancel_button.isEnabled():
            self.note.setText("正在取消：当前文件导入完后停止……")

    def advance(self) -> None:
        self.count += 1
        self.bar.setValue(self.count)

    def waiting(self, message: str) -> None:
        self.note.setText(message)

    def reject(self) -> None:
        """取消 or Esc: stop after the current file (the dialog closes when the job ends)."""
        if self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.note.setText("正在取消：当前文件导入完后停止……")
            self.cancel_requested.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The title bar's close button cancels like 取消; only the job's end closes the dialog."""
        event.ignore()
        self.reject()

    def finish(self) -> None:
        """The job is over: close."""
        self.accept()


def failure_line(result: ImportResult) -> str:
    """A failed file and why: its name, then the reason (without the message's own
    "无法导入：name：" where the error keeps the bare reason)."""
    reason = getattr(result.error, "reason", None) or str(result.error)
    return f"· {result.path.name}：{reason}"


def summary_text(job: ImportJob) -> tuple[str, str]:
    """(title, text) of the box that ends an import: the counts, then each file imported
    (the first few), each failure with its message, the duplicates skipped."""
    done, failed = job.done(), job.failed()
    untouched = job.total - len(job.results) - len(job.skipped)
    counts = [f"导入 {len(done)} 个"]
    if failed:
        counts.append(f"失败 {len(failed)} 个")
    if job.skipped:
        counts.append(f"跳过 {len(job.skipped)} 个（公文已在库中）")
    if job.cancelled and untouched:
        counts.append(f"取消后未导入 {untouched} 个")
    lines = [f"共 {job.total} 个文件：{'，'.join(counts)}。"]
    if done:
        lines += ["", "已导入："]
        for summary in done[:SHOWN_DONE]:
            issue = summary.issue
            lines.append(f"· {issue.source_name}：{issue.title or ''} {issue.label}"
                         f"（{len(issue.documents)} 件公文）".replace("： ", "："))
        if len(done) > SHOWN_DONE:
            lines.append(f"……另有 {len(done) - SHOWN_DONE} 个文件")
        if len(done) == 1:
            lines += done[0].notes
        elif any(s.issue.unknown_units for s in done):
            units = {u for s in done for u in s.issue.unknown_units}
            lines.append(f"其中有 {len(units)} 个单位不在部门名录中，已按通用规则收录"
                         "（可在“部门名录”中合并或改名）。")
    if failed:
        lines += ["", "未能导入："] + [failure_line(r) for r in failed[:SHOWN_FAILURES]]
        if len(failed) > SHOWN_FAILURES:
            lines.append(f"……另有 {len(failed) - SHOWN_FAILURES} 个文件未能导入，"
                         "详情已写入日志")
    if job.skipped:
        lines += ["", "已跳过（公文已在库中）："] + [f"· {r.path.name}" for r in job.skipped]
    if failed or job.cancelled:
        title = "导入已取消" if job.cancelled else \
            ("无法导入" if not done else "导入完成，部分文件未能导入")
    else:
        title = "导入完成"
    return title, "\n".join(lines)
