//! A new integrator's program, written from the documentation alone: build a service and
//! check it, read the data.gouv.fr CSV and JSON Lines, write them back as CSV and JSON
//! Lines, count the services per thématique category, serialize a report to JSON, and
//! check records on several threads.
//!
//! ```text
//! cargo run --example integrator --features io [DIR]
//! ```
//!
//! `DIR` holds `services-sample.csv` and `services-sample.jsonl` (by default the fixtures
//! of `tests/fixtures/datagouv/`); the files written go to the system's temporary directory.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use data_inclusion_schema::chrono::NaiveDate;
use data_inclusion_schema::io::{self, Format, Item, WriteOptions, Writer};
use data_inclusion_schema::v1::{Categorie, Frais, ModeAccueil, Service, Thematique};
use data_inclusion_schema::validate::{Code, Validator};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datagouv"),
        PathBuf::from,
    );
    let validator = Validator::new();

    // 1. A service built in code, checked as the official package would check its JSON.
    let date_maj = NaiveDate::from_ymd_opt(2025, 2, 14).ok_or("a date")?;
    let mut service = Service::new(
        "mon-outil",
        "mon-outil--s1",
        "mon-outil--1",
        "Atelier CV",
        "Un atelier pour écrire son CV et préparer ses entretiens.",
        date_maj,
    );
    service.thematiques = Some(vec![
        Thematique::PreparerSaCandidatureRealiserUnCvEtOuUneLettreDeMotivation,
    ]);
    service.modes_accueil = Some(vec![ModeAccueil::EnPresentiel]);
    service.frais = Some(Frais::Gratuit);
    service.code_postal = Some("7500".into()); // one digit short
    let checked = validator.check(&service);
    println!(
        "service built in code: {} problem(s)",
        checked.problems.len()
    );
    for problem in &checked.problems {
        println!("  {problem}  [{}]", problem.code());
    }
    assert_eq!(checked.problems[0].code(), Code::StringTooShort);

    // 2. The same as a report, serialized for a web service's answer.
    if let Err(report) = validator.validate(&service) {
        println!("report as JSON: {}", serde_json::to_string(&report)?);
    }
    service.code_postal = Some("75001".into());
    assert!(validator.is_valid(&service));

    // 3. The data.gouv.fr CSV and JSON Lines: read, validated, written back, counted.
    let mut per_category: BTreeMap<Categorie, usize> = BTreeMap::new();
    let out = std::env::temp_dir();
    for name in ["services-sample.csv", "services-sample.jsonl"] {
        let opened = io::open(dir.join(name))?;
        let (to, format) = match opened.format() {
            Format::Csv => ("services-out.jsonl", Format::JsonLines),
            _ => ("services-out.csv", Format::Csv),
        };
        let mut writer = Writer::new(
            std::fs::File::create(out.join(to))?,
            format,
            WriteOptions::default(),
        );
        let (mut valid, mut invalid) = (0, 0);
        for item in opened.reader.checked::<Service>(&validator) {
            match item {
                Item::Record(entry) => match entry.checked.record {
                    Some(service) => {
                        valid += 1;
                        for thematique in service.thematiques.iter().flatten() {
                            *per_category.entry(thematique.categorie()).or_default() += 1;
                        }
                        writer.write(&service)?;
                    }
                    None => {
                        invalid += 1;
                        println!("{name}:{} {}", entry.line, entry.checked.problems[0]);
                    }
                },
                Item::Unreadable(error) => {
                    invalid += 1;
                    println!("{name}: {error}");
                }
                Item::Stopped(error) => return Err(error.into()),
            }
        }
        writer.finish()?;
        println!("{name}: {valid} valid, {invalid} invalid, written to {to}");
    }
    for (categorie, count) in &per_category {
        println!("  {:<40} {count}", categorie.label());
    }

    // 4. One validator, shared by several threads.
    let texts: Vec<String> = std::fs::read_to_string(dir.join("services-sample.jsonl"))?
        .lines()
        .map(str::to_string)
        .collect();
    let valid: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(2)
            .map(|chunk| {
                let validator = &validator;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter(|text| validator.is_valid_json::<Service>(text))
                        .count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    println!("valid on 3 threads: {valid} of {}", texts.len());
    Ok(())
}
