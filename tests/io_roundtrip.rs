//! Round trips over generated valid records: typed → JSON → typed, typed → CSV → typed and
//! JSON → CSV → JSON are the identity (absent and null being the same; the fields the
//! schema does not know kept); with the `parquet` and `geojson` features, typed → Parquet
//! → typed, typed → GeoJSON → typed, and JSON Lines → Parquet → GeoJSON → CSV → JSON Lines
//! too, `score_qualite` a number all along.
#![cfg(feature = "io")]

use chrono::NaiveDate;
use data_inclusion_schema::io::{Format, ReadOptions, Reader, WriteOptions, Writer};
use data_inclusion_schema::v1::{
    Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur, Service,
    Structure, Thematique, TypeService,
};
use data_inclusion_schema::Record;
use data_inclusion_schema::Referential;
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::{Map, Value};

mod support;
/// Its reference date is later than every generated `date_maj` (2000-01-01 to 2025-12-31).
use support::validator;

// ------------------------------------------------------------------ strategies

/// Text as people write it, and as CSV dislikes it: accents, typographic quotes,
/// delimiters, quotes, brackets, line breaks.
fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[a-zA-Z0-9àâçéèêëîïôûùüÿœæÀÉÈÇŒ’«» ,;|\"'\\[\\]{{}}\\\\:/.\\-\\n\\r\\t€]{{{min},{max}}}"
    ))
    .unwrap()
}

fn optional<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 2 => s.prop_map(Some)].boxed()
}

fn url() -> impl Strategy<Value = String> {
    "https://(www\\.)?[a-z]{1,12}\\.(fr|org|gouv\\.fr)(/[a-z0-9\\-]{1,12}){0,3}/?(\\?q=[a-z0-9]{1,5})?"
}

fn date() -> impl Strategy<Value = String> {
    (0i64..9496).prop_map(|days| {
        (NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(days)).to_string()
    })
}

/// A coordinate: usually a plausible one, sometimes any finite number.
fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![3 => -180.0f64..180.0, 1 => proptest::num::f64::NORMAL | proptest::num::f64::ZERO]
}

/// Distinct referential values, in any order.
fn values<R: Referential>(min: usize, max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    subsequence(R::VALUES, min..=max.min(R::VALUES.len())).prop_shuffle()
}

fn zone() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{5}",
        "[0-9]{2}|2[AB]|97[1-6]",
        "[0-9]{9}",
        "99[0-5][0-9]{2}",
        Just("france".to_string()),
    ]
}

/// Inserts the optional fields that are `Some`.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v.into());
    }
}

/// The fields common to structures and services, and the record's identity.
fn common() -> impl Strategy<Value = Map<String, Value>> {
    (
        "[a-z]{2,10}(-[a-z]{2,8})?",
        "[A-Za-z0-9:\\-]{1,12}",
        text(3, 150).prop_filter("no trailing period", |n| {
            !n.ends_with('.') && n.chars().count() >= 3
        }),
        date(),
        (
            optional(text(1, 60)),
            optional(text(1, 60)),
            optional(text(1, 30)),
            optional(text(1, 40)),
        ),
        (
            optional("[0-9]{2}[0-9AB][0-9]{2}"),
            optional("[0-9]{5}"),
            optional(text(1, 40)),
        ),
        (optional(coordinate()), optional(coordinate())),
        (
            optional("[a-z][a-z0-9]{0,5}(\\.[a-z0-9]{1,5})?@exemple\\.fr"),
            optional(url()),
        ),
    )
        .prop_map(
            |(source, local, nom, date_maj, texts, codes, coords, links)| {
                let mut m = Map::new();
                m.insert("id".into(), format!("{source}--{local}").into());
                m.insert("source".into(), source.into());
                m.insert("nom".into(), nom.into());
                m.insert("date_maj".into(), date_maj.into());
                let (adresse, complement, commune, horaires) = texts;
                put(&mut m, "adresse", adresse);
                put(&mut m, "complement_adresse", complement);
                put(&mut m, "commune", commune);
                put(&mut m, "horaires_accueil", horaires);
                let (insee, postal, telephone) = codes;
                put(&mut m, "code_insee", insee);
                put(&mut m, "code_postal", postal);
                put(&mut m, "telephone", telephone);
                put(&mut m, "latitude", coords.0);
                put(&mut m, "longitude", coords.1);
                put(&mut m, "courriel", links.0);
                put(&mut m, "lien_source", links.1);
                m
            },
        )
}

fn structure() -> BoxedStrategy<Map<String, Value>> {
    (
        common(),
        optional(text(5, 300)),
        optional("[0-9]{14}"),
        (optional(url()), optional(url())),
        optional(values::<ReseauPorteur>(0, 4)),
    )
        .prop_map(
            |(mut m, description, siret, (site_web, accessibilite), reseaux)| {
                put(&mut m, "description", description);
                put(&mut m, "siret", siret);
                put(&mut m, "site_web", site_web);
                put(&mut m, "accessibilite_lieu", accessibilite);
                put(&mut m, "reseaux_porteurs", reseaux);
                m
            },
        )
        .boxed()
}

fn service() -> BoxedStrategy<Map<String, Value>> {
    (
        common(),
        ("[a-z]{2,10}--[a-z0-9]{1,8}", text(5, 300)),
        (
            optional(values::<Frais>(1, 1)),
            optional(values::<TypeService>(1, 1)),
        ),
        (
            optional(values::<Thematique>(0, 5)),
            optional(values::<Public>(1, 4)),
            optional(values::<ModeAccueil>(0, 2)),
            optional(values::<ModeMobilisation>(1, 3)),
            optional(values::<PersonneMobilisatrice>(1, 2)),
        ),
        (
            optional(text(1, 80)),
            optional(text(1, 80)),
            optional(text(1, 80)),
            optional(text(1, 80)),
            optional(text(1, 40)),
        ),
        (
            optional(1i64..=1_000_000),
            optional(0.0f64..=100.0),
            optional(url()),
        ),
        optional(proptest::collection::vec(zone(), 1..4)),
    )
        .prop_map(
            |(
                mut m,
                (structure_id, description),
                (frais, r#type),
                lists,
                texts,
                numbers,
                zones,
            )| {
                m.insert("structure_id".into(), structure_id.into());
                m.insert("description".into(), description.into());
                put(&mut m, "frais", frais.map(|v| v[0]));
                put(&mut m, "type", r#type.map(|v| v[0]));
                let (thematiques, publics, modes_accueil, modes_mobilisation, mobilisable_par) =
                    lists;
                // `tous-publics` only alone.
                let publics = publics.map(|p| {
                    if p.len() > 1 {
                        p.into_iter().filter(|v| *v != "tous-publics").collect()
                    } else {
                        p
                    }
                });
                put(&mut m, "thematiques", thematiques);
                put(&mut m, "publics", publics);
                put(&mut m, "modes_accueil", modes_accueil);
                put(&mut m, "modes_mobilisation", modes_mobilisation);
                put(&mut m, "mobilisable_par", mobilisable_par);
                let (
                    conditions,
                    contact,
                    frais_precisions,
                    publics_precisions,
                    mobilisation_precisions,
                ) = texts;
                put(&mut m, "conditions_acces", conditions);
                put(&mut m, "contact_nom_prenom", contact);
                put(&mut m, "frais_precisions", frais_precisions);
                put(&mut m, "publics_precisions", publics_precisions);
                put(&mut m, "mobilisation_precisions", mobilisation_precisions);
                put(&mut m, "nombre_semaines", numbers.0);
                put(&mut m, "volume_horaire_hebdomadaire", numbers.1);
                put(&mut m, "lien_mobilisation", numbers.2);
                put(&mut m, "zone_eligibilite", zones);
                m
            },
        )
        .boxed()
}

/// 1 to 4 records sharing up to 3 unknown fields (string values) and, sometimes,
/// `score_qualite` (a number); the first record has them all, the others some.
fn batch(record: BoxedStrategy<Map<String, Value>>) -> impl Strategy<Value = Vec<Value>> {
    let keys = proptest::collection::btree_set("x_[a-z]{1,6}", 0..=3);
    (keys, any::<bool>()).prop_flat_map(move |(keys, scored)| {
        let keys: Vec<String> = keys.into_iter().collect();
        let extra = proptest::collection::vec(optional(text(1, 20)), keys.len());
        let score = optional(0.0f64..=1.0);
        proptest::collection::vec((record.clone(), extra, score), 1..=4).prop_map(move |records| {
            records
                .into_iter()
                .enumerate()
                .map(|(i, (mut m, values, score))| {
                    if scored {
                        match score {
                            Some(score) => m.insert("score_qualite".into(), score.into()),
                            None if i == 0 => m.insert("score_qualite".into(), 0.5.into()),
                            None => None,
                        };
                    }
                    for (key, value) in keys.iter().zip(values) {
                        match value {
                            Some(v) => {
                                m.insert(key.clone(), v.into());
                            }
                            None if i == 0 => {
                                m.insert(key.clone(), "premier".into());
                            }
                            None => {}
                        }
                    }
                    Value::Object(m)
                })
                .collect()
        })
    })
}

// ------------------------------------------------------------------ helpers

/// The generated records, typed: they must be valid.
fn typed<R: Record>(values: &[Value]) -> Vec<R> {
    values
        .iter()
        .map(|v| {
            let checked = validator().check_value::<R>(v);
            assert_eq!(checked.problems, vec![], "generated record not valid: {v}");
            checked.record.unwrap()
        })
        .collect()
}

fn write<R: Record>(records: &[R], format: Format) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new(), format, WriteOptions::default());
    for r in records {
        writer.write(r).unwrap();
    }
    writer.finish().unwrap()
}

fn read<R: Record>(bytes: &[u8], format: Format) -> Vec<R> {
    Reader::with_options(bytes, format, ReadOptions::for_record::<R>())
        .map(|item| {
            let entry = item
                .into_result()
                .expect("no read error")
                .expect("no record error");
            let checked = entry.input.check::<R>(&validator());
            assert_eq!(
                checked.problems,
                vec![],
                "line {}: {:?}",
                entry.line,
                String::from_utf8_lossy(bytes)
            );
            checked.record.unwrap()
        })
        .collect()
}

/// Absent and null are the same: the unknown fields that are null are dropped.
fn normalized<R: Record>(mut records: Vec<R>) -> Vec<R> {
    for r in &mut records {
        r.extra_mut().retain(|_, v| !v.is_null());
    }
    records
}

/// A record as JSON, its null fields dropped.
fn json_normalized(value: Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, v)| !v.is_null()).collect()),
        other => other,
    }
}

fn typed_json_typed<R: Record + PartialEq>(values: &[Value]) {
    let records = typed::<R>(values);
    for format in [Format::Json, Format::JsonLines] {
        let back = read::<R>(&write(&records, format), format);
        assert_eq!(back, records, "{format}");
    }
}

fn typed_csv_typed<R: Record + PartialEq>(values: &[Value]) {
    let records = typed::<R>(values);
    let csv = write(&records, Format::Csv);
    let back = read::<R>(&csv, Format::Csv);
    assert_eq!(
        normalized(back),
        normalized(records),
        "{}",
        String::from_utf8_lossy(&csv)
    );
}

fn json_csv_json<R: Record>(values: &[Value]) {
    let jsonl: String = values.iter().map(|v| format!("{v}\n")).collect();
    let records = read::<R>(jsonl.as_bytes(), Format::JsonLines);
    let csv = write(&records, Format::Csv);
    let again = read::<R>(&csv, Format::Csv);
    let out = write(&again, Format::JsonLines);
    let out: Vec<Value> = std::str::from_utf8(&out)
        .unwrap()
        .lines()
        .map(|l| json_normalized(serde_json::from_str(l).unwrap()))
        .collect();
    let expected: Vec<Value> = records
        .iter()
        .map(|r| json_normalized(serde_json::to_value(r).unwrap()))
        .collect();
    assert_eq!(out, expected);
    // And what was read is what was given (numbers aside, which JSON writes as floats
    // or integers as they come).
    assert_eq!(out.len(), values.len());
}

/// typed → `format` → typed is the identity (the unknown fields that are null aside).
#[cfg(all(feature = "parquet", feature = "geojson"))]
fn typed_format_typed<R: Record + PartialEq>(values: &[Value], format: Format) {
    let records = typed::<R>(values);
    let bytes = write(&records, format);
    let back = read::<R>(&bytes, format);
    assert_eq!(normalized(back), normalized(records), "{format}");
}

/// JSON Lines → Parquet → GeoJSON → CSV → JSON Lines gives the records read first, and
/// `score_qualite` is a number at every step.
#[cfg(all(feature = "parquet", feature = "geojson"))]
fn jsonl_parquet_geojson_csv_jsonl<R: Record + PartialEq>(values: &[Value]) {
    let jsonl: String = values.iter().map(|v| format!("{v}\n")).collect();
    let first = read::<R>(jsonl.as_bytes(), Format::JsonLines);
    let mut records = first.clone();
    for format in [
        Format::Parquet,
        Format::GeoJson,
        Format::Csv,
        Format::JsonLines,
    ] {
        records = read::<R>(&write(&records, format), format);
        assert_eq!(
            normalized(records.clone()),
            normalized(first.clone()),
            "{format}"
        );
        for r in &records {
            if let Some(score) = r.extra().get("score_qualite").filter(|s| !s.is_null()) {
                assert!(score.as_f64().is_some(), "{format}: score_qualite {score}");
            }
        }
    }
}

// ------------------------------------------------------------------ properties

#[cfg(all(feature = "parquet", feature = "geojson"))]
proptest! {
    #![proptest_config(ProptestConfig { cases: 100, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn structures_typed_parquet_typed(values in batch(structure())) {
        typed_format_typed::<Structure>(&values, Format::Parquet);
    }

    #[test]
    fn services_typed_parquet_typed(values in batch(service())) {
        typed_format_typed::<Service>(&values, Format::Parquet);
    }

    #[test]
    fn structures_typed_geojson_typed(values in batch(structure())) {
        typed_format_typed::<Structure>(&values, Format::GeoJson);
    }

    #[test]
    fn services_typed_geojson_typed(values in batch(service())) {
        typed_format_typed::<Service>(&values, Format::GeoJson);
    }

    #[test]
    fn structures_jsonl_parquet_geojson_csv_jsonl(values in batch(structure())) {
        jsonl_parquet_geojson_csv_jsonl::<Structure>(&values);
    }

    #[test]
    fn services_jsonl_parquet_geojson_csv_jsonl(values in batch(service())) {
        jsonl_parquet_geojson_csv_jsonl::<Service>(&values);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn structures_typed_json_typed(values in batch(structure())) {
        typed_json_typed::<Structure>(&values);
    }

    #[test]
    fn services_typed_json_typed(values in batch(service())) {
        typed_json_typed::<Service>(&values);
    }

    #[test]
    fn structures_typed_csv_typed(values in batch(structure())) {
        typed_csv_typed::<Structure>(&values);
    }

    #[test]
    fn services_typed_csv_typed(values in batch(service())) {
        typed_csv_typed::<Service>(&values);
    }

    #[test]
    fn structures_json_csv_json(values in batch(structure())) {
        json_csv_json::<Structure>(&values);
    }

    #[test]
    fn services_json_csv_json(values in batch(service())) {
        json_csv_json::<Service>(&values);
    }
}
