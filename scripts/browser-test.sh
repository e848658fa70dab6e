#!/usr/bin/env bash
# End-to-end test of the rendered site in headless Chromium: search, theme toggle,
# hostile content, and no network access beyond the local server (doc-fixtures/html);
# then, on the GitLab corpus when ../shared/corpus is there, layout at five widths,
# axe-core accessibility checks, keyboard navigation and screenshots (target/browser/).
# Installs Debian's chromium and pinned playwright-core and axe-core from npm (never
# Playwright's own browsers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PLAYWRIGHT_VERSION="1.65.1"
AXE_VERSION="4.14.1"
TOOLS="$ROOT/.tools/browser"
SITE="$ROOT/target/browser-site"
SHOTS="$ROOT/target/browser"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x "$CHROMIUM" ]; then
  echo "browser-test: installing chromium from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "browser-test: $tool is required" >&2; exit 1; }
done

installed() {
  [ -f "$TOOLS/node_modules/$1/package.json" ] &&
    grep -q "\"version\": \"$2\"" "$TOOLS/node_modules/$1/package.json"
}
if ! installed playwright-core "$PLAYWRIGHT_VERSION" || ! installed axe-core "$AXE_VERSION"; then
  echo "browser-test: installing playwright-core@$PLAYWRIGHT_VERSION and axe-core@$AXE_VERSION into .tools/browser"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"private": true}' >"$TOOLS/package.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$TOOLS" --no-audit --no-fund --silent \
    "playwright-core@$PLAYWRIGHT_VERSION" "axe-core@$AXE_VERSION"
fi

echo "browser-test: docspec build doc-fixtures/html"
rm -rf "$SITE"
mkdir -p "$SHOTS"
cargo build -q -p docspec-cli
DOCSPEC="$ROOT/target/debug/docspec"
"$DOCSPEC" build doc-fixtures/html -o "$SITE" 2>"$SHOTS/build.log" || { cat "$SHOTS/build.log"; exit 1; }
test -f "$SITE/openapi.yaml" || { echo "browser-test: build wrote no openapi.yaml"; exit 1; }

CORPUS="$ROOT/../shared/corpus/gitlab/doc"
CORPUS_SITE="$SITE/corpus"
if [ -d "$CORPUS" ]; then
  echo "browser-test: docspec render (the GitLab corpus)"
  "$DOCSPEC" render "$CORPUS" -o "$CORPUS_SITE" --no-config 2>"$SHOTS/corpus.log" ||
    { cat "$SHOTS/corpus.log"; exit 1; }
else
  echo "browser-test: $CORPUS not found; skipping the corpus checks"
  CORPUS_SITE=""
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >"$SHOTS/server.log" 2>&1 &
SERVER_PID=$!
PROFILE="$(mktemp -d)"
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$PROFILE"
}
trap cleanup EXIT

for _ in $(seq 1 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/index.html', timeout=1)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

NODE_PATH="$TOOLS/node_modules" \
  BASE_URL="http://127.0.0.1:$PORT/" \
  CHROMIUM="$CHROMIUM" \
  PROFILE_DIR="$PROFILE" \
  SHOTS="$SHOTS" \
  SITE_DIR="$SITE" \
  node "$ROOT/scripts/browser/e2e.mjs"

if [ -n "$CORPUS_SITE" ]; then
  NODE_PATH="$TOOLS/node_modules" \
    BASE_URL="http://127.0.0.1:$PORT/corpus/" \
    CHROMIUM="$CHROMIUM" \
    PROFILE_DIR="$PROFILE" \
    SHOTS="$SHOTS" \
    node "$ROOT/scripts/browser/corpus.mjs"
fi
