//! A cell as the official valideur sees it: `pandas.read_excel(dtype=str)` over openpyxl
//! (`data_only=True`: a formula's cached value). Each rule below is what that pipeline
//! does, checked against it by the fixtures of `scripts/xlsx/`:
//!
//! - an empty cell, an error (`#N/A`, `#DIV/0!`) and a string among pandas' default
//!   missing values (`NA`, `N/A`, `null`, `None`, `nan`, …) are missing (`None`);
//! - a number is its integer when it has no fractional part (`59350.0` is `"59350"`,
//!   `1e20` is `"100000000000000000000"`, as Python's `int`), Python's `repr` of the float
//!   otherwise (`10.5`, `1.5e-07`);
//! - a boolean is `"True"` or `"False"`;
//! - a date or a date-time is Python's `str` of openpyxl's `datetime` (`2025-02-14
//!   00:00:00`, with `.ffffff` when it has a fraction of a second, rounded to the
//!   millisecond as openpyxl rounds it); a time alone (a serial below 1) is `14:00:00`;
//!   a duration is Python's `str` of a `timedelta` (`1 day, 2:00:00`); a serial beyond
//!   Python's dates (years 1 to 9999) or durations (999 999 999 days) is missing, as
//!   openpyxl makes it an error (« outside the limits for dates »);
//! - a string is kept as it is, spaces included.

use calamine::DataRef;
use chrono::Datelike;

/// pandas' default missing values (`pandas.io.parsers` `STR_NA_VALUES`), which a string
/// cell read with `dtype=str` becomes `NaN` for.
const NA_VALUES: &[&str] = &[
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// The text of a cell as pandas gives it with `dtype=str`, `None` when it is missing.
pub(crate) fn pandas_text(cell: &DataRef<'_>) -> Option<String> {
    match cell {
        DataRef::Empty | DataRef::Error(_) => None,
        DataRef::String(s) => string(s),
        DataRef::SharedString(s) => string(s),
        DataRef::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        DataRef::Int(i) => Some(i.to_string()),
        DataRef::Float(f) => number(*f),
        DataRef::DateTime(dt) if dt.is_duration() => timedelta(dt.as_f64()),
        DataRef::DateTime(dt) => datetime(dt.as_f64(), is_1904(dt)),
        DataRef::DateTimeIso(s) => Some(s.replacen('T', " ", 1)),
        DataRef::DurationIso(s) => Some(s.clone()),
    }
}

/// Whether a cell holds nothing (openpyxl's `None`: what pandas trims at the end of a
/// row, and a row of only such cells is blank).
pub(crate) fn is_blank(cell: &DataRef<'_>) -> bool {
    matches!(cell, DataRef::Empty)
}

/// Whether a date cell counts from 1904 (old Mac workbooks): calamine's date for it is
/// then about four years after the 1900 system's.
fn is_1904(dt: &calamine::ExcelDateTime) -> bool {
    // (`try_days`: a serial of any size, such as 1e300, is no date, and no panic.)
    let from_1900 = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|e| {
        chrono::TimeDelta::try_days(dt.as_f64().floor() as i64)
            .and_then(|days| e.checked_add_signed(days))
    });
    match (dt.as_datetime(), from_1900) {
        (Some(calamine), Some(ours)) => (calamine.date() - ours).num_days() > 1000,
        _ => false,
    }
}

fn string(s: &str) -> Option<String> {
    (!NA_VALUES.contains(&s)).then(|| s.to_string())
}

/// A number as pandas gives it: its integer when it is integral (Python's `int(f)`,
/// exact), Python's `repr` otherwise.
pub(crate) fn number(f: f64) -> Option<String> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { "inf" } else { "-inf" }.to_string());
    }
    if f.fract() == 0.0 {
        return Some(integer_text(f));
    }
    Some(python_repr(f))
}

/// An integral finite float as the exact decimal integer (Python's `str(int(f))`).
fn integer_text(f: f64) -> String {
    if f.abs() < 9.2e18 {
        return (f as i64).to_string();
    }
    // mantissa · 2^exp, exactly, in base 10^9 limbs.
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut limbs: Vec<u64> = vec![mantissa % 1_000_000_000, mantissa / 1_000_000_000];
    for _ in 0..exp.max(0) {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = *limb * 2 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut text = if f < 0.0 {
        "-".to_string()
    } else {
        String::new()
    };
    let mut iter = limbs.iter().rev();
    if let Some(first) = iter.next() {
        text.push_str(&first.to_string());
    }
    for limb in iter {
        text.push_str(&format!("{limb:09}"));
    }
    text
}

/// Python's `repr` of a float: the shortest digits that read back, in positional
/// notation when the exponent is from -4 to 15, else as `1.5e-07`, `1e+16`.
pub(crate) fn python_repr(f: f64) -> String {
    // Rust's `{:e}` writes the shortest digits too: `1.5e-7`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let fixed = format!("{f}");
        if fixed.contains('.') {
            fixed
        } else {
            format!("{fixed}.0")
        }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

/// A date serial as openpyxl's `from_excel` turns it into a `datetime` (or a `time`
/// below 1), written as Python's `str`; `None` beyond Python's dates (years 1 to 9999),
/// where openpyxl makes the cell an error, which pandas reads as missing.
fn datetime(value: f64, is_1904: bool) -> Option<String> {
    let day = value.floor();
    let fraction = value - day;
    // openpyxl rounds the time of day to the millisecond (Python's round: half to even).
    let ms = round_half_even(fraction * 86_400_000.0) as i64;
    if (0.0..1.0).contains(&value) && ms < 86_400_000 {
        return Some(time_text(ms));
    }
    let mut days = day as i64;
    let epoch = if is_1904 {
        chrono::NaiveDate::from_ymd_opt(1904, 1, 1)
    } else {
        // 1899-12-30, and one day more before 1900-03-01 (Excel's 1900 leap year).
        if 0.0 < value && value < 60.0 {
            days += 1;
        }
        chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
    };
    let epoch = epoch.and_then(|e| e.and_hms_opt(0, 0, 0))?;
    // Beyond chrono's dates (a serial such as 1e300): Python's repr of the number, and
    // no panic (`try_days`).
    let moment = chrono::TimeDelta::try_days(days)
        .and_then(|days| epoch.checked_add_signed(days))
        .and_then(|d| d.checked_add_signed(chrono::TimeDelta::try_milliseconds(ms)?));
    let m = moment.filter(|m| (1..=9999).contains(&m.year()))?;
    let micros = m.and_utc().timestamp_subsec_micros();
    Some(if micros == 0 {
        m.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        format!("{}.{micros:06}", m.format("%Y-%m-%d %H:%M:%S"))
    })
}

/// A time of day in milliseconds as Python's `str` of a `time`.
fn time_text(ms: i64) -> String {
    let (s, ms) = (ms / 1000, ms % 1000);
    let base = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    if ms == 0 {
        base
    } else {
        format!("{base}.{:06}", ms * 1000)
    }
}

/// A duration in days as Python's `str` of a `timedelta` (openpyxl rounds it to the
/// millisecond); `None` beyond Python's `timedelta` (999 999 999 days either way).
fn timedelta(value: f64) -> Option<String> {
    let total_ms = round_half_even(value * 86_400_000.0) as i64;
    let days = total_ms.div_euclid(86_400_000);
    // Python's `timedelta.max` and `min`.
    if !(-999_999_999..=999_999_999).contains(&days) {
        return None;
    }
    let rest = total_ms.rem_euclid(86_400_000);
    let time = {
        let (s, ms) = (rest / 1000, rest % 1000);
        let base = format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
        if ms == 0 {
            base
        } else {
            format!("{base}.{:06}", ms * 1000)
        }
    };
    Some(match days {
        0 => time,
        1 | -1 => format!("{days} day, {time}"),
        _ => format!("{days} days, {time}"),
    })
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_pandas_writes_them() {
        assert_eq!(number(59350.0).as_deref(), Some("59350"));
        assert_eq!(number(-0.0).as_deref(), Some("0"));
        assert_eq!(number(1e20).as_deref(), Some("100000000000000000000"));
        assert_eq!(
            number(123456789012345678.0).as_deref(),
            Some("123456789012345680")
        );
        assert_eq!(number(1e16).as_deref(), Some("10000000000000000"));
        assert_eq!(number(10.5).as_deref(), Some("10.5"));
        assert_eq!(number(0.1).as_deref(), Some("0.1"));
        assert_eq!(number(1.5e-7).as_deref(), Some("1.5e-07"));
        assert_eq!(number(0.0001).as_deref(), Some("0.0001"));
        assert_eq!(number(0.00001).as_deref(), Some("1e-05"));
        assert_eq!(number(12345678.9).as_deref(), Some("12345678.9"));
        assert_eq!(number(f64::NAN), None);
        assert_eq!(
            number(1e300).map(|s| s.len()),
            Some(301),
            "an exact integer of 301 digits"
        );
    }

    #[test]
    fn dates_as_openpyxl_and_python_write_them() {
        let date = |value: f64, is_1904: bool| datetime(value, is_1904);
        // 2025-01-02 is serial 45659.
        assert_eq!(date(45659.0, false).as_deref(), Some("2025-01-02 00:00:00"));
        assert_eq!(
            date(45659.0 + (3.0 * 3600.0 + 4.0 * 60.0 + 5.6) / 86400.0, false).as_deref(),
            Some("2025-01-02 03:04:05.600000")
        );
        assert_eq!(date(14.0 / 24.0, false).as_deref(), Some("14:00:00"));
        assert_eq!(date(1.0, false).as_deref(), Some("1900-01-01 00:00:00"));
        assert_eq!(date(61.0, false).as_deref(), Some("1900-03-01 00:00:00"));
        assert_eq!(date(0.0, true).as_deref(), Some("00:00:00"));
        assert_eq!(
            timedelta(1.0 + 2.0 / 24.0).as_deref(),
            Some("1 day, 2:00:00")
        );
    }

    /// Serials beyond Python's dates and durations, as pandas 3.1.1 over openpyxl 3.1.5
    /// reads them (a date-formatted cell, then a `[h]:mm:ss` one): openpyxl makes them
    /// errors, which pandas reads as missing. The fuzz target `xlsx` found that 1e300
    /// panicked here (chrono's `TimeDelta::days`).
    #[test]
    fn serials_beyond_pythons_dates_are_missing_as_pandas_reads_them() {
        for (value, text) in [
            (2_958_465.0, Some("9999-12-31 00:00:00")),
            (2_958_465.5, Some("9999-12-31 12:00:00")),
            (2_958_466.0, None),
            (-1.0, Some("1899-12-29 00:00:00")),
            (-693_593.0, Some("0001-01-01 00:00:00")),
            (-693_594.0, None),
            (1e15, None),
            (1e300, None),
            (-1e300, None),
            (f64::MAX, None),
        ] {
            assert_eq!(datetime(value, false).as_deref(), text, "{value}");
        }
        assert_eq!(datetime(1e300, true), None);
        for (value, text) in [
            (999_999_999.5, Some("999999999 days, 12:00:00")),
            (-999_999_999.0, Some("-999999999 days, 0:00:00")),
            (1e9, None),
            (-1e9, None),
            (1e300, None),
        ] {
            assert_eq!(timedelta(value).as_deref(), text, "{value}");
        }
    }
}
