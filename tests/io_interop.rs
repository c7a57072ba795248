//! Interop with the data.gouv.fr export and the other writers of Parquet: the fixtures of
//! `tests/fixtures/interop/` (written by `scripts/interop/fixtures.py` with pandas, pyarrow,
//! geopandas, Polars and DuckDB) read as the same records as the API's JSON of them; and
//! the files the crate writes still those that pandas read as it reads the export
//! (`scripts/interop/readback.py`, its report in `readback.txt`).

mod support;

use std::path::PathBuf;

use data_inclusion_schema::io::parquet::ParquetFile;
use data_inclusion_schema::io::{
    self, CheckedEntry, CsvLists, CsvNumbers, Format, Item, Kind, Reader, RecordErrorKind,
    WriteOptions, Writer,
};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Code;
use data_inclusion_schema::Record;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    support::path(&format!("tests/fixtures/interop/{name}"))
}

/// Every record of a file, validated as `R`: (line, record); panics on anything else.
fn read_all<R: Record>(name: &str) -> Vec<(u64, R)> {
    let opened = io::open(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let validator = support::validator();
    opened
        .reader
        .checked::<R>(&validator)
        .map(|item| match item {
            Item::Record(CheckedEntry { line, checked }) => match checked.record {
                Some(record) => (line, record),
                None => panic!("{name}:{line}: {:?}", checked.problems),
            },
            other => panic!("{name}: {other:?}"),
        })
        .collect()
}

/// The records as the API gives them.
fn reference<R: Record>(name: &str) -> Vec<R> {
    read_all::<R>(name).into_iter().map(|(_, r)| r).collect()
}

#[test]
fn the_export_in_every_format_reads_as_the_api_records() {
    let services = reference::<Service>("services.jsonl");
    let structures = reference::<Structure>("structures.jsonl");
    assert_eq!((services.len(), structures.len()), (6, 6));
    assert_eq!(services[0].extra["score_qualite"], 0.5);
    for format in ["csv", "json", "parquet", "geojson"] {
        let read: Vec<(u64, Service)> = read_all(&format!("services-export.{format}"));
        let lines: Vec<u64> = read.iter().map(|(line, _)| *line).collect();
        let expected_lines: Vec<u64> = match format {
            // A CSV record's line is its physical line (the description of the last
            // record spans two).
            "csv" => vec![2, 3, 4, 5, 6, 7],
            _ => (1..=6).collect(),
        };
        assert_eq!(lines, expected_lines, "{format}");
        let mut read: Vec<Service> = read.into_iter().map(|(_, r)| r).collect();
        if format == "json" {
            // pandas' to_json writes floats with 10 significant digits (its
            // double_precision): the export's JSON has 0.3333333333.
            let score = read[2]
                .extra
                .insert("score_qualite", services[2].extra["score_qualite"].clone());
            assert_eq!(score.and_then(|s| s.as_f64()), Some(0.3333333333));
        }
        assert_eq!(read, services, "services-export.{format}");
        let read: Vec<Structure> = reference(&format!("structures-export.{format}"));
        assert_eq!(read, structures, "structures-export.{format}");
    }
}

#[test]
fn every_parquet_layout_reads_as_the_api_records() {
    let services = reference::<Service>("services.jsonl");
    for name in [
        "services-export.parquet",
        "services-large.parquet",
        "services-dictionary.parquet",
        "services-view.parquet",
        "services-int32-timestamp.parquet",
        "services-spark.parquet",
        "services-polars.parquet",
        "services-duckdb.parquet",
    ] {
        let opened = io::open(fixture(name)).unwrap();
        assert_eq!(
            (opened.kind, opened.kind_detected),
            (Kind::Services, true),
            "{name}"
        );
        let read: Vec<(u64, Service)> = read_all(name);
        let lines: Vec<u64> = read.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, (1..=6).collect::<Vec<_>>(), "{name}");
        let read: Vec<Service> = read.into_iter().map(|(_, r)| r).collect();
        assert_eq!(read, services, "{name}");
    }
}

#[test]
fn the_datagouv_csv_converted_to_json_lines_is_the_api_json() {
    let validator = support::validator();
    let csv = std::fs::read(fixture("services-export.csv")).unwrap();
    let mut jsonl = Writer::new(Vec::new(), Format::JsonLines, WriteOptions::default());
    for item in Reader::new(&csv[..], Format::Csv).checked::<Service>(&validator) {
        let service = item.record().and_then(|e| e.checked.record).unwrap();
        jsonl.write(&service).unwrap();
    }
    let jsonl = String::from_utf8(jsonl.finish().unwrap()).unwrap();
    let api = std::fs::read_to_string(fixture("services.jsonl")).unwrap();
    let ours: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let theirs: Vec<Value> = api
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(ours[1]["score_qualite"], 0.75);
    assert!(ours[1]["score_qualite"].is_f64());
}

/// The crate's files of the interop records, written as `readback.py` has the tool write
/// them.
fn ours(stem: &str, format: Format) -> Vec<u8> {
    let options = match format {
        Format::Csv => WriteOptions::default()
            .with_csv_lists(CsvLists::Python)
            .with_csv_numbers(CsvNumbers::Pandas),
        _ => WriteOptions::default(),
    };
    let mut writer = Writer::new(Vec::new(), format, options);
    if stem == "services" {
        for service in reference::<Service>("services.jsonl") {
            writer.write(&service).unwrap();
        }
    } else {
        for structure in reference::<Structure>("structures.jsonl") {
            writer.write(&structure).unwrap();
        }
    }
    writer.finish().unwrap()
}

#[test]
fn the_writers_write_what_pandas_read_as_it_reads_the_export() {
    // readback.txt says what pandas read from these files; if a writer changes, rerun
    // scripts/interop/run.sh and read the new report.
    let report = std::fs::read_to_string(fixture("readback.txt")).unwrap();
    for format in [Format::Parquet, Format::Csv, Format::GeoJson, Format::Json] {
        for stem in ["services", "structures"] {
            let path = fixture(&format!("ours/{stem}.{format}"));
            let checked_in = std::fs::read(&path).unwrap();
            assert!(
                ours(stem, format) == checked_in,
                "{} is not what the writer writes now: rerun scripts/interop/run.sh",
                path.display()
            );
        }
        if format != Format::Json {
            let verdict = format!("{format}: same columns, order, dtypes and values");
            assert_eq!(report.matches(&verdict).count(), 2, "{format}: {report}");
        }
    }
}

#[test]
fn parquet_problems_are_at_the_rows_numbers_in_the_file() {
    let validator = support::validator();
    let file = ParquetFile::open(fixture("services-problems.parquet")).unwrap();
    assert_eq!(file.num_rows(), 5);
    let groups: Vec<(u64, u64)> = file
        .row_groups()
        .iter()
        .map(|g| (g.first_row, g.rows))
        .collect();
    assert_eq!(groups, [(1, 2), (3, 2), (5, 1)]);
    assert_eq!(file.kind(), Kind::Services);

    let mut seen = Vec::new();
    for item in file.reader().checked::<Service>(&validator) {
        match item {
            Item::Record(entry) => seen.push((
                entry.line,
                entry
                    .checked
                    .problems
                    .iter()
                    .map(|p| (p.field.clone(), p.code()))
                    .collect::<Vec<_>>(),
                entry.checked.record.map(|s| s.extra["note"].clone()),
            )),
            Item::Unreadable(e) => {
                assert_eq!(e.kind, RecordErrorKind::InvalidValue);
                assert_eq!(
                    e.to_string(),
                    "ligne 4 : colonne « note » : octets qui ne sont pas du texte UTF-8"
                );
                seen.push((e.line, vec![], None));
            }
            Item::Stopped(e) => panic!("{e}"),
        }
    }
    assert_eq!(
        seen,
        [
            (1, vec![], Some("ok".into())),
            (2, vec![("thematiques".to_string(), Code::Enum)], None),
            (3, vec![("nom".to_string(), Code::StringType)], None),
            (4, vec![], None),
            (5, vec![], Some("ok".into())),
        ]
    );

    // The second row group alone: the rows keep their numbers in the file.
    let lines: Vec<u64> = file
        .reader_of_row_groups(1..2)
        .unwrap()
        .map(|item| match item {
            Item::Record(entry) => entry.line,
            Item::Unreadable(e) => e.line,
            Item::Stopped(e) => panic!("{e}"),
        })
        .collect();
    assert_eq!(lines, [3, 4]);
    assert!(file.reader_of_row_groups(2..4).is_err());
}

#[test]
fn a_geojson_feature_without_coordinates_has_a_null_geometry_as_in_the_export() {
    let geojson = String::from_utf8(ours("services", Format::GeoJson)).unwrap();
    let edge = geojson
        .lines()
        .find(|l| l.contains("dora--edge-1"))
        .unwrap();
    assert!(
        edge.ends_with("\"geometry\": null},") || edge.ends_with("\"geometry\": null}"),
        "{edge}"
    );
    let export = std::fs::read_to_string(fixture("services-export.geojson")).unwrap();
    let edge = export.lines().find(|l| l.contains("dora--edge-1")).unwrap();
    assert!(edge.contains("\"geometry\": null"), "{edge}");
    let first = geojson.lines().find(|l| l.contains("\"dora--0\"")).unwrap();
    assert!(
        first.contains("\"geometry\": {\"type\": \"Point\", \"coordinates\": [3.06, 50.63]}"),
        "{first}"
    );
}
