//! E-mail addresses, checked as the official package checks them (pydantic's `EmailStr`,
//! email-validator 2.4.0 without deliverability checks).
//!
//! This is a port, in the same check order, of pydantic 2.14.3's `validate_email`
//! (`pydantic/networks.py`) and of email-validator 2.4.0's `validate_email`
//! (`email_validator/{validate_email,syntax,rfc_constants}.py`, with the module defaults and
//! `check_deliverability=False`), including the parts of the Python `idna` 3.20 package
//! (`idna/core.py`) and of the standard library (`ipaddress`, the `punycode` codec) that they
//! call. The first failing check gives the reason, worded as in Python.
//!
//! The Unicode data comes from where Python takes it:
//!
//! * general categories and `unicodedata.normalize("NFC")`, bidi classes and character names:
//!   Python 3.11's `unicodedata` (Unicode 14.0). The categories come from the `regex` crate
//!   (Unicode 16.0) corrected by `tables::UNASSIGNED_IN_14`; NFC, the bidi classes and the
//!   names come from tables generated with that Python (module `tables`), as do the joining
//!   types and scripts of `idnadata`;
//! * UTS #46 mapping (`idna.uts46_remap`): the `idna` crate, one character at a time (checked
//!   against Python on every code point that can reach it);
//! * IDNA 2008 `PVALID` (`idnadata`, Unicode 18.0): derived as RFC 5892 does, from the general
//!   category and the UTS #46 mapping (checked against `idnadata` on every code point assigned
//!   in Unicode 14.0), plus a table of the newer code points.
//!
//! Known deviation, in the wording of a reason only, never in the verdict: a mark outside the
//! combining diacritical marks blocks (a vowel sign, a virama) is shown as `U+XXXX` where Python
//! shows its Unicode name (the names of all the marks would take some 60 kB of table).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::OnceLock;

use idna::uts46::{AsciiDenyList, Hyphens, Uts46};
use regex::Regex;

/// pydantic's `MAX_EMAIL_LENGTH`, in code points.
const MAX_EMAIL_LENGTH: usize = 2048;
/// email-validator's `EMAIL_MAX_LENGTH`, in UTF-8 bytes.
const EMAIL_MAX_LENGTH: usize = 254;
/// email-validator's `DOMAIN_MAX_LENGTH`.
const DOMAIN_MAX_LENGTH: usize = 253;
/// email-validator's `DNS_LABEL_LENGTH_LIMIT`.
const DNS_LABEL_LENGTH_LIMIT: usize = 63;
/// email-validator's `SPECIAL_USE_DOMAIN_NAMES`.
const SPECIAL_USE_DOMAIN_NAMES: [&str; 6] =
    ["arpa", "invalid", "local", "localhost", "onion", "test"];
/// The `idna` package's `_max_input_length`.
const IDNA_MAX_INPUT_LENGTH: usize = 1024;

/// Checks an e-mail address as pydantic's EmailStr does. On failure returns the reason text
/// exactly as email-validator/pydantic word it (the part after "value is not a valid email address: ").
pub(crate) fn check_email(value: &str) -> Result<(), String> {
    if plainly_valid(value) {
        return Ok(());
    }
    check_email_fully(value)
}

/// Whether `value` is an address that email-validator accepts for certain, seen at a
/// glance: `local@domain`, at most 254 bytes; the local part (at most 64 bytes) dot-separated
/// runs of ASCII letters, digits, `_`, `+` and `-`; the domain (at most 253 bytes) at least
/// two labels of lowercase ASCII letters, digits and inner hyphens (no `--`, at most 63
/// bytes each), the last one of letters only and not a special-use name. Anything else
/// goes through the whole port.
fn plainly_valid(value: &str) -> bool {
    if value.len() > 254 {
        return false;
    }
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = local.len() <= 64
        && local.split('.').all(|run| {
            !run.is_empty()
                && run
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
        });
    if !local_ok || domain.len() > DOMAIN_MAX_LENGTH {
        return false;
    }
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let plain = (1..=DNS_LABEL_LENGTH_LIMIT).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
            && !label.contains("--");
        if !plain {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2
        && last.bytes().all(|b| b.is_ascii_lowercase())
        && !SPECIAL_USE_DOMAIN_NAMES.contains(&last)
}

/// The whole port of email-validator.
fn check_email_fully(value: &str) -> Result<(), String> {
    if value.len() > MAX_EMAIL_LENGTH && value.chars().count() > MAX_EMAIL_LENGTH {
        return Err(format!(
            "Length must not exceed {MAX_EMAIL_LENGTH} characters"
        ));
    }
    if value.bytes().any(|b| b == b'\r' || b == b'\n') {
        return Err("Carriage return and line feed characters are not allowed".to_owned());
    }
    // `pretty_email_regex.fullmatch(value)`: the display name is dropped. The pattern needs a `<`.
    let mut address = value;
    if value.contains('<') {
        if let Some(email) = pretty_email_regex()
            .and_then(|re| re.captures(value))
            .and_then(|caps| caps.get(3))
        {
            address = email.as_str();
        }
    }
    validate_email(address.trim_matches(is_py_space))
}

/// Python's `str.isspace`, which is also what `\s` matches in a `str` pattern.
fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1C'..=' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// pydantic's `pretty_email_regex`, anchored at both ends (`fullmatch`), with Python's `\s` and
/// `\w` (letters and numbers of Unicode 14.0, and `_`).
fn pretty_email_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let space = r"[\t-\r\x1C-\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]";
        let mut unassigned = String::new();
        for &(first, last) in tables::UNASSIGNED_IN_14 {
            let _ = write!(unassigned, r"\x{{{first:X}}}-\x{{{last:X}}}");
        }
        let name_chars = format!(r"[[\p{{L}}\p{{N}}_.!#$%&'*+\-/=?^`{{|}}~]--[{unassigned}]]");
        let pattern = format!(
            r#"\A{space}*(?:((?:{name_chars}+{space}+)*{name_chars}+)|"((?:[^"]|")+)")?{space}*<(.+)>{space}*\z"#
        );
        Regex::new(&pattern).ok()
    })
    .as_ref()
}

// ---------------------------------------------------------------------------------------------
// email_validator/validate_email.py

fn validate_email(email: &str) -> Result<(), String> {
    let parts = split_email(email)?;

    validate_local_part(&parts.unescaped_local, parts.quoted)?;
    // RFC 6532 section 3.1: the NFC form is what is returned, so it must be valid too.
    let local = nfc_str(&parts.unescaped_local);
    if matches!(&local, Cow::Owned(normalized) if *normalized != *parts.unescaped_local) {
        validate_local_part(&local, parts.quoted)
            .map_err(|e| format!("After Unicode normalization: {e}"))?;
    }
    if parts.quoted {
        return Err("Quoting the part before the @-sign is not allowed here.".to_owned());
    }

    let domain = parts.domain;
    if domain.is_empty() {
        return Err("There must be something after the @-sign.".to_owned());
    }
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        validate_domain_literal(literal)?;
        return Err("A bracketed IP address after the @-sign is not allowed here.".to_owned());
    }
    let names = validate_domain_name(domain)?;

    validate_email_length(parts.local_part, domain, &local, &names)?;

    if parts.display_name {
        return Err(
            "A display name and angle brackets around the email address are not permitted here."
                .to_owned(),
        );
    }
    Ok(())
}

/// The three forms whose length is checked: the original address (without any display name),
/// the normalized one and the one with the IDNA ASCII domain, in UTF-8 bytes.
fn validate_email_length(
    original_local: &str,
    original_domain: &str,
    local: &str,
    domain: &DomainNames<'_>,
) -> Result<(), String> {
    let unicode_domain = domain.unicode.as_deref().unwrap_or(&domain.ascii);
    let addresses = [
        (original_local, original_domain, None),
        (local, unicode_domain, Some("after normalization")),
        (
            local,
            &*domain.ascii,
            Some("when the part after the @-sign is converted to IDNA ASCII"),
        ),
    ];
    for (local, domain, reason) in addresses {
        let bytes = local.len() + 1 + domain.len();
        if bytes <= EMAIL_MAX_LENGTH {
            continue;
        }
        let diff = bytes - EMAIL_MAX_LENGTH;
        let suffix = if diff > 1 { "s" } else { "" };
        let reason = match reason {
            Some(reason) => format!("{reason} ({diff} byte{suffix} too many)"),
            None => {
                let chars = local.chars().count() + 1 + domain.chars().count();
                if chars == bytes {
                    length_reason(chars, EMAIL_MAX_LENGTH)
                } else {
                    let max_char_bytes = local
                        .chars()
                        .chain(domain.chars())
                        .map(char::len_utf8)
                        .max()
                        .unwrap_or(1);
                    let min_chars = (diff / max_char_bytes).max(1);
                    if min_chars == diff {
                        format!("({diff} character{suffix} too many)")
                    } else {
                        format!("({min_chars}-{diff} character{suffix} too many)")
                    }
                }
            }
        };
        return Err(format!("The email address is too long {reason}."));
    }
    Ok(())
}

/// email-validator's `get_length_reason`.
fn length_reason(len: usize, limit: usize) -> String {
    let diff = len.saturating_sub(limit);
    let suffix = if diff > 1 { "s" } else { "" };
    format!("({diff} character{suffix} too many)")
}

// ---------------------------------------------------------------------------------------------
// email_validator/syntax.py: split_email

struct SplitEmail<'a> {
    display_name: bool,
    /// The local part as written (quoted or not).
    local_part: &'a str,
    unescaped_local: Cow<'a, str>,
    quoted: bool,
    domain: &'a str,
}

fn split_email(email: &str) -> Result<SplitEmail<'_>, String> {
    let (left, right) = split_at_unquoted_special(email, true)?;

    let (display_name, local_part, domain_part) = if right.starts_with('<') {
        let left = left.trim_end_matches(is_py_space);
        let (name, name_quoted) = unquote_quoted_string(left)?;
        if !name_quoted {
            let bad = name
                .chars()
                .filter(|&c| c == '.' || (!is_atext(c) && c != ' '));
            if let Some(bad) = display_sorted(bad) {
                return Err(format!(
                    "The display name contains invalid characters when not quoted: {bad}."
                ));
            }
        }
        check_unsafe_chars(&name, true)?;
        if !right.contains('>') {
            return Err("An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end.".to_owned());
        }
        let Some(addr_spec) = right
            .trim_end_matches(' ')
            .strip_suffix('>')
            .and_then(|r| r.strip_prefix('<'))
        else {
            return Err("There can't be anything after the email address.".to_owned());
        };
        let (local, domain) = split_at_unquoted_special(addr_spec, false)?;
        (true, local, domain)
    } else {
        (false, left, right)
    };

    let domain = domain_part.strip_prefix('@').unwrap_or(domain_part);
    let (unescaped_local, quoted) = unquote_quoted_string(local_part)?;
    Ok(SplitEmail {
        display_name,
        local_part,
        unescaped_local,
        quoted,
        domain,
    })
}

/// Splits at the first `@` (or `<` when `angle`) that is outside quotes and not changed by
/// NFC normalization together with the characters after it. The right part keeps the special
/// character.
fn split_at_unquoted_special(text: &str, angle: bool) -> Result<(&str, &str), String> {
    let mut inside_quote = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        let rest = &text[i..];
        if nfc_changes_first_char(rest, c) {
            continue;
        }
        if inside_quote {
            if c == '\\' && !escaped {
                escaped = true;
            } else if c == '"' && !escaped {
                inside_quote = false;
                escaped = false;
            } else {
                escaped = false;
            }
        } else if c == '"' {
            inside_quote = true;
        } else if c == '@' || (angle && c == '<') {
            return Ok((&text[..i], rest));
        }
    }
    if text.contains('\u{FF20}') {
        return Err("The email address has the \"full-width\" at-sign (@) character instead of a regular at-sign.".to_owned());
    }
    if text.contains('\u{FE6B}') {
        return Err("The email address has the \"small commercial at\" character instead of a regular at-sign.".to_owned());
    }
    Err("An email address must have an @-sign.".to_owned())
}

/// `unicodedata.normalize("NFC", text[i:i + 32])[0] != c`, where `rest` is `text[i:]`.
fn nfc_changes_first_char(rest: &str, c: char) -> bool {
    let next = rest
        .get(c.len_utf8()..)
        .and_then(|after| after.chars().next());
    // Below U+0300 nothing decomposes, combines or composes with a following character below U+0300.
    if (c as u32) < 0x300 && next.is_none_or(|n| (n as u32) < 0x300) {
        return false;
    }
    let window: Vec<u32> = rest.chars().take(32).map(u32::from).collect();
    nfc(&window).first() != Some(&u32::from(c))
}

/// Removes the surrounding quotes and the backslash escapes: `(value, quoted)`.
fn unquote_quoted_string(text: &str) -> Result<(Cow<'_, str>, bool), String> {
    let Some(inner) = text.strip_prefix('"') else {
        return Ok((Cow::Borrowed(text), false));
    };
    let mut value = String::with_capacity(inner.len());
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        if escaped {
            value.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            let after = &inner[i + 1..];
            if !after.is_empty() {
                let shown: Vec<String> = after
                    .chars()
                    .map(|c| safe_character_display(u32::from(c)))
                    .collect();
                return Err(format!(
                    "Extra character(s) found after close quote: {}",
                    shown.join(", ")
                ));
            }
            break;
        } else {
            value.push(c);
        }
    }
    Ok((Cow::Owned(value), true))
}

// ---------------------------------------------------------------------------------------------
// email_validator/syntax.py: the local part

/// `ATEXT` of RFC 5322 3.2.3.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '_' | '!'
                | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
        )
}

/// `DOT_ATOM_TEXT` (ASCII) or `DOT_ATOM_TEXT_INTL` (with U+0080..U+10FFFF).
fn is_dot_atom(s: &str, intl: bool) -> bool {
    !s.is_empty()
        && s.split('.').all(|atom| {
            !atom.is_empty() && atom.chars().all(|c| is_atext(c) || (intl && c >= '\u{80}'))
        })
}

fn validate_local_part(local: &str, quoted: bool) -> Result<(), String> {
    if local.is_empty() {
        return Err("There must be something before the @-sign.".to_owned());
    }
    if is_dot_atom(local, false) {
        return Ok(());
    }
    let allow_space = if is_dot_atom(local, true) {
        false
    } else if quoted {
        let bad = local.chars().filter(|&c| c < ' ' || c == '\x7F');
        if let Some(bad) = display_sorted(bad) {
            return Err(format!(
                "The email address contains invalid characters in quotes before the @-sign: {bad}."
            ));
        }
        true
    } else {
        let bad = local
            .chars()
            .filter(|&c| !(is_atext(c) || c == '.' || c >= '\u{80}'));
        if let Some(bad) = display_sorted(bad) {
            return Err(format!(
                "The email address contains invalid characters before the @-sign: {bad}."
            ));
        }
        check_dot_atom(
            local,
            "An email address cannot start with a {}.",
            "An email address cannot have a {} immediately before the @-sign.",
            false,
        )?;
        return Err("The email address contains invalid characters before the @-sign.".to_owned());
    };
    check_unsafe_chars(local, allow_space)
}

fn check_unsafe_chars(s: &str, allow_space: bool) -> Result<(), String> {
    // Printable ASCII: letters, numbers, punctuation and symbols.
    if s.bytes().all(|b| (0x21..0x7F).contains(&b)) {
        return Ok(());
    }
    let mut bad: Vec<u32> = s
        .chars()
        .enumerate()
        .filter(|&(i, c)| match category(u32::from(c)) {
            Cat::Lnps => false,
            // A combining mark in first position would combine with what comes before.
            Cat::Mark => i == 0,
            Cat::Zs => !allow_space,
            _ => true,
        })
        .map(|(_, c)| u32::from(c))
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    bad.sort_unstable();
    bad.dedup();
    let shown: Vec<String> = bad.into_iter().map(safe_character_display).collect();
    Err(format!(
        "The email address contains unsafe characters: {}.",
        shown.join(", ")
    ))
}

/// `check_dot_atom`: `start` and `end` hold `{}`, replaced by `period` or `hyphen`.
fn check_dot_atom(label: &str, start: &str, end: &str, is_hostname: bool) -> Result<(), String> {
    if label.ends_with('.') {
        return Err(end.replace("{}", "period"));
    }
    if label.starts_with('.') {
        return Err(start.replace("{}", "period"));
    }
    if label.contains("..") {
        return Err("An email address cannot have two periods in a row.".to_owned());
    }
    if is_hostname {
        if label.ends_with('-') {
            return Err(end.replace("{}", "hyphen"));
        }
        if label.starts_with('-') {
            return Err(start.replace("{}", "hyphen"));
        }
        if label.contains(".-") || label.contains("-.") {
            return Err(
                "An email address cannot have a period and a hyphen next to each other.".to_owned(),
            );
        }
    }
    Ok(())
}

/// The display forms of a set of characters, sorted and joined (`None` when empty), as
/// `", ".join(sorted({safe_character_display(c) for c in ...}))`.
fn display_sorted(chars: impl Iterator<Item = char>) -> Option<String> {
    let mut chars = chars.peekable();
    chars.peek()?;
    let shown: BTreeSet<String> = chars
        .map(|c| safe_character_display(u32::from(c)))
        .collect();
    Some(shown.into_iter().collect::<Vec<_>>().join(", "))
}

/// `safe_character_display`: quoted when a letter, number, punctuation or symbol, else its
/// Unicode name, else `U+XXXX`.
fn safe_character_display(cp: u32) -> String {
    if cp == u32::from('\\') {
        return "\"\\\"".to_owned();
    }
    if category(cp) == Cat::Lnps {
        return py_repr(&[cp]);
    }
    if let Some(name) = char_name(cp) {
        return name.into_owned();
    }
    if cp < 0xFFFF {
        format!("U+{cp:04X}")
    } else {
        format!("U+{cp:08X}")
    }
}

// ---------------------------------------------------------------------------------------------
// email_validator/syntax.py: the domain

/// `ATEXT_HOSTNAME_INTL`.
fn is_hostname_intl_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.' || c >= '\u{80}'
}

/// `DOT_ATOM_TEXT_HOSTNAME`: ASCII letters, digits and inner hyphens, dot-separated.
fn is_ascii_hostname(s: &str) -> bool {
    s.split('.').all(|label| {
        let bytes = label.as_bytes();
        let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        first.is_ascii_alphanumeric()
            && last.is_ascii_alphanumeric()
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
    })
}

/// RFC 5890's reserved LDH labels: `re.match(r"(?!xn)..--", label, re.I)`.
fn is_reserved_ldh_label(label: &str) -> bool {
    let mut chars = label.chars();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), Some('-'), Some('-')) => {
            !(a.eq_ignore_ascii_case(&'x') && b.eq_ignore_ascii_case(&'n'))
        }
        _ => false,
    }
}

/// `uts46_valid_char`: email-validator's own approximation of what UTS #46 rejects.
fn uts46_valid_char(c: char) -> bool {
    let cp = u32::from(c);
    if c.is_ascii() {
        return !c.is_ascii_control() && c != ' ';
    }
    if (0x80..=0x9F).contains(&cp) {
        return false;
    }
    if ((0x2010..=0x2060).contains(&cp)
        && !(0x2024..=0x2026).contains(&cp)
        && !(0x2028..=0x202E).contains(&cp))
        || matches!(cp, 0xAD | 0x2064 | 0xFF0E)
        || (0x200B..=0x200D).contains(&cp)
        || (0x1BCA0..=0x1BCA3).contains(&cp)
    {
        return true;
    }
    if matches!(
        category(cp),
        Cat::Cf | Cat::Cn | Cat::Co | Cat::Cs | Cat::Zs | Cat::Zl | Cat::Zp
    ) {
        return false;
    }
    // The characters whose decomposition (canonical or compatibility) holds U+002E.
    !matches!(
        cp,
        0x2024..=0x2026 | 0x2488..=0x249B | 0x33C2 | 0x33C7 | 0x33D8 | 0xFE52 | 0xFF0E | 0x1F100
    )
}

/// The domain in IDNA ASCII form, and in Unicode form when it differs (`xn--` labels).
struct DomainNames<'a> {
    ascii: Cow<'a, str>,
    unicode: Option<String>,
}

fn validate_domain_name(domain: &str) -> Result<DomainNames<'_>, String> {
    let len = domain.chars().count();
    if len > DOMAIN_MAX_LENGTH {
        return Err(format!(
            "The email address is too long after the @-sign {}.",
            length_reason(len, DOMAIN_MAX_LENGTH)
        ));
    }
    if let Some(bad) = display_sorted(domain.chars().filter(|&c| !is_hostname_intl_char(c))) {
        return Err(format!(
            "The part after the @-sign contains invalid characters: {bad}."
        ));
    }
    check_unsafe_chars(domain, false)?;
    if let Some(bad) = display_sorted(domain.chars().filter(|&c| !uts46_valid_char(c))) {
        return Err(format!(
            "The part after the @-sign contains invalid characters: {bad}."
        ));
    }

    let mapped = uts46_remap(domain)
        .map_err(|e| format!("The part after the @-sign contains invalid characters ({e})."))?;
    if let Some(bad) = display_sorted(mapped.chars().filter(|&c| !is_hostname_intl_char(c))) {
        return Err(format!(
            "The part after the @-sign contains invalid characters after Unicode normalization: {bad}."
        ));
    }
    check_dot_atom(
        &mapped,
        "An email address cannot have a {} immediately after the @-sign.",
        "An email address cannot end with a {}.",
        true,
    )?;
    if mapped.split('.').any(is_reserved_ldh_label) {
        return Err("An email address cannot have two letters followed by two dashes immediately after the @-sign or after a period, except Punycode.".to_owned());
    }

    let ascii = if is_ascii_hostname(&mapped) {
        mapped
    } else {
        let mut encoded = String::with_capacity(mapped.len() + 8);
        for (i, label) in mapped.split('.').enumerate() {
            if i > 0 {
                encoded.push('.');
            }
            let label = alabel(label)
                .map_err(|e| format!("The part after the @-sign is invalid ({e})."))?;
            encoded.push_str(&label);
        }
        if !is_ascii_hostname(&encoded) {
            return Err("The email address contains invalid characters after the @-sign after IDNA encoding.".to_owned());
        }
        Cow::Owned(encoded)
    };

    if ascii.len() > DOMAIN_MAX_LENGTH {
        if *ascii == *domain {
            return Err(format!(
                "The email address is too long after the @-sign {}.",
                length_reason(ascii.len(), DOMAIN_MAX_LENGTH)
            ));
        }
        let diff = ascii.len() - DOMAIN_MAX_LENGTH;
        let suffix = if diff == 1 { "" } else { "s" };
        return Err(format!(
            "The email address is too long after the @-sign ({diff} byte{suffix} too many after IDNA encoding)."
        ));
    }
    for label in ascii.split('.') {
        if label.len() > DNS_LABEL_LENGTH_LIMIT {
            return Err(format!(
                "After the @-sign, periods cannot be separated by so many characters {}.",
                length_reason(label.len(), DNS_LABEL_LENGTH_LIMIT)
            ));
        }
    }
    // globally_deliverable
    if !ascii.contains('.') {
        return Err("The part after the @-sign is not valid. It should have a period.".to_owned());
    }
    if !ascii.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(
            "The part after the @-sign is not valid. It is not within a valid top-level domain."
                .to_owned(),
        );
    }
    // `ascii_domain == d or ascii_domain.endswith("." + d)`: the names hold no period, so this is
    // the last label.
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| SPECIAL_USE_DOMAIN_NAMES.contains(&tld))
    {
        return Err("The part after the @-sign is a special-use or reserved name that cannot be used with email.".to_owned());
    }

    if !ascii.contains("xn--") {
        return Ok(DomainNames {
            ascii,
            unicode: None,
        });
    }
    let unicode = idna_decode(&ascii)
        .map_err(|e| format!("The part after the @-sign is not valid IDNA ({e})."))?;
    if let Some(bad) = display_sorted(unicode.chars().filter(|&c| !is_hostname_intl_char(c))) {
        return Err(format!(
            "The part after the @-sign contains invalid characters: {bad}."
        ));
    }
    check_unsafe_chars(&unicode, false)?;
    // The Bidi Rule applies to every label once one label holds a right-to-left character.
    if unicode
        .chars()
        .any(|c| matches!(bidi_class(u32::from(c)), Bidi::R | Bidi::Al | Bidi::An))
    {
        for label in unicode.split('.') {
            let label: Vec<u32> = label.chars().map(u32::from).collect();
            check_bidi(&label, true)
                .map_err(|e| format!("The part after the @-sign is not valid IDNA ({e})."))?;
        }
    }
    idna_encode(&unicode).map_err(|e| {
        format!("The part after the @-sign became invalid after normalizing to international characters ({e}).")
    })?;
    Ok(DomainNames {
        ascii,
        unicode: Some(unicode),
    })
}

/// `validate_email_domain_literal`, for its error messages (a literal is refused anyway).
fn validate_domain_literal(literal: &str) -> Result<(), String> {
    if !literal.is_empty() && literal.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_ipv4(literal).map_err(|e| {
            format!("The address in brackets after the @-sign is not valid: It is not an IPv4 address ({e}) or is missing an address literal tag.")
        });
    }
    if let Some(address) = literal
        .get(..5)
        .filter(|tag| tag.eq_ignore_ascii_case("ipv6:"))
        .and_then(|_| literal.get(5..))
    {
        let has_zone = parse_ipv6(address).map_err(|e| {
            format!("The IPv6 address in brackets after the @-sign is not valid ({e}).")
        })?;
        if has_zone {
            return Err(
                "The IPv6 address in brackets after the @-sign is not valid (It has a zone index)."
                    .to_owned(),
            );
        }
        return Ok(());
    }
    if !literal.contains(':') {
        return Err("The part after the @-sign in brackets is not an IPv4 address and has no address literal tag.".to_owned());
    }
    if let Some(bad) = display_sorted(
        literal
            .chars()
            .filter(|&c| !('\u{21}'..='\u{FA}').contains(&c)),
    ) {
        return Err(format!(
            "The part after the @-sign contains invalid characters in brackets: {bad}."
        ));
    }
    Err("The part after the @-sign contains an invalid address literal tag in brackets.".to_owned())
}

// ---------------------------------------------------------------------------------------------
// Python's ipaddress (3.11.7): IPv4Address(str) and IPv6Address(str), for their messages

fn parse_ipv4(address: &str) -> Result<(), String> {
    if address.contains('/') {
        return Err(format!("Unexpected '/' in {}", py_repr_str(address)));
    }
    if address.is_empty() {
        return Err("Address cannot be empty".to_owned());
    }
    let octets: Vec<&str> = address.split('.').collect();
    if octets.len() != 4 {
        return Err(format!("Expected 4 octets in {}", py_repr_str(address)));
    }
    for octet in octets {
        parse_octet(octet).map_err(|e| format!("{e} in {}", py_repr_str(address)))?;
    }
    Ok(())
}

fn parse_octet(octet: &str) -> Result<(), String> {
    if octet.is_empty() {
        return Err("Empty octet not permitted".to_owned());
    }
    if !octet.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "Only decimal digits permitted in {}",
            py_repr_str(octet)
        ));
    }
    if octet.len() > 3 {
        return Err(format!(
            "At most 3 characters permitted in {}",
            py_repr_str(octet)
        ));
    }
    if octet != "0" && octet.starts_with('0') {
        return Err(format!(
            "Leading zeros are not permitted in {}",
            py_repr_str(octet)
        ));
    }
    let value: u32 = octet.parse().unwrap_or(0);
    if value > 255 {
        return Err(format!("Octet {value} (> 255) not permitted"));
    }
    Ok(())
}

/// Returns whether the address has a zone index (`%scope`).
fn parse_ipv6(address: &str) -> Result<bool, String> {
    if address.contains('/') {
        return Err(format!("Unexpected '/' in {}", py_repr_str(address)));
    }
    let (ip, has_zone) = match address.split_once('%') {
        None => (address, false),
        Some((ip, scope)) => {
            if scope.is_empty() || scope.contains('%') {
                return Err(format!(
                    "Invalid IPv6 address: \"{}\"",
                    py_repr_str(address)
                ));
            }
            (ip, true)
        }
    };
    let repr = || py_repr_str(ip);
    if ip.is_empty() {
        return Err("Address cannot be empty".to_owned());
    }
    let mut parts: Vec<Cow<'_, str>> = ip.split(':').map(Cow::Borrowed).collect();
    if parts.len() < 3 {
        return Err(format!("At least 3 parts expected in {}", repr()));
    }
    if let Some(last) = parts.last().filter(|last| last.contains('.')).cloned() {
        parse_ipv4(&last).map_err(|e| format!("{e} in {}", repr()))?;
        // Replaced by two hextets, which are then valid.
        parts.pop();
        parts.push(Cow::Borrowed("0"));
        parts.push(Cow::Borrowed("0"));
    }
    if parts.len() > 9 {
        return Err(format!("At most 8 colons permitted in {}", repr()));
    }
    let mut skip_index = None;
    for (i, part) in parts.iter().enumerate().take(parts.len() - 1).skip(1) {
        if part.is_empty() {
            if skip_index.is_some() {
                return Err(format!("At most one '::' permitted in {}", repr()));
            }
            skip_index = Some(i);
        }
    }
    let first_empty = parts.first().is_some_and(|p| p.is_empty());
    let last_empty = parts.last().is_some_and(|p| p.is_empty());
    let (parts_hi, parts_lo) = if let Some(skip) = skip_index {
        let mut parts_hi = skip;
        let mut parts_lo = parts.len() - skip - 1;
        if first_empty {
            parts_hi -= 1;
            if parts_hi > 0 {
                return Err(format!(
                    "Leading ':' only permitted as part of '::' in {}",
                    repr()
                ));
            }
        }
        if last_empty {
            parts_lo -= 1;
            if parts_lo > 0 {
                return Err(format!(
                    "Trailing ':' only permitted as part of '::' in {}",
                    repr()
                ));
            }
        }
        if parts_hi + parts_lo > 7 {
            return Err(format!(
                "Expected at most 7 other parts with '::' in {}",
                repr()
            ));
        }
        (parts_hi, parts_lo)
    } else {
        if parts.len() != 8 {
            return Err(format!(
                "Exactly 8 parts expected without '::' in {}",
                repr()
            ));
        }
        if first_empty {
            return Err(format!(
                "Leading ':' only permitted as part of '::' in {}",
                repr()
            ));
        }
        if last_empty {
            return Err(format!(
                "Trailing ':' only permitted as part of '::' in {}",
                repr()
            ));
        }
        (parts.len(), 0)
    };
    let hextets = parts
        .iter()
        .take(parts_hi)
        .chain(parts.iter().skip(parts.len() - parts_lo));
    for hextet in hextets {
        if !hextet.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!(
                "Only hex digits permitted in {} in {}",
                py_repr_str(hextet),
                repr()
            ));
        }
        if hextet.chars().count() > 4 {
            return Err(format!(
                "At most 4 characters permitted in {} in {}",
                py_repr_str(hextet),
                repr()
            ));
        }
        if hextet.is_empty() {
            return Err(format!(
                "invalid literal for int() with base 16: '' in {}",
                repr()
            ));
        }
    }
    Ok(has_zone)
}

// ---------------------------------------------------------------------------------------------
// The Python idna package (3.20): uts46_remap, alabel, ulabel, check_label, decode, encode

/// `idna.uts46_remap(domain, std3_rules=False, transitional=False)`.
fn uts46_remap(domain: &str) -> Result<Cow<'_, str>, String> {
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
fn uts46_map_char(c: char) -> Option<String> {
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
fn alabel(label: &str) -> Result<String, String> {
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

/// IDNA 2008 `PVALID` (RFC 5892), derived as the RFC does: the letters, digits and marks
/// (`Ll Lu Lo Lm Nd Mn Mc`) that UTS #46 leaves unchanged (stable under NFKC case folding, not
/// ignorable), outside the ignorable blocks and old Hangul jamo, plus the exceptions. This
/// equals `idnadata.codepoint_classes["PVALID"]` on every code point assigned in Unicode 14.0;
/// the newer ones come from `tables::PVALID_UNASSIGNED_IN_14`.
fn is_pvalid(cp: u32) -> bool {
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

fn letter_digit_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\A[\p{Ll}\p{Lu}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]\z").ok())
        .as_ref()
}

/// `idnadata.codepoint_classes["CONTEXTO"]`.
fn is_contexto(cp: u32) -> bool {
    matches!(cp, 0xB7 | 0x375 | 0x5F3 | 0x5F4 | 0x660..=0x669 | 0x6F0..=0x6F9 | 0x30FB)
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

/// `idnadata.joining_types`: `C`, `D`, `L`, `R` or `T`.
fn joining_type(cp: u32) -> Option<u8> {
    let ranges = &unicode_data().joining;
    let i = ranges.partition_point(|&(first, _, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .filter(|&&(_, last, _)| cp <= last)
        .map(|&(_, _, kind)| kind)
}

/// Whether `unicodedata.name` knows the character.
fn has_name(cp: u32) -> bool {
    !matches!(category(cp), Cat::Cc | Cat::Co | Cat::Cn | Cat::Cs)
        && !(0x17000..=0x187F7).contains(&cp)
        && !(0x18D00..=0x18D08).contains(&cp)
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
fn check_bidi(label: &[u32], check_ltr: bool) -> Result<(), String> {
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
fn idna_decode(domain: &str) -> Result<String, String> {
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
fn idna_encode(domain: &str) -> Result<(), String> {
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

// ---------------------------------------------------------------------------------------------
// Python's punycode codec (encodings/punycode.py), on code points (which may be surrogates)

const PUNYCODE_DIGITS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn punycode_threshold(j: u64, bias: u64) -> u64 {
    (36 * (j + 1)).saturating_sub(bias).clamp(1, 26)
}

fn punycode_adapt(delta: u64, first: bool, numchars: u64) -> u64 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / numchars.max(1);
    let mut divisions = 0;
    while delta > 455 {
        delta /= 35;
        divisions += 36;
    }
    divisions + 36 * delta / (delta + 38)
}

fn punycode_encode(text: &[u32]) -> String {
    let mut out: String = text
        .iter()
        .filter_map(|&c| u8::try_from(c).ok().filter(u8::is_ascii).map(char::from))
        .collect();
    let base_len = out.len() as u64;
    let mut extended: Vec<u32> = text.iter().copied().filter(|&c| c >= 0x80).collect();
    extended.sort_unstable();
    extended.dedup();

    // insertion_unsort
    let mut deltas: Vec<u64> = Vec::new();
    let mut old_char: i64 = 0x80;
    let mut old_index: i64 = -1;
    for &c in &extended {
        let current = i64::from(c);
        let shorter = text.iter().filter(|&&x| x < c).count() as i64;
        let mut delta = (shorter + 1) * (current - old_char);
        let mut index: i64 = -1;
        for &x in text {
            if x == c {
                index += 1;
                delta += index - old_index;
                deltas.push(u64::try_from(delta - 1).unwrap_or(0));
                old_index = index;
                delta = 0;
            } else if x < c {
                index += 1;
            }
        }
        old_char = current;
    }

    // generate_integers
    let mut encoded = String::new();
    let mut bias = 72;
    for (points, &delta) in deltas.iter().enumerate() {
        let mut n = delta;
        let mut j = 0;
        loop {
            let t = punycode_threshold(j, bias);
            if n < t {
                encoded.push(char::from(PUNYCODE_DIGITS[(n % 36) as usize]));
                break;
            }
            encoded.push(char::from(
                PUNYCODE_DIGITS[((t + (n - t) % (36 - t)) % 36) as usize],
            ));
            n = (n - t) / (36 - t);
            j += 1;
        }
        bias = punycode_adapt(delta, points == 0, base_len + points as u64 + 1);
    }
    if out.is_empty() {
        encoded
    } else {
        out.push('-');
        out.push_str(&encoded);
        out
    }
}

/// `None` on any decoding error (Python raises `UnicodeError`).
fn punycode_decode(text: &str) -> Option<Vec<u32>> {
    let (base, extended) = match text.rfind('-') {
        Some(pos) => (&text[..pos], &text[pos + 1..]),
        None => ("", text),
    };
    let mut out: Vec<u32> = base.chars().map(u32::from).collect();
    let extended = extended.as_bytes();
    let mut char_value: u64 = 0x80;
    let mut pos: u64 = 0; // Python's `pos + 1`
    let mut bias: u64 = 72;
    let mut ext_pos = 0;
    while ext_pos < extended.len() {
        // decode_generalized_number
        let mut result: u64 = 0;
        let mut w: u64 = 1;
        let mut j = 0;
        let mut next = ext_pos;
        let delta = loop {
            let byte = *extended.get(next)?;
            next += 1;
            let digit = match byte.to_ascii_uppercase() {
                b @ b'A'..=b'Z' => u64::from(b - b'A'),
                b @ b'0'..=b'9' => u64::from(b - 22),
                _ => return None,
            };
            let t = punycode_threshold(j, bias);
            result = result.saturating_add(digit.saturating_mul(w));
            if digit < t {
                break result;
            }
            w = w.saturating_mul(36 - t);
            j += 1;
        };
        let len = out.len() as u64 + 1;
        let shifted = pos.saturating_add(delta); // Python: pos += delta + 1
        char_value = char_value.saturating_add(shifted / len);
        if char_value > 0x10FFFF {
            return None;
        }
        let insert_at = usize::try_from(shifted % len).ok()?;
        out.insert(insert_at.min(out.len()), char_value as u32);
        pos = (shifted % len) + 1;
        bias = punycode_adapt(delta, ext_pos == 0, out.len() as u64);
        ext_pos = next;
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Python's repr() of a str

/// `repr(s)` of a Python `str`, given as code points.
fn py_repr(cps: &[u32]) -> String {
    let quote = if cps.contains(&0x27) && !cps.contains(&0x22) {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &cp in cps {
        match cp {
            _ if cp == u32::from(quote) || cp == 0x5C => {
                out.push('\\');
                out.push(char::from(cp as u8));
            }
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x00..=0x1F | 0x7F => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            0x20..=0x7E => out.push(char::from(cp as u8)),
            _ => match char::from_u32(cp).filter(|_| is_printable(cp)) {
                Some(c) => out.push(c),
                None if cp <= 0xFF => {
                    let _ = write!(out, "\\x{cp:02x}");
                }
                None if cp <= 0xFFFF => {
                    let _ = write!(out, "\\u{cp:04x}");
                }
                None => {
                    let _ = write!(out, "\\U{cp:08x}");
                }
            },
        }
    }
    out.push(quote);
    out
}

fn py_repr_str(s: &str) -> String {
    let cps: Vec<u32> = s.chars().map(u32::from).collect();
    py_repr(&cps)
}

/// `str.isprintable` for one non-ASCII character.
fn is_printable(cp: u32) -> bool {
    !matches!(
        category(cp),
        Cat::Cc | Cat::Cf | Cat::Cs | Cat::Co | Cat::Cn | Cat::Zl | Cat::Zp | Cat::Zs
    )
}

// ---------------------------------------------------------------------------------------------
// Unicode 14.0 data: general categories, names, combining classes, NFC, bidi classes

/// The general categories, as far as email-validator and Python's `repr` tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
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
fn category(cp: u32) -> Cat {
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
fn char_name(cp: u32) -> Option<Cow<'static, str>> {
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

fn in_inclusive(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(first, _)| first <= cp);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, last)| cp <= last)
}

fn in_half_open(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(first, _)| first <= cp);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, end)| cp < end)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bidi {
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
fn bidi_class(cp: u32) -> Bidi {
    let runs = &unicode_data().bidi;
    let i = runs.partition_point(|&(first, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| runs.get(i))
        .map_or(Bidi::Other, |&(_, class)| class)
}

/// `unicodedata.combining`.
fn combining_class(cp: u32) -> u8 {
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
fn nfc(input: &[u32]) -> Vec<u32> {
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

fn nfc_str(s: &str) -> Cow<'_, str> {
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

/// The string tables of module `tables`, parsed once.
struct UnicodeData {
    /// One level of canonical decomposition (`0` as second for a singleton).
    decompositions: HashMap<u32, (u32, u32)>,
    /// The primary composites.
    compositions: HashMap<(u32, u32), u32>,
    /// `(first, last, class)`.
    combining: Vec<(u32, u32, u8)>,
    /// `(first, class)` runs.
    bidi: Vec<(u32, Bidi)>,
    /// `(first, last, joining type)`.
    joining: Vec<(u32, u32, u8)>,
    names: HashMap<u32, String>,
}

fn unicode_data() -> &'static UnicodeData {
    static DATA: OnceLock<UnicodeData> = OnceLock::new();
    DATA.get_or_init(UnicodeData::parse)
}

fn parse_hex(s: &str) -> Option<u32> {
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
        let joining = tables::JOINING_TYPES
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
            joining,
            names,
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// Unicode data generated from the conformance venv's Python 3.11.7 (`unicodedata` 14.0.0) and
/// `idna` 3.20 (`idnadata` 18.0.0): `unicodedata.category` compared with the regex crate's
/// categories, `unicodedata.decomposition` (the `<tag>`-less ones; a pair is excluded from
/// composition when `normalize("NFC", a + b)` does not give it back), `unicodedata.combining`,
/// `unicodedata.bidirectional` (on the code points `idnadata.codepoint_classes` accepts),
/// `unicodedata.name`, `idnadata.scripts`, `idnadata.joining_types` and the part of
/// `idnadata.codepoint_classes["PVALID"]` that `is_pvalid` cannot derive.
mod tables {
    /// Code points unassigned (`Cn`) in Unicode 14.0 but assigned in the regex crate's Unicode 16.0
    /// (inclusive ranges).
    #[rustfmt::skip]
    pub(super) static UNASSIGNED_IN_14: &[(u32, u32)] = &[
        (0x897, 0x897), (0xCF3, 0xCF3), (0xECE, 0xECE), (0x1B4E, 0x1B4F),
        (0x1B7F, 0x1B7F), (0x1C89, 0x1C8A), (0x2427, 0x2429), (0x2FFC, 0x2FFF),
        (0x31E4, 0x31E5), (0x31EF, 0x31EF), (0xA7CB, 0xA7CD), (0xA7DA, 0xA7DC),
        (0x105C0, 0x105F3), (0x10D40, 0x10D65), (0x10D69, 0x10D85), (0x10D8E, 0x10D8F),
        (0x10EC2, 0x10EC4), (0x10EFC, 0x10EFF), (0x1123F, 0x11241), (0x11380, 0x11389),
        (0x1138B, 0x1138B), (0x1138E, 0x1138E), (0x11390, 0x113B5), (0x113B7, 0x113C0),
        (0x113C2, 0x113C2), (0x113C5, 0x113C5), (0x113C7, 0x113CA), (0x113CC, 0x113D5),
        (0x113D7, 0x113D8), (0x113E1, 0x113E2), (0x116D0, 0x116E3), (0x11B00, 0x11B09),
        (0x11BC0, 0x11BE1), (0x11BF0, 0x11BF9), (0x11F00, 0x11F10), (0x11F12, 0x11F3A),
        (0x11F3E, 0x11F5A), (0x1342F, 0x1342F), (0x13439, 0x13455), (0x13460, 0x143FA),
        (0x16100, 0x16139), (0x16D40, 0x16D79), (0x18CFF, 0x18CFF), (0x1B132, 0x1B132),
        (0x1B155, 0x1B155), (0x1CC00, 0x1CCF9), (0x1CD00, 0x1CEB3), (0x1D2C0, 0x1D2D3),
        (0x1DF25, 0x1DF2A), (0x1E030, 0x1E06D), (0x1E08F, 0x1E08F), (0x1E4D0, 0x1E4F9),
        (0x1E5D0, 0x1E5FA), (0x1E5FF, 0x1E5FF), (0x1F6DC, 0x1F6DC), (0x1F774, 0x1F776),
        (0x1F77B, 0x1F77F), (0x1F7D9, 0x1F7D9), (0x1F8B2, 0x1F8BB), (0x1F8C0, 0x1F8C1),
        (0x1FA75, 0x1FA77), (0x1FA87, 0x1FA89), (0x1FA8F, 0x1FA8F), (0x1FAAD, 0x1FAAF),
        (0x1FABB, 0x1FABF), (0x1FAC6, 0x1FAC6), (0x1FACE, 0x1FACF), (0x1FADA, 0x1FADC),
        (0x1FADF, 0x1FADF), (0x1FAE8, 0x1FAE9), (0x1FAF7, 0x1FAF8), (0x1FBCB, 0x1FBEF),
        (0x2B739, 0x2B739), (0x2EBF0, 0x2EE5D), (0x31350, 0x323AF),
    ];

    /// `idnadata.scripts["Greek"]` (half-open ranges).
    #[rustfmt::skip]
    pub(super) static SCRIPT_GREEK: &[(u32, u32)] = &[
        (0x370, 0x374), (0x375, 0x378), (0x37A, 0x37E), (0x37F, 0x380),
        (0x384, 0x385), (0x386, 0x387), (0x388, 0x38B), (0x38C, 0x38D),
        (0x38E, 0x3A2), (0x3A3, 0x3E2), (0x3F0, 0x400), (0x1D26, 0x1D2B),
        (0x1D5D, 0x1D62), (0x1D66, 0x1D6B), (0x1DBF, 0x1DC0), (0x1F00, 0x1F16),
        (0x1F18, 0x1F1E), (0x1F20, 0x1F46), (0x1F48, 0x1F4E), (0x1F50, 0x1F58),
        (0x1F59, 0x1F5A), (0x1F5B, 0x1F5C), (0x1F5D, 0x1F5E), (0x1F5F, 0x1F7E),
        (0x1F80, 0x1FB5), (0x1FB6, 0x1FC5), (0x1FC6, 0x1FD4), (0x1FD6, 0x1FDC),
        (0x1FDD, 0x1FF0), (0x1FF2, 0x1FF5), (0x1FF6, 0x1FFF), (0x2126, 0x2127),
        (0xAB65, 0xAB66), (0x10140, 0x1018F), (0x101A0, 0x101A1), (0x1D200, 0x1D246),
        (0x1DFF3, 0x1DFF5),
    ];

    /// `idnadata.scripts["Hebrew"]` (half-open ranges).
    #[rustfmt::skip]
    pub(super) static SCRIPT_HEBREW: &[(u32, u32)] = &[
        (0x591, 0x5CA), (0x5D0, 0x5EB), (0x5EF, 0x5F5), (0xFB1D, 0xFB37),
        (0xFB38, 0xFB3D), (0xFB3E, 0xFB3F), (0xFB40, 0xFB42), (0xFB43, 0xFB45),
        (0xFB46, 0xFB50),
    ];

    /// `idnadata.scripts["Hiragana"]` (half-open ranges).
    #[rustfmt::skip]
    pub(super) static SCRIPT_HIRAGANA: &[(u32, u32)] = &[
        (0x3041, 0x3097), (0x309D, 0x30A0), (0x1B001, 0x1B120), (0x1B123, 0x1B124),
        (0x1B132, 0x1B133), (0x1B150, 0x1B153), (0x1F200, 0x1F201),
    ];

    /// `idnadata.scripts["Katakana"]` (half-open ranges).
    #[rustfmt::skip]
    pub(super) static SCRIPT_KATAKANA: &[(u32, u32)] = &[
        (0x30A1, 0x30FB), (0x30FD, 0x3100), (0x31F0, 0x3200), (0x32D0, 0x32FF),
        (0x3300, 0x3358), (0xFF66, 0xFF70), (0xFF71, 0xFF9E), (0x1AFF0, 0x1AFF4),
        (0x1AFF5, 0x1AFFC), (0x1AFFD, 0x1AFFF), (0x1B000, 0x1B001), (0x1B120, 0x1B123),
        (0x1B124, 0x1B129), (0x1B155, 0x1B156), (0x1B164, 0x1B169),
    ];

    /// `idnadata.scripts["Han"]` (half-open ranges).
    #[rustfmt::skip]
    pub(super) static SCRIPT_HAN: &[(u32, u32)] = &[
        (0x2E80, 0x2E9A), (0x2E9B, 0x2EF4), (0x2F00, 0x2FD6), (0x3005, 0x3006),
        (0x3007, 0x3008), (0x3021, 0x302A), (0x3038, 0x303C), (0x3400, 0x4DC0),
        (0x4E00, 0xA000), (0xF900, 0xFA6E), (0xFA70, 0xFADA), (0x16FE2, 0x16FE4),
        (0x16FF0, 0x16FF7), (0x20000, 0x2A6E0), (0x2A700, 0x2B81F), (0x2B820, 0x2CEAE),
        (0x2CEB0, 0x2EBE1), (0x2EBF0, 0x2EE5E), (0x2F800, 0x2FA1E), (0x30000, 0x3134B),
        (0x31350, 0x3347A),
    ];

    /// The code points of `idnadata.codepoint_classes["PVALID"]` that are unassigned in Unicode 14.0
    /// (inclusive ranges): `is_pvalid` cannot derive them.
    #[rustfmt::skip]
    pub(super) static PVALID_UNASSIGNED_IN_14: &[(u32, u32)] = &[
        (0x5C8, 0x5C9), (0x88F, 0x88F), (0x897, 0x897), (0xB53, 0xB54),
        (0xC5C, 0xC5C), (0xCDC, 0xCDC), (0xCF3, 0xCF3), (0xECE, 0xECE),
        (0x1ACF, 0x1AF0), (0x1C8A, 0x1C8A), (0x208F, 0x208F), (0xA7CD, 0xA7CD),
        (0xA7CF, 0xA7CF), (0xA7DB, 0xA7DB), (0x105C0, 0x105F3), (0x10940, 0x10959),
        (0x10D40, 0x10D4F), (0x10D69, 0x10D6D), (0x10D6F, 0x10D85), (0x10EC2, 0x10EC7),
        (0x10ECB, 0x10ECF), (0x10ED9, 0x10EEE), (0x10EF0, 0x10EFF), (0x1123F, 0x11241),
        (0x11380, 0x11389), (0x1138B, 0x1138B), (0x1138E, 0x1138E), (0x11390, 0x113B5),
        (0x113B7, 0x113C0), (0x113C2, 0x113C2), (0x113C5, 0x113C5), (0x113C7, 0x113CA),
        (0x113CC, 0x113D3), (0x113E1, 0x113E2), (0x116D0, 0x116E3), (0x11B0A, 0x11B0A),
        (0x11B60, 0x11B67), (0x11BC0, 0x11BE0), (0x11BF0, 0x11BF9), (0x11DB0, 0x11DDB),
        (0x11DE0, 0x11DE9), (0x11DF0, 0x11DF1), (0x11F00, 0x11F10), (0x11F12, 0x11F3A),
        (0x11F3E, 0x11F42), (0x11F50, 0x11F5A), (0x1342F, 0x1342F), (0x13440, 0x13455),
        (0x13460, 0x143FA), (0x16100, 0x16139), (0x16D40, 0x16D6C), (0x16D70, 0x16D79),
        (0x16EBB, 0x16ED3), (0x16FF2, 0x16FF3), (0x187F8, 0x187FF), (0x18CD6, 0x18CDA),
        (0x18CFF, 0x18CFF), (0x18D09, 0x18D20), (0x18D80, 0x18DF2), (0x18E00, 0x19191),
        (0x191A0, 0x191D2), (0x1B127, 0x1B128), (0x1B132, 0x1B132), (0x1B155, 0x1B155),
        (0x1B168, 0x1B168), (0x1D250, 0x1D252), (0x1D25B, 0x1D25C), (0x1D25F, 0x1D25F),
        (0x1D280, 0x1D281), (0x1DF1F, 0x1DF3F), (0x1DF41, 0x1DF47), (0x1DF49, 0x1DF49),
        (0x1DF4B, 0x1DF4C), (0x1DF4E, 0x1DF50), (0x1DF52, 0x1DF67), (0x1DF69, 0x1DF69),
        (0x1DF6B, 0x1DF6B), (0x1DF6D, 0x1DF6D), (0x1DF6F, 0x1DF71), (0x1DF73, 0x1DF73),
        (0x1DF75, 0x1DF75), (0x1DF77, 0x1DF77), (0x1DF79, 0x1DF79), (0x1DF7B, 0x1DF7B),
        (0x1DF7D, 0x1DF7D), (0x1DF7F, 0x1DF81), (0x1DF90, 0x1DF94), (0x1DF96, 0x1DF96),
        (0x1E08F, 0x1E08F), (0x1E4D0, 0x1E4F9), (0x1E5D0, 0x1E5FA), (0x1E6C0, 0x1E6DE),
        (0x1E6E0, 0x1E6F5), (0x1E6FE, 0x1E6FF), (0x2B739, 0x2B73F), (0x2B81E, 0x2B81E),
        (0x2CEA2, 0x2CEAD), (0x2EBF0, 0x2EE5D), (0x31350, 0x33479), (0x3D000, 0x3FC3F),
    ];

    /// Canonical decompositions, one level: `CP>A,B` (or `CP>A` for a singleton); `!` instead of `>`
    /// marks a pair excluded from composition; an empty `CP` means the previous one plus one.
    pub(super) const DECOMPOSITIONS: &str = "\
        C0>41,300 >41,301 >41,302 >41,303 >41,308 >41,30A C7>43,327 >45,300 >45,301 >45,302 \
        >45,308 >49,300 >49,301 >49,302 >49,308 D1>4E,303 >4F,300 >4F,301 >4F,302 >4F,303 >4F,308 \
        D9>55,300 >55,301 >55,302 >55,308 >59,301 E0>61,300 >61,301 >61,302 >61,303 >61,308 \
        >61,30A E7>63,327 >65,300 >65,301 >65,302 >65,308 >69,300 >69,301 >69,302 >69,308 \
        F1>6E,303 >6F,300 >6F,301 >6F,302 >6F,303 >6F,308 F9>75,300 >75,301 >75,302 >75,308 \
        >79,301 FF>79,308 >41,304 >61,304 >41,306 >61,306 >41,328 >61,328 >43,301 >63,301 >43,302 \
        >63,302 >43,307 >63,307 >43,30C >63,30C >44,30C >64,30C 112>45,304 >65,304 >45,306 >65,306 \
        >45,307 >65,307 >45,328 >65,328 >45,30C >65,30C >47,302 >67,302 >47,306 >67,306 >47,307 \
        >67,307 >47,327 >67,327 >48,302 >68,302 128>49,303 >69,303 >49,304 >69,304 >49,306 >69,306 \
        >49,328 >69,328 >49,307 134>4A,302 >6A,302 >4B,327 >6B,327 139>4C,301 >6C,301 >4C,327 \
        >6C,327 >4C,30C >6C,30C 143>4E,301 >6E,301 >4E,327 >6E,327 >4E,30C >6E,30C 14C>4F,304 \
        >6F,304 >4F,306 >6F,306 >4F,30B >6F,30B 154>52,301 >72,301 >52,327 >72,327 >52,30C >72,30C \
        >53,301 >73,301 >53,302 >73,302 >53,327 >73,327 >53,30C >73,30C >54,327 >74,327 >54,30C \
        >74,30C 168>55,303 >75,303 >55,304 >75,304 >55,306 >75,306 >55,30A >75,30A >55,30B >75,30B \
        >55,328 >75,328 >57,302 >77,302 >59,302 >79,302 >59,308 >5A,301 >7A,301 >5A,307 >7A,307 \
        >5A,30C >7A,30C 1A0>4F,31B >6F,31B 1AF>55,31B >75,31B 1CD>41,30C >61,30C >49,30C >69,30C \
        >4F,30C >6F,30C >55,30C >75,30C >DC,304 >FC,304 >DC,301 >FC,301 >DC,30C >FC,30C >DC,300 \
        >FC,300 1DE>C4,304 >E4,304 >226,304 >227,304 >C6,304 >E6,304 1E6>47,30C >67,30C >4B,30C \
        >6B,30C >4F,328 >6F,328 >1EA,304 >1EB,304 >1B7,30C >292,30C >6A,30C 1F4>47,301 >67,301 \
        1F8>4E,300 >6E,300 >C5,301 >E5,301 >C6,301 >E6,301 >D8,301 >F8,301 >41,30F >61,30F >41,311 \
        >61,311 >45,30F >65,30F >45,311 >65,311 >49,30F >69,30F >49,311 >69,311 >4F,30F >6F,30F \
        >4F,311 >6F,311 >52,30F >72,30F >52,311 >72,311 >55,30F >75,30F >55,311 >75,311 >53,326 \
        >73,326 >54,326 >74,326 21E>48,30C >68,30C 226>41,307 >61,307 >45,327 >65,327 >D6,304 \
        >F6,304 >D5,304 >F5,304 >4F,307 >6F,307 >22E,304 >22F,304 >59,304 >79,304 340>300 >301 \
        343>313 !308,301 374>2B9 37E>3B 385>A8,301 >391,301 >B7 >395,301 >397,301 >399,301 \
        38C>39F,301 38E>3A5,301 >3A9,301 >3CA,301 3AA>399,308 >3A5,308 >3B1,301 >3B5,301 >3B7,301 \
        >3B9,301 >3CB,301 3CA>3B9,308 >3C5,308 >3BF,301 >3C5,301 >3C9,301 3D3>3D2,301 >3D2,308 \
        400>415,300 >415,308 403>413,301 407>406,308 40C>41A,301 >418,300 >423,306 419>418,306 \
        439>438,306 450>435,300 >435,308 453>433,301 457>456,308 45C>43A,301 >438,300 >443,306 \
        476>474,30F >475,30F 4C1>416,306 >436,306 4D0>410,306 >430,306 >410,308 >430,308 \
        4D6>415,306 >435,306 4DA>4D8,308 >4D9,308 >416,308 >436,308 >417,308 >437,308 4E2>418,304 \
        >438,304 >418,308 >438,308 >41E,308 >43E,308 4EA>4E8,308 >4E9,308 >42D,308 >44D,308 \
        >423,304 >443,304 >423,308 >443,308 >423,30B >443,30B >427,308 >447,308 4F8>42B,308 \
        >44B,308 622>627,653 >627,654 >648,654 >627,655 >64A,654 6C0>6D5,654 6C2>6C1,654 \
        6D3>6D2,654 929>928,93C 931>930,93C 934>933,93C 958!915,93C !916,93C !917,93C !91C,93C \
        !921,93C !922,93C !92B,93C !92F,93C 9CB>9C7,9BE >9C7,9D7 9DC!9A1,9BC !9A2,9BC 9DF!9AF,9BC \
        A33!A32,A3C A36!A38,A3C A59!A16,A3C !A17,A3C !A1C,A3C A5E!A2B,A3C B48>B47,B56 B4B>B47,B3E \
        >B47,B57 B5C!B21,B3C !B22,B3C B94>B92,BD7 BCA>BC6,BBE >BC7,BBE >BC6,BD7 C48>C46,C56 \
        CC0>CBF,CD5 CC7>CC6,CD5 >CC6,CD6 CCA>CC6,CC2 >CCA,CD5 D4A>D46,D3E >D47,D3E >D46,D57 \
        DDA>DD9,DCA DDC>DD9,DCF >DDC,DCA >DD9,DDF F43!F42,FB7 F4D!F4C,FB7 F52!F51,FB7 F57!F56,FB7 \
        F5C!F5B,FB7 F69!F40,FB5 F73!F71,F72 F75!F71,F74 !FB2,F80 F78!FB3,F80 F81!F71,F80 \
        F93!F92,FB7 F9D!F9C,FB7 FA2!FA1,FB7 FA7!FA6,FB7 FAC!FAB,FB7 FB9!F90,FB5 1026>1025,102E \
        1B06>1B05,1B35 1B08>1B07,1B35 1B0A>1B09,1B35 1B0C>1B0B,1B35 1B0E>1B0D,1B35 1B12>1B11,1B35 \
        1B3B>1B3A,1B35 1B3D>1B3C,1B35 1B40>1B3E,1B35 >1B3F,1B35 1B43>1B42,1B35 1E00>41,325 >61,325 \
        >42,307 >62,307 >42,323 >62,323 >42,331 >62,331 >C7,301 >E7,301 >44,307 >64,307 >44,323 \
        >64,323 >44,331 >64,331 >44,327 >64,327 >44,32D >64,32D >112,300 >113,300 >112,301 \
        >113,301 >45,32D >65,32D >45,330 >65,330 >228,306 >229,306 >46,307 >66,307 >47,304 >67,304 \
        >48,307 >68,307 >48,323 >68,323 >48,308 >68,308 >48,327 >68,327 >48,32E >68,32E >49,330 \
        >69,330 >CF,301 >EF,301 >4B,301 >6B,301 >4B,323 >6B,323 >4B,331 >6B,331 >4C,323 >6C,323 \
        >1E36,304 >1E37,304 >4C,331 >6C,331 >4C,32D >6C,32D >4D,301 >6D,301 >4D,307 >6D,307 \
        >4D,323 >6D,323 >4E,307 >6E,307 >4E,323 >6E,323 >4E,331 >6E,331 >4E,32D >6E,32D >D5,301 \
        >F5,301 >D5,308 >F5,308 >14C,300 >14D,300 >14C,301 >14D,301 >50,301 >70,301 >50,307 \
        >70,307 >52,307 >72,307 >52,323 >72,323 >1E5A,304 >1E5B,304 >52,331 >72,331 >53,307 \
        >73,307 >53,323 >73,323 >15A,307 >15B,307 >160,307 >161,307 >1E62,307 >1E63,307 >54,307 \
        >74,307 >54,323 >74,323 >54,331 >74,331 >54,32D >74,32D >55,324 >75,324 >55,330 >75,330 \
        >55,32D >75,32D >168,301 >169,301 >16A,308 >16B,308 >56,303 >76,303 >56,323 >76,323 \
        >57,300 >77,300 >57,301 >77,301 >57,308 >77,308 >57,307 >77,307 >57,323 >77,323 >58,307 \
        >78,307 >58,308 >78,308 >59,307 >79,307 >5A,302 >7A,302 >5A,323 >7A,323 >5A,331 >7A,331 \
        >68,331 >74,308 >77,30A >79,30A 1E9B>17F,307 1EA0>41,323 >61,323 >41,309 >61,309 >C2,301 \
        >E2,301 >C2,300 >E2,300 >C2,309 >E2,309 >C2,303 >E2,303 >1EA0,302 >1EA1,302 >102,301 \
        >103,301 >102,300 >103,300 >102,309 >103,309 >102,303 >103,303 >1EA0,306 >1EA1,306 >45,323 \
        >65,323 >45,309 >65,309 >45,303 >65,303 >CA,301 >EA,301 >CA,300 >EA,300 >CA,309 >EA,309 \
        >CA,303 >EA,303 >1EB8,302 >1EB9,302 >49,309 >69,309 >49,323 >69,323 >4F,323 >6F,323 \
        >4F,309 >6F,309 >D4,301 >F4,301 >D4,300 >F4,300 >D4,309 >F4,309 >D4,303 >F4,303 >1ECC,302 \
        >1ECD,302 >1A0,301 >1A1,301 >1A0,300 >1A1,300 >1A0,309 >1A1,309 >1A0,303 >1A1,303 >1A0,323 \
        >1A1,323 >55,323 >75,323 >55,309 >75,309 >1AF,301 >1B0,301 >1AF,300 >1B0,300 >1AF,309 \
        >1B0,309 >1AF,303 >1B0,303 >1AF,323 >1B0,323 >59,300 >79,300 >59,323 >79,323 >59,309 \
        >79,309 >59,303 >79,303 1F00>3B1,313 >3B1,314 >1F00,300 >1F01,300 >1F00,301 >1F01,301 \
        >1F00,342 >1F01,342 >391,313 >391,314 >1F08,300 >1F09,300 >1F08,301 >1F09,301 >1F08,342 \
        >1F09,342 >3B5,313 >3B5,314 >1F10,300 >1F11,300 >1F10,301 >1F11,301 1F18>395,313 >395,314 \
        >1F18,300 >1F19,300 >1F18,301 >1F19,301 1F20>3B7,313 >3B7,314 >1F20,300 >1F21,300 \
        >1F20,301 >1F21,301 >1F20,342 >1F21,342 >397,313 >397,314 >1F28,300 >1F29,300 >1F28,301 \
        >1F29,301 >1F28,342 >1F29,342 >3B9,313 >3B9,314 >1F30,300 >1F31,300 >1F30,301 >1F31,301 \
        >1F30,342 >1F31,342 >399,313 >399,314 >1F38,300 >1F39,300 >1F38,301 >1F39,301 >1F38,342 \
        >1F39,342 >3BF,313 >3BF,314 >1F40,300 >1F41,300 >1F40,301 >1F41,301 1F48>39F,313 >39F,314 \
        >1F48,300 >1F49,300 >1F48,301 >1F49,301 1F50>3C5,313 >3C5,314 >1F50,300 >1F51,300 \
        >1F50,301 >1F51,301 >1F50,342 >1F51,342 1F59>3A5,314 1F5B>1F59,300 1F5D>1F59,301 \
        1F5F>1F59,342 >3C9,313 >3C9,314 >1F60,300 >1F61,300 >1F60,301 >1F61,301 >1F60,342 \
        >1F61,342 >3A9,313 >3A9,314 >1F68,300 >1F69,300 >1F68,301 >1F69,301 >1F68,342 >1F69,342 \
        >3B1,300 >3AC >3B5,300 >3AD >3B7,300 >3AE >3B9,300 >3AF >3BF,300 >3CC >3C5,300 >3CD \
        >3C9,300 >3CE 1F80>1F00,345 >1F01,345 >1F02,345 >1F03,345 >1F04,345 >1F05,345 >1F06,345 \
        >1F07,345 >1F08,345 >1F09,345 >1F0A,345 >1F0B,345 >1F0C,345 >1F0D,345 >1F0E,345 >1F0F,345 \
        >1F20,345 >1F21,345 >1F22,345 >1F23,345 >1F24,345 >1F25,345 >1F26,345 >1F27,345 >1F28,345 \
        >1F29,345 >1F2A,345 >1F2B,345 >1F2C,345 >1F2D,345 >1F2E,345 >1F2F,345 >1F60,345 >1F61,345 \
        >1F62,345 >1F63,345 >1F64,345 >1F65,345 >1F66,345 >1F67,345 >1F68,345 >1F69,345 >1F6A,345 \
        >1F6B,345 >1F6C,345 >1F6D,345 >1F6E,345 >1F6F,345 >3B1,306 >3B1,304 >1F70,345 >3B1,345 \
        >3AC,345 1FB6>3B1,342 >1FB6,345 >391,306 >391,304 >391,300 >386 >391,345 1FBE>3B9 \
        1FC1>A8,342 >1F74,345 >3B7,345 >3AE,345 1FC6>3B7,342 >1FC6,345 >395,300 >388 >397,300 >389 \
        >397,345 >1FBF,300 >1FBF,301 >1FBF,342 >3B9,306 >3B9,304 >3CA,300 >390 1FD6>3B9,342 \
        >3CA,342 >399,306 >399,304 >399,300 >38A 1FDD>1FFE,300 >1FFE,301 >1FFE,342 >3C5,306 \
        >3C5,304 >3CB,300 >3B0 >3C1,313 >3C1,314 >3C5,342 >3CB,342 >3A5,306 >3A5,304 >3A5,300 >38E \
        >3A1,314 >A8,300 >385 >60 1FF2>1F7C,345 >3C9,345 >3CE,345 1FF6>3C9,342 >1FF6,345 >39F,300 \
        >38C >3A9,300 >38F >3A9,345 >B4 2000>2002 >2003 2126>3A9 212A>4B >C5 219A>2190,338 \
        >2192,338 21AE>2194,338 21CD>21D0,338 >21D4,338 >21D2,338 2204>2203,338 2209>2208,338 \
        220C>220B,338 2224>2223,338 2226>2225,338 2241>223C,338 2244>2243,338 2247>2245,338 \
        2249>2248,338 2260>3D,338 2262>2261,338 226D>224D,338 >3C,338 >3E,338 >2264,338 >2265,338 \
        2274>2272,338 >2273,338 2278>2276,338 >2277,338 2280>227A,338 >227B,338 2284>2282,338 \
        >2283,338 2288>2286,338 >2287,338 22AC>22A2,338 >22A8,338 >22A9,338 >22AB,338 \
        22E0>227C,338 >227D,338 >2291,338 >2292,338 22EA>22B2,338 >22B3,338 >22B4,338 >22B5,338 \
        2329>3008 >3009 2ADC!2ADD,338 304C>304B,3099 304E>304D,3099 3050>304F,3099 3052>3051,3099 \
        3054>3053,3099 3056>3055,3099 3058>3057,3099 305A>3059,3099 305C>305B,3099 305E>305D,3099 \
        3060>305F,3099 3062>3061,3099 3065>3064,3099 3067>3066,3099 3069>3068,3099 3070>306F,3099 \
        >306F,309A 3073>3072,3099 >3072,309A 3076>3075,3099 >3075,309A 3079>3078,3099 >3078,309A \
        307C>307B,3099 >307B,309A 3094>3046,3099 309E>309D,3099 30AC>30AB,3099 30AE>30AD,3099 \
        30B0>30AF,3099 30B2>30B1,3099 30B4>30B3,3099 30B6>30B5,3099 30B8>30B7,3099 30BA>30B9,3099 \
        30BC>30BB,3099 30BE>30BD,3099 30C0>30BF,3099 30C2>30C1,3099 30C5>30C4,3099 30C7>30C6,3099 \
        30C9>30C8,3099 30D0>30CF,3099 >30CF,309A 30D3>30D2,3099 >30D2,309A 30D6>30D5,3099 \
        >30D5,309A 30D9>30D8,3099 >30D8,309A 30DC>30DB,3099 >30DB,309A 30F4>30A6,3099 \
        30F7>30EF,3099 >30F0,3099 >30F1,3099 >30F2,3099 30FE>30FD,3099 F900>8C48 >66F4 >8ECA >8CC8 \
        >6ED1 >4E32 >53E5 >9F9C >9F9C >5951 >91D1 >5587 >5948 >61F6 >7669 >7F85 >863F >87BA >88F8 \
        >908F >6A02 >6D1B >70D9 >73DE >843D >916A >99F1 >4E82 >5375 >6B04 >721B >862D >9E1E >5D50 \
        >6FEB >85CD >8964 >62C9 >81D8 >881F >5ECA >6717 >6D6A >72FC >90CE >4F86 >51B7 >52DE >64C4 \
        >6AD3 >7210 >76E7 >8001 >8606 >865C >8DEF >9732 >9B6F >9DFA >788C >797F >7DA0 >83C9 >9304 \
        >9E7F >8AD6 >58DF >5F04 >7C60 >807E >7262 >78CA >8CC2 >96F7 >58D8 >5C62 >6A13 >6DDA >6F0F \
        >7D2F >7E37 >964B >52D2 >808B >51DC >51CC >7A1C >7DBE >83F1 >9675 >8B80 >62CF >6A02 >8AFE \
        >4E39 >5BE7 >6012 >7387 >7570 >5317 >78FB >4FBF >5FA9 >4E0D >6CCC >6578 >7D22 >53C3 >585E \
        >7701 >8449 >8AAA >6BBA >8FB0 >6C88 >62FE >82E5 >63A0 >7565 >4EAE >5169 >51C9 >6881 >7CE7 \
        >826F >8AD2 >91CF >52F5 >5442 >5973 >5EEC >65C5 >6FFE >792A >95AD >9A6A >9E97 >9ECE >529B \
        >66C6 >6B77 >8F62 >5E74 >6190 >6200 >649A >6F23 >7149 >7489 >79CA >7DF4 >806F >8F26 >84EE \
        >9023 >934A >5217 >52A3 >54BD >70C8 >88C2 >8AAA >5EC9 >5FF5 >637B >6BAE >7C3E >7375 >4EE4 \
        >56F9 >5BE7 >5DBA >601C >73B2 >7469 >7F9A >8046 >9234 >96F6 >9748 >9818 >4F8B >79AE >91B4 \
        >96B8 >60E1 >4E86 >50DA >5BEE >5C3F >6599 >6A02 >71CE >7642 >84FC >907C >9F8D >6688 >962E \
        >5289 >677B >67F3 >6D41 >6E9C >7409 >7559 >786B >7D10 >985E >516D >622E >9678 >502B >5D19 \
        >6DEA >8F2A >5F8B >6144 >6817 >7387 >9686 >5229 >540F >5C65 >6613 >674E >68A8 >6CE5 >7406 \
        >75E2 >7F79 >88CF >88E1 >91CC >96E2 >533F >6EBA >541D >71D0 >7498 >85FA >96A3 >9C57 >9E9F \
        >6797 >6DCB >81E8 >7ACB >7B20 >7C92 >72C0 >7099 >8B58 >4EC0 >8336 >523A >5207 >5EA6 >62D3 \
        >7CD6 >5B85 >6D1E >66B4 >8F3B >884C >964D >898B >5ED3 >5140 >55C0 FA10>585A FA12>6674 \
        FA15>51DE >732A >76CA >793C >795E >7965 >798F >9756 >7CBE >7FBD FA20>8612 FA22>8AF8 \
        FA25>9038 >90FD FA2A>98EF >98FC >9928 >9DB4 >90DE >96B7 >4FAE >50E7 >514D >52C9 >52E4 \
        >5351 >559D >5606 >5668 >5840 >58A8 >5C64 >5C6E >6094 >6168 >618E >61F2 >654F >65E2 >6691 \
        >6885 >6D77 >6E1A >6F22 >716E >722B >7422 >7891 >793E >7949 >7948 >7950 >7956 >795D >798D \
        >798E >7A40 >7A81 >7BC0 >7DF4 >7E09 >7E41 >7F72 >8005 >81ED >8279 >8279 >8457 >8910 >8996 \
        >8B01 >8B39 >8CD3 >8D08 >8FB6 >9038 >96E3 >97FF >983B >6075 >242EE >8218 FA70>4E26 >51B5 \
        >5168 >4F80 >5145 >5180 >52C7 >52FA >559D >5555 >5599 >55E2 >585A >58B3 >5944 >5954 >5A62 \
        >5B28 >5ED2 >5ED9 >5F69 >5FAD >60D8 >614E >6108 >618E >6160 >61F2 >6234 >63C4 >641C >6452 \
        >6556 >6674 >6717 >671B >6756 >6B79 >6BBA >6D41 >6EDB >6ECB >6F22 >701E >716E >77A7 >7235 \
        >72AF >732A >7471 >7506 >753B >761D >761F >76CA >76DB >76F4 >774A >7740 >78CC >7AB1 >7BC0 \
        >7C7B >7D5B >7DF4 >7F3E >8005 >8352 >83EF >8779 >8941 >8986 >8996 >8ABF >8AF8 >8ACB >8B01 \
        >8AFE >8AED >8B39 >8B8A >8D08 >8F38 >9072 >9199 >9276 >967C >96E3 >9756 >97DB >97FF >980B \
        >983B >9B12 >9F9C >2284A >22844 >233D5 >3B9D >4018 >4039 >25249 >25CD0 >27ED3 >9F43 >9F8E \
        FB1D!5D9,5B4 FB1F!5F2,5B7 FB2A!5E9,5C1 !5E9,5C2 !FB49,5C1 !FB49,5C2 !5D0,5B7 !5D0,5B8 \
        !5D0,5BC !5D1,5BC !5D2,5BC !5D3,5BC !5D4,5BC !5D5,5BC !5D6,5BC FB38!5D8,5BC !5D9,5BC \
        !5DA,5BC !5DB,5BC !5DC,5BC FB3E!5DE,5BC FB40!5E0,5BC !5E1,5BC FB43!5E3,5BC !5E4,5BC \
        FB46!5E6,5BC !5E7,5BC !5E8,5BC !5E9,5BC !5EA,5BC !5D5,5B9 !5D1,5BF !5DB,5BF !5E4,5BF \
        1109A>11099,110BA 1109C>1109B,110BA 110AB>110A5,110BA 1112E>11131,11127 >11132,11127 \
        1134B>11347,1133E >11347,11357 114BB>114B9,114BA >114B9,114B0 114BE>114B9,114BD \
        115BA>115B8,115AF >115B9,115AF 11938>11935,11930 1D15E!1D157,1D165 !1D158,1D165 \
        !1D15F,1D16E !1D15F,1D16F !1D15F,1D170 !1D15F,1D171 !1D15F,1D172 1D1BB!1D1B9,1D165 \
        !1D1BA,1D165 !1D1BB,1D16E !1D1BC,1D16E !1D1BB,1D16F !1D1BC,1D16F 2F800>4E3D >4E38 >4E41 \
        >20122 >4F60 >4FAE >4FBB >5002 >507A >5099 >50E7 >50CF >349E >2063A >514D >5154 >5164 \
        >5177 >2051C >34B9 >5167 >518D >2054B >5197 >51A4 >4ECC >51AC >51B5 >291DF >51F5 >5203 \
        >34DF >523B >5246 >5272 >5277 >3515 >52C7 >52C9 >52E4 >52FA >5305 >5306 >5317 >5349 >5351 \
        >535A >5373 >537D >537F >537F >537F >20A2C >7070 >53CA >53DF >20B63 >53EB >53F1 >5406 \
        >549E >5438 >5448 >5468 >54A2 >54F6 >5510 >5553 >5563 >5584 >5584 >5599 >55AB >55B3 >55C2 \
        >5716 >5606 >5717 >5651 >5674 >5207 >58EE >57CE >57F4 >580D >578B >5832 >5831 >58AC >214E4 \
        >58F2 >58F7 >5906 >591A >5922 >5962 >216A8 >216EA >59EC >5A1B >5A27 >59D8 >5A66 >36EE \
        >36FC >5B08 >5B3E >5B3E >219C8 >5BC3 >5BD8 >5BE7 >5BF3 >21B18 >5BFF >5C06 >5F53 >5C22 \
        >3781 >5C60 >5C6E >5CC0 >5C8D >21DE4 >5D43 >21DE6 >5D6E >5D6B >5D7C >5DE1 >5DE2 >382F \
        >5DFD >5E28 >5E3D >5E69 >3862 >22183 >387C >5EB0 >5EB3 >5EB6 >5ECA >2A392 >5EFE >22331 \
        >22331 >8201 >5F22 >5F22 >38C7 >232B8 >261DA >5F62 >5F6B >38E3 >5F9A >5FCD >5FD7 >5FF9 \
        >6081 >393A >391C >6094 >226D4 >60C7 >6148 >614C >614E >614C >617A >618E >61B2 >61A4 >61AF \
        >61DE >61F2 >61F6 >6210 >621B >625D >62B1 >62D4 >6350 >22B0C >633D >62FC >6368 >6383 >63E4 \
        >22BF1 >6422 >63C5 >63A9 >3A2E >6469 >647E >649D >6477 >3A6C >654F >656C >2300A >65E3 \
        >66F8 >6649 >3B19 >6691 >3B08 >3AE4 >5192 >5195 >6700 >669C >80AD >43D9 >6717 >671B >6721 \
        >675E >6753 >233C3 >3B49 >67FA >6785 >6852 >6885 >2346D >688E >681F >6914 >3B9D >6942 \
        >69A3 >69EA >6AA8 >236A3 >6ADB >3C18 >6B21 >238A7 >6B54 >3C4E >6B72 >6B9F >6BBA >6BBB \
        >23A8D >21D0B >23AFA >6C4E >23CBC >6CBF >6CCD >6C67 >6D16 >6D3E >6D77 >6D41 >6D69 >6D78 \
        >6D85 >23D1E >6D34 >6E2F >6E6E >3D33 >6ECB >6EC7 >23ED1 >6DF9 >6F6E >23F5E >23F8E >6FC6 \
        >7039 >701E >701B >3D96 >704A >707D >7077 >70AD >20525 >7145 >24263 >719C >243AB >7228 \
        >7235 >7250 >24608 >7280 >7295 >24735 >24814 >737A >738B >3EAC >73A5 >3EB8 >3EB8 >7447 \
        >745C >7471 >7485 >74CA >3F1B >7524 >24C36 >753E >24C92 >7570 >2219F >7610 >24FA1 >24FB8 \
        >25044 >3FFC >4008 >76F4 >250F3 >250F2 >25119 >25133 >771E >771F >771F >774A >4039 >778B \
        >4046 >4096 >2541D >784E >788C >78CC >40E3 >25626 >7956 >2569A >256C5 >798F >79EB >412F \
        >7A40 >7A4A >7A4F >2597C >25AA7 >25AA7 >7AEE >4202 >25BAB >7BC6 >7BC9 >4227 >25C80 >7CD2 \
        >42A0 >7CE8 >7CE3 >7D00 >25F86 >7D63 >4301 >7DC7 >7E02 >7E45 >4334 >26228 >26247 >4359 \
        >262D9 >7F7A >2633E >7F95 >7FFA >8005 >264DA >26523 >8060 >265A8 >8070 >2335F >43D5 >80B2 \
        >8103 >440B >813E >5AB5 >267A7 >267B5 >23393 >2339C >8201 >8204 >8F9E >446B >8291 >828B \
        >829D >52B3 >82B1 >82B3 >82BD >82E6 >26B3C >82E5 >831D >8363 >83AD >8323 >83BD >83E7 >8457 \
        >8353 >83CA >83CC >83DC >26C36 >26D6B >26CD5 >452B >84F1 >84F3 >8516 >273CA >8564 >26F2C \
        >455D >4561 >26FB1 >270D2 >456B >8650 >865C >8667 >8669 >86A9 >8688 >870E >86E2 >8779 \
        >8728 >876B >8786 >45D7 >87E1 >8801 >45F9 >8860 >8863 >27667 >88D7 >88DE >4635 >88FA >34BB \
        >278AE >27966 >46BE >46C7 >8AA0 >8AED >8B8A >8C55 >27CA8 >8CAB >8CC1 >8D1B >8D77 >27F2F \
        >20804 >8DCB >8DBC >8DF0 >208DE >8ED4 >8F38 >285D2 >285ED >9094 >90F1 >9111 >2872E >911B \
        >9238 >92D7 >92D8 >927C >93F9 >9415 >28BFA >958B >4995 >95B7 >28D77 >49E6 >96C3 >5DB2 \
        >9723 >29145 >2921A >4A6E >4A76 >97E0 >2940A >4AB2 >29496 >980B >980B >9829 >295B6 >98E2 \
        >4B33 >9929 >99A7 >99C2 >99FE >4BCE >29B30 >9B12 >9C40 >9CFD >4CCE >4CED >9D67 >2A0CE \
        >4CF8 >2A105 >2A20E >2A291 >9EBB >4D56 >9EF9 >9EFE >9F05 >9F0F >9F16 >9F3B >2A600";

    /// `idnadata.joining_types`: `FIRST[-LAST]:TYPE`.
    pub(super) const JOINING_TYPES: &str = "\
        AD:T 300-36F:T 483-489:T 591-5BD:T 5BF:T 5C1-5C2:T 5C4-5C5:T 5C7-5C9:T 610-61A:T 61C:T \
        620:D 622-625:R 626:D 627:R 628:D 629:R 62A-62E:D 62F-632:R 633-63F:D 640:C 641-647:D \
        648:R 649-64A:D 64B-65F:T 66E-66F:D 670:T 671-673:R 675-677:R 678-687:D 688-699:R \
        69A-6BF:D 6C0:R 6C1-6C2:D 6C3-6CB:R 6CC:D 6CD:R 6CE:D 6CF:R 6D0-6D1:D 6D2-6D3:R 6D5:R \
        6D6-6DC:T 6DF-6E4:T 6E7-6E8:T 6EA-6ED:T 6EE-6EF:R 6FA-6FC:D 6FF:D 70F:T 710:R 711:T \
        712-714:D 715-719:R 71A-71D:D 71E:R 71F-727:D 728:R 729:D 72A:R 72B:D 72C:R 72D-72E:D \
        72F:R 730-74A:T 74D:R 74E-758:D 759-75B:R 75C-76A:D 76B-76C:R 76D-770:D 771:R 772:D \
        773-774:R 775-777:D 778-779:R 77A-77F:D 7A6-7B0:T 7CA-7EA:D 7EB-7F3:T 7FA:C 7FD:T \
        816-819:T 81B-823:T 825-827:T 829-82D:T 840:R 841-845:D 846-847:R 848:D 849:R 84A-853:D \
        854:R 855:D 856-858:R 859-85B:T 860:D 862-865:D 867:R 868:D 869-86A:R 870-882:R 883-885:C \
        886:D 889-88D:D 88E:R 88F:D 897-89F:T 8A0-8A9:D 8AA-8AC:R 8AE:R 8AF-8B0:D 8B1-8B2:R \
        8B3-8B8:D 8B9:R 8BA-8C8:D 8CA-8E1:T 8E3-902:T 93A:T 93C:T 941-948:T 94D:T 951-957:T \
        962-963:T 981:T 9BC:T 9C1-9C4:T 9CD:T 9E2-9E3:T 9FE:T A01-A02:T A3C:T A41-A42:T A47-A48:T \
        A4B-A4D:T A51:T A70-A71:T A75:T A81-A82:T ABC:T AC1-AC5:T AC7-AC8:T ACD:T AE2-AE3:T \
        AFA-AFF:T B01:T B3C:T B3F:T B41-B44:T B4D:T B53-B56:T B62-B63:T B82:T BC0:T BCD:T C00:T \
        C04:T C3C:T C3E-C40:T C46-C48:T C4A-C4D:T C55-C56:T C62-C63:T C81:T CBC:T CBF:T CC6:T \
        CCC-CCD:T CE2-CE3:T D00-D01:T D3B-D3C:T D41-D44:T D4D:T D62-D63:T D81:T DCA:T DD2-DD4:T \
        DD6:T E31:T E34-E3A:T E47-E4E:T EB1:T EB4-EBC:T EC8-ECE:T F18-F19:T F35:T F37:T F39:T \
        F71-F7E:T F80-F84:T F86-F87:T F8D-F97:T F99-FBC:T FC6:T 102D-1030:T 1032-1037:T \
        1039-103A:T 103D-103E:T 1058-1059:T 105E-1060:T 1071-1074:T 1082:T 1085-1086:T 108D:T \
        109D:T 135D-135F:T 1712-1714:T 1732-1733:T 1752-1753:T 1772-1773:T 17B4-17B5:T 17B7-17BD:T \
        17C6:T 17C9-17D3:T 17DD:T 1807:D 180A:C 180B-180D:T 180F:T 1820-1878:D 1885-1886:T \
        1887-18A8:D 18A9:T 18AA:D 1920-1922:T 1927-1928:T 1932:T 1939-193B:T 1A17-1A18:T 1A1B:T \
        1A56:T 1A58-1A5E:T 1A60:T 1A62:T 1A65-1A6C:T 1A73-1A7C:T 1A7F:T 1AB0-1AF0:T 1B00-1B03:T \
        1B34:T 1B36-1B3A:T 1B3C:T 1B42:T 1B6B-1B73:T 1B80-1B81:T 1BA2-1BA5:T 1BA8-1BA9:T \
        1BAB-1BAD:T 1BE6:T 1BE8-1BE9:T 1BED:T 1BEF-1BF1:T 1C2C-1C33:T 1C36-1C37:T 1CD0-1CD2:T \
        1CD4-1CE0:T 1CE2-1CE8:T 1CED:T 1CF4:T 1CF8-1CF9:T 1DC0-1DFF:T 200B:T 200D:C 200E-200F:T \
        202A-202E:T 2060-2064:T 206A-206F:T 20D0-20F0:T 2CEF-2CF1:T 2D7F:T 2DE0-2DFF:T 302A-302D:T \
        3099-309A:T A66F-A672:T A674-A67D:T A69E-A69F:T A6F0-A6F1:T A802:T A806:T A80B:T \
        A825-A826:T A82C:T A840-A871:D A872:L A8C4-A8C5:T A8E0-A8F1:T A8FF:T A926-A92D:T \
        A947-A951:T A980-A982:T A9B3:T A9B6-A9B9:T A9BC-A9BD:T A9E5:T AA29-AA2E:T AA31-AA32:T \
        AA35-AA36:T AA43:T AA4C:T AA7C:T AAB0:T AAB2-AAB4:T AAB7-AAB8:T AABE-AABF:T AAC1:T \
        AAEC-AAED:T AAF6:T ABE5:T ABE8:T ABED:T FB1E:T FE00-FE0F:T FE20-FE2F:T FEFF:T FFF9-FFFB:T \
        101FD:T 102E0:T 10376-1037A:T 10A01-10A03:T 10A05-10A06:T 10A0C-10A0F:T 10A38-10A3A:T \
        10A3F:T 10AC0-10AC4:D 10AC5:R 10AC7:R 10AC9-10ACA:R 10ACD:L 10ACE-10AD2:R 10AD3-10AD6:D \
        10AD7:L 10AD8-10ADC:D 10ADD:R 10ADE-10AE0:D 10AE1:R 10AE4:R 10AE5-10AE6:T 10AEB-10AEE:D \
        10AEF:R 10B80:D 10B81:R 10B82:D 10B83-10B85:R 10B86-10B88:D 10B89:R 10B8A-10B8B:D 10B8C:R \
        10B8D:D 10B8E-10B8F:R 10B90:D 10B91:R 10BA9-10BAC:R 10BAD-10BAE:D 10D00:L 10D01-10D21:D \
        10D22:R 10D23:D 10D24-10D27:T 10D69-10D6D:T 10EAB-10EAC:T 10EC2:R 10EC3-10EC4:D \
        10EC6-10EC7:D 10ECB-10ECF:T 10ED9-10EEE:L 10EF0-10EFF:T 10F30-10F32:D 10F33:R \
        10F34-10F44:D 10F46-10F50:T 10F51-10F53:D 10F54:R 10F70-10F73:D 10F74-10F75:R \
        10F76-10F81:D 10F82-10F85:T 10FB0:D 10FB2-10FB3:D 10FB4-10FB6:R 10FB8:D 10FB9-10FBA:R \
        10FBB-10FBC:D 10FBD:R 10FBE-10FBF:D 10FC1:D 10FC2-10FC3:R 10FC4:D 10FC9:R 10FCA:D 10FCB:L \
        11001:T 11038-11046:T 11070:T 11073-11074:T 1107F-11081:T 110B3-110B6:T 110B9-110BA:T \
        110C2:T 11100-11102:T 11127-1112B:T 1112D-11134:T 11173:T 11180-11181:T 111B6-111BE:T \
        111C9-111CC:T 111CF:T 1122F-11231:T 11234:T 11236-11237:T 1123E:T 11241:T 112DF:T \
        112E3-112EA:T 11300-11301:T 1133B-1133C:T 11340:T 11366-1136C:T 11370-11374:T \
        113BB-113C0:T 113CE:T 113D0:T 113D2:T 113E1-113E2:T 11438-1143F:T 11442-11444:T 11446:T \
        1145E:T 114B3-114B8:T 114BA:T 114BF-114C0:T 114C2-114C3:T 115B2-115B5:T 115BC-115BD:T \
        115BF-115C0:T 115DC-115DD:T 11633-1163A:T 1163D:T 1163F-11640:T 116AB:T 116AD:T \
        116B0-116B5:T 116B7:T 1171D:T 1171F:T 11722-11725:T 11727-1172B:T 1182F-11837:T \
        11839-1183A:T 1193B-1193C:T 1193E:T 11943:T 119D4-119D7:T 119DA-119DB:T 119E0:T \
        11A01-11A0A:T 11A33-11A38:T 11A3B-11A3E:T 11A47:T 11A51-11A56:T 11A59-11A5B:T \
        11A8A-11A96:T 11A98-11A99:T 11B60:T 11B62-11B64:T 11B66:T 11C30-11C36:T 11C38-11C3D:T \
        11C3F:T 11C92-11CA7:T 11CAA-11CB0:T 11CB2-11CB3:T 11CB5-11CB6:T 11D31-11D36:T 11D3A:T \
        11D3C-11D3D:T 11D3F-11D45:T 11D47:T 11D90-11D91:T 11D95:T 11D97:T 11DF0:T 11EF3-11EF4:T \
        11F00-11F01:T 11F36-11F3A:T 11F40:T 11F42:T 11F5A:T 13430-13440:T 13447-13455:T \
        1611E-16129:T 1612D-1612F:T 16AF0-16AF4:T 16B30-16B36:T 16F4F:T 16F8F-16F92:T 16FE4:T \
        1BC9D-1BC9E:T 1BCA0-1BCA3:T 1CF00-1CF2D:T 1CF30-1CF46:T 1D127-1D128:T 1D167-1D169:T \
        1D173-1D182:T 1D185-1D18B:T 1D1AA-1D1AD:T 1D242-1D244:T 1D25B-1D25C:T 1DA00-1DA36:T \
        1DA3B-1DA6C:T 1DA75:T 1DA84:T 1DA9B-1DA9F:T 1DAA1-1DAAF:T 1E000-1E006:T 1E008-1E018:T \
        1E01B-1E021:T 1E023-1E024:T 1E026-1E02A:T 1E08F:T 1E130-1E136:T 1E2AE:T 1E2EC-1E2EF:T \
        1E4EC-1E4EF:T 1E5EE-1E5EF:T 1E6E3:T 1E6E6:T 1E6EE-1E6EF:T 1E6F5:T 1E8D0-1E8D6:T \
        1E900-1E943:D 1E944-1E94B:T E0001:T E0020-E007F:T E0100-E01EF:T";

    /// Non-zero canonical combining classes: `FIRST[-LAST]:CLASS` (class in decimal).
    pub(super) const COMBINING_CLASSES: &str = "\
        300-314:230 315:232 316-319:220 31A:232 31B:216 31C-320:220 321-322:202 323-326:220 \
        327-328:202 329-333:220 334-338:1 339-33C:220 33D-344:230 345:240 346:230 347-349:220 \
        34A-34C:230 34D-34E:220 350-352:230 353-356:220 357:230 358:232 359-35A:220 35B:230 \
        35C:233 35D-35E:234 35F:233 360-361:234 362:233 363-36F:230 483-487:230 591:220 \
        592-595:230 596:220 597-599:230 59A:222 59B:220 59C-5A1:230 5A2-5A7:220 5A8-5A9:230 \
        5AA:220 5AB-5AC:230 5AD:222 5AE:228 5AF:230 5B0:10 5B1:11 5B2:12 5B3:13 5B4:14 5B5:15 \
        5B6:16 5B7:17 5B8:18 5B9-5BA:19 5BB:20 5BC:21 5BD:22 5BF:23 5C1:24 5C2:25 5C4:230 5C5:220 \
        5C7:18 610-617:230 618:30 619:31 61A:32 64B:27 64C:28 64D:29 64E:30 64F:31 650:32 651:33 \
        652:34 653-654:230 655-656:220 657-65B:230 65C:220 65D-65E:230 65F:220 670:35 6D6-6DC:230 \
        6DF-6E2:230 6E3:220 6E4:230 6E7-6E8:230 6EA:220 6EB-6EC:230 6ED:220 711:36 730:230 731:220 \
        732-733:230 734:220 735-736:230 737-739:220 73A:230 73B-73C:220 73D:230 73E:220 \
        73F-741:230 742:220 743:230 744:220 745:230 746:220 747:230 748:220 749-74A:230 \
        7EB-7F1:230 7F2:220 7F3:230 7FD:220 816-819:230 81B-823:230 825-827:230 829-82D:230 \
        859-85B:220 898:230 899-89B:220 89C-89F:230 8CA-8CE:230 8CF-8D3:220 8D4-8E1:230 8E3:220 \
        8E4-8E5:230 8E6:220 8E7-8E8:230 8E9:220 8EA-8EC:230 8ED-8EF:220 8F0:27 8F1:28 8F2:29 \
        8F3-8F5:230 8F6:220 8F7-8F8:230 8F9-8FA:220 8FB-8FF:230 93C:7 94D:9 951:230 952:220 \
        953-954:230 9BC:7 9CD:9 9FE:230 A3C:7 A4D:9 ABC:7 ACD:9 B3C:7 B4D:9 BCD:9 C3C:7 C4D:9 \
        C55:84 C56:91 CBC:7 CCD:9 D3B-D3C:9 D4D:9 DCA:9 E38-E39:103 E3A:9 E48-E4B:107 EB8-EB9:118 \
        EBA:9 EC8-ECB:122 F18-F19:220 F35:220 F37:220 F39:216 F71:129 F72:130 F74:132 F7A-F7D:130 \
        F80:130 F82-F83:230 F84:9 F86-F87:230 FC6:220 1037:7 1039-103A:9 108D:220 135D-135F:230 \
        1714-1715:9 1734:9 17D2:9 17DD:230 18A9:228 1939:222 193A:230 193B:220 1A17:230 1A18:220 \
        1A60:9 1A75-1A7C:230 1A7F:220 1AB0-1AB4:230 1AB5-1ABA:220 1ABB-1ABC:230 1ABD:220 \
        1ABF-1AC0:220 1AC1-1AC2:230 1AC3-1AC4:220 1AC5-1AC9:230 1ACA:220 1ACB-1ACE:230 1B34:7 \
        1B44:9 1B6B:230 1B6C:220 1B6D-1B73:230 1BAA-1BAB:9 1BE6:7 1BF2-1BF3:9 1C37:7 1CD0-1CD2:230 \
        1CD4:1 1CD5-1CD9:220 1CDA-1CDB:230 1CDC-1CDF:220 1CE0:230 1CE2-1CE8:1 1CED:220 1CF4:230 \
        1CF8-1CF9:230 1DC0-1DC1:230 1DC2:220 1DC3-1DC9:230 1DCA:220 1DCB-1DCC:230 1DCD:234 \
        1DCE:214 1DCF:220 1DD0:202 1DD1-1DF5:230 1DF6:232 1DF7-1DF8:228 1DF9:220 1DFA:218 1DFB:230 \
        1DFC:233 1DFD:220 1DFE:230 1DFF:220 20D0-20D1:230 20D2-20D3:1 20D4-20D7:230 20D8-20DA:1 \
        20DB-20DC:230 20E1:230 20E5-20E6:1 20E7:230 20E8:220 20E9:230 20EA-20EB:1 20EC-20EF:220 \
        20F0:230 2CEF-2CF1:230 2D7F:9 2DE0-2DFF:230 302A:218 302B:228 302C:232 302D:222 \
        302E-302F:224 3099-309A:8 A66F:230 A674-A67D:230 A69E-A69F:230 A6F0-A6F1:230 A806:9 A82C:9 \
        A8C4:9 A8E0-A8F1:230 A92B-A92D:220 A953:9 A9B3:7 A9C0:9 AAB0:230 AAB2-AAB3:230 AAB4:220 \
        AAB7-AAB8:230 AABE-AABF:230 AAC1:230 AAF6:9 ABED:9 FB1E:26 FE20-FE26:230 FE27-FE2D:220 \
        FE2E-FE2F:230 101FD:220 102E0:220 10376-1037A:230 10A0D:220 10A0F:230 10A38:230 10A39:1 \
        10A3A:220 10A3F:9 10AE5:230 10AE6:220 10D24-10D27:230 10EAB-10EAC:230 10F46-10F47:220 \
        10F48-10F4A:230 10F4B:220 10F4C:230 10F4D-10F50:220 10F82:230 10F83:220 10F84:230 \
        10F85:220 11046:9 11070:9 1107F:9 110B9:9 110BA:7 11100-11102:230 11133-11134:9 11173:7 \
        111C0:9 111CA:7 11235:9 11236:7 112E9:7 112EA:9 1133B-1133C:7 1134D:9 11366-1136C:230 \
        11370-11374:230 11442:9 11446:7 1145E:230 114C2:9 114C3:7 115BF:9 115C0:7 1163F:9 116B6:9 \
        116B7:7 1172B:9 11839:9 1183A:7 1193D-1193E:9 11943:7 119E0:9 11A34:9 11A47:9 11A99:9 \
        11C3F:9 11D42:7 11D44-11D45:9 11D97:9 16AF0-16AF4:1 16B30-16B36:230 16FF0-16FF1:6 1BC9E:1 \
        1D165-1D166:216 1D167-1D169:1 1D16D:226 1D16E-1D172:216 1D17B-1D182:220 1D185-1D189:230 \
        1D18A-1D18B:220 1D1AA-1D1AD:230 1D242-1D244:230 1E000-1E006:230 1E008-1E018:230 \
        1E01B-1E021:230 1E023-1E024:230 1E026-1E02A:230 1E130-1E136:230 1E2AE:230 1E2EC-1E2EF:230 \
        1E8D0-1E8D6:220 1E944-1E949:230 1E94A:7";

    /// Bidi classes of the code points an IDNA label can hold (ASCII, PVALID, CONTEXTJ, CONTEXTO),
    /// as `FIRST:CLASS` runs: `?` is unassigned in Unicode 14.0 (no class), `X` any class not used by
    /// the Bidi Rule. Code points outside those sets take the class of the run they fall in.
    pub(super) const BIDI_CLASSES: &str = "\
        0:BN 9:X E:BN 1C:X 21:ON 23:ET 26:ON 2B:ES 2C:CS 2D:ES 2E:CS 30:EN 3A:CS 3B:ON 41:L 5B:ON \
        61:L 7B:ON 7F:BN B7:ON DF:L 2B9:ON 2BB:L 2C6:ON 2D0:L 2EC:ON 2EE:L 300:NSM 371:L 375:ON \
        377:L 483:NSM 48B:L 591:NSM 5C8:? 5D0:R 610:NSM 620:AL 64B:NSM 660:AN 66E:AL 670:NSM \
        671:AL 6D6:NSM 6E5:AL 6E7:NSM 6EE:AL 6F0:EN 6FA:AL 711:NSM 712:AL 730:NSM 74D:AL 7A6:NSM \
        7B1:AL 7C0:R 7EB:NSM 7F4:R 7FD:NSM 800:R 816:NSM 81A:R 81B:NSM 824:R 825:NSM 828:R 829:NSM \
        840:R 859:NSM 860:AL 88F:? 898:NSM 8A0:AL 8CA:NSM 903:L 93A:NSM 93B:L 93C:NSM 93D:L \
        941:NSM 949:L 94D:NSM 94E:L 951:NSM 960:L 962:NSM 966:L 981:NSM 982:L 9BC:NSM 9BD:L \
        9C1:NSM 9C7:L 9CD:NSM 9CE:L 9E2:NSM 9E6:L 9FE:NSM A03:L A3C:NSM A3E:L A41:NSM A5C:L \
        A70:NSM A72:L A75:NSM A83:L ABC:NSM ABD:L AC1:NSM AC9:L ACD:NSM AD0:L AE2:NSM AE6:L \
        AFA:NSM B02:L B3C:NSM B3D:L B3F:NSM B40:L B41:NSM B47:L B4D:NSM B53:? B55:NSM B57:L \
        B62:NSM B66:L B82:NSM B83:L BC0:NSM BC1:L BCD:NSM BD0:L C00:NSM C01:L C04:NSM C05:L \
        C3C:NSM C3D:L C3E:NSM C41:L C46:NSM C58:L C5C:? C5D:L C62:NSM C66:L C81:NSM C82:L CBC:NSM \
        CBD:L CCC:NSM CD5:L CDC:? CDD:L CE2:NSM CE6:L CF3:? D00:NSM D02:L D3B:NSM D3D:L D41:NSM \
        D46:L D4D:NSM D4E:L D62:NSM D66:L D81:NSM D82:L DCA:NSM DCF:L DD2:NSM DD8:L E31:NSM E32:L \
        E34:NSM E40:L E47:NSM E50:L EB1:NSM EB2:L EB4:NSM EBD:L EC8:NSM ECE:? ED0:L F18:NSM F20:L \
        F35:NSM F3E:L F71:NSM F7F:L F80:NSM F88:L F8D:NSM 1000:L 102D:NSM 1031:L 1032:NSM 1038:L \
        1039:NSM 103B:L 103D:NSM 103F:L 1058:NSM 105A:L 105E:NSM 1061:L 1071:NSM 1075:L 1082:NSM \
        1083:L 1085:NSM 1087:L 108D:NSM 108E:L 109D:NSM 10D0:L 135D:NSM 1380:L 1712:NSM 1715:L \
        1732:NSM 1734:L 1752:NSM 1760:L 1772:NSM 1780:L 17B7:NSM 17BE:L 17C6:NSM 17C7:L 17C9:NSM \
        17D7:L 17DD:NSM 17E0:L 1885:NSM 1887:L 18A9:NSM 18AA:L 1920:NSM 1923:L 1927:NSM 1929:L \
        1932:NSM 1933:L 1939:NSM 1946:L 1A17:NSM 1A19:L 1A1B:NSM 1A20:L 1A56:NSM 1A57:L 1A58:NSM \
        1A61:L 1A62:NSM 1A63:L 1A65:NSM 1A6D:L 1A73:NSM 1A80:L 1AB0:NSM 1ACF:? 1B00:NSM 1B04:L \
        1B34:NSM 1B35:L 1B36:NSM 1B3B:L 1B3C:NSM 1B3D:L 1B42:NSM 1B43:L 1B6B:NSM 1B82:L 1BA2:NSM \
        1BA6:L 1BA8:NSM 1BAA:L 1BAB:NSM 1BAE:L 1BE6:NSM 1BE7:L 1BE8:NSM 1BEA:L 1BED:NSM 1BEE:L \
        1BEF:NSM 1BF2:L 1C2C:NSM 1C34:L 1C36:NSM 1C40:L 1C8A:? 1CD0:NSM 1CE1:L 1CE2:NSM 1CE9:L \
        1CED:NSM 1CEE:L 1CF4:NSM 1CF5:L 1CF8:NSM 1CFA:L 1DC0:NSM 1E01:L 200C:BN 208F:? 214E:L \
        2CEF:NSM 2CF3:L 2D7F:NSM 2D80:L 2DE0:NSM 2E2F:ON 3005:L 302A:NSM 303C:L 3099:NSM 309D:L \
        30FB:ON 30FC:L A66F:NSM A67F:ON A681:L A69E:NSM A6A0:L A6F0:NSM A717:ON A723:L A788:ON \
        A78C:L A7CD:? A7D1:L A7DB:? A7F6:L A802:NSM A803:L A806:NSM A807:L A80B:NSM A80C:L \
        A825:NSM A827:L A82C:NSM A840:L A8C4:NSM A8D0:L A8E0:NSM A8F2:L A8FF:NSM A900:L A926:NSM \
        A930:L A947:NSM A952:L A980:NSM A983:L A9B3:NSM A9B4:L A9B6:NSM A9BA:L A9BC:NSM A9BE:L \
        A9E5:NSM A9E6:L AA29:NSM AA2F:L AA31:NSM AA33:L AA35:NSM AA40:L AA43:NSM AA44:L AA4C:NSM \
        AA4D:L AA7C:NSM AA7D:L AAB0:NSM AAB1:L AAB2:NSM AAB5:L AAB7:NSM AAB9:L AABE:NSM AAC0:L \
        AAC1:NSM AAC2:L AAEC:NSM AAEE:L AAF6:NSM AB01:L ABE5:NSM ABE6:L ABE8:NSM ABE9:L ABED:NSM \
        ABF0:L FB1E:NSM FE73:AL 10000:L 101FD:NSM 10280:L 102E0:NSM 10300:L 10376:NSM 10380:L \
        105C0:? 10600:L 10800:R 10940:? 10980:R 10A01:NSM 10A10:R 10A38:NSM 10A60:R 10AE5:NSM \
        10B00:R 10D00:AL 10D24:NSM 10D30:AN 10D40:? 10E80:R 10EAB:NSM 10EB0:R 10EC2:? 10F00:R \
        10F30:AL 10F46:NSM 10F70:R 10F82:NSM 10FB0:R 11000:L 11001:NSM 11002:L 11038:NSM 11066:L \
        11070:NSM 11071:L 11073:NSM 11075:L 1107F:NSM 11082:L 110B3:NSM 110B7:L 110B9:NSM 110D0:L \
        11100:NSM 11103:L 11127:NSM 1112C:L 1112D:NSM 11136:L 11173:NSM 11176:L 11180:NSM 11182:L \
        111B6:NSM 111BF:L 111C9:NSM 111CE:L 111CF:NSM 111D0:L 1122F:NSM 11232:L 11234:NSM 11235:L \
        11236:NSM 1123F:? 11280:L 112DF:NSM 112E0:L 112E3:NSM 112F0:L 11300:NSM 11302:L 1133B:NSM \
        1133D:L 11340:NSM 11341:L 11366:NSM 11380:? 11400:L 11438:NSM 11440:L 11442:NSM 11445:L \
        11446:NSM 11447:L 1145E:NSM 1145F:L 114B3:NSM 114B9:L 114BA:NSM 114BB:L 114BF:NSM 114C1:L \
        114C2:NSM 114C4:L 115B2:NSM 115B8:L 115BC:NSM 115BE:L 115BF:NSM 115D8:L 115DC:NSM 11600:L \
        11633:NSM 1163B:L 1163D:NSM 1163E:L 1163F:NSM 11644:L 116AB:NSM 116AC:L 116AD:NSM 116AE:L \
        116B0:NSM 116B6:L 116B7:NSM 116B8:L 116D0:? 11700:L 1171D:NSM 11720:L 11722:NSM 11726:L \
        11727:NSM 11730:L 1182F:NSM 11838:L 11839:NSM 118C0:L 1193B:NSM 1193D:L 1193E:NSM 1193F:L \
        11943:NSM 11950:L 119D4:NSM 119DC:L 119E0:NSM 119E1:L 11A01:NSM 11A07:L 11A09:NSM 11A0B:L \
        11A33:NSM 11A39:L 11A3B:NSM 11A50:L 11A51:NSM 11A57:L 11A59:NSM 11A5C:L 11A8A:NSM 11A97:L \
        11A98:NSM 11A9D:L 11B0A:? 11C00:L 11C30:NSM 11C3E:L 11C92:NSM 11CA9:L 11CAA:NSM 11CB1:L \
        11CB2:NSM 11CB4:L 11CB5:NSM 11D00:L 11D31:NSM 11D46:L 11D47:NSM 11D50:L 11D90:NSM 11D93:L \
        11D95:NSM 11D96:L 11D97:NSM 11D98:L 11DB0:? 11EE0:L 11EF3:NSM 11EF5:L 11F00:? 11FB0:L \
        1342F:? 14400:L 16100:? 16800:L 16AF0:NSM 16B00:L 16B30:NSM 16B40:L 16D40:? 16E60:L \
        16EBB:? 16F00:L 16F4F:NSM 16F50:L 16F8F:NSM 16F93:L 16FE4:NSM 16FF0:L 16FF2:? 17000:L \
        187F8:? 18800:L 18CD6:? 18D00:L 18D09:? 1AFF0:L 1B127:? 1B150:L 1B155:? 1B164:L 1B168:? \
        1B170:L 1BC9D:NSM 1D250:? 1DA00:NSM 1DF00:L 1DF1F:? 1E000:NSM 1E08F:? 1E100:L 1E130:NSM \
        1E137:L 1E2AE:NSM 1E2C0:L 1E2EC:NSM 1E2F0:L 1E4D0:? 1E7E0:L 1E800:R 1E8D0:NSM 1E922:R \
        1E944:NSM 1E94B:R 20000:L 2B739:? 2B740:L 2B81E:? 2B820:L 2CEA2:? 2CEB0:L 2EBF0:? 30000:L \
        31350:?";

    /// `unicodedata.name` of the space, separator and format characters (`Zs`, `Zl`, `Zp`, `Cf`) and
    /// of the marks of the combining diacritical marks blocks, as `HEX NAME` separated by `;`, with
    /// `*` standing for `COMBINING ` and `^` for `TAG LATIN `.
    pub(super) const NAMES: &str = "\
        20 SPACE;A0 NO-BREAK SPACE;AD SOFT HYPHEN;300 *GRAVE ACCENT;301 *ACUTE ACCENT;302 \
        *CIRCUMFLEX ACCENT;303 *TILDE;304 *MACRON;305 *OVERLINE;306 *BREVE;307 *DOT ABOVE;308 \
        *DIAERESIS;309 *HOOK ABOVE;30A *RING ABOVE;30B *DOUBLE ACUTE ACCENT;30C *CARON;30D \
        *VERTICAL LINE ABOVE;30E *DOUBLE VERTICAL LINE ABOVE;30F *DOUBLE GRAVE ACCENT;310 \
        *CANDRABINDU;311 *INVERTED BREVE;312 *TURNED COMMA ABOVE;313 *COMMA ABOVE;314 *REVERSED \
        COMMA ABOVE;315 *COMMA ABOVE RIGHT;316 *GRAVE ACCENT BELOW;317 *ACUTE ACCENT BELOW;318 \
        *LEFT TACK BELOW;319 *RIGHT TACK BELOW;31A *LEFT ANGLE ABOVE;31B *HORN;31C *LEFT HALF RING \
        BELOW;31D *UP TACK BELOW;31E *DOWN TACK BELOW;31F *PLUS SIGN BELOW;320 *MINUS SIGN \
        BELOW;321 *PALATALIZED HOOK BELOW;322 *RETROFLEX HOOK BELOW;323 *DOT BELOW;324 *DIAERESIS \
        BELOW;325 *RING BELOW;326 *COMMA BELOW;327 *CEDILLA;328 *OGONEK;329 *VERTICAL LINE \
        BELOW;32A *BRIDGE BELOW;32B *INVERTED DOUBLE ARCH BELOW;32C *CARON BELOW;32D *CIRCUMFLEX \
        ACCENT BELOW;32E *BREVE BELOW;32F *INVERTED BREVE BELOW;330 *TILDE BELOW;331 *MACRON \
        BELOW;332 *LOW LINE;333 *DOUBLE LOW LINE;334 *TILDE OVERLAY;335 *SHORT STROKE OVERLAY;336 \
        *LONG STROKE OVERLAY;337 *SHORT SOLIDUS OVERLAY;338 *LONG SOLIDUS OVERLAY;339 *RIGHT HALF \
        RING BELOW;33A *INVERTED BRIDGE BELOW;33B *SQUARE BELOW;33C *SEAGULL BELOW;33D *X \
        ABOVE;33E *VERTICAL TILDE;33F *DOUBLE OVERLINE;340 *GRAVE TONE MARK;341 *ACUTE TONE \
        MARK;342 *GREEK PERISPOMENI;343 *GREEK KORONIS;344 *GREEK DIALYTIKA TONOS;345 *GREEK \
        YPOGEGRAMMENI;346 *BRIDGE ABOVE;347 *EQUALS SIGN BELOW;348 *DOUBLE VERTICAL LINE BELOW;349 \
        *LEFT ANGLE BELOW;34A *NOT TILDE ABOVE;34B *HOMOTHETIC ABOVE;34C *ALMOST EQUAL TO \
        ABOVE;34D *LEFT RIGHT ARROW BELOW;34E *UPWARDS ARROW BELOW;34F *GRAPHEME JOINER;350 *RIGHT \
        ARROWHEAD ABOVE;351 *LEFT HALF RING ABOVE;352 *FERMATA;353 *X BELOW;354 *LEFT ARROWHEAD \
        BELOW;355 *RIGHT ARROWHEAD BELOW;356 *RIGHT ARROWHEAD AND UP ARROWHEAD BELOW;357 *RIGHT \
        HALF RING ABOVE;358 *DOT ABOVE RIGHT;359 *ASTERISK BELOW;35A *DOUBLE RING BELOW;35B \
        *ZIGZAG ABOVE;35C *DOUBLE BREVE BELOW;35D *DOUBLE BREVE;35E *DOUBLE MACRON;35F *DOUBLE \
        MACRON BELOW;360 *DOUBLE TILDE;361 *DOUBLE INVERTED BREVE;362 *DOUBLE RIGHTWARDS ARROW \
        BELOW;363 *LATIN SMALL LETTER A;364 *LATIN SMALL LETTER E;365 *LATIN SMALL LETTER I;366 \
        *LATIN SMALL LETTER O;367 *LATIN SMALL LETTER U;368 *LATIN SMALL LETTER C;369 *LATIN SMALL \
        LETTER D;36A *LATIN SMALL LETTER H;36B *LATIN SMALL LETTER M;36C *LATIN SMALL LETTER R;36D \
        *LATIN SMALL LETTER T;36E *LATIN SMALL LETTER V;36F *LATIN SMALL LETTER X;600 ARABIC \
        NUMBER SIGN;601 ARABIC SIGN SANAH;602 ARABIC FOOTNOTE MARKER;603 ARABIC SIGN SAFHA;604 \
        ARABIC SIGN SAMVAT;605 ARABIC NUMBER MARK ABOVE;61C ARABIC LETTER MARK;6DD ARABIC END OF \
        AYAH;70F SYRIAC ABBREVIATION MARK;890 ARABIC POUND MARK ABOVE;891 ARABIC PIASTRE MARK \
        ABOVE;8E2 ARABIC DISPUTED END OF AYAH;1680 OGHAM SPACE MARK;180E MONGOLIAN VOWEL \
        SEPARATOR;1AB0 *DOUBLED CIRCUMFLEX ACCENT;1AB1 *DIAERESIS-RING;1AB2 *INFINITY;1AB3 \
        *DOWNWARDS ARROW;1AB4 *TRIPLE DOT;1AB5 *X-X BELOW;1AB6 *WIGGLY LINE BELOW;1AB7 *OPEN MARK \
        BELOW;1AB8 *DOUBLE OPEN MARK BELOW;1AB9 *LIGHT CENTRALIZATION STROKE BELOW;1ABA *STRONG \
        CENTRALIZATION STROKE BELOW;1ABB *PARENTHESES ABOVE;1ABC *DOUBLE PARENTHESES ABOVE;1ABD \
        *PARENTHESES BELOW;1ABE *PARENTHESES OVERLAY;1ABF *LATIN SMALL LETTER W BELOW;1AC0 *LATIN \
        SMALL LETTER TURNED W BELOW;1AC1 *LEFT PARENTHESIS ABOVE LEFT;1AC2 *RIGHT PARENTHESIS \
        ABOVE RIGHT;1AC3 *LEFT PARENTHESIS BELOW LEFT;1AC4 *RIGHT PARENTHESIS BELOW RIGHT;1AC5 \
        *SQUARE BRACKETS ABOVE;1AC6 *NUMBER SIGN ABOVE;1AC7 *INVERTED DOUBLE ARCH ABOVE;1AC8 *PLUS \
        SIGN ABOVE;1AC9 *DOUBLE PLUS SIGN ABOVE;1ACA *DOUBLE PLUS SIGN BELOW;1ACB *TRIPLE ACUTE \
        ACCENT;1ACC *LATIN SMALL LETTER INSULAR G;1ACD *LATIN SMALL LETTER INSULAR R;1ACE *LATIN \
        SMALL LETTER INSULAR T;1DC0 *DOTTED GRAVE ACCENT;1DC1 *DOTTED ACUTE ACCENT;1DC2 *SNAKE \
        BELOW;1DC3 *SUSPENSION MARK;1DC4 *MACRON-ACUTE;1DC5 *GRAVE-MACRON;1DC6 *MACRON-GRAVE;1DC7 \
        *ACUTE-MACRON;1DC8 *GRAVE-ACUTE-GRAVE;1DC9 *ACUTE-GRAVE-ACUTE;1DCA *LATIN SMALL LETTER R \
        BELOW;1DCB *BREVE-MACRON;1DCC *MACRON-BREVE;1DCD *DOUBLE CIRCUMFLEX ABOVE;1DCE *OGONEK \
        ABOVE;1DCF *ZIGZAG BELOW;1DD0 *IS BELOW;1DD1 *UR ABOVE;1DD2 *US ABOVE;1DD3 *LATIN SMALL \
        LETTER FLATTENED OPEN A ABOVE;1DD4 *LATIN SMALL LETTER AE;1DD5 *LATIN SMALL LETTER AO;1DD6 \
        *LATIN SMALL LETTER AV;1DD7 *LATIN SMALL LETTER C CEDILLA;1DD8 *LATIN SMALL LETTER INSULAR \
        D;1DD9 *LATIN SMALL LETTER ETH;1DDA *LATIN SMALL LETTER G;1DDB *LATIN LETTER SMALL CAPITAL \
        G;1DDC *LATIN SMALL LETTER K;1DDD *LATIN SMALL LETTER L;1DDE *LATIN LETTER SMALL CAPITAL \
        L;1DDF *LATIN LETTER SMALL CAPITAL M;1DE0 *LATIN SMALL LETTER N;1DE1 *LATIN LETTER SMALL \
        CAPITAL N;1DE2 *LATIN LETTER SMALL CAPITAL R;1DE3 *LATIN SMALL LETTER R ROTUNDA;1DE4 \
        *LATIN SMALL LETTER S;1DE5 *LATIN SMALL LETTER LONG S;1DE6 *LATIN SMALL LETTER Z;1DE7 \
        *LATIN SMALL LETTER ALPHA;1DE8 *LATIN SMALL LETTER B;1DE9 *LATIN SMALL LETTER BETA;1DEA \
        *LATIN SMALL LETTER SCHWA;1DEB *LATIN SMALL LETTER F;1DEC *LATIN SMALL LETTER L WITH \
        DOUBLE MIDDLE TILDE;1DED *LATIN SMALL LETTER O WITH LIGHT CENTRALIZATION STROKE;1DEE \
        *LATIN SMALL LETTER P;1DEF *LATIN SMALL LETTER ESH;1DF0 *LATIN SMALL LETTER U WITH LIGHT \
        CENTRALIZATION STROKE;1DF1 *LATIN SMALL LETTER W;1DF2 *LATIN SMALL LETTER A WITH \
        DIAERESIS;1DF3 *LATIN SMALL LETTER O WITH DIAERESIS;1DF4 *LATIN SMALL LETTER U WITH \
        DIAERESIS;1DF5 *UP TACK ABOVE;1DF6 *KAVYKA ABOVE RIGHT;1DF7 *KAVYKA ABOVE LEFT;1DF8 *DOT \
        ABOVE LEFT;1DF9 *WIDE INVERTED BRIDGE BELOW;1DFA *DOT BELOW LEFT;1DFB *DELETION MARK;1DFC \
        *DOUBLE INVERTED BREVE BELOW;1DFD *ALMOST EQUAL TO BELOW;1DFE *LEFT ARROWHEAD ABOVE;1DFF \
        *RIGHT ARROWHEAD AND DOWN ARROWHEAD BELOW;2000 EN QUAD;2001 EM QUAD;2002 EN SPACE;2003 EM \
        SPACE;2004 THREE-PER-EM SPACE;2005 FOUR-PER-EM SPACE;2006 SIX-PER-EM SPACE;2007 FIGURE \
        SPACE;2008 PUNCTUATION SPACE;2009 THIN SPACE;200A HAIR SPACE;200B ZERO WIDTH SPACE;200C \
        ZERO WIDTH NON-JOINER;200D ZERO WIDTH JOINER;200E LEFT-TO-RIGHT MARK;200F RIGHT-TO-LEFT \
        MARK;2028 LINE SEPARATOR;2029 PARAGRAPH SEPARATOR;202A LEFT-TO-RIGHT EMBEDDING;202B \
        RIGHT-TO-LEFT EMBEDDING;202C POP DIRECTIONAL FORMATTING;202D LEFT-TO-RIGHT OVERRIDE;202E \
        RIGHT-TO-LEFT OVERRIDE;202F NARROW NO-BREAK SPACE;205F MEDIUM MATHEMATICAL SPACE;2060 WORD \
        JOINER;2061 FUNCTION APPLICATION;2062 INVISIBLE TIMES;2063 INVISIBLE SEPARATOR;2064 \
        INVISIBLE PLUS;2066 LEFT-TO-RIGHT ISOLATE;2067 RIGHT-TO-LEFT ISOLATE;2068 FIRST STRONG \
        ISOLATE;2069 POP DIRECTIONAL ISOLATE;206A INHIBIT SYMMETRIC SWAPPING;206B ACTIVATE \
        SYMMETRIC SWAPPING;206C INHIBIT ARABIC FORM SHAPING;206D ACTIVATE ARABIC FORM SHAPING;206E \
        NATIONAL DIGIT SHAPES;206F NOMINAL DIGIT SHAPES;20D0 *LEFT HARPOON ABOVE;20D1 *RIGHT \
        HARPOON ABOVE;20D2 *LONG VERTICAL LINE OVERLAY;20D3 *SHORT VERTICAL LINE OVERLAY;20D4 \
        *ANTICLOCKWISE ARROW ABOVE;20D5 *CLOCKWISE ARROW ABOVE;20D6 *LEFT ARROW ABOVE;20D7 *RIGHT \
        ARROW ABOVE;20D8 *RING OVERLAY;20D9 *CLOCKWISE RING OVERLAY;20DA *ANTICLOCKWISE RING \
        OVERLAY;20DB *THREE DOTS ABOVE;20DC *FOUR DOTS ABOVE;20DD *ENCLOSING CIRCLE;20DE \
        *ENCLOSING SQUARE;20DF *ENCLOSING DIAMOND;20E0 *ENCLOSING CIRCLE BACKSLASH;20E1 *LEFT \
        RIGHT ARROW ABOVE;20E2 *ENCLOSING SCREEN;20E3 *ENCLOSING KEYCAP;20E4 *ENCLOSING UPWARD \
        POINTING TRIANGLE;20E5 *REVERSE SOLIDUS OVERLAY;20E6 *DOUBLE VERTICAL STROKE OVERLAY;20E7 \
        *ANNUITY SYMBOL;20E8 *TRIPLE UNDERDOT;20E9 *WIDE BRIDGE ABOVE;20EA *LEFTWARDS ARROW \
        OVERLAY;20EB *LONG DOUBLE SOLIDUS OVERLAY;20EC *RIGHTWARDS HARPOON WITH BARB \
        DOWNWARDS;20ED *LEFTWARDS HARPOON WITH BARB DOWNWARDS;20EE *LEFT ARROW BELOW;20EF *RIGHT \
        ARROW BELOW;20F0 *ASTERISK ABOVE;3000 IDEOGRAPHIC SPACE;FE20 *LIGATURE LEFT HALF;FE21 \
        *LIGATURE RIGHT HALF;FE22 *DOUBLE TILDE LEFT HALF;FE23 *DOUBLE TILDE RIGHT HALF;FE24 \
        *MACRON LEFT HALF;FE25 *MACRON RIGHT HALF;FE26 *CONJOINING MACRON;FE27 *LIGATURE LEFT HALF \
        BELOW;FE28 *LIGATURE RIGHT HALF BELOW;FE29 *TILDE LEFT HALF BELOW;FE2A *TILDE RIGHT HALF \
        BELOW;FE2B *MACRON LEFT HALF BELOW;FE2C *MACRON RIGHT HALF BELOW;FE2D *CONJOINING MACRON \
        BELOW;FE2E *CYRILLIC TITLO LEFT HALF;FE2F *CYRILLIC TITLO RIGHT HALF;FEFF ZERO WIDTH \
        NO-BREAK SPACE;FFF9 INTERLINEAR ANNOTATION ANCHOR;FFFA INTERLINEAR ANNOTATION \
        SEPARATOR;FFFB INTERLINEAR ANNOTATION TERMINATOR;110BD KAITHI NUMBER SIGN;110CD KAITHI \
        NUMBER SIGN ABOVE;13430 EGYPTIAN HIEROGLYPH VERTICAL JOINER;13431 EGYPTIAN HIEROGLYPH \
        HORIZONTAL JOINER;13432 EGYPTIAN HIEROGLYPH INSERT AT TOP START;13433 EGYPTIAN HIEROGLYPH \
        INSERT AT BOTTOM START;13434 EGYPTIAN HIEROGLYPH INSERT AT TOP END;13435 EGYPTIAN \
        HIEROGLYPH INSERT AT BOTTOM END;13436 EGYPTIAN HIEROGLYPH OVERLAY MIDDLE;13437 EGYPTIAN \
        HIEROGLYPH BEGIN SEGMENT;13438 EGYPTIAN HIEROGLYPH END SEGMENT;1BCA0 SHORTHAND FORMAT \
        LETTER OVERLAP;1BCA1 SHORTHAND FORMAT CONTINUING OVERLAP;1BCA2 SHORTHAND FORMAT DOWN \
        STEP;1BCA3 SHORTHAND FORMAT UP STEP;1D173 MUSICAL SYMBOL BEGIN BEAM;1D174 MUSICAL SYMBOL \
        END BEAM;1D175 MUSICAL SYMBOL BEGIN TIE;1D176 MUSICAL SYMBOL END TIE;1D177 MUSICAL SYMBOL \
        BEGIN SLUR;1D178 MUSICAL SYMBOL END SLUR;1D179 MUSICAL SYMBOL BEGIN PHRASE;1D17A MUSICAL \
        SYMBOL END PHRASE;E0001 LANGUAGE TAG;E0020 TAG SPACE;E0021 TAG EXCLAMATION MARK;E0022 TAG \
        QUOTATION MARK;E0023 TAG NUMBER SIGN;E0024 TAG DOLLAR SIGN;E0025 TAG PERCENT SIGN;E0026 \
        TAG AMPERSAND;E0027 TAG APOSTROPHE;E0028 TAG LEFT PARENTHESIS;E0029 TAG RIGHT \
        PARENTHESIS;E002A TAG ASTERISK;E002B TAG PLUS SIGN;E002C TAG COMMA;E002D TAG \
        HYPHEN-MINUS;E002E TAG FULL STOP;E002F TAG SOLIDUS;E0030 TAG DIGIT ZERO;E0031 TAG DIGIT \
        ONE;E0032 TAG DIGIT TWO;E0033 TAG DIGIT THREE;E0034 TAG DIGIT FOUR;E0035 TAG DIGIT \
        FIVE;E0036 TAG DIGIT SIX;E0037 TAG DIGIT SEVEN;E0038 TAG DIGIT EIGHT;E0039 TAG DIGIT \
        NINE;E003A TAG COLON;E003B TAG SEMICOLON;E003C TAG LESS-THAN SIGN;E003D TAG EQUALS \
        SIGN;E003E TAG GREATER-THAN SIGN;E003F TAG QUESTION MARK;E0040 TAG COMMERCIAL AT;E0041 \
        ^CAPITAL LETTER A;E0042 ^CAPITAL LETTER B;E0043 ^CAPITAL LETTER C;E0044 ^CAPITAL LETTER \
        D;E0045 ^CAPITAL LETTER E;E0046 ^CAPITAL LETTER F;E0047 ^CAPITAL LETTER G;E0048 ^CAPITAL \
        LETTER H;E0049 ^CAPITAL LETTER I;E004A ^CAPITAL LETTER J;E004B ^CAPITAL LETTER K;E004C \
        ^CAPITAL LETTER L;E004D ^CAPITAL LETTER M;E004E ^CAPITAL LETTER N;E004F ^CAPITAL LETTER \
        O;E0050 ^CAPITAL LETTER P;E0051 ^CAPITAL LETTER Q;E0052 ^CAPITAL LETTER R;E0053 ^CAPITAL \
        LETTER S;E0054 ^CAPITAL LETTER T;E0055 ^CAPITAL LETTER U;E0056 ^CAPITAL LETTER V;E0057 \
        ^CAPITAL LETTER W;E0058 ^CAPITAL LETTER X;E0059 ^CAPITAL LETTER Y;E005A ^CAPITAL LETTER \
        Z;E005B TAG LEFT SQUARE BRACKET;E005C TAG REVERSE SOLIDUS;E005D TAG RIGHT SQUARE \
        BRACKET;E005E TAG CIRCUMFLEX ACCENT;E005F TAG LOW LINE;E0060 TAG GRAVE ACCENT;E0061 ^SMALL \
        LETTER A;E0062 ^SMALL LETTER B;E0063 ^SMALL LETTER C;E0064 ^SMALL LETTER D;E0065 ^SMALL \
        LETTER E;E0066 ^SMALL LETTER F;E0067 ^SMALL LETTER G;E0068 ^SMALL LETTER H;E0069 ^SMALL \
        LETTER I;E006A ^SMALL LETTER J;E006B ^SMALL LETTER K;E006C ^SMALL LETTER L;E006D ^SMALL \
        LETTER M;E006E ^SMALL LETTER N;E006F ^SMALL LETTER O;E0070 ^SMALL LETTER P;E0071 ^SMALL \
        LETTER Q;E0072 ^SMALL LETTER R;E0073 ^SMALL LETTER S;E0074 ^SMALL LETTER T;E0075 ^SMALL \
        LETTER U;E0076 ^SMALL LETTER V;E0077 ^SMALL LETTER W;E0078 ^SMALL LETTER X;E0079 ^SMALL \
        LETTER Y;E007A ^SMALL LETTER Z;E007B TAG LEFT CURLY BRACKET;E007C TAG VERTICAL LINE;E007D \
        TAG RIGHT CURLY BRACKET;E007E TAG TILDE;E007F CANCEL TAG";
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIX: &str = "value is not a valid email address: ";

    proptest::proptest! {
        /// The shortcut accepts only addresses that the whole port accepts.
        #[test]
        fn plainly_valid_addresses_are_valid(
            local in "[a-zA-Z0-9_+.-]{0,6}|[a-z]{60,70}|\"a b\"",
            domain in proptest::collection::vec("[a-zA-Z0-9-]{0,6}|[a-z]{60,66}|test|local|onion|xn--[a-z]{2}", 0..4),
            tail in "|[ .@<>]",
        ) {
            let address = format!("{local}@{}{tail}", domain.join("."));
            if plainly_valid(&address) {
                proptest::prop_assert!(check_email_fully(&address).is_ok(), "{address}");
            }
        }
    }

    #[test]
    fn common_addresses_take_the_shortcut() {
        for address in [
            "exemple@inclusion.gouv.fr",
            "jean.dupont+cv@mairie-lyon.fr",
            "a_b-c@x1.org",
        ] {
            assert!(plainly_valid(address), "{address}");
            assert_eq!(check_email_fully(address), Ok(()));
        }
        for address in [
            "a@b",
            "a@exemple.test",
            ".a@exemple.fr",
            "a..b@exemple.fr",
            "a@exemple.fr.",
            "a@ab--c.fr",
            "a@Exemple.fr",
            "a@exemple.f2",
        ] {
            assert!(!plainly_valid(address), "{address}");
        }
    }

    /// Every string `courriel` of the conformance corpus (records validated with
    /// `data-inclusion-schema` 1.0.10): the verdict and the reason must be the official ones.
    #[test]
    fn conformance_corpus() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/cases.jsonl");
        let corpus = std::fs::read_to_string(path).expect("the conformance corpus");
        let (mut total, mut same_verdict, mut same_reason) = (0, 0, 0);
        let mut failures = Vec::new();
        for line in corpus.lines().filter(|line| !line.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("a corpus line");
            let Some(record) = case["json"].as_str() else {
                continue;
            };
            let Ok(serde_json::Value::Object(record)) = serde_json::from_str(record) else {
                continue;
            };
            let Some(courriel) = record.get("courriel").and_then(|v| v.as_str()) else {
                continue;
            };
            let errors = case["errors"].as_array().expect("errors");
            if errors.iter().any(|e| e["type"] == "json_invalid") {
                continue;
            }
            let expected = errors.iter().find(|e| e["loc"][0] == "courriel").map(|e| {
                let msg = e["msg"].as_str().expect("msg");
                msg.strip_prefix(PREFIX).expect("an email error message")
            });
            total += 1;
            let got = check_email(courriel);
            if got.is_ok() == expected.is_none() {
                same_verdict += 1;
            }
            if got.as_ref().err().map(String::as_str) == expected {
                same_reason += 1;
            } else {
                failures.push(format!("{courriel:?}: expected {expected:?}, got {got:?}"));
            }
        }
        eprintln!(
            "courriel: {total} cases, {same_verdict} same verdicts, {same_reason} same reasons"
        );
        assert!(total > 1000, "only {total} courriel cases found");
        assert_eq!(
            same_verdict,
            total,
            "verdicts differ:\n{}",
            failures.join("\n")
        );
        assert_eq!(
            same_reason,
            total,
            "reasons differ:\n{}",
            failures.join("\n")
        );
    }

    fn s(text: &str) -> String {
        text.to_owned()
    }

    /// Produced with email-validator 2.4.0 / pydantic 2.14.3 (Python 3.11.7, idna 3.20), as
    /// `TypeAdapter(EmailStr).validate_python(value)`: `None` when valid, else the reason (the
    /// message without its "value is not a valid email address: " prefix).
    fn extra_cases() -> Vec<(String, Option<&'static str>)> {
        vec![
            (s("a@b.fr"), None),
            (s("A@B.FR"), None),
            (s("jean.dupont@exemple.fr"), None),
            (s("é@b.fr"), None),
            (s("jérôme@exemple.fr"), None),
            (s("e\u{301}@b.fr"), None),
            (
                s("\u{301}a@b.fr"),
                Some("The email address contains unsafe characters: COMBINING ACUTE ACCENT."),
            ),
            (s("a@café.fr"), None),
            (s("a@cafe\u{301}.fr"), None),
            (s("a@CAFÉ.FR"), None),
            (s("a@b.\u{ff46}\u{ff52}"), None),
            (s("a@b\u{3002}fr"), None),
            (s("a@b\u{ff0e}fr"), None),
            (s("a@b\u{ff61}fr"), None),
            (s("\u{ff41}@b.fr"), None),
            (
                s("a\u{ff20}b.fr"),
                Some("The email address has the \"full-width\" at-sign (@) character instead of a regular at-sign."),
            ),
            (
                s("a\u{fe6b}b.fr"),
                Some("The email address has the \"small commercial at\" character instead of a regular at-sign."),
            ),
            (
                s("a@b.test"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.invalid"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.local"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.localhost"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.onion"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.arpa"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (s("a@foo.example"), None),
            (s("a@example.com"), None),
            (s("a@test.fr"), None),
            (s("a@x.test.fr"), None),
            (
                s("a@localhost"),
                Some("The part after the @-sign is not valid. It should have a period."),
            ),
            (s("a@test"), Some("The part after the @-sign is not valid. It should have a period.")),
            (
                s("a@TEST.LOCAL"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (
                s("a@b.Test"),
                Some("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
            ),
            (s("Jean <a@b.fr>"), None),
            (s("<a@b.fr>"), None),
            (s("\"Jean\" <a@b.fr>"), None),
            (s("Jean. <a@b.fr>"), None),
            (
                s("Jean <a@b.fr"),
                Some("An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end."),
            ),
            (
                s("Jean, Dupont <a@b.fr>"),
                Some("The display name contains invalid characters when not quoted: ','."),
            ),
            (s("Jean Dupont<a@b.fr>"), None),
            (s("\"Jean, Dupont\" <a@b.fr>"), None),
            (s("Jéan <a@b.fr>"), None),
            (
                s("Zoe\u{301} <a@b.fr"),
                Some("The display name contains invalid characters when not quoted: COMBINING ACUTE ACCENT."),
            ),
            (s("Jean <a@b.fr> x"), Some("There can't be anything after the email address.")),
            (s("Jean <a@b.fr>  "), None),
            (s("  a@b.fr  "), None),
            (s("\ta@b.fr"), None),
            (s("a@b.fr\u{a0}"), None),
            (s("\u{2003}a@b.fr"), None),
            (s("a\r@b.fr"), Some("Carriage return and line feed characters are not allowed")),
            (s("a\n@b.fr"), Some("Carriage return and line feed characters are not allowed")),
            (s("a@b.fr\r\n"), Some("Carriage return and line feed characters are not allowed")),
            (
                s("<a@b.fr> <c@d.fr>"),
                Some("The part after the @-sign contains invalid characters: '<', '>', '@', SPACE."),
            ),
            (
                s("a <b> <c@d.fr>"),
                Some("The display name contains invalid characters when not quoted: '>'."),
            ),
            (s("\"a\" \"b\" <c@d.fr>"), None),
            (s("<>"), Some("An email address must have an @-sign.")),
            (s("< >"), Some("An email address must have an @-sign.")),
            (
                s("a<b@c.fr"),
                Some("An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end."),
            ),
            (s("a@b<c.fr"), Some("The part after the @-sign contains invalid characters: '<'.")),
            (
                s("<a@b.fr"),
                Some("An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end."),
            ),
            (s("a@b.fr>"), Some("The part after the @-sign contains invalid characters: '>'.")),
            (s("\"a@b\"@c.fr"), Some("Quoting the part before the @-sign is not allowed here.")),
            (s("\"a\"@b.fr"), Some("Quoting the part before the @-sign is not allowed here.")),
            (s("\"a b\"@c.fr"), Some("Quoting the part before the @-sign is not allowed here.")),
            (s("\"\"@b.fr"), Some("There must be something before the @-sign.")),
            (s("\"a\\\"b\"@c.fr"), Some("Quoting the part before the @-sign is not allowed here.")),
            (s("\"a\"b@c.fr"), Some("Extra character(s) found after close quote: 'b'")),
            (s("\"abc@def.fr"), Some("An email address must have an @-sign.")),
            (s("a\"b@c.fr"), Some("An email address must have an @-sign.")),
            (
                s("\"a\u{1}\"@b.fr"),
                Some("The email address contains invalid characters in quotes before the @-sign: U+0001."),
            ),
            (s("\"é\"@b.fr"), Some("Quoting the part before the @-sign is not allowed here.")),
            (
                s("\"a\u{a0}\"@b.fr"),
                Some("The email address contains unsafe characters: NO-BREAK SPACE."),
            ),
            (["x".repeat(64).as_str(), "@b.fr"].concat(), None),
            (["x".repeat(65).as_str(), "@b.fr"].concat(), None),
            (["x".repeat(249).as_str(), "@b.fr"].concat(), None),
            (
                ["x".repeat(250).as_str(), "@b.fr"].concat(),
                Some("The email address is too long (1 character too many)."),
            ),
            (["é".repeat(124).as_str(), "@b.fr"].concat(), None),
            (
                ["é".repeat(125).as_str(), "@b.fr"].concat(),
                Some("The email address is too long (1 character too many)."),
            ),
            (
                ["x".repeat(240).as_str(), "@ééééé.fr"].concat(),
                Some("The email address is too long when the part after the @-sign is converted to IDNA ASCII (1 byte too many)."),
            ),
            (
                ["x".repeat(230).as_str(), "@", "é".repeat(20).as_str(), ".fr"].concat(),
                Some("The email address is too long (10-20 characters too many)."),
            ),
            (["a@", "b".repeat(63).as_str(), ".fr"].concat(), None),
            (
                ["a@", "b".repeat(64).as_str(), ".fr"].concat(),
                Some("After the @-sign, periods cannot be separated by so many characters (1 character too many)."),
            ),
            (
                ["a@", "é".repeat(60).as_str(), ".fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (["a@", "é".repeat(56).as_str(), ".fr"].concat(), None),
            (
                ["a@", "b".repeat(60).as_str(), ".", "b".repeat(60).as_str(), ".", "b".repeat(60).as_str(), ".", "b".repeat(60).as_str(), ".fr"].concat(),
                None,
            ),
            (
                ["a@", "b.".repeat(126).as_str(), "fr"].concat(),
                Some("The email address is too long after the @-sign (1 character too many)."),
            ),
            (
                ["a@", "b.".repeat(127).as_str(), "fr"].concat(),
                Some("The email address is too long after the @-sign (3 characters too many)."),
            ),
            ("a".repeat(2049), Some("Length must not exceed 2048 characters")),
            ("a".repeat(2048), Some("An email address must have an @-sign.")),
            (
                ["a@", "b".repeat(2046).as_str()].concat(),
                Some("The email address is too long after the @-sign (1793 characters too many)."),
            ),
            (
                ["e\u{301}".repeat(100).as_str(), "@b.fr"].concat(),
                Some("The email address is too long (25-51 characters too many)."),
            ),
            (
                ["e\u{301}".repeat(130).as_str(), "@b.fr"].concat(),
                Some("The email address is too long (70-141 characters too many)."),
            ),
            (
                s("a@[1.2.3.4]"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (
                s("a@[IPv6:::1]"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (
                s("a@[ipv6:fe80::1%eth0]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (It has a zone index)."),
            ),
            (
                s("a@[1.2.3]"),
                Some("The address in brackets after the @-sign is not valid: It is not an IPv4 address (Expected 4 octets in '1.2.3') or is missing an address literal tag."),
            ),
            (
                s("a@[1.2.3.256]"),
                Some("The address in brackets after the @-sign is not valid: It is not an IPv4 address (Octet 256 (> 255) not permitted in '1.2.3.256') or is missing an address literal tag."),
            ),
            (
                s("a@[01.2.3.4]"),
                Some("The address in brackets after the @-sign is not valid: It is not an IPv4 address (Leading zeros are not permitted in '01' in '01.2.3.4') or is missing an address literal tag."),
            ),
            (
                s("a@[1..2.3]"),
                Some("The address in brackets after the @-sign is not valid: It is not an IPv4 address (Empty octet not permitted in '1..2.3') or is missing an address literal tag."),
            ),
            (
                s("a@[1234.1.1.1]"),
                Some("The address in brackets after the @-sign is not valid: It is not an IPv4 address (At most 3 characters permitted in '1234' in '1234.1.1.1') or is missing an address literal tag."),
            ),
            (
                s("a@[IPv6:1:2:3:4:5:6:7:8:9]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Exactly 8 parts expected without '::' in '1:2:3:4:5:6:7:8:9')."),
            ),
            (
                s("a@[IPv6:1::2::3]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (At most one '::' permitted in '1::2::3')."),
            ),
            (
                s("a@[IPv6:g::1]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Only hex digits permitted in 'g' in 'g::1')."),
            ),
            (
                s("a@[IPv6:12345::1]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (At most 4 characters permitted in '12345' in '12345::1')."),
            ),
            (
                s("a@[IPv6::1]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (At least 3 parts expected in ':1')."),
            ),
            (
                s("a@[IPv6:1:]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (At least 3 parts expected in '1:')."),
            ),
            (
                s("a@[IPv6:1:2]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (At least 3 parts expected in '1:2')."),
            ),
            (
                s("a@[IPv6:::1.2.3]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Expected 4 octets in '1.2.3' in '::1.2.3')."),
            ),
            (
                s("a@[IPv6:::1.2.3.4]"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (
                s("a@[IPv6:1/2]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Unexpected '/' in '1/2')."),
            ),
            (
                s("a@[IPv6:fe80::1%]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Invalid IPv6 address: \"'fe80::1%'\")."),
            ),
            (
                s("a@[x:y]"),
                Some("The part after the @-sign contains an invalid address literal tag in brackets."),
            ),
            (
                s("a@[xé:y]"),
                Some("The part after the @-sign contains an invalid address literal tag in brackets."),
            ),
            (
                s("a@[]"),
                Some("The part after the @-sign in brackets is not an IPv4 address and has no address literal tag."),
            ),
            (
                s("a@[foo]"),
                Some("The part after the @-sign in brackets is not an IPv4 address and has no address literal tag."),
            ),
            (s("a@[1.2.3.4"), Some("The part after the @-sign contains invalid characters: '['.")),
            (s("a@1.2.3.4]"), Some("The part after the @-sign contains invalid characters: ']'.")),
            (
                s("a@[IPv6:1:2:3:4:5:6:7]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Exactly 8 parts expected without '::' in '1:2:3:4:5:6:7')."),
            ),
            (
                s("a@[IPv6:1:2:3:4:5:6:7::]"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (
                s("a@[IPv6::1:2:3:4:5:6:7:8]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Exactly 8 parts expected without '::' in ':1:2:3:4:5:6:7:8')."),
            ),
            (
                s("a@[IPv6:1:2:3:4:5:6:7:8:]"),
                Some("The IPv6 address in brackets after the @-sign is not valid (Exactly 8 parts expected without '::' in '1:2:3:4:5:6:7:8:')."),
            ),
            (
                s("a@[IPv6:::]"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (s(".a@b.fr"), Some("An email address cannot start with a period.")),
            (
                s("a.@b.fr"),
                Some("An email address cannot have a period immediately before the @-sign."),
            ),
            (s("a..b@c.fr"), Some("An email address cannot have two periods in a row.")),
            (
                s("a@.b.fr"),
                Some("An email address cannot have a period immediately after the @-sign."),
            ),
            (s("a@b.fr."), Some("An email address cannot end with a period.")),
            (s("a@b..fr"), Some("An email address cannot have two periods in a row.")),
            (
                s("a@-b.fr"),
                Some("An email address cannot have a hyphen immediately after the @-sign."),
            ),
            (
                s("a@b-.fr"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (
                s("a@b.-fr"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (s("a@b.fr-"), Some("An email address cannot end with a hyphen.")),
            (
                s("a@ab--c.fr"),
                Some("An email address cannot have two letters followed by two dashes immediately after the @-sign or after a period, except Punycode."),
            ),
            (
                s("a@xn--c.fr"),
                Some("The part after the @-sign is not valid IDNA (Invalid A-label)."),
            ),
            (s("a@xn--bcher-kva.ch"), None),
            (s("a@XN--BCHER-KVA.CH"), None),
            (
                s("a@xn--bcher-kva.xn--zz"),
                Some("The part after the @-sign is not valid IDNA (Invalid A-label)."),
            ),
            (
                s("a@xn--.fr"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (
                s("a@xn---.fr"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (
                s("a@xn--a.fr"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+0080 at position 1 of '\\x80' not allowed)."),
            ),
            (s("a@xn--80ak6aa92e.com"), None),
            (s("a@xn--mnchen-3ya.de"), None),
            (s("a@xn--Mnchen-3ya.de"), None),
            (s("a@xn--4dbc.com"), None),
            (
                s("a@1.xn--4dbc.com"),
                Some("The part after the @-sign is not valid IDNA (First codepoint in label '1' must be directionality L, R or AL)."),
            ),
            (
                s("a@xn--ls8h.la"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+1F4A9 at position 1 of '\u{1f4a9}' not allowed)."),
            ),
            (
                s("a@xn--ss-a.fr"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+0080 at position 1 of '\\x80ss' not allowed)."),
            ),
            (s("a@xn--zca.fr"), None),
            (
                s("a@b.c1"),
                Some("The part after the @-sign is not valid. It is not within a valid top-level domain."),
            ),
            (
                s("a@1.2.3.4"),
                Some("The part after the @-sign is not valid. It is not within a valid top-level domain."),
            ),
            (
                s("a@b.1"),
                Some("The part after the @-sign is not valid. It is not within a valid top-level domain."),
            ),
            (s("a@b"), Some("The part after the @-sign is not valid. It should have a period.")),
            (s("a@"), Some("There must be something after the @-sign.")),
            (s("@b.fr"), Some("There must be something before the @-sign.")),
            (s("a"), Some("An email address must have an @-sign.")),
            (s(""), Some("An email address must have an @-sign.")),
            (s(" "), Some("An email address must have an @-sign.")),
            (s("a@b@c.fr"), Some("The part after the @-sign contains invalid characters: '@'.")),
            (s("a@b,c.fr"), Some("The part after the @-sign contains invalid characters: ','.")),
            (s("a@b_c.fr"), Some("The part after the @-sign contains invalid characters: '_'.")),
            (s("a@b c.fr"), Some("The part after the @-sign contains invalid characters: SPACE.")),
            (
                s("a b@c.fr"),
                Some("The email address contains invalid characters before the @-sign: SPACE."),
            ),
            (
                s("a(b)@c.fr"),
                Some("The email address contains invalid characters before the @-sign: '(', ')'."),
            ),
            (
                s("a;b@c.fr"),
                Some("The email address contains invalid characters before the @-sign: ';'."),
            ),
            (
                s("a:b@c.fr"),
                Some("The email address contains invalid characters before the @-sign: ':'."),
            ),
            (
                s("a\\b@c.fr"),
                Some("The email address contains invalid characters before the @-sign: \"\\\"."),
            ),
            (
                s("a[b]@c.fr"),
                Some("The email address contains invalid characters before the @-sign: '[', ']'."),
            ),
            (s("o'neil@b.fr"), None),
            (s("a+tag@b.fr"), None),
            (s("a&b@c.fr"), None),
            (s("a~b@c.fr"), None),
            (s("a`b@c.fr"), None),
            (s("a|b@c.fr"), None),
            (
                s("a\u{200b}@b.fr"),
                Some("The email address contains unsafe characters: ZERO WIDTH SPACE."),
            ),
            (
                s("a@b\u{200b}.fr"),
                Some("The email address contains unsafe characters: ZERO WIDTH SPACE."),
            ),
            (s("a\u{ad}@b.fr"), Some("The email address contains unsafe characters: SOFT HYPHEN.")),
            (s("a@b\u{ad}.fr"), Some("The email address contains unsafe characters: SOFT HYPHEN.")),
            (
                s("a\u{feff}@b.fr"),
                Some("The email address contains unsafe characters: ZERO WIDTH NO-BREAK SPACE."),
            ),
            (
                s("\u{feff}a@b.fr"),
                Some("The email address contains unsafe characters: ZERO WIDTH NO-BREAK SPACE."),
            ),
            (
                s("a\u{202f}b@c.fr"),
                Some("The email address contains unsafe characters: NARROW NO-BREAK SPACE."),
            ),
            (s("a@b.fr\u{202f}"), None),
            (
                s("a;b@c.fr"),
                Some("After Unicode normalization: The email address contains invalid characters before the @-sign: ';'."),
            ),
            (s("a`b@c.fr"), None),
            (s("a\u{212a}b@c.fr"), None),
            (s("a\u{2126}@b.fr"), None),
            (s("aक़@b.fr"), None),
            (
                ["x".repeat(249).as_str(), "क़@b.fr"].concat(),
                Some("The email address is too long (1-3 characters too many)."),
            ),
            (
                ["x".repeat(247).as_str(), "क़@b.fr"].concat(),
                Some("The email address is too long (1 character too many)."),
            ),
            (
                s("a@b\u{2488}.fr"),
                Some("The part after the @-sign contains invalid characters: '\u{2488}'."),
            ),
            (
                s("a@b\u{2024}.fr"),
                Some("The part after the @-sign contains invalid characters: '\u{2024}'."),
            ),
            (s("a@é\u{301}.fr"), None),
            (s("a@b\u{301}.fr"), None),
            (
                s("a@b.\u{301}fr"),
                Some("The part after the @-sign is invalid (Label begins with an illegal combining character)."),
            ),
            (s("a@\u{80}.fr"), Some("The email address contains unsafe characters: U+0080.")),
            (s("a@b\u{85}.fr"), Some("The email address contains unsafe characters: U+0085.")),
            (
                s("a@b\u{fffd}.fr"),
                Some("The part after the @-sign contains invalid characters (Codepoint U+FFFD not allowed at position 2 in 'b\u{fffd}.fr')."),
            ),
            (
                s("a@b\u{2ff0}.fr"),
                Some("The part after the @-sign contains invalid characters (Codepoint U+2FF0 not allowed at position 2 in 'b\u{2ff0}.fr')."),
            ),
            (
                s("a@\u{2665}.com"),
                Some("The part after the @-sign is invalid (Codepoint U+2665 at position 1 of '\u{2665}' not allowed)."),
            ),
            (
                s("a@i\u{2764}.ws"),
                Some("The part after the @-sign is invalid (Codepoint U+2764 at position 2 of 'i\u{2764}' not allowed)."),
            ),
            (
                s("a@\u{1f600}.fr"),
                Some("The part after the @-sign is invalid (Codepoint U+1F600 at position 1 of '\u{1f600}' not allowed)."),
            ),
            (s("a@bß.de"), None),
            (s("a@ς.gr"), None),
            (s("a@אב.com"), None),
            (
                s("a@1.אב.com"),
                Some("The part after the @-sign is not valid IDNA (First codepoint in label '1' must be directionality L, R or AL)."),
            ),
            (
                s("a@אב.1.com"),
                Some("The part after the @-sign is not valid IDNA (First codepoint in label '1' must be directionality L, R or AL)."),
            ),
            (s("a@العربية.com"), None),
            (
                s("a@١۱.com"),
                Some("The part after the @-sign is invalid (Codepoint U+0661 not allowed at position 1 in '١۱')."),
            ),
            (s("a@l·l.cat"), None),
            (
                s("a@a·b.cat"),
                Some("The part after the @-sign is invalid (Codepoint U+00B7 not allowed at position 2 in 'a·b')."),
            ),
            (
                s("a@͵a.gr"),
                Some("The part after the @-sign is invalid (Codepoint U+0375 not allowed at position 1 in '͵a')."),
            ),
            (s("a@͵α.gr"), None),
            (s("a@א׳.il"), None),
            (
                s("a@a׳.il"),
                Some("The part after the @-sign is invalid (Codepoint U+05F3 not allowed at position 2 in 'a׳')."),
            ),
            (
                s("a@\u{30fb}.jp"),
                Some("The part after the @-sign is invalid (Codepoint U+30FB not allowed at position 1 in '\u{30fb}')."),
            ),
            (s("a@\u{30fb}\u{30a2}.jp"), None),
            (s("a@\u{4e2d}\u{6587}.com"), None),
            (s("a@\u{4e2d}\u{6587}.\u{4e2d}\u{56fd}"), None),
            (s("a@\u{f900}.com"), None),
            (s("a@\u{1100}ᅡ.kr"), None),
            (s("a@\u{d55c}\u{ad6d}.kr"), None),
            (s("a@b\u{3164}.fr"), None),
            (s("a@b².fr"), None),
            (s("a@\u{2163}.fr"), None),
            (
                s("a@b\u{2100}.fr"),
                Some("The part after the @-sign contains invalid characters after Unicode normalization: '/'."),
            ),
            (
                s("a@b\u{ff01}.fr"),
                Some("The part after the @-sign contains invalid characters after Unicode normalization: '!'."),
            ),
            (
                s("a@b`.fr"),
                Some("The part after the @-sign contains invalid characters after Unicode normalization: '`'."),
            ),
            (
                s("a@bـ.fr"),
                Some("The part after the @-sign is invalid (Codepoint U+0640 at position 2 of 'bـ' not allowed)."),
            ),
            (s("a@b\u{3007}.fr"), None),
            (s("a@b\u{17b4}.fr"), None),
            (s("a@b\u{fe00}.fr"), None),
            (s("a@b\u{34f}.fr"), None),
            (
                s("a@\u{338}.fr"),
                Some("The email address contains unsafe characters: COMBINING LONG SOLIDUS OVERLAY."),
            ),
            (
                s("a@b\u{20d0}.fr"),
                Some("The part after the @-sign is invalid (Codepoint U+20D0 at position 2 of 'b\u{20d0}' not allowed)."),
            ),
            (
                s("a@b\u{1d15e}.fr"),
                Some("The part after the @-sign is invalid (Codepoint U+1D157 at position 2 of 'b\u{1d157}\u{1d165}' not allowed)."),
            ),
            (
                ["a@é", "x".repeat(70).as_str(), ".fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (
                ["a@", "é".repeat(30).as_str(), "x".repeat(30).as_str(), ".fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (
                ["a@xn--", "a".repeat(60).as_str(), ".fr"].concat(),
                Some("After the @-sign, periods cannot be separated by so many characters (1 character too many)."),
            ),
            (
                ["a@", "a".repeat(200).as_str(), "é.fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (
                ["é".repeat(60).as_str(), "@", "é".repeat(60).as_str(), ".fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (s("a@\u{ff21}\u{ff22}\u{ff23}.\u{ff46}\u{ff52}"), None),
            (s("a@\u{fb00}.fr"), None),
            (s("a@b.\u{ff43}\u{ff4f}\u{ff4d}"), None),
            (s("a@\u{24b6}.fr"), None),
            (s("a@\u{2460}.fr"), None),
            (s("Jean <a@b.fr>\u{a0}"), None),
            (s("Jean\u{a0}<a@b.fr>"), None),
            (s("\u{a0}Jean <a@b.fr>"), None),
            (s("Jean\u{2028}Dupont <a@b.fr>"), None),
            (s("\"Je\"an\" <a@b.fr>"), None),
            (
                s("\"\" <a@b.fr>"),
                Some("A display name and angle brackets around the email address are not permitted here."),
            ),
            (
                s("Jean <\"a\"@b.fr>"),
                Some("Quoting the part before the @-sign is not allowed here."),
            ),
            (
                s("Jean <a@[1.2.3.4]>"),
                Some("A bracketed IP address after the @-sign is not allowed here."),
            ),
            (s("Jean <>"), Some("An email address must have an @-sign.")),
            (
                s("Jean <<a@b.fr>>"),
                Some("A display name and angle brackets around the email address are not permitted here."),
            ),
            (
                s("Jean<a@b.fr>x<c@d.fr>"),
                Some("The part after the @-sign contains invalid characters: '<', '>', '@'."),
            ),
            (
                s("a<\u{338}b@c.fr"),
                Some("The email address contains invalid characters before the @-sign: '<'."),
            ),
            (
                s("a<\u{338}@b.fr"),
                Some("The email address contains invalid characters before the @-sign: '<'."),
            ),
            (
                s("Jean \u{2764} <a@b.fr"),
                Some("The display name contains invalid characters when not quoted: '\u{2764}'."),
            ),
            (
                s("Jean \u{2764}\u{fe0f} <a@b.fr"),
                Some("The display name contains invalid characters when not quoted: '\u{2764}', VARIATION SELECTOR-16."),
            ),
            (
                s("Jéan <a@b.fr"),
                Some("The display name contains invalid characters when not quoted: 'é'."),
            ),
            (
                s("\"Jéan\u{301}\" <a@b.fr"),
                Some("An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end."),
            ),
            (s("\"Jean\"x <a@b.fr"), Some("Extra character(s) found after close quote: 'x'")),
            (
                s("\"Jean\" x <a@b.fr"),
                Some("Extra character(s) found after close quote: SPACE, 'x'"),
            ),
            (
                s("Jean\u{1} <a@b.fr"),
                Some("The display name contains invalid characters when not quoted: U+0001."),
            ),
            (
                s("\"Jean\u{1}\" <a@b.fr"),
                Some("The email address contains unsafe characters: U+0001."),
            ),
            (
                s("a@b.fr <c@d.fr"),
                Some("The part after the @-sign contains invalid characters: '<', '@', SPACE."),
            ),
            (
                s("jean.<a@b.fr"),
                Some("The display name contains invalid characters when not quoted: '.'."),
            ),
            (s("<a@b.fr >"), None),
            (s("< a@b.fr>"), None),
            (
                s("<a @b.fr>"),
                Some("The email address contains invalid characters before the @-sign: SPACE."),
            ),
            (s("é\u{301}@b.fr"), None),
            (s("a\u{301}\u{316}@b.fr"), None),
            (
                s("\u{316}\u{301}a@b.fr"),
                Some("The email address contains unsafe characters: COMBINING GRAVE ACCENT BELOW."),
            ),
            (s("\"\\\u{212b}\"@b.fr"), Some("An email address must have an @-sign.")),
            (s("\"\\\u{212b}@b.fr"), Some("An email address must have an @-sign.")),
            (s("a@b.fr\""), Some("The part after the @-sign contains invalid characters: '\"'.")),
            (s("\"a\\@b.fr"), Some("An email address must have an @-sign.")),
            (
                s("a\u{e0041}@b.fr"),
                Some("The email address contains unsafe characters: TAG LATIN CAPITAL LETTER A."),
            ),
            (s("a\u{fe0f}@b.fr"), None),
            (
                s("\u{fe0f}a@b.fr"),
                Some("The email address contains unsafe characters: VARIATION SELECTOR-16."),
            ),
            (
                s("\u{e0100}a@b.fr"),
                Some("The email address contains unsafe characters: VARIATION SELECTOR-17."),
            ),
            (
                s("a\u{0}@b.fr"),
                Some("The email address contains invalid characters before the @-sign: U+0000."),
            ),
            (
                s("a\u{7f}@b.fr"),
                Some("The email address contains invalid characters before the @-sign: U+007F."),
            ),
            (
                s("a@b\u{0}.fr"),
                Some("The part after the @-sign contains invalid characters: U+0000."),
            ),
            (s("a\u{85}@b.fr"), Some("The email address contains unsafe characters: U+0085.")),
            (s("a\u{e000}@b.fr"), Some("The email address contains unsafe characters: U+E000.")),
            (
                s("a\u{f0000}@b.fr"),
                Some("The email address contains unsafe characters: U+000F0000."),
            ),
            (s("a\u{378}@b.fr"), Some("The email address contains unsafe characters: U+0378.")),
            (s("a\u{897}@b.fr"), Some("The email address contains unsafe characters: U+0897.")),
            (s("a@\u{897}b.fr"), Some("The email address contains unsafe characters: U+0897.")),
            (
                s("a@b\u{16100}.fr"),
                Some("The email address contains unsafe characters: U+00016100."),
            ),
            (
                s("a\u{1e030}@b.fr"),
                Some("The email address contains unsafe characters: U+0001E030."),
            ),
            (s("a@b.fr\u{3000}"), None),
            (
                s("a\u{3000}b@c.fr"),
                Some("The email address contains unsafe characters: IDEOGRAPHIC SPACE."),
            ),
            (
                s("a\u{2029}@b.fr"),
                Some("The email address contains unsafe characters: PARAGRAPH SEPARATOR."),
            ),
            (
                s("a@b\u{2028}.fr"),
                Some("The email address contains unsafe characters: LINE SEPARATOR."),
            ),
            (s("a@b.xn--zckzah"), None),
            (s("a@xn--zckzah.jp"), None),
            (s("a@b.xn--p1ai"), None),
            (s("a@xn--d1acufc.xn--p1ai"), None),
            (s("a@xn--nxasmq6b.com"), None),
            (s("a@xn--ngbrx.com"), None),
            (s("a@xn--mgbh0fb.xn--kgbechtv"), None),
            (s("a@xn--e1afmkfd.xn--80akhbyknj4f"), None),
            (s("a@xn--1-7sb.com"), None),
            (
                s("a@xn--0-ssb.com"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+0428 at position 2 of '0Ш' not allowed)."),
            ),
            (
                s("a@xn--a-ecp.ru"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+2488 at position 2 of 'a\u{2488}' not allowed)."),
            ),
            (
                s("a@xn--ysa.fr"),
                Some("The part after the @-sign is not valid IDNA (Label begins with an illegal combining character)."),
            ),
            (s("a@xn--kgb.fr"), None),
            (
                s("a@xn--1ug.fr"),
                Some("The part after the @-sign is not valid IDNA (Joiner U+200D not allowed at position 1 in '\\u200d')."),
            ),
            (
                s("a@xn--a-ugn.fr"),
                Some("The part after the @-sign is not valid IDNA (Joiner U+200D not allowed at position 2 in 'a\\u200d')."),
            ),
            (s("a@xn--ssa73l.fr"), None),
            (
                s("a@xn--zz-.fr"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (s("a@xn--0ca.fr"), None),
            (s("a@xn--9ca.fr"), None),
            (s("a@xn--55qx5d.cn"), None),
            (s("a@xn--fiqs8s.xn--55qx5d"), None),
            (s("a@xn--h1a.fr"), None),
            (s("a@xn--80a.fr"), None),
            (s("a@XN--80A.FR"), None),
            (
                s("a@xn--l-fda.fr"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+00B7 not allowed at position 1 in '·l')."),
            ),
            (
                s("a@xn--bcher-kva"),
                Some("The part after the @-sign is not valid. It should have a period."),
            ),
            (
                s("a@xn--ls8h"),
                Some("The part after the @-sign is not valid. It should have a period."),
            ),
            (["a@", "xn--bcher-kva.".repeat(15).as_str(), "ch"].concat(), None),
            (
                ["a@", "xn--bcher-kva.".repeat(18).as_str(), "ch"].concat(),
                Some("The email address is too long after the @-sign (1 character too many)."),
            ),
            (
                ["a@xn--", "bcher-kva".repeat(7).as_str(), ".ch"].concat(),
                Some("After the @-sign, periods cannot be separated by so many characters (4 characters too many)."),
            ),
            (
                s("a@אa.com"),
                Some("The part after the @-sign is invalid (Invalid direction for codepoint at position 2 in a right-to-left label)."),
            ),
            (
                s("a@א1١.com"),
                Some("The part after the @-sign is invalid (Can not mix numeral types in a right-to-left label)."),
            ),
            (
                s("a@aא.com"),
                Some("The part after the @-sign is invalid (Invalid direction for codepoint at position 2 in a left-to-right label)."),
            ),
            (
                s("a@אב-.com"),
                Some("An email address cannot have a period and a hyphen next to each other."),
            ),
            (
                s("a@ا١1.com"),
                Some("The part after the @-sign is invalid (Can not mix numeral types in a right-to-left label)."),
            ),
            (
                s("a@xn--5e2s.com"),
                Some("The part after the @-sign is not valid IDNA (Unknown directionality in label '\\U0003e47b' at position 1)."),
            ),
            (
                s("a@xn---bbk.com"),
                Some("The part after the @-sign is not valid IDNA (A-label is not the canonical Punycode encoding of its U-label)."),
            ),
            (s("a@xn--bbk.com"), None),
            (
                s("a@xn--zz.com"),
                Some("The part after the @-sign is not valid IDNA (Invalid A-label)."),
            ),
            (
                s("a@xn--99999999999.com"),
                Some("The part after the @-sign is not valid IDNA (Invalid A-label)."),
            ),
            (
                ["a@é.", "b".repeat(64).as_str(), ".fr"].concat(),
                Some("The part after the @-sign is invalid (Label too long)."),
            ),
            (s("a@é.xn--zz.fr"), Some("The part after the @-sign is invalid (Invalid A-label).")),
            (s("a@é.xn--bcher-kva.fr"), None),
            (s("a@é.xn--4dbc.fr"), None),
            (
                s("a@xn--1ug.com"),
                Some("The part after the @-sign is not valid IDNA (Joiner U+200D not allowed at position 1 in '\\u200d')."),
            ),
            (
                s("a@xn--0ug.com"),
                Some("The part after the @-sign is not valid IDNA (Joiner U+200C not allowed at position 1 in '\\u200c')."),
            ),
            (
                s("a@xn--u-ccb.com"),
                Some("The part after the @-sign is not valid IDNA (Label must be in Normalization Form C)."),
            ),
            (
                s("a@xn--l-fda.com"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+00B7 not allowed at position 1 in '·l')."),
            ),
            (
                s("a@xn--lla-m0a.cat"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+0166 at position 3 of 'llŦa' not allowed)."),
            ),
            (
                s("a@xn--7ma.fr"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+0245 at position 1 of 'Ʌ' not allowed)."),
            ),
            (s("a@xn--k2a.fr"), None),
            (
                s("a@xn--ls8h.com"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+1F4A9 at position 1 of '\u{1f4a9}' not allowed)."),
            ),
            (
                s("a@xn--ffd.com"),
                Some("The part after the @-sign is not valid IDNA (Label begins with an illegal combining character)."),
            ),
            (s("a@xn--a-ec0a.com"), None),
            (
                s("a@xn--ib9b.com"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+D800 at position 1 of '\\ud800' not allowed)."),
            ),
            (
                s("a@xn--lsa.com"),
                Some("The part after the @-sign is not valid IDNA (Label begins with an illegal combining character)."),
            ),
            (
                s("a@xn--ngba799q.com"),
                Some("The email address contains unsafe characters: ZERO WIDTH NON-JOINER."),
            ),
            (
                s("a@xn--ab-j1t.com"),
                Some("The part after the @-sign is not valid IDNA (Joiner U+200C not allowed at position 2 in 'a\\u200cb')."),
            ),
            (
                s("a@xn--11ba1ow90g.com"),
                Some("The email address contains unsafe characters: ZERO WIDTH NON-JOINER."),
            ),
            (
                s("a@xn--1ug03z.com"),
                Some("The part after the @-sign is not valid IDNA (Codepoint U+2730 at position 1 of '\u{2730}\\u200d' not allowed)."),
            ),
            (
                s("a@a١.com"),
                Some("The part after the @-sign is invalid (Invalid direction for codepoint at position 2 in a left-to-right label)."),
            ),
            (
                s("a@١.com"),
                Some("The part after the @-sign is invalid (First codepoint in label '١' must be directionality L, R or AL)."),
            ),
            (
                s("a@b͵.gr"),
                Some("The part after the @-sign is invalid (Codepoint U+0375 not allowed at position 2 in 'b͵')."),
            ),
            (s("a@α͵α.gr"), None),
        ]
    }

    #[test]
    fn extra_cases_agree_with_the_official_package() {
        let cases = extra_cases();
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(input, expected)| {
                let got = check_email(input);
                (got.as_ref().err().map(String::as_str) != *expected)
                    .then(|| format!("{input:?}: expected {expected:?}, got {got:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The known difference: a mark outside the combining diacritical marks blocks is shown by
    /// code point, where email-validator says `DEVANAGARI SIGN VISARGA`.
    #[test]
    fn mark_names_outside_the_table() {
        assert_eq!(
            check_email("\u{903}a@b.fr"),
            Err("The email address contains unsafe characters: U+0903.".to_owned())
        );
        assert_eq!(
            check_email("\u{301}a@b.fr"),
            Err("The email address contains unsafe characters: COMBINING ACUTE ACCENT.".to_owned())
        );
    }

    #[test]
    fn unicode_tables_are_complete() {
        let data = unicode_data();
        assert_eq!(data.decompositions.len(), 2061);
        assert_eq!(data.compositions.len(), 941);
        assert_eq!(data.combining.len(), 382);
        assert_eq!(data.bidi.len(), 654);
        assert_eq!(data.names.len(), 438);
        assert_eq!(data.joining.len(), 533);
        assert_eq!(
            data.names.get(&0x202F).map(String::as_str),
            Some("NARROW NO-BREAK SPACE")
        );
        assert_eq!(
            data.names.get(&0xE0041).map(String::as_str),
            Some("TAG LATIN CAPITAL LETTER A")
        );
        assert!(pretty_email_regex().is_some());
        assert!(letter_digit_regex().is_some());
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

    /// Expected values from Python's `punycode` codec.
    #[test]
    fn punycode_as_python() {
        let cases: [(&[u32], &str); 4] = [
            (&[0x62, 0xFC, 0x63, 0x68, 0x65, 0x72], "bcher-kva"),
            (&[0xFC], "tda"),
            (&[0x301], "lsa"),
            (&[0xD800], "ib9b"),
        ];
        for (text, encoded) in cases {
            assert_eq!(punycode_encode(text), encoded);
            assert_eq!(punycode_decode(encoded).as_deref(), Some(text));
        }
        assert_eq!(punycode_decode("99999999999"), None);
        assert_eq!(punycode_decode("a_"), None);
    }

    /// Arbitrary input, including every plane, never panics.
    #[test]
    fn arbitrary_input_does_not_panic() {
        let specials = [
            '@', '<', '>', '"', '\\', '[', ']', ':', '.', '-', ' ', '\u{301}',
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = next() % 24;
            let text: String = (0..len)
                .filter_map(|_| match next() % 4 {
                    0 => specials.get((next() % 12) as usize).copied(),
                    1 => char::from_u32((next() % 0x80) as u32),
                    2 => char::from_u32((next() % 0x3000) as u32),
                    _ => char::from_u32((next() % 0x11_0000) as u32),
                })
                .collect();
            let domain = format!("a@{text}.fr");
            for input in [&text, &domain] {
                if let Err(reason) = check_email(input) {
                    assert!(!reason.is_empty());
                }
            }
        }
    }
}
