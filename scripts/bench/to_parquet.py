"""Writes a JSON Lines corpus as Parquet in the data.gouv.fr export's layout, for the
Parquet modes of ``scripts/bench/compare`` and the memory measurement of BENCHMARKS.md.

    python to_parquet.py KIND IN.jsonl OUT.parquet [--row-group ROWS] [--plain]

KIND: ``services`` or ``structures``. The columns in the export's order (the marts'
contract, pipeline/dbt/models/marts/v1/_models.yml), typed as pandas' ``to_parquet``
writes the export with pyarrow: strings as ``string``, list fields as
``list<element: string>``, ``date_maj`` as ``date32``, the numeric fields (and
``nombre_semaines``, which pandas reads as ``float64`` since it has nulls) as ``double``;
snappy, dictionary encoding. The records are written in row groups of ``--row-group`` rows
(default 1 048 576, pyarrow's), read in pieces of that many lines: a file larger than
memory can be made. ``--plain``: no compression and no dictionary (a larger file from the
same records). A value that does not fit its column's type (none does in the corpus:
its invalid records hold wrong values of the right types) stops the script.
"""

from __future__ import annotations

import datetime
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq

SERVICES = [
    "id", "structure_id", "source", "nom", "conditions_acces", "description", "type",
    "thematiques", "frais", "frais_precisions", "publics", "publics_precisions", "commune",
    "code_postal", "code_insee", "adresse", "complement_adresse", "longitude", "latitude",
    "horaires_accueil", "lien_source", "telephone", "courriel", "contact_nom_prenom",
    "date_maj", "lien_mobilisation", "mobilisable_par", "mobilisation_precisions",
    "modes_accueil", "modes_mobilisation", "zone_eligibilite", "volume_horaire_hebdomadaire",
    "nombre_semaines",
]
STRUCTURES = [
    "id", "siret", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "longitude", "latitude", "telephone", "courriel", "site_web",
    "description", "source", "date_maj", "lien_source", "horaires_accueil",
    "accessibilite_lieu", "reseaux_porteurs",
]
LISTS = {"thematiques", "publics", "mobilisable_par", "modes_accueil", "modes_mobilisation",
         "zone_eligibilite", "reseaux_porteurs"}
FLOATS = {"longitude", "latitude", "volume_horaire_hebdomadaire", "nombre_semaines"}


def schema(columns):
    def type_of(c):
        if c in LISTS:
            return pa.list_(pa.field("element", pa.string()))
        if c in FLOATS:
            return pa.float64()
        if c == "date_maj":
            return pa.date32()
        return pa.string()

    return pa.schema([pa.field(c, type_of(c)) for c in columns])


def value(column, v):
    if v is None:
        return None
    if column == "date_maj":
        return datetime.date.fromisoformat(v)
    if column in FLOATS:
        return float(v)
    return v


def main() -> int:
    args = sys.argv[1:]
    plain = "--plain" in args
    args = [a for a in args if a != "--plain"]
    rows_per_group = 1 << 20
    if "--row-group" in args:
        i = args.index("--row-group")
        rows_per_group = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3 or args[0] not in ("services", "structures"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, source, target = args
    columns = SERVICES if kind == "services" else STRUCTURES
    types = schema(columns)
    options = {"compression": None, "use_dictionary": False} if plain else {}
    with pq.ParquetWriter(target, types, **options) as writer, open(source, encoding="utf-8") as f:
        chunk = []
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            chunk.append({c: value(c, record.get(c)) for c in columns})
            if len(chunk) == rows_per_group:
                writer.write_table(pa.Table.from_pylist(chunk, schema=types), row_group_size=rows_per_group)
                chunk = []
        if chunk:
            writer.write_table(pa.Table.from_pylist(chunk, schema=types), row_group_size=rows_per_group)
    return 0


if __name__ == "__main__":
    sys.exit(main())
