//! Agreement with the official package, record by record, on the corpus of
//! `tests/conformance/cases.jsonl` (made by `scripts/conformance/run.sh` with
//! `data-inclusion-schema==1.0.10`, the date frozen at 2026-06-15): the same fields in
//! error, with warnings ignored and as errors.
#![cfg(feature = "validate")]

mod support;

use std::collections::BTreeSet;

use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Level, Validator};
use data_inclusion_schema::Record;
use serde_json::Value;

/// Cases where this crate knowingly differs from the official package, with the reason.
const DIVERGENCES: &[(&str, &str)] = &[
    (
        "service/nombre_semaines/json/20/9223372036854775808",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/json/21/123456789012345678901234567890",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/str/32/\"9223372036854775808\"",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/str/33/\"99999999999999999999999\"",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/str/45/\"400000000000000000000000000…(len=4300)",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/str/46/\"444444444444444444444444444…(len=4300)",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/str/50/\"10000000000000000000\"",
        BIG_INT,
    ),
    (
        "service/nombre_semaines/raw/11/11111111111111111111",
        BIG_INT,
    ),
];

/// Python's integers have no size limit; the typed field is an `i64`. A number of weeks
/// beyond 9.2 × 10^18 is refused (`int_parsing_size`) rather than changed.
const BIG_INT: &str = "an integer beyond i64 does not fit the typed field";

struct Case {
    kind: String,
    name: String,
    json: String,
    fields: BTreeSet<String>,
    fields_strict: BTreeSet<String>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("conformance/cases.jsonl");
    let set = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect()
    };
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            Case {
                kind: v["kind"].as_str().unwrap().to_string(),
                name: v["name"].as_str().unwrap().to_string(),
                json: v["json"].as_str().unwrap().to_string(),
                fields: set(&v["fields"]),
                fields_strict: set(&v["fields_strict"]),
            }
        })
        .collect()
}

fn fields_in_error<R: Record>(validator: &Validator, json: &str) -> BTreeSet<String> {
    let checked = validator.check_json::<R>(json);
    let fields: BTreeSet<String> = checked
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .map(|p| p.field.clone())
        .collect();
    // The fast path gives the same verdict.
    assert_eq!(
        validator.is_valid_json::<R>(json),
        fields.is_empty(),
        "{json}"
    );
    assert_eq!(checked.record.is_some(), fields.is_empty());
    // So does the verdict without the record, with the same problems.
    let verdict = validator.verdict_json::<R>(json);
    assert_eq!(verdict.record.is_some(), fields.is_empty(), "{json}");
    assert_eq!(verdict.problems, checked.problems, "{json}");
    fields
}

#[test]
fn same_fields_in_error_as_the_official_package() {
    let lax = support::validator();
    let strict = support::strict_validator();
    let cases = cases();
    assert!(cases.len() > 4000);
    let mut disagreements = Vec::new();
    let mut agreed = [0usize; 2];
    for case in &cases {
        let (ours, ours_strict) = match case.kind.as_str() {
            "structure" => (
                fields_in_error::<Structure>(&lax, &case.json),
                fields_in_error::<Structure>(&strict, &case.json),
            ),
            _ => (
                fields_in_error::<Service>(&lax, &case.json),
                fields_in_error::<Service>(&strict, &case.json),
            ),
        };
        let same = [ours == case.fields, ours_strict == case.fields_strict];
        for (n, s) in agreed.iter_mut().zip(same) {
            *n += usize::from(s);
        }
        let listed = DIVERGENCES.iter().any(|(name, _)| *name == case.name);
        if same != [true, true] && !listed {
            disagreements.push(format!(
                "{}: official {:?} / strict {:?}, ours {:?} / strict {:?}",
                case.name, case.fields, case.fields_strict, ours, ours_strict
            ));
        }
        if listed {
            assert_ne!(
                same,
                [true, true],
                "{} is listed as a divergence but agrees",
                case.name
            );
        }
    }
    println!(
        "{} cases: {} agree (warnings ignored), {} agree (warnings as errors), {} listed divergences",
        cases.len(),
        agreed[0],
        agreed[1],
        DIVERGENCES.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The official `score_qualite` of every service valid in the corpus: the same score and
/// the same value for each criterion; and an error where the official package raises.
#[test]
fn same_scores_as_the_official_package() {
    use data_inclusion_schema::score::score_qualite;
    let validator = support::validator();
    let text = include_str!("conformance/cases.jsonl");
    let (mut scored, mut errors) = (0, 0);
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        if case["kind"] != "service" || !case["fields"].as_array().unwrap().is_empty() {
            continue;
        }
        let name = case["name"].as_str().unwrap();
        if DIVERGENCES.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let service: Service = validator
            .validate_json(case["json"].as_str().unwrap())
            .unwrap();
        let ours = score_qualite(&service, support::TODAY);
        if case["score_error"].is_string() {
            assert!(
                ours.is_err(),
                "{name}: the official package cannot score it"
            );
            errors += 1;
            continue;
        }
        let ours = ours.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Some(ours.score), case["score"].as_f64(), "{name}");
        for (critere, value) in ours.criteria {
            assert_eq!(
                value,
                case["criteria"][critere.as_str()].as_f64(),
                "{name}: {}",
                critere.as_str()
            );
        }
        scored += 1;
    }
    assert!(scored > 1500, "{scored}");
    println!("{scored} scores agree, {errors} services without an official score agree");
}
