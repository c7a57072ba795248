//! Prints the Rust module that the generator makes of a data·inclusion JSON Schema.
//!
//! ```text
//! cargo run --example codegen --features codegen -- schema.json [more.json …] > module.rs
//! ```
//!
//! The module compiles in a crate whose only dependencies are `data-inclusion-schema`,
//! `serde` (with `derive`), `serde_json` and `chrono` (with `serde`).

use std::process::ExitCode;

use data_inclusion_schema::codegen::{generate, Settings};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: codegen SCHEMA.json [SCHEMA.json …]");
        return ExitCode::from(2);
    }
    let mut schemas = Vec::new();
    for path in &paths {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(schema) => schemas.push(schema),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    match generate(&schemas, &Settings::default()) {
        Ok(source) => {
            print!("{source}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", paths.join(", "));
            ExitCode::FAILURE
        }
    }
}
