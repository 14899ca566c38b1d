"""What the window remembers between runs: geometry, splitters, zoom, filter, position.

Stored with QSettings in an INI file in the user data folder (not the
registry), so --user-data and the tests' temporary folders isolate it and a
portable install carries it along.
"""
from __future__ import annotations

from pathlib import Path

from models.locations import user_data_dir
from ui.qt import QByteArray, QSettings

SETTINGS_NAME = "settings.ini"


class Settings:
    """Typed accessors over one QSettings file."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else user_data_dir() / SETTINGS_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def bytes(self, key: str) -> QByteArray | None:
        value = self.qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def text(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return str(value) if value is not None else default

    def number(self, key: str, default: float) -> float:
        try:
            return float(self.qs.value(key, default))
        except (TypeError, ValueError):
            return default

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.qs.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def words(self, key: str, default: list[str] | None = None) -> list[str]:
        value = self.qs.value(key)
        if value is None:
            return list(default or [])
        if isinstance(value, str):
            return [v for v in value.split(",") if v]
        return [str(v) for v in value]

    def set(self, key: str, value) -> None:
        if isinstance(value, (list, tuple)):
            value = ",".join(value)
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()
