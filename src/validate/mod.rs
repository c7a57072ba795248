//! Validation: untyped input in, a typed record or everything that is wrong with it out,
//! with the verdict of the official package (`data-inclusion-schema` 1.0.10).
//!
//! ```
//! use data_inclusion_schema::validate::{Code, Lang, Validator};
//! use data_inclusion_schema::v1::Service;
//!
//! let validator = Validator::new().with_reference_date(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
//! let json = r#"{"source": "dora", "structure_id": "dora--1", "id": "dora--2",
//!     "nom": "Garde", "description": "Une crèche.", "date_maj": "2030-01-01",
//!     "thematiques": ["famille--garde-denfant"]}"#;
//! let checked = validator.check_json::<Service>(json);
//! assert!(checked.record.is_none());
//! let messages: Vec<String> = checked.problems.iter().map(|p| p.to_string()).collect();
//! assert_eq!(messages, [
//!     "/date_maj: La date de dernière modification ne peut pas être dans le futur.",
//!     "/thematiques/0: La valeur 'famille--garde-denfant' n’existe pas. Vouliez-vous dire 'famille--garde-denfants' ?",
//! ]);
//! assert_eq!(checked.problems[1].code(), Code::Enum);
//! assert!(checked.problems[1].message(Lang::En).starts_with("The value"));
//! ```
//!
//! Every problem of every field and every list item is reported, never only the first.
//! [`Validator::is_valid_json`] answers valid/invalid alone: it reports nothing, and on a
//! record with errors it stops at the first one. [`Validator::verdict_json`] gives the
//! verdict and every problem without the typed record (a report on a file that is not
//! kept; [`Parallel::verdicts`](crate::io::Parallel::verdicts) for a whole file).
//!
//! # What is checked
//!
//! Every constraint of the JSON Schema (required, types, lengths in Unicode characters,
//! patterns, formats, referentials, list sizes, duplicates) and the rules only the
//! official package has (see [`rules`](self#the-rules-of-the-official-package)), with
//! the official package's lax coercions: `"3.5"` or `true` for a number, `4.0` or
//! `"4.00"` for an integer, a datetime at midnight for a date, duplicates removed from the
//! lists the package treats as sets.
//!
//! ## The rules of the official package
//!
//! | record | field | rule | level |
//! |---|---|---|---|
//! | both | `nom` | must not end with `.`, unless with `etc.` | warning (error in [strict](Validator::strict) mode) |
//! | both | `date_maj` | from 2000-01-01 to the [reference date](Validator::today), inclusive | error |
//! | Service | `publics` | `tous-publics` only alone | error |
//!
//! ## Where the official package and the JSON Schema disagree
//!
//! This crate follows the official package:
//! - URLs (`format: uri`, `maxLength: 2083`): only `http` and `https`, and the 2083 limit
//!   counts UTF-8 bytes of the input, not characters; an empty URL is a parsing error.
//! - `email`: as pydantic's `EmailStr` (email-validator without DNS): a display name
//!   (`Jean <jean@exemple.fr>`) is accepted, special-use domains (`.test`, `.invalid`,
//!   `.local`, `.localhost`, `.onion`, `.arpa`) are refused.
//! - `number` also accepts numeric strings and booleans; `integer` accepts integral
//!   numbers and strings; `date` accepts datetimes at midnight and unix timestamps at
//!   midnight, as pydantic's lax mode does.
//! - `uniqueItems` lists are sets: duplicates are removed, not refused.
//! - A property the schema does not know is kept (the official package drops it).
//!
//! ## Known divergences from the official package
//!
//! - An integer beyond `i64` (`nombre_semaines: 1e30` written as an integer) is refused
//!   (`int_parsing_size`): the typed field is an `i64`. Python accepts any size.
//! - Non-finite numbers (`NaN`, `Infinity`), which the official package accepts, are
//!   accepted too and kept in the typed record (an `f64`); JSON cannot hold them, so
//!   serializing writes `null`, as the official package does. In the fields the schema
//!   does not know, they become `null` at once.
//!
//! # Two passes, one verdict
//!
//! Most records have nothing to report. For them, one pass over the JSON text (or the
//! `serde_json` values) fills the typed record directly: a generated reader per record
//! type dispatches each key with a `match` to its field's check, strings stay borrowed
//! from the input until they go into the record, and no tree is built. At the first
//! thing to report, or anything it does not read fast (a lax coercion, a `NaN`, an
//! integer beyond `i64`), that pass gives up and the full check reads the record again,
//! finds every problem and words it. The two share the checks of every value and the
//! rules, and the tests hold them to the same verdict and the same record on every
//! record of the conformance corpus and on fuzzed input. A record with problems costs
//! both passes; see `BENCHMARKS.md` for the figures.
//!
//! For the verdict alone ([`Validator::is_valid_json`], [`Validator::is_valid_value`],
//! [`Validator::is_valid`], and [`Validator::verdict_json`] before its full check), the
//! first pass builds no record: a second generated reader
//! walks the keys as the first does, with the same give-ups, but checks each string
//! where it lies in the input, keeps a list's items as borrowed strings, and skips the
//! fields the schema does not know; the tests hold it to the first reader's answer.
//!
//! # Codes
//!
//! [`Problem::code`] is a [`Code`]: pydantic's error type where the official package has
//! one, this crate's own otherwise; its string is stable. A field lists at most
//! [`MAX_PROBLEMS_PER_FIELD`] problems, then one of code [`Code::MoreProblems`] that
//! counts the others (a list of 100 000 bad items gives a report of bounded size, not
//! 100 000 entries).

#[cfg(feature = "advice")]
#[cfg_attr(docsrs, doc(cfg(feature = "advice")))]
pub mod advice;
mod code;
mod email;
pub(crate) mod fast;
pub(crate) mod node;
pub(crate) mod numbers;
mod report;
mod rules;
mod scalar;
mod suggest;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::__private::Slot;
pub use crate::lang::{Lang, UnknownLang};
use crate::spec::{FieldSpec, StringSpec, TypeSpec};
use crate::{Extra, Record};
pub use code::{Code, UnknownCode};
pub(crate) use node::Node;
pub(crate) use report::Detail;
pub use report::{InLang, Level, Problem, Report, UnknownLevel};

/// The closest of `names` to `word` (difflib's rule, cutoff 0.6), for a typo.
#[cfg(feature = "io")]
pub(crate) fn closest_name<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
    suggest::closest(word, names, 0.6)
}

/// The most problems one field lists in a report; the others are counted in a last
/// problem of code `more_problems`.
pub const MAX_PROBLEMS_PER_FIELD: usize = 100;

/// The fields whose values are personal data, masked in reports on request.
pub const PERSONAL_FIELDS: &[&str] = &["courriel", "telephone", "contact_nom_prenom"];

/// Validates records with the official package's verdict (or the official valideur's:
/// [`Profile`]): the reference date, strict mode, masking and the profile are its
/// settings. It is cheap to clone, `Send` and `Sync`: one validator
/// serves every thread.
///
/// ```
/// use data_inclusion_schema::chrono::NaiveDate;
/// use data_inclusion_schema::v1::Structure;
/// use data_inclusion_schema::validate::{Code, Level, Validator};
///
/// let validator = Validator::new()
///     .with_reference_date(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
///     .with_masked_personal_data(true);
/// let json = r#"{"source": "dora", "id": "dora--1", "nom": "CCAS de Lille.",
///     "date_maj": "2025-02-14", "courriel": "contact@", "telephone": "0320000000"}"#;
///
/// // Every problem, errors and warnings.
/// let checked = validator.check_json::<Structure>(json);
/// let found: Vec<(&str, Code, Level)> =
///     checked.problems.iter().map(|p| (p.field.as_str(), p.code(), p.level)).collect();
/// assert_eq!(found, [
///     ("courriel", Code::ValueErrorEmail, Level::Error),
///     ("nom", Code::NomTrailingPeriod, Level::Warning),
/// ]);
/// assert_eq!(checked.problems[0].value, "***"); // masked
///
/// // The verdict alone, faster; strict mode makes warnings errors.
/// let fixed = json.replace("contact@", "contact@ccas-lille.fr");
/// assert!(validator.is_valid_json::<Structure>(&fixed));
/// assert!(!validator.clone().with_strict(true).is_valid_json::<Structure>(&fixed));
/// ```
#[derive(Clone, Debug)]
pub struct Validator {
    today: NaiveDate,
    strict: bool,
    mask: bool,
    #[cfg(feature = "advice")]
    advice: bool,
    profile: Profile,
}

/// Whose verdicts and wording a [`Validator`] gives ([`Validator::with_profile`]).
///
/// ```
/// use data_inclusion_schema::validate::{Code, Profile, Validator};
/// use data_inclusion_schema::v1::Service;
///
/// // A service as a producer's workbook gives it: no `source`, a name ending with a
/// // period, a commune code that does not exist.
/// let json = r#"{"structure_id": "s1", "id": "1", "nom": "Atelier CV.",
///     "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14", "code_insee": "59999"}"#;
/// let checked = Validator::valideur().check_json::<Service>(json);
/// let found: Vec<(&str, String)> = checked.problems.iter().map(|p| (p.field.as_str(), p.to_string())).collect();
/// assert_eq!(found, [
///     ("code_insee", "/code_insee: Le code commune 59999 n'existe pas".to_string()),
///     ("nom", "/nom: Le nom du service ne doit pas se terminer par un point.".to_string()),
/// ]);
/// assert_eq!(checked.problems[0].code(), Code::BadCodeInsee);
/// assert_eq!(Validator::new().with_profile(Profile::Valideur).profile(), Profile::Valideur);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Profile {
    /// The official package's verdicts (`data-inclusion-schema`), this crate's wording.
    #[default]
    Schema,
    /// The official valideur's (the web page of the data·inclusion API where producers
    /// check their workbooks): warnings are errors; `source` is optional (a record
    /// without it has an empty `source`); `code_insee` must be the code of a commune of
    /// the découpage administratif ([`crate::communes::is_commune`]: "Le code commune
    /// 59999 n'existe pas"); French messages are the valideur's (its `translations.py`
    /// applied to pydantic's messages, which it leaves in English where it has no
    /// translation), and a value that matches none of a union's forms
    /// (`zone_eligibilite`) gives one problem per form, as pydantic reports them.
    Valideur,
}

impl Profile {
    /// `schema` or `valideur`.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Schema => "schema",
            Profile::Valideur => "valideur",
        }
    }
}

impl std::fmt::Display for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Profile`]'s [`FromStr`](std::str::FromStr).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("profil inconnu : {0:?} (schema ou valideur)")]
pub struct UnknownProfile(pub String);

impl std::str::FromStr for Profile {
    type Err = UnknownProfile;

    /// `schema` or `valideur`.
    fn from_str(s: &str) -> Result<Profile, UnknownProfile> {
        match s.trim().to_ascii_lowercase().as_str() {
            "schema" => Ok(Profile::Schema),
            "valideur" => Ok(Profile::Valideur),
            _ => Err(UnknownProfile(s.to_string())),
        }
    }
}

impl Default for Validator {
    fn default() -> Self {
        Validator::new()
    }
}

/// The outcome of validating one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked<R> {
    /// The typed record, when there is no error (warnings allowed).
    pub record: Option<R>,
    /// Every problem found, errors and warnings, in the schema's field order; then the
    /// advice, when the validator gives it ([`Validator::with_advice`]).
    pub problems: Vec<Problem>,
}

impl<R> Checked<R> {
    /// Whether there is no error.
    pub fn is_valid(&self) -> bool {
        self.record.is_some()
    }

    /// The verdict and the problems, without the record (`Some(())` when there is one).
    pub(crate) fn without_record(self) -> Checked<()> {
        Checked {
            record: self.record.map(drop),
            problems: self.problems,
        }
    }
}

impl<R: Record> Checked<R> {
    /// The record, or a [`Report`] of every problem.
    pub fn into_result(self) -> Result<R, Report> {
        match self.record {
            Some(r) => Ok(r),
            None => Err(Report {
                schema: R::NAME,
                problems: self.problems,
            }),
        }
    }
}

impl Validator {
    /// A validator with today's date (the system's local date) as the reference date,
    /// warnings as warnings and values shown as they are.
    pub fn new() -> Self {
        Validator {
            today: chrono::Local::now().date_naive(),
            strict: false,
            mask: false,
            #[cfg(feature = "advice")]
            advice: false,
            profile: Profile::Schema,
        }
    }

    /// A validator with the official valideur's verdicts and wording
    /// ([`Profile::Valideur`]), today's date as the reference date.
    pub fn valideur() -> Self {
        Validator::new().with_profile(Profile::Valideur)
    }

    /// Sets the profile ([`Profile`]).
    pub fn with_profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// The profile ([`Validator::with_profile`]).
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// Whether the single pass may decide: it knows the schema's rules, not the
    /// valideur's (its commune check, its optional `source`).
    fn fast(&self) -> bool {
        self.profile == Profile::Schema
    }

    /// Sets the reference date of the `date_maj` rule (and of `score_qualite`): a
    /// `date_maj` after it is in the future.
    pub fn with_reference_date(mut self, date: NaiveDate) -> Self {
        self.today = date;
        self
    }

    /// The reference date ([`Validator::with_reference_date`]; today's by default).
    pub fn reference_date(&self) -> NaiveDate {
        self.today
    }

    /// Strict mode: warnings are errors (the official package with
    /// `context={"ignore_warnings": False}`).
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Whether warnings are errors ([`Validator::with_strict`]).
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Replace the values of [`PERSONAL_FIELDS`] by `"***"` in reports.
    pub fn with_masked_personal_data(mut self, mask: bool) -> Self {
        self.mask = mask;
        self
    }

    /// Whether reports mask personal data ([`Validator::with_masked_personal_data`]).
    pub fn masks_personal_data(&self) -> bool {
        self.mask
    }

    /// Advice too: the problems of level [`Level::Advice`] (a SIRET whose checksum fails,
    /// swapped coordinates, opening hours in free text, …; see [`advice`]) come after the
    /// errors and warnings of each record. They never change the verdict: a record with
    /// advice alone is valid, in strict mode too. Off by default.
    ///
    /// Advice costs a second reading of the advised fields of the records that the single
    /// pass accepts, and its checks: the opening_hours parser and libphonenumber take tens
    /// of microseconds a value (their verdicts on the last values seen are kept, per
    /// thread). On records that each have a distinct telephone number and opening hours,
    /// validation with advice takes about two to three times as long as without.
    ///
    /// ```
    /// use data_inclusion_schema::validate::{Code, Level, Validator};
    /// use data_inclusion_schema::v1::Service;
    ///
    /// let json = r#"{"source": "dora", "structure_id": "dora--1", "id": "dora--2",
    ///     "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.", "date_maj": "2025-02-14",
    ///     "telephone": "+44 20 7946 0958", "horaires_accueil": "du lundi au vendredi"}"#;
    /// let validator = Validator::new().with_advice(true).with_strict(true);
    /// let checked = validator.check_json::<Service>(json);
    /// assert!(checked.is_valid());
    /// let advice: Vec<(&str, Code)> = checked.problems.iter().map(|p| (p.field.as_str(), p.code())).collect();
    /// assert_eq!(advice, [
    ///     ("horaires_accueil", Code::OpeningHoursSyntax),
    ///     ("telephone", Code::TelephoneNotFrench),
    /// ]);
    /// assert!(Validator::new().check_json::<Service>(json).problems.is_empty());
    /// ```
    #[cfg(feature = "advice")]
    #[cfg_attr(docsrs, doc(cfg(feature = "advice")))]
    pub fn with_advice(mut self, advice: bool) -> Self {
        self.advice = advice;
        self
    }

    /// Whether advice is given ([`Validator::with_advice`]).
    #[cfg(feature = "advice")]
    #[cfg_attr(docsrs, doc(cfg(feature = "advice")))]
    pub fn gives_advice(&self) -> bool {
        self.advice
    }

    /// Adds the advice on a record that the single pass accepted (`checked`, without
    /// problems), reading it again as `node` gives it.
    fn advised<'t, R: Record, X>(
        &self,
        checked: Checked<X>,
        node: impl FnOnce() -> Option<Node<'t>>,
    ) -> Checked<X> {
        #[cfg(feature = "advice")]
        if self.advice {
            let mut checked = checked;
            if let Some(node) = node() {
                advice::advise(&node, R::field_index, self.mask, &mut checked.problems);
            }
            return checked;
        }
        #[cfg(not(feature = "advice"))]
        let _ = node;
        checked
    }

    /// The reference date: renamed [`Validator::with_reference_date`].
    #[deprecated(since = "0.2.0", note = "renamed `with_reference_date`")]
    pub fn today(self, today: NaiveDate) -> Self {
        self.with_reference_date(today)
    }

    /// Strict mode: renamed [`Validator::with_strict`].
    #[deprecated(since = "0.2.0", note = "renamed `with_strict`")]
    pub fn strict(self, strict: bool) -> Self {
        self.with_strict(strict)
    }

    /// Masking: renamed [`Validator::with_masked_personal_data`].
    #[deprecated(since = "0.2.0", note = "renamed `with_masked_personal_data`")]
    pub fn mask_personal_data(self, mask: bool) -> Self {
        self.with_masked_personal_data(mask)
    }

    /// Validates a typed record, as it would its JSON: the same verdict and problems as
    /// [`Validator::check_json`] on `serde_json::to_string(record)`. The record in the
    /// outcome is the validated one (lists that the schema treats as sets without their
    /// duplicates).
    ///
    /// ```
    /// use data_inclusion_schema::chrono::NaiveDate;
    /// use data_inclusion_schema::v1::Service;
    /// use data_inclusion_schema::validate::{Code, Validator};
    ///
    /// let date = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
    /// let mut service = Service::new("dora", "dora--s1", "dora--1", "Atelier CV", "Un atelier pour écrire son CV.", date);
    /// service.code_postal = Some("7500".into());
    /// let checked = Validator::new().check(&service);
    /// assert_eq!(checked.problems[0].code(), Code::StringTooShort);
    /// assert!(!Validator::new().is_valid(&service));
    /// ```
    pub fn check<R: Record>(&self, record: &R) -> Checked<R> {
        match serde_json::to_value(record) {
            Ok(value) => self.check_value(&value),
            Err(e) => Checked {
                record: None,
                problems: vec![Problem::new(
                    "",
                    String::new(),
                    Level::Error,
                    Value::Null,
                    Detail::Internal(format!("the record does not serialize: {e}")),
                )],
            },
        }
    }

    /// The validated record ([`Validator::check`]), or a report of everything wrong with it.
    pub fn validate<R: Record>(&self, record: &R) -> Result<R, Report> {
        self.check(record).into_result()
    }

    /// Whether a typed record is valid ([`Validator::check`]), warnings allowed unless
    /// strict.
    pub fn is_valid<R: Record>(&self, record: &R) -> bool {
        serde_json::to_value(record).is_ok_and(|value| self.is_valid_value::<R>(&value))
    }

    /// Validates a record written as JSON text.
    pub fn check_json<R: Record>(&self, text: &str) -> Checked<R> {
        // Most records have nothing to report: one pass over the tokens builds them.
        if let Some(record) = self
            .fast()
            .then(|| single_pass::<R>(text, self.today))
            .flatten()
        {
            let checked = Checked {
                record: Some(record),
                problems: Vec::new(),
            };
            return self.advised::<R, _>(checked, || advised_members(text));
        }
        match parse(text, R::field_index) {
            Ok(node) => self.check_node(&node),
            Err(problem) => Checked {
                record: None,
                problems: vec![*problem],
            },
        }
    }

    /// Validates a record read by a single-pass [`fast::Source`] (whose [`fast::State`]
    /// was made with this validator's reference date and `R::NAME`); when that pass gives
    /// up, the full check validates the members that `members` gives (the same record as
    /// a JSON object). The CSV reader validates its rows this way, without building a map
    /// for the records that have nothing to report.
    #[cfg(feature = "io")]
    pub(crate) fn check_source<'t, R: Record, S: fast::Source<'t>>(
        &self,
        source: &mut S,
        members: impl FnOnce() -> Map<String, Value>,
    ) -> Checked<R> {
        self.check_source_as::<R, _, _>(source, R::fast_read, members, |node| self.check_node(node))
    }

    /// [`Validator::check_source`] without the record ([`Validator::verdict_json`]).
    #[cfg(feature = "io")]
    pub(crate) fn verdict_source<'t, R: Record, S: fast::Source<'t>>(
        &self,
        source: &mut S,
        members: impl FnOnce() -> Map<String, Value>,
    ) -> Checked<()> {
        source.state_mut().verdict_only = true;
        self.check_source_as::<R, _, _>(source, R::fast_verdict, members, |node| {
            self.verdict_node::<R>(node)
        })
    }

    /// [`Validator::check_source`] with `pass` for the single pass, and what the full
    /// check gives made an `X` by `full`.
    #[cfg(feature = "io")]
    fn check_source_as<'t, R: Record, S: fast::Source<'t>, X>(
        &self,
        source: &mut S,
        pass: impl FnOnce(&mut S) -> Option<X>,
        members: impl FnOnce() -> Map<String, Value>,
        full: impl FnOnce(&Node<'_>) -> Checked<X>,
    ) -> Checked<X> {
        if let Some(record) = self.fast().then(|| pass(source)).flatten() {
            let checked = Checked {
                record: Some(record),
                problems: Vec::new(),
            };
            #[cfg(feature = "advice")]
            if self.advice {
                let map = members();
                return self.advised::<R, _>(checked, || Some(Node::from_map(&map)));
            }
            return checked;
        }
        full(&Node::from_map(&members()))
    }

    /// [`Validator::check_json`] without the single pass: the full check alone. For tests
    /// that hold the two to the same outcome.
    #[doc(hidden)]
    pub fn check_json_fully<R: Record>(&self, text: &str) -> Checked<R> {
        match parse(text, R::field_index) {
            Ok(node) => self.check_node(&node),
            Err(problem) => Checked {
                record: None,
                problems: vec![*problem],
            },
        }
    }

    /// [`Validator::check_value`] without the single pass (see [`Self::check_json_fully`]).
    #[doc(hidden)]
    pub fn check_value_fully<R: Record>(&self, value: &Value) -> Checked<R> {
        self.check_node(&Node::from_value(value))
    }

    /// Validates a record read as JSON text whose syntax the reader has not checked:
    /// `syntax` checks it only when the single pass gives up (a record the single pass
    /// accepts is JSON that jiter reads), then the full check runs. The readers validate
    /// JSON records this way, with one pass over the text for most of them.
    #[cfg(feature = "io")]
    pub(crate) fn check_json_read<R: Record, E>(
        &self,
        text: &str,
        syntax: impl FnOnce() -> Result<(), E>,
    ) -> Result<Checked<R>, E> {
        self.check_json_read_as::<R, _, _>(text, single_pass::<R>, syntax, |text| {
            self.check_json_fully(text)
        })
    }

    /// [`Validator::check_json_read`] without the record ([`Validator::verdict_json`]).
    #[cfg(feature = "io")]
    pub(crate) fn verdict_json_read<R: Record, E>(
        &self,
        text: &str,
        syntax: impl FnOnce() -> Result<(), E>,
    ) -> Result<Checked<()>, E> {
        let pass = |text: &str, today| verdict_pass::<R>(text, today).then_some(());
        self.check_json_read_as::<R, _, _>(text, pass, syntax, |text| {
            self.verdict_json_fully::<R>(text)
        })
    }

    /// [`Validator::check_json_read`] with `pass` for the single pass, and what the full
    /// check gives made an `X` by `full`.
    #[cfg(feature = "io")]
    fn check_json_read_as<R: Record, X, E>(
        &self,
        text: &str,
        pass: impl FnOnce(&str, NaiveDate) -> Option<X>,
        syntax: impl FnOnce() -> Result<(), E>,
        full: impl FnOnce(&str) -> Checked<X>,
    ) -> Result<Checked<X>, E> {
        if let Some(record) = self.fast().then(|| pass(text, self.today)).flatten() {
            let checked = Checked {
                record: Some(record),
                problems: Vec::new(),
            };
            return Ok(self.advised::<R, _>(checked, || advised_members(text)));
        }
        syntax()?;
        Ok(full(text))
    }

    /// Validates a record given as the members of a JSON object (a CSV row, for instance).
    pub fn check_map<R: Record>(&self, map: &Map<String, Value>) -> Checked<R> {
        if let Some(record) = self
            .fast()
            .then(|| single_pass_on_map::<R>(map, self.today))
            .flatten()
        {
            let checked = Checked {
                record: Some(record),
                problems: Vec::new(),
            };
            return self.advised::<R, _>(checked, || Some(Node::from_map(map)));
        }
        self.check_node(&Node::from_map(map))
    }

    /// Validates a record given as a `serde_json::Value`.
    pub fn check_value<R: Record>(&self, value: &Value) -> Checked<R> {
        if let Some(record) = self
            .fast()
            .then(|| single_pass_on_value::<R>(value, self.today))
            .flatten()
        {
            let checked = Checked {
                record: Some(record),
                problems: Vec::new(),
            };
            return self.advised::<R, _>(checked, || Some(Node::from_value(value)));
        }
        self.check_node(&Node::from_value(value))
    }

    /// The record written as JSON text, or a report of everything wrong with it.
    pub fn validate_json<R: Record>(&self, text: &str) -> Result<R, Report> {
        self.check_json(text).into_result()
    }

    /// The record given as a `serde_json::Value`, or a report of everything wrong with it.
    pub fn validate_value<R: Record>(&self, value: &Value) -> Result<R, Report> {
        self.check_value(value).into_result()
    }

    /// Whether the JSON text is a valid record (warnings allowed, unless strict): no
    /// report, and no record built by the single pass (see "Two passes, one verdict" in
    /// the [module's documentation](self)); the full check, when it runs, stops at the
    /// first error.
    pub fn is_valid_json<R: Record>(&self, text: &str) -> bool {
        // The single pass for the verdict alone: no record is built.
        if self.fast() && verdict_pass::<R>(text, self.today) {
            return true;
        }
        match parse(text, R::field_index) {
            Ok(node) => self.is_valid_node::<R>(&node),
            Err(_) => false,
        }
    }

    /// What [`Validator::check_json`] gives, without the record: the same verdict
    /// (`record` is `Some(())` exactly when `check_json` gives a record) and the same
    /// problems, advice included. A record with nothing to report is read without being
    /// built (its fields are checked, the fields the schema does not know are read but not
    /// kept, as [`Validator::is_valid_json`] reads it); the others go through the full
    /// check. For a service or a tool that reports on records it does not keep: the
    /// `data-inclusion validate` tool reads its files so, and
    /// [`Parallel::verdicts`](crate::io::Parallel::verdicts) gives these for a whole file.
    ///
    /// ```
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let validator = Validator::new().with_advice(false);
    /// let text = r#"{"source": "dora", "id": "dora--1", "nom": "M", "date_maj": "2025-02-14"}"#;
    /// let verdict = validator.verdict_json::<Structure>(text);
    /// assert!(!verdict.is_valid());
    /// assert_eq!(verdict.problems, validator.check_json::<Structure>(text).problems);
    ///
    /// let text = r#"{"source": "dora", "id": "dora--1", "nom": "Mission locale", "date_maj": "2025-02-14", "x": [1, 2]}"#;
    /// assert_eq!(validator.verdict_json::<Structure>(text).record, Some(()));
    /// ```
    pub fn verdict_json<R: Record>(&self, text: &str) -> Checked<()> {
        if self.fast() && verdict_pass::<R>(text, self.today) {
            let checked = Checked {
                record: Some(()),
                problems: Vec::new(),
            };
            return self.advised::<R, _>(checked, || advised_members(text));
        }
        self.verdict_json_fully::<R>(text)
    }

    /// Whether the value is a valid record (see [`Self::is_valid_json`]).
    pub fn is_valid_value<R: Record>(&self, value: &Value) -> bool {
        (self.fast() && verdict_pass_on_value::<R>(value, self.today))
            || self.is_valid_node::<R>(&Node::from_value(value))
    }

    /// The single pass's two answers on JSON text, for tests that hold them to one:
    /// whether `Record::fast_read` builds the record, and whether `Record::fast_verdict`
    /// (as [`Self::is_valid_json`] runs it) accepts it.
    #[doc(hidden)]
    pub fn single_pass_answers_json<R: Record>(&self, text: &str) -> (bool, bool) {
        (
            single_pass::<R>(text, self.today).is_some(),
            verdict_pass::<R>(text, self.today),
        )
    }

    /// [`Self::single_pass_answers_json`] on a `serde_json::Value`.
    #[doc(hidden)]
    pub fn single_pass_answers_value<R: Record>(&self, value: &Value) -> (bool, bool) {
        (
            single_pass_on_value::<R>(value, self.today).is_some(),
            verdict_pass_on_value::<R>(value, self.today),
        )
    }

    pub(crate) fn is_valid_node<R: Record>(&self, node: &Node<'_>) -> bool {
        let mut run = Run::new(self, R::NAME, true);
        run.record(R::FIELDS, R::field_index, node);
        run.errors == 0
    }

    pub(crate) fn check_node<R: Record>(&self, node: &Node<'_>) -> Checked<R> {
        let mut run = Run::new(self, R::NAME, false);
        let fields = run.record(R::FIELDS, R::field_index, node);
        let record = match fields {
            Some((slots, extra)) if run.errors == 0 => match R::from_slots(slots, extra) {
                Ok(r) => Some(r),
                Err(e) => {
                    run.problems.push(Problem::new(
                        "",
                        String::new(),
                        Level::Error,
                        Value::Null,
                        Detail::Internal(format!("a validated {} does not fit its field", e.0)),
                    ));
                    None
                }
            },
            _ => None,
        };
        #[cfg(feature = "advice")]
        if self.advice {
            advice::advise(node, R::field_index, self.mask, &mut run.problems);
        }
        Checked {
            record,
            problems: run.problems,
        }
    }

    /// [`Validator::check_node`] without the record: the same verdict and problems,
    /// nothing built.
    pub(crate) fn verdict_node<R: Record>(&self, node: &Node<'_>) -> Checked<()> {
        let mut run = Run::new(self, R::NAME, false);
        run.build = false;
        run.record(R::FIELDS, R::field_index, node);
        #[cfg(feature = "advice")]
        if self.advice {
            advice::advise(node, R::field_index, self.mask, &mut run.problems);
        }
        Checked {
            record: (run.errors == 0).then_some(()),
            problems: run.problems,
        }
    }

    /// [`Validator::check_json_fully`] without the record.
    fn verdict_json_fully<R: Record>(&self, text: &str) -> Checked<()> {
        match parse(text, R::field_index) {
            Ok(node) => self.verdict_node::<R>(&node),
            Err(problem) => Checked {
                record: None,
                problems: vec![*problem],
            },
        }
    }
}

/// The record, if `text` is a record with nothing to report; `None` when the full check
/// must decide.
pub(crate) fn single_pass<R: Record>(text: &str, today: NaiveDate) -> Option<R> {
    R::fast_read(&mut fast::Fast::new(text, fast::State::new(R::NAME, today)))
}

/// Whether `text` is a record with nothing to report, told by the single pass without
/// building it; `false` when the full check must decide.
pub(crate) fn verdict_pass<R: Record>(text: &str, today: NaiveDate) -> bool {
    // `verdict_only`: a `Record` whose `fast_verdict` is `fast_read`'s does not keep the
    // fields the schema does not know either.
    let state = fast::State::new(R::NAME, today).verdict_only();
    R::fast_verdict(&mut fast::Fast::new(text, state)).is_some()
}

/// [`verdict_pass`] on a `serde_json::Value`.
pub(crate) fn verdict_pass_on_value<R: Record>(value: &Value, today: NaiveDate) -> bool {
    value.as_object().is_some_and(|map| {
        let state = fast::State::new(R::NAME, today).verdict_only();
        R::fast_verdict(&mut fast::ValueSource::of_map(map, state)).is_some()
    })
}

/// The record, if the members of `map` are a record with nothing to report; `None` when
/// the full check must decide.
pub(crate) fn single_pass_on_map<R: Record>(
    map: &Map<String, Value>,
    today: NaiveDate,
) -> Option<R> {
    R::fast_read(&mut fast::ValueSource::of_map(
        map,
        fast::State::new(R::NAME, today),
    ))
}

/// The record, if `value` is a record with nothing to report; `None` when the full check
/// must decide.
pub(crate) fn single_pass_on_value<R: Record>(value: &Value, today: NaiveDate) -> Option<R> {
    single_pass_on_map(value.as_object()?, today)
}

/// The members of a record's JSON text that advice reads.
#[cfg(feature = "advice")]
fn advised_members(text: &str) -> Option<Node<'_>> {
    node::parse_members(text, advice::FIELDS)
}

#[cfg(not(feature = "advice"))]
fn advised_members(_: &str) -> Option<Node<'_>> {
    None
}

/// Parses JSON text as the official package does (jiter: `NaN` and `Infinity` allowed,
/// integers of any size, nesting up to 200 levels, the last of duplicate keys wins).
///
/// The members of the record's object that `index` (a record type's
/// [`Record::field_index`]) does not know are read, their syntax checked, but not built:
/// they are only kept, as text, in the record's `extra` ([`node::Node::Members`]).
pub(crate) fn parse(
    text: &str,
    index: fn(&str) -> Option<usize>,
) -> Result<Node<'_>, Box<Problem>> {
    // The single pass's tokenizer builds the same tree where it can; jiter reads the rest
    // (and words the errors).
    if let Some(tree) = fast::parse_record(text, Some(index)) {
        return Ok(tree);
    }
    node::parse_record(text, index).map_err(|reason| {
        Box::new(Problem::new(
            "",
            String::new(),
            Level::Error,
            Value::Null,
            Detail::InvalidJson(reason),
        ))
    })
}

/// Where a value is: its field, and its index in the field's list (paths are written
/// only when a problem is reported).
#[derive(Clone, Copy)]
struct Loc<'a> {
    field: &'a str,
    index: Option<usize>,
}

impl Loc<'_> {
    fn path(&self) -> String {
        let mut path = String::with_capacity(self.field.len() + 4);
        path.push('/');
        path.push_str(&self.field.replace('~', "~0").replace('/', "~1"));
        if let Some(i) = self.index {
            path.push('/');
            path.push_str(&i.to_string());
        }
        path
    }
}

/// One validation of one record. In the fast mode (`stop_early`) it stops at the first
/// error and builds nothing.
struct Run<'v> {
    validator: &'v Validator,
    record: &'static str,
    stop_early: bool,
    /// The typed record is wanted: the values are built (not in the fast mode, nor for
    /// the verdict alone).
    build: bool,
    errors: usize,
    problems: Vec<Problem>,
    fields: Option<&'static [FieldSpec]>,
    /// Problems reported for the current field, and those beyond the cap.
    field_problems: usize,
    hidden: usize,
}

impl<'v> Run<'v> {
    fn new(validator: &'v Validator, record: &'static str, stop_early: bool) -> Self {
        Run {
            validator,
            record,
            stop_early,
            build: !stop_early,
            errors: 0,
            problems: Vec::new(),
            fields: None,
            field_problems: 0,
            hidden: 0,
        }
    }

    fn done(&self) -> bool {
        self.stop_early && self.errors > 0
    }

    fn report(&mut self, loc: Loc<'_>, level: Level, node: Option<&Node<'_>>, mut detail: Detail) {
        let valideur = self.validator.profile == Profile::Valideur;
        let level = if self.validator.strict || valideur {
            Level::Error
        } else {
            level
        };
        if level == Level::Error {
            self.errors += 1;
        }
        if self.stop_early {
            return;
        }
        self.field_problems += 1;
        if self.field_problems > MAX_PROBLEMS_PER_FIELD {
            self.hidden += 1;
            return;
        }
        if let (Detail::Enum { suggestion, .. }, Some(Node::Str(given)), Some(values)) =
            (&mut detail, node, self.values_of_enum(loc.field))
        {
            *suggestion = suggest::closest(given, values, 0.6);
        }
        let value = match node {
            None => Value::Null,
            Some(_) if self.validator.mask && PERSONAL_FIELDS.contains(&loc.field) => {
                Value::from("***")
            }
            Some(n) => n.to_value(),
        };
        let path = if loc.field.is_empty() {
            String::new()
        } else {
            loc.path()
        };
        let mut problem = Problem::new(loc.field, path, level, value, detail);
        problem.valideur = valideur;
        self.problems.push(problem);
    }

    /// The values of the referential a field holds, for suggestions.
    fn values_of_enum(&self, field: &str) -> Option<&'static [&'static str]> {
        self.fields?
            .iter()
            .find(|f| f.name == field)
            .and_then(|f| match f.ty {
                TypeSpec::Referential { values, .. } => Some(values),
                TypeSpec::List {
                    item: TypeSpec::Referential { values, .. },
                    ..
                } => Some(*values),
                _ => None,
            })
    }

    /// Checks every field; returns the normalized fields (and the unknown ones) that the
    /// typed record is built from (`None` in the fast mode).
    fn record(
        &mut self,
        fields: &'static [FieldSpec],
        index: fn(&str) -> Option<usize>,
        node: &Node<'_>,
    ) -> Option<(Vec<Slot>, Extra)> {
        self.fields = Some(fields);
        let Node::Object(pairs) = node else {
            self.report(
                Loc {
                    field: "",
                    index: None,
                },
                Level::Error,
                Some(node),
                Detail::NotAnObject,
            );
            return None;
        };
        // Each key is looked up once (a generated `match`); a key the schema does not
        // know goes to `extra`.
        let mut by_field: Vec<Option<&Node<'_>>> = vec![None; fields.len()];
        let mut unknown: Vec<usize> = Vec::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            match index(key).filter(|&j| j < by_field.len()) {
                Some(j) => by_field[j] = Some(value),
                None => unknown.push(i),
            }
        }
        let mut slots = if !self.build {
            None
        } else {
            Some(Vec::with_capacity(fields.len()))
        };
        for (spec, value) in fields.iter().zip(by_field) {
            if self.done() {
                return None;
            }
            let slot = self.field(spec, value);
            if let Some(slots) = &mut slots {
                slots.push(slot.unwrap_or(Slot::Absent));
            }
        }
        let slots = slots?;
        if self.errors > 0 {
            // No record: the unknown fields need not be kept.
            return None;
        }
        let mut extra = Extra::new();
        for i in unknown {
            match &pairs[i] {
                (_, Node::Members(text)) => node::members_of(text, |key, raw| {
                    extra.insert(key, raw);
                }),
                (key, value) => {
                    extra.insert(key.as_ref(), value.to_raw());
                }
            }
        }
        Some((slots, extra))
    }

    fn field(&mut self, spec: &FieldSpec, node: Option<&Node<'_>>) -> Option<Slot> {
        self.field_problems = 0;
        self.hidden = 0;
        let slot = self.field_checked(spec, node);
        if self.hidden > 0 {
            let loc = Loc {
                field: spec.name,
                index: None,
            };
            let path = loc.path();
            self.problems.push(Problem::new(
                spec.name,
                path,
                Level::Error,
                Value::Null,
                Detail::MoreProblems(self.hidden),
            ));
        }
        slot
    }

    fn field_checked(&mut self, spec: &FieldSpec, node: Option<&Node<'_>>) -> Option<Slot> {
        let loc = Loc {
            field: spec.name,
            index: None,
        };
        let valideur = self.validator.profile == Profile::Valideur;
        let node = match node {
            // The valideur's input models make `source` optional: the record has an
            // empty one.
            None | Some(Node::Null) if valideur && spec.name == "source" => {
                return Some(Slot::Str(String::new()));
            }
            None => {
                if spec.required {
                    self.report(loc, Level::Error, None, Detail::Missing);
                }
                return None;
            }
            Some(Node::Null) if spec.nullable || !spec.required => return None,
            Some(n) => n,
        };
        let errors = self.errors;
        let value = self.value(loc, &spec.ty, node);
        if valideur && spec.name == "code_insee" && self.errors == errors {
            if let Node::Str(code) = node {
                if !crate::communes::is_commune(code) {
                    self.report(loc, Level::Error, Some(node), Detail::BadCodeInsee);
                    return None;
                }
            }
        }
        if let (true, Some(rule)) = (self.errors == errors, spec.rule) {
            if let Some((level, detail)) =
                rules::check(rule, self.record, node, self.validator.today)
            {
                self.report(loc, level, Some(node), detail);
            }
        }
        value
    }

    /// Checks one value against its type; reports and returns `None` when it fails. In
    /// the fast mode a valid value is `Some(Slot::Absent)`: nothing is built.
    fn value(&mut self, loc: Loc<'_>, ty: &TypeSpec, node: &Node<'_>) -> Option<Slot> {
        // Once an error is found no record will be built: the values are only checked.
        let build = self.build && self.errors == 0;
        let result: Result<Slot, Detail> = match ty {
            TypeSpec::String(s) => string(node, s, build),
            TypeSpec::Number { minimum } => scalar::number(node).and_then(|f| match minimum {
                // NaN is below every minimum, as in Python (`NaN >= 0` is false).
                Some(m) if f.partial_cmp(m).is_none_or(|o| o.is_lt()) => {
                    Err(Detail::Minimum(format_number(*m)))
                }
                _ => Ok(Slot::Float(f)),
            }),
            TypeSpec::Integer { minimum } => scalar::integer(node).and_then(|i| match minimum {
                Some(m) if i < *m => Err(Detail::Minimum(m.to_string())),
                _ => Ok(Slot::Int(i)),
            }),
            TypeSpec::Boolean => match node {
                Node::Bool(b) => Ok(Slot::Bool(*b)),
                _ => Err(Detail::Internal("boolean expected".into())),
            },
            TypeSpec::Date => scalar::date(node).map(Slot::Date),
            TypeSpec::DateTime => match node {
                Node::Str(s) => Ok(Slot::Str(s.to_string())),
                _ => Err(Detail::StringType),
            },
            TypeSpec::Referential { name, values } => {
                scalar::referential(node, name, values).map(Slot::Variant)
            }
            TypeSpec::List {
                item,
                min_items,
                unique_items,
            } => return self.list(loc, item, *min_items, *unique_items, node),
            TypeSpec::AnyOf(branches) if self.validator.profile == Profile::Valideur => {
                match any_of(node, branches, build) {
                    Ok(slot) => Ok(slot),
                    Err(_) => {
                        // pydantic reports each form of the union that the value fails.
                        for detail in any_of_failures(node, branches) {
                            self.report(loc, Level::Error, Some(node), detail);
                        }
                        return None;
                    }
                }
            }
            TypeSpec::AnyOf(branches) => any_of(node, branches, build),
            TypeSpec::Any => Ok(if build {
                Slot::Json(node.to_value())
            } else {
                Slot::Absent
            }),
        };
        match result {
            Ok(v) => Some(v),
            Err(detail) => {
                self.report(loc, Level::Error, Some(node), detail);
                None
            }
        }
    }

    fn list(
        &mut self,
        loc: Loc<'_>,
        item: &TypeSpec,
        min_items: Option<usize>,
        unique: bool,
        node: &Node<'_>,
    ) -> Option<Slot> {
        let Node::Array(items) = node else {
            self.report(
                loc,
                Level::Error,
                Some(node),
                Detail::ListType { set: unique },
            );
            return None;
        };
        // Once an error is found no record will be built: the items are only checked.
        let build = self.build && self.errors == 0;
        let mut out: Vec<Slot> = Vec::with_capacity(if build { items.len() } else { 0 });
        let mut failed = false;
        let mut count = 0;
        let mut seen = Seen::new(items.len());
        for (i, it) in items.iter().enumerate() {
            if self.done() {
                return None;
            }
            let item_loc = Loc {
                field: loc.field,
                index: Some(i),
            };
            match self.value(item_loc, item, it) {
                // A set: an item equal to an earlier input item is a duplicate.
                Some(v) => {
                    if !(unique && seen.repeated(items, i)) {
                        count += 1;
                        if build {
                            out.push(v);
                        }
                    }
                }
                None => failed = true,
            }
        }
        if failed {
            return None;
        }
        if let Some(min) = min_items {
            if count < min {
                let detail = Detail::ListTooShort {
                    min,
                    found: count,
                    set: unique,
                };
                self.report(loc, Level::Error, Some(node), detail);
                return None;
            }
        }
        Some(Slot::List(out))
    }
}

/// Which items of a list came before: a linear scan for short lists, a hash of the
/// strings for long ones (a hostile list of a million items stays linear).
struct Seen<'n> {
    strings: Option<std::collections::HashSet<&'n str>>,
}

impl<'n> Seen<'n> {
    const LINEAR_UP_TO: usize = 32;

    fn new(len: usize) -> Self {
        Seen {
            strings: (len > Self::LINEAR_UP_TO).then(std::collections::HashSet::new),
        }
    }

    /// Whether `items[i]` equals an earlier item (called once for each `i`, in order).
    fn repeated(&mut self, items: &'n [Node<'_>], i: usize) -> bool {
        match (&mut self.strings, &items[i]) {
            (Some(set), Node::Str(s)) => !set.insert(s.as_ref()),
            _ => items[..i].contains(&items[i]),
        }
    }
}

/// A string: formats first (their own rules), then the constraints.
fn string(node: &Node<'_>, spec: &StringSpec, build: bool) -> Result<Slot, Detail> {
    let Node::Str(s) = node else {
        return Err(match spec.format {
            Some("uri") => Detail::UrlType,
            _ => Detail::StringType,
        });
    };
    scalar::formatted_str(s, spec)?;
    Ok(if build {
        Slot::Str(s.to_string())
    } else {
        Slot::Absent
    })
}

/// Any one of several types: the first that accepts the value.
fn any_of(node: &Node<'_>, branches: &[TypeSpec], build: bool) -> Result<Slot, Detail> {
    for branch in branches {
        let ok = match branch {
            TypeSpec::String(s) => string(node, s, build).ok(),
            TypeSpec::Number { .. } => scalar::number(node).ok().map(Slot::Float),
            TypeSpec::Integer { .. } => scalar::integer(node).ok().map(Slot::Int),
            TypeSpec::Date => scalar::date(node).ok().map(Slot::Date),
            TypeSpec::Referential { name, values } => scalar::referential(node, name, values)
                .ok()
                .map(Slot::Variant),
            _ => None,
        };
        if let Some(v) = ok {
            return Ok(v);
        }
    }
    Err(Detail::AnyOf(describe_alternatives(branches)))
}

/// Why each form of a union refuses `node`, as pydantic reports them.
fn any_of_failures(node: &Node<'_>, branches: &[TypeSpec]) -> Vec<Detail> {
    branches
        .iter()
        .filter_map(|branch| match branch {
            TypeSpec::String(s) => string(node, s, false).err(),
            TypeSpec::Number { .. } => scalar::number(node).err(),
            TypeSpec::Integer { .. } => scalar::integer(node).err(),
            TypeSpec::Date => scalar::date(node).err(),
            TypeSpec::Referential { name, values } => scalar::referential(node, name, values).err(),
            _ => None,
        })
        .collect()
}

fn describe_alternatives(branches: &[TypeSpec]) -> String {
    let parts: Vec<String> = branches
        .iter()
        .map(|b| match b {
            TypeSpec::String(s) => {
                if let Some(c) = s.constant {
                    return format!("'{c}'");
                }
                let mut d = match (s.min_length, s.max_length) {
                    (Some(a), Some(b)) if a == b => format!("{a} caractères"),
                    (Some(a), Some(b)) => format!("{a} à {b} caractères"),
                    _ => "une chaîne".to_string(),
                };
                if let Some(p) = s.pattern {
                    d.push_str(&format!(" ({p})"));
                }
                d
            }
            other => format!("{other:?}"),
        })
        .collect();
    parts.join(", ")
}

fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}
