//! The rules that only the official package has, which the JSON Schema cannot express.
//! All of them are here, in one place; each runs once its field has passed the schema's
//! own checks, as the package's pydantic "after" validators do. Which field follows which
//! rule is data: [`FieldSpec::rule`](crate::spec::FieldSpec::rule), written by the
//! generator from its settings.
//!
//! | record | field | rule | level |
//! |---|---|---|---|
//! | both | `nom` | must not end with `.`, unless with `etc.` | warning (error in strict mode) |
//! | both | `date_maj` | from 2000-01-01 to the reference date, inclusive | error |
//! | Service | `publics` | `tous-publics` only alone (after removing duplicates) | error |

use chrono::NaiveDate;

use super::node::Node;
use super::report::{Detail, Level};
use crate::spec::Rule;

/// The earliest `date_maj` the official package accepts.
pub(crate) const DATE_MAJ_MIN: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The problem, if any, of a value of a record of type `record` (`Record::NAME`) with its
/// field's `rule` (the value has passed the schema's checks).
pub(crate) fn check(
    rule: Rule,
    record: &str,
    value: &Node<'_>,
    today: NaiveDate,
) -> Option<(Level, Detail)> {
    match rule {
        Rule::NoTrailingPeriod => {
            let Node::Str(nom) = value else { return None };
            nom_rule(record, nom)
        }
        Rule::DateMajWindow => date_maj_rule(super::scalar::date(value).ok()?, today),
        Rule::TousPublicsAlone => {
            let Node::Array(publics) = value else {
                return None;
            };
            publics_rule(publics.iter().map(|p| match p {
                Node::Str(s) => Some(s.as_ref()),
                _ => None,
            }))
        }
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
/// value passes its field's rule (a warning counts as not passing: the full check reports
/// it).
pub(crate) fn passes_str(rule: Rule, record: &str, value: &str) -> bool {
    match rule {
        Rule::NoTrailingPeriod => nom_rule(record, value).is_none(),
        _ => true,
    }
}

/// See [`passes_str`].
pub(crate) fn passes_date(rule: Rule, value: NaiveDate, today: NaiveDate) -> bool {
    match rule {
        Rule::DateMajWindow => date_maj_rule(value, today).is_none(),
        _ => true,
    }
}

/// See [`passes_str`]; `items` are the list's items as the schema writes them.
pub(crate) fn passes_list<'a>(rule: Rule, items: impl Iterator<Item = &'a str> + Clone) -> bool {
    match rule {
        Rule::TousPublicsAlone => publics_rule(items.map(Some)).is_none(),
        _ => true,
    }
}
