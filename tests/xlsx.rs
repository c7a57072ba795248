//! XLSX workbooks (feature `xlsx`): the official valideur's verdicts on the fixtures of
//! `scripts/xlsx/` (lines, fields, values and French messages), the header cases, every
//! cell type, the open-data export as pandas writes it, the template filled in by openpyxl
//! and by rust_xlsxwriter, the writer's round trip, and the hostile set.

mod support;

use std::io::Cursor;

use data_inclusion_schema::io::xlsx::{template, Workbook, XlsxError, XlsxWriter};
use data_inclusion_schema::io::{ColumnProblemKind, Item, Kind};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::{json, Value};

fn valideur() -> Validator {
    Validator::valideur().with_reference_date(support::TODAY)
}

/// Every problem of a sheet as the valideur lists its errors: (line, field, value,
/// message), sorted; and the count of records.
fn errors_of<R: Record, RS: std::io::Read + std::io::Seek>(
    workbook: &mut Workbook<RS>,
    kind: Kind,
    validator: &Validator,
) -> (usize, Vec<(u64, String, Value, String)>) {
    let Some(sheet) = workbook.sheet(kind).unwrap() else {
        return (0, Vec::new());
    };
    let mut total = 0;
    let mut errors = Vec::new();
    for item in sheet.checked::<R>(validator) {
        let Item::Record(entry) = item else {
            panic!("{item:?}")
        };
        total += 1;
        for p in entry.checked.problems {
            errors.push((
                entry.line,
                p.field.clone(),
                p.value.clone(),
                p.to_string_fr(),
            ));
        }
    }
    errors.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    (total, errors)
}

trait Fr {
    fn to_string_fr(&self) -> String;
}

impl Fr for data_inclusion_schema::validate::Problem {
    fn to_string_fr(&self) -> String {
        self.message(data_inclusion_schema::Lang::Fr)
    }
}

fn expected(verdict: &Value) -> (usize, Vec<(u64, String, Value, String)>) {
    let mut errors: Vec<(u64, String, Value, String)> = verdict["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["field"].as_str().unwrap().to_string(),
                e["value"].clone(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    errors.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    (verdict["total"].as_u64().unwrap() as usize, errors)
}

#[test]
fn the_valideurs_verdicts_lines_fields_values_and_wording() {
    let verdicts: Value = serde_json::from_str(&support::read_to_string(
        "tests/fixtures/xlsx/verdicts.json",
    ))
    .unwrap();
    assert_eq!(verdicts["today"], support::TODAY.to_string());
    let validator = valideur();
    for (name, verdict) in verdicts["workbooks"].as_object().unwrap() {
        let mut workbook = Workbook::open(support::path(&format!("tests/fixtures/xlsx/{name}")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let structures = errors_of::<Structure, _>(&mut workbook, Kind::Structures, &validator);
        assert_eq!(
            structures,
            expected(&verdict["structures"]),
            "{name}: structures"
        );
        let services = errors_of::<Service, _>(&mut workbook, Kind::Services, &validator);
        assert_eq!(services, expected(&verdict["services"]), "{name}: services");
    }
}
