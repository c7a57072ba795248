//! `data-inclusion convert`: the valid records of a file written in another format; the
//! invalid ones reported on standard error, not written.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;

use anstream::eprintln;
use data_inclusion_schema::io::{self as dio, CheckedEntry, Item, Kind, ReadError};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{format_of, kind_of, Source};
use crate::messages::{self, Ui};
use crate::terminal::printable;
use crate::InputArgs;

/// Converts `input` into `output`: `true` when every record was written.
pub fn convert(
    input: &Path,
    output: &Path,
    args: &InputArgs,
    to: Option<&str>,
    validator: &Validator,
) -> Result<bool, Fatal> {
    let source = Source::open(input, args.from.as_deref())?.with_progress();
    let out_format = format_of(output, to)?;
    let detected = dio::read_detected(source.reader, source.format, args.kind.map(kind_of))?;
    let kind = detected.kind;
    let sink: Box<dyn Write> = if output.as_os_str() == "-" {
        Box::new(io::stdout().lock())
    } else {
        Box::new(File::create(output).map_err(|source| Fatal::File {
            path: output.to_path_buf(),
            source,
        })?)
    };
    let mut writer = dio::Writer::new(
        BufWriter::new(sink),
        out_format,
        dio::WriteOptions::default(),
    );
    let (mut written, mut rejected) = (0u64, 0u64);
    let mut stopped = None;
    let mut reader = detected.reader;
    let mut counts = Counts {
        name: &source.name,
        writer: &mut writer,
        written: &mut written,
        rejected: &mut rejected,
        stopped: &mut stopped,
    };
    // Validated on `--jobs` threads, written in the input's order.
    let jobs = args.jobs();
    match kind {
        Kind::Structures => {
            convert_records::<Structure, _, _>(&mut reader, validator, jobs, &mut counts)?
        }
        Kind::Services => {
            convert_records::<Service, _, _>(&mut reader, validator, jobs, &mut counts)?
        }
    }
    // The output is well-formed (a JSON array closed) even when the input cannot be read
    // to its end: it holds the valid records read before, and the status is 2.
    writer.finish()?.flush()?;
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

/// Where `convert` stands.
struct Counts<'a, W: Write> {
    name: &'a str,
    writer: &'a mut dio::Writer<W>,
    written: &'a mut u64,
    rejected: &'a mut u64,
    stopped: &'a mut Option<ReadError>,
}

/// Validates each record of `reader` as an `R` on `jobs` threads and writes the valid
/// ones, in the input's order; reports the others on standard error.
fn convert_records<R: Record + Send, T: Read, W: Write>(
    reader: &mut dio::Reader<T>,
    validator: &Validator,
    jobs: NonZeroUsize,
    counts: &mut Counts<'_, W>,
) -> Result<(), Fatal> {
    reader
        .parallel(jobs)
        .checked::<R, Fatal>(validator, |item| {
            match item {
                Item::Stopped(e) => *counts.stopped = Some(e),
                Item::Unreadable(e) => {
                    *counts.rejected += 1;
                    eprintln!("{}:{} : {}", counts.name, e.line, printable(&e.message));
                }
                Item::Record(CheckedEntry { line, checked }) => {
                    match write_checked(counts.writer, checked)? {
                        None => *counts.written += 1,
                        Some(problems) => {
                            *counts.rejected += 1;
                            for p in problems.iter().filter(|p| p.level == Level::Error) {
                                let shown = match messages::lang() {
                                    Lang::Fr => p.to_string(),
                                    Lang::En => format!("{p:#}"),
                                };
                                eprintln!("{}:{line} : {}", counts.name, printable(&shown));
                            }
                        }
                    }
                }
            }
            Ok(())
        })
}

/// Writes a valid record; returns the problems of an invalid one.
fn write_checked<R: Record, W: Write>(
    writer: &mut dio::Writer<W>,
    checked: Checked<R>,
) -> Result<Option<Vec<Problem>>, Fatal> {
    match checked.record {
        Some(record) => {
            writer.write(&record)?;
            Ok(None)
        }
        None => Ok(Some(checked.problems)),
    }
}
