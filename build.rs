//! Generates the `v1` module from `schema/v1/` (see `src/codegen/mod.rs`).

#[path = "src/codegen/mod.rs"]
#[allow(dead_code)]
mod codegen;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = manifest.join("schema").join("v1");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/codegen/mod.rs");
    let schema = codegen::SchemaDir::read(&dir).unwrap_or_else(|e| panic!("schema/v1: {e}"));
    for file in &schema.files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    // The single-pass validators call `validate::fast`, which exists with that feature.
    let mut settings = schema.settings.clone();
    settings.fast_validation = std::env::var_os("CARGO_FEATURE_VALIDATE").is_some();
    let source = codegen::generate(&schema.schemas, &settings)
        .unwrap_or_else(|e| panic!("generating v1 from schema/v1: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it")).join("v1.rs");
    std::fs::write(&out, source).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
