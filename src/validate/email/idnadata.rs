//! The Python `idna` package 3.20's `idna/idnadata.py` (Unicode 18.0): the IDNA 2008 code
//! point classes (`PVALID`, `CONTEXTO`), the joining types and the scripts that `idna/core.py`
//! looks up. `PVALID` is derived as RFC 5892 derives it; the rest comes from `tables.rs`.

use std::sync::OnceLock;

use regex::Regex;

use super::idna::uts46_map_char;
use super::tables;
use super::unicodedata::{in_inclusive, parse_hex};

/// IDNA 2008 `PVALID` (RFC 5892), derived as the RFC does: the letters, digits and marks
/// (`Ll Lu Lo Lm Nd Mn Mc`) that UTS #46 leaves unchanged (stable under NFKC case folding, not
/// ignorable), outside the ignorable blocks and old Hangul jamo, plus the exceptions. This
/// equals `idnadata.codepoint_classes["PVALID"]` on every code point assigned in Unicode 14.0;
/// the newer ones come from `tables::PVALID_UNASSIGNED_IN_14`.
pub(super) fn is_pvalid(cp: u32) -> bool {
    if cp < 0x80 {
        return cp == 0x2D || (0x30..=0x39).contains(&cp) || (0x61..=0x7A).contains(&cp);
    }
    if matches!(cp, 0xDF | 0x3C2 | 0x6FD | 0x6FE | 0xF0B | 0x3007) {
        return true;
    }
    if matches!(
        cp,
        0x640 | 0x7FA | 0x302E | 0x302F | 0x3031..=0x3035 | 0x303B
    ) || is_contexto(cp)
        || matches!(
            cp,
            0x1100..=0x11FF | 0xA960..=0xA97F | 0xD7B0..=0xD7FF | 0x20D0..=0x20FF | 0x1D100..=0x1D24F
        )
    {
        return false;
    }
    if in_inclusive(tables::PVALID_UNASSIGNED_IN_14, cp) {
        return true;
    }
    let Some(c) = char::from_u32(cp) else {
        return false;
    };
    let mut buf = [0u8; 4];
    letter_digit_regex().is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
        && uts46_map_char(c).is_some_and(|mapped| mapped.chars().eq([c]))
}

/// The general categories of RFC 5892's `LetterDigits`, as the `regex` crate knows them.
fn letter_digit_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\A[\p{Ll}\p{Lu}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]\z").ok())
        .as_ref()
}

/// `idnadata.codepoint_classes["CONTEXTO"]`.
pub(super) fn is_contexto(cp: u32) -> bool {
    matches!(cp, 0xB7 | 0x375 | 0x5F3 | 0x5F4 | 0x660..=0x669 | 0x6F0..=0x6F9 | 0x30FB)
}

/// `idnadata.joining_types`: `C`, `D`, `L`, `R` or `T`.
pub(super) fn joining_type(cp: u32) -> Option<u8> {
    let ranges = joining_types();
    let i = ranges.partition_point(|&(first, _, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .filter(|&&(_, last, _)| cp <= last)
        .map(|&(_, _, kind)| kind)
}

/// `intranges_contain` on the half-open ranges of `idnadata.scripts`.
pub(super) fn in_half_open(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(first, _)| first <= cp);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, end)| cp < end)
}

/// `tables::JOINING_TYPES` parsed once: `(first, last, joining type)`.
fn joining_types() -> &'static [(u32, u32, u8)] {
    static JOINING: OnceLock<Vec<(u32, u32, u8)>> = OnceLock::new();
    JOINING.get_or_init(|| {
        tables::JOINING_TYPES
            .split_whitespace()
            .filter_map(|entry| {
                let (range, kind) = entry.split_once(':')?;
                let (first, last) = range.split_once('-').unwrap_or((range, range));
                Some((
                    parse_hex(first)?,
                    parse_hex(last)?,
                    *kind.as_bytes().first()?,
                ))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_types_are_complete() {
        assert_eq!(joining_types().len(), 533);
        assert!(letter_digit_regex().is_some());
    }
}
