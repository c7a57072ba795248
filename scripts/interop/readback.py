"""Reads back with pandas (and geopandas) the files the crate writes from the interop
records, beside the export's files of the same records, and writes what pandas sees of
each: tests/fixtures/interop/readback.txt.

    python scripts/interop/readback.py TOOL     (run by scripts/interop/run.sh)

TOOL is the crate's command-line tool (`data-inclusion`); it converts
tests/fixtures/interop/{services,structures}.jsonl into tests/fixtures/interop/ours/ (the
files checked in, which the Rust tests hold the writers to). For each format, pandas
reads the crate's file and the export's (the fixtures of fixtures.py) the same way, and
the report says whether the columns, their order, their dtypes and every value are the
same, and lists each difference.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "interop"
OURS = FIXTURES / "ours"
TODAY = "2026-06-15"

# How the crate writes each format to be read as the export (the CLI's options).
FORMATS = {
    "parquet": [],
    "csv": ["--csv-lists", "python", "--csv-numbers", "pandas"],
    "json": [],
    "geojson": [],
}


def read(fmt, path):
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path)
    if fmt == "json":
        return pd.read_json(path, orient="records")
    if fmt == "geojson":
        return gpd.read_file(path, engine="pyogrio")
    raise ValueError(fmt)


def plain(value):
    """A cell as comparable Python data."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if hasattr(value, "wkt"):
        return value.wkt
    if isinstance(value, (np.generic,)):
        return plain(value.item())
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def compare(fmt, ours, theirs):
    lines = []
    if list(ours.columns) != list(theirs.columns):
        lines.append(f"  columns differ: ours {list(ours.columns)}")
        lines.append(f"                  export {list(theirs.columns)}")
    dtypes = []
    for column in theirs.columns:
        if column not in ours.columns:
            continue
        a, b = str(ours[column].dtype), str(theirs[column].dtype)
        if a != b:
            dtypes.append(f"  dtype of {column}: ours {a}, export {b}")
    lines.extend(dtypes)
    values = 0
    for column in theirs.columns:
        if column not in ours.columns:
            continue
        for i, (a, b) in enumerate(zip(ours[column].tolist(), theirs[column].tolist())):
            pa, pb = plain(a), plain(b)
            if pa != pb:
                values += 1
                lines.append(f"  value of {column} row {i + 1}: ours {pa!r}, export {pb!r}")
    if len(ours) != len(theirs):
        lines.append(f"  rows: ours {len(ours)}, export {len(theirs)}")
    verdict = "same columns, order, dtypes and values" if not lines else f"{len(lines)} difference(s)"
    return [f"{fmt}: {verdict}"] + lines


def main():
    tool = sys.argv[1]
    OURS.mkdir(parents=True, exist_ok=True)
    report = [
        "What pandas reads from the files the crate writes, beside the export's files of the",
        "same records (scripts/interop/readback.py; pandas "
        f"{pd.__version__}, geopandas {gpd.__version__}).",
        "",
    ]
    for stem in ["services", "structures"]:
        report.append(f"== {stem}")
        for fmt, options in FORMATS.items():
            ours = OURS / f"{stem}.{fmt}"
            subprocess.run(
                [tool, "convert", str(FIXTURES / f"{stem}.jsonl"), str(ours), "--today", TODAY, *options],
                check=True,
                stderr=subprocess.DEVNULL,
            )
            report.extend(compare(fmt, read(fmt, ours), read(fmt, FIXTURES / f"{stem}-export.{fmt}")))
        report.append("")
    text = "\n".join(report).rstrip() + "\n"
    (FIXTURES / "readback.txt").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
