"""Files are written whole or not at all (models/whole_file.py): the exports an official
makes over last week's copy, the user's data, the outline cache."""
from __future__ import annotations

import shlex
import sys

import pytest

from conftest import ROOT
from tests.sandbox import run_inside, small_disk


def test_a_writer_that_fails_leaves_the_old_file_and_no_leftover(tmp_path):
    from models.whole_file import write_whole
    target = tmp_path / "区财政局职责清单.docx"
    target.write_bytes(b"last week's list")
    seen = []

    def half_then_fail(temporary):
        seen.append(temporary)
        temporary.write_bytes(b"half of a new")
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError):
        write_whole(target, half_then_fail)
    assert target.read_bytes() == b"last week's list"
    assert list(tmp_path.iterdir()) == [target]
    temporary, = seen
    assert temporary.parent == tmp_path and temporary.name.startswith(".")
    assert temporary.suffix == ".docx"  # (writers that choose their format by it still can)


def test_a_writer_that_succeeds_replaces_the_file(tmp_path):
    from models.whole_file import write_text_whole
    target = tmp_path / "清单.md"
    target.write_text("旧", encoding="utf-8")
    write_text_whole(target, "新的清单")
    assert target.read_text(encoding="utf-8") == "新的清单"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("fmt, name", [("docx", "清单.docx"), ("ics", "时限.ics"),
                                       ("markdown", "清单.md"), ("pdf", "清单.pdf")])
def test_an_export_on_a_full_disk_keeps_last_weeks_file(seed_library_path, tmp_path, fmt, name):
    """A real full disk (a small tmpfs): `duties … --output` over an existing file exits 2
    saying 磁盘空间不足, and the file there is still the old one, whole. (Qt's PDF writer
    says nothing when the disk fills: it printed 已生成 over an empty file.)"""
    disk = tmp_path / "disk"
    disk.mkdir()
    out = disk / name
    department = "区财政局" if fmt == "ics" else "各镇人民政府"  # (the largest list; deadlines)
    main = [sys.executable, str(ROOT / "main.py"), "duties", department, "--format", fmt,
            "--output", str(out), "--library", str(seed_library_path), "--include-past"]
    if fmt != "ics":
        main.remove("--include-past")
    script = (f"printf OLD > {shlex.quote(str(out))} && "
              f"(head -c 10M /dev/zero > {shlex.quote(str(disk / 'filler'))} 2>/dev/null; true) && "
              f"{shlex.join(main)}; echo rc=$?; cat {shlex.quote(str(out))}; echo; "
              f"ls -A {shlex.quote(str(disk))}")
    proc = run_inside(small_disk(disk, "256k"), ["sh", "-c", script], timeout=180,
                      env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8",
                           "GAZETTE_USER_DATA": str(tmp_path / "user"),
                           "GAZETTE_CACHE_DIR": str(tmp_path / "cache"),
                           "QT_QPA_PLATFORM": "offscreen"})
    assert "rc=2" in proc.stdout, proc.stdout + proc.stderr
    assert "磁盘空间不足" in proc.stderr and "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[lines.index("rc=2") + 1] == "OLD"  # the old file, whole
    assert sorted(lines[lines.index("rc=2") + 2:]) == ["filler", name]  # no temporary left
