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
//!
//! Each thread reads the numbers with its own copy of the metadata of the French
//! territories (`PhoneNumberMetadata-FR.xml`, written by
//! `scripts/telephone/trim_metadata.py`: the crate's `PhoneNumberMetadata.xml` reduced to
//! the territories of the country codes above, 12 of them): the crate's default database
//! keeps its compiled regular expressions in one cache behind a lock, which threads
//! validating side by side would take turns on. The verdicts are the same (`tests`).

use std::sync::OnceLock;

use phonenumber::metadata::Database;

use phonenumber::country::Id;

/// France's short codes (libphonenumber 9.0.33, `ShortNumberMetadata.xml`, territory
/// `FR`, `shortCode`), 2 to 6 digits.
const SHORT_CODE: &str = r"^(?:1(?:0\d\d|1(?:[02459]|6(?:000|111)|8\d{3})|[578]|9[167])|2(?:0(?:00|2)0|24)|[3-8]\d{4}|3\d{3}|6(?:1[14]|34)|7(?:0[06]|22|40))$";

/// A valid national number of metropolitan France (the nine digits after the 0):
/// libphonenumber 9.0.33's `PhoneNumberMetadata.xml`, territory `FR`, the union of its
/// `fixedLine`, `mobile`, `tollFree`, `premiumRate`, `sharedCost`, `voip` and `uan`
/// patterns (each nine digits, within `generalDesc`). The `phonenumber` crate gives the
/// same verdict, some hundred times slower (its regular expressions are compiled again
/// and again in a cache too small for France's formats); `tests` hold the two together.
const FR_NATIONAL: &str = r"^(?:(?:26[013-9]|59[1-35-9])\d{6}|(?:[13]\d|2[0-57-9]|4[1-9]|5[0-8])\d{7}|(?:6(?:[0-24-8]\d|3[0-8]|9[589])|7[3-9]\d)\d{6}|80[0-5]\d{6}|836(?:0[0-36-9]|[1-9]\d)\d{4}|8(?:1[2-9]|2[2-47-9]|3[0-57-9]|[569]\d|8[0-35-9])\d{6}|8(?:1[01]|2[0156]|4[024]|84)\d{6}|9\d{8}|80[6-9]\d{6})$";

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

/// libphonenumber's metadata of the territories of the country codes of [`REGIONS`]
/// (`scripts/telephone/trim_metadata.py`).
const METADATA: &str = include_str!("PhoneNumberMetadata-FR.xml");

thread_local! {
    /// This thread's database of [`METADATA`]; `None` if it did not load (then the
    /// crate's default database, shared by the threads, is used).
    static DATABASE: Option<Database> = Database::parse(METADATA).ok();
}

/// `f` with this thread's database.
fn with_database<T>(f: impl FnOnce(&Database) -> T) -> T {
    DATABASE.with(|db| match db {
        Some(db) => f(db),
        None => f(&phonenumber::metadata::DATABASE),
    })
}

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
    with_database(|db| is_french_telephone_in(db, text))
}

/// [`is_french_telephone`] with the metadata of `db`.
fn is_french_telephone_in(db: &Database, text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return false;
    }
    let compact: String = text
        .replace("(0)", "")
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '(' | ')' | '\u{a0}' | '\u{202f}'))
        .collect();
    let digits_only = compact.bytes().all(|b| b.is_ascii_digit());
    if digits_only && is_short_number(&compact) {
        return true;
    }
    // Most numbers: metropolitan France, written nationally or with +33.
    let national = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"))
        .or_else(|| compact.strip_prefix('0'));
    if let Some(national) =
        national.filter(|n| n.len() == 9 && n.bytes().all(|b| b.is_ascii_digit()))
    {
        if is_fr_national(national) {
            return true;
        }
        // No overseas region has a national number starting with 1, 3 or 4 (the
        // `generalDesc` of YT, GP, GF, MQ and RE in the same metadata): not French.
        if matches!(national.as_bytes()[0], b'1' | b'3' | b'4') {
            return false;
        }
    }
    let plus33 = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"));
    for &(region, code) in REGIONS {
        let fr = region == Id::FR;
        // France's nine-digit national numbers were decided above.
        if fr && digits_only && national.is_some_and(|n| n.len() == 9) {
            continue;
        }
        // An overseas number written with +33 (a department's number: +33 262 …) read
        // with the region's own code, as the pipeline does.
        if let (false, Some(rest)) = (fr, plus33) {
            if valid_in(db, region, &format!("+{code}{rest}"), fr) {
                return true;
            }
        }
        if valid_in(db, region, &compact, fr) {
            return true;
        }
    }
    false
}

/// Whether `number` parses, with `region` as the default, into a valid number of one of
/// the regions (not a foreign one), with the metadata of `db`.
fn valid_in(db: &Database, region: Id, number: &str, fr: bool) -> bool {
    let Ok(parsed) = phonenumber::parse_with(db, Some(region), number) else {
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
    parsed.is_valid_with(db)
        && parsed
            .metadata(db)
            .and_then(|m| m.id().parse::<Id>().ok())
            .is_some_and(|id| REGIONS.iter().any(|&(r, _)| r == id))
}

fn is_fr_national(national: &str) -> bool {
    static PATTERN: OnceLock<Option<regex::Regex>> = OnceLock::new();
    PATTERN
        .get_or_init(|| regex::Regex::new(FR_NATIONAL).ok())
        .as_ref()
        .is_some_and(|p| p.is_match(national))
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

    /// The embedded patterns of France give libphonenumber's verdict, on every prefix of
    /// two digits after the 0 and every third digit under each.
    #[test]
    fn the_embedded_patterns_of_france_agree_with_libphonenumber() {
        let mut checked = 0;
        for prefix in 10..100u32 {
            let tails = (0..10u32)
                .map(|d| d * 1_000_000 + 234_567)
                .chain([0, 9_999_999]);
            for tail in tails {
                let national = format!("{prefix}{tail:07}");
                let ours = is_fr_national(&national);
                let theirs = phonenumber::parse(Some(Id::FR), format!("0{national}"))
                    .map(|n| n.is_valid())
                    .unwrap_or(false);
                assert_eq!(ours, theirs, "0{national}");
                checked += 1;
            }
        }
        assert_eq!(checked, 1080);
    }

    /// The crate's whole database, shared by the threads.
    fn full() -> &'static Database {
        &phonenumber::metadata::DATABASE
    }

    /// The metadata loads, with every region the advice gives as a hint to the parser
    /// (which panics on a region its database does not have).
    #[test]
    fn the_french_metadata_loads_with_every_region() {
        DATABASE.with(|db| {
            let db = db.as_ref().expect("PhoneNumberMetadata-FR.xml loads");
            for (region, code) in REGIONS {
                let meta = db.by_id(region.as_ref()).expect("a region of REGIONS");
                assert_eq!(meta.country_code().to_string(), *code);
            }
        });
    }

    /// A number in any of the writings the advice reads, with the country codes of the
    /// regions, their trunk prefixes, and others.
    fn number() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let prefix = prop::sample::select(vec![
            "", "0", "00", "+33", "0033", "+33 (0)", "+262", "+590", "+594", "+596", "+508",
            "+681", "+689", "+687", "00262", "00590", "+1", "+44", "+32", "+41", "+352", "+377",
            "+212", "0262", "0269", "0590", "0594", "0596", "0508", "+33262", "+33590", "+33 6",
            "06", "07", "08", "09",
        ]);
        let digits = prop::collection::vec(0..10u8, 0..12);
        let separator = prop::sample::select(vec!["", " ", ".", "-"]);
        (prefix, digits, separator).prop_map(|(prefix, digits, separator)| {
            let mut out = prefix.to_string();
            for (i, d) in digits.iter().enumerate() {
                if i % 2 == 0 && i > 0 {
                    out.push_str(separator);
                }
                out.push(char::from(b'0' + d));
            }
            out
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// The French territories' metadata gives the verdict of the crate's whole
        /// database, on numbers of every region and of other countries.
        #[test]
        fn the_french_metadata_gives_the_whole_database_s_verdicts(text in number()) {
            let ours = with_database(|db| is_french_telephone_in(db, &text));
            proptest::prop_assert_eq!(ours, is_french_telephone_in(full(), &text), "{}", text);
        }
    }

    /// The same on every third three-digit lead after each prefix of the regions.
    #[test]
    fn the_french_metadata_agrees_on_every_overseas_prefix() {
        let mut agreed = 0;
        for prefix in [
            "0", "+33", "+262", "+590", "+594", "+596", "+508", "+681", "+689", "+687",
        ] {
            for lead in (100..1000u32).step_by(3) {
                for tail in ["000000", "123456", "1234567"] {
                    let text = format!("{prefix}{lead}{tail}");
                    let ours = with_database(|db| is_french_telephone_in(db, &text));
                    assert_eq!(ours, is_french_telephone_in(full(), &text), "{text}");
                    agreed += 1;
                }
            }
        }
        assert_eq!(agreed, 9_000);
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
