//! The rules that only the official package has, which the JSON Schema cannot express.
//! All of them are here, in one place; each runs once its field has passed the schema's
//! own checks, as the package's pydantic "after" validators do.
//!
//! | record | field | rule | level |
//! |---|---|---|---|
//! | both | `nom` | must not end with `.`, unless with `etc.` | warning (error in strict mode) |
//! | both | `date_maj` | from 2000-01-01 to the reference date, inclusive | error |
//! | Service | `publics` | `tous-publics` only alone (after removing duplicates) | error |

use chrono::NaiveDate;

use super::node::Node;
use super::report::{Detail, Level};

/// The earliest `date_maj` the official package accepts.
pub(crate) const DATE_MAJ_MIN: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The rule of `field`, if it has one, on its input value (which has passed the schema's
/// checks).
pub(crate) fn check(
    record: &str,
    field: &str,
    value: &Node<'_>,
    today: NaiveDate,
) -> Option<(Level, Detail)> {
    match (record, field) {
        ("Structure" | "Service", "nom") => {
            let Node::Str(nom) = value else { return None };
            nom_rule(record, nom)
        }
        ("Structure" | "Service", "date_maj") => {
            date_maj_rule(super::scalar::date(value).ok()?, today)
        }
        ("Service", "publics") => {
            let Node::Array(publics) = value else {
                return None;
            };
            publics_rule(publics.iter().map(|p| match p {
                Node::Str(s) => Some(s.as_ref()),
                _ => None,
            }))
        }
        _ => None,
    }
}

/// `nom` must not end with a period, unless with `etc.` (a warning).
fn nom_rule(record: &str, nom: &str) -> Option<(Level, Detail)> {
    (nom.ends_with('.') && !nom.ends_with("etc.")).then_some((
        Level::Warning,
        Detail::NomTrailingPeriod {
            service: record == "Service",
        },
    ))
}

/// `date_maj` from 2000-01-01 to the reference date.
fn date_maj_rule(date: NaiveDate, today: NaiveDate) -> Option<(Level, Detail)> {
    if date < DATE_MAJ_MIN {
        Some((Level::Error, Detail::DateTooOld))
    } else if date > today {
        Some((Level::Error, Detail::DateInFuture))
    } else {
        None
    }
}

/// `tous-publics` only alone. A set: `["tous-publics", "tous-publics"]` is `tous-publics`
/// alone. `None` stands for an item that is not a string.
fn publics_rule<'a>(
    publics: impl Iterator<Item = Option<&'a str>> + Clone,
) -> Option<(Level, Detail)> {
    let tous = publics.clone().any(|p| p == Some("tous-publics"));
    let other = publics.into_iter().any(|p| p != Some("tous-publics"));
    (tous && other).then_some((Level::Error, Detail::TousPublicsAlone))
}

/// The same rules on the typed values of the single-pass validator (`fast`): whether the
/// value passes the rule of its field (a warning counts as not passing: the full check
/// reports it).
pub(crate) fn passes_str(record: &str, field: &str, value: &str) -> bool {
    match (record, field) {
        ("Structure" | "Service", "nom") => nom_rule(record, value).is_none(),
        _ => true,
    }
}

/// See [`passes_str`].
pub(crate) fn passes_date(record: &str, field: &str, value: NaiveDate, today: NaiveDate) -> bool {
    match (record, field) {
        ("Structure" | "Service", "date_maj") => date_maj_rule(value, today).is_none(),
        _ => true,
    }
}

/// See [`passes_str`]; `items` are the list's items as the schema writes them.
pub(crate) fn passes_list<'a>(
    record: &str,
    field: &str,
    items: impl Iterator<Item = &'a str> + Clone,
) -> bool {
    match (record, field) {
        ("Service", "publics") => publics_rule(items.map(Some)).is_none(),
        _ => true,
    }
}
