//! The streaming writer: a JSON array, JSON Lines or CSV, one record at a time.

use std::io::{self, Write};

use serde_json::Value;

use super::csv::cell::{write_cell, write_extra_cell};
use super::format::Format;
use crate::spec::FieldSpec;
use crate::Record;

/// Options of a [`Writer`].
///
/// ```
/// use data_inclusion_schema::io::WriteOptions;
///
/// let options = WriteOptions::default().with_csv_delimiter(b';').with_csv_list_separator(" | ");
/// assert_eq!((options.csv_delimiter, options.csv_list_separator.as_str()), (b';', " | "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// What joins the items of a list in a CSV cell (default `,`). A list whose items
    /// hold `,`, `|`, `;` or this separator is written as a JSON array instead, which
    /// reads back the same.
    pub csv_list_separator: String,
    /// The CSV delimiter (default `,`).
    pub csv_delimiter: u8,
    /// Whether to begin a CSV file with a UTF-8 byte-order mark (default no), which some
    /// spreadsheets need to read UTF-8.
    pub csv_bom: bool,
    /// The CSV columns after the schema's, for the fields the schema does not know.
    /// Default (`None`): the `extra` keys of the first record written.
    pub csv_extra_columns: Option<Vec<String>>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            csv_list_separator: ",".to_string(),
            csv_delimiter: b',',
            csv_bom: false,
            csv_extra_columns: None,
        }
    }
}

impl WriteOptions {
    /// Sets [`WriteOptions::csv_list_separator`].
    pub fn with_csv_list_separator(mut self, separator: &str) -> Self {
        self.csv_list_separator = separator.to_string();
        self
    }

    /// Sets [`WriteOptions::csv_delimiter`].
    pub fn with_csv_delimiter(mut self, delimiter: u8) -> Self {
        self.csv_delimiter = delimiter;
        self
    }

    /// Sets [`WriteOptions::csv_bom`].
    pub fn with_csv_bom(mut self, bom: bool) -> Self {
        self.csv_bom = bom;
        self
    }

    /// Sets [`WriteOptions::csv_extra_columns`].
    pub fn with_csv_extra_columns<S: Into<String>>(
        mut self,
        columns: impl IntoIterator<Item = S>,
    ) -> Self {
        self.csv_extra_columns = Some(columns.into_iter().map(Into::into).collect());
        self
    }
}

/// An error while writing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The output could not be written.
    #[error("écriture impossible : {0}")]
    Io(#[from] io::Error),
    /// A record could not be serialized.
    #[error("enregistrement impossible à écrire en JSON : {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("écriture CSV impossible : {0}")]
    Csv(#[from] csv::Error),
    /// A CSV record has a field that the header, written with the first record, does not
    /// have. The record is not written; the writer can go on.
    #[error("enregistrement {record} : le champ « {column} » n’est pas une colonne de l’en-tête CSV, écrit d’après le premier enregistrement (WriteOptions::csv_extra_columns fixe les colonnes)")]
    UnknownColumn {
        /// The record's position among those written (1-based).
        record: u64,
        /// The field.
        column: String,
    },
    /// Records of two types written to one CSV file. The record is not written.
    #[error("un fichier CSV ne peut mêler deux types d’enregistrements ({first} puis {then})")]
    MixedRecords {
        /// The type of the first record.
        first: &'static str,
        /// The type of this one.
        then: &'static str,
    },
}

/// A streaming writer of records: a JSON array (`[`, one record per line, `]`), JSON
/// Lines, or CSV (a header, then one row per record; see the
/// [module documentation](crate::io#writing)).
///
/// Call [`Writer::finish`] at the end: it closes the JSON array and flushes. The writer
/// writes as it goes, in small pieces: give it a buffered output (`BufWriter`).
///
/// ```
/// use data_inclusion_schema::io::{Format, Writer, WriteOptions};
/// use data_inclusion_schema::v1::Structure;
///
/// let structure: Structure = serde_json::from_str(
///     r#"{"source": "dora", "id": "dora--1", "nom": "CCAS", "date_maj": "2025-02-14"}"#,
/// )?;
/// let mut writer = Writer::new(Vec::new(), Format::Json, WriteOptions::default());
/// writer.write(&structure)?;
/// writer.write(&structure)?;
/// let json = writer.finish()?;
/// let back: Vec<Structure> = serde_json::from_slice(&json)?;
/// assert_eq!(back, [structure.clone(), structure]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Writer<W: Write> {
    format: Format,
    options: WriteOptions,
    written: u64,
    out: Out<W>,
}

enum Out<W: Write> {
    Json(W),
    /// CSV before the first record: the header is not known yet.
    CsvStart(W),
    Csv {
        writer: Box<csv::Writer<W>>,
        header: CsvHeader,
    },
    /// Only while the CSV writer is being set up.
    Gone,
}

struct CsvHeader {
    record: &'static str,
    fields: &'static [FieldSpec],
    extra: Vec<String>,
}

impl<W: Write> std::fmt::Debug for Writer<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("format", &self.format)
            .field("options", &self.options)
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl<W: Write> Writer<W> {
    /// A writer of `format` to `writer`.
    pub fn new(writer: W, format: Format, options: WriteOptions) -> Self {
        let out = match format {
            Format::Json | Format::JsonLines => Out::Json(writer),
            Format::Csv => Out::CsvStart(writer),
        };
        Writer {
            format,
            options,
            written: 0,
            out,
        }
    }

    /// The format written.
    pub fn format(&self) -> Format {
        self.format
    }

    /// How many records were written.
    pub fn records_written(&self) -> u64 {
        self.written
    }

    /// Writes one record.
    ///
    /// For CSV, the first record sets the header: the fields of its type, then its
    /// `extra` keys (or [`WriteOptions::csv_extra_columns`]). A later record with an
    /// `extra` field (not null) that the header does not have is refused
    /// ([`WriteError::UnknownColumn`]) and not written; the writer can go on.
    pub fn write<R: Record>(&mut self, record: &R) -> Result<(), WriteError> {
        match &mut self.out {
            Out::Json(w) => {
                if self.format == Format::Json {
                    w.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                }
                serde_json::to_writer(&mut *w, record)?;
                if self.format == Format::JsonLines {
                    w.write_all(b"\n")?;
                }
            }
            Out::CsvStart(_) => {
                let Out::CsvStart(mut w) = std::mem::replace(&mut self.out, Out::Gone) else {
                    return Err(WriteError::Io(io::Error::other("writer state")));
                };
                if self.options.csv_bom {
                    if let Err(e) = w.write_all("\u{feff}".as_bytes()) {
                        self.out = Out::CsvStart(w);
                        return Err(e.into());
                    }
                }
                let extra: Vec<String> = match &self.options.csv_extra_columns {
                    Some(columns) => columns.clone(),
                    None => record.extra().keys().map(str::to_string).collect(),
                };
                let extra: Vec<String> = extra
                    .into_iter()
                    .filter(|k| !R::FIELDS.iter().any(|f| f.name == k))
                    .collect();
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(self.options.csv_delimiter)
                    .from_writer(w);
                let written = writer.write_record(
                    R::FIELDS
                        .iter()
                        .map(|f| f.name)
                        .chain(extra.iter().map(String::as_str)),
                );
                self.out = Out::Csv {
                    writer: Box::new(writer),
                    header: CsvHeader {
                        record: R::NAME,
                        fields: R::FIELDS,
                        extra,
                    },
                };
                written?;
                return self.write(record);
            }
            Out::Gone => return Err(WriteError::Io(io::Error::other("writer state"))),
            Out::Csv { writer, header } => {
                let options = &self.options;
                if header.record != R::NAME {
                    return Err(WriteError::MixedRecords {
                        first: header.record,
                        then: R::NAME,
                    });
                }
                if let Some((key, _)) = record.extra().iter().find(|(k, v)| {
                    !v.is_null()
                        && !header.extra.iter().any(|e| e == k)
                        && !header.fields.iter().any(|f| f.name == *k)
                }) {
                    return Err(WriteError::UnknownColumn {
                        record: self.written + 1,
                        column: key.to_string(),
                    });
                }
                let Value::Object(map) = serde_json::to_value(record)? else {
                    return Err(WriteError::Json(serde::ser::Error::custom(
                        "un enregistrement doit s’écrire en objet JSON",
                    )));
                };
                let separator = options.csv_list_separator.as_str();
                let cells = header
                    .fields
                    .iter()
                    .map(|f| {
                        map.get(f.name)
                            .map_or_else(String::new, |v| write_cell(v, separator))
                    })
                    .chain(header.extra.iter().map(|k| {
                        record
                            .extra()
                            .get(k)
                            .map_or_else(String::new, write_extra_cell)
                    }));
                writer.write_record(cells)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the output (closes the JSON array: `[]` when no record was written), flushes
    /// it and gives it back. A CSV output with no record is empty.
    pub fn finish(self) -> Result<W, WriteError> {
        match self.out {
            Out::Json(mut w) => {
                if self.format == Format::Json {
                    w.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                w.flush()?;
                Ok(w)
            }
            Out::CsvStart(mut w) => {
                w.flush()?;
                Ok(w)
            }
            Out::Csv { writer, .. } => {
                let mut w = writer
                    .into_inner()
                    .map_err(|e| WriteError::Io(e.into_error()))?;
                w.flush()?;
                Ok(w)
            }
            Out::Gone => Err(WriteError::Io(io::Error::other("writer state"))),
        }
    }
}
