# 公报通 — set-up and everyday commands. `make run` and `make test` work on a
# fresh Debian/Ubuntu machine: they create .venv, install the pinned
# requirements and the few system packages the tests need.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Qt's runtime libraries, Xvfb for screenshots, poppler for reading PDFs back,
# binutils (objdump, strip) for PyInstaller, icu-devtools (icupkg) to trim the bundled
# ICU data (packaging/icu_data.py), LibreOffice (headless) to read back the Word
# files the tests write, as an office would, qpdf to encrypt the PDFs the import tests
# refuse.
APT_PACKAGES := xvfb xauth poppler-utils binutils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libreoffice-writer-nogui \
	icu-devtools qpdf

.PHONY: run test test-fast test-qt69 test-frozen dist dist-onefile bench system-deps venv dev-venv build-venv clean

run: venv
	$(PY) main.py

# The frozen app first, the screenshots next, the suite on PySide6 6.9 (for
# glibc-2.28 systems), and the whole suite last (its summary closes the output).
test: system-deps dev-venv build-venv
	packaging/ci_frozen.sh
	xvfb-run -a -s "-screen 0 1366x768x24" env GAZETTE_SCREENSHOTS=1 $(PY) -m pytest -q -m screenshot
	$(MAKE) --no-print-directory test-qt69
	$(PY) -m pytest -q

# The suite on requirements-qt69.txt (Kylin V10 / UOS 20 builds use it).
VENV69 := .venv-qt69
test-qt69: $(VENV69)/.dev
	$(VENV69)/bin/python -m pytest -q -p no:cacheprovider
$(VENV69)/.dev: requirements-base.txt requirements-qt69.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV69)
	$(VENV69)/bin/python -m pip install -q -r requirements-qt69.txt -r requirements-test.txt
	touch $@

# The frozen app alone: build onedir, run its self-test from a read-only copy.
test-frozen: system-deps build-venv
	packaging/ci_frozen.sh

# One command builds the standalone app (dist/gazette-desk/); see docs/BUILDING.md.
dist: system-deps build-venv
	$(PY) -m PyInstaller --noconfirm build.spec

dist-onefile: system-deps build-venv
	$(PY) -m PyInstaller --noconfirm build.spec -- --onefile

test-fast: dev-venv
	$(PY) -m pytest -q -x

bench: dev-venv
	$(PY) bench/import_bench.py
	$(PY) bench/startup_bench.py
	$(PY) bench/bookmarks_bench.py
	$(PY) bench/dutylist_bench.py
	$(PY) bench/pdf_import_bench.py
	$(PY) bench/rebuild_bench.py --cli
	$(PY) bench/frozen_startup_bench.py --build

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(VENV)/.runtime
$(VENV)/.runtime: requirements.txt requirements-base.txt | $(VENV)/bin/activate
	$(PY) -m pip install -q -r requirements.txt
	touch $@

build-venv: $(VENV)/.build
$(VENV)/.build: requirements.txt packaging/requirements-build.txt | $(VENV)/bin/activate
	$(PY) -m pip install -q -r packaging/requirements-build.txt
	touch $@

dev-venv: $(VENV)/.dev
$(VENV)/.dev: requirements.txt requirements-base.txt requirements-dev.txt requirements-test.txt | $(VENV)/bin/activate
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(VENV)/.runtime $@

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf build dist .pytest_cache
