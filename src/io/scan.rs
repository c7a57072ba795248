//! The hand-written byte searches of the readers, in one place: each finds the first of a
//! few bytes in a slice, eight bytes at a time (a word's bytes compared at once, the usual
//! bit tricks), inlined, and is held to a plain byte loop by the tests below.
//!
//! The CSV splitter uses them for the runs of a cell. They are faster there than the
//! `memchr` crate, because CSV cells are short (half of those of the benchmark corpus hold
//! 14 bytes or fewer): each `memchr` search is a call through a function pointer (its
//! vector routine is chosen at run time), and a byte loop below 16 bytes. Splitting the
//! CSV of the 100 000-record corpus (`examples/corpus.rs`) took 5 to 10 % longer with
//! `memchr`, `memchr3` or `memchr_iter(…).count()` in place of any one of these, 10 %
//! longer with all three.
//!
//! Where the runs are long, the readers call `memchr` itself: the line ends of JSON Lines
//! (the search three times faster than a byte loop), the strings of a JSON document.

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `x` set. A byte above (after, in little-endian) a
/// zero byte may be flagged wrongly, never one before: the lowest flag is exact.
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS
}

/// The index of the first `needle` in `hay`, or its length.
#[inline]
pub(super) fn find_byte(hay: &[u8], needle: u8) -> usize {
    let n = LOW_BITS * u64::from(needle);
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let found = zero_bytes(w ^ n);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = words.remainder();
    at + tail.iter().position(|&b| b == needle).unwrap_or(tail.len())
}

/// The index of the first `a`, `b` or `c` in `hay`, or its length.
#[inline]
pub(super) fn find_any3(hay: &[u8], a: u8, b: u8, c: u8) -> usize {
    let (na, nb, nc) = (
        LOW_BITS * u64::from(a),
        LOW_BITS * u64::from(b),
        LOW_BITS * u64::from(c),
    );
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let found = zero_bytes(w ^ na) | zero_bytes(w ^ nb) | zero_bytes(w ^ nc);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = words.remainder();
    at + tail
        .iter()
        .position(|&x| x == a || x == b || x == c)
        .unwrap_or(tail.len())
}

/// The `\n` in `bytes`.
pub(super) fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_searches_find_the_first_byte(
            hay in prop::collection::vec(prop::sample::select(vec![0u8, 1, b'"', b',', b'\n', b'\r', 0x80, 0xFF, 0x7F]), 0..80),
            a in any::<u8>(),
            b in any::<u8>(),
            c in any::<u8>(),
        ) {
            let first = |f: &dyn Fn(u8) -> bool| hay.iter().position(|&x| f(x)).unwrap_or(hay.len());
            prop_assert_eq!(find_byte(&hay, a), first(&|x| x == a));
            prop_assert_eq!(find_byte(&hay, b'"'), first(&|x| x == b'"'));
            prop_assert_eq!(find_any3(&hay, a, b, c), first(&|x| x == a || x == b || x == c));
            prop_assert_eq!(find_any3(&hay, b',', b'\n', b'\r'), first(&|x| matches!(x, b',' | b'\n' | b'\r')));
        }
    }
}
