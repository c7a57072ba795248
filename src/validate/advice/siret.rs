//! The SIRET's check digit.
//!
//! A SIRET is the SIREN of the company (9 digits) followed by the NIC of the
//! establishment (5 digits); its last digit is a check digit computed with the Luhn
//! formula over the 14 digits. La Poste's establishments are the known exception: their
//! SIRETs (SIREN 356 000 000) were numbered so that the sum of their 14 digits is a
//! multiple of 5 instead. Source: INSEE's description of the SIRET, as summarised in the
//! French Wikipedia article « Système d'identification du répertoire des établissements »
//! (section « Calcul et validité d'un numéro SIRET »).

/// La Poste's SIREN, whose establishments follow the multiple-of-5 rule.
const LA_POSTE_SIREN: &str = "356000000";

/// Whether `siret` (14 ASCII digits) has a valid check digit: the Luhn formula, or for
/// La Poste's establishments the sum of the digits a multiple of 5. Anything that is not
/// 14 digits is not a SIRET: `false`.
///
/// ```
/// use data_inclusion_schema::validate::advice::siret_checksum_is_valid;
///
/// assert!(siret_checksum_is_valid("13002526500013")); // DINUM
/// assert!(!siret_checksum_is_valid("13002526500014"));
/// assert!(siret_checksum_is_valid("35600000000048")); // La Poste, head office (Luhn)
/// assert!(siret_checksum_is_valid("35600000049837")); // La Poste's rule: digit sum 45
/// assert!(!siret_checksum_is_valid("1300252650001"));
/// ```
pub fn siret_checksum_is_valid(siret: &str) -> bool {
    let bytes = siret.as_bytes();
    if bytes.len() != 14 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    luhn(bytes) || (siret.starts_with(LA_POSTE_SIREN) && digit_sum(bytes).is_multiple_of(5))
}

/// The Luhn formula: from the right, every second digit doubled (minus 9 above 9); the
/// sum a multiple of 10.
fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digit_sum(digits: &[u8]) -> u32 {
    digits.iter().map(|d| u32::from(d - b'0')).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_single_digit_typo_is_caught() {
        // The Luhn formula catches any one wrong digit.
        let good = "13002526500013";
        assert!(siret_checksum_is_valid(good));
        for i in 0..14 {
            for d in b'0'..=b'9' {
                let mut typo = good.as_bytes().to_vec();
                if typo[i] == d {
                    continue;
                }
                typo[i] = d;
                let typo = String::from_utf8(typo).unwrap();
                assert!(!siret_checksum_is_valid(&typo), "{typo}");
            }
        }
    }

    #[test]
    fn la_poste_follows_its_own_rule() {
        // 35600000049837: not Luhn-valid, digit sum 45.
        assert!(!luhn(b"35600000049837"));
        assert!(siret_checksum_is_valid("35600000049837"));
        // Digit sum 46: neither rule.
        assert!(!siret_checksum_is_valid("35600000049838"));
        // The exception is La Poste's alone: digit sum 30, not Luhn-valid.
        assert!(!luhn(b"13002526500015"));
        assert!(!siret_checksum_is_valid("13002526500015"));
    }
}
