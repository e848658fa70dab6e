#!/usr/bin/env bash
# Neovim (Debian's package, installed when missing) with its built-in LSP client against
# `docspec server`: a fixture page always, and the corpus page issues.md when
# ../shared/corpus is present. Reads the diagnostics, applies a code action, checks the
# finding is gone. Writes target/lsp/nvim-transcript.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v nvim >/dev/null; then
  echo "nvim-lsp-test: installing neovim from Debian's packages" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi

if [[ -z "${DOCSPEC:-}" ]]; then
  cargo build -q -p docspec-cli
  DOCSPEC="$root/target/debug/docspec"
fi
export DOCSPEC

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp doc-fixtures/report/widgets.md "$work/widgets.md"
pages="$work/widgets.md|$work"
corpus="$root/../shared/corpus/gitlab/doc/api"
if [[ -d "$corpus" ]]; then
  corpus="$(cd "$corpus" && pwd)"
  pages="$pages;$corpus/issues.md|$corpus"
else
  echo "nvim-lsp-test: ../shared/corpus is absent; the corpus page is skipped" >&2
fi
export PAGES="$pages"
mkdir -p target/lsp
export TRANSCRIPT="$root/target/lsp/nvim-transcript.txt"

# A private, empty configuration: nothing of the user's setup takes part.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
status=0
timeout 300 nvim --headless --clean -n -u NONE -i NONE -c "luafile tests/nvim/lsp_test.lua" </dev/null >/dev/null 2>&1 || status=$?
cat "$TRANSCRIPT" 2>/dev/null || echo "nvim-lsp-test: no transcript was written"
if ((status != 0)); then
  echo "nvim-lsp-test: failed (exit $status)" >&2
  exit 1
fi
echo "nvim-lsp-test: 1 passed, 0 failed"
