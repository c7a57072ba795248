//! Validation as a user sees it: every problem, where, with which code and message.
#![cfg(feature = "validate")]

use chrono::NaiveDate;
use data_inclusion_schema::v1::{Service, Structure, Thematique};
use data_inclusion_schema::validate::{Lang, Level, Validator};
use serde_json::{json, Value};

mod support;
use support::validator;

fn service() -> Value {
    json!({
        "source": "dora", "structure_id": "dora--s1", "id": "dora--1",
        "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.",
        "date_maj": "2025-02-14"
    })
}

#[test]
fn official_api_records_validate_cleanly() {
    for (text, kind) in [
        (
            include_str!("fixtures/api/v1-structures-page.json"),
            "structure",
        ),
        (
            include_str!("fixtures/api/v1-services-page.json"),
            "service",
        ),
    ] {
        let page: Value = serde_json::from_str(text).unwrap();
        for item in page["items"].as_array().unwrap() {
            let problems = match kind {
                "structure" => validator().check_value::<Structure>(item).problems,
                _ => validator().check_value::<Service>(item).problems,
            };
            assert_eq!(problems, vec![], "{item}");
        }
    }
    for line in include_str!("fixtures/datagouv/services-sample.jsonl").lines() {
        assert!(validator().validate_json::<Service>(line).is_ok(), "{line}");
    }
    for line in include_str!("fixtures/datagouv/structures-sample.jsonl").lines() {
        assert!(
            validator().validate_json::<Structure>(line).is_ok(),
            "{line}"
        );
    }
}

#[test]
fn every_problem_of_every_field_and_item_is_reported() {
    let mut s = service();
    s["nom"] = json!("AB");
    s["thematiques"] = json!([
        "famille--garde-denfant",
        "numerique--acquerir-un-equipement",
        42
    ]);
    s["code_postal"] = json!("7500");
    s["nombre_semaines"] = json!(2.5);
    s.as_object_mut().unwrap().remove("source");
    let checked = validator().check_value::<Service>(&s);
    assert!(checked.record.is_none());
    let found: Vec<(&str, &str, &str)> = checked
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.path.as_str(), p.code().as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("code_postal", "/code_postal", "string_too_short"),
            ("nom", "/nom", "string_too_short"),
            ("nombre_semaines", "/nombre_semaines", "int_from_float"),
            ("source", "/source", "missing"),
            ("thematiques", "/thematiques/0", "enum"),
            ("thematiques", "/thematiques/2", "enum"),
        ]
    );
    assert!(checked.problems.iter().all(|p| p.level == Level::Error));
    assert_eq!(checked.problems[4].value, json!("famille--garde-denfant"));
    assert_eq!(checked.problems[3].value, Value::Null);
}

#[test]
fn french_messages_first_english_on_request() {
    let mut s = service();
    s["nom"] = json!("x".repeat(151));
    s["thematiques"] = json!(["famille--garde-denfant"]);
    s.as_object_mut().unwrap().remove("id");
    let report = validator().validate_value::<Service>(&s).unwrap_err();
    let fr: Vec<String> = report
        .problems
        .iter()
        .map(|p| p.message(Lang::Fr))
        .collect();
    assert_eq!(
        fr,
        [
            "Champ requis",
            "La chaîne doit contenir au plus 150 caractères",
            "La valeur 'famille--garde-denfant' n’existe pas. Vouliez-vous dire 'famille--garde-denfants' ?",
        ]
    );
    assert_eq!(
        report.problems[2].suggestion(),
        Some(Thematique::FamilleGardeDenfants.as_str())
    );
    let en: Vec<String> = report
        .problems
        .iter()
        .map(|p| p.message(Lang::En))
        .collect();
    assert_eq!(en[0], "Field required");
    assert_eq!(en[1], "String should have at most 150 characters");
    assert_eq!(report.to_string(), "Service invalide : 3 erreurs");
}

#[test]
fn lengths_count_characters_not_bytes() {
    let mut s = service();
    s["nom"] = json!("é".repeat(150));
    assert!(validator().is_valid_value::<Service>(&s));
    s["nom"] = json!("é".repeat(151));
    assert!(!validator().is_valid_value::<Service>(&s));
    s["nom"] = json!("œ😀");
    assert!(
        !validator().is_valid_value::<Service>(&s),
        "2 characters are too few"
    );
}

#[test]
fn trailing_period_is_a_warning_and_an_error_in_strict_mode() {
    let mut s = service();
    s["nom"] = json!("Atelier CV.");
    let lax = validator().check_value::<Service>(&s);
    assert!(
        lax.record.is_some(),
        "a warning does not make the record invalid"
    );
    assert_eq!(lax.problems.len(), 1);
    assert_eq!(lax.problems[0].level, Level::Warning);
    assert_eq!(lax.problems[0].code().as_str(), "nom_trailing_period");
    assert_eq!(
        lax.problems[0].message(Lang::Fr),
        "Le nom du service ne doit pas se terminer par un point."
    );
    let strict = validator().with_strict(true).check_value::<Service>(&s);
    assert!(strict.record.is_none());
    assert_eq!(strict.problems[0].level, Level::Error);
    s["nom"] = json!("Atelier, CV, etc.");
    assert!(validator()
        .with_strict(true)
        .check_value::<Service>(&s)
        .problems
        .is_empty());
}

#[test]
fn date_maj_window_follows_the_reference_date() {
    let mut s = service();
    s["date_maj"] = json!("2026-06-16");
    let problems = validator().check_value::<Service>(&s).problems;
    assert_eq!(problems[0].code().as_str(), "date_in_future");
    let later = Validator::new().with_reference_date(NaiveDate::from_ymd_opt(2026, 6, 16).unwrap());
    assert!(later.is_valid_value::<Service>(&s));
    s["date_maj"] = json!("1999-12-31");
    assert_eq!(
        validator().check_value::<Service>(&s).problems[0]
            .code()
            .as_str(),
        "date_too_old"
    );
    s["date_maj"] = json!("2024-01-01T00:00:00+02:00");
    let service = validator().validate_value::<Service>(&s).unwrap();
    assert_eq!(
        service.date_maj,
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
    );
    s["date_maj"] = json!("2024-01-01T10:00:00");
    assert_eq!(
        validator().check_value::<Service>(&s).problems[0]
            .code()
            .as_str(),
        "date_from_datetime_inexact"
    );
}

#[test]
fn lax_where_the_official_package_is_lax() {
    let mut s = service();
    s["volume_horaire_hebdomadaire"] = json!("3.5");
    s["nombre_semaines"] = json!(4.0);
    s["latitude"] = json!(true);
    s["publics"] = json!(["femmes", "femmes"]);
    let typed = validator().validate_value::<Service>(&s).unwrap();
    assert_eq!(typed.volume_horaire_hebdomadaire, Some(3.5));
    assert_eq!(typed.nombre_semaines, Some(4));
    assert_eq!(typed.latitude, Some(1.0));
    assert_eq!(typed.publics.unwrap().len(), 1, "a set: duplicates removed");
    for (field, bad) in [
        ("nombre_semaines", json!(2.5)),
        ("volume_horaire_hebdomadaire", json!("3,5")),
        ("publics", json!([])),
        ("publics", json!(["tous-publics", "femmes"])),
        ("zone_eligibilite", json!(["France"])),
        ("lien_source", json!("ftp://exemple.fr")),
        ("code_insee", json!("7505")),
    ] {
        let mut s = service();
        s[field] = bad.clone();
        let checked = validator().check_value::<Service>(&s);
        assert_eq!(checked.problems.len(), 1, "{field} = {bad}");
        assert_eq!(checked.problems[0].field, field);
    }
}

#[test]
fn personal_data_can_be_masked() {
    let mut s = service();
    s["telephone"] = json!(33123456789i64);
    s["contact_nom_prenom"] = json!(["Jean Dupont"]);
    let masked = validator()
        .with_masked_personal_data(true)
        .check_value::<Service>(&s);
    assert_eq!(masked.problems.len(), 2);
    assert!(masked.problems.iter().all(|p| p.value == json!("***")));
    let shown = validator().check_value::<Service>(&s);
    assert_eq!(shown.problems[1].value, json!(33123456789i64));
}

#[test]
fn unknown_fields_are_kept_in_the_typed_record() {
    let mut s = service();
    s["score_qualite"] = json!(0.7);
    let service = validator().validate_value::<Service>(&s).unwrap();
    assert_eq!(service.extra["score_qualite"], json!(0.7));
}

#[test]
fn what_is_not_a_record() {
    for (text, code) in [
        ("[1, 2]", "model_type"),
        ("{\"nom\": ", "json_invalid"),
        ("", "json_invalid"),
    ] {
        let checked = validator().check_json::<Structure>(text);
        assert_eq!(checked.problems.len(), 1, "{text}");
        assert_eq!(checked.problems[0].field, "");
        assert_eq!(checked.problems[0].code().as_str(), code);
    }
    let invalid = validator().check_json::<Structure>("{\"nom\": ");
    assert!(invalid.problems[0]
        .message(Lang::Fr)
        .contains("line 1 column 8"));
}

#[test]
fn long_lists_are_sets_too() {
    let mut s = service();
    s["publics"] = json!(vec!["femmes"; 100]);
    let typed = validator().validate_value::<Service>(&s).unwrap();
    assert_eq!(typed.publics.unwrap().len(), 1);
    let mut many = vec!["femmes"; 100];
    many.push("tous-publics");
    s["publics"] = json!(many);
    assert_eq!(
        validator().check_value::<Service>(&s).problems[0]
            .code()
            .as_str(),
        "tous_publics_alone"
    );
}

#[test]
fn the_last_of_duplicate_keys_wins_as_in_the_official_package() {
    let text = r#"{"source": "dora", "structure_id": "s", "id": "i", "nom": "x",
        "description": "Une description.", "date_maj": "2025-02-14", "nom": "Atelier CV",
        "note": 1, "note": 2}"#;
    let typed = validator().validate_json::<Service>(text).unwrap();
    assert_eq!(typed.nom, "Atelier CV");
    assert_eq!(typed.extra["note"], json!(2));
}

#[test]
fn a_field_lists_at_most_a_hundred_problems_then_counts_the_others() {
    use data_inclusion_schema::validate::MAX_PROBLEMS_PER_FIELD;
    let mut s = service();
    s["thematiques"] = json!(vec!["x"; MAX_PROBLEMS_PER_FIELD + 50]);
    let problems = validator().check_value::<Service>(&s).problems;
    assert_eq!(problems.len(), MAX_PROBLEMS_PER_FIELD + 1);
    let last = problems.last().unwrap();
    assert_eq!(
        (last.code().as_str(), last.path.as_str()),
        ("more_problems", "/thematiques")
    );
    assert_eq!(
        last.message(Lang::Fr),
        "… et 50 autres problèmes dans ce champ"
    );
}

/// The verdict alone reads the fields the schema does not know without keeping them: the
/// same verdict as the full report, whatever they hold (numbers jiter alone reads,
/// escapes, nesting at the limit and beyond, bad JSON).
#[test]
fn is_valid_json_agrees_with_check_json_whatever_the_unknown_fields_hold() {
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let values = [
        "null".to_string(),
        "[1, 2.5, -0, 1e999, NaN, Infinity]".into(),
        "123456789012345678901234567890".into(),
        format!("1{}", "0".repeat(4300)),
        r#""caf\u00e9 \ud800 \n""#.into(),
        r#""\x""#.into(),
        r#"{"a": {"b": [true, false, null]}, "a": 1}"#.into(),
        r#"{"a": }"#.into(),
        nest(199),
        nest(200),
        nest(201),
    ];
    let validator = validator();
    for value in &values {
        for nom in ["Mission locale", "M"] {
            let text = format!(
                r#"{{"source": "dora", "id": "dora--1", "nom": "{nom}", "x": {value}, "date_maj": "2025-02-14"}}"#
            );
            let checked = validator.check_json::<Structure>(&text);
            assert_eq!(
                validator.is_valid_json::<Structure>(&text),
                checked.is_valid(),
                "{text:.120}: {:?}",
                checked.problems
            );
        }
    }
}
