"""Fixtures of the format tests (imported by them, not a conftest): the seed gazette typeset
once per session, and written as a PDF; the seed's documents as lines, for Word files."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def text_issue(registry):
    from models.parse.parser import parse_bytes
    return parse_bytes(SEED.read_bytes(), registry, SEED.name)


@pytest.fixture(scope="session")
def seed_typeset(seed_text):
    from tests.makers.gazette_style import seed_pages
    return seed_pages(seed_text)


@pytest.fixture(scope="session")
def first_numbered(seed_text) -> int:
    """The page where the page numbers start (the first document's first page)."""
    from tests.makers import typeset
    from tests.makers.gazette_style import seed_blocks
    blocks, first_doc = seed_blocks(seed_text)
    return len(typeset.typeset(blocks[:first_doc])) + 1


@pytest.fixture(scope="session")
def seed_pdf(seed_typeset, tmp_path_factory) -> Path:
    from tests.makers.pdf_maker import write_pdf
    return write_pdf(seed_typeset, tmp_path_factory.mktemp("seed") / "seed.pdf")


@pytest.fixture(scope="session")
def pdf_lines(seed_pdf):
    from models.parse.sources.geometry import lines_from_pages
    from models.parse.sources.pdf import read_pdf
    return lines_from_pages(read_pdf(seed_pdf))


@pytest.fixture(scope="session")
def pdf_issue(pdf_lines, registry):
    from models.parse.parser import parse_lines
    return parse_lines(pdf_lines, registry, "seed.pdf")


@pytest.fixture(scope="session")
def seed_documents():
    from tests.makers.seed_blocks import seed_documents as documents
    return documents()
