//! Malformed and hostile files, run through the command-line tool as a user runs it
//! (`data-inclusion validate --format json --today 2026-06-15 FILE`, then the text
//! report): the exit status, the lines reported (an unreadable record with an empty
//! `field` and the code `record_unreadable`), the counts, and the reason on stderr when
//! the file cannot be read to its end (exit status 2). The JSON report is a JSON array in
//! every case, exit status 2 included.
//!
//! The small files are in `tests/malformed/`; the big ones (a 10 MB cell, 100 000
//! columns, 10 000 levels of nesting, …) are generated here. FUZZING.md has the table of
//! every case.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// Beyond this, a run is a hang.
const TIMEOUT: Duration = Duration::from_secs(60);

/// What the tool gives for one file.
struct Outcome {
    status: Option<i32>,
    /// The JSON report.
    report: Vec<Value>,
    stderr: String,
    /// The text report.
    text: String,
}

fn run(file: &Path) -> Outcome {
    let json = Command::cargo_bin("data-inclusion")
        .unwrap()
        .args(["validate", "--format", "json", "--today", "2026-06-15"])
        .arg(file)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: the JSON report is not a JSON array ({e}): {}",
            file.display(),
            String::from_utf8_lossy(&json.stdout)
        )
    });
    let text = Command::cargo_bin("data-inclusion")
        .unwrap()
        .args(["validate", "--today", "2026-06-15"])
        .arg(file)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert_eq!(
        json.status.code(),
        text.status.code(),
        "{}: the same status whatever the report's format",
        file.display()
    );
    Outcome {
        status: json.status.code(),
        report,
        stderr: String::from_utf8_lossy(&json.stderr).into_owned(),
        text: String::from_utf8_lossy(&text.stdout).into_owned(),
    }
}

/// The expected outcome of one file.
struct Expect {
    file: &'static str,
    status: i32,
    /// Every problem of the JSON report, in order: (line, field, code, a fragment of the
    /// message).
    report: &'static [(u64, &'static str, &'static str, &'static str)],
    /// Records read and invalid records, from the text report (`None`: the file is
    /// refused before its first record, there is no report).
    counts: Option<(u64, u64)>,
    /// For exit status 2: a fragment of the reason, on stderr.
    reason: &'static str,
}

/// The code of a record that cannot be read.
const UNREADABLE: &str = "record_unreadable";
const ENUM: &str = "enum";

fn check(file: &Path, expect: &Expect) {
    let name = expect.file;
    let out = run(file);
    assert_eq!(
        out.status,
        Some(expect.status),
        "{name}: exit status; stderr: {}",
        out.stderr
    );
    let got: Vec<(u64, &str, &str)> = out
        .report
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["field"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    let want: Vec<(u64, &str, &str)> = expect
        .report
        .iter()
        .map(|&(line, field, code, _)| (line, field, code))
        .collect();
    assert_eq!(got, want, "{name}: the problems reported");
    for (problem, &(_, _, _, fragment)) in out.report.iter().zip(expect.report) {
        let message = problem["message"].as_str().unwrap();
        assert!(
            message.contains(fragment),
            "{name}: {message:?} should say {fragment:?}"
        );
        if problem["code"] == UNREADABLE {
            assert_eq!(
                problem["field"], "",
                "{name}: an unreadable record has no field"
            );
            assert_eq!(problem["path"], "", "{name}");
        }
    }
    // The report says how many records could not be read (the JSON report, one
    // `record_unreadable` each; the text report, a count when there are some), and where
    // in the file a record that is not UTF-8 stops being UTF-8.
    let unreadable = out
        .report
        .iter()
        .filter(|p| p["code"] == UNREADABLE)
        .count();
    if unreadable > 0 {
        assert!(
            out.text
                .contains(&format!("Enregistrements illisibles : {unreadable}\n")),
            "{name}: {unreadable} unreadable: {}",
            out.text
        );
    } else {
        assert!(!out.text.contains("illisibles"), "{name}: {}", out.text);
    }
    let bytes = std::fs::read(file).unwrap();
    for problem in &out.report {
        let message = problem["message"].as_str().unwrap_or_default();
        let not_utf8 = message.contains("n’est pas en UTF-8");
        assert_eq!(
            problem["offset"].is_u64(),
            not_utf8,
            "{name}: an offset for a record that is not UTF-8, only: {problem}"
        );
        if let Some(offset) = problem["offset"].as_u64() {
            let byte = bytes[usize::try_from(offset).unwrap()];
            assert!(
                message.contains(&format!("(octet 0x{byte:02X})")),
                "{name}: the byte at offset {offset} is the one the message names: {message}"
            );
        }
    }
    if let Some((read, invalid)) = expect.counts {
        assert!(
            out.text
                .contains(&format!("Enregistrements lus : {read}\n")),
            "{name}: {read} records read: {}",
            out.text
        );
        assert!(
            out.text
                .contains(&format!("Enregistrements invalides : {invalid} (")),
            "{name}: {invalid} invalid: {}",
            out.text
        );
    }
    if expect.status == 2 {
        assert!(
            out.stderr.starts_with("data-inclusion: ") && out.stderr.contains(expect.reason),
            "{name}: the reason {:?} on stderr: {}",
            expect.reason,
            out.stderr
        );
        if expect.counts.is_some() {
            assert!(
                out.text
                    .contains(&format!("lecture interrompue : {}", expect.reason)),
                "{name}: the text report says why reading stopped: {}",
                out.text
            );
        }
    } else {
        assert_eq!(out.stderr, "", "{name}: nothing on stderr");
    }
}

/// The valid record the generated files are built around.
fn service(id: u32) -> String {
    format!(
        r#"{{"source": "dora", "structure_id": "dora--s1", "id": "dora--{id}", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"}}"#
    )
}

/// `service(id)` with more members.
fn service_with(id: u32, members: &str) -> String {
    let s = service(id);
    format!("{}, {members}}}", &s[..s.len() - 1])
}

const CSV_HEADER: &str = "id,structure_id,source,nom,description,date_maj";

fn csv_row(id: u32, description: &str) -> String {
    format!("dora--{id},dora--s1,dora,Atelier CV,{description},2025-02-14")
}

/// A fresh directory under target/ for the generated files.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("malformed-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const CASES: &[Expect] = &[
    Expect {
        file: "empty.jsonl",
        status: 0,
        report: &[],
        counts: Some((0, 0)),
        reason: "",
    },
    Expect {
        file: "empty.json",
        status: 0,
        report: &[],
        counts: Some((0, 0)),
        reason: "",
    },
    Expect {
        file: "empty.csv",
        status: 0,
        report: &[],
        counts: Some((0, 0)),
        reason: "",
    },
    Expect {
        file: "header-only.csv",
        status: 0,
        report: &[],
        counts: Some((0, 0)),
        reason: "",
    },
    // As the official valideur: a missing column is each row's missing field.
    Expect {
        file: "missing-columns.csv",
        status: 1,
        report: &[
            (1, "date_maj", "column_missing", "chaque ligne le signale"),
            (1, "source", "column_missing", "chaque ligne le signale"),
            (2, "date_maj", "missing", "Champ requis"),
            (2, "source", "missing", "Champ requis"),
        ],
        counts: Some((1, 1)),
        reason: "",
    },
    // A readable file is never refused for its header: the second `nom` is read as pandas
    // names it, `nom.1`, a field the schema does not know.
    Expect {
        file: "duplicate-column.csv",
        status: 0,
        report: &[(1, "nom", "column_duplicated", "la colonne 7 est lue sous le nom « nom.1 »")],
        counts: Some((1, 0)),
        reason: "",
    },
    // A row that is not UTF-8 is that record's error; the rows before and after are
    // validated. The first such row says what the file seems encoded in.
    Expect {
        file: "invalid-utf8-cell.csv",
        status: 1,
        report: &[(
            3,
            "",
            UNREADABLE,
            "l’enregistrement n’est pas en UTF-8 (octet 0xFF) ; il est ignoré ; le fichier semble encodé en Windows-1252 ou Latin-1 (ISO-8859-1), où cet octet est « ÿ »",
        )],
        counts: Some((3, 1)),
        reason: "",
    },
    Expect {
        file: "windows-1252.csv",
        status: 1,
        report: &[
            (
                2,
                "",
                UNREADABLE,
                "l’enregistrement n’est pas en UTF-8 (octet 0xE9) ; il est ignoré ; le fichier semble encodé en Windows-1252 ou Latin-1 (ISO-8859-1), où cet octet est « é » : convertissez-le en UTF-8 (par exemple : iconv -f WINDOWS-1252 -t UTF-8)",
            ),
            (3, "", UNREADABLE, "l’enregistrement n’est pas en UTF-8 (octet 0xE9) ; il est ignoré"),
        ],
        counts: Some((2, 2)),
        reason: "",
    },
    // The same in JSON Lines: each line that is not UTF-8 is its record's error (the
    // official package rejects it as invalid JSON), the others are validated.
    Expect {
        file: "not-utf8-lines.jsonl",
        status: 1,
        report: &[
            (
                2,
                "",
                UNREADABLE,
                "l’enregistrement n’est pas en UTF-8 (octet 0xE9) ; il est ignoré ; le fichier semble encodé en Windows-1252",
            ),
            (3, "thematiques", ENUM, "famille--garde-denfant"),
            (4, "", UNREADABLE, "l’enregistrement n’est pas en UTF-8 (octet 0xE8) ; il est ignoré"),
        ],
        counts: Some((5, 3)),
        reason: "",
    },
    // A JSON document that is not UTF-8 cannot be read further: the elements before are
    // validated, then the error.
    Expect {
        file: "not-utf8.json",
        status: 2,
        report: &[],
        counts: Some((1, 0)),
        reason: "ligne 3 : le fichier n’est pas en UTF-8 (octet 0xE9) ; il semble encodé en Windows-1252",
    },
    // A file in UTF-16 (its byte-order mark) is refused whole.
    Expect {
        file: "utf16.jsonl",
        status: 2,
        report: &[],
        counts: None,
        reason: "ligne 1 : le fichier n’est pas en UTF-8 (octet 0xFF) ; il est encodé en UTF-16 : enregistrez-le en UTF-8",
    },
    // A raw NUL is not JSON (inside a string or out); `\u0000` is a character.
    Expect {
        file: "nul.jsonl",
        status: 1,
        report: &[
            (
                2,
                "",
                UNREADABLE,
                "JSON invalide (colonne 80) : control character (\\u0000-\\u001F) found while parsing a string",
            ),
            (3, "", UNREADABLE, "JSON invalide (colonne 2) : key must be a string"),
        ],
        counts: Some((4, 2)),
        reason: "",
    },
    // In CSV a NUL is a character of its cell; a line holding only a NUL is one cell.
    Expect {
        file: "nul.csv",
        status: 1,
        report: &[(4, "", UNREADABLE, "la ligne a 1 cellule, l’en-tête en a 6")],
        counts: Some((4, 1)),
        reason: "",
    },
    // A quote opened and never closed swallows the rest of the file: reading stops.
    Expect {
        file: "unbalanced-quote.csv",
        status: 2,
        report: &[],
        counts: Some((1, 0)),
        reason: "ligne 3 : guillemet non fermé ; la cellule ouverte sur cette ligne court jusqu’à la fin du fichier",
    },
    // Quotes inside an unquoted cell, text after a closing quote: kept as text.
    Expect {
        file: "stray-quotes.csv",
        status: 0,
        report: &[],
        counts: Some((3, 0)),
        reason: "",
    },
    // A document starting with a NUL: the message shows the character's code point.
    Expect {
        file: "nul-first.json",
        status: 2,
        report: &[],
        counts: None,
        reason: "ligne 1 : le document JSON doit être un tableau d’enregistrements ou un objet, il commence par « U+0000 »",
    },
    // Escape sequences in a value or a column name: in the JSON report as JSON escapes,
    // on the terminal as `\u{1b}` (see below).
    Expect {
        file: "escape-sequences.jsonl",
        status: 1,
        report: &[(2, "thematiques", ENUM, "La valeur '\u{1b}[2J\u{1b}]0;titre\u{7}' n’existe pas")],
        counts: Some((2, 1)),
        reason: "",
    },
    Expect {
        file: "escape-sequences.csv",
        status: 0,
        report: &[
            (1, "x\u{1b}[31m", "column_duplicated", "apparaît 2 fois"),
            (1, "x\u{1b}[31m", "column_unknown", "n’est pas un champ du schéma"),
        ],
        counts: Some((1, 0)),
        reason: "",
    },
    // The elements before the end are validated and reported; then the error.
    Expect {
        file: "unclosed-array.json",
        status: 2,
        report: &[(2, "thematiques", ENUM, "Vouliez-vous dire 'famille--garde-denfants' ?")],
        counts: Some((2, 1)),
        reason: "ligne 1 : le tableau JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne 5)",
    },
    // 400 digits: an integer beyond i64 in an integer field is refused (the official
    // package accepts it: a documented divergence); as a float, or in an unknown field,
    // it is a number; more than 4300 digits is not JSON (as the official package, and
    // Python's int); 1e400 is infinite.
    Expect {
        file: "number-400-digits.jsonl",
        status: 1,
        report: &[
            (1, "nombre_semaines", "int_parsing_size", "Le nombre est trop grand"),
            (
                5,
                "",
                UNREADABLE,
                "number out of range (un entier a au plus 4300 chiffres)",
            ),
            (6, "nombre_semaines", "finite_number", "nombre fini"),
        ],
        counts: Some((6, 3)),
        reason: "",
    },
    // The last of duplicate keys wins, as the official package reads them.
    Expect {
        file: "duplicate-keys.jsonl",
        status: 1,
        report: &[(2, "nom", "string_too_short", "au moins 3 caractères")],
        counts: Some((4, 1)),
        reason: "",
    },
    // A blank `\r\n` line is skipped, and a quoted cell spanning two lines counts two:
    // the lines are the physical lines.
    Expect {
        file: "crlf-mixed.jsonl",
        status: 1,
        report: &[
            (3, "thematiques", ENUM, "famille--garde-denfant"),
            (6, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((5, 2)),
        reason: "",
    },
    Expect {
        file: "crlf-mixed.csv",
        status: 1,
        report: &[
            (5, "thematiques", ENUM, "famille--garde-denfant"),
            (7, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((5, 2)),
        reason: "",
    },
    // A BOM starting the file is skipped; one starting a later line is not JSON (as in
    // the official package)…
    Expect {
        file: "bom-middle.jsonl",
        status: 1,
        report: &[
            (3, "", UNREADABLE, "JSON invalide (colonne 1) : expected value"),
            (4, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((4, 2)),
        reason: "",
    },
    // … and in CSV it is a character of the first cell: line 3 has an `id` starting with
    // U+FEFF (valid: `id` has no pattern), line 4 is a second header (two CSV files
    // concatenated), read as a row.
    Expect {
        file: "bom-middle.csv",
        status: 1,
        report: &[
            (4, "date_maj", "date_parsing", "AAAA-MM-JJ"),
            (4, "thematiques", ENUM, "'thematiques'"),
        ],
        counts: Some((4, 1)),
        reason: "",
    },
    // A broken record between good ones: reported, and the others still validated.
    Expect {
        file: "broken-line.jsonl",
        status: 1,
        report: &[
            (2, "", UNREADABLE, "JSON invalide (colonne 70) : EOF while parsing a value"),
            (3, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((4, 2)),
        reason: "",
    },
    Expect {
        file: "broken-line.csv",
        status: 1,
        report: &[
            (3, "", UNREADABLE, "la ligne a 4 cellules, l’en-tête en a 7"),
            (4, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((4, 2)),
        reason: "",
    },
    // In a JSON array the line is the element's position; the message has the physical
    // line.
    Expect {
        file: "broken-element.json",
        status: 1,
        report: &[
            (
                2,
                "",
                UNREADABLE,
                "JSON invalide (ligne 3, colonne 18) : expected `,` or `}`",
            ),
            (3, "thematiques", ENUM, "famille--garde-denfant"),
        ],
        counts: Some((4, 2)),
        reason: "",
    },
];

#[test]
fn every_malformed_file_has_its_expected_outcome() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/malformed");
    let mut files: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "every file of tests/malformed/ has a case");
    for case in CASES {
        check(&root.join(case.file), case);
    }
}

#[test]
fn a_10_mb_cell_is_read_and_validated() {
    let d = dir("cell-10mb");
    let big = "a".repeat(10_000_000);
    let csv = format!(
        "{CSV_HEADER},commentaire\n{},\n{},\n{},{big}\n{},\n",
        csv_row(1, "Un atelier."),
        csv_row(2, &big),
        csv_row(3, "Un atelier."),
        csv_row(4, "Un atelier."),
    );
    let file = d.join("cell-10mb.csv");
    std::fs::write(&file, csv).unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(1));
    // The description holds 10 000 characters at most; an unknown column anything (it is
    // reported once, at line 1, not as an error).
    assert_eq!(out.report.len(), 2);
    assert_eq!(
        (&out.report[0]["code"], &out.report[0]["field"]),
        (&Value::from("column_unknown"), &Value::from("commentaire"))
    );
    let out_report = &out.report[1..];
    assert_eq!(out_report[0]["line"], 3);
    assert_eq!(out_report[0]["code"], "string_too_long");
    assert_eq!(
        out_report[0]["value"].as_str().map(str::len),
        Some(10_000_000)
    );
    assert!(
        out.text.contains("Enregistrements lus : 4\n"),
        "{}",
        out.text
    );
}

#[test]
fn a_record_over_the_limit_is_reported_on_its_line_and_reading_goes_on() {
    let d = dir("over-limit");
    // The limit is ReadOptions::max_record_bytes, 16 MiB by default.
    let big = "a".repeat(17 << 20);
    let message = "l’enregistrement dépasse la taille maximale (16777216 octets) ; il est ignoré";
    let csv = format!(
        "{CSV_HEADER}\n{}\n{}\n{}\n",
        csv_row(1, "Un atelier."),
        csv_row(2, &big),
        csv_row(3, "Un atelier.")
    );
    let jsonl = format!(
        "{}\n{}\n{}\n",
        service(1),
        service_with(2, &format!(r#""commentaire": "{big}""#)),
        service(3)
    );
    let json = format!(
        "[{},\n{},\n{}]",
        service(1),
        service_with(2, &format!(r#""x": "{big}""#)),
        service(3)
    );
    for (name, content) in [("big.csv", csv), ("big.jsonl", jsonl), ("big.json", json)] {
        let file = d.join(name);
        std::fs::write(&file, content).unwrap();
        let out = run(&file);
        assert_eq!(out.status, Some(1), "{name}");
        assert_eq!(out.report.len(), 1, "{name}: {:?}", out.report);
        let line = if name.ends_with(".csv") { 3 } else { 2 };
        assert_eq!(out.report[0]["line"], line, "{name}");
        assert_eq!(out.report[0]["field"], "", "{name}");
        assert_eq!(out.report[0]["code"], UNREADABLE, "{name}");
        assert_eq!(out.report[0]["message"], message, "{name}");
        assert!(
            out.text.contains("Enregistrements lus : 3\n"),
            "{name}: {}",
            out.text
        );
    }
}

#[test]
fn a_header_of_100_000_columns() {
    let d = dir("columns-100k");
    let mut header = String::from(CSV_HEADER);
    let mut empty = String::new();
    for i in 0..100_000 {
        header.push_str(&format!(",c{i}"));
        empty.push(',');
    }
    let csv = format!(
        "{header}\n{}{empty}\n{}{}\n{}{empty}\n",
        csv_row(1, "Un atelier."),
        csv_row(2, "Un atelier."),
        &empty[1..],
        csv_row(3, "")
    );
    let file = d.join("columns-100k.csv");
    std::fs::write(&file, csv).unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(1));
    // The 100 000 columns the schema does not know are reported once each, at line 1.
    let unknown = out
        .report
        .iter()
        .filter(|p| p["code"] == "column_unknown")
        .count();
    assert_eq!(unknown, 100_000);
    let got: Vec<(u64, &str, &str)> = out
        .report
        .iter()
        .filter(|p| p["line"] != 1)
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["field"].as_str().unwrap(),
                p["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, "", "la ligne a 100005 cellules, l’en-tête en a 100006"),
            (4, "description", "Champ requis"),
        ]
    );
    // A duplicated column among 100 000 is found (at once: not by comparing each column
    // with every other).
    let csv = format!("{header},c99999\n");
    let file = d.join("columns-100k-duplicate.csv");
    std::fs::write(&file, csv).unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    let duplicated: Vec<&Value> = out
        .report
        .iter()
        .filter(|p| p["code"] == "column_duplicated")
        .collect();
    assert_eq!(duplicated.len(), 1);
    assert_eq!(duplicated[0]["field"], "c99999");
}

#[test]
fn nesting_10_000_levels_deep_is_unreadable_and_200_is_the_limit() {
    let d = dir("deep");
    let arrays = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let objects = |n: usize| format!("{}1{}", r#"{"a": "#.repeat(n), "}".repeat(n));
    let lines = [
        service(1),
        service_with(2, &format!(r#""thematiques": {}"#, arrays(10_000))),
        service_with(3, &format!(r#""x": {}"#, arrays(10_000))),
        service_with(4, &format!(r#""x": {}"#, objects(10_000))),
        // The record's object and 200 arrays: jiter's (and the official package's)
        // deepest.
        service_with(5, &format!(r#""x": {}"#, arrays(200))),
        service_with(6, &format!(r#""x": {}"#, arrays(201))),
        service(7),
    ];
    let too_deep =
        "recursion limit exceeded (plus de 200 niveaux de tableaux et d’objets imbriqués)";
    let file = d.join("deep.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(1));
    let got: Vec<(u64, &str, &str)> = out
        .report
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["field"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "", UNREADABLE),
            (3, "", UNREADABLE),
            (4, "", UNREADABLE),
            (6, "", UNREADABLE)
        ]
    );
    for problem in &out.report {
        let message = problem["message"].as_str().unwrap();
        assert!(message.contains(too_deep), "{message}");
    }
    assert!(
        out.text.contains("Enregistrements lus : 7\n"),
        "{}",
        out.text
    );
    // The same in a JSON document, and in a CSV list cell (which is JSON there too).
    let file = d.join("deep.json");
    std::fs::write(&file, format!("[{}]", lines.join(",\n"))).unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(1));
    let lines: Vec<u64> = out
        .report
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3, 4, 6]);
    let file = d.join("deep.csv");
    std::fs::write(
        &file,
        format!(
            "{CSV_HEADER},thematiques,x\n{},,\n{},{},\n{},,{}\n",
            csv_row(1, "Un atelier."),
            csv_row(2, "Un atelier."),
            arrays(10_000),
            csv_row(3, "Un atelier."),
            arrays(10_000)
        ),
    )
    .unwrap();
    let out = run(&file);
    assert_eq!(out.status, Some(1));
    // A list cell too deep for a JSON array is read as a list of one item (the text,
    // brackets and all), which is no thématique; an unknown column is a string whatever
    // it holds.
    let got: Vec<(u64, &str, &str)> = out
        .report
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["field"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [(1, "x", "column_unknown"), (3, "thematiques", ENUM)]);
}

#[test]
fn convert_of_a_file_that_cannot_be_read_to_its_end_writes_a_well_formed_output() {
    let d = dir("convert");
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/malformed/unclosed-array.json");
    let output = d.join("out.json");
    let out = Command::cargo_bin("data-inclusion")
        .unwrap()
        .args(["convert", "--today", "2026-06-15"])
        .arg(&input)
        .arg(&output)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unclosed-array.json:2 : /thematiques/0")
            && stderr.ends_with("data-inclusion: ligne 1 : le tableau JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne 5)\n"),
        "{stderr}"
    );
    // The valid record read before the end, in a closed JSON array.
    let written: Vec<Value> = serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["id"], "dora--1");
}

#[test]
fn escape_sequences_from_the_input_cannot_drive_the_terminal() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/malformed");
    let out = run(&root.join("escape-sequences.jsonl"));
    // The value is in the text report with its control characters written out (on a
    // terminal the tool keeps colours, and would pass an escape sequence through).
    assert!(
        out.text.contains(
            "erreur thematiques : La valeur '\\u{1b}[2J\\u{1b}]0;titre\\u{7}' n’existe pas dans le référentiel Thematique. (ligne 2)"
        ),
        "{}",
        out.text
    );
    assert_eq!(out.report[0]["value"], "\u{1b}[2J\u{1b}]0;titre\u{7}");
}
