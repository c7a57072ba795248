//! Parquet files (feature `parquet`): read by row group, in constant memory, and written
//! in row groups of a chosen size, compressed.
//!
//! [`io::open`](crate::io::open) and [`Reader`] read Parquet as they
//! read the other formats (a file opened by its path is read in place; a Parquet input
//! given as a [`Read`](std::io::Read) is read into memory first, since a Parquet file is
//! read from its end); [`Writer`](crate::io::Writer) writes it. [`ParquetFile`] opens a
//! file to look at it first (its rows, its row groups, its columns) and to read some of
//! its row groups only: a program that reads a file on several threads gives each thread
//! a reader of some row groups ([`ParquetFile::reader_of_row_groups`]).
//!
//! # Reading
//!
//! Every column is read by its type, whatever wrote it: pyarrow and pandas (the
//! data.gouv.fr export), Polars, DuckDB or Spark. Strings as UTF-8, large strings, string
//! views or dictionary-encoded strings (and plain binary holding UTF-8, as some tools
//! write strings); lists of them (lists, large lists, fixed-size lists); integers of any
//! width; 32- or 64-bit floats (NaN, pandas' missing value, as null); `date_maj` as a
//! date, a date in milliseconds or a timestamp at midnight (any unit; a timestamp with an
//! offset time zone in that zone, in UTC otherwise; a timestamp that is not at midnight is
//! read with its time, which validation refuses for a date, as the official package
//! does); decimals as numbers; structs as objects. An integral float in an integer field
//! (`nombre_semaines`, which pandas writes as a float when the column has nulls) is the
//! integer. Each row gives one record, its columns in the order of their names, a null as
//! `null` (validation then reports a required field that is null as the official package
//! reports `None`); the columns the schema does not know go to the record's `extra`, and
//! the publication's (`score_qualite`) by their type ([`publication`](super::publication)).
//!
//! The line of a record ([`Entry::line`](super::Entry::line)) is the row's 1-based index
//! in the file. A column of a type the crate does not read (durations, intervals, maps,
//! unions) stops the reading ([`ReadError::Parquet`]); a value
//! that cannot be read (binary that is not UTF-8) makes its row an
//! [`Item::Unreadable`](super::Item::Unreadable).
//!
//! Memory: one batch of 4096 rows decoded at a time, and the pages of the row group being
//! read; the size of the file does not matter.
//!
//! ```no_run
//! use data_inclusion_schema::io::parquet::ParquetFile;
//! use data_inclusion_schema::io::Item;
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let file = ParquetFile::open("services.parquet")?;
//! println!("{} services in {} row groups", file.num_rows(), file.row_groups().len());
//! let validator = Validator::new();
//! // The second half of the row groups (another thread reads the first).
//! let half = file.row_groups().len() / 2;
//! for item in file.reader_of_row_groups(half..file.row_groups().len())?.checked::<Service>(&validator) {
//!     if let Item::Record(entry) = item {
//!         for problem in &entry.checked.problems {
//!             println!("ligne {} : {problem}", entry.line);
//!         }
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Writing
//!
//! [`Writer`](crate::io::Writer) writes the export's layout ([`io::arrow::schema`](crate::io::arrow::schema)):
//! the columns in the export's order (or [`WriteOptions::columns`](crate::io::WriteOptions::columns)),
//! strings as UTF-8, lists of strings, `date_maj` as a `DATE`, numbers as `DOUBLE`, then
//! the `extra` fields, the publication's with their type; what pandas reads as it reads the
//! export. Row groups of [`WriteOptions::parquet_row_group_size`](crate::io::WriteOptions::parquet_row_group_size)
//! rows (100 000 by default), compressed with [`WriteOptions::parquet_compression`](crate::io::WriteOptions::parquet_compression)
//! (snappy by default, as pyarrow). Memory: the records of one batch and the row group
//! being written.
//!
//! ```
//! use data_inclusion_schema::io::parquet::Compression;
//! use data_inclusion_schema::io::{Format, Reader, Writer, WriteOptions};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let service: Service = serde_json::from_str(r#"{"source": "dora", "structure_id": "dora--s1",
//!     "id": "dora--1", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14",
//!     "thematiques": ["famille--garde-denfants"], "nombre_semaines": 4, "score_qualite": 0.5}"#)?;
//! let options = WriteOptions::default()
//!     .with_parquet_row_group_size(1000)
//!     .with_parquet_compression(Compression::Zstd(3));
//! let mut writer = Writer::new(Vec::new(), Format::Parquet, options);
//! writer.write(&service)?;
//! let parquet = writer.finish()?;
//!
//! let validator = Validator::new();
//! let entry = Reader::new(&parquet[..], Format::Parquet).checked::<Service>(&validator).next().unwrap().record().unwrap();
//! assert_eq!(entry.line, 1);
//! assert_eq!(entry.checked.record.unwrap(), service);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Querying the files
//!
//! The files are plain Parquet; every engine reads them. With DuckDB:
//!
//! ```sql
//! SELECT source, count(*) FROM 'services.parquet' GROUP BY source ORDER BY 2 DESC;
//! SELECT id, nom FROM 'services.parquet' WHERE list_contains(thematiques, 'famille--garde-denfants');
//! ```
//!
//! With Polars (Python; Polars 1.44 or later: the parquet crate marks `DOUBLE` columns
//! with the `IEEE_754_TOTAL_ORDER` column order of parquet-format 2.12, which Polars 1.34
//! refuses, "Invalid thrift: bad data"; pyarrow, pandas and DuckDB read them):
//!
//! ```python
//! import polars as pl
//! services = pl.scan_parquet("services.parquet")
//! services.explode("thematiques").group_by("thematiques").len().sort("len").collect()
//! ```
//!
//! With DataFusion (`datafusion-cli`, or `SessionContext::register_parquet` in Rust):
//!
//! ```sql
//! CREATE EXTERNAL TABLE services STORED AS PARQUET LOCATION 'services.parquet';
//! SELECT source, avg(score_qualite) FROM services GROUP BY source;
//! ```
//!
//! From Rust, [`io::arrow`](crate::io::arrow) hands the same records to an Arrow library as
//! `RecordBatch`es, validated.
//!
//! ## Beyond one machine: a partitioned dataset
//!
//! [`PartitionedWriter`] (the tool: `data-inclusion convert services.jsonl services/
//! --to parquet --partition-by source`) writes one directory per value of a partition key,
//! in Hive's layout, `services/source=dora/part-0.parquet`, which Spark, DataFusion,
//! DuckDB and Polars read as one dataset (the key a column again, taken from the path),
//! each reading only the partitions a query needs:
//!
//! ```sql
//! -- DuckDB
//! SELECT count(*) FROM read_parquet('services/*/*.parquet', hive_partitioning = true) WHERE source = 'dora';
//! -- DataFusion
//! CREATE EXTERNAL TABLE services STORED AS PARQUET PARTITIONED BY (source) LOCATION 'services/';
//! ```
//!
//! ```python
//! # Spark
//! spark.read.parquet("services/").where("source = 'dora'").count()
//! # Polars
//! pl.scan_parquet("services/**/*.parquet", hive_partitioning=True).filter(pl.col("source") == "dora")
//! ```

mod partition;
mod read;
mod source;
pub(crate) mod write;

use std::fs::File;
use std::io::BufReader;
use std::ops::Range;
use std::path::Path;

use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ArrowReaderOptions};

pub use partition::{Partition, PartitionedWriter, UnknownPartition};
pub(crate) use read::Rows;
use source::Chunks;
pub use write::{Compression, UnknownCompression};

use super::error::ReadError;
use super::format::Kind;
use super::options::ReadOptions;
use super::reader::Reader;

/// The rows decoded at a time.
pub(crate) const BATCH_ROWS: usize = 4096;

/// A Parquet file opened: its metadata read, its row groups known, ready to be read
/// whole ([`ParquetFile::reader`]) or by row groups ([`ParquetFile::reader_of_row_groups`]).
/// Cloning it is cheap (the file and its metadata are shared), and readers of its row
/// groups may run on several threads at once.
#[derive(Clone)]
pub struct ParquetFile {
    chunks: Chunks,
    metadata: ArrowReaderMetadata,
    row_groups: Vec<RowGroup>,
    columns: Vec<String>,
}

impl std::fmt::Debug for ParquetFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetFile")
            .field("row_groups", &self.row_groups)
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

/// A row group of a Parquet file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowGroup {
    /// Its index in the file (0-based).
    pub index: usize,
    /// Its number of rows.
    pub rows: u64,
    /// The row number (1-based, in the file: a record's line) of its first row.
    pub first_row: u64,
    /// Its size in the file, compressed, in bytes.
    pub compressed_bytes: u64,
}

impl ParquetFile {
    /// Opens the file at `path` (read in place).
    pub fn open(path: impl AsRef<Path>) -> Result<ParquetFile, ReadError> {
        let file = File::open(path).map_err(|source| ReadError::Io { line: 0, source })?;
        ParquetFile::from_file(file)
    }

    /// The Parquet file `file` (read in place).
    pub fn from_file(file: File) -> Result<ParquetFile, ReadError> {
        let chunks = Chunks::file(file).map_err(|source| ReadError::Io { line: 0, source })?;
        ParquetFile::from_chunks(chunks)
    }

    /// A Parquet file held in memory.
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Result<ParquetFile, ReadError> {
        ParquetFile::from_chunks(Chunks::Bytes(bytes.into().into()))
    }

    pub(crate) fn from_chunks(chunks: Chunks) -> Result<ParquetFile, ReadError> {
        let metadata = ArrowReaderMetadata::load(&chunks, ArrowReaderOptions::new())
            .map_err(ReadError::parquet)?;
        let mut first_row = 1;
        let row_groups = metadata
            .metadata()
            .row_groups()
            .iter()
            .enumerate()
            .map(|(index, g)| {
                let rows = u64::try_from(g.num_rows()).unwrap_or(0);
                let group = RowGroup {
                    index,
                    rows,
                    first_row,
                    compressed_bytes: u64::try_from(g.compressed_size()).unwrap_or(0),
                };
                first_row += rows;
                group
            })
            .collect();
        let columns = metadata
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        Ok(ParquetFile {
            chunks,
            metadata,
            row_groups,
            columns,
        })
    }

    /// The number of rows (records).
    pub fn num_rows(&self) -> u64 {
        self.row_groups.iter().map(|g| g.rows).sum()
    }

    /// The row groups, in order.
    pub fn row_groups(&self) -> &[RowGroup] {
        &self.row_groups
    }

    /// The names of the columns, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The kind of the records, from the columns (a `structure_id` column means services).
    pub fn kind(&self) -> Kind {
        Kind::of_columns(&self.columns)
    }

    /// The Arrow schema of the file.
    pub fn schema(&self) -> &arrow_schema::SchemaRef {
        self.metadata.schema()
    }

    /// A reader of every row: a [`Reader`] like any other (items, [`Reader::checked`]),
    /// its records' lines the rows' numbers in the file.
    pub fn reader(&self) -> Reader<std::io::Empty> {
        self.reader_with(0..self.row_groups.len(), ReadOptions::default())
    }

    /// A reader of the row groups `groups` (indexes; a range of
    /// [`ParquetFile::row_groups`]), in order: the records' lines are still the rows'
    /// numbers in the whole file. An error when a group is not in the file.
    pub fn reader_of_row_groups(
        &self,
        groups: Range<usize>,
    ) -> Result<Reader<std::io::Empty>, ReadError> {
        if groups.end > self.row_groups.len() {
            return Err(ReadError::parquet(format!(
                "groupes de lignes {}..{} demandés, le fichier en a {}",
                groups.start,
                groups.end,
                self.row_groups.len()
            )));
        }
        Ok(self.reader_with(groups, ReadOptions::default()))
    }

    /// A reader of the row groups `groups`, with options.
    pub fn reader_with(
        &self,
        groups: Range<usize>,
        options: ReadOptions,
    ) -> Reader<std::io::Empty> {
        let groups = groups.filter(|&g| g < self.row_groups.len()).collect();
        Reader::of_parquet(
            std::io::empty(),
            Rows::of_file(self.clone(), groups),
            options,
        )
    }
}

/// A reader of the Parquet file `file`, read in place, for [`io::open`](crate::io::open).
pub(crate) fn file_reader(
    file: File,
    options: ReadOptions,
) -> Result<Reader<BufReader<File>>, ReadError> {
    let placeholder = file
        .try_clone()
        .map_err(|source| ReadError::Io { line: 0, source })?;
    let parquet = ParquetFile::from_file(file)?;
    let groups = (0..parquet.row_groups.len()).collect();
    Ok(Reader::of_parquet(
        BufReader::with_capacity(0, placeholder),
        Rows::of_file(parquet, groups),
        options,
    ))
}
