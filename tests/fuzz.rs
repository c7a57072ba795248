//! Fuzzing on the stable toolchain: proptest-driven targets for everything that reads
//! untrusted input (the validating JSON parser, the JSON / JSON Lines / CSV readers, CSV
//! list cells, the referentials' `FromStr`, format and kind detection), and the
//! invariant that every record read is reported: read = valid + invalid, and every
//! invalid record is in the report with its line.
//!
//! Every target runs a few cases by default, so that `cargo test` stays fast. For a long
//! run (see FUZZING.md):
//!
//! ```sh
//! FUZZ_CASES=200000 cargo test --release --all-features --test fuzz -- --nocapture --test-threads 1
//! ```
//!
//! - `FUZZ_CASES`: the number of cases of each target (the CLI targets run one case in
//!   a thousand of them, at least their default);
//! - `FUZZ_CASE_SECS`: a case running longer than this is a hang: the process exits
//!   with the input (default 30);
//! - `PROPTEST_RNG_SEED`: a fixed seed (random otherwise: each run explores new inputs).
//!
//! Each target prints, with `--nocapture`, its cases, executions and duration.

// The tool's tests include this file too (cli/tests/fuzz_cli.rs), where the library's
// features are not the crate's own.
#[allow(unexpected_cfgs)]
mod support;

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use data_inclusion_schema::io::{
    read_detected_with, Format, Input, Item, Kind, ReadOptions, Reader, RecordErrorKind,
    WriteOptions, Writer,
};
use data_inclusion_schema::v1::{
    Categorie, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur,
    Service, Structure, Thematique, TypeService,
};
use data_inclusion_schema::validate::{Checked, Level, Problem, Validator};
use data_inclusion_schema::Record;
use data_inclusion_schema::Referential;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::Value;

// ------------------------------------------------------------------ the harness

pub(crate) fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}

/// Runs one fuzz target: `default` cases (or `FUZZ_CASES`), each under the watchdog.
fn fuzz<S>(
    name: &str,
    default: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let cases = env_number("FUZZ_CASES").map_or(default, |n| n.min(u64::from(u32::MAX)) as u32);
    run_target(name, cases, strategy, test);
}

pub(crate) fn run_target<S>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let watchdog = Watchdog::start(name);
    let executions = AtomicU64::new(0);
    let start = Instant::now();
    let result = TestRunner::new(config).run(&strategy, |value| {
        executions.fetch_add(1, Ordering::Relaxed);
        watchdog.begin(&value);
        let outcome = test(value);
        watchdog.end();
        outcome
    });
    watchdog.stop();
    eprintln!(
        "fuzz target {name}: {cases} cases, {} executions, {:.1?}",
        executions.load(Ordering::Relaxed),
        start.elapsed()
    );
    if let Err(e) = result {
        panic!("fuzz target {name}: {e}");
    }
}

/// A thread that ends the process when a case runs too long (a hang), with its input.
struct Watchdog {
    case: Arc<Mutex<Option<(Instant, String)>>>,
    done: Arc<AtomicBool>,
}

impl Watchdog {
    fn start(name: &str) -> Self {
        let limit = Duration::from_secs(env_number("FUZZ_CASE_SECS").unwrap_or(30));
        let case: Arc<Mutex<Option<(Instant, String)>>> = Arc::default();
        let done = Arc::new(AtomicBool::new(false));
        let (watched, finished, name) = (case.clone(), done.clone(), name.to_string());
        std::thread::spawn(move || {
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let guard = watched.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((started, input)) = &*guard {
                    if started.elapsed() > limit {
                        eprintln!(
                            "fuzz target {name}: a case has run for more than {limit:?} (a hang); its input:\n{input}"
                        );
                        std::process::exit(3);
                    }
                }
            }
        });
        Watchdog { case, done }
    }

    fn begin(&self, value: &dyn Debug) {
        let mut input = format!("{value:?}");
        if input.len() > 100_000 {
            let mut end = 100_000;
            while !input.is_char_boundary(end) {
                end -= 1;
            }
            input.truncate(end);
            input.push('…');
        }
        *self.case.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), input));
    }

    fn end(&self) {
        *self.case.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn stop(&self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

// ------------------------------------------------------------------ the data

pub(crate) use support::validator;

/// Real records to mutate: the conformance corpus (4768 records, valid and not, with the
/// official verdicts), the sample data and the data.gouv.fr fixtures.
struct Pool {
    /// JSON texts of one line.
    texts: Vec<String>,
    /// Valid services and structures, typed.
    services: Vec<Service>,
    structures: Vec<Structure>,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        // The repository's root, from the library's tests or the tool's (`cli/`).
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = if manifest.join("schema").exists() {
            manifest.to_path_buf()
        } else {
            manifest.join("..")
        };
        let mut texts = Vec::new();
        let corpus = std::fs::read_to_string(root.join("tests/conformance/cases.jsonl")).unwrap();
        // Every 8th record: a spread of every group of the corpus, loaded fast in debug.
        for line in corpus.lines().step_by(8) {
            let case: Value = serde_json::from_str(line).unwrap();
            texts.push(case["json"].as_str().unwrap().to_string());
        }
        for file in [
            "cli/data/services.jsonl",
            "cli/data/structures.jsonl",
            "tests/fixtures/datagouv/services-sample.jsonl",
            "tests/fixtures/datagouv/structures-sample.jsonl",
        ] {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            texts.extend(text.lines().map(str::to_string));
        }
        texts.retain(|t| !t.contains(['\n', '\r']));
        let validator = validator();
        let mut services = Vec::new();
        let mut structures = Vec::new();
        // Without the fields the schema does not know, so that every record has the
        // same CSV columns.
        for text in &texts {
            if let Some(mut s) = validator.check_json::<Service>(text).record {
                s.extra.clear();
                services.push(s);
            } else if let Some(mut s) = validator.check_json::<Structure>(text).record {
                s.extra.clear();
                structures.push(s);
            }
        }
        assert!(texts.len() > 500 && services.len() > 50 && structures.len() > 50);
        Pool {
            texts,
            services,
            structures,
        }
    })
}

/// Every value of every referential, and the schema's field names.
fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(all_words)
}

fn all_words() -> Vec<String> {
    fn values<R: Referential>() -> impl Iterator<Item = String> {
        R::VALUES.iter().map(|v| v.to_string())
    }
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
    words
}

fn field_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = Service::FIELDS
        .iter()
        .chain(Structure::FIELDS)
        .map(|f| f.name)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Strings that reach deep into validation: referential values and near-misses, dates,
/// URLs, e-mails, codes, numbers as text, odd Unicode.
fn interesting_string() -> impl Strategy<Value = String> {
    let fixed = select(vec![
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
        "@",
        "59350",
        "2A004",
        "75056",
        "59",
        "99100",
        "12345678901234",
        "1234567890123",
        "+33123456789",
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
    ]);
    prop_oneof![
        3 => select(words()),
        2 => (select(words()), any::<u8>(), "[A-Za-z_ .-]{0,2}").prop_map(|(w, at, s)| {
            // A near-miss: a character replaced, added or removed.
            let mut chars: Vec<char> = w.chars().collect();
            let i = usize::from(at) % (chars.len() + 1);
            let end = (i + 1).min(chars.len());
            match at % 3 {
                0 => drop(chars.splice(i..end, s.chars())),
                1 => drop(chars.splice(i..i, s.chars())),
                _ => drop(chars.drain(i..end)),
            }
            chars.into_iter().collect()
        }),
        2 => fixed.prop_map(str::to_string),
        // Around the length limits (nom 150, description 10 000 are out of reach).
        1 => (0usize..400, select(vec!['x', 'é', '.', ' '])).prop_map(|(n, c)| c.to_string().repeat(n)),
        2 => any::<String>(),
        1 => "\\PC{0,40}",
    ]
}

/// Any JSON value, mostly small, with the numbers that matter at the edges.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-3i64..200).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        select(vec![0.5, 1.0, 2.5, -0.0, 1e300, 9.0e15, 4.0]).prop_map(Value::from),
        interesting_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((interesting_string(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A change to a record, as a JSON value.
#[derive(Clone, Debug)]
enum FieldEdit {
    Set(&'static str, Value),
    Remove(&'static str),
    /// A field set to a list holding the value.
    SetList(&'static str, Vec<Value>),
}

fn field_edit() -> impl Strategy<Value = FieldEdit> {
    let name = select(field_names());
    prop_oneof![
        3 => (name.clone(), json_value()).prop_map(|(n, v)| FieldEdit::Set(n, v)),
        1 => name.clone().prop_map(FieldEdit::Remove),
        2 => (name, proptest::collection::vec(json_value(), 0..4)).prop_map(|(n, v)| FieldEdit::SetList(n, v)),
        1 => long_list(),
    ]
}

/// A list field set to a long list (around the single pass's 32 items, beyond which it
/// looks for duplicates by hash) of a few values of one referential, or of any, so with
/// duplicates before and after the 32nd item.
fn long_list() -> impl Strategy<Value = FieldEdit> {
    let lists = vec![
        "thematiques",
        "publics",
        "reseaux_porteurs",
        "modes_accueil",
        "modes_mobilisation",
        "mobilisable_par",
        "zone_eligibilite",
    ];
    fn values<R: Referential>() -> Vec<String> {
        R::VALUES.iter().map(|v| v.to_string()).collect()
    }
    let referential = prop_oneof![
        Just(values::<Thematique>()),
        Just(values::<Public>()),
        Just(values::<ReseauPorteur>()),
        Just(words().to_vec()),
    ];
    (
        select(lists),
        referential,
        proptest::collection::vec(any::<proptest::sample::Index>(), 1..50),
        proptest::collection::vec(any::<proptest::sample::Index>(), 28..40),
    )
        .prop_map(|(name, values, few, items)| {
            let few: Vec<&String> = few.iter().map(|i| i.get(&values)).collect();
            let items = items.iter().map(|i| Value::from(i.get(&few).as_str()));
            FieldEdit::SetList(name, items.collect())
        })
}

fn apply_fields(record: &mut Value, edits: &[FieldEdit]) {
    let Some(map) = record.as_object_mut() else {
        return;
    };
    for edit in edits {
        match edit {
            FieldEdit::Set(name, value) => {
                map.insert(name.to_string(), value.clone());
            }
            FieldEdit::Remove(name) => {
                map.remove(*name);
            }
            FieldEdit::SetList(name, items) => {
                map.insert(name.to_string(), Value::Array(items.clone()));
            }
        }
    }
}

/// A change to text: at a position (taken modulo the length, on a character boundary).
#[derive(Clone, Debug)]
enum TextEdit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, String),
    Truncate(usize),
}

fn text_edit(alphabet: &'static [&'static str]) -> impl Strategy<Value = TextEdit> {
    let piece = proptest::collection::vec(select(alphabet), 1..4).prop_map(|p| p.concat());
    prop_oneof![
        3 => (any::<usize>(), piece.clone()).prop_map(|(at, s)| TextEdit::Insert(at, s)),
        2 => (any::<usize>(), 1usize..8).prop_map(|(at, n)| TextEdit::Delete(at, n)),
        2 => (any::<usize>(), piece).prop_map(|(at, s)| TextEdit::Replace(at, s)),
        1 => any::<usize>().prop_map(TextEdit::Truncate),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply_text(text: &str, edits: &[TextEdit]) -> String {
    let mut text = text.to_string();
    for edit in edits {
        match edit {
            TextEdit::Insert(at, s) => {
                let i = boundary(&text, *at);
                text.insert_str(i, s);
            }
            TextEdit::Delete(at, n) => {
                let i = boundary(&text, *at);
                let j = boundary(&text, i + (*n).min(text.len() - i));
                text.replace_range(i..j.max(i), "");
            }
            TextEdit::Replace(at, s) => {
                let i = boundary(&text, *at);
                let j = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                text.replace_range(i..j, s);
            }
            TextEdit::Truncate(at) => {
                let i = boundary(&text, *at);
                text.truncate(i);
            }
        }
    }
    text
}

/// What garbles JSON.
const JSON_GARBLE: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\\",
    "\\u",
    "\\ud800",
    "\\u0000",
    " ",
    "\t",
    "\r",
    "\0",
    "\u{feff}",
    "é",
    "x",
    "1",
    "-",
    ".",
    "e",
    "E",
    "+",
    "0",
    "9999999999999999999999",
    "1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "\"structure_id\": 1",
];

// ------------------------------------------------------------------ validation targets

/// `check_json` and `is_valid_json` never panic and agree; the problems of an invalid
/// record hold an error; a valid record, written back, is valid again.
fn check_text(text: &str) -> Result<(), TestCaseError> {
    let validator = validator();
    check_text_as::<Service>(&validator, text)?;
    check_text_as::<Structure>(&validator, text)
}

fn check_text_as<R: Record>(validator: &Validator, text: &str) -> Result<(), TestCaseError> {
    let checked: Checked<R> = validator.check_json(text);
    let fast = validator.is_valid_json::<R>(text);
    let (read, verdict) = validator.single_pass_answers_json::<R>(text);
    prop_assert_eq!(
        read,
        verdict,
        "fast_read and fast_verdict disagree on {}",
        text
    );
    prop_assert_eq!(
        checked.is_valid(),
        fast,
        "check_json and is_valid_json disagree on {}: {:?}",
        R::NAME,
        checked.problems
    );
    let verdict = validator.verdict_json::<R>(text);
    prop_assert_eq!(
        verdict.is_valid(),
        checked.is_valid(),
        "verdict_json on {}",
        text
    );
    prop_assert_eq!(
        &verdict.problems,
        &checked.problems,
        "verdict_json on {}",
        text
    );
    let has_error = checked.problems.iter().any(|p| p.level == Level::Error);
    prop_assert_eq!(checked.is_valid(), !has_error, "{:?}", checked.problems);
    for p in &checked.problems {
        prop_assert!(!p.code().as_str().is_empty());
        prop_assert!(p.path.is_empty() || p.path.starts_with('/'), "{p:?}");
        prop_assert!(!p
            .message(data_inclusion_schema::validate::Lang::Fr)
            .is_empty());
    }
    if let Some(record) = checked.record {
        let written = serde_json::to_string(&record).unwrap();
        let again: Checked<R> = validator.check_json(&written);
        prop_assert!(
            again.is_valid(),
            "a valid {} written back ({written}) is refused: {:?}",
            R::NAME,
            again.problems
        );
    }
    Ok(())
}

/// The problems as (path, code, level, value): what a report shows.
fn problem_keys(problems: &[Problem]) -> Vec<(String, &'static str, Level, Value)> {
    problems
        .iter()
        .map(|p| (p.path.clone(), p.code().as_str(), p.level, p.value.clone()))
        .collect()
}

/// A corpus record changed field by field, then maybe as text.
fn mutated_record() -> impl Strategy<Value = String> {
    let count = pool().texts.len();
    (
        0..count,
        proptest::collection::vec(field_edit(), 0..4),
        proptest::collection::vec(text_edit(JSON_GARBLE), 0..3),
    )
        .prop_map(|(i, fields, edits)| {
            let text = &pool().texts[i];
            let text = match serde_json::from_str::<Value>(text) {
                Ok(mut value) if !fields.is_empty() => {
                    apply_fields(&mut value, &fields);
                    value.to_string()
                }
                _ => text.clone(),
            };
            apply_text(&text, &edits)
        })
}

#[test]
fn fuzz_validator_on_arbitrary_strings() {
    let soup = proptest::collection::vec(select(JSON_GARBLE), 0..40).prop_map(|p| p.concat());
    let strategy = prop_oneof![
        any::<String>(),
        soup,
        proptest::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    fuzz("validator_arbitrary_strings", 1000, strategy, |text| {
        check_text(&text)
    });
}

#[test]
fn fuzz_validator_on_mutated_records() {
    fuzz(
        "validator_mutated_records",
        1000,
        mutated_record(),
        |text| check_text(&text),
    );
}

/// A record as a value and as JSON text: the same problems ([`Validator::check_value`]
/// is what CSV rows go through, [`Validator::check_json`] JSON text).
#[test]
fn fuzz_validator_text_and_value_agree() {
    let count = pool().texts.len();
    let strategy = (
        0..count,
        proptest::collection::vec(field_edit(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(i, edits, escaped)| {
            let mut value: Value = serde_json::from_str(&pool().texts[i]).unwrap_or(Value::Null);
            apply_fields(&mut value, &edits);
            (value, escaped)
        });
    fuzz(
        "validator_text_and_value",
        1000,
        strategy,
        |(value, escaped)| {
            let validator = validator();
            let text = if escaped {
                escape(&value.to_string())
            } else {
                value.to_string()
            };
            for (from_text, from_value) in [
                (
                    problem_keys(&validator.check_json::<Service>(&text).problems),
                    problem_keys(&validator.check_value::<Service>(&value).problems),
                ),
                (
                    problem_keys(&validator.check_json::<Structure>(&text).problems),
                    problem_keys(&validator.check_value::<Structure>(&value).problems),
                ),
            ] {
                prop_assert_eq!(from_text, from_value, "{}", text);
            }
            prop_assert_eq!(
                validator.is_valid_json::<Service>(&text),
                validator.is_valid_value::<Service>(&value)
            );
            Ok(())
        },
    );
}

/// The single pass (which builds the record of a record with nothing to report) and the
/// full check give the same outcome: the same record, the same problems, on text (plain
/// and escaped) and on values; and the single pass for the verdict alone
/// (`Record::fast_verdict`, which builds nothing) answers where it builds the record.
#[test]
fn fuzz_single_pass_and_full_check_agree() {
    let count = pool().texts.len();
    let strategy = (
        0..count,
        proptest::collection::vec(field_edit(), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(i, edits, escaped, strict)| {
            let mut value: Value = serde_json::from_str(&pool().texts[i]).unwrap_or(Value::Null);
            apply_fields(&mut value, &edits);
            (value, escaped, strict)
        });
    fuzz(
        "single_pass_and_full_check",
        1000,
        strategy,
        |(value, escaped, strict)| {
            let validator = validator().with_strict(strict);
            let text = if escaped {
                escape(&value.to_string())
            } else {
                value.to_string()
            };
            fn same<R: Record>(
                validator: &Validator,
                text: &str,
                value: &Value,
            ) -> Result<(), TestCaseError> {
                let debug = |c: Checked<R>| format!("{:?}", (c.record, c.problems));
                prop_assert_eq!(
                    debug(validator.check_json::<R>(text)),
                    debug(validator.check_json_fully::<R>(text)),
                    "{}",
                    text
                );
                prop_assert_eq!(
                    debug(validator.check_value::<R>(value)),
                    debug(validator.check_value_fully::<R>(value)),
                    "{}",
                    text
                );
                // The verdict-only pass answers where the record is built, and only there.
                let (read, verdict) = validator.single_pass_answers_json::<R>(text);
                prop_assert_eq!(read, verdict, "{}: {}", R::NAME, text);
                let (read, verdict) = validator.single_pass_answers_value::<R>(value);
                prop_assert_eq!(read, verdict, "{} (value): {}", R::NAME, text);
                prop_assert_eq!(
                    validator.is_valid_value::<R>(value),
                    validator.check_value_fully::<R>(value).is_valid(),
                    "{}",
                    text
                );
                Ok(())
            }
            same::<Service>(&validator, &text, &value)?;
            same::<Structure>(&validator, &text, &value)
        },
    );
}

/// JSON text written by serde_json with every character beyond ASCII escaped (`\u00e9`,
/// surrogate pairs beyond the BMP), as Python's `json.dumps` writes it, and `/` as `\/`:
/// the same JSON value (they only occur inside strings).
fn escape(json: &str) -> String {
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

// ------------------------------------------------------------------ referentials

/// `FromStr` never panics; it accepts exactly the values of the referential, and gives
/// them back (`as_str`, `Display`); serde and validation agree with it.
fn referential<R: Referential + serde::de::DeserializeOwned>(s: &str) -> Result<(), TestCaseError> {
    match R::from_str(s) {
        Ok(r) => {
            prop_assert!(R::VALUES.contains(&s), "{} accepts {:?}", R::NAME, s);
            prop_assert_eq!(r.as_str(), s);
            prop_assert_eq!(r.to_string(), s);
            prop_assert!(!r.label().is_empty());
            prop_assert_eq!(R::from_str(r.as_str()).ok(), Some(r));
        }
        Err(e) => {
            prop_assert!(
                !R::VALUES.contains(&s),
                "{} refuses its value {:?}",
                R::NAME,
                s
            );
            prop_assert_eq!(e.referential, R::NAME);
            prop_assert_eq!(e.value.as_str(), s);
            prop_assert!(!e.to_string().is_empty());
        }
    }
    // serde keeps a value this version does not list (`Other`), and writes it back.
    let read = serde_json::from_value::<R>(Value::from(s));
    prop_assert!(read.is_ok(), "serde refuses {:?}", s);
    let read = read.unwrap();
    prop_assert_eq!(read.as_str(), s);
    prop_assert_eq!(read.is_listed(), R::from_str(s).is_ok());
    let strict = R::from_str(s).ok();
    prop_assert_eq!(Some(&read).filter(|r| r.is_listed()), strict.as_ref());
    prop_assert_eq!(R::from_value(s), read.clone());
    prop_assert_eq!(serde_json::to_value(&read).unwrap(), Value::from(s));
    Ok(())
}

/// A valid record whose referential field holds `s` is valid exactly when `s` is a value.
fn referential_field<T: Record, R: Referential>(
    base: &Value,
    field: &str,
    list: bool,
    s: &str,
) -> Result<(), TestCaseError> {
    let mut record = base.clone();
    let value = if list {
        Value::Array(vec![Value::from(s)])
    } else {
        Value::from(s)
    };
    record[field] = value;
    let checked: Checked<T> = validator().check_value(&record);
    prop_assert_eq!(
        checked.is_valid(),
        R::from_str(s).is_ok(),
        "{}.{} = {:?}: {:?}",
        T::NAME,
        field,
        s,
        checked.problems
    );
    Ok(())
}

#[test]
fn fuzz_referentials_from_str() {
    let service = serde_json::to_value(&pool().services[0]).unwrap();
    let structure = serde_json::to_value(&pool().structures[0]).unwrap();
    fuzz("referentials_from_str", 1000, interesting_string(), |s| {
        referential::<Thematique>(&s)?;
        referential::<Public>(&s)?;
        referential::<ReseauPorteur>(&s)?;
        referential::<TypeService>(&s)?;
        referential::<Frais>(&s)?;
        referential::<ModeAccueil>(&s)?;
        referential::<ModeMobilisation>(&s)?;
        referential::<PersonneMobilisatrice>(&s)?;
        referential::<Categorie>(&s)?;
        referential_field::<Service, Thematique>(&service, "thematiques", true, &s)?;
        referential_field::<Service, Public>(&service, "publics", true, &s)?;
        referential_field::<Service, TypeService>(&service, "type", false, &s)?;
        referential_field::<Service, Frais>(&service, "frais", false, &s)?;
        referential_field::<Service, ModeAccueil>(&service, "modes_accueil", true, &s)?;
        referential_field::<Service, ModeMobilisation>(&service, "modes_mobilisation", true, &s)?;
        referential_field::<Service, PersonneMobilisatrice>(&service, "mobilisable_par", true, &s)?;
        referential_field::<Structure, ReseauPorteur>(&structure, "reseaux_porteurs", true, &s)?;
        Ok(())
    });
}

// ------------------------------------------------------------------ format and kind detection

/// Every name of a format `Format::from_str` takes (in any case, trimmed).
const FORMAT_NAMES: [&str; 8] = [
    "json",
    "jsonl",
    "ndjson",
    "jsonlines",
    "csv",
    "parquet",
    "pq",
    "geojson",
];

#[test]
fn fuzz_format_and_kind_detection() {
    let names = prop_oneof![
        any::<String>(),
        (
            select(
                FORMAT_NAMES
                    .iter()
                    .chain(&["JSON", "Csv", "xlsx", "", "."])
                    .copied()
                    .collect::<Vec<_>>()
            ),
            select(vec!["", " ", "\t", "\u{a0}", "l", ".gz", "\0", "İ"]),
            any::<bool>()
        )
            .prop_map(|(n, extra, before)| if before {
                format!("{extra}{n}")
            } else {
                format!("{n}{extra}")
            }),
    ];
    let paths = proptest::collection::vec(any::<u8>(), 0..40);
    let columns = proptest::collection::vec(
        prop_oneof![
            Just("structure_id".to_string()),
            Just(" structure_id\t".to_string()),
            Just("Structure_id".to_string()),
            "\\PC{0,12}"
        ],
        0..8,
    );
    fuzz(
        "format_and_kind_detection",
        2000,
        (names, paths, columns),
        |(name, path, columns)| {
            let format = name.parse::<Format>().ok();
            let known = FORMAT_NAMES.contains(&name.trim().to_ascii_lowercase().as_str());
            prop_assert_eq!(format.is_some(), known, "{:?}", name);
            if let Some(f) = format {
                prop_assert_eq!(f.as_str().parse::<Format>().ok(), Some(f));
            }
            let kind = Kind::from_str(&name);
            if let Ok(k) = kind {
                prop_assert_eq!(Kind::from_str(k.as_str()), Ok(k));
            }
            #[cfg(unix)]
            {
                use std::os::unix::ffi::OsStrExt;
                let path = Path::new(std::ffi::OsStr::from_bytes(&path));
                let format = Format::from_path(path);
                let by_name = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(|e| e.parse::<Format>().ok());
                prop_assert_eq!(format, by_name);
            }
            #[cfg(not(unix))]
            let _ = path;
            let services = columns.iter().any(|c| c.trim() == "structure_id");
            prop_assert_eq!(Kind::of_columns(&columns) == Kind::Services, services);
            Ok(())
        },
    );
}

// ------------------------------------------------------------------ the readers

/// An item as read, comparable.
#[derive(Clone, Debug, PartialEq)]
enum Out {
    Entry(u64, Input),
    Bad {
        line: u64,
        physical: u64,
        kind: RecordErrorKind,
        message: String,
    },
    Fatal(String),
}

fn out(item: Item<data_inclusion_schema::io::Entry>) -> Out {
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

fn read_all(bytes: &[u8], format: Format, options: ReadOptions) -> Vec<Out> {
    Reader::with_options(bytes, format, options)
        .map(out)
        .collect()
}

/// A reader that gives its bytes in chunks of the sizes it is told (a size 0: the read
/// is interrupted once, which reading retries).
struct Chunked<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
    interrupted: bool,
}

impl<'a> Chunked<'a> {
    fn new(bytes: &'a [u8], sizes: Vec<usize>) -> Self {
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

/// What the report of a file holds, as the command-line tool builds it.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Verdicts {
    pub(crate) records: u64,
    pub(crate) valid: u64,
    pub(crate) invalid: u64,
    /// (line, field, code, level, message) of every problem.
    pub(crate) report: Vec<(u64, String, String, Level, String)>,
    /// The lines of the invalid records.
    pub(crate) invalid_lines: BTreeSet<u64>,
    /// Why reading stopped.
    pub(crate) fatal: Option<String>,
}

fn verdicts(items: Vec<Out>, kind: Kind) -> Verdicts {
    let validator = validator();
    let mut v = Verdicts::default();
    for item in items {
        match item {
            Out::Fatal(e) => {
                v.fatal = Some(e);
                break;
            }
            Out::Bad { line, message, .. } => {
                v.records += 1;
                v.invalid += 1;
                v.invalid_lines.insert(line);
                v.report.push((
                    line,
                    String::new(),
                    "record_unreadable".into(),
                    Level::Error,
                    message,
                ));
            }
            Out::Entry(line, input) => {
                v.records += 1;
                let (valid, problems) = match kind {
                    Kind::Services => {
                        let c = input.check::<Service>(&validator);
                        (c.is_valid(), c.problems)
                    }
                    Kind::Structures => {
                        let c = input.check::<Structure>(&validator);
                        (c.is_valid(), c.problems)
                    }
                };
                if valid {
                    v.valid += 1;
                } else {
                    v.invalid += 1;
                    v.invalid_lines.insert(line);
                }
                for p in problems {
                    let message = p.message(data_inclusion_schema::validate::Lang::Fr);
                    v.report.push((
                        line,
                        p.field.clone(),
                        p.code().as_str().to_string(),
                        p.level,
                        message,
                    ));
                }
            }
        }
    }
    v
}

/// What the inputs of a reader target reached: records valid, invalid, unreadable, and
/// inputs whose reading stopped on an error.
#[derive(Default)]
pub(crate) struct Tally {
    records: AtomicU64,
    valid: AtomicU64,
    unreadable: AtomicU64,
    stopped: AtomicU64,
}

impl Tally {
    pub(crate) fn add(&self, v: &Verdicts) {
        let unreadable = v
            .report
            .iter()
            .filter(|p| p.2 == "record_unreadable")
            .count();
        self.records.fetch_add(v.records, Ordering::Relaxed);
        self.valid.fetch_add(v.valid, Ordering::Relaxed);
        self.unreadable
            .fetch_add(unreadable as u64, Ordering::Relaxed);
        self.stopped
            .fetch_add(u64::from(v.fatal.is_some()), Ordering::Relaxed);
    }

    pub(crate) fn print(&self, name: &str) {
        let records = self.records.load(Ordering::Relaxed);
        let valid = self.valid.load(Ordering::Relaxed);
        let unreadable = self.unreadable.load(Ordering::Relaxed);
        eprintln!(
            "fuzz target {name}: {records} records read: {valid} valid, {} invalid ({unreadable} unreadable); {} inputs stopped by a read error",
            records - valid,
            self.stopped.load(Ordering::Relaxed)
        );
    }
}

/// The invariant: every record read is valid or invalid, and every invalid record is in
/// the report, with an error, on its line; records have distinct, increasing lines.
fn check_invariant(items: &[Out], format: Format, v: &Verdicts) -> Result<(), TestCaseError> {
    prop_assert_eq!(v.records, v.valid + v.invalid);
    let reported: BTreeSet<u64> = v
        .report
        .iter()
        .filter(|p| p.3 == Level::Error)
        .map(|p| p.0)
        .collect();
    prop_assert_eq!(
        &reported,
        &v.invalid_lines,
        "every invalid record, and only them, has an error in the report"
    );
    let lines: Vec<u64> = items
        .iter()
        .filter_map(|i| match i {
            Out::Entry(line, _) | Out::Bad { line, .. } => Some(*line),
            Out::Fatal(_) => None,
        })
        .collect();
    prop_assert_eq!(lines.len() as u64, v.records);
    match format {
        // Positions in the array (or 1 for one object).
        Format::Json => prop_assert!(
            lines.iter().copied().eq(1..=lines.len() as u64),
            "{lines:?}"
        ),
        _ => prop_assert!(
            lines.windows(2).all(|w| w[0] < w[1]) && lines.first().is_none_or(|&l| l >= 1),
            "{lines:?}"
        ),
    }
    if let Some(i) = items.iter().position(|i| matches!(i, Out::Fatal(_))) {
        prop_assert_eq!(i, items.len() - 1, "a read error is the last item");
    }
    for item in items {
        if let Out::Bad { message, .. } = item {
            prop_assert!(!message.is_empty());
        }
    }
    Ok(())
}

/// Reads `bytes` as a user does (the kind detected), checks the invariant, that the
/// detection kept every record, and that chunking the input changes nothing.
pub(crate) fn check_file(
    bytes: &[u8],
    format: Format,
    max: usize,
    sizes: Vec<usize>,
) -> Result<Verdicts, TestCaseError> {
    let options = ReadOptions::default().with_max_record_bytes(max);
    let items: Vec<Out> = match read_detected_with(bytes, format, None, options.clone()) {
        Ok(detected) => {
            let kind = detected.kind;
            let items: Vec<Out> = detected.reader.map(out).collect();
            // Detection reads ahead and keeps what it read: the same items as a reader
            // told the kind.
            let plain = read_all(bytes, format, options.clone().with_fields(kind.fields()));
            prop_assert_eq!(&items, &plain, "detection lost or changed records");
            let chunked: Vec<Out> = Reader::with_options(
                Chunked::new(bytes, sizes),
                format,
                options.with_fields(kind.fields()),
            )
            .map(out)
            .collect();
            prop_assert_eq!(&items, &chunked, "chunked input read differently");
            let v = verdicts(items.clone(), kind);
            check_invariant(&items, format, &v)?;
            return Ok(v);
        }
        Err(e) => vec![Out::Fatal(e.to_string())],
    };
    // Refused before the first record: a plain reader says the same, first.
    let plain = read_all(
        bytes,
        format,
        options.with_fields(Kind::Structures.fields()),
    );
    let fatal = plain.iter().find(|o| matches!(o, Out::Fatal(_)));
    if format != Format::Csv {
        prop_assert_eq!(fatal, items.first());
    }
    Ok(Verdicts {
        fatal: match &items[0] {
            Out::Fatal(e) => Some(e.clone()),
            _ => None,
        },
        ..Verdicts::default()
    })
}

/// Bytes that look like the formats.
const PIECES: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xef\xbb\xbf",
    b"\0",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"\\",
    b" ",
    b"\xff",
    b"\xe9",
    "é".as_bytes(),
    b"'",
    b"[]",
    b"null",
    b"1e999",
    b"-",
    b"99999999999999999999999",
    b"\"\"",
    b"structure_id",
    b"\\u0000",
    b"\\ud800",
    b"\"id\": \"x\"",
    b"['a', 'b']",
    b"a|b",
    b"4.0",
    b"3,5",
];

/// A change to a file's bytes or lines.
#[derive(Clone, Debug)]
enum FileEdit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Cut(usize),
    DropLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    GarbleLine(usize, usize, Vec<u8>),
}

fn file_edit() -> impl Strategy<Value = FileEdit> {
    let piece = proptest::collection::vec(select(PIECES), 1..4).prop_map(|p| p.concat());
    prop_oneof![
        4 => (any::<usize>(), piece.clone()).prop_map(|(a, p)| FileEdit::Insert(a, p)),
        2 => (any::<usize>(), 1usize..20).prop_map(|(a, n)| FileEdit::Delete(a, n)),
        1 => any::<usize>().prop_map(FileEdit::Cut),
        2 => any::<usize>().prop_map(FileEdit::DropLine),
        2 => any::<usize>().prop_map(FileEdit::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| FileEdit::SwapLines(a, b)),
        3 => (any::<usize>(), any::<usize>(), piece).prop_map(|(l, a, p)| FileEdit::GarbleLine(l, a, p)),
    ]
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn apply_file(bytes: &[u8], edits: &[FileEdit]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for edit in edits {
        let len = bytes.len();
        match edit {
            FileEdit::Insert(at, piece) => {
                let i = at % (len + 1);
                bytes.splice(i..i, piece.iter().copied());
            }
            FileEdit::Delete(at, n) => {
                let i = at % (len + 1);
                bytes.drain(i..(i + n).min(len));
            }
            FileEdit::Cut(at) => bytes.truncate(at % (len + 1)),
            FileEdit::DropLine(l)
            | FileEdit::DuplicateLine(l)
            | FileEdit::SwapLines(l, _)
            | FileEdit::GarbleLine(l, _, _) => {
                let mut lines = split_lines(&bytes);
                if lines.is_empty() {
                    continue;
                }
                let i = l % lines.len();
                match edit {
                    FileEdit::DropLine(_) => {
                        lines.remove(i);
                    }
                    FileEdit::DuplicateLine(_) => {
                        let line = lines[i].clone();
                        lines.insert(i, line);
                    }
                    FileEdit::SwapLines(_, m) => {
                        let j = m % lines.len();
                        lines.swap(i, j);
                    }
                    FileEdit::GarbleLine(_, at, piece) => {
                        let line = &mut lines[i];
                        let k = at % (line.len() + 1);
                        line.splice(k..k, piece.iter().copied());
                    }
                    _ => {}
                }
                bytes = lines.concat();
            }
        }
    }
    bytes
}

/// A valid file of a few records from the pool, in `format`.
fn render(format: Format, services: bool, picks: &[usize], csv: (u8, &str, bool)) -> Vec<u8> {
    let p = pool();
    match format {
        Format::JsonLines | Format::Json => {
            let texts: Vec<String> = picks
                .iter()
                .map(|&i| {
                    if services {
                        serde_json::to_string(&p.services[i % p.services.len()]).unwrap()
                    } else {
                        serde_json::to_string(&p.structures[i % p.structures.len()]).unwrap()
                    }
                })
                .collect();
            if format == Format::Json && texts.len() == 1 && picks[0].is_multiple_of(2) {
                // A document of one record.
                format!("{}\n", texts[0]).into_bytes()
            } else if format == Format::Json {
                format!("[\n{}\n]\n", texts.join(",\n")).into_bytes()
            } else {
                texts
                    .iter()
                    .map(|t| format!("{t}\n"))
                    .collect::<String>()
                    .into_bytes()
            }
        }
        Format::Csv => {
            let (delimiter, separator, bom) = csv;
            let options = WriteOptions::default()
                .with_csv_delimiter(delimiter)
                .with_csv_list_separator(separator)
                .with_csv_bom(bom)
                .with_csv_extra_columns(Vec::<String>::new());
            let mut writer = Writer::new(Vec::new(), Format::Csv, options);
            for &i in picks {
                if services {
                    writer.write(&p.services[i % p.services.len()]).unwrap();
                } else {
                    writer.write(&p.structures[i % p.structures.len()]).unwrap();
                }
            }
            writer.finish().unwrap()
        }
        other => unreachable!("no rendering in {other}"),
    }
}

fn format_strategy() -> impl Strategy<Value = Format> {
    select(vec![Format::JsonLines, Format::Json, Format::Csv])
}

fn csv_style() -> impl Strategy<Value = (u8, &'static str, bool)> {
    (
        select(vec![b',', b';', b'\t']),
        select(vec![",", "|", " | "]),
        any::<bool>(),
    )
}

fn max_record() -> impl Strategy<Value = usize> {
    prop_oneof![4 => Just(16 << 20), 1 => 1usize..600]
}

fn chunk_sizes() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(prop_oneof![Just(0usize), 1usize..8, 1usize..70_000], 1..6)
}

/// A valid file with structured mutations: lines dropped, duplicated, swapped, garbled;
/// the file cut; quotes, commas, newlines, a BOM, NUL, bad UTF-8 inserted.
pub(crate) fn mutated_file() -> impl Strategy<Value = (Format, Vec<u8>)> {
    (
        format_strategy(),
        any::<bool>(),
        proptest::collection::vec(any::<usize>(), 0..8),
        csv_style(),
        proptest::collection::vec(file_edit(), 0..5),
    )
        .prop_map(|(format, services, picks, csv, edits)| {
            let bytes = render(format, services, &picks, csv);
            (format, apply_file(&bytes, &edits))
        })
}

#[test]
fn fuzz_readers_on_arbitrary_bytes() {
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400),
        proptest::collection::vec(select(PIECES), 0..80).prop_map(|p| p.concat()),
    ];
    let tally = Tally::default();
    fuzz(
        "readers_arbitrary_bytes",
        1000,
        (format_strategy(), bytes, max_record(), chunk_sizes()),
        |(format, bytes, max, sizes)| {
            tally.add(&check_file(&bytes, format, max, sizes)?);
            Ok(())
        },
    );
    tally.print("readers_arbitrary_bytes");
}

#[test]
fn fuzz_readers_on_mutated_files() {
    let tally = Tally::default();
    fuzz(
        "readers_mutated_files",
        1000,
        (mutated_file(), max_record(), chunk_sizes()),
        |((format, bytes), max, sizes)| {
            tally.add(&check_file(&bytes, format, max, sizes)?);
            Ok(())
        },
    );
    tally.print("readers_mutated_files");
}

/// One line of a JSON Lines file.
#[derive(Clone, Debug)]
enum JsonLine {
    Record(usize),
    Garbled(usize, Vec<TextEdit>),
    Blank(&'static str),
}

/// JSON Lines: each line is read as if it were alone in the file (with its line number):
/// a broken line between good ones changes nothing for them.
#[test]
fn fuzz_json_lines_each_line_stands_alone() {
    let count = pool().texts.len();
    let line = prop_oneof![
        3 => (0..count).prop_map(JsonLine::Record),
        2 => (0..count, proptest::collection::vec(text_edit(JSON_GARBLE), 1..4)).prop_map(|(i, e)| JsonLine::Garbled(i, e)),
        1 => select(vec!["", " ", "\t", "\r", " \r"]).prop_map(JsonLine::Blank),
    ];
    let strategy = (
        proptest::collection::vec((line, any::<bool>()), 0..10),
        any::<bool>(),
        any::<bool>(),
        max_record(),
    );
    let tally = Tally::default();
    fuzz(
        "json_lines_lines_stand_alone",
        500,
        strategy,
        |(lines, bom, last_newline, max)| {
            let texts: Vec<String> = lines
                .iter()
                .map(|(l, _)| match l {
                    JsonLine::Record(i) => pool().texts[*i].clone(),
                    JsonLine::Garbled(i, edits) => apply_text(&pool().texts[*i], edits),
                    JsonLine::Blank(s) => s.to_string(),
                })
                .collect();
            let mut file = String::new();
            if bom {
                file.push('\u{feff}');
            }
            let ends: Vec<&str> = lines
                .iter()
                .enumerate()
                .map(
                    |(i, (_, crlf))| match (i + 1 < texts.len() || last_newline, crlf) {
                        (false, _) => "",
                        (true, true) => "\r\n",
                        (true, false) => "\n",
                    },
                )
                .collect();
            for (text, end) in texts.iter().zip(&ends) {
                file.push_str(text);
                file.push_str(end);
            }
            let options = ReadOptions::default().with_max_record_bytes(max);
            let mut expected = Vec::new();
            for (i, (text, end)) in texts.iter().zip(&ends).enumerate() {
                let physical = i as u64 + 1;
                // Alone: the first line after the file's BOM; any other after a line break.
                let alone = if i == 0 {
                    format!("{}{text}{end}", if bom { "\u{feff}" } else { "" })
                } else {
                    format!("\n{text}{end}")
                };
                let shift = if i == 0 { 0 } else { physical - 2 };
                for item in read_all(alone.as_bytes(), Format::JsonLines, options.clone()) {
                    expected.push(match item {
                        Out::Entry(line, input) => Out::Entry(line + shift, input),
                        Out::Bad {
                            line,
                            physical,
                            kind,
                            message,
                        } => Out::Bad {
                            line: line + shift,
                            physical: physical + shift,
                            kind,
                            message,
                        },
                        Out::Fatal(e) => Out::Fatal(e),
                    });
                }
            }
            let items = read_all(file.as_bytes(), Format::JsonLines, options);
            prop_assert_eq!(&items, &expected);
            let v = verdicts(items.clone(), Kind::Services);
            tally.add(&v);
            check_invariant(&items, Format::JsonLines, &v)
        },
    );
    tally.print("json_lines_lines_stand_alone");
}

/// One row of a CSV file: cells (written quoted as needed).
#[derive(Clone, Debug)]
enum CsvRow {
    Record(usize),
    /// A record with one cell changed (any text: quotes, delimiters, line breaks…).
    Garbled(usize, usize, Vec<TextEdit>),
    /// A record with a cell too many or too few.
    Extra(usize),
    Missing(usize),
    Blank,
}

/// What garbles a CSV cell.
const CSV_GARBLE: &[&str] = &[
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
    "|",
    "4.0",
    "3,5",
    "None",
    "['a', 'b']",
    "[\"a\"]",
    "famille--garde-denfants",
    "x",
];

fn quote_cell(cell: &str, delimiter: char, always: bool) -> String {
    if always || cell.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// CSV: each row is read as if it were alone under the header (with its line number),
/// whatever its cells hold once quoted.
#[test]
fn fuzz_csv_each_row_stands_alone() {
    let services = pool().services.len();
    let row = prop_oneof![
        4 => (0..services).prop_map(CsvRow::Record),
        3 => (0..services, any::<usize>(), proptest::collection::vec(text_edit(CSV_GARBLE), 1..4))
            .prop_map(|(i, c, e)| CsvRow::Garbled(i, c, e)),
        1 => (0..services).prop_map(CsvRow::Extra),
        1 => (0..services).prop_map(CsvRow::Missing),
        1 => Just(CsvRow::Blank),
    ];
    let strategy = (
        proptest::collection::vec((row, any::<bool>()), 0..8),
        select(vec![',', ';']),
        any::<bool>(),
        max_record(),
    );
    let tally = Tally::default();
    fuzz(
        "csv_rows_stand_alone",
        500,
        strategy,
        |(rows, delimiter, always_quote, max)| {
            // The cells of each service, as the writer writes them, parsed by the csv crate.
            let cells_of = |i: usize| -> (Vec<String>, Vec<String>) {
                let options = WriteOptions::default()
                    .with_csv_delimiter(delimiter as u8)
                    .with_csv_extra_columns(Vec::<String>::new());
                let mut writer = Writer::new(Vec::new(), Format::Csv, options);
                writer.write(&pool().services[i]).unwrap();
                let bytes = writer.finish().unwrap();
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(delimiter as u8)
                    .from_reader(&bytes[..]);
                let header = reader
                    .headers()
                    .unwrap()
                    .iter()
                    .map(str::to_string)
                    .collect();
                let row = reader
                    .records()
                    .next()
                    .unwrap()
                    .unwrap()
                    .iter()
                    .map(str::to_string)
                    .collect();
                (header, row)
            };
            let (header, _) = cells_of(0);
            let d = delimiter.to_string();
            let header_line = header
                .iter()
                .map(|c| quote_cell(c, delimiter, false))
                .collect::<Vec<_>>()
                .join(&d);
            let mut texts = Vec::new();
            for (row, _) in &rows {
                let cells: Vec<String> = match row {
                    CsvRow::Record(i) => cells_of(*i).1,
                    CsvRow::Garbled(i, c, edits) => {
                        let mut cells = cells_of(*i).1;
                        let c = c % cells.len();
                        cells[c] = apply_text(&cells[c], edits);
                        cells
                    }
                    CsvRow::Extra(i) => {
                        let mut cells = cells_of(*i).1;
                        cells.push("en trop".into());
                        cells
                    }
                    CsvRow::Missing(i) => {
                        let mut cells = cells_of(*i).1;
                        cells.pop();
                        cells
                    }
                    CsvRow::Blank => Vec::new(),
                };
                texts.push(
                    cells
                        .iter()
                        .map(|c| quote_cell(c, delimiter, always_quote))
                        .collect::<Vec<_>>()
                        .join(&d),
                );
            }
            let mut file = format!("{header_line}\n");
            let mut starts = Vec::new();
            let mut line = 2u64;
            let ends: Vec<&str> = rows
                .iter()
                .map(|(_, crlf)| if *crlf { "\r\n" } else { "\n" })
                .collect();
            for (text, end) in texts.iter().zip(&ends) {
                starts.push(line);
                file.push_str(text);
                file.push_str(end);
                line += 1 + text.matches('\n').count() as u64;
            }
            let options = ReadOptions::for_kind(Kind::Services)
                .with_max_record_bytes(max.max(header_line.len()));
            let mut expected = Vec::new();
            for ((text, start), end) in texts.iter().zip(&starts).zip(&ends) {
                let alone = format!("{header_line}\n{text}{end}");
                let shift = start - 2;
                for item in read_all(alone.as_bytes(), Format::Csv, options.clone()) {
                    expected.push(match item {
                        Out::Entry(line, input) => Out::Entry(line + shift, input),
                        Out::Bad {
                            line,
                            physical,
                            kind,
                            message,
                        } => Out::Bad {
                            line: line + shift,
                            physical: physical + shift,
                            kind,
                            message,
                        },
                        Out::Fatal(e) => Out::Fatal(e),
                    });
                }
            }
            let items = read_all(file.as_bytes(), Format::Csv, options);
            prop_assert_eq!(&items, &expected);
            let v = verdicts(items.clone(), Kind::Services);
            tally.add(&v);
            check_invariant(&items, Format::Csv, &v)
        },
    );
    tally.print("csv_rows_stand_alone");
}

/// Bytes that are not UTF-8 wherever they go between two characters: a continuation byte
/// alone, a lead byte whose character is cut (the next byte is ASCII or another lead
/// byte), bytes never in UTF-8; most are characters of Windows-1252, 0x81 and 0x8F not.
const NOT_UTF8: &[&[u8]] = &[
    b"\xe9",
    b"\xe8",
    b"\xff",
    b"\x80",
    b"\xbf",
    b"\x81",
    b"\x8f",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xe9\xe9",
];

/// JSON Lines and CSV files of good records, some of which get bytes that are not UTF-8
/// (between two letters), read in chunks of any size: each such record is its own
/// error (`NotUtf8`, at its line, with the offset of the first byte inserted), every other
/// record is read as in the file without the bytes, and the encoding is told at most once.
#[test]
fn fuzz_bytes_that_are_not_utf8_hide_no_other_record() {
    let texts = pool().texts.len();
    let services = pool().services.len();
    let record = (
        0..texts.max(services),
        proptest::option::of((any::<usize>(), 0..NOT_UTF8.len())),
    );
    let strategy = (
        select(vec![Format::JsonLines, Format::Csv]),
        proptest::collection::vec(record, 1..8),
        chunk_sizes(),
    );
    fuzz(
        "bytes_that_are_not_utf8_hide_no_other_record",
        500,
        strategy,
        |(format, records, sizes)| {
            // Each record's bytes (JSON Lines: a pool text; CSV: a service as the writer
            // writes it), without and with the bytes inserted.
            let row_of = |i: usize| -> (String, String) {
                let mut writer = Writer::new(
                    Vec::new(),
                    Format::Csv,
                    WriteOptions::default().with_csv_extra_columns(Vec::<String>::new()),
                );
                writer.write(&pool().services[i % services]).unwrap();
                let text = String::from_utf8(writer.finish().unwrap()).unwrap();
                let (header, row) = text.split_once('\n').unwrap();
                (format!("{header}\n"), row.to_string())
            };
            let mut head = String::new();
            let (mut clean, mut bad) = (Vec::new(), Vec::new());
            // (line, offset of the first byte inserted, that byte) of each record changed
            let mut changed = Vec::new();
            let mut line = if format == Format::Csv { 2 } else { 1 };
            for (i, insert) in &records {
                let text = match format {
                    Format::Csv => {
                        let (header, row) = row_of(*i);
                        head = header;
                        row
                    }
                    _ => format!("{}\n", pool().texts[i % texts]),
                };
                let mut bytes = text.clone().into_bytes();
                // Between two letters or digits: never where CSV syntax would change (a
                // byte before an opening quote would make the quote text).
                let boundaries: Vec<usize> = text
                    .char_indices()
                    .zip(text.chars().skip(1))
                    .filter(|((_, a), b)| a.is_alphanumeric() && b.is_alphanumeric())
                    .map(|((i, a), _)| i + a.len_utf8())
                    .collect();
                if let (Some((at, which)), false) = (insert, boundaries.is_empty()) {
                    let at = boundaries[at % boundaries.len()];
                    let inserted = NOT_UTF8[*which];
                    bytes.splice(at..at, inserted.iter().copied());
                    let offset = head.len() + bad.len() + at;
                    changed.push((line, offset as u64, inserted[0]));
                }
                line += text.matches('\n').count() as u64;
                clean.extend_from_slice(text.as_bytes());
                bad.extend_from_slice(&bytes);
            }
            let file = |body: &[u8]| [head.as_bytes(), body].concat();
            let (clean, bad) = (file(&clean), file(&bad));
            let options = match format {
                Format::Csv => ReadOptions::for_kind(Kind::Services),
                _ => ReadOptions::default(),
            };
            let expected = read_all(&clean, format, options.clone());
            let items: Vec<_> =
                Reader::with_options(Chunked::new(&bad, sizes), format, options).collect();
            prop_assert_eq!(items.len(), expected.len());
            let mut told = 0;
            for (item, clean) in items.into_iter().zip(expected) {
                let line = match &clean {
                    Out::Entry(line, _) | Out::Bad { line, .. } => *line,
                    Out::Fatal(e) => return Err(TestCaseError::fail(format!("clean file: {e}"))),
                };
                match changed.iter().find(|(l, _, _)| *l == line) {
                    Some(&(_, offset, byte)) => {
                        let Item::Unreadable(e) = item else {
                            return Err(TestCaseError::fail(format!("line {line}: {item:?}")));
                        };
                        prop_assert_eq!(
                            (e.line, e.kind, e.offset),
                            (line, RecordErrorKind::NotUtf8, Some(offset))
                        );
                        prop_assert!(
                            e.message.contains(&format!("(octet 0x{byte:02X})")),
                            "{}",
                            e.message
                        );
                        told += usize::from(e.encoding.is_some());
                        // A Latin-1 letter is told as Windows-1252 (at the latest then).
                        if byte >= 0xA0 {
                            prop_assert_eq!(told, 1, "{}", e.message);
                        }
                    }
                    None => prop_assert_eq!(out(item), clean),
                }
            }
            prop_assert!(told <= 1);
            Ok(())
        },
    );
}

/// What garbles a JSON element without breaking the array around it (no quote, bracket,
/// comma or backslash).
const ELEMENT_GARBLE: &[&str] = &[
    " ", "\t", "\n", "\r", "\0", "\u{feff}", "é", "x", "1", "-", ".", "e", ":", "null", "NaN",
];

/// One element of a JSON array.
#[derive(Clone, Debug)]
enum Element {
    Record(usize),
    /// Inserted at positions that are not after a backslash.
    Garbled(usize, Vec<(usize, &'static str)>),
    Empty,
}

/// JSON arrays: each element is read as if it were alone in an array (with its position
/// and physical line).
#[test]
fn fuzz_json_array_each_element_stands_alone() {
    let count = pool().texts.len();
    let element = prop_oneof![
        4 => (0..count).prop_map(Element::Record),
        3 => (0..count, proptest::collection::vec((any::<usize>(), select(ELEMENT_GARBLE)), 1..4))
            .prop_map(|(i, e)| Element::Garbled(i, e)),
        1 => Just(Element::Empty),
    ];
    let separator = select(vec![",", ", ", ",\n", "\n,\n  ", ",\r\n"]);
    let strategy = (
        proptest::collection::vec((element, separator), 0..8),
        any::<bool>(),
        max_record(),
    );
    let tally = Tally::default();
    fuzz(
        "json_array_elements_stand_alone",
        500,
        strategy,
        |(elements, trailing_comma, max)| {
            let texts: Vec<String> = elements
                .iter()
                .map(|(e, _)| match e {
                    Element::Record(i) => pool().texts[*i].clone(),
                    Element::Garbled(i, inserts) => {
                        let mut text = pool().texts[*i].clone();
                        for (at, s) in inserts {
                            let mut k = boundary(&text, *at);
                            while k > 0 && text.as_bytes()[k - 1] == b'\\' {
                                k -= 1;
                            }
                            text.insert_str(k, s);
                        }
                        text
                    }
                    Element::Empty => " ".to_string(),
                })
                .collect();
            // The corpus holds JSON that frames badly on purpose (unclosed strings…): only
            // texts whose quotes and brackets balance stand alone.
            prop_assume!(texts.iter().all(|t| frames(t)));
            let mut file = String::from("[");
            let options = ReadOptions::default().with_max_record_bytes(max);
            let mut expected = Vec::new();
            for (i, (text, (element, sep))) in texts.iter().zip(&elements).enumerate() {
                let start = 1 + file.matches('\n').count();
                let last = i + 1 == texts.len();
                let sep = if last && !trailing_comma { "" } else { sep };
                // What follows the element up to its comma (or the closing bracket).
                let before_comma = &sep[..sep.find(',').unwrap_or(sep.len())];
                file.push_str(text);
                file.push_str(sep);
                let position = i as u64 + 1;
                let blank = text.trim_matches([' ', '\t', '\n', '\r']).is_empty();
                if matches!(element, Element::Empty) || blank {
                    // `[a, , b]` is an empty element; `[a, ]` a trailing comma.
                    if !last || trailing_comma {
                        let comma_line =
                            start + format!("{text}{before_comma}").matches('\n').count();
                        expected.push(Out::Bad {
                            line: position,
                            physical: comma_line as u64,
                            kind: RecordErrorKind::EmptyElement,
                            message: "élément vide dans le tableau JSON".into(),
                        });
                    }
                    continue;
                }
                let alone = format!("[{}{text}{before_comma}]", "\n".repeat(start - 1));
                for item in read_all(alone.as_bytes(), Format::Json, options.clone()) {
                    expected.push(match item {
                        Out::Entry(_, input) => Out::Entry(position, input),
                        Out::Bad {
                            physical,
                            kind,
                            message,
                            ..
                        } => Out::Bad {
                            line: position,
                            physical,
                            kind,
                            message,
                        },
                        Out::Fatal(e) => Out::Fatal(e),
                    });
                }
            }
            file.push(']');
            let items = read_all(file.as_bytes(), Format::Json, options);
            prop_assert_eq!(&items, &expected, "{}", file);
            let v = verdicts(items.clone(), Kind::Services);
            tally.add(&v);
            check_invariant(&items, Format::Json, &v)
        },
    );
    tally.print("json_array_elements_stand_alone");
}

/// Whether a JSON text's strings close and its brackets balance (as the array scanner
/// sees it), with no comma at depth 0.
fn frames(text: &str) -> bool {
    let (mut depth, mut in_string, mut escape) = (0i64, false, false);
    for b in text.bytes() {
        if in_string {
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            b',' if depth == 0 => return false,
            _ => {}
        }
    }
    depth == 0 && !in_string
}

// ------------------------------------------------------------------ CSV list cells

/// A list written in a CSV cell reads back as the same list, whatever its items hold
/// (the writer falls back to a JSON array when plain items would not read back).
#[test]
fn fuzz_csv_list_cells_round_trip() {
    let item = prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(CSV_GARBLE), 0..5).prop_map(|p| p.concat()),
        interesting_string(),
    ];
    let strategy = (
        proptest::collection::vec(item, 0..5),
        0..pool().services.len(),
        csv_style(),
    );
    fuzz(
        "csv_list_cells_round_trip",
        1000,
        strategy,
        |(items, i, (delimiter, separator, bom))| {
            let mut service = pool().services[i].clone();
            service.zone_eligibilite = Some(items.clone());
            service.extra.clear();
            let options = WriteOptions::default()
                .with_csv_delimiter(delimiter)
                .with_csv_list_separator(separator)
                .with_csv_bom(bom);
            let mut writer = Writer::new(Vec::new(), Format::Csv, options);
            writer.write(&service).unwrap();
            let bytes = writer.finish().unwrap();
            let read: Vec<Out> =
                read_all(&bytes, Format::Csv, ReadOptions::for_kind(Kind::Services));
            prop_assert_eq!(read.len(), 1, "{:?}", read);
            let Out::Entry(2, Input::Fields(fields)) = &read[0] else {
                return Err(TestCaseError::fail(format!("{read:?}")));
            };
            let expected: Vec<Value> = items.iter().map(|s| Value::from(s.as_str())).collect();
            prop_assert_eq!(
                &fields["zone_eligibilite"],
                &Value::Array(expected),
                "{}",
                String::from_utf8_lossy(&bytes)
            );
            Ok(())
        },
    );
}

/// Any text in a list column (and in a number column) of a CSV file: read and validated
/// without panicking, as a list or a string.
#[test]
fn fuzz_csv_list_cells_any_text() {
    let cell = prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(CSV_GARBLE), 0..12).prop_map(|p| p.concat()),
        proptest::collection::vec(
            select(vec![
                "[",
                "]",
                "'",
                "\"",
                "\\",
                "\\x",
                "\\u00",
                "\\U0001f600",
                "\\777",
                "\\N",
                "u'",
                ",",
                " ",
                "None",
                "True",
                "4",
                "1e5",
                "a"
            ]),
            0..16
        )
        .prop_map(|p| p.concat()),
    ];
    let strategy = (
        cell.clone(),
        cell,
        select(vec![',', ';']),
        proptest::collection::vec(select(vec![',', '|', ';', ' ', 'x']), 0..3),
    );
    fuzz(
        "csv_list_cells_any_text",
        1000,
        strategy,
        |(list, number, delimiter, separators)| {
            let d = delimiter.to_string();
            let file = [
                [
                    "id",
                    "structure_id",
                    "source",
                    "nom",
                    "description",
                    "date_maj",
                    "thematiques",
                    "nombre_semaines",
                ]
                .join(&d),
                [
                    "dora--1",
                    "dora--s1",
                    "dora",
                    "Atelier CV",
                    "Un atelier.",
                    "2025-02-14",
                ]
                .iter()
                .map(|s| s.to_string())
                .chain([
                    quote_cell(&list, delimiter, false),
                    quote_cell(&number, delimiter, false),
                ])
                .collect::<Vec<_>>()
                .join(&d),
            ]
            .join("\n");
            let options =
                ReadOptions::for_kind(Kind::Services).with_csv_list_separators(separators);
            let items = read_all(file.as_bytes(), Format::Csv, options);
            prop_assert_eq!(items.len(), 1, "{:?}", items);
            if let Out::Entry(_, Input::Fields(fields)) = &items[0] {
                if let Some(value) = fields.get("thematiques") {
                    prop_assert!(value.is_array() || value.is_string(), "{value:?}");
                }
            }
            let v = verdicts(items.clone(), Kind::Services);
            check_invariant(&items, Format::Csv, &v)
        },
    );
}

// ------------------------------------------------------------------ regressions

/// Found with the malformed files (FUZZING.md, "Found"): one record of 200 kB whose
/// list holds 100 000 invalid items gives 100 000 problems, each with its value, path
/// and message: the problems of a 16 MiB record (the record limit) take 1.8 GB and 20 s
/// (release), and its JSON report 1.4 GB. The report of one record must be bounded (a
/// cap on the problems per field or per record, with a count of the others), so that a
/// hostile record costs a small multiple of its size. Fixed: a field lists at most
/// `MAX_PROBLEMS_PER_FIELD` problems, then one that counts the others.
#[test]
fn regression_a_record_with_100_000_invalid_items_has_a_bounded_report() {
    let items = vec!["1"; 100_000].join(",");
    let text = format!(
        r#"{{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier.", "date_maj": "2025-02-14", "publics": [{items}]}}"#
    );
    let validator = validator();
    assert!(!validator.is_valid_json::<Service>(&text));
    let checked = validator.check_json::<Service>(&text);
    assert!(!checked.is_valid());
    assert!(checked.problems.iter().all(|p| p.field == "publics"));
    assert!(
        checked.problems.len() <= 10_000,
        "{} problems for one record of {} bytes",
        checked.problems.len(),
        text.len()
    );
}

/// Found with the malformed files (FUZZING.md, "Found"): the suggestion for a value that
/// is not in a referential ("Vouliez-vous dire … ?", src/validate/suggest.rs) counts the
/// value's characters with a linear search per character, before the length filter that
/// would skip a value far longer than every possibility: quadratic in the number of
/// distinct characters. One thématique of 300 000 distinct characters (1.2 MB) took 23 s
/// (release). Fixed: the length filter now comes first.
#[test]
fn regression_a_long_misspelt_value_is_checked_in_linear_time() {
    let value: String = (0..80_000u32)
        .map(|i| {
            char::from_u32(0x4e00 + i)
                .filter(|_| 0x4e00 + i < 0xd800)
                .unwrap_or_else(|| char::from_u32(0x10000 + i).unwrap())
        })
        .collect();
    let text = format!(
        r#"{{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier.", "date_maj": "2025-02-14", "thematiques": [{}]}}"#,
        Value::from(value)
    );
    // Checked without a clock (no timed tests): the value is far longer than every
    // thématique, so it gets no suggestion, and the length filter answers that before
    // looking at its characters (a quadratic count made this case take seconds).
    let checked = validator().check_json::<Service>(&text);
    assert_eq!(checked.problems.len(), 1);
    assert_eq!(checked.problems[0].code().as_str(), "enum");
    assert_eq!(checked.problems[0].suggestion(), None);
}
