#!/usr/bin/env bash
# Rewrites schema/v1/ from a given version of the official Python package.
#
#   scripts/update-schema.sh 1.0.10
#
# Installs data-inclusion-schema==VERSION in a temporary virtual environment, writes
# model_json_schema() of Structure and Service and as_dict_list() of every referential,
# then removes the environment. Then `cargo build --features regenerate` regenerates
# src/v1/generated.rs (review its diff and commit it) and `cargo test --workspace
# --all-features` runs the tests on the new schema.
set -euo pipefail
version=${1:?usage: scripts/update-schema.sh VERSION}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet "data-inclusion-schema==$version"
"$tmp/venv/bin/python" "$root/scripts/update_schema.py" "$root/schema/v1" "$version"
echo "schema/v1/ now holds data-inclusion-schema $version: now run cargo build --features regenerate"
