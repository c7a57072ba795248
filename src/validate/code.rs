//! The stable, machine-readable code of a problem.

use std::fmt;
use std::str::FromStr;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// What kind of problem a [`Problem`](super::Problem) is: the official package's
        /// (pydantic's) error type where there is one (`missing`, `string_too_long`,
        /// `enum`, …), and this crate's own for the rules of the official package
        /// (`date_in_future`, `tous_publics_alone`, `nom_trailing_period`) and for what
        /// pydantic has no type for.
        ///
        /// Its string ([`Code::as_str`], `Display`, and its serde form) is stable: scripts
        /// and reports match on it. New codes may come in minor versions, hence
        /// `#[non_exhaustive]`.
        ///
        /// ```
        /// use data_inclusion_schema::validate::Code;
        ///
        /// let code: Code = "string_too_long".parse().unwrap();
        /// assert_eq!(code, Code::StringTooLong);
        /// assert_eq!(code.to_string(), "string_too_long");
        /// assert_eq!(serde_json::to_string(&Code::Missing).unwrap(), r#""missing""#);
        /// assert!(code == "string_too_long");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in this order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable string (`"string_too_long"`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $text, )*
                }
            }
        }

        impl FromStr for Code {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Code, UnknownCode> {
                match s {
                    $( $text => Ok(Code::$variant), )*
                    _ => Err(UnknownCode(s.to_string())),
                }
            }
        }
    };
}

codes! {
    /// The record is not JSON (`json_invalid`).
    JsonInvalid = "json_invalid",
    /// The record is not an object (`model_type`).
    ModelType = "model_type",
    /// A required field is absent (`missing`).
    Missing = "missing",
    /// Not a string (`string_type`).
    StringType = "string_type",
    /// A string shorter than `minLength` (`string_too_short`).
    StringTooShort = "string_too_short",
    /// A string longer than `maxLength` (`string_too_long`).
    StringTooLong = "string_too_long",
    /// A string that does not match the `pattern` (`string_pattern_mismatch`).
    StringPatternMismatch = "string_pattern_mismatch",
    /// Not the `const` value (`literal_error`).
    LiteralError = "literal_error",
    /// Not a number (`float_type`).
    FloatType = "float_type",
    /// A string that is not a number (`float_parsing`).
    FloatParsing = "float_parsing",
    /// Not an integer (`int_type`).
    IntType = "int_type",
    /// A string that is not an integer (`int_parsing`).
    IntParsing = "int_parsing",
    /// A number with a fractional part for an integer (`int_from_float`).
    IntFromFloat = "int_from_float",
    /// An integer too large (`int_parsing_size`).
    IntParsingSize = "int_parsing_size",
    /// `NaN` or an infinity where a finite number is needed (`finite_number`).
    FiniteNumber = "finite_number",
    /// Below the `minimum` (`greater_than_equal`).
    GreaterThanEqual = "greater_than_equal",
    /// Not a date (`date_type`).
    DateType = "date_type",
    /// A string that is not a date (`date_parsing`).
    DateParsing = "date_parsing",
    /// A date and time that is not at midnight (`date_from_datetime_inexact`).
    DateFromDatetimeInexact = "date_from_datetime_inexact",
    /// `date_maj` before 2000 (`date_too_old`, a rule of the official package).
    DateTooOld = "date_too_old",
    /// `date_maj` after the reference date (`date_in_future`, a rule of the official
    /// package).
    DateInFuture = "date_in_future",
    /// Not a string where a URL is needed (`url_type`).
    UrlType = "url_type",
    /// Not a URL (`url_parsing`).
    UrlParsing = "url_parsing",
    /// A URL whose scheme is not `http` or `https` (`url_scheme`).
    UrlScheme = "url_scheme",
    /// A URL longer than 2083 bytes (`url_too_long`).
    UrlTooLong = "url_too_long",
    /// Not an e-mail address (`value_error_email`).
    ValueErrorEmail = "value_error_email",
    /// Not a value of the referential (`enum`).
    Enum = "enum",
    /// Not a list (`list_type`).
    ListType = "list_type",
    /// A list shorter than `minItems` (`too_short`).
    TooShort = "too_short",
    /// None of the forms an `anyOf` allows (`no_alternative_matches`).
    NoAlternativeMatches = "no_alternative_matches",
    /// `tous-publics` with other publics (`tous_publics_alone`, a rule of the official
    /// package).
    TousPublicsAlone = "tous_publics_alone",
    /// A `nom` ending with a period (`nom_trailing_period`, a warning of the official
    /// package).
    NomTrailingPeriod = "nom_trailing_period",
    /// A bug of this crate: a validated value that does not fit its field (`internal`).
    /// Never expected; please report it.
    Internal = "internal",
    /// More problems in one field than a report lists
    /// ([`MAX_PROBLEMS_PER_FIELD`](super::MAX_PROBLEMS_PER_FIELD)); the problem counts
    /// the others (`more_problems`).
    MoreProblems = "more_problems",
    /// Advice: a SIRET whose check digit is wrong (`siret_checksum`; see
    /// [`advice`](super::advice)).
    SiretChecksum = "siret_checksum",
    /// Advice: `longitude` / `latitude` outside France and its overseas territories
    /// (`coordinates_outside_france`).
    CoordinatesOutsideFrance = "coordinates_outside_france",
    /// Advice: `longitude` and `latitude` swapped (`coordinates_swapped`).
    CoordinatesSwapped = "coordinates_swapped",
    /// Advice: `horaires_accueil` not in the OpenStreetMap opening_hours syntax
    /// (`opening_hours_syntax`).
    OpeningHoursSyntax = "opening_hours_syntax",
    /// Advice: `telephone` not a French number (`telephone_not_french`).
    TelephoneNotFrench = "telephone_not_french",
    /// Advice: a placeholder (`test@test.fr`, `exemple.fr`, the schema's own example)
    /// rather than a real contact (`placeholder_contact`).
    PlaceholderContact = "placeholder_contact",
    /// A `code_insee` that is no commune's: the official valideur's check
    /// ([`Profile::Valideur`](super::Profile::Valideur)), its error type `bad-code-insee`.
    BadCodeInsee = "bad-code-insee",
    /// Advice: a `zone_eligibilite` code that does not exist in the découpage
    /// administratif (`zone_unknown`; see [`communes`](crate::communes)).
    ZoneUnknown = "zone_unknown",
    /// Advice: a `code_postal` that is not one of the postal codes of the commune
    /// `code_insee` (`code_postal_not_of_commune`).
    CodePostalNotOfCommune = "code_postal_not_of_commune",
}

/// The error of [`Code`]'s [`FromStr`]: not a code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown problem code: {0:?}")]
pub struct UnknownCode(pub String);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_string() {
        for &code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        }
        assert!("nope".parse::<Code>().is_err());
    }
}
