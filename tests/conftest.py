"""Shared fixtures: the real seed, its registry, a real library file per session.

Every test runs with its user data and cache in temporary folders, so no test
reads or writes the developer's own bookmarks or libraries, and Qt runs
offscreen unless --onscreen is given (screenshots use Xvfb), on a screen of the
smallest laptop officials use, 1366×768 (fixtures/offscreen_laptop.json: the
window sizes itself to its screen).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# the seed as PDF, Word and text, made once for the whole session (tests/format_fixtures.py)
from tests.format_fixtures import (first_numbered, imported_user_data,  # noqa: E402,F401
                                   pdf_issue, pdf_lines, seed_documents, seed_pdf, seed_text,
                                   seed_typeset, text_issue)


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on the display")


def pytest_configure(config):
    if not config.getoption("--onscreen") and not os.environ.get("GAZETTE_SCREENSHOTS"):
        os.environ["QT_QPA_PLATFORM"] = ("offscreen:configfile="
                                         + str(FIXTURES / "offscreen_laptop.json"))


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory):
    base = tmp_path_factory.mktemp("gazette-env")
    os.environ["GAZETTE_USER_DATA"] = str(base / "user")
    os.environ["GAZETTE_CACHE_DIR"] = str(base / "cache")
    yield base


@pytest.fixture(scope="session")
def registry():
    from models.store.content import load_content_registry
    return load_content_registry()


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_issue(seed_bytes, registry):
    from models.parse.parser import parse_bytes
    return parse_bytes(seed_bytes, registry, SEED.name)


@pytest.fixture(scope="session")
def seed_library_path(tmp_path_factory, seed_issue, registry) -> Path:
    """A real SQLite library built from the seed, shared by read-only tests."""
    from models.store.build import add_issues
    path = tmp_path_factory.mktemp("library") / "seed.sqlite"
    add_issues(path, [seed_issue], registry, fresh=True)
    return path


@pytest.fixture()
def seed_library(seed_library_path):
    from models.store.library import Library
    lib = Library(seed_library_path)
    yield lib
    lib.close()
