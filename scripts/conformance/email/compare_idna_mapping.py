#!/usr/bin/env python3
"""Check the two places where the e-mail port uses Rust crates for Python's IDNA data.

    python3 scripts/conformance/email/compare_idna_mapping.py

Runs with the conformance virtual environment (``scripts/conformance/setup.sh``; the script
re-executes itself with ``$CONFORMANCE_VENV/bin/python``, default ``target/conformance-venv``)
and with cargo (``unicode_dump.rs``, built with the repository's Cargo.lock). Code point by
code point, over all of Unicode:

1. the UTS #46 mapping: ``uts46_map_char`` (the ``idna`` crate) against Python's
   ``idna.uts46_remap("0" + c, std3_rules=False)[1:]``, on every character that reaches it in
   email-validator (not ``C*``/``Z*``, accepted by ``uts46_valid_char``);
2. ``PVALID``: ``is_pvalid`` (derived from the regex crate's categories and that mapping, plus
   the table of the code points unassigned in Unicode 14.0) against
   ``idnadata.codepoint_classes["PVALID"]``.

Prints the number of mismatches of each (and the first ones); writes nothing. Exit status 1
when there is a mismatch. Deterministic.
"""

from __future__ import annotations

import sys
import unicodedata as u

from common import regex_categories, unicode_dump, use_venv

# is_pvalid in src/validate/email/idnadata.rs, written again.
EXCEPTIONS_PVALID = {0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007}
EXCEPTIONS_DISALLOWED = {0x640, 0x7FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B}
LETTER_DIGITS = {"Ll", "Lu", "Lo", "Lm", "Nd", "Mn", "Mc"}


def is_contexto(cp: int) -> bool:
    return cp in (0xB7, 0x375, 0x5F3, 0x5F4, 0x30FB) or 0x660 <= cp <= 0x669 or 0x6F0 <= cp <= 0x6F9


def blocked(cp: int) -> bool:
    return any(a <= cp <= b for a, b in [(0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0x20D0, 0x20FF), (0x1D100, 0x1D24F)])


def main() -> None:
    use_venv(__file__)
    import idna
    from email_validator.syntax import uts46_valid_char
    from idna import idnadata
    from idna.intranges import intranges_contain

    mapping: dict[int, str | None] = {}
    for line in unicode_dump("uts46"):
        cp, mapped = line.split(" ", 1)
        mapping[int(cp, 16)] = None if mapped == "-" else "".join(chr(int(x, 16)) for x in mapped.split(",") if x)

    def port_map(cp: int) -> str | None:
        return mapping.get(cp, chr(cp))

    code_points = [cp for cp in range(0x80, 0x110000) if not 0xD800 <= cp <= 0xDFFF]

    shown = 0
    map_mismatches = 0
    for cp in code_points:
        ch = chr(cp)
        if u.category(ch)[0] in "CZ" or not uts46_valid_char(ch):
            continue
        try:
            python = idna.uts46_remap("0" + ch, std3_rules=False)[1:]
        except idna.IDNAError:
            python = None
        if python != port_map(cp):
            map_mismatches += 1
            if shown < 20:
                print(f"mapping U+{cp:04X}: Python {python!r}, port {port_map(cp)!r}")
                shown += 1
    print(f"UTS #46 mapping: {map_mismatches} mismatches")

    regex_cat, _ = regex_categories()
    pvalid = idnadata.codepoint_classes["PVALID"]

    def port_pvalid(cp: int) -> bool:
        if cp in EXCEPTIONS_PVALID:
            return True
        if cp in EXCEPTIONS_DISALLOWED or is_contexto(cp) or blocked(cp):
            return False
        if u.category(chr(cp)) == "Cn" and intranges_contain(cp, pvalid):
            return True  # tables::PVALID_UNASSIGNED_IN_14
        return regex_cat[cp] in LETTER_DIGITS and port_map(cp) == chr(cp)

    shown = 0
    pvalid_mismatches = 0
    for cp in code_points:
        python = intranges_contain(cp, pvalid)
        if python != port_pvalid(cp):
            pvalid_mismatches += 1
            if shown < 20:
                print(f"PVALID U+{cp:04X} ({u.category(chr(cp))}, {regex_cat[cp]} in regex): Python {python}, port {not python}")
                shown += 1
    print(f"PVALID: {pvalid_mismatches} mismatches")
    sys.exit(1 if map_mismatches or pvalid_mismatches else 0)


if __name__ == "__main__":
    main()
