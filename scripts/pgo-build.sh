#!/usr/bin/env bash
# A release binary built with profile-guided optimization: an instrumented build runs
# docspec's commands on the repository's own pages (doc-fixtures/, never the corpus the
# benchmark measures), and the release build is made again with that profile.
#
#   scripts/pgo-build.sh          writes target/pgo/release/docspec
#
# Needs rustup's llvm-tools component (installed here if missing) for llvm-profdata of
# the same LLVM as rustc. The plain `cargo build --release` binary is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$sysroot/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ]; then
  rustup component add llvm-tools >/dev/null 2>&1 || true
fi
if [ ! -x "$profdata" ]; then
  echo "pgo-build: $profdata not found (install it with \`rustup component add llvm-tools\`)" >&2
  exit 2
fi

work=$PWD/target/pgo-data
rm -rf "$work"
mkdir -p "$work/raw"

# 1. The instrumented binary, in its own target folder so no other build is invalidated.
RUSTFLAGS="-Cprofile-generate=$work/raw" \
  cargo build -q --release -p docspec-cli --target-dir target/pgo-gen
gen=$PWD/target/pgo-gen/release/docspec

# 2. The training run: every command a user runs in bulk, on the repository's own pages.
pages=doc-fixtures
out=$work/out
mkdir -p "$out"
# Exit 1 is findings, which these pages have; anything else would leave a thin profile.
train() {
  "$gen" "$@" >/dev/null 2>&1 || [ $? -eq 1 ] || { echo "pgo-build: docspec $* failed" >&2; exit 1; }
}
for _ in 1 2 3; do
  for format in concise json human sarif; do
    train lint "$pages" --no-config --no-cache --format "$format"
  done
  train lint "$pages" --no-config --no-cache --diff
  train openapi "$pages" --no-config -o "$out/spec.yaml"
  train openapi "$pages" --no-config --format json -o "$out/spec.json"
  train render "$pages" --no-config -o "$out/site"
  train build "$pages" --no-config -o "$out/build"
  train drift "$pages" --no-config --spec doc-fixtures/drift/example.openapi.json
done

# 3. The release binary, optimized with the merged profile.
"$profdata" merge -o "$work/merged.profdata" "$work/raw"
RUSTFLAGS="-Cprofile-use=$work/merged.profdata" \
  cargo build -q --release -p docspec-cli --target-dir target/pgo
echo "pgo-build: $PWD/target/pgo/release/docspec"
