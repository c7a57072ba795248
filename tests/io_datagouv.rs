//! The data.gouv.fr CSV exports (pandas `to_csv`: Python list literals, `4.0` integers,
//! an extra `score_qualite` column) read into exactly the records of the JSON Lines beside
//! them.
#![cfg(feature = "io")]

mod support;

use data_inclusion_schema::io::{read_detected, Format, Item, Kind, Reader};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::Record;
use serde_json::Value;
use support::validator;

/// Every record of the input, validated: (line, record).
fn read_all<R: Record>(bytes: &[u8], format: Format) -> Vec<(u64, R)> {
    let validator = validator();
    Reader::new(bytes, format)
        .checked::<R>(&validator)
        .map(|item| {
            let entry = item
                .into_result()
                .expect("no read error")
                .expect("no record error");
            let checked = entry.checked;
            assert_eq!(checked.problems, vec![], "line {}", entry.line);
            (entry.line, checked.record.unwrap())
        })
        .collect()
}

/// `score_qualite`: the value of the CSV's extra column, if it has one (a number: a
/// column of the publication, read by its type).
fn csv_matches_jsonl<R: Record + PartialEq>(csv: &[u8], jsonl: &[u8], score_qualite: Option<f64>) {
    let from_csv = read_all::<R>(csv, Format::Csv);
    let from_jsonl = read_all::<R>(jsonl, Format::JsonLines);
    assert_eq!(from_csv.len(), 5);
    assert_eq!(from_csv.len(), from_jsonl.len());
    for ((csv_line, mut from_csv), (jsonl_line, from_jsonl)) in from_csv.into_iter().zip(from_jsonl)
    {
        // One record per line in both: the header is line 1 of the CSV.
        assert_eq!(csv_line, jsonl_line + 1);
        assert!(from_jsonl.extra().is_empty());
        let extra = std::mem::take(from_csv.extra_mut());
        match score_qualite {
            Some(score) => {
                assert_eq!(extra.len(), 1);
                assert_eq!(extra["score_qualite"], Value::from(score));
            }
            None => assert!(extra.is_empty()),
        }
        assert_eq!(from_csv, from_jsonl);
    }
}

#[test]
fn structures_csv_reads_as_its_jsonl() {
    csv_matches_jsonl::<Structure>(
        include_bytes!("fixtures/datagouv/structures-sample.csv"),
        include_bytes!("fixtures/datagouv/structures-sample.jsonl"),
        None,
    );
}

#[test]
fn services_csv_reads_as_its_jsonl() {
    csv_matches_jsonl::<Service>(
        include_bytes!("fixtures/datagouv/services-sample.csv"),
        include_bytes!("fixtures/datagouv/services-sample.jsonl"),
        Some(0.5),
    );
}

#[test]
fn the_kind_of_each_sample_is_detected() {
    for (bytes, format, kind) in [
        (
            &include_bytes!("fixtures/datagouv/structures-sample.csv")[..],
            Format::Csv,
            Kind::Structures,
        ),
        (
            include_bytes!("fixtures/datagouv/structures-sample.jsonl"),
            Format::JsonLines,
            Kind::Structures,
        ),
        (
            include_bytes!("fixtures/datagouv/services-sample.csv"),
            Format::Csv,
            Kind::Services,
        ),
        (
            include_bytes!("fixtures/datagouv/services-sample.jsonl"),
            Format::JsonLines,
            Kind::Services,
        ),
    ] {
        let detected = read_detected(bytes, format, None).unwrap();
        assert_eq!(
            (detected.kind, detected.kind_detected),
            (kind, true),
            "{format}"
        );
        // The record read to tell the kind is not lost.
        let records: Vec<_> = detected.reader.filter_map(Item::record).collect();
        assert_eq!(records.len(), 5);
        assert_eq!(records[0].line, if format == Format::Csv { 2 } else { 1 });
    }
}

#[test]
fn pandas_integers_and_python_lists_become_typed_values() {
    let services = read_all::<Service>(
        include_bytes!("fixtures/datagouv/services-sample.csv"),
        Format::Csv,
    );
    let (_, second) = &services[1];
    assert_eq!(second.nombre_semaines, Some(4));
    assert_eq!(second.volume_horaire_hebdomadaire, Some(20.0));
    assert_eq!(second.thematiques.as_ref().map(Vec::len), Some(4));
    let (_, third) = &services[2];
    assert_eq!(
        third.zone_eligibilite,
        Some(vec!["59350".to_string(), "62".to_string()])
    );
    assert_eq!(third.volume_horaire_hebdomadaire, None);
}
