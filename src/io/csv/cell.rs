//! CSV cells: a cell read into a JSON value by the type of its column, and a value written
//! as a cell.

use std::borrow::Cow;

use serde_json::{Number, Value};

use crate::spec::TypeSpec;
use crate::validate::numbers::str_as_int;

/// How the cells of a CSV file are written, for reading them.
#[derive(Clone, Copy)]
pub(crate) struct CellSyntax<'a> {
    /// The characters separating the items of a plain list cell.
    pub(crate) list_separators: &'a [char],
    /// Whether a decimal comma (`3,5`) is read in number columns (when the delimiter is a
    /// semicolon, as French spreadsheets write).
    pub(crate) decimal_comma: bool,
}

/// A cell as read, before it is a JSON value: a plain string cell borrows the row's text;
/// numbers, booleans and lists are values. [`Cell::into_value`] is the value the row's map
/// holds; the single pass over a row ([`super::row`]) reads the cell itself.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    /// A string, as written in the row.
    Str(&'a str),
    /// Any other value (or a string read out of a list).
    Value(Value),
}

impl Cell<'_> {
    /// The cell as a JSON value.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Cell::Str(s) => Value::String(s.to_string()),
            Cell::Value(v) => v,
        }
    }
}

/// A non-empty cell of a column of type `ty`, as a JSON value: lists as arrays, numbers
/// as numbers where they parse, strings otherwise (what the row's map holds).
#[cfg(test)]
pub(crate) fn read_cell(cell: &str, ty: &TypeSpec, syntax: &CellSyntax<'_>) -> Value {
    cell_of(cell, ty, syntax).into_value()
}

/// A non-empty cell of a column of type `ty`: lists as arrays, numbers as numbers where
/// they parse, strings otherwise, borrowed ([`Cell::into_value`] is the value the row's map
/// holds).
pub(crate) fn cell_of<'a>(cell: &'a str, ty: &TypeSpec, syntax: &CellSyntax<'_>) -> Cell<'a> {
    match ty {
        TypeSpec::List { item, .. } => match parse_list(cell, syntax.list_separators) {
            Some(items) => Cell::Value(Value::Array(
                items
                    .into_iter()
                    .map(|v| match v {
                        Value::String(s) => {
                            read_scalar(&s, item, syntax).unwrap_or(Value::String(s))
                        }
                        other => other,
                    })
                    .collect(),
            )),
            None => Cell::Str(cell),
        },
        _ => read_scalar(cell, ty, syntax).map_or(Cell::Str(cell), Cell::Value),
    }
}

/// A scalar cell converted to its column's type, when the type is not a string and the
/// cell reads as one.
fn read_scalar(cell: &str, ty: &TypeSpec, syntax: &CellSyntax<'_>) -> Option<Value> {
    match ty {
        TypeSpec::Number { .. } => {
            let t = number_text(cell, syntax)?;
            if let Ok(i) = t.parse::<i64>() {
                return Some(Value::from(i));
            }
            finite(&t).map(Value::Number)
        }
        TypeSpec::Integer { .. } => {
            let t = number_text(cell, syntax)?;
            if let Ok(i) = t.parse::<i64>() {
                return Some(Value::from(i));
            }
            // What the official package reads as an integer from the same text in JSON:
            // `4.0` (pandas' nullable integers), `4.00`, `1_000` are 4, 4, 1000.
            if let Ok(i) = str_as_int(&t) {
                return Some(Value::from(i));
            }
            // `4.5` is a number, for validation to report its fractional part; any other
            // text (`4e0`, `4.`, a number beyond `i64`) stays a string, refused as the
            // official package refuses it.
            let n = finite(&t)?;
            match n.as_f64() {
                Some(f) if f.fract() != 0.0 => Some(Value::Number(n)),
                _ => None,
            }
        }
        TypeSpec::Boolean => match cell.trim().to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

/// The cell as number text: trimmed, with a decimal comma made a point when allowed.
fn number_text<'c>(cell: &'c str, syntax: &CellSyntax<'_>) -> Option<Cow<'c, str>> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    if syntax.decimal_comma && t.matches(',').count() == 1 && !t.contains('.') {
        return Some(Cow::Owned(t.replacen(',', ".", 1)));
    }
    Some(Cow::Borrowed(t))
}

/// A finite number written in decimal (`3.5`, `-1e3`); not `inf`, `NaN`.
fn finite(t: &str) -> Option<Number> {
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    let f = t.parse::<f64>().ok()?;
    Number::from_f64(f)
}

/// The items of a list cell: a JSON array, a Python list literal, or items separated by
/// one of `separators` (trimmed, empty ones dropped). `None` when the cell starts with
/// `[` and ends with `]` but is neither JSON nor a Python literal.
pub(crate) fn parse_list(cell: &str, separators: &[char]) -> Option<Vec<Value>> {
    let t = cell.trim();
    if t.starts_with('[') && t.ends_with(']') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(t) {
            return Some(items);
        }
        return python_list(t);
    }
    let mut items = Vec::new();
    let mut item = |s: &str| {
        let s = s.trim();
        if !s.is_empty() {
            items.push(Value::String(s.to_string()));
        }
    };
    match ascii_set(separators) {
        // ASCII separators split the bytes: an ASCII byte is never inside a multibyte
        // character, so each piece is the one `str::split` gives, found faster.
        Some(set) => {
            let mut from = 0;
            for (i, &b) in t.as_bytes().iter().enumerate() {
                if b < 128 && set & (1u128 << b) != 0 {
                    item(t.get(from..i).unwrap_or_default());
                    from = i + 1;
                }
            }
            item(t.get(from..).unwrap_or_default());
        }
        None => t.split(|c| separators.contains(&c)).for_each(item),
    }
    Some(items)
}

/// The characters as a set of ASCII bytes (bit `b` for byte `b`), when they all are.
fn ascii_set(chars: &[char]) -> Option<u128> {
    chars.iter().try_fold(0u128, |set, &c| {
        c.is_ascii().then(|| set | (1u128 << u32::from(c)))
    })
}

/// A Python list literal of strings (`['a', "l'b", 'c\\'d']`), as `repr` writes it:
/// strings in single or double quotes with backslash escapes; bare `None`, `True`,
/// `False`, numbers and words are read too.
fn python_list(text: &str) -> Option<Vec<Value>> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let mut chars = inner.chars().peekable();
    let mut items = Vec::new();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&c) = chars.peek() else { break };
        if c == '\'' || c == '"' || ((c == 'u' || c == 'U') && starts_string(&chars)) {
            if c == 'u' || c == 'U' {
                chars.next();
            }
            let quote = chars.next()?;
            items.push(Value::String(python_string(&mut chars, quote)?));
        } else {
            let mut token = String::new();
            while let Some(c) = chars.next_if(|&c| c != ',') {
                token.push(c);
            }
            let token = token.trim();
            if token.is_empty() {
                return None;
            }
            items.push(bare(token));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        match chars.next() {
            None => break,
            Some(',') => {}
            Some(_) => return None,
        }
    }
    Some(items)
}

/// Whether the next characters are a string prefix `u` then a quote.
fn starts_string(chars: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = chars.clone();
    ahead.next();
    matches!(ahead.next(), Some('\'' | '"'))
}

/// The rest of a Python string literal, after its opening `quote`.
fn python_string(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    quote: char,
) -> Option<String> {
    let mut out = String::new();
    loop {
        let c = chars.next()?;
        if c == quote {
            return Some(out);
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        match e {
            '\n' => {}
            '\\' | '\'' | '"' => out.push(e),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            'x' => out.push(hex_char(chars, 2)?),
            'u' => out.push(hex_char(chars, 4)?),
            'U' => out.push(hex_char(chars, 8)?),
            '0'..='7' => {
                let mut code = e.to_digit(8)?;
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            code = code * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(code)?);
            }
            other => {
                // Python keeps an unknown escape as written.
                out.push('\\');
                out.push(other);
            }
        }
    }
}

fn hex_char(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, digits: usize) -> Option<char> {
    let mut code = 0u32;
    for _ in 0..digits {
        code = code.checked_mul(16)? + chars.next()?.to_digit(16)?;
    }
    char::from_u32(code)
}

/// A bare token of a Python literal.
fn bare(token: &str) -> Value {
    match token {
        "None" => Value::Null,
        "True" => Value::Bool(true),
        "False" => Value::Bool(false),
        _ => {
            if let Ok(i) = token.parse::<i64>() {
                Value::from(i)
            } else if let Some(n) = finite(token) {
                Value::Number(n)
            } else {
                Value::String(token.to_string())
            }
        }
    }
}

/// A value as a CSV cell: null empty, a string as is, a number as Rust writes it
/// (shortest: `20.0` as `20`), a list as its items joined by `separator` (as a JSON array
/// when the items would not read back so), anything else as its JSON text.
pub(crate) fn write_cell(value: &Value, separator: &str) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_cell(n),
        Value::Array(items) => list_cell(items, separator),
        Value::Object(_) => value.to_string(),
    }
}

/// An `extra` value as a cell: a string as is, null empty, anything else as its JSON text.
pub(crate) fn write_extra_cell(value: &crate::RawJson) -> String {
    if value.is_null() {
        return String::new();
    }
    match value.as_str() {
        Some(s) => s.into_owned(),
        None => value.get().to_string(),
    }
}

fn number_cell(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        n.as_f64().map_or_else(|| n.to_string(), |f| f.to_string())
    }
}

/// A list as Python writes it (`repr`): `['a', 'b']`, what pandas writes in the
/// data.gouv.fr CSV. Strings as Python's `repr` quotes them; any other item as its JSON
/// text, but `null`, `true` and `false` as `None`, `True` and `False`.
pub(crate) fn python_list_cell(items: &[Value]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match item {
            Value::String(s) => python_repr(&mut out, s),
            Value::Null => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            other => out.push_str(&other.to_string()),
        }
    }
    out.push(']');
    out
}

/// A string as Python's `repr` writes it: in single quotes, or double quotes when it holds
/// a single quote and no double quote; backslashes, the quote, `\n`, `\r`, `\t` escaped,
/// other characters that Python does not print as `\xNN`, `\uNNNN`.
fn python_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !python_printable(c) => {
                let code = u32::from(c);
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Whether Python's `repr` prints the character as it is (`str.isprintable`): not a
/// control character, not a separator other than the space, not a format character.
fn python_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'))
}

/// A number as Python writes a float (`repr`), what pandas writes for a `float64` column:
/// `20.0`, `0.5`, `1e-05`, `1e+16`.
pub(crate) fn python_float(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    let a = f.abs();
    if a == 0.0 || (1e-4..1e16).contains(&a) {
        let mut text = f.to_string();
        if !text.contains('.') {
            text.push_str(".0");
        }
        return text;
    }
    // `1e16` → `1e+16`, `1e-5` → `1e-05`.
    let text = format!("{f:e}");
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return text;
    };
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exponent),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// The characters that split a plain list cell when read with any usual settings.
const SPLITTING: [char; 3] = [',', '|', ';'];

fn list_cell(items: &[Value], separator: &str) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let sep = separator.trim();
    let plain = items.iter().enumerate().all(|(i, item)| match item {
        Value::String(s) => {
            !s.is_empty()
                && s.trim() == s
                && !s.contains(SPLITTING)
                && (sep.is_empty() || !s.contains(sep))
                && (i > 0 || !s.starts_with('['))
        }
        _ => false,
    });
    if !plain {
        return Value::Array(items.to_vec()).to_string();
    }
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        if let Value::String(s) = item {
            out.push_str(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SEPS: &[char] = &[',', '|'];

    #[test]
    fn list_cells_in_every_syntax() {
        for cell in [
            "a,b",
            "a, b",
            " a | b ",
            "[\"a\", \"b\"]",
            "['a', 'b']",
            "['a','b',]",
            "[a, b]",
        ] {
            assert_eq!(
                parse_list(cell, SEPS),
                Some(vec![json!("a"), json!("b")]),
                "{cell}"
            );
        }
        assert_eq!(parse_list("[]", SEPS), Some(vec![]));
        assert_eq!(parse_list("a", SEPS), Some(vec![json!("a")]));
        assert_eq!(
            parse_list(
                r#"['l\'école, "la"', "d'abord", 'x\\y', '\xe9\u00e9']"#,
                SEPS
            ),
            Some(vec![
                json!("l'école, \"la\""),
                json!("d'abord"),
                json!("x\\y"),
                json!("éé")
            ])
        );
        assert_eq!(
            parse_list("[None, 4, True]", SEPS),
            Some(vec![json!(null), json!(4), json!(true)])
        );
        assert_eq!(parse_list("['a', 'b]", SEPS), None);
        assert_eq!(parse_list("['a' 'b']", SEPS), None);
    }

    #[test]
    fn lists_write_plainly_unless_an_item_would_split() {
        assert_eq!(write_cell(&json!(["a", "b"]), ","), "a,b");
        assert_eq!(write_cell(&json!(["a", "b"]), " | "), "a | b");
        assert_eq!(write_cell(&json!(["a,b", "c"]), ","), r#"["a,b","c"]"#);
        assert_eq!(write_cell(&json!([]), ","), "[]");
        assert_eq!(write_cell(&json!(20.0), ","), "20");
        assert_eq!(write_cell(&json!(3.5), ","), "3.5");
    }

    proptest::proptest! {
        /// The plain list split on bytes gives what `str::split` gives, whatever the
        /// separators (ASCII or not) and the text around them.
        #[test]
        fn plain_lists_split_as_str_split(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b c", " ", ",", "|", ";", "é", "’", "\u{a0}", "\t", "x]", "\u{e9}|\u{e9}",
            ]), 0..20),
            separators in proptest::sample::select(vec![
                vec![',', '|'], vec![], vec![';'], vec!['’', ','], vec!['é'], vec![' ', '\t'],
            ]),
        ) {
            let cell = pieces.concat();
            let t = cell.trim();
            proptest::prop_assume!(!(t.starts_with('[') && t.ends_with(']')));
            let expected: Vec<Value> = t
                .split(|c| separators.contains(&c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect();
            proptest::prop_assert_eq!(parse_list(&cell, &separators), Some(expected));
        }
    }

    #[test]
    fn python_lists_are_written_as_repr_writes_them_and_read_back() {
        let items = vec![
            json!("a"),
            json!("l'école"),
            json!("dit \"oui\" et l'a"),
            json!("x\\y\n"),
            json!("\u{a0}é"),
        ];
        let cell = python_list_cell(&items);
        assert_eq!(
            cell,
            r#"['a', "l'école", 'dit "oui" et l\'a', 'x\\y\n', '\xa0é']"#
        );
        assert_eq!(parse_list(&cell, SEPS), Some(items));
        assert_eq!(python_list_cell(&[]), "[]");
    }

    #[test]
    fn floats_as_python_writes_them() {
        for (f, text) in [
            (20.0, "20.0"),
            (0.5, "0.5"),
            (3.06, "3.06"),
            (-1.0, "-1.0"),
            (0.0, "0.0"),
            (1e-5, "1e-05"),
            (1.5e16, "1.5e+16"),
            (1e-4, "0.0001"),
            (123456789.0, "123456789.0"),
        ] {
            assert_eq!(python_float(f), text, "{f}");
        }
    }

    #[test]
    fn numbers_by_column_type() {
        let syntax = CellSyntax {
            list_separators: SEPS,
            decimal_comma: false,
        };
        let int = TypeSpec::Integer { minimum: None };
        let num = TypeSpec::Number { minimum: None };
        assert_eq!(read_cell("4.0", &int, &syntax), json!(4));
        assert_eq!(read_cell("4.5", &int, &syntax), json!(4.5));
        assert_eq!(read_cell("quatre", &int, &syntax), json!("quatre"));
        // As the official package reads the same text: `4.00` and `1_000` are integers,
        // `4e0` and `4.` are not.
        assert_eq!(read_cell("4.00", &int, &syntax), json!(4));
        assert_eq!(read_cell("1_000", &int, &syntax), json!(1000));
        assert_eq!(
            read_cell("9223372036854775807.0", &int, &syntax),
            json!(i64::MAX)
        );
        assert_eq!(read_cell("4e0", &int, &syntax), json!("4e0"));
        assert_eq!(read_cell("4.", &int, &syntax), json!("4."));
        assert_eq!(read_cell("3.5", &num, &syntax), json!(3.5));
        assert_eq!(read_cell("NaN", &num, &syntax), json!("NaN"));
        assert_eq!(read_cell("3,5", &num, &syntax), json!("3,5"));
        let french = CellSyntax {
            list_separators: SEPS,
            decimal_comma: true,
        };
        assert_eq!(read_cell("3,5", &num, &french), json!(3.5));
    }
}
