//! Reads the bundled sample data (`cli/data/*.jsonl`) into typed records and prints a
//! summary with the referentials' labels.
//!
//! ```text
//! cargo run --example summary [STRUCTURES.jsonl SERVICES.jsonl]
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use data_inclusion_schema::v1::{Categorie, Service, Structure};
use serde::de::DeserializeOwned;

/// The records of a JSON Lines file, and the lines that do not read, with their number.
fn read<T: DeserializeOwned>(path: &str) -> Result<(Vec<T>, Vec<String>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(e) => errors.push(format!("{path}:{}: {e}", i + 1)),
        }
    }
    Ok((records, errors))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/cli/data");
    let (structures_path, services_path) = match args.as_slice() {
        [a, b] => (a.clone(), b.clone()),
        [] => (
            format!("{dir}/structures.jsonl"),
            format!("{dir}/services.jsonl"),
        ),
        _ => {
            eprintln!("usage: summary [STRUCTURES.jsonl SERVICES.jsonl]");
            return ExitCode::from(2);
        }
    };
    let (structures, structure_errors) = match read::<Structure>(&structures_path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (services, service_errors) = match read::<Service>(&services_path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{} structures, {} services (data·inclusion schema {})",
        structures.len(),
        services.len(),
        data_inclusion_schema::v1::SCHEMA_VERSION
    );
    let mut reseaux: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &structures {
        for r in s.reseaux_porteurs.iter().flatten() {
            *reseaux.entry(r.label()).or_default() += 1;
        }
    }
    println!("\nRéseaux porteurs :");
    for (label, n) in &reseaux {
        println!("  {n:>4}  {label}");
    }
    let mut categories: BTreeMap<Categorie, usize> = BTreeMap::new();
    for s in &services {
        for t in s.thematiques.iter().flatten() {
            *categories.entry(t.categorie()).or_default() += 1;
        }
    }
    println!("\nServices par catégorie de thématique :");
    for (c, n) in &categories {
        println!("  {n:>4}  {}", c.label());
    }
    let errors: Vec<_> = structure_errors.iter().chain(&service_errors).collect();
    if !errors.is_empty() {
        println!("\nLignes illisibles :");
        for e in errors {
            println!("  {e}");
        }
    }
    ExitCode::SUCCESS
}
