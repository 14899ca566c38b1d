"""The one place for the program's name and version.

Read by the About box, the self-test, build.spec (Windows version resource,
macOS Info.plist, the name of the built folder) and docs. Pure Python, no Qt.
Change VERSION here and nowhere else.
"""
from __future__ import annotations

VERSION = "0.1.0"
APP_NAME = "公报通"                 # shown to users
APP_NAME_EN = "Gazette Desk"
EXE_NAME = "gazette-desk"          # the executable and the dist/ folder
ORG_NAME = "GazetteDesk"           # QSettings organisation, platformdirs author
APP_ID = "cn.gazettedesk.GazetteDesk"  # macOS bundle id, desktop-file id
DESCRIPTION = "公报通：离线查阅政府公报"
COPYRIGHT = "公报通开发组"


def version_tuple(version: str = VERSION) -> tuple[int, int, int, int]:
    """VERSION as four integers (Windows' FILEVERSION wants exactly four)."""
    parts = [int("".join(ch for ch in p if ch.isdigit()) or 0) for p in version.split(".")]
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_text() -> str:
    """“公报通 0.1.0”, for --version, the About box and the self-test's first line."""
    return f"{APP_NAME} {VERSION}"
