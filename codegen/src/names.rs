//! Names: the schema's names made Rust identifiers, and typify's field names matched to
//! the schema's properties.

use proc_macro2::{Ident, Span};
use quote::format_ident;

/// `famille--garde-denfants` → `FamilleGardeDenfants`.
pub(crate) fn pascal_case(s: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

pub(crate) fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('_');
        }
    }
    out
}

pub(crate) fn typify_field_matches(typify_name: &str, key: &str) -> bool {
    typify_name == key || typify_name == format!("{key}_") || typify_name == snake_case(key)
}

pub(crate) fn field_ident(key: &str, typify_name: &str) -> Ident {
    let valid = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if valid {
        if syn::parse_str::<Ident>(key).is_ok() {
            Ident::new(key, Span::call_site())
        } else if !matches!(key, "self" | "Self" | "super" | "crate" | "_") {
            Ident::new_raw(key, Span::call_site())
        } else {
            format_ident!("{}", typify_name)
        }
    } else {
        format_ident!("{}", typify_name)
    }
}
