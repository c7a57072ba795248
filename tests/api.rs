//! The integrator's API: records built in code and checked as their JSON is, values of a
//! later release of the schema kept and reported as the official package reports them,
//! reports that serialize.
#![cfg(feature = "validate")]

mod support;

use data_inclusion_schema::chrono::NaiveDate;
use data_inclusion_schema::v1::{Categorie, Public, Service, Structure, Thematique};
use data_inclusion_schema::validate::{Code, Level};
use data_inclusion_schema::{RawJson, Referential};
use proptest::prelude::*;
use serde_json::{json, Value};
use support::validator;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn new_sets_the_required_fields_and_nothing_else() {
    let s = Service::new(
        "dora",
        "dora--s1",
        "dora--1",
        "Atelier",
        "Un atelier.",
        date(2025, 2, 14),
    );
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["source"], "dora");
    assert_eq!(json["structure_id"], "dora--s1");
    assert_eq!(json["date_maj"], "2025-02-14");
    // Every other field absent: written as null (nullable) or not at all.
    let set: Vec<&str> = json
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        set,
        [
            "date_maj",
            "description",
            "id",
            "nom",
            "source",
            "structure_id"
        ]
    );
    assert!(s.extra.is_empty());
    let st = Structure::new("dora", "dora--s1", "Mission locale", date(2025, 2, 14));
    assert!(validator().is_valid(&st));
}

/// A thématique that a later release of the schema adds: serde keeps it and writes it
/// back; the validator refuses it as the official package 1.0.10 does (`enum`), with the
/// valideur's suggestion when a listed value is close.
#[test]
fn a_value_of_a_later_release_round_trips_and_is_reported_as_the_official_package_does() {
    let text = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier",
        "description": "Un atelier.", "date_maj": "2025-02-14",
        "thematiques": ["famille--garde-denfants", "famille--garde-denfant", "numerique--ia-au-quotidien"],
        "publics": ["jeunes-ruraux"]}"#;
    let service: Service = serde_json::from_str(text).unwrap();
    let thematiques = service.thematiques.clone().unwrap();
    assert_eq!(thematiques[0], Thematique::FamilleGardeDenfants);
    assert!(!thematiques[1].is_listed() && !thematiques[2].is_listed());
    assert_eq!(thematiques[2].categorie(), Categorie::Numerique);
    assert!(
        matches!(&service.publics.as_deref().unwrap()[0], Public::Other(v) if v.as_str() == "jeunes-ruraux")
    );
    // Written back unchanged.
    let back = serde_json::to_value(&service).unwrap();
    let original: Value = serde_json::from_str(text).unwrap();
    for field in ["thematiques", "publics"] {
        assert_eq!(back[field], original[field], "{field}");
    }
    // Reported as the JSON is: the same problems, `enum`, the suggestion.
    let from_record = validator().check(&service);
    let from_text = validator().check_json::<Service>(text);
    assert_eq!(from_record.problems, from_text.problems);
    let found: Vec<(&str, Code, Option<&str>)> = from_record
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.code(), p.suggestion()))
        .collect();
    // The suggestions are Python's `difflib.get_close_matches(n=1, cutoff=0.6)`'s.
    assert_eq!(
        found,
        [
            ("/publics/0", Code::Enum, Some("jeunes")),
            (
                "/thematiques/1",
                Code::Enum,
                Some("famille--garde-denfants")
            ),
            (
                "/thematiques/2",
                Code::Enum,
                Some("numerique--acquerir-un-equipement")
            ),
        ]
    );
    assert!(from_record.problems.iter().all(|p| p.level == Level::Error));
}

#[test]
fn a_report_serializes_with_stable_keys_and_displays_on_one_line() {
    let text =
        r#"{"source": "dora", "id": "dora--1", "nom": "Atelier.", "date_maj": "2025-02-14"}"#;
    let report = validator().validate_json::<Service>(text).unwrap_err();
    assert_eq!(
        report.to_string(),
        "Service invalide : 2 erreurs, 1 avertissement"
    );
    assert!(!report.to_string().contains('\n'));
    let alternate = format!("{report:#}");
    assert_eq!(alternate.lines().count(), 1 + report.problems.len());
    assert!(alternate.contains("(avertissement)"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json,
        json!({
            "schema": "Service", "errors": 2, "warnings": 1, "advice": 0,
            "problems": [
                {"field": "description", "path": "/description", "code": "missing", "level": "error",
                 "value": null, "message": "Champ requis", "suggestion": null},
                {"field": "nom", "path": "/nom", "code": "nom_trailing_period", "level": "warning",
                 "value": "Atelier.", "message": "Le nom du service ne doit pas se terminer par un point.",
                 "suggestion": null},
                {"field": "structure_id", "path": "/structure_id", "code": "missing", "level": "error",
                 "value": null, "message": "Champ requis", "suggestion": null},
            ]
        })
    );
}

/// Values that a typed field can hold, good and bad for the schema.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("75001".to_string()),
        Just("7500".to_string()),
        Just("2A004".to_string()),
        Just("13002526500013".to_string()),
        Just("https://exemple.fr".to_string()),
        Just("ftp://exemple.fr".to_string()),
        Just("contact@exemple.fr".to_string()),
        Just("contact@".to_string()),
        Just("Atelier.".to_string()),
        "\\PC{0,12}",
    ]
}

fn referential<R: Referential>() -> impl Strategy<Value = R> {
    prop_oneof![
        proptest::sample::select(R::ALL.to_vec()),
        "[a-z-]{1,12}".prop_map(|s| R::from_value(&s)),
    ]
}

prop_compose! {
    fn service()(
        nom in text(),
        description in text(),
        code_postal in proptest::option::of(text()),
        code_insee in proptest::option::of(text()),
        courriel in proptest::option::of(text()),
        lien_source in proptest::option::of(text()),
        thematiques in proptest::option::of(proptest::collection::vec(referential::<Thematique>(), 0..4)),
        publics in proptest::option::of(proptest::collection::vec(referential::<Public>(), 0..3)),
        nombre_semaines in proptest::option::of(-2i64..60),
        latitude in proptest::option::of(-100.0f64..100.0),
        days in -400i64..9000,
        extra in proptest::option::of(("[a-z_]{1,8}", text())),
    ) -> Service {
        let date_maj = date(2001, 1, 1) + chrono::Duration::days(days);
        let mut s = Service::new("dora", "dora--s1", "dora--1", nom, description, date_maj);
        s.code_postal = code_postal;
        s.code_insee = code_insee;
        s.courriel = courriel;
        s.lien_source = lien_source;
        s.thematiques = thematiques;
        s.publics = publics;
        s.nombre_semaines = nombre_semaines;
        s.latitude = latitude;
        if let Some((k, v)) = extra {
            s.extra.insert(k, RawJson::string(&v));
        }
        s
    }
}

proptest! {
    /// A typed record is validated as its JSON text is: the same verdict, the same
    /// problems, the same record; lenient and strict.
    #[test]
    fn a_typed_record_checks_as_its_json(s in service()) {
        for validator in [validator(), support::strict_validator()] {
            let text = serde_json::to_string(&s).unwrap();
            let from_record = validator.check(&s);
            let from_text = validator.check_json::<Service>(&text);
            prop_assert_eq!(&from_record, &from_text);
            prop_assert_eq!(validator.is_valid(&s), from_text.is_valid());
            prop_assert_eq!(validator.validate(&s).ok(), from_text.record);
        }
    }
}
