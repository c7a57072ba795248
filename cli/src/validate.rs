//! `data-inclusion validate`: every problem of every record, as a text, JSON or HTML
//! report.

use std::io::{BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use data_inclusion_schema::io::xlsx::Workbook;
use data_inclusion_schema::io::{self as dio, ColumnProblem, Input, Item, Kind, ReadError};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Level, Problem, Validator};
use data_inclusion_schema::{Lang, Record};
use serde_json::{Map, Value};

use crate::fatal::Fatal;
use crate::input::{kind_of, open_detected, Entries, Opened, Source};
use crate::report::html::{self, FileReport, Meta};
use crate::report::json::JsonReport;
use crate::report::text::text_report;
use crate::report::{Preview, Summary};
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
    let sources: Vec<Opened> = match &file {
        Some(path) => vec![Opened::open(path, input.from.as_deref())?],
        None => Source::samples().into_iter().map(Opened::Stream).collect(),
    };
    // Colour on a terminal only: anstream strips the escape codes elsewhere.
    let out = BufWriter::new(anstream::stdout().lock());
    match format {
        ReportFormat::Text => {
            let mut out = out;
            let result = validate_sources(sources, input, Report::Text(&mut out), validator, lang);
            out.flush()?;
            result
        }
        ReportFormat::Json => {
            // The JSON report is a JSON array even when the input cannot be read to its
            // end: the problems found before are in it, and the reason is on stderr
            // (exit status 2).
            let mut report = JsonReport::new(out)?;
            let result =
                validate_sources(sources, input, Report::Json(&mut report), validator, lang);
            let closed = report.close();
            let all_ok = result?;
            closed?;
            Ok(all_ok)
        }
        ReportFormat::Html => {
            // The page is written even when the input cannot be read to its end: the
            // problems found before, and the reason, are on it (exit status 2).
            let mut files = Vec::new();
            let result =
                validate_sources(sources, input, Report::Html(&mut files), validator, lang);
            let meta = Meta {
                reference_date: validator.reference_date(),
                mask: validator.masks_personal_data(),
                strict: validator.is_strict(),
                advice: validator.gives_advice(),
            };
            let mut out = out;
            html::write(&mut out, &files, &meta, lang)?;
            out.flush()?;
            result
        }
    }
}

/// Where the problems go.
enum Report<'a> {
    /// Each problem as a JSON object, at once.
    Json(&'a mut JsonReport<BufWriter<anstream::AutoStream<std::io::StdoutLock<'static>>>>),
    /// The text report of each file, once it is read.
    Text(&'a mut dyn Write),
    /// The HTML page, once every file is read.
    Html(&'a mut Vec<FileReport>),
}

/// Validates each source. A source that cannot be read to its end stops here, after its
/// report.
fn validate_sources(
    sources: Vec<Opened>,
    input: &InputArgs,
    mut report: Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let mut all_ok = true;
    let html = matches!(report, Report::Html(_));
    for source in sources {
        match source {
            Opened::Stream(source) => {
                let mut source = source.with_progress();
                let detected = open_detected(&mut source, input.kind.map(kind_of))?;
                let (kind, mut entries) = (detected.kind, detected.reader);
                let columns = entries.column_problems(validator);
                // Each record read and validated at once (for the text and JSON reports, a
                // CSV row without its map when it has nothing to report; the HTML report
                // keeps the values of the rows it previews), on `--jobs` threads, in the
                // input's order.
                let jobs = input.jobs();
                let mut records =
                    |each: &mut dyn FnMut(Item<Validated>) -> Result<(), Fatal>| match kind {
                        Kind::Structures => {
                            each_record::<Structure>(&mut entries, validator, html, jobs, each)
                        }
                        Kind::Services => {
                            each_record::<Service>(&mut entries, validator, html, jobs, each)
                        }
                    };
                all_ok &= validate_one(
                    &source.name,
                    kind,
                    detected.kind_detected,
                    &columns,
                    &mut records,
                    &mut report,
                    validator,
                    lang,
                )?;
            }
            Opened::Workbook { name, mut workbook } => {
                all_ok &=
                    validate_workbook(&name, &mut workbook, input, &mut report, validator, lang)?;
            }
        }
    }
    Ok(all_ok)
}

/// Validates each sheet of a workbook (both kinds, structures first; `--kind` keeps one).
fn validate_workbook<RS: std::io::Read + std::io::Seek>(
    name: &str,
    workbook: &mut Workbook<RS>,
    input: &InputArgs,
    report: &mut Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let mut all_ok = true;
    let wanted = input.kind.map(kind_of);
    for info in workbook.sheets().to_vec() {
        if wanted.is_some_and(|k| k != info.kind) {
            continue;
        }
        let sheet = workbook
            .sheet(info.kind)
            .map_err(|source| Fatal::Workbook {
                path: name.into(),
                source,
            })?;
        let Some(mut sheet) = sheet else { continue };
        let columns = sheet.column_problems(validator);
        let html = matches!(report, Report::Html(_));
        let mut records = |each: &mut dyn FnMut(Item<Validated>) -> Result<(), Fatal>| {
            for item in sheet.by_ref() {
                each(item.map(|entry| Validated {
                    line: entry.line,
                    problems: match info.kind {
                        Kind::Structures => entry.input.check::<Structure>(validator).problems,
                        Kind::Services => entry.input.check::<Service>(validator).problems,
                    },
                    input: html.then_some(entry.input),
                }))?;
            }
            Ok(())
        };
        let label = match lang {
            Lang::Fr => format!("{name} (feuille {})", info.name),
            _ => format!("{name} (sheet {})", info.name),
        };
        all_ok &= validate_one(
            &label,
            info.kind,
            true,
            &columns,
            &mut records,
            report,
            validator,
            lang,
        )?;
    }
    Ok(all_ok)
}

/// What gives the records of one file or sheet to a function, in order.
type Records<'a> =
    dyn FnMut(&mut dyn FnMut(Item<Validated>) -> Result<(), Fatal>) -> Result<(), Fatal> + 'a;

/// Validates the records that `records` gives (one file, or one sheet) and reports them:
/// a source that cannot be read to its end stops here, after its report.
#[allow(clippy::too_many_arguments)]
fn validate_one(
    name: &str,
    kind: Kind,
    kind_detected: bool,
    columns: &[ColumnProblem],
    records: &mut Records<'_>,
    report: &mut Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let html = matches!(report, Report::Html(_));
    let groups = !matches!(report, Report::Json(_));
    let schema = kind.record_name();
    let mut summary = Summary::default();
    let mut preview = Preview::new(validator.masks_personal_data());
    let mut stopped: Option<ReadError> = None;
    for column in columns {
        match report {
            Report::Json(json) => json.column(schema, column, lang)?,
            _ => summary
                .columns
                .push((column.column.clone(), column.message(lang), column.line)),
        }
    }
    records(&mut |item| {
        match item {
            // The last item.
            Item::Stopped(e) => {
                summary.unreadable = Some(e.to_string());
                stopped = Some(e);
            }
            Item::Unreadable(e) => {
                summary.unreadable_record(e.line, &e.message, groups);
                preview.unreadable(e.line, &e.message);
                if let Report::Json(json) = report {
                    json.unreadable(schema, &e)?;
                }
            }
            Item::Record(record) => {
                summary.record(record.line, &record.problems, lang, groups, html);
                if html {
                    let in_error = record.problems.iter().any(|p| p.level == Level::Error);
                    let values = record
                        .input
                        .filter(|_| preview.wants(in_error))
                        .map(values_of);
                    preview.offer(record.line, &record.problems, values, lang);
                }
                if let Report::Json(json) = report {
                    for p in &record.problems {
                        json.problem(schema, record.line, p, lang)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    let ok = summary.errors == 0;
    match report {
        Report::Text(out) => text_report(*out, name, schema, kind_detected, &summary, lang)?,
        Report::Html(files) => files.push(FileReport {
            name: name.to_string(),
            kind,
            detected: kind_detected,
            summary: std::mem::take(&mut summary),
            preview,
        }),
        Report::Json(_) => {}
    }
    if let Some(e) = stopped {
        return Err(Fatal::Read(e));
    }
    Ok(ok)
}

/// A record read and validated: its line, its problems, and (for the HTML report) the
/// record as read.
struct Validated {
    line: u64,
    problems: Vec<Problem>,
    input: Option<Input>,
}

/// Gives each record of `entries`, validated as an `R` on `jobs` threads, to `each`, in
/// the input's order; with `keep`, the record as read too.
fn each_record<R: Record>(
    entries: &mut Entries,
    validator: &Validator,
    keep: bool,
    jobs: NonZeroUsize,
    each: &mut dyn FnMut(Item<Validated>) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    match entries {
        Entries::Stream(reader) => each_record_of::<R, _>(reader, validator, keep, jobs, each),
        Entries::File(reader) => each_record_of::<R, _>(reader, validator, keep, jobs, each),
    }
}

/// [`each_record`] for one kind of reader.
fn each_record_of<R: Record, T: std::io::Read>(
    entries: &mut dio::Reader<T>,
    validator: &Validator,
    keep: bool,
    jobs: NonZeroUsize,
    each: &mut dyn FnMut(Item<Validated>) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let parallel = entries.parallel(jobs);
    if !keep {
        // The report needs the problems alone: no typed record is built.
        return parallel.verdicts::<R, Fatal>(validator, |item| {
            each(item.map(|entry| Validated {
                line: entry.line,
                problems: entry.checked.problems,
                input: None,
            }))
        });
    }
    parallel.entries(
        |entry| Validated {
            line: entry.line,
            problems: entry.input.check::<R>(validator).problems,
            input: Some(entry.input),
        },
        each,
    )
}

/// The members of a record as read (an empty map when it is not an object).
fn values_of(input: Input) -> Map<String, Value> {
    match input {
        Input::Fields(map) => map,
        Input::Json(text) => match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        },
    }
}
