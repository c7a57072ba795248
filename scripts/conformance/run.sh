#!/usr/bin/env bash
# Rebuild tests/conformance/cases.jsonl (the records) and tests/conformance/edges.jsonl
# (the edge values, one field at a time) from scratch: venv, corpus, official verdicts.
#
#   bash scripts/conformance/run.sh
#
# Deterministic: running it twice gives byte-identical files.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CONFORMANCE_VENV="${CONFORMANCE_VENV:-$root/target/conformance-venv}"
export TZ=UTC PYTHONHASHSEED=0

bash "$here/setup.sh"
"$CONFORMANCE_VENV/bin/python" "$here/generate.py"
"$CONFORMANCE_VENV/bin/python" "$here/verdicts.py"
"$CONFORMANCE_VENV/bin/python" "$here/edges.py"
