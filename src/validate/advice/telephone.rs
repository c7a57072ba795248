//! French telephone numbers, as the data·inclusion pipeline recognises them.
//!
//! The pipeline (gip-inclusion/data-inclusion, `pipeline/dbt/macros/udfs/phonenumbers/
//! format_phone_number.py`) keeps a number when Google's libphonenumber finds it valid:
//! a short number of France (3949, 115, …), or a number of an overseas department or
//! collectivity (Mayotte, Guadeloupe, Guyane, Martinique, La Réunion,
//! Saint-Pierre-et-Miquelon, Wallis-et-Futuna, French Polynesia, New Caledonia) or of
//! France, tried in that order; overseas numbers written with `+33` are read with their
//! own country code. It also keeps foreign numbers, which this advice reports: the schema
//! is about services in France.
//!
//! The numbers are checked with the `phonenumber` crate (a port of libphonenumber, with
//! its metadata); the short numbers with the pattern of France's short codes in
//! libphonenumber's `ShortNumberMetadata.xml` (version 9.0.33, the one the crate carries),
//! which the crate does not read.

use std::sync::OnceLock;

use phonenumber::country::Id;

/// France's short codes (libphonenumber 9.0.33, `ShortNumberMetadata.xml`, territory
/// `FR`, `shortCode`), 2 to 6 digits.
const SHORT_CODE: &str = r"^(?:1(?:0\d\d|1(?:[02459]|6(?:000|111)|8\d{3})|[578]|9[167])|2(?:0(?:00|2)0|24)|[3-8]\d{4}|3\d{3}|6(?:1[14]|34)|7(?:0[06]|22|40))$";

/// The regions tried, in the pipeline's order, with their country codes.
const REGIONS: &[(Id, &str)] = &[
    (Id::YT, "262"),
    (Id::GP, "590"),
    (Id::GF, "594"),
    (Id::MQ, "596"),
    (Id::RE, "262"),
    (Id::PM, "508"),
    (Id::WF, "681"),
    (Id::PF, "689"),
    (Id::NC, "687"),
    (Id::FR, "33"),
];

/// Longer than this, a value is not one telephone number.
const MAX_LEN: usize = 64;

/// Whether `text` is a French telephone number (metropolitan or overseas, or a French
/// short number), once spaces, dots, dashes and a `(0)` are left aside.
///
/// ```
/// use data_inclusion_schema::validate::advice::is_french_telephone;
///
/// assert!(is_french_telephone("01 40 20 50 50"));
/// assert!(is_french_telephone("+33 1 40 20 50 50"));
/// assert!(is_french_telephone("06.12.34.56.78"));
/// assert!(is_french_telephone("0262 21 34 56")); // La Réunion
/// assert!(is_french_telephone("+33 262 21 34 56")); // the same, with +33
/// assert!(is_french_telephone("3949")); // France Travail
/// assert!(!is_french_telephone("+1 415 555 2671"));
/// assert!(!is_french_telephone("01 40 20 50"));
/// assert!(!is_french_telephone("sur rendez-vous"));
/// ```
pub fn is_french_telephone(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return false;
    }
    let compact: String = text
        .replace("(0)", "")
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '\u{a0}' | '\u{202f}'))
        .collect();
    if compact.bytes().all(|b| b.is_ascii_digit()) && is_short_number(&compact) {
        return true;
    }
    let plus33 = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"));
    for &(region, code) in REGIONS {
        let fr = region == Id::FR;
        // An overseas number written with +33 (a department's number: +33 262 …) read
        // with the region's own code, as the pipeline does.
        if let (false, Some(rest)) = (fr, plus33) {
            if valid_in(region, &format!("+{code}{rest}"), fr) {
                return true;
            }
        }
        if valid_in(region, &compact, fr) {
            return true;
        }
    }
    false
}

/// Whether `number` parses, with `region` as the default, into a valid number of one of
/// the regions (not a foreign one).
fn valid_in(region: Id, number: &str, fr: bool) -> bool {
    let Ok(parsed) = phonenumber::parse(Some(region), number) else {
        return false;
    };
    let national = parsed.national().to_string();
    // The pipeline skips toll-free (8…) and VoIP (9…) numbers outside France, and
    // six-digit numbers without a country code, which need a hint on the region.
    if !fr && (national.starts_with('8') || national.starts_with('9')) {
        return false;
    }
    if parsed.code().source() == phonenumber::country::Source::Default && national.len() == 6 {
        return false;
    }
    parsed.is_valid()
        && parsed
            .country()
            .id()
            .is_some_and(|id| REGIONS.iter().any(|&(r, _)| r == id))
}

fn is_short_number(digits: &str) -> bool {
    static PATTERN: OnceLock<Option<regex::Regex>> = OnceLock::new();
    (2..=6).contains(&digits.len())
        && PATTERN
            .get_or_init(|| regex::Regex::new(SHORT_CODE).ok())
            .as_ref()
            .is_some_and(|p| p.is_match(digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_in_every_usual_writing() {
        for n in [
            "0140205050",
            "01 40 20 50 50",
            "01-40-20-50-50",
            "+33140205050",
            "+33 (0)1 40 20 50 50",
            "0033 1 40 20 50 50",
            "07 56 12 34 56",
            "09 70 00 00 00",
            "0 800 00 00 00",
            "0590 99 39 00", // Guadeloupe
            "0596 55 20 00", // Martinique
            "0594 29 40 00", // Guyane
            "0269 61 10 00", // Mayotte
            "+590 590 99 39 00",
            "+687 27 31 15",    // Nouvelle-Calédonie
            "+689 40 47 20 00", // Polynésie française
            "115",
            "3949",
            "39 49",
        ] {
            assert!(is_french_telephone(n), "{n}");
        }
    }

    #[test]
    fn not_french_numbers() {
        for n in [
            "",
            "0",
            "01 40 20 50 5",
            "01 40 20 50 50 50",
            "+44 20 7946 0958",
            "+32 2 555 12 12",
            "tél. : voir le site",
            "12345678901234567890123456789012345678901234567890123456789012345",
        ] {
            assert!(!is_french_telephone(n), "{n}");
        }
    }
}
