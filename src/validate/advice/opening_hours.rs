//! The OpenStreetMap opening_hours syntax, which the schema asks `horaires_accueil` to
//! follow ("Doit être au format OpenStreetMap Opening Hours", the field's description,
//! pointing to <https://wiki.openstreetmap.org/wiki/FR:Key:opening_hours>).
//!
//! Checked with the `opening-hours-syntax` crate, a parser of the syntax's
//! specification (<https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification>)
//! used by the `opening_hours` packages of Rust and Python. What it parses but does not
//! evaluate (an "unsupported feature") is taken as written in the syntax.

/// Longer than this, a value is not checked (and not reported).
const MAX_LEN: usize = 2000;

/// Where the syntax fails in `text`, if it does: `Some(column)` (1-based, in
/// characters; 0 when the parser does not say), `None` when `text` follows the syntax.
///
/// ```
/// use data_inclusion_schema::validate::advice::opening_hours_error;
///
/// assert_eq!(opening_hours_error("Mo-Fr 09:00-12:00,14:00-17:00; PH off"), None);
/// assert_eq!(opening_hours_error("24/7"), None);
/// assert_eq!(opening_hours_error("Mo-Fr 09h00-12h00"), Some(7));
/// assert_eq!(opening_hours_error("Lundi au vendredi"), Some(1));
/// ```
pub fn opening_hours_error(text: &str) -> Option<usize> {
    use opening_hours_syntax::error::Error;
    if text.len() > MAX_LEN {
        return None;
    }
    match opening_hours_syntax::parse(text) {
        Ok(_) => None,
        Err(Error::Syntax(e)) => Some(match e.line_col {
            pest::error::LineColLocation::Pos((_, col))
            | pest::error::LineColLocation::Span((_, col), _) => col,
        }),
        Err(Error::Unsupported(_)) => None,
        Err(e) if e.is_implementation_error() => None,
        Err(_) => Some(0),
    }
}
