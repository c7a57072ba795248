//! The closest valid value for a misspelt one: Python's
//! `difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6)`, which the official
//! valideur uses, ported to give the same answer.

/// The possibility closest to `word` whose similarity ratio is at least `cutoff`; on a
/// tie, the greatest string (as Python's `heapq.nlargest` on `(score, string)`).
pub(crate) fn closest<'p>(word: &str, possibilities: &[&'p str], cutoff: f64) -> Option<&'p str> {
    // real_quick_ratio first, over all the possibilities: a word far longer (or shorter)
    // than every one of them matches none, whatever its characters (and a hostile
    // million-character value costs one pass).
    let len = word.chars().count();
    let fits = |x: &&str| {
        let la = x.chars().count();
        2.0 * la.min(len) as f64 >= cutoff * (la + len) as f64
    };
    if !possibilities.iter().any(fits) {
        return None;
    }
    let b: Vec<char> = word.chars().collect();
    // quick_ratio (an upper bound of ratio, from the characters in common whatever their
    // order) of every possibility; the referentials' values are ASCII, counted in an
    // array.
    let mut ascii_counts = [0u16; 128];
    let mut other_counts: Vec<(char, usize)> = Vec::new();
    for &c in &b {
        if c.is_ascii() {
            ascii_counts[c as usize] = ascii_counts[c as usize].saturating_add(1);
        }
        match other_counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => other_counts.push((c, 1)),
        }
    }
    let mut available: Vec<(char, usize)> = Vec::with_capacity(other_counts.len());
    let mut candidates: Vec<(f64, usize)> = Vec::new();
    for (index, &x) in possibilities.iter().enumerate() {
        let la = x.chars().count();
        let total = la + b.len();
        if total == 0 {
            continue;
        }
        // real_quick_ratio, then quick_ratio: difflib's filters.
        if 2.0 * la.min(b.len()) as f64 / (total as f64) < cutoff {
            continue;
        }
        let common = if x.is_ascii() && b.len() < usize::from(u16::MAX) {
            let mut left = ascii_counts;
            let mut common = 0;
            for c in x.bytes() {
                let n = &mut left[usize::from(c)];
                if *n > 0 {
                    *n -= 1;
                    common += 1;
                }
            }
            common
        } else {
            available.clear();
            available.extend_from_slice(&other_counts);
            let mut common = 0;
            for c in x.chars() {
                if let Some((_, n)) = available.iter_mut().find(|(y, n)| *y == c && *n > 0) {
                    *n -= 1;
                    common += 1;
                }
            }
            common
        };
        let bound = 2.0 * common as f64 / (total as f64);
        if bound >= cutoff {
            candidates.push((bound, index));
        }
    }
    // The best bounds first: once a bound is below the best ratio found, no later
    // possibility can beat it (an equal ratio can, on the tie rule: not skipped).
    candidates.sort_by(|p, q| q.0.total_cmp(&p.0));
    let mut best: Option<(f64, &'p str)> = None;
    let mut a: Vec<char> = Vec::new();
    let mut j2len = vec![0usize; b.len() + 1];
    let mut newj2len = vec![0usize; b.len() + 1];
    for (bound, index) in candidates {
        if best.is_some_and(|(score, _)| bound < score) {
            break;
        }
        let x = possibilities[index];
        a.clear();
        a.extend(x.chars());
        let total = a.len() + b.len();
        let matched = matching_chars(&a, &b, &mut j2len, &mut newj2len);
        let ratio = 2.0 * matched as f64 / total as f64;
        if ratio >= cutoff {
            let better = match best {
                None => true,
                Some((score, s)) => ratio > score || (ratio == score && x > s),
            };
            if better {
                best = Some((ratio, x));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The number of matching characters of `SequenceMatcher(None, a, b).get_matching_blocks()`
/// (no junk; strings this short never trigger the auto-junk heuristic).
fn matching_chars(a: &[char], b: &[char], j2len: &mut [usize], newj2len: &mut [usize]) -> usize {
    let mut queue = vec![(0, a.len(), 0, b.len())];
    let mut total = 0;
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, alo, ahi, blo, bhi, j2len, newj2len);
        if k > 0 {
            total += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    total
}

/// `SequenceMatcher.find_longest_match` without junk: the longest common block of
/// `a[alo..ahi]` and `b[blo..bhi]`, the earliest in `a`, then in `b`. `j2len[j + 1]` is
/// the length of the match ending at `a[i - 1]`, `b[j]` (a flat version of difflib's
/// dictionaries).
#[allow(clippy::too_many_arguments)]
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
    j2len: &mut [usize],
    newj2len: &mut [usize],
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    j2len[blo..=bhi].fill(0);
    for (i, ca) in a.iter().enumerate().take(ahi).skip(alo) {
        newj2len[blo..=bhi].fill(0);
        for (j, cb) in b.iter().enumerate().take(bhi).skip(blo) {
            if ca == cb {
                let k = j2len[j] + 1;
                newj2len[j + 1] = k;
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
        }
        j2len[blo..=bhi].copy_from_slice(&newj2len[blo..=bhi]);
    }
    (besti, bestj, bestsize)
}

#[cfg(test)]
mod tests {
    use super::closest;

    // Expected answers computed with CPython 3.11:
    // difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6)
    #[test]
    fn same_answers_as_python_difflib() {
        let values = [
            "famille--garde-denfants",
            "famille--soutien-aidants",
            "famille--prise-en-charge-personne-dependante",
        ];
        assert_eq!(
            closest("famille--garde-denfant", &values, 0.6),
            Some("famille--garde-denfants")
        );
        assert_eq!(closest("famille", &values, 0.6), None);
        assert_eq!(closest("zzz", &values, 0.6), None);
        let frais = ["gratuit", "payant"];
        assert_eq!(closest("Gratuit", &frais, 0.6), Some("gratuit"));
        assert_eq!(closest("gratuite", &frais, 0.6), Some("gratuit"));
        assert_eq!(closest("payante", &frais, 0.6), Some("payant"));
        assert_eq!(closest("", &frais, 0.6), None);
        // Ties go to the greatest string.
        assert_eq!(closest("ab", &["ac", "ad"], 0.5), Some("ad"));
    }
}
