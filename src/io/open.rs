//! Opening a file by its path: [`open`].

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::error::ReadError;
use super::format::{Format, Kind};
use super::reader::{read_detected, Detected};
#[cfg(feature = "parquet")]
use super::{options::ReadOptions, reader::detect};

/// Opens the file at `path`: its format from its extension ([`Format::from_path`]), the
/// kind of its records from its content ([`read_detected`]). A Parquet file is read in
/// place, by row group (feature `parquet`).
///
/// ```no_run
/// use data_inclusion_schema::io::{self, Item, Kind};
/// use data_inclusion_schema::v1::Service;
/// use data_inclusion_schema::validate::Validator;
///
/// let opened = io::open("services.csv")?;
/// assert_eq!(opened.kind, Kind::Services);
/// for item in opened.reader.checked::<Service>(&Validator::new()) {
///     if let Item::Record(entry) = item {
///         println!("line {}: {} problem(s)", entry.line, entry.checked.problems.len());
///     }
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open(path: impl AsRef<Path>) -> Result<Detected<BufReader<File>>, OpenError> {
    open_as(path, None)
}

/// [`open`], with the kind given (`None`: told from the content).
pub fn open_as(
    path: impl AsRef<Path>,
    kind: Option<Kind>,
) -> Result<Detected<BufReader<File>>, OpenError> {
    let path = path.as_ref();
    let format = Format::from_path(path).ok_or_else(|| OpenError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    open_as_format(path, format, kind)
}

/// [`open`], with the format given (whatever the extension) and the kind given (`None`:
/// told from the content).
pub fn open_as_format(
    path: impl AsRef<Path>,
    format: Format,
    kind: Option<Kind>,
) -> Result<Detected<BufReader<File>>, OpenError> {
    let path = path.as_ref();
    let file = File::open(path).map_err(|source| OpenError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // Parquet is read in place, by row group.
    #[cfg(feature = "parquet")]
    if format == Format::Parquet {
        let read = |source| OpenError::Read {
            path: path.to_path_buf(),
            source,
        };
        let reader = super::parquet::file_reader(file, ReadOptions::default()).map_err(read)?;
        return detect(reader, kind).map_err(read);
    }
    read_detected(BufReader::with_capacity(1 << 16, file), format, kind).map_err(|source| {
        OpenError::Read {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Why [`open`] could not open a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenError {
    /// The file could not be opened.
    #[error("{} : {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Its extension is not one of a known format.
    #[error("{} : extension inconnue (attendu .json, .jsonl, .ndjson, .csv, .parquet ou .geojson)", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The file cannot be read from its start.
    #[error("{} : {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ReadError,
    },
}
