//! The generator on the older published schemas: what it makes of them, and that the
//! modules compile in a crate of their own.

use std::path::{Path, PathBuf};
use std::process::Command;

use data_inclusion_codegen::{generate, Settings};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn history(name: &str) -> serde_json::Value {
    let path = manifest_dir()
        .join("../tests/fixtures/schema-history")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const HISTORY: [(&str, &str); 3] = [
    ("v0_5_0", "0.5.0-structures.json"),
    ("v0_18_0", "0.18.0-structures.json"),
    ("v0_24_0", "0.24.0-service.json"),
];

#[test]
fn older_schemas_generate_what_they_describe() {
    // 0.5.0: draft-07 `definitions`, a root array of structures, `anyOf` of two formats.
    let v0_5 = generate(&[history("0.5.0-structures.json")], &Settings::default()).unwrap();
    assert!(v0_5.contains("pub struct Structure {"));
    assert!(v0_5.contains("pub enum Typologie {"));
    assert!(
        v0_5.contains("pub date_maj: String,"),
        "date or date-time: a string"
    );
    // Not required and not nullable: optional, and not written when absent.
    assert!(v0_5.contains("if let Some(value) = &self.antenne {"));
    // 0.24.0: an `anyOf` of several constrained strings and null.
    let v0_24 = generate(&[history("0.24.0-service.json")], &Settings::default()).unwrap();
    assert!(v0_24.contains("pub zone_diffusion_code: Option<String>,"));
    assert!(v0_24.contains("pub enum ZoneDiffusionType {"));
    // Enums that changed between versions are generated as each version has them.
    let v0_18 = generate(&[history("0.18.0-structures.json")], &Settings::default()).unwrap();
    let count = |src: &str| {
        let start = src
            .find("impl ::std::str::FromStr for Typologie {")
            .unwrap();
        let body = &src[start..start + src[start..].find("\n}").unwrap()];
        body.matches("=> Ok(Self::").count()
    };
    assert_eq!(count(&v0_5), 71);
    assert_eq!(count(&v0_18), 91);
}

/// The printed modules compile in a crate whose only dependencies are this crate, serde,
/// serde_json and chrono, and read a record; and, generated with the single-pass
/// validators (`Settings::fast_validation`, which needs this crate's `validate` feature),
/// they validate records with the same outcome as the full check alone.
#[test]
fn older_schemas_compile_in_a_crate_of_their_own() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("codegen-check");
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let mut lib = String::from("#![allow(missing_docs)]\n");
    for (module, file) in HISTORY {
        let source = generate(&[history(file)], &Settings::default()).unwrap();
        std::fs::write(src.join(format!("{module}.rs")), source).unwrap();
        lib.push_str(&format!("pub mod {module};\n"));
        let fast = Settings {
            fast_validation: true,
            ..Settings::default()
        };
        let source = generate(&[history(file)], &fast).unwrap();
        std::fs::write(src.join(format!("{module}_fast.rs")), source).unwrap();
        lib.push_str(&format!("pub mod {module}_fast;\n"));
    }
    lib.push_str(
        r##"
#[test]
fn reads_a_record() {
    let json = r#"{"id": "a", "source": "s", "nom": "Mairie", "date_maj": "2022-01-01",
        "typologie": "CCAS", "thematiques": ["numerique"], "siret": "13003013300016",
        "commune": "Lille", "code_postal": "59000", "adresse": "1 rue"}"#;
    let s: v0_18_0::Structure = serde_json::from_str(json).unwrap();
    assert_eq!(s.typologie, Some(v0_18_0::Typologie::Ccas));
    assert_eq!(v0_18_0::Typologie::Ccas.as_str(), "CCAS");
}

#[test]
fn validates_with_the_single_pass_as_without() {
    use data_inclusion_schema::validate::Validator;
    let validator = Validator::new();
    let records = [
        r#"{"id": "a", "source": "s", "nom": "Mairie", "date_maj": "2022-01-01",
            "typologie": "CCAS", "thematiques": ["numerique"], "siret": "13003013300016",
            "commune": "Lille", "code_postal": "59000", "adresse": "1 rue", "x": [1, {"y": null}]}"#,
        r#"{"id": "a", "source": "s", "nom": "Mairie", "date_maj": "2022-01-01", "typologie": "XX"}"#,
        r#"{"id": "a", "structure_id": "b", "source": "s", "nom": "Atelier", "date_maj": "2022-01-01",
            "date_creation": "2021-05-01", "frais": ["gratuit"], "types": ["atelier"],
            "contact_public": true, "cumulable": false, "zone_diffusion_type": "commune",
            "zone_diffusion_code": "59350", "profils": ["jeunes"], "thematiques": ["numerique"]}"#,
        r#"{"id": 1}"#,
        "[]",
    ];
    // The first record is valid: the single pass builds it.
    let valid = validator.check_json::<v0_18_0_fast::Structure>(records[0]);
    assert!(valid.record.is_some(), "{:?}", valid.problems);
    fn debug<R: std::fmt::Debug>(c: data_inclusion_schema::validate::Checked<R>) -> String {
        format!("{:?}", (c.record, c.problems))
    }
    // The verdict alone (`fast_verdict`, generated beside `fast_read`) answers as both.
    fn verdict<R: data_inclusion_schema::Record>(validator: &Validator, json: &str) {
        let (read, verdict) = validator.single_pass_answers_json::<R>(json);
        assert_eq!(read, verdict, "{json}");
        let full = validator.check_json_fully::<R>(json).is_valid();
        assert_eq!(validator.is_valid_json::<R>(json), full, "{json}");
    }
    for json in records {
        verdict::<v0_18_0_fast::Structure>(&validator, json);
        verdict::<v0_5_0_fast::Structure>(&validator, json);
        verdict::<v0_24_0_fast::Service>(&validator, json);
        let (fast, full) = (
            validator.check_json::<v0_18_0_fast::Structure>(json),
            validator.check_json_fully::<v0_18_0_fast::Structure>(json),
        );
        assert_eq!(debug(fast), debug(full), "{json}");
        let (fast, full) = (
            validator.check_json::<v0_5_0_fast::Structure>(json),
            validator.check_json_fully::<v0_5_0_fast::Structure>(json),
        );
        assert_eq!(debug(fast), debug(full), "{json}");
        let (fast, full) = (
            validator.check_json::<v0_24_0_fast::Service>(json),
            validator.check_json_fully::<v0_24_0_fast::Service>(json),
        );
        assert_eq!(debug(fast), debug(full), "{json}");
    }
}
"##,
    );
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    let manifest = format!(
        r#"[package]
name = "codegen-check"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
data-inclusion-schema = {{ path = {root:?}, features = ["validate"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
chrono = {{ version = "0.4", default-features = false, features = ["serde"] }}
"#,
        root = manifest_dir().join("..").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(manifest_dir().join("../Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let status = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir(&dir))
        .status()
        .unwrap();
    assert!(
        status.success(),
        "the generated modules do not compile or fail their test"
    );
}

fn target_dir(dir: &Path) -> PathBuf {
    dir.join("target")
}
