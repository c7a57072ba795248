//! File formats ([`Format`]) and what a file holds ([`Kind`]).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::entry::Input;
use crate::spec::FieldSpec;
use crate::v1::{Service, Structure};
use crate::Record;

/// A file format.
///
/// ```
/// use data_inclusion_schema::io::Format;
/// use std::path::Path;
///
/// assert_eq!(Format::from_path(Path::new("export/services.NDJSON")), Some(Format::JsonLines));
/// assert_eq!("csv".parse::<Format>(), Ok(Format::Csv));
/// assert!("pdf".parse::<Format>().is_err());
/// assert_eq!(Format::from_path(Path::new("rapport.pdf")), None);
/// assert_eq!(Format::from_path(Path::new("services.parquet")), Some(Format::Parquet));
/// assert_eq!("geojson".parse::<Format>(), Ok(Format::GeoJson));
/// ```
///
/// Every format has its variant whatever the features; reading or writing Parquet needs
/// the `parquet` feature, GeoJSON the `geojson` feature (without it, the reader stops on
/// [`ReadError::FormatNotEnabled`](super::ReadError::FormatNotEnabled)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A JSON document: an array of records, or one record (an object).
    Json,
    /// JSON Lines (or NDJSON): one record per line.
    JsonLines,
    /// CSV: a header line, then one record per row.
    Csv,
    /// Apache Parquet: columns, read by row group (feature `parquet`; see
    /// [`io::parquet`](crate::io#parquet)).
    Parquet,
    /// GeoJSON: a FeatureCollection, one Feature per record, its `properties` the record
    /// (feature `geojson`; see [`io::geojson`](crate::io#geojson)).
    GeoJson,
}

impl Format {
    /// The format of a file from its extension (case-insensitive): `.json`, `.jsonl` or
    /// `.ndjson`, `.csv`, `.parquet` (or `.pq`), `.geojson`.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }

    /// The format from its name: renamed `str::parse` ([`FromStr`]).
    #[deprecated(since = "0.2.0", note = "use `str::parse` (`FromStr`)")]
    pub fn from_name(name: &str) -> Option<Format> {
        name.parse().ok()
    }

    /// The usual name (and file extension): `json`, `jsonl`, `csv`, `parquet`, `geojson`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::GeoJson => "geojson",
        }
    }

    /// The cargo feature that reads and writes the format, when it needs one: `parquet`,
    /// `geojson`.
    pub fn feature(self) -> Option<&'static str> {
        match self {
            Format::Parquet => Some("parquet"),
            Format::GeoJson => Some("geojson"),
            _ => None,
        }
    }

    /// Whether this build reads and writes the format (its feature is on).
    pub fn is_enabled(self) -> bool {
        match self {
            Format::Parquet => cfg!(feature = "parquet"),
            Format::GeoJson => cfg!(feature = "geojson"),
            _ => true,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Format`]'s [`FromStr`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("format inconnu : {0} (json, jsonl, csv, parquet, geojson)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// The format from its name (case-insensitive, surrounding spaces ignored): `json`,
    /// `jsonl` (or `ndjson`, `jsonlines`), `csv`, `parquet` (or `pq`), `geojson`.
    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" | "jsonlines" => Ok(Format::JsonLines),
            "csv" => Ok(Format::Csv),
            "parquet" | "pq" => Ok(Format::Parquet),
            "geojson" => Ok(Format::GeoJson),
            _ => Err(UnknownFormat(name.to_string())),
        }
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
