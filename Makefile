# JobTicket — build, run and test. `make run` and `make test` work on a fresh Debian/Ubuntu
# machine: they install the Debian packages they need when missing.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PYTHON ?= $(shell command -v python3 2>/dev/null || echo /usr/bin/python3)
VENV := e2e/.venv
BINARY := .build/release/jobticket

# Debian packages: to build, to run the tests, to benchmark.
BUILD_PACKAGES := pkg-config libmicrohttpd-dev libsodium-dev libsqlite3-dev
TEST_PACKAGES := poppler-utils python3-venv curl
BENCH_PACKAGES := wrk nginx-light

.PHONY: run test build release deps test-deps bench-deps unit e2e bench clean

run: release
	@$(BINARY) demo
	$(BINARY) serve

test: test-deps unit e2e

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

unit: deps
	$(SWIFT) test

e2e: release $(VENV)/.installed
	$(VENV)/bin/python -m pytest -q e2e

bench: release bench-deps $(VENV)/.installed
	$(VENV)/bin/python bench/http/run.py --write
	$(VENV)/bin/python bench/sync/run.py --write

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

bench-deps:
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)

$(VENV)/.installed: e2e/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r e2e/requirements.txt
	@touch $@

clean:
	rm -rf .build $(VENV)
