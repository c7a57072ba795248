"""Summarizes the runs of ``scripts/bench/compare`` as Markdown tables.

    python summarize.py RESULTS.jsonl

RESULTS.jsonl: one JSON object per run, as ``examples/throughput.rs`` and ``official.py``
print it, plus ``round`` and ``rss_kb`` (peak resident set size of the whole process, in
KiB, or null). Per kind and mode: the median over the rounds of records per second
(records / seconds of the timed pass), its range, its inverse in microseconds per record,
the median peak RSS, and the number of valid records (which must be the same in every
round). Then the ratios of the medians.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict

KINDS = ["services", "structures"]
MODES = [
    "crate",
    "crate-fast",
    "serde-value",
    "serde-typed",
    "jsonschema",
    "python",
    "crate-csv",
    "python-csv",
]
WHAT = {
    "crate": "this crate, `check_json` (every problem + typed record)",
    "crate-fast": "this crate, `is_valid_json` (the verdict alone)",
    "serde-value": "floor: `serde_json::Value` parse only",
    "serde-typed": "floor: serde derive into the typed record, no validation",
    "jsonschema": "`jsonschema` 0.61 crate (parse + every error, formats on)",
    "python": "official package, `model_validate_json`",
    "crate-csv": "this crate, CSV: `io::Reader::checked`",
    "python-csv": "official package, CSV: `pandas.read_csv` + dict + `model_validate`",
}
RATIOS = [
    ("crate", "python"),
    ("crate", "serde-value"),
    ("crate", "jsonschema"),
    ("serde-typed", "jsonschema"),
    ("crate-fast", "serde-value"),
    ("crate-csv", "python-csv"),
]


def fmt_rate(x: float) -> str:
    return f"{x:,.0f}".replace(",", "\u202f")


def fmt_ratio(x: float) -> str:
    if x >= 10:
        return f"{x:.0f}×"
    if x >= 1:
        return f"{x:.1f}×"
    return f"{x:.2f}×"


def main() -> int:
    runs = defaultdict(list)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                run = json.loads(line)
                runs[(run["kind"], run["mode"])].append(run)
    medians = {}
    out = []
    for kind in KINDS:
        modes = [m for m in MODES if (kind, m) in runs]
        if not modes:
            continue
        out.append(f"### {kind}\n")
        out.append("| mode | what | records | valid | median records/s | range (records/s) | µs / record | peak RSS (MiB) |")
        out.append("|---|---|--:|--:|--:|--:|--:|--:|")
        for mode in modes:
            rs = runs[(kind, mode)]
            rates = [r["records"] / r["seconds"] for r in rs]
            median = statistics.median(rates)
            medians[(kind, mode)] = median
            valids = sorted({r["valid"] for r in rs})
            records = sorted({r["records"] for r in rs})
            rss = [r["rss_kb"] for r in rs if r.get("rss_kb")]
            rss_text = f"{statistics.median(rss) / 1024:.0f}" if rss else "n/a"
            out.append(
                f"| `{mode}` | {WHAT.get(mode, '')} | {'/'.join(map(str, records))} "
                f"| {'/'.join(map(str, valids))} | {fmt_rate(median)} "
                f"| {fmt_rate(min(rates))} – {fmt_rate(max(rates))} "
                f"| {1e6 / median:.1f} | {rss_text} |"
            )
        same = [m for m in ("crate", "crate-fast", "python", "crate-csv", "python-csv") if (kind, m) in runs]
        verdicts = {m: sorted({r["valid"] for r in runs[(kind, m)]}) for m in same}
        agree = len({tuple(v) for v in verdicts.values()}) == 1 and all(len(v) == 1 for v in verdicts.values())
        out.append(
            f"\n{len(runs[(kind, modes[0])])} rounds. Valid records, "
            + ", ".join(f"`{m}` {'/'.join(map(str, v))}" for m, v in verdicts.items())
            + (": the same verdicts." if agree else ": **the verdicts differ**.")
            + "\n"
        )
    ratios = [(a, b) for a, b in RATIOS if any((k, a) in medians and (k, b) in medians for k in KINDS)]
    if ratios:
        out.append("### Ratios of the median throughputs\n")
        out.append("| kind | " + " | ".join(f"{a} / {b}" for a, b in ratios) + " |")
        out.append("|---|" + "--:|" * len(ratios))
        for kind in KINDS:
            cells = []
            for a, b in ratios:
                if (kind, a) in medians and (kind, b) in medians:
                    cells.append(fmt_ratio(medians[(kind, a)] / medians[(kind, b)]))
                else:
                    cells.append("n/a")
            out.append(f"| {kind} | " + " | ".join(cells) + " |")
        out.append("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
