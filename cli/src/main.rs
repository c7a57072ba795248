//! `data-inclusion`: validate, convert and score data·inclusion files from the command line.
//!
//! ```text
//! data-inclusion validate [--kind structures|services] [--format text|json] [--today YYYY-MM-DD] [--strict] [--lang fr|en] [--mask] [FILE]
//! data-inclusion convert  [--kind structures|services] [--from FORMAT] [--to FORMAT] [--csv-lists plain|json|python] [--csv-numbers shortest|pandas] [--row-group-size N] [--compression C] [--partition-by source|departement] INPUT OUTPUT
//! data-inclusion score    [--today YYYY-MM-DD] FILE
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
mod terminal;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use anstream::eprintln;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Lang;

use crate::terminal::printable;

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
        /// The file (.json, .jsonl, .ndjson, .csv, .parquet, .geojson); `-` for standard
        /// input. Without it, the bundled sample data.
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
    /// Converts between JSON, JSON Lines, CSV, Parquet and GeoJSON; invalid records are
    /// reported, not written. A CSV or Parquet input keeps its columns' order.
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
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
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
