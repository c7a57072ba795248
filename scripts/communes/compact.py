#!/usr/bin/env python3
"""Compacts the découpage administratif into the tables that `src/communes/` embeds.

    python3 scripts/communes/compact.py [PACKAGE_DIR]

PACKAGE_DIR is the unpacked npm package @etalab/decoupage-administratif (its `data/`
folder); without it, the script runs `npm pack @etalab/decoupage-administratif@VERSION`
into `target/communes/` and unpacks it there. The data is under the Licence Ouverte
(Etalab); the package's code is MIT. What the official valideur's `code_insee` check
knows (geo.api.gouv.fr, built from the same package): the communes actuelles, associées
and déléguées and the arrondissements municipaux.

Writes, in `src/communes/` (paths from this script's location; deterministic: running it
twice gives the same bytes):

- `communes.bin`: one 6-byte record per commune code, sorted by key: the key (3 bytes,
  little-endian; `key()` below), the first of its postal codes in `postaux.bin` (2
  bytes) and their count (1 byte). A commune associée or déléguée, which has no postal
  code of its own, has its chef-lieu's.
- `postaux.bin`: the postal codes of the communes, each as its index in
  `codes_postaux.bin` (2 bytes).
- `codes_postaux.bin`: the distinct postal codes, sorted, their 5 ASCII digits each.
- `epci.bin`: the SIREN of the EPCI à fiscalité propre, sorted, 4 bytes each.
- `meta.rs`: the départements, the régions, the package's version and millésime.
"""

import json
import os
import subprocess
import sys
import tarfile

VERSION = "6.0.0"
MILLESIME = "2026"

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
out = os.path.join(root, "src", "communes")


def package_dir() -> str:
    if len(sys.argv) > 1:
        return sys.argv[1]
    work = os.path.join(root, "target", "communes")
    os.makedirs(work, exist_ok=True)
    tgz = os.path.join(work, f"etalab-decoupage-administratif-{VERSION}.tgz")
    if not os.path.exists(tgz):
        subprocess.run(
            ["npm", "pack", f"@etalab/decoupage-administratif@{VERSION}"],
            cwd=work,
            check=True,
        )
    with tarfile.open(tgz) as t:
        t.extractall(work, filter="data")
    return os.path.join(work, "package")


def key(code: str) -> int:
    """A commune code as an integer: its digits, `2A` and `2B` (Corse) put beyond 99999."""
    assert len(code) == 5, code
    if code[:2] == "2A":
        return 100_000 + int(code[2:])
    if code[:2] == "2B":
        return 101_000 + int(code[2:])
    assert code.isdigit(), code
    return int(code)


def main() -> None:
    pkg = package_dir()
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        assert json.load(f)["version"] == VERSION
    load = lambda name: json.load(open(os.path.join(pkg, "data", name), encoding="utf-8"))
    communes = load("communes.json")
    kinds = {"commune-actuelle", "commune-associee", "commune-deleguee", "arrondissement-municipal"}
    assert {c["type"] for c in communes} <= kinds
    postal_of = {}
    for c in communes:
        if c.get("codesPostaux"):
            postal_of.setdefault(c["code"], sorted(set(c["codesPostaux"])))
    by_code = {}
    for c in communes:
        postal = postal_of.get(c["code"]) or postal_of.get(c.get("chefLieu", ""), [])
        by_code.setdefault(c["code"], postal)
    distinct = sorted({p for ps in by_code.values() for p in ps})
    index = {p: i for i, p in enumerate(distinct)}
    assert len(distinct) < 1 << 16
    records, postaux = bytearray(), bytearray()
    start = 0
    for code in sorted(by_code, key=key):
        postal = by_code[code]
        assert start < 1 << 16 and len(postal) < 256
        records += key(code).to_bytes(3, "little")
        records += start.to_bytes(2, "little") + len(postal).to_bytes(1, "little")
        for p in postal:
            postaux += index[p].to_bytes(2, "little")
        start += len(postal)
    codes_postaux = "".join(distinct).encode("ascii")
    assert len(codes_postaux) == 5 * len(distinct)
    epci = b"".join(int(e["code"]).to_bytes(4, "little") for e in sorted(load("epci.json"), key=lambda e: int(e["code"])))
    departements = sorted(d["code"] for d in load("departements.json"))
    regions = sorted(r["code"] for r in load("regions.json"))
    for name, data in [
        ("communes.bin", records),
        ("postaux.bin", postaux),
        ("codes_postaux.bin", codes_postaux),
        ("epci.bin", epci),
    ]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    with open(os.path.join(out, "meta.rs"), "w", encoding="utf-8") as f:
        f.write("// Written by scripts/communes/compact.py: do not edit.\n\n")
        f.write(f"/// The version of the npm package the tables come from.\npub const PACKAGE_VERSION: &str = {json.dumps(VERSION)};\n\n")
        f.write(f"/// The year of the Code officiel géographique the tables follow (the package's millésime).\npub const MILLESIME: &str = {json.dumps(MILLESIME)};\n\n")
        f.write(f"/// How many commune codes the tables hold.\npub const COMMUNE_COUNT: usize = {len(by_code)};\n\n")
        f.write("/// The codes of the départements, sorted.\npub(super) const DEPARTEMENTS: &[&str] = &[\n")
        f.write("".join(f"    {json.dumps(d)},\n" for d in departements))
        f.write("];\n\n/// The codes of the régions, sorted.\npub(super) const REGIONS: &[&str] = &[\n")
        f.write("".join(f"    {json.dumps(r)},\n" for r in regions))
        f.write("];\n")
    print(f"{len(by_code)} communes, {len(distinct)} codes postaux, {len(epci) // 4} EPCI, "
          f"{len(departements)} départements, {len(regions)} régions; "
          f"{len(records) + len(postaux) + len(codes_postaux) + len(epci)} bytes")


if __name__ == "__main__":
    main()
