"""Run the frozen app's self-test and fail on anything unexpected in its output.

    python packaging/check_frozen_output.py dist/gazette-desk/gazette-desk [--no-display-check]
                                            [--network-check] [--read-only]

A zero exit code is not enough: a missing plugin, a font Qt could not load or
a translation it could not find is only a warning line, and the self-test
would still pass. So every line of stdout and stderr is classified:

* the self-test's own lines ([OK] …, 自检通过, the version line) are expected;
* lines matching ALLOWED (each with the reason it is harmless) are tolerated;
* every other line fails the run — [FAIL] lines, tracebacks, Qt warnings,
  Python warnings, anything new. A new harmless line is added to ALLOWED
  with its reason, deliberately.

The run happens with HOME, the XDG folders, GAZETTE_USER_DATA and the cache in
a fresh temporary folder, so the check also sees that the app writes nowhere
else. With --read-only the app folder is copied and made read-only first.
--no-display-check (default on; --skip-no-display to turn off) also runs the
window with no display and expects the Chinese message and exit code 3.
--network-check runs under strace (when installed) and fails on any connect()
to an address other than the loopback CUPS port.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

EXPECTED = [
    re.compile(r"^\[OK\] \S.* — 通过$"),
    re.compile(r"^自检通过$"),
    re.compile(r"^公报通 \d+\.\d+\.\d+.*$"),   # a version line, if the self-test prints one
    re.compile(r"^$"),
]

# (pattern, why it is harmless). Keep this list short and every entry justified.
ALLOWED: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
     "the offscreen platform plugin has no window manager to pass size hints to"),
    (re.compile(r"^QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '.*'$"),
     "CI containers have no login session; only seen if the check's own "
     "XDG_RUNTIME_DIR is overridden"),
    (re.compile(r"^qt\.qpa\.fonts: Populating font family aliases took \d+ ms\..*$"),
     "informational timing message of Qt's font database on first use"),
]

# Lines that are always an error, even if a pattern above would match them.
ALWAYS_BAD = re.compile(r"(\[FAIL\]|Traceback \(most recent call last\)|自检失败|Error|"
                        r"QPainter::|Cannot|Could not|cannot open|Segmentation|Aborted)")

NO_DISPLAY_EXIT = 3
NO_DISPLAY_TEXT = "找不到图形显示"


@dataclass
class Verdict:
    expected: list[str] = field(default_factory=list)
    allowed: list[tuple[str, str]] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unexpected


def classify(output: str) -> Verdict:
    """Sort every line of *output* into expected, allowed (with reason) or unexpected."""
    verdict = Verdict()
    for raw in output.splitlines():
        line = raw.rstrip()
        if ALWAYS_BAD.search(line):
            verdict.unexpected.append(line)
        elif any(p.match(line) for p in EXPECTED):
            verdict.expected.append(line)
        else:
            reason = next((why for p, why in ALLOWED if p.match(line)), None)
            if reason:
                verdict.allowed.append((line, reason))
            else:
                verdict.unexpected.append(line)
    return verdict


def sandbox_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a clean user: everything writable is under *tmp*."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GAZETTE_", "QT_", "XDG_")) and k not in ("DISPLAY",
                                                                          "WAYLAND_DISPLAY")}
    runtime = tmp / "runtime"
    for name in ("home", "user", "cache", "config", "data", "tmp"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(HOME=str(tmp / "home"), USERPROFILE=str(tmp / "home"),
               APPDATA=str(tmp / "data"), LOCALAPPDATA=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_CACHE_HOME=str(tmp / "cache"), XDG_RUNTIME_DIR=str(runtime),
               TMPDIR=str(tmp / "tmp"), TEMP=str(tmp / "tmp"), TMP=str(tmp / "tmp"),
               GAZETTE_USER_DATA=str(tmp / "user"), GAZETTE_CACHE_DIR=str(tmp / "cache"),
               LANG=os.environ.get("LANG", "C.UTF-8"))
    env.update(extra)
    return env


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, int(p.lstat().st_mtime))
            for p in folder.rglob("*")}


def read_only_copy(app_dir: Path, where: Path) -> Path:
    target = where / app_dir.name
    shutil.copytree(app_dir, target, symlinks=True)
    for p in [target, *target.rglob("*")]:
        if not p.is_symlink():
            mode = p.stat().st_mode
            p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return target


def make_writable(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


def run_self_test(exe: Path, tmp: Path, network_check: bool) -> tuple[int, str, list[str]]:
    env = sandbox_env(tmp, QT_QPA_PLATFORM="offscreen")
    cmd = [str(exe), "self-test"]
    trace = tmp / "strace.txt"
    use_strace = network_check and shutil.which("strace") and sys.platform.startswith("linux")
    if network_check and not use_strace:
        print("check_frozen_output: strace not available, network check skipped")
    if use_strace:
        cmd = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), *cmd]
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=300)
    output = proc.stdout.decode("utf-8", errors="replace")
    network = network_problems(trace.read_text()) if use_strace and trace.exists() else []
    return proc.returncode, output, network


def network_problems(strace_text: str) -> list[str]:
    """connect() calls to an IP address other than the local CUPS daemon (port 631).

    Qt's print support asks the system's CUPS for the printer list; when CUPS
    has no local socket libcups falls back to localhost:631. Nothing else may
    open an IP connection.
    """
    bad = []
    for line in strace_text.splitlines():
        if "connect(" not in line or "AF_INET" not in line:
            continue
        loopback = ('"127.0.0.1"' in line or '"::1"' in line)
        if loopback and "htons(631)" in line:
            continue
        bad.append(line.strip())
    return bad


def run_without_display(exe: Path, tmp: Path) -> tuple[int, str]:
    env = sandbox_env(tmp)  # no QT_QPA_PLATFORM, no DISPLAY, no WAYLAND_DISPLAY
    proc = subprocess.run([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", type=Path, help="the frozen executable (dist/gazette-desk/gazette-desk)")
    parser.add_argument("--read-only", action="store_true",
                        help="copy the app folder, make it read-only and run the copy")
    parser.add_argument("--skip-no-display", action="store_true",
                        help="do not check the message for a missing display")
    parser.add_argument("--network-check", action="store_true",
                        help="run under strace and fail on IP connections (Linux)")
    args = parser.parse_args(argv)
    exe = args.exe.resolve()
    if not exe.exists():
        print(f"check_frozen_output: {exe} does not exist", file=sys.stderr)
        return 2
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gazette-frozen-") as tmpname:
        tmp = Path(tmpname)
        app_dir = exe.parent
        if args.read_only:
            app_dir = read_only_copy(exe.parent, tmp / "ro")
            exe = app_dir / exe.name
        before = snapshot(app_dir)
        code, output, network = run_self_test(exe, tmp / "run", args.network_check)
        print("---- frozen self-test output ----")
        print(output.rstrip())
        print("---- end ----")
        verdict = classify(output)
        for line, reason in verdict.allowed:
            print(f"allowed: {line!r} ({reason})")
        for line in verdict.unexpected:
            failures.append(f"unexpected output line: {line!r}")
        if code != 0:
            failures.append(f"self-test exit code {code}")
        if "自检通过" not in verdict.expected:
            failures.append("the self-test never printed 自检通过")
        failures += [f"network connection: {line}" for line in network]
        after = snapshot(app_dir)
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        if changed:
            failures.append(f"the app wrote into its own folder: {sorted(changed)[:5]}")
        if not args.skip_no_display and sys.platform.startswith("linux"):
            code, text = run_without_display(exe, tmp / "nodisplay")
            print(f"---- without a display: exit {code} ----\n{text.rstrip()}\n---- end ----")
            if code != NO_DISPLAY_EXIT or NO_DISPLAY_TEXT not in text:
                failures.append(f"no display: expected exit {NO_DISPLAY_EXIT} and "
                                f"“{NO_DISPLAY_TEXT}”, got exit {code}")
        if args.read_only:
            make_writable(app_dir)  # so that the temporary folder can be removed
    if failures:
        print("FROZEN CHECK FAILED:")
        for f in failures:
            print("  - " + f)
        return 1
    print("frozen check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
