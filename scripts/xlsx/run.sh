#!/usr/bin/env bash
# Rebuild tests/fixtures/xlsx/ from scratch: venv, the tool's template, the workbooks and
# the official valideur's verdicts on them (scripts/xlsx/fixtures.py).
#
#   bash scripts/xlsx/run.sh
#
# XLSX_VENV (default target/xlsx-venv) is the virtual environment; the communes come from
# the npm package @etalab/decoupage-administratif unpacked by scripts/communes/compact.py.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${XLSX_VENV:-$root/target/xlsx-venv}"
export TZ=UTC PYTHONHASHSEED=0

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --no-deps -r "$here/requirements.txt"
    "$venv/bin/pip" check
fi
python3 "$root/scripts/communes/compact.py" >/dev/null
communes="$root/target/communes/package/data/communes.json"
mkdir -p "$root/target/xlsx"
cargo run --quiet --manifest-path "$root/Cargo.toml" -p data-inclusion-cli -- template "$root/target/xlsx/template.xlsx"
"$venv/bin/python" "$here/fixtures.py" "$root/target/xlsx/template.xlsx" "$communes"
