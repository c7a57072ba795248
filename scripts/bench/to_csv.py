"""Writes a JSON Lines corpus as CSV, for the CSV modes of ``scripts/bench/compare``.

    python to_csv.py SCHEMA.json IN.jsonl OUT.csv

One column per property of the schema, in the schema's order (then any other key met, in
order of appearance); one row per line. A cell: empty for null or absent; a list's items
joined by ``,`` (as a JSON array when an item holds a ``,``), which is how this crate's
``io::Writer`` writes lists; a number as its JSON text; a string as is. Comma-delimited,
quoted where needed (Python's ``csv`` module, ``\\n`` line ends), UTF-8.
"""

from __future__ import annotations

import csv
import json
import sys


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        items = [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]
        if any("," in item for item in items) or not items:
            return json.dumps(value, ensure_ascii=False)
        return ",".join(items)
    return json.dumps(value, ensure_ascii=False)


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, in_path, out_path = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        columns = list(json.load(f)["properties"])
    with open(in_path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    known = set(columns)
    for record in records:
        for key in record:
            if key not in known:
                known.add(key)
                columns.append(key)
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow([cell(record.get(c)) for c in columns])
    print(f"{out_path}: {len(records)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
