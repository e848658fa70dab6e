#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of the targets in fuzz/: `pipeline`
# (one page through parse, lint, the fix loop, OpenAPI and HTML), `report` (the human
# report's findings, drawn directly, against miette's drawing), `curl` (the cURL reader)
# and `json` (the JSON example reader). One target at a time, on one core.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#   scripts/fuzz.sh merge [TARGET...]                     (shrink the kept corpus)
#
# Seeds are built at run time into fuzz/seeds/ (ignored; never committed): the pages of
# ../shared/corpus/gitlab/doc/api (when present) and doc-fixtures/ (also with CRLF line
# endings) for `pipeline` and `report`, their
# ```shell blocks for `curl`, their ```json blocks for `json`. The corpus libFuzzer grows
# stays in fuzz/corpus/<target>/ between runs; crashes go to fuzz/artifacts/<target>/.
# Prints per target: executions, libFuzzer's `cov:` and `ft:` from its final stats line, the
# corpus size and the crashes (each crash, timeout or leak restarts libFuzzer on the grown
# corpus until the target's time is spent). Exits 1 if a target found any; logs are in fuzz/logs/.
# `merge` keeps only the inputs that reach new coverage (libFuzzer's -merge=1): every
# restart after a finding replays the whole kept corpus, which grows by thousands of inputs
# an hour. The smaller corpus replaces the old one only once it is complete.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=run
if [[ "${1:-}" == merge ]]; then
    mode=merge
    seconds=0
else
    seconds="${1:-60}"
fi
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(pipeline report curl json)
fuzz="$root/fuzz"
corpus_pages="$root/../shared/corpus/gitlab/doc/api"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install --locked cargo-fuzz
fi

# Seeds: whole pages, and the blocks of each language, one file per distinct content.
rm -rf "$fuzz/seeds"
mkdir -p "$fuzz/seeds"/{pipeline,report,curl,json}
pages=()
[[ -d "$corpus_pages" ]] && pages+=("$corpus_pages")
pages+=("$root/doc-fixtures")
python3 - "$fuzz/seeds" "${pages[@]}" <<'EOF'
import hashlib, pathlib, re, sys

out = pathlib.Path(sys.argv[1])
fence = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)")

def put(kind, text):
    data = text.encode("utf-8")
    (out / kind / hashlib.sha1(data).hexdigest()).write_bytes(data)

for folder in sys.argv[2:]:
    for page in sorted(pathlib.Path(folder).rglob("*.md")):
        text = page.read_text(encoding="utf-8", errors="replace")
        # The fixtures again as saved on Windows: CRLF pages take other paths.
        crlf = folder.endswith("doc-fixtures") and "\r" not in text
        for kind in ("pipeline", "report"):
            put(kind, text)
            if crlf:
                put(kind, text.replace("\n", "\r\n"))
        lines = text.splitlines(keepends=True)
        i = 0
        while i < len(lines):
            m = fence.match(lines[i])
            if not m:
                i += 1
                continue
            indent, marker, lang = len(m.group(1)), m.group(2), m.group(3).lower()
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                line = lines[i]
                body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
                i += 1
            i += 1
            kind = {"shell": "curl", "sh": "curl", "bash": "curl", "json": "json"}.get(lang)
            if kind and body:
                put(kind, "".join(body))
EOF

cd "$fuzz"
echo "fuzz: building the targets (nightly, release, debug assertions, ASan)" >&2
nice -n 10 cargo +nightly fuzz build
bin="$fuzz/target/x86_64-unknown-linux-gnu/release"
logs="$fuzz/logs"
mkdir -p "$logs"

if [[ $mode == merge ]]; then
    printf '%-9s %8s %8s\n' target before after
    for target in "${targets[@]}"; do
        kept="corpus/$target"
        [[ -d "$kept" ]] || continue
        before=$(find "$kept" -type f | wc -l)
        rm -rf "$kept.merged" "$kept.old"
        mkdir -p "$kept.merged"
        # The seeds stay out: they are rebuilt and read by every run anyway.
        "$bin/$target" -merge=1 -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
            "$kept.merged" "$kept" >"$logs/$target.merge.log" 2>&1 || {
            echo "fuzz: merging $target failed; the corpus is unchanged (see $logs/$target.merge.log)" >&2
            rm -rf "$kept.merged"
            exit 1
        }
        mv "$kept" "$kept.old"
        mv "$kept.merged" "$kept"
        rm -rf "$kept.old"
        printf '%-9s %8s %8s\n' "$target" "$before" "$(find "$kept" -type f | wc -l)"
    done
    exit 0
fi

status=0
summary=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    seeds=$(find "seeds/$target" -type f | wc -l)
    echo "fuzz: $target for ${seconds}s ($seeds seeds)" >&2
    log="$logs/$target.log"
    : >"$log"
    execs=0 crashes=0 stats=""
    deadline=$((SECONDS + seconds))
    # libFuzzer stops at the first crash: run again on the grown corpus until the time is
    # spent, so one finding does not end the target's run.
    while ((SECONDS < deadline - 5)); do
        rm -f "$logs"/fuzz-*.log
        # -jobs=1 -workers=1: one process on one core; libFuzzer writes to fuzz-0.log.
        (
            cd "$logs"
            "$bin/$target" "$fuzz/corpus/$target" "$fuzz/seeds/$target" \
                -jobs=1 -workers=1 -max_total_time=$((deadline - SECONDS)) -timeout=10 -rss_limit_mb=4096 \
                -max_len=16384 -artifact_prefix="$fuzz/artifacts/$target/" -print_final_stats=1 \
                >/dev/null 2>&1
        ) || true
        cat "$logs/fuzz-0.log" >>"$log"
        run=$(grep -aE '^stat::number_of_executed_units:' "$logs/fuzz-0.log" | tail -n 1 | awk '{print $2}')
        last=$(grep -aE '^#[0-9]+' "$logs/fuzz-0.log" | tail -n 1)
        [[ -n "$run" ]] || run=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
        execs=$((execs + ${run:-0}))
        [[ -n "$last" ]] && stats="$last"
        if grep -aqE '^SUMMARY: |^==[0-9]+== ERROR|Test unit written to' "$logs/fuzz-0.log"; then
            crashes=$((crashes + 1))
            status=1
            echo "fuzz: $target FOUND A PROBLEM:" >&2
            grep -aE 'panicked at|^SUMMARY|Test unit written to' "$logs/fuzz-0.log" | head -n 5 >&2
            grep -a -A2 'panicked at' "$logs/fuzz-0.log" | head -n 3 >&2 || true
        fi
    done
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$stats")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$stats")
    size=$(find "corpus/$target" -type f | wc -l)
    summary+=("$(printf '%-9s %8s %12s %7s %8s %8s %s' "$target" "$seconds" "$execs" "${cov:-?}" "${ft:-?}" "$size" "$crashes")")
done


printf '%-9s %8s %12s %7s %8s %8s %s\n' target seconds execs cov ft corpus crashes
printf '%s\n' "${summary[@]}"
exit "$status"
