//! Validation throughput, per record of a JSON Lines corpus: this crate (full report and
//! typed record; the valid/invalid fast path), the floor of merely parsing each line into
//! a `serde_json::Value`, and the `jsonschema` crate on the official JSON Schema; and
//! `score_qualite` per service.
//!
//! `cargo bench --features validate --bench validate` (the corpus: `benches/support/corpus.rs`, 10% invalid).

#[path = "support/corpus.rs"]
mod corpus;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use data_inclusion_schema::score::score_qualite;
use data_inclusion_schema::spec::Record;
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use serde_json::Value;

const RECORDS: usize = 2_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn bench_kind<R: Record>(c: &mut Criterion, services: bool, schema_file: &str) {
    let text = corpus::jsonl(services, RECORDS, 0.1, 7);
    let lines: Vec<&str> = text.lines().collect();
    let validator = Validator::new().today(today());
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/schema/v1/{schema_file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let jsonschema = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();

    let mut group = c.benchmark_group(format!("jsonl/{}", R::NAME));
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.sample_size(20);
    group.bench_function("this crate: validate into typed records", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| validator.check_json::<R>(l).record.is_some())
                .count()
        })
    });
    group.bench_function("this crate: is_valid fast path", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| validator.is_valid_json::<R>(l))
                .count()
        })
    });
    group.bench_function("floor: serde_json::Value parse", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| serde_json::from_str::<Value>(l).map(|_| 1).unwrap_or(0))
                .sum::<usize>()
        })
    });
    group.bench_function("jsonschema crate: parse + every error", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| {
                    let v: Value = serde_json::from_str(l).unwrap();
                    jsonschema.iter_errors(&v).count()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn jsonl(c: &mut Criterion) {
    bench_kind::<Service>(c, true, "service.json");
    bench_kind::<Structure>(c, false, "structure.json");
}

fn score(c: &mut Criterion) {
    let text = corpus::jsonl(true, RECORDS, 0.0, 7);
    let validator = Validator::new().today(today());
    let services: Vec<Service> = text
        .lines()
        .filter_map(|l| validator.validate_json(l).ok())
        .collect();
    let mut group = c.benchmark_group("score_qualite");
    group.throughput(Throughput::Elements(services.len() as u64));
    group.bench_function("per service", |b| {
        b.iter(|| {
            services
                .iter()
                .filter_map(|s| score_qualite(s, today()).ok())
                .map(|s| s.score)
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, jsonl, score);
criterion_main!(benches);
