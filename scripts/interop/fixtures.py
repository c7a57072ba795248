"""Writes the interop fixtures of tests/fixtures/interop/: the same records as the
data.gouv.fr export writes them (pandas, pyarrow, geopandas through pyogrio, at the
pipeline's versions), and in the Parquet layouts of the other writers (pyarrow's large
strings, dictionaries and string views, 32-bit integers, timestamps; Polars; DuckDB; a
Spark-like file with INT96 timestamps).

    python scripts/interop/fixtures.py            (run by scripts/interop/run.sh)

The records: the data.gouv.fr samples (tests/fixtures/datagouv/*.jsonl) with the
`score_qualite` the marts add, and a few records at the edges (no coordinates, quotes and
accents, empty lists, integers with and without nulls). They are written first as the API
gives them (`services.jsonl`, `structures.jsonl`): the reference the Rust tests compare
every fixture with.

The export (gip-inclusion/data-inclusion, pipeline/dags/.../publish_opendata/, helpers.py
and dag.py): `pg_hook.get_df("SELECT * FROM public_marts.marts__services_v1")` (pandas
`read_sql`: the columns in the mart's contract order, `text[]` as lists, `date` as
`datetime.date`, numbers as `float64` with NaN for null, an integer column with nulls as
`float64`), the internal `_` columns dropped, then `to_csv(index=False)`,
`to_json(orient="records", force_ascii=False)`, `to_parquet(index=False)` and a GeoDataFrame
of `points_from_xy(longitude, latitude)` in EPSG:4326 written by pyogrio's GeoJSON driver.
This script makes the same calls on a DataFrame built as `read_sql` builds it.

Deterministic: running it twice gives the same files.
"""

import datetime
import json
import math
import os
import sys
import tempfile
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "tests" / "fixtures" / "interop"
SAMPLES = ROOT / "tests" / "fixtures" / "datagouv"

# The export's columns, in the marts' contract order (pipeline/dbt/models/marts/v1/
# _models.yml), less the internal ones.
SERVICE_COLUMNS = [
    "id", "structure_id", "source", "nom", "conditions_acces", "description", "type",
    "thematiques", "frais", "frais_precisions", "publics", "publics_precisions", "commune",
    "code_postal", "code_insee", "adresse", "complement_adresse", "longitude", "latitude",
    "horaires_accueil", "lien_source", "telephone", "courriel", "contact_nom_prenom",
    "date_maj", "lien_mobilisation", "mobilisable_par", "mobilisation_precisions",
    "modes_accueil", "modes_mobilisation", "zone_eligibilite", "volume_horaire_hebdomadaire",
    "nombre_semaines", "score_qualite",
]
STRUCTURE_COLUMNS = [
    "id", "siret", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "longitude", "latitude", "telephone", "courriel", "site_web",
    "description", "source", "date_maj", "lien_source", "horaires_accueil",
    "accessibilite_lieu", "reseaux_porteurs",
]
LIST_COLUMNS = {
    "thematiques", "publics", "mobilisable_par", "modes_accueil", "modes_mobilisation",
    "zone_eligibilite", "reseaux_porteurs",
}
FLOAT_COLUMNS = {"longitude", "latitude", "volume_horaire_hebdomadaire", "nombre_semaines", "score_qualite"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def records():
    """The records, as the API gives them (every column, null when empty)."""
    services = read_jsonl(SAMPLES / "services-sample.jsonl")
    structures = read_jsonl(SAMPLES / "structures-sample.jsonl")
    scores = [0.5, 0.75, 0.3333333333333333, 1.0, 0.0]
    for service, score in zip(services, scores):
        service["score_qualite"] = score
    edge = dict(services[0])
    edge.update({
        "id": "dora--edge-1",
        "nom": "L’atelier « Écrire » d'Anne \"la\" grande",
        "longitude": None,
        "latitude": None,
        "thematiques": [],
        "nombre_semaines": 12,
        "volume_horaire_hebdomadaire": 1.5,
        "score_qualite": None,
        "description": "Ligne 1\nLigne 2, avec ; des séparateurs | et \\ une barre.",
    })
    services.append(edge)
    edge = dict(structures[0])
    edge.update({"id": "src--edge-1", "longitude": None, "latitude": None, "reseaux_porteurs": None,
                 "nom": "Centre « L'Étoile »"})
    structures.append(edge)
    # As the API writes them: the numbers of float fields as floats (`20.0`).
    floats = {"longitude", "latitude", "volume_horaire_hebdomadaire", "score_qualite"}

    def full(rows, columns):
        return [
            {c: float(r[c]) if c in floats and r.get(c) is not None else r.get(c) for c in columns}
            for r in rows
        ]

    return full(services, SERVICE_COLUMNS), full(structures, STRUCTURE_COLUMNS)


def dataframe(rows, columns):
    """A DataFrame as pandas' read_sql builds it from the mart (psycopg2 values)."""
    converted = []
    for r in rows:
        row = []
        for c in columns:
            v = r.get(c)
            if c == "date_maj" and v is not None:
                v = datetime.date.fromisoformat(v)
            row.append(v)
        converted.append(tuple(row))
    return pd.DataFrame.from_records(converted, columns=columns, coerce_float=True)


def export(df, stem):
    """The export's five calls (helpers.py), XLSX left to the crate's XLSX work."""
    df.to_csv(OUT / f"{stem}-export.csv", index=False)
    with open(OUT / f"{stem}-export.json", "w", encoding="utf-8") as f:
        df.to_json(f, orient="records", force_ascii=False)
    df.to_parquet(OUT / f"{stem}-export.parquet", index=False)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.longitude, df.latitude), crs="EPSG:4326")
    # helpers.to_geojson writes to a NamedTemporaryFile; GDAL names the collection after
    # the file: a fixed name here, for a deterministic fixture.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"{stem}-inclusion.geojson")
        gdf.to_file(path, driver="GeoJSON", engine="pyogrio")
        with open(path, "rb") as f:
            (OUT / f"{stem}-export.geojson").write_bytes(f.read())


def layouts(df, rows):
    """The same services in the Parquet layouts of the other writers."""
    table = pa.Table.from_pandas(df, preserve_index=False)

    def cast(table, column, type_):
        i = table.schema.get_field_index(column)
        return table.set_column(i, pa.field(column, type_), table.column(column).cast(type_))

    # Large strings and large lists.
    large = table
    for field in table.schema:
        if pa.types.is_string(field.type):
            large = cast(large, field.name, pa.large_string())
        elif pa.types.is_list(field.type):
            large = cast(large, field.name, pa.large_list(pa.large_string()))
    pq.write_table(large, OUT / "services-large.parquet")

    # Dictionary-encoded strings (as Arrow dictionaries in the file's schema).
    dictionary = table
    for name in ["source", "frais", "type", "commune", "code_postal", "structure_id"]:
        dictionary = dictionary.set_column(
            dictionary.schema.get_field_index(name), name, dictionary.column(name).dictionary_encode()
        )
    pq.write_table(dictionary, OUT / "services-dictionary.parquet")

    # String views.
    view = table
    for field in table.schema:
        if pa.types.is_string(field.type):
            view = cast(view, field.name, pa.string_view())
    pq.write_table(view, OUT / "services-view.parquet")

    # 32-bit integers, 32-bit floats, date_maj as a timestamp at midnight, zstd.
    typed = table
    ints = pa.array([None if r["nombre_semaines"] is None else int(r["nombre_semaines"]) for r in rows], pa.int32())
    typed = typed.set_column(typed.schema.get_field_index("nombre_semaines"), "nombre_semaines", ints)
    typed = cast(typed, "latitude", pa.float32())
    stamps = pa.array(
        [datetime.datetime.fromisoformat(r["date_maj"]) for r in rows], pa.timestamp("us")
    )
    typed = typed.set_column(typed.schema.get_field_index("date_maj"), "date_maj", stamps)
    pq.write_table(typed, OUT / "services-int32-timestamp.parquet", compression="zstd")

    # A Spark-like file: INT96 timestamps in UTC, the legacy layout.
    spark = typed.set_column(
        typed.schema.get_field_index("date_maj"), "date_maj", stamps.cast(pa.timestamp("ns", tz="UTC"))
    )
    pq.write_table(spark, OUT / "services-spark.parquet", use_deprecated_int96_timestamps=True, flavor="spark")

    # Polars (zstd, its own string and list layout), from the records as Polars reads them.
    frame = pl.from_arrow(table)
    frame.write_parquet(OUT / "services-polars.parquet")

    # DuckDB (snappy, its VARCHAR and LIST), from the export's Parquet file.
    con = duckdb.connect()
    source = str(OUT / "services-export.parquet").replace("'", "''")
    target = str(OUT / "services-duckdb.parquet").replace("'", "''")
    con.execute(
        f"COPY (SELECT * EXCLUDE (nombre_semaines), CAST(nombre_semaines AS INTEGER) AS nombre_semaines "
        f"FROM read_parquet('{source}')) TO '{target}' (FORMAT PARQUET)"
    )


def problems(rows):
    """Services with problems, in row groups of two rows: a valid row, an unknown
    thématique, a null `nom`, a value that is not UTF-8 (plain binary), a valid row."""
    table = pa.Table.from_pylist(
        [
            {"id": "p--1", "structure_id": "s", "source": "p", "nom": "Garde", "description": "Une crèche.",
             "date_maj": datetime.date(2025, 2, 14), "thematiques": ["famille--garde-denfants"], "note": b"ok"},
            {"id": "p--2", "structure_id": "s", "source": "p", "nom": "Garde", "description": "Une crèche.",
             "date_maj": datetime.date(2025, 2, 14), "thematiques": ["famille--garde-denfant"], "note": b"ok"},
            {"id": "p--3", "structure_id": "s", "source": "p", "nom": None, "description": "Une crèche.",
             "date_maj": datetime.date(2025, 2, 14), "thematiques": None, "note": None},
            {"id": "p--4", "structure_id": "s", "source": "p", "nom": "Garde", "description": "Une crèche.",
             "date_maj": datetime.date(2025, 2, 14), "thematiques": None, "note": b"\xe9t\xe9"},
            {"id": "p--5", "structure_id": "s", "source": "p", "nom": "Garde", "description": "Une crèche.",
             "date_maj": datetime.date(2025, 2, 14), "thematiques": [], "note": b"ok"},
        ]
    )
    pq.write_table(table, OUT / "services-problems.parquet", row_group_size=2)


def jsonl(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    services, structures = records()
    jsonl(services, OUT / "services.jsonl")
    jsonl(structures, OUT / "structures.jsonl")
    services_df = dataframe(services, SERVICE_COLUMNS)
    structures_df = dataframe(structures, STRUCTURE_COLUMNS)
    export(services_df, "services")
    export(structures_df, "structures")
    layouts(services_df, services)
    problems(services)
    versions = {
        name: module.__version__
        for name, module in [("pandas", pd), ("numpy", np), ("pyarrow", pa), ("geopandas", gpd),
                             ("polars", pl), ("duckdb", duckdb)]
    }
    import pyogrio
    versions["pyogrio"] = pyogrio.__version__
    versions["gdal"] = pyogrio.__gdal_version_string__
    with open(OUT / "VERSIONS.json", "w", encoding="utf-8") as f:
        json.dump(versions, f, indent=2, sort_keys=True)
        f.write("\n")
    print("fixtures written to", OUT.relative_to(ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
