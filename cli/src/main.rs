//! `data-inclusion`: validate, convert and score data·inclusion files from the command line.
//!
//! ```text
//! data-inclusion validate [--kind structures|services] [--format text|json] [--today YYYY-MM-DD] [--strict] [--lang fr|en] [FILE]
//! data-inclusion convert  [--kind structures|services] INPUT OUTPUT
//! data-inclusion score    [--today YYYY-MM-DD] FILE
//! ```
//!
//! Exit status: 0 no error (warnings allowed unless `--strict`), 1 errors found, 2 the
//! input could not be read at all.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::eprintln;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};

use data_inclusion_schema::io::{self as dio, Entry, Format, Kind};
use data_inclusion_schema::score::score_qualite;
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::{Checked, Lang, Level, Problem, Validator};
use data_inclusion_schema::Record;

/// The bundled sample data that `validate` runs on when given no file.
const SAMPLE: [(&str, &str); 2] = [
    (
        "cli/data/structures.jsonl",
        include_str!("../data/structures.jsonl"),
    ),
    (
        "cli/data/services.jsonl",
        include_str!("../data/services.jsonl"),
    ),
];

/// Files larger than this get a progress bar (on a terminal).
const PROGRESS_MIN_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "data-inclusion",
    version,
    about = "Valide, convertit et note les données du schéma data·inclusion (v1)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validates a file of structures or services and reports every problem.
    Validate {
        /// The file (.json, .jsonl, .ndjson, .csv); `-` for standard input. Without it,
        /// the bundled sample data.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
        /// The report's format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The reference date of the `date_maj` rule (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Report warnings as errors.
        #[arg(long)]
        strict: bool,
        /// The language of messages.
        #[arg(long, value_enum, default_value_t = LangArg::Fr)]
        lang: LangArg,
        /// Mask personal data (courriel, téléphone, contact) in the report.
        #[arg(long)]
        mask: bool,
    },
    /// Converts between JSON, JSON Lines and CSV; invalid records are reported, not written.
    Convert {
        /// The input file; `-` for standard input (with --from).
        input: PathBuf,
        /// The output file; `-` for standard output (with --to).
        output: PathBuf,
        #[command(flatten)]
        input_args: InputArgs,
        /// The output format, when OUTPUT is `-` or has no known extension.
        #[arg(long, value_name = "FORMAT")]
        to: Option<String>,
        /// The reference date of the `date_maj` rule (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Prints the official quality score of each service, one JSON line per service.
    Score {
        /// The file of services; `-` for standard input (with --from).
        file: PathBuf,
        /// The input format, when FILE is `-` or has no known extension.
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        /// The reference date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
}

#[derive(clap::Args)]
struct InputArgs {
    /// What the file holds; detected from the content when not given (a `structure_id`
    /// column or key means services).
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// The input format, when the file is `-` or has no known extension.
    #[arg(long, value_name = "FORMAT")]
    from: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Structures,
    Services,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

/// A failure to read the input at all: exit status 2.
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate {
            file,
            input,
            format,
            today,
            strict,
            lang,
            mask,
        } => {
            let mut validator = Validator::new()
                .with_strict(strict)
                .with_masked_personal_data(mask);
            if let Some(today) = today {
                validator = validator.with_reference_date(today);
            }
            let lang = match lang {
                LangArg::Fr => Lang::Fr,
                LangArg::En => Lang::En,
            };
            validate(file, &input, format, &validator, lang)
        }
        Command::Convert {
            input,
            output,
            input_args,
            to,
            today,
        } => {
            let validator =
                today.map_or_else(Validator::new, |t| Validator::new().with_reference_date(t));
            convert(&input, &output, &input_args, to.as_deref(), &validator)
        }
        Command::Score { file, from, today } => {
            let today = today.unwrap_or_else(|| Validator::new().reference_date());
            score(&file, from.as_deref(), today)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fatal(reason)) => {
            eprintln!("data-inclusion: {}", printable(&reason));
            ExitCode::from(2)
        }
    }
}

/// An opened input: its name for reports, its format, its size if known, and the bytes.
struct Source {
    name: String,
    format: Format,
    size: Option<u64>,
    reader: Box<dyn Read>,
}

fn format_of(path: &std::path::Path, explicit: Option<&str>) -> Result<Format, Fatal> {
    match explicit {
        Some(name) => Format::from_name(name)
            .ok_or_else(|| Fatal(format!("format inconnu : {name} (json, jsonl, csv)"))),
        None if path.as_os_str() == "-" => Err(Fatal(
            "avec `-`, le format se donne avec --from / --to".into(),
        )),
        None => Format::from_path(path).ok_or_else(|| {
            Fatal(format!(
                "{} : extension inconnue (attendu .json, .jsonl, .ndjson ou .csv ; ou --from)",
                path.display()
            ))
        }),
    }
}

fn open(path: &std::path::Path, from: Option<&str>) -> Result<Source, Fatal> {
    let format = format_of(path, from)?;
    if path.as_os_str() == "-" {
        return Ok(Source {
            name: "<stdin>".into(),
            format,
            size: None,
            reader: Box::new(io::stdin().lock()),
        });
    }
    let file = File::open(path).map_err(|e| Fatal(format!("{} : {e}", path.display())))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok(Source {
        name: path.display().to_string(),
        format,
        size,
        reader: Box::new(io::BufReader::with_capacity(1 << 16, file)),
    })
}

/// The progress bar for a large file read on a terminal.
fn progress(source: &mut Source) {
    let Some(size) = source.size else { return };
    if size < PROGRESS_MIN_BYTES || !io::stderr().is_terminal() {
        return;
    }
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let reader = std::mem::replace(&mut source.reader, Box::new(io::empty()));
    source.reader = Box::new(bar.wrap_read(reader));
}

/// The text report keeps at most this many distinct problems (field, level, message)…
const MAX_GROUPS: usize = 1000;
/// … and, for each, at most this many ranges of lines: a file with millions of problems
/// is reported in bounded memory (the JSON report, streamed, lists them all).
const MAX_RANGES: usize = 100;

/// What one file's validation found, for the text report.
#[derive(Default)]
struct Summary {
    records: u64,
    invalid: u64,
    errors: u64,
    warnings: u64,
    /// (field, level, message) → lines
    groups: BTreeMap<(String, Level, String), Lines>,
    /// The problems not kept in `groups` (beyond [`MAX_GROUPS`]).
    hidden: u64,
    /// Why the input could not be read to its end.
    unreadable: Option<String>,
}

impl Summary {
    fn add(&mut self, field: String, level: Level, message: String, line: u64) {
        let key = (field, level, message);
        if let Some(lines) = self.groups.get_mut(&key) {
            lines.push(line);
        } else if self.groups.len() < MAX_GROUPS {
            let mut lines = Lines::default();
            lines.push(line);
            self.groups.insert(key, lines);
        } else {
            self.hidden += 1;
        }
    }
}

/// The lines of one problem: ranges of consecutive lines, at most [`MAX_RANGES`], then a
/// count of the other lines.
#[derive(Default)]
struct Lines {
    ranges: Vec<(u64, u64)>,
    /// Lines not kept in `ranges`.
    more: u64,
    /// The last line added (a record may have the same problem twice).
    last: Option<u64>,
}

impl Lines {
    fn push(&mut self, line: u64) {
        if self.last == Some(line) {
            return;
        }
        self.last = Some(line);
        let full = self.ranges.len() >= MAX_RANGES;
        match self.ranges.last_mut() {
            Some((start, end)) if (*start..=*end).contains(&line) => {}
            Some((_, end)) if *end + 1 == line => *end = line,
            _ if !full => self.ranges.push((line, line)),
            _ => self.more += 1,
        }
    }

    fn several(&self) -> bool {
        self.more > 0 || self.ranges.len() > 1 || self.ranges.iter().any(|(a, b)| a != b)
    }
}

/// The JSON report: one object per problem, streamed, in a JSON array.
struct JsonReport<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonReport<W> {
    fn problem(&mut self, object: &Value) -> io::Result<()> {
        if !self.first {
            writeln!(self.out, ",")?;
        }
        self.first = false;
        write!(self.out, "  {object}")
    }
}

fn validate(
    file: Option<PathBuf>,
    input: &InputArgs,
    format: ReportFormat,
    validator: &Validator,
    lang: Lang,
) -> Result<bool, Fatal> {
    let sources: Vec<Source> = match &file {
        Some(path) => vec![open(path, input.from.as_deref())?],
        None => SAMPLE
            .iter()
            .map(|(name, text)| Source {
                name: (*name).into(),
                format: Format::JsonLines,
                size: None,
                reader: Box::new(text.as_bytes()),
            })
            .collect(),
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
    let mut report = JsonReport { out, first: true };
    writeln!(report.out, "[")?;
    let result = validate_sources(
        sources,
        input,
        Report::Json(&mut |object| report.problem(object)),
        validator,
        lang,
    );
    let closed = writeln!(report.out, "\n]").and_then(|()| report.out.flush());
    let all_ok = result?;
    closed?;
    Ok(all_ok)
}

/// Where the problems go.
enum Report<'a> {
    /// Each problem as a JSON object, at once.
    Json(&'a mut dyn FnMut(&Value) -> io::Result<()>),
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
    for mut source in sources {
        progress(&mut source);
        let (kind, detected, entries) =
            dio::read_detected(source.reader, source.format, input.kind.map(kind_of))?;
        let schema = match kind {
            Kind::Structures => "Structure",
            Kind::Services => "Service",
        };
        let mut summary = Summary::default();
        let mut emit = |line: u64,
                        problem: Option<&Problem>,
                        message: String,
                        level: Level,
                        summary: &mut Summary|
         -> Result<(), Fatal> {
            let field = problem.map_or(String::new(), |p| p.field.clone());
            match level {
                Level::Error => summary.errors += 1,
                _ => summary.warnings += 1,
            }
            match &mut report {
                Report::Json(json) => json(&json!({
                    "schema": schema,
                    "line": line,
                    "field": field,
                    "path": problem.map_or(String::new(), |p| p.path.clone()),
                    "code": problem.map_or("record_unreadable", |p| p.code().as_str()),
                    "level": level.as_str(),
                    "value": problem.map_or(Value::Null, |p| p.value.clone()),
                    "message": message,
                }))?,
                Report::Text(_) => summary.add(field, level, message, line),
            }
            Ok(())
        };
        let mut entries = entries;
        // Each record read and validated at once (a CSV row without its map when it has
        // nothing to report).
        while let Some(entry) = match kind {
            Kind::Structures => next_problems::<Structure, _>(&mut entries, validator),
            Kind::Services => next_problems::<Service, _>(&mut entries, validator),
        } {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    summary.unreadable = Some(e.to_string());
                    break;
                }
            };
            summary.records += 1;
            match entry {
                Err(e) => {
                    summary.invalid += 1;
                    emit(e.line, None, e.message.clone(), Level::Error, &mut summary)?;
                }
                Ok((line, problems)) => {
                    if problems.iter().any(|p| p.level == Level::Error) {
                        summary.invalid += 1;
                    }
                    for p in &problems {
                        emit(line, Some(p), p.message(lang), p.level, &mut summary)?;
                    }
                }
            }
        }
        if summary.errors > 0 {
            all_ok = false;
        }
        if let Report::Text(out) = &mut report {
            text_report(*out, &source.name, schema, detected, &summary, lang)?;
        }
        if let Some(reason) = summary.unreadable {
            return Err(Fatal(reason));
        }
    }
    Ok(all_ok)
}

/// The next record of `entries`, validated as an `R`: its line and its problems.
#[allow(clippy::type_complexity)]
fn next_problems<R: Record, T: io::Read>(
    entries: &mut dio::Reader<T>,
    validator: &Validator,
) -> Option<Result<Result<(u64, Vec<Problem>), dio::RecordError>, dio::ReadError>> {
    let item = entries.next_checked::<R>(validator)?;
    Some(item.map(|record| record.map(|entry| (entry.line, entry.checked.problems))))
}

fn kind_of(k: KindArg) -> Kind {
    match k {
        KindArg::Structures => Kind::Structures,
        KindArg::Services => Kind::Services,
    }
}

/// Text from the input as it is shown on a terminal: control characters (escape
/// sequences, NUL, …) and the characters that reorder text (bidi controls) are written as
/// `\u{1b}`, so that a hostile file cannot drive the terminal or disguise a message.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.contains(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// `[(2, 5), (9, 9)]` → `"2 à 5, 9"`; then `", … et 12 autres"` for the lines not kept.
fn ranges(lines: &Lines, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let to = if fr { " à " } else { " to " };
    let mut sorted = lines.ranges.clone();
    sorted.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match merged.last_mut() {
            Some((_, last)) if start <= *last + 1 => *last = (*last).max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut parts: Vec<String> = merged
        .iter()
        .map(|&(start, end)| {
            if start == end {
                start.to_string()
            } else {
                format!("{start}{to}{end}")
            }
        })
        .collect();
    if lines.more > 0 {
        parts.push(if fr {
            format!(
                "… et {} autre{}",
                lines.more,
                if lines.more > 1 { "s" } else { "" }
            )
        } else {
            format!("… and {} more", lines.more)
        });
    }
    parts.join(", ")
}

const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

fn text_report(
    out: &mut dyn Write,
    name: &str,
    schema: &str,
    detected: bool,
    s: &Summary,
    lang: Lang,
) -> Result<(), Fatal> {
    let fr = lang == Lang::Fr;
    let how = match (fr, detected) {
        (true, true) => "détecté",
        (true, false) => "indiqué",
        (false, true) => "detected",
        (false, false) => "given",
    };
    writeln!(out, "{BOLD}{name}{RESET} — {schema} ({how})")?;
    let plural = |n: u64| if n > 1 { "s" } else { "" };
    if fr {
        writeln!(out, "  Enregistrements lus : {}", s.records)?;
        writeln!(
            out,
            "  Enregistrements invalides : {} ({} erreur{}, {} avertissement{})",
            s.invalid,
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings)
        )?;
    } else {
        writeln!(out, "  Records read: {}", s.records)?;
        writeln!(
            out,
            "  Invalid records: {} ({} error{}, {} warning{})",
            s.invalid,
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings)
        )?;
    }
    if let Some(reason) = &s.unreadable {
        let stopped = if fr {
            "lecture interrompue"
        } else {
            "reading stopped"
        };
        writeln!(out, "  {RED}{stopped}{RESET} : {}", printable(reason))?;
    }
    if s.groups.is_empty() && s.unreadable.is_none() {
        let ok = if fr {
            "Aucun problème."
        } else {
            "No problem."
        };
        writeln!(out, "  {GREEN}{ok}{RESET}\n")?;
        return Ok(());
    }
    let line_word = |several: bool| match (fr, several) {
        (true, false) => "ligne",
        (true, true) => "lignes",
        (false, false) => "line",
        (false, true) => "lines",
    };
    for ((field, level, message), lines) in &s.groups {
        let (colour, tag) = match (level, fr) {
            (Level::Error, true) => (RED, "erreur"),
            (Level::Error, false) => (RED, "error"),
            (Level::Warning, true) => (YELLOW, "avertissement"),
            (Level::Warning, false) => (YELLOW, "warning"),
            (_, true) => (YELLOW, "remarque"),
            (_, false) => (YELLOW, "note"),
        };
        let field = if field.is_empty() { "—" } else { field };
        let (field, message) = (printable(field), printable(message));
        writeln!(
            out,
            "  {colour}{tag}{RESET} {BOLD}{field}{RESET} : {message} ({} {})",
            line_word(lines.several()),
            ranges(lines, lang)
        )?;
    }
    if s.hidden > 0 {
        let n = s.hidden;
        if fr {
            writeln!(
                out,
                "  … et {n} autre{} problème{} (--format json les donne tous)",
                plural(n),
                plural(n)
            )?;
        } else {
            writeln!(
                out,
                "  … and {n} other problem{} (--format json gives them all)",
                plural(n)
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn convert(
    input: &std::path::Path,
    output: &std::path::Path,
    args: &InputArgs,
    to: Option<&str>,
    validator: &Validator,
) -> Result<bool, Fatal> {
    let mut source = open(input, args.from.as_deref())?;
    let out_format = format_of(output, to)?;
    progress(&mut source);
    let (kind, _, entries) =
        dio::read_detected(source.reader, source.format, args.kind.map(kind_of))?;
    let sink: Box<dyn Write> = if output.as_os_str() == "-" {
        Box::new(io::stdout().lock())
    } else {
        Box::new(File::create(output).map_err(|e| Fatal(format!("{} : {e}", output.display())))?)
    };
    let mut writer = dio::Writer::new(
        BufWriter::new(sink),
        out_format,
        dio::WriteOptions::default(),
    );
    let (mut written, mut rejected) = (0u64, 0u64);
    let mut unreadable = None;
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                unreadable = Some(Fatal::from(e));
                break;
            }
        };
        match entry {
            Err(e) => {
                rejected += 1;
                eprintln!("{}:{} : {}", source.name, e.line, printable(&e.message));
            }
            Ok(Entry { line, input }) => {
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
                            eprintln!("{}:{line} : {}", source.name, printable(&p.to_string()));
                        }
                    }
                }
            }
        }
    }
    // The output is well-formed (a JSON array closed) even when the input cannot be read
    // to its end: it holds the valid records read before, and the status is 2.
    writer.finish()?.flush()?;
    eprintln!("{written} enregistrement(s) écrit(s), {rejected} invalide(s) non écrit(s)");
    match unreadable {
        Some(fatal) => Err(fatal),
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

fn score(path: &std::path::Path, from: Option<&str>, today: NaiveDate) -> Result<bool, Fatal> {
    let mut source = open(path, from)?;
    progress(&mut source);
    let (_, _, entries) = dio::read_detected(source.reader, source.format, Some(Kind::Services))?;
    let validator = Validator::new().with_reference_date(today);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for entry in entries {
        let line_json = match entry? {
            Err(e) => {
                all_ok = false;
                json!({"line": e.line, "id": null, "score": null, "error": e.message})
            }
            Ok(Entry { line, input }) => match input.check::<Service>(&validator).into_result() {
                Err(report) => {
                    all_ok = false;
                    let id = report
                        .problems
                        .first()
                        .map(|_| Value::Null)
                        .unwrap_or(Value::Null);
                    json!({"line": line, "id": id, "score": null,
                           "error": format!("service invalide : {} erreur(s)", report.errors().count())})
                }
                Ok(service) => match score_qualite(&service, today) {
                    Ok(s) => {
                        let criteria: serde_json::Map<String, Value> = s
                            .criteria
                            .iter()
                            .map(|(c, v)| {
                                (c.as_str().to_string(), v.map_or(Value::Null, Value::from))
                            })
                            .collect();
                        json!({"line": line, "id": service.id, "score": s.score, "criteria": criteria})
                    }
                    Err(e) => {
                        all_ok = false;
                        json!({"line": line, "id": service.id, "score": null, "error": e.to_string()})
                    }
                },
            },
        };
        writeln!(out, "{line_json}")?;
    }
    out.flush()?;
    Ok(all_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        let of = |lines: &[u64]| {
            let mut l = Lines::default();
            for &line in lines {
                l.push(line);
            }
            l
        };
        assert_eq!(ranges(&of(&[9, 2, 3, 4, 5]), Lang::Fr), "2 à 5, 9");
        assert_eq!(ranges(&of(&[2, 3, 4, 5, 5, 9]), Lang::Fr), "2 à 5, 9");
        assert_eq!(ranges(&of(&[7]), Lang::Fr), "7");
        assert!(!of(&[7, 7]).several());
        assert_eq!(ranges(&of(&[1, 3, 4]), Lang::En), "1, 3 to 4");
    }

    #[test]
    fn text_from_the_input_cannot_drive_the_terminal() {
        assert_eq!(printable("Crèche « A »"), "Crèche « A »");
        assert_eq!(
            printable("\u{1b}]0;titre\u{7}\u{1b}[31mrouge\0\n\u{202e}"),
            "\\u{1b}]0;titre\\u{7}\\u{1b}[31mrouge\\u{0}\\u{a}\\u{202e}"
        );
        let mut summary = Summary::default();
        summary.add(
            "nom".into(),
            Level::Error,
            "La valeur '\u{1b}[2J' n’existe pas".into(),
            3,
        );
        let mut out = Vec::new();
        text_report(&mut out, "f.jsonl", "Service", true, &summary, Lang::Fr)
            .unwrap_or_else(|_| panic!());
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("La valeur '\\u{1b}[2J' n’existe pas (ligne 3)"),
            "{out}"
        );
        assert!(!out.contains("\u{1b}[2J"), "{out}");
    }

    #[test]
    fn the_text_report_keeps_bounded_lines_and_problems() {
        let mut lines = Lines::default();
        for line in (2..10_000).step_by(2) {
            lines.push(line);
        }
        assert_eq!(lines.ranges.len(), MAX_RANGES);
        let text = ranges(&lines, Lang::Fr);
        assert!(text.ends_with(", 200, … et 4899 autres"), "{text}");
        assert!(lines.several());
        let mut summary = Summary::default();
        for i in 0..(MAX_GROUPS as u64 + 5) {
            summary.add("nom".into(), Level::Error, format!("message {i}"), i);
        }
        assert_eq!((summary.groups.len(), summary.hidden), (MAX_GROUPS, 5));
        let mut out = Vec::new();
        text_report(&mut out, "f.jsonl", "Service", true, &summary, Lang::Fr)
            .unwrap_or_else(|_| panic!());
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("  … et 5 autres problèmes (--format json les donne tous)"),
            "{out}"
        );
    }
}
