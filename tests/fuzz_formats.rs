//! Fuzzing the Parquet and GeoJSON readers on the stable toolchain, as `tests/fuzz.rs`
//! fuzzes the others: damaged files of the interop fixtures, read as the tool reads them.
//!
//! ```sh
//! FUZZ_CASES=100000 cargo test --release --features parquet,geojson --test fuzz_formats -- --nocapture
//! ```
//!
//! `FUZZ_CASES`: the number of cases of each target; `PROPTEST_RNG_SEED`: a fixed seed.

mod support;

use std::fmt::Debug;
use std::time::Instant;

use data_inclusion_schema::io::{Format, Item, Reader};
use data_inclusion_schema::v1::Service;
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

/// Runs one target: `default` cases (or `FUZZ_CASES`).
fn fuzz<S>(
    name: &str,
    default: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(default);
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let start = Instant::now();
    let result = TestRunner::new(config).run(&strategy, test);
    eprintln!("fuzz target {name}: {cases} cases, {:.1?}", start.elapsed());
    if let Err(e) = result {
        panic!("fuzz target {name}: {e}");
    }
}

// ------------------------------------------------------------------ Parquet and GeoJSON

/// What reading gives, checked: every item a record or an unreadable record, but the last,
/// which may be the error that stopped the reading; the records' lines increasing.
fn check_items(bytes: &[u8], format: Format) -> Result<usize, TestCaseError> {
    let validator = support::validator();
    let items: Vec<Item<_>> = Reader::new(bytes, format)
        .checked::<Service>(&validator)
        .collect();
    let mut last_line = 0;
    for (i, item) in items.iter().enumerate() {
        let line = match item {
            Item::Record(entry) => entry.line,
            Item::Unreadable(e) => e.line,
            Item::Stopped(_) => {
                prop_assert_eq!(i, items.len() - 1, "an error that stops is the last item");
                continue;
            }
        };
        prop_assert!(line > last_line, "lines {last_line} then {line}");
        last_line = line;
    }
    Ok(items.len())
}

/// A valid file of the interop fixtures, damaged: bytes overwritten, inserted, removed, or
/// the file cut.
fn damaged(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let bytes = std::fs::read(support::path("tests/fixtures/interop").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let edit = prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| (0u8, at, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| (1u8, at, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| (2u8, at, b)),
        1 => any::<usize>().prop_map(|at| (3u8, at, 0)),
    ];
    proptest::collection::vec(edit, 1..6).prop_map(move |edits| {
        let mut bytes = bytes.clone();
        for (kind, at, b) in edits {
            let i = at % (bytes.len() + 1);
            match kind {
                0 if i < bytes.len() => bytes[i] = b,
                1 => bytes.insert(i, b),
                2 if i < bytes.len() => {
                    bytes.remove(i);
                }
                3 => bytes.truncate(i),
                _ => {}
            }
        }
        bytes
    })
}

/// Damaged Parquet files (in the page headers, the pages, the footer): errors, never a
/// panic or a hang; every row an item.
#[test]
fn fuzz_parquet_reader_on_damaged_files() {
    fuzz(
        "parquet_damaged_files",
        300,
        prop_oneof![
            damaged("services-export.parquet"),
            damaged("services-dictionary.parquet"),
            damaged("services-polars.parquet"),
        ],
        |bytes| {
            check_items(&bytes, Format::Parquet)?;
            Ok(())
        },
    );
}

/// Damaged GeoJSON collections: errors, never a panic or a hang; every feature an item.
#[test]
fn fuzz_geojson_reader_on_damaged_collections() {
    fuzz(
        "geojson_damaged_collections",
        500,
        prop_oneof![
            damaged("services-export.geojson"),
            damaged("structures-export.geojson"),
        ],
        |bytes| {
            check_items(&bytes, Format::GeoJson)?;
            Ok(())
        },
    );
}

// ------------------------------------------------------------------ regressions

/// A Parquet file of the fixtures with bytes inserted by the cargo-fuzz target `parquet`
/// (FUZZING.md, finding 3): on one of its pages parquet 60.1 divides by zero, a panic in
/// any build. The reading stops there with a clear error; the rows before it are read.
#[test]
fn regression_a_page_on_which_parquet_divides_by_zero_is_a_read_error() {
    let bytes = std::fs::read(support::path(
        "tests/fixtures/fuzz/parquet-divide-by-zero.parquet",
    ))
    .unwrap();
    let validator = support::validator();
    let items: Vec<Item<_>> = Reader::new(&bytes[..], Format::Parquet)
        .checked::<Service>(&validator)
        .collect();
    let Some(Item::Stopped(e)) = items.last() else {
        panic!("{items:?}")
    };
    assert!(
        e.to_string()
            .contains("le lecteur Parquet a échoué sur une partie corrompue du fichier"),
        "{e}"
    );
    // Read as the tool reads a file: the same error, no panic.
    let read = data_inclusion_schema::io::read_detected(&bytes[..], Format::Parquet, None)
        .map(|d| d.reader.last().map(|item| format!("{item:?}")));
    assert!(
        format!("{read:?}").contains("le lecteur Parquet a échoué"),
        "{read:?}"
    );
}

/// Found by the `parquet` target (FUZZING.md, finding 4): a corrupt Parquet file whose
/// first bytes are `FE FF`, a UTF-16 byte-order mark in a text file. A Parquet file is
/// bytes: a plain reader gave « encodé en UTF-16 : enregistrez-le en UTF-8 », advice
/// that makes no sense for Parquet, while the tool's reading (`read_detected`) said that
/// the file is not valid Parquet. Both now say the latter.
#[test]
fn regression_a_parquet_file_starting_with_fe_ff_is_not_taken_for_utf16() {
    let bytes = std::fs::read(support::path(
        "tests/fixtures/fuzz/parquet-starting-with-fe-ff.parquet",
    ))
    .unwrap();
    assert_eq!(bytes[..2], [0xFE, 0xFF]);
    let plain: Vec<Item<_>> = Reader::new(&bytes[..], Format::Parquet).collect();
    let [Item::Stopped(e)] = &plain[..] else {
        panic!("{plain:?}")
    };
    let message = e.to_string();
    assert!(message.starts_with("Parquet : "), "{message}");
    assert!(!message.contains("UTF-16"), "{message}");
    let detected = data_inclusion_schema::io::read_detected(&bytes[..], Format::Parquet, None)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(detected.to_string(), message);
}

/// Found by the `geojson` target (FUZZING.md, finding 6): a FeatureCollection with two
/// `features` members. The second array's features were read after the first's with
/// their positions starting again at 1, so that two records had the same position; a
/// JSON reader keeps one of the two arrays (Python's `json`, the last). The features of
/// the first are read, then the reading stops at the second with a clear error.
#[test]
fn regression_a_second_features_member_stops_the_reading() {
    let feature = |id: &str| {
        format!(
            r#"{{"type": "Feature", "properties": {{"id": "{id}", "source": "dora", "nom": "CCAS", "date_maj": "2025-02-14"}}, "geometry": null}}"#
        )
    };
    let geojson = format!(
        "{{\"type\": \"FeatureCollection\",\n\"features\": [{}, {}],\n\"features\": [{}]}}\n",
        feature("a"),
        feature("b"),
        feature("c")
    );
    let items: Vec<Item<_>> = Reader::new(geojson.as_bytes(), Format::GeoJson).collect();
    let lines: Vec<u64> = items
        .iter()
        .filter_map(|item| match item {
            Item::Record(entry) => Some(entry.line),
            _ => None,
        })
        .collect();
    assert_eq!(lines, [1, 2]);
    let Some(Item::Stopped(e)) = items.last() else {
        panic!("{items:?}")
    };
    assert!(
        e.to_string()
            .contains("la FeatureCollection a un second membre « features »"),
        "{e}"
    );
}
