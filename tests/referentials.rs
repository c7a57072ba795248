//! The referentials: every value of the official files, with labels and descriptions.

use std::str::FromStr;

use data_inclusion_schema::v1::*;
use data_inclusion_schema::{Referential, UnknownValue};
use serde_json::Value;

/// The official referential file, as (value, label, description).
fn file(name: &str) -> Vec<(String, String, Option<String>)> {
    let path = format!("{}/schema/v1/extra/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let items: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    items
        .iter()
        .map(|i| {
            (
                i["value"].as_str().unwrap().to_string(),
                i["label"].as_str().unwrap().to_string(),
                i["description"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn check<R: Referential + serde::Serialize + serde::de::DeserializeOwned>(name: &str) {
    let expected = file(name);
    assert_eq!(R::ALL.len(), expected.len(), "{name}");
    let mut actual: Vec<_> = R::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                r.label().to_string(),
                r.description().map(str::to_string),
            )
        })
        .collect();
    let mut expected = expected;
    actual.sort();
    expected.sort();
    assert_eq!(actual, expected, "{name}");
    for (value, r) in R::VALUES.iter().zip(R::ALL) {
        assert_eq!(r.as_str(), *value);
        assert_eq!(R::from_str(value).unwrap(), *r);
        assert_eq!(r.to_string(), *value);
        assert_eq!(serde_json::to_value(r).unwrap(), Value::from(*value));
        assert_eq!(
            serde_json::from_value::<R>(Value::from(*value)).unwrap(),
            *r
        );
    }
}

#[test]
fn every_referential_has_the_official_values_labels_and_descriptions() {
    check::<Frais>("frais");
    check::<ModeAccueil>("modes-accueil");
    check::<ModeMobilisation>("modes-mobilisation");
    check::<PersonneMobilisatrice>("personnes-mobilisatrices");
    check::<Public>("publics");
    check::<ReseauPorteur>("reseaux-porteurs");
    check::<Thematique>("thematiques");
    check::<TypeService>("types-de-services");
    check::<Categorie>("categories");
}

#[test]
fn from_str_names_the_bad_value() {
    let e = Thematique::from_str("famille--garde-denfant").unwrap_err();
    assert_eq!(
        e,
        UnknownValue {
            referential: "Thematique",
            value: "famille--garde-denfant".into()
        }
    );
    assert!(e.to_string().contains("famille--garde-denfant"));
    assert!(e.to_string().contains("Thematique"));
    // Values are case- and space-sensitive, as in the schema.
    assert!(Frais::from_str("Gratuit").is_err());
    assert!(Frais::from_str(" gratuit").is_err());
    // serde keeps a value that this version does not list, for the validator to report.
    let gratis = serde_json::from_str::<Frais>("\"gratis\"").unwrap();
    assert!(matches!(&gratis, Frais::Other(v) if v.as_str() == "gratis"));
    assert!(!gratis.is_listed());
    assert_eq!(serde_json::to_string(&gratis).unwrap(), "\"gratis\"");
}

#[test]
fn every_thematique_belongs_to_the_category_before_its_double_dash() {
    for t in Thematique::ALL {
        let prefix = t.as_str().split("--").next().unwrap();
        assert_eq!(t.categorie().as_str(), prefix, "{t}");
    }
    assert_eq!(
        Thematique::FamilleGardeDenfants.categorie(),
        Categorie::Famille
    );
    assert_eq!(Categorie::Famille.label(), "Famille");
    // Every category has at least one thématique.
    for c in Categorie::ALL {
        assert!(Thematique::ALL.iter().any(|t| t.categorie() == *c), "{c}");
    }
}

#[test]
fn labels_and_descriptions_are_french_text() {
    assert_eq!(Frais::Gratuit.label(), "Gratuit");
    assert_eq!(
        Frais::Gratuit.description(),
        Some("L’accès au lieu et/ou à ses services est gratuit")
    );
    assert_eq!(Thematique::FamilleGardeDenfants.label(), "Garde d’enfants");
}

#[test]
fn schema_version_is_the_vendored_one() {
    let version =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/v1/VERSION")).unwrap();
    assert_eq!(SCHEMA_VERSION, version.trim());
    assert_eq!(SCHEMA_VERSION, "1.0.10");
}
