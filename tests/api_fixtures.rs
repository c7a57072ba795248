//! Real output of the official data·inclusion API (copied from `shared/fixtures/api/`)
//! reads into the typed records and writes back to the same JSON.

use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::RawJson;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

fn items(text: &str) -> Vec<Value> {
    let page: Value = serde_json::from_str(text).unwrap();
    page["items"].as_array().unwrap().clone()
}

fn round_trip<T: DeserializeOwned + Serialize>(item: &Value) -> T {
    let typed: T = serde_json::from_value(item.clone()).unwrap();
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        &back, item,
        "the record changed on the way through the types"
    );
    typed
}

#[test]
fn api_structures_round_trip() {
    let items = items(include_str!("fixtures/api/v1-structures-page.json"));
    assert!(!items.is_empty());
    for item in &items {
        let s: Structure = round_trip(item);
        // The fields the API adds are kept, not dropped.
        for key in ["score_qualite", "adresse_certifiee", "doublons"] {
            assert_eq!(
                s.extra.get(key).map(RawJson::to_value).as_ref(),
                item.get(key),
                "{key}"
            );
        }
    }
}

#[test]
fn api_services_round_trip() {
    let items = items(include_str!("fixtures/api/v1-services-page.json"));
    assert!(!items.is_empty());
    for item in &items {
        let s: Service = round_trip(item);
        assert_eq!(
            s.extra.get("score_qualite").map(RawJson::to_value).as_ref(),
            item.get("score_qualite")
        );
        assert_eq!(s.r#type.as_ref().map(|t| t.as_str()), item["type"].as_str());
    }
}

#[test]
fn absent_optional_fields_are_written_as_null() {
    let json = r#"{"source": "dora", "id": "dora--1", "nom": "Mairie", "date_maj": "2025-02-14"}"#;
    let s: Structure = serde_json::from_str(json).unwrap();
    let back = serde_json::to_value(&s).unwrap();
    let object = back.as_object().unwrap();
    assert_eq!(object.len(), Structure::FIELDS.len());
    assert_eq!(back["siret"], Value::Null);
    assert_eq!(back["reseaux_porteurs"], Value::Null);
}
