//! CSV list cells, structure-aware (`arbitrary`):
//!
//! - a list of any strings in `zone_eligibilite`, written by `Writer` (any delimiter,
//!   list separator, BOM), reads back as the same list;
//! - any text in a list column (`thematiques`: JSON arrays, Python literals with their
//!   escapes, separators…) and in a number column (`nombre_semaines`), any delimiter and
//!   list separators: read as a list or a string, validated, with every check of the
//!   reader targets (`check_file_with`).
#![no_main]

use arbitrary::Arbitrary;
use data_inclusion_fuzz::{check_file_with, records, Out};
use data_inclusion_schema::io::{Format, Input, Kind, ReadOptions, WriteOptions, Writer};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Arbitrary, Debug)]
enum Case {
    RoundTrip {
        items: Vec<String>,
        base: u8,
        delimiter: u8,
        separator: u8,
        bom: bool,
    },
    AnyText {
        list: String,
        number: String,
        semicolon: bool,
        separators: Vec<u8>,
        sizes: Vec<u8>,
    },
}

const DELIMITERS: &[u8; 3] = b",;\t";
const SEPARATORS: [&str; 3] = [",", "|", " | "];
const READ_SEPARATORS: [char; 5] = [',', '|', ';', ' ', 'x'];

fn quote_cell(cell: &str, delimiter: char) -> String {
    if cell.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fuzz_target!(|case: Case| match case {
    Case::RoundTrip {
        items,
        base,
        delimiter,
        separator,
        bom,
    } => {
        let services = &records().valid_services;
        let mut service = services[usize::from(base) % services.len()].clone();
        service.zone_eligibilite = Some(items.clone());
        let options = WriteOptions::default()
            .with_csv_delimiter(DELIMITERS[usize::from(delimiter) % 3])
            .with_csv_list_separator(SEPARATORS[usize::from(separator) % 3])
            .with_csv_bom(bom);
        let mut writer = Writer::new(Vec::new(), Format::Csv, options);
        writer.write(&service).expect("a service is written");
        let bytes = writer.finish().expect("the CSV is written");
        let read = check_file_with(
            &bytes,
            Format::Csv,
            ReadOptions::for_kind(Kind::Services),
            vec![7],
        );
        let [Out::Entry(2, Input::Fields(fields))] = read.as_slice() else {
            panic!("one row expected: {read:?}");
        };
        let expected: Vec<Value> = items.iter().map(|s| Value::from(s.as_str())).collect();
        assert_eq!(
            fields.get("zone_eligibilite"),
            Some(&Value::Array(expected)),
            "the list written is not read back: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    Case::AnyText {
        list,
        number,
        semicolon,
        separators,
        sizes,
    } => {
        let d = if semicolon { ';' } else { ',' };
        let header = [
            "id",
            "structure_id",
            "source",
            "nom",
            "description",
            "date_maj",
            "thematiques",
            "nombre_semaines",
        ]
        .join(&d.to_string());
        let row = [
            "dora--1",
            "dora--s1",
            "dora",
            "Atelier CV",
            "Un atelier.",
            "2025-02-14",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([quote_cell(&list, d), quote_cell(&number, d)])
        .collect::<Vec<_>>()
        .join(&d.to_string());
        let file = format!("{header}\n{row}");
        let options = ReadOptions::default().with_csv_list_separators(
            separators
                .iter()
                .map(|&s| READ_SEPARATORS[usize::from(s) % READ_SEPARATORS.len()]),
        );
        let sizes = sizes.iter().map(|&s| usize::from(s % 64)).collect();
        let items = check_file_with(file.as_bytes(), Format::Csv, options, sizes);
        assert_eq!(items.len(), 1, "{items:?}");
        if let Out::Entry(_, Input::Fields(fields)) = &items[0] {
            if let Some(value) = fields.get("thematiques") {
                assert!(value.is_array() || value.is_string(), "{value:?}");
            }
        }
    }
});
