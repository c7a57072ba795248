//! Reading and writing records: JSON, JSON Lines, CSV, Parquet and GeoJSON, streamed.
//!
//! - [`Reader`] reads a JSON document (an array of records, or one record), JSON Lines,
//!   CSV, GeoJSON (feature `geojson`) or Parquet (feature `parquet`) from any
//!   [`std::io::Read`], one record at a time, in constant memory whatever the size of the
//!   input: one buffer per record, reused, and never larger than
//!   [`ReadOptions::max_record_bytes`] (Parquet: one batch of rows; see [`parquet`]).
//!   [`Reader::checked`] validates each record as it is read; the plain iterator gives
//!   [`Entry`]s, whose [`Input`] the [`Validator`](crate::validate::Validator) checks later
//!   ([`Input::check`]).
//! - [`open`] opens a file by its path: the format from its extension, the kind
//!   (structures or services) from its content; [`read_detected`] does the same for any
//!   reader. A Parquet file opened by its path is read in place, by row group.
//! - [`Writer`] writes typed records as a JSON array, JSON Lines, CSV, GeoJSON or Parquet,
//!   streamed too.
//! - [`publication`]: the columns the data·inclusion publication adds (`score_qualite`),
//!   read and written with their type, and the data.gouv.fr export's column order.
//! - [`arrow`] (feature `arrow`): records ↔ Arrow `RecordBatch`es; [`parquet`] (feature
//!   `parquet`): Parquet files by row group, partitioned datasets, and how to query them
//!   with DuckDB, Polars, DataFusion or Spark.
//!
//! # Reading
//!
//! Every record of the input gives exactly one [`Item`]: [`Item::Record`], or
//! [`Item::Unreadable`] when the record cannot be read (a line that is not JSON, a CSV row
//! with too many cells, a record over the size limit, a JSON line or a CSV row that is not
//! UTF-8); reading goes on after it. An [`Item::Stopped`] (a JSON document or a CSV header
//! that is not UTF-8, an array that never closes, …) ends the reading: it is the last
//! item.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Item, Reader};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let jsonl = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14"}
//! {"source": "dora", "id": "dora--2",
//!
//! {"source": "dora", "structure_id": "dora--s1", "id": "dora--3", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14"}
//! "#;
//! let validator = Validator::new();
//! let mut ids = Vec::new();
//! for item in Reader::new(jsonl.as_bytes(), Format::JsonLines).checked::<Service>(&validator) {
//!     match item {
//!         Item::Record(entry) => ids.push((entry.line, entry.checked.record.unwrap().id)),
//!         Item::Unreadable(error) => assert_eq!((error.line, &error.message[..14]), (2, "JSON invalide ")),
//!         Item::Stopped(error) => return Err(error),
//!     }
//! }
//! assert_eq!(ids, [(1, "dora--1".to_string()), (4, "dora--3".to_string())]);
//! # Ok::<(), data_inclusion_schema::io::ReadError>(())
//! ```
//!
//! ## Reading and validating at once
//!
//! [`Reader::checked`] (or [`Reader::next_checked`], one item at a time) reads the next
//! record and validates it as a `T`: each record comes out as a [`CheckedEntry`], its
//! line and exactly the [`Checked`](crate::validate::Checked) that [`Input::check`]
//! gives. It is faster for CSV: a row is validated straight from its cells (string cells
//! borrowed from the row, no map, no copy of the names), and the row's map is built only
//! when the row has something to report, for the full check. A JSON or JSON Lines record
//! is validated where it lies in the reader's buffer.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::Structure;
//! use data_inclusion_schema::validate::Validator;
//!
//! let csv = "id,nom,source,date_maj,latitude\n\
//!            dora--1,Mission locale,dora,2025-02-14,45.5\n\
//!            dora--2,CCAS,dora,2025-02-14,quarante\n";
//! let validator = Validator::new();
//! let mut report = Vec::new();
//! for item in Reader::new(csv.as_bytes(), Format::Csv).checked::<Structure>(&validator) {
//!     let Some(entry) = item.record() else { continue };
//!     for problem in &entry.checked.problems {
//!         report.push((entry.line, problem.field.clone(), problem.code().as_str()));
//!     }
//! }
//! assert_eq!(report, [(3, "latitude".to_string(), "float_parsing")]);
//! ```
//!
//! ## On every core
//!
//! [`Reader::parallel`] reads on the calling thread and validates on others, giving the
//! items back in the input's order: the same items as [`Reader::checked`], on `jobs`
//! threads.
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
//! 64 KiB buffer); validating a record, about 3 times its size when its bulk is a field
//! the schema does not know (kept as text, never as a tree of values), up to about 17
//! times for a record of a million members (`scripts/bench/hostile` in the repository
//! measures it). [`Reader::parallel`] holds
//! a few batches of records per thread ([`Parallel`]).
//!
//! ```
//! use data_inclusion_schema::io::{Format, Item, Reader, RecordErrorKind};
//!
//! let nest = |n| format!("{{\"x\": {}{}}}\n", "[".repeat(n), "]".repeat(n));
//! let deep = format!("{}{}", nest(201), nest(200));
//! let mut items = Reader::new(deep.as_bytes(), Format::JsonLines);
//! let Some(Item::Unreadable(error)) = items.next() else { panic!() };
//! assert_eq!((error.line, error.kind), (1, RecordErrorKind::InvalidJson));
//! assert!(error.message.ends_with("recursion limit exceeded (plus de 200 niveaux de tableaux et d’objets imbriqués)"));
//! assert_eq!(items.next().and_then(Item::record).unwrap().line, 2);
//!
//! let long = format!("{{\"x\": \"{}\"}}\n", "a".repeat(100));
//! let options = data_inclusion_schema::io::ReadOptions::default().with_max_record_bytes(64);
//! let Some(Item::Unreadable(error)) = Reader::with_options(long.as_bytes(), Format::JsonLines, options).next() else { panic!() };
//! assert_eq!(error.kind, RecordErrorKind::TooLarge);
//! assert_eq!(error.message, "l’enregistrement dépasse la taille maximale (64 octets) ; il est ignoré");
//! ```
//!
//! ## Line numbers
//!
//! [`Entry::line`] and [`RecordError::line`] are, for JSON Lines and CSV, the physical
//! line (1-based) where the record starts (the CSV header is a line: the first row is line
//! 2, and a row after a quoted cell spanning three lines is three lines further); for a
//! JSON array, the record's position in the array (1-based), a [`RecordError`] giving the
//! physical line too ([`RecordError::physical_line`]); for a document holding one
//! object, line 1. A [`ReadError`] gives the physical line where it was found
//! ([`ReadError::line`]).
//!
//! # CSV
//!
//! A CSV row is a flattened record: one column per field of the schema, a list in one
//! cell. The reader reads the cells by the fields of a record type, to tell which columns
//! are lists and which are numbers: by default the kind the header shows (a
//! `structure_id` column means services); with [`Reader::checked`], its record type's;
//! any with [`ReadOptions::csv_cells`] ([`CsvCells`]). A required column that is missing
//! is not an error of the file: each row reports the field as missing ("Champ requis"),
//! as the official valideur does.
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
//! A readable file is never refused for its header: [`Reader::column_problems`] reports
//! its unknown, duplicated and missing columns ([`ColumnProblem`]) once, at the header's
//! line, and every row is read and validated (a duplicated column under the name pandas'
//! `read_csv` gives it, `x.1`). A header that is not UTF-8 and a file in UTF-16 (its
//! byte-order mark) are [`ReadError`]s; a row with more or fewer cells than the header,
//! and a row that is not UTF-8, are [`RecordError`]s (the first row that is not UTF-8 says
//! what the file seems encoded in: Windows-1252 or Latin-1, UTF-16), and the next rows are
//! read.
//!
//! # XLSX
//!
//! With the `xlsx` feature, [`xlsx`] reads the producers' workbooks as the official
//! valideur reads them (both kinds in one workbook, Excel's row numbers) and writes
//! workbooks and the producer's template.
//!
//! ```
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::{Service, Thematique};
//! use data_inclusion_schema::validate::Validator;
//!
//! let csv = "id;structure_id;source;nom;description;date_maj;thematiques;nombre_semaines;score_qualite\n\
//!            dora--1;dora--s1;dora;Garde;Une crèche.;2025-02-14;['famille--garde-denfants'];4.0;0.5\n";
//! let validator = Validator::new();
//! let mut reader = Reader::new(csv.as_bytes(), Format::Csv).checked::<Service>(&validator);
//! let entry = reader.next().and_then(|item| item.record()).unwrap();
//! assert_eq!(entry.line, 2);
//! let service = entry.checked.record.unwrap();
//! assert_eq!(service.thematiques, Some(vec![Thematique::FamilleGardeDenfants]));
//! assert_eq!(service.nombre_semaines, Some(4));
//! // A column of the publication, read by its type.
//! assert_eq!(service.extra["score_qualite"], 0.5);
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
//! assert_eq!(csv.lines().next(), Some(
//!     "id,siret,nom,commune,code_postal,code_insee,adresse,complement_adresse,longitude,latitude,\
//!      telephone,courriel,site_web,description,source,date_maj,lien_source,horaires_accueil,\
//!      accessibilite_lieu,reseaux_porteurs,score_qualite"
//! ));
//! assert_eq!(csv.lines().nth(1), Some(
//!     "dora--1,,Mission locale,,,,,,,50,,,,,dora,2025-02-14,,,,\"mission-locale,france-travail\",0.5"
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! CSV columns are the schema's fields in the data.gouv.fr export's order (`id`,
//! `structure_id`, `source`, `nom`, …: [`publication`]), or in the order of
//! [`WriteOptions::columns`] (the tool keeps a CSV or Parquet input's order, its unknown
//! columns where they were); then the record's `extra` keys, the publication's first
//! (`score_qualite`, last in the export). A list is one cell, its items joined by
//! [`WriteOptions::csv_list_separator`] (as a JSON array when an item holds a separator),
//! or written as the export writes it, a Python literal `['a', 'b']`
//! ([`WriteOptions::csv_lists`], [`CsvLists`]); null is an empty cell, an empty list `[]`;
//! numbers are written as Rust writes them, shortest (`20.0` as `20`), or as pandas writes
//! floats (`20.0`, [`CsvNumbers`]); an `extra` value is written as is when it is a string,
//! as its JSON text otherwise. [`WriteOptions::datagouv`] writes the export's CSV:
//! pandas reads it as it reads the export (`scripts/interop/` in the repository).
//!
//! # Parquet
//!
//! With the `parquet` feature: see [`parquet`] (reading every layout that pyarrow, Polars,
//! DuckDB or Spark write; writing the export's layout in row groups; partitioned
//! datasets; querying them with DuckDB, Polars and DataFusion).
//!
//! # GeoJSON
//!
//! With the `geojson` feature, [`Format::GeoJson`]: a FeatureCollection, one Feature per
//! record, read feature by feature (a feature's line is its position in the collection),
//! written feature by feature. A feature's `properties` are the record; when they have no
//! `longitude` or `latitude`, its Point `[longitude, latitude]` gives them. A record is
//! written with the Point of its coordinates, or a `null` geometry without them, as the
//! export writes it (geopandas and GDAL), its numbers as floats (`4.0`), as the export.
//!
//! ```
//! # #[cfg(feature = "geojson")] {
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::Structure;
//! use data_inclusion_schema::validate::Validator;
//!
//! let geojson = r#"{"type": "FeatureCollection", "name": "structures", "features": [
//! {"type": "Feature", "properties": {"id": "dora--1", "source": "dora", "nom": "CCAS", "date_maj": "2025-02-14"},
//!  "geometry": {"type": "Point", "coordinates": [3.06, 50.63]}},
//! {"type": "Feature", "properties": {"id": "dora--2", "source": "dora", "nom": "M", "date_maj": "2025-02-14"}, "geometry": null}
//! ]}"#;
//! let validator = Validator::new();
//! let mut features = Reader::new(geojson.as_bytes(), Format::GeoJson).checked::<Structure>(&validator);
//! let first = features.next().unwrap().record().unwrap();
//! assert_eq!(first.checked.record.unwrap().latitude, Some(50.63));
//! let second = features.next().unwrap().record().unwrap();
//! assert_eq!((second.line, second.checked.problems[0].field.as_str()), (2, "nom"));
//! # }
//! ```

#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
pub mod arrow;
mod columns;
mod csv;
mod entry;
mod error;
mod format;
#[cfg(feature = "geojson")]
mod geojson;
mod item;
mod json;
mod jsonl;
mod open;
mod options;
mod parallel;
#[cfg(feature = "parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
pub mod parquet;
pub mod publication;
mod reader;
mod scan;
mod source;
mod write;
#[cfg(feature = "xlsx")]
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub mod xlsx;

pub use columns::{ColumnProblem, ColumnProblemKind, Duplicates};
pub use entry::{CheckedEntry, Entry, Input};
pub use error::{Encoding, ReadError, RecordError, RecordErrorKind};
pub use format::{Format, Kind, UnknownFormat, UnknownKind};
pub use item::Item;
pub use open::{open, open_as, open_as_format, OpenError};
pub use options::{CsvCells, ReadOptions};
pub use parallel::Parallel;
pub use reader::{read_detected, read_detected_with, CheckedEntries, Detected, Reader};
pub use write::{
    CsvLists, CsvNumbers, UnknownCsvLists, UnknownCsvNumbers, WriteError, WriteOptions, Writer,
};
