//! Reading and validating at once (`Reader::next_checked`, `Reader::checked`): for every
//! input, the same items as reading ([`Iterator::next`]) then validating each entry
//! ([`Input::check`]): the same lines, the same records, the same problems, the same
//! unreadable records and read errors. For CSV the rows are validated from their cells,
//! the row's map built only when the single pass gives up: this checks that it never
//! accepts a row that the full check on the map would not accept identically.
#![cfg(feature = "io")]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::Path;

use data_inclusion_schema::io::{
    CheckedEntry, CsvCells, Entry, Format, Input, Item, ReadOptions, Reader, WriteOptions, Writer,
};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value};

mod support;

fn validators() -> [Validator; 2] {
    [support::validator(), support::strict_validator()]
}

/// An item as a comparable text: `Debug` of the verdict (NaN is not equal to itself, its
/// `Debug` is), of the record error, of the read error.
fn shown_entry<R: Record + std::fmt::Debug>(item: Item<CheckedEntry<R>>) -> String {
    match item {
        Item::Record(entry) => format!("{} {:?}", entry.line, entry.checked),
        Item::Unreadable(e) => format!("record error {e:?}"),
        Item::Stopped(e) => format!("read error {e:?} {e}"),
    }
}

/// Reading, then [`Input::check`] on each entry.
fn shown_read<R: Record + std::fmt::Debug>(item: Item<Entry>, validator: &Validator) -> String {
    shown_entry::<R>(item.map(|entry| CheckedEntry {
        line: entry.line,
        checked: entry.input.check::<R>(validator),
    }))
}

/// Reading and validating at once gives what reading then validating gives; returns the
/// number of entries.
fn agree_as<R: Record + std::fmt::Debug>(
    bytes: &[u8],
    format: Format,
    options: &ReadOptions,
    validator: &Validator,
) -> Result<usize, TestCaseError> {
    // Reading and validating as an `R` reads CSV cells by `R`'s fields (unless as strings).
    let options = &match options.csv_cells {
        CsvCells::AsStrings => options.clone(),
        _ => options.clone().with_fields(R::FIELDS),
    };
    let expected: Vec<String> = Reader::with_options(bytes, format, options.clone())
        .map(|item| shown_read::<R>(item, validator))
        .collect();
    let checked: Vec<String> = Reader::with_options(bytes, format, options.clone())
        .checked::<R>(validator)
        .map(shown_entry)
        .collect();
    prop_assert_eq!(&checked, &expected, "{}", String::from_utf8_lossy(bytes));
    // After a peek (the item read ahead is checked from its entry), the same.
    let mut reader = Reader::with_options(bytes, format, options.clone());
    reader.peek();
    let mut peeked = Vec::new();
    while let Some(item) = reader.next_checked::<R>(validator) {
        peeked.push(shown_entry(item));
    }
    prop_assert_eq!(&peeked, &expected);
    Ok(expected.len())
}

/// [`agree_as`] for services and structures, with the fields of each (and none), with
/// both validators.
fn agree(bytes: &[u8], format: Format) -> Result<usize, TestCaseError> {
    let mut n = 0;
    for validator in &validators() {
        for options in [
            ReadOptions::default(),
            ReadOptions::default().with_csv_cells(CsvCells::AsStrings),
            ReadOptions::default().with_csv_list_separators([';']),
        ] {
            n = n.max(agree_as::<Service>(bytes, format, &options, validator)?);
            n = n.max(agree_as::<Structure>(bytes, format, &options, validator)?);
        }
    }
    Ok(n)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_fixtures_check_the_same() {
    let mut files = Vec::new();
    for dir in ["tests/fixtures/datagouv", "tests/malformed", "cli/data"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.sort();
    let mut csv = 0;
    for path in files {
        let Some(format) = Format::from_path(&path) else {
            continue;
        };
        let bytes = std::fs::read(&path).unwrap();
        let n = agree(&bytes, format).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if format == Format::Csv {
            csv += n;
        }
    }
    assert!(csv >= 20, "{csv} CSV rows");
}

/// A value as a CSV cell, as a hand-made export writes it: lists of strings joined by
/// `separator` or written as `style` says (`json`, `python`), anything else as JSON text.
fn cell(value: &Value, separator: &str, style: usize) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            match style % 3 {
                0 => items.join(separator),
                1 => Value::from(items).to_string(),
                _ => {
                    let quoted: Vec<String> = items
                        .iter()
                        .map(|s| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")))
                        .collect();
                    format!("[{}]", quoted.join(", "))
                }
            }
        }
        other => other.to_string(),
    }
}

/// Records as CSV: the union of their keys as columns (in the order `shuffle` gives), each
/// cell quoted when it must be.
fn csv_of(
    records: &[Map<String, Value>],
    delimiter: char,
    separator: &str,
    style: usize,
) -> String {
    let mut columns: Vec<&str> = Vec::new();
    for record in records {
        for key in record.keys() {
            if !columns.contains(&key.as_str()) {
                columns.push(key);
            }
        }
    }
    let turn = style % columns.len().max(1);
    columns.rotate_left(turn);
    let quote = |s: &str| {
        if s.contains([delimiter, '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| quote(c)).collect();
    out.push_str(&header.join(&delimiter.to_string()));
    out.push('\n');
    for (i, record) in records.iter().enumerate() {
        let row: Vec<String> = columns
            .iter()
            .map(|c| {
                let value = record.get(*c).unwrap_or(&Value::Null);
                quote(&cell(value, separator, style + i))
            })
            .collect();
        out.push_str(&row.join(&delimiter.to_string()));
        out.push('\n');
    }
    out
}

fn generated(services: bool, n: usize, invalid_share: f64, seed: u64) -> Vec<Map<String, Value>> {
    corpus::jsonl(services, n, invalid_share, seed)
        .lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            Value::Object(map) => map,
            other => panic!("{other}"),
        })
        .collect()
}

#[test]
fn the_generated_corpus_checks_the_same() {
    for services in [true, false] {
        let records = generated(services, 300, 0.3, 7);
        for (delimiter, separator, style) in [(',', ",", 0), (';', "|", 1), ('\t', " | ", 2)] {
            let text = csv_of(&records, delimiter, separator, style);
            assert_eq!(agree(text.as_bytes(), Format::Csv).unwrap(), 300);
        }
        // The valid ones typed, then written by the crate's writer.
        let validator = &validators()[0];
        let mut written = Vec::new();
        for (delimiter, separator) in [(b',', ","), (b';', " | ")] {
            let options = WriteOptions::default()
                .with_csv_delimiter(delimiter)
                .with_csv_list_separator(separator);
            let mut writer = Writer::new(Vec::new(), Format::Csv, options);
            for record in &records {
                let value = Value::Object(record.clone());
                if services {
                    if let Some(r) = validator.check_value::<Service>(&value).record {
                        writer.write(&r).unwrap();
                    }
                } else if let Some(r) = validator.check_value::<Structure>(&value).record {
                    writer.write(&r).unwrap();
                }
            }
            written.push(writer.finish().unwrap());
        }
        for bytes in written {
            assert!(agree(&bytes, Format::Csv).unwrap() > 150);
        }
    }
}

/// The single pass answers for the rows it should: a clean row is not sent to the full
/// check (whose result is the same, but slower). Not observable but by timing; here, the
/// verdicts of a clean file at least.
#[test]
fn clean_rows_are_valid_without_problems() {
    let records = generated(true, 50, 0.0, 3);
    let text = csv_of(&records, ',', ",", 0);
    let validator = &validators()[0];
    let mut n = 0;
    for item in Reader::new(text.as_bytes(), Format::Csv).checked(validator) {
        let entry = item.record().unwrap();
        let checked: data_inclusion_schema::validate::Checked<Service> = entry.checked;
        assert!(checked.record.is_some(), "{:?}", checked.problems);
        n += 1;
    }
    assert_eq!(n, 50);
}

#[test]
fn json_entries_are_check_json() {
    let jsonl = corpus::jsonl(false, 50, 0.3, 5);
    assert_eq!(agree(jsonl.as_bytes(), Format::JsonLines).unwrap(), 50);
    let lines: Vec<&str> = jsonl.lines().collect();
    let json = format!("[{}]", lines.join(",\n"));
    assert_eq!(agree(json.as_bytes(), Format::Json).unwrap(), 50);
    let input = Input::Json(lines[0].to_string());
    let validator = &validators()[0];
    let checked = Reader::new(lines[0].as_bytes(), Format::Json)
        .next_checked::<Structure>(validator)
        .unwrap()
        .record()
        .unwrap()
        .checked;
    assert_eq!(checked, input.check::<Structure>(validator));
}

// ------------------------------------------------------------------ property tests

/// Cells that the cell readers treat specially.
const CELLS: &[&str] = &[
    "",
    " ",
    "4",
    "4.0",
    "4.5",
    "-3",
    "3,5",
    "1e3",
    "1e999",
    "NaN",
    "inf",
    "99999999999999999999",
    "-9223372036854775809",
    "18446744073709551615",
    "0.1",
    "true",
    "False",
    " TRUE ",
    "null",
    "None",
    "[]",
    "[[]]",
    "[[[1]]]",
    "{}",
    "{\"a\": 1}",
    "[1, 2]",
    "[\"a\", null]",
    "['a', None, True, 4]",
    "['a', 'b'",
    "[a, b]",
    "a,b",
    "a|b",
    "a;b",
    ",",
    "famille--garde-denfants",
    "famille--garde-denfants,famille--garde-denfants",
    "['famille--garde-denfants', 'sante--acces-aux-soins']",
    "[\"famille--garde-denfants\", \"famille--garde-denfants\"]",
    "tous-publics",
    "en-presentiel",
    "gratuit",
    "france-travail",
    "2025-02-14",
    "2025-02-30",
    "2020-01-01",
    "https://exemple.fr",
    "contact@exemple.fr",
    "75056",
    "75001",
    "01 23 45 67 89",
    "\u{a0}",
    "é",
    "\"",
    "\\",
    "'",
    "\n",
];

/// A change to a record: a field (of the schema, or not) set to a cell text.
fn field_edit() -> impl Strategy<Value = (String, String)> {
    let names: Vec<String> = Service::FIELDS
        .iter()
        .chain(Structure::FIELDS)
        .map(|f| f.name.to_string())
        .chain(["score_qualite", "extra", ""].map(String::from))
        .collect();
    let text = prop_oneof![
        4 => select(CELLS).prop_map(String::from),
        1 => proptest::collection::vec(select(CELLS), 1..4).prop_map(|c| c.concat()),
        1 => "\\PC{0,12}",
    ];
    (select(names), text)
}

/// Bytes inserted by the file edits.
const PIECES: &[&str] = &[
    "\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\0",
    "[",
    "]",
    "'",
    "\\",
    " ",
    "é",
    "4.0",
    "3,5",
    "[]",
    "a|b",
    "['a', 'b']",
    "null",
];

/// What [`render`] makes a CSV text of: services or structures, the corpus' seed and
/// size, the field edits, the style, the delimiter, the list separator.
type Plan = (
    bool,
    u64,
    usize,
    Vec<(usize, String, String)>,
    usize,
    char,
    &'static str,
);

fn render((services, seed, n, edits, style, delimiter, separator): Plan) -> String {
    let mut records = generated(services, n, 0.2, seed);
    for (i, name, text) in edits {
        if let Some(record) = records.get_mut(i % n.max(1)) {
            record.insert(name, Value::String(text));
        }
    }
    csv_of(&records, delimiter, separator, style)
}

fn csv_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        any::<u64>(),
        1usize..5,
        proptest::collection::vec((any::<usize>(), field_edit()), 0..8)
            .prop_map(|e| e.into_iter().map(|(i, (n, t))| (i, n, t)).collect()),
        any::<usize>(),
        select(vec![',', ';', '\t']),
        select(vec![",", "|", " | "]),
    )
        .prop_map(render)
}

/// Byte edits: text inserted or deleted anywhere (quotes, delimiters, line breaks…).
fn mutated(text: String, edits: Vec<(usize, bool, &'static str)>) -> Vec<u8> {
    let mut bytes = text.into_bytes();
    for (at, insert, piece) in edits {
        let i = at % (bytes.len() + 1);
        if insert {
            bytes.splice(i..i, piece.bytes());
        } else {
            let end = (i + piece.len()).min(bytes.len());
            bytes.drain(i..end);
        }
    }
    bytes
}

/// The number of cases of the property tests: 64, or `FUZZ_CASES` (as `tests/fuzz.rs`).
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Generated records with cells of every kind in every column.
    #[test]
    fn edited_rows_check_the_same(text in csv_text()) {
        agree(text.as_bytes(), Format::Csv)?;
    }

    /// The same, the bytes mutated (rows split, cells shifted, quotes unbalanced…).
    #[test]
    fn mutated_csv_checks_the_same(
        text in csv_text(),
        edits in proptest::collection::vec((any::<usize>(), any::<bool>(), select(PIECES)), 0..5),
    ) {
        agree(&mutated(text, edits), Format::Csv)?;
    }

    /// Arbitrary text, a header of the schema's columns first.
    #[test]
    fn arbitrary_csv_checks_the_same(
        header in select(vec![
            "id,structure_id,source,nom,description,date_maj,thematiques,nombre_semaines,latitude",
            "id;nom;source;date_maj;reseaux_porteurs;latitude;longitude;,x",
            "",
        ]),
        body in proptest::collection::vec(prop_oneof![select(PIECES), select(CELLS)], 0..60),
    ) {
        let text = format!("{header}\n{}", body.concat());
        agree(text.as_bytes(), Format::Csv)?;
    }
}
