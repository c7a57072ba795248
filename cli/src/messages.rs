//! Every text of the tool's command line, in French and in English, in one place.
//!
//! - [`HELP`]: the help of each command and argument, keyed by id: `about` for the tool,
//!   the command's name (`validate`), `command.argument` (`validate.format`, the
//!   argument's clap id), or the argument's id alone for an argument shared by several
//!   commands (`kind`, `from`, `today`); `command.examples` for the examples shown after
//!   a command's help. [`localize`] puts them on the clap definitions (whose doc
//!   comments are only for the code's readers), with the French headings.
//! - [`Ui`]: the other texts of the tool (progress bar, the summary of `convert`, the
//!   errors of the command line).
//!
//! A command or an argument added to `main.rs` needs its lines here: the test
//! `every_command_and_argument_has_its_help` lists the missing ones.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use data_inclusion_schema::Lang;

/// (id, French, English).
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "about",
        "Valide, convertit et note les fichiers du schéma data·inclusion (v1) : structures et services d’insertion.",
        "Validates, converts and scores data·inclusion (v1) files: structures and services d'insertion.",
    ),
    (
        "examples",
        "Exemples :
  data-inclusion validate structures.csv                     le rapport dans le terminal
  data-inclusion validate services.csv --format html > rapport.html
  data-inclusion convert services.csv services.jsonl
  data-inclusion score services.jsonl

Statut de sortie : 0 aucune erreur (avertissements et conseils permis, sauf --strict pour les avertissements),
1 des erreurs trouvées, 2 l’entrée n’a pas pu être lue.
Langue : --lang en, ou une variable LANG anglaise (LANG=en_GB.UTF-8), pour l’anglais.",
        "Examples:
  data-inclusion validate structures.csv                     the report in the terminal
  data-inclusion validate services.csv --format html > report.html
  data-inclusion convert services.csv services.jsonl
  data-inclusion score services.jsonl

Exit status: 0 no error (warnings and advice allowed, warnings unless --strict),
1 errors found, 2 the input could not be read.
Language: --lang fr, or a French LANG variable (LANG=fr_FR.UTF-8), for French.",
    ),
    (
        "lang",
        "La langue de l’outil : fr ou en (par défaut : d’après LANG, sinon fr).",
        "The tool's language: fr or en (default: from LANG, else fr).",
    ),
    (
        "kind",
        "Ce que contient le fichier : structures ou services (par défaut : détecté, une colonne ou une clé structure_id signale des services).",
        "What the file holds: structures or services (default: detected, a structure_id column or key means services).",
    ),
    (
        "from",
        "Le format d’entrée, quand le fichier est - ou n’a pas d’extension connue : json, jsonl, csv, parquet, geojson ou xlsx.",
        "The input format, when the file is - or has no known extension: json, jsonl, csv, parquet, geojson or xlsx.",
    ),
    (
        "jobs",
        "Le nombre de fils qui valident (par défaut : un par cœur) ; 1 lit et valide sur un seul fil. Le rapport est le même octet pour octet quel qu’il soit.",
        "How many threads validate (default: one per core); 1 reads and validates on one thread. The report is the same byte for byte whatever it is.",
    ),
    (
        "today",
        "La date de référence de la règle sur date_maj, AAAA-MM-JJ (par défaut : aujourd’hui).",
        "The reference date of the date_maj rule, YYYY-MM-DD (default: today).",
    ),
    (
        "validate",
        "Valide un fichier de structures ou de services et rapporte chaque problème : erreurs, avertissements et conseils.",
        "Validates a file of structures or services and reports every problem: errors, warnings and advice.",
    ),
    (
        "validate.file",
        "Le fichier (.json, .jsonl, .ndjson, .csv, .parquet, .geojson, .xlsx) ; - pour l’entrée standard. Sans fichier, les données d’exemple fournies. Les feuilles Structures et Services d’un classeur sont validées toutes deux.",
        "The file (.json, .jsonl, .ndjson, .csv, .parquet, .geojson, .xlsx); - for standard input. Without one, the bundled sample data. A workbook's sheets Structures and Services are both validated.",
    ),
    (
        "validate.format",
        "Le format du rapport : text (par défaut), json (un objet par problème) ou html (une page autonome à ouvrir dans un navigateur).",
        "The report's format: text (default), json (one object per problem) or html (a self-contained page to open in a browser).",
    ),
    (
        "validate.strict",
        "Les avertissements comptent comme des erreurs (jamais les conseils).",
        "Warnings count as errors (advice never does).",
    ),
    (
        "validate.mask",
        "Masque les données personnelles (courriel, téléphone, contact) dans le rapport.",
        "Masks personal data (courriel, téléphone, contact) in the report.",
    ),
    (
        "validate.no_advice",
        "Sans les conseils (SIRET, coordonnées, horaires, téléphone, contacts d’exemple, code postal de la commune, codes de zone), qui ne changent jamais le verdict.",
        "Without the advice (SIRET, coordinates, opening hours, telephone, placeholder contacts, the commune's postal code, zone codes), which never changes the verdict.",
    ),
    (
        "validate.valideur",
        "Les verdicts et les messages du valideur officiel : avertissements comptés comme erreurs, source facultative, code_insee d’une commune du découpage administratif.",
        "The official valideur's verdicts and messages: warnings as errors, source optional, code_insee a commune of the découpage administratif.",
    ),
    (
        "template",
        "Écrit le modèle du producteur : un classeur XLSX tiré du schéma (feuilles Structures, Services et Référentiels), à remplir puis à vérifier avec validate --valideur.",
        "Writes the producer's template: an XLSX workbook generated from the schema (sheets Structures, Services and Référentiels), to fill in and check with validate --valideur.",
    ),
    (
        "template.file",
        "Le classeur à écrire (.xlsx).",
        "The workbook to write (.xlsx).",
    ),
    (
        "template.examples",
        "Exemples :
  data-inclusion template modele.xlsx
  data-inclusion validate --valideur modele.xlsx",
        "Examples:
  data-inclusion template template.xlsx
  data-inclusion validate --valideur template.xlsx",
    ),
    (
        "validate.examples",
        "Exemples :
  data-inclusion validate structures.csv
  data-inclusion validate services.jsonl --format html > rapport.html
  data-inclusion validate export.json --format json --mask > problemes.json
  data-inclusion validate services.csv --strict --today 2025-06-01
  cat services.csv | data-inclusion validate - --from csv --kind services",
        "Examples:
  data-inclusion validate structures.csv
  data-inclusion validate services.jsonl --format html > report.html
  data-inclusion validate export.json --format json --mask > problems.json
  data-inclusion validate services.csv --strict --today 2025-06-01
  cat services.csv | data-inclusion validate - --from csv --kind services",
    ),
    (
        "convert",
        "Convertit entre JSON, JSON Lines, CSV, Parquet, GeoJSON et XLSX ; les enregistrements invalides sont signalés, pas écrits. Une entrée CSV ou Parquet garde l’ordre de ses colonnes ; un classeur XLSX écrit a une feuille par type d’enregistrement.",
        "Converts between JSON, JSON Lines, CSV, Parquet, GeoJSON and XLSX; invalid records are reported, not written. A CSV or Parquet input keeps its columns' order; a written XLSX workbook has a sheet per kind of record.",
    ),
    (
        "convert.input",
        "Le fichier d’entrée ; - pour l’entrée standard (avec --from).",
        "The input file; - for standard input (with --from).",
    ),
    (
        "convert.output",
        "Le fichier de sortie ; - pour la sortie standard (avec --to).",
        "The output file; - for standard output (with --to).",
    ),
    (
        "convert.to",
        "Le format de sortie, quand la sortie est - ou n’a pas d’extension connue : json, jsonl, csv, parquet, geojson ou xlsx.",
        "The output format, when OUTPUT is - or has no known extension: json, jsonl, csv, parquet, geojson or xlsx.",
    ),
    (
        "convert.csv_lists",
        "Comment une cellule CSV tient une liste : plain (a,b ; par défaut), json ([\"a\",\"b\"]) ou python (['a', 'b'], comme l’export data.gouv.fr).",
        "How a CSV cell holds a list: plain (a,b; default), json ([\"a\",\"b\"]) or python (['a', 'b'], as the data.gouv.fr export).",
    ),
    (
        "convert.csv_numbers",
        "Comment une cellule CSV tient un nombre : shortest (20 ; par défaut) ou pandas (20.0, comme l’export data.gouv.fr).",
        "How a CSV cell holds a number: shortest (20; default) or pandas (20.0, as the data.gouv.fr export).",
    ),
    (
        "convert.row_group_size",
        "Le nombre de lignes d’un groupe de lignes Parquet, au plus (par défaut 100000).",
        "The rows of a Parquet row group, at most (default 100000).",
    ),
    (
        "convert.compression",
        "La compression Parquet : none, snappy (par défaut), zstd, zstd:NIVEAU, gzip ou lz4.",
        "The Parquet compression: none, snappy (default), zstd, zstd:LEVEL, gzip or lz4.",
    ),
    (
        "convert.partition_by",
        "Écrit un jeu de données Parquet partitionné dans le répertoire de sortie, un sous-répertoire par valeur (source=dora/), que Spark, DataFusion, DuckDB et Polars lisent comme une table : source ou departement.",
        "Writes a partitioned Parquet dataset into the output directory, one subdirectory per value (source=dora/), which Spark, DataFusion, DuckDB and Polars read as one table: source or departement.",
    ),
    (
        "convert.examples",
        "Exemples :
  data-inclusion convert services.csv services.jsonl
  data-inclusion convert structures.jsonl structures.csv
  data-inclusion convert services.csv - --to json > services.json
  data-inclusion convert services.jsonl services.parquet --compression zstd
  data-inclusion convert services.parquet services.csv --csv-lists python --csv-numbers pandas
  data-inclusion convert services.jsonl services/ --partition-by source
  data-inclusion convert modele.xlsx services.parquet --kind services",
        "Examples:
  data-inclusion convert services.csv services.jsonl
  data-inclusion convert structures.jsonl structures.csv
  data-inclusion convert services.csv - --to json > services.json
  data-inclusion convert services.jsonl services.parquet --compression zstd
  data-inclusion convert services.parquet services.csv --csv-lists python --csv-numbers pandas
  data-inclusion convert services.jsonl services/ --partition-by source
  data-inclusion convert template.xlsx services.parquet --kind services",
    ),
    (
        "score",
        "Donne le score de qualité officiel de chaque service, une ligne JSON par service.",
        "Prints the official quality score of each service, one JSON line per service.",
    ),
    (
        "score.file",
        "Le fichier de services (d’un classeur, sa feuille Services) ; - pour l’entrée standard (avec --from).",
        "The file of services (of a workbook, its sheet Services); - for standard input (with --from).",
    ),
    (
        "score.examples",
        "Exemples :
  data-inclusion score services.jsonl
  data-inclusion score services.csv --today 2025-06-01 > scores.jsonl",
        "Examples:
  data-inclusion score services.jsonl
  data-inclusion score services.csv --today 2025-06-01 > scores.jsonl",
    ),
    (
        "help",
        "Affiche l’aide (d’une commande : data-inclusion help validate).",
        "Prints the help (of a command: data-inclusion help validate).",
    ),
    (
        "help.examples",
        "Exemples :
  data-inclusion help
  data-inclusion help validate",
        "Examples:
  data-inclusion help
  data-inclusion help validate",
    ),
    (
        "help.command",
        "La commande dont afficher l’aide.",
        "The command whose help to print.",
    ),
];

/// The help text of `id` in `lang`, if there is one.
pub fn help(id: &str, lang: Lang) -> Option<&'static str> {
    HELP.iter()
        .find(|(key, _, _)| *key == id)
        .map(|&(_, fr, en)| if lang == Lang::Fr { fr } else { en })
}

/// The help of an argument: `command.argument`, else the argument alone.
fn arg_help(command: &str, arg: &str, lang: Lang) -> Option<&'static str> {
    help(&format!("{command}.{arg}"), lang).or_else(|| help(arg, lang))
}

/// The other texts of the tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    /// The help flag.
    HelpFlag,
    /// The version flag.
    VersionFlag,
    /// The heading of the commands in the help.
    Commands,
    /// The heading of the usage line.
    Usage,
    /// The progress bar's template (indicatif).
    Progress,
    /// The start of a command-line error.
    Error,
    /// After a command-line error.
    MoreInformation,
    /// An unknown option.
    UnknownArgument,
    /// An unknown command.
    UnknownCommand,
    /// A value that is not one of the allowed values.
    InvalidValue,
    /// A value that cannot be read (a date).
    ValueValidation,
    /// A required argument that is missing.
    MissingArgument,
    /// An argument given where none is expected, or twice.
    UnexpectedArgument,
    /// The allowed values.
    PossibleValues,
    /// A suggestion: did you mean.
    DidYouMean,
    /// The summary of `convert`: records written, invalid records not written.
    Converted,
    /// The error of `score` on an invalid service.
    InvalidService,
}

impl Ui {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Ui::HelpFlag => ("Affiche l’aide", "Prints the help"),
            Ui::VersionFlag => ("Affiche la version", "Prints the version"),
            // (clap writes the colon; French puts a space before it.)
            Ui::Commands => ("Commandes ", "Commands"),
            Ui::Usage => ("Utilisation :", "Usage:"),
            // `read`, `size` and `left` are the tool's keys (input.rs), in the language.
            Ui::Progress => (
                "{bar:40} {read} lus sur {size}, reste {left}",
                "{bar:40} {read} read of {size}, {left} left",
            ),
            Ui::Error => ("erreur :", "error:"),
            Ui::MoreInformation => (
                "Pour en savoir plus : data-inclusion --help, ou data-inclusion COMMANDE --help.",
                "For more information: data-inclusion --help, or data-inclusion COMMAND --help.",
            ),
            Ui::UnknownArgument => ("option inconnue", "unknown option"),
            Ui::UnknownCommand => ("commande inconnue", "unknown command"),
            Ui::InvalidValue => ("valeur invalide", "invalid value"),
            Ui::ValueValidation => ("valeur illisible", "unreadable value"),
            Ui::MissingArgument => ("argument manquant", "missing argument"),
            Ui::UnexpectedArgument => ("argument en trop", "unexpected argument"),
            Ui::PossibleValues => ("valeurs possibles", "possible values"),
            Ui::DidYouMean => ("vouliez-vous dire", "did you mean"),
            Ui::Converted => (
                "{written} enregistrement(s) écrit(s), {rejected} invalide(s) non écrit(s)",
                "{written} record(s) written, {rejected} invalid one(s) not written",
            ),
            Ui::InvalidService => (
                "service invalide : {errors} erreur(s)",
                "invalid service: {errors} error(s)",
            ),
        };
        if lang == Lang::Fr {
            fr
        } else {
            en
        }
    }
}

/// The language of this run ([`set_lang`]; French before).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Sets the language of this run, once, before the command line is read.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// A date of the command line (`--today`), with an error in the run's language.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| match lang() {
        Lang::Fr => "une date AAAA-MM-JJ est attendue, comme 2025-06-01".to_string(),
        Lang::En => "a date YYYY-MM-DD is expected, such as 2025-06-01".to_string(),
    })
}

/// A number of threads of the command line (`--jobs`), at least 1, with an error in the
/// run's language.
pub fn parse_jobs(text: &str) -> Result<std::num::NonZeroUsize, String> {
    text.trim().parse().map_err(|_| match lang() {
        Lang::Fr => "un nombre de fils d’au moins 1 est attendu, comme 2".to_string(),
        Lang::En => "a number of threads of at least 1 is expected, such as 2".to_string(),
    })
}

/// A size in bytes as people read it: `12,5 Mo` in French, `12.5 MB` in English.
pub fn bytes(n: u64, lang: Lang) -> String {
    let (units, comma): (&[&str], bool) = match lang {
        Lang::Fr => (&["o", "ko", "Mo", "Go", "To"], true),
        Lang::En => (&["B", "kB", "MB", "GB", "TB"], false),
    };
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < units.len() {
        value /= 1000.0;
        unit += 1;
    }
    let text = if unit == 0 {
        format!("{n}")
    } else {
        format!("{value:.1}")
    };
    let text = if comma { text.replace('.', ",") } else { text };
    format!("{text} {}", units[unit])
}

/// A duration as people read it: `2 min 05 s`.
pub fn duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s:02} s"),
        (h, m, _) => format!("{h} h {m:02} min"),
    }
}

/// The language the tool speaks: `--lang` among the arguments (before clap reads them,
/// so that its help is in that language), else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, in POSIX's order: English for `en…`), else French.
pub fn lang_of(args: &[std::ffi::OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    for (i, arg) in args.iter().enumerate() {
        if *arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).copied(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse::<Lang>().ok()) {
            return lang;
        }
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()))
        .map_or(Lang::Fr, |locale| Lang::of_locale(&locale))
}

/// The command line in `lang`: the help of every command and argument from [`HELP`],
/// the help and version flags, the headings, and the examples after each command's help.
/// Possible and default values are written in the help texts (clap's would be English).
pub fn localize(command: Command, lang: Lang) -> Command {
    localize_command(command, "", lang)
}

fn localize_command(mut command: Command, path: &str, lang: Lang) -> Command {
    // `about` for the tool, the command's name for a command.
    let id = if path.is_empty() { "about" } else { path };
    if let Some(about) = help(id, lang) {
        command = command.about(about);
    }
    let examples = if path.is_empty() {
        "examples".to_string()
    } else {
        format!("{path}.examples")
    };
    if let Some(examples) = help(&examples, lang) {
        command = command.after_help(examples);
    }
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        Ui::Usage.text(lang)
    );
    // The help and version flags under the other options' heading: French's own (a space
    // before clap's colon), clap's in English, so that there is one "Options" section.
    let flags_heading = if lang == Lang::Fr {
        Some("Options ")
    } else {
        None
    };
    command = command
        .help_template(template)
        .subcommand_help_heading(Ui::Commands.text(lang))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(Ui::HelpFlag.text(lang))
                .help_heading(flags_heading),
        );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(Ui::VersionFlag.text(lang))
                .help_heading(flags_heading),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let key = if path.is_empty() { "" } else { path };
        let text = arg_help(key, &id, lang).or_else(|| help(&id, lang));
        command = command.mut_arg(&id, |arg| {
            let names: Option<Vec<&'static str>> = arg
                .get_value_names()
                .filter(|names| !names.is_empty())
                .and_then(|names| names.iter().map(|n| value_name(n.as_str(), lang)).collect());
            let mut arg = if arg.get_action().takes_values() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            };
            // French puts a space before the colon that clap writes after a heading.
            if lang == Lang::Fr {
                let heading = if arg.is_positional() {
                    "Arguments "
                } else {
                    "Options "
                };
                arg = arg.help_heading(heading);
            }
            if let Some(names) = names {
                arg = arg.value_names(names);
            }
            match text {
                Some(text) => arg.help(text),
                None => arg,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subcommands {
        let sub_path = if path.is_empty() {
            sub.clone()
        } else {
            format!("{path}.{sub}")
        };
        command = command.mut_subcommand(&sub, |c| localize_command(c, &sub_path, lang));
    }
    command
}

/// The placeholder of a value in the usage line, in French (`None`: as it is).
fn value_name(name: &str, lang: Lang) -> Option<&'static str> {
    const FRENCH: &[(&str, &str)] = &[
        ("FILE", "FICHIER"),
        ("INPUT", "ENTRÉE"),
        ("OUTPUT", "SORTIE"),
        ("COMMAND", "COMMANDE"),
        ("YYYY-MM-DD", "AAAA-MM-JJ"),
    ];
    match lang {
        Lang::Fr => FRENCH.iter().find(|(en, _)| *en == name).map(|(_, fr)| *fr),
        Lang::En => None,
    }
}

/// A command-line error in `lang`: what is wrong, then where to learn more. Help and
/// version requests are printed as clap prints them (they are already localized).
pub fn clap_error(error: &clap::Error, lang: Lang) -> String {
    let context = |kind: ContextKind| -> Option<String> {
        error.get(kind).map(|value| match value {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join(", "),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            ContextValue::Number(n) => n.to_string(),
            ContextValue::Bool(b) => b.to_string(),
            _ => String::new(),
        })
    };
    let quoted = |s: String| {
        if lang == Lang::Fr {
            format!("« {s} »")
        } else {
            format!("'{s}'")
        }
    };
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let what = match error.kind() {
        ErrorKind::UnknownArgument => Some(Ui::UnknownArgument),
        ErrorKind::InvalidSubcommand => Some(Ui::UnknownCommand),
        ErrorKind::InvalidValue => Some(Ui::InvalidValue),
        ErrorKind::ValueValidation => Some(Ui::ValueValidation),
        ErrorKind::MissingRequiredArgument => Some(Ui::MissingArgument),
        ErrorKind::ArgumentConflict | ErrorKind::TooManyValues => Some(Ui::UnexpectedArgument),
        _ => None,
    };
    let Some(what) = what else {
        // Another kind: clap's own words.
        return error.to_string();
    };
    let mut message = format!("{} {}", Ui::Error.text(lang), what.text(lang));
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let sub = context(ContextKind::InvalidSubcommand);
    match (what, arg, value, sub) {
        (Ui::UnknownCommand, _, _, Some(sub)) => {
            message.push_str(sep);
            message.push_str(&quoted(sub));
        }
        (Ui::InvalidValue | Ui::ValueValidation, Some(arg), Some(value), _) => {
            message.push_str(sep);
            message.push_str(&format!(
                "{} {} {}",
                quoted(value),
                if lang == Lang::Fr { "pour" } else { "for" },
                arg
            ));
        }
        (_, Some(arg), _, _) => {
            message.push_str(sep);
            message.push_str(&quoted(arg));
        }
        _ => {}
    }
    if let Some(valid) = context(ContextKind::ValidValue) {
        message.push_str(&format!(" ({}{sep}{valid})", Ui::PossibleValues.text(lang)));
    }
    let suggested = context(ContextKind::SuggestedArg)
        .or_else(|| context(ContextKind::SuggestedSubcommand))
        .or_else(|| context(ContextKind::SuggestedValue));
    if let Some(s) = suggested {
        message.push_str(&format!(" ; {} {} ?", Ui::DidYouMean.text(lang), quoted(s)));
        if lang == Lang::En {
            message = message
                .replace(" ; did you mean", "; did you mean")
                .replace(" ?", "?");
        }
    }
    if what == Ui::ValueValidation {
        if let Some(source) = std::error::Error::source(error) {
            message.push_str(&format!(" ({source})"));
        }
    }
    format!("{message}\n\n{}\n", Ui::MoreInformation.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every id a command line asks for: `about` and `examples`, then each command, its
    /// examples and its arguments.
    fn wanted(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let (about, examples) = if path.is_empty() {
            ("about".to_string(), "examples".to_string())
        } else {
            (path.to_string(), format!("{path}.examples"))
        };
        out.push((about.clone(), about));
        out.push((examples.clone(), examples));
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let key = if path.is_empty() {
                id.to_string()
            } else {
                format!("{path}.{id}")
            };
            out.push((key, id.to_string()));
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path}.{}", sub.get_name())
            };
            wanted(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help() {
        let command = crate::Cli::command();
        let mut ids = Vec::new();
        wanted(&command, "", &mut ids);
        let missing: Vec<&String> = ids
            .iter()
            .filter(|(key, alone)| help(key, Lang::Fr).is_none() && help(alone, Lang::Fr).is_none())
            .map(|(key, _)| key)
            .collect();
        assert!(
            missing.is_empty(),
            "add these ids to messages::HELP, in French and English: {missing:?}"
        );
        // No text is left for an argument or a command that is gone.
        let used: Vec<&str> = ids
            .iter()
            .flat_map(|(key, alone)| [key.as_str(), alone.as_str()])
            .collect();
        let stale: Vec<&str> = HELP
            .iter()
            .map(|(id, _, _)| *id)
            .filter(|id| !used.contains(id))
            .collect();
        assert!(
            stale.is_empty(),
            "ids of messages::HELP used nowhere: {stale:?}"
        );
        for (id, fr, en) in HELP {
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{id}");
        }
    }

    #[test]
    fn sizes_and_durations_as_people_read_them() {
        assert_eq!(bytes(999, Lang::Fr), "999 o");
        assert_eq!(bytes(12_500_000, Lang::Fr), "12,5 Mo");
        assert_eq!(bytes(12_500_000, Lang::En), "12.5 MB");
        assert_eq!(duration(std::time::Duration::from_secs(125)), "2 min 05 s");
        assert_eq!(duration(std::time::Duration::from_secs(7300)), "2 h 01 min");
    }

    #[test]
    fn the_language_from_the_arguments_then_the_locale() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        let none = |_: &str| None;
        let english = |name: &str| (name == "LANG").then(|| "en_GB.UTF-8".to_string());
        assert_eq!(lang_of(&args(&["di", "validate"]), none), Lang::Fr);
        assert_eq!(lang_of(&args(&["di", "validate"]), english), Lang::En);
        assert_eq!(lang_of(&args(&["di", "--lang", "fr"]), english), Lang::Fr);
        assert_eq!(
            lang_of(&args(&["di", "validate", "--lang=en"]), none),
            Lang::En
        );
        // LC_ALL wins over LANG; an empty one does not count.
        let both = |name: &str| match name {
            "LC_ALL" => Some("fr_FR.UTF-8".to_string()),
            "LANG" => Some("en_US".to_string()),
            _ => None,
        };
        assert_eq!(lang_of(&args(&["di"]), both), Lang::Fr);
        let empty = |name: &str| match name {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("en_US".to_string()),
            _ => None,
        };
        assert_eq!(lang_of(&args(&["di"]), empty), Lang::En);
        // After `--`, a file named --lang is a file.
        assert_eq!(
            lang_of(&args(&["di", "validate", "--", "--lang", "en"]), none),
            Lang::Fr
        );
    }
}
