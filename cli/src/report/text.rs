//! The text report of a file: counts, then one line per distinct problem with its lines,
//! in colour on a terminal.

use std::io::Write;

use data_inclusion_schema::validate::Level;
use data_inclusion_schema::Lang;

use super::{ranges, Summary};
use crate::fatal::Fatal;
use crate::terminal::{printable, BOLD, CYAN, GREEN, RED, RESET, YELLOW};

pub fn text_report(
    out: &mut dyn Write,
    name: &str,
    schema: &str,
    detected: bool,
    s: &Summary,
    lang: Lang,
) -> Result<(), Fatal> {
    let fr = lang == Lang::Fr;
    let how = match (fr, detected) {
        (true, true) => "détecté",
        (true, false) => "indiqué",
        (false, true) => "detected",
        (false, false) => "given",
    };
    writeln!(out, "{BOLD}{name}{RESET} — {schema} ({how})")?;
    let plural = |n: u64| if n > 1 { "s" } else { "" };
    if fr {
        writeln!(out, "  Enregistrements lus : {}", s.records)?;
        if s.unreadable_records > 0 {
            writeln!(
                out,
                "  Enregistrements illisibles : {}",
                s.unreadable_records
            )?;
        }
        writeln!(
            out,
            "  Enregistrements invalides : {} ({} erreur{}, {} avertissement{})",
            s.invalid,
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings)
        )?;
    } else {
        writeln!(out, "  Records read: {}", s.records)?;
        if s.unreadable_records > 0 {
            writeln!(out, "  Unreadable records: {}", s.unreadable_records)?;
        }
        writeln!(
            out,
            "  Invalid records: {} ({} error{}, {} warning{})",
            s.invalid,
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings)
        )?;
    }
    // Advice is named apart, and only when there is some: it changes no verdict.
    if s.advice > 0 {
        let (n, records) = (s.advice, s.advised);
        if fr {
            writeln!(
                out,
                "  {CYAN}Conseils{RESET} : {n} sur {records} enregistrement{} (sans effet sur la validité)",
                plural(records)
            )?;
        } else {
            writeln!(
                out,
                "  {CYAN}Advice{RESET}: {n} on {records} record{} (no effect on validity)",
                plural(records)
            )?;
        }
    }
    if let Some(reason) = &s.unreadable {
        let stopped = if fr {
            "lecture interrompue"
        } else {
            "reading stopped"
        };
        writeln!(out, "  {RED}{stopped}{RESET} : {}", printable(reason))?;
    }
    if s.groups.is_empty() && s.unreadable.is_none() && s.columns.is_empty() {
        let ok = if fr {
            "Aucun problème."
        } else {
            "No problem."
        };
        writeln!(out, "  {GREEN}{ok}{RESET}\n")?;
        return Ok(());
    }
    let line_word = |several: bool| match (fr, several) {
        (true, false) => "ligne",
        (true, true) => "lignes",
        (false, false) => "line",
        (false, true) => "lines",
    };
    for (column, message, line) in &s.columns {
        let tag = if fr { "colonne" } else { "column" };
        let (column, message) = (printable(column), printable(message));
        let word = line_word(false);
        writeln!(
            out,
            "  {YELLOW}{tag}{RESET} {BOLD}{column}{RESET} : {message} ({word} {line})"
        )?;
    }
    for (key, group) in &s.groups {
        let (field, level, message, lines) = (&key.field, key.level, &key.message, &group.lines);
        let colour = match level {
            Level::Error => RED,
            Level::Warning => YELLOW,
            _ => CYAN,
        };
        let tag = level.name(lang);
        let field = if field.is_empty() { "—" } else { field };
        let (field, message) = (printable(field), printable(message));
        writeln!(
            out,
            "  {colour}{tag}{RESET} {BOLD}{field}{RESET} : {message} ({} {})",
            line_word(lines.several()),
            ranges(lines, lang)
        )?;
    }
    if s.hidden > 0 {
        let n = s.hidden;
        if fr {
            writeln!(
                out,
                "  … et {n} autre{} problème{} (--format json les donne tous)",
                plural(n),
                plural(n)
            )?;
        } else {
            writeln!(
                out,
                "  … and {n} other problem{} (--format json gives them all)",
                plural(n)
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Lines, MAX_GROUPS, MAX_RANGES};

    #[test]
    fn text_from_the_input_cannot_drive_the_terminal() {
        let mut summary = Summary::default();
        summary.add(
            "nom".into(),
            Level::Error,
            "La valeur '\u{1b}[2J' n’existe pas".into(),
            String::new(),
            "enum",
            3,
        );
        let mut out = Vec::new();
        text_report(&mut out, "f.jsonl", "Service", true, &summary, Lang::Fr)
            .unwrap_or_else(|_| panic!());
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("La valeur '\\u{1b}[2J' n’existe pas (ligne 3)"),
            "{out}"
        );
        assert!(!out.contains("\u{1b}[2J"), "{out}");
    }

    #[test]
    fn the_text_report_keeps_bounded_lines_and_problems() {
        let mut lines = Lines::default();
        for line in (2..10_000).step_by(2) {
            lines.push(line);
        }
        assert_eq!(lines.ranges.len(), MAX_RANGES);
        let text = ranges(&lines, Lang::Fr);
        assert!(text.ends_with(", 200, … et 4899 autres"), "{text}");
        assert!(lines.several());
        let mut summary = Summary::default();
        for i in 0..(MAX_GROUPS as u64 + 5) {
            summary.add(
                "nom".into(),
                Level::Error,
                format!("message {i}"),
                String::new(),
                "enum",
                i,
            );
        }
        assert_eq!((summary.groups.len(), summary.hidden), (MAX_GROUPS, 5));
        let mut out = Vec::new();
        text_report(&mut out, "f.jsonl", "Service", true, &summary, Lang::Fr)
            .unwrap_or_else(|_| panic!());
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("  … et 5 autres problèmes (--format json les donne tous)"),
            "{out}"
        );
    }
}
