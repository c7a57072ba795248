#!/usr/bin/env python3
"""Writes src/validate/advice/PhoneNumberMetadata-FR.xml: libphonenumber's
PhoneNumberMetadata.xml (the copy the `phonenumber` crate carries) reduced to the
territories of the French telephone advice and every territory that shares a country code
with them, so that each thread can hold its own `phonenumber::metadata::Database` (the
crate's default one shares a single cache of regular expressions, behind a lock, between
all threads).

    scripts/telephone/trim_metadata.py [PATH/TO/PhoneNumberMetadata.xml]

Without an argument, the file of the `phonenumber` crate in ~/.cargo/registry (the
version in Cargo.lock).
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "src", "validate", "advice", "PhoneNumberMetadata-FR.xml")
# The regions of REGIONS in src/validate/advice/telephone.rs.
REGIONS = ["YT", "GP", "GF", "MQ", "RE", "PM", "WF", "PF", "NC", "FR"]


def source():
    if len(sys.argv) > 1:
        return sys.argv[1]
    lock = open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8").read()
    version = re.search(r'name = "phonenumber"\nversion = "([^"]+)"', lock).group(1)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = glob.glob(f"{home}/registry/src/*/phonenumber-{version}/assets/PhoneNumberMetadata.xml")
    if not found:
        sys.exit(f"phonenumber {version} is not in {home}/registry: cargo fetch first")
    return found[0]


def main():
    text = open(source(), encoding="utf-8").read()
    head, rest = text.split("<territories>", 1)
    body, tail = rest.split("</territories>", 1)
    territories = re.findall(r"(\s*<territory .*?</territory>)", body, re.S)
    code = {}
    for t in territories:
        tid = re.search(r'id="([^"]+)"', t).group(1)
        code[tid] = re.search(r'countryCode="(\d+)"', t).group(1)
    codes = {code[r] for r in REGIONS}
    kept = [t for t in territories if code[re.search(r'id="([^"]+)"', t).group(1)] in codes]
    ids = [re.search(r'id="([^"]+)"', t).group(1) for t in kept]
    note = (
        "<!-- Reduced by scripts/telephone/trim_metadata.py to the territories of the country codes "
        + ", ".join(sorted(codes, key=int))
        + " ("
        + ", ".join(ids)
        + "). -->\n"
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(head + note + "  <territories>" + "".join(kept) + "\n  </territories>" + tail)
    print(f"{OUT}: {len(kept)} territories ({', '.join(ids)})")


main()
