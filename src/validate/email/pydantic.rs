//! pydantic 2.14.3's `validate_email` (`pydantic/networks.py`), the function behind
//! `EmailStr`: the length and CR/LF checks, the display name dropped by
//! `pretty_email_regex`, then email-validator on what is left, stripped.

use std::fmt::Write as _;
use std::sync::OnceLock;

use regex::Regex;

use super::pystr::is_py_space;
use super::tables;
use super::validate_email::validate_email as email_validator;

/// pydantic's `MAX_EMAIL_LENGTH`, in code points.
const MAX_EMAIL_LENGTH: usize = 2048;

/// pydantic's `validate_email`: the whole port, without the shortcut of `check_email`.
pub(super) fn validate_email(value: &str) -> Result<(), String> {
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
    email_validator(address.trim_matches(is_py_space))
}

/// pydantic's `pretty_email_regex`, anchored at both ends (`fullmatch`), with Python's `\s` and
/// `\w` (letters and numbers of Unicode 14.0, and `_`).
pub(super) fn pretty_email_regex() -> Option<&'static Regex> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_email_regex_compiles() {
        assert!(pretty_email_regex().is_some());
    }
}
