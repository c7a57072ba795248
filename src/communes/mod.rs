//! The découpage administratif: which commune, département, région and EPCI codes exist,
//! and the postal codes of each commune, from the npm package
//! `@etalab/decoupage-administratif` ([`PACKAGE_VERSION`], millésime [`MILLESIME`]; data
//! under the Licence Ouverte).
//!
//! The communes are those the official valideur's `code_insee` check knows: the communes
//! actuelles, associées and déléguées and the arrondissements municipaux
//! ([`COMMUNE_COUNT`] codes). The tables are compacted by `scripts/communes/compact.py`
//! into about 340 KB embedded in the crate; every lookup is a binary search over them,
//! without allocation.
//!
//! ```
//! use data_inclusion_schema::communes;
//!
//! assert!(communes::is_commune("59350")); // Lille
//! assert!(communes::is_commune("75112")); // Paris 12e, an arrondissement municipal
//! assert!(communes::is_commune("2A004")); // Ajaccio
//! assert!(!communes::is_commune("59999"));
//! assert_eq!(communes::postal_codes("59350").collect::<Vec<_>>(), ["59000", "59160", "59260", "59777", "59800"]);
//! assert!(communes::is_departement("2B") && communes::is_departement("974"));
//! assert!(communes::is_epci("200093201"));
//! ```
//!
//! # Beyond the valideur
//!
//! [`is_zone`] and [`has_postal_code`] check what the valideur does not: that each code of
//! `zone_eligibilite` exists (a commune, a département or a région, an EPCI; `france` and
//! the country codes `99…` are taken as they are) and that `code_postal` is one of the
//! postal codes of the commune `code_insee`. Validation gives them as advice (feature
//! `advice`, `Validator::with_advice`: the codes `zone_unknown` and
//! `code_postal_not_of_commune`), which never makes a record invalid.

mod meta;

pub use meta::{COMMUNE_COUNT, MILLESIME, PACKAGE_VERSION};

static COMMUNES: &[u8] = include_bytes!("communes.bin");
static POSTAUX: &[u8] = include_bytes!("postaux.bin");
static CODES_POSTAUX: &[u8] = include_bytes!("codes_postaux.bin");
static EPCI: &[u8] = include_bytes!("epci.bin");

/// The size of a record of `communes.bin`: key (3), first postal code (2), count (1).
const COMMUNE_RECORD: usize = 6;

/// A commune code as its key in the table: its digits; `2A` and `2B` (Corse) beyond
/// 99999 (as `scripts/communes/compact.py` writes them).
fn key(code: &str) -> Option<u32> {
    let b = code.as_bytes();
    if b.len() != 5 {
        return None;
    }
    let digits = |s: &[u8]| {
        s.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    match &b[..2] {
        b"2A" => Some(100_000 + digits(&b[2..])?),
        b"2B" => Some(101_000 + digits(&b[2..])?),
        _ => digits(b),
    }
}

/// Little-endian integer of `n` bytes at `at` in `table`.
fn read(table: &[u8], at: usize, n: usize) -> u32 {
    table
        .get(at..at + n)
        .unwrap_or_default()
        .iter()
        .rev()
        .fold(0, |v, &b| (v << 8) | u32::from(b))
}

/// The index of the record whose first `key_len` bytes are `key`, in a table of sorted
/// records of `size` bytes.
fn find(table: &[u8], size: usize, key_len: usize, key: u32) -> Option<usize> {
    let (mut lo, mut hi) = (0, table.len() / size);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match read(table, mid * size, key_len).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Whether `code` is the code of a commune (actuelle, associée or déléguée) or of an
/// arrondissement municipal: what the official valideur's `code_insee` check accepts.
pub fn is_commune(code: &str) -> bool {
    key(code).is_some_and(|k| find(COMMUNES, COMMUNE_RECORD, 3, k).is_some())
}

/// The postal codes of the commune `code` (its chef-lieu's for a commune associée or
/// déléguée), sorted; none for a code that is not a commune's.
pub fn postal_codes(code: &str) -> impl Iterator<Item = &'static str> {
    let range = key(code)
        .and_then(|k| find(COMMUNES, COMMUNE_RECORD, 3, k))
        .map_or(0..0, |i| {
            let at = i * COMMUNE_RECORD;
            let start = read(COMMUNES, at + 3, 2) as usize;
            start..start + read(COMMUNES, at + 5, 1) as usize
        });
    range.map(|i| postal_text(read(POSTAUX, i * 2, 2) as usize))
}

/// Whether `code_postal` is one of the postal codes of the commune `code_insee`; `None`
/// when the commune is unknown or has no postal code in the table.
pub fn has_postal_code(code_insee: &str, code_postal: &str) -> Option<bool> {
    let mut codes = postal_codes(code_insee).peekable();
    codes.peek()?;
    Some(codes.any(|c| c == code_postal))
}

/// Whether `code` is a postal code of some commune.
pub fn is_postal_code(code: &str) -> bool {
    let (mut lo, mut hi) = (0, CODES_POSTAUX.len() / 5);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match postal_text(mid).cmp(code) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The postal code at `index` of `codes_postaux.bin`: its five digits, borrowed from the
/// table.
fn postal_text(index: usize) -> &'static str {
    CODES_POSTAUX
        .get(index * 5..index * 5 + 5)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default()
}

/// Whether `code` is the code of a département (`01`, `2A`, `974`…).
pub fn is_departement(code: &str) -> bool {
    meta::DEPARTEMENTS.binary_search(&code).is_ok()
}

/// Whether `code` is the code of a région (`11`, `84`…).
pub fn is_region(code: &str) -> bool {
    meta::REGIONS.binary_search(&code).is_ok()
}

/// Whether `siren` is the SIREN of an EPCI à fiscalité propre.
pub fn is_epci(siren: &str) -> bool {
    siren.len() == 9
        && siren.bytes().all(|b| b.is_ascii_digit())
        && siren
            .parse::<u32>()
            .is_ok_and(|n| find(EPCI, 4, 4, n).is_some())
}

/// Whether a code of `zone_eligibilite` exists: a commune, a département or a région, an
/// EPCI; `france` and the country codes (`99…`) are taken as they are.
pub fn is_zone(code: &str) -> bool {
    match code.len() {
        _ if code == "france" => true,
        5 if code.starts_with("99") => true,
        5 => is_commune(code),
        2 | 3 => is_departement(code) || is_region(code),
        9 => is_epci(code),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_hold_every_kind_of_commune() {
        // commune actuelle, associée, déléguée, arrondissement municipal
        for code in [
            "01001", "01120", "01015", "75101", "69381", "13201", "97411",
        ] {
            assert!(is_commune(code), "{code}");
        }
        for code in [
            "00000", "59999", "2a004", "2C004", "7510", "751011", "75 01",
        ] {
            assert!(!is_commune(code), "{code}");
        }
        // a commune déléguée has its chef-lieu's postal codes
        assert!(postal_codes("01015").next().is_some());
        assert_eq!(has_postal_code("75056", "75116"), Some(true));
        assert_eq!(has_postal_code("98411", "98400"), None);
        assert!(is_postal_code("59000") && !is_postal_code("00001"));
        assert!(is_region("84") && !is_region("2A"));
        assert!(!is_epci("200093202") && !is_epci("20009320"));
        assert_eq!(COMMUNES.len() / COMMUNE_RECORD, COMMUNE_COUNT);
        for zone in ["59350", "2A", "974", "84", "200093201", "france", "99100"] {
            assert!(is_zone(zone), "{zone}");
        }
        for zone in ["59999", "2C", "00", "200093202", "France", "", "5935"] {
            assert!(!is_zone(zone), "{zone}");
        }
    }
}
