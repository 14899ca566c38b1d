"""main.py: the window's arguments are parsed without building the whole command line."""
from __future__ import annotations

import pytest

import main
from models import locations


@pytest.fixture()
def opened(monkeypatch):
    """ui.startup.open_window replaced by a recorder of the user data folder it would use."""
    from ui import startup
    seen = []
    monkeypatch.setattr(startup, "open_window",
                        lambda: seen.append(locations.user_data_dir()) or 0)
    yield seen
    locations.set_user_data_dir(None)


def test_window_arguments_skip_the_command_line_parser(opened, monkeypatch, tmp_path):
    def whole_parser():
        raise AssertionError("the whole command line was built to open the window")
    monkeypatch.setattr(main, "build_parser", whole_parser)
    assert main.main(["--user-data", str(tmp_path)]) == 0
    assert main.main([f"--user-data={tmp_path / 'b'}"]) == 0
    assert opened == [tmp_path, tmp_path / "b"]


def test_what_the_window_check_leaves_to_argparse_still_opens_the_window(opened, tmp_path):
    """argparse accepts an abbreviated option, which wants_window() does not know."""
    assert main.main(["--user", str(tmp_path)]) == 0
    assert opened == [tmp_path]


def test_window_argument_without_its_value_is_a_usage_error(opened, capsys):
    with pytest.raises(SystemExit) as ended:
        main.main(["--user-data"])
    assert ended.value.code == 2 and not opened
    assert "--user-data" in capsys.readouterr().err


def test_commands_and_version_use_the_whole_parser(opened, capsys):
    with pytest.raises(SystemExit) as ended:
        main.main(["--version"])
    assert ended.value.code == 0 and "公报通" in capsys.readouterr().out and not opened
