//! What the generator says when it cannot go on: the variant of `Error`, and a message
//! that names the file, the schema, the type or the field.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use data_inclusion_codegen::{
    generate, parse_referential_file, Error, ReferentialEntry, ReferentialFile, SchemaDir,
    Settings, StandaloneReferential,
};
use serde_json::{json, Value};

/// A fresh directory of its own for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("codegen-errors")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn record(title: &str, properties: Value) -> Value {
    json!({"title": title, "type": "object", "properties": properties})
}

fn referential(values: &[&str]) -> ReferentialFile {
    ReferentialFile {
        file: "categories".into(),
        entries: values
            .iter()
            .map(|v| ReferentialEntry {
                value: v.to_string(),
                label: v.to_uppercase(),
                description: None,
            })
            .collect(),
    }
}

#[test]
fn errors_can_cross_threads() {
    fn assert_send_sync<E: Send + Sync + 'static>() {}
    assert_send_sync::<Error>();
}

#[test]
fn a_missing_schema_directory_is_an_io_error_that_names_the_file() {
    let dir = scratch("missing");
    let error = SchemaDir::read(&dir.join("nowhere")).unwrap_err();
    match &error {
        Error::Io { path, source } => {
            assert_eq!(path, &dir.join("nowhere").join("structure.json"));
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().starts_with(&format!(
        "{}: ",
        dir.join("nowhere/structure.json").display()
    )));
    assert!(error.source().is_some());
}

#[test]
fn a_schema_file_that_is_not_json_names_the_file_and_the_line() {
    let dir = scratch("not-json");
    std::fs::write(dir.join("structure.json"), "{\n  \"title\": \n}").unwrap();
    let error = SchemaDir::read(&dir).unwrap_err();
    let Error::Json { path, source } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(path, &dir.join("structure.json"));
    assert_eq!(source.line(), 3);
    assert!(error.to_string().contains("structure.json: not JSON: "));
}

#[test]
fn referential_files_say_which_entry_lacks_what() {
    let error = parse_referential_file("typologies", r#"{"value": "CCAS"}"#).unwrap_err();
    assert!(
        matches!(&error, Error::ReferentialNotArray { path } if path == Path::new("extra/typologies.json"))
    );
    let error = parse_referential_file(
        "typologies",
        r#"[{"value": "CCAS", "label": "CCAS"}, {"label": "Mairie"}]"#,
    )
    .unwrap_err();
    assert!(matches!(
        &error,
        Error::ReferentialEntry {
            index: 1,
            key: "value",
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        r#"extra/typologies.json: entry 1 has no "value" (a string)"#
    );
    let error = parse_referential_file("typologies", "[").unwrap_err();
    assert!(
        matches!(&error, Error::Json { path, .. } if path == Path::new("extra/typologies.json"))
    );
}

#[test]
fn settings_that_rust_cannot_take_are_refused_before_generating() {
    let schema = record("Structure", json!({"id": {"type": "string"}}));
    let refused =
        |settings: Settings| generate(std::slice::from_ref(&schema), &settings).unwrap_err();
    let error = refused(Settings {
        runtime: "data inclusion".into(),
        ..Settings::default()
    });
    assert!(matches!(&error, Error::InvalidSetting { setting, .. } if setting == "runtime"));
    assert!(error
        .to_string()
        .starts_with("Settings::runtime is \"data inclusion\": expected a Rust path"));
    for name in ["autres-champs", "type", ""] {
        let error = refused(Settings {
            extra_field: name.into(),
            ..Settings::default()
        });
        assert!(
            matches!(&error, Error::InvalidSetting { setting, value, .. } if setting == "extra_field" && value == name),
            "{error:?}"
        );
    }
    let error = refused(Settings {
        standalone: vec![StandaloneReferential {
            name: "Categorie".into(),
            doc: String::new(),
            file: referential(&["famille", "--"]),
            parent_of: None,
            separator: "--".into(),
        }],
        ..Settings::default()
    });
    assert_eq!(
        error.to_string(),
        "Settings::standalone[0].file.entries[1].value is \"--\": expected a value with a letter or a digit (the variant's name is made of them)"
    );
}

#[test]
fn a_schema_that_is_not_a_json_schema_is_named_by_its_title_or_its_position() {
    let error = generate(
        &[json!({"title": "Structure", "type": 3})],
        &Settings::default(),
    )
    .unwrap_err();
    assert!(matches!(&error, Error::NotJsonSchema { schema, .. } if schema == "Structure"));
    assert!(error
        .to_string()
        .starts_with("schema Structure: not a JSON Schema: "));
    let good = record("Structure", json!({"id": {"type": "string"}}));
    let error = generate(&[good, json!({"type": 3})], &Settings::default()).unwrap_err();
    assert!(error.to_string().starts_with("schema #2: "), "{error}");
}

#[test]
fn a_property_named_like_the_field_of_unknown_properties_names_the_record() {
    let schema = record(
        "Service",
        json!({"id": {"type": "string"}, "autres": {"type": "string"}}),
    );
    let error = generate(
        &[schema],
        &Settings {
            extra_field: "autres".into(),
            ..Settings::default()
        },
    )
    .unwrap_err();
    assert!(matches!(
        &error,
        Error::ExtraFieldTaken { record, field } if record == "Service" && field == "autres"
    ));
}

fn thematiques(values: &[&str]) -> Value {
    record(
        "Service",
        json!({"thematiques": {"type": "array", "items": {"$ref": "#/$defs/Thematique"}}}),
    )
    .as_object()
    .cloned()
    .map(|mut o| {
        o.insert(
            "$defs".into(),
            json!({"Thematique": {"title": "Thematique", "type": "string", "enum": values}}),
        );
        Value::Object(o)
    })
    .unwrap()
}

fn categories(name: &str, values: &[&str]) -> Settings {
    Settings {
        standalone: vec![StandaloneReferential {
            name: name.into(),
            doc: "Catégories.".into(),
            file: referential(values),
            parent_of: Some("Thematique".into()),
            separator: "--".into(),
        }],
        ..Settings::default()
    }
}

#[test]
fn a_value_without_its_parent_names_the_value_and_the_parent() {
    let schema = thematiques(&["famille--garde", "sante--acces"]);
    let source = generate(
        std::slice::from_ref(&schema),
        &categories("Categorie", &["famille", "sante"]),
    )
    .unwrap();
    assert!(source.contains("pub fn categorie(&self) -> Categorie {"));
    let error = generate(&[schema], &categories("Categorie", &["famille"])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "referential Thematique: the value \"sante--acces\" starts with \"sante\", which is not a value of Categorie"
    );
}

#[test]
fn generated_code_that_does_not_parse_is_an_error_not_a_panic() {
    // The method from a value to its parent is named after the parent: `type` is a keyword.
    let schema = thematiques(&["famille--garde"]);
    let error = generate(&[schema], &categories("Type", &["famille"])).unwrap_err();
    assert!(matches!(error, Error::Unparsable(_)), "{error:?}");
    assert!(error
        .to_string()
        .starts_with("the generated code does not parse: "));
}

#[test]
fn a_schema_without_a_title_has_no_root_type() {
    let schema = json!({"type": "object", "properties": {"id": {"type": "string"}}});
    let error = generate(&[schema], &Settings::default()).unwrap_err();
    assert!(matches!(&error, Error::NoRootType { schema } if schema == "#1"));
    assert_eq!(
        error.to_string(),
        "schema #1: typify made no type of its root (it needs a `title` to name it)"
    );
}

#[test]
fn a_reference_to_no_definition_is_an_error_not_typify_s_panic() {
    let schema = record(
        "Structure",
        json!({"typologie": {"$ref": "#/$defs/Typologie"}}),
    );
    let error = generate(&[schema], &Settings::default()).unwrap_err();
    assert!(matches!(
        &error,
        Error::UnresolvedRef { schema, reference } if schema == "Structure" && reference == "#/$defs/Typologie"
    ));
}

#[test]
fn typify_s_errors_are_kept_with_the_schema_they_concern() {
    // An enum of a string and a number: typify refuses it.
    let schema = record(
        "Structure",
        json!({"typologie": {"type": "string", "enum": ["CCAS", 1]}}),
    );
    let error = generate(&[schema], &Settings::default()).unwrap_err();
    let Error::Typify { schema, source } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(schema, "Structure");
    assert!(matches!(source, typify::Error::BadValue(..)));
    assert!(error.to_string().starts_with("schema Structure: typify: "));
}

#[test]
fn a_property_typify_names_otherwise_names_the_record_and_the_property() {
    let schema = record("Structure", json!({"Date-Maj": {"type": "string"}}));
    let error = generate(&[schema], &Settings::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "record Structure: typify made no field of the property \"Date-Maj\""
    );
}
