"""The window's arguments, read without argparse.

The window is what officials start most, and argparse costs 5 ms for one
option (gettext looks its strings up on disk) and 10-25 ms for the whole
command line. When the arguments open the window (nothing but --user-data
DIR), main.py and the frozen build's runtime hook read them here; anything
else is for main.py's argparse, which knows the whole command line.
Nothing here imports anything.
"""
from __future__ import annotations


def wants_window(argv: list[str]) -> bool:
    """Whether the arguments open the window (no command given): only --user-data DIR.

    Anything else (a command, -h, --version, an unknown or abbreviated option,
    --user-data without its folder) is left to argparse.
    """
    return _user_data_values(argv) is not None


def user_data_argument(argv: list[str]) -> str | None:
    """The folder of the last --user-data in window arguments (argparse keeps the last)."""
    values = _user_data_values(argv) or []
    return values[-1] if values else None


def _user_data_values(argv: list[str]) -> list[str] | None:
    """The --user-data values when *argv* holds nothing else, else None."""
    values, args = [], list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--user-data" and args and not args[0].startswith("-"):
            values.append(args.pop(0))
        elif arg.startswith("--user-data="):
            values.append(arg.split("=", 1)[1])
        else:
            return None  # a command, -h, a dangling --user-data: for argparse to judge
    return values
