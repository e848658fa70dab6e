#!/usr/bin/env bash
# Real consumers of the OpenAPI documents docspec emits, from doc-fixtures/openapi and, when
# it exists, ../shared/corpus/gitlab/doc/api (pinned in scripts/consumers/, installed once
# into the ignored .tools/ folder):
#
# - the spec's figures: share of success responses that are named schemas, components,
#   error responses, deprecations, relative links left (scripts/consumers/spec_figures.py);
# - openapi-python-client generates a Python client; every module of it must import, and
#   the number of model classes and the most used schemas are printed;
# - Prism serves a mock of the spec on 127.0.0.1; every cURL example of the pages is sent
#   to it (scripts/consumers/prism_check.py), and each rejection must be explained by a
#   finding docspec reports on that example.
#
# (Redocly's build-docs renders the specs in scripts/validate-openapi.sh.)
#
#   scripts/openapi-consumers.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
consumers="$root/scripts/consumers"
tools="$root/.tools"
out="$tools/out/consumers"
mkdir -p "$out"
export NO_UPDATE_NOTIFIER=1 SCARF_ANALYTICS=false

install_node_tools() {
  local version have
  version="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["dependencies"]["@stoplight/prism-cli"])' "$consumers/package.json")"
  have="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
    "$tools/consumers-node/node_modules/@stoplight/prism-cli/package.json" 2>/dev/null || true)"
  if [[ "$have" != "$version" ]]; then
    echo "installing @stoplight/prism-cli@$version into .tools/consumers-node" >&2
    npm install --prefix "$tools/consumers-node" --no-audit --no-fund --save-exact "@stoplight/prism-cli@$version" >&2
  fi
}

install_python_tools() {
  if [[ ! -x "$tools/consumers-venv/bin/python" ]]; then
    python3 -m venv "$tools/consumers-venv"
  fi
  if ! "$tools/consumers-venv/bin/python" -m pip freeze 2>/dev/null | grep -qxF -f "$consumers/requirements.txt" ||
    [[ "$("$tools/consumers-venv/bin/python" -m pip freeze 2>/dev/null | grep -cxF -f "$consumers/requirements.txt")" != "$(grep -c . "$consumers/requirements.txt")" ]]; then
    echo "installing $(tr '\n' ' ' <"$consumers/requirements.txt")into .tools/consumers-venv" >&2
    "$tools/consumers-venv/bin/python" -m pip install -q -r "$consumers/requirements.txt" >&2
  fi
}

install_node_tools
install_python_tools
prism="$tools/consumers-node/node_modules/.bin/prism"
python="$tools/consumers-venv/bin/python"
# The generator formats its output with ruff from the same environment.
export PATH="$tools/consumers-venv/bin:$PATH"

cargo build -q --manifest-path "$root/Cargo.toml" -p docspec-cli
docspec="$root/target/debug/docspec"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

prism_pid=""
stop_prism() {
  if [[ -n "$prism_pid" ]]; then
    kill "$prism_pid" 2>/dev/null || true
    wait "$prism_pid" 2>/dev/null || true
    prism_pid=""
  fi
}
trap stop_prism EXIT

status=0
check() { # check NAME ROOT DIR (DIR relative to ROOT, so findings print doc/api/x.md)
  local name="$1" set_root="$2" dir="$3" spec="$out/$1.json"
  echo "== $name ($set_root/$dir)"
  (cd "$set_root" && "$docspec" openapi --no-config "$dir" -o "$spec") 2>"$out/$name.openapi-findings" || true
  (cd "$set_root" && "$docspec" lint --no-config --no-cache --format json "$dir") >"$out/$name.lint.json" || true
  rm -rf "$out/$name.inspect" && mkdir -p "$out/$name.inspect"
  local n=0 page
  while IFS= read -r page; do
    n=$((n + 1))
    (cd "$set_root" && "$docspec" inspect "$page") >"$out/$name.inspect/$n.json"
  done < <(cd "$set_root" && find "$dir" -name '*.md' -not -path '*/node_modules/*' | sort)

  echo "spec:"
  "$python" "$consumers/spec_figures.py" "$spec"
  echo "openapi-python-client:"
  rm -rf "$out/$name.client" && mkdir -p "$out/$name.client"
  if "$tools/consumers-venv/bin/openapi-python-client" generate --path "$spec" \
    --output-path "$out/$name.client/docspec_client" --meta none >"$out/$name.client.log" 2>&1; then
    "$python" "$consumers/client_check.py" "$spec" "$out/$name.client" docspec_client || status=1
  else
    echo "  generation failed (see $out/$name.client.log)"
    status=1
  fi
  grep -i "warning" "$out/$name.client.log" | sort | uniq -c | sed 's/^/  generator: /' || true

  echo "prism (mock on 127.0.0.1):"
  local port
  port="$(free_port)"
  (cd "$set_root" && "$prism" mock -h 127.0.0.1 -p "$port" "$spec") >"$out/$name.prism.log" 2>&1 &
  prism_pid=$!
  for _ in $(seq 1 120); do
    grep -q "Prism is listening" "$out/$name.prism.log" && break
    kill -0 "$prism_pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! grep -q "Prism is listening" "$out/$name.prism.log"; then
    echo "  Prism did not start (see $out/$name.prism.log)"
    status=1
  else
    (cd "$set_root" && "$python" "$consumers/prism_check.py" "http://127.0.0.1:$port" \
      "https://gitlab.example.com/api/v4" "$out/$name.inspect" "$out/$name.lint.json" \
      "$out/$name.openapi-findings" "$out/$name.prism-report.txt") || status=1
  fi
  stop_prism
}

check fixtures "$root" doc-fixtures/openapi
corpus="$root/../shared/corpus/gitlab"
if [[ -d "$corpus/doc/api" ]]; then
  check corpus "$corpus" doc/api
else
  echo "no corpus at $corpus; checked the fixtures only" >&2
fi
exit "$status"
