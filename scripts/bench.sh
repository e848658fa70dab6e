#!/usr/bin/env bash
# Benchmark: `docspec lint` against the floor (read the files + pulldown-cmark, nothing
# else), both on the GitLab corpus copied COPIES times (default 40, about 40 MB), in one
# run. Prints the median of RUNS runs of each and their ratio.
#
#   scripts/bench.sh [COPIES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-40}
runs=${2:-5}
corpus=../shared/corpus/gitlab
if [ ! -d "$corpus" ]; then
  echo "bench: $corpus not found; nothing to measure" >&2
  exit 0
fi

cargo build -q --release -p docspec-cli
cargo build -q --release -p docspec-parser --example floor
docspec=target/release/docspec
floor=target/release/examples/floor

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for i in $(seq 1 "$copies"); do
  mkdir -p "$data/copy$i"
  cp -r "$corpus/doc" "$data/copy$i/"
done
size=$(du -sb "$data" | cut -f1)
files=$(find "$data" -name '*.md' | wc -l)
echo "data: $files files, $((size / 1024 / 1024)) MiB ($copies copies of the corpus)"

# Median wall time in milliseconds of running "$@" $runs times (after one warm-up).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

measure() {
  local label=$1
  local floor_ms lint_ms concise_ms own_ms
  floor_ms=$(median_ms "$floor" "$data")
  lint_ms=$(median_ms "$docspec" lint "$data" --no-config --format json)
  concise_ms=$(median_ms "$docspec" lint "$data" --no-config --format concise)
  # The copies duplicate each other's endpoints: without the cross-page rules, the per-page cost.
  own_ms=$(median_ms "$docspec" lint "$data" --no-config --format concise --ignore project)
  ratio() { awk "BEGIN{printf \"%.2f\", $1/$floor_ms}"; }
  echo "$label: floor ${floor_ms} ms; lint --format json ${lint_ms} ms ($(ratio "$lint_ms")x); --format concise ${concise_ms} ms ($(ratio "$concise_ms")x); concise without cross-page rules ${own_ms} ms ($(ratio "$own_ms")x)"
}

measure "all cores"
RAYON_NUM_THREADS=1 measure "one thread"
