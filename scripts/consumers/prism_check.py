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
outside 2xx) is a docs defect docspec reports when a finding of a rule that bears on it
(route rules for an unknown path or method, token rules for a missing token, cURL,
attribute and request rules for invalid input) lies in the example's method. Three
rejections are not docs defects: invalid input where the URL holds placeholders (`:id`,
`<token_id>`: the guide allows them, and only real values validate), an overview page's
illustration of an endpoint the pages do not document, and a DELETE with a body (OpenAPI 3.0
has none). Exits 1 when a
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


PLACEHOLDER = re.compile(r"^(:[A-Za-z_]\w*|<[^<>]+>|\{[^{}]+\}|\$\{?\w+\}?)$")


def placeholders(args, mock):
    """The placeholder path segments and query values of the URLs sent to the mock."""
    found = []
    for arg in args:
        if not arg.startswith(mock):
            continue
        path, _, query = arg[len(mock):].partition("?")
        parts = path.split("/") + [v.split("=", 1)[-1] for v in query.split("&") if v]
        found += [p for p in parts if PLACEHOLDER.match(p)]
    return found


def credentials(words):
    """Whether the command sends a token (header or query parameter)."""
    text = " ".join(words).lower()
    return any(
        t in text
        for t in ("private-token", "authorization:", "job-token", "private_token=", "access_token=", "job_token=", "--user")
    )


def words_method(words):
    """The method a curl command sends."""
    for i, w in enumerate(words):
        if w in ("-X", "--request") and i + 1 < len(words):
            return words[i + 1].upper()
        if w.startswith("--request="):
            return w.split("=", 1)[1].upper()
    if any(w in ("-I", "--head") for w in words):
        return "HEAD"
    if any(w in DATA_OPTIONS | FORM_OPTIONS for w in words):
        return "POST"
    return "GET"


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
            violations = [v.get("message", "") for v in json.loads(text).get("validation", [])]
        except (ValueError, AttributeError):
            pass
    if not violations:
        try:
            detail = json.loads(text).get("detail")
            if detail:
                violations = [str(detail)[:160]]
        except (ValueError, AttributeError):
            pass
    return kind or f"HTTP {status}", violations


# The rules whose findings can explain each kind of rejection.
ROUTE_RULES = {
    "CU004", "CU009", "CU010", "CU015", "RQ001", "RQ002", "ST001",
    "OA001", "OA002", "OA003", "OA004", "OA007", "OA009",
}
AUTH_RULES = {"CU005", "CU007"}
# What the example sends against what the table documents.
INPUT_RULES = {
    "CU010", "CU011", "CU012", "CU015", "AT006", "AT007", "AT008", "RQ001",
    "OA004", "OA007", "OA009", "OA010",
}


def cause(status, kind, violations):
    """`route`, `auth` or `input`: what Prism found wrong."""
    if kind in ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR") or status in ("404", "405"):
        return "route"
    if status == "401":
        return "auth"
    return "input"


def relevant(kind_of_cause, code):
    if kind_of_cause == "route":
        return code in ROUTE_RULES
    if kind_of_cause == "auth":
        return code in AUTH_RULES
    return code in INPUT_RULES


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
    gaps = collections.Counter()
    for name in sorted(os.listdir(inspect_dir)):
        data = json.load(open(os.path.join(inspect_dir, name)))
        path, page = data["path"], data["page"]
        text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        page_findings = findings.get(path, [])
        # For each example of a method: the lines of the whole method.
        method_of, wildcard = {}, set()
        for resource in page["resources"]:
            for method in resource["methods"]:
                span = (line_of(text, method["range"][0]), line_of(text, method["range"][1]))
                paths = [l["path"]["value"] for b in method["request_blocks"] for l in b["lines"]]
                for example in method["examples"]:
                    method_of[example["code_block"]] = span
                    # GitLab's `*_path` parameters take slashes (`:file_path`, `:direct_asset_path`).
                    if any(re.search(r":\w+_path\b", p) for p in paths):
                        wildcard.add(example["code_block"])
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
                # `--data "$PAYLOAD"`: the block builds the body in the shell first; the
                # command alone would send an empty one.
                if any(
                    w in ("-d", "--data", "--data-raw", "--data-binary") and re.fullmatch(r"\$\{?\w+\}?", v)
                    for w, v in zip(words, words[1:])
                ):
                    counts["not sent: the body is built by the shell first"] += 1
                    lines.append(f"not sent      {where}: the body is a shell variable set earlier in the block")
                    continue
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
                detail = "; ".join(violations)[:300]
                what = cause(status, kind, violations)
                span = method_of.get(index, (first, last))
                codes = sorted(
                    {c for c in codes_within(page_findings, *span) if relevant(what, c)}
                    | {c for c in block_codes if relevant(what, c)}
                )
                limitation, defect = None, None
                query = " ".join(a.partition("?")[2] for a in args if a.startswith(mock))
                required = re.findall(r"must have required property '([^']+)'", detail)
                if what == "input" and placeholders(args, mock):
                    limitation = "the URL holds placeholders (" + ", ".join(placeholders(args, mock)) + ") where values go, as the guide allows"
                elif what == "route" and index not in method_of:
                    limitation = "an overview's illustration of an endpoint these pages do not document"
                elif "non-empty body" in detail and words_method(words) == "DELETE":
                    limitation = "a DELETE with a body: OpenAPI 3.0 gives DELETE no body, so the spec lists the attributes as query parameters"
                elif what == "auth" and re.search(r"(^|[?&])token=", query):
                    limitation = "it authenticates with a trigger token attribute, which is no security scheme"
                elif required and all(re.search(rf"(^|[?&]){re.escape(r)}(\[\])?=", query) for r in required):
                    limitation = "required attributes sent in the query string beside a body: the API reads both, OpenAPI cannot say either"
                elif what == "route" and words_method(words) == "HEAD":
                    defect = "a HEAD example for a method whose request lines do not list HEAD (no rule)"
                elif what == "route" and index in wildcard:
                    limitation = "a `*_path` parameter holding slashes, which an OpenAPI path parameter cannot"
                elif what == "route" and any(a.startswith(mock) and re.search(r"/@[^/?]+/[^/?]", a) for a in args):
                    limitation = "a scoped package name (`@scope/name`) in one parameter, which an OpenAPI path parameter cannot hold with its slash"
                elif what == "route" and any(a.startswith(mock) and a.partition("?")[0].endswith("/") for a in args):
                    defect = "a trailing slash after the path (no rule: CU010 compares paths without it)"
                elif what == "auth" and not credentials(words):
                    defect = "the example sends no token, and its page does not say the method needs none (no rule)"
                elif re.search(r"must be (boolean|integer|number)", detail):
                    defect = "a value of another type than the table gives (no rule yet: proposal M16, CU018 curl-value-type-mismatch)"
                elif required:
                    defect = "the example leaves out a required attribute (no rule)"
                if codes:
                    counts["rejected: a docs defect docspec reports"] += 1
                    for c in codes:
                        by_rule[c] += 1
                    lines.append(f"rejected      {where}: {status} {kind}: {detail} -- docspec: {', '.join(codes)}")
                elif limitation:
                    counts["rejected: not a docs defect"] += 1
                    lines.append(f"rejected      {where}: {status} {kind}: {detail} -- {limitation}")
                elif defect:
                    counts["rejected: a docs defect no rule reports"] += 1
                    gaps[defect] += 1
                    lines.append(f"rejected      {where}: {status} {kind}: {detail} -- docs defect: {defect}")
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
    for gap, n in gaps.most_common():
        print(f"    docs defect without a rule ({n}): {gap}")
    for u in unexplained:
        print(f"    UNEXPLAINED {u}")
    print(f"  (every example: {report_path})")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
