//! The language of messages.

/// The language of messages.
///
/// ```
/// use data_inclusion_schema::Lang;
///
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::default(), Lang::Fr);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default: the language of the schema and of its users.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// `"fr"` or `"en"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language of a locale such as the `LANG` environment variable gives
    /// (`fr_FR.UTF-8`, `en_US`, `C`): English for `en…`, French otherwise.
    ///
    /// ```
    /// use data_inclusion_schema::Lang;
    ///
    /// assert_eq!(Lang::of_locale("en_GB.UTF-8"), Lang::En);
    /// assert_eq!(Lang::of_locale("fr_FR.UTF-8"), Lang::Fr);
    /// assert_eq!(Lang::of_locale("C"), Lang::Fr);
    /// ```
    pub fn of_locale(locale: &str) -> Lang {
        if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("en"))
        {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// The error of [`Lang`]'s [`FromStr`](std::str::FromStr): not a language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language: {0:?} (fr or en)")]
pub struct UnknownLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// `fr` or `en`, case-insensitive.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}
