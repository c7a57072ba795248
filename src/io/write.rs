//! The streaming writer: a JSON array, JSON Lines or CSV, one record at a time.

use std::io::{self, Write};

use serde_json::Value;

use super::csv::cell::{python_float, python_list_cell, write_cell, write_extra_cell};
use super::format::Format;
use super::publication::{export_order, Publication};
use crate::spec::FieldSpec;
use crate::Record;

/// How a CSV cell holds a list.
///
/// ```
/// use data_inclusion_schema::io::CsvLists;
///
/// assert_eq!("python".parse::<CsvLists>(), Ok(CsvLists::Python));
/// assert_eq!(CsvLists::default(), CsvLists::Plain);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvLists {
    /// The items joined by [`WriteOptions::csv_list_separator`] (`a,b`), or as a JSON
    /// array when an item holds a separator: the default.
    #[default]
    Plain,
    /// A JSON array: `["a","b"]`.
    Json,
    /// A Python list literal, as the data.gouv.fr export writes them (pandas writes a
    /// list's `repr`): `['a', 'b']`.
    Python,
}

/// How a CSV cell holds a number of the schema's numeric fields (and of the publication's
/// numeric columns).
///
/// ```
/// use data_inclusion_schema::io::CsvNumbers;
///
/// assert_eq!("pandas".parse::<CsvNumbers>(), Ok(CsvNumbers::Pandas));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvNumbers {
    /// As short as it reads back: `20`, `0.5`, `4`: the default.
    #[default]
    Shortest,
    /// As pandas writes a `float64` column (the export reads every numeric column from the
    /// marts so, `nombre_semaines` included, since it has nulls): `20.0`, `0.5`, `4.0`.
    Pandas,
}

/// The error of [`CsvNumbers`]' [`FromStr`](std::str::FromStr).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("style de nombre inconnu : {0} (shortest, pandas)")]
pub struct UnknownCsvNumbers(pub String);

impl std::str::FromStr for CsvNumbers {
    type Err = UnknownCsvNumbers;

    /// `shortest`, `pandas` (case-insensitive).
    fn from_str(s: &str) -> Result<CsvNumbers, UnknownCsvNumbers> {
        match s.trim().to_ascii_lowercase().as_str() {
            "shortest" => Ok(CsvNumbers::Shortest),
            "pandas" => Ok(CsvNumbers::Pandas),
            _ => Err(UnknownCsvNumbers(s.to_string())),
        }
    }
}

/// The error of [`CsvLists`]' [`FromStr`](std::str::FromStr).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("style de liste inconnu : {0} (plain, json, python)")]
pub struct UnknownCsvLists(pub String);

impl std::str::FromStr for CsvLists {
    type Err = UnknownCsvLists;

    /// `plain`, `json`, `python` (case-insensitive).
    fn from_str(s: &str) -> Result<CsvLists, UnknownCsvLists> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plain" => Ok(CsvLists::Plain),
            "json" => Ok(CsvLists::Json),
            "python" => Ok(CsvLists::Python),
            _ => Err(UnknownCsvLists(s.to_string())),
        }
    }
}

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
    /// Default (`None`): the `extra` keys of the first record written. Ignored when
    /// [`WriteOptions::columns`] is given.
    pub csv_extra_columns: Option<Vec<String>>,
    /// How a CSV cell holds a list (default [`CsvLists::Plain`]).
    pub csv_lists: CsvLists,
    /// How a CSV cell holds a number (default [`CsvNumbers::Shortest`]).
    pub csv_numbers: CsvNumbers,
    /// The order of the columns of a CSV or Parquet file, the fields the schema does not
    /// know included (a file's own columns, when converting it): the named columns first,
    /// in this order, then the schema's fields it does not name, in the export's order,
    /// then (Parquet) the other `extra` fields met. Default (`None`): the export's order
    /// ([`publication`](super::publication)), then the `extra` fields, the publication's
    /// first.
    pub columns: Option<Vec<String>>,
    /// The rows of a Parquet row group, at most (default 100 000).
    pub parquet_row_group_size: usize,
    /// The compression of a Parquet file (default snappy, as pyarrow).
    #[cfg(feature = "parquet")]
    #[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
    pub parquet_compression: super::parquet::Compression,
    /// A column left out of a Parquet file (the partition key of a partitioned dataset).
    #[cfg(feature = "parquet")]
    pub(crate) skip_column: Option<String>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            csv_list_separator: ",".to_string(),
            csv_delimiter: b',',
            csv_bom: false,
            csv_extra_columns: None,
            csv_lists: CsvLists::Plain,
            csv_numbers: CsvNumbers::Shortest,
            columns: None,
            parquet_row_group_size: 100_000,
            #[cfg(feature = "parquet")]
            parquet_compression: super::parquet::Compression::default(),
            #[cfg(feature = "parquet")]
            skip_column: None,
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

    /// Sets [`WriteOptions::csv_lists`].
    pub fn with_csv_lists(mut self, lists: CsvLists) -> Self {
        self.csv_lists = lists;
        self
    }

    /// Sets [`WriteOptions::csv_numbers`].
    pub fn with_csv_numbers(mut self, numbers: CsvNumbers) -> Self {
        self.csv_numbers = numbers;
        self
    }

    /// Sets [`WriteOptions::columns`].
    pub fn with_columns<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.columns = Some(columns.into_iter().map(Into::into).collect());
        self
    }

    /// Sets [`WriteOptions::parquet_row_group_size`].
    pub fn with_parquet_row_group_size(mut self, rows: usize) -> Self {
        self.parquet_row_group_size = rows;
        self
    }

    /// Sets [`WriteOptions::parquet_compression`].
    #[cfg(feature = "parquet")]
    #[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
    pub fn with_parquet_compression(mut self, compression: super::parquet::Compression) -> Self {
        self.parquet_compression = compression;
        self
    }

    /// The options of the data.gouv.fr export's CSV: lists as Python literals
    /// ([`CsvLists::Python`]), numbers as pandas writes floats ([`CsvNumbers::Pandas`]);
    /// the export's column order is the default.
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Writer, WriteOptions};
    /// use data_inclusion_schema::v1::Structure;
    ///
    /// let structure: Structure = serde_json::from_str(r#"{"source": "dora", "id": "dora--1",
    ///     "nom": "CCAS", "date_maj": "2025-02-14", "reseaux_porteurs": ["ccas-cias", "communes"]}"#)?;
    /// let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::datagouv());
    /// writer.write(&structure)?;
    /// let csv = String::from_utf8(writer.finish()?)?;
    /// assert!(csv.starts_with("id,siret,nom,commune,"));
    /// assert!(csv.ends_with(",\"['ccas-cias', 'communes']\"\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn datagouv() -> Self {
        WriteOptions::default()
            .with_csv_lists(CsvLists::Python)
            .with_csv_numbers(CsvNumbers::Pandas)
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
    /// Records of two types written to one CSV or Parquet file. The record is not written.
    #[error("un fichier ne peut mêler deux types d’enregistrements ({first} puis {then})")]
    MixedRecords {
        /// The type of the first record.
        first: &'static str,
        /// The type of this one.
        then: &'static str,
    },
    /// A record that cannot go into the Parquet file's columns (a value that the type of
    /// its column, fixed by the first records, cannot hold). The record is not written.
    #[cfg(feature = "arrow")]
    #[error(transparent)]
    Arrow(crate::io::arrow::ArrowWriteError),
    /// The Parquet writer failed.
    #[error("écriture Parquet impossible : {0}")]
    Parquet(Box<dyn std::error::Error + Send + Sync>),
    /// A format that this build does not write (its cargo feature is off).
    #[error(
        "le format {format} n’est pas disponible (fonctionnalité « {feature} » de la bibliothèque)"
    )]
    FormatNotEnabled {
        /// The format.
        format: Format,
        /// The cargo feature that writes it.
        feature: &'static str,
    },
}

impl WriteError {
    /// A failure of the Parquet writer.
    #[cfg(feature = "parquet")]
    pub(crate) fn parquet(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> WriteError {
        WriteError::Parquet(e.into())
    }
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
    #[cfg(feature = "parquet")]
    Parquet(Box<super::parquet::write::ParquetOut<W>>),
    /// GeoJSON: the record type, once the first record is written.
    #[cfg(feature = "geojson")]
    GeoJson {
        out: W,
        record: Option<&'static str>,
    },
    /// A format this build does not write.
    Disabled(W),
    /// Only while the CSV writer is being set up.
    Gone,
}

/// The columns of a CSV file, fixed by its first record.
struct CsvHeader {
    record: &'static str,
    fields: &'static [FieldSpec],
    columns: Vec<CsvColumn>,
}

/// A column of a CSV file.
enum CsvColumn {
    Field(&'static FieldSpec),
    Extra(String),
}

impl CsvColumn {
    fn name(&self) -> &str {
        match self {
            CsvColumn::Field(f) => f.name,
            CsvColumn::Extra(name) => name,
        }
    }
}

impl CsvHeader {
    /// The columns for records of type `R`, the first being `record`: the order asked
    /// for, or the export's then the `extra` fields (the publication's first).
    fn new<R: Record>(record: &R, options: &WriteOptions) -> CsvHeader {
        let fields = R::FIELDS;
        let field = |name: &str| fields.iter().find(|f| f.name == name);
        let mut columns: Vec<CsvColumn> = Vec::new();
        let has = |columns: &[CsvColumn], name: &str| columns.iter().any(|c| c.name() == name);
        if let Some(order) = &options.columns {
            for name in order {
                if name.is_empty() || has(&columns, name) {
                    continue;
                }
                columns.push(match field(name) {
                    Some(f) => CsvColumn::Field(f),
                    None => CsvColumn::Extra(name.clone()),
                });
            }
        }
        for name in export_order(fields) {
            if let (Some(f), false) = (field(name), has(&columns, name)) {
                columns.push(CsvColumn::Field(f));
            }
        }
        if options.columns.is_none() {
            let extra: Vec<String> = match &options.csv_extra_columns {
                Some(columns) => columns.clone(),
                None => {
                    let publication = Publication::of_fields(fields);
                    let keys: Vec<&str> = record.extra().keys().collect();
                    // The publication's columns first, in its order, as the export.
                    publication
                        .columns
                        .iter()
                        .map(|c| c.name)
                        .filter(|c| keys.contains(c))
                        .chain(
                            keys.iter()
                                .copied()
                                .filter(|k| publication.column(k).is_none()),
                        )
                        .map(str::to_string)
                        .collect()
                }
            };
            for name in extra {
                if field(&name).is_none() && !has(&columns, &name) {
                    columns.push(CsvColumn::Extra(name));
                }
            }
        }
        CsvHeader {
            record: R::NAME,
            fields,
            columns,
        }
    }
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
            #[cfg(feature = "parquet")]
            Format::Parquet => Out::Parquet(Box::new(super::parquet::write::ParquetOut::new(
                writer, &options,
            ))),
            #[cfg(feature = "geojson")]
            Format::GeoJson => Out::GeoJson {
                out: writer,
                record: None,
            },
            #[allow(unreachable_patterns)]
            _ => Out::Disabled(writer),
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
    /// For CSV, the first record sets the header: the fields of its type in the export's
    /// order (or [`WriteOptions::columns`]), then its `extra` keys (or
    /// [`WriteOptions::csv_extra_columns`]). A later record with an `extra` field (not
    /// null) that the header does not have is refused ([`WriteError::UnknownColumn`]) and
    /// not written; the writer can go on. Parquet fixes its columns likewise, with the
    /// first batch of records (see [`io::arrow::BatchBuilder`](crate::io#parquet)).
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
            #[cfg(feature = "parquet")]
            Out::Parquet(out) => out.write(record)?,
            #[cfg(feature = "geojson")]
            Out::GeoJson { out, record: first } => {
                match first {
                    Some(name) if *name != R::NAME => {
                        return Err(WriteError::MixedRecords {
                            first: name,
                            then: R::NAME,
                        })
                    }
                    Some(_) => {}
                    None => *first = Some(R::NAME),
                }
                super::geojson::write_feature(out, record, self.written == 0)?;
            }
            Out::Disabled(_) => {
                return Err(WriteError::FormatNotEnabled {
                    format: self.format,
                    feature: self.format.feature().unwrap_or_default(),
                })
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
                let header = CsvHeader::new(record, &self.options);
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(self.options.csv_delimiter)
                    .from_writer(w);
                let written = writer.write_record(header.columns.iter().map(CsvColumn::name));
                self.out = Out::Csv {
                    writer: Box::new(writer),
                    header,
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
                        && !header.columns.iter().any(|c| c.name() == *k)
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
                let cells = header.columns.iter().map(|c| match c {
                    CsvColumn::Field(f) => match (map.get(f.name), options.csv_lists) {
                        (None, _) => String::new(),
                        (Some(Value::Number(n)), _)
                            if options.csv_numbers == CsvNumbers::Pandas =>
                        {
                            n.as_f64().map_or_else(String::new, python_float)
                        }
                        (Some(Value::Array(items)), CsvLists::Python) => python_list_cell(items),
                        (Some(v @ Value::Array(_)), CsvLists::Json) => v.to_string(),
                        (Some(v), _) => write_cell(v, separator),
                    },
                    CsvColumn::Extra(k) => match record.extra().get(k) {
                        Some(v)
                            if options.csv_numbers == CsvNumbers::Pandas
                                && v.as_f64().is_some() =>
                        {
                            v.as_f64().map_or_else(String::new, python_float)
                        }
                        Some(v) => write_extra_cell(v),
                        None => String::new(),
                    },
                });
                writer.write_record(cells)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the output (closes the JSON array: `[]` when no record was written; writes the
    /// Parquet file's footer; closes the GeoJSON collection), flushes it and gives it
    /// back. A CSV output with no record is empty.
    pub fn finish(self) -> Result<W, WriteError> {
        match self.out {
            Out::Json(mut w) => {
                if self.format == Format::Json {
                    w.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                w.flush()?;
                Ok(w)
            }
            Out::CsvStart(mut w) | Out::Disabled(mut w) => {
                w.flush()?;
                Ok(w)
            }
            #[cfg(feature = "parquet")]
            Out::Parquet(out) => out.finish(),
            #[cfg(feature = "geojson")]
            Out::GeoJson { mut out, .. } => {
                super::geojson::finish(&mut out, self.written == 0)?;
                out.flush()?;
                Ok(out)
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
