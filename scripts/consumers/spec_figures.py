"""Figures of an emitted spec (JSON): what SDK generators and portals get from it.

    spec_figures.py SPEC.json
"""

import json
import re
import sys


def walk(node, visit, key=None):
    visit(node, key)
    if isinstance(node, dict):
        for k, v in node.items():
            walk(v, visit, k)
    elif isinstance(node, list):
        for v in node:
            walk(v, visit, key)


def main():
    spec = json.load(open(sys.argv[1]))
    operations = [
        op for item in spec.get("paths", {}).values() for op in item.values() if isinstance(op, dict) and "responses" in op
    ]
    success_json = referenced = with_errors = 0
    for op in operations:
        codes = list(op["responses"])
        if any(c.startswith(("4", "5")) for c in codes):
            with_errors += 1
        for code, response in op["responses"].items():
            media = response.get("content", {}).get("application/json") if code.startswith("2") else None
            if not media:
                continue
            success_json += 1
            schema = media.get("schema", {})
            if "$ref" in schema or "$ref" in schema.get("items", {}):
                referenced += 1
    deprecated = {"operations": 0, "parameters": 0, "properties": 0}

    def count(node, key):
        if isinstance(node, dict) and node.get("deprecated") is True:
            if "responses" in node:
                deprecated["operations"] += 1
            elif "in" in node:
                deprecated["parameters"] += 1
            else:
                deprecated["properties"] += 1

    walk(spec, count)
    relative = 0

    def links(node, key):
        nonlocal relative
        if key == "description" and isinstance(node, str):
            relative += len(re.findall(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)[^)]*\.md\b", node))

    walk(spec, links)
    components = spec.get("components", {})
    share = 100.0 * referenced / success_json if success_json else 0.0
    print(f"  operations:             {len(operations)}")
    print(f"  2xx JSON responses:     {success_json}, {referenced} of them $refs to named schemas ({share:.1f} %)")
    print(
        "  components:             "
        + ", ".join(f"{len(components.get(k, {}))} {k}" for k in ("schemas", "responses", "parameters", "headers"))
    )
    print(f"  with error responses:   {with_errors} operations")
    print(
        f"  deprecated:             {deprecated['operations']} operations, {deprecated['parameters']} parameters, "
        f"{deprecated['properties']} schema properties"
    )
    print(f"  relative .md links:     {relative}")


if __name__ == "__main__":
    main()
