#!/usr/bin/env bash
# Installs what Pipewise's build and tests need, only where it is missing, from package
# registries alone (crates.io, npm, Debian). Safe to run again: the second run is quick.
#   scripts/setup.sh build   wasm target, trunk, wasm-bindgen-cli (= Cargo.lock), wasm-opt,
#                            wasm-split-cli (splits the wasm into lazily loaded chunks)
#   scripts/setup.sh test    the above, plus Chromium, chromedriver and the npm test tools
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-build}
TRUNK_VERSION=0.21.14
# The splitter Leptos's lazy loading needs (what cargo-leptos runs); 0.2.4 works with
# wasm-bindgen 0.2.130 and Leptos 0.8.23 on stable Rust.
SPLIT_VERSION=0.2.4
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$PWD/node_modules/.bin:$CARGO_BIN:$PATH"

say() { printf '[setup] %s\n' "$*"; }

lock_version() { # version of a crate in Cargo.lock
  awk -v n="$1" '$0=="name = \""n"\"" {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # trunk 0.22 needs a newer rustc than this machine's stable.
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

bindgen=$(lock_version wasm-bindgen)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  say "installing wasm-bindgen-cli $bindgen (the version Cargo.lock resolves)"
  # `cargo install --locked` of this release fails on crates.io (its lockfile names a
  # webpki-roots the registry does not serve yet), so build it from its own .crate with
  # that one dependency pinned to a served release.
  cargo fetch --quiet
  work=$(mktemp -d)
  crate=wasm-bindgen-cli-$bindgen
  if ! ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$crate.crate" >/dev/null 2>&1; then
    (cd "$work" && cargo new --quiet fetcher && cd fetcher \
      && cargo add --quiet "wasm-bindgen-cli@=$bindgen" && cargo fetch --quiet) || true
  fi
  tar -xzf "$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$crate.crate" | head -n 1)" -C "$work"
  (cd "$work/$crate" \
    && cargo update --quiet -p webpki-roots --precise 1.0.10 \
    && cargo install --path . --locked --quiet)
  rm -rf "$work"
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION (a minute or two, once)"
  cargo install --locked "wasm_split_cli_support@$SPLIT_VERSION" --features build-binary
fi

# npm packages: binaryen (wasm-opt 132; Debian's 108 emits wasm that crashes at start),
# Playwright, axe-core, ical.js — all pinned by package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
say "ready"
