//! Python 3.11.7's `punycode` codec (`encodings/punycode.py`), on code points (which may be
//! surrogates, as in a Python `str`): what `idna` encodes an A-label with and decodes one from.

const PUNYCODE_DIGITS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn punycode_threshold(j: u64, bias: u64) -> u64 {
    (36 * (j + 1)).saturating_sub(bias).clamp(1, 26)
}

fn punycode_adapt(delta: u64, first: bool, numchars: u64) -> u64 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / numchars.max(1);
    let mut divisions = 0;
    while delta > 455 {
        delta /= 35;
        divisions += 36;
    }
    divisions + 36 * delta / (delta + 38)
}

/// `text.encode("punycode")`.
pub(super) fn punycode_encode(text: &[u32]) -> String {
    let mut out: String = text
        .iter()
        .filter_map(|&c| u8::try_from(c).ok().filter(u8::is_ascii).map(char::from))
        .collect();
    let base_len = out.len() as u64;
    let mut extended: Vec<u32> = text.iter().copied().filter(|&c| c >= 0x80).collect();
    extended.sort_unstable();
    extended.dedup();

    // insertion_unsort
    let mut deltas: Vec<u64> = Vec::new();
    let mut old_char: i64 = 0x80;
    let mut old_index: i64 = -1;
    for &c in &extended {
        let current = i64::from(c);
        let shorter = text.iter().filter(|&&x| x < c).count() as i64;
        let mut delta = (shorter + 1) * (current - old_char);
        let mut index: i64 = -1;
        for &x in text {
            if x == c {
                index += 1;
                delta += index - old_index;
                deltas.push(u64::try_from(delta - 1).unwrap_or(0));
                old_index = index;
                delta = 0;
            } else if x < c {
                index += 1;
            }
        }
        old_char = current;
    }

    // generate_integers
    let mut encoded = String::new();
    let mut bias = 72;
    for (points, &delta) in deltas.iter().enumerate() {
        let mut n = delta;
        let mut j = 0;
        loop {
            let t = punycode_threshold(j, bias);
            if n < t {
                encoded.push(char::from(PUNYCODE_DIGITS[(n % 36) as usize]));
                break;
            }
            encoded.push(char::from(
                PUNYCODE_DIGITS[((t + (n - t) % (36 - t)) % 36) as usize],
            ));
            n = (n - t) / (36 - t);
            j += 1;
        }
        bias = punycode_adapt(delta, points == 0, base_len + points as u64 + 1);
    }
    if out.is_empty() {
        encoded
    } else {
        out.push('-');
        out.push_str(&encoded);
        out
    }
}

/// `text.decode("punycode")`: `None` on any decoding error (Python raises `UnicodeError`).
pub(super) fn punycode_decode(text: &str) -> Option<Vec<u32>> {
    let (base, extended) = match text.rfind('-') {
        Some(pos) => (&text[..pos], &text[pos + 1..]),
        None => ("", text),
    };
    let mut out: Vec<u32> = base.chars().map(u32::from).collect();
    let extended = extended.as_bytes();
    let mut char_value: u64 = 0x80;
    let mut pos: u64 = 0; // Python's `pos + 1`
    let mut bias: u64 = 72;
    let mut ext_pos = 0;
    while ext_pos < extended.len() {
        // decode_generalized_number
        let mut result: u64 = 0;
        let mut w: u64 = 1;
        let mut j = 0;
        let mut next = ext_pos;
        let delta = loop {
            let byte = *extended.get(next)?;
            next += 1;
            let digit = match byte.to_ascii_uppercase() {
                b @ b'A'..=b'Z' => u64::from(b - b'A'),
                b @ b'0'..=b'9' => u64::from(b - 22),
                _ => return None,
            };
            let t = punycode_threshold(j, bias);
            result = result.saturating_add(digit.saturating_mul(w));
            if digit < t {
                break result;
            }
            w = w.saturating_mul(36 - t);
            j += 1;
        };
        let len = out.len() as u64 + 1;
        let shifted = pos.saturating_add(delta); // Python: pos += delta + 1
        char_value = char_value.saturating_add(shifted / len);
        if char_value > 0x10FFFF {
            return None;
        }
        let insert_at = usize::try_from(shifted % len).ok()?;
        out.insert(insert_at.min(out.len()), char_value as u32);
        pos = (shifted % len) + 1;
        bias = punycode_adapt(delta, ext_pos == 0, out.len() as u64);
        ext_pos = next;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from Python's `punycode` codec.
    #[test]
    fn punycode_as_python() {
        let cases: [(&[u32], &str); 4] = [
            (&[0x62, 0xFC, 0x63, 0x68, 0x65, 0x72], "bcher-kva"),
            (&[0xFC], "tda"),
            (&[0x301], "lsa"),
            (&[0xD800], "ib9b"),
        ];
        for (text, encoded) in cases {
            assert_eq!(punycode_encode(text), encoded);
            assert_eq!(punycode_decode(encoded).as_deref(), Some(text));
        }
        assert_eq!(punycode_decode("99999999999"), None);
        assert_eq!(punycode_decode("a_"), None);
    }
}
