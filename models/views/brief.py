"""A meeting brief: a collection's bookmarks with citations, text and notes.

Printed (through ui/paged_print) or exported as Markdown or plain text for
pasting into a draft. A changed clause shows its current wording and says
that it changed; an orphaned one shows the wording it was bookmarked with.
"""
from __future__ import annotations

from datetime import date

from models.bookmarks import Bookmark
from models.views.cn_date import cn_date
from models.views.print_html import PrintJob, esc, page_html

STATUS_LABELS = {"ok": "", "changed": "条文已变化", "orphaned": "原条文已不在库中"}


def _shown_text(mark: Bookmark) -> str:
    return mark.current_text if mark.current_text is not None else mark.text


def to_markdown(collection: str, marks: list[Bookmark], today: date | None = None) -> str:
    today = today or date.today()
    out = [f"# {collection}", "", f"日期：{cn_date(today.isoformat())}　共 {len(marks)} 条", ""]
    for i, mark in enumerate(marks, start=1):
        status = STATUS_LABELS[mark.status]
        out.append(f"## {i}. {mark.citation()}" + (f"（{status}）" if status else ""))
        out.append("")
        if mark.path:  # a clause; a whole document is cited by its title alone
            out += [_shown_text(mark), ""]
        if mark.status == "changed":
            out += [f"> 收藏时的原文：{mark.text}", ""]
        if mark.note:
            out += [f"**备注：**{mark.note}", ""]
    return "\n".join(out) + "\n"


def to_text(collection: str, marks: list[Bookmark], today: date | None = None) -> str:
    today = today or date.today()
    out = [collection, f"日期：{cn_date(today.isoformat())}　共 {len(marks)} 条", ""]
    for i, mark in enumerate(marks, start=1):
        status = STATUS_LABELS[mark.status]
        out.append(f"{i}. {mark.citation()}" + (f"（{status}）" if status else ""))
        if mark.path:
            out.append(_shown_text(mark))
        if mark.status == "changed":
            out.append(f"收藏时的原文：{mark.text}")
        if mark.note:
            out.append(f"备注：{mark.note}")
        out.append("")
    return "\n".join(out)


def to_print_job(collection: str, marks: list[Bookmark], today: date | None = None) -> PrintJob:
    today = today or date.today()
    parts = [f'<p class="title">{esc(collection)}</p>',
             f'<p class="meta">会议材料　{cn_date(today.isoformat())}　共 {len(marks)} 条</p>']
    if not marks:
        parts.append("<p>这个收藏夹还没有书签。</p>")
    for i, mark in enumerate(marks, start=1):
        status = STATUS_LABELS[mark.status]
        parts.append(f'<p class="cite">{i}. {esc(mark.citation())}'
                     + (f'　<span class="expired">【{status}】</span>' if status else "") + "</p>")
        if mark.path:
            parts.append(f"<p>{esc(_shown_text(mark))}</p>")
        if mark.status == "changed":
            parts.append(f'<p class="note">收藏时的原文：{esc(mark.text)}</p>')
        if mark.note:
            parts.append(f'<p class="note">备注：{esc(mark.note)}</p>')
    return PrintJob(collection, page_html(collection, "".join(parts)),
                    f"{collection}　会议材料")
