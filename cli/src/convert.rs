//! `data-inclusion convert`: the valid records of a file written in another format; the
//! invalid ones reported on standard error, not written.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anstream::eprintln;
use data_inclusion_schema::io::parquet::{Compression, Partition, PartitionedWriter};
use data_inclusion_schema::io::{
    self as dio, CsvLists, CsvNumbers, Entry, Format, Item, Kind, ReadError,
};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{format_of, kind_of, open_detected, Entries, Source};
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

/// Where the records go: one file, or a partitioned dataset.
enum Sink {
    File(dio::Writer<BufWriter<Box<dyn Write>>>),
    Dataset(PartitionedWriter),
}

impl Sink {
    fn write<R: Record>(&mut self, record: &R) -> Result<(), dio::WriteError> {
        match self {
            Sink::File(w) => w.write(record),
            Sink::Dataset(w) => w.write(record),
        }
    }

    fn finish(self) -> Result<(), Fatal> {
        match self {
            Sink::File(w) => w.finish()?.flush()?,
            Sink::Dataset(w) => {
                w.finish()?;
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
    let source = Source::open(input, args.from.as_deref())?.with_progress();
    let out_format = match (out.partition_by, out.to) {
        (Some(_), None) => Format::Parquet,
        (_, to) => format_of(output, to)?,
    };
    if out.partition_by.is_some() && out_format != Format::Parquet {
        return Err(Fatal::PartitionNotParquet);
    }
    let mut source = source;
    let name = source.name.clone();
    let in_format = source.format;
    let mut opened = open_detected(&mut source, args.kind.map(kind_of))?;
    let kind = opened.kind;
    let mut options = dio::WriteOptions::default()
        .with_csv_lists(out.csv_lists)
        .with_csv_numbers(out.csv_numbers);
    if let Some(rows) = out.row_group_size {
        options = options.with_parquet_row_group_size(rows);
    }
    if let Some(compression) = out.compression {
        options = options.with_parquet_compression(compression);
    }
    // A table keeps its columns' order, its unknown columns where they were.
    if matches!(in_format, Format::Csv | Format::Parquet) {
        if let Some(columns) = opened.reader.columns() {
            options = options.with_columns(columns.into_iter().filter(|c| !c.is_empty()));
        }
    }
    let mut sink = match out.partition_by {
        Some(partition) => Sink::Dataset(PartitionedWriter::create(output, partition, options)?),
        None => {
            let file: Box<dyn Write> = if output.as_os_str() == "-" {
                Box::new(io::stdout().lock())
            } else {
                Box::new(File::create(output).map_err(|source| Fatal::File {
                    path: output.to_path_buf(),
                    source,
                })?)
            };
            Sink::File(dio::Writer::new(BufWriter::new(file), out_format, options))
        }
    };
    let (written, rejected, stopped) = copy(opened.reader, &name, kind, &mut sink, validator)?;
    // The output is well-formed (a JSON array closed) even when the input cannot be read
    // to its end: it holds the valid records read before, and the status is 2.
    sink.finish()?;
    let summary = Ui::Converted
        .text(messages::lang())
        .replace("{written}", &written.to_string())
        .replace("{rejected}", &rejected.to_string());
    eprintln!("{summary}");
    match stopped {
        Some(e) => Err(Fatal::Read(e)),
        None => Ok(rejected == 0),
    }
}

/// Copies the valid records of `reader` into `sink`: how many were written, how many
/// rejected, and the error that stopped the reading.
fn copy(
    reader: Entries,
    name: &str,
    kind: Kind,
    sink: &mut Sink,
    validator: &Validator,
) -> Result<(u64, u64, Option<ReadError>), Fatal> {
    let (mut written, mut rejected) = (0u64, 0u64);
    for item in reader {
        match item {
            Item::Stopped(e) => return Ok((written, rejected, Some(e))),
            Item::Unreadable(e) => {
                rejected += 1;
                eprintln!("{name}:{} : {}", e.line, printable(&e.message));
            }
            Item::Record(Entry { line, input }) => {
                let outcome = match kind {
                    Kind::Structures => write_checked(sink, input.check::<Structure>(validator))?,
                    Kind::Services => write_checked(sink, input.check::<Service>(validator))?,
                };
                match outcome {
                    Outcome::Written => written += 1,
                    Outcome::Invalid(problems) => {
                        rejected += 1;
                        for p in problems.iter().filter(|p| p.level == Level::Error) {
                            let shown = match messages::lang() {
                                Lang::Fr => p.to_string(),
                                Lang::En => format!("{p:#}"),
                            };
                            eprintln!("{name}:{line} : {}", printable(&shown));
                        }
                    }
                    Outcome::Refused(why) => {
                        rejected += 1;
                        eprintln!("{name}:{line} : {}", printable(&why));
                    }
                }
            }
        }
    }
    Ok((written, rejected, None))
}

/// What became of a record.
enum Outcome {
    Written,
    /// Invalid: its problems.
    Invalid(Vec<Problem>),
    /// Valid, but refused by the output (a field the columns, fixed by the first records,
    /// do not have): why.
    Refused(String),
}

/// Writes a valid record.
fn write_checked<R: Record>(sink: &mut Sink, checked: Checked<R>) -> Result<Outcome, Fatal> {
    match checked.record {
        Some(record) => match sink.write(&record) {
            Ok(()) => Ok(Outcome::Written),
            Err(
                e @ (dio::WriteError::UnknownColumn { .. }
                | dio::WriteError::Arrow(_)
                | dio::WriteError::MixedRecords { .. }),
            ) => Ok(Outcome::Refused(e.to_string())),
            Err(e) => Err(e.into()),
        },
        None => Ok(Outcome::Invalid(checked.problems)),
    }
}
