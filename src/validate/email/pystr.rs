//! The builtins of Python 3.11's `str` that the port needs: `str.isspace` (what `strip()`
//! and a pattern's `\s` take away), `str.isprintable` and `repr` of a `str`, which the
//! messages of `idna` and `ipaddress` quote.

use std::fmt::Write as _;

use super::unicodedata::{category, Cat};

/// Python's `str.isspace`, which is also what `\s` matches in a `str` pattern.
pub(super) fn is_py_space(c: char) -> bool {
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

/// `repr(s)` of a Python `str`, given as code points.
pub(super) fn py_repr(cps: &[u32]) -> String {
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

/// `repr(s)` of a Python `str`.
pub(super) fn py_repr_str(s: &str) -> String {
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
