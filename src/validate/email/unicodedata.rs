//! What the port needs of Python 3.11's `unicodedata` (Unicode 14.0): the general category
//! (coarsely), `name` for the characters shown by name, `bidirectional`, `combining` and
//! `normalize("NFC")`. The categories are the `regex` crate's (Unicode 16.0) with the code
//! points unassigned in Unicode 14.0 put back; the rest comes from `tables.rs`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::tables;

/// The general categories, as far as email-validator and Python's `repr` tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cat {
    /// Letters, numbers, punctuation and symbols (`L*`, `N*`, `P*`, `S*`).
    Lnps,
    /// `M*`.
    Mark,
    Zs,
    Zl,
    Zp,
    Cc,
    Cf,
    Co,
    Cs,
    Cn,
}

/// `unicodedata.category` (Unicode 14.0), coarsely.
pub(super) fn category(cp: u32) -> Cat {
    if cp < 0x80 {
        return match cp {
            0x20 => Cat::Zs,
            0x00..=0x1F | 0x7F => Cat::Cc,
            _ => Cat::Lnps,
        };
    }
    let Some(c) = char::from_u32(cp) else {
        return Cat::Cs;
    };
    if in_inclusive(tables::UNASSIGNED_IN_14, cp) {
        return Cat::Cn;
    }
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    category_regexes()
        .iter()
        .find(|(_, re)| re.is_match(s))
        .map_or(Cat::Cn, |&(cat, _)| cat)
}

fn category_regexes() -> &'static [(Cat, Regex)] {
    static RES: OnceLock<Vec<(Cat, Regex)>> = OnceLock::new();
    RES.get_or_init(|| {
        [
            (Cat::Lnps, r"[\p{L}\p{N}\p{P}\p{S}]"),
            (Cat::Mark, r"\p{M}"),
            (Cat::Zs, r"\p{Zs}"),
            (Cat::Zl, r"\p{Zl}"),
            (Cat::Zp, r"\p{Zp}"),
            (Cat::Cc, r"\p{Cc}"),
            (Cat::Cf, r"\p{Cf}"),
            (Cat::Co, r"\p{Co}"),
        ]
        .into_iter()
        .filter_map(|(cat, class)| Some((cat, Regex::new(&format!(r"\A{class}\z")).ok()?)))
        .collect()
    })
}

/// `unicodedata.name`, for the characters email-validator may show by name (`tables::NAMES`).
pub(super) fn char_name(cp: u32) -> Option<Cow<'static, str>> {
    match cp {
        0xFE00..=0xFE0F => Some(Cow::Owned(format!(
            "VARIATION SELECTOR-{}",
            cp - 0xFE00 + 1
        ))),
        0xE0100..=0xE01EF => Some(Cow::Owned(format!(
            "VARIATION SELECTOR-{}",
            cp - 0xE0100 + 17
        ))),
        _ => unicode_data()
            .names
            .get(&cp)
            .map(|name| Cow::Borrowed(name.as_str())),
    }
}

/// Whether `unicodedata.name` knows the character.
pub(super) fn has_name(cp: u32) -> bool {
    !matches!(category(cp), Cat::Cc | Cat::Co | Cat::Cn | Cat::Cs)
        && !(0x17000..=0x187F7).contains(&cp)
        && !(0x18D00..=0x18D08).contains(&cp)
}

/// Whether `cp` is in one of the sorted inclusive ranges.
pub(super) fn in_inclusive(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(first, _)| first <= cp);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, last)| cp <= last)
}

/// The bidi classes, as far as the Bidi Rule tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bidi {
    L,
    R,
    Al,
    An,
    En,
    Es,
    Cs,
    Et,
    On,
    Bn,
    Nsm,
    /// Unassigned in Unicode 14.0: `unicodedata.bidirectional` gives `""`.
    Unknown,
    /// A class the Bidi Rule never allows (`B`, `S`, `WS`, the explicit formatting classes).
    Other,
}

/// `unicodedata.bidirectional`, for the code points an IDNA label can hold.
pub(super) fn bidi_class(cp: u32) -> Bidi {
    let runs = &unicode_data().bidi;
    let i = runs.partition_point(|&(first, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| runs.get(i))
        .map_or(Bidi::Other, |&(_, class)| class)
}

/// `unicodedata.combining`.
pub(super) fn combining_class(cp: u32) -> u8 {
    if cp < 0x300 {
        return 0;
    }
    let ranges = &unicode_data().combining;
    let i = ranges.partition_point(|&(first, _, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .filter(|&&(_, last, _)| cp <= last)
        .map_or(0, |&(_, _, class)| class)
}

const HANGUL_S_BASE: u32 = 0xAC00;
const HANGUL_L_BASE: u32 = 0x1100;
const HANGUL_V_BASE: u32 = 0x1161;
const HANGUL_T_BASE: u32 = 0x11A7;
const HANGUL_L_COUNT: u32 = 19;
const HANGUL_V_COUNT: u32 = 21;
const HANGUL_T_COUNT: u32 = 28;
const HANGUL_N_COUNT: u32 = HANGUL_V_COUNT * HANGUL_T_COUNT;
const HANGUL_S_COUNT: u32 = HANGUL_L_COUNT * HANGUL_N_COUNT;

/// `unicodedata.normalize("NFC", s)` on code points.
pub(super) fn nfc(input: &[u32]) -> Vec<u32> {
    // Nothing below U+0300 decomposes, combines or composes with another character below U+0300.
    if input.iter().all(|&c| c < 0x300) {
        return input.to_vec();
    }
    let data = unicode_data();
    let mut buf = Vec::with_capacity(input.len() + 4);
    for &cp in input {
        decompose(data, cp, &mut buf, 0);
    }
    // Canonical ordering: stable sort of each run of non-starters by combining class.
    let mut i = 0;
    while i < buf.len() {
        if combining_class(buf[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < buf.len() && combining_class(buf[i]) != 0 {
            i += 1;
        }
        buf[start..i].sort_by_key(|&c| combining_class(c));
    }
    // Canonical composition (the sample code of UAX #15).
    let Some(&first) = buf.first() else {
        return buf;
    };
    let mut starter = 0;
    let mut last_class: u16 = if combining_class(first) == 0 { 0 } else { 256 };
    let mut len = 1;
    for i in 1..buf.len() {
        let c = buf[i];
        let class = u16::from(combining_class(c));
        if last_class < class || last_class == 0 {
            if let Some(composite) = compose(data, buf[starter], c) {
                buf[starter] = composite;
                continue;
            }
        }
        if class == 0 {
            starter = len;
        }
        last_class = class;
        buf[len] = c;
        len += 1;
    }
    buf.truncate(len);
    buf
}

/// `unicodedata.normalize("NFC", s)`.
pub(super) fn nfc_str(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| (c as u32) < 0x300) {
        return Cow::Borrowed(s);
    }
    let cps: Vec<u32> = s.chars().map(u32::from).collect();
    Cow::Owned(nfc(&cps).into_iter().filter_map(char::from_u32).collect())
}

fn decompose(data: &UnicodeData, cp: u32, out: &mut Vec<u32>, depth: u8) {
    if (HANGUL_S_BASE..HANGUL_S_BASE + HANGUL_S_COUNT).contains(&cp) {
        let s = cp - HANGUL_S_BASE;
        out.push(HANGUL_L_BASE + s / HANGUL_N_COUNT);
        out.push(HANGUL_V_BASE + (s % HANGUL_N_COUNT) / HANGUL_T_COUNT);
        if !s.is_multiple_of(HANGUL_T_COUNT) {
            out.push(HANGUL_T_BASE + s % HANGUL_T_COUNT);
        }
        return;
    }
    match data.decompositions.get(&cp) {
        Some(&(a, b)) if depth < 8 => {
            decompose(data, a, out, depth + 1);
            if b != 0 {
                decompose(data, b, out, depth + 1);
            }
        }
        _ => out.push(cp),
    }
}

fn compose(data: &UnicodeData, a: u32, b: u32) -> Option<u32> {
    if (HANGUL_L_BASE..HANGUL_L_BASE + HANGUL_L_COUNT).contains(&a)
        && (HANGUL_V_BASE..HANGUL_V_BASE + HANGUL_V_COUNT).contains(&b)
    {
        return Some(
            HANGUL_S_BASE
                + ((a - HANGUL_L_BASE) * HANGUL_V_COUNT + (b - HANGUL_V_BASE)) * HANGUL_T_COUNT,
        );
    }
    if (HANGUL_S_BASE..HANGUL_S_BASE + HANGUL_S_COUNT).contains(&a)
        && (a - HANGUL_S_BASE).is_multiple_of(HANGUL_T_COUNT)
        && (HANGUL_T_BASE + 1..HANGUL_T_BASE + HANGUL_T_COUNT).contains(&b)
    {
        return Some(a + (b - HANGUL_T_BASE));
    }
    data.compositions.get(&(a, b)).copied()
}

/// The string tables of `tables.rs` that `unicodedata` answers from, parsed once.
struct UnicodeData {
    /// One level of canonical decomposition (`0` as second for a singleton).
    decompositions: HashMap<u32, (u32, u32)>,
    /// The primary composites.
    compositions: HashMap<(u32, u32), u32>,
    /// `(first, last, class)`.
    combining: Vec<(u32, u32, u8)>,
    /// `(first, class)` runs.
    bidi: Vec<(u32, Bidi)>,
    names: HashMap<u32, String>,
}

fn unicode_data() -> &'static UnicodeData {
    static DATA: OnceLock<UnicodeData> = OnceLock::new();
    DATA.get_or_init(UnicodeData::parse)
}

/// A hexadecimal code point of the tables.
pub(super) fn parse_hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 16).ok()
}

impl UnicodeData {
    fn parse() -> Self {
        let mut decompositions = HashMap::new();
        let mut compositions = HashMap::new();
        let mut previous = None;
        for entry in tables::DECOMPOSITIONS.split_whitespace() {
            let Some((cp, composes, targets)) = entry
                .split_once('>')
                .map(|(cp, targets)| (cp, true, targets))
                .or_else(|| {
                    entry
                        .split_once('!')
                        .map(|(cp, targets)| (cp, false, targets))
                })
            else {
                continue;
            };
            let cp = if cp.is_empty() {
                previous.map(|p: u32| p + 1)
            } else {
                parse_hex(cp)
            };
            let Some(cp) = cp else { continue };
            previous = Some(cp);
            let mut targets = targets.split(',').filter_map(parse_hex);
            let Some(a) = targets.next() else { continue };
            let b = targets.next().unwrap_or(0);
            decompositions.insert(cp, (a, b));
            if composes && b != 0 {
                compositions.insert((a, b), cp);
            }
        }
        let combining = tables::COMBINING_CLASSES
            .split_whitespace()
            .filter_map(|entry| {
                let (range, class) = entry.split_once(':')?;
                let (first, last) = range.split_once('-').unwrap_or((range, range));
                Some((parse_hex(first)?, parse_hex(last)?, class.parse().ok()?))
            })
            .collect();
        let bidi = tables::BIDI_CLASSES
            .split_whitespace()
            .filter_map(|entry| {
                let (first, class) = entry.split_once(':')?;
                let class = match class {
                    "L" => Bidi::L,
                    "R" => Bidi::R,
                    "AL" => Bidi::Al,
                    "AN" => Bidi::An,
                    "EN" => Bidi::En,
                    "ES" => Bidi::Es,
                    "CS" => Bidi::Cs,
                    "ET" => Bidi::Et,
                    "ON" => Bidi::On,
                    "BN" => Bidi::Bn,
                    "NSM" => Bidi::Nsm,
                    "?" => Bidi::Unknown,
                    _ => Bidi::Other,
                };
                Some((parse_hex(first)?, class))
            })
            .collect();
        let names = tables::NAMES
            .split(';')
            .filter_map(|entry| {
                let (cp, name) = entry.trim().split_once(' ')?;
                let name = name.replace('*', "COMBINING ").replace('^', "TAG LATIN ");
                Some((parse_hex(cp)?, name))
            })
            .collect();
        UnicodeData {
            decompositions,
            compositions,
            combining,
            bidi,
            names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_tables_are_complete() {
        let data = unicode_data();
        assert_eq!(data.decompositions.len(), 2061);
        assert_eq!(data.compositions.len(), 941);
        assert_eq!(data.combining.len(), 382);
        assert_eq!(data.bidi.len(), 654);
        assert_eq!(data.names.len(), 438);
        assert_eq!(
            data.names.get(&0x202F).map(String::as_str),
            Some("NARROW NO-BREAK SPACE")
        );
        assert_eq!(
            data.names.get(&0xE0041).map(String::as_str),
            Some("TAG LATIN CAPITAL LETTER A")
        );
        assert_eq!(category_regexes().len(), 8);
    }

    /// Expected values from Python's `unicodedata.normalize("NFC", ...)` (Unicode 14.0).
    #[test]
    fn nfc_as_python() {
        let cases: [(&str, &[u32]); 14] = [
            ("e\u{301}", &[0xE9]),
            ("\u{958}", &[0x915, 0x93C]),
            ("a\u{301}\u{316}", &[0xE1, 0x316]),
            ("\u{1100}\u{1161}\u{11A8}", &[0xAC01]),
            ("\u{212B}", &[0xC5]),
            ("\u{F900}", &[0x8C48]),
            ("\u{2ADC}", &[0x2ADD, 0x338]),
            ("\u{B47}\u{B3E}", &[0xB4B]),
            ("\u{344}", &[0x308, 0x301]),
            ("\u{301}a", &[0x301, 0x61]),
            ("\u{1E0B}\u{323}", &[0x1E0D, 0x307]),
            ("\u{AC00}\u{11A8}", &[0xAC01]),
            ("\u{2F800}", &[0x4E3D]),
            ("q\u{307}\u{323}", &[0x71, 0x323, 0x307]),
        ];
        for (input, expected) in cases {
            let input: Vec<u32> = input.chars().map(u32::from).collect();
            assert_eq!(nfc(&input), expected, "{input:X?}");
        }
    }
}
