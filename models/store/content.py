"""The embedded content: its registry, its gazettes, and the default library built from them.

The default library is derived data: it is rebuilt in the cache whenever the
content or the parsing code changes (a fingerprint of both names the file),
so a developer or editor never runs a build step by hand. The frozen app
ships a library prebuilt by build.spec beside its content.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from models.store import imports
from models.errors import (BadGazetteError, BadLibraryError, GazetteError, LibraryBusyError,
                           os_reason)
from models.locations import (cache_dir, content_dir, imports_dir, resources_dir, user_data_dir,
                              user_library_path)
from models.store.schema import SCHEMA_VERSION
from models.whole_file import write_text_whole

if TYPE_CHECKING:  # the parser and the builder load only when something is built
    from models.issue import Issue
    from models.registry import Registry

PREBUILT_NAME = "library.sqlite"


def load_content_registry(root: Path | None = None) -> Registry:
    from models.registry import load_registry
    root = root or content_dir()
    return load_registry(root / "departments.toml", root / "roles.toml",
                         root / "alias_rules.toml")


def load_user_registry(root: Path | None = None) -> Registry:
    """The content's registry with the user's amendments (部门名录 merges and renames), as
    imports and rebuilds of the user's library read units."""
    from models.registry.amendments import amendments_path, load_amendments
    registry = load_content_registry(root)
    registry.amendments = load_amendments(amendments_path(user_data_dir()))
    return registry


def content_sources(root: Path | None = None) -> list[Path]:
    """The gazette texts of the bundle, in name order."""
    return sorted((root or content_dir()).glob("issues/*.txt"))


def content_fingerprint(root: Path | None = None) -> str:
    """A hash of the content and of the code that turns it into a library."""
    root = root or content_dir()
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    files = [*content_sources(root), root / "departments.toml", root / "roles.toml",
             root / "alias_rules.toml"]
    if not getattr(sys, "frozen", False):
        models = Path(__file__).resolve().parent.parent  # the parser, registry and builder
        files += sorted(models.rglob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_library(target: Path, sources: list[Path], registry: Registry,
                  fingerprint: str = "", wal: bool = True) -> list[Issue]:
    """Build a library from scratch out of gazette files (atomically); wal=False for one
    that will be read from read-only media (the frozen app's)."""
    from models.store.build import add_issues
    issues = [parse_file(path, registry) for path in sources]
    add_issues(target, issues, registry, fresh=True, wal=wal,
               extra_metadata={"content_fingerprint": fingerprint,
                               "sources": ", ".join(p.name for p in sources)})
    return issues


def parse_file(path: Path, registry: Registry, name: str | None = None) -> Issue:
    """Parse a gazette file; *name* is how messages and the library call it (its file name)."""
    from models.parse.parser import parse_bytes
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadGazetteError(f"无法读取文件：{os_reason(exc, reading=True)}", source=str(path)) from exc
    return parse_bytes(data, registry, name or Path(path).name)


def default_library() -> Path:
    """The library of the embedded content, built (or rebuilt) when needed."""
    prebuilt = resources_dir() / PREBUILT_NAME
    if getattr(sys, "frozen", False) and prebuilt.exists():
        return prebuilt
    fingerprint = content_fingerprint()
    target = cache_dir() / f"library-{fingerprint[:16]}.sqlite"
    if not target.exists():
        build_library(target, content_sources(), load_content_registry(), fingerprint)
        for old in target.parent.glob("library-*.sqlite"):
            if old != target:
                old.unlink(missing_ok=True)
    return target


@dataclass
class ImportSummary:
    library: Path
    issue: Issue
    replaced: bool = False
    notes: list[str] = field(default_factory=list)


def user_library_fingerprint() -> str:
    """What the user's library was built from: the content and code, or in the frozen app
    the version and its prebuilt library (a new release rebuilds it)."""
    if getattr(sys, "frozen", False):
        from models.version import VERSION
        prebuilt = resources_dir() / PREBUILT_NAME
        size = prebuilt.stat().st_size if prebuilt.exists() else 0
        return f"frozen {VERSION} {size}"
    return content_fingerprint()


def _stamp_path(user: Path) -> Path:
    return user.with_suffix(".content")


def active_library(warn: Callable[[str], None] | None = None, rebuild: bool = True,
                   progress: Callable[[int, int], None] | None = None,
                   first: Callable[[], list[str]] | None = None) -> Path:
    """The user's library when they have imported something, else the default one.

    The user's library is the default plus their imports; when the content or
    the app changes it is rebuilt from both, so neither is ever stale. A kept
    import that no longer parses is skipped, and *warn* told which; *progress*
    (issues done, issues) is told as the rebuild goes.
    *rebuild*=False: a stale library that can still be read (same schema) is
    given as it is, to serve while the caller rebuilds it in the background
    (rebuild_user_library); one that cannot is rebuilt now, by *first*() when
    given (the window's, with a dialog; it returns the warnings).
    """
    user = user_library_path()
    if not user.exists():
        return default_library()
    due = pending_rebuild()
    rebuilt: list[str] = []
    if due == "first":
        rebuilt = first() if first is not None else \
            rebuild_user_library(on_wait=warn, progress=progress, if_stale=True)
    elif due == "serve" and rebuild:
        try:  # not behind another rebuild (a window's): the library as it is serves meanwhile
            rebuilt = rebuild_user_library(progress=progress, if_stale=True, timeout=0)
        except LibraryBusyError:
            rebuilt = [BUSY_REBUILDING]
    for message in rebuilt:
        if warn is not None:
            warn(message)
    return user


BUSY_REBUILDING = ("资料库正由另一个程序（如公报通窗口）写入或按新版本重建；这次先使用重建前的资料库，"
                   "重建完成后再运行即可看到新版本的结果。")


def pending_rebuild() -> str | None:
    """Whether the user's library is due for a rebuild: None (it is current, or there is
    none), "serve" (stale but readable: it may serve while it is rebuilt) or "first" (its
    schema cannot be read: it must be rebuilt before it is opened)."""
    user = user_library_path()
    if not user.exists() or not user_library_stale():
        return None
    # a library not in WAL mode (made by an older version from the frozen app's default)
    # cannot be written while the window reads it: it is rebuilt before it is opened
    from models.store.library_file import is_wal
    return "serve" if is_wal(user) and _readable(user) else "first"


def user_library_stale() -> bool:
    """Whether the user's library was built from other content or code than this app's (a
    rebuild is due)."""
    try:
        current = _stamp_path(user_library_path()).read_text(encoding="utf-8")
    except OSError:
        current = ""
    return current != user_library_fingerprint()


def _readable(library: Path) -> bool:
    from models.store.library_file import check_library
    try:
        check_library(library)
        return True
    except GazetteError:
        return False


def rebuild_progress_text(done: int, total: int) -> str:
    """A rebuild's progress as the window's status bar and the command line say it."""
    return f"正在按新版本重建资料库：第 {done} / {total} 期"


class _Sources:
    """The sources of a rebuild, parsed one at a time as the write asks for them (so that
    a thousand issues are never all in memory, and each step is one issue read and
    written); a kept import that no longer parses is skipped with a warning."""

    def __init__(self, sources: list[tuple[Path, str | None]], registry: Registry,
                 cancelled: Callable[[], bool] | None):
        self.sources, self.registry, self.cancelled = sources, registry, cancelled
        self.read = 0  # sources consumed, skipped ones included
        self.warnings: list[str] = []

    def __len__(self) -> int:
        return len(self.sources)

    def __iter__(self) -> Iterator[Issue]:
        from models.errors import RebuildCancelled
        for path, name in self.sources:
            if self.cancelled is not None and self.cancelled():
                raise RebuildCancelled()
            self.read += 1
            try:
                issue = parse_file(path, self.registry, name)
            except BadGazetteError as err:
                if name is None:  # the embedded content must parse
                    raise
                self.warnings.append(f"已跳过无法读取的导入文件 {name}（{path.name}）：{err}")
                continue
            yield issue


def rebuild_user_library(fingerprint: str | None = None,
                         on_wait: Callable[[str], None] | None = None,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None,
                         if_stale: bool = False, timeout: float | None = None) -> list[str]:
    """Rebuild the user's library from the content and the kept imports, in one transaction.

    Returns a warning for every kept import that no longer parses (it is
    skipped; every other import stays). The library is only replaced when the
    whole rebuild succeeded: until then its readers (WAL) read it as it was,
    so it can run in the background of a window reading it. The writer lock is
    held throughout, so an import started meanwhile waits (and is in the
    rebuilt library) rather than being lost to it. *progress*(done, total) is
    told after each issue, read and written; *cancelled*() is asked before
    each: True stops the rebuild (RebuildCancelled), the library unchanged.
    *if_stale*: nothing is done when, the lock taken, the library is current (another
    process rebuilt it while this one waited). *timeout*: the writer lock's wait.
    """
    from models.store.build import add_issues
    from models.store.writelock import writer_lock
    user = user_library_path()
    fingerprint = fingerprint or user_library_fingerprint()
    registry = load_user_registry()
    with writer_lock(user, on_wait, timeout=timeout, cancelled=cancelled):
        if if_stale and user.exists() and not user_library_stale():
            return []
        sources = [(p, None) for p in content_sources()]
        sources += [(kept.path, kept.name) for kept in imports.kept_sources(imports_dir())]
        issues = _Sources(sources, registry, cancelled)
        told = (lambda _done, total: progress(issues.read, total)) \
            if progress is not None else None
        add_issues(user, issues, registry, fresh=True, replace=True, progress=told,
                   cancelled=cancelled)
        _write_stamp(user, fingerprint)
    return issues.warnings


def _write_stamp(user: Path, fingerprint: str) -> None:
    write_text_whole(_stamp_path(user), fingerprint)


def ensure_user_library(on_wait: Callable[[str], None] | None = None) -> Path:
    """The user's library, made from the default one if there is none yet."""
    from models.store.writelock import writer_lock
    user = user_library_path()
    if not user.exists():
        try:
            with writer_lock(user, on_wait):
                if not user.exists():
                    _create_user_library(user)
        except OSError as exc:  # (a full disk, a read-only folder: said, not a traceback)
            raise BadLibraryError(f"无法在 {user.parent} 中建立您的资料库：{os_reason(exc)}。"
                                  "内置资料库未被改动。") from exc
    return user


def _create_user_library(user: Path) -> None:
    """The user's library starts as a copy of the default one (lock held)."""
    from models.store.build import open_for_writing
    from models.store.writelock import building_prefix
    user.parent.mkdir(parents=True, exist_ok=True)
    temporary = user.with_name(f"{building_prefix(user)}{os.getpid()}.sqlite")
    try:
        shutil.copyfile(default_library(), temporary)
        # the frozen app's default is built for read-only media (no WAL): the user's copy
        # is written while the window reads it, so it is WAL from the start
        open_for_writing(temporary).close()
        os.replace(temporary, user)
    finally:
        temporary.unlink(missing_ok=True)
    _write_stamp(user, user_library_fingerprint())


def import_gazette(path: Path, library: Path | None = None, replace: bool = False,
                   on_wait: Callable[[str], None] | None = None) -> ImportSummary:
    """Parse a gazette (or single document) file and add it to a library.

    Without *library*, it goes to the user's library (created from the
    default on first import) and the source is kept in the user data folder
    so the library can be rebuilt later: both or neither — if the copy cannot
    be written nothing is imported, and if the library refuses the issue the
    new copy is removed again.
    """
    from models.store.build import add_issues, storage_errors
    from models.store.writelock import writer_lock
    registry = load_user_registry() if library is None else load_content_registry()
    issue = parse_file(path, registry)
    if library is not None:
        add_issues(Path(library), [issue], registry, replace=replace, on_wait=on_wait)
        target = Path(library)
    else:
        target = user_library_path()
        with storage_errors(target), writer_lock(target, on_wait):
            if not target.exists():
                _create_user_library(target)
            try:
                kept = imports.keep(imports_dir(), Path(path), issue.source_sha256,
                                    issue.source_format)
            except OSError as exc:
                raise BadLibraryError(
                    f"无法在 {imports_dir()} 保存导入文件的副本（{os_reason(exc)}）。没有这份副本，"
                    "以后就无法重建资料库，所以本次导入已取消，资料库未作改动。") from exc
            try:
                add_issues(target, [issue], registry, replace=replace)
            except BaseException:
                kept.undo()
                raise
    notes = []
    if issue.unknown_units:
        notes.append("以下单位不在部门名录中，已按通用规则收录（可在“部门名录”中合并或改名）："
                     + "、".join(issue.unknown_units))
    return ImportSummary(target, issue, replace, notes)


@dataclass
class ImportResult:
    """One file of an import of several: what it added, or why it could not."""
    path: Path
    summary: ImportSummary | None = None
    error: GazetteError | None = None


def gazette_files(paths: list[Path]) -> list[Path]:
    """The files to import: files as given, folders walked for the formats we read (and the
    old Word/WPS ones, which get their message), in name order."""
    from models.parse.sources import IMPORTABLE
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and p.suffix.lower() in IMPORTABLE and not p.name.startswith("."))
        else:
            found.append(path)
    return found


def import_files(paths: list[Path], library: Path | None = None, replace: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> Iterator[ImportResult]:
    """Import each file on its own (one failing leaves the others), yielding as it goes so
    the window can move its progress bar and the CLI print a line per file."""
    for path in gazette_files(paths):
        try:
            yield ImportResult(path, import_gazette(path, library, replace, on_wait))
        except GazetteError as err:
            yield ImportResult(path, error=err)


def original_file(sha256: str, source_format: str) -> Path | None:
    """The file a document was imported from, kept in the user data folder (for the 原文
    view), or None when there is none (the embedded text, or a library from elsewhere)."""
    if source_format not in ("pdf", "ofd") or not sha256:
        return None
    path = imports.kept_path(imports_dir(), sha256, source_format)
    return path if path.is_file() else None
