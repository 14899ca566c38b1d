"""公报通 (Gazette Desk): the entry point.

Only parses arguments and dispatches: with no command it opens the window,
otherwise it runs a command of cli/. Errors a user can cause end with a
message in Chinese on stderr and exit code 2, never a traceback.

The window is what officials start most, and every millisecond before its
first paint counts (bench/startup_bench.py): when the arguments open it
(nothing but --user-data DIR), they are read without argparse, whose
parsers cost 5 ms for one option (gettext looks its strings up on disk)
and 10-25 ms for the whole command line (ui/startup/arguments.py). The
window's start, every piece of it, is behind ui.startup.open_window().
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from models.version import DESCRIPTION, EXE_NAME, version_text
    parser = argparse.ArgumentParser(prog=EXE_NAME, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=version_text())
    parser.add_argument("--user-data", metavar="DIR", help="用户数据（书签、设置、导入）所在文件夹")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    def user_data(p) -> None:  # accepted after the command too (bookmarks list --user-data D)
        p.add_argument("--user-data", metavar="DIR", default=argparse.SUPPRESS,
                       help="用户数据所在文件夹")

    def command(name: str, help_text: str, library: bool = True, formats=("text", "json")):
        p = sub.add_parser(name, help=help_text)
        user_data(p)
        if library:
            p.add_argument("--library", metavar="PATH", help="使用指定的资料库文件")
        if formats:
            p.add_argument("--format", choices=formats, default="text", help="输出格式")
        return p

    p = command("import", "导入公报或公文（PDF、OFD、Word .docx、文本；可给多个文件或文件夹）")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("--replace", action="store_true", help="文号已在库中时以新版本替换")
    command("documents", "列出库中的公文")
    p = command("search", "全文检索")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--department", metavar="NAME", help="只检索与该部门有关的条款")
    p.add_argument("--government", metavar="G", help="部门名称属于多个政府时，指明哪一个（如 青川区）")
    p.add_argument("--limit", type=int, default=200)
    p = command("duties", "某部门的职责清单",
                formats=("text", "json", "pdf", "docx", "ics", "html", "markdown"))
    p.add_argument("name", metavar="NAME")
    p.add_argument("--include-general", action="store_true", help="包括“有关部门按职责分工负责”的通用条款")
    p.add_argument("--roles", metavar="ROLES", help="只列出这些角色，如 lead,support")
    p.add_argument("--include-expired", action="store_true", help="包括已失效的公文")
    p.add_argument("--documents", metavar="文号,…", help="只列出这些公文（文号，逗号分隔，写法不限）")
    p.add_argument("--government", metavar="G", help="部门名称属于多个政府时，指明哪一个（如 青川区）")
    p.add_argument("--output", metavar="FILE", help="写入文件（pdf、docx、ics 格式必须指定）")
    p.add_argument("--table-only", action="store_true",
                   help="只输出任务表（默认：任务表加条款全文）")
    p.add_argument("--include-past", action="store_true",
                   help="ics：也写入已过的时限（默认只写今天及以后的）")
    p.add_argument("--exclude-expired", action="store_true",
                   help="JSON 输出默认列出全部条目（标明是否失效）；加此项则去掉已失效公文的条目")
    p = command("departments", "列出部门及其条目数；或修订部门名录：alias 简称 全称 / rename 旧名 新名 / "
                "collective 名称")
    p.add_argument("action", metavar="操作", nargs="?", choices=("alias", "rename", "collective"),
                   help="alias：把一个单位并入已有单位；rename：改名；collective：标为集体单位（如各街道）")
    p.add_argument("names", metavar="名称", nargs="*")
    p.add_argument("--government", metavar="G", help="只看（或修订）这个政府的单位")
    p = command("show", "显示一个条款")
    p.add_argument("key", metavar="KEY")
    p.add_argument("--page", action="store_true", help="出处后注明公报页码（第N页）")
    p = sub.add_parser("bookmarks", help="书签与收藏夹（会议材料）")
    user_data(p)
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="操作", required=True)

    def bcommand(name: str, help_text: str, formats=("text", "json")):
        bp = bsub.add_parser(name, help=help_text)
        bp.add_argument("--library", metavar="PATH", help="使用指定的资料库文件")
        user_data(bp)
        if formats:
            bp.add_argument("--format", choices=formats, default=formats[0], help="输出格式")
        return bp

    bp = bcommand("add", "收藏一个条款", formats=())
    bp.add_argument("key", metavar="KEY")
    bp.add_argument("--collection", metavar="NAME", required=True)
    bp.add_argument("--note", metavar="TEXT", default="")
    bp = bcommand("list", "列出书签及其状态（ok / changed / orphaned）")
    bp.add_argument("--collection", metavar="NAME")
    bcommand("collections", "列出收藏夹")
    bp = bcommand("print", "把收藏夹打印成会议材料（PDF 或 Word）", formats=("pdf", "docx"))
    bp.add_argument("collection", metavar="NAME")
    bp.add_argument("--output", metavar="FILE", required=True)
    bp = bcommand("export", "导出书签", formats=("json", "markdown", "text"))
    bp.add_argument("--collection", metavar="NAME")
    bp.add_argument("--output", metavar="FILE")
    bp = bcommand("import", "导入书签（合并，不重复）", formats=())
    bp.add_argument("file", metavar="FILE")
    p = command("build-library", "由 content/ 生成一个资料库文件", library=False, formats=())
    p.add_argument("output", metavar="OUTPUT")
    command("self-test", "在屏幕外打开窗口并逐项自检，失败时返回非零", formats=())
    return parser


def undecodable_argument(argv: list[str]) -> str | None:
    """The message for an argument that is not valid UTF-8 (Python keeps its bytes as lone
    surrogates), or None."""
    for position, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "replace").decode("utf-8")
            return (f"公报通：第 {position} 个命令行参数（{shown}）不是有效的 UTF-8 文字。"
                    "请检查文件名的编码，或把文件改名后再试。")
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    problem = undecodable_argument(argv)
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    from models.locations import set_user_data_dir
    from ui import startup
    if startup.wants_window(argv):
        set_user_data_dir(startup.user_data_argument(argv))
        return startup.open_window()
    args = build_parser().parse_args(argv)
    set_user_data_dir(args.user_data)
    if args.command is None:  # the window after all, e.g. with --user abbreviated
        return startup.open_window()
    if args.command == "self-test":
        from ui.selftest import run_self_test
        return run_self_test(args.library)
    from cli import bookmark_commands, commands
    from models.errors import GazetteError
    if args.command == "bookmarks":
        handler = getattr(bookmark_commands, "cmd_bookmarks_" + args.bookmarks_command)
    else:
        handler = getattr(commands, "cmd_" + args.command.replace("-", "_"))
    try:
        return handler(args)
    except GazetteError as err:
        sys.stderr.write(f"公报通：{err}\n")
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
