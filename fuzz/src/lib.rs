//! What the fuzz targets share: the validator, the reading of a file as the tool reads it
//! with the checks every reader target makes, and the comparison of the single pass with
//! the full check.
//!
//! Every check panics on failure (libFuzzer keeps the input as a crash): the message
//! says which property broke.

use std::collections::BTreeSet;
use std::io::Read;

use chrono::NaiveDate;
use data_inclusion_schema::io::{
    read_detected_with, Format, Input, Item, Kind, ReadOptions, Reader, RecordErrorKind,
};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Lang, Level, Problem, Validator};
use data_inclusion_schema::Record;
use serde_json::Value;

pub mod xlsx;

/// The reference date of the tests.
pub const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();

/// The validator of every target: the reference date of the tests.
pub fn validator() -> Validator {
    Validator::new().with_reference_date(TODAY)
}

/// FNV-1a of the input: the options of a reader target are drawn from it, so that any
/// file (a fixture, a crash) is an input as it is, with no header bytes.
pub fn hash(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

// ------------------------------------------------------------------ records

/// Records to start from: the sample data and the data.gouv.fr fixtures (JSON Lines),
/// compiled in.
const RECORD_FILES: &[&str] = &[
    include_str!("../../cli/data/services.jsonl"),
    include_str!("../../cli/data/structures.jsonl"),
    include_str!("../../tests/fixtures/datagouv/services-sample.jsonl"),
    include_str!("../../tests/fixtures/datagouv/structures-sample.jsonl"),
];

/// The records of the fixtures: (services, structures) as JSON objects, valid or not;
/// the valid ones typed.
pub struct Records {
    pub services: Vec<Value>,
    pub structures: Vec<Value>,
    pub valid_services: Vec<Service>,
    pub valid_structures: Vec<Structure>,
}

/// The [`Records`] of the fixtures, read once.
pub fn records() -> &'static Records {
    static RECORDS: std::sync::OnceLock<Records> = std::sync::OnceLock::new();
    RECORDS.get_or_init(|| {
        let validator = validator();
        let mut records = Records {
            services: Vec::new(),
            structures: Vec::new(),
            valid_services: Vec::new(),
            valid_structures: Vec::new(),
        };
        for line in RECORD_FILES.iter().flat_map(|f| f.lines()) {
            let Ok(value) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            if value.get("structure_id").is_some() {
                if let Some(mut s) = validator.check_value::<Service>(&value).record {
                    s.extra.clear();
                    records.valid_services.push(s);
                }
                records.services.push(value);
            } else {
                if let Some(mut s) = validator.check_value::<Structure>(&value).record {
                    s.extra.clear();
                    records.valid_structures.push(s);
                }
                records.structures.push(value);
            }
        }
        assert!(!records.valid_services.is_empty() && !records.valid_structures.is_empty());
        records
    })
}

// ------------------------------------------------------------------ readers

/// An item as read, comparable.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    /// A record and its line (its position for JSON).
    Entry(u64, Input),
    /// An unreadable record.
    Bad {
        line: u64,
        physical: u64,
        kind: RecordErrorKind,
        message: String,
    },
    /// The error that stopped the reading.
    Fatal(String),
}

pub fn out(item: Item<data_inclusion_schema::io::Entry>) -> Out {
    match item {
        Item::Record(entry) => Out::Entry(entry.line, entry.input),
        Item::Unreadable(e) => Out::Bad {
            line: e.line,
            physical: e.physical_line,
            kind: e.kind,
            message: e.message,
        },
        Item::Stopped(e) => Out::Fatal(e.to_string()),
    }
}

/// A reader that gives its bytes in chunks of the sizes it is told (a size 0: the read
/// is interrupted once, which reading retries).
pub struct Chunked<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
    interrupted: bool,
}

impl<'a> Chunked<'a> {
    /// `bytes` given in chunks of `sizes`, in turn.
    pub fn new(bytes: &'a [u8], sizes: Vec<usize>) -> Self {
        Chunked {
            bytes,
            sizes,
            next: 0,
            interrupted: false,
        }
    }
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut size = self
            .sizes
            .get(self.next % self.sizes.len().max(1))
            .copied()
            .unwrap_or(1);
        self.next += 1;
        if size == 0 {
            if !self.interrupted {
                self.interrupted = true;
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            size = 1;
        }
        self.interrupted = false;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// The options of a reading, drawn from the input's hash: mostly the defaults; one input
/// in four a record limit of 1 to 600 bytes (the skipping of records over the limit);
/// list separators.
pub fn read_options(data: &[u8]) -> (ReadOptions, Vec<usize>) {
    let h = hash(data);
    let mut options = ReadOptions::default();
    if h.is_multiple_of(4) {
        options = options.with_max_record_bytes(1 + (h >> 8) as usize % 600);
    }
    if (h >> 20).is_multiple_of(8) {
        options = options.with_csv_list_separators([';', ' ']);
    }
    // Chunks of 0 (an interrupted read) to 63 bytes.
    let sizes = (0..4)
        .map(|i| ((h >> (32 + 8 * i)) & 63) as usize)
        .collect();
    (options, sizes)
}

/// What the report of a file holds, as the command-line tool builds it.
#[derive(Debug, Default, PartialEq)]
pub struct Verdicts {
    pub records: u64,
    pub valid: u64,
    pub invalid: u64,
    /// (line, field, code, level, message) of every problem.
    pub report: Vec<(u64, String, String, Level, String)>,
    /// The lines of the invalid records.
    pub invalid_lines: BTreeSet<u64>,
    /// Why reading stopped.
    pub fatal: Option<String>,
}

/// The report of the items, each record checked as `kind`, with the single pass
/// compared to the full check on the way.
pub fn verdicts(items: &[Out], kind: Kind) -> Verdicts {
    let validator = validator();
    let mut v = Verdicts::default();
    for item in items {
        match item {
            Out::Fatal(e) => {
                v.fatal = Some(e.clone());
                break;
            }
            Out::Bad { line, message, .. } => {
                v.records += 1;
                v.invalid += 1;
                v.invalid_lines.insert(*line);
                v.report.push((
                    *line,
                    String::new(),
                    "record_unreadable".into(),
                    Level::Error,
                    message.clone(),
                ));
            }
            Out::Entry(line, input) => {
                v.records += 1;
                let (valid, problems) = match kind {
                    Kind::Services => checked_input::<Service>(&validator, input),
                    Kind::Structures => checked_input::<Structure>(&validator, input),
                };
                if valid {
                    v.valid += 1;
                } else {
                    v.invalid += 1;
                    v.invalid_lines.insert(*line);
                }
                for p in problems {
                    v.report.push((
                        *line,
                        p.field.clone(),
                        p.code().as_str().to_string(),
                        p.level,
                        p.message(Lang::Fr),
                    ));
                }
            }
        }
    }
    v
}

/// An entry checked as the tool checks it, and by the full check alone: the same.
fn checked_input<R: Record>(validator: &Validator, input: &Input) -> (bool, Vec<Problem>) {
    let checked: Checked<R> = input.check(validator);
    match input {
        Input::Json(text) => same_as_full_check_json::<R>(validator, text, &checked),
        Input::Fields(fields) => {
            let value = Value::Object(fields.clone());
            let full: Checked<R> = validator.check_value_fully(&value);
            assert_eq!(
                format!("{:?}", (&checked.record, &checked.problems)),
                format!("{:?}", (&full.record, &full.problems)),
                "a CSV row: the single pass and the full check disagree on {value}"
            );
        }
    }
    (checked.is_valid(), checked.problems)
}

fn same_as_full_check_json<R: Record>(validator: &Validator, text: &str, checked: &Checked<R>) {
    let full: Checked<R> = validator.check_json_fully(text);
    assert_eq!(
        format!("{:?}", (&checked.record, &checked.problems)),
        format!("{:?}", (&full.record, &full.problems)),
        "the single pass and the full check disagree on {text:?}"
    );
}

/// What a record's line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// Its position: 1, 2, 3… (a JSON document's elements, a GeoJSON document's features).
    Positions,
    /// A line of the file, a row of a sheet or of a Parquet file: increasing, an
    /// unreadable record's physical line not before it.
    Lines,
}

impl Numbering {
    /// How the records of `format` are numbered.
    pub fn of(format: Format) -> Numbering {
        match format {
            Format::Json | Format::GeoJson => Numbering::Positions,
            _ => Numbering::Lines,
        }
    }
}

/// The invariant: every record read is valid or invalid, and every invalid record is in
/// the report, with an error, on its line; records have distinct, increasing lines
/// (positions 1, 2, 3… in a JSON document); a read error is the last item.
pub fn check_invariant(items: &[Out], numbering: Numbering, v: &Verdicts) {
    assert_eq!(v.records, v.valid + v.invalid);
    let reported: BTreeSet<u64> = v
        .report
        .iter()
        .filter(|p| p.3 == Level::Error)
        .map(|p| p.0)
        .collect();
    assert_eq!(
        reported, v.invalid_lines,
        "every invalid record, and only them, has an error in the report"
    );
    let lines: Vec<u64> = items
        .iter()
        .filter_map(|i| match i {
            Out::Entry(line, _) | Out::Bad { line, .. } => Some(*line),
            Out::Fatal(_) => None,
        })
        .collect();
    assert_eq!(lines.len() as u64, v.records);
    match numbering {
        Numbering::Positions => assert!(
            lines.iter().copied().eq(1..=lines.len() as u64),
            "JSON positions {lines:?}"
        ),
        _ => assert!(
            lines.windows(2).all(|w| w[0] < w[1]) && lines.first().is_none_or(|&l| l >= 1),
            "lines {lines:?}"
        ),
    }
    if let Some(i) = items.iter().position(|i| matches!(i, Out::Fatal(_))) {
        assert_eq!(i, items.len() - 1, "a read error is the last item");
    }
    for item in items {
        if let Out::Bad {
            message,
            line,
            physical,
            ..
        } = item
        {
            assert!(
                !message.is_empty(),
                "an unreadable record without a message"
            );
            if numbering == Numbering::Lines {
                assert!(
                    physical >= line,
                    "physical line {physical} before line {line}"
                );
            }
        }
        if let Out::Fatal(message) = item {
            assert!(!message.is_empty(), "a read error without a message");
        }
    }
}

/// libFuzzer's panic hook aborts at any panic, even one that is caught. The library
/// catches the panics of the crates it reads some formats with (calamine, parquet: see
/// `guarded` in `src/io/xlsx/mod.rs`, `unpanicked` in `src/io/parquet/mod.rs`), so a
/// panic raised in the code of one of these crates (its path holding one of `crates`)
/// unwinds to the library; any other aborts as before, and one of theirs that the library
/// did not catch is a crash all the same (libFuzzer's wrapper aborts on it).
pub fn tolerate_panics_in(crates: &'static [&'static str]) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let theirs = info
                .location()
                .is_some_and(|l| crates.iter().any(|c| l.file().contains(c)));
            if !theirs {
                abort(info);
            }
        }));
    });
}

/// Reads `bytes` as the tool does (`read_detected_with`, the kind detected), then
/// checks: no panic; the invariant; detection kept every record (the same items as a
/// reader told the kind); the same items whatever the chunks the input arrives in; the
/// single pass agrees with the full check on every record.
pub fn check_file(bytes: &[u8], format: Format) -> Vec<Out> {
    if format == Format::Parquet {
        tolerate_panics_in(&["/parquet-", "/arrow-"]);
    }
    let (options, sizes) = read_options(bytes);
    check_file_with(bytes, format, options, sizes)
}

/// The items of a Parquet file read at most (see [`check_file_with`]).
pub const MAX_PARQUET_ITEMS: usize = 2000;

/// [`check_file`] with these options and chunk sizes; the items read.
pub fn check_file_with(
    bytes: &[u8],
    format: Format,
    options: ReadOptions,
    sizes: Vec<usize>,
) -> Vec<Out> {
    // A Parquet file of a few hundred bytes may hold a million rows (a column of one
    // value, run-length encoded): read as such a file would be, the first rows checked.
    let limit = if format == Format::Parquet {
        MAX_PARQUET_ITEMS
    } else {
        usize::MAX
    };
    match read_detected_with(bytes, format, None, options.clone()) {
        Ok(detected) => {
            let kind = detected.kind;
            assert!(detected.kind_detected);
            assert_eq!(detected.format(), format);
            let items: Vec<Out> = detected.reader.map(out).take(limit).collect();
            let told = options.clone().with_fields(kind.fields());
            let plain: Vec<Out> = Reader::with_options(bytes, format, told.clone())
                .map(out)
                .take(limit)
                .collect();
            assert_eq!(items, plain, "detection lost or changed records");
            let chunked: Vec<Out> = Reader::with_options(Chunked::new(bytes, sizes), format, told)
                .map(out)
                .take(limit)
                .collect();
            assert_eq!(items, chunked, "chunked input read differently");
            // The kind told by the first record that can be read among the first 64
            // (CSV: by the header's columns).
            let expected = if format == Format::Csv {
                Reader::new(bytes, format)
                    .csv_header()
                    .map_or(Kind::Structures, Kind::of_columns)
            } else if format == Format::Parquet {
                Reader::new(bytes, format)
                    .columns()
                    .map_or(Kind::Structures, Kind::of_columns)
            } else {
                let first = items
                    .iter()
                    .take(64)
                    .find(|i| !matches!(i, Out::Bad { .. }));
                match first {
                    Some(Out::Entry(_, input)) => Kind::of_input(input),
                    _ => Kind::Structures,
                }
            };
            assert_eq!(kind, expected, "the kind detected");
            // Read and validated at once (the tool's way: CSV rows validated from their
            // cells): the same verdicts as the entries validated one by one.
            let told = options.clone().with_fields(kind.fields());
            match kind {
                Kind::Services => same_checked::<Service>(bytes, format, told, &items),
                Kind::Structures => same_checked::<Structure>(bytes, format, told, &items),
            }
            let v = verdicts(&items, kind);
            check_invariant(&items, Numbering::of(format), &v);
            // Given the kind, the same reading.
            let given = read_detected_with(bytes, format, Some(kind), options)
                .map(|d| d.reader.map(out).take(limit).collect::<Vec<_>>());
            assert_eq!(given.ok().as_ref(), Some(&items), "the kind given");
            items
        }
        Err(e) => {
            // Refused before the first record: a plain reader stops on the same error
            // (CSV: the header's errors are the reader's first item too).
            let message = e.to_string();
            assert!(!message.is_empty());
            let plain: Vec<Out> = Reader::with_options(
                bytes,
                format,
                options.with_fields(Kind::Structures.fields()),
            )
            .map(out)
            .collect();
            if format != Format::Csv {
                assert_eq!(
                    plain.iter().find(|o| matches!(o, Out::Fatal(_))),
                    Some(&Out::Fatal(message.clone())),
                    "refused by detection, read by a reader"
                );
            }
            vec![Out::Fatal(message)]
        }
    }
}

/// [`Reader::checked`] against the entries read, each checked by [`Input::check`].
fn same_checked<R: Record>(bytes: &[u8], format: Format, options: ReadOptions, items: &[Out]) {
    let validator = validator();
    let checked: Vec<String> = Reader::with_options(bytes, format, options)
        .checked::<R>(&validator)
        .take(if format == Format::Parquet {
            items.len()
        } else {
            usize::MAX
        })
        .map(|item| match item {
            Item::Record(entry) => format!(
                "{} {:?}",
                entry.line,
                (&entry.checked.record, &entry.checked.problems)
            ),
            Item::Unreadable(e) => format!("{e:?}"),
            Item::Stopped(e) => e.to_string(),
        })
        .collect();
    let entries: Vec<String> = items
        .iter()
        .map(|item| match item {
            Out::Entry(line, input) => {
                let c: Checked<R> = input.check(&validator);
                format!("{line} {:?}", (&c.record, &c.problems))
            }
            Out::Bad { .. } => String::new(),
            Out::Fatal(e) => e.clone(),
        })
        .collect();
    assert_eq!(checked.len(), entries.len(), "checked reading: other items");
    for (c, e) in checked.iter().zip(&entries) {
        if !e.is_empty() {
            assert_eq!(c, e, "checked reading and entries checked disagree");
        }
    }
}

// ------------------------------------------------------------------ validation

/// The problems as (path, code, level, value): what a report shows.
pub fn problem_keys(problems: &[Problem]) -> Vec<(String, &'static str, Level, Value)> {
    problems
        .iter()
        .map(|p| (p.path.clone(), p.code().as_str(), p.level, p.value.clone()))
        .collect()
}

/// The single pass against the full check on JSON text, as `R`: the same record, the
/// same problems; `is_valid_json` the same verdict, the verdict-only pass the same
/// answer as the pass that builds the record, `verdict_json` the same verdict and
/// problems; an invalid record has an error, and every
/// problem a code, a path and a message; a valid record written back is valid.
pub fn check_text_as<R: Record>(validator: &Validator, text: &str) {
    let checked: Checked<R> = validator.check_json(text);
    same_as_full_check_json::<R>(validator, text, &checked);
    assert_eq!(
        checked.is_valid(),
        validator.is_valid_json::<R>(text),
        "check_json and is_valid_json disagree on {text:?}"
    );
    let (read, verdict) = validator.single_pass_answers_json::<R>(text);
    assert_eq!(read, verdict, "fast_read and fast_verdict disagree on {text:?}");
    let without = validator.verdict_json::<R>(text);
    assert_eq!(without.is_valid(), checked.is_valid(), "verdict_json on {text:?}");
    assert_eq!(
        problem_keys(&without.problems),
        problem_keys(&checked.problems),
        "verdict_json on {text:?}"
    );
    let has_error = checked.problems.iter().any(|p| p.level == Level::Error);
    assert_eq!(checked.is_valid(), !has_error, "{:?}", checked.problems);
    for p in &checked.problems {
        assert!(!p.code().as_str().is_empty());
        assert!(p.path.is_empty() || p.path.starts_with('/'), "{p:?}");
        assert!(!p.message(Lang::Fr).is_empty());
        assert!(!p.message(Lang::En).is_empty());
    }
    if let Some(record) = &checked.record {
        let written = serde_json::to_string(record).expect("a record is written");
        let again: Checked<R> = validator.check_json(&written);
        assert!(
            again.is_valid(),
            "a valid {} written back ({written}) is refused: {:?}",
            R::NAME,
            again.problems
        );
    }
}

/// The single pass against the full check on a JSON value (what CSV rows go through),
/// and the value against its text: the same problems; the verdict-only pass the same
/// answer as the pass that builds the record.
pub fn check_value_as<R: Record>(validator: &Validator, value: &Value) {
    let checked: Checked<R> = validator.check_value(value);
    let full: Checked<R> = validator.check_value_fully(value);
    assert_eq!(
        format!("{:?}", (&checked.record, &checked.problems)),
        format!("{:?}", (&full.record, &full.problems)),
        "the single pass and the full check disagree on the value {value}"
    );
    assert_eq!(checked.is_valid(), validator.is_valid_value::<R>(value));
    let (read, verdict) = validator.single_pass_answers_value::<R>(value);
    assert_eq!(read, verdict, "fast_read and fast_verdict disagree on {value}");
    let text = value.to_string();
    let from_text: Checked<R> = validator.check_json(&text);
    assert_eq!(
        problem_keys(&from_text.problems),
        problem_keys(&checked.problems),
        "check_json and check_value disagree on {text}"
    );
}

/// With advice, the same record and verdict, the same errors and warnings; the advice
/// after them, each of level `Advice`, none on a field with an error.
pub fn check_advice_as<R: Record>(validator: &Validator, text: &str) {
    let plain: Checked<R> = validator.check_json(text);
    let advised: Checked<R> = validator.clone().with_advice(true).check_json(text);
    assert_eq!(
        format!("{:?}", plain.record),
        format!("{:?}", advised.record),
        "advice changed the record of {text:?}"
    );
    let (before, advice) = advised.problems.split_at(plain.problems.len());
    assert_eq!(
        problem_keys(before),
        problem_keys(&plain.problems),
        "advice changed the problems of {text:?}"
    );
    for p in advice {
        assert_eq!(
            p.level,
            Level::Advice,
            "after the problems, advice only: {p:?}"
        );
        assert!(
            !plain
                .problems
                .iter()
                .any(|q| q.field == p.field && q.level == Level::Error),
            "advice on a field in error: {p:?}"
        );
        assert!(!p.message(Lang::Fr).is_empty() && !p.message(Lang::En).is_empty());
    }
}

/// Every check of the validation targets, as `Service` and `Structure`, strict or not.
pub fn check_text(text: &str, strict: bool) {
    let validator = validator().with_strict(strict);
    check_text_as::<Service>(&validator, text);
    check_text_as::<Structure>(&validator, text);
    check_advice_as::<Service>(&validator, text);
    check_advice_as::<Structure>(&validator, text);
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        check_value_as::<Service>(&validator, &value);
        check_value_as::<Structure>(&validator, &value);
    }
}

// ------------------------------------------------------------------ words

/// Strings that reach deep into validation beyond the referentials' values: dates, URLs,
/// e-mails, codes, numbers as text, odd Unicode.
pub const INTERESTING: &[&str] = &[
    "",
    " ",
    "2025-02-14",
    "2025-02-30",
    "2026-06-16",
    "1999-12-31",
    "0000-01-01",
    "2025-02-14T00:00:00",
    "2025-02-14T00:00:00.000001",
    "2025-02-14T00:00:00Z",
    "1739491200",
    "https://exemple.fr/a",
    "http://",
    "ftp://exemple.fr",
    "mailto:a@b.fr",
    "a@exemple.fr",
    "Jean <jean@exemple.fr>",
    "a@b.test",
    "\"a b\"@exemple.fr",
    "a@xn--exmple-cua.fr",
    "a@[127.0.0.1]",
    "@",
    "59350",
    "2A004",
    "75056",
    "59",
    "99100",
    "12345678901234",
    "1234567890123",
    "+33123456789",
    "01 23 45 67 89",
    "4",
    "4.0",
    "4.5",
    "-1",
    "1e3",
    "NaN",
    "Infinity",
    "true",
    "null",
    "tous-publics",
    "Mission locale.",
    "etc.",
    "é",
    "\u{feff}",
    "\0",
    "\u{1d518}",
    "\u{301}e",
    "Mo-Fr 09:00-17:00",
    "Mo-Fr 08:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off",
    "24/7",
    "Mo-Fr 09h00-12h00",
    "Lundi au vendredi",
    "+33 6 12 34 56 78",
    "0590 12 34 56",
    "3949",
    "0800 123 456",
    "35600000000048",
    "13002526500014",
    "contact@example.com",
    "https://www.example.org",
    "Jean Dupont",
];

/// Every value of every referential, the schema's field names, and [`INTERESTING`].
pub fn words() -> &'static [String] {
    use data_inclusion_schema::v1::{
        Categorie, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public,
        ReseauPorteur, Thematique, TypeService,
    };
    use data_inclusion_schema::Referential;
    fn values<R: Referential>() -> impl Iterator<Item = String> {
        R::VALUES.iter().map(|v| v.to_string())
    }
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<String> = values::<Thematique>()
            .chain(values::<Public>())
            .chain(values::<ReseauPorteur>())
            .chain(values::<TypeService>())
            .chain(values::<Frais>())
            .chain(values::<ModeAccueil>())
            .chain(values::<ModeMobilisation>())
            .chain(values::<PersonneMobilisatrice>())
            .chain(values::<Categorie>())
            .collect();
        words.extend(field_names().iter().map(|s| s.to_string()));
        words.extend(INTERESTING.iter().map(|s| s.to_string()));
        words
    })
}

/// The field names of both records, sorted, once each.
pub fn field_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&str> = Service::FIELDS
            .iter()
            .chain(Structure::FIELDS)
            .map(|f| f.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    })
}

/// JSON text with every character beyond ASCII escaped (`\u00e9`, surrogate pairs), as
/// Python's `json.dumps` writes it, and `/` as `\/`: the same JSON value.
pub fn escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c == '/' {
            out.push_str("\\/");
        } else if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}
