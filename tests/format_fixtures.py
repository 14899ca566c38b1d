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


@pytest.fixture(scope="session")
def imported_user_data(seed_pdf, tmp_path_factory):
    """A user data folder whose library holds the seed imported as a PDF (in place of the
    embedded text edition) and a task-table document imported as an OFD, both originals
    kept in its imports folder, as after 文件 → 导入公报…. Yields the folder; tests that
    read the originals point the user data there (set_user_data_dir) while they run."""
    from models.locations import set_user_data_dir
    from models.store.content import import_gazette
    from tests.makers import typeset
    from tests.makers.gazette_style import table_document_pages
    from tests.makers.ofd_maker import write_ofd
    folder = tmp_path_factory.mktemp("imported") / "user"
    ofd = folder.parent / "青政办发〔2023〕22号.ofd"
    duty_forms = Path(__file__).resolve().parent / "fixtures" / "duty_forms"
    ofd.write_bytes(write_ofd(table_document_pages(duty_forms, "table_fengong_qingchuan", 14.0),
                              advance=typeset.advance))
    set_user_data_dir(folder)
    try:
        import_gazette(seed_pdf, replace=True)
        import_gazette(ofd)
    finally:
        set_user_data_dir(None)
    return folder
