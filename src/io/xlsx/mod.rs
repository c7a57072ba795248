//! XLSX workbooks (feature `xlsx`): the producers' spreadsheets read as the official
//! valideur reads them ([`Workbook`]), records written into a workbook
//! ([`XlsxWriter`]), and the producer's template generated from the schema
//! ([`template`]).
//!
//! # The producer's path
//!
//! A producer fills in the template (sheets `Structures` and `Services`, one record per
//! row) and checks it with the valideur's verdicts and wording:
//!
//! ```
//! use data_inclusion_schema::io::xlsx::{template, Workbook};
//! use data_inclusion_schema::io::{Item, Kind};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! // The template as `data-inclusion template modele.xlsx` writes it: no record yet
//! // (its description and example rows are marked `__ignore__`).
//! let bytes = template()?;
//! let mut workbook = Workbook::from_reader(std::io::Cursor::new(bytes))?;
//! assert_eq!(workbook.kinds(), [Kind::Structures, Kind::Services]);
//! let validator = Validator::valideur();
//! let mut sheet = workbook.sheet(Kind::Services)?.expect("a sheet Services");
//! assert!(sheet.column_problems(&validator).is_empty());
//! assert!(sheet.next_checked::<Service>(&validator).is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Reading
//!
//! [`Workbook::open`] reads a workbook laid out as the valideur expects it (a sheet
//! `Structures` and a sheet `Services`, their names matched whatever their case and
//! accents), or a workbook of one sheet holding one kind of record, as pandas' `to_excel`
//! writes the open-data export (the kind told by the header: a `structure_id` column
//! means services; pandas' index column, without a name, is ignored). Each of its sheets
//! ([`Workbook::sheet`]) is read row by row, as the valideur reads it:
//!
//! - row 1 is the header; each row after it is a record, its line Excel's row number;
//!   a row whose `__ignore__` cell holds anything (the template's description and
//!   example rows) is skipped; a blank row before the last row with data is a record
//!   (empty), as pandas reads it; hidden rows and hidden sheets are read;
//! - cells as pandas' `read_excel(dtype=str)` gives them (see the rules below); an empty
//!   cell is `null` (a required field's empty cell is reported as the valideur reports
//!   it: "La valeur doit être une chaîne de caractères valide"), a missing column is
//!   missing ("Champ requis");
//! - list fields are split on `,` and each item trimmed (`a, ,b` is `["a", "", "b"]`, as
//!   the valideur splits them); in a one-sheet workbook, a list cell is also read as
//!   pandas writes a list (its Python literal, `['a', 'b']`), as CSV cells are;
//! - a header cell that is not a field name (a typo, a date) is an unknown column, kept
//!   in the record's `extra`; of several columns of one name, the last is read (the
//!   valideur's pandas `to_dict` does so); [`Sheet::column_problems`] reports them once.
//!
//! Cells, as pandas gives them with `dtype=str` ([`Cell rules`](self#cells)):
//!
//! ## Cells
//!
//! | cell | read as |
//! |---|---|
//! | text | as typed, spaces kept; `NA`, `N/A`, `null`, `None`, `nan`, `#N/A`… are empty (pandas' missing values) |
//! | number | its integer when integral (`59350` typed, or stored as `59350.0`: `"59350"`), else Python's `repr` (`10.5`, `1.5e-07`) |
//! | date, date-time | `2025-02-14 00:00:00` (a date at midnight is a valid `date_maj`), `.ffffff` for fractions of a second; a time alone `14:00:00` |
//! | boolean | `True`, `False` |
//! | formula | its cached value, as above; none without one (a file never opened in a spreadsheet program) |
//! | error (`#DIV/0!`) | empty |
//! | merged cells | the value in the first cell, the others empty |
//!
//! # Where this differs from the valideur, and why
//!
//! On workbooks laid out as the official template, the records, lines, fields, values and
//! French messages are the valideur's (the fixtures of `scripts/xlsx/` hold them to it).
//! Beyond that layout this crate is more lenient, never stricter:
//!
//! - sheet names are matched whatever their case and accents, and a workbook with only
//!   one of the two sheets, or one sheet of one kind, is read; the valideur finds its
//!   sheets by their exact names and fails (an error page) without both;
//! - a sheet without an `__ignore__` column has all its rows read; the valideur fails;
//! - the valideur's web page refuses files over 5 MB; here memory is what limits (see
//!   below), with a clear error;
//! - `code_insee` is checked against the découpage administratif of the millésime
//!   embedded ([`crate::communes::MILLESIME`]); the valideur's database is refreshed from
//!   geo.api.gouv.fr, so a commune created or merged after it may be judged differently;
//! - a record without `source` gets an empty one (the typed record needs a string); the
//!   valideur's record has none;
//! - an integer written in the XML with more than 15 digits (Excel never writes one, other
//!   programs may) is read as a float, rounded past 2^53; openpyxl reads it exactly;
//! - whether a number is a date is told by its cell's number format, by calamine here and
//!   by openpyxl there: the built-in and usual custom formats agree, an exotic custom
//!   format may not; a date typed as ISO text in a cell of type `d` (rare: not Excel's)
//!   is read as written, `T` made a space;
//! - the reports list each record's problems in the schema's field order; the valideur's
//!   table sorts its rows by kind, lines and field (the counts and the groups are the same).
//!
//! # Limits
//!
//! A sheet is read as a stream of cells: memory holds one row at a time, the workbook's
//! shared strings (at most [`XlsxOptions::max_shared_strings_bytes`] uncompressed, 64 MiB
//! by default) and its styles, whatever the number of rows. A workbook that is not one is
//! a clear [`XlsxError`]: an XLS file renamed `.xlsx`, a password-protected workbook, a
//! corrupt archive, a zip bomb (a part over 32 MiB compressed more than 100 times, where a
//! workbook's XML compresses some 10 to 50 times), a sheet whose XML is broken, a row or a
//! column beyond Excel's limits (1 048 576 rows, 16 384 columns). A single cell is held
//! in memory whole (Excel's cells hold at most 32 767 characters).

mod cell;
mod error;
mod template;
mod write;

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{DataRef, Reader as _, SheetType, SheetVisible, Xlsx, XlsxCellReader};
use serde_json::{Map, Value};

pub use error::XlsxError;
pub use template::{template, write_template};
pub use write::XlsxWriter;

use super::columns::{column_problems, ColumnProblem, Duplicates};
use super::entry::{CheckedEntry, Entry, Input};
use super::error::ReadError;
use super::format::Kind;
use super::item::Item;
use crate::spec::{FieldSpec, TypeSpec};
use crate::validate::Validator;
use crate::Record;

/// The column of the valideur's layout whose cells mark the rows to skip.
pub const IGNORE_COLUMN: &str = "__ignore__";

/// Options of a [`Workbook`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct XlsxOptions {
    /// The largest shared-strings table read (the workbook's distinct texts, held in
    /// memory), uncompressed, in bytes: 64 MiB by default. A larger one is
    /// [`XlsxError::TooLarge`].
    pub max_shared_strings_bytes: u64,
}

impl Default for XlsxOptions {
    fn default() -> Self {
        XlsxOptions {
            max_shared_strings_bytes: 64 << 20,
        }
    }
}

impl XlsxOptions {
    /// Sets [`XlsxOptions::max_shared_strings_bytes`].
    pub fn with_max_shared_strings_bytes(mut self, bytes: u64) -> Self {
        self.max_shared_strings_bytes = bytes;
        self
    }
}

/// How a workbook holds its records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// The valideur's: a sheet `Structures` and a sheet `Services` (or one of them).
    Valideur,
    /// One sheet of one kind (pandas' `to_excel`): the workbook's first sheet.
    OneSheet,
}

/// A sheet of a workbook that holds records.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SheetInfo {
    /// Its name in the workbook.
    pub name: String,
    /// The kind of its records.
    pub kind: Kind,
    /// Whether it is hidden (it is read all the same, as pandas does).
    pub hidden: bool,
}

/// An XLSX workbook of structures and services: see the [module docs](self).
///
/// ```
/// use data_inclusion_schema::io::xlsx::{Workbook, XlsxWriter};
/// use data_inclusion_schema::io::{Item, Kind};
/// use data_inclusion_schema::v1::Structure;
/// use data_inclusion_schema::validate::Validator;
///
/// let structure: Structure = serde_json::from_str(r#"{"source": "dora", "id": "dora--1",
///     "nom": "CCAS", "date_maj": "2025-02-14", "code_postal": "59000"}"#)?;
/// let mut writer = XlsxWriter::new();
/// writer.write(&structure)?;
/// let bytes = writer.into_bytes()?;
///
/// let mut workbook = Workbook::from_reader(std::io::Cursor::new(bytes))?;
/// let validator = Validator::valideur();
/// let mut sheet = workbook.sheet(Kind::Structures)?.unwrap();
/// let Some(Item::Record(entry)) = sheet.next_checked::<Structure>(&validator) else { panic!() };
/// assert_eq!(entry.line, 2);
/// assert_eq!(entry.checked.record, Some(structure));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Workbook<RS: Read + Seek = BufReader<File>> {
    xlsx: Xlsx<RS>,
    layout: Layout,
    sheets: Vec<SheetInfo>,
}

impl<RS: Read + Seek> std::fmt::Debug for Workbook<RS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("layout", &self.layout)
            .field("sheets", &self.sheets)
            .finish_non_exhaustive()
    }
}

impl Workbook<BufReader<File>> {
    /// Opens the workbook at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, XlsxError> {
        Workbook::open_with(path, XlsxOptions::default())
    }

    /// Opens the workbook at `path` with these options.
    pub fn open_with(path: impl AsRef<Path>, options: XlsxOptions) -> Result<Self, XlsxError> {
        let file = File::open(path)?;
        Workbook::from_reader_with(BufReader::with_capacity(1 << 16, file), options)
    }
}

/// The first bytes of a zip archive, and of a compound file (an XLS workbook, or an
/// encrypted XLSX one).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl<RS: Read + Seek> Workbook<RS> {
    /// Reads a workbook from any seekable reader (a file, a `Cursor` of bytes).
    pub fn from_reader(reader: RS) -> Result<Self, XlsxError> {
        Workbook::from_reader_with(reader, XlsxOptions::default())
    }

    /// [`Workbook::from_reader`] with options.
    pub fn from_reader_with(mut reader: RS, options: XlsxOptions) -> Result<Self, XlsxError> {
        let mut magic = [0u8; 8];
        let mut read = 0;
        while read < magic.len() {
            match reader.read(&mut magic[read..])? {
                0 => break,
                n => read += n,
            }
        }
        reader.seek(SeekFrom::Start(0))?;
        let magic = &magic[..read];
        if magic.starts_with(CFB_MAGIC) {
            // A compound file: an encrypted workbook (calamine finds its encrypted
            // package) or an XLS workbook.
            return Err(match Xlsx::new(reader) {
                Err(calamine::XlsxError::Password) => XlsxError::Encrypted,
                _ => XlsxError::Xls,
            });
        }
        if !magic.starts_with(ZIP_MAGIC) {
            return Err(XlsxError::NotXlsx);
        }
        check_archive(&mut reader, &options)?;
        reader.seek(SeekFrom::Start(0))?;
        let mut xlsx = Xlsx::new(reader).map_err(|e| match e {
            calamine::XlsxError::Password => XlsxError::Encrypted,
            e => XlsxError::Corrupt { source: e },
        })?;
        let sheets: Vec<(String, bool)> = xlsx
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
            .collect();
        let mut found = Vec::new();
        for kind in [Kind::Structures, Kind::Services] {
            if let Some((name, hidden)) =
                sheets.iter().find(|(name, _)| fold(name) == kind.as_str())
            {
                found.push(SheetInfo {
                    name: name.clone(),
                    kind,
                    hidden: *hidden,
                });
            }
        }
        if !found.is_empty() {
            return Ok(Workbook {
                xlsx,
                layout: Layout::Valideur,
                sheets: found,
            });
        }
        let Some((name, hidden)) = sheets.into_iter().next() else {
            return Err(XlsxError::NoSheet);
        };
        // One sheet: its header tells the kind.
        let kind = {
            let cells = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|source| XlsxError::Sheet {
                    sheet: name.clone(),
                    source,
                })?;
            let (names, _) = read_header(cells).map_err(|source| XlsxError::Sheet {
                sheet: name.clone(),
                source,
            })?;
            Kind::of_columns(names.iter().map(|n| n.as_deref().unwrap_or_default()))
        };
        Ok(Workbook {
            xlsx,
            layout: Layout::OneSheet,
            sheets: vec![SheetInfo { name, kind, hidden }],
        })
    }

    /// The layout.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The sheets that hold records: structures first.
    pub fn sheets(&self) -> &[SheetInfo] {
        &self.sheets
    }

    /// The kinds of records the workbook holds (a sheet each), structures first.
    pub fn kinds(&self) -> Vec<Kind> {
        self.sheets.iter().map(|s| s.kind).collect()
    }

    /// The sheet of `kind`, its header read; `None` when the workbook has none.
    pub fn sheet(&mut self, kind: Kind) -> Result<Option<Sheet<'_, RS>>, XlsxError> {
        let Some(info) = self.sheets.iter().find(|s| s.kind == kind).cloned() else {
            return Ok(None);
        };
        let cells = self
            .xlsx
            .worksheet_cells_reader(&info.name)
            .map_err(|source| XlsxError::Sheet {
                sheet: info.name.clone(),
                source,
            })?;
        Sheet::new(info, self.layout, cells).map(Some)
    }
}

/// A sheet name folded for matching: trimmed, lowercase, without accents.
fn fold(name: &str) -> String {
    name.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'û' | 'ü' | 'ú' | 'ù' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// A part larger than this (32 MiB) compressed more than [`BOMB_RATIO`] times is a zip
/// bomb.
const BOMB_MIN_BYTES: u64 = 32 << 20;
const BOMB_RATIO: u64 = 100;

/// Checks the archive before calamine reads it: its shared-strings table, which calamine
/// holds in memory whole, within the limit, and its announced count of strings within
/// what its size can hold.
fn check_archive<RS: Read + Seek>(reader: &mut RS, options: &XlsxOptions) -> Result<(), XlsxError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|source| XlsxError::Archive { source })?;
    // A part of a workbook is XML, which deflate compresses some 10 to 50 times: a large part
    // compressed far more is a zip bomb (a run of one byte), refused before it is read.
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|source| XlsxError::Archive { source })?;
        let (size, compressed) = (entry.size(), entry.compressed_size().max(1));
        if size > BOMB_MIN_BYTES && size / compressed > BOMB_RATIO {
            return Err(XlsxError::Bomb {
                part: entry.name().map(|n| n.to_string()).unwrap_or_default(),
                size,
                compressed,
            });
        }
    }
    let index = (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .is_some_and(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case("xl/sharedStrings.xml")))
    });
    let Some(index) = index else { return Ok(()) };
    let mut entry = zip
        .by_index(index)
        .map_err(|source| XlsxError::Archive { source })?;
    let size = entry.size();
    if size > options.max_shared_strings_bytes {
        return Err(XlsxError::TooLarge {
            part: "xl/sharedStrings.xml",
            size,
            limit: options.max_shared_strings_bytes,
        });
    }
    // `<sst … uniqueCount="n">`: calamine reserves room for n strings at once; each takes
    // at least `<si/>` (5 bytes).
    let mut head = Vec::with_capacity(1024);
    (&mut entry).take(1024).read_to_end(&mut head)?;
    let head = String::from_utf8_lossy(&head);
    if let Some(at) = head.find("uniqueCount=\"") {
        let digits: String = head[at + 13..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let count: u64 = digits.parse().unwrap_or(u64::MAX);
        if count > size / 5 + 1 {
            return Err(XlsxError::TooLarge {
                part: "xl/sharedStrings.xml (uniqueCount)",
                size: count,
                limit: size / 5 + 1,
            });
        }
    }
    Ok(())
}

/// Reads row 1 (the header): its cells' texts (`None` for a cell without text), and the
/// first cell of a later row, read past it.
#[allow(clippy::type_complexity)]
fn read_header<'a, RS: Read + Seek>(
    mut cells: XlsxCellReader<'a, RS>,
) -> Result<
    (
        Vec<Option<String>>,
        Option<(XlsxCellReader<'a, RS>, calamine::Cell<DataRef<'a>>)>,
    ),
    calamine::XlsxError,
> {
    let mut names: Vec<Option<String>> = Vec::new();
    loop {
        let Some(cell) = cells.next_cell()? else {
            return Ok((names, None));
        };
        let (row, col) = cell.get_position();
        within_limits(row, col)?;
        if row > 0 {
            return Ok((names, Some((cells, cell))));
        }
        let col = col as usize;
        if names.len() <= col {
            names.resize(col + 1, None);
        }
        names[col] = cell::pandas_text(cell.get_value());
    }
}

/// Excel's last row and column (0-based): a cell beyond is an error, as Excel and
/// openpyxl refuse it.
fn within_limits(row: u32, col: u32) -> Result<(), calamine::XlsxError> {
    if row >= 1_048_576 {
        return Err(calamine::XlsxError::RowNumberOverflow);
    }
    if col >= 16_384 {
        return Err(calamine::XlsxError::ColumnNumberOverflow);
    }
    Ok(())
}

/// A row of a sheet: its index (0-based) and its cells' texts.
type Row = (u32, Vec<Option<String>>);

/// A record of a sheet: its line and its fields.
type Fields = (u64, Map<String, Value>);

/// What a column of a sheet holds.
#[derive(Clone, Copy)]
enum Column {
    /// A field of the schema.
    Field(&'static FieldSpec),
    /// A field the schema does not know.
    Extra,
    /// A column of the publication (`score_qualite`, [`publication`](crate::io::publication)):
    /// read by its type, as in every format.
    Published(&'static FieldSpec),
    /// Not read: no name, the `__ignore__` column, or a name repeated further on.
    Skipped,
}

/// A sheet of records, read row by row: an iterator of [`Item`]s of [`Entry`] (each row a
/// record, its line Excel's row number), or of validated records with
/// [`Sheet::next_checked`] / [`Sheet::checked`].
pub struct Sheet<'a, RS: Read + Seek> {
    info: SheetInfo,
    layout: Layout,
    /// The cells after the header (`None` when the header is the last row).
    cells: Option<XlsxCellReader<'a, RS>>,
    /// The header's names (`""` for a cell without text).
    names: Vec<String>,
    columns: Vec<Column>,
    ignore: Option<usize>,
    /// The first cell of the next row, read ahead.
    ahead: Option<calamine::Cell<DataRef<'a>>>,
    /// The row read, waiting behind the blank rows before it.
    row: Option<Row>,
    /// The next row index (0-based) to give.
    next_row: u32,
    done: bool,
}

impl<RS: Read + Seek> std::fmt::Debug for Sheet<'_, RS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sheet")
            .field("info", &self.info)
            .field("names", &self.names)
            .finish_non_exhaustive()
    }
}

impl<'a, RS: Read + Seek> Sheet<'a, RS> {
    fn new(
        info: SheetInfo,
        layout: Layout,
        cells: XlsxCellReader<'a, RS>,
    ) -> Result<Self, XlsxError> {
        let (names, rest) = read_header(cells).map_err(|source| XlsxError::Sheet {
            sheet: info.name.clone(),
            source,
        })?;
        let names: Vec<String> = names.into_iter().map(Option::unwrap_or_default).collect();
        let fields = info.kind.fields();
        let publication = info.kind.publication();
        let mut columns: Vec<Column> = names
            .iter()
            .map(|n| {
                if n.is_empty() || n == IGNORE_COLUMN {
                    Column::Skipped
                } else {
                    match fields.iter().find(|f| f.name == n) {
                        Some(f) => Column::Field(f),
                        None => publication
                            .column(n)
                            .map_or(Column::Extra, Column::Published),
                    }
                }
            })
            .collect();
        // Of several columns of one name, the last is read (the valideur's `to_dict`).
        for i in 0..names.len() {
            if !names[i].is_empty() && names[i + 1..].contains(&names[i]) {
                columns[i] = Column::Skipped;
            }
        }
        let ignore = names.iter().rposition(|n| n == IGNORE_COLUMN);
        let (cells, ahead, done) = match rest {
            Some((cells, cell)) => (Some(cells), Some(cell), false),
            None => (None, None, true),
        };
        Ok(Sheet {
            info,
            layout,
            cells,
            names,
            columns,
            ignore,
            ahead,
            row: None,
            next_row: 1,
            done,
        })
    }

    /// The sheet's name.
    pub fn name(&self) -> &str {
        &self.info.name
    }

    /// The kind of its records.
    pub fn kind(&self) -> Kind {
        self.info.kind
    }

    /// The header's names (empty for a cell without text), as pandas reads them.
    pub fn columns(&self) -> &[String] {
        &self.names
    }

    /// The header's unknown, duplicated and missing columns, at line 1, for the records of
    /// this sheet as `validator` requires them (the valideur profile does not require
    /// `source`). They never stop the reading.
    pub fn column_problems(&self, validator: &Validator) -> Vec<ColumnProblem> {
        column_problems(
            &self.names,
            self.info.kind.fields(),
            1,
            |_, _| Duplicates::LastWins,
            true,
            validator,
        )
    }

    /// The next row of cells: `(row index, texts)`; blank rows before a row with data
    /// come first, one by one.
    fn next_row(&mut self) -> Result<Option<Row>, calamine::XlsxError> {
        loop {
            if let Some((index, _)) = &self.row {
                if self.next_row < *index {
                    let blank = self.next_row;
                    self.next_row += 1;
                    return Ok(Some((blank, vec![None; self.names.len()])));
                }
                let row = self.row.take();
                self.next_row = row.as_ref().map_or(self.next_row, |(i, _)| i + 1);
                return Ok(row);
            }
            if self.done {
                return Ok(None);
            }
            // Read one row: the cell ahead, then the cells of its row.
            let Some(first) = self.ahead.take() else {
                self.done = true;
                return Ok(None);
            };
            let index = first.get_position().0;
            within_limits(index, first.get_position().1)?;
            let mut texts: Vec<Option<String>> = vec![None; self.names.len()];
            let mut blank = true;
            let mut take = |cell: &calamine::Cell<DataRef<'_>>| {
                if !cell::is_blank(cell.get_value()) {
                    blank = false;
                }
                let col = cell.get_position().1 as usize;
                if let Some(slot) = texts.get_mut(col) {
                    *slot = cell::pandas_text(cell.get_value());
                }
            };
            take(&first);
            while let Some(cells) = &mut self.cells {
                match cells.next_cell()? {
                    None => {
                        self.done = true;
                        self.cells = None;
                        break;
                    }
                    Some(cell) if cell.get_position().0 == index => {
                        within_limits(index, cell.get_position().1)?;
                        take(&cell)
                    }
                    Some(cell) => {
                        self.ahead = Some(cell);
                        break;
                    }
                }
            }
            if !blank && index >= self.next_row {
                self.row = Some((index, texts));
            }
        }
    }

    /// The next record (a row not marked `__ignore__`), as its line and its fields.
    fn next_fields(&mut self) -> Option<Result<Fields, ReadError>> {
        loop {
            let (index, texts) = match self.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => return None,
                Err(source) => {
                    self.done = true;
                    self.row = None;
                    return Some(Err(ReadError::Xlsx {
                        line: u64::from(self.next_row) + 1,
                        sheet: self.info.name.clone(),
                        source: Box::new(XlsxError::Corrupt { source }),
                    }));
                }
            };
            if self
                .ignore
                .and_then(|i| texts.get(i))
                .is_some_and(Option::is_some)
            {
                continue;
            }
            let mut map = Map::new();
            for ((name, column), text) in self.names.iter().zip(&self.columns).zip(texts) {
                let value = match (column, text) {
                    (Column::Skipped, _) => continue,
                    (_, None) => Value::Null,
                    (Column::Field(spec), Some(text)) if is_list(spec) => match self.layout {
                        // The valideur splits on commas and strips each item.
                        Layout::Valideur => Value::Array(
                            text.split(',')
                                .map(|item| Value::String(python_strip(item).to_string()))
                                .collect(),
                        ),
                        // pandas' `to_excel` writes a list as its Python literal.
                        _ => match crate::io::csv::cell::parse_list(&text, &[',', '|']) {
                            Some(items) => Value::Array(items),
                            None => Value::String(text),
                        },
                    },
                    // `score_qualite` a number, as the export's other formats give it.
                    (Column::Published(spec), Some(text)) => crate::io::csv::cell::cell_of(
                        &text,
                        &spec.ty,
                        &crate::io::csv::cell::CellSyntax {
                            list_separators: &[','],
                            decimal_comma: false,
                        },
                    )
                    .into_value(),
                    (_, Some(text)) => Value::String(text),
                };
                map.insert(name.clone(), value);
            }
            return Some(Ok((u64::from(index) + 1, map)));
        }
    }

    /// The next record, validated as a `T` (the records of this sheet's kind): its line
    /// and exactly what [`Validator::check_map`] gives for its fields.
    pub fn next_checked<T: Record>(
        &mut self,
        validator: &Validator,
    ) -> Option<Item<CheckedEntry<T>>> {
        Some(match self.next_fields()? {
            Ok((line, map)) => Item::Record(CheckedEntry {
                line,
                checked: validator.check_map::<T>(&map),
            }),
            Err(e) => Item::Stopped(e),
        })
    }

    /// The sheet as an iterator of validated records ([`Sheet::next_checked`]).
    pub fn checked<'v, T: Record>(self, validator: &'v Validator) -> CheckedRows<'a, 'v, RS, T> {
        CheckedRows {
            sheet: self,
            validator,
            record: std::marker::PhantomData,
        }
    }
}

/// A [`Sheet`] as an iterator of validated records: see [`Sheet::checked`].
pub struct CheckedRows<'a, 'v, RS: Read + Seek, T> {
    sheet: Sheet<'a, RS>,
    validator: &'v Validator,
    record: std::marker::PhantomData<fn() -> T>,
}

impl<RS: Read + Seek, T> std::fmt::Debug for CheckedRows<'_, '_, RS, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckedRows")
            .field("sheet", &self.sheet)
            .finish_non_exhaustive()
    }
}

impl<RS: Read + Seek, T: Record> Iterator for CheckedRows<'_, '_, RS, T> {
    type Item = Item<CheckedEntry<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.sheet.next_checked(self.validator)
    }
}

impl<RS: Read + Seek> Iterator for Sheet<'_, RS> {
    type Item = Item<Entry>;

    fn next(&mut self) -> Option<Item<Entry>> {
        Some(match self.next_fields()? {
            Ok((line, map)) => Item::Record(Entry {
                line,
                input: Input::Fields(map),
            }),
            Err(e) => Item::Stopped(e),
        })
    }
}

/// Whether a field is a list (split on `,` by the valideur).
fn is_list(spec: &FieldSpec) -> bool {
    matches!(spec.ty, TypeSpec::List { .. })
}

/// Python's `str.strip()`: Unicode white space and the separators U+001C to U+001F.
fn python_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}
