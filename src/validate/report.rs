//! What validation reports: problems with a place, a stable code, a level, the value and
//! a message in French (default) or English.

use std::fmt;

use serde_json::Value;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The record is not valid.
    Error,
    /// The record is valid, but should be corrected (the official package's
    /// "avertissements"). An error in strict mode.
    Warning,
}

impl Level {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French, the default: the language of the schema and of its users.
    #[default]
    Fr,
    /// English.
    En,
}

/// What is wrong, with what the message needs.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Detail {
    InvalidJson(String),
    NotAnObject,
    Missing,
    StringType,
    TooShort(usize),
    TooLong(usize),
    Pattern(&'static str),
    Constant(&'static str),
    NumberType,
    NumberParsing,
    IntegerType,
    IntegerParsing,
    IntegerFromFloat,
    IntegerTooLarge,
    FiniteNumber,
    Minimum(String),
    DateType,
    DateParsing(String),
    DateInexact,
    DateTooOld,
    DateInFuture,
    UrlType,
    UrlParsing(String),
    UrlScheme,
    UrlTooLong(usize),
    Email(String),
    Enum {
        referential: &'static str,
        suggestion: Option<&'static str>,
    },
    ListType,
    ListTooShort(usize),
    AnyOf(String),
    TousPublicsAlone,
    NomTrailingPeriod {
        service: bool,
    },
    Internal(String),
    /// More problems in this field than a report lists.
    MoreProblems(usize),
}

/// One thing wrong with a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The top-level property (`"thematiques"`); empty for a problem with the whole
    /// record (not JSON, not an object).
    pub field: String,
    /// Where exactly, as a JSON Pointer (`"/thematiques/1"`).
    pub path: String,
    /// Error or warning.
    pub level: Level,
    /// The offending input value (`null` when there is none, as for a missing field).
    /// Masked (`"***"`) for personal data when the validator is asked to.
    pub value: Value,
    pub(crate) detail: Detail,
}

impl Problem {
    pub(crate) fn new(
        field: &str,
        path: String,
        level: Level,
        value: Value,
        detail: Detail,
    ) -> Self {
        Problem {
            field: field.to_string(),
            path,
            level,
            value,
            detail,
        }
    }

    /// A stable, machine-readable code: the official package's (pydantic's) error type
    /// where there is one (`"missing"`, `"string_too_long"`, `"enum"`, …), and this
    /// crate's own for the rules of the official package (`"date_in_future"`,
    /// `"tous_publics_alone"`, `"nom_trailing_period"`, …). See the [module
    /// documentation](crate::validate#codes) for the list.
    pub fn code(&self) -> &'static str {
        match &self.detail {
            Detail::InvalidJson(_) => "json_invalid",
            Detail::NotAnObject => "model_type",
            Detail::Missing => "missing",
            Detail::StringType => "string_type",
            Detail::TooShort(_) => "string_too_short",
            Detail::TooLong(_) => "string_too_long",
            Detail::Pattern(_) => "string_pattern_mismatch",
            Detail::Constant(_) => "literal_error",
            Detail::NumberType => "float_type",
            Detail::NumberParsing => "float_parsing",
            Detail::IntegerType => "int_type",
            Detail::IntegerParsing => "int_parsing",
            Detail::IntegerFromFloat => "int_from_float",
            Detail::IntegerTooLarge => "int_parsing_size",
            Detail::FiniteNumber => "finite_number",
            Detail::Minimum(_) => "greater_than_equal",
            Detail::DateType => "date_type",
            Detail::DateParsing(_) => "date_parsing",
            Detail::DateInexact => "date_from_datetime_inexact",
            Detail::DateTooOld => "date_too_old",
            Detail::DateInFuture => "date_in_future",
            Detail::UrlType => "url_type",
            Detail::UrlParsing(_) => "url_parsing",
            Detail::UrlScheme => "url_scheme",
            Detail::UrlTooLong(_) => "url_too_long",
            Detail::Email(_) => "value_error_email",
            Detail::Enum { .. } => "enum",
            Detail::ListType => "list_type",
            Detail::ListTooShort(_) => "too_short",
            Detail::AnyOf(_) => "no_alternative_matches",
            Detail::TousPublicsAlone => "tous_publics_alone",
            Detail::NomTrailingPeriod { .. } => "nom_trailing_period",
            Detail::Internal(_) => "internal",
            Detail::MoreProblems(_) => "more_problems",
        }
    }

    /// For `enum` problems, the closest valid value, if one is close enough (the rule of
    /// Python's `difflib.get_close_matches(n=1, cutoff=0.6)`, as the official valideur).
    pub fn suggestion(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Enum { suggestion, .. } => *suggestion,
            _ => None,
        }
    }

    /// The message, in French or English.
    pub fn message(&self, lang: Lang) -> String {
        let v = value_text(&self.value);
        let fr = lang == Lang::Fr;
        let plural = |n: usize| if n > 1 { "s" } else { "" };
        match &self.detail {
            Detail::InvalidJson(reason) => {
                if fr {
                    format!("JSON invalide : {reason}")
                } else {
                    format!("Invalid JSON: {reason}")
                }
            }
            Detail::NotAnObject => tr(
                fr,
                "L’enregistrement doit être un objet JSON",
                "Input should be an object",
            ),
            Detail::Missing => tr(fr, "Champ requis", "Field required"),
            Detail::StringType => tr(
                fr,
                "La valeur doit être une chaîne de caractères",
                "Input should be a valid string",
            ),
            Detail::TooShort(n) => {
                if fr {
                    format!(
                        "La chaîne doit contenir au moins {n} caractère{}",
                        plural(*n)
                    )
                } else {
                    format!("String should have at least {n} character{}", plural(*n))
                }
            }
            Detail::TooLong(n) => {
                if fr {
                    format!(
                        "La chaîne doit contenir au plus {n} caractère{}",
                        plural(*n)
                    )
                } else {
                    format!("String should have at most {n} character{}", plural(*n))
                }
            }
            Detail::Pattern(p) => {
                if fr {
                    format!("La chaîne doit respecter le motif '{p}'")
                } else {
                    format!("String should match pattern '{p}'")
                }
            }
            Detail::Constant(c) => {
                if fr {
                    format!("La valeur doit être '{c}'")
                } else {
                    format!("Input should be '{c}'")
                }
            }
            Detail::NumberType | Detail::NumberParsing => tr(
                fr,
                "La valeur doit être un nombre",
                "Input should be a valid number",
            ),
            Detail::IntegerType | Detail::IntegerParsing => tr(
                fr,
                "La valeur doit être un nombre entier",
                "Input should be a valid integer",
            ),
            Detail::IntegerFromFloat => tr(
                fr,
                "La valeur doit être un nombre entier, sans partie décimale",
                "Input should be a valid integer, got a number with a fractional part",
            ),
            Detail::IntegerTooLarge => {
                tr(fr, "Le nombre est trop grand", "The number is too large")
            }
            Detail::FiniteNumber => tr(
                fr,
                "La valeur doit être un nombre fini",
                "Input should be a finite number",
            ),
            Detail::Minimum(m) => {
                if fr {
                    format!("La valeur doit être supérieure ou égale à {m}")
                } else {
                    format!("Input should be greater than or equal to {m}")
                }
            }
            Detail::DateType => tr(
                fr,
                "La valeur doit être une date (AAAA-MM-JJ)",
                "Input should be a valid date",
            ),
            Detail::DateParsing(reason) => {
                if fr {
                    format!("La date doit être au format AAAA-MM-JJ ({reason})")
                } else {
                    format!("Input should be a valid date in the format YYYY-MM-DD ({reason})")
                }
            }
            Detail::DateInexact => tr(
                fr,
                "Une date avec une heure doit être à minuit (00:00:00)",
                "Datetimes provided to dates should have zero time - e.g. be exact dates",
            ),
            Detail::DateTooOld => tr(
                fr,
                "La date de dernière modification doit être au 21e siècle.",
                "The date of last modification must be in the 21st century.",
            ),
            Detail::DateInFuture => tr(
                fr,
                "La date de dernière modification ne peut pas être dans le futur.",
                "The date of last modification cannot be in the future.",
            ),
            Detail::UrlType => tr(
                fr,
                "L’URL doit être une chaîne de caractères",
                "URL input should be a string or URL",
            ),
            Detail::UrlParsing(reason) => {
                if fr {
                    format!("L’URL n’est pas valide ({reason})")
                } else {
                    format!("Input should be a valid URL, {reason}")
                }
            }
            Detail::UrlScheme => tr(
                fr,
                "L’URL doit commencer par http:// ou https://",
                "URL scheme should be 'http' or 'https'",
            ),
            Detail::UrlTooLong(n) => {
                if fr {
                    format!("L’URL doit contenir au plus {n} caractères")
                } else {
                    format!("URL should have at most {n} characters")
                }
            }
            Detail::Email(reason) => {
                if fr {
                    format!("L’adresse de courriel n’est pas valide ({reason})")
                } else {
                    format!("value is not a valid email address: {reason}")
                }
            }
            Detail::Enum {
                referential,
                suggestion,
            } => match (fr, suggestion) {
                (true, Some(s)) => format!("La valeur {v} n’existe pas. Vouliez-vous dire '{s}' ?"),
                (true, None) => {
                    format!("La valeur {v} n’existe pas dans le référentiel {referential}.")
                }
                (false, Some(s)) => format!("The value {v} does not exist. Did you mean '{s}'?"),
                (false, None) => format!("The value {v} is not in the referential {referential}."),
            },
            Detail::ListType => tr(
                fr,
                "La valeur doit être une liste",
                "Input should be a valid array",
            ),
            Detail::ListTooShort(n) => {
                if fr {
                    format!("La liste doit contenir au moins {n} élément{}", plural(*n))
                } else {
                    format!("List should have at least {n} item{}", plural(*n))
                }
            }
            Detail::AnyOf(alternatives) => {
                if fr {
                    format!(
                        "La valeur {v} ne correspond à aucune des formes admises : {alternatives}"
                    )
                } else {
                    format!("The value {v} matches none of the allowed forms: {alternatives}")
                }
            }
            Detail::TousPublicsAlone => tr(
                fr,
                "`tous-publics` ne peut pas être utilisé avec d’autres valeurs.",
                "`tous-publics` cannot be used with other values.",
            ),
            Detail::NomTrailingPeriod { service } => match (fr, service) {
                (true, false) => {
                    "Le nom de la structure ne doit pas se terminer par un point.".into()
                }
                (true, true) => "Le nom du service ne doit pas se terminer par un point.".into(),
                (false, false) => "The name of the structure should not end with a period.".into(),
                (false, true) => "The name of the service should not end with a period.".into(),
            },
            Detail::MoreProblems(n) => {
                if fr {
                    format!(
                        "… et {n} autre{} problème{} dans ce champ",
                        plural(*n),
                        plural(*n)
                    )
                } else {
                    format!("… and {n} more problem{} in this field", plural(*n))
                }
            }
            Detail::Internal(reason) => {
                if fr {
                    format!("Erreur interne : {reason}")
                } else {
                    format!("Internal error: {reason}")
                }
            }
        }
    }
}

fn tr(fr: bool, french: &str, english: &str) -> String {
    if fr { french } else { english }.to_string()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

impl fmt::Display for Problem {
    /// `path: message` in French.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{place}: {}", self.message(Lang::Fr))
    }
}

/// Everything wrong with a record that is not valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The record type (`"Structure"`, `"Service"`).
    pub schema: &'static str,
    /// Every problem, errors and warnings, in the schema's field order.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The problems of level [`Level::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.level == Level::Error)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        write!(
            f,
            "{} invalide ({errors} erreur{})",
            self.schema,
            if errors > 1 { "s" } else { "" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
