"""The command implementations. Each returns an exit code; errors are typed and raised."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from models.store.content import active_library, import_files
from models.errors import EmptyCalendarError, GazetteError, os_reason
from models.roles import ROLES
from models.store.library import Library
from models.store.search import search
from models.views.citation import citation, cited_path, page_of

from .output import (emit_json, line, notice, output_folder, plain_snippet, print_pdf,
                     role_label, write_file, write_output)


def open_library(args: argparse.Namespace) -> Library:
    """The library asked for, or the active one: rebuilt first when a new version of the app
    made it stale, a line on stderr per issue as it goes."""
    return Library(Path(args.library) if getattr(args, "library", None)
                   else active_library(warn=notice, progress=_rebuilding))


def _rebuilding(done: int, total: int) -> None:
    from models.store.content import rebuild_progress_text
    notice(rebuild_progress_text(done, total))


def cmd_import(args: argparse.Namespace) -> int:
    """One line (or object) per file; each file succeeds or fails on its own; exit 2 if any
    failed."""
    from models.errors import DuplicateDocumentError
    library = Path(args.library) if args.library else None
    results, failed = [], 0
    for result in import_files([Path(f) for f in args.files], library, args.replace, notice):
        results.append(result)
        if result.error is not None:
            failed += 1
            hint = "如需以新版本替换，请加 --replace。" \
                if isinstance(result.error, DuplicateDocumentError) else ""
            notice(f"{result.error}{hint}")
        elif args.format != "json":
            _print_import(result.summary)
    if not results:
        raise GazetteError("没有找到可导入的文件（支持 PDF、OFD、Word .docx 和文本 .txt）")
    if args.format == "json":
        objects = [_import_json(r) for r in results]
        emit_json(objects[0] if len(objects) == 1 and not failed else {"files": objects})
    elif len(results) > 1:
        line(f"共 {len(results)} 个文件：导入 {len(results) - failed} 个，失败 {failed} 个。")
    return 2 if failed else 0


def _import_json(result) -> dict:
    if result.error is not None:
        return {"file": str(result.path), "error": str(result.error)}
    summary = result.summary
    issue = summary.issue
    return {"file": str(result.path), "library": str(summary.library), "issue": issue.label,
            "format": issue.source_format,
            "documents": [{"doc_number": d.doc_number, "title": d.title} for d in issue.documents],
            "nodes": sum(1 for d in issue.documents for _ in d.walk()),
            "notes": sum(1 for d in issue.documents for n in d.walk() if n.note),
            "unknown_units": issue.unknown_units}


def _print_import(summary) -> None:
    issue = summary.issue
    nodes = sum(1 for d in issue.documents for _ in d.walk())
    notes = sum(1 for d in issue.documents for n in d.walk() if n.note)
    line(f"已导入：{issue.title or ''} {issue.label}（{issue.source_name}）→ {summary.library}")
    for doc in issue.documents:
        line(f"  {doc.doc_number or '（无文号）'}  {doc.title}")
    line(f"共 {len(issue.documents)} 件公文，{nodes} 个条目，{notes} 条职责分工注释。")
    for note in summary.notes:
        line("注意：" + note)


def cmd_documents(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        docs = lib.documents()
        if args.format == "json":
            emit_json([d.as_json() for d in docs])
            return 0
        today = date.today()
        for d in docs:
            mark = f"  【已失效：有效期至{d.valid_until}】" if d.expired(today) else ""
            line(f"{d.doc_number or '（无文号）'}  {d.date or '':10}  {d.title}{mark}")
            line(f"    {d.issue} · {d.category or '未分类'} · {d.issuer}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise GazetteError(f"--limit 应为正整数（收到 {args.limit}）")
    if args.government and not args.department:
        raise GazetteError("--government 指明 --department 的部门属于哪个政府，需与 --department 一起使用")
    with open_library(args) as lib:
        result = search(lib, args.query, department=args.department, limit=args.limit,
                        government=args.government)
        if args.format == "json":
            emit_json(result.as_json())
            return 0
        if not result.hits:
            line(f"没有找到“{args.query}”。")
            return 0
        line(f"“{args.query}”：{len(result.hits)} 处，{len(result.groups)} 件公文")
        for group in result.groups:
            line(f"\n{group.doc_number or ''} {group.title}")
            for hit in group.hits:
                where = page_of(hit)
                line(f"  [{hit.key}] {hit.path}{f'（{where}）' if where else ''}  "
                     f"{plain_snippet(hit.snippet)}")
    return 0


def _roles(value: str | None) -> list[str] | None:
    if not value:
        return None
    roles = [r.strip() for r in value.split(",") if r.strip()]
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise GazetteError(f"未知的角色：{'、'.join(unknown)}（可用：{', '.join(ROLES)}）")
    return roles


def cmd_duties(args: argparse.Namespace) -> int:
    roles = _roles(args.roles)
    if roles and "general" in roles:
        args.include_general = True
    if args.format != "json":
        return duties_document(args)
    with open_library(args) as lib:
        # JSON (the scripting contract) lists every entry, each saying whether its
        # document has expired; lists for people leave expired documents out
        # unless asked.
        dept, entries = lib.duties(args.name, include_general=args.include_general, roles=roles,
                                   document_keys=_document_keys(lib, args.documents),
                                   include_expired=not args.exclude_expired,
                                   government=args.government)
    emit_json({"department": dept.name, "government": dept.government,
               "entries": [e.as_json() for e in entries]})
    return 0


def cmd_departments(args: argparse.Namespace) -> int:
    if args.action:
        return departments_amend(args)
    with open_library(args) as lib:
        depts = lib.departments()
        several = len({d.government for d in depts if d.counts}) > 1
        if args.government:
            wanted = lib.government_named(args.government)
            depts = [d for d in depts if d.government == wanted]
        if args.format == "json":
            emit_json([{"name": d.name, "government": d.government, "kind": d.kind,
                        "aliases": d.aliases, "counts": d.counts, "total": d.total,
                        **({"unregistered": True} if not d.known else {})} for d in depts])
            return 0
        shown = None
        for d in sorted(depts, key=lambda d: d.government) if several else depts:
            if several and d.government != shown:
                shown = d.government
                line(f"\n【{shown or '未知'}】")
            counts = "，".join(f"{role_label(r)} {n}" for r, n in d.counts.items())
            line(f"{d.name}（{d.kind}）：" + (f"{d.total} 条（{counts}）" if counts else "无条目"))
            if d.aliases:
                line(f"    又称：{'、'.join(d.aliases)}")
    return 0


def departments_amend(args: argparse.Namespace) -> int:
    """departments alias|rename|collective …: an amendment of the user's 部门名录, kept and
    applied to their library at once."""
    from models.locations import user_data_dir
    from models.registry.amendments import Amendment
    from models.store.amend import amend, amend_user_library
    from models.store.content import ensure_user_library
    wanted = {"alias": 2, "rename": 2, "collective": 1}[args.action]
    if len(args.names) != wanted:
        raise GazetteError({"alias": "用法：departments alias 简称 全称 [--government 政府]",
                            "rename": "用法：departments rename 旧名 新名 [--government 政府]",
                            "collective": "用法：departments collective 名称 [--government 政府]"
                            }[args.action])
    library = Path(args.library) if args.library else ensure_user_library(notice)
    with Library(library) as lib:
        dept = lib.resolve_department(args.names[0], args.government)
        government = dept.government
        target = lib.resolve_department(args.names[1], government) if args.action == "alias" \
            else None
    item = Amendment(args.action, government, dept.name,
                     target.name if target else (args.names[1] if wanted == 2 else ""))
    moved = amend(library, user_data_dir(), item, notice) if args.library else \
        amend_user_library(item, notice)
    line(item.describe(moved))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from models.views.document_html import markdown_of
    with open_library(args) as lib:
        node = lib.node(args.key)
        doc = lib.document(node.document_key)
        if args.format == "json":
            emit_json({"key": node.key, "doc_number": doc.doc_number, "title": doc.title,
                       "path": node.path, "heading": node.heading, "kind": node.kind,
                       "text": node.full_text,
                       "markdown": markdown_of(node, lib.assignments(doc.key).get(node.key, []),
                                               lib.deadlines_of([node.key]).get(node.key, [])),
                       "page": node.page,
                       "page_label": node.page_label, "citation": citation(doc, cited_path(node)),
                       "expired": doc.expired()})
            return 0
        line(citation(doc, cited_path(node), page=node if args.page else None))
        line(node.full_text)
    return 0


def cmd_build_library(args: argparse.Namespace) -> int:
    from models.store.content import build_library, content_fingerprint, content_sources, \
        load_content_registry
    target = Path(args.output)
    issues = build_library(target, content_sources(), load_content_registry(),
                           content_fingerprint(), wal=False)  # it may ship on read-only media
    line(f"已生成资料库 {target}：{sum(len(i.documents) for i in issues)} 件公文")
    return 0


def _document_keys(lib, value: str | None) -> list[str] | None:
    """--documents 市中政办发[2021]13号,…: the keys of those documents, in any written form."""
    if not value:
        return None
    from models.textnorm import doc_number_key
    by_number = {doc_number_key(d.doc_number or ""): d.key for d in lib.documents()}
    keys = []
    for number in (n.strip() for n in value.replace("，", ",").split(",")):
        key = by_number.get(doc_number_key(number) or "")
        if number and key is None:
            raise GazetteError(f"库中没有文号为“{number}”的公文（可用 documents 命令查看）")
        if key:
            keys.append(key)
    return keys


def duties_document(args: argparse.Namespace) -> int:
    """duties NAME --format pdf|docx|ics|html|markdown|text: the list for people."""
    from models.views import dutylist
    with open_library(args) as lib:
        options = dutylist.DutyListOptions(include_general=args.include_general,
                                           roles=_roles(args.roles),
                                           document_keys=_document_keys(lib, args.documents),
                                           include_expired=args.include_expired,
                                           table_only=args.table_only,
                                           government=args.government)
        dl = dutylist.build_duty_list(lib, args.name, options)
    if args.format == "markdown":
        write_output(dutylist.to_markdown(dl), args.output)
        return 0
    if args.format == "text":
        write_output(dutylist.to_text(dl, with_text=bool(args.output)), args.output)
        return 0
    if args.format == "docx":
        return write_file(args.output, "Word", lambda path: dutylist.write_docx(dl, path))
    if args.format == "ics":
        return _write_ics(dl, args)
    job = dutylist.to_print_job(dl)
    if args.format == "html":
        write_output(job.with_toc({}), args.output)
        return 0
    return print_pdf(job, args.output)


def _write_ics(dl, args: argparse.Namespace) -> int:
    from models.views import duty_calendar
    if not args.output:
        raise GazetteError("日历（ics）输出需要用 --output 指定文件名")
    hint = "加 --include-past 可一并写入已过的时限。"
    try:
        duty_calendar.check_not_empty(dl, args.include_past)
    except EmptyCalendarError as err:  # exit 2, nothing written: a file must be whole
        raise GazetteError(str(err) + (hint if err.past else "")) from err
    output_folder(args.output)
    try:
        count = duty_calendar.write_ics(dl, Path(args.output), include_past=args.include_past)
    except OSError as exc:
        raise GazetteError(f"无法写入 {args.output}：{os_reason(exc)}") from exc
    line(f"已生成 {args.output}：" + duty_calendar.calendar_message(dl, count, args.include_past))
    if not args.include_past and duty_calendar.past_deadlines(dl):
        line(hint)
    return 0
