//! email-validator 2.4.0's `email_validator/syntax.py`: the address split into display name,
//! local part and domain, then each part checked, in the order and with the messages of the
//! Python functions (`split_email`, `validate_email_local_part`, `validate_email_domain_name`,
//! `validate_email_length`, `validate_email_domain_literal`).

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::idna::{alabel, check_bidi, idna_decode, idna_encode, uts46_remap};
use super::ipaddress::{parse_ipv4, parse_ipv6};
use super::pystr::{is_py_space, py_repr};
use super::rfc_constants::{
    is_ascii_hostname, is_atext, is_dot_atom, is_hostname_intl_char, DNS_LABEL_LENGTH_LIMIT,
    DOMAIN_MAX_LENGTH, EMAIL_MAX_LENGTH,
};
use super::unicodedata::{bidi_class, category, char_name, nfc, Bidi, Cat};
use super::validate_email::SPECIAL_USE_DOMAIN_NAMES;

// ---------------------------------------------------------------------------------------------
// split_email

/// What `split_email` returns (the display name only as whether there is one).
pub(super) struct SplitEmail<'a> {
    pub(super) display_name: bool,
    /// The local part as written (quoted or not).
    pub(super) local_part: &'a str,
    pub(super) unescaped_local: Cow<'a, str>,
    pub(super) quoted: bool,
    pub(super) domain: &'a str,
}

/// `split_email`: the display name, the local part and the domain.
pub(super) fn split_email(email: &str) -> Result<SplitEmail<'_>, String> {
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

/// email-validator's `get_length_reason`.
fn length_reason(len: usize, limit: usize) -> String {
    let diff = len.saturating_sub(limit);
    let suffix = if diff > 1 { "s" } else { "" };
    format!("({diff} character{suffix} too many)")
}

// ---------------------------------------------------------------------------------------------
// validate_email_local_part

/// `validate_email_local_part`, with the module defaults.
pub(super) fn validate_local_part(local: &str, quoted: bool) -> Result<(), String> {
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

/// `check_unsafe_chars`.
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
// validate_email_domain_name

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
pub(super) struct DomainNames<'a> {
    ascii: Cow<'a, str>,
    unicode: Option<String>,
}

/// `validate_email_domain_name`, with the module defaults (`globally_deliverable`).
pub(super) fn validate_domain_name(domain: &str) -> Result<DomainNames<'_>, String> {
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

// ---------------------------------------------------------------------------------------------
// validate_email_length

/// The three forms whose length is checked: the original address (without any display name),
/// the normalized one and the one with the IDNA ASCII domain, in UTF-8 bytes.
pub(super) fn validate_email_length(
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

// ---------------------------------------------------------------------------------------------
// validate_email_domain_literal

/// `validate_email_domain_literal`, for its error messages (a literal is refused anyway).
pub(super) fn validate_domain_literal(literal: &str) -> Result<(), String> {
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
