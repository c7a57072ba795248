//! A partitioned Parquet dataset: one directory per value of a key, in Hive's layout
//! (`source=dora/part-0.parquet`), which Spark, DataFusion, DuckDB and Polars read as one
//! dataset.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde_json::Value;

use crate::io::format::Format;
use crate::io::write::{WriteError, WriteOptions, Writer};
use crate::Record;

/// The key a dataset is partitioned by.
///
/// ```
/// use data_inclusion_schema::io::parquet::Partition;
///
/// assert_eq!("département".parse::<Partition>(), Ok(Partition::Departement));
/// assert_eq!(Partition::Departement.value_of_code_insee("2A004"), Some("2A".to_string()));
/// assert_eq!(Partition::Departement.value_of_code_insee("97411"), Some("974".to_string()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Partition {
    /// The record's `source` (`source=dora`): the column is left out of the files, the
    /// readers take it from the path (Hive's convention).
    Source,
    /// The département of the record's `code_insee` (`departement=59`, `departement=2A`,
    /// `departement=974`); `__HIVE_DEFAULT_PARTITION__` (null for the readers) without
    /// one. A column of the path only: the records keep their fields.
    Departement,
}

impl Partition {
    /// The partition column's name: `source`, `departement`.
    pub fn column(self) -> &'static str {
        match self {
            Partition::Source => "source",
            Partition::Departement => "departement",
        }
    }

    /// The département of a code Insee: its first two characters (`2A`, `2B` for Corsica),
    /// three overseas (`97x`, `98x`).
    pub fn value_of_code_insee(self, code: &str) -> Option<String> {
        let code = code.trim();
        let n = if code.starts_with("97") || code.starts_with("98") {
            3
        } else {
            2
        };
        code.get(..n).filter(|c| c.len() == n).map(str::to_string)
    }

    /// The record's partition value (`None`: the default partition).
    fn value(self, record: &Value) -> Option<String> {
        match self {
            Partition::Source => record.get("source")?.as_str().map(str::to_string),
            Partition::Departement => self.value_of_code_insee(record.get("code_insee")?.as_str()?),
        }
    }
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.column())
    }
}

/// The error of [`Partition`]'s [`FromStr`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("clé de partition inconnue : {0} (source, departement)")]
pub struct UnknownPartition(pub String);

impl FromStr for Partition {
    type Err = UnknownPartition;

    /// `source`, `departement` (or `département`).
    fn from_str(s: &str) -> Result<Partition, UnknownPartition> {
        match s.trim().to_lowercase().as_str() {
            "source" => Ok(Partition::Source),
            "departement" | "département" => Ok(Partition::Departement),
            _ => Err(UnknownPartition(s.to_string())),
        }
    }
}

/// Hive's name of the partition of no value.
const DEFAULT_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// A partition value as a directory name: the characters Hive escapes as `%XX`.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') && !value.starts_with('.') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    if out.is_empty() {
        DEFAULT_PARTITION.to_string()
    } else {
        out
    }
}

/// Writes records into a partitioned Parquet dataset: `DIR/KEY=VALUE/part-0.parquet`, one
/// file per value, each written as [`Writer`] writes Parquet (the options' row groups and
/// compression).
///
/// Memory: one Parquet writer per partition met (the records of a batch and a row group
/// each); a dataset of many partitions takes more memory than one file.
///
/// ```
/// use data_inclusion_schema::io::parquet::{ParquetFile, Partition, PartitionedWriter};
/// use data_inclusion_schema::io::WriteOptions;
/// use data_inclusion_schema::v1::Service;
///
/// let dir = std::env::temp_dir().join(format!("di-partitions-{}", std::process::id()));
/// let mut writer = PartitionedWriter::create(&dir, Partition::Source, WriteOptions::default())?;
/// for (id, source) in [("dora--1", "dora"), ("mes-aides--1", "mes-aides"), ("dora--2", "dora")] {
///     let json = format!(r#"{{"source": "{source}", "structure_id": "s", "id": "{id}", "nom": "Garde",
///         "description": "Une crèche.", "date_maj": "2025-02-14"}}"#);
///     writer.write(&serde_json::from_str::<Service>(&json)?)?;
/// }
/// let files = writer.finish()?;
/// assert_eq!(files, [dir.join("source=dora/part-0.parquet"), dir.join("source=mes-aides/part-0.parquet")]);
/// let dora = ParquetFile::open(&files[0])?;
/// assert_eq!(dora.num_rows(), 2);
/// assert!(!dora.columns().iter().any(|c| c == "source"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PartitionedWriter {
    dir: PathBuf,
    partition: Partition,
    options: WriteOptions,
    writers: BTreeMap<String, (PathBuf, Writer<BufWriter<File>>)>,
    written: u64,
}

impl fmt::Debug for PartitionedWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartitionedWriter")
            .field("dir", &self.dir)
            .field("partition", &self.partition)
            .field("partitions", &self.writers.len())
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl PartitionedWriter {
    /// A dataset in the directory `dir` (created if need be; the files of the partitions
    /// written are replaced).
    pub fn create(
        dir: impl AsRef<Path>,
        partition: Partition,
        mut options: WriteOptions,
    ) -> Result<PartitionedWriter, WriteError> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir)?;
        if partition == Partition::Source {
            options.skip_column = Some(partition.column().to_string());
        }
        Ok(PartitionedWriter {
            dir,
            partition,
            options,
            writers: BTreeMap::new(),
            written: 0,
        })
    }

    /// How many records were written.
    pub fn records_written(&self) -> u64 {
        self.written
    }

    /// Writes a record into its partition.
    pub fn write<R: Record>(&mut self, record: &R) -> Result<(), WriteError> {
        let value = self
            .partition
            .value(&serde_json::to_value(record)?)
            .map_or_else(|| DEFAULT_PARTITION.to_string(), |v| escape(&v));
        let writer = match self.writers.get_mut(&value) {
            Some((_, writer)) => writer,
            None => {
                let dir = self
                    .dir
                    .join(format!("{}={value}", self.partition.column()));
                std::fs::create_dir_all(&dir)?;
                let path = dir.join("part-0.parquet");
                let file = File::create(&path)?;
                let writer =
                    Writer::new(BufWriter::new(file), Format::Parquet, self.options.clone());
                &mut self.writers.entry(value).or_insert((path, writer)).1
            }
        };
        writer.write(record)?;
        self.written += 1;
        Ok(())
    }

    /// Ends every file; the files written, in the order of their partitions' values.
    pub fn finish(self) -> Result<Vec<PathBuf>, WriteError> {
        let mut files = Vec::with_capacity(self.writers.len());
        for (_, (path, writer)) in self.writers {
            writer.finish()?;
            files.push(path);
        }
        Ok(files)
    }
}
