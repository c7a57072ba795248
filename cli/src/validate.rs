//! `data-inclusion validate`: every problem of every record, as a text or JSON report.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use data_inclusion_schema::io::{self as dio, Item, Kind, ReadError};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{kind_of, open_detected, Source};
use crate::report::json::JsonReport;
use crate::report::text::text_report;
use crate::report::Summary;
use crate::with_reader;
use crate::{InputArgs, ReportFormat};

/// Validates `file` (the bundled sample data without one) and writes the report: `true`
/// when no record has an error.
pub fn validate(
    file: Option<PathBuf>,
    input: &InputArgs,
    format: ReportFormat,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let sources: Vec<Source> = match &file {
        Some(path) => vec![Source::open(path, input.from.as_deref())?],
        None => Source::samples(),
    };
    // Colour on a terminal only: anstream strips the escape codes elsewhere.
    let out = BufWriter::new(anstream::stdout().lock());
    if format == ReportFormat::Text {
        let mut out = out;
        let result = validate_sources(sources, input, Report::Text(&mut out), validator, lang);
        out.flush()?;
        return result;
    }
    // The JSON report is a JSON array even when the input cannot be read to its end: the
    // problems found before are in it, and the reason is on stderr (exit status 2).
    let mut report = JsonReport::new(out)?;
    let result = validate_sources(sources, input, Report::Json(&mut report), validator, lang);
    let closed = report.close();
    let all_ok = result?;
    closed?;
    Ok(all_ok)
}

/// Where the problems go.
enum Report<'a> {
    /// Each problem as a JSON object, at once.
    Json(&'a mut JsonReport<BufWriter<anstream::AutoStream<std::io::StdoutLock<'static>>>>),
    /// The text report of each file, once it is read.
    Text(&'a mut dyn Write),
}

/// Validates each source. A source that cannot be read to its end stops here, after its
/// report.
fn validate_sources(
    sources: Vec<Source>,
    input: &InputArgs,
    mut report: Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let mut all_ok = true;
    for source in sources {
        let source = source.with_progress();
        let name = source.name.clone();
        let opened = open_detected(source, input.kind.map(kind_of))?;
        let (kind, kind_detected) = (opened.kind(), opened.kind_detected());
        let schema = kind.record_name();
        let mut summary = Summary::default();
        let stopped = with_reader!(
            opened,
            read_all(kind, &mut report, &mut summary, validator, lang)
        )?;
        if summary.errors > 0 {
            all_ok = false;
        }
        if let Report::Text(out) = &mut report {
            text_report(*out, &name, schema, kind_detected, &summary, lang)?;
        }
        if let Some(e) = stopped {
            return Err(Fatal::Read(e));
        }
    }
    Ok(all_ok)
}

/// Reads every record of `entries` into the report and the summary; the error that
/// stopped the reading, if any.
fn read_all<T: std::io::Read>(
    mut entries: dio::Reader<T>,
    kind: Kind,
    report: &mut Report<'_>,
    summary: &mut Summary,
    validator: &Validator,
    lang: Lang,
) -> Result<Option<ReadError>, Fatal> {
    let schema = kind.record_name();
    // Each record read and validated at once (a CSV row without its map when it has
    // nothing to report).
    while let Some(item) = match kind {
        Kind::Structures => next_problems::<Structure, _>(&mut entries, validator),
        Kind::Services => next_problems::<Service, _>(&mut entries, validator),
    } {
        match item {
            Item::Stopped(e) => {
                summary.unreadable = Some(e.to_string());
                return Ok(Some(e));
            }
            Item::Unreadable(e) => {
                summary.records += 1;
                summary.invalid += 1;
                summary.errors += 1;
                match report {
                    Report::Json(json) => json.unreadable(schema, e.line, &e.message)?,
                    Report::Text(_) => {
                        summary.add(String::new(), Level::Error, e.message.clone(), e.line)
                    }
                }
            }
            Item::Record((line, problems)) => {
                summary.records += 1;
                if problems.iter().any(|p| p.level == Level::Error) {
                    summary.invalid += 1;
                }
                for p in &problems {
                    match p.level {
                        Level::Error => summary.errors += 1,
                        _ => summary.warnings += 1,
                    }
                    match report {
                        Report::Json(json) => json.problem(schema, line, p, lang)?,
                        Report::Text(_) => {
                            summary.add(p.field.clone(), p.level, p.message(lang), line)
                        }
                    }
                }
            }
        }
    }
    Ok(None)
}

/// The next record of `entries`, validated as an `R`: its line and its problems.
fn next_problems<R: Record, T: std::io::Read>(
    entries: &mut dio::Reader<T>,
    validator: &Validator,
) -> Option<Item<(u64, Vec<Problem>)>> {
    let item = entries.next_checked::<R>(validator)?;
    Some(item.map(|entry| (entry.line, entry.checked.problems)))
}
