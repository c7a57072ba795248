//! `data-inclusion validate`: every problem of every record, as a text or JSON report.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use data_inclusion_schema::communes::{self, Remark};
use data_inclusion_schema::io::xlsx::Workbook;
use data_inclusion_schema::io::{self as dio, ColumnProblem, Item, Kind, ReadError};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Level, Problem, Profile, Validator};
use data_inclusion_schema::{Lang, Record};

use crate::fatal::Fatal;
use crate::input::{kind_of, Input, Source};
use crate::report::json::JsonReport;
use crate::report::text::text_report;
use crate::report::Summary;
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
    let sources: Vec<Input> = match &file {
        Some(path) => vec![Input::open(path, input.from.as_deref())?],
        None => Source::samples().into_iter().map(Input::Stream).collect(),
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

/// One record's outcome: its line, its problems, and the remarks beyond the valideur.
type Outcome = (u64, Vec<Problem>, Vec<Remark>);

/// Validates each source. A source that cannot be read to its end stops here, after its
/// report.
fn validate_sources(
    sources: Vec<Input>,
    input: &InputArgs,
    mut report: Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let mut all_ok = true;
    for source in sources {
        match source {
            Input::Stream(source) => {
                let source = source.with_progress();
                let mut detected =
                    dio::read_detected(source.reader, source.format, input.kind.map(kind_of))?;
                let kind = detected.kind;
                let columns = detected.reader.column_problems(validator);
                let entries = &mut detected.reader;
                let mut next = || match kind {
                    Kind::Structures => outcome::<Structure>(entries.next_checked(validator)),
                    Kind::Services => outcome::<Service>(entries.next_checked(validator)),
                };
                let name = source.name.clone();
                let ok = validate_one(
                    &name,
                    kind,
                    detected.kind_detected,
                    &columns,
                    &mut next,
                    &mut report,
                    validator,
                    lang,
                )?;
                all_ok &= ok;
            }
            Input::Workbook { name, mut workbook } => {
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
        let Some(mut sheet) = workbook
            .sheet(info.kind)
            .map_err(|source| Fatal::Workbook {
                path: name.into(),
                source,
            })?
        else {
            continue;
        };
        let columns = sheet.column_problems(validator);
        let mut next = || match info.kind {
            Kind::Structures => outcome::<Structure>(sheet.next_checked(validator)),
            Kind::Services => outcome::<Service>(sheet.next_checked(validator)),
        };
        let label = match lang {
            Lang::Fr => format!("{name} (feuille {})", info.name),
            _ => format!("{name} (sheet {})", info.name),
        };
        all_ok &= validate_one(
            &label, info.kind, true, &columns, &mut next, report, validator, lang,
        )?;
    }
    Ok(all_ok)
}

/// The remarks beyond the valideur on a valid record.
trait Remarks {
    fn remarks(&self) -> Vec<Remark>;
}

impl Remarks for Structure {
    fn remarks(&self) -> Vec<Remark> {
        communes::remarks_structure(self)
    }
}

impl Remarks for Service {
    fn remarks(&self) -> Vec<Remark> {
        communes::remarks_service(self)
    }
}

/// A checked record's outcome.
fn outcome<R: Record + Remarks>(item: Option<Item<dio::CheckedEntry<R>>>) -> Option<Item<Outcome>> {
    Some(item?.map(|entry| {
        let remarks = entry
            .checked
            .record
            .as_ref()
            .map(Remarks::remarks)
            .unwrap_or_default();
        (entry.line, entry.checked.problems, remarks)
    }))
}

/// Validates the records that `next` gives (one file, or one sheet) and reports them.
#[allow(clippy::too_many_arguments)]
fn validate_one(
    name: &str,
    kind: Kind,
    kind_detected: bool,
    columns: &[ColumnProblem],
    next: &mut dyn FnMut() -> Option<Item<Outcome>>,
    report: &mut Report<'_>,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let schema = kind.record_name();
    // The remarks beyond the valideur come with the valideur's profile.
    let remarks_on = validator.profile() == Profile::Valideur;
    let mut summary = Summary::default();
    for column in columns {
        match report {
            Report::Json(json) => json.column(schema, column, lang)?,
            Report::Text(_) => summary.note(
                crate::report::Note::Column,
                column.column.clone(),
                column.message(lang),
                column.line,
            ),
        }
    }
    let mut stopped: Option<ReadError> = None;
    // Each record read and validated at once (a CSV row without its map when it has
    // nothing to report).
    while let Some(item) = next() {
        match item {
            Item::Stopped(e) => {
                summary.unreadable = Some(e.to_string());
                stopped = Some(e);
                break;
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
            Item::Record((line, problems, remarks)) => {
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
                for r in remarks.iter().filter(|_| remarks_on) {
                    match report {
                        Report::Json(json) => json.remark(schema, line, r, lang)?,
                        Report::Text(_) => summary.note(
                            crate::report::Note::Remark,
                            r.field.to_string(),
                            r.message(lang),
                            line,
                        ),
                    }
                }
            }
        }
    }
    if let Report::Text(out) = report {
        text_report(*out, name, schema, kind_detected, &summary, lang)?;
    }
    if let Some(e) = stopped {
        return Err(Fatal::Read(e));
    }
    Ok(summary.errors == 0)
}
