#!/usr/bin/env python3
"""Stratified audit sample: up to N findings per rule, chosen at random with a fixed seed.

Usage: docspec lint --format json DIR > findings.json
       python3 scripts/audit-sample.py findings.json [N] [SEED] > sample.md
Each finding is printed with the lines around it, to be judged by reading the page
against the style guide (true / false / debatable).
"""
import collections
import json
import random
import sys

findings = json.load(open(sys.argv[1]))
per_rule = int(sys.argv[2]) if len(sys.argv) > 2 else 4
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 10

by_rule = collections.defaultdict(list)
for f in findings:
    by_rule[f["code"]].append(f)

rng = random.Random(seed)
print(f"# Audit sample: {per_rule} per rule, seed {seed}, {len(findings)} findings\n")
n = 0
for code in sorted(by_rule):
    group = sorted(by_rule[code], key=lambda f: (f["path"], f["line"], f["column"]))
    picked = rng.sample(group, min(per_rule, len(group)))
    picked.sort(key=lambda f: (f["path"], f["line"], f["column"]))
    print(f"## {code} {group[0]['name']} ({group[0]['severity']}, {len(group)} on the corpus)\n")
    for f in picked:
        n += 1
        lines = open(f["path"], encoding="utf-8").read().split("\n")
        lo, hi = max(1, f["line"] - 3), min(len(lines), f["line"] + 3)
        print(f"### {n}. {f['path']}:{f['line']}:{f['column']} {f['code']}")
        print(f"- message: {f['message']}")
        print(f"- help: {f['help']}")
        print("- verdict: ")
        print("\n```text")
        for i in range(lo, hi + 1):
            mark = ">" if i == f["line"] else " "
            print(f"{mark}{i:5} | {lines[i - 1]}")
        print("```\n")
