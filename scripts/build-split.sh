#!/usr/bin/env bash
# The browser build, split into lazily loaded wasm chunks. Trunk runs this as its
# pre_build hook (Trunk.toml): Trunk cannot run the splitter itself (trunk-rs/trunk#1022),
# so index.html's Rust link is marked `data-trunk-skip` and the finished files are
# brought into dist/ by a `copy-dir` link from target/split/app/.
#   1. cargo: the linked wasm, with relocations kept (the splitter needs them);
#   2. wasm-split-cli: the main module plus one module per split point (`#[wasm_split]`
#      in src/lazy.rs and the pages) and shared chunks, and `__wasm_split.js`, which
#      fetches a chunk next to itself on first use;
#   3. wasm-bindgen on the main module, into the same folder;
#   4. wasm-opt on every module.
# scripts/finish-dist.mjs then puts the folder under a name carrying its content hash.
# SPLIT_KEEP_NAMES=1 keeps function names in the optimised wasm, for a profiler or twiggy
# (`SPLIT_KEEP_NAMES=1 make dist`); never for a published build (larger files).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

profile=${TRUNK_PROFILE:-release}
out=target/split/app
raw=target/wasm32-unknown-unknown/$profile/pipewise.wasm
flags=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

say() { printf '[split] %s\n' "$*"; }

release=()
[ "$profile" = release ] && release=(--release)
# `cargo rustc` passes the link argument to the final link only: dependencies keep their
# build (and `.cargo/config.toml` its rustflags, e.g. `--cfg erase_components`).
say "cargo ($profile)"
cargo rustc --quiet --locked "${release[@]}" --features split --target wasm32-unknown-unknown --bin pipewise \
  -- -C link-arg=--emit-relocs

rm -rf "$out" && mkdir -p "$out"
say "wasm-split-cli"
wasm-split-cli "$raw" "$out" --out-name pipewise
say "wasm-bindgen"
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out" --out-name pipewise "$out/pipewise.wasm"
rm "$out/pipewise.wasm"

names=()
[ -n "${SPLIT_KEEP_NAMES:-}" ] && names=(-g)
if [ "$profile" = release ]; then
  say "wasm-opt -Oz ${names[*]} (every module, two at a time)"
  # (It warns about a name subsection wasm-bindgen writes and it does not know: harmless.)
  printf '%s\0' "$out"/*.wasm | xargs -0 -P 2 -I{} \
    wasm-opt -Oz "${flags[@]}" "${names[@]}" {} -o {} 2>&1 | { grep -v 'unknown name subsection' || true; }
fi
say "$(ls "$out"/*.wasm | wc -l) wasm modules, $(du -sk "$out" | cut -f1) kB in $out"
