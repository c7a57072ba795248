//! email-validator 2.4.0's entry, `validate_email` (`email_validator/validate_email.py`),
//! with the module defaults of `email_validator/__init__.py` (no empty or quoted local part,
//! no domain literal, no display name, a globally deliverable domain) and
//! `check_deliverability=False`.

use std::borrow::Cow;

use super::syntax::{
    split_email, validate_domain_literal, validate_domain_name, validate_email_length,
    validate_local_part,
};
use super::unicodedata::nfc_str;

/// email-validator's `SPECIAL_USE_DOMAIN_NAMES` (`__init__.py`), refused when
/// `globally_deliverable`.
pub(super) const SPECIAL_USE_DOMAIN_NAMES: [&str; 6] =
    ["arpa", "invalid", "local", "localhost", "onion", "test"];

/// email-validator's `validate_email(email, check_deliverability=False)`: the reason of the
/// first failing check.
pub(super) fn validate_email(email: &str) -> Result<(), String> {
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
