"""A department's duty list: every task the gazette gives it, for a director and an office.

One assembly, several writers. build_duty_list() gathers the entries (documents
whose validity has ended left out unless asked for, and counted when left out);
duty_rows() orders them as the table does (牵头, 责任, 配合, the rest; by
deadline within a role); duty_document() lays the list out once as an OutDoc:

- page 1: title, basis, the counts by role, the table (序号 · 任务 · 角色 · 时限 ·
  出处) and a line saying what was left out, so the window's count (which
  includes expired plans) and the paper's agree and differ only by what is said;
- then, unless table_only (仅表格), the full texts as an appendix in gazette
  order, each entry numbered as in the table, the department highlighted under
  each of its names, each heading kept with the text that follows it.

The writers (models/views/writers/) turn that one OutDoc into the printed
PDF's HTML, Markdown, text and Word .docx; the .ics calendar is written from
the same rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from models.roles import ROLE_LABELS, ROLES
from models.store.library import DepartmentInfo, DocumentInfo, DutyEntry, Library
from models.textnorm import fold, int_to_cn
from models.views.citation import EXPIRED_MARK, cite, source_lines, source_ref
from models.views.cn_date import cn_date
from models.views.issue_list import issues_text
from models.views.outdoc import OutDoc, Span, Table, marked
from models.views.print_html import PrintJob

TABLE_HEADER = ["序号", "任务", "角色", "时限", "出处"]
# Per cent of the 156 mm text block, for the PDF and the Word table alike: 出处 holds a
# 文号 such as 市中政办发〔2021〕13号 on one line even where the 仿宋 of the machine (or
# LibreOffice's stand-in) sets digits wide; 角色 holds four characters (附件职责).
TABLE_WIDTHS = [7, 28, 12, 20, 33]
LEFT_OUT_LABELS = {"expired": "已失效公文", "general": "通用条款", "roles": "未选角色",
                   "documents": "未选公文"}
GIST_CHARS = 32  # a task's 要点 in the table: its heading, cut at a pause beyond this


@dataclass
class DutyListOptions:
    include_general: bool = False
    roles: list[str] | None = None
    document_keys: list[str] | None = None
    include_expired: bool = False
    table_only: bool = False  # 仅表格; the default is 表格加全文
    government: str | None = None  # whose department, when its name is several governments


@dataclass
class DutyGroup:
    document: DocumentInfo
    entries: list[DutyEntry]


@dataclass
class DutyRow:
    """One row of the table: a task, numbered in the table's order."""
    number: int
    entry: DutyEntry
    document: DocumentInfo
    task: str
    deadlines: list[dict]  # merged: one per date

    @property
    def role(self) -> str:
        return role_text(self.entry)

    def first_due(self) -> str | None:
        return min((d["due"] for d in self.deadlines), default=None)


@dataclass
class DutyList:
    department: DepartmentInfo
    options: DutyListOptions
    groups: list[DutyGroup]
    today: date
    sources: list[str] = field(default_factory=list)  # issue labels
    left_out: dict[str, int] = field(default_factory=dict)  # reason → entries not listed
    groups_of_members: dict[str, str] = field(default_factory=dict)  # key → 专班/小组 heading

    @property
    def entries(self) -> list[DutyEntry]:
        return [e for g in self.groups for e in g.entries]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.role] = counts.get(entry.role, 0) + 1
        return {r: counts[r] for r in ROLES if r in counts}

    def deadlines(self) -> list[tuple[dict, DutyEntry]]:
        """(deadline, entry) in date order, one per date of a clause."""
        pairs = [(d, e) for e in self.entries for d in e.deadlines]
        return sorted(pairs, key=lambda p: (p[0]["due"], p[1].doc_number or ""))

    def is_past(self, due: str) -> bool:
        return date.fromisoformat(due) < self.today

    def rows(self) -> list[DutyRow]:
        return duty_rows(self)

    def names(self) -> list[str]:
        """Every name of the department, to highlight wherever it appears."""
        return [self.department.name, *self.department.aliases]


def merge_deadlines(deadlines: list[dict]) -> list[dict]:
    """One deadline per date: a clause that states the same date twice (年内 … 12月底前)
    gives one deadline whose phrase names both, in the clause's order."""
    merged: dict[str, dict] = {}
    for d in deadlines:
        current = merged.get(d["due"])
        if current is None:
            merged[d["due"]] = dict(d)
        elif d["phrase"] not in current["phrase"].split("、"):
            current["phrase"] += "、" + d["phrase"]
            if d.get("start") and (not current.get("start") or d["start"] < current["start"]):
                current["start"] = d["start"]
    return list(merged.values())


def build_duty_list(library: Library, name: str, options: DutyListOptions | None = None,
                    today: date | None = None) -> DutyList:
    options = options or DutyListOptions()
    today = today or date.today()
    dept, entries = library.duties(name, include_general=options.include_general,
                                   roles=options.roles, document_keys=options.document_keys,
                                   include_expired=options.include_expired, today=today,
                                   government=options.government)
    options = replace(options, government=dept.government)  # the name may be several's
    for entry in entries:
        entry.deadlines = merge_deadlines(entry.deadlines)
    docs = {d.key: d for d in library.documents()}
    groups: list[DutyGroup] = []
    for entry in entries:
        if not groups or groups[-1].document.key != entry.document_key:
            groups.append(DutyGroup(docs[entry.document_key], []))
        groups[-1].entries.append(entry)
    sources = list(dict.fromkeys(g.document.issue for g in groups))  # in the library's order
    # (sorted as text, 2000年第10期 came before 2000年第1期)
    return DutyList(dept, options, groups, today, sources,
                    _left_out(library, dept.name, options, today, {e.key for e in entries}),
                    _member_groups(library, [e for e in entries if e.role == "member"]))


def _left_out(library: Library, name: str, options: DutyListOptions, today: date,
              listed: set[str]) -> dict[str, int]:
    """How many entries of the department the list leaves out, by reason (the first that
    applies: general, expired, role, document)."""
    _, everything = library.duties(name, include_general=True, include_expired=True, today=today,
                                   government=options.government)
    counts: dict[str, int] = {}
    for entry in everything:
        if entry.key in listed:
            continue
        if entry.role == "general" and not options.include_general:
            reason = "general"
        elif entry.expired and not options.include_expired:
            reason = "expired"
        elif options.roles is not None and entry.role not in options.roles:
            reason = "roles"
        else:
            reason = "documents"
        counts[reason] = counts.get(reason, 0) + 1
    return {r: counts[r] for r in LEFT_OUT_LABELS if r in counts}


def _member_groups(library: Library, members: list[DutyEntry]) -> dict[str, str]:
    """A roster entry's group (the 专班 or 小组 it is a member of): its parent's heading."""
    result: dict[str, str] = {}
    for doc_key in dict.fromkeys(e.document_key for e in members):
        nodes = library.nodes(doc_key)
        by_id = {n.id: n for n in nodes}
        by_key = {n.key: n for n in nodes}
        for entry in (e for e in members if e.document_key == doc_key):
            node = by_key.get(entry.key)
            parent = by_id.get(node.parent_id) if node and node.parent_id else None
            if parent is not None and parent.heading:
                result[entry.key] = parent.heading
    return result


def role_lines(entry: DutyEntry) -> list[str]:
    """The 角色 cell, centred: 责任, and under it 经各镇街 when the clause names the
    department through a group (the column is four characters wide)."""
    return [ROLE_LABELS[entry.role]] + ([f"经{entry.via}"] if entry.via else [])


def role_text(entry: DutyEntry) -> str:
    """The role on one line: 责任, or 责任（经各镇街）."""
    label, *via = role_lines(entry)
    return label + "".join(f"（{line}）" for line in via)


def gist(text: str, limit: int = GIST_CHARS) -> str:
    """A heading short enough for a table cell: whole when short, else cut at the last
    pause (，；、) within *limit* characters, with …"""
    text = " ".join(text.split()).rstrip("。；，")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "，；、：")
    return (text[:cut] if cut >= limit // 2 else text[:limit - 1]) + "…"


def task_of(entry: DutyEntry, groups_of_members: dict[str, str] | None = None) -> str:
    """任务（标题或要点）: the clause's heading, or the group a member belongs to."""
    if entry.role == "member":
        group = (groups_of_members or {}).get(entry.key)
        return f"{group}：{entry.heading}" if group else entry.heading
    return gist(entry.heading or entry.text)


def heading_repeats_text(entry: DutyEntry) -> bool:
    """An annex entry's heading is its whole text (区财政局负责利用…): shown once, not twice."""
    if not entry.heading:
        return True
    if fold(entry.heading).replace(" ", "") in fold(entry.path).replace(" ", ""):
        return True  # a roster's path names the member already (附件1 一、成员王光利)
    return heading_is_text(entry)


def heading_is_text(entry) -> bool:
    """Whether *entry*'s heading (a DutyEntry's, a Bookmark's) is its text with at most its
    subject cut off: an annex entry (区发展和改革局负责将…), which has no heading of its own."""
    if not entry.heading:
        return False
    body, heading = fold(entry.text), fold(entry.heading)
    at = body.find(heading)
    if at < 0:
        return False
    rest = body[:at] + body[at + len(heading):]
    return len(rest.strip(" 。.;；")) <= max(len(entry.path), 12)


def duty_rows(dl: DutyList) -> list[DutyRow]:
    """The table's rows: 牵头, 责任, 配合, then the rest; by deadline within a role (those
    without one last), gazette order otherwise."""
    rank = {r: i for i, r in enumerate(ROLES)}
    docs = {g.document.key: g.document for g in dl.groups}
    order = {e.key: i for i, e in enumerate(dl.entries)}

    def key(e: DutyEntry):
        due = min((d["due"] for d in e.deadlines), default=None)
        return rank[e.role], due is None, due or "", order[e.key]
    entries = sorted(dl.entries, key=key)
    return [DutyRow(i, e, docs[e.document_key], task_of(e, dl.groups_of_members),
                    sorted(e.deadlines, key=lambda d: d["due"]))
            for i, e in enumerate(entries, start=1)]


def due_lines(d: dict, dl: DutyList) -> list[list[Span]]:
    """A deadline in the table's 时限 column: the date, then （已过） when it has passed. The
    date breaks, if the column is too narrow for it, after 年 only (2021年 / 12月31日)."""
    date_text = cn_date(d["due"])
    year = date_text.index("年") + 1
    return ([[Span(date_text[:year], "whole"), Span(date_text[year:], "whole")]]
            + ([[Span("（已过）")]] if dl.is_past(d["due"]) else []))


def left_out_line(dl: DutyList) -> str:
    """说明：已失效公文 3 项未列入；通用条款 28 项未列入。 — empty when nothing is left out."""
    parts = [f"{LEFT_OUT_LABELS[r]} {n} 项未列入" for r, n in dl.left_out.items()]
    return ("说明：" + "；".join(parts) + "。") if parts else ""


def counts_line(dl: DutyList) -> str:
    counts = "，".join(f"{ROLE_LABELS[r]} {n} 项" for r, n in dl.counts().items())
    return f"共 {len(dl.entries)} 项任务" + (f"：{counts}" if counts else "")


def options_line(dl: DutyList) -> str:
    options = []
    if dl.options.roles:
        shown = [r for r in dl.options.roles if r != "general"]
        if set(shown) != {r for r in ROLES if r != "general"}:
            options.append("仅含" + "、".join(ROLE_LABELS[r] for r in shown))
    if dl.options.include_general:
        options.append("含“有关部门按职责分工负责”的通用条款")
    if dl.options.include_expired:
        options.append("含已失效的公文")
    return f"（{'；'.join(options)}）" if options else ""


def document_heading(dl: DutyList, index: int, doc: DocumentInfo) -> list[Span]:
    spans = [Span(f"（{int_to_cn(index)}）" + cite(doc.short_title or doc.title,
                                                    doc.doc_number or "无文号"))]
    if doc.expired(dl.today):
        spans.append(Span(f"【已失效：有效期至{cn_date(doc.valid_until)}】", "expired"))
    return spans


def duty_document(dl: DutyList, table_only: bool | None = None) -> OutDoc:
    """The duty list, laid out once for every writer."""
    if table_only is None:
        table_only = dl.options.table_only
    dept = dl.department.name
    title = f"{dept}职责清单"
    sources = issues_text(dl.sources, named=6)  # (a list over the archive: the first few)
    out = OutDoc(title, f"{title}　{sources}")
    out.add("title", title)
    basis = f"{sources}公报" if dl.sources else "本资料库"
    out.add("meta", f"依据：{basis}　打印日期：{cn_date(dl.today.isoformat())}")
    if options_line(dl):
        out.add("meta", options_line(dl))
    if not dl.entries:
        out.add("body", "本资料库中没有涉及该部门的条款。")
        out.add("body", "如部门名称有误，可在部门列表中查找其他名称；如需包括“区政府有关部门按职责"
                        "分工负责”一类的通用条款，请在打印选项中勾选“含通用条款”。")
        if left_out_line(dl):
            out.add("small", left_out_line(dl))
        return out
    out.add("small", counts_line(dl) + "。")
    rows = duty_rows(dl)
    table = Table(TABLE_HEADER, [], TABLE_WIDTHS, ["center", "", "center", "", ""])
    for row in rows:
        source = [[Span(line)] for line in source_lines(row.entry.doc_number, row.entry.path)]
        if row.document.expired(dl.today):
            source.append([Span(EXPIRED_MARK, "expired")])
        table.rows.append([[[Span(str(row.number))]], [[Span(row.task)]],
                           [[Span(line)] for line in role_lines(row.entry)],
                           [line for d in row.deadlines for line in due_lines(d, dl)]
                           or [[Span("—")]],
                           source])
    out.blocks.append(table)
    if left_out_line(dl):
        out.add("small", left_out_line(dl), keep_with_previous=True)
    if table_only:
        return out
    numbers = {row.entry.key: row.number for row in rows}
    names = dl.names()
    out.add("h1", "附：条款全文", keep_with_next=True, page_break_before=True)
    for i, group in enumerate(dl.groups, start=1):
        out.add("h2", *document_heading(dl, i, group.document), keep_with_next=True,
                anchor=f"doc{i}")
        for e in group.entries:
            heading = "" if heading_repeats_text(e) else "　" + e.heading
            out.add("entry", f"［{numbers[e.key]}］", Span(f"【{role_text(e)}】", "role"),
                    e.path + heading, keep_with_next=True)
            out.add("body", *marked(e.text, names + ([e.via] if e.via else [])))
            if e.deadlines:
                due = "；".join(f"{d['phrase']}（{cn_date(d['due'])}"
                               + ("，已过" if dl.is_past(d["due"]) else "") + "）"
                               for d in e.deadlines)
                out.add("due", f"时限：{due}")
    return out


# ------------------------------------------------------------------ writers
def to_text(dl: DutyList, with_text: bool = True) -> str:
    """Plain text: for pasting (with each clause's words) or, without them, the table alone
    for a terminal (`duties NAME`)."""
    from models.views.writers.plain import to_text as write
    return write(duty_document(dl, table_only=not with_text or dl.options.table_only))


def to_markdown(dl: DutyList) -> str:
    from models.views.writers.plain import to_markdown as write
    return write(duty_document(dl))


def to_print_job(dl: DutyList) -> PrintJob:
    """The duty list as a GB/T 9704-style document for ui/ to print."""
    from models.views.writers.print_job import to_print_job as write
    return write(duty_document(dl))


def write_docx(dl: DutyList, path: Path, table_only: bool | None = None) -> Path:
    """The duty list as a Word file for WPS and Word (导出为 Word…)."""
    from models.views.writers.docx import write_docx as write
    return write(duty_document(dl, table_only), Path(path))


def citation_of(row: DutyRow) -> str:
    """The full citation of a row's clause, 《标题》（文号）path【已失效】."""
    doc = row.document
    return cite(doc.title, doc.doc_number, row.entry.path, row.entry.expired)


__all__ = ["DutyGroup", "DutyList", "DutyListOptions", "DutyRow", "build_duty_list",
           "citation_of", "duty_document", "duty_rows", "merge_deadlines", "source_ref",
           "to_markdown", "to_print_job", "to_text", "write_docx"]
