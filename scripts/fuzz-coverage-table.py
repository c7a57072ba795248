#!/usr/bin/env python3
"""Writes fuzz/coverage/table.md: the lines of each file of src/ that each fuzz target
covers, from the llvm-cov reports that `scripts/fuzz coverage` writes
(fuzz/coverage/TARGET.txt, and all.txt for every target together).

Run by `scripts/fuzz coverage`. Paths are taken from this file's place.
"""
import pathlib

COVERAGE = pathlib.Path(__file__).resolve().parent.parent / "fuzz" / "coverage"


def read(path):
    """{file: (lines, missed)} from an llvm-cov report."""
    rows = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) < 10 or not parts[0].endswith(".rs") and parts[0] != "TOTAL":
            continue
        rows[parts[0]] = (int(parts[7]), int(parts[8]))
    return rows


reports = {p.stem: read(p) for p in sorted(COVERAGE.glob("*.txt"))}
targets = [t for t in reports if t != "all"] + (["all"] if "all" in reports else [])
files = sorted({f for r in reports.values() for f in r if f != "TOTAL"}) + ["TOTAL"]
out = ["| file of `src/` | lines | " + " | ".join(f"`{t}`" if t != "all" else "**all**" for t in targets) + " |",
       "|---|--:|" + "--:|" * len(targets)]
for f in files:
    lines = next((r[f][0] for r in reports.values() if f in r), 0)
    cells = []
    for t in targets:
        total, missed = reports[t].get(f, (lines, lines))
        pct = 100.0 * (total - missed) / total if total else 0.0
        cells.append("—" if total == missed else f"{pct:.0f} %")
    name = "**total**" if f == "TOTAL" else f"`{f}`"
    out.append(f"| {name} | {lines} | " + " | ".join(cells) + " |")
(COVERAGE / "table.md").write_text("\n".join(out) + "\n")
print("\n".join(out))
