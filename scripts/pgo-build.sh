#!/usr/bin/env bash
# A release binary built with profile-guided optimization: an instrumented build runs
# docspec's commands on the repository's own pages (doc-fixtures/, never the corpus the
# benchmark measures), and the release build is made again with that profile.
#
#   scripts/pgo-build.sh          writes target/pgo/release/docspec
#   scripts/pgo-build.sh --bolt   also lays that binary's code out again with BOLT, from
#                                 the same training run: target/pgo/release/docspec-bolt
#
# Needs rustup's llvm-tools component (installed here if missing) for llvm-profdata of
# the same LLVM as rustc; --bolt needs llvm-bolt and merge-fdata (Debian's bolt-19,
# installed here if missing and apt-get can). The plain `cargo build --release` binary
# is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

bolt=false
case "${1:-}" in
  --bolt) bolt=true ;;
  "") ;;
  *) echo "usage: scripts/pgo-build.sh [--bolt]" >&2; exit 2 ;;
esac

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

# llvm-bolt of any recent LLVM works on the linked binary, whichever LLVM rustc has.
find_bolt() {
  command -v llvm-bolt || ls -d /usr/lib/llvm-*/bin/llvm-bolt 2>/dev/null | sort -V | tail -n 1
}
if $bolt; then
  llvm_bolt=$(find_bolt || true)
  if [ -z "$llvm_bolt" ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq bolt-19 >/dev/null 2>&1 || true
    llvm_bolt=$(find_bolt || true)
  fi
  if [ -z "$llvm_bolt" ]; then
    echo "pgo-build: llvm-bolt not found (on Debian: \`apt-get install bolt-19\`)" >&2
    exit 2
  fi
  merge_fdata=$(dirname "$llvm_bolt")/merge-fdata
fi

work=$PWD/target/pgo-data
rm -rf "$work"
mkdir -p "$work/raw"

# The training run: every command a user runs in bulk, three times over the
# repository's own pages, with the binary "$1".
train_all() {
  local bin=$1 out=$work/out
  mkdir -p "$out"
  # Exit 1 is findings, which these pages have; anything else would leave a thin profile.
  train() {
    "$bin" "$@" >/dev/null 2>&1 || [ $? -eq 1 ] || { echo "pgo-build: docspec $* failed" >&2; exit 1; }
  }
  local pages=doc-fixtures
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
}

# 1. The instrumented binary, in its own target folder so no other build is invalidated.
RUSTFLAGS="-Cprofile-generate=$work/raw" \
  cargo build -q --release -p docspec-cli --target-dir target/pgo-gen
train_all "$PWD/target/pgo-gen/release/docspec"

# 2. The release binary, optimized with the merged profile. BOLT rewrites a binary
# whose relocations the linker kept.
"$profdata" merge -o "$work/merged.profdata" "$work/raw"
flags="-Cprofile-use=$work/merged.profdata"
if $bolt; then
  flags="$flags -Clink-arg=-Wl,--emit-relocs"
fi
RUSTFLAGS="$flags" cargo build -q --release -p docspec-cli --target-dir target/pgo
pgo=$PWD/target/pgo/release/docspec
if ! $bolt; then
  # A BOLT binary of an earlier run would be of other code.
  rm -f "$pgo-bolt"
  echo "pgo-build: $pgo"
  exit 0
fi

# 3. BOLT: the same training on an instrumented copy, then the code laid out by that
# profile (hot blocks and functions together, cold ones split off). The line tables are
# kept, as in the plain release binary, so backtraces stay readable.
mkdir -p "$work/bolt"
"$llvm_bolt" "$pgo" -instrument -o "$work/bolt/docspec-inst" \
  --instrumentation-file="$work/bolt/prof" --instrumentation-file-append-pid \
  >"$work/bolt/instrument.log" 2>&1 || { echo "pgo-build: llvm-bolt -instrument failed (see $work/bolt/instrument.log)" >&2; exit 1; }
train_all "$work/bolt/docspec-inst"
"$merge_fdata" "$work"/bolt/prof.*.fdata >"$work/bolt/merged.fdata" 2>/dev/null
"$llvm_bolt" "$pgo" -o "$pgo-bolt.tmp" -data="$work/bolt/merged.fdata" \
  -reorder-blocks=ext-tsp -reorder-functions=cdsort -split-functions -split-all-cold \
  -split-eh -icf=1 -use-gnu-stack -update-debug-sections >"$work/bolt/optimize.log" 2>&1 ||
  { echo "pgo-build: llvm-bolt failed (see $work/bolt/optimize.log)" >&2; exit 1; }
mv "$pgo-bolt.tmp" "$pgo-bolt"
echo "pgo-build: $pgo-bolt"
