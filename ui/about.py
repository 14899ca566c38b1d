"""帮助 → 关于公报通: the program's version and which library it is reading, from where."""
from __future__ import annotations

import html

from models.views.cn_date import cn_date
from models.views.issue_list import issues_text
from models.store.library import Library
from models.version import APP_NAME, VERSION as APP_VERSION
from ui.qt import QMessageBox, Qt, QWidget


def about_text(library: Library | None) -> str:
    rows = [f"<p><b>{APP_NAME}</b>　版本 {APP_VERSION}</p>",
            "<p>离线查阅区政府公报：按部门筛选职责、全文检索、注明出处复制、打印。</p>"]
    if library is not None:
        meta = library.metadata
        issues = issues_text([f"{i['title']} {i['label']}" for i in library.issues()])
        docs = library.document_count()  # (a library of a thousand issues: a line, not a page)
        files = [f for f in (meta.get("sources") or "").split(", ") if f]
        sources = "、".join(files[:3]) + (f" 等 {len(files)} 个文件" if len(files) > 3 else "")
        rows.append("<p><b>资料库</b><br>"
                    f"收录：{html.escape(issues)}（{docs} 件公文）<br>"
                    f"来源：{html.escape(sources or '内置公报及导入的公报')}<br>"
                    f"格式版本：{html.escape(meta.get('schema_version', ''))}　"
                    f"生成时间：{html.escape(cn_date((meta.get('built_at') or '')[:10]) or '—')}<br>"
                    f"内容校验：{html.escape((meta.get('content_fingerprint') or '—')[:16])}<br>"
                    f"文件：{html.escape(str(library.path))}</p>")
    rows.append("<p>字体：思源黑体、思源宋体（Noto CJK SC）子集，SIL 开放字体许可证。</p>")
    return "".join(rows)


def show_about(parent: QWidget | None, library: Library | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("关于公报通")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(library))
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    from ui import plain
    plain.run_dialog(box)
    box.deleteLater()
