//! What the schema says of each field, as data: the descriptors generated beside every
//! record type, which validation, CSV flattening and documentation read.
//!
//! Each record type has a constant `FIELDS` (see [`Record::FIELDS`](crate::Record::FIELDS)) listing its fields in
//! the schema's order with their [`TypeSpec`] and constraints, exactly as the JSON Schema
//! states them.
//!
//! ```
//! use data_inclusion_schema::spec::TypeSpec;
//! use data_inclusion_schema::v1::Structure;
//!
//! let nom = Structure::FIELDS.iter().find(|f| f.name == "nom").unwrap();
//! assert!(nom.required);
//! match nom.ty {
//!     TypeSpec::String(s) => assert_eq!((s.min_length, s.max_length), (Some(3), Some(150))),
//!     _ => unreachable!(),
//! }
//! ```

/// One property of a record.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct FieldSpec {
    /// The property's name in the schema (`"date_maj"`).
    pub name: &'static str,
    /// The schema's `title`, if any.
    pub title: Option<&'static str>,
    /// Whether the schema lists the property in `required`.
    pub required: bool,
    /// Whether `null` is allowed (an `anyOf` with `{"type": "null"}`).
    pub nullable: bool,
    /// The type of a non-null value.
    pub ty: TypeSpec,
    /// The rule of the official package that the value must also follow, beyond the
    /// schema, if any.
    pub rule: Option<Rule>,
}

/// A rule of the official package that the JSON Schema cannot express, carried by the
/// field it applies to ([`FieldSpec::rule`]). Validation applies it once the value has
/// passed the schema's own checks, as the package's pydantic "after" validators do.
///
/// ```
/// use data_inclusion_schema::spec::Rule;
/// use data_inclusion_schema::v1::Service;
///
/// let rules: Vec<(&str, Rule)> = Service::FIELDS
///     .iter()
///     .filter_map(|f| f.rule.map(|rule| (f.name, rule)))
///     .collect();
/// assert_eq!(rules, [
///     ("date_maj", Rule::DateMajWindow),
///     ("nom", Rule::NoTrailingPeriod),
///     ("publics", Rule::TousPublicsAlone),
/// ]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A name must not end with a period, unless with `etc.`: a warning (an error in
    /// strict mode).
    NoTrailingPeriod,
    /// A date from 2000-01-01 to the reference date, inclusive: an error.
    DateMajWindow,
    /// `tous-publics` only alone in the list (after removing duplicates): an error.
    TousPublicsAlone,
}

impl Rule {
    /// The rule's name as the generator's settings write it (`"no_trailing_period"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::NoTrailingPeriod => "no_trailing_period",
            Rule::DateMajWindow => "date_maj_window",
            Rule::TousPublicsAlone => "tous_publics_alone",
        }
    }
}

/// The type and constraints of a (non-null) value.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum TypeSpec {
    /// A string, with its constraints.
    String(StringSpec),
    /// A number (`"type": "number"`).
    Number {
        /// `minimum`, inclusive.
        minimum: Option<f64>,
    },
    /// An integer (`"type": "integer"`).
    Integer {
        /// `minimum`, inclusive.
        minimum: Option<i64>,
    },
    /// A boolean.
    Boolean,
    /// A date (`"format": "date"`), `YYYY-MM-DD`.
    Date,
    /// A date and time (`"format": "date-time"`).
    DateTime,
    /// One value of a referential.
    Referential {
        /// The name of the referential (`"Thematique"`).
        name: &'static str,
        /// Its values, in the schema's order.
        values: &'static [&'static str],
    },
    /// A list.
    List {
        /// The type of each item.
        item: &'static TypeSpec,
        /// `minItems`.
        min_items: Option<usize>,
        /// `uniqueItems`.
        unique_items: bool,
    },
    /// Any one of several types (`anyOf`).
    AnyOf(&'static [TypeSpec]),
    /// Anything (the schema says nothing, or nothing this crate types).
    Any,
}

/// The constraints of a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct StringSpec {
    /// `minLength`, in Unicode characters.
    pub min_length: Option<usize>,
    /// `maxLength`, in Unicode characters.
    pub max_length: Option<usize>,
    /// `pattern`, as written in the schema.
    pub pattern: Option<&'static str>,
    /// `format` (`"email"`, `"uri"`, …), other than dates, which have their own [`TypeSpec`].
    pub format: Option<&'static str>,
    /// `const`: the only value allowed.
    pub constant: Option<&'static str>,
}

impl FieldSpec {
    /// A field descriptor (as the generated code writes them).
    pub const fn new(
        name: &'static str,
        title: Option<&'static str>,
        required: bool,
        nullable: bool,
        ty: TypeSpec,
    ) -> Self {
        FieldSpec {
            name,
            title,
            required,
            nullable,
            ty,
            rule: None,
        }
    }

    /// The descriptor with the rule `rule` ([`FieldSpec::rule`]).
    pub const fn with_rule(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }
}

impl StringSpec {
    /// A string descriptor (as the generated code writes them).
    pub const fn new(
        min_length: Option<usize>,
        max_length: Option<usize>,
        pattern: Option<&'static str>,
        format: Option<&'static str>,
        constant: Option<&'static str>,
    ) -> Self {
        StringSpec {
            min_length,
            max_length,
            pattern,
            format,
            constant,
        }
    }

    /// A string with no constraint.
    pub const ANY: StringSpec = StringSpec {
        min_length: None,
        max_length: None,
        pattern: None,
        format: None,
        constant: None,
    };
}
