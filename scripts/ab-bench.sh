#!/usr/bin/env bash
# CPU time of two docspec binaries, run in turn on the GitLab corpus copied 32 times:
# the median of each and the median of the per-round ratios, for `lint` (concise and
# json), `openapi`, `render` and `build`. Taking turns puts both binaries under the same
# machine drift, which single runs of bench.sh a few minutes apart do not: on a shared VM
# they differ by more than a 5-10 % change.
#
#   scripts/ab-bench.sh OLD_BINARY NEW_BINARY [ROUNDS]     default: 10 rounds
#
# CPU time is perf's task clock where perf runs, else user + system time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: scripts/ab-bench.sh OLD_BINARY NEW_BINARY [ROUNDS]" >&2
  exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
rounds=${3:-10}
# shellcheck source=scripts/lib/corpus-trees.sh
source scripts/lib/corpus-trees.sh
require_corpus ab-bench

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
copy_corpus "$data/tree" 32

# CPU milliseconds of one run of "$@".
if perf stat -x, -e task-clock true >/dev/null 2>&1; then
  cpu_ms() {
    perf stat -x, -e task-clock -o "$data/perf" "$@" >/dev/null 2>&1 || true
    grep task-clock "$data/perf" | cut -d, -f1
  }
else
  cpu_ms() {
    /usr/bin/time -f "%U %S" -o "$data/time" "$@" >/dev/null 2>&1 || true
    awk '{ print ($1 + $2) * 1000 }' "$data/time" | tail -n 1
  }
fi

printf '%-30s %10s %10s %8s %8s\n' command "old ms" "new ms" "new/old" "paired"
measure() {
  local label=$1
  shift
  : >"$data/rows"
  for _ in $(seq 1 "$rounds"); do
    echo "$(cpu_ms "$old" "$@") $(cpu_ms "$new" "$@")" >>"$data/rows"
  done
  python3 - "$label" "$data/rows" <<'EOF'
import statistics, sys
label, path = sys.argv[1], sys.argv[2]
rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
old = statistics.median(r[0] for r in rows)
new = statistics.median(r[1] for r in rows)
paired = statistics.median(r[1] / r[0] for r in rows)
print(f"{label:<30} {old:10.0f} {new:10.0f} {new / old:8.3f} {paired:8.3f}")
EOF
}
tree=$data/tree
measure "lint --format concise" lint "$tree" --no-config --no-cache --format concise
measure "lint --format json" lint "$tree" --no-config --no-cache --format json
measure "openapi" openapi "$tree" --no-config -o "$data/spec.yaml"
measure "render" render "$tree" --no-config -o "$data/site"
measure "build" build "$tree" --no-config -o "$data/build"
