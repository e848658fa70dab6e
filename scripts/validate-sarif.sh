#!/usr/bin/env bash
# Validates docspec's SARIF output with Microsoft's SARIF multitool (pinned, installed
# into .tools/sarif). The multitool reports problems as results of its own SARIF log, so
# this script reads that log and fails on any error-level result.
#
#   scripts/validate-sarif.sh [SARIF...]
#
# Without arguments it lints doc-fixtures/ and, when present, ../shared/corpus/gitlab
# with `--format sarif`, runs `drift` on the fixture spec, and validates the reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools/sarif"
out="$root/.tools/out"
version=5.7.0
mkdir -p "$tools" "$out"

binary="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [[ ! -x "$binary" ]] || ! grep -q "\"version\": \"$version\"" "$tools/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null; then
  echo "installing @microsoft/sarif-multitool@$version into .tools/sarif" >&2
  [[ -f "$tools/package.json" ]] || echo '{"private": true}' >"$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --silent "@microsoft/sarif-multitool@$version" >&2
  # npm may skip the package's postinstall (which only marks the binary executable).
  chmod u+x "$binary"
fi

reports=("$@")
if ((${#reports[@]} == 0)); then
  cargo build -q -p docspec-cli
  docspec="$root/target/debug/docspec"
  (cd "$root" && "$docspec" lint doc-fixtures --no-config --format sarif --output "$out/fixtures.sarif" >/dev/null || true)
  reports+=("$out/fixtures.sarif")
  # Drift findings carry related locations with logical locations (JSON pointers).
  (cd "$root" && "$docspec" drift --spec doc-fixtures/drift/example.swagger.yaml doc-fixtures/example --format sarif --output "$out/drift.sarif" >/dev/null || true)
  reports+=("$out/drift.sarif")
  corpus="$root/../shared/corpus/gitlab"
  if [[ -d "$corpus" ]]; then
    (cd "$corpus" && "$docspec" lint doc --no-config --no-cache --format sarif --output "$out/corpus.sarif" >/dev/null || true)
    reports+=("$out/corpus.sarif")
  fi
fi

status=0
for report in "${reports[@]}"; do
  log="$report.validation.sarif"
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$binary" validate "$report" --output "$log" --log ForceOverwrite >/dev/null
  summary="$(python3 - "$report" "$log" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
results = [r for run in log.get("runs", []) for r in run.get("results", [])]
errors = [r for r in results if r.get("level", "warning") == "error"]
warnings = [r for r in results if r.get("level", "warning") == "warning"]
found = sum(len(run.get("results", [])) for run in report.get("runs", []))
print(f"{len(errors)} {len(warnings)} {found}")
for r in errors + warnings:
    msg = r.get("message", {})
    print(f"    {r.get('level', 'warning')} {r.get('ruleId')}: {msg.get('text') or msg.get('arguments')}")
PY
)"
  read -r errors warnings found <<<"$(head -n1 <<<"$summary")"
  echo "$report: $found findings; sarif-multitool: $errors errors, $warnings warnings"
  tail -n +2 <<<"$summary"
  if ((errors > 0)); then status=1; fi
done
exit "$status"
