#!/usr/bin/env python3
"""Deterministic generator of the conformance corpus (structures and services).

Standard library only. Reads the referentials and the fixtures from the shared
folder (``../shared`` next to the repository root, or ``$CONFORMANCE_SHARED``)
and writes one JSON object per line ``{"kind", "name", "json"}`` to
``target/conformance/corpus.jsonl`` (or ``$CONFORMANCE_CORPUS``).

``json`` is the raw JSON text that ``verdicts.py`` hands, unchanged, to the
official ``model_validate_json``. Every record has a unique, descriptive name.

Usage: python scripts/conformance/generate.py
"""

from __future__ import annotations

import calendar
import json
import os
import random
import sys
from pathlib import Path

SEED = 20260615
REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CONFORMANCE_SHARED", REPO.parent / "shared"))
OUT = Path(os.environ.get("CONFORMANCE_CORPUS", REPO / "target" / "conformance" / "corpus.jsonl"))

MISSING = object()  # marker: remove the key


def load_values(name: str) -> list[str]:
    with open(SHARED / "schema" / "1.0.10" / "extra" / name, encoding="utf-8") as f:
        return [d["value"] for d in json.load(f)]


PUBLICS = load_values("publics.json")
THEMATIQUES = load_values("thematiques.json")
RESEAUX = load_values("reseaux-porteurs.json")
TYPES = load_values("types-de-services.json")
FRAIS = load_values("frais.json")
MODES_ACCUEIL = load_values("modes-accueil.json")
MODES_MOBILISATION = load_values("modes-mobilisation.json")
MOBILISABLE_PAR = load_values("personnes-mobilisatrices.json")
CATEGORIES = load_values("categories.json")

# --------------------------------------------------------------------------
# base records
# --------------------------------------------------------------------------

STRUCTURE_SPARSE = {
    "source": "dora",
    "id": "dora--structure-1",
    "nom": "Centre social Le Tournesol",
    "date_maj": "2025-02-14",
}

STRUCTURE_FULL = {
    "source": "emplois-de-linclusion",
    "id": "emplois-de-linclusion--17",
    "nom": "Association d’entraide œcuménique",
    "date_maj": "2025-02-14",
    "description": "L’association 3027 offre un accès gratuit aux arts, à la culture et au sport.",
    "lien_source": "https://dora.inclusion.beta.gouv.fr/structures/ass-pour-droit-a-l-i-nhes",
    "siret": "13003013300016",
    "commune": "Lille",
    "code_postal": "59000",
    "code_insee": "59350",
    "adresse": "1 rue de Paris",
    "complement_adresse": "Bâtiment B",
    "longitude": 3.06,
    "latitude": 50.63,
    "telephone": "+33123456789",
    "courriel": "exemple@inclusion.gouv.fr",
    "site_web": "https://www.exemple.fr/",
    "horaires_accueil": "Mo-Fr 08:30-12:30; PH off",
    "accessibilite_lieu": "https://acceslibre.beta.gouv.fr/app/17-la-greve-sur-mignon/a/mairie/erp/mairie-la-greve-sur-mignon/",
    "reseaux_porteurs": ["mission-locale", "france-travail"],
}

SERVICE_SPARSE = {
    "source": "dora",
    "structure_id": "dora--42",
    "id": "dora--service-1",
    "nom": "Atelier insertion et posture professionnelle",
    "description": "Atelier collectif.",
    "date_maj": "2025-02-14",
}

SERVICE_FULL = {
    "source": "dora",
    "structure_id": "dora--42",
    "id": "dora--AidantsConnect:2024-47BXY",
    "nom": "Atelier numérique pour débutants",
    "description": (
        "Cet atelier-conseil vous permet d’identifier les compétences à développer pour "
        "atteindre vos objectifs d’évolution professionnelle et à découvrir les différentes "
        "modalités de formation. Durée d’une journée et inscription via votre espace."
    ),
    "lien_source": "https://dora.inclusion.beta.gouv.fr/services/ass-pour-droit-a-l-i-nhes",
    "date_maj": "2026-03-01",
    "type": "atelier",
    "thematiques": ["numerique--acquerir-un-equipement", "sante--acces-aux-soins"],
    "frais": "payant",
    "frais_precisions": "10€ pour l’adhésion annuelle",
    "publics": ["jeunes", "femmes"],
    "publics_precisions": "Le jeune entre 15 et 18 ans.",
    "conditions_acces": "Maîtrise de la langue française à l’oral et à l’écrit",
    "commune": "Lille",
    "code_postal": "59000",
    "code_insee": "59350",
    "adresse": "1 rue de Paris",
    "complement_adresse": "Bâtiment B",
    "longitude": 3.06,
    "latitude": 50.63,
    "telephone": "+33123456789",
    "courriel": "exemple@inclusion.gouv.fr",
    "modes_accueil": ["en-presentiel", "a-distance"],
    "zone_eligibilite": ["59350", "59", "200093201"],
    "contact_nom_prenom": "Camille Dupont",
    "lien_mobilisation": "https://www.actionlogement.fr/demande-cfi",
    "modes_mobilisation": ["envoyer-un-courriel", "telephoner"],
    "mobilisable_par": ["professionnels", "usagers"],
    "mobilisation_precisions": "La demande est à faire depuis l’espace personnel.",
    "volume_horaire_hebdomadaire": 3.5,
    "nombre_semaines": 4,
    "horaires_accueil": "Mo-Fr 08:30-12:30; PH off",
}

STRUCTURE_FIELDS = list(STRUCTURE_FULL)
SERVICE_FIELDS = list(SERVICE_FULL)
assert len(STRUCTURE_FIELDS) == 20 and len(SERVICE_FIELDS) == 33

BASES = {
    ("structure", "sparse"): STRUCTURE_SPARSE,
    ("structure", "full"): STRUCTURE_FULL,
    ("service", "sparse"): SERVICE_SPARSE,
    ("service", "full"): SERVICE_FULL,
}

# --------------------------------------------------------------------------
# corpus accumulator
# --------------------------------------------------------------------------

RECORDS: list[dict] = []
NAMES: set[str] = set()


def dumps(obj, ascii_only: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=ascii_only, allow_nan=False)


def add_raw(kind: str, name: str, text: str) -> None:
    name = f"{kind}/{name}"
    if name in NAMES:
        raise SystemExit(f"duplicate case name: {name}")
    NAMES.add(name)
    RECORDS.append({"kind": kind, "name": name, "json": text})


def patched(base: dict, patch: dict) -> dict:
    out = dict(base)
    for key, value in patch.items():
        if value is MISSING:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def add(kind: str, name: str, base: str | dict, patch: dict | None = None, ascii_only: bool = False) -> None:
    record = BASES[(kind, base)] if isinstance(base, str) else base
    add_raw(kind, name, dumps(patched(record, patch or {}), ascii_only))


def label(value) -> str:
    """A short, readable label for a value, used in case names."""
    if value is MISSING:
        return "missing"
    text = json.dumps(value, ensure_ascii=False)
    # keep names readable and unambiguous: escape invisible and non-space whitespace characters
    text = "".join(c if c.isprintable() and (c == " " or not c.isspace()) else f"\\u{ord(c):04x}" for c in text)
    if len(text) > 40:
        text = text[:28] + f"…(len={len(value) if isinstance(value, (str, list)) else len(text)})"
    return text


def kinds_of(field: str) -> list[str]:
    return [k for k, fields in (("structure", STRUCTURE_FIELDS), ("service", SERVICE_FIELDS)) if field in fields]


# --------------------------------------------------------------------------
# value catalogues
# --------------------------------------------------------------------------

GENERIC = [
    ("missing", MISSING),
    ("null", None),
    ("int-0", 0),
    ("int-42", 42),
    ("int-neg", -7),
    ("float-3.5", 3.5),
    ("float-4.0", 4.0),
    ("true", True),
    ("false", False),
    ("str-empty", ""),
    ("str-x", "x"),
    ("str-42", "42"),
    ("arr-empty", []),
    ("arr-str", ["x"]),
    ("obj-empty", {}),
    ("obj", {"a": 1}),
]

FREE_STRINGS = [
    ("space", " "),
    ("e-acute", "é"),
    ("emoji", "👍"),
    ("nul-char", "a\u0000b"),
    ("newline", "ligne 1\nligne 2"),
    ("tab", "a\tb"),
    ("rtl", "مرحبا"),
    ("long-10001", "a" * 10001),
    ("zero-width", "\u200b"),
    ("nbsp", "\u00a0"),
]

FREE_STRING_FIELDS = [
    "source", "id", "structure_id", "commune", "adresse", "complement_adresse", "telephone",
    "horaires_accueil", "frais_precisions", "publics_precisions", "conditions_acces",
    "contact_nom_prenom", "mobilisation_precisions",
]


def text_of(n: int, unit: str = "a") -> str:
    return unit * n


LENGTH_UNITS = [
    ("ascii", "a"),
    ("e-acute", "é"),  # 1 code point, 2 UTF-8 bytes
    ("oe", "œ"),  # 1 code point, 2 UTF-8 bytes
    ("euro", "€"),  # 1 code point, 3 UTF-8 bytes
    ("emoji", "😀"),  # 1 code point, 4 UTF-8 bytes, 2 UTF-16 units
    ("e-combining", "e\u0301"),  # 2 code points, 1 grapheme
]

CODE_POSTAL = [
    "75001", "01000", "97411", "98000", "00000", "7500", "750011", "7500A", "2A004", "75 01",
    " 75001", "75001 ", "75-01", "٠١٢٣٤", "７５００１", "", "ABCDE", "7500\n", "75001\n", "７５００",
]
CODE_INSEE = [
    "75056", "2A004", "2B033", "2a004", "97411", "ABCDE", "_____", "é1234", "ǅ1234", "7505", "750566",
    "75 56", "7505-", "7505.", "", "٠١٢٣٤", "a\u0301bcd", "👍1234", "75056\n", "99100",
]
SIRET = [
    "13003013300016", "00000000000000", "1300301330001", "130030133000160", "1300301330001A",
    "13003 013300016", "130 030 133 00016", "", "١٣٠٠٣٠١٣٣٠٠٠١٦", "13003013300016\n",
]

DATES = [
    "2024-01-01", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00",
    "2024-01-32", "2024-1-1", "2024-01-1", "24-01-01", "2024/01/01", "01/01/2024", "01-01-2024",
    "20240101", "2024-01-01T00:00:00", "2024-01-01T00:00", "2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00z", "2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00-05:00",
    "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00.000", "2024-01-01T00:00:00.000000",
    "2024-01-01T00:00:00.000001", "2024-01-01T00:00:00.0000001", "2024-01-01T10:00:00",
    "2024-01-01T00:00:01", "2024-01-01T23:59:59", "2024-01-01 00:00:00", "2024-01-01t00:00:00",
    "2024-01-01_00:00:00", "2024-01-01T24:00:00", "2024-01-01T00:60:00", "2024-01-01T00:00:60",
    "2024-01-01T00:00:00,000", "2024-01-01T00", "2024-01-01T", "2024-01-01T00:00:00+0200",
    "2024-01-01T00:00:00+02", "2024-01-01T00:00:00 +02:00", "2024-01-01T00:00:00UTC",
    " 2024-01-01", "2024-01-01 ", "2024-01-01\n", "+2024-01-01", "-2024-01-01", "2024-W01-1",
    "2024-001", "2024-01", "2024", "", "aujourd'hui", "1704067200", "1704067200.0", "1704067200.5",
    "946684800", "1781481600", "1781568000", "0", "-86400", "2024-01-01T00:00:00.000Z",
    "0000-01-01", "0001-01-01", "9999-12-31", "1999-12-31", "2000-01-01", "1999-12-31T00:00:00",
    "2000-01-01T00:00:00", "2026-06-14", "2026-06-15", "2026-06-16", "2026-06-15T00:00:00",
    "2026-06-15T00:00:00+14:00", "2026-06-16T00:00:00-12:00", "2027-01-01", "2026-06-15T12:00:00",
    "1999-12-31T23:00:00-01:00",
]
DATE_NUMBERS = [
    1704067200, 1704067200.0, 1704070000, 1704067200.5, 1704067200000, 1704067200001, 946684800,
    946684799, 1781481600, 1781568000, 0, 86400, -86400, 19723, 20000000000, 20240101, 1.5,
    -1, 1e20,
]

EMAILS = [
    "a@b.fr", "exemple@inclusion.gouv.fr", "prenom.nom@exemple.fr", "a+tag@b.fr", "a_b@c.fr",
    "A@B.FR", "a@B.Fr", "info@b.fr", "INFO@b.fr", "a@example.com", "a@example.org", "a@foo.example",
    "a@example", "a@x.test", "a@x.Test", "a@test.fr", "a@x.test.fr", "a@b.fr.test", "a@x.invalid",
    "a@x.localhost", "a@localhost", "a@x.local", "a@x.onion", "a@x.arpa", "a@1.0.0.127.in-addr.arpa",
    "a@test", "a@b", "a@b.c1", "a@b.123", "a@1.2.3.4", "a@[1.2.3.4]", "a@[IPv6:::1]", "a@b.co",
    ".a@b.fr", "a.@b.fr", "a..b@c.fr", "a@b..fr", "a@-b.fr", "a@b-.fr", "a@.b.fr", "a@b.fr.",
    "a@ab--cd.fr", "a@xn--9ca.fr", "a@xn--zz.fr", "a@xn--ab.fr", "é@b.fr", "a@é.fr", "a@école.fr",
    "josé.garcía@exemple.es", "用户@例子.广告", "a\u0301@b.fr", "\u0301a@b.fr", "a@b.fr\u200b",
    "\"a b\"@c.fr", "\"ab\"@c.fr", "Jean Dupont <a@b.fr>", "<a@b.fr>", "\"Jean\" <a@b.fr>",
    "Jean. <a@b.fr>", "Jean <a@b.fr", " a@b.fr ", "a@b.fr\n", "a@b.fr\r", "\ta@b.fr", "a b@c.fr",
    "a@b c.fr", "a", "@b.fr", "a@", "a@@b.fr", "a@b@c.fr", "a@b_c.fr", "a@b.fr>", "a＠b.fr",
    "a﹫b.fr", "a@b.ｆｒ", "a@b。fr", "", " ", "mailto:a@b.fr", "a@b.fr;c@d.fr", "a@b.fr,c@d.fr",
    "a@b.fr c@d.fr", "x" * 64 + "@b.fr", "x" * 65 + "@b.fr", "x" * 248 + "@b.fr", "x" * 249 + "@b.fr",
    "x" * 250 + "@b.fr", "é" * 124 + "@b.fr", "é" * 125 + "@b.fr", "a@" + "b" * 63 + ".fr",
    "a@" + "b" * 64 + ".fr", "a@" + ".".join(["b" * 62] * 4) + ".fr", "x" * 2044 + "@b.fr",
    "x" * 2100 + "@b.fr", "a@sub.sub.exemple.fr", "a@b.museum", "a@b.xn--p1ai", "a@b.рф",
    "a#b@c.fr", "a!b@c.fr", "a/b@c.fr", "a(b)@c.fr", "a,b@c.fr", "a;b@c.fr", "a:b@c.fr",
    "a\\b@c.fr", "a[b]@c.fr", "a%b@c.fr", "a'b@c.fr", "a{b}@c.fr", "a|b@c.fr", "a~b@c.fr",
]


def url_of_len(total: int, prefix: str = "https://exemple.fr/", unit: str = "a") -> str:
    """A URL whose length is `total` UTF-8 bytes (unit repeated, ASCII padding if needed)."""
    unit_len = len(unit.encode())
    remaining = total - len(prefix.encode())
    count, pad = divmod(remaining, unit_len)
    return prefix + unit * count + "a" * pad


URLS = [
    "https://exemple.fr", "http://exemple.fr", "https://exemple.fr/", "https://www.exemple.fr/chemin?x=1&y=2#ancre",
    "HTTPS://EXEMPLE.FR", "Http://exemple.fr", "ftp://exemple.fr", "file:///etc/passwd", "mailto:a@b.fr",
    "javascript:alert(1)", "ws://exemple.fr", "exemple.fr", "www.exemple.fr", "//exemple.fr", "/chemin",
    "https://", "https:///chemin", "https:/exemple.fr", "https:exemple.fr", "http://localhost",
    "http://localhost:8080/x", "http://127.0.0.1", "http://[::1]/", "http://[1::2::3]", "https://300.1.1.1",
    "https://1.2.3", "https://exa mple.fr", "https://exemple.fr/a b", "https://exemple.fr/é",
    "https://éxemple.fr", "https://xn--xemple-9ua.fr", "https://exemple.fr/<>", "https://exemple.fr/%zz",
    "https://exemple.fr\\chemin", "https://a%20b.fr", "https://exemple.fr:99999", "https://exemple.fr:8080",
    "https://exemple.fr:0", "https://user:pw@exemple.fr", "https://a_b.fr", "https://a..fr", "https://-a.fr",
    "http://a", "https://exemple.fr#frag", " https://exemple.fr ", "https://exemple.fr\n",
    "https://exemple.fr/\t", "\thttps://exemple.fr", "", " ", "https://exemple.fr/😀", "https://😀.fr",
    "https://ex\u200bemple.fr", "https://EXEMPLE.fr/CHEMIN", "https://exemple.fr/?q=é", "http://exemple.fr:80/",
    "https://exemple.fr:443/", "https://[2001:db8::1]:8443/x", "https://exemple.fr/%", "https://%",
    "https://exemple.fr/..%2F..", "https://*.fr", "https://exemple.fr?", "https://exemple.fr/#",
    url_of_len(2083), url_of_len(2084), url_of_len(2082), url_of_len(2083, unit="é"), url_of_len(2084, unit="é"),
    url_of_len(2083, unit="😀"), url_of_len(2087, unit="😀"), url_of_len(2083, prefix="https://é.fr/"),
    url_of_len(2083, prefix=" https://exemple.fr/"), url_of_len(2084, prefix=" https://exemple.fr/"),
    "https://" + "a" * 2072 + ".fr", "https://" + "a" * 2073 + ".fr", "https://" + "a" * 64 + ".fr",
    "https://" + ".".join(["a" * 63] * 4) + ".fr",
]

FLOATS_JSON = [
    0, -0.0, 3.5, -3.5, 4.0, 1e308, -1e308, 1e-320, 5e-324, 2.5e-5, 180, -180, 181, 90.0000001,
    123456789012345678901234567890, 9007199254740993, True, False,
]
FLOAT_STRINGS = [
    "3.5", "3", "-3.5", "3,5", " 3.5 ", "\t3.5\n", "+3", ".5", "5.", "1e3", "1E3", "1e+3", "1e-3",
    "1_000", "1_000.5", "1__0", "_1", "1_", "1._5", "1e_3", "nan", "NaN", "NAN", "-nan", "inf", "-inf",
    "+inf", "Infinity", "-Infinity", "infinity", "INF", "infinit", "in", "nan1", "0x10", "0b1", "1d",
    "1f", "--1", "1 000", "1e", "e3", "1.2.3", "٣", "３", "1e400", "-1e400", "1e-400", "", " ",
    "3.5e0", "0", "-0", "00", "01.5", "\u00a03.5", "3.5\u3000", "\x1c3.5", "\u200b3.5", "3.5\x85",
    "1" * 400, "0." + "0" * 400 + "1", "1" * 5000,
]
INT_JSON = [
    1, 2, 4.0, 2.5, 1.0000000000000002, 0.9999999999999999, 0, -1, -0.0, 0.5, 1e3, 1e18, 1e19, 1e20,
    9007199254740993.0, 9.223372036854775e18, 9.223372036854776e18, -9.223372036854776e18,
    -9.223372036854778e18, 9223372036854775807, 9223372036854775808, 123456789012345678901234567890,
    -123456789012345678901234567890, True, False,
]
INT_STRINGS = [
    "4", "4.0", "4.00", "4.", "4.5", "4.10", "4.0000000000000001", " 4 ", "\t4\n", "+4", "-4", "- 4",
    "01", "001", "0", "-0", "0.0", "1_000", "1_000.0", "1__0", "_1", "1_", "1e2", "1.0e0", "0x10",
    "٤", "４", "nan", "inf", "true", "", " ", "9223372036854775808", "99999999999999999999999",
    "4,0", "4 000", "\u00a04", "4\u3000", "\x1c4", "4\x0b", "\u200b4", "\u20284", "4\x85",
    "-9223372036854775809", "0000000000000000000004", "4" + "0" * 4299, "4" * 4300, "4" * 4301,
    "4.0" + "0" * 5000, "1" + "0" * 18, "1" + "0" * 19,
]

ZONES = [
    ["75056"], ["2A", "2B"], ["200093201"], ["2A", "2B", "200093201"], ["france"], ["99100"], ["99600"],
    ["99699"], ["99100", "france", "75", "971", "2A004", "200093201"], ["France"], ["FRANCE"], [" france"],
    ["75056", "75056"], ["france", "france"], [75056], [75], [None], [True], [["75"]], [{}], ["7"],
    ["75"], ["750"], ["7505"], ["750566"], ["12345678"], ["1234567890"], ["20009320A"], ["2A00X"],
    ["99"], ["ABC"], ["A-B"], ["7 5"], ["2A", "xx-yy"], ["é1"], ["éèà"], ["99100 "], ["٠١٢٣٤٥٦٧٨"],
    ["٠١"], [""], [" "], ["__"], ["75", "", "2A"], ["97", "976", "9760"], ["2A004", "2B"], ["ab"],
    ["fr"], ["metropole"], ["99999"],
]


# --------------------------------------------------------------------------
# 1. bases and fixtures
# --------------------------------------------------------------------------

def gen_bases_and_fixtures() -> None:
    for (kind, base) in BASES:
        add(kind, f"base/{base}", base)
        add(kind, f"base/{base}/ascii-escaped", base, ascii_only=True)
    add_raw("structure", "base/full/pretty-printed", json.dumps(STRUCTURE_FULL, ensure_ascii=False, indent=2))
    add_raw("service", "base/full/pretty-printed", json.dumps(SERVICE_FULL, ensure_ascii=False, indent=2))
    add_raw("structure", "base/full/key-order-reversed",
            dumps(dict(reversed(list(STRUCTURE_FULL.items())))))
    add_raw("service", "base/full/key-order-reversed", dumps(dict(reversed(list(SERVICE_FULL.items())))))
    # every optional field explicitly null
    for kind, full, sparse in (("structure", STRUCTURE_FULL, STRUCTURE_SPARSE), ("service", SERVICE_FULL, SERVICE_SPARSE)):
        add(kind, "base/sparse/all-optional-null", sparse, {k: None for k in full if k not in sparse})

    for path, kind in ((SHARED / "fixtures" / "api" / "v1-structures-page.json", "structure"),
                       (SHARED / "fixtures" / "api" / "v1-services-page.json", "service")):
        with open(path, encoding="utf-8") as f:
            page = json.load(f)
        for i, item in enumerate(page["items"]):
            add_raw(kind, f"fixture/api/{path.stem}/{i}", dumps(item))
    for path, kind in ((SHARED / "fixtures" / "datagouv" / "structures-sample.jsonl", "structure"),
                       (SHARED / "fixtures" / "datagouv" / "services-sample.jsonl", "service")):
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                line = line.rstrip("\n")
                if line.strip():
                    add_raw(kind, f"fixture/datagouv/{path.stem}/{i}", line)


# --------------------------------------------------------------------------
# 2. every field x every JSON type
# --------------------------------------------------------------------------

def gen_generic() -> None:
    for kind, fields in (("structure", STRUCTURE_FIELDS), ("service", SERVICE_FIELDS)):
        sparse = BASES[(kind, "sparse")]
        for field in fields:
            for tag, value in GENERIC:
                if not (tag == "missing" and field not in sparse):
                    add(kind, f"type/{field}/{tag}", "sparse", {field: value})
                if tag in ("missing", "null", "int-42", "arr-str"):
                    add(kind, f"type/{field}/{tag}/on-full", "full", {field: value})
        for field in FREE_STRING_FIELDS:
            if field in fields:
                for tag, value in FREE_STRINGS:
                    if tag != "long-10001" or field in ("source", "adresse", "conditions_acces"):
                        add(kind, f"str/{field}/{tag}", "sparse", {field: value})


# --------------------------------------------------------------------------
# 3. lengths of nom and description, trailing period of nom
# --------------------------------------------------------------------------

def gen_lengths() -> None:
    for kind in ("structure", "service"):
        for unit_tag, unit in LENGTH_UNITS:
            for n in (1, 2, 3, 4, 149, 150, 151):
                add(kind, f"nom/len-{n}/{unit_tag}", "sparse", {"nom": text_of(n, unit)})
        for unit_tag, unit in LENGTH_UNITS:
            lengths = (4, 5, 6, 10000, 10001) if unit_tag in ("ascii", "e-acute", "emoji") else (2, 3, 4, 5, 6)
            for n in lengths:
                add(kind, f"description/len-{n}/{unit_tag}", "sparse", {"description": text_of(n, unit)})
        add(kind, "description/len-10001/on-full", "full", {"description": "a" * 10001})
        add(kind, "nom/len-151/on-full", "full", {"nom": "a" * 151})
        add(kind, "description/len-4-plus-spaces", "sparse", {"description": "  abcd  "})
        add(kind, "nom/whitespace-only-3", "sparse", {"nom": "   "})
        add(kind, "nom/len-2-plus-newline", "sparse", {"nom": "ab\n"})
        add(kind, "nom/emoji-zwj-family", "sparse", {"nom": "👨‍👩‍👧"})
        add(kind, "nom/flag-2-code-points", "sparse", {"nom": "🇫🇷"})
        add(kind, "nom/flag-plus-1", "sparse", {"nom": "🇫🇷a"})


NOMS_PERIOD = [
    "Centre social.", "Centre social etc.", "Centre social...", "Centre social etc..",
    "Centre social ETC.", "Centre social Etc.", "Centre social etc", "Centre social. ", "Centre social.\n",
    "Centre socialetc.", "etc.", "ab.", "a.", ".", "...", "Centre social …", "Centre social．",
    "Centre social。", "Centre social!", "Centre social ?", "St. Martin", "Centre social e.t.c.",
    "Centre social etc.)", "Centre social (etc.)", "Centre social\u00a0etc.", "Centre social etc. .",
    "a" * 149 + ".", "a" * 150 + ".", "é" * 149 + ".", "Centre social\u0000.",
]


def gen_nom_period() -> None:
    for kind in ("structure", "service"):
        for i, nom in enumerate(NOMS_PERIOD):
            add(kind, f"nom-period/{i:02d}/{label(nom)}", "full", {"nom": nom})
            add(kind, f"nom-period/{i:02d}/on-sparse", "sparse", {"nom": nom})


# --------------------------------------------------------------------------
# 4. codes
# --------------------------------------------------------------------------

def gen_codes() -> None:
    for kind in ("structure", "service"):
        for i, v in enumerate(CODE_POSTAL):
            add(kind, f"code_postal/{i:02d}/{label(v)}", "sparse", {"code_postal": v})
        for i, v in enumerate(CODE_INSEE):
            add(kind, f"code_insee/{i:02d}/{label(v)}", "sparse", {"code_insee": v})
    for i, v in enumerate(SIRET):
        add("structure", f"siret/{i:02d}/{label(v)}", "sparse", {"siret": v})
    for v in (13003013300016, 75001):
        add("structure", f"siret/int/{v}", "sparse", {"siret": v})
    add("service", "code_postal/int", "sparse", {"code_postal": 59000})
    add("service", "code_insee/int", "sparse", {"code_insee": 59350})


# --------------------------------------------------------------------------
# 5. dates
# --------------------------------------------------------------------------

def gen_dates() -> None:
    for kind in ("structure", "service"):
        for i, v in enumerate(DATES):
            add(kind, f"date_maj/str/{i:02d}/{label(v)}", "sparse", {"date_maj": v})
        for i, v in enumerate(DATE_NUMBERS):
            add(kind, f"date_maj/num/{i:02d}/{label(v)}", "sparse", {"date_maj": v})
        for tag, v in (("true", True), ("false", False), ("null", None), ("list", ["2024-01-01"]),
                       ("obj", {"date": "2024-01-01"})):
            add(kind, f"date_maj/other/{tag}", "sparse", {"date_maj": v})
    # raw JSON spellings of timestamps
    for kind in ("structure", "service"):
        base = dumps(patched(BASES[(kind, "sparse")], {"date_maj": MISSING}))[:-1]
        for tag, lit in (("exp", "1.7040672e9"), ("nan", "NaN"), ("inf", "Infinity"), ("neg-inf", "-Infinity"),
                         ("huge", "1" * 30), ("1e400", "1e400"), ("neg-zero", "-0")):
            add_raw(kind, f"date_maj/raw/{tag}", base + f', "date_maj": {lit}}}')


def date_minus(days: int) -> str:
    y, m, d = 2026, 6, 15
    ordinal = _ordinal(y, m, d) - days
    return _from_ordinal(ordinal)


def _ordinal(y: int, m: int, d: int) -> int:
    import datetime as _dt
    return _dt.date(y, m, d).toordinal()


def _from_ordinal(o: int) -> str:
    import datetime as _dt
    return _dt.date.fromordinal(o).isoformat()


def gen_date_window() -> None:
    for kind in ("structure", "service"):
        for days in (-365, -2, -1, 0, 1, 2, 180, 365, 730, 3000, 9662, 9663, 9664, 9700):
            add(kind, f"date_window/today-minus-{days}", "full", {"date_maj": date_minus(days)})
        ts_today = calendar.timegm((2026, 6, 15, 0, 0, 0))
        add(kind, "date_window/timestamp-today", "full", {"date_maj": ts_today})
        add(kind, "date_window/timestamp-tomorrow", "full", {"date_maj": ts_today + 86400})
        add(kind, "date_window/timestamp-2000", "full", {"date_maj": calendar.timegm((2000, 1, 1, 0, 0, 0))})
        add(kind, "date_window/timestamp-1999-12-31", "full", {"date_maj": calendar.timegm((1999, 12, 31, 0, 0, 0))})


# --------------------------------------------------------------------------
# 6. emails and URLs
# --------------------------------------------------------------------------

def gen_emails() -> None:
    for i, v in enumerate(EMAILS):
        add("structure", f"courriel/{i:03d}/{label(v)}", "sparse", {"courriel": v})
    for i, v in enumerate(EMAILS[::3]):
        add("service", f"courriel/{i:03d}/{label(v)}", "sparse", {"courriel": v})


URL_FIELDS = {"structure": ["site_web", "lien_source", "accessibilite_lieu"], "service": ["lien_source", "lien_mobilisation"]}


def gen_urls() -> None:
    for i, v in enumerate(URLS):
        add("structure", f"site_web/{i:03d}/{label(v)}", "sparse", {"site_web": v})
        add("service", f"lien_mobilisation/{i:03d}/{label(v)}", "sparse", {"lien_mobilisation": v})
    for i, v in enumerate(URLS[::4]):
        add("structure", f"lien_source/{i:03d}/{label(v)}", "sparse", {"lien_source": v})
        add("structure", f"accessibilite_lieu/{i:03d}/{label(v)}", "sparse", {"accessibilite_lieu": v})
        add("service", f"lien_source/{i:03d}/{label(v)}", "sparse", {"lien_source": v})


# --------------------------------------------------------------------------
# 7. numbers
# --------------------------------------------------------------------------

def gen_numbers() -> None:
    for field, kinds in (("longitude", ("structure", "service")), ("latitude", ("structure",)),
                         ("volume_horaire_hebdomadaire", ("service",))):
        for kind in kinds:
            for i, v in enumerate(FLOATS_JSON):
                add(kind, f"{field}/json/{i:02d}/{label(v)}", "sparse", {field: v})
            for i, v in enumerate(FLOAT_STRINGS):
                add(kind, f"{field}/str/{i:02d}/{label(v)}", "sparse", {field: v})
    for v in (-0.0, -1e-300, -1, 0.0, 1e-300, 168, 1000):
        add("service", f"volume_horaire_hebdomadaire/bound/{label(v)}", "sparse", {"volume_horaire_hebdomadaire": v})
    for i, v in enumerate(INT_JSON):
        add("service", f"nombre_semaines/json/{i:02d}/{label(v)}", "sparse", {"nombre_semaines": v})
    for i, v in enumerate(INT_STRINGS):
        add("service", f"nombre_semaines/str/{i:02d}/{label(v)}", "sparse", {"nombre_semaines": v})
    # raw JSON literals that Python's json module would not write
    raw_numbers = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1E2", "1.0e0", "2e0", "0.5e1", "-0",
                   "-0.0", "1" * 400, "-" + "1" * 400, "1.5e300", "4.0000000000000000001", "1e-400",
                   "01", ".5", "+1", "0x10", "1.", "-", "1e", "nan", "infinity", "1_0"]
    for kind, field in (("structure", "longitude"), ("service", "volume_horaire_hebdomadaire"),
                        ("service", "nombre_semaines")):
        base = dumps(patched(BASES[(kind, "sparse")], {field: MISSING}))[:-1]
        for i, lit in enumerate(raw_numbers):
            add_raw(kind, f"{field}/raw/{i:02d}/{lit[:20]}", base + f', "{field}": {lit}}}')


# --------------------------------------------------------------------------
# 8. referentials
# --------------------------------------------------------------------------

SINGLE_ENUMS = {"type": TYPES, "frais": FRAIS}
SET_ENUMS = {
    "structure": {"reseaux_porteurs": RESEAUX},
    "service": {
        "thematiques": THEMATIQUES, "publics": PUBLICS, "modes_accueil": MODES_ACCUEIL,
        "modes_mobilisation": MODES_MOBILISATION, "mobilisable_par": MOBILISABLE_PAR,
    },
}


def typos(value: str) -> list[tuple[str, object]]:
    return [
        ("upper", value.upper()),
        ("title", value[:1].upper() + value[1:]),
        ("lead-space", " " + value),
        ("trail-space", value + " "),
        ("underscore", value.replace("-", "_")),
        ("truncated", value[:-1]),
        ("plural", value + "s"),
        ("accent", value.replace("e", "é", 1) if "e" in value else value.replace("a", "à", 1)),
        ("nbsp", value + "\u00a0"),
    ]


def gen_enums(rng: random.Random) -> None:
    for field, values in SINGLE_ENUMS.items():
        for v in values:
            add("service", f"{field}/valid/{v}", "sparse", {field: v})
        for tag, v in typos(values[0]):
            add("service", f"{field}/invalid/{tag}", "sparse", {field: v})
        for tag, v in (("list", [values[0]]), ("category", "accompagnement-global"), ("int", 1), ("empty", "")):
            add("service", f"{field}/invalid/{tag}", "sparse", {field: v})
    for kind, fields in SET_ENUMS.items():
        for field, values in fields.items():
            for v in values:
                add(kind, f"{field}/valid/{v}", "sparse", {field: [v]})
            add(kind, f"{field}/valid/all-values", "full", {field: list(values)})
            add(kind, f"{field}/valid/all-values-reversed", "sparse", {field: list(reversed(values))})
            add(kind, f"{field}/valid/all-values-twice", "sparse", {field: list(values) * 2})
            for j in range(3):
                add(kind, f"{field}/valid/random-subset-{j}", "full",
                    {field: rng.sample(values, rng.randint(1, len(values)))})
            v0 = values[0]
            for tag, bad in typos(v0):
                add(kind, f"{field}/invalid-item/{tag}", "sparse", {field: [bad]})
                add(kind, f"{field}/invalid-item/{tag}/with-valid", "sparse", {field: [values[-1], bad]})
            cases = [
                ("empty-list", []), ("duplicates", [v0, v0]), ("duplicates-3", [v0, v0, v0]),
                ("null-item", [v0, None]), ("only-null-item", [None]), ("int-item", [1]),
                ("bool-item", [True]), ("nested-list", [[v0]]), ("obj-item", [{"value": v0}]),
                ("string-not-list", v0), ("comma-string", ",".join(values[:2])), ("obj", {v0: True}),
                ("two-invalid", ["xx", "yy"]), ("same-invalid-twice", ["xx", "xx"]),
                ("invalid-then-valid", ["xx", v0]), ("empty-string-item", [""]),
            ]
            for tag, v in cases:
                add(kind, f"{field}/{tag}", "sparse", {field: v})
                if tag in ("empty-list", "duplicates", "null-item"):
                    add(kind, f"{field}/{tag}/on-full", "full", {field: v})
    # a category (not a thematique) in thematiques
    for c in CATEGORIES[:4]:
        add("service", f"thematiques/invalid-category/{c}", "sparse", {"thematiques": [c]})
    add("service", "thematiques/invalid-double-dash-only", "sparse", {"thematiques": ["sante--"]})


def gen_tous_publics() -> None:
    tp = "tous-publics"
    cases = [
        ("alone", [tp]), ("twice", [tp, tp]), ("with-femmes", [tp, "femmes"]), ("femmes-first", ["femmes", tp]),
        ("with-two", ["jeunes", tp, "seniors"]), ("all", list(PUBLICS)), ("twice-with-other", [tp, tp, "femmes"]),
        ("with-invalid", [tp, "xx"]), ("with-null", [tp, None]), ("upper", ["TOUS-PUBLICS"]),
        ("with-duplicate-other", [tp, "femmes", "femmes"]), ("other-duplicated", ["femmes", "femmes"]),
    ]
    for tag, v in cases:
        add("service", f"tous-publics/{tag}", "sparse", {"publics": v})
        add("service", f"tous-publics/{tag}/on-sparse", "sparse", {"publics": v})


def gen_zones() -> None:
    for i, v in enumerate(ZONES):
        add("service", f"zone_eligibilite/{i:02d}/{label(v)}", "sparse", {"zone_eligibilite": v})
    for tag, v in (("empty", []), ("string", "75056"), ("france-string", "france"), ("obj", {"code": "75"}),
                   ("null", None), ("int", 75056)):
        add("service", f"zone_eligibilite/shape/{tag}", "sparse", {"zone_eligibilite": v})
        add("service", f"zone_eligibilite/shape/{tag}/on-sparse", "sparse", {"zone_eligibilite": v})
    add("service", "zone_eligibilite/many-valid", "full",
        {"zone_eligibilite": [f"{n:05d}" for n in range(1000, 1200)] + ["france", "99100", "2A", "200093201"]})


# --------------------------------------------------------------------------
# 9. extra fields, raw JSON
# --------------------------------------------------------------------------

def gen_extra_fields() -> None:
    extras = [
        ("unknown-str", {"foo": "bar"}),
        ("unknown-null", {"foo": None}),
        ("unknown-obj", {"foo": {"bar": [1, 2, {"baz": None}]}}),
        ("unknown-many", {f"champ_{i}": i for i in range(20)}),
        ("capitalised-key", {"Nom": "Autre nom"}),
        ("score_qualite", {"score_qualite": 0.5}),
        ("score_qualite-invalid", {"score_qualite": "abc"}),
        ("adresse_certifiee", {"adresse_certifiee": False}),
        ("doublons-empty", {"doublons": []}),
        ("doublons", {"doublons": [{"id": "x", "source": "y"}]}),
        ("api-all", {"score_qualite": 0.7, "adresse_certifiee": True, "doublons": []}),
        ("v0-fields", {"typologie": "ACI", "rna": "W123456789", "antenne": False, "labels_nationaux": ["x"],
                       "presentation_resume": "abc", "profils": ["femmes"], "cumulable": True}),
        ("underscore-key", {"_di_surrogate_id": "abc"}),
        ("empty-key", {"": "x"}),
        ("unicode-key", {"é": 1}),
    ]
    for kind in ("structure", "service"):
        for tag, extra in extras:
            add(kind, f"extra/{tag}", "full", extra)
            add(kind, f"extra/{tag}/on-sparse", "sparse", extra)
        # unknown field that shadows a missing required one
        add(kind, "extra/capitalised-key-instead-of-nom", "sparse", {"nom": MISSING, "Nom": "Autre nom"})


def gen_raw(kind: str) -> None:
    sparse = dumps(BASES[(kind, "sparse")])
    body = sparse[1:-1]
    raws = [
        ("empty-text", ""), ("whitespace-only", "  \n"), ("empty-object", "{}"), ("array", "[]"),
        ("array-of-record", f"[{sparse}]"), ("null", "null"), ("string", '"x"'), ("number", "42"),
        ("true", "true"), ("open-brace", "{"), ("trailing-comma", "{" + body + ",}"),
        ("trailing-garbage", sparse + " x"), ("two-objects", sparse + "{}"), ("bom", "\ufeff" + sparse),
        ("leading-whitespace", " \n\t" + sparse), ("trailing-whitespace", sparse + " \r\n"),
        ("single-quotes", sparse.replace('"', "'")), ("comment", "/* c */" + sparse),
        ("unquoted-key", "{source" + body[len('"source"'):] + "}"),
        ("duplicate-key-last-valid", "{" + body + ', "nom": "Autre nom valide"}'),
        ("duplicate-key-last-invalid", "{" + body + ', "nom": "x"}'),
        ("duplicate-key-last-null", "{" + body + ', "nom": null}'),
        ("duplicate-key-first-invalid", '{"nom": "x", ' + body + "}"),
        ("escaped-unicode", dumps(BASES[(kind, "full")], ascii_only=True)),
        ("escaped-surrogate-pair", "{" + body + ', "adresse": "\\ud83d\\ude00 rue"}'),
        ("lone-surrogate", "{" + body + ', "adresse": "\\ud800 rue"}'),
        ("lone-low-surrogate", "{" + body + ', "adresse": "\\udc00 rue"}'),
        ("escaped-nul", "{" + body + ', "adresse": "a\\u0000b"}'),
        ("raw-tab-in-string", "{" + body + ', "adresse": "a\tb"}'),
        ("raw-newline-in-string", "{" + body + ', "adresse": "a\nb"}'),
        ("raw-del-in-string", "{" + body + ', "adresse": "a\x7fb"}'),
        ("invalid-escape", "{" + body + ', "adresse": "a\\xb"}'),
        ("escaped-slash", "{" + body + ', "adresse": "a\\/b"}'),
        ("very-deeply-nested-extra", "{" + body + ', "foo": ' + "[" * 3000 + "]" * 3000 + "}"),
        ("nested-arrays-200-in-extra", "{" + body + ', "foo": ' + "[" * 200 + "]" * 200 + "}"),
        ("nested-arrays-201-in-extra", "{" + body + ', "foo": ' + "[" * 201 + "]" * 201 + "}"),
        ("nested-objects-199-in-extra", "{" + body + ', "foo": ' + '{"a": ' * 199 + "1" + "}" * 199 + "}"),
        ("nested-objects-200-in-extra", "{" + body + ', "foo": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}"),
        ("nan-in-extra", "{" + body + ', "foo": NaN}'),
        ("true-capital", "{" + body + ', "foo": True}'),
        ("key-with-escape", "{" + body.replace('"nom"', '"n\\u006fm"', 1) + "}"),
        ("nul-byte-outside-string", sparse[:-1] + "\x00}"),
    ]
    for tag, text in raws:
        add_raw(kind, f"raw/{tag}", text)


# --------------------------------------------------------------------------
# 10. random valid records and quality-score cases
# --------------------------------------------------------------------------

def random_text(rng: random.Random, n: int) -> str:
    words = ["aide", "emploi", "œuvre", "numérique", "accompagnement", "santé", "logement", "côte", "élève",
             "formation", "jeunes", "insertion", "parcours", "atelier", "projet", "famille"]
    out = []
    while sum(len(w) + 1 for w in out) < n + 20:
        out.append(rng.choice(words))
    return " ".join(out)[:n].strip() or "texte"


def random_structure(rng: random.Random, i: int) -> dict:
    rec = {
        "source": rng.choice(["dora", "emplois-de-linclusion", "france-travail", "soliguide", "mes-aides"]),
        "id": f"src--{i}",
        "nom": random_text(rng, rng.randint(3, 60)).capitalize(),
        "date_maj": date_minus(rng.randint(0, 3000)),
    }
    if len(rec["nom"]) < 3:
        rec["nom"] = "Nom " + rec["nom"]
    optional = {
        "description": lambda: random_text(rng, rng.randint(5, 400)),
        "lien_source": lambda: f"https://dora.inclusion.beta.gouv.fr/structures/{i}",
        "siret": lambda: "".join(rng.choice("0123456789") for _ in range(14)),
        "commune": lambda: rng.choice(["Lille", "Ajaccio", "Saint-Denis", "Paris"]),
        "code_postal": lambda: f"{rng.randint(1000, 98000):05d}",
        "code_insee": lambda: rng.choice(["59350", "2A004", "97411", "75056"]),
        "adresse": lambda: f"{i} rue de Paris",
        "complement_adresse": lambda: rng.choice(["Bât. A", None, ""]),
        "longitude": lambda: round(rng.uniform(-180, 180), 6),
        "latitude": lambda: round(rng.uniform(-90, 90), 6),
        "telephone": lambda: rng.choice(["+33123456789", "01 23 45 67 89", ""]),
        "courriel": lambda: f"contact{i}@exemple.fr",
        "site_web": lambda: f"https://www.exemple{i}.fr/",
        "horaires_accueil": lambda: "Mo-Fr 08:30-12:30",
        "accessibilite_lieu": lambda: f"https://acceslibre.beta.gouv.fr/app/{i}/",
        "reseaux_porteurs": lambda: rng.sample(RESEAUX, rng.randint(0, 3)),
    }
    for key, make in optional.items():
        r = rng.random()
        if r < 0.45:
            rec[key] = make()
        elif r < 0.6:
            rec[key] = None
    return rec


def random_service(rng: random.Random, i: int) -> dict:
    rec = {
        "source": rng.choice(["dora", "emplois-de-linclusion", "france-travail", "agefiph", "soliguide", "mes-aides"]),
        "structure_id": f"src--s{i}",
        "id": f"src--{i}",
        "nom": "Service " + random_text(rng, rng.randint(1, 50)),
        "description": random_text(rng, rng.choice([5, 20, 49, 50, 51, 120, 199, 200, 201, 800, 1999, 2000, 2001, 3000])),
        "date_maj": date_minus(rng.choice([0, 1, 30, 179, 180, 181, 200, 365, 500, 729, 730, 731, 2000])),
    }
    if len(rec["description"]) < 5:
        rec["description"] = "Description"
    optional = {
        "lien_source": lambda: f"https://dora.inclusion.beta.gouv.fr/services/{i}",
        "type": lambda: rng.choice(TYPES),
        "thematiques": lambda: rng.sample(THEMATIQUES, rng.randint(0, 3)),
        "frais": lambda: rng.choice(FRAIS),
        "frais_precisions": lambda: rng.choice(["Adhésion 10€", "", None]),
        "publics": lambda: rng.choice([["tous-publics"], rng.sample(PUBLICS[1:], rng.randint(1, 3))]),
        "publics_precisions": lambda: "Précisions",
        "conditions_acces": lambda: "Aucune",
        "commune": lambda: "Lille",
        "code_postal": lambda: "59000",
        "code_insee": lambda: "59350",
        "adresse": lambda: rng.choice([f"{i} rue de Paris", ""]),
        "complement_adresse": lambda: None,
        "longitude": lambda: 3.06,
        "latitude": lambda: 50.63,
        "telephone": lambda: rng.choice(["+33123456789", ""]),
        "courriel": lambda: f"contact{i}@exemple.fr",
        "modes_accueil": lambda: rng.sample(MODES_ACCUEIL, rng.randint(0, 2)),
        "zone_eligibilite": lambda: rng.choice([["france"], ["59"], ["59350", "2A"], ["200093201"]]),
        "contact_nom_prenom": lambda: "Camille Dupont",
        "lien_mobilisation": lambda: f"https://exemple.fr/mobiliser/{i}",
        "modes_mobilisation": lambda: rng.sample(MODES_MOBILISATION, rng.randint(1, 4)),
        "mobilisable_par": lambda: rng.sample(MOBILISABLE_PAR, rng.randint(1, 2)),
        "mobilisation_precisions": lambda: "Précisions",
        "volume_horaire_hebdomadaire": lambda: rng.choice([0, 1.5, 20]),
        "nombre_semaines": lambda: rng.choice([1, 4, 52]),
        "horaires_accueil": lambda: "Mo-Fr 08:30-12:30",
    }
    for key, make in optional.items():
        r = rng.random()
        if r < 0.5:
            rec[key] = make()
        elif r < 0.62:
            rec[key] = None
    return rec


def gen_random_valid(rng: random.Random) -> None:
    for i in range(120):
        add("structure", f"random-valid/{i:03d}", random_structure(rng, i))
    for i in range(320):
        add("service", f"random-valid/{i:03d}", random_service(rng, i))


def gen_score_cases() -> None:
    base = dict(SERVICE_SPARSE)
    # description length boundaries of description_bien_definie
    for unit_tag, unit in (("ascii", "a"), ("e-acute", "é"), ("emoji", "😀"), ("e-combining", "e\u0301")):
        for n in (5, 49, 50, 51, 199, 200, 201, 1999, 2000, 2001, 10000):
            text = text_of(n, unit) if unit != "e\u0301" else ("e\u0301" * (n // 2) + "a" * (n % 2))
            add("service", f"score/description/{unit_tag}/len-{n}", base, {"description": text})
    # date_maj_recente: age in days, for ordinary and exempted sources
    for source in ("dora", "agefiph", "france-travail", "France-Travail"):
        for days in (0, 1, 90, 179, 180, 181, 182, 200, 364, 365, 366, 400, 455, 500, 600, 728, 729, 730, 731, 1000, 9000):
            add("service", f"score/date/{source}/age-{days}", base, {"source": source, "date_maj": date_minus(days)})
    # frais x frais_precisions
    for frais in (MISSING, None, "gratuit", "payant"):
        for fp in (MISSING, None, "", " ", "10€"):
            add("service", f"score/frais/{label(frais)}/{label(fp)}", base, {"frais": frais, "frais_precisions": fp})
    # mobilisation and contact criteria
    for mm_tag, mm in (("absent", MISSING), ("null", None), ("telephoner", ["telephoner"]),
                       ("courriel", ["envoyer-un-courriel"]), ("se-presenter", ["se-presenter"]),
                       ("lien", ["utiliser-lien-mobilisation"]), ("all", list(MODES_MOBILISATION))):
        for mp_tag, mp in (("absent", MISSING), ("usagers", ["usagers"]), ("both", ["usagers", "professionnels"])):
            for contact_tag, contact in (
                ("none", {}), ("telephone", {"telephone": "+33123456789"}), ("telephone-empty", {"telephone": ""}),
                ("courriel", {"courriel": "a@b.fr"}), ("lien", {"lien_mobilisation": "https://exemple.fr"}),
                ("all", {"telephone": "0102030405", "courriel": "a@b.fr", "lien_mobilisation": "https://exemple.fr"}),
            ):
                add("service", f"score/mobilisation/{mm_tag}/{mp_tag}/{contact_tag}", base,
                    {"modes_mobilisation": mm, "mobilisable_par": mp, **contact})
    # adresse_bien_definie
    for ma_tag, ma in (("absent", MISSING), ("empty", []), ("distance", ["a-distance"]),
                       ("presentiel", ["en-presentiel"]), ("both", ["a-distance", "en-presentiel"])):
        for mm_tag, mm in (("absent", MISSING), ("se-presenter", ["se-presenter"]), ("telephoner", ["telephoner"])):
            for ad_tag, ad in (("absent", MISSING), ("empty", ""), ("space", " "), ("set", "1 rue de Paris")):
                add("service", f"score/adresse/{ma_tag}/{mm_tag}/{ad_tag}", base,
                    {"modes_accueil": ma, "modes_mobilisation": mm, "adresse": ad})
    # publics / thematiques
    for pub_tag, pub in (("absent", MISSING), ("tous", ["tous-publics"]), ("femmes", ["femmes"])):
        for th_tag, th in (("absent", MISSING), ("empty", []), ("one", [THEMATIQUES[0]]), ("all", list(THEMATIQUES))):
            add("service", f"score/publics-thematiques/{pub_tag}/{th_tag}", base, {"publics": pub, "thematiques": th})
    # exact ties at the third decimal: 8 applicable criteria, sums 1, 3, 5, 7 -> 0.125, 0.375, 0.625, 0.875
    old = date_minus(1000)
    tie_base = dict(base, modes_accueil=["en-presentiel"], date_maj=old, description="a" * 20)
    add("service", "score/tie/0.125", tie_base, {"frais": "gratuit"})
    add("service", "score/tie/0.375", tie_base, {"frais": "gratuit", "publics": ["femmes"], "thematiques": [THEMATIQUES[1]]})
    add("service", "score/tie/0.625", tie_base, {"frais": "gratuit", "publics": ["femmes"], "thematiques": [THEMATIQUES[1]],
                                                 "adresse": "1 rue", "lien_mobilisation": "https://exemple.fr"})
    add("service", "score/tie/0.875", tie_base, {"frais": "gratuit", "publics": ["femmes"], "thematiques": [THEMATIQUES[1]],
                                                 "adresse": "1 rue", "lien_mobilisation": "https://exemple.fr",
                                                 "description": "a" * 300, "date_maj": date_minus(10)})
    add("service", "score/tie/0.0625-sum-0.5-over-8", tie_base, {"frais": "payant"})
    add("service", "score/tie/sum-2.5-over-8", tie_base, {"frais": "payant", "publics": ["femmes"], "thematiques": [THEMATIQUES[1]]})
    for days in (181, 190, 250, 300, 410, 455, 600, 700):
        add("service", f"score/tie/interpolated-age-{days}", tie_base, {"date_maj": date_minus(days), "frais": "gratuit"})


# --------------------------------------------------------------------------
# 11. several errors at once
# --------------------------------------------------------------------------

INVALID_POOL = {
    "structure": {
        "source": [None, 42, MISSING], "id": [None, 7, MISSING], "nom": ["ab", None, "a" * 151, "Nom.", 3],
        "date_maj": ["2024-13-01", "1999-12-31", "2026-06-16", None, MISSING, "2024-01-01T10:00:00"],
        "description": ["abcd", 12, "a" * 10001], "lien_source": ["exemple.fr", "ftp://x.fr", 1],
        "siret": ["123", "1300301330001A", 13003013300016], "code_postal": ["7500", "2A004", 75001],
        "code_insee": ["7505", "75-56", 75056], "longitude": ["3,5", [], "abc"], "latitude": [{}, "x"],
        "telephone": [33123456789], "courriel": ["a@b", "a@x.test", "pas un courriel", 1],
        "site_web": ["www.exemple.fr", "", "mailto:a@b.fr"], "horaires_accueil": [8],
        "accessibilite_lieu": ["acceslibre"], "reseaux_porteurs": ["msap", ["MSAP"], [None], {}],
        "commune": [59000], "adresse": [1], "complement_adresse": [True],
    },
    "service": {
        "source": [None, 42, MISSING], "structure_id": [None, MISSING, 1], "id": [None, MISSING],
        "nom": ["ab", None, "a" * 151, "Nom.", 3], "description": ["abcd", None, MISSING, "a" * 10001],
        "date_maj": ["2024-13-01", "1999-12-31", "2026-06-16", None, MISSING, "2024-01-01T10:00:00"],
        "type": ["Formation", "x", 1], "thematiques": [["sante"], "sante--acces-aux-soins", [None]],
        "frais": ["GRATUIT", ["gratuit"]], "frais_precisions": [10], "publics": [[], ["tous-publics", "femmes"], ["xx"], "femmes"],
        "code_postal": ["7500"], "code_insee": ["7505-"], "longitude": ["abc"], "courriel": ["a@b"],
        "modes_accueil": [["presentiel"], "en-presentiel"], "zone_eligibilite": [[], ["France"], "75056", ["7"]],
        "lien_mobilisation": ["exemple.fr", "ftp://x.fr"], "modes_mobilisation": [[], ["x"]],
        "mobilisable_par": [[], ["tous"]], "volume_horaire_hebdomadaire": [-1, "x", "-inf"],
        "nombre_semaines": [0, 2.5, "x", "1e2"], "lien_source": ["x"], "telephone": [1],
    },
}


def gen_combinations(rng: random.Random) -> None:
    for kind, pool in INVALID_POOL.items():
        fields = sorted(pool)
        for i in range(260):
            k = rng.choice([2, 2, 3, 3, 4, 5, 6, 8])
            chosen = rng.sample(fields, k)
            patch = {f: rng.choice(pool[f]) for f in chosen}
            base = rng.choice(["sparse", "full"])
            add(kind, f"combo/{i:03d}/{base}/" + ",".join(sorted(chosen)), base, patch)
        # everything wrong at once
        add(kind, "combo/all-fields-invalid", "full", {f: values[0] for f, values in sorted(pool.items())})
        add(kind, "combo/all-fields-null", "full", {f: None for f in BASES[(kind, "full")]})
        add(kind, "combo/all-fields-int", "full", {f: 1 for f in BASES[(kind, "full")]})
        add(kind, "combo/warning-plus-error", "full", {"nom": "Nom.", "date_maj": "2026-06-16"})
        add(kind, "combo/warning-only", "full", {"nom": "Nom."})
        add(kind, "combo/warning-plus-missing", "sparse", {"nom": "Nom.", "source": MISSING})


def main() -> int:
    rng = random.Random(SEED)
    gen_bases_and_fixtures()
    gen_generic()
    gen_lengths()
    gen_nom_period()
    gen_codes()
    gen_dates()
    gen_date_window()
    gen_emails()
    gen_urls()
    gen_numbers()
    gen_enums(rng)
    gen_tous_publics()
    gen_zones()
    gen_extra_fields()
    gen_raw("structure")
    gen_raw("service")
    gen_random_valid(rng)
    gen_score_cases()
    gen_combinations(rng)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for rec in RECORDS:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts = {k: sum(1 for r in RECORDS if r["kind"] == k) for k in ("structure", "service")}
    print(f"wrote {len(RECORDS)} records to {OUT} ({counts})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
