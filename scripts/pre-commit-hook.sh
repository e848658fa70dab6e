#!/usr/bin/env bash
# pre-commit entry point: builds the docspec CLI once inside pre-commit's clone of this
# repository (the workspace root is a virtual manifest, which `cargo install --path .`
# cannot install), then runs it on the staged Markdown files.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/target/release/docspec"
if [[ ! -x "$bin" ]]; then
  cargo build --quiet --release --locked --manifest-path "$repo/Cargo.toml" -p docspec-cli >&2
fi
exec "$bin" lint "$@"
