//! `data-inclusion convert`: the valid records of a file written in another format; the
//! invalid ones reported on standard error, not written. XLSX in (both sheets, or the
//! one `--kind` names) and out (a sheet per kind).

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;

use anstream::eprintln;
use data_inclusion_schema::io::xlsx::{Workbook, XlsxWriter};
use data_inclusion_schema::io::{self as dio, CheckedEntry, Entry, Item, Kind, ReadError};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{format_of, is_xlsx, kind_of, Opened, ReadSeek};
use crate::messages::{self, Ui};
use crate::terminal::printable;
use crate::InputArgs;

/// Where the valid records go.
enum Sink {
    Stream(dio::Writer<BufWriter<Box<dyn Write>>>),
    Xlsx(Box<XlsxWriter>),
}

impl Sink {
    fn write<R: Record>(&mut self, record: &R) -> Result<(), Fatal> {
        match self {
            Sink::Stream(w) => w.write(record)?,
            Sink::Xlsx(w) => w.write(record).map_err(|source| Fatal::Workbook {
                path: "<sortie>".into(),
                source,
            })?,
        }
        Ok(())
    }
}

/// Converts `input` into `output`: `true` when every record was written.
pub fn convert(
    input: &Path,
    output: &Path,
    args: &InputArgs,
    to: Option<&str>,
    validator: &Validator,
) -> Result<bool, Fatal> {
    let source = Opened::open(input, args.from.as_deref())?;
    let mut sink = if is_xlsx(output, to) {
        Sink::Xlsx(Box::default())
    } else {
        let out_format = format_of(output, to)?;
        let out: Box<dyn Write> = if output.as_os_str() == "-" {
            Box::new(io::stdout().lock())
        } else {
            Box::new(File::create(output).map_err(|source| Fatal::File {
                path: output.to_path_buf(),
                source,
            })?)
        };
        Sink::Stream(dio::Writer::new(
            BufWriter::new(out),
            out_format,
            dio::WriteOptions::default(),
        ))
    };
    let mut counts = Counts::default();
    let stopped = match source {
        Opened::Stream(source) => {
            let source = source.with_progress();
            let detected =
                dio::read_detected(source.reader, source.format, args.kind.map(kind_of))?;
            let (kind, mut reader) = (detected.kind, detected.reader);
            // Validated on `--jobs` threads, written in the input's order.
            let (name, jobs) = (&source.name, args.jobs());
            let (sink, counts) = (&mut sink, &mut counts);
            match kind {
                Kind::Structures => convert_stream::<Structure, _>(
                    name,
                    &mut reader,
                    jobs,
                    sink,
                    validator,
                    counts,
                )?,
                Kind::Services => {
                    convert_stream::<Service, _>(name, &mut reader, jobs, sink, validator, counts)?
                }
            }
        }
        Opened::Workbook { name, mut workbook } => {
            let single = matches!(sink, Sink::Stream(_));
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
            stopped
        }
    };
    // The output is well-formed (a JSON array closed) even when the input cannot be read
    // to its end: it holds the valid records read before, and the status is 2.
    match sink {
        Sink::Stream(writer) => writer.finish()?.flush()?,
        Sink::Xlsx(writer) => {
            let bytes = writer.into_bytes().map_err(|source| Fatal::Workbook {
                path: output.to_path_buf(),
                source,
            })?;
            if output.as_os_str() == "-" {
                io::stdout().lock().write_all(&bytes)?;
            } else {
                std::fs::write(output, bytes).map_err(|source| Fatal::File {
                    path: output.to_path_buf(),
                    source,
                })?;
            }
        }
    }
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

/// Converts the records of a file read as a stream, validated as `R`s on `jobs` threads
/// and written in the input's order; the error that stopped the reading, if any.
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
            None => counts.written += 1,
            Some(problems) => {
                counts.rejected += 1;
                for p in problems.iter().filter(|p| p.level == Level::Error) {
                    let shown = match messages::lang() {
                        Lang::Fr => p.to_string(),
                        Lang::En => format!("{p:#}"),
                    };
                    eprintln!("{name}:{line} : {}", printable(&shown));
                }
            }
        },
    }
    Ok(None)
}

/// Writes a valid record; returns the problems of an invalid one.
fn write_checked<R: Record>(
    sink: &mut Sink,
    checked: Checked<R>,
) -> Result<Option<Vec<Problem>>, Fatal> {
    match checked.record {
        Some(record) => {
            sink.write(&record)?;
            Ok(None)
        }
        None => Ok(Some(checked.problems)),
    }
}
