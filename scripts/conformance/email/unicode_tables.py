#!/usr/bin/env python3
"""Write src/validate/email/tables.rs: the Unicode data of the e-mail port.

    python3 scripts/conformance/email/unicode_tables.py

Runs with the conformance virtual environment (``scripts/conformance/setup.sh``; the script
re-executes itself with ``$CONFORMANCE_VENV/bin/python``, default ``target/conformance-venv``),
whose Python 3.11.7 (``unicodedata`` 14.0.0) and ``idna`` 3.20 (``idnadata`` 18.0.0) are what
email-validator uses, and with cargo: the regex crate's general categories come from
``unicode_dump.rs`` (built with the repository's Cargo.lock, see ``common.unicode_dump``).

It writes, each with its doc comment:

* ``UNASSIGNED_IN_14``: the code points unassigned in Unicode 14.0 that the regex crate assigns
  (the port's categories are the regex crate's minus these); it stops if a major category
  differs anywhere else;
* ``SCRIPT_*``: ``idnadata.scripts`` for the CONTEXTO rules;
* ``PVALID_UNASSIGNED_IN_14``: the part of ``idnadata.codepoint_classes["PVALID"]`` that
  ``is_pvalid`` cannot derive from Unicode 14.0;
* ``DECOMPOSITIONS``, ``COMBINING_CLASSES``: ``unicodedata`` for NFC;
* ``JOINING_TYPES``: ``idnadata.joining_types`` for CONTEXTJ;
* ``BIDI_CLASSES``: ``unicodedata.bidirectional`` on the code points an IDNA label can hold;
* ``NAMES``: ``unicodedata.name`` of the characters email-validator may show by name.

Deterministic: the same versions give the same bytes. A few counts go to stderr.
"""

from __future__ import annotations

import sys
import textwrap
import unicodedata as u
from importlib.metadata import version

from common import REPO, locked_version, regex_categories, use_venv

OUTPUT = REPO / "src" / "validate" / "email" / "tables.rs"


def hx(x: int) -> str:
    return f"{x:X}"


def hh(x: int) -> str:
    return f"0x{x:X}"


def doc(text: str) -> str:
    return "\n".join("/// " + line for line in text.split("\n"))


def strconst(name: str, s: str, comment: str) -> str:
    """A `&str` constant, its text wrapped at 90 columns with `\\` continuations."""
    lines = textwrap.wrap(s, 90, break_long_words=False, break_on_hyphens=False)
    body = " \\\n".join("    " + line for line in lines)
    return f'{doc(comment)}\npub(super) const {name}: &str = "\\\n{body}";\n'


def arr(name: str, ty: str, items: list[str], per_line: int, comment: str) -> str:
    """A static slice, `per_line` items a line."""
    rows = ["    " + " ".join(x + "," for x in items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return f"{doc(comment)}\n#[rustfmt::skip]\npub(super) static {name}: &[{ty}] = &[\n" + "\n".join(rows) + "\n];\n"


def runs(cps) -> list[list[int]]:
    """Consecutive code points as inclusive `[first, last]` ranges."""
    out: list[list[int]] = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def main() -> None:
    use_venv(__file__)
    from idna import idnadata
    from idna.intranges import intranges_contain

    regex_cat, regex_unicode = regex_categories()
    python = ".".join(map(str, sys.version_info[:3]))
    idna_version = version("idna")
    out = []

    # Unassigned in Unicode 14.0 (Python's unicodedata), assigned in the regex crate's Unicode.
    unassigned = []
    for cp in range(0x110000):
        cat = u.category(chr(cp))
        if cat == "Cs":
            continue
        if cat == "Cn" and regex_cat[cp] != "Cn":
            unassigned.append(cp)
        elif cat[0] != regex_cat[cp][0]:
            raise SystemExit(f"major category differs at {cp:X}: {cat} in Python, {regex_cat[cp]} in regex")
    rs = runs(unassigned)
    out.append(arr("UNASSIGNED_IN_14", "(u32, u32)", [f"({hh(a)}, {hh(b)})" for a, b in rs], 4,
        "Code points unassigned (`Cn`) in Unicode 14.0 but assigned in the regex crate's Unicode "
        f"{regex_unicode}\n(inclusive ranges)."))

    for s in ["Greek", "Hebrew", "Hiragana", "Katakana", "Han"]:
        out.append(arr("SCRIPT_" + s.upper(), "(u32, u32)",
            [f"({hh(x >> 32)}, {hh(x & 0xFFFFFFFF)})" for x in idnadata.scripts[s]], 4,
            f'`idnadata.scripts["{s}"]` (half-open ranges).'))

    pvalid = runs(cp for cp in range(0x80, 0x110000)
                  if u.category(chr(cp)) == "Cn" and intranges_contain(cp, idnadata.codepoint_classes["PVALID"]))
    out.append(arr("PVALID_UNASSIGNED_IN_14", "(u32, u32)", [f"({hh(a)}, {hh(b)})" for a, b in pvalid], 4,
        'The code points of `idnadata.codepoint_classes["PVALID"]` that are unassigned in Unicode 14.0\n'
        "(inclusive ranges): `is_pvalid` cannot derive them."))

    ents = []
    prev = -5
    for c in range(0x110000):
        d = u.decomposition(chr(c))
        if d and not d.startswith("<"):
            p = [int(x, 16) for x in d.split()]
            sep = ">"
            if len(p) == 2 and u.normalize("NFC", chr(p[0]) + chr(p[1])) != chr(c):
                sep = "!"
            ents.append(("" if prev == c - 1 else hx(c)) + sep + ",".join(hx(x) for x in p))
            prev = c
    out.append(strconst("DECOMPOSITIONS", " ".join(ents),
        "Canonical decompositions, one level: `CP>A,B` (or `CP>A` for a singleton); `!` instead of `>`\n"
        "marks a pair excluded from composition; an empty `CP` means the previous one plus one."))

    jt = []
    for t, ranges in idnadata.joining_types.items():
        for x in ranges:
            jt.append((x >> 32, (x & 0xFFFFFFFF) - 1, t))
    jt.sort()
    for (_, b1, _), (a2, _, _) in zip(jt, jt[1:]):
        assert b1 < a2
    out.append(strconst("JOINING_TYPES", " ".join((hx(a) if a == b else f"{hx(a)}-{hx(b)}") + f":{t}" for a, b, t in jt),
        "`idnadata.joining_types`: `FIRST[-LAST]:TYPE`."))

    ccc: list[list[int]] = []
    for c in range(0x110000):
        v = u.combining(chr(c))
        if v:
            if ccc and ccc[-1][1] == c - 1 and ccc[-1][2] == v:
                ccc[-1][1] = c
            else:
                ccc.append([c, c, v])
    out.append(strconst("COMBINING_CLASSES", " ".join((hx(a) if a == b else f"{hx(a)}-{hx(b)}") + f":{v}" for a, b, v in ccc),
        "Non-zero canonical combining classes: `FIRST[-LAST]:CLASS` (class in decimal)."))

    def member(c: int) -> bool:
        return c < 128 or any(intranges_contain(c, idnadata.codepoint_classes[k]) for k in ("PVALID", "CONTEXTJ", "CONTEXTO"))

    bidi: list[tuple[int, str]] = []
    for c in range(0x110000):
        if not member(c):
            continue
        b = u.bidirectional(chr(c)) or "?"
        if b not in ("L", "R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM", "?"):
            b = "X"
        if not bidi or bidi[-1][1] != b:
            bidi.append((c, b))
    out.append(strconst("BIDI_CLASSES", " ".join(f"{hx(a)}:{b}" for a, b in bidi),
        "Bidi classes of the code points an IDNA label can hold (ASCII, PVALID, CONTEXTJ, CONTEXTO),\n"
        "as `FIRST:CLASS` runs: `?` is unassigned in Unicode 14.0 (no class), `X` any class not used by\n"
        "the Bidi Rule. Code points outside those sets take the class of the run they fall in."))

    blocks = [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
    names = []
    for c in range(0x110000):
        ch = chr(c)
        g = u.category(ch)
        n = u.name(ch, "")
        if not n or 0xFE00 <= c <= 0xFE0F or 0xE0100 <= c <= 0xE01EF:
            continue
        if g in ("Zs", "Zl", "Zp", "Cf") or (g[0] == "M" and any(a <= c <= b for a, b in blocks)):
            assert ";" not in n and "*" not in n
            names.append(f"{hx(c)} {n}".replace("COMBINING ", "*").replace("TAG LATIN ", "^"))
    out.append(strconst("NAMES", ";".join(names),
        "`unicodedata.name` of the space, separator and format characters (`Zs`, `Zl`, `Zp`, `Cf`) and\n"
        "of the marks of the combining diacritical marks blocks, as `HEX NAME` separated by `;`, with\n"
        "`*` standing for `COMBINING ` and `^` for `TAG LATIN `."))

    provenance = (
        f"@generated by scripts/conformance/email/unicode_tables.py from Python {python} (unicodedata "
        f"{u.unidata_version}), idna {idna_version} (idnadata {idnadata.__version__}) and the regex crate "
        f"{locked_version('regex')} (regex-syntax {locked_version('regex-syntax')}, Unicode {regex_unicode}). "
        "Do not edit: run the script again (scripts/conformance/email/README.md)."
    )
    header = "".join(f"// {line}\n" for line in textwrap.wrap(provenance, 94)) + f"""
//! Unicode data generated from the conformance venv's Python {python} (`unicodedata` {u.unidata_version}) and
//! `idna` {idna_version} (`idnadata` {idnadata.__version__}): `unicodedata.category` compared with the regex crate's
//! categories, `unicodedata.decomposition` (the `<tag>`-less ones; a pair is excluded from
//! composition when `normalize("NFC", a + b)` does not give it back), `unicodedata.combining`,
//! `unicodedata.bidirectional` (on the code points `idnadata.codepoint_classes` accepts),
//! `unicodedata.name`, `idnadata.scripts`, `idnadata.joining_types` and the part of
//! `idnadata.codepoint_classes["PVALID"]` that `is_pvalid` cannot derive.

"""
    OUTPUT.write_text(header + "\n".join(out), encoding="utf-8")
    print(f"{OUTPUT.relative_to(REPO)}: {len(rs)} unassigned ranges, {len(pvalid)} PVALID ranges, "
          f"{len(ents)} decompositions, {len(jt)} joining types, {len(ccc)} combining classes, "
          f"{len(bidi)} bidi runs, {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
