# The project's commands. `make serve` and `make test` are the two a newcomer needs.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Build for a sub-path with e.g. `PUBLIC_URL=/tpm/ make dist`.
PUBLIC_URL ?= /

.PHONY: setup serve dist dist-subpath test test-setup test-native test-browser bench clean

## Install what building needs (skips what is already installed).
setup:
	@scripts/setup.sh

## Install what is missing and serve the course at http://127.0.0.1:8080
serve: setup
	trunk serve

## Build the deployable site into dist/
dist: setup
	trunk build --release --public-url "$(PUBLIC_URL)"

## Install what the tests need and run every test: native, then in headless Chromium.
test: test-setup test-native dist dist-subpath test-browser

# The same site built for the sub-path /tpm/, for the sub-path tests (reuses the compiled wasm).
dist-subpath: setup
	trunk build --release --public-url /tpm/ --dist target/site-tpm

test-setup:
	@scripts/setup-test.sh

test-native:
	cargo test --all-targets

# The QR decoder the device-link test runs (examples/qr-scan.rs) is built first, so no test
# waits for it to compile.
test-browser:
	cargo build --quiet --example qr-scan
	cd tests && npx playwright test

## Measure sizes, load times under mobile emulation, navigation, search, memory and a 1,000-lesson
## course (see bench/RESULTS.md). Builds into bench/out/, never dist/ or target/. Not a test.
bench: setup
	node bench/bench.mjs

clean:
	rm -rf dist target/wasm32-unknown-unknown
