#!/usr/bin/env bash
# `docspec server` driven by pytest-lsp (tests/lsp): diagnostics, code actions, hover, the
# outline, and the lint latency per change on the corpus page issues.md (skipped when
# ../shared/corpus is absent). Installs the pinned tools of tests/lsp/requirements.txt into
# .tools/lsp-venv. Writes target/lsp/pytest-transcript.md.
#
#   scripts/lsp-test.sh            # the debug build
#   DOCSPEC=target/release/docspec scripts/lsp-test.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="$root/.tools/lsp-venv"
requirements="$root/tests/lsp/requirements.txt"

if [[ ! -x "$venv/bin/pytest" ]] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
  echo "lsp-test: installing pytest-lsp into .tools/lsp-venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi

if [[ -z "${DOCSPEC:-}" ]]; then
  cargo build -q -p docspec-cli
  export DOCSPEC="$root/target/debug/docspec"
fi
export DOCSPEC="$(cd "$(dirname "$DOCSPEC")" && pwd)/$(basename "$DOCSPEC")"
"$venv/bin/pytest" -q -c tests/lsp/pytest.ini --rootdir tests/lsp -p no:cacheprovider tests/lsp "$@"
