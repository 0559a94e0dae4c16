# Pipewise: `make run` builds and serves the app; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and are quick the second time.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
PORT ?= 8080

.PHONY: run test build dist serve size bench check-core check-cycles unit wasm-test node-test e2e setup-build setup-test fmt

run: dist
	node scripts/serve.mjs dist $(PORT)

test: setup-test check-core check-cycles unit wasm-test dist node-test e2e
	@echo "make test: all suites passed"

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# The release bundle in dist/, finished for static hosting (loader, CSP, offline files).
dist: setup-build
	cargo fetch --quiet
	trunk build --release --offline
	node scripts/finish-dist.mjs dist

# The pure core must not import web code: this grep is the boundary's guard.
# No module may reach, directly or through others, a module that reaches it back.
check-cycles:
	node scripts/check-cycles.mjs core/src src

check-core:
	@if grep -rnE '\b(leptos[a-z_]*|web_sys|gloo[a-z_]*|wasm_bindgen[a-z_]*|js_sys)\b' core/src core/tests core/benches \
	    | grep -vE '^[^:]+:[0-9]+:\s*//'; then echo "check-core: the pure core uses web code (above)"; exit 1; fi
	@if grep -nE '^\s*(leptos|web-sys|gloo|wasm-bindgen|js-sys)' core/Cargo.toml; then \
	  echo "check-core: the pure core depends on web crates (above)"; exit 1; fi
	@echo "check-core: the core is free of web code"

unit:
	cargo test --workspace

wasm-test: setup-test
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$$(command -v chromedriver) \
	cargo test -p pipewise --target wasm32-unknown-unknown

node-test:
	node --test tests/node/

e2e: dist
	npx playwright test -c tests/e2e/playwright.config.mjs

size: dist setup-test
	node scripts/size.mjs dist

bench: dist setup-test
	cargo bench -p pipewise-core
	node tests/bench/native-summary.mjs
	node tests/bench/browser.mjs
	node tests/bench/sync.mjs

fmt:
	cargo fmt --all
