//! `data-inclusion convert`: the valid records of a file written in another format; the
//! invalid ones reported on standard error, not written.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anstream::eprintln;
use data_inclusion_schema::io::{self as dio, Entry, Item, Kind};
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
    for item in detected.reader {
        match item {
            Item::Stopped(e) => {
                stopped = Some(e);
                break;
            }
            Item::Unreadable(e) => {
                rejected += 1;
                eprintln!("{}:{} : {}", source.name, e.line, printable(&e.message));
            }
            Item::Record(Entry { line, input }) => {
                let problems = match kind {
                    Kind::Structures => {
                        write_checked(&mut writer, input.check::<Structure>(validator))?
                    }
                    Kind::Services => {
                        write_checked(&mut writer, input.check::<Service>(validator))?
                    }
                };
                match problems {
                    None => written += 1,
                    Some(problems) => {
                        rejected += 1;
                        for p in problems.iter().filter(|p| p.level == Level::Error) {
                            let shown = match messages::lang() {
                                Lang::Fr => p.to_string(),
                                Lang::En => format!("{p:#}"),
                            };
                            eprintln!("{}:{line} : {}", source.name, printable(&shown));
                        }
                    }
                }
            }
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
