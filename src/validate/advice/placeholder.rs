//! Placeholder contacts: values written to fill a field, not to reach anyone.
//!
//! What counts as one:
//! - the domains reserved for examples by RFC 2606 and RFC 6761 (`example.com`,
//!   `example.net`, `example.org`, and their subdomains), their French twins
//!   (`exemple.fr`, `exemple.com`, `exemple.org`), and `domaine.fr` / `domaine.com`,
//!   the French "your-domain";
//! - an address whose local part is its domain's name (`test@test.fr`, `xxx@xxx.com`,
//!   `a@a.fr`);
//! - the schema's own examples, copied as they are: `exemple@inclusion.gouv.fr` and
//!   `+33123456789` (that is, `01 23 45 67 89`);
//! - a telephone number made of one digit repeated (`00 00 00 00 00`,
//!   `06 66 66 66 66`) or counting up (`01 02 03 04 05`);
//! - a name that is a word of the form rather than a person's (`test`, `xxx`, `nom`,
//!   `nom prénom`, `à compléter`, `inconnu`, `n/a`, `null`).

/// Domains reserved for examples, and their French twins.
const EXAMPLE_DOMAINS: &[&str] = &[
    "example.com",
    "example.net",
    "example.org",
    "example.fr",
    "exemple.fr",
    "exemple.com",
    "exemple.org",
    "domaine.fr",
    "domaine.com",
];

/// The schema's example for `courriel`.
const SCHEMA_COURRIEL: &str = "exemple@inclusion.gouv.fr";

/// Names that are words of a form.
const PLACEHOLDER_NAMES: &[&str] = &[
    "test",
    "tests",
    "x",
    "xx",
    "xxx",
    "xxxx",
    "nom",
    "prenom",
    "nom prenom",
    "prenom nom",
    "a completer",
    "inconnu",
    "n/a",
    "na",
    "null",
    "none",
    "-",
    "?",
];

/// Whether a host is, or is under, a domain reserved for examples.
fn example_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    EXAMPLE_DOMAINS
        .iter()
        .any(|d| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
}

/// Whether an e-mail address is a placeholder (see the [module](self)).
///
/// ```
/// use data_inclusion_schema::validate::advice::is_placeholder_courriel;
///
/// assert!(is_placeholder_courriel("test@test.fr"));
/// assert!(is_placeholder_courriel("contact@exemple.fr"));
/// assert!(is_placeholder_courriel("exemple@inclusion.gouv.fr"));
/// assert!(!is_placeholder_courriel("accueil@ccas-lille.fr"));
/// ```
pub fn is_placeholder_courriel(courriel: &str) -> bool {
    let address = courriel.trim();
    // A display name (`Jean <jean@exemple.fr>`) is allowed: the address is in brackets.
    let address = match (address.rfind('<'), address.rfind('>')) {
        (Some(open), Some(close)) if open < close => &address[open + 1..close],
        _ => address,
    };
    if address.eq_ignore_ascii_case(SCHEMA_COURRIEL) {
        return true;
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    if example_host(domain) {
        return true;
    }
    let label = domain.split('.').next().unwrap_or_default();
    !local.is_empty() && local.eq_ignore_ascii_case(label)
}

/// Whether a web address is on a domain reserved for examples.
///
/// ```
/// use data_inclusion_schema::validate::advice::is_placeholder_site;
///
/// assert!(is_placeholder_site("https://www.exemple.fr/"));
/// assert!(!is_placeholder_site("https://www.ccas-lille.fr/"));
/// ```
pub fn is_placeholder_site(url: &str) -> bool {
    url::Url::parse(url.trim())
        .ok()
        .and_then(|u| u.host_str().map(example_host))
        .unwrap_or(false)
}

/// Whether a telephone number is a placeholder (see the [module](self)).
///
/// ```
/// use data_inclusion_schema::validate::advice::is_placeholder_telephone;
///
/// assert!(is_placeholder_telephone("+33123456789")); // the schema's example
/// assert!(is_placeholder_telephone("00 00 00 00 00"));
/// assert!(is_placeholder_telephone("01 02 03 04 05"));
/// assert!(!is_placeholder_telephone("01 40 20 50 50"));
/// ```
pub fn is_placeholder_telephone(telephone: &str) -> bool {
    let digits: String = telephone.chars().filter(char::is_ascii_digit).collect();
    // The national number: the nine digits after 0 or +33.
    let national = digits
        .strip_prefix("0033")
        .or_else(|| {
            digits
                .strip_prefix("33")
                .filter(|_| telephone.contains('+'))
        })
        .or_else(|| digits.strip_prefix('0'))
        .unwrap_or(&digits);
    if national.len() != 9 {
        return digits.len() >= 6 && digits.bytes().all(|b| b == digits.as_bytes()[0]);
    }
    let first = national.as_bytes()[0];
    national == "123456789"
        || national == "102030405"
        || national.bytes().all(|b| b == first)
        || digits.bytes().all(|b| b == b'0')
}

/// Whether a contact's name is a word of the form rather than a person's.
///
/// ```
/// use data_inclusion_schema::validate::advice::is_placeholder_name;
///
/// assert!(is_placeholder_name("Nom Prénom"));
/// assert!(is_placeholder_name(" TEST "));
/// assert!(!is_placeholder_name("Camille Martin"));
/// ```
pub fn is_placeholder_name(name: &str) -> bool {
    let folded: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            _ => c,
        })
        .collect();
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    PLACEHOLDER_NAMES.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_addresses() {
        for c in [
            "test@test.fr",
            "TEST@test.com",
            "xxx@xxx.fr",
            "a@a.fr",
            "jean@example.com",
            "jean@mail.example.org",
            "Jean <jean@exemple.fr>",
            "prenom.nom@domaine.fr",
        ] {
            assert!(is_placeholder_courriel(c), "{c}");
        }
        for c in [
            "contact@ccas.fr",
            "test@ccas-lille.fr",
            "exemple@gmail.com",
            "accueil@examples.fr",
        ] {
            assert!(!is_placeholder_courriel(c), "{c}");
        }
    }

    #[test]
    fn placeholder_numbers() {
        for t in [
            "0123456789",
            "+33 1 23 45 67 89",
            "0000000000",
            "06 66 66 66 66",
            "0033 1 02 03 04 05",
        ] {
            assert!(is_placeholder_telephone(t), "{t}");
        }
        for t in [
            "06 12 34 56 78",
            "3949",
            "+33 6 12 34 56 78",
            "01 40 20 50 50",
        ] {
            assert!(!is_placeholder_telephone(t), "{t}");
        }
    }
}
