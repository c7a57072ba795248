"""Writes a workbook laid out as the official template (sheets Structures and Services,
the `__ignore__` column, a description row), for scripts/bench/xlsx.

    python xlsx_workbook.py OUT.xlsx SERVICES STRUCTURES INVALID_SHARE

The records are the five of each kind of tests/fixtures/datagouv/, repeated with fresh
identifiers; a share of them (seeded, 42) is made invalid as producers' records are (an
unknown thématique, a code postal of four digits, a name ending with a period, a commune
that does not exist). Lists are typed `a, b`, dates as dates, numbers as numbers, as a
spreadsheet program saves them (openpyxl, write-only).
"""

import datetime as dt
import json
import os
import random
import sys

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))


def load(name):
    path = os.path.join(root, "tests", "fixtures", "datagouv", name)
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def cell(name, value):
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(value)
    if name == "date_maj":
        return dt.datetime.strptime(value, "%Y-%m-%d")
    return value


def sheet(book, title, records, count, invalid, rng, breakers):
    ws = book.create_sheet(title)
    fields = sorted({k for r in records for k in r if k not in ("score_qualite", "source")})
    ws.append(["__ignore__"] + fields)
    ws.append([True] + [f"description de {f}" for f in fields])
    for i in range(count):
        r = dict(records[i % len(records)])
        r["id"] = f"{r['id']}-{i}"
        if rng.random() < invalid:
            rng.choice(breakers)(r)
        ws.append([None] + [cell(f, r.get(f)) for f in fields])


def main():
    out, services, structures, invalid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    rng = random.Random(42)
    book = openpyxl.Workbook(write_only=True)
    breakers = [
        lambda r: r.__setitem__("code_postal", "5900"),
        lambda r: r.__setitem__("nom", r["nom"] + "."),
        lambda r: r.__setitem__("code_insee", "59999"),
    ]
    sheet(book, "Structures", load("structures-sample.jsonl"), structures, invalid, rng, breakers)
    sheet(book, "Services", load("services-sample.jsonl"), services, invalid, rng,
          breakers + [lambda r: r.__setitem__("thematiques", ["famille--garde-denfant"])])
    book.save(out)


if __name__ == "__main__":
    main()
