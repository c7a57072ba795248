//! What every referential (thématiques, publics, réseaux porteurs, …) has in common.

use std::fmt;
use std::hash::Hash;
use std::str::FromStr;

/// A referential of the schema: a closed list of values, each with a French label and,
/// for some, a description.
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
/// ```
pub trait Referential:
    Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + FromStr<Err = UnknownValue> + 'static
{
    /// The name of the referential, as in the schema (`"Thematique"`).
    const NAME: &'static str;
    /// Every value, in the schema's order.
    const ALL: &'static [Self];
    /// Every value as the string the schema uses, in the schema's order.
    const VALUES: &'static [&'static str];

    /// The value as the schema writes it (`"famille--garde-denfants"`).
    fn as_str(self) -> &'static str;
    /// The French label (`"Garde d’enfants"`).
    fn label(self) -> &'static str;
    /// The French description, where the official referential has one.
    fn description(self) -> Option<&'static str>;
}

/// The error of [`FromStr`] on a referential: the string is not one of its values.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} n'est pas une valeur du référentiel {referential}")]
pub struct UnknownValue {
    /// The name of the referential (`"Thematique"`).
    pub referential: &'static str,
    /// The string that was given.
    pub value: String,
}

/// Deserializes a referential from a string through its [`FromStr`], so that the error
/// names the bad value and the referential (used by the generated `Deserialize` impls).
pub fn deserialize<'de, R, D>(deserializer: D) -> Result<R, D::Error>
where
    R: Referential,
    D: serde::Deserializer<'de>,
{
    struct Visitor<R>(std::marker::PhantomData<R>);

    impl<R: Referential> serde::de::Visitor<'_> for Visitor<R> {
        type Value = R;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a value of the referential {}", R::NAME)
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<R, E> {
            value.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(Visitor(std::marker::PhantomData))
}
