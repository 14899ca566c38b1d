"""`python main.py self-test`: the real window, offscreen, through its main paths.

Run by CI on the frozen build (a smoke test): open the window on the active
library (or --library), render every document, filter by a department,
search, copy with citation, print the current view to a temporary PDF, read it back
with the PDF reader, load every registry file, write a duty list as Word and iCalendar
and read the Word file back (the libraries a build could leave out). Exits
0, or 1 naming each check that failed. Settings go to a temporary folder so
the user's own window state is never touched.
"""
from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path



def _check(failures: list[str], name: str, fn) -> None:
    try:
        problem = fn()
    except Exception as exc:  # a self-test reports, it does not crash
        problem = f"{type(exc).__name__}: {exc}"
        traceback.print_exc(file=sys.stderr)
    status = "通过" if not problem else f"失败：{problem}"
    print(f"[{'OK' if not problem else 'FAIL'}] {name} — {status}")
    if problem:
        failures.append(name)


def run_self_test(library_path: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from models.errors import GazetteError
    from models.store.library import Library
    from ui.startup.application import make_app
    app, fonts = make_app(["gazette-desk", "self-test"])
    from models.store.content import active_library
    try:
        library = Library(Path(library_path) if library_path else active_library())
    except GazetteError as err:
        print(f"[FAIL] 打开资料库 — {err}")
        return 1
    from ui.window.main_window import MainWindow
    from ui.settings import Settings
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gazette-selftest-") as tmp:
        window = MainWindow(library, fonts, Settings(Path(tmp) / "settings.ini"))
        window.show()
        app.processEvents()
        state: dict = {}

        def fonts_ok():
            from ui.qt import QFontInfo
            family = QFontInfo(app.font()).family()
            return "" if family == fonts.sans else f"界面字体是 {family}，不是内置字体"

        def render_all():
            docs = library.documents()
            for doc in docs:
                window.open_key(doc.key)
                app.processEvents()
                if doc.title not in window.reader.toPlainText():
                    return f"{doc.doc_number or doc.title} 未能显示"
            return "" if docs else "资料库中没有公文"

        def tree_ok():
            count = window.left.clause_count()
            return "" if count > 0 and window.left.tree.model().rowCount() else "目录为空"

        def filter_ok():
            dept = max(library.departments(), key=lambda d: d.total)
            name = dept.name
            window.filter_search.set_department(name, dept.government)
            app.processEvents()
            state["dept"], state["government"] = name, dept.government
            shown = window.filter_search.shown_count()
            return "" if shown and window.left.tree.model().rowCount() else \
                f"按“{name}”筛选后目录为空"

        def search_ok():
            find = window.filter_search
            tree = window.left.outline.tree  # issue → category → its first document
            first = tree.children(tree.children(tree.root.children[0])[0])[0]
            word = first.text[:2]
            find.field.setText(word)
            find.field.flush()
            hits = find.results_model.rowCount()
            find.set_department(None)
            find.field.setText("局")
            find.field.flush()
            if not find.results_model.rowCount():
                return "搜索“局”没有结果"
            find.open_first_hit()
            app.processEvents()
            return "" if hits or window.reader.document_key else f"搜索“{word}”没有结果"

        def copy_ok():
            text = window.output.copy_citation()
            return "" if text.startswith("《") else "复制出处失败"

        def print_ok():
            window.filter_search.escape()
            path = Path(tmp) / "current-view.pdf"
            window.output.export_pdf(path)
            size = path.stat().st_size if path.exists() else 0
            return "" if size > 1000 else "PDF 为空"

        def read_pdf_ok():
            # the PDF reader (pypdfium2) inside the build: the printout just made, read back
            from models.parse.sources.pdf import read_pdf
            pages = read_pdf(Path(tmp) / "current-view.pdf")
            text = "".join(g.char for page in pages for g in page.glyphs)
            title = library.document(window.reader.document_key).title
            return "" if title[:8] in text else "读不出刚导出的 PDF 中的文字"

        def registry_ok():
            # every registry file of content/ is in the build (departments, alias rules, roles)
            from models.store.content import load_content_registry
            registry = load_content_registry()
            rules = registry.rules
            return "" if registry.departments and (rules.whole or rules.suffix) else "部门名录为空"

        def word_and_calendar_ok():
            # python-docx, lxml and icalendar inside the build: a duty list written and read
            from models.parse.sources.word import read_docx
            from models.views import duty_calendar, dutylist
            first = library.departments()[0]
            dl = dutylist.build_duty_list(library, state.get("dept") or first.name,
                                          dutylist.DutyListOptions(government=state.get(
                                              "government", first.government) or None))
            docx = dutylist.write_docx(dl, Path(tmp) / "duties.docx")
            lines = read_docx(docx)
            duty_calendar.write_ics(dl, Path(tmp) / "duties.ics", include_past=True)
            ics = (Path(tmp) / "duties.ics").read_text(encoding="utf-8")
            if not any(dl.department.name in line.text for line in lines):
                return "写出的 Word 文件中没有部门名称"
            return "" if ics.startswith("BEGIN:VCALENDAR") else "日历文件不完整"

        for name, fn in (("内置字体", fonts_ok), ("显示目录", tree_ok),
                         ("显示每一件公文", render_all), ("部门筛选", filter_ok),
                         ("全文检索", search_ok), ("复制并注明出处", copy_ok),
                         ("打印当前公文为 PDF", print_ok), ("读取 PDF", read_pdf_ok),
                         ("部门名录", registry_ok), ("写出 Word 与日历", word_and_calendar_ok)):
            _check(failures, name, fn)
        window.settings = None  # nothing to remember from a self-test
        window.close()
        library.close()
    if failures:
        print("自检失败：" + "、".join(failures))
        return 1
    print("自检通过")
    return 0
