"""What went wrong with the bookmark file, told apart: damage, a read-only folder, a full disk.

SQLite reports these with codes that overlap (a full disk may surface as an
I/O error, a read-only mount as "unable to open"); the store asks here, so
each reaches the user as what it is: 书签文件已损坏, 只读, 磁盘空间不足.
"""
from __future__ import annotations

import os
from pathlib import Path

from models.errors import is_disk_full

_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(exc: BaseException) -> bool:
    """SQLite says the file itself is bad (not that it cannot be written now)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return name.startswith(_DAMAGE) or "malformed" in text or "not a database" in text


def storage_message(exc: BaseException, path: Path) -> str:
    """Why the bookmark file cannot be written, in the user's words."""
    if is_disk_full(exc, path.parent if path.parent.exists() else Path(path.anchor or "/")):
        return (f"磁盘空间不足（{path.parent}）：书签可以查看，但暂时不能保存。"
                "请腾出空间后重试，已有书签未受影响。")
    text = str(exc).lower()
    folder = path.parent
    folder_read_only = folder.exists() and not os.access(folder, os.W_OK)  # a read-only mount too
    if folder_read_only or "readonly" in text or "read-only" in text \
            or isinstance(exc, PermissionError) or getattr(exc, "errno", 0) in (1, 13, 30):
        return f"用户数据文件夹是只读的（{folder}）：书签可以查看，但不能修改。"
    return f"无法保存书签（{path}）：{exc}"
