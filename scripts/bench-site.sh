#!/usr/bin/env bash
# Site benchmark: `docspec render` and `docspec build` on the GitLab corpus copied 1, 8
# and 32 times, against the floor (walk + read + one pulldown-cmark pass, same
# parallelism), in one run. Prints the median wall time of RUNS runs, the ratio to the
# floor, the peak RSS (GNU time), and the site's bytes against the Markdown's.
#
#   scripts/bench-site.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpus=../shared/corpus/gitlab
if [ ! -d "$corpus" ]; then
  echo "bench-site: $corpus not found; nothing to measure" >&2
  exit 0
fi
[ -x /usr/bin/time ] || { echo "bench-site: GNU time (/usr/bin/time) is required" >&2; exit 1; }

cargo build -q --release -p docspec-cli
cargo build -q --release -p docspec-parser --example floor
docspec=$PWD/target/release/docspec
floor=$PWD/target/release/examples/floor

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

# Median wall seconds and the peak RSS (KiB) of the run with that time, over $runs runs.
measure() {
  local results=()
  for _ in $(seq 1 "$runs"); do
    rm -rf "$data/out"
    results+=("$(/usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1)")
  done
  printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

printf '%-6s %-8s %9s %7s %10s %12s %12s %6s\n' copies command wall_s x_floor peak_MiB site_bytes md_bytes ratio
for copies in 1 8 32; do
  tree="$data/x$copies"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$tree/copy$i"
    cp -r "$corpus/doc" "$tree/copy$i/"
  done
  md=$(find "$tree" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  read -r floor_s floor_kib <<<"$(measure "$floor" "$tree")"
  printf '%-6s %-8s %9s %7s %10s\n' "x$copies" floor "$floor_s" 1.00 "$((floor_kib / 1024))"
  for command in render build; do
    read -r wall kib <<<"$(measure "$docspec" "$command" "$tree" -o "$data/out" --no-config)"
    "$docspec" "$command" "$tree" -o "$data/out" --no-config >/dev/null 2>&1 || true
    site=$(du -sb --exclude=openapi.yaml "$data/out" | cut -f1)
    assets=$(du -sb "$data/out/assets" | cut -f1)
    printf '%-6s %-8s %9s %7s %10s %12s %12s %6s\n' "x$copies" "$command" "$wall" \
      "$(awk "BEGIN{printf \"%.2f\", $wall/($floor_s > 0 ? $floor_s : 0.01)}")" "$((kib / 1024))" \
      "$((site - assets))" "$md" "$(awk "BEGIN{printf \"%.2f\", ($site - $assets)/$md}")"
  done
  rm -rf "$tree"
done
