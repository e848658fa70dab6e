#!/usr/bin/env bash
# `docspec lint --fix` on a scratch git copy of ../shared/corpus/gitlab: counts findings
# before and after, runs --fix a second time (it must change nothing), and checks that
# every changed line is a line some fixable finding named.
#
#   scripts/fix-corpus.sh [--unsafe-fixes]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/../shared/corpus/gitlab"
[[ -d "$corpus" ]] || { echo "fix-corpus: $corpus not found" >&2; exit 0; }
cargo build -q --release -p docspec-cli
docspec="$root/target/release/docspec"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$corpus/doc" "$work/"
cd "$work"
git init -q . && git add -A && git -c user.name=fix -c user.email=fix@example.invalid commit -qm corpus

count() { "$docspec" lint doc --no-config --format json "$@" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
ops() { "$docspec" openapi doc --no-config --format json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(1 for p in d["paths"].values() for k in p if k in ("get","put","post","delete","patch","head","options")))'; }
ops_before=$(ops)
"$docspec" lint doc --no-config --format json "$@" >before.json || true
before=$(python3 -c 'import json; print(len(json.load(open("before.json"))))')
fixable=$(python3 -c 'import json; print(sum(1 for f in json.load(open("before.json")) if f.get("fix")))')
"$docspec" lint doc --no-config --fix "$@" --format concise >/dev/null 2>fix1.log || true
after=$(count || true)
"$docspec" lint doc --no-config --fix "$@" --format concise >/dev/null 2>fix2.log || true
ops_after=$(ops)
echo "findings before: $before ($fixable with a fix); after --fix: $after"
echo "OpenAPI operations before: $ops_before; after: $ops_after"
[[ "$ops_before" == "$ops_after" ]] || { echo "fixing changed the operations" >&2; exit 1; }
echo "first run:  $(tail -n1 fix1.log)"
echo "second run: $(tail -n1 fix2.log)"
git add -A doc
git diff --cached --stat | tail -n1
# Every changed old line must be inside the line span of some fix's edits.
git diff --cached -U0 doc >changes.diff
python3 - before.json changes.diff <<'PY'
import json, re, sys
fixes = {}
for f in json.load(open(sys.argv[1])):
    for e in (f.get("fix") or {}).get("edits", []):
        fixes.setdefault(f["path"], set()).update(range(e["line"], e["end_line"] + 1))
path, bad, changed = None, [], 0
for line in open(sys.argv[2]):
    if line.startswith("+++ b/"):
        path = line[6:].strip()
    m = re.match(r"@@ -(\d+)(?:,(\d+))? \+", line)
    if m and path:
        start, n = int(m.group(1)), int(m.group(2) or 1)
        # A pure insertion (n == 0) sits after line `start`.
        lines = range(start, start + n) if n else [start, start + 1]
        changed += len(lines)
        if not any(l in fixes.get(path, ()) for l in lines):
            bad.append(f"{path}:{start}")
print(f"changed hunks checked: {changed} lines; outside any fix: {len(bad)}")
for b in bad[:20]:
    print("  unexpected change at", b)
sys.exit(1 if bad else 0)
PY
second=$(grep -o 'Fixed [0-9]*' fix2.log | grep -o '[0-9]*' || echo "?")
[[ "$second" == "0" ]] || { echo "second --fix run changed $second findings" >&2; exit 1; }
