//! The closest valid value for a misspelt one: Python's
//! `difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6)`, which the official
//! valideur uses, ported to give the same answer.

use std::collections::HashMap;

/// The possibility closest to `word` whose similarity ratio is at least `cutoff`; on a
/// tie, the greatest string (as Python's `heapq.nlargest` on `(score, string)`).
pub(crate) fn closest<'p>(word: &str, possibilities: &[&'p str], cutoff: f64) -> Option<&'p str> {
    let b: Vec<char> = word.chars().collect();
    let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
    for (j, c) in b.iter().enumerate() {
        b2j.entry(*c).or_default().push(j);
    }
    let mut best: Option<(f64, &'p str)> = None;
    for &x in possibilities {
        let a: Vec<char> = x.chars().collect();
        let total = a.len() + b.len();
        if total == 0 {
            continue;
        }
        // real_quick_ratio and quick_ratio are upper bounds of ratio: filters only.
        let upper = 2.0 * a.len().min(b.len()) as f64 / total as f64;
        if upper < cutoff {
            continue;
        }
        let ratio = 2.0 * matching_chars(&a, &b, &b2j) as f64 / total as f64;
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
fn matching_chars(a: &[char], b: &[char], b2j: &HashMap<char, Vec<usize>>) -> usize {
    let mut queue = vec![(0, a.len(), 0, b.len())];
    let mut total = 0;
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b2j, alo, ahi, blo, bhi);
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
    let _ = b;
    total
}

/// `SequenceMatcher.find_longest_match` without junk: the longest common block of
/// `a[alo..ahi]` and `b[blo..bhi]`, the earliest in `a`, then in `b`.
fn longest_match(
    a: &[char],
    b2j: &HashMap<char, Vec<usize>>,
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    let mut j2len: HashMap<usize, usize> = HashMap::new();
    for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut newj2len: HashMap<usize, usize> = HashMap::new();
        if let Some(js) = b2j.get(c) {
            for &j in js {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j
                    .checked_sub(1)
                    .and_then(|p| j2len.get(&p))
                    .copied()
                    .unwrap_or(0)
                    + 1;
                newj2len.insert(j, k);
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
        }
        j2len = newj2len;
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
