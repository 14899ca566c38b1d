"""打印职责清单: choose what goes into a department's duty list, preview, print, export
(PDF, Word, Markdown, its deadlines to the calendar).

The dialog only gathers options; models/views/dutylist.py assembles the list
and ui/printing/printout.py prints it, so the window, the CLI and the tests
produce the same document.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.views.dutylist import DutyListOptions, build_duty_list, to_markdown, to_print_job
from models.store.library import Library
from models.roles import ROLE_LABELS, ROLES
from ui.item_roles import Role
from ui.plain import escape, inform
from ui.qt import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
                   QLabel, QListWidget, QListWidgetItem, QPushButton, QRadioButton, Qt,
                   QVBoxLayout, QWidget)
from ui.printing import duty_exports, printout
from ui.printing.save_file import save_as, text_writer

_CHOOSABLE = [r for r in ROLES if r != "general"]


class DutyListDialog(QDialog):
    def __init__(self, library: Library, department: str, parent: QWidget | None = None,
                 roles: list[str] | None = None, include_general: bool = False,
                 government: str | None = None):
        super().__init__(parent)
        self.library = library
        dept = library.resolve_department(department, government or None)
        self.department, self.government = dept.name, dept.government
        self.setWindowTitle(f"打印职责清单 — {self.department}")
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{escape(self.department)}</b> 的职责清单"))

        box = QGroupBox("包括的角色")
        grid = QGridLayout(box)
        self.role_boxes: dict[str, QCheckBox] = {}
        for i, role in enumerate(_CHOOSABLE):
            check = QCheckBox(ROLE_LABELS[role])
            check.setChecked(roles is None or role in roles)
            check.toggled.connect(self._update_summary)
            grid.addWidget(check, i // 3, i % 3)
            self.role_boxes[role] = check
        self.general = QCheckBox("含“有关部门按职责分工负责”的通用条款")
        self.general.setChecked(include_general)
        self.general.toggled.connect(self._update_summary)
        grid.addWidget(self.general, 2, 0, 1, 3)
        layout.addWidget(box)

        self.expired = QCheckBox("含已失效的公文（打印时注明）")
        self.expired.toggled.connect(self._refill_documents)
        layout.addWidget(self.expired)
        layout.addWidget(QLabel("包括的公文："))
        self.documents = QListWidget()
        self.documents.itemChanged.connect(self._update_summary)
        layout.addWidget(self.documents, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self._output_box())

        buttons = QDialogButtonBox()
        self.preview_button = QPushButton("预览并打印…")
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton("导出 PDF…")
        self.word_button = QPushButton("导出为 Word…")
        self.md_button = QPushButton("导出 Markdown…")
        self.calendar_button = QPushButton("导出时限到日历…")
        self.word_button.setToolTip("存为 Word 文件（.docx），可在 WPS 或 Word 中编辑")
        self.calendar_button.setToolTip("每项时限一个全天日程、提前一周提醒（.ics），"
                                        "可导入 Outlook、WPS 日历或手机日历")
        for button in (self.preview_button, self.pdf_button, self.word_button, self.md_button,
                       self.calendar_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.word_button.clicked.connect(self.export_word)
        self.md_button.clicked.connect(self.export_markdown)
        self.calendar_button.clicked.connect(self.export_calendar)
        layout.addWidget(buttons)
        self._refill_documents()

    def _output_box(self) -> QGroupBox:
        """内容: 表格加全文 (the default) or 仅表格; whether the calendar takes past deadlines."""
        box = QGroupBox("输出")
        row = QHBoxLayout(box)
        row.addWidget(QLabel("内容："))
        self.full_text = QRadioButton("表格加全文")
        self.table_only = QRadioButton("仅表格")
        self.full_text.setChecked(True)
        for radio in (self.full_text, self.table_only):
            row.addWidget(radio)
        row.addSpacing(24)
        self.include_past = QCheckBox("日历中包括已过的时限")
        row.addWidget(self.include_past)
        row.addStretch(1)
        return box

    # ------------------------------------------------------------ options
    def options(self) -> DutyListOptions:
        keys = [self.documents.item(i).data(Role.DocumentKey)
                for i in range(self.documents.count())
                if self.documents.item(i).checkState() == Qt.CheckState.Checked]
        return DutyListOptions(
            include_general=self.general.isChecked(),
            roles=[r for r, c in self.role_boxes.items() if c.isChecked()]
            + (["general"] if self.general.isChecked() else []),
            document_keys=keys, include_expired=self.expired.isChecked(),
            government=self.government or None,
            table_only=self.table_only.isChecked())

    def _refill_documents(self) -> None:
        today = date.today()
        self.documents.blockSignals(True)
        self.documents.clear()
        for doc in self.library.documents():
            if doc.expired(today) and not self.expired.isChecked():
                continue
            label = f"{doc.doc_number or '无文号'}　{doc.short_title or doc.title}"
            if doc.expired(today):
                label += "　【已失效】"
            item = QListWidgetItem(label)
            item.setData(Role.DocumentKey, doc.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)
        self.documents.blockSignals(False)
        self._update_summary()

    def duty_list(self):
        return build_duty_list(self.library, self.department, self.options())

    def _update_summary(self, *_args) -> None:
        dl = self.duty_list()
        counts = "，".join(f"{ROLE_LABELS[r]} {n}" for r, n in dl.counts().items())
        self.summary.setText(f"将打印 {len(dl.entries)} 项任务" + (f"（{counts}）" if counts else "")
                             + f"，涉及 {len(dl.groups)} 件公文。")

    # ------------------------------------------------------------ output
    def preview(self) -> None:
        job = to_print_job(self.duty_list())
        printout.preview(self, job, job.title)

    def export_pdf(self) -> None:
        job = to_print_job(self.duty_list())
        self._saved(save_as(self, "导出 PDF", f"{self.department}职责清单.pdf", "PDF 文件 (*.pdf)",
                            lambda path, _: printout.export_pdf(job, job.title, path)))

    def export_markdown(self) -> None:
        self._saved(save_as(self, "导出 Markdown", f"{self.department}职责清单.md",
                            "Markdown 文件 (*.md);;文本文件 (*.txt)",
                            text_writer(to_markdown(self.duty_list()))))

    def export_word(self) -> None:
        self._saved(duty_exports.export_word(self, self.duty_list()))

    def export_calendar(self) -> None:
        """One message, from duty_exports, says what was written."""
        duty_exports.export_calendar(self, self.duty_list(), self.include_past.isChecked())

    def _saved(self, path: Path | None) -> None:
        if path is not None:
            inform(self, "导出", f"已保存到 {path}")
