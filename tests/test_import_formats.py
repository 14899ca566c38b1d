"""`import` of PDF, OFD and Word files from the command line, as an official would run it.

The seed typeset as a PDF and an OFD, and one of its documents as .docx, each
imported into a library: the same documents and duty lists as the text import,
pages on every clause and every search hit; several files and a folder in one
go, each file succeeding or failing on its own, one line each.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from tests.cli_runner import run, run_json, user_env



@pytest.fixture()
def env(tmp_path):
    return user_env(tmp_path)






@pytest.fixture(scope="module")
def seed_ofd(seed_typeset, tmp_path_factory):
    from tests.makers import typeset
    from tests.makers.ofd_maker import write_ofd
    path = tmp_path_factory.mktemp("ofd") / "公报2021年第5期.ofd"
    path.write_bytes(write_ofd(seed_typeset, title="市中区人民政府公报", advance=typeset.advance))
    return path


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    """The seed's third document (the one with a roster and annexes) as a Word file."""
    from models.store.content import load_content_registry
    from tests.makers.docx_maker import write_docx
    from tests.makers.seed_blocks import document_blocks, seed_documents
    path = tmp_path_factory.mktemp("docx") / "市中政办发〔2021〕15号.docx"
    write_docx(document_blocks(seed_documents()[3], load_content_registry()), path)
    return path


@pytest.fixture(scope="module")
def text_duties(tmp_path_factory):
    env = dict(os.environ, GAZETTE_CACHE_DIR=str(tmp_path_factory.mktemp("c")),
               GAZETTE_USER_DATA=str(tmp_path_factory.mktemp("u")), PYTHONIOENCODING="utf-8")
    lib = tmp_path_factory.mktemp("text") / "lib.sqlite"
    assert run(env, "import", SEED, "--library", lib).returncode == 0
    return {name: run_json(env, "duties", name, "--library", lib)["entries"]
            for name in ("区财政局", "区卫生健康局", "区公安分局")}


@pytest.mark.parametrize("kind", ["pdf", "ofd"])
def test_a_gazette_as_pdf_or_ofd_imports_like_its_text(env, tmp_path, seed_pdf, seed_ofd,
                                                       text_duties, kind):
    source = seed_pdf if kind == "pdf" else seed_ofd
    lib = tmp_path / "lib.sqlite"
    out = run_json(env, "import", source, "--library", lib)
    assert out["format"] == kind and out["issue"] == "2021年第5期"
    assert [d["doc_number"] for d in out["documents"]] == [
        "市中政发〔2021〕16号", "市中政办发〔2021〕13号", "市中政办发〔2021〕14号",
        "市中政办发〔2021〕15号", "市中政办字〔2021〕14号"]
    for name, expected in text_duties.items():
        got = run_json(env, "duties", name, "--library", lib)["entries"]
        assert got == expected, name  # same keys, paths, roles, texts, deadlines
    hits = run_json(env, "search", "托育", "--library", lib)["hits"]
    assert hits and all(isinstance(h["page"], int) and h["page_label"] for h in hits)
    first = hits[0]
    shown = run_json(env, "show", first["key"], "--library", lib)
    assert (shown["page"], shown["page_label"]) == (first["page"], first["page_label"])
    cited = run(env, "show", first["key"], "--page", "--library", lib).stdout.splitlines()[0]
    assert cited.endswith(f"（第{first['page_label']}页）")
    listed = run(env, "search", "托育", "--library", lib).stdout  # as people read it
    assert f"[{first['key']}] {first['path']}（第{first['page_label']}页）" in listed


def test_every_clause_has_its_page_and_the_number_printed_there(env, tmp_path, seed_pdf,
                                                                 first_numbered):
    """Pages count from the cover; the printed numbers from the first document ("— 1 —")."""
    lib = tmp_path / "lib.sqlite"
    run_json(env, "import", seed_pdf, "--library", lib)
    import sqlite3
    with sqlite3.connect(lib) as conn:
        rows = conn.execute("SELECT page, page_label FROM nodes ORDER BY id").fetchall()
    assert rows and all(page is not None for page, _ in rows)
    assert [p for p, _ in rows] == sorted(p for p, _ in rows)  # reading order
    assert all(int(label) == page - first_numbered + 1 for page, label in rows), rows[:5]


def test_a_word_document_imports_like_its_text(env, tmp_path, seed_docx):
    from models.store.content import load_content_registry
    from models.parse.parser import parse_lines
    from tests.makers.seed_blocks import seed_documents
    lib = tmp_path / "lib.sqlite"
    out = run_json(env, "import", seed_docx, "--library", lib)
    assert out["format"] == "word"
    assert out["documents"] == [{"doc_number": "市中政办发〔2021〕15号", "title":
                                 "市中区人民政府办公室关于印发市中区促进3岁以下婴幼儿照护服务发展的实施方案的通知"}]
    text = parse_lines(seed_documents()[3], load_content_registry(), "text")
    expected = {n.key for d in text.documents for n in d.walk() if n.assignments}
    entries = run_json(env, "duties", "区卫生健康局", "--library", lib)["entries"]
    assert entries and {e["key"] for e in entries} <= expected


def test_several_files_and_a_folder_each_on_its_own(env, tmp_path, seed_pdf, seed_docx):
    folder = tmp_path / "收到的文件"
    folder.mkdir()
    (folder / "公报.pdf").write_bytes(seed_pdf.read_bytes())
    (folder / "半个.pdf").write_bytes(seed_pdf.read_bytes()[:40000])  # a download cut short
    (folder / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (folder / "说明.jpg").write_bytes(b"\xff\xd8\xff")  # not a gazette format: not picked up
    lib = tmp_path / "lib.sqlite"
    proc = run(env, "import", folder, seed_docx, "--library", lib)
    assert proc.returncode == 2  # some files failed
    assert proc.stdout.count("已导入") == 1  # the PDF; the .docx's document is already in it
    assert "半个.pdf" in proc.stderr and "不完整" in proc.stderr
    assert "旧版.doc" in proc.stderr and "另存为 .docx 或 PDF" in proc.stderr
    assert "已在库中" in proc.stderr and "--replace" in proc.stderr
    assert "说明.jpg" not in proc.stderr + proc.stdout
    assert "共 4 个文件：导入 1 个，失败 3 个。" in proc.stdout
    docs = run_json(env, "documents", "--library", lib)
    assert len(docs) == 5


def test_a_scan_is_refused_with_its_reason_and_nothing_is_written(env, tmp_path, seed_typeset):
    from tests.makers.pdf_maker import write_pdf
    scan = write_pdf(seed_typeset[:3], tmp_path / "扫描件.pdf", scan=True)
    lib = tmp_path / "lib.sqlite"
    proc = run(env, "import", scan, "--library", lib)
    assert proc.returncode == 2 and "本文件为扫描图像，没有文字层" in proc.stderr
    assert not lib.exists()


def test_the_original_is_kept_by_its_hash_for_the_reader(env, tmp_path, seed_pdf):
    """Imported into the user's library (over the embedded text edition), the PDF is kept
    beside it and found from each of its documents."""
    proc = run(env, "import", seed_pdf, "--replace")
    assert proc.returncode == 0, proc.stderr
    kept = list((tmp_path / "user" / "imports").glob("*.pdf"))
    assert len(kept) == 1 and kept[0].read_bytes() == seed_pdf.read_bytes()
    code = ("import sys; sys.path.insert(0, sys.argv[1])\n"
            "from models.store.content import active_library, original_file\n"
            "from models.store.library import Library\n"
            "with Library(active_library()) as lib:\n"
            "    docs = [d for d in lib.documents() if d.source_format == 'pdf']\n"
            "    print(len(docs), original_file(docs[0].source_sha256, docs[0].source_format))\n")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert out.stdout.split() == ["5", str(kept[0])], out.stderr
