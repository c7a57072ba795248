//! Agreement with the official package at the edges of its branches, one field at a time,
//! on the corpus of `tests/conformance/edges.jsonl` (made by
//! `scripts/conformance/edges.py` with `data-inclusion-schema==1.0.10`, pydantic-core
//! 2.50.4, the date frozen at 2026-06-15): floats, integers, dates, datetimes, URLs,
//! e-mails, constrained strings, referentials and lists, each value in a minimal valid
//! record.
//!
//! For every case, with warnings ignored and as errors: the same errors, as (field, code)
//! pairs (pydantic's error type, mapped to this crate's code where the two name it
//! differently: see [`official_code`]); for a valid record, the same value in the typed
//! field (floats to the bit, integers, dates, strings, referentials, lists; not URLs and
//! e-mails, which the official package normalizes and this crate keeps as written); the
//! single pass gives the same verdict as the full check; and a `serde_json::Value` of the
//! same text gives the same problems as the text.
#![cfg(feature = "validate")]

mod support;

use std::collections::BTreeSet;

use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Level, Validator};
use data_inclusion_schema::Record;
use serde_json::Value;

use support::{strict_validator, validator};

/// Cases where this crate knowingly differs from the official package, with the reason.
const DIVERGENCES: &[(&str, &str)] = &[
    (
        "int/service/nombre_semaines/\"9223372036854775808\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"-9223372036854775809\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"99999999999999999999\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"11111111111111111111\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"11111111111111111111111…(len=4302)…11111111111\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"11111111111111111111111…(len=4304)…111111111.0\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"11111111111111111111111…(len=4303)…111111111.0\"",
        BIG_INT,
    ),
    (
        "int/service/nombre_semaines/\"1_1_1_1_1_1_1_1_1_1_1_1…(len=4403)…1_1_1_1_1_1\"",
        BIG_INT,
    ),
    ("int/service/nombre_semaines/9223372036854775808", BIG_INT),
    ("int/service/nombre_semaines/-9223372036854775809", BIG_INT),
    (
        "int/service/nombre_semaines/111111111111111111111111…(len=4300)…111111111111",
        BIG_INT,
    ),
];

/// Python's integers have no size limit; the typed field is an `i64`. A number of weeks
/// beyond 9.2 × 10^18 is refused (`int_parsing_size`) rather than changed; below
/// -9.2 × 10^18 it is refused with `int_parsing_size` where the official package says
/// `greater_than_equal` (both errors).
const BIG_INT: &str = "an integer beyond i64 does not fit the typed field";

struct Edge {
    ty: String,
    kind: String,
    field: String,
    name: String,
    json: String,
    errors: BTreeSet<(String, String)>,
    errors_strict: BTreeSet<(String, String)>,
    value: Value,
}

/// This crate's code for an error of the official package: pydantic's error type, but
/// for the types this crate names more precisely (`value_error` of the official
/// validators, `set_type`), `date_from_datetime_parsing` (this crate says `date_parsing`
/// for a string that is neither a date nor a datetime), and the errors of each form of a
/// union (their `loc` ends with the form's tag, `constrained-str`, `literal['france']`),
/// for which this crate reports one problem, `no_alternative_matches`.
fn official_code(loc: &[Value], ty: &str, msg: &str) -> String {
    let field = loc.first().and_then(Value::as_str).unwrap_or_default();
    if loc.get(2).is_some_and(Value::is_string) {
        return "no_alternative_matches".to_string();
    }
    match (field, ty) {
        (_, "set_type") => "list_type",
        (_, "date_from_datetime_parsing") => "date_parsing",
        (_, "avertissement") => "nom_trailing_period",
        ("courriel", "value_error") => "value_error_email",
        ("publics", "value_error") => "tous_publics_alone",
        ("date_maj", "value_error") if msg.contains("futur") => "date_in_future",
        ("date_maj", "value_error") => "date_too_old",
        (_, other) => other,
    }
    .to_string()
}

fn edges() -> Vec<Edge> {
    let text = include_str!("conformance/edges.jsonl");
    let errors = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let field = e["loc"]
                    .get(0)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                let code = official_code(
                    e["loc"].as_array().unwrap(),
                    e["type"].as_str().unwrap(),
                    e["msg"].as_str().unwrap(),
                );
                (field, code)
            })
            .collect()
    };
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let s = |key: &str| v[key].as_str().unwrap().to_string();
            Edge {
                ty: s("type"),
                kind: s("kind"),
                field: s("field"),
                name: s("name"),
                json: s("json"),
                errors: errors(&v["errors"]),
                errors_strict: errors(&v["errors_strict"]),
                value: v["value"].clone(),
            }
        })
        .collect()
}

/// The errors of a check, as (field, code).
fn errors_of<R: Record>(checked: &Checked<R>) -> BTreeSet<(String, String)> {
    checked
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .map(|p| (p.field.clone(), p.code().as_str().to_string()))
        .collect()
}

/// What this crate says of one case: the errors with warnings ignored and as errors, and
/// the typed field's value (as [`Edge::value`] has it) when the record is valid.
struct Ours {
    errors: BTreeSet<(String, String)>,
    errors_strict: BTreeSet<(String, String)>,
    value: Option<Value>,
}

fn ours<R: Record + std::fmt::Debug>(
    edge: &Edge,
    lax: &Validator,
    strict: &Validator,
    value_of: impl Fn(&R, &str) -> Value,
) -> Ours {
    let checked = lax.check_json::<R>(&edge.json);
    let errors = errors_of(&checked);
    assert_eq!(
        lax.is_valid_json::<R>(&edge.json),
        errors.is_empty(),
        "{}: the single pass and the full check differ",
        edge.name
    );
    assert_eq!(checked.record.is_some(), errors.is_empty(), "{}", edge.name);
    // What the single pass accepts, the full check accepts, identical.
    let fully = lax.check_json_fully::<R>(&edge.json);
    assert_eq!(errors_of(&fully), errors, "{}", edge.name);
    assert_eq!(
        format!("{:?}", fully.record),
        format!("{:?}", checked.record),
        "{}: the single pass and the full check read different values",
        edge.name
    );
    // The same text as a serde_json value (when serde_json reads it: not NaN, not the
    // numbers beyond f64) gives the same problems.
    if let Ok(value) = serde_json::from_str::<Value>(&edge.json) {
        let from_value = lax.check_value::<R>(&value);
        assert_eq!(
            errors_of(&from_value),
            errors,
            "{}: check_value and check_json differ",
            edge.name
        );
        assert_eq!(
            lax.is_valid_value::<R>(&value),
            errors.is_empty(),
            "{}: the single pass over a value and the full check differ",
            edge.name
        );
    }
    let strict_checked = strict.check_json::<R>(&edge.json);
    Ours {
        errors,
        errors_strict: errors_of(&strict_checked),
        value: checked.record.as_ref().map(|r| value_of(r, &edge.field)),
    }
}

/// A float as Python's `repr` writes it, read back: `"nan"`, `"inf"`, `"-0.0"`, `"1e+300"`.
fn python_float(repr: &str) -> f64 {
    match repr {
        "nan" => f64::NAN,
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        _ => repr.parse().unwrap(),
    }
}

/// Our float as the official value, when it is the same float (to the bit; any NaN).
fn float_value(ours: Option<f64>, official: &Value) -> Value {
    match (ours, official.as_str()) {
        (Some(f), Some(repr)) => {
            let theirs = python_float(repr);
            if f.to_bits() == theirs.to_bits() || (f.is_nan() && theirs.is_nan()) {
                official.clone()
            } else {
                Value::String(format!("{f:?}"))
            }
        }
        (None, _) => Value::Null,
        (Some(f), None) => Value::String(format!("{f:?}")),
    }
}

/// Any other field as JSON, as the official value has it: sets sorted.
fn json_value(record: &impl serde::Serialize, field: &str) -> Value {
    let mut value = serde_json::to_value(record).unwrap()[field].clone();
    if let (Value::Array(items), true) = (&mut value, field != "zone_eligibilite") {
        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    }
    value
}

fn structure_value(s: &Structure, field: &str, official: &Value) -> Value {
    match field {
        "longitude" => float_value(s.longitude, official),
        "latitude" => float_value(s.latitude, official),
        "date_maj" => Value::String(s.date_maj.to_string()),
        _ => json_value(s, field),
    }
}

fn service_value(s: &Service, field: &str, official: &Value) -> Value {
    match field {
        "longitude" => float_value(s.longitude, official),
        "volume_horaire_hebdomadaire" => float_value(s.volume_horaire_hebdomadaire, official),
        "nombre_semaines" => s
            .nombre_semaines
            .map_or(Value::Null, |i| Value::String(i.to_string())),
        "date_maj" => Value::String(s.date_maj.to_string()),
        _ => json_value(s, field),
    }
}

/// A long text cut for a message.
fn cut(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[test]
fn same_errors_and_values_as_the_official_package_at_the_edges() {
    let (lax, strict) = (validator(), strict_validator());
    let edges = edges();
    assert!(edges.len() > 2000, "{}", edges.len());
    let mut disagreements = Vec::new();
    let mut agreeing = 0;
    // type → (cases, same verdict, same errors, same value where compared)
    let mut tally: std::collections::BTreeMap<&str, [usize; 4]> = Default::default();
    for edge in &edges {
        let ours = match edge.kind.as_str() {
            "structure" => ours::<Structure>(edge, &lax, &strict, |s, f| {
                structure_value(s, f, &edge.value)
            }),
            _ => ours::<Service>(edge, &lax, &strict, |s, f| service_value(s, f, &edge.value)),
        };
        let same_verdict = ours.errors.is_empty() == edge.errors.is_empty();
        let same_errors = ours.errors == edge.errors && ours.errors_strict == edge.errors_strict;
        let compared = !matches!(edge.ty.as_str(), "url" | "email");
        let same_value = !compared || ours.value.as_ref().is_none_or(|v| *v == edge.value);
        let t = tally.entry(edge.ty.as_str()).or_default();
        for (n, same) in t
            .iter_mut()
            .zip([true, same_verdict, same_errors, same_value])
        {
            *n += usize::from(same);
        }
        let listed = DIVERGENCES.iter().any(|(name, _)| *name == edge.name);
        let same = same_errors && same_value;
        agreeing += usize::from(same);
        if listed && same {
            disagreements.push(format!(
                "{} is listed as a divergence but agrees",
                edge.name
            ));
        } else if !listed && !same {
            disagreements.push(format!(
                "{}: official {:?} / strict {:?} value {}, ours {:?} / strict {:?} value {:?}",
                edge.name,
                edge.errors,
                edge.errors_strict,
                cut(&edge.value.to_string()),
                ours.errors,
                ours.errors_strict,
                ours.value
            ));
        }
    }
    for (ty, [n, verdict, errors, value]) in &tally {
        println!(
            "{ty}: {n} cases, same verdict {verdict}, same errors {errors}, same value {value}"
        );
    }
    println!(
        "{agreeing} of {} cases agree (errors and value), {} listed divergences",
        edges.len(),
        DIVERGENCES.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn every_listed_divergence_is_in_the_corpus() {
    let edges = edges();
    for (name, _) in DIVERGENCES {
        assert!(
            edges.iter().any(|e| e.name == *name),
            "{name} is not in the corpus"
        );
    }
}

/// A CSV cell holding the text of a string case of a number or date field gives the
/// verdict the official package gives that string in JSON: the same fields in error.
/// (The codes may differ: a cell `4.5` in an integer column is read as the number 4.5,
/// `int_from_float`, where the JSON string `"4.5"` is `int_parsing`.)
#[cfg(feature = "io")]
#[test]
fn csv_cells_get_the_verdict_of_the_same_text_in_json() {
    use data_inclusion_schema::io::{Format, Item, Reader};

    let lax = validator();
    let mut compared = 0;
    let mut disagreements = Vec::new();
    for edge in edges() {
        if !matches!(edge.ty.as_str(), "float" | "int" | "date" | "datetime")
            || DIVERGENCES.iter().any(|(name, _)| *name == edge.name)
        {
            continue;
        }
        let record: Value = serde_json::from_str(&edge.json).unwrap_or(Value::Null);
        let Some(Value::String(text)) = record.get(&edge.field) else {
            continue;
        };
        // An empty cell is an absent value, not an empty string.
        if text.is_empty() {
            continue;
        }
        let Value::Object(members) = &record else {
            continue;
        };
        let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let header: Vec<&str> = members.keys().map(String::as_str).collect();
        let cells: Vec<String> = members
            .values()
            .map(|v| quoted(v.as_str().unwrap_or_default()))
            .collect();
        let csv = format!("{}\n{}\n", header.join(","), cells.join(","));
        let official: BTreeSet<&str> = edge.errors.iter().map(|(f, _)| f.as_str()).collect();
        let fields = |problems: &[data_inclusion_schema::validate::Problem]| -> BTreeSet<String> {
            problems
                .iter()
                .filter(|p| p.level == Level::Error)
                .map(|p| p.field.clone())
                .collect()
        };
        let ours = match edge.kind.as_str() {
            "structure" => Reader::new(csv.as_bytes(), Format::Csv)
                .checked::<Structure>(&lax)
                .map(|item| match item {
                    Item::Record(e) => fields(&e.checked.problems),
                    other => panic!("{}: {other:?}", edge.name),
                })
                .next(),
            _ => Reader::new(csv.as_bytes(), Format::Csv)
                .checked::<Service>(&lax)
                .map(|item| match item {
                    Item::Record(e) => fields(&e.checked.problems),
                    other => panic!("{}: {other:?}", edge.name),
                })
                .next(),
        };
        let ours = ours.unwrap_or_else(|| panic!("{}: no row", edge.name));
        compared += 1;
        if ours.iter().map(String::as_str).collect::<BTreeSet<_>>() != official {
            disagreements.push(format!(
                "{}: official {official:?}, CSV {ours:?}",
                edge.name
            ));
        }
    }
    println!("{compared} CSV cells compared");
    assert!(compared > 500, "{compared}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
