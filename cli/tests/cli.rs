//! The command-line tool, run as a user runs it: reports, formats, and every exit status.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("data-inclusion").unwrap()
}

/// A fresh directory under target/ for this test's files.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const GOOD: &str = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"}"#;
const TODAY: [&str; 2] = ["--today", "2026-06-15"];

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn validate_without_a_file_runs_on_the_bundled_sample() {
    let out = bin().args(["validate"]).args(TODAY).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the sample has errors");
    let text = stdout(&out);
    assert!(
        text.contains("cli/data/structures.jsonl — Structure"),
        "{text}"
    );
    assert!(text.contains("cli/data/services.jsonl — Service"), "{text}");
    assert!(text.contains("Enregistrements lus : 4"), "{text}");
    assert!(
        text.contains("Vouliez-vous dire 'famille--garde-denfants' ?"),
        "{text}"
    );
}

#[test]
fn json_report_has_one_object_per_problem_with_its_line() {
    let d = dir("json-report");
    let mut bad: Value = serde_json::from_str(GOOD).unwrap();
    bad["thematiques"] = serde_json::json!(["famille--garde-denfant"]);
    let content = format!("{GOOD}\n{bad}\nnot json\n\n{GOOD}\n");
    let file = write(&d, "services.jsonl", content.as_bytes());
    let out = bin()
        .args(["validate", "--format", "json"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.len(), 2, "{report:?}");
    assert_eq!(report[0]["schema"], "Service");
    assert_eq!(report[0]["line"], 2);
    assert_eq!(report[0]["field"], "thematiques");
    assert_eq!(report[0]["path"], "/thematiques/0");
    assert_eq!(report[0]["code"], "enum");
    assert_eq!(report[0]["level"], "error");
    assert_eq!(report[0]["value"], "famille--garde-denfant");
    assert!(report[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("La valeur"));
    // A line that cannot be parsed is one problem with an empty field.
    assert_eq!(report[1]["line"], 3);
    assert_eq!(report[1]["field"], "");
}

#[test]
fn exit_status_zero_with_warnings_one_with_strict() {
    let d = dir("strict");
    let mut warned: Value = serde_json::from_str(GOOD).unwrap();
    warned["nom"] = "Atelier CV.".into();
    let file = write(&d, "s.jsonl", format!("{warned}\n").as_bytes());
    let out = bin()
        .args(["validate"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("avertissement"));
    let out = bin()
        .args(["validate", "--strict"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn exit_status_two_when_the_input_cannot_be_read() {
    let d = dir("unreadable");
    let out = bin()
        .args(["validate", "does-not-exist.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist.jsonl"));
    let txt = write(&d, "data.txt", b"x");
    let out = bin().args(["validate"]).arg(&txt).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("extension"));
    // A header that is not UTF-8: the columns cannot be known.
    let latin1 = write(&d, "latin1.csv", b"id,structure_id,source,nom,d\xe9tails,date_maj\nx,y,z,Caf\xe9 solidaire,Un caf\xe9.,2024-01-01\n");
    let out = bin().args(["validate"]).arg(&latin1).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("UTF-8") && err.contains("1252"), "{err}");
    let out = bin()
        .args(["validate", "-"])
        .write_stdin(GOOD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "`-` needs --from");
}

#[test]
fn a_row_that_is_not_utf8_hides_no_other_record() {
    let d = dir("not-utf8-row");
    let mut csv = b"id,structure_id,source,nom,description,date_maj\n".to_vec();
    csv.extend_from_slice(b"d--1,s1,dora,Atelier CV,Un atelier.,2025-02-14\n");
    csv.extend_from_slice(b"d--2,s1,dora,Caf\xe9 solidaire,Un caf\xe9.,2025-02-14\n");
    csv.extend_from_slice(b"d--3,s1,dora,AB,Un atelier.,2025-02-14\n");
    let file = write(&d, "latin1-row.csv", &csv);
    let out = bin()
        .args(["validate"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("Enregistrements lus : 3\n"), "{text}");
    assert!(text.contains("Enregistrements illisibles : 1\n"), "{text}");
    assert!(
        text.contains("n’est pas en UTF-8 (octet 0xE9)") && text.contains("Windows-1252"),
        "{text}"
    );
    // The row after it is validated.
    assert!(
        text.contains("nom : La chaîne doit contenir au moins 3 caractères (ligne 4)"),
        "{text}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn stdin_with_from_and_kind_detection() {
    let out = bin()
        .args(["validate", "--from", "jsonl", "-"])
        .args(TODAY)
        .write_stdin(format!("{GOOD}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("Service (détecté)"),
        "{}",
        stdout(&out)
    );
    let structure =
        r#"{"source": "dora", "id": "dora--s1", "nom": "Mairie", "date_maj": "2025-02-14"}"#;
    let out = bin()
        .args(["validate", "--from", "jsonl", "-"])
        .args(TODAY)
        .write_stdin(structure)
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Structure (détecté)"));
    let out = bin()
        .args(["validate", "--kind", "services", "--from", "jsonl", "-"])
        .args(TODAY)
        .write_stdin(structure)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a structure is not a valid service"
    );
    assert!(stdout(&out).contains("Service (indiqué)"));
}

#[test]
fn english_messages_on_request() {
    let out = bin()
        .args(["validate", "--lang", "en"])
        .args(TODAY)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("Records read: 4"), "{text}");
    assert!(
        text.contains("Did you mean 'famille--garde-denfants'?"),
        "{text}"
    );
}

#[test]
fn convert_round_trips_through_csv() {
    let d = dir("convert");
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/datagouv/services-sample.jsonl");
    let csv = d.join("services.csv");
    let back = d.join("services.jsonl");
    let out = bin()
        .args(["convert"])
        .args(TODAY)
        .arg(&input)
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .args(["convert"])
        .args(TODAY)
        .arg(&csv)
        .arg(&back)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p: &Path| -> Vec<Value> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let original = read(&input);
    let converted = read(&back);
    assert_eq!(original.len(), converted.len());
    for (a, b) in original.iter().zip(&converted) {
        for (k, v) in a.as_object().unwrap() {
            let got = &b[k];
            let same = v == got || v.as_f64().is_some() && v.as_f64() == got.as_f64();
            assert!(same, "{k}: {v} became {got}");
        }
    }
}

#[test]
fn convert_reports_invalid_records_and_exits_one() {
    let d = dir("convert-invalid");
    let file = write(
        &d,
        "in.jsonl",
        format!("{GOOD}\n{{\"id\": 1}}\n").as_bytes(),
    );
    let out = bin()
        .args(["convert", "--kind", "services"])
        .args(TODAY)
        .arg(&file)
        .arg(d.join("out.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let written: Vec<Value> =
        serde_json::from_slice(&std::fs::read(d.join("out.json")).unwrap()).unwrap();
    assert_eq!(written.len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.jsonl:2"), "{err}");
}

#[test]
fn score_prints_one_json_line_per_service() {
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/datagouv/services-sample.jsonl");
    let out = bin()
        .args(["score"])
        .args(TODAY)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "dora--0");
    assert!(lines[0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(lines[0]["criteria"].as_object().unwrap().len(), 10);
}

fn run_in(lang_env: Option<&str>, args: &[&str]) -> (Option<i32>, String, String) {
    let mut cmd = bin();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn help_in_french_by_default_in_english_on_request_with_examples_of_each_command() {
    for command in [
        &[][..],
        &["validate"][..],
        &["convert"][..],
        &["score"][..],
        &["template"][..],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let (status, fr, _) = run_in(None, &args);
        assert_eq!(status, Some(0));
        assert!(fr.contains("Utilisation : data-inclusion"), "{fr}");
        assert!(fr.contains("Exemples :\n  data-inclusion "), "{fr}");
        assert!(fr.contains("Affiche l’aide"), "{fr}");
        assert!(!fr.contains("Print help") && !fr.contains("Usage:"), "{fr}");
        let (_, en, _) = run_in(Some("en_US.UTF-8"), &args);
        assert!(
            en.contains("Usage: data-inclusion") && en.contains("Examples:\n  data-inclusion "),
            "{en}"
        );
        // One section of options, the help flag in it.
        assert_eq!(fr.matches("Options :").count(), 1, "{fr}");
        assert_eq!(en.matches("Options:").count(), 1, "{en}");
        let mut args = args.clone();
        args.extend(["--lang", "en"]);
        let (_, en2, _) = run_in(Some("fr_FR.UTF-8"), &args);
        assert_eq!(en2, en, "--lang wins over LANG");
    }
    // The help command, as clap's was.
    let (status, help, _) = run_in(None, &["help", "validate"]);
    assert_eq!(status, Some(0));
    assert!(
        help.contains("Utilisation : data-inclusion validate"),
        "{help}"
    );
    assert!(
        help.contains("--format <FORMAT>") && help.contains("html"),
        "{help}"
    );
}

#[test]
fn command_line_errors_in_the_language_of_the_tool() {
    let (status, _, err) = run_in(None, &["validate", "--frmat", "json"]);
    assert_eq!(status, Some(2));
    assert!(
        err.starts_with(
            "erreur : option inconnue : « --frmat » ; vouliez-vous dire « --format » ?"
        ),
        "{err}"
    );
    let (status, _, err) = run_in(Some("en_GB.UTF-8"), &["validate", "--format", "xml"]);
    assert_eq!(status, Some(2));
    assert!(
        err.starts_with(
            "error: invalid value: 'xml' for --format <FORMAT> (possible values: text, json, html)"
        ),
        "{err}"
    );
    let (status, _, err) = run_in(None, &["validate", "--today", "2025-13-01"]);
    assert_eq!(status, Some(2));
    assert!(err.contains("une date AAAA-MM-JJ est attendue"), "{err}");
    let (_, _, err) = run_in(None, &["validate", "fichier.txt"]);
    assert!(err.contains("extension inconnue"), "{err}");
    let (_, _, err) = run_in(None, &["validate", "fichier.txt", "--lang", "en"]);
    assert!(err.contains("unknown extension"), "{err}");
}

#[test]
fn advice_is_reported_apart_and_never_changes_the_exit_status() {
    let d = dir("advice");
    let mut record: Value = serde_json::from_str(GOOD).unwrap();
    record["telephone"] = "+44 20 7946 0958".into();
    record["horaires_accueil"] = "du lundi au vendredi".into();
    let file = write(&d, "services.jsonl", format!("{record}\n").as_bytes());
    for strict in [false, true] {
        let mut cmd = bin();
        cmd.args(["validate", "--format", "json"])
            .args(TODAY)
            .arg(&file);
        if strict {
            cmd.arg("--strict");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "advice alone: exit 0");
        let report: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let levels: Vec<(&str, &str)> = report
            .iter()
            .map(|p| (p["level"].as_str().unwrap(), p["code"].as_str().unwrap()))
            .collect();
        assert_eq!(
            levels,
            [
                ("advice", "opening_hours_syntax"),
                ("advice", "telephone_not_french")
            ]
        );
        // The report's keys are the same for every level.
        let keys: std::collections::BTreeSet<&str> = report[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected = [
            "schema",
            "line",
            "field",
            "path",
            "code",
            "level",
            "value",
            "message",
            "suggestion",
        ];
        assert_eq!(keys, expected.into_iter().collect());
    }
    let out = bin()
        .args(["validate"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("Conseils : 2 sur 1 enregistrement (sans effet sur la validité)"),
        "{text}"
    );
    assert!(
        text.contains("conseil telephone : Ce n’est pas un numéro de téléphone français"),
        "{text}"
    );
    let out = bin()
        .args(["validate", "--no-advice", "--format", "json"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap(),
        Vec::<Value>::new()
    );
}
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/xlsx")
        .join(name)
}

#[test]
fn validate_a_workbook_reports_both_sheets_with_the_valideurs_wording() {
    let out = bin()
        .args(["validate", "--valideur"])
        .args(TODAY)
        .arg(fixture("valideur-layout.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("valideur-layout.xlsx (feuille Structures) — Structure"),
        "{text}"
    );
    assert!(
        text.contains("valideur-layout.xlsx (feuille Services) — Service"),
        "{text}"
    );
    // The valideur's counts: 8 structures analysed, 6 to correct, 21 errors.
    assert!(
        text.contains("Enregistrements lus : 8\n  Enregistrements invalides : 6 (21 erreurs"),
        "{text}"
    );
    assert!(
        text.contains("erreur code_insee : Le code commune 59999 n'existe pas (ligne 6)"),
        "{text}"
    );
    assert!(
        text.contains(
            "erreur nom : La valeur doit être une chaîne de caractères valide (lignes 8 à 9)"
        ),
        "{text}"
    );
    assert!(text.contains("colonne lien_source : la colonne « lien_source » apparaît 2 fois (colonnes G, V) ; seule la dernière est lue"), "{text}");
    // The JSON report: both kinds, each problem with its sheet's record type and line; the
    // header's problems at line 1, not errors.
    let out = bin()
        .args(["validate", "--valideur", "--format", "json"])
        .args(TODAY)
        .arg(fixture("valideur-layout.xlsx"))
        .output()
        .unwrap();
    let report: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let errors = |schema: &str| {
        report
            .iter()
            .filter(|p| p["schema"] == schema && p["level"] == "error")
            .count()
    };
    assert_eq!((errors("Structure"), errors("Service")), (21, 30));
    let column = report
        .iter()
        .find(|p| p["code"] == "column_duplicated")
        .unwrap();
    assert_eq!(
        (column["line"].as_u64(), column["level"].as_str()),
        (Some(1), Some("warning"))
    );
    // Without the profile, the schema's verdicts: `source` is required.
    let out = bin()
        .args(["validate", "--format", "json"])
        .args(TODAY)
        .arg(fixture("template-filled-openpyxl.xlsx"))
        .output()
        .unwrap();
    let report: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    // (The template has a `source` column: left empty, it is null, not a string.)
    assert!(report
        .iter()
        .any(|p| p["field"] == "source" && p["code"] == "string_type"));
}

#[test]
fn postal_code_and_zone_advice_never_fails_a_record() {
    let d = dir("communes-advice");
    let service = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14", "code_insee": "59350", "code_postal": "75001", "zone_eligibilite": ["59350", "59999", "2A"]}"#;
    let file = write(&d, "services.jsonl", format!("{service}\n").as_bytes());
    for profile in [&[][..], &["--valideur"][..]] {
        let out = bin()
            .args(["validate", "--format", "json"])
            .args(profile)
            .args(TODAY)
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "advice is not an error");
        let report: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let advice: Vec<(&str, &str, &str)> = report
            .iter()
            .map(|p| {
                (
                    p["level"].as_str().unwrap(),
                    p["path"].as_str().unwrap(),
                    p["code"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            advice,
            [
                ("advice", "/code_postal", "code_postal_not_of_commune"),
                ("advice", "/zone_eligibilite/1", "zone_unknown"),
            ],
            "{profile:?}"
        );
    }
    let out = bin()
        .args(["validate", "--valideur"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("conseil zone_eligibilite : Le code 59999 n’existe pas dans le découpage administratif 2026"), "{text}");
    assert!(text.contains("conseil code_postal : Le code postal 75001 n’est pas celui de la commune 59350 (ses codes postaux : 59000, 59160, 59260, 59777, 59800)"), "{text}");
    let out = bin()
        .args(["validate", "--lang", "en", "--format", "html"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = stdout(&out);
    assert!(
        html.contains("The code 59999 does not exist in the 2026 découpage administratif"),
        "{html}"
    );
    assert!(
        html.contains("zone_unknown") && html.contains("code_postal_not_of_commune"),
        "{html}"
    );
    // Without advice, nothing.
    let out = bin()
        .args(["validate", "--no-advice", "--format", "json"])
        .args(TODAY)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "[\n\n]");
}

#[test]
fn convert_to_and_from_a_workbook() {
    let d = dir("convert-xlsx");
    let jsonl = format!("{GOOD}\n");
    let input = write(&d, "services.jsonl", jsonl.as_bytes());
    let workbook = d.join("services.xlsx");
    let out = bin()
        .args(["convert"])
        .args(TODAY)
        .arg(&input)
        .arg(&workbook)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = d.join("back.jsonl");
    let out = bin()
        .args(["convert"])
        .args(TODAY)
        .arg(&workbook)
        .arg(&back)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_str(GOOD).unwrap();
    let mut b: Value =
        serde_json::from_str(std::fs::read_to_string(&back).unwrap().trim()).unwrap();
    b.as_object_mut().unwrap().retain(|_, v| !v.is_null());
    assert_eq!(a, b);
    // A workbook holding both kinds into a format of one kind: choose with --kind.
    let both = fixture("template-filled-openpyxl.xlsx");
    let out = bin()
        .args(["convert"])
        .args(TODAY)
        .arg(&both)
        .arg(d.join("x.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("choisissez avec --kind"));
    let out = bin()
        .args(["convert", "--kind", "services"])
        .args(TODAY)
        .arg(&both)
        .arg(d.join("x.jsonl"))
        .output()
        .unwrap();
    // Without `source` (the template's producers leave it out), no service is valid for the
    // schema.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn template_writes_the_producers_workbook_and_version_names_the_communes() {
    let d = dir("template");
    let file = d.join("modele.xlsx");
    let out = bin().arg("template").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("validate --valideur"));
    let out = bin()
        .args(["validate", "--valideur"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "an empty template has nothing to report"
    );
    let text = stdout(&out);
    assert!(text.contains("Enregistrements lus : 0"), "{text}");
    let out = bin().arg("--version").output().unwrap();
    assert_eq!(
        stdout(&out).trim(),
        format!(
            "data-inclusion {} (schéma data·inclusion 1.0.10 ; découpage administratif 2026, @etalab/decoupage-administratif 6.0.0)",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn convert_between_a_workbook_parquet_and_geojson() {
    // The data.gouv.fr CSV (score_qualite a column of the publication) through every
    // format the tool writes, XLSX among them, back to JSON Lines: the same records,
    // score_qualite the number it is.
    let d = dir("convert-xlsx-parquet");
    let csv = "id,structure_id,source,nom,description,date_maj,thematiques,longitude,latitude,score_qualite\n\
               dora--1,dora--s1,dora,Atelier CV,Un atelier pour écrire son CV.,2025-02-14,\"['numerique--acquerir-un-equipement', 'sante--acces-aux-soins']\",3.06,50.63,0.5\n";
    let mut from = write(&d, "services.csv", csv.as_bytes());
    for name in [
        "services.xlsx",
        "services.parquet",
        "services.geojson",
        "again.xlsx",
        "services.jsonl",
    ] {
        let to = d.join(name);
        let out = bin()
            .args(["convert"])
            .args(TODAY)
            .arg(&from)
            .arg(&to)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{} → {name}: {}",
            from.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        from = to;
    }
    let back: Value = serde_json::from_str(std::fs::read_to_string(&from).unwrap().trim()).unwrap();
    assert_eq!(back["score_qualite"], serde_json::json!(0.5));
    assert_eq!(back["latitude"], serde_json::json!(50.63));
    assert_eq!(
        back["thematiques"],
        serde_json::json!([
            "numerique--acquerir-un-equipement",
            "sante--acces-aux-soins"
        ])
    );
    assert_eq!(back["date_maj"], "2025-02-14");
    // `score` reads the workbook's services too.
    let out = bin()
        .args(["score"])
        .args(TODAY)
        .arg(d.join("again.xlsx"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (line["line"].as_u64(), line["id"].as_str()),
        (Some(2), Some("dora--1"))
    );
}
