#!/usr/bin/env bash
# `docspec drift` and `docspec scaffold --missing --diff` on a spec of 1,000+ operations:
# GitLab's hand-written openapi.yaml with its paths copied under COPIES other prefixes
# (`/copy1/projects/...`), against the corpus pages. Prints the operation count, one wall
# time each, and the instructions each run executes (perf stat, else callgrind), which
# stay comparable on a busy machine.
#
#   scripts/drift-bench.sh [COPIES]      (default 14: 73 × 15 = 1,095 operations)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-14}
corpus=../shared/corpus/gitlab
spec=$corpus/doc/api/openapi/openapi.yaml
if [ ! -f "$spec" ]; then
  echo "drift-bench: $spec not found; nothing to measure" >&2
  exit 0
fi
cargo build -q --release -p docspec-cli
docspec=target/release/docspec

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
big=$data/openapi.yaml
start=$(grep -n '^paths:' "$spec" | cut -d: -f1)
end=$(grep -n '^components:' "$spec" | cut -d: -f1)
{
  head -n "$start" "$spec"
  sed -n "$((start + 1)),$((end - 1))p" "$spec"
  for i in $(seq 1 "$copies"); do
    sed -n "$((start + 1)),$((end - 1))p" "$spec" | sed "s|^  /|  /copy$i/|; s|^  '/|  '/copy$i/|"
  done
  tail -n "+$end" "$spec"
} >"$big"
ops=$(grep -cE '^    (get|put|post|delete|patch|head|options):' "$big")
echo "spec: $ops operations, $(($(wc -c <"$big") / 1024)) KiB; pages: $corpus/doc ($(find "$corpus/doc" -name '*.md' | wc -l) files)"

measure() {
  local label=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  local wall=$(((t1 - t0) / 1000000))
  local instructions
  if perf stat -x, -e instructions -o "$data/perf" "$@" >/dev/null 2>&1 || [ -s "$data/perf" ]; then
    instructions=$(grep instructions "$data/perf" | cut -d, -f1)
  fi
  if [ -z "${instructions:-}" ] || [ "${instructions:-}" = "<not supported>" ]; then
    valgrind --tool=callgrind --callgrind-out-file="$data/cg" "$@" >/dev/null 2>"$data/vg" || true
    instructions=$(grep -o 'refs: *[0-9,]*' "$data/vg" | tr -dc 0-9)
    label="$label (callgrind)"
  fi
  printf '%-36s wall %5d ms   instructions %s\n' "$label" "$wall" "$instructions"
}

measure "drift (all formats' findings, JSON)" "$docspec" drift --spec "$big" "$corpus/doc" --format json --no-config
measure "scaffold --missing --diff" "$docspec" scaffold --spec "$big" --missing "$corpus/doc" --diff --no-config
measure "lint (same pages, for scale)" "$docspec" lint "$corpus/doc" --format json --no-config
