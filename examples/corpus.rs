//! Writes a deterministic corpus of structures and services as JSON Lines, for
//! benchmarks and for trying the command-line tool on a large file.
//!
//! ```text
//! cargo run --release --features validate --example corpus -- --services 100000 --structures 50000 \
//!     [--invalid 0.1] [--seed 42] --out DIR
//! ```
//!
//! Writes `DIR/services.jsonl` and `DIR/structures.jsonl` (realistic French text with
//! accents, realistic fill rates and list sizes; `--invalid` is the share of records with
//! one or two broken fields).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut services = 0usize;
    let mut structures = 0usize;
    let mut invalid = 0.1f64;
    let mut seed = 42u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value.as_deref()) {
            ("--services", Some(v)) => v.parse().map(|n| services = n).is_ok(),
            ("--structures", Some(v)) => v.parse().map(|n| structures = n).is_ok(),
            ("--invalid", Some(v)) => v.parse().map(|x| invalid = x).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|x| seed = x).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("usage: corpus [--services N] [--structures N] [--invalid SHARE] [--seed N] --out DIR");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!(
            "usage: corpus [--services N] [--structures N] [--invalid SHARE] [--seed N] --out DIR"
        );
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    for (name, n, is_services) in [
        ("services", services, true),
        ("structures", structures, false),
    ] {
        if n == 0 {
            continue;
        }
        let path = out.join(format!("{name}.jsonl"));
        if let Err(e) = std::fs::write(&path, corpus::jsonl(is_services, n, invalid, seed)) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("{}: {n} {name}", path.display());
    }
    ExitCode::SUCCESS
}
