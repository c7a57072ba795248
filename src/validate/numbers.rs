//! Strings read as numbers in lax mode: a port of pydantic-core's `src/input/shared.rs`
//! (`str_as_float`, `str_as_int`, `clean_int_str`, `strip_leading_zeros`,
//! `strip_underscores`, `float_as_int`), at pydantic-core 2.50.4, the version the official
//! package installs (`scripts/conformance/requirements.txt`).
//!
//! The functions keep their names and the order of their steps, so that the two can be
//! read side by side. Integer text is parsed by jiter's `NumberInt::try_from`, as there:
//! pydantic-core 2.50.4 builds jiter 0.18.0, whose number parsing is the same as the 0.19
//! this crate depends on. The steps are subtler than they look:
//!
//! * a float string is trimmed only for the plain parse; the underscores are removed from
//!   the untrimmed text (`" 1000 "` and `"1_000"` are 1000, `" 1_000"` is not a number);
//! * an integer string is parsed as is first, then cleaned: trimmed, a `+` dropped, the
//!   leading zeros stripped, a fraction of zeros stripped from the text as written (so
//!   `"1_0.0"` is 10 but `"1.0_0"` is not an integer), then the underscores removed;
//! * the 4300-digit limit (Python's `int` limit) is jiter's, on the text it is given: only
//!   the uncleaned text's limit is `int_parsing_size` (`"1" * 4301`); leading zeros do not
//!   count (`"0" * 5000 + "4"` is 4), and a cleaned text beyond it is `int_parsing`.
//!
//! Where Python returns an integer beyond `i64`, this crate refuses it with
//! `int_parsing_size` (the typed field is an `i64`: a documented divergence).

use std::borrow::Cow;

use jiter::{JsonErrorType, NumberInt};

use super::report::Detail;

/// `str_as_float`: the trimmed text read by Rust's `f64::from_str` (`"3.5"`, `" 1e3 "`,
/// `"nan"`, `"-inf"`), else the untrimmed text without its underscores.
pub(crate) fn str_as_float(s: &str) -> Result<f64, Detail> {
    match s.trim().parse::<f64>() {
        Ok(float) => Ok(float),
        Err(_) => match strip_underscores(s).and_then(|stripped| stripped.parse::<f64>().ok()) {
            Some(float) => Ok(float),
            None => Err(Detail::NumberParsing),
        },
    }
}

/// `str_as_int`: the text as a JSON integer, else the cleaned text ([`clean_int_str`]) as
/// one.
pub(crate) fn str_as_int(s: &str) -> Result<i64, Detail> {
    match NumberInt::try_from(s.as_bytes()) {
        Ok(NumberInt::Int(i)) => return Ok(i),
        Ok(NumberInt::BigInt(big)) => return within_i64(&big),
        Err(e) if e.error_type == JsonErrorType::NumberOutOfRange => {
            return Err(Detail::IntegerTooLarge)
        }
        Err(_) => {}
    }
    match clean_int_str(s) {
        Some(cleaned) => match NumberInt::try_from(cleaned.as_bytes()) {
            Ok(NumberInt::Int(i)) => Ok(i),
            Ok(NumberInt::BigInt(big)) => within_i64(&big),
            Err(_) => Err(Detail::IntegerParsing),
        },
        None => Err(Detail::IntegerParsing),
    }
}

/// A big integer of jiter (any of 19 digits or more) as the typed field's `i64`; beyond
/// it, Python's integer, which the typed field cannot hold (`int_parsing_size`).
fn within_i64<B>(big: &B) -> Result<i64, Detail>
where
    for<'b> i64: TryFrom<&'b B>,
{
    i64::try_from(big).map_err(|_| Detail::IntegerTooLarge)
}

/// `strip_underscores`: `1_000` → `1000`; `None` when there is no underscore, or one
/// leads, trails or is doubled (as Python's `int('__1__')` fails).
fn strip_underscores(s: &str) -> Option<String> {
    if s.starts_with('_') || s.ends_with('_') || !s.contains('_') || s.contains("__") {
        None
    } else {
        Some(s.replace('_', ""))
    }
}

/// `clean_int_str`: trimmed, without a leading `+`, leading zeros or a fraction of zeros,
/// without underscores; `None` when nothing was cleaned or the text cannot be an integer.
fn clean_int_str(mut s: &str) -> Option<Cow<'_, str>> {
    let len_before = s.len();

    s = s.trim();

    // A leading `+`, not followed by `-` (`+-1`).
    if let Some(suffix) = s.strip_prefix('+') {
        if suffix.starts_with('-') {
            return None;
        }
        s = suffix;
    }

    // The sign is set aside while the leading zeros are stripped, then put back.
    let mut is_negative = false;
    if let Some(suffix) = s.strip_prefix('-') {
        if suffix.starts_with('-') | suffix.starts_with('+') {
            return None;
        }
        is_negative = true;
        s = suffix;
    }

    s = strip_leading_zeros(s)?;

    // `.0+` stripped from the text (not through a float, which loses precision).
    if let Some(i) = s.find('.') {
        let decimal_part = s.get(i + 1..).unwrap_or_default();
        if !decimal_part.is_empty() && decimal_part.chars().all(|c| c == '0') {
            s = s.get(..i).unwrap_or_default();
        }
    }

    if let Some(str_stripped) = strip_underscores(s) {
        return Some(match is_negative {
            true => Cow::Owned(format!("-{str_stripped}")),
            false => Cow::Owned(str_stripped),
        });
    }

    if len_before == s.len() {
        return None;
    }

    Some(match is_negative {
        true => Cow::Owned(format!("-{s}")),
        false => Cow::Borrowed(s),
    })
}

/// `strip_leading_zeros`: `000` → `0`, `00.0` → `0.0`, `0_001` → `1`; the text itself
/// when it starts with another digit or `-`; `None` when it starts with anything else
/// (or is empty).
fn strip_leading_zeros(s: &str) -> Option<&str> {
    let mut char_iter = s.char_indices();
    match char_iter.next() {
        Some((_, '0')) => (),
        Some((_, c)) if ('1'..='9').contains(&c) || c == '-' => return Some(s),
        _ => return None,
    }
    for (i, c) in char_iter {
        match c {
            // More leading zeros, or an underscore among them.
            '0' | '_' => (),
            '1'..='9' | '-' => return s.get(i..),
            // A point: the last zero is kept.
            '.' => return s.get(i - 1..),
            _ => return None,
        }
    }
    // Only zeros (and underscores): the last character, a zero or an underscore (which
    // then fails).
    s.get(s.len() - 1..)
}

/// `float_as_int`: a finite float without a fractional part, within `i64` (bounds
/// excluded).
pub(crate) fn float_as_int(float: f64) -> Result<i64, Detail> {
    if float.is_infinite() || float.is_nan() {
        Err(Detail::FiniteNumber)
    } else if float % 1.0 != 0.0 {
        Err(Detail::IntegerFromFloat)
    } else if (i64::MIN as f64) < float && float < (i64::MAX as f64) {
        Ok(float as i64)
    } else {
        Err(Detail::IntegerTooLarge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases of the issue, with the official verdicts (the edge corpus has many more).
    #[test]
    fn underscores_are_removed_from_the_untrimmed_text() {
        assert_eq!(str_as_float("1_000"), Ok(1000.0));
        assert_eq!(str_as_float(" 1000 "), Ok(1000.0));
        for s in [
            " 1_000",
            "1_000 ",
            "\t1_000",
            "1_000\n",
            " 1_0.5",
            "1_0e1 ",
            "\u{a0}1_000",
            "1_000\u{2003}",
        ] {
            assert_eq!(str_as_float(s), Err(Detail::NumberParsing), "{s:?}");
        }
        assert_eq!(str_as_float("1_0e1"), Ok(100.0));
    }

    #[test]
    fn a_fraction_of_zeros_is_stripped_before_the_underscores() {
        assert_eq!(str_as_int("1_0.0"), Ok(10));
        assert_eq!(str_as_int("4.00"), Ok(4));
        assert_eq!(str_as_int("1.0_0"), Err(Detail::IntegerParsing));
        assert_eq!(str_as_int("1_0.0_0"), Err(Detail::IntegerParsing));
    }

    #[test]
    fn leading_zeros_do_not_count_toward_the_digit_limit() {
        assert_eq!(str_as_int(&format!("{}4", "0".repeat(4300))), Ok(4));
        assert_eq!(str_as_int(&format!("{}4", "0".repeat(5000))), Ok(4));
        assert_eq!(str_as_int(&"0".repeat(5000)), Ok(0));
        assert_eq!(str_as_int(&"1".repeat(4301)), Err(Detail::IntegerTooLarge));
        // Out of range once cleaned: a parsing error, as in pydantic-core.
        assert_eq!(
            str_as_int(&format!(" {}", "1".repeat(4301))),
            Err(Detail::IntegerParsing)
        );
    }

    #[test]
    fn signs_and_zeros() {
        assert_eq!(str_as_int("+4"), Ok(4));
        assert_eq!(str_as_int("-04"), Ok(-4));
        assert_eq!(str_as_int("-0_4"), Ok(-4));
        assert_eq!(str_as_int(" 04 "), Ok(4));
        assert_eq!(str_as_int("00.0"), Ok(0));
        for s in [
            "+-4", "-+4", "--4", "_4", "4_", "0_", "", " ", "0x4", "4.5", ".0",
        ] {
            assert_eq!(str_as_int(s), Err(Detail::IntegerParsing), "{s:?}");
        }
    }
}
