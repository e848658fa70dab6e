#!/usr/bin/env bash
# Benchmark: docspec's commands against a floor (walk + read + one pulldown-cmark pass,
# nothing else, over the same cores), and against markdownlint-cli2 and rumdl, on the
# GitLab corpus copied ×1, ×8 and ×32, all in one run. For each command: median wall
# time of RUNS runs, its ratio to the floor of the same size, and peak RSS.
#
#   scripts/bench.sh [RUNS] [COPIES...]      default: 5 runs, copies 1 8 32
#
# DOCSPEC_BIN=path measures that binary instead of `cargo build --release`'s (for example
# scripts/pgo-build.sh's, built with profile-guided optimization).
#
# The peers are installed (pinned) into .tools/bench by this script. Run it on a quiet
# machine: wall times are what it compares.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
copies=("${@:-1 8 32}")
read -r -a copies <<<"${copies[*]}"
# shellcheck source=scripts/lib/corpus-trees.sh
source scripts/lib/corpus-trees.sh
require_corpus bench

if [ -z "${DOCSPEC_BIN:-}" ]; then
  cargo build -q --release -p docspec-cli
fi
cargo build -q --release -p docspec-parser --example floor
docspec=$(realpath "${DOCSPEC_BIN:-target/release/docspec}")
floor=$PWD/target/release/examples/floor

# Peers, pinned, installed once.
tools=$PWD/.tools/bench
MARKDOWNLINT_CLI2=0.24.1
RUMDL=0.3.0
if [ ! -x "$tools/node_modules/.bin/markdownlint-cli2" ]; then
  mkdir -p "$tools"
  npm install --silent --prefix "$tools" "markdownlint-cli2@$MARKDOWNLINT_CLI2" >/dev/null
fi
if [ ! -x "$tools/venv/bin/rumdl" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet "rumdl==$RUMDL"
fi
mdl=$tools/node_modules/.bin/markdownlint-cli2
rumdl=$tools/venv/bin/rumdl

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo '{"config": {"default": true}}' >"$data/.markdownlint-cli2.jsonc"

# Median wall time (ms) and the peak RSS (MiB) of the median run of "$@", after a warm-up.
measure() {
  "$@" >/dev/null 2>&1 || true
  local rows=()
  for _ in $(seq 1 "$runs"); do
    local start end rss
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$data/rss" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    rss=$(tail -n 1 "$data/rss")
    rows+=("$(( (end - start) / 1000000 )) $(( rss / 1024 ))")
  done
  printf '%s\n' "${rows[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

# One row: the median wall time and peak RSS of "$@", and its ratio to the floor of the
# tree being measured ($floor_ms, set per tree).
row() {
  local label=$1
  shift
  local ms rss
  read -r ms rss <<<"$(measure "$@")"
  printf '%-7s %-26s %9d %8s %9d\n' "x$n" "$label" "$ms" "$(awk "BEGIN{printf \"%.2f\", $ms/$floor_ms}")" "$rss"
}

printf '%-7s %-26s %9s %8s %9s\n' copies command "wall ms" "x floor" "peak MiB"
for n in "${copies[@]}"; do
  tree=$data/x$n
  copy_corpus "$tree" "$n"
  out=$data/out$n
  read -r floor_ms floor_rss <<<"$(measure "$floor" "$tree")"
  printf '%-7s %-26s %9d %8s %9d\n' "x$n" floor "$floor_ms" 1.00 "$floor_rss"
  # Cold: every page linted (--no-cache), which is what the floor is compared with.
  row "lint --format concise" "$docspec" lint "$tree" --no-config --format concise --no-cache
  row "lint --format json" "$docspec" lint "$tree" --no-config --format json --no-cache
  # The default report (source snippets), and the largest CI document.
  row "lint --format human" "$docspec" lint "$tree" --no-config --format human --no-cache --color never
  row "lint --format sarif" "$docspec" lint "$tree" --no-config --format sarif --no-cache
  # The cache as a run leaves it: filled by the warm-up, then read (nothing changed).
  row "lint (warm cache)" "$docspec" lint "$tree" --no-config --format concise --cache-dir "$data/cache$n"
  # The cache written from empty each run: what a first run costs with the cache on.
  row "lint (cold, writing cache)" sh -c 'rm -rf "$3" && exec "$1" lint "$2" --no-config --format concise --cache-dir "$3"' sh "$docspec" "$tree" "$data/cold$n"
  # --diff runs the fix loop without writing, so the tree stays the same between runs.
  row "lint --diff (fix loop)" "$docspec" lint "$tree" --no-config --diff --no-cache
  row "openapi" "$docspec" openapi "$tree" --no-config -o "$out.yaml"
  row "render" "$docspec" render "$tree" --no-config -o "$out-site"
  row "build" "$docspec" build "$tree" --no-config -o "$out-build"
  # The row above rebuilds into its own last output, where unchanged files are not
  # written again; this one builds into a new folder each run.
  row "build (new folder)" sh -c 'exec "$1" build "$2" --no-config -o "$(mktemp -d -p "$3")"' sh "$docspec" "$tree" "$data"
  row "markdownlint-cli2" "$mdl" --config "$data/.markdownlint-cli2.jsonc" "$tree/**/*.md"
  row "rumdl check" "$rumdl" check --no-config --no-cache "$tree"
  row "rumdl check (warm cache)" "$rumdl" check --no-config --cache-dir "$data/rumdl$n" "$tree"
  md_bytes=$(find "$tree" -name '*.md' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
  site_bytes=$(du -sb "$out-site" | cut -f1)
  echo "x$n: Markdown $md_bytes bytes, site $site_bytes bytes ($(awk "BEGIN{printf \"%.2f\", $site_bytes/$md_bytes}")x)"
done

# The copies above document the same operations, which the spec merges into one: the
# spec stays the size of one corpus. A distinct tree ×N documents N times the operations.
for n in "${copies[@]}"; do
  [ "$n" -gt 1 ] || continue
  tree=$data/distinct$n
  copy_corpus_distinct "$tree" "$n"
  out=$data/distinct-out$n
  read -r floor_ms floor_rss <<<"$(measure "$floor" "$tree")"
  printf '%-7s %-26s %9d %8s %9d\n' "x$n" "floor (distinct)" "$floor_ms" 1.00 "$floor_rss"
  row "lint, distinct" "$docspec" lint "$tree" --no-config --format concise --no-cache
  row "openapi, distinct" "$docspec" openapi "$tree" --no-config -o "$out.yaml"
  row "build, distinct" "$docspec" build "$tree" --no-config -o "$out-build"
  echo "x$n distinct: $(grep -c '^  /' "$out.yaml") paths, spec $(wc -c <"$out.yaml") bytes"
done

# Linearity, ×8 to ×32 (4.00 is linear; the issue allows 10 % over): each command's runs
# on the two trees alternate, so a machine that slows down for a minute slows both.
# `{}` in a command is the tree, `{o}` an output path of its own.
linearity() {
  local label=$1
  shift
  local small=() large=()
  for _ in $(seq 1 "$runs"); do
    for n in 8 32; do
      local args=("${@//\{\}/$data/x$n}")
      args=("${args[@]//\{o\}/$data/linear$n}")
      local start end
      start=$(date +%s%N)
      "${args[@]}" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      if [ "$n" = 8 ]; then small+=("$(( (end - start) / 1000000 ))"); else large+=("$(( (end - start) / 1000000 ))"); fi
    done
  done
  local mid=$(( (runs + 1) / 2 ))
  local a b
  a=$(printf '%s\n' "${small[@]}" | sort -n | sed -n "${mid}p")
  b=$(printf '%s\n' "${large[@]}" | sort -n | sed -n "${mid}p")
  printf '%-34s %9d %9d %8s\n' "$label" "$a" "$b" "$(awk "BEGIN{printf \"%.2f\", $b/$a}")"
}
if [[ " ${copies[*]} " == *" 8 "* && " ${copies[*]} " == *" 32 "* ]]; then
  printf '%-34s %9s %9s %8s\n' "x8 -> x32, alternating" "x8 ms" "x32 ms" ratio
  linearity floor "$floor" {}
  linearity "lint --format concise" "$docspec" lint {} --no-config --format concise --no-cache
  linearity "lint --format json" "$docspec" lint {} --no-config --format json --no-cache
  linearity "lint --format human" "$docspec" lint {} --no-config --format human --no-cache --color never
  linearity "lint --format sarif" "$docspec" lint {} --no-config --format sarif --no-cache
  linearity "lint --diff (fix loop)" "$docspec" lint {} --no-config --diff --no-cache
  linearity "openapi" "$docspec" openapi {} --no-config -o {o}.yaml
  linearity "render" "$docspec" render {} --no-config -o {o}-site
  linearity "build" "$docspec" build {} --no-config -o {o}-build
fi

# One page as an editor lints it: the largest corpus page, parsed and linted again and
# again in one process (CPU time per lint, after start-up).
cargo build -q --release -p docspec-cli --example single_page
"$PWD/target/release/examples/single_page" "$corpus/doc/api/issues.md" 200
