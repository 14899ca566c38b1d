"""The `bookmarks` commands: add, list, collections, print, export, import."""
from __future__ import annotations

import argparse
from pathlib import Path

from models.errors import GazetteError

from .commands import open_library
from .output import emit_json, line, print_pdf, write_file, write_output


def _store():
    from models.bookmarks import BookmarkStore, bookmark_store_path
    from models.locations import user_data_dir
    return BookmarkStore(bookmark_store_path(user_data_dir()))


def cmd_bookmarks_add(args: argparse.Namespace) -> int:
    with open_library(args) as lib, _store() as store:
        mark = store.add(lib, args.key, args.collection, args.note)
    line(f"已收藏到“{mark.collection}”：{mark.citation()} {mark.heading}")
    return 0


def cmd_bookmarks_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib, _store() as store:
        marks = store.resolved(lib, args.collection)
    if args.format == "json":
        emit_json([m.as_json() for m in marks])
        return 0
    from models.views.brief import STATUS_LABELS
    current = None
    for m in marks:
        if m.collection != current:
            current = m.collection
            line(f"\n{current}")
        status = STATUS_LABELS[m.status]
        line(f"  [{m.key}] {m.citation()} {m.heading}" + (f"  【{status}】" if status else ""))
        if m.note:
            line(f"      备注：{m.note}")
    if not marks:
        line("还没有书签。")
    return 0


def cmd_bookmarks_collections(args: argparse.Namespace) -> int:
    with _store() as store:
        collections = store.collections()
    if args.format == "json":
        emit_json([{"name": c.name, "count": c.count, "created": c.created} for c in collections])
        return 0
    for c in collections:
        line(f"{c.name}（{c.count} 条）")
    return 0


def cmd_bookmarks_print(args: argparse.Namespace) -> int:
    from models.views import brief
    with open_library(args) as lib, _store() as store:
        marks = store.resolved(lib, args.collection)
    if args.format == "docx":
        return write_file(args.output, "Word",
                           lambda path: brief.write_docx(args.collection, marks, path))
    return print_pdf(brief.to_print_job(args.collection, marks), args.output)


def cmd_bookmarks_export(args: argparse.Namespace) -> int:
    import json
    from models.views import brief
    with _store() as store:
        if args.format == "json":
            from models.bookmarks import exchange
            write_output(json.dumps(exchange.export_json(store, args.collection),
                                     ensure_ascii=False, indent=2), args.output)
            return 0
        if not args.collection:
            raise GazetteError("导出为 Markdown 或文本时请用 --collection 指定收藏夹")
        with open_library(args) as lib:
            marks = store.resolved(lib, args.collection)
    render = brief.to_markdown if args.format == "markdown" else brief.to_text
    write_output(render(args.collection, marks), args.output)
    return 0


def cmd_bookmarks_import(args: argparse.Namespace) -> int:
    from models.bookmarks import exchange
    from models.errors import BadBookmarkFileError
    with _store() as store:
        report = exchange.import_file(store, Path(args.file))
    if report.bad and not (report.added or report.duplicates):
        raise BadBookmarkFileError(report.message())  # nothing of it could be used
    line(report.message())
    return 0
