//! What is wrong with a header, for CSV and XLSX alike: [`ColumnProblem`]. A readable file
//! is never refused for its header: its unknown, duplicated and missing columns are
//! reported once, at the header's line, and every row is still read and validated.

use std::fmt;

use crate::spec::FieldSpec;
use crate::validate::{Profile, Validator};
use crate::Lang;

/// What is wrong with a column of a header ([`ColumnProblem::kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnProblemKind {
    /// A column whose name is not a field of the schema: its values are kept as they are
    /// (in the record's `extra`).
    Unknown,
    /// A name given to several columns.
    Duplicated,
    /// A required field without a column: each row reports the field as missing
    /// ("Champ requis").
    Missing,
}

impl ColumnProblemKind {
    /// The stable code: `column_unknown`, `column_duplicated`, `column_missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnProblemKind::Unknown => "column_unknown",
            ColumnProblemKind::Duplicated => "column_duplicated",
            ColumnProblemKind::Missing => "column_missing",
        }
    }
}

/// How the columns of a duplicated name are read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Duplicates {
    /// As pandas' `read_csv` names them: the first keeps the name, the others are named
    /// `name.1`, `name.2`, … (fields the schema does not know, kept as they are).
    Renamed(Vec<String>),
    /// The last one is read, the others are ignored: what the official valideur does
    /// (pandas' `to_dict` of a frame with two columns of one name).
    LastWins,
}

/// A problem with a column of a header: an unknown, duplicated or missing column. It is
/// not an error of any record: the rows are read and validated all the same.
///
/// ```
/// use data_inclusion_schema::io::{ColumnProblemKind, Format, Reader};
/// use data_inclusion_schema::validate::Validator;
///
/// let csv = "id,nom,nom,date_maj,code_potsal\nd--1,CCAS,CCAS bis,2025-02-14,59000\n";
/// let mut reader = Reader::new(csv.as_bytes(), Format::Csv);
/// let problems = reader.column_problems(&Validator::new());
/// let found: Vec<_> = problems.iter().map(|p| (p.kind, p.column.as_str(), p.to_string())).collect();
/// assert_eq!(found[0].0, ColumnProblemKind::Duplicated);
/// assert_eq!(found[0].2, "ligne 1 : la colonne « nom » apparaît 2 fois (colonnes 2, 3) ; la colonne 3 est lue sous le nom « nom.1 »");
/// assert_eq!(found[1].2, "ligne 1 : la colonne « code_potsal » (colonne 5) n’est pas un champ du schéma ; ses valeurs sont gardées telles quelles. Vouliez-vous dire « code_postal » ?");
/// assert_eq!(found[2].2, "ligne 1 : la colonne « source », requise, est absente : chaque ligne le signale (« Champ requis »)");
/// // The row is read all the same.
/// assert_eq!(reader.count(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ColumnProblem {
    /// What is wrong.
    pub kind: ColumnProblemKind,
    /// The column's name (the field's, for a missing column).
    pub column: String,
    /// The header's line.
    pub line: u64,
    /// The columns of that name, 1-based (none for a missing column).
    pub positions: Vec<usize>,
    /// How the columns of a duplicated name are read.
    pub duplicates: Option<Duplicates>,
    /// For an unknown column, the closest field name, if one is close enough (a typo).
    pub suggestion: Option<&'static str>,
    /// Whether positions are written as a spreadsheet's column letters (`A`, `AB`).
    letters: bool,
}

impl ColumnProblem {
    /// The stable code ([`ColumnProblemKind::as_str`]).
    pub fn code(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The message, in French or English (without the line).
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let name = &self.column;
        let position = |p: usize| {
            if self.letters {
                column_letters(p)
            } else {
                p.to_string()
            }
        };
        let positions: Vec<String> = self.positions.iter().map(|&p| position(p)).collect();
        let positions = positions.join(", ");
        match self.kind {
            ColumnProblemKind::Unknown => {
                let mut m = if fr {
                    format!("la colonne « {name} » (colonne {positions}) n’est pas un champ du schéma ; ses valeurs sont gardées telles quelles")
                } else {
                    format!("the column \"{name}\" (column {positions}) is not a field of the schema; its values are kept as they are")
                };
                if let Some(s) = self.suggestion {
                    if fr {
                        m.push_str(&format!(". Vouliez-vous dire « {s} » ?"));
                    } else {
                        m.push_str(&format!(". Did you mean \"{s}\"?"));
                    }
                }
                m
            }
            ColumnProblemKind::Duplicated => {
                let n = self.positions.len();
                let how = match (&self.duplicates, fr) {
                    (Some(Duplicates::LastWins), true) => {
                        "seule la dernière est lue, comme le fait le valideur".to_string()
                    }
                    (Some(Duplicates::LastWins), false) => {
                        "only the last one is read, as the valideur does".to_string()
                    }
                    (Some(Duplicates::Renamed(names)), _) => {
                        let renamed: Vec<String> = self
                            .positions
                            .iter()
                            .zip(names)
                            .skip(1)
                            .map(|(&p, n)| {
                                if fr {
                                    format!(
                                        "la colonne {} est lue sous le nom « {n} »",
                                        position(p)
                                    )
                                } else {
                                    format!("column {} is read as \"{n}\"", position(p))
                                }
                            })
                            .collect();
                        renamed.join(", ")
                    }
                    (None, _) => String::new(),
                };
                if fr {
                    format!(
                        "la colonne « {name} » apparaît {n} fois (colonnes {positions}) ; {how}"
                    )
                } else {
                    format!("the column \"{name}\" appears {n} times (columns {positions}); {how}")
                }
            }
            ColumnProblemKind::Missing => {
                if fr {
                    format!("la colonne « {name} », requise, est absente : chaque ligne le signale (« Champ requis »)")
                } else {
                    format!("the required column \"{name}\" is missing: each row reports it (\"Field required\")")
                }
            }
        }
    }
}

impl fmt::Display for ColumnProblem {
    /// `ligne 1 : message`, in French; `{:#}`: `line 1: message`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "line {}: {}", self.line, self.message(Lang::En))
        } else {
            write!(f, "ligne {} : {}", self.line, self.message(Lang::Fr))
        }
    }
}

impl serde::Serialize for ColumnProblem {
    /// `column`, `code`, `line`, `positions`, `message` (in French) and `suggestion`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ColumnProblem", 6)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("positions", &self.positions)?;
        s.serialize_field("message", &self.message(Lang::Fr))?;
        s.serialize_field("suggestion", &self.suggestion)?;
        s.end()
    }
}

/// `1` → `A`, `27` → `AA`.
pub(crate) fn column_letters(mut n: usize) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Names that a header may hold besides the fields: the valideur's layout column.
const LAYOUT_COLUMNS: &[&str] = &["__ignore__"];

/// The problems of a header whose names are `names` (trimmed; empty for a column without
/// a name, which is ignored), for a record of these `fields`, as `validator` requires them
/// (the valideur profile does not require `source`).
pub(crate) fn column_problems(
    names: &[String],
    fields: &[FieldSpec],
    line: u64,
    duplicates: impl Fn(&str, &[usize]) -> Duplicates,
    letters: bool,
    validator: &Validator,
) -> Vec<ColumnProblem> {
    let mut problems = Vec::new();
    let problem = |kind, column: &str, positions: Vec<usize>| ColumnProblem {
        kind,
        column: column.to_string(),
        line,
        positions,
        duplicates: None,
        suggestion: None,
        letters,
    };
    // Duplicated names, in the order of their first column (a map of the names: a header
    // of 16 384 columns is checked at once).
    let mut by_name: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if !name.is_empty() {
            by_name.entry(name.as_str()).or_default().push(i + 1);
        }
    }
    for (i, name) in names.iter().enumerate() {
        let Some(positions) = by_name.get(name.as_str()) else {
            continue;
        };
        if positions.len() > 1 && positions[0] == i + 1 {
            let mut p = problem(ColumnProblemKind::Duplicated, name, positions.clone());
            p.duplicates = Some(duplicates(name, positions));
            problems.push(p);
        }
    }
    let field_names: Vec<&'static str> = fields.iter().map(|f| f.name).collect();
    for (i, name) in names.iter().enumerate() {
        let known = name.is_empty()
            || field_names.contains(&name.as_str())
            || LAYOUT_COLUMNS.contains(&name.as_str());
        let first = by_name.get(name.as_str()).is_some_and(|p| p[0] == i + 1);
        if !known && first {
            let mut p = problem(ColumnProblemKind::Unknown, name, vec![i + 1]);
            // A column named as a field but for its case or spaces is that field's typo.
            let folded = name.trim().to_lowercase();
            p.suggestion = crate::validate::closest_name(&folded, &field_names);
            problems.push(p);
        }
    }
    let valideur = validator.profile() == Profile::Valideur;
    for field in fields {
        let required = field.required && !(valideur && field.name == "source");
        if required && !by_name.contains_key(field.name) {
            problems.push(problem(ColumnProblemKind::Missing, field.name, Vec::new()));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters() {
        assert_eq!(super::column_letters(1), "A");
        assert_eq!(super::column_letters(26), "Z");
        assert_eq!(super::column_letters(27), "AA");
        assert_eq!(super::column_letters(16_384), "XFD");
    }
}
