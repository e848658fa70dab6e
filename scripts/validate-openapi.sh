#!/usr/bin/env bash
# Validates OpenAPI documents emitted by docspec with three independent validators:
# Redocly CLI, Spectral, and openapi-spec-validator (pinned in scripts/validators/).
#
#   scripts/validate-openapi.sh [SPEC...]
#
# Without arguments, the specs are generated first from doc-fixtures/openapi and, when it
# exists, from ../shared/corpus/gitlab/doc/api. The validators are installed once into the
# ignored .tools/ folder. Exits non-zero when any validator reports an error (warnings are
# counted and printed, not fatal). Redocly's build-docs must also render each spec.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
validators="$root/scripts/validators"
tools="$root/.tools"
out="$tools/out"
mkdir -p "$tools" "$out"

# Keep the tools quiet and offline apart from the installs.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 SCARF_ANALYTICS=false

pinned() { # pinned NAME -> version from package.json
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["dependencies"][sys.argv[2]])' \
    "$validators/package.json" "$1"
}

install_node_tools() {
  local want=() name version have
  for name in @redocly/cli @stoplight/spectral-cli; do
    version="$(pinned "$name")"
    have="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
      "$tools/node/node_modules/$name/package.json" 2>/dev/null || true)"
    [[ "$have" == "$version" ]] || want+=("$name@$version")
  done
  if ((${#want[@]})); then
    echo "installing ${want[*]} into .tools/node" >&2
    npm install --prefix "$tools/node" --no-audit --no-fund --save-exact "${want[@]}" >&2
  fi
}

install_python_tools() {
  if [[ ! -x "$tools/venv/bin/python" ]]; then
    python3 -m venv "$tools/venv"
  fi
  if ! "$tools/venv/bin/python" -m pip freeze 2>/dev/null | grep -qxF -f "$validators/requirements.txt"; then
    echo "installing $(tr '\n' ' ' <"$validators/requirements.txt")into .tools/venv" >&2
    "$tools/venv/bin/python" -m pip install -q -r "$validators/requirements.txt" >&2
  fi
}

install_node_tools
install_python_tools
redocly="$tools/node/node_modules/.bin/redocly"
spectral="$tools/node/node_modules/.bin/spectral"
spec_validator="$tools/venv/bin/openapi-spec-validator"

specs=("$@")
if ((${#specs[@]} == 0)); then
  emit() { # emit DIR OUTPUT PATH... (paths relative to DIR, so findings print doc/api/x.md)
    local dir="$1" output="$2"
    shift 2
    (cd "$dir" && cargo run -q --manifest-path "$root/Cargo.toml" -p docspec-cli -- openapi --no-config "$@") \
      >"$output" 2>"$output.findings"
    echo "generated $output ($(grep -c . "$output.findings" || true) findings in $output.findings)" >&2
  }
  emit "$root" "$out/fixtures.yaml" doc-fixtures/openapi
  specs+=("$out/fixtures.yaml")
  corpus="$root/../shared/corpus/gitlab"
  if [[ -d "$corpus/doc/api" ]]; then
    emit "$corpus" "$out/corpus.yaml" doc/api
    specs+=("$out/corpus.yaml")
  else
    echo "no corpus at $corpus; validating the fixtures only" >&2
  fi
fi

# Prints "errors warnings" and a per-rule summary of a validator's JSON report.
summarize() { # summarize TOOL REPORT
  "$tools/venv/bin/python" - "$1" "$2" <<'PY'
import collections, json, sys
tool, path = sys.argv[1], sys.argv[2]
text = open(path).read()
errors = warnings = 0
rules = collections.Counter()
if tool == "redocly":
    data = json.loads(text or "{}")
    for p in data.get("problems", []):
        sev = p.get("severity")
        if sev == "error":
            errors += 1
        elif sev == "warn":
            warnings += 1
        rules[(sev, p.get("ruleId"))] += 1
elif tool == "spectral":
    start = text.find("[")
    data = json.loads(text[start:]) if start >= 0 else []
    for p in data:
        sev = {0: "error", 1: "warn", 2: "info", 3: "hint"}.get(p.get("severity"), "?")
        if sev == "error":
            errors += 1
        elif sev == "warn":
            warnings += 1
        rules[(sev, p.get("code"))] += 1
# The rules file first: the caller reads the counts through a process substitution and
# then reads the file, so it must exist before the counts are printed.
with open(path + ".rules", "w") as f:
    for (sev, rule), n in sorted(rules.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"      {sev:5} {n:6}  {rule}", file=f)
print(errors, warnings)
PY
}

status=0
for spec in "${specs[@]}"; do
  name="$(basename "$spec")"
  echo "== $spec"

  "$redocly" lint --config "$validators/redocly.yaml" --format json --max-problems 1000000 "$spec" >"$out/$name.redocly.json" 2>/dev/null || true
  read -r e w < <(summarize redocly "$out/$name.redocly.json")
  echo "  redocly lint:           $e errors, $w warnings"
  cat "$out/$name.redocly.json.rules"
  ((e == 0)) || status=1

  "$spectral" lint --ruleset "$validators/.spectral.yaml" --format json --quiet "$spec" \
    >"$out/$name.spectral.json" 2>"$out/$name.spectral.log" || true
  read -r e w < <(summarize spectral "$out/$name.spectral.json")
  echo "  spectral lint:          $e errors, $w warnings"
  cat "$out/$name.spectral.json.rules"
  ((e == 0)) || status=1

  if "$spec_validator" --validation-errors all "$spec" >"$out/$name.osv.log" 2>&1; then
    echo "  openapi-spec-validator: 0 errors, 0 warnings"
  else
    e="$(sed -n 's/.*: \([0-9][0-9]*\) validation errors found.*/\1/p' "$out/$name.osv.log" | tail -1)"
    echo "  openapi-spec-validator: ${e:-1} errors (see $out/$name.osv.log)"
    status=1
  fi

  if "$redocly" build-docs "$spec" --output "$out/$name.html" >"$out/$name.build-docs.log" 2>&1; then
    echo "  redocly build-docs:     rendered $out/$name.html"
  else
    echo "  redocly build-docs:     failed (see $out/$name.build-docs.log)"
    status=1
  fi
done
exit "$status"
