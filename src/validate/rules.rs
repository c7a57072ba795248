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
            (nom.ends_with('.') && !nom.ends_with("etc.")).then_some((
                Level::Warning,
                Detail::NomTrailingPeriod {
                    service: record == "Service",
                },
            ))
        }
        ("Structure" | "Service", "date_maj") => {
            let date = super::scalar::date(value).ok()?;
            if date < DATE_MAJ_MIN {
                Some((Level::Error, Detail::DateTooOld))
            } else if date > today {
                Some((Level::Error, Detail::DateInFuture))
            } else {
                None
            }
        }
        ("Service", "publics") => {
            let Node::Array(publics) = value else {
                return None;
            };
            // A set: `["tous-publics", "tous-publics"]` is `tous-publics` alone.
            let tous = publics
                .iter()
                .any(|p| matches!(p, Node::Str(s) if s == "tous-publics"));
            let other = publics
                .iter()
                .any(|p| !matches!(p, Node::Str(s) if s == "tous-publics"));
            (tous && other).then_some((Level::Error, Detail::TousPublicsAlone))
        }
        _ => None,
    }
}
