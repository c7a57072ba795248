//! Reading and writing records: JSON, JSON Lines and CSV, streamed.
//!
//! - [`Reader`] reads a JSON document (an array of records, or one record), JSON Lines or
//!   CSV from any [`std::io::Read`], one record at a time, in constant memory whatever the
//!   size of the input: one buffer per record, reused, and never larger than
//!   [`ReadOptions::max_record_bytes`]. It does not validate: each record comes out as an
//!   [`Entry`], whose [`Input`] the [`Validator`] then checks ([`Input::check`]).
//! - [`Writer`] writes typed records as a JSON array, JSON Lines or CSV, streamed too.
//! - [`read_detected`] opens an input whose kind (structures or services) is not known,
//!   and tells it from the first record or the CSV header.
//!
//! # Reading
//!
//! Every record of the input gives exactly one item: an [`Entry`], or a [`RecordError`]
//! when the record cannot be read (a line that is not JSON, a CSV row with too many
//! cells, a record over the size limit); reading goes on after it. A [`ReadError`] (the
//! input is not UTF-8, a CSV column is duplicated, an array never closes, …) ends the
//! reading: it is the last item.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let jsonl = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"}
//! {"source": "dora", "id": "dora--2",
//!
//! {"source": "dora", "structure_id": "dora--s1", "id": "dora--3", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14"}
//! "#;
//! let validator = Validator::new().with_reference_date(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
//! let mut ids = Vec::new();
//! for item in Reader::new(jsonl.as_bytes(), Format::JsonLines) {
//!     match item? {
//!         Ok(entry) => {
//!             let service: Service = entry.input.check(&validator).record.unwrap();
//!             ids.push((entry.line, service.id));
//!         }
//!         Err(error) => assert_eq!((error.line, &error.message[..14]), (2, "JSON invalide ")),
//!     }
//! }
//! assert_eq!(ids, [(1, "dora--1".to_string()), (4, "dora--3".to_string())]);
//! # Ok::<(), data_inclusion_schema::io::ReadError>(())
//! ```
//!
//! ## Reading and validating at once
//!
//! [`Reader::next_checked`] (or [`Reader::checked`], its iterator) reads the next record
//! and validates it as a `T`: each entry comes out as a [`CheckedEntry`], its line and
//! exactly the [`Checked`] that [`Input::check`] gives. It is faster for CSV: a row is
//! validated straight from its cells (string cells borrowed from the row, no map, no copy
//! of the names), and the row's map is built only when the row has something to report,
//! for the full check. A JSON or JSON Lines record is checked by
//! [`Validator::check_json`], as [`Input::check`] does.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::Structure;
//! use data_inclusion_schema::validate::Validator;
//!
//! let csv = "id,nom,source,date_maj,latitude\n\
//!            dora--1,Mission locale,dora,2025-02-14,45.5\n\
//!            dora--2,CCAS,dora,2025-02-14,quarante\n";
//! let validator = Validator::new().with_reference_date(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
//! let mut report = Vec::new();
//! for item in Reader::for_record::<Structure>(csv.as_bytes(), Format::Csv).checked::<Structure>(&validator) {
//!     let entry = item??;
//!     for problem in &entry.checked.problems {
//!         report.push((entry.line, problem.field.clone(), problem.code().as_str()));
//!     }
//! }
//! assert_eq!(report, [(3, "latitude".to_string(), "float_parsing")]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Limits
//!
//! Hostile input (see FUZZING.md in the repository) ends in an error, never in a panic, a
//! hang or memory beyond the limits:
//! - a record (a JSON Lines line, an element or the whole of a JSON document, a CSV row
//!   with its quoted line breaks) holds at most [`ReadOptions::max_record_bytes`] bytes
//!   (16 MiB by default): a larger one is a [`RecordError`] of kind
//!   [`RecordErrorKind::TooLarge`] at its line, skipped without being held in memory, and
//!   reading goes on; a CSV header larger than that is [`ReadError::HeaderTooLarge`].
//!   There is no other limit on a cell, a line or the number of columns: a cell holds
//!   what its record can hold;
//! - JSON nests at most 200 levels of arrays and objects inside the record's object
//!   (201 with it), and its integers have at most 4300 digits, as in the official
//!   package (jiter, and Python's `int`): deeper or longer is a [`RecordError`] of kind
//!   [`RecordErrorKind::InvalidJson`] whose message says so.
//!
//! Reading takes memory for one record at a time (its bytes, up to the limit, and a
//! 64 KiB buffer); validating a record, a few tens of times its size.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader, RecordErrorKind};
//!
//! let nest = |n| format!("{{\"x\": {}{}}}\n", "[".repeat(n), "]".repeat(n));
//! let deep = format!("{}{}", nest(201), nest(200));
//! let mut items = Reader::new(deep.as_bytes(), Format::JsonLines);
//! let error = items.next().unwrap()?.unwrap_err();
//! assert_eq!((error.line, error.kind), (1, RecordErrorKind::InvalidJson));
//! assert!(error.message.ends_with("recursion limit exceeded (plus de 200 niveaux de tableaux et d’objets imbriqués)"));
//! assert_eq!(items.next().unwrap()?.unwrap().line, 2);
//!
//! let long = format!("{{\"x\": \"{}\"}}\n", "a".repeat(100));
//! let options = data_inclusion_schema::io::ReadOptions::default().with_max_record_bytes(64);
//! let error = Reader::with_options(long.as_bytes(), Format::JsonLines, options).next().unwrap()?.unwrap_err();
//! assert_eq!(error.kind, RecordErrorKind::TooLarge);
//! assert_eq!(error.message, "l’enregistrement dépasse la taille maximale (64 octets) ; il est ignoré");
//! # Ok::<(), data_inclusion_schema::io::ReadError>(())
//! ```
//!
//! ## Line numbers
//!
//! [`Entry::line`] and [`RecordError::line`] are, for JSON Lines and CSV, the physical
//! line (1-based) where the record starts (the CSV header is a line: the first row is line
//! 2, and a row after a quoted cell spanning three lines is three lines further); for a
//! JSON array, the record's position in the array (1-based), a [`RecordError`] giving the
//! physical line too ([`RecordError::physical_line`]); for a document holding one object,
//! 1. A [`ReadError`] gives the physical line where it was found ([`ReadError::line`]).
//!
//! # CSV
//!
//! A CSV row is a flattened record: one column per field of the schema, a list in one
//! cell. The reader needs the fields of the record type ([`ReadOptions::fields`], or
//! [`ReadOptions::for_kind`], [`Reader::for_record`]) to unflatten it: which columns are
//! lists, which are numbers, which are required.
//!
//! Reading accepts:
//! - a comma or a semicolon (or a tab) as delimiter, told from the header line (quotes
//!   respected); a UTF-8 byte-order mark; `\n` or `\r\n` line ends; quoted cells holding
//!   delimiters, quotes (`""`) and line breaks;
//! - the columns in any order, the optional ones missing, columns the schema does not know
//!   (kept as strings, in the record's `extra`: a [`Writer`] writes them back), columns
//!   without a name (pandas' index, a spreadsheet's trailing empty columns: ignored);
//! - an empty cell as null (absent); for a column the schema does not know, an empty cell
//!   is kept as `null`, so that the column survives a round trip;
//! - list cells written `a,b`, `a, b`, `a|b` ([`ReadOptions::csv_list_separators`]), as a
//!   JSON array `["a", "b"]` or as a Python list literal `['a', 'b']` (what data.gouv.fr
//!   publishes; quotes of both kinds and backslash escapes are read as Python reads them);
//! - integers written `4.0` (pandas writes nullable integers so), read as `4`; numbers are
//!   read as JSON numbers where they parse (with a decimal comma, `3,5`, when the delimiter
//!   is a semicolon), and kept as strings otherwise, for validation to report.
//!
//! A duplicated column, a required column missing, a file that is not UTF-8 (the message
//! says when it looks like Windows-1252 or Latin-1) are [`ReadError`]s; a row with more or
//! fewer cells than the header is a [`RecordError`].
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::{Service, Thematique};
//! use data_inclusion_schema::validate::Validator;
//!
//! let csv = "id;structure_id;source;nom;description;date_maj;thematiques;nombre_semaines;score_qualite\n\
//!            dora--1;dora--s1;dora;Garde;Une crèche.;2025-02-14;['famille--garde-denfants'];4.0;0.5\n";
//! let validator = Validator::new().with_reference_date(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
//! let entry = Reader::for_record::<Service>(csv.as_bytes(), Format::Csv).next().unwrap()??;
//! assert_eq!(entry.line, 2);
//! let service: Service = entry.input.check(&validator).record.unwrap();
//! assert_eq!(service.thematiques, Some(vec![Thematique::FamilleGardeDenfants]));
//! assert_eq!(service.nombre_semaines, Some(4));
//! assert_eq!(service.extra["score_qualite"], "0.5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Writing
//!
//! ```
//! use data_inclusion_schema::io::{Format, Writer, WriteOptions};
//! use data_inclusion_schema::v1::Structure;
//!
//! let structure: Structure = serde_json::from_str(r#"{"source": "dora", "id": "dora--1",
//!     "nom": "Mission locale", "date_maj": "2025-02-14", "latitude": 50.0,
//!     "reseaux_porteurs": ["mission-locale", "france-travail"], "score_qualite": 0.5}"#)?;
//! let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
//! writer.write(&structure)?;
//! let csv = String::from_utf8(writer.finish()?)?;
//! assert_eq!(csv.lines().nth(1), Some(
//!     ",,,,,,,2025-02-14,,,dora--1,50,,,Mission locale,\"mission-locale,france-travail\",,,dora,,0.5"
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! CSV columns are the schema's fields in the schema's order ([`Record::FIELDS`]), then
//! the record's `extra` keys; a list is one cell, its items joined by
//! [`WriteOptions::csv_list_separator`] (as a JSON array when an item holds a separator);
//! null is an empty cell, an empty list `[]`; numbers are written as Rust writes them,
//! shortest (`20.0` as `20`); an `extra` value is written as is when it is a string, as
//! its JSON text otherwise.

mod cell;
mod read;
mod row;
mod write;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::spec::FieldSpec;
use crate::v1::{Service, Structure};
use crate::validate::{Checked, Validator};
use crate::Record;

pub use read::{read_detected, read_detected_with, CheckedEntries, Reader};

/// One item of a [`Reader`]: an entry, a record that cannot be read, or the error that
/// ends the reading.
pub type ReadItem = Result<Result<Entry, RecordError>, ReadError>;

/// One item of [`Reader::next_checked`] (and [`Reader::checked`]): a validated entry, a
/// record that cannot be read, or the error that ends the reading.
pub type CheckedItem<R> = Result<Result<CheckedEntry<R>, RecordError>, ReadError>;
pub use write::{WriteError, WriteOptions, Writer};

/// A file format.
///
/// ```
/// use data_inclusion_schema::io::Format;
/// use std::path::Path;
///
/// assert_eq!(Format::from_path(Path::new("export/services.NDJSON")), Some(Format::JsonLines));
/// assert_eq!(Format::from_name("csv"), Some(Format::Csv));
/// assert_eq!(Format::from_path(Path::new("services.xlsx")), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A JSON document: an array of records, or one record (an object).
    Json,
    /// JSON Lines (or NDJSON): one record per line.
    JsonLines,
    /// CSV: a header line, then one record per row.
    Csv,
}

impl Format {
    /// The format of a file from its extension (case-insensitive): `.json`, `.jsonl` or
    /// `.ndjson`, `.csv`.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }

    /// The format from its name (case-insensitive): `json`, `jsonl` (or `ndjson`,
    /// `jsonlines`), `csv`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" | "jsonlines" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The usual name (and file extension): `json`, `jsonl`, `csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a file holds: structures or services.
///
/// ```
/// use data_inclusion_schema::io::Kind;
///
/// let kind: Kind = "services".parse().unwrap();
/// assert_eq!(kind, Kind::Services);
/// assert_eq!(kind.record_name(), "Service");
/// assert_eq!(Kind::of_columns(["id", "structure_id", "nom"]), Kind::Services);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// [`Structure`] records.
    Structures,
    /// [`Service`] records.
    Services,
}

impl Kind {
    /// The fields of the record type ([`Record::FIELDS`]).
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::Structures => Structure::FIELDS,
            Kind::Services => Service::FIELDS,
        }
    }

    /// The name of the record type in the schema: `"Structure"`, `"Service"`.
    pub fn record_name(self) -> &'static str {
        match self {
            Kind::Structures => <Structure as Record>::NAME,
            Kind::Services => <Service as Record>::NAME,
        }
    }

    /// `"structures"` or `"services"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Structures => "structures",
            Kind::Services => "services",
        }
    }

    /// The kind of a record: a service has a `structure_id`, a structure does not.
    pub fn of_input(input: &Input) -> Kind {
        if input.has_key("structure_id") {
            Kind::Services
        } else {
            Kind::Structures
        }
    }

    /// The kind of a CSV file from its header: a `structure_id` column means services.
    pub fn of_columns<S: AsRef<str>>(columns: impl IntoIterator<Item = S>) -> Kind {
        if columns
            .into_iter()
            .any(|c| c.as_ref().trim() == "structure_id")
        {
            Kind::Services
        } else {
            Kind::Structures
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Kind`]'s [`FromStr`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("type d’enregistrement inconnu : {0:?} (attendu : structures ou services)")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    /// `structures`, `services` (or `structure`, `service`), case-insensitive.
    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "structures" | "structure" => Ok(Kind::Structures),
            "services" | "service" => Ok(Kind::Services),
            _ => Err(UnknownKind(s.to_string())),
        }
    }
}

/// One record as read, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where the record is: for JSON Lines and CSV, the 1-based physical line where it
    /// starts (a CSV header is line 1); for a JSON array, the record's 1-based position
    /// in the array; for a document holding one object, 1.
    pub line: u64,
    /// The record.
    pub input: Input,
}

/// One record as read and validated ([`Reader::next_checked`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedEntry<R> {
    /// Where the record is, as [`Entry::line`].
    pub line: u64,
    /// The verdict: what [`Input::check`] gives for the record.
    pub checked: Checked<R>,
}

/// A record as read, not yet validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// The raw JSON text of one record (from JSON or JSON Lines); syntactically valid
    /// JSON, not necessarily an object.
    Json(String),
    /// A CSV row, flattened back: lists as arrays, numbers as numbers where they parse,
    /// the columns the schema does not know as strings; empty cells of the schema's
    /// columns left out.
    Fields(Map<String, Value>),
}

impl Input {
    /// Validates the record ([`Validator::check_json`] for JSON text,
    /// [`Validator::check_value`] for a CSV row).
    ///
    /// ```
    /// use data_inclusion_schema::io::Input;
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let input = Input::Json(r#"{"source": "dora", "id": "dora--1", "nom": "M", "date_maj": "2025-02-14"}"#.into());
    /// let checked = input.check::<Structure>(&Validator::new());
    /// assert_eq!(checked.problems[0].code(), "string_too_short");
    /// ```
    pub fn check<R: Record>(&self, validator: &Validator) -> Checked<R> {
        match self {
            Input::Json(text) => validator.check_json(text),
            Input::Fields(map) => validator.check_map(map),
        }
    }

    /// Whether the record (a JSON object, or a CSV row with a non-empty cell) has this
    /// key, whatever its value; a peek at the keys that parses nothing else.
    ///
    /// ```
    /// use data_inclusion_schema::io::Input;
    ///
    /// let input = Input::Json(r#"{"id": "dora--1", "structure_id": "dora--s1"}"#.into());
    /// assert!(input.has_key("structure_id"));
    /// assert!(!input.has_key("siret"));
    /// ```
    pub fn has_key(&self, key: &str) -> bool {
        match self {
            Input::Json(text) => json_has_key(text, key),
            Input::Fields(map) => map.contains_key(key),
        }
    }
}

/// Whether the top-level object of `text` has `key` (false when it is not an object).
fn json_has_key(text: &str, key: &str) -> bool {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let mut found = match jiter.next_object() {
        Ok(Some(k)) => k == key,
        _ => return false,
    };
    loop {
        if found {
            return true;
        }
        if jiter.next_skip().is_err() {
            return false;
        }
        found = match jiter.next_key() {
            Ok(Some(k)) => k == key,
            _ => return false,
        };
    }
}

/// A record that cannot be read; reading goes on after it.
///
/// ```
/// use data_inclusion_schema::io::{Format, Reader, RecordErrorKind};
///
/// let csv = "id,nom\n1,Mission locale,en trop\n2,CCAS\n";
/// let items: Vec<_> = Reader::new(csv.as_bytes(), Format::Csv).collect::<Result<_, _>>().unwrap();
/// let error = items[0].as_ref().unwrap_err();
/// assert_eq!((error.line, error.kind), (2, RecordErrorKind::CellCount));
/// assert_eq!(error.to_string(), "ligne 2 : la ligne a 3 cellules, l’en-tête en a 2");
/// assert!(items[1].is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.display())]
#[non_exhaustive]
pub struct RecordError {
    /// Where the record is, as [`Entry::line`]: for a JSON document, its position.
    pub line: u64,
    /// The physical line where the record starts (the same as `line` but in a JSON
    /// document).
    pub physical_line: u64,
    /// What is wrong, in French.
    pub message: String,
    /// What is wrong, for programs.
    pub kind: RecordErrorKind,
    /// Whether `line` is a position in a JSON document.
    positional: bool,
}

/// The kind of a [`RecordError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// The record is not JSON (a bad JSON line, a malformed array element).
    InvalidJson,
    /// The record is larger than [`ReadOptions::max_record_bytes`].
    TooLarge,
    /// A CSV row with more or fewer cells than the header.
    CellCount,
    /// An empty element in a JSON array (`[{…},,{…}]`).
    EmptyElement,
}

impl RecordError {
    /// An error at a physical line (JSON Lines, CSV).
    pub(crate) fn new(line: u64, kind: RecordErrorKind, message: String) -> Self {
        RecordError {
            line,
            physical_line: line,
            message,
            kind,
            positional: false,
        }
    }

    /// An error of the element at `position` of a JSON document, starting on
    /// `physical_line`.
    pub(crate) fn in_document(
        position: u64,
        physical_line: u64,
        kind: RecordErrorKind,
        message: String,
    ) -> Self {
        RecordError {
            line: position,
            physical_line,
            message,
            kind,
            positional: true,
        }
    }

    /// `ligne 3 : …`, or `élément 2 (ligne 7) : …` in a JSON document.
    fn display(&self) -> String {
        if self.positional {
            format!(
                "élément {} (ligne {}) : {}",
                self.line, self.physical_line, self.message
            )
        } else {
            format!("ligne {} : {}", self.line, self.message)
        }
    }
}

/// A problem with the whole input: reading stops.
///
/// ```
/// use data_inclusion_schema::io::{Format, ReadError, Reader};
///
/// let csv = b"id,nom\n1,Cr\xe8che municipale\n";
/// let error = Reader::new(&csv[..], Format::Csv).find_map(|item| item.err()).unwrap();
/// assert_eq!(error.line(), Some(2));
/// assert!(matches!(error, ReadError::NotUtf8 { .. }));
/// assert!(error.to_string().contains("Windows-1252"), "{error}");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The input could not be read.
    #[error("lecture impossible (ligne {line}) : {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The error.
        source: std::io::Error,
    },
    /// The input is not UTF-8.
    #[error("{}", not_utf8_message(*line, *byte, *encoding))]
    NotUtf8 {
        /// The line of the first byte that is not UTF-8.
        line: u64,
        /// That byte.
        byte: u8,
        /// The encoding the input seems to be in (`"Windows-1252"`, `"UTF-16"`), if it
        /// looks like one.
        encoding: Option<&'static str>,
    },
    /// A CSV column appears twice in the header.
    #[error("ligne {line} : la colonne « {column} » apparaît deux fois dans l’en-tête CSV")]
    DuplicateColumn {
        /// The header line.
        line: u64,
        /// The column.
        column: String,
    },
    /// Required columns are missing from the CSV header.
    #[error("ligne {line} : {} de l’en-tête CSV : {}", if columns.len() > 1 { "colonnes obligatoires absentes" } else { "colonne obligatoire absente" }, columns.join(", "))]
    MissingColumns {
        /// The header line.
        line: u64,
        /// The required columns that are missing, in the schema's order.
        columns: Vec<String>,
    },
    /// The CSV header is larger than [`ReadOptions::max_record_bytes`].
    #[error("ligne {line} : l’en-tête CSV dépasse la taille maximale ({limit} octets)")]
    HeaderTooLarge {
        /// The header line.
        line: u64,
        /// The limit.
        limit: usize,
    },
    /// A quoted CSV cell is still open at the end of the input.
    #[error("ligne {line} : guillemet non fermé ; la cellule ouverte sur cette ligne court jusqu’à la fin du fichier")]
    UnclosedQuote {
        /// The line of the row whose cell is not closed.
        line: u64,
    },
    /// A JSON document that is neither an array nor an object.
    #[error("ligne {line} : le document JSON doit être un tableau d’enregistrements ou un objet, il commence par « {} »", visible(*found))]
    NotArrayOrObject {
        /// The line of its first character.
        line: u64,
        /// Its first character.
        found: char,
    },
    /// A JSON array that never closes (the input ends inside it).
    #[error("ligne {line} : le tableau JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne {end})")]
    UnclosedArray {
        /// The line of its `[`.
        line: u64,
        /// The last line of the input.
        end: u64,
    },
    /// A JSON object that never closes (the input ends inside it).
    #[error("ligne {line} : l’objet JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne {end})")]
    UnclosedObject {
        /// The line of its `{`.
        line: u64,
        /// The last line of the input.
        end: u64,
    },
    /// Something after the end of the JSON document.
    #[error("ligne {line} : contenu après la fin du document JSON (plusieurs documents ? le format JSON Lines en met un par ligne)")]
    TrailingData {
        /// The line where it starts.
        line: u64,
    },
}

impl ReadError {
    /// The line where the problem was found, when known.
    pub fn line(&self) -> Option<u64> {
        match self {
            ReadError::Io { line, .. }
            | ReadError::NotUtf8 { line, .. }
            | ReadError::DuplicateColumn { line, .. }
            | ReadError::MissingColumns { line, .. }
            | ReadError::HeaderTooLarge { line, .. }
            | ReadError::UnclosedQuote { line }
            | ReadError::NotArrayOrObject { line, .. }
            | ReadError::UnclosedArray { line, .. }
            | ReadError::UnclosedObject { line, .. }
            | ReadError::TrailingData { line } => Some(*line),
        }
    }
}

/// A character as a message shows it: itself when it can be seen, its code point
/// (`U+0000`, `U+FEFF`) when it is a control character, a space or invisible.
fn visible(c: char) -> String {
    let invisible = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}');
    if c.is_control() || c.is_whitespace() || invisible {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

fn not_utf8_message(line: u64, byte: u8, encoding: Option<&'static str>) -> String {
    let mut message = format!("ligne {line} : le fichier n’est pas en UTF-8 (octet 0x{byte:02X})");
    match encoding {
        Some("UTF-16") => message.push_str(" ; il est encodé en UTF-16 : enregistrez-le en UTF-8"),
        Some(encoding) => {
            message.push_str(&format!(
                " ; il semble encodé en {encoding} ou Latin-1 (ISO-8859-1)"
            ));
            if let Some(c) = read::windows_1252(byte) {
                message.push_str(&format!(", où cet octet est « {c} »"));
            }
            message.push_str(
                " : convertissez-le en UTF-8 (par exemple : iconv -f WINDOWS-1252 -t UTF-8)",
            );
        }
        None => {}
    }
    message
}

/// Options of a [`Reader`].
///
/// ```
/// use data_inclusion_schema::io::{Kind, ReadOptions};
///
/// let options = ReadOptions::for_kind(Kind::Services).with_max_record_bytes(1 << 20);
/// assert_eq!(options.max_record_bytes, 1 << 20);
/// assert_eq!(options.csv_list_separators, [',', '|']);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The largest record read, in bytes (default 16 MiB): a larger one is a
    /// [`RecordError`], skipped without being held in memory.
    pub max_record_bytes: usize,
    /// The characters that separate the items of a CSV list cell written plainly
    /// (`a,b`, `a | b`); default `,` and `|`. JSON arrays and Python list literals are
    /// read whatever these are.
    pub csv_list_separators: Vec<char>,
    /// The fields of the record type ([`Record::FIELDS`]), which CSV reading needs to
    /// tell lists, numbers and required columns. Without them (the default), every CSV
    /// cell is read as a string, and no column is required. JSON ignores them.
    pub fields: Option<&'static [FieldSpec]>,
}

/// 16 MiB.
const DEFAULT_MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            csv_list_separators: vec![',', '|'],
            fields: None,
        }
    }
}

impl ReadOptions {
    /// The default options with the fields of the record type `R`.
    pub fn for_record<R: Record>() -> Self {
        ReadOptions::default().with_fields(R::FIELDS)
    }

    /// The default options with the fields of `kind`.
    pub fn for_kind(kind: Kind) -> Self {
        ReadOptions::default().with_fields(kind.fields())
    }

    /// Sets [`ReadOptions::max_record_bytes`].
    pub fn with_max_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes;
        self
    }

    /// Sets [`ReadOptions::csv_list_separators`].
    pub fn with_csv_list_separators(mut self, separators: impl IntoIterator<Item = char>) -> Self {
        self.csv_list_separators = separators.into_iter().collect();
        self
    }

    /// Sets [`ReadOptions::fields`].
    pub fn with_fields(mut self, fields: &'static [FieldSpec]) -> Self {
        self.fields = Some(fields);
        self
    }
}
