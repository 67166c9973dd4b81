#!/usr/bin/env python3
"""Validates schedule JSON files against the c3voc schedule JSON schema.

Usage: check-schedule-json.py SCHEMA FILE...
Exit status 0 when every file is valid, 1 when one is not (the reason on
stderr), 77 when the jsonschema module (python3-jsonschema) is missing.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("the jsonschema module (python3-jsonschema) is not installed", file=sys.stderr)
    sys.exit(77)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for error in errors[:10]:
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
