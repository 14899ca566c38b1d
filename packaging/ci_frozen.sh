#!/usr/bin/env bash
# CI for the frozen app: build the onedir 公报通 with build.spec and run its
# self-test through packaging/check_frozen_output.py (read-only copy of the
# folder, sandboxed HOME/user data, fails on any unexpected output line, on IP
# connections, on writes into the app folder and on a missing display that
# does not give the Chinese message), then check the size goal.
#
#   packaging/ci_frozen.sh            # onedir
#   packaging/ci_frozen.sh --onefile  # onedir, then onefile too
#
# Needs: the venv with packaging/requirements-build.txt (PY=… to use another
# interpreter), binutils (objdump, strip: PyInstaller needs them anyway), the
# Qt runtime libraries of the Makefile's APT_PACKAGES; strace is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
ONEDIR_LIMIT=120000000   # bytes (120 MB)
ONEFILE_LIMIT=60000000   # bytes (60 MB)

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    "$PY" -m pip install -q -r packaging/requirements-build.txt
fi

check_size() {  # path limit label
    "$PY" - "$1" "$2" "$3" <<'PYEOF'
import sys
from pathlib import Path
path, limit, label = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
size = sum(p.stat().st_size for p in files)
print(f"{label}: {size} bytes ({size / 1e6:.1f} MB, {size / 2**20:.1f} MiB; limit {limit / 1e6:.0f} MB)")
sys.exit(1 if size > limit else 0)
PYEOF
}

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
echo "onedir built in $(( $(date +%s) - start )) s"
"$PY" packaging/check_frozen_output.py dist/gazette-desk/gazette-desk --read-only --network-check
check_size dist/gazette-desk "$ONEDIR_LIMIT" "onedir dist/gazette-desk"

if [ "${1:-}" = "--onefile" ]; then
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --workpath build/onefile \
        build.spec -- --onefile
    "$PY" packaging/check_frozen_output.py dist/gazette-desk-onefile --network-check
    check_size dist/gazette-desk-onefile "$ONEFILE_LIMIT" "onefile dist/gazette-desk-onefile"
fi
echo "frozen CI passed"
