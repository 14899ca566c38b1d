"""Errors a user can see, each carrying its message in Chinese.

The window turns them into dialogs and main.py into a line on stderr with exit
code 2; anything else escaping is a bug.
"""
from __future__ import annotations

import errno
import shutil
from pathlib import Path


class GazetteError(Exception):
    """Base class: ``str(err)`` is the message for the user."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
        self.detail = message  # what is wrong, without the action that failed (无法导入：…)

    def __str__(self) -> str:
        return self.message


class BadGazetteError(GazetteError):
    """The text given to the importer cannot be read as a gazette or document."""

    def __init__(self, reason: str, line: int | None = None, source: str | None = None,
                 page: int | None = None):
        """*page* for a laid-out file (PDF, OFD), where a line number means nothing to a user."""
        where = ""
        if source:
            where += f"{source}"
        if page is not None:
            where += f"{'：' if where else ''}第 {page} 页"
        elif line is not None:
            where += f"{'：' if where else ''}第 {line} 行"
        detail = f"{where}：{reason}" if where else reason
        super().__init__(f"无法导入：{detail}")
        self.detail = detail  # (the 原文 view says 无法显示原文：detail)
        self.reason = reason
        self.line = line
        self.source = source
        self.page = page


class DuplicateDocumentError(GazetteError):
    """Documents with these 文号 are already in the library (every one is named: the
    user chooses to replace or skip knowing all of them)."""

    def __init__(self, duplicates: list[tuple[str, str, str]]):
        """*duplicates*: (文号 or title, where in the file (第 N 行 / 第 N 页 or ""), the issue
        that holds it)."""
        def parts(number: str, where: str, held: str) -> tuple[str, str]:
            # a document imported on its own is held under its own 文号: not said twice
            return (number + (f"（{where}）" if where else ""),
                    f"，已收录于 {held}" if held and held != number else "")
        if len(duplicates) > 1:
            listed = "；".join("".join(parts(*d)) for d in duplicates)
            message = f"以下 {len(duplicates)} 件公文已在库中：{listed}。"
        else:
            which, held = parts(*duplicates[0])
            message = f"{which}已在库中{held}。"
        super().__init__(message)
        self.duplicates = duplicates
        self.doc_number = duplicates[0][0]


class BadLibraryError(GazetteError):
    """The library file is missing, truncated, corrupt or of a newer schema."""


class UnknownDepartmentError(GazetteError):
    def __init__(self, name: str, suggestions: list[str]):
        hint = "；您是否要找：" + "、".join(suggestions) if suggestions else ""
        super().__init__(f"找不到部门“{name}”{hint}")
        self.name = name
        self.suggestions = suggestions


class AmbiguousDepartmentError(GazetteError):
    """A department name that stands for units of several governments."""

    def __init__(self, name: str, found: list[tuple[str, str]]):
        listed = "；".join(f"{gov or '（未知）'}：{dept}" for gov, dept in found)
        super().__init__(f"“{name}”是多个政府的单位：{listed}。请指明政府（--government）。")
        self.name = name
        self.found = found


class UnknownGovernmentError(GazetteError):
    def __init__(self, written: str, known: list[str]):
        hint = f"库中有：{'、'.join(known)}" if known else "库中还没有任何政府的公文"
        super().__init__(f"找不到政府“{written}”（{hint}）")
        self.written = written


class UnknownNodeError(GazetteError):
    def __init__(self, key: str):
        super().__init__(f"库中没有编号为 {key} 的条款")
        self.key = key


class UnknownDocumentError(GazetteError):
    def __init__(self, key: str):
        super().__init__(f"库中没有编号为 {key} 的公文")
        self.key = key


class BadRegistryError(GazetteError):
    """The curated department or role data in content/ is malformed."""


class LibraryBusyError(GazetteError):
    """Another writer held the library's lock for longer than we wait."""

    def __init__(self, library, waited: float):
        super().__init__(f"资料库 {library} 正由另一个导入或重建写入，等待 {waited:g} 秒后仍未"
                         "完成。请等它结束后再试；资料库未作改动。")
        self.library = library


def is_disk_full(exc: BaseException, folder: Path) -> bool:
    """A failed write (SQLite's or the OS's) was for want of space: SQLite may report a full
    disk as a plain I/O error, so a folder with (next to) no space left counts as full."""
    if isinstance(exc, OSError):  # the OS says exactly why
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "full" in str(exc).lower():
        return True
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


class EmptyCalendarError(GazetteError):
    """A calendar with no event: RFC 5545 wants at least one, so no file is written.
    *past*: the deadlines left out because they have passed (0: the list has none)."""

    def __init__(self, message: str, past: int):
        super().__init__(message)
        self.past = past


class RebuildCancelled(GazetteError):
    """A rebuild of the library was stopped by the user: the library is as it was."""

    def __init__(self):
        super().__init__("已取消重建资料库；资料库未作改动，仍是原来的内容。")


def os_reason(exc: OSError, reading: bool = False) -> str:
    """Why a file could not be written (or, *reading*, read), as a user says it: the
    system's own words are English."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return "磁盘空间不足"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "没有读取权限" if reading else "文件夹是只读的或没有写入权限"
    if code == errno.ENOENT:
        return "文件不存在" if reading else "文件夹不存在"
    if code == errno.EISDIR:
        return "这是一个文件夹，不是文件"
    if code == errno.EIO:
        return "读写出错（磁盘或网络故障）"
    if code == errno.ENAMETOOLONG:
        return "文件名太长"
    return exc.strerror or str(exc)


# ------------------------------------------------------------- bookmarks
class BookmarkError(GazetteError):
    """A bookmark operation the user asked for cannot be done."""


class UnknownCollectionError(BookmarkError):
    def __init__(self, name: str, known: list[str]):
        hint = f"（现有：{'、'.join(known)}）" if known else "（还没有任何收藏夹）"
        super().__init__(f"没有名为“{name}”的收藏夹{hint}")


class BookmarkStorageError(BookmarkError):
    """The bookmark file cannot be written: a read-only folder, a full disk."""


class DamagedBookmarksError(BookmarkError):
    """The bookmark file is damaged (a bad page, not a database at all)."""

    def __init__(self, path, detail: str = ""):
        why = f"：{detail}" if detail else ""
        super().__init__(
            f"书签文件已损坏（{path}）{why}。可以以只读方式打开它的副本，查看还能读出的书签；"
            "或新建一个书签文件，损坏的文件会改名保留在原处。")
        self.path = path


class BadBookmarkFileError(BookmarkError):
    """A bookmark export to import is not one, or goes beyond what we accept."""
