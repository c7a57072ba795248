//! What validation reports: problems with a place, a stable code, a level, the value and
//! a message in French (default) or English.

use std::fmt;

use serde_json::Value;

use super::Code;
use crate::Lang;

/// How serious a problem is. Serialized as [`Level::as_str`]; named in French by
/// [`Level::name`].
///
/// Only errors make a record invalid (warnings too in strict mode). Advice never does,
/// in any mode: it is what the official verdict ignores but a producer should fix (see
/// [`Validator::with_advice`](super::Validator::with_advice)).
///
/// ```
/// use data_inclusion_schema::validate::Level;
/// use data_inclusion_schema::Lang;
///
/// assert_eq!(serde_json::to_string(&Level::Warning).unwrap(), r#""warning""#);
/// assert_eq!("error".parse::<Level>(), Ok(Level::Error));
/// assert_eq!(Level::Advice.as_str(), "advice");
/// assert_eq!(Level::Advice.name(Lang::Fr), "conseil");
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Level {
    /// The record is not valid.
    Error,
    /// The record is valid, but should be corrected (the official package's
    /// "avertissements"). An error in strict mode.
    Warning,
    /// Not part of the official verdict: the record is valid or not regardless (and stays
    /// so in strict mode), but a value looks wrong (a SIRET whose checksum fails, swapped
    /// coordinates, …). Reported only when asked for
    /// ([`Validator::with_advice`](super::Validator::with_advice)).
    Advice,
}

impl Level {
    /// Every level, from the most serious.
    pub const ALL: &'static [Level] = &[Level::Error, Level::Warning, Level::Advice];

    /// `"error"`, `"warning"` or `"advice"`: the stable string of reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Advice => "advice",
        }
    }

    /// The level's name for people: `erreur`, `avertissement`, `conseil` (`error`,
    /// `warning`, `advice` in English).
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Error, Lang::Fr) => "erreur",
            (Level::Warning, Lang::Fr) => "avertissement",
            (Level::Advice, Lang::Fr) => "conseil",
            (level, Lang::En) => level.as_str(),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Level`]'s [`FromStr`](std::str::FromStr): not a level.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown level: {0:?} (error, warning or advice)")]
pub struct UnknownLevel(pub String);

impl std::str::FromStr for Level {
    type Err = UnknownLevel;

    /// `error`, `warning` or `advice`.
    fn from_str(s: &str) -> Result<Level, UnknownLevel> {
        match s {
            "error" => Ok(Level::Error),
            "warning" => Ok(Level::Warning),
            "advice" => Ok(Level::Advice),
            _ => Err(UnknownLevel(s.to_string())),
        }
    }
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
        values: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    ListType {
        /// A list that the official package takes as a set (`uniqueItems`).
        set: bool,
    },
    ListTooShort {
        min: usize,
        found: usize,
        set: bool,
    },
    /// A `code_insee` that is no commune's (the valideur's check).
    BadCodeInsee,
    AnyOf(String),
    TousPublicsAlone,
    NomTrailingPeriod {
        service: bool,
    },
    Internal(String),
    /// More problems in this field than a report lists.
    MoreProblems(usize),
    /// Advice (see `advice`): a SIRET whose check digit is wrong.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    SiretChecksum,
    /// Advice: coordinates outside France and its overseas territories.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    CoordinatesOutsideFrance,
    /// Advice: longitude and latitude swapped.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    CoordinatesSwapped,
    /// Advice: not in the OSM opening_hours syntax (the parser's column).
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    OpeningHoursSyntax(usize),
    /// Advice: not a French telephone number.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    TelephoneNotFrench,
    /// Advice: a placeholder value rather than a real contact.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    PlaceholderContact,
    /// Advice: a `zone_eligibilite` code that does not exist in the découpage
    /// administratif.
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    ZoneUnknown,
    /// Advice: a `code_postal` that is not one of the commune's (its `code_insee`).
    #[cfg_attr(not(feature = "advice"), allow(dead_code))]
    PostalCodeNotOfCommune {
        commune: String,
    },
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
    /// Whether the French message is the official valideur's ([`Profile::Valideur`](super::Profile::Valideur)).
    pub(crate) valideur: bool,
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
            valideur: false,
        }
    }

    /// The stable, machine-readable code of the problem (see [`Code`]).
    pub fn code(&self) -> Code {
        match &self.detail {
            Detail::InvalidJson(_) => Code::JsonInvalid,
            Detail::NotAnObject => Code::ModelType,
            Detail::Missing => Code::Missing,
            Detail::StringType => Code::StringType,
            Detail::TooShort(_) => Code::StringTooShort,
            Detail::TooLong(_) => Code::StringTooLong,
            Detail::Pattern(_) => Code::StringPatternMismatch,
            Detail::Constant(_) => Code::LiteralError,
            Detail::NumberType => Code::FloatType,
            Detail::NumberParsing => Code::FloatParsing,
            Detail::IntegerType => Code::IntType,
            Detail::IntegerParsing => Code::IntParsing,
            Detail::IntegerFromFloat => Code::IntFromFloat,
            Detail::IntegerTooLarge => Code::IntParsingSize,
            Detail::FiniteNumber => Code::FiniteNumber,
            Detail::Minimum(_) => Code::GreaterThanEqual,
            Detail::DateType => Code::DateType,
            Detail::DateParsing(_) => Code::DateParsing,
            Detail::DateInexact => Code::DateFromDatetimeInexact,
            Detail::DateTooOld => Code::DateTooOld,
            Detail::DateInFuture => Code::DateInFuture,
            Detail::UrlType => Code::UrlType,
            Detail::UrlParsing(_) => Code::UrlParsing,
            Detail::UrlScheme => Code::UrlScheme,
            Detail::UrlTooLong(_) => Code::UrlTooLong,
            Detail::Email(_) => Code::ValueErrorEmail,
            Detail::Enum { .. } => Code::Enum,
            Detail::ListType { .. } => Code::ListType,
            Detail::ListTooShort { .. } => Code::TooShort,
            Detail::BadCodeInsee => Code::BadCodeInsee,
            Detail::AnyOf(_) => Code::NoAlternativeMatches,
            Detail::TousPublicsAlone => Code::TousPublicsAlone,
            Detail::NomTrailingPeriod { .. } => Code::NomTrailingPeriod,
            Detail::Internal(_) => Code::Internal,
            Detail::MoreProblems(_) => Code::MoreProblems,
            Detail::SiretChecksum => Code::SiretChecksum,
            Detail::CoordinatesOutsideFrance => Code::CoordinatesOutsideFrance,
            Detail::CoordinatesSwapped => Code::CoordinatesSwapped,
            Detail::OpeningHoursSyntax(_) => Code::OpeningHoursSyntax,
            Detail::TelephoneNotFrench => Code::TelephoneNotFrench,
            Detail::PlaceholderContact => Code::PlaceholderContact,
            Detail::ZoneUnknown => Code::ZoneUnknown,
            Detail::PostalCodeNotOfCommune { .. } => Code::CodePostalNotOfCommune,
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

    /// The message, in French or English. The French message of a problem found with the
    /// [valideur profile](super::Profile::Valideur) is the official valideur's.
    pub fn message(&self, lang: Lang) -> String {
        if self.valideur && lang == Lang::Fr {
            return self.valideur_message();
        }
        self.own_message(lang)
    }

    /// This crate's message.
    fn own_message(&self, lang: Lang) -> String {
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
                ..
            } => match (fr, suggestion) {
                (true, Some(s)) => format!("La valeur {v} n’existe pas. Vouliez-vous dire '{s}' ?"),
                (true, None) => {
                    format!("La valeur {v} n’existe pas dans le référentiel {referential}.")
                }
                (false, Some(s)) => format!("The value {v} does not exist. Did you mean '{s}'?"),
                (false, None) => format!("The value {v} is not in the referential {referential}."),
            },
            Detail::ListType { .. } => tr(
                fr,
                "La valeur doit être une liste",
                "Input should be a valid array",
            ),
            Detail::BadCodeInsee => {
                let code = self.value.as_str().unwrap_or_default();
                if fr {
                    format!("Le code commune {code} n’existe pas")
                } else {
                    format!("The commune code {code} does not exist")
                }
            }
            Detail::ListTooShort { min: n, .. } => {
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
            Detail::SiretChecksum => tr(
                fr,
                "Ce numéro SIRET n’existe pas : sa clé de contrôle (formule de Luhn) est fausse, \
                 un chiffre a sans doute été mal recopié. Vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
                "This SIRET number does not exist: its check digit (Luhn formula) is wrong, \
                 a digit was probably mistyped. Check it on annuaire-entreprises.data.gouv.fr.",
            ),
            Detail::CoordinatesOutsideFrance => {
                let (lon, lat) = pair(&self.value);
                if fr {
                    format!("Le point (longitude {lon}, latitude {lat}) est hors de France et de ses territoires d’outre-mer : vérifiez les coordonnées (en degrés décimaux, WGS 84).")
                } else {
                    format!("The point (longitude {lon}, latitude {lat}) is outside France and its overseas territories: check the coordinates (decimal degrees, WGS 84).")
                }
            }
            Detail::CoordinatesSwapped => {
                let (lon, lat) = pair(&self.value);
                if fr {
                    format!("La longitude ({lon}) et la latitude ({lat}) semblent inversées : le point est hors de France, il y tombe une fois les deux échangées.")
                } else {
                    format!("The longitude ({lon}) and latitude ({lat}) look swapped: the point is outside France, and falls in France once the two are exchanged.")
                }
            }
            Detail::OpeningHoursSyntax(column) => {
                let place = match (fr, column) {
                    (_, 0) => String::new(),
                    (true, c) => format!(" (à partir du caractère {c})"),
                    (false, c) => format!(" (from character {c})"),
                };
                if fr {
                    format!("Les horaires ne suivent pas la syntaxe OpenStreetMap opening_hours que le schéma demande{place} ; par exemple « Mo-Fr 09:00-12:00,14:00-17:00; PH off ».")
                } else {
                    format!("The opening hours do not follow the OpenStreetMap opening_hours syntax the schema asks for{place}; for instance \"Mo-Fr 09:00-12:00,14:00-17:00; PH off\".")
                }
            }
            Detail::TelephoneNotFrench => tr(
                fr,
                "Ce n’est pas un numéro de téléphone français valide (métropole ou outre-mer), \
                 même sans les espaces et les points ; par exemple « 01 23 45 67 89 » ou « +33 1 23 45 67 89 ».",
                "This is not a valid French telephone number (metropolitan or overseas), \
                 even without spaces and dots; for instance \"01 23 45 67 89\" or \"+33 1 23 45 67 89\".",
            ),
            Detail::PlaceholderContact => tr(
                fr,
                "Cette valeur ressemble à un exemple ou à un test, pas à un vrai contact : \
                 indiquez le contact réel, ou laissez le champ vide.",
                "This value looks like an example or a test, not a real contact: \
                 give the real contact, or leave the field empty.",
            ),
            Detail::ZoneUnknown => {
                let m = crate::communes::MILLESIME;
                let v = self.value.as_str().unwrap_or_default();
                if fr {
                    format!("Le code {v} n’existe pas dans le découpage administratif {m} : ce n’est le code d’aucune commune, d’aucun département, d’aucune région, ni le SIREN d’aucun EPCI. Vérifiez-le sur geo.api.gouv.fr.")
                } else {
                    format!("The code {v} does not exist in the {m} découpage administratif: it is the code of no commune, département or région, nor the SIREN of an EPCI. Check it on geo.api.gouv.fr.")
                }
            }
            Detail::PostalCodeNotOfCommune { commune } => {
                let v = self.value.as_str().unwrap_or_default();
                let codes: Vec<&str> = crate::communes::postal_codes(commune).collect();
                let codes = codes.join(", ");
                if fr {
                    format!("Le code postal {v} n’est pas celui de la commune {commune} (ses codes postaux : {codes}) : l’un des deux codes a sans doute été mal recopié.")
                } else {
                    format!("The postal code {v} is not one of the commune {commune}'s (its postal codes: {codes}): one of the two codes was probably mistyped.")
                }
            }
        }
    }
}

impl Problem {
    /// The official valideur's message: pydantic's message (or the official package's
    /// own) as its `translations.py` translates it, English where it has no translation;
    /// its own wording for the referentials `thematiques` and `publics` (with a
    /// suggestion) and for `code_insee`.
    fn valideur_message(&self) -> String {
        let plural = |n: usize| if n > 1 { "s" } else { "" };
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match &self.detail {
            Detail::Missing => "Champ requis".into(),
            Detail::StringType => "La valeur doit être une chaîne de caractères valide".into(),
            // pydantic says "1 character", which the translations do not match.
            Detail::TooShort(1) => "String should have at least 1 character".into(),
            Detail::TooLong(1) => "String should have at most 1 character".into(),
            Detail::TooShort(n) => format!("La chaîne doit contenir au moins {n} caractères"),
            Detail::TooLong(n) => format!("La chaîne doit contenir au plus {n} caractères"),
            Detail::Pattern(p) => format!("La chaîne doit correspondre au motif '{p}'"),
            Detail::Constant(c) => format!("Input should be '{c}'"),
            Detail::NumberType | Detail::NumberParsing => {
                "La valeur doit être un nombre valide".into()
            }
            Detail::IntegerType | Detail::IntegerParsing | Detail::IntegerFromFloat => {
                "La valeur doit être un entier valide".into()
            }
            Detail::IntegerTooLarge => {
                "Unable to parse input string as an integer, exceeded maximum size".into()
            }
            Detail::FiniteNumber => "Input should be a finite number".into(),
            Detail::Minimum(m) => format!("La valeur doit être supérieure ou égale à {m}"),
            Detail::DateType | Detail::DateParsing(_) | Detail::DateInexact => {
                "La valeur doit être une date valide au format AAAA-MM-JJ".into()
            }
            Detail::DateTooOld => {
                "Value error, La date de dernière modification doit être au 21e siècle.".into()
            }
            Detail::DateInFuture => {
                "Value error, La date de dernière modification ne peut pas être dans le futur."
                    .into()
            }
            Detail::TousPublicsAlone => {
                "Value error, `tous-publics` ne peut pas être utilisé avec d’autres valeurs.".into()
            }
            Detail::UrlType | Detail::UrlParsing(_) | Detail::UrlTooLong(_) => {
                "La valeur doit être une URL valide".into()
            }
            Detail::UrlScheme => "URL scheme should be 'http' or 'https'".into(),
            Detail::Email(_) => "La valeur n'est pas un courriel valide".into(),
            // The valideur words the referentials of these two fields itself.
            Detail::Enum { suggestion, .. }
                if matches!(self.field.as_str(), "thematiques" | "publics") =>
            {
                let given = text(&self.value);
                match suggestion {
                    Some(s) => {
                        format!("La valeur '{given}' n'existe pas. Vouliez-vous dire '{s}' ?")
                    }
                    None => format!("La valeur '{given}' n'existe pas"),
                }
            }
            Detail::Enum { values, .. } => {
                // pydantic: "Input should be 'a', 'b' or 'c'"; the translation's pattern
                // `Input should be (.*) or (.*)` splits at the last " or ".
                let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                match quoted.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("La valeur doit être {} ou {last}", rest.join(", "))
                    }
                    Some((last, _)) => format!("Input should be {last}"),
                    None => "Input should be a valid enumeration member".into(),
                }
            }
            Detail::ListType { set: false } => "La valeur doit être une liste valide".into(),
            Detail::ListType { set: true } => "La valeur doit être un set valide".into(),
            Detail::ListTooShort { min, found, set } => format!(
                "{} should have at least {min} item{} after validation, not {found}",
                if *set { "Set" } else { "List" },
                plural(*min)
            ),
            Detail::BadCodeInsee => {
                format!("Le code commune {} n'existe pas", text(&self.value))
            }
            Detail::NomTrailingPeriod { .. }
            | Detail::InvalidJson(_)
            | Detail::NotAnObject
            | Detail::AnyOf(_)
            | Detail::Internal(_)
            | Detail::MoreProblems(_)
            | Detail::SiretChecksum
            | Detail::CoordinatesOutsideFrance
            | Detail::CoordinatesSwapped
            | Detail::OpeningHoursSyntax(_)
            | Detail::TelephoneNotFrench
            | Detail::PlaceholderContact
            | Detail::ZoneUnknown
            | Detail::PostalCodeNotOfCommune { .. } => self.own_message(Lang::Fr),
        }
    }
}

fn tr(fr: bool, french: &str, english: &str) -> String {
    if fr { french } else { english }.to_string()
}

/// The longitude and latitude of a coordinates problem's value (`[longitude, latitude]`).
fn pair(value: &Value) -> (String, String) {
    let at = |i: usize| {
        value
            .get(i)
            .map_or_else(|| "?".to_string(), |v| v.to_string())
    };
    (at(0), at(1))
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

impl fmt::Display for Problem {
    /// `path: message` in French, `(avertissement)` after the message of a warning and
    /// `(conseil)` after advice; with `{:#}`, in English.
    ///
    /// ```
    /// use data_inclusion_schema::validate::Validator;
    /// use data_inclusion_schema::v1::Structure;
    ///
    /// let json = r#"{"source": "dora", "id": "dora--1", "nom": "CCAS.", "date_maj": "2025-02-14"}"#;
    /// let checked = Validator::new().check_json::<Structure>(json);
    /// assert_eq!(
    ///     checked.problems[0].to_string(),
    ///     "/nom: Le nom de la structure ne doit pas se terminer par un point. (avertissement)"
    /// );
    /// assert_eq!(
    ///     format!("{:#}", checked.problems[0]),
    ///     "/nom: The name of the structure should not end with a period. (warning)"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = if f.alternate() { Lang::En } else { Lang::Fr };
        let place = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{place}: {}", self.message(lang))?;
        match self.level {
            Level::Error => Ok(()),
            level => write!(f, " ({})", level.name(lang)),
        }
    }
}

impl Problem {
    /// The problem with its message in `lang`, for serializing (a [`Problem`] serializes
    /// its message in French).
    ///
    /// ```
    /// use data_inclusion_schema::validate::{Lang, Validator};
    /// use data_inclusion_schema::v1::Structure;
    ///
    /// let json = r#"{"source": "dora", "id": "dora--1", "nom": "M", "date_maj": "2025-02-14"}"#;
    /// let problem = &Validator::new().check_json::<Structure>(json).problems[0];
    /// let english = serde_json::to_value(problem.in_lang(Lang::En)).unwrap();
    /// assert_eq!(english["message"], "String should have at least 3 characters");
    /// assert_eq!(english["code"], "string_too_short");
    /// ```
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang {
            problem: self,
            lang,
        }
    }
}

/// A [`Problem`] with its message in a given language ([`Problem::in_lang`]), which
/// serializes as the problem does.
#[derive(Clone, Copy, Debug)]
pub struct InLang<'p> {
    problem: &'p Problem,
    lang: Lang,
}

impl serde::Serialize for InLang<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let p = self.problem;
        let mut s = serializer.serialize_struct("Problem", 7)?;
        s.serialize_field("field", &p.field)?;
        s.serialize_field("path", &p.path)?;
        s.serialize_field("code", &p.code())?;
        s.serialize_field("level", &p.level)?;
        s.serialize_field("value", &p.value)?;
        s.serialize_field("message", &p.message(self.lang))?;
        s.serialize_field("suggestion", &p.suggestion())?;
        s.end()
    }
}

impl serde::Serialize for Problem {
    /// An object: `field`, `path`, `code`, `level`, `value`, `message` (in French; see
    /// [`Problem::in_lang`]) and `suggestion` (`null` but for `enum` problems with one).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.in_lang(Lang::Fr).serialize(serializer)
    }
}

/// Everything wrong with a record that is not valid.
///
/// Its `Display` is one line (`Service invalide : 2 erreurs, 1 avertissement`, then
/// `, 1 conseil` when there is advice); with `{:#}`, one more line per problem. It
/// serializes as an object: `schema`, `errors`, `warnings`, `advice` (counts) and
/// `problems`.
///
/// ```
/// use data_inclusion_schema::validate::Validator;
/// use data_inclusion_schema::v1::Service;
///
/// let json = r#"{"source": "dora", "id": "dora--1", "nom": "Atelier.", "date_maj": "2025-02-14"}"#;
/// let report = Validator::new().validate_json::<Service>(json).unwrap_err();
/// assert_eq!(report.to_string(), "Service invalide : 2 erreurs, 1 avertissement");
/// assert_eq!(format!("{report:#}").lines().count(), 4);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!((json["errors"].as_u64(), json["problems"][0]["code"].as_str()), (Some(2), Some("missing")));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The record type (`"Structure"`, `"Service"`).
    pub schema: &'static str,
    /// Every problem, errors and warnings in the schema's field order, then advice.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The problems of level [`Level::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.level == Level::Error)
    }

    /// The problems of level [`Level::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.level == Level::Warning)
    }

    /// The problems of level [`Level::Advice`].
    pub fn advice(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.level == Level::Advice)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (errors, warnings) = (self.errors().count(), self.warnings().count());
        let plural = |n: usize| if n > 1 { "s" } else { "" };
        write!(
            f,
            "{} invalide : {errors} erreur{}",
            self.schema,
            plural(errors)
        )?;
        if warnings > 0 {
            write!(f, ", {warnings} avertissement{}", plural(warnings))?;
        }
        let advice = self.advice().count();
        if advice > 0 {
            write!(f, ", {advice} conseil{}", plural(advice))?;
        }
        if f.alternate() {
            for p in &self.problems {
                write!(f, "\n  {p}")?;
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 5)?;
        s.serialize_field("schema", self.schema)?;
        s.serialize_field("errors", &self.errors().count())?;
        s.serialize_field("warnings", &self.warnings().count())?;
        s.serialize_field("advice", &self.advice().count())?;
        s.serialize_field("problems", &self.problems)?;
        s.end()
    }
}

impl std::error::Error for Report {}
