//! What stops the tool before it has read its input to its end: exit status 2.

use std::path::PathBuf;

use data_inclusion_schema::io::xlsx::XlsxError;
use data_inclusion_schema::io::{OpenError, ReadError, UnknownFormat, WriteError};
use data_inclusion_schema::Lang;

/// A failure to read the input (or to write the output) at all: exit status 2. Each keeps
/// its source.
#[derive(Debug, thiserror::Error)]
pub enum Fatal {
    /// A format name that is not one (`--from`, `--to`).
    #[error(transparent)]
    UnknownFormat(#[from] UnknownFormat),
    /// `-` without `--from` / `--to`.
    #[error("avec `-`, le format se donne avec --from / --to")]
    StdioWithoutFormat,
    /// `--partition-by` with an output format other than Parquet.
    #[error("--partition-by écrit un jeu de données Parquet partitionné (--to parquet)")]
    PartitionNotParquet,
    /// A file whose extension is not a format's.
    #[error("{} : extension inconnue (attendu .json, .jsonl, .ndjson, .csv, .parquet, .geojson ou .xlsx ; ou --from)", path.display())]
    UnknownExtension {
        /// The file.
        path: PathBuf,
    },
    /// A file that cannot be opened or created.
    #[error("{} : {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A workbook that cannot be read or written.
    #[error("{} : {source}", path.display())]
    Workbook {
        /// The file.
        path: PathBuf,
        /// Why.
        source: XlsxError,
    },
    /// A workbook of both kinds converted into a format of one kind.
    #[error("{} : le classeur contient des structures et des services ; choisissez avec --kind structures|services", path.display())]
    BothKinds {
        /// The file.
        path: PathBuf,
    },
    /// The input cannot be read (to its end).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The output cannot be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The report cannot be written.
    #[error("écriture impossible : {0}")]
    Output(#[from] std::io::Error),
}

impl Fatal {
    /// The message in `lang`. The tool's own errors are in both languages; the library's
    /// reading errors (where, and what, in the file) are in French.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::Fr {
            return self.to_string();
        }
        match self {
            Fatal::StdioWithoutFormat => "with `-`, give the format with --from / --to".into(),
            Fatal::UnknownExtension { path } => format!(
                "{}: unknown extension (expected .json, .jsonl, .ndjson, .csv, .parquet, .geojson or .xlsx; or --from)",
                path.display()
            ),
            Fatal::PartitionNotParquet => {
                "--partition-by writes a partitioned Parquet dataset (--to parquet)".into()
            }
            Fatal::File { path, source } => format!("{}: {source}", path.display()),
            Fatal::Output(e) => format!("cannot write: {e}"),
            other => other.to_string(),
        }
    }
}

impl From<OpenError> for Fatal {
    fn from(e: OpenError) -> Fatal {
        match e {
            OpenError::Io { path, source } => Fatal::File { path, source },
            OpenError::UnknownFormat { path } => Fatal::UnknownExtension { path },
            OpenError::Read { source, .. } => Fatal::Read(source),
            _ => Fatal::Output(std::io::Error::other(e.to_string())),
        }
    }
}
