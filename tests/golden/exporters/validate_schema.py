#!/usr/bin/env python3
"""Validates native dateline JSON against docs/event.schema.json.

usage: validate_schema.py SCHEMA FILE...   (a FILE ending in .jsonl is one event record per line)
Exits 0 when every document is valid, 1 with the errors otherwise.
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    whole = jsonschema.Draft202012Validator(schema)
    event = jsonschema.Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/event"})
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            docs = [json.loads(l) for l in f if l.strip()] if path.endswith(".jsonl") else [json.load(f)]
        validator = event if path.endswith(".jsonl") else whole
        for n, doc in enumerate(docs, 1):
            for err in validator.iter_errors(doc):
                bad += 1
                print(f"{path}:{n}: {'/'.join(map(str, err.absolute_path))}: {err.message}")
        print(f"{path}: {len(docs)} document(s) checked")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
