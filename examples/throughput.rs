//! One timed pass of one validator over a whole JSON Lines file, for the side-by-side
//! comparison of `scripts/bench/compare` (see `BENCHMARKS.md`).
//!
//! ```text
//! cargo run --release --features io --example throughput -- MODE KIND FILE
//! ```
//!
//! KIND is `services` or `structures` (`v1::Service`, `v1::Structure`). The file is read
//! fully into memory and split into lines first, untimed; then ONE pass over every line is
//! timed, and one JSON line is printed:
//! `{"mode": …, "kind": …, "records": N, "valid": V, "seconds": S}`.
//!
//! MODE:
//! - `crate`: [`Validator::check_json`] on each line (every problem, and the typed record);
//!   valid = `record.is_some()`;
//! - `crate-fast`: [`Validator::is_valid_json`] (the verdict alone: no report);
//! - `serde-value`: the floor, `serde_json::from_str::<serde_json::Value>` on each line;
//!   valid = parsed;
//! - `serde-typed`: another floor, serde's derived deserializer into the typed record
//!   (`serde_json::from_str::<Service>`) on each line, with no validation at all (it
//!   trusts the input: a misspelt referential value fails, a too long name does not);
//!   valid = deserialized;
//! - `jsonschema`: each line parsed into a `serde_json::Value`, then the `jsonschema` crate
//!   (formats checked) over `schema/v1/service.json` or `structure.json`; valid = no error
//!   in `iter_errors` (every error is collected, as `crate` does);
//! - `crate-csv`: FILE is CSV; read into memory untimed, then the timed pass is
//!   [`Reader`] over the bytes, each row validated as it is read ([`Reader::checked`]: the
//!   same verdict as [`Input::check`] on the row's entry, without the row's map when it has
//!   nothing to report); valid = `record.is_some()`; records = rows (a row that cannot be
//!   read counts, as invalid).
//! - `crate-parquet` (feature `parquet`): FILE is Parquet; the timed pass opens it
//!   ([`io::open`](data_inclusion_schema::io::open): read in place, by row group) and
//!   validates each row as it is read ([`Reader::checked`]); valid = `record.is_some()`;
//!   records = rows. The file is not read into memory first: the pass reads it (from the
//!   page cache, after the first round), as `pandas.read_parquet` does on the Python side.
//!
//! The reference date of the `date_maj` rule is fixed: 2026-06-15.

use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
#[cfg(doc)]
use data_inclusion_schema::io::Input;
use data_inclusion_schema::io::{Format, Item, Reader};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::Value;

const USAGE: &str = "usage: throughput (crate|crate-fast|serde-value|jsonschema|crate-csv|crate-parquet) (services|structures) FILE";

/// What one pass measured.
struct Pass {
    records: usize,
    valid: usize,
    seconds: f64,
}

fn validator() -> Validator {
    Validator::new()
        .with_reference_date(NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date"))
}

/// The non-empty lines of a JSON Lines text.
fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

fn timed(records: usize, pass: impl FnOnce() -> usize) -> Pass {
    let start = Instant::now();
    let valid = pass();
    let seconds = start.elapsed().as_secs_f64();
    Pass {
        records,
        valid,
        seconds,
    }
}

fn run<R: Record>(mode: &str, schema_file: &str, text: &str) -> Result<Pass, String> {
    let validator = validator();
    match mode {
        "crate" => {
            let lines = lines(text);
            Ok(timed(lines.len(), || {
                lines
                    .iter()
                    .filter(|l| validator.check_json::<R>(l).record.is_some())
                    .count()
            }))
        }
        "crate-fast" => {
            let lines = lines(text);
            Ok(timed(lines.len(), || {
                lines
                    .iter()
                    .filter(|l| validator.is_valid_json::<R>(l))
                    .count()
            }))
        }
        "serde-value" => {
            let lines = lines(text);
            Ok(timed(lines.len(), || {
                lines
                    .iter()
                    .filter(|l| serde_json::from_str::<Value>(l).is_ok())
                    .count()
            }))
        }
        "serde-typed" => {
            let lines = lines(text);
            Ok(timed(lines.len(), || {
                lines
                    .iter()
                    .filter(|l| serde_json::from_str::<R>(l).is_ok())
                    .count()
            }))
        }
        "jsonschema" => {
            let lines = lines(text);
            let path = format!("{}/schema/v1/{schema_file}", env!("CARGO_MANIFEST_DIR"));
            let schema = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let schema: Value =
                serde_json::from_str(&schema).map_err(|e| format!("{path}: {e}"))?;
            let jsonschema = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .map_err(|e| format!("{path}: {e}"))?;
            Ok(timed(lines.len(), || {
                lines
                    .iter()
                    .filter(|l| match serde_json::from_str::<Value>(l) {
                        Ok(v) => jsonschema.iter_errors(&v).count() == 0,
                        Err(_) => false,
                    })
                    .count()
            }))
        }
        "crate-csv" => {
            let bytes = text.as_bytes();
            let start = Instant::now();
            let mut records = 0;
            let mut valid = 0;
            for item in Reader::new(bytes, Format::Csv).checked::<R>(&validator) {
                match item {
                    Item::Stopped(e) => return Err(format!("CSV: {e}")),
                    Item::Record(entry) if entry.checked.record.is_some() => valid += 1,
                    Item::Record(_) | Item::Unreadable(_) => {}
                }
                records += 1;
            }
            let seconds = start.elapsed().as_secs_f64();
            Ok(Pass {
                records,
                valid,
                seconds,
            })
        }
        _ => Err(format!("unknown mode {mode:?}\n{USAGE}")),
    }
}

/// The timed pass of `crate-parquet`: the file opened and read by row group, each row
/// validated.
#[cfg(feature = "parquet")]
fn run_parquet<R: Record>(file: &str) -> Result<Pass, String> {
    let validator = validator();
    let start = Instant::now();
    let opened = data_inclusion_schema::io::open(file).map_err(|e| e.to_string())?;
    let mut records = 0;
    let mut valid = 0;
    for item in opened.reader.checked::<R>(&validator) {
        match item {
            Item::Stopped(e) => return Err(format!("Parquet: {e}")),
            Item::Record(entry) if entry.checked.record.is_some() => valid += 1,
            Item::Record(_) | Item::Unreadable(_) => {}
        }
        records += 1;
    }
    Ok(Pass {
        records,
        valid,
        seconds: start.elapsed().as_secs_f64(),
    })
}

#[cfg(not(feature = "parquet"))]
fn run_parquet<R: Record>(_file: &str) -> Result<Pass, String> {
    Err("crate-parquet needs the parquet feature (--features parquet)".to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, kind, file] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let pass = if mode == "crate-parquet" {
        match kind.as_str() {
            "services" => run_parquet::<Service>(file),
            "structures" => run_parquet::<Structure>(file),
            _ => Err(format!("unknown kind {kind:?}\n{USAGE}")),
        }
    } else {
        // Untimed: the whole file in memory.
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
        };
        match kind.as_str() {
            "services" => run::<Service>(mode, "service.json", &text),
            "structures" => run::<Structure>(mode, "structure.json", &text),
            _ => Err(format!("unknown kind {kind:?}\n{USAGE}")),
        }
    };
    match pass {
        Ok(pass) => {
            let line = serde_json::json!({
                "mode": mode,
                "kind": kind,
                "records": pass.records,
                "valid": pass.valid,
                "seconds": pass.seconds,
            });
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
