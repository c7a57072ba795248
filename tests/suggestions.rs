//! Enum errors suggest what the official valideur suggests: the answers of Python's
//! `difflib.get_close_matches(n=1, cutoff=0.6)` on 360 typos (45 for each referential), recorded by
//! `scripts/conformance/suggestions.py`.
#![cfg(feature = "validate")]

use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::{json, Value};

/// The field that holds each referential, and whether it is a list.
fn field(referential: &str) -> (&'static str, bool) {
    match referential {
        "frais" => ("frais", false),
        "types-de-services" => ("type", false),
        "modes-accueil" => ("modes_accueil", true),
        "modes-mobilisation" => ("modes_mobilisation", true),
        "personnes-mobilisatrices" => ("mobilisable_par", true),
        "publics" => ("publics", true),
        "thematiques" => ("thematiques", true),
        "reseaux-porteurs" => ("reseaux_porteurs", true),
        other => panic!("{other}"),
    }
}

#[test]
fn same_suggestions_as_python_difflib() {
    let validator = Validator::new();
    let mut checked = 0;
    for line in include_str!("conformance/suggestions.jsonl").lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let (name, list) = field(case["referential"].as_str().unwrap());
        let word = case["word"].as_str().unwrap();
        let value = if list { json!([word]) } else { json!(word) };
        let mut record = json!({"source": "s", "id": "i", "nom": "Nom", "date_maj": "2024-01-01",
            "structure_id": "s", "description": "Une description."});
        record[name] = value;
        let problems = if name == "reseaux_porteurs" {
            validator.check_value::<Structure>(&record).problems
        } else {
            validator.check_value::<Service>(&record).problems
        };
        let problem = problems.iter().find(|p| p.field == name);
        let Some(problem) = problem else {
            // The typo happens to be a valid value.
            assert!(case["suggestion"].as_str() == Some(word), "{line}");
            continue;
        };
        assert_eq!(problem.suggestion(), case["suggestion"].as_str(), "{line}");
        checked += 1;
    }
    assert!(checked > 300, "{checked}");
    let _ = (Service::NAME, Structure::NAME);
}
