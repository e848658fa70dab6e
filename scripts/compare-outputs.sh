#!/usr/bin/env bash
# Whether two docspec binaries give the same output: for each of four trees (the GitLab
# corpus, that corpus copied four times with its own prefix per copy, doc-fixtures/example
# and doc-fixtures/), five commands (`openapi` YAML and JSON, `build`, `lint --format
# json`, `drift` against GitLab's openapi.yaml), comparing the files written, standard
# output, standard error and the exit code. Exits 1 when any differ.
#
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY
#
# For a change meant to keep every output (a speed-up, a build setting).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: scripts/compare-outputs.sh OLD_BINARY NEW_BINARY" >&2
  exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
# shellcheck source=scripts/lib/corpus-trees.sh
source scripts/lib/corpus-trees.sh
require_corpus compare-outputs
spec=$(realpath "$corpus/doc/api/openapi/openapi.yaml")

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
copy_corpus_distinct "$data/distinct" 4

same=0
different=0
for tree in "$(realpath "$corpus/doc")" "$data/distinct" "$PWD/doc-fixtures/example" "$PWD/doc-fixtures"; do
  for command in "openapi --no-config -o OUT/spec.yaml" \
    "openapi --no-config --format json -o OUT/spec.json" \
    "build --no-config -o OUT/site" \
    "lint --no-config --no-cache --format json" \
    "drift --no-config --spec $spec"; do
    for side in old new; do
      bin=$old
      [ "$side" = new ] && bin=$new
      out=$data/run-$side
      rm -rf "$out"
      mkdir -p "$out"
      read -r -a args <<<"${command//OUT/$data/out}"
      rm -rf "$data/out"
      mkdir -p "$data/out"
      set +e
      "$bin" "${args[0]}" "$tree" "${args[@]:1}" >"$out/stdout" 2>"$out/stderr"
      echo $? >"$out/exit-code"
      set -e
      # The written files, under the same name for both sides.
      mv "$data/out" "$out/files"
    done
    if diff -r "$data/run-old" "$data/run-new" >/dev/null; then
      same=$((same + 1))
    else
      different=$((different + 1))
      echo "different: docspec $command on $tree" >&2
    fi
  done
done
echo "compare-outputs: $same the same, $different different"
[ "$different" -eq 0 ]
