#!/usr/bin/env bash
# Create the virtual environment holding the official Python package
# (data-inclusion-schema==1.0.10) and freezegun, at exact versions.
#
#   bash scripts/conformance/setup.sh
#
# CONFORMANCE_VENV: where to create it (default: target/conformance-venv in the repository).
# PYTHON: the interpreter to create it with (default: python3; 3.10 or newer).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${CONFORMANCE_VENV:-$root/target/conformance-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-virtualenv -r "$here/requirements.txt"
# --no-deps installs exactly the pinned set; check it is complete and consistent.
"$venv/bin/python" -m pip check --disable-pip-version-check
"$venv/bin/python" -c 'from importlib.metadata import version; print("data-inclusion-schema", version("data-inclusion-schema"), "in", __import__("sys").prefix)'
