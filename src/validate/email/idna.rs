//! The parts of the Python `idna` package 3.20 (`idna/core.py`) that email-validator calls:
//! `uts46_remap`, `alabel`, `ulabel`, `check_label` (with `valid_contextj`, `valid_contexto`
//! and `check_bidi`), `decode` and `encode`, with their messages. The UTS #46 mapping data
//! (`idna/uts46data.py`) is the `idna` crate's, one character at a time; `idna/idnadata.py`
//! is in `idnadata.rs`.

use std::borrow::Cow;

use idna::uts46::{AsciiDenyList, Hyphens, Uts46};

use super::idnadata::{in_half_open, is_contexto, is_pvalid, joining_type};
use super::punycode::{punycode_decode, punycode_encode};
use super::pystr::{py_repr, py_repr_str};
use super::rfc_constants::{DNS_LABEL_LENGTH_LIMIT, DOMAIN_MAX_LENGTH};
use super::tables;
use super::unicodedata::{
    bidi_class, category, combining_class, has_name, nfc, nfc_str, Bidi, Cat,
};

/// The `idna` package's `_max_input_length`.
const IDNA_MAX_INPUT_LENGTH: usize = 1024;

/// `idna.uts46_remap(domain, std3_rules=False, transitional=False)`.
pub(super) fn uts46_remap(domain: &str) -> Result<Cow<'_, str>, String> {
    if domain.chars().count() > IDNA_MAX_INPUT_LENGTH {
        return Err("Domain too long".to_owned());
    }
    if domain.is_ascii() {
        return Ok(if domain.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(domain.to_ascii_lowercase())
        } else {
            Cow::Borrowed(domain)
        });
    }
    let mut mapped = String::with_capacity(domain.len());
    for (pos, c) in domain.chars().enumerate() {
        if c.is_ascii() {
            mapped.push(c.to_ascii_lowercase());
            continue;
        }
        match uts46_map_char(c) {
            Some(replacement) => mapped.push_str(&replacement),
            None => {
                return Err(format!(
                    "Codepoint {} not allowed at position {} in {}",
                    unot(u32::from(c)),
                    pos + 1,
                    py_repr_str(domain)
                ))
            }
        }
    }
    Ok(Cow::Owned(nfc_str(&mapped).into_owned()))
}

/// The UTS #46 mapping of one character (NFC-normalized), `None` when it is disallowed. The
/// `idna` crate checks labels too, so the character follows a `0`, which keeps those checks
/// (leading combining mark, Bidi Rule) away from it; the Bidi Rule can only mark the `0`.
pub(super) fn uts46_map_char(c: char) -> Option<String> {
    let mut buf = [0u8; 5];
    buf[0] = b'0';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let (out, _) = Uts46::new().to_unicode(&buf[..len], AsciiDenyList::EMPTY, Hyphens::Allow);
    let mut chars = out.chars();
    chars.next()?;
    let mapped = chars.as_str();
    (!mapped.contains('\u{FFFD}')).then(|| mapped.to_owned())
}

/// `idna.alabel(label)`: the IDNA ASCII form of one label.
pub(super) fn alabel(label: &str) -> Result<String, String> {
    let cps: Vec<u32> = label.chars().map(u32::from).collect();
    if cps.len() > IDNA_MAX_INPUT_LENGTH {
        return Err("Label too long".to_owned());
    }
    if label.is_ascii() {
        ulabel(label)?;
        if label.len() > DNS_LABEL_LENGTH_LIMIT {
            return Err("Label too long".to_owned());
        }
        return Ok(label.to_owned());
    }
    check_label(&cps)?;
    let encoded = format!("xn--{}", punycode_encode(&cps));
    if encoded.len() > DNS_LABEL_LENGTH_LIMIT {
        return Err("Label too long".to_owned());
    }
    Ok(encoded)
}

/// `idna.ulabel(label)` for an ASCII label: its Unicode form, checked.
fn ulabel(label: &str) -> Result<Vec<u32>, String> {
    if label.chars().count() > IDNA_MAX_INPUT_LENGTH {
        return Err("Label too long".to_owned());
    }
    if !label.is_ascii() {
        let cps: Vec<u32> = label.chars().map(u32::from).collect();
        check_label(&cps)?;
        return Ok(cps);
    }
    let lower = label.to_ascii_lowercase();
    let Some(payload) = lower.strip_prefix("xn--") else {
        let cps: Vec<u32> = lower.chars().map(u32::from).collect();
        check_label(&cps)?;
        return Ok(cps);
    };
    if payload.is_empty() {
        return Err("Malformed A-label, no Punycode eligible content found".to_owned());
    }
    if payload.ends_with('-') {
        return Err("A-label must not end with a hyphen".to_owned());
    }
    let decoded = punycode_decode(payload).ok_or_else(|| "Invalid A-label".to_owned())?;
    if punycode_encode(&decoded) != payload {
        return Err("A-label is not the canonical Punycode encoding of its U-label".to_owned());
    }
    check_label(&decoded)?;
    Ok(decoded)
}

/// `idna.check_label`: the IDNA 2008 checks of one label.
fn check_label(label: &[u32]) -> Result<(), String> {
    if label.len() > IDNA_MAX_INPUT_LENGTH {
        return Err("Label too long".to_owned());
    }
    if label.is_empty() {
        return Err("Empty Label".to_owned());
    }
    if label.len() > DOMAIN_MAX_LENGTH + 1 {
        return Err("Label too long".to_owned());
    }
    if nfc(label) != label {
        return Err("Label must be in Normalization Form C".to_owned());
    }
    if label.get(2) == Some(&0x2D) && label.get(3) == Some(&0x2D) {
        return Err("Label has disallowed hyphens in 3rd and 4th position".to_owned());
    }
    if label.first() == Some(&0x2D) || label.last() == Some(&0x2D) {
        return Err("Label must not start or end with a hyphen".to_owned());
    }
    if label.first().is_some_and(|&c| category(c) == Cat::Mark) {
        return Err("Label begins with an illegal combining character".to_owned());
    }
    for (pos, &cp) in label.iter().enumerate() {
        if is_pvalid(cp) {
            continue;
        }
        if cp == 0x200C || cp == 0x200D {
            match valid_contextj(label, pos) {
                Some(true) => {}
                Some(false) => {
                    return Err(format!(
                        "Joiner {} not allowed at position {} in {}",
                        unot(cp),
                        pos + 1,
                        py_repr(label)
                    ))
                }
                None => {
                    return Err(format!(
                        "Unknown codepoint adjacent to joiner {} at position {} in {}",
                        unot(cp),
                        pos + 1,
                        py_repr(label)
                    ))
                }
            }
        } else if is_contexto(cp) {
            if !valid_contexto(label, pos) {
                return Err(format!(
                    "Codepoint {} not allowed at position {} in {}",
                    unot(cp),
                    pos + 1,
                    py_repr(label)
                ));
            }
        } else {
            return Err(format!(
                "Codepoint {} at position {} of {} not allowed",
                unot(cp),
                pos + 1,
                py_repr(label)
            ));
        }
    }
    check_bidi(label, false)
}

/// `idna.valid_contextj`; `None` when Python raises `ValueError` (a neighbour without a name).
fn valid_contextj(label: &[u32], pos: usize) -> Option<bool> {
    let Some(&cp) = label.get(pos) else {
        return Some(false);
    };
    if cp != 0x200C && cp != 0x200D {
        return Some(false);
    }
    if let Some(previous) = pos.checked_sub(1).and_then(|p| label.get(p)).copied() {
        let class = combining_class(previous);
        if class == 0 && !has_name(previous) {
            return None;
        }
        if class == 9 {
            return Some(true);
        }
    }
    if cp == 0x200D {
        return Some(false);
    }
    // The first non-transparent character on each side must join towards the non-joiner.
    let joins = |c: u32, side: u8| matches!(joining_type(c), Some(t) if t == side || t == b'D');
    let before = label
        .get(..pos)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|&&c| joining_type(c) != Some(b'T'));
    let after = label
        .get(pos + 1..)
        .unwrap_or_default()
        .iter()
        .find(|&&c| joining_type(c) != Some(b'T'));
    Some(before.is_some_and(|&c| joins(c, b'L')) && after.is_some_and(|&c| joins(c, b'R')))
}

/// `idna.valid_contexto`.
fn valid_contexto(label: &[u32], pos: usize) -> bool {
    let Some(&cp) = label.get(pos) else {
        return false;
    };
    let previous = pos.checked_sub(1).and_then(|p| label.get(p)).copied();
    let next = label.get(pos + 1).copied();
    match cp {
        0xB7 => previous == Some(0x6C) && next == Some(0x6C),
        0x375 => next.is_some_and(|n| in_half_open(tables::SCRIPT_GREEK, n)),
        0x5F3 | 0x5F4 => previous.is_some_and(|p| in_half_open(tables::SCRIPT_HEBREW, p)),
        0x30FB => label.iter().any(|&c| {
            c != 0x30FB
                && (in_half_open(tables::SCRIPT_HIRAGANA, c)
                    || in_half_open(tables::SCRIPT_KATAKANA, c)
                    || in_half_open(tables::SCRIPT_HAN, c))
        }),
        0x660..=0x669 => !label.iter().any(|c| (0x6F0..=0x6F9).contains(c)),
        0x6F0..=0x6F9 => !label.iter().any(|c| (0x660..=0x669).contains(c)),
        _ => false,
    }
}

/// `idna.check_bidi`: the Bidi Rule of RFC 5893 for one label.
pub(super) fn check_bidi(label: &[u32], check_ltr: bool) -> Result<(), String> {
    if label.len() > IDNA_MAX_INPUT_LENGTH {
        return Err("Label too long".to_owned());
    }
    let mut bidi_label = false;
    for (idx, &cp) in label.iter().enumerate() {
        let direction = bidi_class(cp);
        if direction == Bidi::Unknown {
            return Err(format!(
                "Unknown directionality in label {} at position {}",
                py_repr(label),
                idx + 1
            ));
        }
        if matches!(direction, Bidi::R | Bidi::Al | Bidi::An) {
            bidi_label = true;
        }
    }
    if !bidi_label && !check_ltr {
        return Ok(());
    }
    let Some(&first) = label.first() else {
        return Ok(());
    };
    let rtl = match bidi_class(first) {
        Bidi::R | Bidi::Al => true,
        Bidi::L => false,
        _ => {
            return Err(format!(
                "First codepoint in label {} must be directionality L, R or AL",
                py_repr(label)
            ))
        }
    };
    let mut valid_ending = false;
    let mut number_type = None;
    for (idx, &cp) in label.iter().enumerate() {
        let direction = bidi_class(cp);
        let idx = idx + 1;
        if rtl {
            if !matches!(
                direction,
                Bidi::R
                    | Bidi::Al
                    | Bidi::An
                    | Bidi::En
                    | Bidi::Es
                    | Bidi::Cs
                    | Bidi::Et
                    | Bidi::On
                    | Bidi::Bn
                    | Bidi::Nsm
            ) {
                return Err(format!(
                    "Invalid direction for codepoint at position {idx} in a right-to-left label"
                ));
            }
            if matches!(direction, Bidi::R | Bidi::Al | Bidi::En | Bidi::An) {
                valid_ending = true;
            } else if direction != Bidi::Nsm {
                valid_ending = false;
            }
            if matches!(direction, Bidi::An | Bidi::En) {
                match number_type {
                    None => number_type = Some(direction),
                    Some(seen) if seen != direction => {
                        return Err("Can not mix numeral types in a right-to-left label".to_owned())
                    }
                    Some(_) => {}
                }
            }
        } else {
            if !matches!(
                direction,
                Bidi::L
                    | Bidi::En
                    | Bidi::Es
                    | Bidi::Cs
                    | Bidi::Et
                    | Bidi::On
                    | Bidi::Bn
                    | Bidi::Nsm
            ) {
                return Err(format!(
                    "Invalid direction for codepoint at position {idx} in a left-to-right label"
                ));
            }
            if matches!(direction, Bidi::L | Bidi::En) {
                valid_ending = true;
            } else if direction != Bidi::Nsm {
                valid_ending = false;
            }
        }
    }
    if !valid_ending {
        return Err("Label ends with illegal codepoint directionality".to_owned());
    }
    Ok(())
}

/// The label separators of `idna.encode`/`idna.decode` (`_unicode_dots_re`).
fn is_idna_dot(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}' | '\u{FF61}')
}

/// `idna.decode(domain)`.
pub(super) fn idna_decode(domain: &str) -> Result<String, String> {
    let len = domain.chars().count();
    if len > IDNA_MAX_INPUT_LENGTH || len > DOMAIN_MAX_LENGTH + 1 {
        return Err("Domain too long".to_owned());
    }
    let mut labels: Vec<&str> = domain.split(is_idna_dot).collect();
    if labels == [""] {
        return Err("Empty domain".to_owned());
    }
    let trailing_dot = labels.last() == Some(&"");
    if trailing_dot {
        labels.pop();
    }
    let mut result: Vec<String> = Vec::with_capacity(labels.len() + 1);
    for label in labels {
        let decoded: String = ulabel(label)?
            .into_iter()
            .filter_map(char::from_u32)
            .collect();
        if decoded.is_empty() {
            return Err("Empty label".to_owned());
        }
        result.push(decoded);
    }
    if trailing_dot {
        result.push(String::new());
    }
    Ok(result.join("."))
}

/// `idna.encode(domain)`, for its errors.
pub(super) fn idna_encode(domain: &str) -> Result<(), String> {
    let len = domain.chars().count();
    if len > IDNA_MAX_INPUT_LENGTH || len > DOMAIN_MAX_LENGTH + 1 {
        return Err("Domain too long".to_owned());
    }
    let mut labels: Vec<&str> = domain.split(is_idna_dot).collect();
    if labels == [""] {
        return Err("Empty domain".to_owned());
    }
    let trailing_dot = labels.last() == Some(&"");
    if trailing_dot {
        labels.pop();
    }
    let mut encoded_len = 0;
    for (i, label) in labels.iter().enumerate() {
        let encoded = alabel(label)?;
        if encoded.is_empty() {
            return Err("Empty label".to_owned());
        }
        encoded_len += encoded.len() + usize::from(i > 0);
    }
    if trailing_dot {
        encoded_len += 1;
    }
    if encoded_len > DOMAIN_MAX_LENGTH + usize::from(trailing_dot) {
        return Err("Domain too long".to_owned());
    }
    Ok(())
}

/// `idna.core._unot`.
fn unot(cp: u32) -> String {
    format!("U+{cp:04X}")
}
