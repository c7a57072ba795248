#!/usr/bin/env bash
# Rebuild tests/fixtures/interop/ from scratch: the venv (the export's stack at the
# pipeline's versions, Polars, DuckDB, the official package), the fixtures written by
# pandas, pyarrow, geopandas, Polars and DuckDB (fixtures.py), then the crate's own files
# of the same records read back by pandas (readback.py, its report in readback.txt).
#
#   bash scripts/interop/run.sh
#
# INTEROP_VENV: where the venv is (default: target/interop-venv in the repository).
# PYTHON: the interpreter to create it with (default: python3; 3.11 or newer).
# Deterministic: running it twice gives the same files.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${INTEROP_VENV:-$root/target/interop-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-virtualenv \
    -r "$here/requirements.txt"
export TZ=UTC PYTHONHASHSEED=0
"$venv/bin/python" "$here/fixtures.py"
(cd "$root" && cargo build --release --quiet -p data-inclusion-cli)
"$venv/bin/python" "$here/readback.py" "$root/target/release/data-inclusion"
