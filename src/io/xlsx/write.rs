//! Records written into a workbook laid out as the valideur reads it: [`XlsxWriter`].

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as XlsxBook, Worksheet};
use serde_json::Value;

use super::error::XlsxError;
use super::IGNORE_COLUMN;
use crate::io::format::Kind;
use crate::spec::TypeSpec;
use crate::Record;

/// The separator of a list's items in a cell.
pub(super) const LIST_SEPARATOR: &str = ", ";

/// Writes records into an XLSX workbook laid out as the official valideur reads it: a
/// sheet `Structures` and a sheet `Services` (both, even when one stays empty), row 1 the
/// header (an `__ignore__` column, then the schema's fields in the schema's order, then
/// the fields of the records' `extra` as they come), one record per row; lists joined with
/// `, `, dates as dates (`yyyy-mm-dd`), numbers as numbers.
///
/// The workbook is built in memory (a few hundred bytes per record) and written by
/// [`XlsxWriter::save`] or [`XlsxWriter::into_bytes`]. A sheet holds at most 1 048 575
/// records (Excel's limit): one more is an error.
///
/// ```
/// use data_inclusion_schema::io::xlsx::XlsxWriter;
/// use data_inclusion_schema::v1::Service;
///
/// let service: Service = serde_json::from_str(r#"{"source": "dora", "structure_id": "dora--s1",
///     "id": "dora--1", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14",
///     "thematiques": ["famille--garde-denfants", "famille--soutien-a-la-parentalite-et-a-leducation"]}"#)?;
/// let mut writer = XlsxWriter::new();
/// writer.write(&service)?;
/// let bytes = writer.into_bytes()?;
/// assert_eq!(&bytes[..2], b"PK");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct XlsxWriter {
    sheets: [SheetWriter; 2],
}

impl std::fmt::Debug for XlsxWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxWriter")
            .field("structures", &self.sheets[0].next_row)
            .field("services", &self.sheets[1].next_row)
            .finish_non_exhaustive()
    }
}

struct SheetWriter {
    kind: Kind,
    sheet: Worksheet,
    columns: Vec<String>,
    next_row: u32,
    date: Format,
    header: Format,
}

impl SheetWriter {
    fn new(kind: Kind) -> Result<Self, XlsxError> {
        let mut sheet = Worksheet::new();
        sheet.set_name(sheet_name(kind))?;
        let header = Format::new().set_bold();
        let mut columns = vec![IGNORE_COLUMN.to_string()];
        columns.extend(kind.fields().iter().map(|f| f.name.to_string()));
        for (i, name) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col(i)?, name, &header)?;
            sheet.set_column_width(col(i)?, 18)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(SheetWriter {
            kind,
            sheet,
            columns,
            next_row: 1,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            header,
        })
    }

    fn write(&mut self, record: &Value) -> Result<(), XlsxError> {
        let row = self.next_row;
        let Value::Object(map) = record else {
            return Ok(());
        };
        let fields = self.kind.fields();
        for (name, value) in map {
            if value.is_null() {
                continue;
            }
            let index = match self.columns.iter().position(|c| c == name) {
                Some(i) => i,
                None => {
                    self.columns.push(name.clone());
                    let i = self.columns.len() - 1;
                    self.sheet
                        .write_string_with_format(0, col(i)?, name, &self.header)?;
                    i
                }
            };
            let c = col(index)?;
            let spec = fields.iter().find(|f| f.name == name);
            match (value, spec.map(|s| &s.ty)) {
                (Value::String(s), Some(TypeSpec::Date)) => match date(s) {
                    Some(d) => {
                        self.sheet
                            .write_datetime_with_format(row, c, &d, &self.date)?;
                    }
                    None => {
                        self.sheet.write_string(row, c, s)?;
                    }
                },
                (Value::String(s), _) => {
                    self.sheet.write_string(row, c, s)?;
                }
                (Value::Number(n), _) => match n.as_f64() {
                    Some(f) => {
                        self.sheet.write_number(row, c, f)?;
                    }
                    None => {
                        self.sheet.write_string(row, c, n.to_string())?;
                    }
                },
                (Value::Bool(b), _) => {
                    self.sheet.write_boolean(row, c, *b)?;
                }
                (Value::Array(items), _) => {
                    let texts: Vec<String> = items
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    self.sheet
                        .write_string(row, c, texts.join(LIST_SEPARATOR))?;
                }
                (other, _) => {
                    self.sheet.write_string(row, c, other.to_string())?;
                }
            }
        }
        self.next_row += 1;
        Ok(())
    }
}

/// The sheet of a kind in the valideur's layout.
pub(super) fn sheet_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Structures => "Structures",
        Kind::Services => "Services",
    }
}

/// A column index as rust_xlsxwriter takes it.
pub(super) fn col(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::Write(rust_xlsxwriter::XlsxError::RowColumnLimitError))
}

/// A `YYYY-MM-DD` date as an Excel date.
fn date(s: &str) -> Option<ExcelDateTime> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

impl Default for XlsxWriter {
    fn default() -> Self {
        XlsxWriter::new()
    }
}

impl XlsxWriter {
    /// A workbook with its two sheets and their headers, no record yet.
    pub fn new() -> Self {
        // Setting the names and headers of new sheets cannot fail (valid names, columns
        // within Excel's limits).
        let sheet = |kind| SheetWriter::new(kind).unwrap_or_else(|_| unreachable!());
        XlsxWriter {
            sheets: [sheet(Kind::Structures), sheet(Kind::Services)],
        }
    }

    /// Writes a record into the sheet of its kind ([`Record::NAME`]).
    pub fn write<R: Record>(&mut self, record: &R) -> Result<(), XlsxError> {
        let value =
            serde_json::to_value(record).map_err(|e| XlsxError::Io(std::io::Error::other(e)))?;
        let index = usize::from(R::NAME == Kind::Services.record_name());
        self.sheets[index].write(&value)
    }

    /// How many records the sheet of `kind` holds.
    pub fn records(&self, kind: Kind) -> u32 {
        self.sheets[usize::from(kind == Kind::Services)].next_row - 1
    }

    fn into_book(self) -> XlsxBook {
        let mut book = XlsxBook::new();
        for sheet in self.sheets {
            book.push_worksheet(sheet.sheet);
        }
        book
    }

    /// Writes the workbook to `path`.
    pub fn save(self, path: impl AsRef<Path>) -> Result<(), XlsxError> {
        self.into_book().save(path)?;
        Ok(())
    }

    /// The workbook's bytes.
    pub fn into_bytes(self) -> Result<Vec<u8>, XlsxError> {
        Ok(self.into_book().save_to_buffer()?)
    }
}
