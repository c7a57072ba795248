//! Checks of single values, as the official package (pydantic-core, lax mode) makes them.

use std::sync::{OnceLock, RwLock};

use chrono::NaiveDate;
use regex::Regex;

use super::node::Node;
use super::numbers::{float_as_int, str_as_float, str_as_int};
use super::report::Detail;
use crate::spec::StringSpec;

/// The official package's limit on URLs, in UTF-8 bytes of the input.
pub(crate) const URL_MAX_BYTES: usize = 2083;

/// A string against its spec: a format with rules of its own first (`uri`: see
/// [`url_str`]; `email`: pydantic's `EmailStr`), else the constraints, checked in
/// pydantic's order: `minLength`, `maxLength`, `pattern` (lengths in Unicode characters),
/// `const`.
pub(crate) fn formatted_str(s: &str, spec: &StringSpec) -> Result<(), Detail> {
    match spec.format {
        Some("uri") => url_str(s),
        Some("email") => super::email::check_email(s).map_err(Detail::Email),
        _ => string_str(s, spec),
    }
}

/// The constraints of a string without a format of its own (see [`formatted_str`]).
pub(crate) fn string_str(s: &str, spec: &StringSpec) -> Result<(), Detail> {
    // A character is one to four bytes: most strings are known to fit from their length
    // in bytes, without counting their characters.
    let fits_min = spec.min_length.is_none_or(|min| s.len() / 4 >= min);
    let fits_max = spec.max_length.is_none_or(|max| s.len() <= max);
    if !(fits_min && fits_max) {
        let len = s.chars().count();
        if let Some(min) = spec.min_length {
            if len < min {
                return Err(Detail::TooShort(min));
            }
        }
        if let Some(max) = spec.max_length {
            if len > max {
                return Err(Detail::TooLong(max));
            }
        }
    }
    if let Some(pattern) = spec.pattern {
        if plainly_matches(pattern, s) {
            return constant(s, spec);
        }
        match regex(pattern) {
            Some(re) if re.is_match(s) => {}
            Some(_) => return Err(Detail::Pattern(pattern)),
            None => {
                return Err(Detail::Internal(format!(
                    "pattern {pattern:?} does not compile"
                )))
            }
        }
    }
    constant(s, spec)
}

fn constant(s: &str, spec: &StringSpec) -> Result<(), Detail> {
    if let Some(constant) = spec.constant {
        if s != constant {
            return Err(Detail::Constant(constant));
        }
    }
    Ok(())
}

/// Whether `s` matches `pattern` for certain, seen without the regex engine: for the
/// patterns of the form `^\d{n}$`, `^\w{n}$`, `^\d{m,n}$` or `^\w{m,n}$` (codes postaux,
/// codes Insee, SIRET), an ASCII string of ASCII digits (`\d`) or ASCII letters, digits
/// and `_` (`\w`) of the right length matches (the Unicode classes contain these). Any
/// other string or pattern goes to the regex engine.
fn plainly_matches(pattern: &str, s: &str) -> bool {
    let Some(body) = pattern.strip_prefix('^').and_then(|p| p.strip_suffix('$')) else {
        return false;
    };
    let (class, count): (fn(&u8) -> bool, &str) = if let Some(c) = body.strip_prefix("\\d{") {
        (u8::is_ascii_digit, c)
    } else if let Some(c) = body.strip_prefix("\\w{") {
        (|b: &u8| b.is_ascii_alphanumeric() || *b == b'_', c)
    } else {
        return false;
    };
    let Some(count) = count.strip_suffix('}') else {
        return false;
    };
    let (min, max) = match count.split_once(',') {
        Some((min, max)) => (min.parse::<usize>(), max.parse::<usize>()),
        None => (count.parse::<usize>(), count.parse::<usize>()),
    };
    let (Ok(min), Ok(max)) = (min, max) else {
        return false;
    };
    (min..=max).contains(&s.len()) && s.as_bytes().iter().all(class)
}

/// The compiled pattern, compiled once (the schema's patterns are few and static). The
/// `regex` crate is the engine of pydantic-core: `\d` and `\w` are Unicode classes there
/// as here.
fn regex(pattern: &'static str) -> Option<&'static Regex> {
    static CACHE: OnceLock<RwLock<Vec<(&'static str, &'static Regex)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(Vec::new()));
    if let Ok(read) = cache.read() {
        if let Some((_, re)) = read.iter().find(|(p, _)| *p == pattern) {
            return Some(re);
        }
    }
    let compiled: &'static Regex = Box::leak(Box::new(Regex::new(pattern).ok()?));
    if let Ok(mut write) = cache.write() {
        write.push((pattern, compiled));
    }
    Some(compiled)
}

/// An HTTP(S) URL (pydantic's `HttpUrl`): not empty, at most 2083 bytes, parsed by the
/// WHATWG parser of the `url` crate, scheme `http` or `https`.
pub(crate) fn url_str(s: &str) -> Result<(), Detail> {
    if s.is_empty() {
        return Err(Detail::UrlParsing("input is empty".into()));
    }
    if s.len() > URL_MAX_BYTES {
        return Err(Detail::UrlTooLong(URL_MAX_BYTES));
    }
    if plainly_valid_url(s) {
        return Ok(());
    }
    parse_url(s)
}

/// The WHATWG parser's verdict, scheme included.
fn parse_url(s: &str) -> Result<(), Detail> {
    match url::Url::parse(s) {
        Err(e) => Err(Detail::UrlParsing(e.to_string())),
        Ok(u) if u.scheme() != "http" && u.scheme() != "https" => Err(Detail::UrlScheme),
        Ok(_) => Ok(()),
    }
}

/// Whether `s` is an `http(s)` URL that the WHATWG parser accepts for certain, seen
/// without parsing it: the scheme written `http://` or `https://`, a host of labels of
/// ASCII letters, digits and hyphens (not empty, none an IDNA `xn--` label, the last one
/// starting with a letter, so not an IPv4 address), then nothing or a path, query or
/// fragment (which never fail to parse in an `http(s)` URL). Anything else is parsed.
fn plainly_valid_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let mut last = None;
    for label in host.split('.') {
        let plain = !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
        if !plain {
            return false;
        }
        last = label.bytes().next();
    }
    last.is_some_and(|b| b.is_ascii_alphabetic())
}

/// A number, with pydantic's lax coercions (`validate_float` of pydantic-core's JSON
/// input): integers, booleans (1 and 0) and strings as [`str_as_float`] reads them.
pub(crate) fn number(node: &Node<'_>) -> Result<f64, Detail> {
    match node {
        Node::Int(i) => Ok(*i as f64),
        Node::BigInt(s) => s.parse::<f64>().map_err(|_| Detail::NumberParsing),
        Node::Float(f) => Ok(*f),
        Node::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
        Node::Str(s) => str_as_float(s),
        _ => Err(Detail::NumberType),
    }
}

/// An integer, with pydantic's lax coercions (`validate_int` of pydantic-core's JSON
/// input): integral floats (`4.0`), booleans, strings as [`str_as_int`] reads them
/// (`"4"`, `"4.00"`, `"1_000"`, `" 04 "`).
///
/// Integers beyond `i64` are refused with `int_parsing_size`: the typed field is an
/// `i64` (the official package, in Python, accepts any size; a listed divergence).
pub(crate) fn integer(node: &Node<'_>) -> Result<i64, Detail> {
    match node {
        Node::Int(i) => Ok(*i),
        Node::BigInt(_) => Err(Detail::IntegerTooLarge),
        Node::Float(f) => float_as_int(*f),
        Node::Bool(b) => Ok(i64::from(*b)),
        Node::Str(s) => str_as_int(s),
        _ => Err(Detail::IntegerType),
    }
}

fn datetime_config() -> speedate::DateTimeConfig {
    speedate::DateTimeConfig {
        timestamp_unit: speedate::TimestampUnit::Infer,
        time_config: speedate::TimeConfig {
            microseconds_precision_overflow_behavior:
                speedate::MicrosecondsPrecisionOverflowBehavior::Truncate,
            unix_timestamp_offset: Some(0),
        },
    }
}

/// A date written as a string, as [`date`] reads it.
pub(crate) fn date_str(s: &str) -> Result<NaiveDate, Detail> {
    date(&Node::Str(std::borrow::Cow::Borrowed(s)))
}

/// A date, as pydantic-core reads one in lax mode with speedate: `YYYY-MM-DD`, a
/// datetime at midnight (any offset: its calendar date), or a unix timestamp at midnight
/// UTC (a number, or a string of one).
pub(crate) fn date(node: &Node<'_>) -> Result<NaiveDate, Detail> {
    let parsed = match node {
        Node::Str(s) => match speedate::Date::parse_str(s) {
            Ok(d) => Ok(d),
            Err(_) => {
                match speedate::DateTime::parse_bytes_with_config(s.as_bytes(), &datetime_config())
                {
                    Ok(dt) => midnight(dt),
                    Err(e) => Err(Detail::DateParsing(e.to_string())),
                }
            }
        },
        // pydantic-core's `int_as_datetime` and `float_as_datetime`.
        Node::Int(i) => midnight_or(speedate::DateTime::from_timestamp_with_config(
            *i,
            0,
            &datetime_config(),
        )),
        Node::Float(f) => {
            if f.is_nan() {
                Err(Detail::DateParsing("NaN values not permitted".into()))
            } else {
                // Seconds or milliseconds inferred, the fraction rounded to the
                // microsecond (`1704067199.9999996` is midnight).
                midnight_or(speedate::DateTime::from_float_with_config(
                    *f,
                    &datetime_config(),
                ))
            }
        }
        _ => Err(Detail::DateType),
    }?;
    if parsed.year == 0 {
        return Err(Detail::DateParsing("year 0 is out of range".into()));
    }
    NaiveDate::from_ymd_opt(
        i32::from(parsed.year),
        u32::from(parsed.month),
        u32::from(parsed.day),
    )
    .ok_or_else(|| Detail::DateParsing("day value is outside expected range".into()))
}

/// The date of a datetime read from a timestamp, when it is at midnight.
fn midnight_or(
    parsed: Result<speedate::DateTime, speedate::ParseError>,
) -> Result<speedate::Date, Detail> {
    match parsed {
        Ok(dt) => midnight(dt),
        Err(e) => Err(Detail::DateParsing(e.to_string())),
    }
}

fn midnight(dt: speedate::DateTime) -> Result<speedate::Date, Detail> {
    let t = &dt.time;
    if t.hour == 0 && t.minute == 0 && t.second == 0 && t.microsecond == 0 {
        Ok(dt.date)
    } else {
        Err(Detail::DateInexact)
    }
}

/// One value of a referential: an exact match, else an error.
pub(crate) fn referential(
    node: &Node<'_>,
    name: &'static str,
    values: &'static [&'static str],
) -> Result<&'static str, Detail> {
    if let Node::Str(s) = node {
        if let Some(v) = values.iter().find(|v| **v == s.as_ref()) {
            return Ok(v);
        }
        // The suggestion is looked for when the problem is reported (not on the fast path).
        return Err(Detail::Enum {
            referential: name,
            values,
            suggestion: None,
        });
    }
    Err(Detail::Enum {
        referential: name,
        values,
        suggestion: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shortcut accepts only URLs that the WHATWG parser accepts as `http(s)`.
        #[test]
        fn plainly_valid_urls_parse(
            scheme in proptest::sample::select(vec!["http://", "https://", "HTTP://", "http:/", "ftp://", ""]),
            labels in proptest::collection::vec("[a-zA-Z0-9-]{0,5}|xn--[a-z0-9]{1,4}|[0-9]{1,3}|0x[0-9a-f]{0,2}", 0..4),
            tail in "[/?#:@\\\\ %.a-z0-9é\t\n\\[\\]]{0,8}",
        ) {
            let url = format!("{scheme}{}{tail}", labels.join("."));
            if plainly_valid_url(&url) {
                proptest::prop_assert!(parse_url(&url).is_ok(), "{url}");
            }
        }
    }

    proptest::proptest! {
        /// The pattern shortcut accepts only what the regex engine matches.
        #[test]
        fn plainly_matching_strings_match(
            pattern in proptest::sample::select(vec![
                "^\\d{5}$", "^\\w{5}$", "^\\w{2,3}$", "^\\d{9}$", "^\\d{14}$", "^99[0-5]\\d{2}$",
            ]),
            s in "[0-9]{1,15}|[0-9a-zA-Z_]{1,15}|[0-9a-zA-Z_é٣ -]{0,15}",
        ) {
            if plainly_matches(pattern, &s) {
                proptest::prop_assert!(regex(pattern).unwrap().is_match(&s), "{pattern} {s}");
            }
        }
    }

    #[test]
    fn plain_codes_take_the_shortcut() {
        assert!(plainly_matches("^\\d{5}$", "75001"));
        assert!(plainly_matches("^\\w{5}$", "2A004"));
        assert!(plainly_matches("^\\w{2,3}$", "974"));
        assert!(plainly_matches("^\\d{14}$", "13002526500013"));
        assert!(!plainly_matches("^\\d{5}$", "7500"));
        assert!(!plainly_matches("^\\d{5}$", "7500a"));
        assert!(!plainly_matches("^99[0-5]\\d{2}$", "99100"));
    }

    #[test]
    fn common_urls_take_the_shortcut() {
        for url in [
            "https://www.actionlogement.fr/demande-cfi",
            "http://dora.inclusion.beta.gouv.fr/services/ass-pour-droit-a-l-i-nhes?x=1#a",
            "https://exemple.fr",
        ] {
            assert!(plainly_valid_url(url), "{url}");
        }
        for url in [
            "https://1.2.3.4/",
            "https://exemple.fr:8080/",
            "https://xn--bcher-kva.example/",
            "https://user@exemple.fr/",
            "https://exemple..fr/",
            "https://exemple.fr./",
            "https://",
        ] {
            assert!(!plainly_valid_url(url), "{url}");
        }
    }
}
