//! Python 3.11.7's `ipaddress`: `IPv4Address(str)` and `IPv6Address(str)`, for the messages
//! email-validator quotes when a domain literal is not an address.

use std::borrow::Cow;

use super::pystr::py_repr_str;

/// `IPv4Address(address)`: the message of its `AddressValueError`.
pub(super) fn parse_ipv4(address: &str) -> Result<(), String> {
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

/// `IPv6Address(address)`: whether the address has a zone index (`%scope`), or the message
/// of its `AddressValueError`.
pub(super) fn parse_ipv6(address: &str) -> Result<bool, String> {
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
