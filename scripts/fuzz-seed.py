#!/usr/bin/env python3
"""Seeds the fuzz corpora (fuzz/corpus/TARGET) from the tests' fixtures, and writes the
dictionaries (fuzz/dict/*.dict: field names, referential values, JSON and CSV tokens).

Run by `scripts/fuzz seed`. Seeds are named by their content's SHA-1, as libFuzzer names
its inputs, so that seeding twice adds nothing. Paths are taken from this file's place.
"""
import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = FUZZ / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def files(pattern):
    return sorted(ROOT.glob(pattern))


# the readers: every malformed file and fixture of their format
for target, patterns in {
    "json": ["tests/malformed/*.json", "tests/fixtures/api/*.json"],
    "jsonl": ["tests/malformed/*.jsonl", "cli/data/*.jsonl", "tests/fixtures/datagouv/*.jsonl"],
    "csv": ["tests/malformed/*.csv", "tests/fixtures/datagouv/*.csv"],
}.items():
    for pattern in patterns:
        for path in files(pattern):
            add(target, path.read_bytes())

# JSON documents made of the JSON Lines fixtures: an array, one object
records = []
for path in files("cli/data/*.jsonl") + files("tests/fixtures/datagouv/*.jsonl"):
    records += [line for line in path.read_text().split("\n") if line.strip()]
for i in range(0, len(records), 4):
    add("json", "[\n" + ",\n".join(records[i:i + 4]) + "\n]\n")
for record in records[:8]:
    add("json", record)

# validation: the records, and every 16th case of the conformance corpus (valid and not,
# each group of the official verdicts)
for record in records:
    add("single_pass", record)
cases = (ROOT / "tests/conformance/cases.jsonl").read_text().split("\n")
for line in filter(None, cases[::16]):
    add("single_pass", json.loads(line)["json"])

# names: the referentials' values, format and kind names, CSV headers
referential = (ROOT / "src/v1/generated.rs").read_text()
values = sorted(set(re.findall(r'=> "([a-z0-9-]+--[a-z0-9-]+|[a-z][a-z0-9-]*)",', referential)))
for value in values:
    add("names", value)
for name in ["json", "jsonl", "ndjson", "jsonlines", "csv", "parquet", "pq", "geojson", " CSV\t", "services", "Structure",
             "export/services.NDJSON", "a.b.json", ".csv"]:
    add("names", name)
for path in files("tests/malformed/*.csv") + files("tests/fixtures/datagouv/*.csv"):
    add("names", path.read_bytes().split(b"\n")[0])

# advice: a longitude and a latitude (16 bytes), then the text of the advised fields
import struct
places = [(3.06, 50.63), (50.63, 3.06), (-61.53, 16.24), (55.45, -21.1), (0.0, 0.0), (2.35, 48.85)]
texts = ["Mo-Fr 09:00-17:00", "Mo-Fr 08:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off", "24/7",
         "Mo-Fr 09h00-12h00", "Lundi au vendredi", "Mo,We 10:00-12:00 \"sur rendez-vous\"",
         "Jan-Mar Mo 08:00-sunset", "week 1-53/2 Fr 09:00-12:00", "+33 6 12 34 56 78",
         "01 23 45 67 89", "0590 12 34 56", "3949", "0800 123 456", "+1 202 555 0143",
         "13002526500014", "35600000000048", "12345678901234", "contact@example.com",
         "https://www.example.org", "Jean Dupont", "test", ""]
for i, text in enumerate(texts):
    lon, lat = places[i % len(places)]
    add("advice", struct.pack("<dd", lon, lat) + text.encode())

# xlsx: every workbook of the tests as it is; and each one's XML parts (its first two
# sheets, shared strings, styles, workbook), separated by NUL bytes, as the target builds
# a workbook of them (fuzz/src/xlsx.rs)
import io
import zipfile
for path in files("tests/fixtures/xlsx/*.xlsx"):
    data = path.read_bytes()
    add("xlsx", data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        continue
    names = set(archive.namelist())
    part = lambda name: archive.read(name) if name in names else b""
    sheets = [part("xl/worksheets/sheet1.xml"), part("xl/worksheets/sheet2.xml")]
    if not sheets[0]:
        continue
    add("xlsx", b"\0".join(sheets + [part("xl/sharedStrings.xml"), part("xl/styles.xml")]))
    add("xlsx", b"\0".join(sheets + [part("xl/sharedStrings.xml"), part("xl/styles.xml"),
                                      part("xl/workbook.xml")]))
    add("xlsx", sheets[0] + b"\0\0" + part("xl/sharedStrings.xml"))

# parquet: every Parquet file of the tests (pyarrow, Polars, DuckDB, Spark, ours)
for path in files("tests/fixtures/interop/*.parquet") + files("tests/fixtures/interop/*/*.parquet"):
    add("parquet", path.read_bytes())

# geojson: every GeoJSON file of the tests; FeatureCollections of the JSON Lines records
for path in (files("tests/fixtures/interop/*.geojson") + files("tests/fixtures/interop/*/*.geojson")
             + files("tests/malformed/*.geojson")):
    add("geojson", path.read_bytes())
for i in range(0, len(records), 4):
    features = []
    for j, record in enumerate(records[i:i + 4]):
        geometry = '{"type": "Point", "coordinates": [3.06, 50.63]}' if j % 2 else "null"
        features.append('{"type": "Feature", "properties": %s, "geometry": %s}' % (record, geometry))
    add("geojson", '{"type": "FeatureCollection", "name": "services", "features": [\n'
        + ",\n".join(features) + "\n]}\n")

# dictionaries
fields = sorted(set(re.findall(r"serialize_entry\(\"([a-z_]+)\"", referential)))


def quoted(token):
    out = ""
    for b in token.encode():
        if b in (0x22, 0x5C) or b < 0x20 or b > 0x7E:
            out += "\\x%02X" % b
        else:
            out += chr(b)
    return '"' + out + '"'


common = values + ["2025-02-14", "2026-06-15", "https://exemple.fr", "a@exemple.fr", "59350",
                   "12345678901234", "+33123456789", "tous-publics", "\u00e9", "\ufeff"]
json_tokens = ['"', "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\\ud800", "\\u00e9",
               "null", "true", "false", "1e400", "-0", "0.5", "9999999999999999999999",
               "NaN", "Infinity", '{"', '":', '":"', '","', '"}', "\n", "\r\n", "\t"]
csv_tokens = ['"', '""', ",", ";", "\t", "\n", "\r\n", "\r", "|", " | ", "['", "']", "', '",
              '["', '"]', "[]", "u'", "\\x", "\\u00", "\\U0001f600", "\\777", "None", "True",
              "4.0", "3,5", "\x00", "\xff"]
(FUZZ / "dict").mkdir(exist_ok=True)
for name, tokens in {
    "json": json_tokens + ['"%s"' % f for f in fields] + ['"%s"' % v for v in common] + fields,
    "csv": csv_tokens + fields + common,
    "advice": ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH", "SH", "off", "open", "closed",
               "unknown", "24/7", "sunrise", "sunset", "dawn", "dusk", "week", "Jan", "Dec",
               "easter", "-", ":", ",", ";", "+", "||", "/", "[1]", "[-1]", "00:00", "24:00",
               "09:00-12:00", "\"", "+33", "0033", "(0)", "06", "0590", "0262", "3949",
               "0800", "13002526500014", "356000000", "example.com", "example.org", ".test",
               "test", "xxx", "0000000000"],
    "xlsx": ['<row r="', '<c r="', '" t="s"', '" t="inlineStr"', '" t="b"', '" t="e"', '" t="d"',
             '" t="str"', '" t="n"', '" s="', '<v>', '</v>', '<f>', '</f>', '<is><t>', '</t></is>',
             '</c>', '</row>', '<sheetData>', '</sheetData>', '<si><t>', '</t></si>',
             '<t xml:space="preserve">', 'uniqueCount="', 'count="', '<numFmt numFmtId="',
             'formatCode="', '<xf numFmtId="', '<cellXfs count="', 'applyNumberFormat="1"',
             '<mergeCell ref="', '<sheet name="', 'state="hidden"', 'sheetId="', 'r:id="rId',
             '<dimension ref="', 'yyyy-mm-dd', 'hh:mm:ss', 'dd/mm/yyyy', '0.00', '@', '14', '22',
             '164', 'A1', 'XFD', 'XFE', '1048576', '1048577', '45702', '45702.5', '1e-07', '&amp;',
             '&lt;', '&#10;', '_x000D_', '_x0000_', '#N/A', '#DIV/0!', 'NA', 'null', 'nan', 'TRUE',
             '__ignore__', 'Structures', 'Services', 'structures', 'SERVICES', 'Feuil1', '\0']
            + fields + common,
    "parquet": ["PAR1", "ARROW:schema", "pandas", "\x00\x00\x00\x00", "\xff\xff\xff\xff",
                "\x15\x00", "\x15\x02", "\x19\x1c", "\x19\x2c", "\x16\x00", "\x18\x00"]
               + fields + common,
    "geojson": json_tokens + ['"type"', '"Feature"', '"FeatureCollection"', '"features"',
                              '"properties"', '"geometry"', '"Point"', '"LineString"',
                              '"coordinates"', '"crs"', '"bbox"', '"name"', '"id"',
                              "[3.06, 50.63]", "[]", "[1]", "[1e400, 0]", "[null, null]"]
               + ['"%s"' % f for f in fields] + ['"%s"' % v for v in common],
    "names": values + fields + ["json", "jsonl", "ndjson", "jsonlines", "csv", "parquet", "pq", "geojson", "structures",
                                "services", "structure_id", ".", "/", " ", "\t", "\u00a0",
                                "\u0130", ","],
}.items():
    lines = []
    for token in tokens:
        if token not in lines:
            lines.append(token)
    (FUZZ / "dict" / (name + ".dict")).write_text(
        "# written by scripts/fuzz-seed.py\n" + "".join(quoted(t) + "\n" for t in lines))
