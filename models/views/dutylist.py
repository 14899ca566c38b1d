"""A department's duty list: every task the gazette gives it, ready to print or paste.

Grouped by document in gazette order; each entry with its role, citation
(文号 + path), heading, full text and deadlines; a summary of counts by role
and of deadlines in date order, past ones marked. Documents whose validity
has ended are left out unless asked for, and marked when included.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.roles import ROLE_LABELS, ROLES
from models.store.library import DepartmentInfo, DocumentInfo, DutyEntry, Library
from models.views.cn_date import cn_date
from models.views.citation import cite, source_ref
from models.views.print_html import PrintJob, esc, grid_table, page_html


@dataclass
class DutyListOptions:
    include_general: bool = False
    roles: list[str] | None = None
    document_keys: list[str] | None = None
    include_expired: bool = False


@dataclass
class DutyGroup:
    document: DocumentInfo
    entries: list[DutyEntry]


@dataclass
class DutyList:
    department: DepartmentInfo
    options: DutyListOptions
    groups: list[DutyGroup]
    today: date
    sources: list[str] = field(default_factory=list)  # issue labels

    @property
    def entries(self) -> list[DutyEntry]:
        return [e for g in self.groups for e in g.entries]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.role] = counts.get(entry.role, 0) + 1
        return {r: counts[r] for r in ROLES if r in counts}

    def deadlines(self) -> list[tuple[dict, DutyEntry]]:
        """(deadline, entry) in date order."""
        pairs = [(d, e) for e in self.entries for d in e.deadlines]
        return sorted(pairs, key=lambda p: (p[0]["due"], p[1].doc_number or ""))

    def is_past(self, due: str) -> bool:
        return date.fromisoformat(due) < self.today


def build_duty_list(library: Library, name: str, options: DutyListOptions | None = None,
                    today: date | None = None) -> DutyList:
    options = options or DutyListOptions()
    today = today or date.today()
    dept, entries = library.duties(name, include_general=options.include_general,
                                   roles=options.roles, document_keys=options.document_keys,
                                   include_expired=options.include_expired, today=today)
    docs = {d.key: d for d in library.documents()}
    groups: list[DutyGroup] = []
    for entry in entries:
        if not groups or groups[-1].document.key != entry.document_key:
            groups.append(DutyGroup(docs[entry.document_key], []))
        groups[-1].entries.append(entry)
    sources = sorted({g.document.issue for g in groups})
    return DutyList(dept, options, groups, today, sources)


def _citation(entry: DutyEntry) -> str:
    return source_ref(entry.doc_number, entry.path)


def _role(entry: DutyEntry) -> str:
    label = ROLE_LABELS[entry.role]
    return f"{label}（经{entry.via}）" if entry.via else label


def to_text(dl: DutyList, with_text: bool = True) -> str:
    """The duty list as plain text: for pasting (with each clause's words) or, without
    them, one line per task for a terminal (`duties NAME`)."""
    counts = dl.counts()
    lines = [f"{dl.department.name}职责清单", f"打印日期：{cn_date(dl.today.isoformat())}",
             "共 %d 项：%s" % (len(dl.entries), "，".join(
                 f"{ROLE_LABELS[r]} {n} 项" for r, n in counts.items()) or "无")]
    if dl.deadlines():
        lines.append("时限：")
        for d, e in dl.deadlines():
            past = "（已过）" if dl.is_past(d["due"]) else ""
            lines.append(f"  {cn_date(d['due'])}{past}  {d['phrase']}  {_citation(e)}")
    for group in dl.groups:
        doc = group.document
        lines += ["", cite(doc.title, doc.doc_number)
                  + (f"【已失效：有效期至{cn_date(doc.valid_until)}】" if doc.expired(dl.today) else "")]
        for e in group.entries:
            lines.append(f"  【{_role(e)}】{e.path} {e.heading}")
            if with_text:
                lines.append(f"    {e.text}")
    if not dl.entries:
        lines += ["", "本资料库中没有涉及该部门的条款。"]
    return "\n".join(lines) + "\n"


def to_markdown(dl: DutyList) -> str:
    out = [f"# {dl.department.name}职责清单", "",
           f"打印日期：{cn_date(dl.today.isoformat())}　来源：{'、'.join(dl.sources) or '—'}", ""]
    counts = dl.counts()
    out.append("| 角色 | 条数 |\n| --- | --- |")
    out += [f"| {ROLE_LABELS[r]} | {n} |" for r, n in counts.items()]
    out.append(f"| 合计 | {len(dl.entries)} |")
    if dl.deadlines():
        out += ["", "## 时限", ""]
        for d, e in dl.deadlines():
            past = "（已过）" if dl.is_past(d["due"]) else ""
            out.append(f"- {cn_date(d['due'])}{past}：{d['phrase']}，{_citation(e)} {e.heading}")
    for group in dl.groups:
        doc = group.document
        expired = f"（已失效：有效期至{cn_date(doc.valid_until)}）" if doc.expired(dl.today) else ""
        out += ["", f"## {cite(doc.title, doc.doc_number)}{expired}", ""]
        for e in group.entries:
            out += [f"**【{_role(e)}】{_citation(e)} {e.heading}**", "", e.text, ""]
    if not dl.entries:
        out += ["", "本资料库中没有涉及该部门的条款。"]
    return "\n".join(out) + "\n"


def to_print_job(dl: DutyList) -> PrintJob:
    """The duty list as a GB/T 9704-style document for ui/ to print."""
    dept = dl.department.name
    title = f"{dept}职责清单"
    parts = [f'<p class="title">{esc(title)}</p>',
             f'<p class="meta">依据：{esc("、".join(dl.sources) or "本资料库")}　'
             f"打印日期：{cn_date(dl.today.isoformat())}</p>"]
    options = []
    if dl.options.roles:
        shown = [r for r in dl.options.roles if r != "general"]
        if set(shown) != {r for r in ROLES if r != "general"}:
            options.append("仅含" + "、".join(ROLE_LABELS[r] for r in shown))
    if dl.options.include_general:
        options.append("含“有关部门按职责分工负责”的通用条款")
    if dl.options.include_expired:
        options.append("含已失效的公文")
    if options:
        parts.append(f'<p class="meta">（{esc("；".join(options))}）</p>')
    if not dl.entries:
        parts.append('<p>本资料库中没有涉及该部门的条款。</p>')
        parts.append("<p>如部门名称有误，可在部门列表中查找其他名称；如需包括“区政府有关部门按职责"
                     "分工负责”一类的通用条款，请在打印选项中勾选“含通用条款”。</p>")
        return PrintJob(title, page_html(title, "".join(parts)), title)
    parts.append("<!--TOC-->")
    counts = dl.counts()
    parts.append('<p class="h1">一、概况</p>')
    summary = "，".join(f"{ROLE_LABELS[r]} {n} 项" for r, n in counts.items())
    parts.append(f"<p>本清单汇总{esc('、'.join(dl.sources))}公报中涉及{esc(dept)}的条款，共涉及 "
                 f"{len(dl.groups)} 件公文、{len(dl.entries)} 项任务：{summary}。</p>")
    if dl.deadlines():
        parts.append('<p class="h2">（一）时限（按日期）</p>')
        rows = []
        for d, e in dl.deadlines():
            past = dl.is_past(d["due"])
            due = (f"<span class='past'>{cn_date(d['due'])}</span>（已过）" if past
                   else cn_date(d["due"]))
            rows.append([due, esc(d["phrase"]), f"{esc(_citation(e))}<br/>{esc(e.heading)}"])
        parts.append(grid_table(["日期", "原文", "出处"], rows, [30, 18, 52]))
    parts.append('<p class="h1">二、任务清单</p>')
    toc = []
    for i, group in enumerate(dl.groups, start=1):
        doc = group.document
        anchor = f"doc{i}"
        label = f"（{_cn(i)}）《{doc.short_title or doc.title}》"
        toc.append((anchor, f"{label}（{doc.doc_number or '无文号'}）"))
        expired = (f'<br/><span class="expired">【已失效：有效期至{cn_date(doc.valid_until)}】</span>'
                   if doc.expired(dl.today) else "")
        parts.append(f'<p class="h2"><a name="{anchor}"></a>{esc(label)}'
                     f'（{esc(doc.doc_number or "无文号")}）{expired}</p>')
        for e in group.entries:
            parts.append(f'<p class="cite"><span class="role">【{esc(_role(e))}】</span>'
                         f"{esc(e.path)}　{esc(e.heading)}</p>")
            parts.append(f"<p>{esc(e.text)}</p>")
            if e.deadlines:
                due = "；".join(f"{d['phrase']}（{cn_date(d['due'])}"
                               + ("，已过" if dl.is_past(d["due"]) else "") + "）"
                               for d in e.deadlines)
                parts.append(f'<p class="due">时限：{esc(due)}</p>')
    return PrintJob(title, page_html(title, "".join(parts)),
                    f"{title}　{'、'.join(dl.sources)}", toc)


def _cn(n: int) -> str:
    from models.textnorm import int_to_cn
    return int_to_cn(n)
