//! `--jobs`: the tool's output is the same byte for byte whatever the number of threads
//! (the reports of `validate` in every format, the file `convert` writes, standard error
//! and the exit status), on generated files of JSON Lines, CSV (quoted line breaks) and
//! JSON arrays long enough to be cut into several batches, holding invalid records,
//! records that cannot be read, bytes that are not UTF-8, and files that cannot be read
//! to their end.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("data-inclusion").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-jobs")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// What a run gives: the exit status, standard output, standard error, and the file
/// written (for `convert`).
type Run = (Option<i32>, Vec<u8>, Vec<u8>, Vec<u8>);

fn run(args: &[&str], jobs: usize, written: Option<&Path>) -> Run {
    if let Some(path) = written {
        let _ = std::fs::remove_file(path);
    }
    let output = bin()
        .args(args)
        .args(["--today", "2026-06-15", "--jobs", &jobs.to_string()])
        .output()
        .unwrap();
    let file = written
        .map(|p| std::fs::read(p).unwrap_or_default())
        .unwrap_or_default();
    (output.status.code(), output.stdout, output.stderr, file)
}

/// Every command's output with 2 and 3 threads is the one with 1.
fn same_for_every_jobs(file: &Path, out: &Path) -> Result<(), TestCaseError> {
    let file = file.to_str().unwrap();
    let out_str = out.to_str().unwrap();
    let commands: [(Vec<&str>, Option<&Path>); 4] = [
        (vec!["validate", file], None),
        (vec!["validate", file, "--format", "json"], None),
        (vec!["validate", file, "--format", "html"], None),
        (vec!["convert", file, out_str], Some(out)),
    ];
    for (args, written) in &commands {
        let one = run(args, 1, *written);
        for jobs in [2, 3] {
            let many = run(args, jobs, *written);
            prop_assert!(
                one == many,
                "{args:?} --jobs {jobs}: status {:?} vs {:?}\n{}\n---\n{}",
                one.0,
                many.0,
                String::from_utf8_lossy(&one.2),
                String::from_utf8_lossy(&many.2)
            );
        }
    }
    Ok(())
}

/// A record: valid, invalid, unreadable (`2`: not JSON or a missing cell), not UTF-8
/// (`3`), an empty line (`4`), over several lines (`5`).
fn kinds() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![8 => Just(0u8), 3 => Just(1), 1 => Just(2), 1 => Just(3), 1 => Just(4), 2 => Just(5)],
        200..700,
    )
}

fn json_record(i: usize, kind: u8) -> Option<Vec<u8>> {
    let nom: &[u8] = match kind {
        1 => b"M",
        3 => b"Caf\xe9",
        _ => b"Mission locale",
    };
    let mut out =
        format!("{{\"source\": \"dora\", \"id\": \"dora--{i}\", \"nom\": \"").into_bytes();
    out.extend_from_slice(nom);
    out.extend_from_slice(b"\", \"date_maj\": \"2025-02-14\"");
    match kind {
        2 => return Some(format!("{{\"id\": \"dora--{i}\",").into_bytes()),
        4 => return None,
        5 => out.extend_from_slice(b",\n \"x\": [1,\n 2]"),
        _ => {}
    }
    out.push(b'}');
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn json_lines_the_same_for_every_jobs(kinds in kinds()) {
        let d = dir("jsonl");
        let mut bytes = Vec::new();
        for (i, &kind) in kinds.iter().enumerate() {
            bytes.extend(json_record(i, kind).unwrap_or_default());
            bytes.push(b'\n');
        }
        let file = d.join("in.jsonl");
        std::fs::write(&file, bytes).unwrap();
        same_for_every_jobs(&file, &d.join("out.csv"))?;
    }

    #[test]
    fn csv_the_same_for_every_jobs(kinds in kinds()) {
        let d = dir("csv");
        let mut bytes = b"id;nom;source;date_maj;x\n".to_vec();
        for (i, &kind) in kinds.iter().enumerate() {
            let nom: &[u8] = match kind {
                1 => b"M",
                3 => b"Caf\xe9",
                5 => b"\"Mission\nlocale\"",
                _ => b"Mission locale",
            };
            match kind {
                2 => bytes.extend(format!("dora--{i};Mission locale\n").into_bytes()),
                4 => bytes.push(b'\n'),
                _ => {
                    bytes.extend(format!("dora--{i};").into_bytes());
                    bytes.extend_from_slice(nom);
                    bytes.extend_from_slice(b";dora;2025-02-14;\"a\nb\"\n");
                }
            }
        }
        let file = d.join("in.csv");
        std::fs::write(&file, bytes).unwrap();
        same_for_every_jobs(&file, &d.join("out.jsonl"))?;
    }

    #[test]
    fn json_arrays_the_same_for_every_jobs(kinds in kinds(), unclosed: bool) {
        let d = dir("json");
        let mut bytes = b"[".to_vec();
        let mut first = true;
        for (i, &kind) in kinds.iter().enumerate() {
            // Not UTF-8 or not JSON ends a JSON document: valid records in their place.
            let kind = if kind == 2 || kind == 3 { 0 } else { kind };
            let Some(record) = json_record(i, kind) else { continue };
            if !std::mem::take(&mut first) {
                bytes.extend_from_slice(b",\n");
            }
            bytes.extend(record);
        }
        if !unclosed {
            bytes.extend_from_slice(b"]\n");
        }
        let file = d.join("in.json");
        std::fs::write(&file, bytes).unwrap();
        same_for_every_jobs(&file, &d.join("out.jsonl"))?;
    }
}

/// `--jobs` takes a number of threads of at least 1: anything else is an error of the
/// command line (status 2) in the tool's language.
#[test]
fn jobs_is_at_least_one() {
    for (jobs, lang, expected) in [
        (
            "0",
            "fr_FR.UTF-8",
            "un nombre de fils d’au moins 1 est attendu",
        ),
        (
            "deux",
            "fr_FR.UTF-8",
            "un nombre de fils d’au moins 1 est attendu",
        ),
        (
            "0",
            "en_GB.UTF-8",
            "a number of threads of at least 1 is expected",
        ),
    ] {
        let output = bin()
            .env("LANG", lang)
            .args(["validate", "--jobs", jobs])
            .output()
            .unwrap();
        let err = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(err.contains(expected), "{err}");
    }
    // The bundled sample data, on 1 or 4 threads: the same report.
    let one = bin()
        .args(["validate", "-j", "1", "--today", "2026-06-15"])
        .output()
        .unwrap();
    let four = bin()
        .args(["validate", "-j", "4", "--today", "2026-06-15"])
        .output()
        .unwrap();
    assert_eq!(one, four);
    assert_eq!(one.status.code(), Some(1));
}
