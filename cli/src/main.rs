//! `data-inclusion`: validate, convert and score data·inclusion files from the command line.
//!
//! ```text
//! data-inclusion validate [--kind structures|services] [--format text|json|html] [--today YYYY-MM-DD] [--strict] [--mask] [--no-advice] [--valideur] [FILE]
//! data-inclusion convert  [--kind structures|services] [--from FORMAT] [--to FORMAT] [--csv-lists plain|json|python] [--csv-numbers shortest|pandas] [--row-group-size N] [--compression C] [--partition-by source|departement] INPUT OUTPUT
//! data-inclusion score    [--today YYYY-MM-DD] FILE
//! data-inclusion help     [COMMAND]
//! ```
//!
//! Every command takes `--lang fr|en` (default: from `LANG`, else French); the help of
//! every command and argument, in both languages, is in `messages.rs`.
//!
//! Exit status: 0 no error (warnings allowed unless `--strict`), 1 errors found (a record
//! that cannot be read, such as a line that is not JSON or not UTF-8, is one), 2 the input
//! could not be read to its end.

#![forbid(unsafe_code)]

mod convert;
mod fatal;
mod input;
mod messages;
mod report;
mod score;
mod template;
mod terminal;
mod validate;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::eprintln;
use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use data_inclusion_schema::communes;
use data_inclusion_schema::validate::{Profile, Validator};
use data_inclusion_schema::Lang;

use crate::terminal::printable;

// The help texts are in `messages.rs` (French and English); the doc comments here are
// for the code's readers.
#[derive(Parser)]
#[command(name = "data-inclusion", version = version(), disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the tool: fr or en (default: from LANG, else fr).
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
}

#[derive(Subcommand)]
enum Command {
    /// Validates a file of structures or services and reports every problem.
    Validate {
        /// The file; `-` for standard input. Without it, the bundled sample data.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
        /// The report's format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The reference date of the `date_maj` rule (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = messages::parse_date)]
        today: Option<NaiveDate>,
        /// Report warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Mask personal data (courriel, téléphone, contact) in the report.
        #[arg(long)]
        mask: bool,
        /// Without advice.
        #[arg(long)]
        no_advice: bool,
        /// The official valideur's verdicts and wording.
        #[arg(long)]
        valideur: bool,
    },
    /// Converts between formats; invalid records are reported, not written.
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
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = messages::parse_date)]
        today: Option<NaiveDate>,
        /// How CSV cells hold lists: `a,b` (plain), `["a","b"]` (json), or `['a', 'b']`
        /// (python, as the data.gouv.fr export).
        #[arg(long, value_name = "STYLE", default_value = "plain")]
        csv_lists: data_inclusion_schema::io::CsvLists,
        /// How CSV cells hold numbers: `20` (shortest) or `20.0` (pandas, as the
        /// data.gouv.fr export).
        #[arg(long, value_name = "STYLE", default_value = "shortest")]
        csv_numbers: data_inclusion_schema::io::CsvNumbers,
        /// The rows of a Parquet row group, at most (default 100000).
        #[arg(long, value_name = "N")]
        row_group_size: Option<usize>,
        /// The Parquet compression: none, snappy (default), zstd, zstd:LEVEL, gzip, lz4.
        #[arg(long, value_name = "C")]
        compression: Option<data_inclusion_schema::io::parquet::Compression>,
        /// Writes a partitioned Parquet dataset into the directory OUTPUT, one
        /// subdirectory per value (`source=dora/`), as Spark, DataFusion, DuckDB and Polars
        /// read it.
        #[arg(long, value_name = "KEY")]
        partition_by: Option<data_inclusion_schema::io::parquet::Partition>,
    },
    /// Prints the official quality score of each service, one JSON line per service.
    Score {
        /// The file of services; `-` for standard input (with --from).
        file: PathBuf,
        /// The input format, when FILE is `-` or has no known extension.
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        /// The reference date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = messages::parse_date)]
        today: Option<NaiveDate>,
    },
    /// Writes the producer's template (an XLSX workbook generated from the schema).
    Template {
        /// The workbook to write.
        file: PathBuf,
    },
    /// Prints the help of the tool or of a command (clap's `help` command, in the tool's
    /// language).
    Help {
        /// The command.
        command: Option<String>,
    },
}

/// The version, with the millésime of the communes `code_insee` is checked against.
fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (schéma data·inclusion {} ; découpage administratif {}, @etalab/decoupage-administratif {})",
            env!("CARGO_PKG_VERSION"),
            data_inclusion_schema::v1::SCHEMA_VERSION,
            communes::MILLESIME,
            communes::PACKAGE_VERSION
        )
    })
}

#[derive(clap::Args)]
pub struct InputArgs {
    /// What the file holds; detected from the content when not given (a `structure_id`
    /// column or key means services).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The input format, when the file is `-` or has no known extension.
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<String>,
    /// How many threads validate (default: one per core; 1: one thread).
    #[arg(long, short = 'j', value_name = "N", value_parser = messages::parse_jobs)]
    pub jobs: Option<std::num::NonZeroUsize>,
}

impl InputArgs {
    /// The threads that validate: `--jobs`, else one per core.
    pub fn jobs(&self) -> std::num::NonZeroUsize {
        self.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN)
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Structures,
    Services,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = messages::lang_of(&args, |name| std::env::var(name).ok());
    messages::set_lang(lang);
    let mut command = messages::localize(Cli::command(), lang);
    let cli = match command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    ExitCode::SUCCESS
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    ExitCode::from(2)
                }
                _ => {
                    eprint!("{}", messages::clap_error(&e, lang));
                    ExitCode::from(2)
                }
            };
        }
    };
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    let result = match cli.command {
        Command::Validate {
            file,
            input,
            format,
            today,
            strict,
            mask,
            no_advice,
            valideur,
        } => {
            let profile = if valideur {
                Profile::Valideur
            } else {
                Profile::Schema
            };
            let mut validator = Validator::new()
                .with_strict(strict)
                .with_profile(profile)
                .with_masked_personal_data(mask)
                .with_advice(!no_advice);
            if let Some(today) = today {
                validator = validator.with_reference_date(today);
            }
            validate::validate(file, &input, format, &validator, lang)
        }
        Command::Convert {
            input,
            output,
            input_args,
            to,
            today,
            csv_lists,
            csv_numbers,
            row_group_size,
            compression,
            partition_by,
        } => {
            let validator =
                today.map_or_else(Validator::new, |t| Validator::new().with_reference_date(t));
            let out = convert::OutputArgs {
                to: to.as_deref(),
                csv_lists,
                csv_numbers,
                row_group_size,
                compression,
                partition_by,
            };
            convert::convert(&input, &output, &input_args, &out, &validator)
        }
        Command::Template { file } => template::template(&file),
        Command::Score { file, from, today } => {
            let today = today.unwrap_or_else(|| Validator::new().reference_date());
            score::score(&file, from.as_deref(), today)
        }
        Command::Help { command: name } => {
            command.build();
            let target = match &name {
                None => Some(&mut command),
                Some(name) => command.find_subcommand_mut(name),
            };
            match target {
                Some(target) => {
                    let _ = target.print_help();
                    return ExitCode::SUCCESS;
                }
                None => {
                    let name = name.unwrap_or_default();
                    let error = command.error(ErrorKind::InvalidSubcommand, &name);
                    let mut error = error;
                    error.insert(
                        clap::error::ContextKind::InvalidSubcommand,
                        clap::error::ContextValue::String(name),
                    );
                    eprint!("{}", messages::clap_error(&error, lang));
                    return ExitCode::from(2);
                }
            }
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(fatal) => {
            eprintln!("data-inclusion: {}", printable(&fatal.message(lang)));
            ExitCode::from(2)
        }
    }
}
