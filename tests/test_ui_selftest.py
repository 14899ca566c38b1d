"""`main.py self-test` passes on the seed library and names what fails otherwise."""
from __future__ import annotations

from ui_fixtures import qt_app  # noqa: F401 (fixture)


def test_self_test_passes_on_the_seed(qt_app, seed_library_path, capsys):
    from ui.selftest import run_self_test
    assert run_self_test(str(seed_library_path)) == 0
    out = capsys.readouterr().out
    assert "[OK] 打印当前公文为 PDF" in out and "自检通过" in out
    for check in ("读取 PDF", "部门名录", "写出 Word 与日历"):
        assert f"[OK] {check}" in out


def test_self_test_names_a_bad_library(qt_app, tmp_path, capsys):
    from ui.selftest import run_self_test
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 50)
    assert run_self_test(str(bad)) == 1
    assert "[FAIL] 打开资料库" in capsys.readouterr().out
