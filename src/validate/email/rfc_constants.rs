//! email-validator 2.4.0's `email_validator/rfc_constants.py`: the lengths and the character
//! classes of RFC 5321, 5322 and 6532 (its regular expressions, as functions).

/// email-validator's `EMAIL_MAX_LENGTH`, in UTF-8 bytes.
pub(super) const EMAIL_MAX_LENGTH: usize = 254;
/// email-validator's `DOMAIN_MAX_LENGTH`.
pub(super) const DOMAIN_MAX_LENGTH: usize = 253;
/// email-validator's `DNS_LABEL_LENGTH_LIMIT`.
pub(super) const DNS_LABEL_LENGTH_LIMIT: usize = 63;

/// `ATEXT` of RFC 5322 3.2.3.
pub(super) fn is_atext(c: char) -> bool {
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
pub(super) fn is_dot_atom(s: &str, intl: bool) -> bool {
    !s.is_empty()
        && s.split('.').all(|atom| {
            !atom.is_empty() && atom.chars().all(|c| is_atext(c) || (intl && c >= '\u{80}'))
        })
}

/// `ATEXT_HOSTNAME_INTL`.
pub(super) fn is_hostname_intl_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.' || c >= '\u{80}'
}

/// `DOT_ATOM_TEXT_HOSTNAME`: ASCII letters, digits and inner hyphens, dot-separated.
pub(super) fn is_ascii_hostname(s: &str) -> bool {
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
