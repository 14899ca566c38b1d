"""The embedded content: its registry, its gazettes, and the default library built from them.

The default library is derived data: it is rebuilt in the cache whenever the
content or the parsing code changes (a fingerprint of both names the file),
so a developer or editor never runs a build step by hand. The frozen app
ships a library prebuilt by build.spec beside its content.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from .errors import BadGazetteError
from .locations import app_root, cache_dir, content_dir, imports_dir, user_library_path
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:  # the parser and the builder load only when something is built
    from .issue import Issue
    from .registry import Registry

PREBUILT_NAME = "library.sqlite"


def load_content_registry(root: Path | None = None) -> Registry:
    from .registry import load_registry
    root = root or content_dir()
    return load_registry(root / "departments.toml", root / "roles.toml")


def content_sources(root: Path | None = None) -> list[Path]:
    """The gazette texts of the bundle, in name order."""
    return sorted((root or content_dir()).glob("issues/*.txt"))


def content_fingerprint(root: Path | None = None) -> str:
    """A hash of the content and of the code that turns it into a library."""
    root = root or content_dir()
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    files = [*content_sources(root), root / "departments.toml", root / "roles.toml"]
    if not getattr(sys, "frozen", False):
        files += sorted((Path(__file__).parent).glob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_library(target: Path, sources: list[Path], registry: Registry,
                  fingerprint: str = "") -> list[Issue]:
    """Build a library from scratch out of gazette files (atomically)."""
    from .library_build import add_issues
    issues = [parse_file(path, registry) for path in sources]
    add_issues(target, issues, registry, fresh=True,
               extra_metadata={"content_fingerprint": fingerprint,
                               "sources": ", ".join(p.name for p in sources)})
    return issues


def parse_file(path: Path, registry: Registry) -> Issue:
    from .parser import parse_bytes
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadGazetteError(f"无法读取文件：{exc.strerror or exc}", source=str(path)) from exc
    return parse_bytes(data, registry, Path(path).name)


def default_library() -> Path:
    """The library of the embedded content, built (or rebuilt) when needed."""
    prebuilt = app_root() / "resources" / PREBUILT_NAME
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


def active_library() -> Path:
    """The user's library when they have imported something, else the default one.

    The user's library is the default plus their imports; when the content
    changes it is rebuilt from both, so neither is ever stale.
    """
    user = user_library_path()
    if not user.exists():
        return default_library()
    stamp = user.with_suffix(".content")
    fingerprint = content_fingerprint() if not getattr(sys, "frozen", False) else "frozen"
    if not (stamp.exists() and stamp.read_text() == fingerprint):
        rebuild_user_library(fingerprint)
    return user


def rebuild_user_library(fingerprint: str) -> None:
    from .library_build import add_issues
    user = user_library_path()
    registry = load_content_registry()
    imported = sorted(imports_dir().glob("*.txt"), key=lambda p: p.stat().st_mtime)
    issues = [parse_file(p, registry) for p in content_sources()]
    add_issues(user, issues, registry, fresh=True)
    for path in imported:
        add_issues(user, [parse_file(path, registry)], registry, replace=True)
    user.with_suffix(".content").write_text(fingerprint)


def import_gazette(path: Path, library: Path | None = None, replace: bool = False) -> ImportSummary:
    """Parse a gazette (or single document) file and add it to a library.

    Without *library*, it goes to the user's library (created from the
    default on first import) and the source is kept in the user data folder
    so the library can be rebuilt later.
    """
    from .library_build import add_issues
    registry = load_content_registry()
    issue = parse_file(path, registry)
    if library is None:
        target = user_library_path()
        if not target.exists():
            import shutil
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(default_library(), target)
            fingerprint = content_fingerprint() if not getattr(sys, "frozen", False) else "frozen"
            target.with_suffix(".content").write_text(fingerprint)
        add_issues(target, [issue], registry, replace=replace)
        keep = imports_dir() / f"{issue.source_sha256[:16]}.txt"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_bytes(Path(path).read_bytes())
    else:
        target = Path(library)
        add_issues(target, [issue], registry, replace=replace)
    notes = []
    if issue.unknown_units:
        notes.append("以下单位不在部门名录中，已作为新单位收录：" + "、".join(issue.unknown_units))
    return ImportSummary(target, issue, replace, notes)
