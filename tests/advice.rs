//! Advice (`Validator::with_advice`, level `advice`): never a verdict, the same on every
//! input form, worded in French and English, masked as other problems.
#![cfg(all(feature = "advice", feature = "io"))]

mod support;

use data_inclusion_schema::io::{Format, Item, Reader};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Code, Lang, Level, Problem, Validator};
use data_inclusion_schema::Record;
use serde_json::{json, Value};
use support::{strict_validator, validator};

/// The problems that are not advice, and the advice.
fn split(problems: &[Problem]) -> (Vec<Problem>, Vec<Problem>) {
    problems
        .iter()
        .cloned()
        .partition(|p| p.level != Level::Advice)
}

fn same_verdict<R: Record>(plain: &Validator, json: &str) -> usize {
    let advised = plain.clone().with_advice(true);
    let without: Checked<R> = plain.check_json(json);
    let with: Checked<R> = advised.check_json(json);
    // (Debug: a record may hold a NaN, which equals nothing.)
    assert_eq!(
        format!("{:?}", with.record),
        format!("{:?}", without.record),
        "{json}"
    );
    let (problems, advice) = split(&with.problems);
    assert_eq!(
        format!("{problems:?}"),
        format!("{:?}", without.problems),
        "{json}"
    );
    assert!(advice.iter().all(|p| p.level == Level::Advice));
    // Advice comes after the record's other problems.
    assert!(with.problems[..problems.len()]
        .iter()
        .all(|p| p.level != Level::Advice));
    // The fast verdict knows nothing of advice.
    assert_eq!(advised.is_valid_json::<R>(json), without.record.is_some());
    // The verdict without the record gives the same problems, advice included.
    let verdict = advised.verdict_json::<R>(json);
    assert_eq!(verdict.record.is_some(), with.record.is_some(), "{json}");
    assert_eq!(verdict.problems, with.problems, "{json}");
    advice.len()
}

#[test]
fn advice_never_changes_a_verdict_on_the_conformance_corpus() {
    let text = support::read_to_string("tests/conformance/cases.jsonl");
    let (mut cases, mut advised) = (0, 0);
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let json = case["json"].as_str().unwrap();
        for plain in [validator(), strict_validator()] {
            let n = match case["kind"].as_str() {
                Some("structure") => same_verdict::<Structure>(&plain, json),
                _ => same_verdict::<Service>(&plain, json),
            };
            advised += usize::from(n > 0);
        }
        cases += 1;
    }
    println!("{cases} cases, {advised} verdicts with advice (lax and strict)");
    assert!(cases > 4000);
    // The corpus has coordinates, SIRETs and telephone numbers of every shape.
    assert!(advised > 100, "{advised}");
}

fn structure(extra: Value) -> Value {
    let mut record = json!({"source": "dora", "id": "dora--1", "nom": "CCAS de Lille", "date_maj": "2025-02-14"});
    for (k, v) in extra.as_object().unwrap() {
        record[k] = v.clone();
    }
    record
}

fn service(extra: Value) -> Value {
    let mut record = json!({"source": "dora", "structure_id": "dora--1", "id": "dora--2",
        "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"});
    for (k, v) in extra.as_object().unwrap() {
        record[k] = v.clone();
    }
    record
}

fn advice<R: Record>(validator: &Validator, record: &Value) -> Vec<(String, Code, Value)> {
    validator
        .check_value::<R>(record)
        .problems
        .into_iter()
        .filter(|p| p.level == Level::Advice)
        .map(|p| (p.field.clone(), p.code(), p.value.clone()))
        .collect()
}

#[test]
fn each_advice_on_the_field_it_concerns() {
    let v = validator().with_advice(true);
    let cases: Vec<(Value, Vec<(&str, Code)>)> = vec![
        (json!({"siret": "13002526500013"}), vec![]),
        (
            json!({"siret": "13002526500014"}),
            vec![("siret", Code::SiretChecksum)],
        ),
        (json!({"siret": "35600000049837"}), vec![]),
        (json!({"longitude": 3.06, "latitude": 50.63}), vec![]),
        (
            json!({"longitude": 50.63, "latitude": 3.06}),
            vec![("longitude", Code::CoordinatesSwapped)],
        ),
        (
            json!({"longitude": -3.06, "latitude": -50.63}),
            vec![("longitude", Code::CoordinatesOutsideFrance)],
        ),
        (
            json!({"longitude": 0, "latitude": 0}),
            vec![("longitude", Code::CoordinatesOutsideFrance)],
        ),
        // Lax numbers are read as validation reads them.
        (json!({"longitude": "3.06", "latitude": "50.63"}), vec![]),
        // One coordinate alone says nothing.
        (json!({"latitude": 3.06}), vec![]),
        (json!({"telephone": "01 40 20 50 50"}), vec![]),
        (
            json!({"telephone": "+44 20 7946 0958"}),
            vec![("telephone", Code::TelephoneNotFrench)],
        ),
        (
            json!({"telephone": "+33123456789"}),
            vec![("telephone", Code::PlaceholderContact)],
        ),
        (
            json!({"courriel": "test@test.fr"}),
            vec![("courriel", Code::PlaceholderContact)],
        ),
        (json!({"courriel": "accueil@ccas-lille.fr"}), vec![]),
        (
            json!({"site_web": "https://www.exemple.fr/"}),
            vec![("site_web", Code::PlaceholderContact)],
        ),
        (
            json!({"horaires_accueil": "Mo-Fr 09:00-12:00; PH off"}),
            vec![],
        ),
        (
            json!({"horaires_accueil": "Lundi 9h-12h"}),
            vec![("horaires_accueil", Code::OpeningHoursSyntax)],
        ),
        (json!({"horaires_accueil": ""}), vec![]),
        (json!({"siret": null, "telephone": null}), vec![]),
    ];
    for (fields, expected) in cases {
        let got: Vec<(String, Code)> = advice::<Structure>(&v, &structure(fields.clone()))
            .into_iter()
            .map(|(f, c, _)| (f, c))
            .collect();
        let expected: Vec<(String, Code)> = expected
            .into_iter()
            .map(|(f, c)| (f.to_string(), c))
            .collect();
        assert_eq!(got, expected, "{fields}");
    }
    // Services: their contact's name, and no SIRET field (an unknown `siret` is not
    // advised on).
    let got = advice::<Service>(
        &v,
        &service(json!({"contact_nom_prenom": "Nom Prénom", "siret": "1"})),
    );
    assert_eq!(
        got,
        [(
            "contact_nom_prenom".into(),
            Code::PlaceholderContact,
            json!("Nom Prénom")
        )]
    );
}

#[test]
fn postal_codes_and_zones_against_the_decoupage_administratif() {
    let v = validator().with_advice(true);
    // Lille (59350): 59000, 59160, 59260, 59777, 59800.
    type Advice = Vec<(&'static str, Code, Value)>;
    let cases: Vec<(Value, Advice)> = vec![
        (
            json!({"code_insee": "59350", "code_postal": "59800"}),
            vec![],
        ),
        (
            json!({"code_insee": "59350", "code_postal": "75001"}),
            vec![("code_postal", Code::CodePostalNotOfCommune, json!("75001"))],
        ),
        // Paris's arrondissements have their postal codes, and so has Paris.
        (
            json!({"code_insee": "75056", "code_postal": "75116"}),
            vec![],
        ),
        (
            json!({"code_insee": "75112", "code_postal": "75012"}),
            vec![],
        ),
        // A commune the table does not know (the valideur's profile reports it) or one
        // without postal code (Nouvelle-Calédonie): nothing to compare.
        (
            json!({"code_insee": "59999", "code_postal": "59000"}),
            vec![],
        ),
        (
            json!({"code_insee": "98818", "code_postal": "98800"}),
            vec![],
        ),
        // One of the two alone says nothing.
        (json!({"code_postal": "75001"}), vec![]),
    ];
    for (fields, expected) in cases {
        let expected: Vec<(String, Code, Value)> = expected
            .into_iter()
            .map(|(f, c, v)| (f.to_string(), c, v))
            .collect();
        assert_eq!(
            advice::<Structure>(&v, &structure(fields.clone())),
            expected,
            "{fields}"
        );
        assert_eq!(
            advice::<Service>(&v, &service(fields.clone())),
            expected,
            "{fields}"
        );
    }
    // Each zone code that exists in none of the four tables, at its place in the list.
    let record = service(json!({"zone_eligibilite": [
        "59350", "59999", "2A", "974", "84", "200093201", "200093202", "france", "99100"
    ]}));
    let checked = v.check_value::<Service>(&record);
    assert!(checked.is_valid());
    let got: Vec<(&str, &str, Code, &Value)> = checked
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.path.as_str(), p.code(), &p.value))
        .collect();
    assert_eq!(
        got,
        [
            (
                "zone_eligibilite",
                "/zone_eligibilite/1",
                Code::ZoneUnknown,
                &json!("59999")
            ),
            (
                "zone_eligibilite",
                "/zone_eligibilite/6",
                Code::ZoneUnknown,
                &json!("200093202")
            ),
        ]
    );
    assert!(checked.problems.iter().all(|p| p.level == Level::Advice));
    // The same from the JSON text (the single pass, then the advised members read again).
    assert_eq!(
        v.check_json::<Service>(&record.to_string()).problems,
        checked.problems
    );
    assert_eq!(
        checked.problems[0].message(Lang::Fr),
        "Le code 59999 n’existe pas dans le découpage administratif 2026 : ce n’est le code \
         d’aucune commune, d’aucun département, d’aucune région, ni le SIREN d’aucun EPCI. \
         Vérifiez-le sur geo.api.gouv.fr."
    );
    assert!(checked.problems[0]
        .message(Lang::En)
        .starts_with("The code 59999 does not exist in the 2026 découpage administratif"));
    let postal = v
        .check_value::<Structure>(&structure(
            json!({"code_insee": "59350", "code_postal": "75001"}),
        ))
        .problems;
    assert_eq!(
        postal[0].message(Lang::Fr),
        "Le code postal 75001 n’est pas celui de la commune 59350 (ses codes postaux : \
         59000, 59160, 59260, 59777, 59800) : l’un des deux codes a sans doute été mal recopié."
    );
    assert_eq!(
        postal[0].message(Lang::En),
        "The postal code 75001 is not one of the commune 59350's (its postal codes: \
         59000, 59160, 59260, 59777, 59800): one of the two codes was probably mistyped."
    );
    // The valideur's profile: advice too, never its verdict; a code_insee in error (not a
    // commune) gets no postal advice.
    let valideur = Validator::valideur()
        .with_reference_date(support::TODAY)
        .with_advice(true);
    let checked = valideur.check_value::<Service>(&record);
    assert!(checked.is_valid(), "{:?}", checked.problems);
    assert_eq!(checked.problems.len(), 2);
    let checked = valideur.check_value::<Structure>(&structure(
        json!({"code_insee": "59999", "code_postal": "75001"}),
    ));
    let codes: Vec<(Code, Level)> = checked
        .problems
        .iter()
        .map(|p| (p.code(), p.level))
        .collect();
    assert_eq!(codes, [(Code::BadCodeInsee, Level::Error)]);
    // Without advice, nothing.
    assert!(validator()
        .check_value::<Service>(&record)
        .problems
        .is_empty());
}

#[test]
fn a_field_in_error_gets_no_advice_but_the_others_do() {
    let v = validator().with_advice(true);
    // An invalid record: its errors, then advice on the fields without error.
    let record = structure(
        json!({"siret": "1300252650001", "telephone": "+44 20 7946 0958", "code_postal": "590"}),
    );
    let checked = v.check_value::<Structure>(&record);
    assert!(!checked.is_valid());
    let levels: Vec<(&str, Level)> = checked
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.level))
        .collect();
    assert_eq!(
        levels,
        [
            ("code_postal", Level::Error),
            ("siret", Level::Error),
            ("telephone", Level::Advice)
        ]
    );
}

#[test]
fn advice_in_french_and_english_and_masked() {
    let record = service(
        json!({"telephone": "+44 20 7946 0958", "courriel": "test@test.fr", "horaires_accueil": "Mo-Fr 09h00-12h00"}),
    );
    let checked = validator()
        .with_advice(true)
        .check_value::<Service>(&record);
    let messages: Vec<(String, String)> = checked
        .problems
        .iter()
        .map(|p| (p.message(Lang::Fr), p.message(Lang::En)))
        .collect();
    assert_eq!(messages.len(), 3);
    assert!(
        messages[0]
            .0
            .starts_with("Cette valeur ressemble à un exemple"),
        "{messages:?}"
    );
    assert!(
        messages[0]
            .1
            .starts_with("This value looks like an example"),
        "{messages:?}"
    );
    assert!(
        messages[1]
            .0
            .contains("syntaxe OpenStreetMap opening_hours")
            && messages[1].0.contains("caractère 7"),
        "{messages:?}"
    );
    assert!(
        messages[1].1.contains("OpenStreetMap opening_hours syntax")
            && messages[1].1.contains("character 7"),
        "{messages:?}"
    );
    assert!(
        messages[2]
            .0
            .starts_with("Ce n’est pas un numéro de téléphone français"),
        "{messages:?}"
    );
    assert!(
        messages[2]
            .1
            .starts_with("This is not a valid French telephone number"),
        "{messages:?}"
    );
    // Serialized with its level and code.
    let json = serde_json::to_value(checked.problems[2].in_lang(Lang::En)).unwrap();
    assert_eq!(
        (json["level"].as_str(), json["code"].as_str()),
        (Some("advice"), Some("telephone_not_french"))
    );
    // Masked as the other problems on personal data.
    let masked = validator()
        .with_advice(true)
        .with_masked_personal_data(true)
        .check_value::<Service>(&record);
    let values: Vec<&Value> = masked.problems.iter().map(|p| &p.value).collect();
    assert_eq!(
        values,
        [&json!("***"), &json!("Mo-Fr 09h00-12h00"), &json!("***")]
    );
    // A report counts advice apart.
    let invalid = service(json!({"telephone": "+44 20 7946 0958", "nombre_semaines": 0}));
    let report = validator()
        .with_advice(true)
        .validate_value::<Service>(&invalid)
        .unwrap_err();
    assert_eq!(report.to_string(), "Service invalide : 1 erreur, 1 conseil");
    assert_eq!(serde_json::to_value(&report).unwrap()["advice"], 1);
}

#[test]
fn the_same_advice_from_json_text_values_maps_typed_records_and_files() {
    let v = validator().with_advice(true);
    let record = structure(
        json!({"siret": "13002526500014", "longitude": 50.63, "latitude": 3.06,
        "telephone": "0000000000", "horaires_accueil": "sur rendez-vous",
        "code_insee": "59350", "code_postal": "75001"}),
    );
    let text = record.to_string();
    let from_text = v.check_json::<Structure>(&text).problems;
    assert_eq!(from_text.len(), 5);
    assert_eq!(v.check_value::<Structure>(&record).problems, from_text);
    assert_eq!(
        v.check_map::<Structure>(record.as_object().unwrap())
            .problems,
        from_text
    );
    let typed: Structure = serde_json::from_value(record.clone()).unwrap();
    assert_eq!(v.check(&typed).problems, from_text);
    // JSON Lines and CSV readers.
    let jsonl = format!("{text}\n");
    let csv = "source,id,nom,date_maj,siret,longitude,latitude,telephone,horaires_accueil,code_insee,code_postal\n\
               dora,dora--1,CCAS de Lille,2025-02-14,13002526500014,50.63,3.06,0000000000,sur rendez-vous,59350,75001\n";
    for (bytes, format) in [
        (jsonl.as_bytes(), Format::JsonLines),
        (csv.as_bytes(), Format::Csv),
    ] {
        let items: Vec<_> = Reader::new(bytes, format)
            .checked::<Structure>(&v)
            .collect();
        let [Item::Record(entry)] = &items[..] else {
            panic!("{format:?}: {items:?}")
        };
        let codes: Vec<Code> = entry.checked.problems.iter().map(|p| p.code()).collect();
        let expected: Vec<Code> = from_text.iter().map(|p| p.code()).collect();
        assert_eq!(codes, expected, "{format:?}");
    }
}

#[test]
fn hostile_values_are_advised_on_in_bounded_time() {
    let v = validator().with_advice(true);
    let long_hours = "Mo 09:00-10:00; ".repeat(10_000);
    let long_phone = "0".repeat(100_000) + "1";
    let record = structure(
        json!({"horaires_accueil": long_hours, "telephone": long_phone,
        "courriel": format!("{}@exemple.fr", "a".repeat(60)), "longitude": f64::MAX, "latitude": f64::MIN}),
    );
    let checked = v.check_value::<Structure>(&record);
    let codes: Vec<Code> = checked.problems.iter().map(|p| p.code()).collect();
    // A value too long for the opening_hours parser is not checked; a telephone number
    // of 100 000 digits is not French.
    assert_eq!(
        codes,
        [
            Code::PlaceholderContact,
            Code::CoordinatesOutsideFrance,
            Code::TelephoneNotFrench
        ]
    );
}

/// The share of records with advice, per kind of advice, in the data.gouv.fr samples
/// (CSV and JSON Lines give the same): their contacts are the schema's and RFC 2606's
/// examples (`+33123456789`, `…@exemple.fr`, `https://www.exemple.fr/`), and three
/// structures of Ajaccio (`2A004`) have Lille's postal code.
#[test]
fn advice_on_the_data_gouv_fr_samples() {
    fn shares<R: Record>(bytes: &[u8], format: Format) -> (usize, usize, Vec<(String, usize)>) {
        let v = validator().with_advice(true);
        let mut records = 0;
        let mut advised = 0;
        let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
        for item in Reader::new(bytes, format).checked::<R>(&v) {
            let Item::Record(entry) = item else {
                panic!("{item:?}")
            };
            assert!(entry.checked.is_valid());
            records += 1;
            let advice: Vec<&Problem> = entry
                .checked
                .problems
                .iter()
                .filter(|p| p.level == Level::Advice)
                .collect();
            advised += usize::from(!advice.is_empty());
            for p in advice {
                *kinds
                    .entry(format!("{} {}", p.code(), p.field))
                    .or_default() += 1;
            }
        }
        (records, advised, kinds.into_iter().collect())
    }
    let structures = (
        5,
        5,
        vec![
            ("code_postal_not_of_commune code_postal".to_string(), 3),
            ("placeholder_contact courriel".to_string(), 3),
            ("placeholder_contact site_web".to_string(), 3),
            ("placeholder_contact telephone".to_string(), 3),
        ],
    );
    let services = (
        5,
        5,
        vec![
            ("placeholder_contact courriel".to_string(), 5),
            ("placeholder_contact telephone".to_string(), 5),
        ],
    );
    let csv = include_bytes!("fixtures/datagouv/structures-sample.csv");
    let jsonl = include_bytes!("fixtures/datagouv/structures-sample.jsonl");
    assert_eq!(shares::<Structure>(csv, Format::Csv), structures);
    assert_eq!(shares::<Structure>(jsonl, Format::JsonLines), structures);
    let csv = include_bytes!("fixtures/datagouv/services-sample.csv");
    let jsonl = include_bytes!("fixtures/datagouv/services-sample.jsonl");
    assert_eq!(shares::<Service>(csv, Format::Csv), services);
    assert_eq!(shares::<Service>(jsonl, Format::JsonLines), services);
}
