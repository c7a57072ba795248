//! XLSX workbooks (feature `xlsx`): the official valideur's verdicts on the fixtures of
//! `scripts/xlsx/` (lines, fields, values and French messages), the header cases, every
//! cell type, the open-data export as pandas writes it, the template filled in by openpyxl
//! and by rust_xlsxwriter, the writer's round trip, and the hostile set.

mod support;

use std::io::Cursor;

use data_inclusion_schema::io::xlsx::{template, Workbook, XlsxError, XlsxOptions, XlsxWriter};
use data_inclusion_schema::io::{ColumnProblemKind, Input, Item, Kind};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::{json, Value};

fn valideur() -> Validator {
    Validator::valideur().with_reference_date(support::TODAY)
}

/// Every problem of a sheet as the valideur lists its errors: (line, field, value,
/// message), sorted; and the count of records.
fn errors_of<R: Record, RS: std::io::Read + std::io::Seek>(
    workbook: &mut Workbook<RS>,
    kind: Kind,
    validator: &Validator,
) -> (usize, Vec<(u64, String, Value, String)>) {
    let Some(sheet) = workbook.sheet(kind).unwrap() else {
        return (0, Vec::new());
    };
    let mut total = 0;
    let mut errors = Vec::new();
    for item in sheet.checked::<R>(validator) {
        let Item::Record(entry) = item else {
            panic!("{item:?}")
        };
        total += 1;
        for p in entry.checked.problems {
            errors.push((
                entry.line,
                p.field.clone(),
                p.value.clone(),
                p.to_string_fr(),
            ));
        }
    }
    errors.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    (total, errors)
}

trait Fr {
    fn to_string_fr(&self) -> String;
}

impl Fr for data_inclusion_schema::validate::Problem {
    fn to_string_fr(&self) -> String {
        self.message(data_inclusion_schema::Lang::Fr)
    }
}

fn expected(verdict: &Value) -> (usize, Vec<(u64, String, Value, String)>) {
    let mut errors: Vec<(u64, String, Value, String)> = verdict["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["field"].as_str().unwrap().to_string(),
                e["value"].clone(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    errors.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    (verdict["total"].as_u64().unwrap() as usize, errors)
}

#[test]
fn the_valideurs_verdicts_lines_fields_values_and_wording() {
    let verdicts: Value = serde_json::from_str(&support::read_to_string(
        "tests/fixtures/xlsx/verdicts.json",
    ))
    .unwrap();
    assert_eq!(verdicts["today"], support::TODAY.to_string());
    let validator = valideur();
    for (name, verdict) in verdicts["workbooks"].as_object().unwrap() {
        let mut workbook = Workbook::open(support::path(&format!("tests/fixtures/xlsx/{name}")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let structures = errors_of::<Structure, _>(&mut workbook, Kind::Structures, &validator);
        assert_eq!(
            structures,
            expected(&verdict["structures"]),
            "{name}: structures"
        );
        let services = errors_of::<Service, _>(&mut workbook, Kind::Services, &validator);
        assert_eq!(services, expected(&verdict["services"]), "{name}: services");
    }
}

#[test]
fn each_record_is_read_as_the_valideur_reads_it() {
    let verdicts: Value = serde_json::from_str(&support::read_to_string(
        "tests/fixtures/xlsx/verdicts.json",
    ))
    .unwrap();
    for (name, verdict) in verdicts["workbooks"].as_object().unwrap() {
        let mut workbook =
            Workbook::open(support::path(&format!("tests/fixtures/xlsx/{name}"))).unwrap();
        for kind in [Kind::Structures, Kind::Services] {
            let expected: Vec<Value> = verdict[kind.as_str()]["records"]
                .as_array()
                .unwrap()
                .clone();
            let found: Vec<Value> = match workbook.sheet(kind).unwrap() {
                None => Vec::new(),
                Some(sheet) => sheet
                    .map(|item| {
                        let entry = item.record().unwrap();
                        let Input::Fields(mut map) = entry.input else {
                            unreachable!()
                        };
                        map.insert("line".into(), json!(entry.line));
                        Value::Object(map)
                    })
                    .collect(),
            };
            assert_eq!(found, expected, "{name}: {kind}");
        }
    }
}

#[test]
fn header_cases_are_reported_once_and_never_refuse_the_workbook() {
    let mut workbook =
        Workbook::open(support::path("tests/fixtures/xlsx/header-cases.xlsx")).unwrap();
    // Sheet names matched whatever their case.
    assert_eq!(workbook.kinds(), [Kind::Structures, Kind::Services]);
    let sheet = workbook.sheet(Kind::Structures).unwrap().unwrap();
    assert_eq!(sheet.name(), "structures");
    let found = |validator: &Validator| -> Vec<(ColumnProblemKind, String, Vec<usize>, Option<&'static str>)> {
        sheet
            .column_problems(validator)
            .into_iter()
            .map(|p| (p.kind, p.column, p.positions, p.suggestion))
            .collect()
    };
    let problems = sheet.column_problems(&valideur());
    use ColumnProblemKind::*;
    assert_eq!(
        found(&valideur()),
        [
            (Duplicated, "id".to_string(), vec![2, 3], None),
            (
                Unknown,
                "code_potsal".to_string(),
                vec![4],
                Some("code_postal")
            ),
            (Unknown, "Nom ".to_string(), vec![6], Some("nom")),
            (Missing, "date_maj".to_string(), vec![], None),
            (Missing, "nom".to_string(), vec![], None),
        ]
    );
    // Without the valideur's profile, `source` is required.
    assert!(found(&Validator::new()).contains(&(Missing, "source".to_string(), vec![], None)));
    drop(sheet);
    assert_eq!(
        problems[0].to_string(),
        "ligne 1 : la colonne « id » apparaît 2 fois (colonnes B, C) ; seule la dernière est lue, comme le fait le valideur"
    );
    assert_eq!(
        problems[1].to_string(),
        "ligne 1 : la colonne « code_potsal » (colonne D) n’est pas un champ du schéma ; ses valeurs sont gardées telles quelles. Vouliez-vous dire « code_postal » ?"
    );
    // The services sheet: its header alone, nothing to report.
    let services = workbook.sheet(Kind::Services).unwrap().unwrap();
    assert!(services.column_problems(&valideur()).is_empty());
    assert_eq!(services.count(), 0);
}

#[test]
fn a_csv_header_is_never_refused_either() {
    use data_inclusion_schema::io::{Format, Reader};
    let csv = "id,nom,id,source,date_maj,nom\nd--1,CCAS,d--2,dora,2025-02-14,Bis\n";
    let mut reader = Reader::new(csv.as_bytes(), Format::Csv);
    let problems = reader.column_problems(&Validator::new());
    assert_eq!(problems.len(), 2);
    assert_eq!(
        problems[0].to_string(),
        "ligne 1 : la colonne « id » apparaît 2 fois (colonnes 1, 3) ; la colonne 3 est lue sous le nom « id.1 »"
    );
    let Some(Item::Record(entry)) = reader.next() else {
        panic!()
    };
    let Input::Fields(map) = entry.input else {
        unreachable!()
    };
    // As pandas' read_csv names them.
    assert_eq!(
        (map["id"].as_str(), map["id.1"].as_str()),
        (Some("d--1"), Some("d--2"))
    );
    assert_eq!(
        (map["nom"].as_str(), map["nom.1"].as_str()),
        (Some("CCAS"), Some("Bis"))
    );
}

#[test]
fn the_open_data_export_as_pandas_writes_it() {
    for (file, jsonl, kind) in [
        (
            "opendata-services-index.xlsx",
            "services-sample.jsonl",
            Kind::Services,
        ),
        (
            "opendata-structures.xlsx",
            "structures-sample.jsonl",
            Kind::Structures,
        ),
    ] {
        let mut workbook =
            Workbook::open(support::path(&format!("tests/fixtures/xlsx/{file}"))).unwrap();
        assert_eq!(workbook.kinds(), [kind], "{file}");
        let validator = support::validator();
        let expected: Vec<Value> =
            support::read_to_string(&format!("tests/fixtures/datagouv/{jsonl}"))
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| typed(kind, &validator.check_json_value(l)))
                .collect();
        let sheet = workbook.sheet(kind).unwrap().unwrap();
        let found: Vec<Value> = sheet
            .map(|item| {
                let Input::Fields(map) = item.record().unwrap().input else {
                    unreachable!()
                };
                typed(kind, &Value::Object(map))
            })
            .collect();
        assert_eq!(found, expected, "{file}");
    }
}

/// The record typed (validated as its kind), without the fields the schema does not
/// know, as JSON.
fn typed(kind: Kind, value: &Value) -> Value {
    let validator = support::validator();
    let mut value = match kind {
        Kind::Structures => {
            serde_json::to_value(validator.validate_value::<Structure>(value).unwrap())
        }
        Kind::Services => serde_json::to_value(validator.validate_value::<Service>(value).unwrap()),
    }
    .unwrap();
    let fields: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
    value
        .as_object_mut()
        .unwrap()
        .retain(|k, _| fields.contains(&k.as_str()));
    value
}

trait JsonValue {
    fn check_json_value(&self, text: &str) -> Value;
}

impl JsonValue for Validator {
    fn check_json_value(&self, text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }
}

#[test]
fn the_template_filled_in_with_openpyxl_reads_back_into_its_records() {
    let typed_in: Value = serde_json::from_str(&support::read_to_string(
        "tests/fixtures/xlsx/template-filled-openpyxl.json",
    ))
    .unwrap();
    let mut workbook = Workbook::open(support::path(
        "tests/fixtures/xlsx/template-filled-openpyxl.xlsx",
    ))
    .unwrap();
    let validator = valideur();
    for kind in [Kind::Structures, Kind::Services] {
        let sheet = workbook.sheet(kind).unwrap().unwrap();
        assert!(sheet.column_problems(&validator).is_empty());
        let lines: Vec<u64> = sheet.map(|i| i.record().unwrap().line).collect();
        assert_eq!(
            lines,
            [4, 5],
            "{kind}: rows 2 and 3 are the template's, skipped"
        );
    }
    // The first record of each kind is valid, and is the record typed in.
    let mut sheet = workbook.sheet(Kind::Structures).unwrap().unwrap();
    let Some(Item::Record(entry)) = sheet.next_checked::<Structure>(&validator) else {
        panic!()
    };
    drop(sheet);
    let mut expected = typed_in["structures"][0].clone();
    expected["source"] = json!("");
    assert_eq!(
        serde_json::to_value(entry.checked.record.unwrap()).unwrap(),
        serde_json::to_value(serde_json::from_value::<Structure>(expected).unwrap()).unwrap()
    );
    let mut sheet = workbook.sheet(Kind::Services).unwrap().unwrap();
    let Some(Item::Record(entry)) = sheet.next_checked::<Service>(&validator) else {
        panic!()
    };
    let mut expected = typed_in["services"][0].clone();
    expected["source"] = json!("");
    assert_eq!(
        entry.checked.record.unwrap(),
        serde_json::from_value::<Service>(expected).unwrap()
    );
}

#[test]
fn the_template_filled_in_with_rust_xlsxwriter_reads_back_into_its_records() {
    // The template's columns, as its header gives them…
    let mut workbook = Workbook::from_reader(Cursor::new(template().unwrap())).unwrap();
    let header: Vec<String> = workbook
        .sheet(Kind::Services)
        .unwrap()
        .unwrap()
        .columns()
        .to_vec();
    assert_eq!(&header[..4], ["__ignore__", "structure_id", "id", "nom"]);
    // … filled in by another program, numbers and dates typed as such.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Structures").unwrap();
    let sheet = book.add_worksheet().set_name("Services").unwrap();
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    sheet.write_boolean(1, 0, true).unwrap();
    sheet.write_boolean(2, 0, true).unwrap();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap() as u16;
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(3, col("structure_id"), "cs-1").unwrap();
    sheet.write_string(3, col("id"), "atelier").unwrap();
    sheet
        .write_string(3, col("nom"), "Atelier numérique")
        .unwrap();
    sheet
        .write_string(
            3,
            col("description"),
            "Un atelier pour apprendre à se servir d’un ordinateur.",
        )
        .unwrap();
    sheet
        .write_datetime_with_format(
            3,
            col("date_maj"),
            rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 2).unwrap(),
            &date,
        )
        .unwrap();
    sheet
        .write_string(
            3,
            col("thematiques"),
            "numerique--acceder-a-des-services-en-ligne, famille--garde-denfants",
        )
        .unwrap();
    sheet.write_string(3, col("frais"), "gratuit").unwrap();
    sheet.write_number(3, col("nombre_semaines"), 4.0).unwrap();
    sheet
        .write_number(3, col("volume_horaire_hebdomadaire"), 1.5)
        .unwrap();
    sheet.write_number(3, col("code_postal"), 59000.0).unwrap();
    sheet.write_string(3, col("code_insee"), "59350").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let mut workbook = Workbook::from_reader(Cursor::new(bytes)).unwrap();
    let mut sheet = workbook.sheet(Kind::Services).unwrap().unwrap();
    let Some(Item::Record(entry)) = sheet.next_checked::<Service>(&valideur()) else {
        panic!()
    };
    assert_eq!(entry.line, 4);
    let expected: Service = serde_json::from_value(json!({
        "source": "", "structure_id": "cs-1", "id": "atelier", "nom": "Atelier numérique",
        "description": "Un atelier pour apprendre à se servir d’un ordinateur.", "date_maj": "2026-03-02",
        "thematiques": ["numerique--acceder-a-des-services-en-ligne", "famille--garde-denfants"],
        "frais": "gratuit", "nombre_semaines": 4, "volume_horaire_hebdomadaire": 1.5,
        "code_postal": "59000", "code_insee": "59350"
    }))
    .unwrap();
    assert_eq!(entry.checked.record, Some(expected));
    assert!(sheet.next().is_none());
}

#[test]
fn records_written_to_a_workbook_read_back_the_same() {
    let validator = support::validator();
    let mut writer = XlsxWriter::new();
    let mut expected = (Vec::new(), Vec::new());
    for line in support::read_to_string("tests/fixtures/datagouv/structures-sample.jsonl").lines() {
        let s: Structure = validator.validate_json(line).unwrap();
        writer.write(&s).unwrap();
        expected
            .0
            .push(typed(Kind::Structures, &serde_json::to_value(&s).unwrap()));
    }
    for line in support::read_to_string("tests/fixtures/datagouv/services-sample.jsonl").lines() {
        let s: Service = validator.validate_json(line).unwrap();
        writer.write(&s).unwrap();
        expected
            .1
            .push(typed(Kind::Services, &serde_json::to_value(&s).unwrap()));
    }
    assert_eq!(writer.records(Kind::Services), 5);
    let mut workbook = Workbook::from_reader(Cursor::new(writer.into_bytes().unwrap())).unwrap();
    for (kind, expected) in [(Kind::Structures, expected.0), (Kind::Services, expected.1)] {
        let found: Vec<Value> = workbook
            .sheet(kind)
            .unwrap()
            .unwrap()
            .map(|item| {
                let Input::Fields(map) = item.record().unwrap().input else {
                    unreachable!()
                };
                typed(kind, &Value::Object(map))
            })
            .collect();
        assert_eq!(found, expected, "{kind}");
    }
}

/// Writes a part of a workbook.
type WritePart = dyn Fn(&mut dyn std::io::Write);

/// A workbook written by hand: one sheet `Structures` whose `<sheetData>` content
/// `rows` writes, and a shared-strings table if given.
fn workbook_by_hand(
    rows: impl FnOnce(&mut dyn std::io::Write),
    shared_strings: Option<&WritePart>,
) -> Vec<u8> {
    workbook_by_hand_with(zip::CompressionMethod::Deflated, rows, shared_strings)
}

fn workbook_by_hand_with(
    method: zip::CompressionMethod,
    rows: impl FnOnce(&mut dyn std::io::Write),
    shared_strings: Option<&WritePart>,
) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let ns = "http://schemas.openxmlformats.org";
    let part = |zip: &mut zip::ZipWriter<Cursor<Vec<u8>>>, name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    part(
        &mut zip,
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
        ),
    );
    part(
        &mut zip,
        "_rels/.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        ),
    );
    part(
        &mut zip,
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Structures" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
    );
    part(
        &mut zip,
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
        ),
    );
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    rows(&mut zip);
    write!(zip, "</sheetData></worksheet>").unwrap();
    if let Some(strings) = shared_strings {
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        strings(&mut zip);
    }
    zip.finish().unwrap().into_inner()
}

fn header(out: &mut dyn std::io::Write) {
    write!(out, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>nom</t></is></c></row>"#).unwrap();
}

#[test]
fn hostile_1_048_576_rows_are_read_in_bounded_memory() {
    // Stored, not deflated: the test's own compression would cost more than the reading.
    let bytes = workbook_by_hand_with(
        zip::CompressionMethod::Stored,
        |out| {
            header(out);
            for r in 2..=1_048_576u32 {
                write!(out, r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#).unwrap();
            }
        },
        None,
    );
    let mut workbook = Workbook::from_reader(Cursor::new(bytes)).unwrap();
    let mut sheet = workbook.sheet(Kind::Structures).unwrap().unwrap();
    let mut count = 0u64;
    let mut last = 0;
    for item in &mut sheet {
        last = item.record().unwrap().line;
        count += 1;
    }
    assert_eq!((count, last), (1_048_575, 1_048_576));
}

#[test]
fn hostile_a_row_beyond_excels_last_is_a_clear_error() {
    let bytes = workbook_by_hand(
        |out| {
            header(out);
            write!(out, r#"<row r="2"><c r="A2"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>"#).unwrap();
        },
        None,
    );
    let mut workbook = Workbook::from_reader(Cursor::new(bytes)).unwrap();
    let items: Vec<Item<_>> = workbook.sheet(Kind::Structures).unwrap().unwrap().collect();
    assert_eq!(items.len(), 2);
    assert!(
        matches!(items[0], Item::Record(_)),
        "the row before is read"
    );
    let Item::Stopped(e) = &items[1] else {
        panic!("not stopped")
    };
    assert!(
        e.to_string()
            .starts_with("feuille « Structures », ligne 3 : le classeur est corrompu"),
        "{e}"
    );
}

#[test]
fn hostile_16_384_columns() {
    let bytes = workbook_by_hand(
        |out| {
            write!(out, r#"<row r="1">"#).unwrap();
            for c in 1..=16_384usize {
                let name = column_name(c);
                write!(
                    out,
                    r#"<c r="{name}1" t="inlineStr"><is><t>c{c}</t></is></c>"#
                )
                .unwrap();
            }
            write!(out, r#"</row><row r="2"><c r="XFD2"><v>7</v></c></row>"#).unwrap();
        },
        None,
    );
    let mut workbook = Workbook::from_reader(Cursor::new(bytes)).unwrap();
    let sheet = workbook.sheet(Kind::Structures).unwrap().unwrap();
    assert_eq!(sheet.columns().len(), 16_384);
    let problems = sheet.column_problems(&valideur());
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.kind == ColumnProblemKind::Unknown)
            .count(),
        16_384
    );
    let Some(Item::Record(entry)) = sheet.into_iter().next() else {
        panic!()
    };
    let Input::Fields(map) = entry.input else {
        unreachable!()
    };
    assert_eq!(map["c16384"], "7");
    // One more column is beyond Excel's limits: a clear error.
    let bytes = workbook_by_hand(
        |out| write!(out, r#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#).unwrap(),
        None,
    );
    let error = Workbook::from_reader(Cursor::new(bytes))
        .unwrap()
        .sheet(Kind::Structures)
        .map(|_| ())
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("la feuille « Structures » est illisible"),
        "{error}"
    );
}

fn column_name(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

#[test]
fn hostile_a_huge_shared_strings_table_is_refused_before_it_is_read() {
    let strings = |out: &mut dyn std::io::Write| {
        write!(out, r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="200000">"#).unwrap();
        for i in 0..200_000 {
            write!(out, "<si><t>texte {i}</t></si>").unwrap();
        }
        write!(out, "</sst>").unwrap();
    };
    let bytes = workbook_by_hand(header, Some(&strings));
    let options = XlsxOptions::default().with_max_shared_strings_bytes(1 << 20);
    let error = Workbook::from_reader_with(Cursor::new(bytes.clone()), options)
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(error, XlsxError::TooLarge { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("classeur trop grand : xl/sharedStrings.xml fait"),
        "{error}"
    );
    // Within the default limit, it is read.
    assert!(Workbook::from_reader(Cursor::new(bytes)).is_ok());
    // A table announcing more strings than it can hold (calamine would reserve room for them
    // all at once).
    let lying = |out: &mut dyn std::io::Write| {
        write!(out, r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4000000000000"><si><t>a</t></si></sst>"#).unwrap();
    };
    let error = Workbook::from_reader(Cursor::new(workbook_by_hand(header, Some(&lying))))
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(error, XlsxError::TooLarge { .. }), "{error}");
}

#[test]
fn hostile_a_zip_bomb_is_refused_before_it_is_read() {
    let bytes = workbook_by_hand(
        |out| {
            header(out);
            let spaces = vec![b' '; 1 << 20];
            for _ in 0..48 {
                out.write_all(&spaces).unwrap();
            }
        },
        None,
    );
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let error = Workbook::from_reader(Cursor::new(bytes))
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(error, XlsxError::Bomb { .. }), "{error}");
    assert!(error.to_string().contains("bombe zip"), "{error}");
}

#[test]
fn hostile_files_a_producer_may_upload() {
    let open = |name: &str| {
        Workbook::open(support::path(&format!("tests/fixtures/xlsx/{name}")))
            .map(|_| ())
            .unwrap_err()
    };
    let e = open("hostile-encrypted.xlsx");
    assert!(matches!(e, XlsxError::Encrypted), "{e}");
    assert_eq!(e.to_string(), "le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe pour la valider");
    let e = open("hostile-xls-renamed.xlsx");
    assert!(matches!(e, XlsxError::Xls), "{e}");
    assert!(e.to_string().contains("Excel 97-2003 (.xls)"), "{e}");
    let e = open("hostile-truncated.xlsx");
    assert!(matches!(e, XlsxError::Archive { .. }), "{e}");
    assert!(
        e.to_string()
            .starts_with("l’archive du classeur est corrompue"),
        "{e}"
    );
    let e = Workbook::from_reader(Cursor::new(b"id,nom\n1,CCAS\n".to_vec()))
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(e, XlsxError::NotXlsx), "{e}");
    let e = Workbook::from_reader(Cursor::new(Vec::new()))
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(e, XlsxError::NotXlsx), "{e}");
}

#[test]
fn score_qualite_is_read_as_the_number_it_is() {
    // A column of the publication is read by its type, as from the export's CSV, JSON and
    // Parquet: a workbook's cells are read as text otherwise.
    let service: Service = serde_json::from_value(json!({
        "id": "dora--1", "structure_id": "dora--s1", "source": "dora", "nom": "Atelier CV",
        "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14",
        "score_qualite": 0.5
    }))
    .unwrap();
    let mut writer = XlsxWriter::new();
    writer.write(&service).unwrap();
    let mut workbook = Workbook::from_reader(Cursor::new(writer.into_bytes().unwrap())).unwrap();
    let validator = support::validator();
    let mut sheet = workbook.sheet(Kind::Services).unwrap().unwrap();
    let read = sheet
        .next_checked::<Service>(&validator)
        .unwrap()
        .record()
        .unwrap();
    let read = read.checked.record.unwrap();
    assert_eq!(read.extra["score_qualite"], json!(0.5));
    assert_eq!(read, service);

    // The export as pandas writes it.
    let mut workbook = Workbook::open(support::path(
        "tests/fixtures/xlsx/opendata-services-index.xlsx",
    ))
    .unwrap();
    let sheet = workbook.sheet(Kind::Services).unwrap().unwrap();
    let scores: Vec<Value> = sheet
        .map(|item| {
            let Input::Fields(map) = item.record().unwrap().input else {
                unreachable!()
            };
            map.get("score_qualite").cloned().unwrap_or(Value::Null)
        })
        .collect();
    assert!(!scores.is_empty());
    assert!(
        scores.iter().all(|s| s.is_null() || s.is_number()),
        "{scores:?}"
    );
}
