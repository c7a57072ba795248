//! The fuzz targets that run the command-line tool: its JSON report against the library's
//! verdicts on mutated files, and the format names it accepts. They share the harness of
//! the library's `tests/fuzz.rs` (included here; its own targets run again, with few
//! cases).

#[path = "../../tests/fuzz.rs"]
#[allow(dead_code)]
mod fuzz;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use data_inclusion_schema::io::Format;
use data_inclusion_schema::validate::Level;
use fuzz::{check_file, env_number, mutated_file, run_target, Tally};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use std::fmt::Debug;

/// A target that starts a process per case: one case in a thousand of `FUZZ_CASES`.
fn fuzz_cli<S>(
    name: &str,
    default: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let cases =
        env_number("FUZZ_CASES").map_or(default, |n| (n / 1000).max(u64::from(default)) as u32);
    run_target(name, cases, strategy, test);
}

// ------------------------------------------------------------------ through the CLI

/// What the command-line tool writes of a text from the input on a terminal (control
/// characters and bidi controls escaped).
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The command-line tool reports what the library reads and validates: the same
/// problems, on the same lines, and the exit status that follows from them.
#[test]
fn fuzz_cli_json_report_matches_the_library() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let counter = AtomicU64::new(0);
    let tally = Tally::default();
    fuzz_cli("cli_json_report", 12, mutated_file(), |(format, bytes)| {
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let file = dir.join(format!(
            "case-{}-{n}.{}",
            std::process::id(),
            format.as_str()
        ));
        std::fs::write(&file, &bytes).unwrap();
        let out = assert_cmd::Command::cargo_bin("data-inclusion")
            .unwrap()
            // The library's verdicts, without advice (tests/advice.rs holds advice to
            // them).
            .args([
                "validate",
                "--format",
                "json",
                "--no-advice",
                "--today",
                "2026-06-15",
            ])
            .arg(&file)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&file);
        let expected = check_file(&bytes, format, 16 << 20, vec![1 << 16])?;
        tally.add(&expected);
        let report: Vec<Value> = serde_json::from_slice(&out.stdout)
            .map_err(|e| TestCaseError::fail(format!("the report is not JSON: {e}")))?;
        // The records' problems; the header's (`column_*`, reported once before them) are
        // the reader's `column_problems`, held to their cases in tests/xlsx.rs.
        let got: Vec<(u64, String, String, Level, String)> = report
            .iter()
            .filter(|p| {
                !p["code"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("column_")
            })
            .map(|p| {
                (
                    p["line"].as_u64().unwrap(),
                    p["field"].as_str().unwrap().to_string(),
                    p["code"].as_str().unwrap().to_string(),
                    p["level"].as_str().unwrap().parse::<Level>().unwrap(),
                    p["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        prop_assert_eq!(&got, &expected.report);
        let status = match (&expected.fatal, expected.invalid) {
            (Some(_), _) => 2,
            (None, 0) => 0,
            (None, _) => 1,
        };
        prop_assert_eq!(out.status.code(), Some(status));
        let stderr = String::from_utf8_lossy(&out.stderr);
        match &expected.fatal {
            // Control characters from the input are shown escaped.
            Some(reason) => prop_assert_eq!(
                stderr.trim_end(),
                format!("data-inclusion: {}", printable(reason))
            ),
            None => prop_assert_eq!(stderr, ""),
        }
        Ok(())
    });
    tally.print("cli_json_report");
}

/// The CLI accepts a format name (`--from`) exactly when `Format::from_name` does.
#[test]
fn fuzz_cli_format_names() {
    let names = prop_oneof![
        "[^\0]{0,8}",
        (
            select(vec!["json", "jsonl", "ndjson", "jsonlines", "csv", "xlsx"]),
            select(vec!["", " ", "L", "\t", "É"]),
            any::<bool>()
        )
            .prop_map(|(n, extra, upper)| {
                let n = if upper {
                    n.to_uppercase()
                } else {
                    n.to_string()
                };
                format!("{n}{extra}")
            }),
    ];
    fuzz_cli("cli_format_names", 8, names, |name| {
        let out = assert_cmd::Command::cargo_bin("data-inclusion")
            .unwrap()
            .args([
                "validate",
                "--today",
                "2026-06-15",
                &format!("--from={name}"),
                "-",
            ])
            .write_stdin("")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if name.parse::<Format>().is_ok() {
            prop_assert_eq!(out.status.code(), Some(0), "{}", stderr);
        } else if name.trim().eq_ignore_ascii_case("xlsx") {
            // An empty input is no workbook.
            prop_assert_eq!(out.status.code(), Some(2));
            prop_assert!(
                stderr.contains("ce n’est pas un classeur XLSX"),
                "{}",
                stderr
            );
        } else {
            prop_assert_eq!(out.status.code(), Some(2));
            prop_assert!(stderr.contains("format inconnu"), "{}", stderr);
        }
        Ok(())
    });
}
