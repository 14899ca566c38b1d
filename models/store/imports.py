"""The user's imported source files, kept so that their library can be rebuilt.

A new version of the app or of the registry rebuilds the user's library from
the embedded content plus every file they imported. Each file is kept by its
SHA-256 in the imports folder, and a manifest (imports.json) records the
order of the imports (a later import may replace an earlier edition) and
the name each was imported under (how messages name it). The copy and the
manifest are written atomically; Kept.undo() takes an import back when the
library refused it, so the folder and the library never disagree.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.whole_file import write_bytes_whole

MANIFEST = "imports.json"
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,5}$")


@dataclass(frozen=True)
class KeptSource:
    path: Path  # the kept copy
    name: str  # the file name it was imported under


@dataclass
class Kept:
    """One import's copy, with what is needed to take it back."""
    path: Path
    created: bool
    manifest: Path
    previous_manifest: bytes | None

    def undo(self) -> None:
        try:
            if self.created:
                self.path.unlink(missing_ok=True)
            if self.previous_manifest is None:
                self.manifest.unlink(missing_ok=True)
            else:
                write_bytes_whole(self.manifest, self.previous_manifest)
        except OSError:
            pass  # the library was not changed; a stray copy only costs disk space


def _read_manifest(folder: Path) -> list[dict]:
    try:
        entries = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)
            and isinstance(e.get("name"), str)]


def kept_sources(folder: Path) -> list[KeptSource]:
    """The kept imports in the order they were made (files the manifest does not know,
    from older versions, after them by time)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    result, known = [], set()
    for entry in _read_manifest(folder):
        path = folder / Path(entry["file"]).name  # a name, never a path out of the folder
        if path.is_file() and path.name not in known:
            known.add(path.name)
            result.append(KeptSource(path, entry["name"]))
    others = [p for p in folder.iterdir() if p.is_file() and p.name not in known
              and p.name != MANIFEST and not p.name.startswith(".")]
    for path in sorted(others, key=lambda p: p.stat().st_mtime):
        result.append(KeptSource(path, path.name))
    return result


FORMAT_SUFFIX = {"text": ".txt", "pdf": ".pdf", "ofd": ".ofd", "word": ".docx"}


def kept_path(folder: Path, sha256: str, source_format: str) -> Path:
    """Where the import of a file (by its SHA-256 and the format it was read as) is kept:
    the original the reader shows beside the text (原文)."""
    return Path(folder) / f"{sha256[:16]}{FORMAT_SUFFIX.get(source_format, '.txt')}"


def keep(folder: Path, source: Path, sha256: str, source_format: str = "") -> Kept:
    """Copy *source* into the imports folder and record it last in the manifest.

    Raises OSError when either cannot be written: the import must then fail.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if source_format:
        target = kept_path(folder, sha256, source_format)
    else:
        suffix = source.suffix.lower() if _SUFFIX.match(source.suffix.lower()) else ".txt"
        target = folder / f"{sha256[:16]}{suffix}"
    manifest = folder / MANIFEST
    previous = manifest.read_bytes() if manifest.exists() else None
    created = not target.exists()
    if created:
        write_bytes_whole(target, Path(source).read_bytes())
    entries = [e for e in _read_manifest(folder) if e["file"] != target.name]
    entries.append({"file": target.name, "name": Path(source).name,
                    "imported": datetime.now().isoformat(timespec="seconds")})
    try:
        write_bytes_whole(manifest, json.dumps(entries, ensure_ascii=False, indent=1).encode())
    except OSError:
        if created:
            target.unlink(missing_ok=True)
        raise
    return Kept(target, created, manifest, previous)
