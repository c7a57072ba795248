//! Writing Parquet: records gathered in Arrow batches, written by the parquet crate's
//! `ArrowWriter` in row groups, its bytes passed on to the output as each batch is
//! written.

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use parquet::arrow::ArrowWriter;
use parquet::basic::{GzipLevel, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::io::arrow::{ArrowWriteError, BatchBuilder};
use crate::io::write::{WriteError, WriteOptions};
use crate::Record;

/// The compression of a Parquet file's pages.
///
/// ```
/// use data_inclusion_schema::io::parquet::Compression;
///
/// assert_eq!("zstd".parse::<Compression>(), Ok(Compression::Zstd(3)));
/// assert_eq!("snappy".parse::<Compression>(), Ok(Compression::Snappy));
/// assert_eq!(Compression::default(), Compression::Snappy);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Compression {
    /// None.
    None,
    /// Snappy: pyarrow's default (the export's), DuckDB's and Spark's.
    #[default]
    Snappy,
    /// Zstandard at this level (1 to 22; 3 by default): smaller files, Polars' default.
    Zstd(i32),
    /// Gzip (level 6).
    Gzip,
    /// LZ4 (raw).
    Lz4,
}

impl Compression {
    fn to_parquet(self) -> Result<parquet::basic::Compression, WriteError> {
        use parquet::basic::Compression as C;
        Ok(match self {
            Compression::None => C::UNCOMPRESSED,
            Compression::Snappy => C::SNAPPY,
            Compression::Zstd(level) => {
                C::ZSTD(ZstdLevel::try_new(level).map_err(WriteError::parquet)?)
            }
            Compression::Gzip => C::GZIP(GzipLevel::default()),
            Compression::Lz4 => C::LZ4_RAW,
        })
    }
}

impl fmt::Display for Compression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Compression::None => f.write_str("none"),
            Compression::Snappy => f.write_str("snappy"),
            Compression::Zstd(level) => write!(f, "zstd({level})"),
            Compression::Gzip => f.write_str("gzip"),
            Compression::Lz4 => f.write_str("lz4"),
        }
    }
}

/// The error of [`Compression`]'s [`FromStr`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("compression inconnue : {0} (none, snappy, zstd, zstd:NIVEAU, gzip, lz4)")]
pub struct UnknownCompression(pub String);

impl FromStr for Compression {
    type Err = UnknownCompression;

    /// `none` (or `uncompressed`), `snappy`, `zstd` (level 3) or `zstd:LEVEL`, `gzip`,
    /// `lz4`; case-insensitive.
    fn from_str(s: &str) -> Result<Compression, UnknownCompression> {
        let t = s.trim().to_ascii_lowercase();
        Ok(match t.as_str() {
            "none" | "uncompressed" => Compression::None,
            "snappy" => Compression::Snappy,
            "zstd" => Compression::Zstd(3),
            "gzip" => Compression::Gzip,
            "lz4" => Compression::Lz4,
            _ => match t.strip_prefix("zstd:").and_then(|l| l.parse::<i32>().ok()) {
                Some(level) if (1..=22).contains(&level) => Compression::Zstd(level),
                _ => return Err(UnknownCompression(s.to_string())),
            },
        })
    }
}

/// The records gathered before they are handed to the Parquet writer, at most.
const BATCH: usize = 8192;

/// A Parquet output: the batch being gathered, the Parquet writer (once the first batch
/// fixes the columns), and the output the bytes go to.
pub(crate) struct ParquetOut<W: Write> {
    out: W,
    builder: BatchBuilder,
    writer: Option<ArrowWriter<Vec<u8>>>,
    batch: usize,
    row_group: usize,
    compression: Compression,
}

impl<W: Write> ParquetOut<W> {
    pub(crate) fn new(out: W, options: &WriteOptions) -> Self {
        let mut builder = match &options.columns {
            Some(columns) => BatchBuilder::with_columns(columns.iter().cloned()),
            None => BatchBuilder::new(),
        };
        builder.skip_column(options.skip_column.clone());
        let row_group = options.parquet_row_group_size.max(1);
        ParquetOut {
            out,
            builder,
            writer: None,
            batch: BATCH.min(row_group),
            row_group,
            compression: options.parquet_compression,
        }
    }

    /// Adds a record; writes the batch when it is full.
    pub(crate) fn write<R: Record>(&mut self, record: &R) -> Result<(), WriteError> {
        self.builder.push(record).map_err(WriteError::from)?;
        if self.builder.len() >= self.batch {
            self.flush_batch()?;
        }
        Ok(())
    }

    /// Writes the records gathered, and passes the bytes written on.
    fn flush_batch(&mut self) -> Result<(), WriteError> {
        let Some(batch) = self.builder.finish().map_err(WriteError::from)? else {
            return Ok(());
        };
        let writer = match &mut self.writer {
            Some(writer) => writer,
            None => {
                let properties = WriterProperties::builder()
                    .set_compression(self.compression.to_parquet()?)
                    .set_max_row_group_row_count(Some(self.row_group))
                    .set_created_by(format!(
                        "data-inclusion-schema version {} (parquet-rs)",
                        env!("CARGO_PKG_VERSION")
                    ))
                    .build();
                let writer = ArrowWriter::try_new(Vec::new(), batch.schema(), Some(properties))
                    .map_err(WriteError::parquet)?;
                self.writer.insert(writer)
            }
        };
        writer.write(&batch).map_err(WriteError::parquet)?;
        let bytes = std::mem::take(writer.inner_mut());
        self.out.write_all(&bytes)?;
        Ok(())
    }

    /// Writes what is left, the file's footer, and gives the output back (flushed). A
    /// file with no record is a file with no row group, of the record type's columns when
    /// one was refused, or nothing at all when none was given.
    pub(crate) fn finish(mut self) -> Result<W, WriteError> {
        self.flush_batch()?;
        if let Some(writer) = self.writer {
            let bytes = writer.into_inner().map_err(WriteError::parquet)?;
            self.out.write_all(&bytes)?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

impl From<ArrowWriteError> for WriteError {
    fn from(e: ArrowWriteError) -> WriteError {
        match e {
            ArrowWriteError::MixedRecords { first, then } => {
                WriteError::MixedRecords { first, then }
            }
            ArrowWriteError::UnknownColumn { record, column } => {
                WriteError::UnknownColumn { record, column }
            }
            ArrowWriteError::Json(e) => WriteError::Json(e),
            other => WriteError::Arrow(other),
        }
    }
}
