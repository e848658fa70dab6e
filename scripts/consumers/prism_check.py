"""Sends every cURL example of some pages to a Prism mock of the spec docspec emitted from
them, and explains each rejection by the findings docspec reports on the example.

    prism_check.py MOCK_URL EXAMPLE_BASE INSPECT_DIR LINT_JSON OPENAPI_FINDINGS REPORT

- MOCK_URL: where Prism listens (`http://127.0.0.1:4010`); Prism serves the spec's paths
  at its root, so EXAMPLE_BASE (`https://gitlab.example.com/api/v4`) is rewritten to it.
- INSPECT_DIR: one `docspec inspect` JSON per page (`<n>.json`, with `"path"`).
- LINT_JSON: `docspec lint --format json` of the same pages; OPENAPI_FINDINGS: the concise
  lines `docspec openapi` printed.

Each command is run by curl itself (no shell): the example is split into words as a POSIX
shell would, cut at pipes and `&&`, and each `curl` in it is one request. A local file the
example reads (`--form "file=@a.zip"`) is replaced by an empty one. A rejection (any status
outside 2xx) is explained when docspec reports a finding on the example's lines, or, when
Prism found no such path or method, on the method's request lines. Exits 1 when a
rejection is unexplained.
"""

import collections
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

CONTROL = {"|", "||", "&&", ";", "&", ">", ">>", "<", "(", ")"}
# Options that write files or whose value is a local file to read.
DROP_WITH_VALUE = {"-o", "--output", "-c", "--cookie-jar", "-D", "--dump-header"}
FILE_VALUE = {"-T", "--upload-file"}
DATA_OPTIONS = {"-d", "--data", "--data-binary", "--data-ascii", "--data-urlencode"}
FORM_OPTIONS = {"-F", "--form"}


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def commands(content):
    """The curl commands of a shell block, each as a word list; `None` if it does not split."""
    joined = content.replace("\\\r\n", " ").replace("\\\n", " ")
    try:
        lexer = shlex.shlex(joined, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError:
        return None
    out, current = [], []
    for word in words + [";"]:
        if word in CONTROL or (word and set(word) <= set("|&;<>()")):
            if current and current[0] == "curl":
                out.append(current)
            current = []
        else:
            current.append(word)
    return out


def prepared(words, example_base, mock, upload):
    """The arguments to send: URLs rewritten, output options dropped, local files replaced."""
    args, skip, pointed = [], False, False
    for i, word in enumerate(words[1:]):
        if skip:
            skip = False
            continue
        if word in DROP_WITH_VALUE:
            skip = True
            continue
        if word in ("-O", "--remote-name", "-f", "--fail", "-s", "--silent", "-v", "--verbose", "-i", "--include"):
            continue
        previous = words[i] if i > 0 else ""
        if previous in FILE_VALUE:
            word = upload
        elif previous in DATA_OPTIONS and word.startswith("@"):
            word = "@" + upload
        elif previous in FORM_OPTIONS and "=@" in word:
            name, rest = word.split("=@", 1)
            suffix = rest[rest.index(";"):] if ";" in rest else ""
            word = f"{name}=@{upload}{suffix}"
        if example_base in word:
            pointed = True
            word = word.replace(example_base, mock)
        args.append(word)
    return args, pointed


def send(args, workdir):
    body = os.path.join(workdir, "body")
    headers = os.path.join(workdir, "headers")
    cmd = ["curl", "-sS", "--max-time", "10", "-o", body, "-D", headers, "-w", "%{http_code}"] + args
    run = subprocess.run(cmd, capture_output=True, text=True)
    status = run.stdout.strip()[-3:]
    text = open(body, errors="replace").read() if os.path.exists(body) else ""
    head = open(headers, errors="replace").read() if os.path.exists(headers) else ""
    return run.returncode, status, text, head, run.stderr.strip()


def why(status, text, head):
    """Prism's reason: its error type and the violations it lists."""
    kind = ""
    try:
        kind = json.loads(text).get("type", "").rsplit("#", 1)[-1]
    except (ValueError, AttributeError):
        pass
    violations = []
    match = re.search(r"^sl-violations:\s*(.*)$", head, re.MULTILINE | re.IGNORECASE)
    if match:
        try:
            violations = [v.get("message", "") for v in json.loads(match.group(1))]
        except ValueError:
            pass
    if not violations:
        try:
            detail = json.loads(text).get("detail")
            if detail:
                violations = [str(detail)[:160]]
        except (ValueError, AttributeError):
            pass
    return kind or f"HTTP {status}", violations


def findings_by_file(lint_json, openapi_lines):
    found = collections.defaultdict(list)
    for f in json.load(open(lint_json)):
        found[f["path"]].append((f["line"], f.get("end_line", f["line"]), f["code"]))
    for line in open(openapi_lines):
        m = re.match(r"^(.+?):(\d+):\d+: \w+\[(\w+)\]", line)
        if m:
            found[m.group(1)].append((int(m.group(2)), int(m.group(2)), m.group(3)))
    return found


def codes_within(findings, first, last):
    return sorted({code for (start, end, code) in findings if start <= last and end >= first})


def main():
    mock, example_base, inspect_dir, lint_json, openapi_lines, report_path = sys.argv[1:7]
    findings = findings_by_file(lint_json, openapi_lines)
    workdir = tempfile.mkdtemp(prefix="prism-check-")
    upload = os.path.join(workdir, "upload.bin")
    open(upload, "w").close()
    counts = collections.Counter()
    by_rule = collections.Counter()
    unexplained, lines = [], []
    for name in sorted(os.listdir(inspect_dir)):
        data = json.load(open(os.path.join(inspect_dir, name)))
        path, page = data["path"], data["page"]
        text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        page_findings = findings.get(path, [])
        request_lines = {}
        for resource in page["resources"]:
            for method in resource["methods"]:
                spans = [(line_of(text, b["range"][0]), line_of(text, b["range"][1])) for b in method["request_blocks"]]
                for example in method["examples"]:
                    request_lines[example["code_block"]] = spans
        for index, block in enumerate(page["code_blocks"]):
            content = block["content"]
            if not re.search(r"(^|[\s;|&(])curl\s", content):
                continue
            first, last = line_of(text, block["range"][0]), line_of(text, block["range"][1])
            where = f"{path}:{first}"
            block_codes = codes_within(page_findings, first, last)
            parsed = commands(content)
            if parsed is None:
                counts["not sent: the shell words do not split"] += 1
                lines.append(f"not sent      {where}: unbalanced quotes ({', '.join(block_codes) or 'no finding'})")
                continue
            for words in parsed:
                args, pointed = prepared(words, example_base, mock, upload)
                if not pointed:
                    counts["not sent: no URL on the example host"] += 1
                    lines.append(f"not sent      {where}: no URL under {example_base}")
                    continue
                code, status, body, head, err = send(args, workdir)
                if code != 0 or not status.isdigit() or status == "000":
                    counts["not sent: curl failed"] += 1
                    lines.append(f"not sent      {where}: curl exit {code}: {err[:120]}")
                    continue
                if status.startswith("2"):
                    counts["accepted"] += 1
                    continue
                kind, violations = why(status, body, head)
                codes = list(block_codes)
                if kind in ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR"):
                    for start, end in request_lines.get(index, []):
                        codes += codes_within(page_findings, start, end)
                codes = sorted(set(codes))
                detail = "; ".join(violations)[:300]
                if codes:
                    counts["rejected, explained by a finding"] += 1
                    for c in codes:
                        by_rule[c] += 1
                    lines.append(f"rejected      {where}: {status} {kind}: {detail} -- docspec: {', '.join(codes)}")
                else:
                    counts["rejected, unexplained"] += 1
                    unexplained.append(f"{where}: {status} {kind}: {detail}")
                    lines.append(f"UNEXPLAINED   {where}: {status} {kind}: {detail}")
    total = sum(counts.values())
    with open(report_path, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"  curl examples:          {total}")
    for label, n in sorted(counts.items()):
        print(f"    {label:<36} {n}")
    if by_rule:
        print("    rules that explain rejections: " + ", ".join(f"{c} ({n})" for c, n in by_rule.most_common()))
    for u in unexplained:
        print(f"    UNEXPLAINED {u}")
    print(f"  (every example: {report_path})")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
