//! The XLSX target's input and checks: a workbook (any bytes, or a workbook built from
//! its XML parts) read as the tool reads it.

use std::io::{Cursor, Write};

use data_inclusion_schema::io::xlsx::{Layout, Workbook, XlsxOptions};
use data_inclusion_schema::io::{Item, Kind};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Validator};
use data_inclusion_schema::Record;

use crate::{check_invariant, hash, out, validator, verdicts, Numbering, Out};

/// The items read of a sheet at most: a sheet of a few bytes may announce its last row
/// at 1 048 576 (the blank rows before it are records, as pandas reads them), which is
/// read (lazily, one row at a time) as such a sheet of a million rows would be; the
/// checks look at the first rows.
pub const MAX_ITEMS: usize = 2000;

/// The first bytes of a zip archive, and of a compound file (XLS, an encrypted workbook).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";

/// The separator of the parts of a workbook in an input that is not a file.
pub const PART_SEPARATOR: u8 = 0;

/// The workbook an input stands for: a file as it is when it starts as a zip archive or
/// a compound file does; otherwise the XML parts of a workbook, separated by a NUL byte:
/// the first sheet, the second sheet, the shared strings, the styles, the workbook
/// (`xl/workbook.xml`, its sheets' names and states), each optional (a missing workbook
/// part names the sheets `Structures` and `Services`), zipped as they are (stored).
pub fn workbook_of(data: &[u8]) -> Vec<u8> {
    if data.starts_with(ZIP_MAGIC) || data.starts_with(CFB_MAGIC) {
        return data.to_vec();
    }
    let mut parts = data.split(|&b| b == PART_SEPARATOR);
    let sheets: Vec<&[u8]> = parts.by_ref().take(2).collect();
    let shared_strings = parts.next().filter(|p| !p.is_empty());
    let styles = parts.next().filter(|p| !p.is_empty());
    let workbook = parts.next().filter(|p| !p.is_empty());
    zip_parts(&sheets, shared_strings, styles, workbook)
}

/// A workbook of these parts (see [`workbook_of`]), zipped.
pub fn zip_parts(
    sheets: &[&[u8]],
    shared_strings: Option<&[u8]>,
    styles: Option<&[u8]>,
    workbook: Option<&[u8]>,
) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let ns = "http://schemas.openxmlformats.org";
    let mut part = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).expect("a part");
        zip.write_all(bytes).expect("a part written");
    };
    part(
        "[Content_Types].xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#
        )
        .as_bytes(),
    );
    part(
        "_rels/.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        .as_bytes(),
    );
    let mut rels = String::new();
    let mut listed = String::new();
    for (i, name) in ["Structures", "Services"]
        .iter()
        .enumerate()
        .take(sheets.len())
    {
        let n = i + 1;
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        listed.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
    }
    rels.push_str(&format!(
        r#"<Relationship Id="rId8" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
    ));
    let default_workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>{listed}</sheets></workbook>"#
    );
    part(
        "xl/workbook.xml",
        workbook.unwrap_or(default_workbook.as_bytes()),
    );
    part(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">{rels}</Relationships>"#
        )
        .as_bytes(),
    );
    for (i, sheet) in sheets.iter().enumerate() {
        part(&format!("xl/worksheets/sheet{}.xml", i + 1), sheet);
    }
    if let Some(strings) = shared_strings {
        part("xl/sharedStrings.xml", strings);
    }
    if let Some(styles) = styles {
        part("xl/styles.xml", styles);
    }
    zip.finish().expect("a zip archive").into_inner()
}

fn open(bytes: &[u8]) -> Result<Workbook<Cursor<&[u8]>>, String> {
    // A small limit of the shared strings (the default, 64 MiB, is reached by no input
    // of the fuzzer): the check is on the way.
    let options = XlsxOptions::default().with_max_shared_strings_bytes(1 << 20);
    Workbook::from_reader_with(Cursor::new(bytes), options).map_err(|e| e.to_string())
}

/// Reads the workbook of `data` ([`workbook_of`]) as the tool reads it, then checks: no
/// panic, a clear error or the workbook's sheets of records (structures first, distinct
/// kinds; the kind of a one-sheet workbook its header's); each sheet's rows records with
/// increasing lines from 2 (row 1 the header), a read error last; the invariant of the
/// reader targets on the first [`MAX_ITEMS`] items; each record validated as the tool
/// validates it (`Sheet::checked`, with the valideur's profile for one input in two)
/// exactly as its fields are by `Input::check`, and the single pass as the full check.
pub fn check_workbook(data: &[u8]) {
    crate::tolerate_panics_in(&["/calamine-"]);
    let bytes = workbook_of(data);
    let mut workbook = match open(&bytes) {
        Ok(workbook) => workbook,
        Err(message) => {
            assert!(!message.is_empty(), "an error without a message");
            return;
        }
    };
    let sheets = workbook.sheets().to_vec();
    assert!(!sheets.is_empty(), "a workbook without a sheet of records");
    let kinds = workbook.kinds();
    assert!(
        kinds == [Kind::Structures]
            || kinds == [Kind::Services]
            || kinds == [Kind::Structures, Kind::Services],
        "kinds {kinds:?}"
    );
    let layout = workbook.layout();
    if layout == Layout::OneSheet {
        assert_eq!(sheets.len(), 1);
    }
    let validator = if hash(data).is_multiple_of(2) {
        validator()
    } else {
        Validator::valideur().with_reference_date(crate::TODAY)
    };
    for info in &sheets {
        let items: Vec<Out> = match workbook.sheet(info.kind) {
            Err(e) => {
                assert!(!e.to_string().is_empty(), "an error without a message");
                continue;
            }
            Ok(None) => panic!("the sheet {info:?} listed is not found"),
            Ok(Some(sheet)) => {
                assert_eq!(
                    (sheet.kind(), sheet.name()),
                    (info.kind, info.name.as_str())
                );
                if layout == Layout::OneSheet {
                    assert_eq!(
                        info.kind,
                        Kind::of_columns(sheet.columns()),
                        "a one-sheet workbook's kind is its header's"
                    );
                }
                for problem in sheet.column_problems(&validator) {
                    assert_eq!(problem.line, 1, "{problem:?}");
                }
                sheet.take(MAX_ITEMS).map(out).collect()
            }
        };
        for item in &items {
            match item {
                Out::Entry(line, input) => {
                    assert!(*line >= 2, "a record on the header's line: {line}");
                    // The `__ignore__` column and unnamed columns are never read.
                    if let data_inclusion_schema::io::Input::Fields(fields) = input {
                        assert!(
                            !fields.contains_key("__ignore__") && !fields.contains_key(""),
                            "{fields:?}"
                        );
                    }
                }
                Out::Bad { .. } => panic!("an unreadable row in a workbook: {item:?}"),
                Out::Fatal(_) => {}
            }
        }
        let v = verdicts(&items, info.kind);
        check_invariant(&items, Numbering::Lines, &v);
        match info.kind {
            Kind::Services => same_checked::<Service>(&bytes, info.kind, &validator, &items),
            Kind::Structures => same_checked::<Structure>(&bytes, info.kind, &validator, &items),
        }
    }
}

/// `Sheet::checked` against the entries read, each checked by `Input::check`.
fn same_checked<R: Record>(bytes: &[u8], kind: Kind, validator: &Validator, items: &[Out]) {
    let mut workbook = open(bytes).expect("read once, read again");
    let sheet = workbook
        .sheet(kind)
        .expect("read once, read again")
        .expect("the sheet");
    let checked: Vec<String> = sheet
        .checked::<R>(validator)
        .take(items.len())
        .map(|item| match item {
            Item::Record(entry) => format!(
                "{} {:?}",
                entry.line,
                (&entry.checked.record, &entry.checked.problems)
            ),
            Item::Unreadable(e) => format!("{e:?}"),
            Item::Stopped(e) => e.to_string(),
        })
        .collect();
    let entries: Vec<String> = items
        .iter()
        .map(|item| match item {
            Out::Entry(line, input) => {
                let c: Checked<R> = input.check(validator);
                format!("{line} {:?}", (&c.record, &c.problems))
            }
            Out::Bad { .. } => String::new(),
            Out::Fatal(e) => e.clone(),
        })
        .collect();
    assert_eq!(
        checked, entries,
        "checked reading and entries checked disagree"
    );
}
