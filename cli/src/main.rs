//! `data-inclusion`: validate, convert and score data·inclusion files from the command line.
//!
//! ```text
//! data-inclusion validate [--kind structures|services] [--format text|json] [--today YYYY-MM-DD] [--strict] [--valideur] [--lang fr|en] [--mask] [FILE]
//! data-inclusion convert  [--kind structures|services] INPUT OUTPUT
//! data-inclusion score    [--today YYYY-MM-DD] FILE
//! data-inclusion template FILE.xlsx
//! ```
//!
//! Exit status: 0 no error (warnings allowed unless `--strict`), 1 errors found, 2 the
//! input could not be read at all.

#![forbid(unsafe_code)]

mod convert;
mod fatal;
mod input;
mod report;
mod score;
mod template;
mod terminal;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use anstream::eprintln;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use data_inclusion_schema::communes;
use data_inclusion_schema::validate::{Profile, Validator};
use data_inclusion_schema::Lang;

use crate::terminal::printable;

#[derive(Parser)]
#[command(
    name = "data-inclusion",
    version = version(),
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
        /// The file (.json, .jsonl, .ndjson, .csv, .xlsx); `-` for standard input. Without
        /// it, the bundled sample data. A workbook's sheets Structures and Services are
        /// both validated.
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
        /// The official valideur's verdicts and wording: warnings as errors, `source`
        /// optional, `code_insee` a commune of the découpage administratif; and, as
        /// advice that never makes a record invalid, zone and postal codes that do not
        /// exist.
        #[arg(long)]
        valideur: bool,
        /// The language of messages.
        #[arg(long, value_enum, default_value_t = LangArg::Fr)]
        lang: LangArg,
        /// Mask personal data (courriel, téléphone, contact) in the report.
        #[arg(long)]
        mask: bool,
    },
    /// Converts between JSON, JSON Lines, CSV and XLSX; invalid records are reported, not
    /// written.
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
    /// Writes the producer's template: an XLSX workbook generated from the schema, to fill
    /// in and check with `validate --valideur`.
    Template {
        /// The workbook to write (.xlsx).
        file: PathBuf,
    },
}

/// The version, with the millésime of the communes it checks `code_insee` against.
fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| format!(
        "{} (schéma data·inclusion {} ; découpage administratif {}, @etalab/decoupage-administratif {})",
        env!("CARGO_PKG_VERSION"),
        data_inclusion_schema::v1::SCHEMA_VERSION,
        communes::MILLESIME,
        communes::PACKAGE_VERSION
    ))
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
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
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
            valideur,
            lang,
            mask,
        } => {
            let profile = if valideur {
                Profile::Valideur
            } else {
                Profile::Schema
            };
            let mut validator = Validator::new()
                .with_strict(strict)
                .with_profile(profile)
                .with_masked_personal_data(mask);
            if let Some(today) = today {
                validator = validator.with_reference_date(today);
            }
            let lang = match lang {
                LangArg::Fr => Lang::Fr,
                LangArg::En => Lang::En,
            };
            validate::validate(file, &input, format, &validator, lang)
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
            convert::convert(&input, &output, &input_args, to.as_deref(), &validator)
        }
        Command::Template { file } => template::template(&file),
        Command::Score { file, from, today } => {
            let today = today.unwrap_or_else(|| Validator::new().reference_date());
            score::score(&file, from.as_deref(), today)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(fatal) => {
            eprintln!("data-inclusion: {}", printable(&fatal.to_string()));
            ExitCode::from(2)
        }
    }
}
