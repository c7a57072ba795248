//! What every referential (thématiques, publics, réseaux porteurs, …) has in common, and
//! how a value from a later release of the schema is kept.
//!
//! # Values from a later release
//!
//! The schema adds values to its referentials in its minor releases (1.0.2, 1.0.3 and 1.0.8
//! each did). Every referential enum therefore has a last variant, `Other`, holding a value
//! that this version of the crate does not list ([`OtherValue`]): deserializing with serde
//! keeps such a value, and serializing writes it back unchanged, so that a program built on
//! this crate keeps reading the producers' data after the next release of the schema.
//! [`Validator`](crate::validate::Validator) reports it exactly as the official package of
//! the version this crate carries does (an `enum` error, with a suggestion when a listed
//! value is close), and [`FromStr`] refuses it.
//!
//! ```
//! use data_inclusion_schema::v1::{Service, Thematique};
//!
//! let json = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier",
//!     "description": "Un atelier.", "date_maj": "2025-02-14",
//!     "thematiques": ["famille--garde-denfants", "numerique--ia-au-quotidien"]}"#;
//! let service: Service = serde_json::from_str(json)?;
//! let thematiques = service.thematiques.as_deref().unwrap_or_default();
//! assert_eq!(thematiques[0], Thematique::FamilleGardeDenfants);
//! match &thematiques[1] {
//!     Thematique::Other(value) => assert_eq!(value.as_str(), "numerique--ia-au-quotidien"),
//!     known => panic!("{known} is listed"),
//! }
//! assert!(!thematiques[1].is_listed());
//! assert_eq!(serde_json::to_value(&service)?["thematiques"][1], "numerique--ia-au-quotidien");
//! assert!("numerique--ia-au-quotidien".parse::<Thematique>().is_err());
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::hash::Hash;
use std::str::FromStr;

/// A referential of the schema: a list of values, each with a French label and, for some,
/// a description.
///
/// Every generated referential enum (for instance [`v1::Thematique`](crate::v1::Thematique))
/// implements this trait, and also has the same items as inherent methods and constants, so
/// that the trait needs importing only for generic code.
///
/// ```
/// use data_inclusion_schema::Referential;
/// use data_inclusion_schema::v1::Frais;
///
/// fn labels<R: Referential>() -> Vec<&'static str> {
///     R::ALL.iter().map(|value| value.label()).collect()
/// }
/// assert_eq!(labels::<Frais>(), ["Gratuit", "Payant"]);
/// assert_eq!(Frais::from_value("gratuit"), Frais::Gratuit);
/// assert_eq!(Frais::from_value("sur-devis").as_str(), "sur-devis");
/// ```
pub trait Referential:
    Clone
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + FromStr<Err = UnknownValue>
    + serde::Serialize
    + serde::de::DeserializeOwned
    + 'static
{
    /// The name of the referential, as in the schema (`"Thematique"`).
    const NAME: &'static str;
    /// Every listed value, in the schema's order.
    const ALL: &'static [Self];
    /// Every listed value as the string the schema uses, in the schema's order.
    const VALUES: &'static [&'static str];

    /// The value as the schema writes it (`"famille--garde-denfants"`).
    fn as_str(&self) -> &str;
    /// The French label (`"Garde d’enfants"`); for a value that this version does not
    /// list, the value itself.
    fn label(&self) -> &str;
    /// The French description, where the official referential has one.
    fn description(&self) -> Option<&'static str>;
    /// Whether this version of the crate lists the value (`false` for `Other`).
    fn is_listed(&self) -> bool;
    /// The value written `value`: a listed one, or `Other` (never fails; see
    /// [`FromStr`] for the strict reading).
    fn from_value(value: &str) -> Self;
}

/// A value of a referential that this version of the crate does not list: kept as it was
/// read, in the `Other` variant of the referential's enum. Only the crate makes one (from
/// a string that is not a listed value, so that a listed value is always its own variant).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OtherValue(Box<str>);

impl OtherValue {
    /// `value` as an `OtherValue`, for a string that is none of the listed values (the
    /// generated `from_value` calls this once it has checked them).
    pub(crate) fn new(value: &str) -> OtherValue {
        OtherValue(value.into())
    }

    /// The value, as it was read.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OtherValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for OtherValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The error of [`FromStr`] on a referential: the string is not one of its listed values.
/// Its `Display` is French; [`UnknownValue::message`] gives English too.
///
/// ```
/// use data_inclusion_schema::v1::Frais;
/// use data_inclusion_schema::Lang;
///
/// let error = "gratuite".parse::<Frais>().unwrap_err();
/// assert_eq!(error.to_string(), "« gratuite » n’est pas une valeur du référentiel Frais");
/// assert_eq!(error.message(Lang::En), "\"gratuite\" is not a value of the referential Frais");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("« {value} » n’est pas une valeur du référentiel {referential}")]
pub struct UnknownValue {
    /// The name of the referential (`"Thematique"`).
    pub referential: &'static str,
    /// The string that was given.
    pub value: String,
}

impl UnknownValue {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Fr => self.to_string(),
            crate::Lang::En => format!(
                "{:?} is not a value of the referential {}",
                self.value, self.referential
            ),
        }
    }
}
