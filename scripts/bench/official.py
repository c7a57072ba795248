"""One timed pass of the official Python package over a whole file, the Python side of
``scripts/bench/compare`` (see BENCHMARKS.md); the same protocol as
``examples/throughput.rs``.

    python official.py MODE KIND FILE

KIND: ``services`` or ``structures`` (``Service`` or ``Structure`` of
``data_inclusion.schema.v1``, data-inclusion-schema 1.0.10). Prints one JSON line:
``{"mode": ..., "kind": ..., "records": N, "valid": V, "seconds": S}``.

MODE:

``python``
    FILE is JSON Lines. Untimed: the file is read into a list of its non-empty lines.
    Timed: one pass of ``Model.model_validate_json(line)`` per line, ``ValidationError``
    caught: valid = no exception. No context is passed and nothing is frozen: the
    official package's verdict with warnings ignored, today being the real date.

``python-csv``
    FILE is CSV. Untimed: the import of pandas and the list columns of the model (from
    ``Model.model_json_schema()``: the properties whose type is, or may be, an array).
    Timed: ``pandas.read_csv(FILE, dtype=str, keep_default_na=False)`` (every cell a
    string, no NA guessing), then, per row (``DataFrame.itertuples``), a dict built as:
    an empty cell -> ``None``; a list column -> ``json.loads(cell)`` if the cell starts
    with ``[``, else ``[item.strip() for item in cell.split(",")]``; any other cell as
    the string it is (pydantic's lax mode coerces ``"3.5"`` to a float, ``"12"`` to an
    int, ``"2025-01-31"`` to a date); then ``Model.model_validate(row)``,
    ``ValidationError`` caught: valid = no exception.

``python-parquet``
    FILE is Parquet (the data.gouv.fr export's layout, ``to_parquet.py``). Untimed: the
    import of pandas and pyarrow. Timed: ``pandas.read_parquet(FILE)``, then, per row
    (``DataFrame.to_dict(orient="records")``), every float NaN made ``None`` (pandas'
    missing value: pydantic refuses NaN for an integer, and keeps it as a float where the
    API has null), lists left as the numpy arrays pandas gives (pydantic's lax mode reads
    any iterable), ``date_maj`` as the ``datetime.date`` pandas gives; then
    ``Model.model_validate(row)``, ``ValidationError`` caught: valid = no exception.
"""

from __future__ import annotations

import json
import sys
import time

import pydantic
from data_inclusion.schema.v1 import Service, Structure

MODELS = {"services": Service, "structures": Structure}
USAGE = "usage: official.py (python|python-csv|python-parquet) (services|structures) FILE"


def run_jsonl(model, path: str) -> tuple[int, int, float]:
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    validate = model.model_validate_json
    error = pydantic.ValidationError
    valid = 0
    start = time.perf_counter()
    for line in lines:
        try:
            validate(line)
        except error:
            continue
        valid += 1
    seconds = time.perf_counter() - start
    return len(lines), valid, seconds


def is_array(prop: dict) -> bool:
    if prop.get("type") == "array":
        return True
    return any(is_array(alt) for alt in prop.get("anyOf", ()))


def run_csv(model, path: str) -> tuple[int, int, float]:
    import pandas

    properties = model.model_json_schema()["properties"]
    list_columns = {name for name, prop in properties.items() if is_array(prop)}
    validate = model.model_validate
    error = pydantic.ValidationError
    loads = json.loads
    records = 0
    valid = 0
    start = time.perf_counter()
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
    columns = list(frame.columns)
    is_list = [c in list_columns for c in columns]
    for cells in frame.itertuples(index=False, name=None):
        records += 1
        row = {}
        for column, listed, cell in zip(columns, is_list, cells):
            if cell == "":
                row[column] = None
            elif listed:
                if cell.startswith("["):
                    row[column] = loads(cell)
                else:
                    row[column] = [item.strip() for item in cell.split(",")]
            else:
                row[column] = cell
        try:
            validate(row)
        except error:
            continue
        valid += 1
    seconds = time.perf_counter() - start
    return records, valid, seconds


def run_parquet(model, path: str) -> tuple[int, int, float]:
    import math

    import pandas
    import pyarrow  # noqa: F401  (pandas' Parquet engine, imported untimed)

    validate = model.model_validate
    error = pydantic.ValidationError
    isnan = math.isnan
    records = 0
    valid = 0
    start = time.perf_counter()
    frame = pandas.read_parquet(path)
    for row in frame.to_dict(orient="records"):
        records += 1
        for key, value in row.items():
            if isinstance(value, float) and isnan(value):
                row[key] = None
        try:
            validate(row)
        except error:
            continue
        valid += 1
    seconds = time.perf_counter() - start
    return records, valid, seconds


def main() -> int:
    modes = {"python": run_jsonl, "python-csv": run_csv, "python-parquet": run_parquet}
    if len(sys.argv) != 4 or sys.argv[1] not in modes or sys.argv[2] not in MODELS:
        print(USAGE, file=sys.stderr)
        return 2
    mode, kind, path = sys.argv[1:]
    run = modes[mode]
    records, valid, seconds = run(MODELS[kind], path)
    print(json.dumps({"mode": mode, "kind": kind, "records": records, "valid": valid, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
