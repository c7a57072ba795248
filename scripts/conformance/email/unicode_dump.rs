//! What the `regex` and `idna` crates say about each code point, for the scripts of
//! `scripts/conformance/email/` (`common.unicode_dump` builds it in `target/email-unicode-dump/`
//! with the repository's Cargo.lock, so with the versions the e-mail port runs with).
//!
//! `unicode_dump categories`: a first line `unicode VERSION` (the newest `\p{Age=..}` the regex
//! crate knows), then runs `FIRST LAST CAT` (hexadecimal, inclusive) of the general category
//! that `\p{CAT}` matches, `Cn` when none; surrogates are left out (not `char`s).
//!
//! `unicode_dump uts46`: `CP MAPPING` for each non-ASCII code point that the UTS #46 mapping
//! changes, as `uts46_map_char` in `src/validate/email/idna.rs` computes it: `MAPPING` is the
//! comma-separated hexadecimal code points (empty when the character is ignored), or `-` when it
//! is disallowed. The code points left out map to themselves.

use idna::uts46::{AsciiDenyList, Hyphens, Uts46};
use regex::{Regex, RegexSet};

const CATEGORIES: [&str; 28] = [
    "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi",
    "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Co",
];

fn categories() {
    let unicode = (1..=40)
        .flat_map(|major| (0..=3).map(move |minor| format!("{major}.{minor}")))
        .filter(|version| Regex::new(&format!(r"\p{{Age={version}}}")).is_ok())
        .last()
        .expect("the regex crate knows some Unicode version");
    println!("unicode {unicode}");
    let patterns = CATEGORIES.map(|cat| format!(r"\A\p{{{cat}}}\z"));
    let set = RegexSet::new(&patterns).expect("the category patterns");
    let mut run: Option<(u32, u32, &str)> = None;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut buf = [0u8; 4];
        let matches = set.matches(c.encode_utf8(&mut buf));
        let cat = matches.iter().next().map_or("Cn", |i| CATEGORIES[i]);
        let cp = u32::from(c);
        match &mut run {
            Some((_, last, current)) if *last + 1 == cp && *current == cat => *last = cp,
            _ => {
                if let Some((first, last, current)) = run {
                    println!("{first:X} {last:X} {current}");
                }
                run = Some((cp, cp, cat));
            }
        }
    }
    if let Some((first, last, current)) = run {
        println!("{first:X} {last:X} {current}");
    }
}

/// The same call as `uts46_map_char` in src/validate/email/idna.rs.
fn uts46_map_char(c: char) -> Option<String> {
    let mut buf = [0u8; 5];
    buf[0] = b'0';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let (out, _) = Uts46::new().to_unicode(&buf[..len], AsciiDenyList::EMPTY, Hyphens::Allow);
    let mut chars = out.chars();
    chars.next()?;
    let mapped = chars.as_str();
    (!mapped.contains('\u{FFFD}')).then(|| mapped.to_owned())
}

fn uts46() {
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        match uts46_map_char(c) {
            None => println!("{:X} -", u32::from(c)),
            Some(mapped) if mapped.chars().eq([c]) => {}
            Some(mapped) => {
                let hex: Vec<String> = mapped.chars().map(|m| format!("{:X}", u32::from(m))).collect();
                println!("{:X} {}", u32::from(c), hex.join(","));
            }
        }
    }
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("categories") => categories(),
        Some("uts46") => uts46(),
        _ => {
            eprintln!("usage: unicode_dump categories|uts46");
            std::process::exit(2);
        }
    }
}
