//! `data-inclusion convert`: the valid records of a file written in another format; the
//! invalid ones reported on standard error, not written. Every pair of JSON, JSON Lines,
//! CSV, Parquet, GeoJSON and XLSX: a workbook in (both sheets, or the one `--kind` names)
//! and out (a sheet per kind); a partitioned Parquet dataset out.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anstream::eprintln;
use data_inclusion_schema::io::parquet::{Compression, Partition, PartitionedWriter};
use data_inclusion_schema::io::xlsx::{Workbook, XlsxWriter};
use data_inclusion_schema::io::{
    self as dio, CheckedEntry, CsvLists, CsvNumbers, Entry, Format, Item, Kind, ReadError,
};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{format_of, is_xlsx, kind_of, open_detected, Entries, Opened, ReadSeek};
use crate::messages::{self, Ui};
use crate::terminal::printable;
use crate::InputArgs;

/// How the output is written.
pub struct OutputArgs<'a> {
    /// The output format's name (`--to`).
    pub to: Option<&'a str>,
    /// How CSV cells hold lists.
    pub csv_lists: CsvLists,
    /// How CSV cells hold numbers.
    pub csv_numbers: CsvNumbers,
    /// The rows of a Parquet row group.
    pub row_group_size: Option<usize>,
    /// The Parquet compression.
    pub compression: Option<Compression>,
    /// Write a partitioned Parquet dataset (OUTPUT a directory).
    pub partition_by: Option<Partition>,
}

/// Where the records go: one file, a partitioned dataset, or a workbook (written at the
/// end: an XLSX file is a zip archive).
enum Sink {
    File(dio::Writer<BufWriter<Box<dyn Write>>>),
    Dataset(PartitionedWriter),
    Xlsx {
        writer: Box<XlsxWriter>,
        path: PathBuf,
    },
}

impl Sink {
    /// The sink of `output`: its format from `--to` or its extension, `options` for a
    /// stream or a dataset.
    fn create(
        output: &Path,
        out: &OutputArgs<'_>,
        options: dio::WriteOptions,
    ) -> Result<Sink, Fatal> {
        if out.partition_by.is_none() && is_xlsx(output, out.to) {
            return Ok(Sink::Xlsx {
                writer: Box::default(),
                path: output.to_path_buf(),
            });
        }
        let format = match (out.partition_by, out.to) {
            (Some(_), None) => Format::Parquet,
            (_, to) => format_of(output, to)?,
        };
        if let Some(partition) = out.partition_by {
            if format != Format::Parquet {
                return Err(Fatal::PartitionNotParquet);
            }
            return Ok(Sink::Dataset(PartitionedWriter::create(
                output, partition, options,
            )?));
        }
        let file: Box<dyn Write> = if output.as_os_str() == "-" {
            Box::new(io::stdout().lock())
        } else {
            Box::new(File::create(output).map_err(|source| Fatal::File {
                path: output.to_path_buf(),
                source,
            })?)
        };
        Ok(Sink::File(dio::Writer::new(
            BufWriter::new(file),
            format,
            options,
        )))
    }

    /// Writes a valid record: written, or refused by the output (a field the columns,
    /// fixed by the first records, do not have; the other kind of record in a stream).
    fn write<R: Record>(&mut self, record: &R) -> Result<Outcome, Fatal> {
        let result = match self {
            Sink::File(w) => w.write(record),
            Sink::Dataset(w) => w.write(record),
            Sink::Xlsx { writer, path } => {
                writer.write(record).map_err(|source| Fatal::Workbook {
                    path: path.clone(),
                    source,
                })?;
                return Ok(Outcome::Written);
            }
        };
        match result {
            Ok(()) => Ok(Outcome::Written),
            Err(
                e @ (dio::WriteError::UnknownColumn { .. }
                | dio::WriteError::Arrow(_)
                | dio::WriteError::MixedRecords { .. }),
            ) => Ok(Outcome::Refused(e.to_string())),
            Err(e) => Err(e.into()),
        }
    }

    /// Ends the output: a JSON array closed, a Parquet footer written, a workbook saved.
    fn finish(self) -> Result<(), Fatal> {
        match self {
            Sink::File(w) => w.finish()?.flush()?,
            Sink::Dataset(w) => {
                w.finish()?;
            }
            Sink::Xlsx { writer, path } => {
                let bytes = writer.into_bytes().map_err(|source| Fatal::Workbook {
                    path: path.clone(),
                    source,
                })?;
                if path.as_os_str() == "-" {
                    io::stdout().lock().write_all(&bytes)?;
                } else {
                    std::fs::write(&path, bytes).map_err(|source| Fatal::File { path, source })?;
                }
            }
        }
        Ok(())
    }
}

/// Converts `input` into `output`: `true` when every record was written.
pub fn convert(
    input: &Path,
    output: &Path,
    args: &InputArgs,
    out: &OutputArgs<'_>,
    validator: &Validator,
) -> Result<bool, Fatal> {
    let source = Opened::open(input, args.from.as_deref())?;
    let mut options = dio::WriteOptions::default()
        .with_csv_lists(out.csv_lists)
        .with_csv_numbers(out.csv_numbers);
    if let Some(rows) = out.row_group_size {
        options = options.with_parquet_row_group_size(rows);
    }
    if let Some(compression) = out.compression {
        options = options.with_parquet_compression(compression);
    }
    let mut counts = Counts::default();
    let (sink, stopped) = match source {
        Opened::Stream(source) => {
            let mut source = source.with_progress();
            let in_format = source.format;
            let mut records = open_detected(&mut source, args.kind.map(kind_of))?;
            // A table keeps its columns' order, its unknown columns where they were.
            if matches!(in_format, Format::Csv | Format::Parquet) {
                if let Some(columns) = records.reader.columns() {
                    options = options.with_columns(columns.into_iter().filter(|c| !c.is_empty()));
                }
            }
            let mut sink = Sink::create(output, out, options)?;
            // Validated on `--jobs` threads, written in the input's order.
            let stopped = convert_entries(
                &source.name,
                records.kind,
                &mut records.reader,
                args.jobs(),
                &mut sink,
                validator,
                &mut counts,
            )?;
            (sink, stopped)
        }
        Opened::Workbook { name, mut workbook } => {
            let mut sink = Sink::create(output, out, options)?;
            let single = !matches!(sink, Sink::Xlsx { .. });
            let kinds = workbook_kinds(&name, &mut workbook, args.kind.map(kind_of), single)?;
            let mut stopped = None;
            for kind in kinds {
                let sheet = workbook.sheet(kind).map_err(|source| Fatal::Workbook {
                    path: name.clone().into(),
                    source,
                })?;
                let Some(sheet) = sheet else { continue };
                let label = format!("{name} ({})", sheet.name());
                stopped = convert_items(&label, kind, sheet, &mut sink, validator, &mut counts)?;
                if stopped.is_some() {
                    break;
                }
            }
            (sink, stopped)
        }
    };
    // The output is well-formed (a JSON array closed) even when the input cannot be read
    // to its end: it holds the valid records read before, and the status is 2.
    sink.finish()?;
    let summary = Ui::Converted
        .text(messages::lang())
        .replace("{written}", &counts.written.to_string())
        .replace("{rejected}", &counts.rejected.to_string());
    eprintln!("{summary}");
    match stopped {
        Some(e) => Err(Fatal::Read(e)),
        None => Ok(counts.rejected == 0),
    }
}

#[derive(Default)]
struct Counts {
    written: u64,
    rejected: u64,
}

/// The kinds of a workbook to convert: the one given; into a format of one kind, the one
/// sheet that has records (an error when both have).
fn workbook_kinds(
    name: &str,
    workbook: &mut Workbook<Box<dyn ReadSeek>>,
    given: Option<Kind>,
    single: bool,
) -> Result<Vec<Kind>, Fatal> {
    if let Some(kind) = given {
        return Ok(vec![kind]);
    }
    let kinds = workbook.kinds();
    if !single || kinds.len() < 2 {
        return Ok(kinds);
    }
    let mut with_records = Vec::new();
    for kind in kinds {
        let sheet = workbook.sheet(kind).map_err(|source| Fatal::Workbook {
            path: name.into(),
            source,
        })?;
        if sheet.is_some_and(|mut s| s.next().is_some()) {
            with_records.push(kind);
        }
    }
    match with_records.len() {
        0 => Ok(vec![Kind::Structures]),
        1 => Ok(with_records),
        _ => Err(Fatal::BothKinds { path: name.into() }),
    }
}

/// Converts the records of a file, validated on `jobs` threads and written in the
/// input's order; the error that stopped the reading, if any.
fn convert_entries(
    name: &str,
    kind: Kind,
    entries: &mut Entries,
    jobs: NonZeroUsize,
    sink: &mut Sink,
    validator: &Validator,
    counts: &mut Counts,
) -> Result<Option<ReadError>, Fatal> {
    let (name, sink, counts) = (name, &mut *sink, &mut *counts);
    match (kind, entries) {
        (Kind::Structures, Entries::Stream(r)) => {
            convert_stream::<Structure, _>(name, r, jobs, sink, validator, counts)
        }
        (Kind::Structures, Entries::File(r)) => {
            convert_stream::<Structure, _>(name, r, jobs, sink, validator, counts)
        }
        (Kind::Services, Entries::Stream(r)) => {
            convert_stream::<Service, _>(name, r, jobs, sink, validator, counts)
        }
        (Kind::Services, Entries::File(r)) => {
            convert_stream::<Service, _>(name, r, jobs, sink, validator, counts)
        }
    }
}

/// [`convert_entries`] for one record type and one kind of reader.
fn convert_stream<R: Record + Send, T: Read>(
    name: &str,
    reader: &mut dio::Reader<T>,
    jobs: NonZeroUsize,
    sink: &mut Sink,
    validator: &Validator,
    counts: &mut Counts,
) -> Result<Option<ReadError>, Fatal> {
    let mut stopped = None;
    reader
        .parallel(jobs)
        .checked::<R, Fatal>(validator, |item| {
            stopped = convert_item(name, item, sink, counts)?;
            Ok(())
        })?;
    Ok(stopped)
}

/// Converts the records of one sheet; the error that stopped the reading, if any.
fn convert_items(
    name: &str,
    kind: Kind,
    items: impl Iterator<Item = Item<Entry>>,
    sink: &mut Sink,
    validator: &Validator,
    counts: &mut Counts,
) -> Result<Option<ReadError>, Fatal> {
    fn checked<R: Record>(item: Item<Entry>, validator: &Validator) -> Item<CheckedEntry<R>> {
        item.map(|entry| CheckedEntry {
            line: entry.line,
            checked: entry.input.check::<R>(validator),
        })
    }
    for item in items {
        let stopped = match kind {
            Kind::Structures => {
                convert_item::<Structure>(name, checked(item, validator), sink, counts)?
            }
            Kind::Services => {
                convert_item::<Service>(name, checked(item, validator), sink, counts)?
            }
        };
        if stopped.is_some() {
            return Ok(stopped);
        }
    }
    Ok(None)
}

/// Writes a valid record, reports an invalid or unreadable one; the error that stops the
/// reading, when it is that.
fn convert_item<R: Record>(
    name: &str,
    item: Item<CheckedEntry<R>>,
    sink: &mut Sink,
    counts: &mut Counts,
) -> Result<Option<ReadError>, Fatal> {
    match item {
        Item::Stopped(e) => return Ok(Some(e)),
        Item::Unreadable(e) => {
            counts.rejected += 1;
            eprintln!("{name}:{} : {}", e.line, printable(&e.message));
        }
        Item::Record(CheckedEntry { line, checked }) => match write_checked(sink, checked)? {
            Outcome::Written => counts.written += 1,
            Outcome::Invalid(problems) => {
                counts.rejected += 1;
                for p in problems.iter().filter(|p| p.level == Level::Error) {
                    let shown = match messages::lang() {
                        Lang::Fr => p.to_string(),
                        Lang::En => format!("{p:#}"),
                    };
                    eprintln!("{name}:{line} : {}", printable(&shown));
                }
            }
            Outcome::Refused(why) => {
                counts.rejected += 1;
                eprintln!("{name}:{line} : {}", printable(&why));
            }
        },
    }
    Ok(None)
}

/// What became of a record.
enum Outcome {
    Written,
    /// Invalid: its problems.
    Invalid(Vec<Problem>),
    /// Valid, but refused by the output: why.
    Refused(String),
}

/// Writes a valid record.
fn write_checked<R: Record>(sink: &mut Sink, checked: Checked<R>) -> Result<Outcome, Fatal> {
    match checked.record {
        Some(record) => sink.write(&record),
        None => Ok(Outcome::Invalid(checked.problems)),
    }
}
