//! The JSON Schema that the types emit (feature `schemars`) says what the official one says:
//! the same properties, the same required fields, the same enum values.
#![cfg(feature = "schemars")]

use std::collections::BTreeSet;

use data_inclusion_schema::v1::{Service, Structure};
use serde_json::Value;

fn official(name: &str) -> Value {
    let path = format!("{}/schema/v1/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keys(schema: &Value) -> BTreeSet<String> {
    schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn required(schema: &Value) -> BTreeSet<String> {
    schema["required"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// Every enum's values, by the definition's name: `enum` or `oneOf` of `const`s.
fn enums(schema: &Value) -> BTreeSet<(String, Vec<String>)> {
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    defs.iter()
        .filter_map(|(name, def)| {
            let values: Vec<String> = if let Some(values) = def.get("enum") {
                values
                    .as_array()?
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            } else {
                def.get("oneOf")?
                    .as_array()?
                    .iter()
                    .map(|v| v["const"].as_str().unwrap().to_string())
                    .collect()
            };
            let mut values = values;
            values.sort();
            Some((name.clone(), values))
        })
        .collect()
}

fn check(emitted: Value, official: Value) {
    assert!(!enums(&official).is_empty());
    assert_eq!(keys(&emitted), keys(&official));
    assert_eq!(required(&emitted), required(&official));
    assert_eq!(enums(&emitted), enums(&official));
    // The properties the schema does not know are allowed (and kept).
    assert_ne!(
        emitted.get("additionalProperties"),
        Some(&Value::Bool(false))
    );
}

#[test]
fn structure_schema_matches_the_official_one() {
    let emitted = serde_json::to_value(schemars::schema_for!(Structure)).unwrap();
    check(emitted, official("structure.json"));
}

#[test]
fn service_schema_matches_the_official_one() {
    let emitted = serde_json::to_value(schemars::schema_for!(Service)).unwrap();
    check(emitted, official("service.json"));
}

/// The schema of a list of services, as a web service would publish it: every reference
/// resolves (the records' definitions are the generator's), and a JSON Schema validator
/// accepts the official API's services and refuses a service without its `nom`.
#[test]
fn a_list_of_services_validates_with_its_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(Vec<Service>)).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .unwrap();
    let page: Value =
        serde_json::from_str(include_str!("fixtures/api/v1-services-page.json")).unwrap();
    let items = page["items"].clone();
    assert!(items.as_array().is_some_and(|a| !a.is_empty()));
    let errors: Vec<String> = validator
        .iter_errors(&items)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut bad = items.clone();
    bad[0].as_object_mut().unwrap().remove("nom");
    assert!(!validator.is_valid(&bad));
    let mut bad = items;
    bad[0]["thematiques"] = serde_json::json!(["famille--garde-denfant"]);
    assert!(!validator.is_valid(&bad));
}
