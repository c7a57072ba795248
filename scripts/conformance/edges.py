#!/usr/bin/env python3
"""The edge corpus: one field at a time, the values at the edges of pydantic-core's
branches, with the official verdicts of data-inclusion-schema==1.0.10.

Writes ``tests/conformance/edges.jsonl`` (``$CONFORMANCE_EDGES``), read by
``tests/conformance_edges.rs``. Must run with the virtual environment made by
``setup.sh`` (it re-executes itself with that interpreter when it can find it)::

    bash scripts/conformance/setup.sh && python3 scripts/conformance/edges.py

Deterministic: no randomness, no clock but the frozen one; a second run writes the same
bytes.

Each case is a minimal valid record (a structure or a service) with one field set to one
value, written as raw JSON text (so that ``NaN``, 4301-digit numbers and escapes reach the
parser as written). The values come from reading the code that decides, at the versions
that ``requirements.txt`` pins:

* float (``longitude``; ``volume_horaire_hebdomadaire``, ``ge=0``): pydantic-core's
  ``JsonValue::validate_float`` and ``str_as_float`` (``src/input/input_json.rs``,
  ``src/input/shared.rs``): Rust's ``str::trim`` (Unicode White_Space, not the C0
  separators U+001C..U+001F, U+200B or U+FEFF), Rust's ``f64::from_str`` grammar
  (``inf``, ``infinity``, ``nan``, ``+1``, ``.5``, ``5.``), underscores removed from the
  untrimmed text; the ``ge`` check with NaN and -0.0;
* int (``nombre_semaines``, ``ge=1``): ``validate_int``, ``str_as_int``,
  ``clean_int_str``, ``strip_leading_zeros``, ``float_as_int``, and jiter's
  ``NumberInt::try_from`` with its 4300-digit limit;
* date and datetime (``date_maj``, and its window [2000-01-01, today]):
  ``DateValidator::validate`` and ``date_from_datetime`` (``src/validators/date.rs``),
  speedate's ``Date::parse_bytes_with_config`` (a date, or a timestamp of digits),
  ``DateTime::parse_bytes_with_config``, ``from_timestamp_with_config`` and
  ``from_float_with_config`` (seconds or milliseconds inferred at 2e10, microseconds
  rounded), the midnight check;
* URL (``site_web``): ``UrlValidator`` (``src/validators/url.rs``): the length in bytes
  before parsing, the empty input, the WHATWG parser of the ``url`` crate (trimming of
  C0 controls and spaces, removal of tabs and newlines, hosts, IDNA, IPv4 forms, ports),
  the scheme;
* e-mail (``courriel``): pydantic's ``validate_email`` (length, CR/LF, the "pretty"
  ``Name <address>`` form, stripping) and email-validator's syntax checks;
* constrained string (``code_postal``, ``code_insee``, ``siret``, ``nom``,
  ``description``): lengths in code points at each bound, Unicode ``\\d`` and ``\\w`` of
  the regex crate, ``$`` before a final newline, the ``nom`` warning;
* referential (``type``, ``frais``): exact values only;
* list (``publics``, ``thematiques``, ``modes_accueil``, ``reseaux_porteurs``: sets;
  ``zone_eligibilite``: a list of a union of constrained strings and a literal):
  shapes, duplicates, ``minItems``, the ``tous-publics`` rule.

For every case the official package validates the text twice (warnings ignored, and
``context={"ignore_warnings": False}``), and records the errors and, when the record is
valid, the field's value as the model holds it (``value``, see ``official_value``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("CONFORMANCE_VENV", REPO / "target" / "conformance-venv"))
EDGES = Path(os.environ.get("CONFORMANCE_EDGES", REPO / "tests" / "conformance" / "edges.jsonl"))
VERSIONS = {
    "data-inclusion-schema": "1.0.10",
    "pydantic": "2.14.3",
    "pydantic_core": "2.50.4",
    "email-validator": "2.4.0",
}

os.environ["TZ"] = "UTC"
time.tzset()

try:
    import freezegun  # noqa: F401
    import pydantic
    from data_inclusion.schema import v1
except ImportError:
    venv_python = VENV / "bin" / "python"
    if venv_python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    raise SystemExit(f"run scripts/conformance/setup.sh first (no official package in {sys.executable})")

import datetime  # noqa: E402
import enum  # noqa: E402
from importlib.metadata import version  # noqa: E402

from freezegun import freeze_time  # noqa: E402

# What the records' corpus does the same way: the models, the strict context, the frozen
# date, the errors as recorded (in the venv now, verdicts.py imports without re-executing).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from verdicts import FROZEN_DATE, MODELS, STRICT_CONTEXT, errors_of  # noqa: E402

BASE = {
    "structure": {
        "source": "dora",
        "id": "dora--s1",
        "nom": "Centre social Le Tournesol",
        "date_maj": "2025-02-14",
    },
    "service": {
        "source": "dora",
        "structure_id": "dora--s1",
        "id": "dora--1",
        "nom": "Atelier CV",
        "description": "Un atelier pour écrire son CV.",
        "date_maj": "2025-02-14",
    },
}

# --------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------

CASES: list[dict] = []
NAMES: set[str] = set()


def js(value) -> str:
    """A Python value as JSON text (non-ASCII as is)."""
    return json.dumps(value, ensure_ascii=False)


def label(raw: str) -> str:
    """The raw JSON text of a value, readable in a case name: invisible characters and
    whitespace other than the space as ``\\uXXXX``, long texts cut in the middle."""
    text = "".join(c if c.isprintable() and (c == " " or not c.isspace()) else f"\\u{ord(c):04x}" for c in raw)
    if len(text) > 48:
        text = text[:24] + f"…(len={len(raw)})…" + text[-12:]
    return text


def add(ty: str, kind: str, field: str, raw: str) -> None:
    """A case: `field` of a minimal `kind` set to the JSON text `raw`."""
    name = f"{ty}/{kind}/{field}/{label(raw)}"
    n = 2
    while name in NAMES:  # two raw texts with the same label (cut, or escaped alike)
        name = f"{ty}/{kind}/{field}/{label(raw)}#{n}"
        n += 1
    NAMES.add(name)
    members = [f"{js(k)}: {js(v)}" for k, v in BASE[kind].items() if k != field]
    members.append(f"{js(field)}: {raw}")
    CASES.append({"type": ty, "kind": kind, "field": field, "name": name, "json": "{" + ", ".join(members) + "}"})


def strings(values) -> list[str]:
    return [js(v) for v in values]


# What Rust's str::trim removes (the White_Space property), and characters it keeps.
TRIMMED = ["\t", "\n", "\u000b", "\u000c", "\r", " ", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2003",
           "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
KEPT = ["\u001c", "\u001f", "\u180e", "\u200b", "\u2060", "\ufeff", "\u0000"]
NON_STRINGS = ["null", "true", "false", "[]", "{}", "[1]", '{"a": 1}']


def wrapped(cores: list[str], spaces: list[str]) -> list[str]:
    """Each core string with each character before it, after it, and on both sides."""
    out = []
    for core in cores:
        for s in spaces:
            out += [s + core, core + s, s + core + s]
    return out


# ---- float ---------------------------------------------------------------

FLOAT_STRINGS = [
    "0", "1", "-1", "+1", "-0", "+0", "1.5", "-1.5", "+1.5", ".5", "-.5", "+.5", "5.", "-5.", "0.0", "-0.0",
    "1e3", "1E3", "1e+3", "1e-3", "1.5e3", ".5e1", "5.e1", "1e", "1e+", "e3", "E3", ".e1", ".", "-", "+", "",
    "1e0", "1e00000000000000000003", "0.1", "0.30000000000000004", "3.06", "50.63", "-21.1",
    "inf", "-inf", "+inf", "Inf", "INF", "iNf", "infinity", "Infinity", "-Infinity", "INFINITY", "infinit",
    "infinityy", "in", "nan", "NaN", "NAN", "-nan", "+nan", "nan(1)", "snan", "NaN1",
    "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "1e400", "-1e400",
    "1e-300", "4.9e-324", "5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400",
    "123456789012345678901234567890", "9007199254740993", "0." + "0" * 400 + "1", "1" * 400, "1" * 5000,
    "0x10", "0X10", "0b1", "0o7", "1,5", "1 000", "1'000", "1.000.000", "1..5", "1.5.", "--1", "+-1", "-+1",
    "1_000", "1__000", "_1000", "1000_", "1_000.5", "1_0.5", "1_0e1", "1e1_0", "1._5", "1_.5", "1._", "_.5",
    "-_1", "_-1", "-1_0", "+1_0", "+_1", "1_e5", "1e_5", "1e-_5", "in_f", "n_an", "i_n_f", "inf_inity", "N_a_N",
    "0_0", "0_.5", ".5_0", "1_0_0_0", "1_000_000.000_1", "1_000e1_0",
    "\u0661\u0662\u0663", "\uff11\uff12\uff13", "\u00b2", "1.5\u0000", "1.5 x", "x1.5", "1.5f", "1.5d", "1.5e3.5",
    "1 5", "1\t5", "1\u00a05", "\u22121", "\u20131", "٫5", "1٫5",
]
FLOAT_JSON = [
    "0", "1", "-1", "1.5", "-1.5", "0.0", "-0.0", "-0", "1e3", "1E3", "1e-3", "1.5e+3", "3.06", "50.63",
    "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "1e400", "-1e400", "1e-400", "5e-324",
    "4.9e-324", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "123456789012345678901234567890", "1" * 400, "1" * 4300, "1" * 4301, "1" * 4300 + ".5",
    "0." + "0" * 400 + "1", "NaN", "Infinity", "-Infinity",
] + NON_STRINGS


def float_cases() -> None:
    raws = strings(FLOAT_STRINGS)
    raws += strings(wrapped(["1000", "1_000", "1.5", "1_0.5", "1_0e1", "nan", "inf", "-1e3"], TRIMMED[:7] + TRIMMED[-4:]))
    raws += strings(wrapped(["1000", "1_000"], TRIMMED[7:-4]))
    raws += strings(wrapped(["1000", "1_000", "nan"], KEPT))
    raws += FLOAT_JSON
    for raw in raws:
        add("float", "structure", "longitude", raw)
    # The minimum (ge=0): signs, zeros, NaN, infinities.
    for raw in ["0", "-0", "0.0", "-0.0", "1e-400", "-1e-400", "-5e-324", "5e-324", "-1", "-1e-300", "NaN",
                "Infinity", "-Infinity", "false", "true"] + strings(
            ["0", "-0", "-0.0", "+0", "nan", "-nan", "inf", "-inf", "-1e-400", "-5e-324", "-0_0", " -0 ", "-1",
             "-1_0", " -1_0", "1_0", "-inf_", "-_0"]):
        add("float", "service", "volume_horaire_hebdomadaire", raw)


# ---- int -----------------------------------------------------------------

INT_STRINGS = [
    "4", "+4", "-4", "0", "-0", "+0", "1", "04", "004", "0004", "00", "000", "0_4", "00_4", "0__4", "0_0_4", "_04",
    "4_", "4__0", "4_0", "40_000", "1_000", "1_0_0_0", "_4", "4_0_", "+4_0", "-4_0", "+_4", "-_4", "+0_4",
    "4.0", "4.00", "4.", ".0", "4.5", "4.05", "4.0_0", "4_0.0", "1_0.0", "1.0_0", "1_0.0_0", "1_0.00", "04.0",
    "00.0", "0.0", "0.00", "-4.0", "+4.0", "-04.0", "4.0.0", "4..0", "4.0 ", " 4.0", "4.00000000000000000001",
    "0_.0", "0._0", "00.00", "0_0.0", "_0.0", "4e0", "4E0", "4.0e0", "4e1", "+-4", "-+4", "--4", "++4", "-04",
    "-0_4", "-00", "-0.0", "+04", "+ 4", "- 4", "0x4", "0o4", "0b1", "\u0664", "\uff14", "\u00b2", "4 4", "4,0",
    "4-", "4+", "", "+", "-", "_", "0_", "00_", "0.", "_0", "4\u0000", "nan", "inf", "Infinity",
    "9223372036854775807", "-9223372036854775808", "9223372036854775806", "09223372036854775807",
    "9_223_372_036_854_775_807", "9223372036854775807.0", "+9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "99999999999999999999",
    "0" * 4299 + "4", "0" * 4300 + "4", "0" * 4301 + "4", "0" * 5000 + "4", "0" * 4301, "0" * 10000,
    "0" * 4300 + "4.0", "-" + "0" * 4300 + "4", "+" + "0" * 4300 + "4", " " + "0" * 4300 + "4",
    "0_" * 3000 + "4", "1" * 19, "1" * 20, "1" * 4300, "1" * 4301, "1" * 5000, "+" + "1" * 4301, " " + "1" * 4301,
    "1" * 4301 + " ", "-" + "1" * 4301, "1" * 4301 + ".0", "1" * 4300 + ".0", "1" * 4299 + ".0",
    "0" * 4300 + "1" * 4301, "1_" * 2200 + "1",
]
INT_JSON = [
    "4", "1", "0", "-1", "-0", "4.0", "4.5", "-4.0", "1e2", "1E2", "1e0", "4e-0", "0.4e1", "4.000000000000001",
    "4.0000000000000001", "-0.0", "0.0", "1.0", "0.9999999999999999", "0.99999999999999999",
    "9223372036854775807", "-9223372036854775808", "9223372036854775806.0", "9223372036854775807.0", "9.2e18",
    "-9.2e18", "1e19", "-1e19", "9223372036854775808", "-9223372036854775809", "1e308", "1e400", "5e-324",
    "NaN", "Infinity", "-Infinity", "1" * 4300, "1" * 4301, '["4"]',
    # Escapes, decoded by the JSON parser before the string is read as a number.
    r'"\u0034"', r'"\u0030\u0034"', r'"4\u0000"', r'"\u0034\u002e\u0030"', r'"\u0661"',
] + NON_STRINGS


def int_cases() -> None:
    raws = strings(INT_STRINGS)
    raws += strings(wrapped(["4", "04", "4.0", "1_0", "1_0.0", "-4"], TRIMMED[:7] + TRIMMED[-4:]))
    raws += strings(wrapped(["4", "04"], TRIMMED[7:-4]))
    raws += strings(wrapped(["4", "04"], KEPT))
    raws += INT_JSON
    for raw in raws:
        add("int", "service", "nombre_semaines", raw)


# ---- date ----------------------------------------------------------------

DATE_STRINGS = [
    "2024-01-01", "2025-02-14", "2024-1-1", "2024-01-1", "2024-1-01", "24-01-01", "02024-01-01", "+2024-01-01",
    "-2024-01-01", "20240101", "2024/01/01", "2024.01.01", "01/01/2024", "01-01-2024", "2024_01_01", "2024-01",
    "2024", "2024-W01", "2024-W01-1", "2024-001", "2024-01-01-", "2024--01-01", "2024-01--01", "2024-001-01",
    "2024-02-29", "2023-02-29", "2000-02-29", "2100-02-29", "2024-04-30", "2024-04-31", "2024-06-31",
    "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-12-31", "2024-99-99",
    "1999-12-31", "2000-01-01", "2000-01-02", "2026-06-14", "2026-06-15", "2026-06-16", "2026-12-31",
    "2027-01-01", "9999-12-31", "1000-01-01", "0001-01-01", "0000-01-01", "1969-12-31", "1970-01-01",
    " 2024-01-01", "2024-01-01 ", "\t2024-01-01", "2024-01-01\n", "\u00a02024-01-01", "2024-01-01\u200b",
    "\ufeff2024-01-01", "2024-01-01\u0000", "2024-01-01x", "x2024-01-01", "2024-01-01Z", "2024-01-01+01:00",
    "2024-01-01 Z", "\uff12\uff10\uff12\uff14-01-01", "\u0662\u0660\u0662\u0664-01-01", "2024\u201101\u201101",
    "", " ", "T", "-", "today", "now", "yesterday", "Mon, 01 Jan 2024", "1 janvier 2024", "2024-JAN-01",
    "2024-01-01 ", "2024-01-01   ",
]
DATE_JSON = NON_STRINGS + ['["2024-01-01"]', '{"year": 2024}']

DATETIME_STRINGS = [
    "2024-01-01T", "2024-01-01T00", "2024-01-01T00:00", "2024-01-01T00:00:00", "2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00z", "2024-01-01t00:00:00", "2024-01-01 00:00:00", "2024-01-01_00:00:00",
    "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00+02:00",
    "2024-01-01T00:00:00-11:30", "2024-01-01T00:00:00+0200", "2024-01-01T00:00:00+02", "2024-01-01T00:00:00+2",
    "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00+23:59", "2024-01-01T00:00:00+99:99",
    "2024-01-01T00:00:00.0", "2024-01-01T00:00:00.000000", "2024-01-01T00:00:00.0000000",
    "2024-01-01T00:00:00.0000001", "2024-01-01T00:00:00.0000009", "2024-01-01T00:00:00.000001",
    "2024-01-01T00:00:00.000000000000000000001", "2024-01-01T00:00:00.", "2024-01-01T00:00:00,0",
    "2024-01-01T00:00:00,000001", "2024-01-01T00:00:01", "2024-01-01T00:01", "2024-01-01T01:00",
    "2024-01-01T12:00:00", "2024-01-01T23:59:59.999999", "2024-01-01T24:00:00", "2024-01-01T24:00",
    "2024-01-01T00:00:60", "2024-01-01T00:00:59", "2024-01-01T00:60", "2024-01-01T0:0:0", "2024-01-01T00:0",
    "2024-01-01T00:00:00ZZ", "2024-01-01T00:00:00 Z", "2024-01-01T00:00:00Z ", " 2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00 +00:00", "2024-01-01T00:00:00UTC", "2024-01-01T00:00:00[Europe/Paris]",
    "2024-01-01T00:00:00.000+01:00", "2024-01-01  00:00:00", "2024-01-01T000000", "2024-01-01T00h00",
    "2024-02-30T00:00:00", "2016-12-31T23:59:60Z", "2024-01-01T00:00:00.9999999", "2024-01-01T00:00:00.123456789",
    "2024-01-01T00:00:00.000000+01:00", "2024-01-01T00:00:00-0000", "2024-01-01T00:00:00+00", "2024-01-01T00:00:00+",
    "2024-01-01T00:00:00Z+01:00", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000000Z",
    "1999-12-31T00:00:00", "1999-12-31T23:00:00-01:00",
    "2000-01-01T00:00:00+14:00", "2026-06-15T00:00:00", "2026-06-16T00:00:00-12:00", "2026-06-15T00:00:00Z",
    "1704067200", "1704067200.0", "1704067200.5", "1704067201", "1704067200000", "1704067200000.0",
    "1704067200001", "-1704067200", "0", "00", "86400", "946684800", "946684799", "946684800000", "1781481600",
    "1781568000", "20000000000", "20000000001", "19999999999", "-20000000000", "-20000000001", "1e9",
    "1704067200e0", " 1704067200", "1704067200 ", "+1704067200", "1_704_067_200",
    "\uff11\uff17\uff10\uff14\uff10\uff16\uff17\uff12\uff10\uff10", "1704067200x", "99999999999999999999",
    "253402300799", "253402300800", "253402300799000", "253402300800000", "-62135596800", "-62135596801",
    "-62167219200", "-62167219200000", "-62167219200001",
]
DATETIME_JSON = [
    "1704067200", "1704067200.0", "1704067200.5", "1704067201", "1704067199.9999996", "1704067199.9999994",
    "1704067200.0000004", "1704067200.0000006", "1704067200000", "1704067200000.0", "1704067200000.0004",
    "1704067200000.0006", "1704067199999.9996", "1704067200001", "946684800", "946684799", "946684800000",
    "1781481600", "1781568000", "-86400", "-86400.5", "-86399.75", "0", "-0", "0.0", "-0.0", "1e10", "2e10",
    "20000000000.5", "20000000001", "19999999999.5", "1e20", "-1e20", "1e19", "253402300799", "253402300800",
    "253402300799000", "253402300800000", "-62167219200000", "-62167219200001", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "1.7e308", "5e-324", "NaN", "Infinity", "-Infinity",
]


def date_cases() -> None:
    for raw in strings(DATE_STRINGS) + DATE_JSON:
        add("date", "structure", "date_maj", raw)
    for raw in strings(DATETIME_STRINGS) + DATETIME_JSON:
        add("datetime", "structure", "date_maj", raw)


# ---- URL -----------------------------------------------------------------


def url_of_length(n: int, char: str = "a") -> str:
    head = "https://exemple.fr/"
    per = len(char.encode())
    count = (n - len(head)) // per
    return head + char * count + "a" * (n - len(head) - count * per)


URL_STRINGS = [
    "https://exemple.fr", "http://exemple.fr", "HTTPS://EXEMPLE.FR", "hTtP://exemple.fr", "https://exemple.fr/",
    "https://exemple.fr:443/", "https://exemple.fr:80", "http://exemple.fr:80", "https://exemple.fr:8080",
    "https://exemple.fr:65535", "https://exemple.fr:65536", "https://exemple.fr:0", "https://exemple.fr:",
    "https://exemple.fr:-1", "https://exemple.fr:8a", "https://exemple.fr:00080", "https://exemple.fr::80",
    "https://", "http://", "https:", "https:/", "https:///exemple.fr", "https:/exemple.fr", "https:exemple.fr",
    "https:\\\\exemple.fr\\a", "https://exemple.fr\\a", "//exemple.fr", "exemple.fr", "www.exemple.fr",
    "/chemin", "?q", "#f", "", " ", "\t", "https", "https//exemple.fr", "https:://exemple.fr", "http s://a.fr",
    " https://exemple.fr", "https://exemple.fr ", "\thttps://exemple.fr", "\u0000https://exemple.fr",
    "https://exemple.fr\u0000", "\u001fhttps://exemple.fr", "\u00a0https://exemple.fr", "\ufeffhttps://exemple.fr",
    "https://exemple.fr\u200b", "https://exem\tple.fr", "https://exem\nple.fr", "https://exemple.fr/a\tb",
    "https://exemple.fr/a b", "https://exem ple.fr", "https://exemple.fr/é", "https://exemple.fr/?q=é#é",
    "https://exémple.fr", "https://ÉXEMPLE.FR", "https://xn--exmple-cua.fr", "https://xn--.fr",
    "https://xn--a.fr", "https://xn--zz.fr", "https://XN--EXMPLE-CUA.fr", "https://exemple..fr",
    "https://.exemple.fr", "https://exemple.fr.", "https://exemple.fr..", "https://-exemple.fr",
    "https://exemple-.fr", "https://ex--emple.fr", "https://exe_mple.fr", "https://exe*mple.fr",
    "https://exe%20mple.fr", "https://exe%41mple.fr", "https://exe%2emple.fr", "https://exemple.fr%2F",
    "https://exe%zzmple.fr", "https://exe<mple.fr", "https://exe|mple.fr", "https://exe^mple.fr",
    "https://exe mple.fr", "https://exe#mple.fr", "https://exemple\u3002fr", "https://exemple\uff0efr",
    "https://\uff45\uff58\uff45\uff4d\uff50\uff4c\uff45.fr", "https://ex\u00adample.fr", "https://ex\u200dample.fr",
    "https://\u0645\u062b\u0627\u0644.fr", "https://exemple.xn--p1ai", "https://пример.рф", "https://exemple.123",
    "https://1.2.3.4", "https://256.1.1.1", "https://1.2.3", "https://1.2", "https://16909060", "https://0x7f.1",
    "https://0177.0.0.1", "https://4294967295", "https://4294967296", "https://1.2.3.4.5", "https://1.2.3.4.",
    "https://01.02.03.04", "https://1.2.3.08", "https://1.2.3.0x", "https://[::1]", "https://[::1",
    "https://[1:2:3]", "https://[v1.x]", "https://[::ffff:1.2.3.4]", "https://[0:0:0:0:0:0:0:1]:8080/",
    "https://localhost", "https://localhost:3000", "https://a", "https://a.b.c.d.e.f.g", "https://user:pass@exemple.fr",
    "https://user@exemple.fr", "https://@exemple.fr", "https://user@", "https://:@exemple.fr", "https://a@b@exemple.fr",
    "https://exemple.fr?q=1", "https://exemple.fr#f", "https://exemple.fr/?#", "https://exemple.fr/%zz",
    "https://exemple.fr/<>", "https://exemple.fr/\"", "https://exemple.fr/{}", "https://exemple.fr/../..",
    "https://exemple.fr/./a/../b", "ftp://exemple.fr", "file:///etc/passwd", "file://exemple.fr/a",
    "mailto:a@exemple.fr", "javascript:alert(1)", "data:text/plain,x", "ws://exemple.fr", "wss://exemple.fr",
    "http+unix://x", "urn:isbn:0451450523", "tel:+33123456789", "htp://exemple.fr", "https2://exemple.fr",
    "1https://exemple.fr", "a:b", "C:\\fichier", "https://" + "a" * 63 + ".fr", "https://" + "a" * 64 + ".fr",
    "https://" + ".".join(["a" * 63] * 4), "https://" + ".".join(["a" * 63] * 5),
    "https://😀.fr", "https://xn--e28h.fr", "https://ß.de", "https://faß.de", "https://ΣΑΣ.gr", "https://a\u2010b.fr",
    "https://a\u200cb.fr", "https://\u05d0\u05d1.fr", "https://a\u05d0.fr", "https://\u0661.fr", "https://%65xemple.fr",
    "https://exemple%2efr", "https://[::1]:80", "https://[fe80::1%25eth0]", "https://exemple.fr:443", "http://exemple.fr:443",
    "https://exemple.fr/a%2Fb", "https://exemple.fr/\u0000", "https://exemple.fr/\u007f", "https://exemple.fr/\ud7ff",
    "https://exemple.fr/\ue000", "https://exemple.fr/\ufffd", "https://exemple.fr?\u0001", "https://exemple.fr#\u0001",
    "https://a.b-.c", "https://0.0.0.0", "https://255.255.255.255", "https://1.2.3.256", "https://1..2.3",
    "https://0x", "https://0x.0x.0x.0x", "https://exemple.0x1", "https://exemple.1a", "https://exemple.01",
    url_of_length(2083), url_of_length(2084), url_of_length(2083, "é"), url_of_length(2084, "é"),
    url_of_length(2082, "😀"), url_of_length(2085, "😀"),
]


def url_cases() -> None:
    for raw in strings(URL_STRINGS) + ["1", "1.5"] + NON_STRINGS:
        add("url", "structure", "site_web", raw)


# ---- e-mail --------------------------------------------------------------

EMAIL_STRINGS = [
    "a@exemple.fr", "A@EXEMPLE.FR", "prenom.nom@exemple.fr", "a+b@exemple.fr", "a_b-c@exemple.fr",
    "a!#$%&'*+/=?^_`{|}~-@exemple.fr", " a@exemple.fr", "a@exemple.fr ", "\ta@exemple.fr", "a@exemple.fr\u00a0",
    "a@exemple.fr\n", "a@exemple.fr\r\n", "a\r@exemple.fr", "a@exemple.fr\u2028", "Nom <a@exemple.fr>",
    "\"Nom\" <a@exemple.fr>", "<a@exemple.fr>", "Nom<a@exemple.fr>", "Nom  <a@exemple.fr>", "Nom <a@exemple.fr",
    "Nom <a@exemple.fr> ", " Nom <a@exemple.fr>", "Nom <Nom <a@exemple.fr>>", "Nom <>", "<>", "a@exemple",
    "a@localhost", "a@exemple.local", "a@exemple.test", "a@exemple.invalid", "a@exemple.example", "a@example.com",
    "a@exemple.onion", "a@exemple.arpa", "a@[1.2.3.4]", "a@[IPv6:::1]", "a@1.2.3.4", "@exemple.fr", "a@", "a",
    "", " ", "@", "a@@exemple.fr", "a@b@exemple.fr", "a.b@exemple.fr", ".a@exemple.fr", "a.@exemple.fr",
    "a..b@exemple.fr", "\"a b\"@exemple.fr", "\"a\"@exemple.fr", "\"\"@exemple.fr", "\"a\\\"b\"@exemple.fr",
    "a b@exemple.fr", "a @exemple.fr", "a@ exemple.fr", "a(commentaire)@exemple.fr", "a,b@exemple.fr",
    "a;b@exemple.fr", "a:b@exemple.fr", "a<b@exemple.fr", "a[b]@exemple.fr", "é@exemple.fr", "É@exemple.fr",
    "用户@exemple.fr", "a@exémple.fr", "a@ÉXEMPLE.FR", "a@xn--exmple-cua.fr", "a@xn--.fr", "a@exemple.fr.",
    "a@.exemple.fr", "a@exemple..fr", "a@-exemple.fr", "a@exemple-.fr", "a@exe_mple.fr", "a@exe%mple.fr",
    "a@exemple.123", "a@123.fr", "a@exemple.f", "a@exemple.fr1", "a@fr", "a@exemple\u3002fr",
    "a@\uff45\uff58\uff45\uff4d\uff50\uff4c\uff45.fr", "a\u200b@exemple.fr", "a@exemple.fr\u200b",
    "a\u200d@exemple.fr", "a\u00ad@exemple.fr", "e\u0301@exemple.fr", "\u00e9@exemple.fr", "a\u0000@exemple.fr",
    "a\u007f@exemple.fr", "\U0001f600@exemple.fr", "a" * 64 + "@exemple.fr", "a" * 65 + "@exemple.fr",
    "é" * 64 + "@exemple.fr", "é" * 33 + "@exemple.fr", "a@" + "b" * 63 + ".fr", "a@" + "b" * 64 + ".fr",
    "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 57 + ".fr", "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 58 + ".fr",
    "a" * 64 + "@" + ".".join(["b" * 63] * 2) + "." + "c" * 57 + ".fr",
    "a" * 64 + "@" + ".".join(["b" * 63] * 2) + "." + "c" * 58 + ".fr",
    "N" * 1900 + " <a@exemple.fr>", "N" * 2048 + "<a@exemple.fr>", "a" * 2049,
    "nom.prenom@exemple.gouv.fr", "contact@mairie-saint-étienne.fr", "contact@xn--mairie-saint-tienne-bxb.fr",
]


def email_cases() -> None:
    for raw in strings(EMAIL_STRINGS) + ["1"] + NON_STRINGS:
        add("email", "structure", "courriel", raw)


# ---- constrained strings --------------------------------------------------

DIGITS = {
    "ascii": "0123456789",
    "arabic-indic": "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
    "fullwidth": "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
    "devanagari": "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f",
    "superscript": "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
    "roman": "\u2160\u2161\u2162\u2163\u2164\u2165\u2166\u2167\u2168\u2169",
}


def digits(kind: str, n: int) -> str:
    d = DIGITS[kind]
    return "".join(d[(i * 7 + 5) % 10] for i in range(n))


def code_cases(field: str, n: int, word: bool) -> None:
    values = []
    for kind in DIGITS:
        values += [digits(kind, n), digits(kind, n - 1), digits(kind, n + 1)]
    values += [
        "", " " * n, "a" * n, "A" * n, "_" * n, "é" * n, "ß" * n, "ǅ" * n, "\u0301" * n, "a\u0301" * (n // 2) + "a",
        "2A" + "0" * (n - 2), "2a" + "0" * (n - 2), "2B" + "0" * (n - 2), "9" * (n - 1) + "\n", "9" * n + "\n",
        "\n" + "9" * n, "9" * n + "\r", "9" * n + " ", " " + "9" * n, "9" * (n - 1) + " ", "9" * (n - 2) + "-9",
        "9" * (n - 2) + ".9", "9" * (n - 2) + "\u200b9", "9" * (n - 1) + "\u200b", "9" * (n - 1) + "\u0000",
        "9" * (n - 1) + "\U0001d7d7", "9" * (n - 1) + "\U0001f600", "\ufeff" + "9" * (n - 1), "9" * (n - 1) + "\u00b7",
        "9" * (n - 1) + "\u2028", "9" * (n - 1) + "\u0085", "9" * (n - 1) + "\u1e9e", "9" * (n - 1) + "\u02b0",
        "9" * (n - 1) + "\u203f", "9" * (n - 1) + "\u0903", "9" * (n - 1) + "\u3007", "9" * (n - 1) + "\u2167",
    ]
    raws = strings(values) + [str(int("9" * n)), "1" + "0" * (n - 1) + ".0", "null", "true", '["' + "9" * n + '"]']
    # A pair of surrogates is one character; a lone one is not JSON.
    raws += ['"' + "9" * (n - 1) + '\\ud835\\udfd7"', '"' + "9" * (n - 1) + '\\ud835"', '"' + "9" * (n - 1) + '\\udfd7"']
    for raw in raws:
        add("string", "structure", field, raw)


def length_cases(kind: str, field: str, lo: int, hi: int, chars: list[str]) -> None:
    values = []
    for char in chars:
        for n in (lo - 1, lo, hi, hi + 1):
            values.append((char * n)[: n if len(char) == 1 else n])
    values += ["😀" * (lo - 1) + "a", "a" * (hi - 1) + "😀", "a" * (hi - 1) + "e\u0301"]
    raws = strings(values) + ['"' + "\\ud83d\\ude00" * lo + '"', '"' + "\\ud83d\\ude00" * (hi + 1) + '"', "12345", "null"]
    for raw in raws:
        add("string", kind, field, raw)


NOMS = [
    "Nom.", "Nom etc.", "Nom Etc.", "Nom ETC.", "Nom etc..", "Nom...", "Nom. ", "Nom.\n", "Nom .", "Nom…", "Nom。",
    "Nom．", "etc.", "Nometc.", "Nom (etc.)", "Nom etc. ", "Nom\u200b.", "Nom.\u200b", ".Nom", "...", "a.", "ab.",
    "abc.", "etc", "Nom etc.\u0000", "Nom e.t.c.",
]


def string_cases() -> None:
    code_cases("code_postal", 5, False)
    code_cases("code_insee", 5, True)
    code_cases("siret", 14, False)
    length_cases("structure", "nom", 3, 150, ["a", "é", "€", "😀", "e\u0301", "\u200b", " ", "\u0000", "\n"])
    length_cases("structure", "description", 5, 10000, ["a", "😀", "e\u0301", "\u0000"])
    for raw in strings(NOMS):
        add("string", "structure", "nom", raw)
        add("string", "service", "nom", raw)


# ---- referentials ---------------------------------------------------------


def referential_cases() -> None:
    for field, enum_type in (("type", v1.TypeService), ("frais", v1.Frais)):
        values = [m.value for m in enum_type]
        first = values[0]
        variants = [first.upper(), first.capitalize(), " " + first, first + " ", first + "\n", first + "\u200b",
                    "\ufeff" + first, first.replace("e", "é", 1), first[:-1], first + "s", first + first,
                    first.replace("-", "_"), first.replace("-", " "), first.replace("-", "\u2011"), "", " ",
                    enum_type(first).name if hasattr(enum_type(first), "name") else first, "autre", "null"]
        labels = [d["label"] for d in enum_type.as_dict_list()][:3]
        raws = strings(values + variants + labels) + ["1", "0", "1.5"] + NON_STRINGS + [js([first]), js({"value": first})]
        for raw in raws:
            add("referential", "service", field, raw)


# ---- lists ----------------------------------------------------------------


def list_cases() -> None:
    shapes = ["null", "[]", "[null]", "[1]", "[true]", "[[]]", "{}", "1", "true", '""', '" "', '"[]"']
    # Sets of a referential (minItems 1 on publics).
    for kind, field, enum_type in (
        ("service", "publics", v1.Public),
        ("service", "thematiques", v1.Thematique),
        ("service", "modes_accueil", v1.ModeAccueil),
        ("structure", "reseaux_porteurs", v1.ReseauPorteur),
    ):
        values = [m.value for m in enum_type]
        a, b = values[0], values[1]
        raws = shapes + [
            js([a]), js([a, a]), js([a, b]), js([b, a]), js([a, b, a, b]), js(values), js(values + values),
            js(a), js(f"{a},{b}"), js(f"['{a}']"), js([a.upper()]), js([" " + a]), js([a, "x"]), js(["x", "y"]),
            js(["x", "x"]), js([a, None]), js([a, 1]), js([[a]]), js({a: 1}), js([a, ""]), js([""]),
        ]
        if field == "publics":
            raws += [js(["tous-publics"]), js(["tous-publics", "tous-publics"]), js(["tous-publics", a]),
                     js([a, "tous-publics"]), js(["tous-publics", "x"]), js(["Tous-publics", a])]
        if field == "thematiques":
            raws += [js(["famille"]), js(["famille--"]), js(["famille--garde-denfant"])]
        for raw in raws:
            add("list", kind, field, raw)
    # A list of a union: a code (commune, département, EPCI) or the literal "france".
    zones = [
        ["59350"], ["59"], ["2A"], ["2a"], ["974"], ["976"], ["200093201"], ["france"], ["France"], ["FRANCE"],
        ["5935"], ["593500"], ["2A004"], ["5"], ["1234567890"], ["12345678"], ["59", "59"], ["59", "59350"],
        ["59350 "], [" 59"], ["5_"], ["__"], ["___"], ["_____"], ["_________"], ["é9"], ["٥٩"], ["５９"],
        ["59\n"], ["france\n"], ["france "], [""], ["59", ""], ["59", "x"], ["x", "y"], ["59"] * 40,
        [str(i).zfill(2) for i in range(1, 96)],
    ]
    raws = shapes + [js(z) for z in zones] + ["[59]", "[59350]", "[200093201]", "[59.0]", '"59"', '"france"', '["59", null]']
    for raw in raws:
        add("list", "service", "zone_eligibilite", raw)


# --------------------------------------------------------------------------
# verdicts
# --------------------------------------------------------------------------


def official_value(value):
    """The field's value as the model holds it, as JSON: a float as its ``repr``
    (``"1000.0"``, ``"nan"``, ``"-0.0"``), an integer as its decimal text, a date in ISO
    format, an enum as its value, a set sorted, a URL as ``str``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(official_value(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [official_value(v) for v in value]
    return str(value)


def verdict(case: dict) -> dict:
    model = MODELS[case["kind"]]
    out = dict(case)
    try:
        instance = model.model_validate_json(case["json"])
        out["errors"] = []
        out["value"] = official_value(getattr(instance, case["field"]))
    except pydantic.ValidationError as exc:
        out["errors"] = errors_of(exc)
        out["value"] = None
    try:
        model.model_validate_json(case["json"], context=STRICT_CONTEXT)
        out["errors_strict"] = []
    except pydantic.ValidationError as exc:
        out["errors_strict"] = errors_of(exc)
    return out


def main() -> int:
    for package, expected in VERSIONS.items():
        if version(package) != expected:
            raise SystemExit(f"expected {package} {expected}, found {version(package)}")
    float_cases()
    int_cases()
    date_cases()
    url_cases()
    email_cases()
    string_cases()
    referential_cases()
    list_cases()
    lines = []
    counts: dict[str, list[int]] = {}
    with freeze_time(FROZEN_DATE):
        for case in CASES:
            out = verdict(case)
            lines.append(json.dumps(out, ensure_ascii=False, allow_nan=False))
            c = counts.setdefault(case["type"], [0, 0])
            c[0] += 1
            c[1] += not out["errors"]
    EDGES.parent.mkdir(parents=True, exist_ok=True)
    with open(EDGES, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(", ".join(f"{p} {version(p)}" for p in VERSIONS), file=sys.stderr)
    for ty, (n, valid) in counts.items():
        print(f"{ty}: {n} cases, {valid} valid", file=sys.stderr)
    print(f"wrote {len(lines)} cases to {EDGES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
