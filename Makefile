# ict-compare: two commands for people, `make serve` and `make test`; the rest are their steps.
# Every install step is guarded, so a second run installs nothing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

WASM_TARGET := wasm32-unknown-unknown
CRATE := ict_compare
# The glue generator must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080

RELEASE_WASM := target/$(WASM_TARGET)/wasm/$(CRATE).wasm
# The modules that read long files are built for speed (Cargo.toml's `wasm-speed` profile).
SPEED_WASM := target/$(WASM_TARGET)/wasm-speed/$(CRATE).wasm
# The bundled dataset in the binary form the engine decodes at start (src/dataset/pack/), and
# its long texts (definitions, quotes, notes), which the page fetches when a reader opens one.
PACK := src/dataset/bundled.pack
TEXTS_PACK := src/dataset/bundled-texts.pack

.PHONY: serve test setup tools browser npm bench-npm build pack wasm bench-wasm page check-rust lint test-rust test-wasm \
        test-e2e validate bench bench-peers fuzz clean

## serve: build everything and serve the page at http://127.0.0.1:$(PORT)/
serve: build
	node scripts/serve.mjs dist $(PORT)

## test: every check and test: format, lints (host and wasm32), unit, integration and doc tests,
## data validation, wasm tests in Chromium, end-to-end tests in Chromium
test: setup lint test-rust validate test-wasm build test-e2e
	@echo "make test: all checks passed"

# ---- set-up -------------------------------------------------------------------------------

setup: tools browser npm

# The pinned toolchain with every component and target rust-toolchain.toml names, then the glue
# generator at exactly the version of the wasm-bindgen crate in Cargo.lock.
tools:
	@scripts/setup-rust.sh
	@if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" || { \
	    echo "make: could not install wasm-bindgen-cli $(WASM_BINDGEN_VERSION) from crates.io" >&2; exit 1; }; \
	fi

# Only the tests need a browser: `make serve` never installs one. The check runs both programs,
# since a half-removed package can leave a file that no longer starts.
browser:
	@if ! /usr/bin/chromium --version >/dev/null 2>&1 || ! /usr/bin/chromedriver --version >/dev/null 2>&1; then \
	  echo "installing Debian's chromium and chromium-driver"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } || { \
	    echo "make: could not install chromium and chromium-driver with apt-get (as root, with Debian's package lists reachable)" >&2; exit 1; }; \
	fi

# The page's build and test tools (package.json). The benchmark peers have a manifest of their own
# (bench/package.json) that only `make bench` and `make bench-peers` install.
npm: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is not on PATH; install Node.js 20 or later" >&2; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

bench-npm: bench/node_modules/.package-lock.json

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

# ---- build --------------------------------------------------------------------------------

build: tools npm wasm page

wasm: pkg/$(CRATE)_bg.wasm

# The pack is made from data/ by the command line and committed, so that a bare `cargo test`
# or `cargo build` works on a fresh clone; a unit test fails when it is not the one data/ gives.
pack: $(PACK) $(TEXTS_PACK)

$(PACK) $(TEXTS_PACK) &: $(shell find data -name '*.csv') $(wildcard src/dataset/pack/*.rs src/dataset/pack/*/*.rs) | tools
	cargo run --release --quiet --bin ict-compare -- pack data/ -o $(PACK)

# Three modules from one crate. The page's engine (`--no-default-features`: without the bundled
# long texts, which the page fetches, nor datasets of one's own files, which it never loads, nor
# a reader's file joined to the bundled data, nor the analyses no view asks for, nor the views
# beyond the table) answers the first view, the table and its popovers. The views' engine
# (`--features views`: the same, with the province, chart, map, profile and sources views and
# the downloads) is fetched when a reader first opens one of them, or instead of the first when
# the page starts on one. The second module (`--features extractor`: everything, the extraction
# assistant included) is loaded only when a reader opens a file or adds a report. The first two
# are built for size (the `wasm` profile, `opt-level = "z"`; wasm-opt `-Oz`): every portal's
# reader fetches one, and the only text they read is the bundled pack. The third reads a
# reader's file, up to the page's limit of 10 MB, and is built for speed (`wasm-speed`,
# `opt-level = 3`; wasm-opt `-O3`):
# it parses a long file in about two thirds of the time, for a larger download that only a
# reader who opens a file waits for, while the file is read (docs/PERFORMANCE.md).
# `--converge` repeats wasm-opt's size passes while they still shrink the module (about 0.8 KB
# compressed). `--low-memory-unused` lets it fold constant offsets into loads and stores (about
# 1.3 KB): the module lays its stack first, from 1 MiB down, so its lowest kilobyte is touched
# only by a stack already overflowing. `-ocimfs 0` stops wasm-opt inlining every function
# called from one place, whatever its size (an answer's writer into its exported entry point,
# the pack's reader into `bundled`): 3 % more bytes, but 10.7 KB less compressed, which is what
# a reader downloads (without the flag wasm-opt's `-Oz` made the module 7 KB heavier
# compressed than the compiler's own output).
WASM_OPT_FLAGS := --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
WASM_OPT := wasm-opt -Oz --converge -ocimfs 0 $(WASM_OPT_FLAGS)
WASM_OPT_SPEED := wasm-opt -O3 $(WASM_OPT_FLAGS)
WASM_SOURCES := Makefile Cargo.toml Cargo.lock $(PACK) $(TEXTS_PACK) $(shell find src data -type f)

pkg/$(CRATE)_bg.wasm: $(WASM_SOURCES) | tools npm
	cargo build --profile wasm-speed --lib --target $(WASM_TARGET) --features extractor
	wasm-bindgen --target web --out-dir pkg --out-name $(CRATE)_full $(SPEED_WASM)
	$(WASM_OPT_SPEED) pkg/$(CRATE)_full_bg.wasm -o pkg/$(CRATE)_full_bg.wasm
	cargo build --profile wasm --lib --target $(WASM_TARGET) --no-default-features --features views
	wasm-bindgen --target web --out-dir pkg --out-name $(CRATE)_views $(RELEASE_WASM)
	$(WASM_OPT) pkg/$(CRATE)_views_bg.wasm -o pkg/$(CRATE)_views_bg.wasm
	cargo build --profile wasm --lib --target $(WASM_TARGET) --no-default-features
	wasm-bindgen --target web --out-dir pkg $(RELEASE_WASM)
	$(WASM_OPT) pkg/$(CRATE)_bg.wasm -o pkg/$(CRATE)_bg.wasm

# The benchmarks' engine: the page's with datasets of one's own files (`fromCsv`, `DatasetLoader`)
# and the analyses they time (`aggregate`, `rank`), built for speed as the
# second module that reads a reader's file is.
bench-wasm: pkg/$(CRATE)_bench_bg.wasm

# After the page's modules: builds of one profile write one file, so they never run side by side.
pkg/$(CRATE)_bench_bg.wasm: $(WASM_SOURCES) pkg/$(CRATE)_bg.wasm | tools npm
	cargo build --profile wasm-speed --lib --target $(WASM_TARGET) --no-default-features --features own-datasets,analysis
	wasm-bindgen --target web --out-dir pkg --out-name $(CRATE)_bench $(SPEED_WASM)
	$(WASM_OPT_SPEED) $@ -o $@

page: wasm
	node scripts/build-page.mjs

# ---- checks -------------------------------------------------------------------------------

# The page's types are generated from the engine's result types (www/types/engine.d.ts) and the
# glue's (pkg/), then the page is type-checked against them: a field renamed in Rust breaks here.
lint: tools npm wasm
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features --features views -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) --no-default-features --features own-datasets,reader-files,analysis,views -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) --features extractor -- -D warnings
	WRITE_TS_TYPES=1 cargo test --quiet --lib view::typescript
	tsc -p www/jsconfig.json

test-rust:
	cargo test

validate:
	cargo run --release --quiet --bin ict-compare -- validate data/

test-wasm: setup
	cargo test --target $(WASM_TARGET) --no-default-features --features own-datasets,reader-files,analysis,views --test web --test web_view
	cargo test --target $(WASM_TARGET) --features extractor --test web_extract

test-e2e: build browser
	node --test --test-concurrency=1 tests/e2e/

# ---- benchmarks (never part of `make test`: timings are measured, not asserted) ----------

## bench: native criterion benches, then ict-compare in headless Chromium, then the page's
## main-thread time per action (Long Tasks API) on long reader's files (docs/PERFORMANCE.md)
bench: build bench-wasm browser bench-npm
	cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3
	node scripts/bench-browser.mjs
	node scripts/bench-page.mjs

## bench-peers: ict-compare, a plain-JavaScript baseline, Arquero and DuckDB-WASM, side by side
bench-peers: build bench-wasm browser bench-npm
	BENCH_ENGINES=ict-compare,plain-js,arquero,duckdb node scripts/bench-browser.mjs

# ---- fuzzing (not part of `make test`: it runs for minutes) ------------------------------

FUZZ_TARGETS := user_file numbers specs extract
FUZZ_SECONDS ?= 60

## fuzz: every fuzz target for FUZZ_SECONDS each, from the committed seeds
fuzz:
	@cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$target; \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run $$target fuzz/corpus/$$target fuzz/seeds/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1 || exit 1; \
	done

clean:
	rm -rf target pkg dist
