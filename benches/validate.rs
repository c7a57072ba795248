//! Throughput per record of a generated corpus (`benches/support/corpus.rs`, 10 % invalid):
//! - `jsonl/…`: JSON Lines validated by this crate (full report and typed record; the
//!   verdict alone), the floors of merely parsing each line into a `serde_json::Value` or
//!   deserializing it into the typed record with serde (no validation), and the
//!   `jsonschema` crate on the official JSON Schema;
//! - `json/…`: one JSON document (an array) read and validated with `io::Reader::checked`;
//! - `csv/…`: CSV read and validated with `io::Reader::checked`, and typed records written
//!   as CSV with `io::Writer`;
//! - `score_qualite` per service.
//!
//! `cargo bench --features io --bench validate`.

#[path = "support/corpus.rs"]
mod corpus;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use data_inclusion_schema::io::{Format, Item, ReadOptions, Reader, WriteOptions, Writer};
use data_inclusion_schema::score::score_qualite;
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::Value;

const RECORDS: usize = 2_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn bench_kind<R: Record>(c: &mut Criterion, services: bool, schema_file: &str) {
    let text = corpus::jsonl(services, RECORDS, 0.1, 7);
    let lines: Vec<&str> = text.lines().collect();
    let validator = Validator::new().with_reference_date(today());
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
    group.bench_function(
        "floor: serde derive into the typed record, no validation",
        |b| {
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| serde_json::from_str::<R>(l).is_ok())
                    .count()
            })
        },
    );
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

/// Reads and validates every record of `bytes`; the number of valid records.
fn read_valid<R: Record>(bytes: &[u8], format: Format, validator: &Validator) -> usize {
    Reader::with_options(bytes, format, ReadOptions::for_record::<R>())
        .checked::<R>(validator)
        .filter(|item| matches!(item, Item::Record(entry) if entry.checked.is_valid()))
        .count()
}

fn documents_kind<R: Record>(c: &mut Criterion, services: bool) {
    let text = corpus::jsonl(services, RECORDS, 0.1, 7);
    let validator = Validator::new().with_reference_date(today());
    let array = format!("[{}]", text.lines().collect::<Vec<_>>().join(",\n"));
    // The valid records, written as CSV by this crate (as a producer would publish them),
    // and the CSV of every record (invalid ones included) for reading.
    let records: Vec<R> = text
        .lines()
        .filter_map(|l| validator.validate_json::<R>(l).ok())
        .collect();
    let mut all = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
    for line in text.lines() {
        if let Ok(record) = serde_json::from_str::<R>(line) {
            all.write(&record).unwrap();
        }
    }
    let csv = all.finish().unwrap();

    let mut group = c.benchmark_group(format!("json/{}", R::NAME));
    group.throughput(Throughput::Elements(RECORDS as u64));
    group.sample_size(20);
    group.bench_function("this crate: a JSON array read and validated", |b| {
        b.iter(|| read_valid::<R>(array.as_bytes(), Format::Json, &validator))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("csv/{}", R::NAME));
    group.sample_size(20);
    group.throughput(Throughput::Elements(
        csv.iter().filter(|&&b| b == b'\n').count() as u64 - 1,
    ));
    group.bench_function("this crate: read and validate", |b| {
        b.iter(|| read_valid::<R>(&csv, Format::Csv, &validator))
    });
    group.throughput(Throughput::Elements(records.len() as u64));
    group.bench_function("this crate: write typed records", |b| {
        b.iter(|| {
            let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
            for record in &records {
                writer.write(record).unwrap();
            }
            writer.finish().unwrap().len()
        })
    });
    group.finish();
}

fn documents(c: &mut Criterion) {
    documents_kind::<Service>(c, true);
    documents_kind::<Structure>(c, false);
}

fn score(c: &mut Criterion) {
    let text = corpus::jsonl(true, RECORDS, 0.0, 7);
    let validator = Validator::new().with_reference_date(today());
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

criterion_group!(benches, jsonl, documents, score);
criterion_main!(benches);
