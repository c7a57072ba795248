//! The HTML report: one self-contained page (no script, no external style sheet, font or
//! image) that a producer opens in a browser.
//!
//! It follows the official valideur's results page (gip-inclusion/data-inclusion,
//! `api/src/data_inclusion/api/valideur/templates/fragments/results.html`): a verdict, the
//! records analysed and to correct per kind, then one row per (kind, field, value,
//! message) with its lines ("4 à 5") under the columns Typologie, Champ, Ligne(s),
//! Valeur, Détail. To that it adds what Validata shows for the other schemas of
//! schema.data.gouv.fr: the first rows in error with their bad cells highlighted and the
//! message in each cell; and the warnings and the advice, each in a section of its own,
//! the counts per code, and a notice wherever a list is capped.
//!
//! Each field's name links to its documentation in the official schema documentation
//! (<https://gip-inclusion.github.io/data-inclusion-schema/latest/>, mkdocs pages
//! `structure/` and `service/` whose `h3` anchors are the field names, as the published
//! site has them; the valideur links the same site).
//!
//! Accessibility: the page's language, headings in order, tables with captions and
//! header cells (`scope`), explicit table roles where small screens show rows as cards,
//! colours of at least 4.5:1 contrast and a symbol beside each colour, visible focus, a
//! skip link, and the preview's scrolling region reachable with the keyboard. It prints
//! without the scrolling (links followed by their address).

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;
use data_inclusion_schema::io::Kind;
use data_inclusion_schema::v1::{Service, Structure, SCHEMA_VERSION};
use data_inclusion_schema::validate::Level;
use data_inclusion_schema::Lang;

use super::{
    ranges, value_text, GroupKey, Preview, Summary, MAX_GROUPS, MAX_PREVIEW_COLUMNS,
    MAX_PREVIEW_ROWS,
};
use crate::terminal::printable;

/// The official schema documentation; a field's page is `structure/` or `service/`, its
/// anchor the field's name.
pub const SCHEMA_DOC: &str = "https://gip-inclusion.github.io/data-inclusion-schema/latest/";

/// One file's validation, for the page.
pub struct FileReport {
    pub name: String,
    pub kind: Kind,
    /// Whether the kind was detected (not given).
    pub detected: bool,
    pub summary: Summary,
    pub preview: Preview,
}

/// What the page says about the run.
pub struct Meta {
    pub reference_date: NaiveDate,
    pub mask: bool,
    pub strict: bool,
    pub advice: bool,
}

/// The documentation of `field` of the record `kind`.
pub fn field_doc(kind: Kind, field: &str) -> String {
    let page = match kind {
        Kind::Structures => "structure",
        _ => "service",
    };
    format!("{SCHEMA_DOC}{page}/#{field}")
}

/// Text from the input or from messages, made harmless for HTML (and for the eye:
/// control and bidi characters written as `\u{…}`).
fn esc(text: &str) -> String {
    let text = printable(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// French or English.
fn t<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Fr {
        fr
    } else {
        en
    }
}

fn plural(n: u64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// "3 structures analysées" / "1 service analysé".
fn analysed(kind: Kind, n: u64, lang: Lang) -> String {
    match (lang, kind) {
        (Lang::Fr, Kind::Structures) => format!("{n} structure{0} analysée{0}", plural(n)),
        (Lang::Fr, _) => format!("{n} service{0} analysé{0}", plural(n)),
        (Lang::En, Kind::Structures) => format!("{n} structure{} analysed", plural(n)),
        (Lang::En, _) => format!("{n} service{} analysed", plural(n)),
    }
}

fn count_of(level: Level, n: u64, lang: Lang) -> String {
    match (lang, level) {
        (Lang::Fr, Level::Error) => format!("{n} erreur{}", plural(n)),
        (Lang::Fr, Level::Warning) => format!("{n} avertissement{}", plural(n)),
        (Lang::Fr, _) => format!("{n} conseil{}", plural(n)),
        (Lang::En, Level::Error) => format!("{n} error{}", plural(n)),
        (Lang::En, Level::Warning) => format!("{n} warning{}", plural(n)),
        (Lang::En, _) => format!("{n} advice"),
    }
}

/// The class and the symbol of a level (the symbol says it without the colour).
fn mark(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Error => ("error", "✖"),
        Level::Warning => ("warning", "⚠"),
        _ => ("advice", "ℹ"),
    }
}

const STYLE: &str = r#"
:root { --text: #161616; --muted: #3a3a3a; --line: #c9c9c9; --link: #000091;
  --error: #b60000; --error-bg: #ffe9e9; --warning: #8d3300; --warning-bg: #fff0e0;
  --advice: #0050a5; --advice-bg: #e8edff; --ok: #145f30; --ok-bg: #dffee6; --head-bg: #f0f0f6; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5; color: var(--text); background: #fff; }
body { margin: 0; font-size: 1rem; }
a { color: var(--link); text-underline-offset: 2px; }
:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 1; }
.skip:focus { left: .5rem; }
.wrap { max-width: 78rem; margin: 0 auto; padding: 0 1rem; }
header.top { border-bottom: 1px solid var(--line); padding: 1rem 0; }
.brand { margin: 0; font-weight: 700; color: var(--link); }
h1 { font-size: 1.75rem; margin: .25rem 0; line-height: 1.25; }
h2 { font-size: 1.375rem; margin: 2rem 0 .5rem; line-height: 1.3; }
h3 { font-size: 1.125rem; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
.meta, .hint { color: var(--muted); margin: .25rem 0; }
.meta, caption, .alert, .notice { overflow-wrap: anywhere; }
.alert { border-left: .3rem solid; padding: .75rem 1rem; margin: 1.5rem 0 1rem; }
.alert p { margin: 0; }
.alert-error { border-color: var(--error); background: var(--error-bg); }
.alert-ok { border-color: var(--ok); background: var(--ok-bg); }
.alert-stopped { border-color: var(--warning); background: var(--warning-bg); }
.file { border: 1px solid var(--line); padding: .5rem 1rem 1rem; margin: .75rem 0; }
.stats { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; padding: 0; list-style: none; }
.stats li { padding: .25rem .6rem; border: 1px solid var(--line); background: #fff; }
.stats strong { font-size: 1.125rem; }
.badge { display: inline-block; padding: 0 .4rem; font-weight: 700; font-size: .875rem; }
.badge-error, .stat-error { color: var(--error); background: var(--error-bg); }
.badge-warning, .stat-warning { color: var(--warning); background: var(--warning-bg); }
.badge-advice, .stat-advice { color: var(--advice); background: var(--advice-bg); }
.stat-ok { color: var(--ok); background: var(--ok-bg); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9375rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head-bg); }
td.value, td .cell-value { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .875rem; overflow-wrap: anywhere; }
td.lines { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); margin: 0 0 1.25rem; }
.scroll table { margin: 0; width: auto; min-width: 100%; }
.preview td { min-width: 9rem; max-width: 22rem; overflow-wrap: anywhere; }
.preview td.line, .preview th.line { min-width: 0; white-space: nowrap; }
.preview td[data-level] { min-width: 14rem; }
td.cell-error { background: var(--error-bg); box-shadow: inset 3px 0 0 var(--error); }
td.cell-warning { background: var(--warning-bg); box-shadow: inset 3px 0 0 var(--warning); }
td.cell-advice { background: var(--advice-bg); box-shadow: inset 3px 0 0 var(--advice); }
.cell-msg { display: block; font-size: .8125rem; margin-top: .25rem; }
.cell-error .cell-msg, .sym-error { color: var(--error); }
.cell-warning .cell-msg, .sym-warning { color: var(--warning); }
.cell-advice .cell-msg, .sym-advice { color: var(--advice); }
.notice { border-left: .3rem solid var(--warning); background: var(--warning-bg); padding: .5rem .75rem; margin: .5rem 0; }
.legend { margin: .25rem 0 .5rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
table.codes code { overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .875rem; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding: 1rem 0; color: var(--muted); font-size: .875rem; }
@media screen and (max-width: 47.99em) {
  table.stack thead { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); margin-bottom: .75rem; }
  table.stack td { border: 0; border-bottom: 1px solid #e5e5e5; }
  table.stack caption { display: block; width: 100%; }
  table.stack td.kind, table.stack td.field, table.stack td.lines { display: inline-block; width: auto; min-width: 6.5rem; border: 0; vertical-align: top; }
  table.stack td::before { content: attr(data-label); display: block; font-weight: 700; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .8125rem; color: var(--muted); }
  td.lines { white-space: normal; }
  h1 { font-size: 1.5rem; }
}
@media print {
  .skip { display: none; }
  body { font-size: 10pt; }
  .scroll { overflow: visible; border: 0; }
  .preview { font-size: 8pt; }
  .preview td, .preview td[data-level] { max-width: none; min-width: 0; }
  .preview td, .preview td .cell-value { overflow-wrap: break-word; }
  .scroll table { width: 100%; }
  tr, .file, .alert { break-inside: avoid; }
  main p a[href^="http"]::after, footer a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  thead { display: table-header-group; }
}
"#;

/// Writes the page.
pub fn write(
    out: &mut impl Write,
    files: &[FileReport],
    meta: &Meta,
    lang: Lang,
) -> io::Result<()> {
    out.write_all(page(files, meta, lang).as_bytes())
}

/// The page.
pub fn page(files: &[FileReport], meta: &Meta, lang: Lang) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let title = format!(
        "{} — {}",
        t(
            lang,
            "Rapport de validation data·inclusion",
            "data·inclusion validation report"
        ),
        names.join(", ")
    );
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"data-inclusion {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        lang.as_str(),
        env!("CARGO_PKG_VERSION"),
        esc(&title)
    );
    let errors: u64 = files.iter().map(|f| f.summary.errors).sum();
    let warnings: u64 = files.iter().map(|f| f.summary.warnings).sum();
    let advice: u64 = files.iter().map(|f| f.summary.advice).sum();
    let first = if errors > 0 {
        "#erreurs"
    } else if warnings > 0 {
        "#avertissements"
    } else if advice > 0 {
        "#conseils"
    } else {
        "#resultat"
    };
    let _ = writeln!(
        h,
        "<a class=\"skip\" href=\"{first}\">{}</a>\n<header class=\"top\"><div class=\"wrap\">\
         <p class=\"brand\">data·inclusion</p><h1>{}</h1><p class=\"meta\">{}</p></div></header>\n\
         <main class=\"wrap\" id=\"main\">",
        t(
            lang,
            "Aller aux problèmes à corriger",
            "Skip to the problems to fix"
        ),
        t(lang, "Rapport de validation", "Validation report"),
        esc(&format!(
            "{} {} · {} {SCHEMA_VERSION} · {} {}{}{}",
            t(lang, "Fichier :", "File:"),
            names.join(", "),
            t(lang, "schéma data·inclusion", "data·inclusion schema"),
            t(lang, "date de référence", "reference date"),
            meta.reference_date,
            if meta.strict {
                t(
                    lang,
                    " · mode strict (avertissements comptés comme erreurs)",
                    " · strict mode (warnings count as errors)",
                )
            } else {
                ""
            },
            if meta.mask {
                t(
                    lang,
                    " · données personnelles masquées",
                    " · personal data masked",
                )
            } else {
                ""
            },
        ))
    );
    verdict(&mut h, files, errors, lang);
    results(&mut h, files, lang);
    if errors > 0 {
        problems(&mut h, files, Level::Error, lang);
    }
    preview(&mut h, files, lang);
    if warnings > 0 {
        problems(&mut h, files, Level::Warning, lang);
    }
    if advice > 0 {
        problems(&mut h, files, Level::Advice, lang);
    } else if meta.advice && files.iter().any(|f| f.summary.records > 0) {
        let _ = writeln!(
            h,
            "<section aria-labelledby=\"conseils\"><h2 id=\"conseils\">{}</h2><p>{}</p></section>",
            t(lang, "Conseils", "Advice"),
            t(lang, "Aucun conseil : SIRET, coordonnées, horaires, téléphones, contacts, codes postaux et zones n’appellent pas de remarque.", "No advice: SIRETs, coordinates, opening hours, telephone numbers, contacts, postal codes and zones call for no remark.")
        );
    }
    codes(&mut h, files, lang);
    let _ = writeln!(
        h,
        "</main>\n<footer><div class=\"wrap\"><p>{} <a href=\"{SCHEMA_DOC}\">{}</a>. {}</p></div></footer>\n</body>\n</html>",
        esc(&format!(
            "{} data-inclusion {} ({}).",
            t(lang, "Rapport produit par", "Report made by"),
            env!("CARGO_PKG_VERSION"),
            t(lang, "bibliothèque et outil en Rust du schéma data·inclusion", "the Rust library and tool of the data·inclusion schema")
        )),
        t(lang, "Documentation du schéma data·inclusion", "data·inclusion schema documentation"),
        t(
            lang,
            "Les erreurs rendent un enregistrement invalide ; les avertissements aussi en mode strict ; les conseils jamais.",
            "Errors make a record invalid; warnings too in strict mode; advice never does."
        ),
    );
    h
}

/// The verdict, first: what the producer must do.
fn verdict(h: &mut String, files: &[FileReport], errors: u64, lang: Lang) {
    let invalid: u64 = files.iter().map(|f| f.summary.invalid).sum();
    for f in files {
        if let Some(reason) = &f.summary.unreadable {
            let _ = writeln!(
                h,
                "<div class=\"alert alert-stopped\" role=\"alert\"><p><strong>{}</strong> {} : {}</p></div>",
                t(lang, "Lecture interrompue.", "Reading stopped."),
                esc(&f.name),
                esc(reason)
            );
        }
    }
    if errors > 0 {
        let _ = writeln!(
            h,
            "<div class=\"alert alert-error\" role=\"status\" id=\"verdict\" data-verdict=\"invalid\"><p><strong>{}</strong> {}</p></div>",
            esc(&match lang {
                Lang::Fr => format!(
                    "Votre fichier n’est pas conforme au schéma data·inclusion : {} à corriger ({}).",
                    if invalid > 1 { format!("{invalid} enregistrements") } else { format!("{invalid} enregistrement") },
                    count_of(Level::Error, errors, lang)
                ),
                Lang::En => format!(
                    "Your file does not conform to the data·inclusion schema: {invalid} record{} to fix ({}).",
                    plural(invalid),
                    count_of(Level::Error, errors, lang)
                ),
            }),
            t(
                lang,
                "Vous trouverez ci-dessous les erreurs à corriger, ligne par ligne, puis un aperçu des premières lignes en erreur.",
                "Below are the errors to fix, line by line, then a preview of the first rows in error."
            )
        );
    } else {
        let _ = writeln!(
            h,
            "<div class=\"alert alert-ok\" role=\"status\" id=\"verdict\" data-verdict=\"valid\"><p><strong>{}</strong></p></div>",
            t(lang, "Votre fichier est conforme au schéma data·inclusion !", "Your file conforms to the data·inclusion schema!")
        );
    }
}

/// Records analysed and to correct, and the counts per level, per file.
fn results(h: &mut String, files: &[FileReport], lang: Lang) {
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"resultat\"><h2 id=\"resultat\">{}</h2>",
        t(lang, "Résultat de l’analyse", "Analysis result")
    );
    for (i, f) in files.iter().enumerate() {
        let s = &f.summary;
        let schema = f.kind.record_name();
        let how = match (lang, f.detected) {
            (Lang::Fr, true) => "détecté",
            (Lang::Fr, false) => "indiqué",
            (Lang::En, true) => "detected",
            (Lang::En, false) => "given",
        };
        let _ = write!(
            h,
            "<div class=\"file\" data-file=\"{i}\" data-schema=\"{schema}\"><h3>{} — {schema} ({how})</h3><ul class=\"stats\">",
            esc(&f.name)
        );
        let stat = |h: &mut String, name: &str, class: &str, text: String| {
            let _ = write!(
                h,
                "<li class=\"{class}\" data-stat=\"{name}\">{}</li>",
                text
            );
        };
        stat(
            h,
            "records",
            "",
            format!(
                "<strong>{}</strong>",
                esc(&analysed(f.kind, s.records, lang))
            ),
        );
        let invalid_class = if s.invalid > 0 {
            "stat-error"
        } else {
            "stat-ok"
        };
        stat(
            h,
            "invalid",
            invalid_class,
            format!(
                "<strong>{}</strong> {}",
                s.invalid,
                t(lang, "à corriger", "to fix")
            ),
        );
        for (level, n, name) in [
            (Level::Error, s.errors, "errors"),
            (Level::Warning, s.warnings, "warnings"),
            (Level::Advice, s.advice, "advice"),
        ] {
            let (class, symbol) = mark(level);
            let class = if n > 0 {
                format!("stat-{class}")
            } else {
                String::new()
            };
            let text = count_of(level, n, lang);
            let text = if n > 0 {
                format!("<span aria-hidden=\"true\">{symbol}</span> {text}")
            } else {
                text
            };
            stat(h, name, &class, text);
        }
        h.push_str("</ul>");
        if s.advised > 0 {
            let _ = write!(
                h,
                "<p class=\"hint\">{}</p>",
                esc(&match lang {
                    Lang::Fr => format!(
                        "{} enregistrement{} sur {} avec au moins un conseil ({} %).",
                        s.advised,
                        plural(s.advised),
                        s.records,
                        percent(s.advised, s.records)
                    ),
                    Lang::En => format!(
                        "{} record{} of {} with advice ({} %).",
                        s.advised,
                        plural(s.advised),
                        s.records,
                        percent(s.advised, s.records)
                    ),
                })
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0".into();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

/// One table of the problems of `level`, grouped as the valideur groups them.
fn problems(h: &mut String, files: &[FileReport], level: Level, lang: Lang) {
    let (id, title, hint) = match level {
        Level::Error => (
            "erreurs",
            t(lang, "Erreurs à corriger", "Errors to fix"),
            t(
                lang,
                "Corrigez les erreurs ci-dessous dans votre fichier source, puis validez-le à nouveau. Chaque champ mène à sa documentation dans le schéma data·inclusion.",
                "Fix the errors below in your source file, then validate it again. Each field links to its documentation in the data·inclusion schema.",
            ),
        ),
        Level::Warning => (
            "avertissements",
            t(lang, "Avertissements", "Warnings"),
            t(
                lang,
                "Les avertissements ne rendent pas le fichier invalide (sauf en mode strict, et pour le valideur officiel, qui les compte comme des erreurs) : corrigez-les aussi.",
                "Warnings do not make the file invalid (except in strict mode, and for the official valideur, which counts them as errors): fix them too.",
            ),
        ),
        _ => (
            "conseils",
            t(lang, "Conseils", "Advice"),
            t(
                lang,
                "Les conseils ne changent pas la validité du fichier : ils signalent des valeurs conformes au schéma mais sans doute fausses (SIRET, coordonnées, horaires, téléphone, contacts d’exemple, code postal, codes de zone).",
                "Advice does not change whether the file is valid: it points at values that conform to the schema but are probably wrong (SIRET, coordinates, opening hours, telephone, placeholder contacts, postal code, zone codes).",
            ),
        ),
    };
    let (class, symbol) = mark(level);
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"{id}\" data-level=\"{}\"><h2 id=\"{id}\"><span class=\"sym-{class}\" aria-hidden=\"true\">{symbol}</span> {title}</h2>\n<p class=\"hint\">{hint}</p>",
        level.as_str()
    );
    let labels = [
        t(lang, "Typologie", "Kind"),
        t(lang, "Champ", "Field"),
        t(lang, "Ligne(s)", "Line(s)"),
        t(lang, "Valeur", "Value"),
        t(lang, "Détail", "Detail"),
    ];
    let _ = write!(
        h,
        "<table class=\"stack problems\" role=\"table\" data-level=\"{}\"><caption>{} — {}</caption>\n<thead role=\"rowgroup\"><tr role=\"row\">",
        level.as_str(),
        title,
        esc(&count_of(level, files.iter().map(|f| level_count(&f.summary, level)).sum(), lang))
    );
    for label in labels {
        let _ = write!(h, "<th scope=\"col\" role=\"columnheader\">{label}</th>");
    }
    h.push_str("</tr></thead>\n<tbody role=\"rowgroup\">\n");
    let mut hidden = 0;
    for f in files {
        let schema = f.kind.record_name();
        let mut rows: Vec<(&GroupKey, &super::Group)> = f
            .summary
            .groups
            .iter()
            .filter(|(k, _)| k.level == level)
            .collect();
        rows.sort_by_key(|(k, g)| (g.lines.first(), k.field.clone()));
        for (key, group) in rows {
            let field_cell = if key.field.is_empty() {
                "—".to_string()
            } else {
                format!(
                    "<a href=\"{}\"><strong>{}</strong></a>",
                    esc(&field_doc(f.kind, &key.field)),
                    esc(&key.field)
                )
            };
            let _ = writeln!(
                h,
                "<tr role=\"row\" data-schema=\"{schema}\" data-field=\"{}\" data-code=\"{}\">\
                 <td role=\"cell\" class=\"kind\" data-label=\"{}\">{schema}</td>\
                 <td role=\"cell\" class=\"field\" data-label=\"{}\">{field_cell}</td>\
                 <td role=\"cell\" class=\"lines\" data-label=\"{}\"><strong>{}</strong></td>\
                 <td role=\"cell\" class=\"value\" data-label=\"{}\">{}</td>\
                 <td role=\"cell\" data-label=\"{}\">{}</td></tr>",
                esc(&key.field),
                esc(&group.code),
                labels[0],
                labels[1],
                labels[2],
                esc(&ranges(&group.lines, lang)),
                labels[3],
                esc(&key.value),
                labels[4],
                esc(&key.message),
            );
        }
        hidden += f.summary.hidden;
    }
    h.push_str("</tbody></table>\n");
    if hidden > 0 {
        let _ = writeln!(
            h,
            "<p class=\"notice\" data-notice=\"groups\">{}</p>",
            esc(&match lang {
                Lang::Fr => format!(
                    "Liste limitée à {MAX_GROUPS} problèmes distincts par fichier : {hidden} autre{0} problème{0} ne {1} pas listé{0} ici (--format json les donne tous).",
                    plural(hidden),
                    if hidden > 1 { "sont" } else { "est" }
                ),
                Lang::En => format!(
                    "List capped at {MAX_GROUPS} distinct problems per file: {hidden} other problem{} not listed here (--format json gives them all).",
                    plural(hidden)
                ),
            })
        );
    }
    h.push_str("</section>\n");
}

fn level_count(s: &Summary, level: Level) -> u64 {
    match level {
        Level::Error => s.errors,
        Level::Warning => s.warnings,
        _ => s.advice,
    }
}

/// The schema's field names of a kind, in order.
fn fields_of(kind: Kind) -> Vec<&'static str> {
    match kind {
        Kind::Structures => Structure::FIELDS.iter().map(|f| f.name).collect(),
        _ => Service::FIELDS.iter().map(|f| f.name).collect(),
    }
}

/// The first rows in error with their bad cells highlighted, per file.
fn preview(h: &mut String, files: &[FileReport], lang: Lang) {
    let any = files.iter().any(|f| !f.preview.shown().0.is_empty());
    if !any {
        return;
    }
    let in_error = files.iter().any(|f| f.preview.shown().2);
    let title = if in_error {
        t(
            lang,
            "Aperçu des lignes en erreur",
            "Preview of the rows in error",
        )
    } else {
        t(
            lang,
            "Aperçu des lignes à revoir",
            "Preview of the rows to review",
        )
    };
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"apercu\"><h2 id=\"apercu\">{title}</h2>\n<p class=\"hint\">{}</p>\n\
         <ul class=\"legend\"><li><span class=\"sym-error\" aria-hidden=\"true\">✖</span> {}</li><li><span class=\"sym-warning\" aria-hidden=\"true\">⚠</span> {}</li><li><span class=\"sym-advice\" aria-hidden=\"true\">ℹ</span> {}</li></ul>",
        t(
            lang,
            "Les cellules en cause sont surlignées, avec le message qui dit comment les corriger. Seules les colonnes id, nom et celles des champs en cause sont montrées.",
            "The cells at fault are highlighted, with the message saying how to fix them. Only the columns id, nom and those of the fields at fault are shown."
        ),
        t(lang, "erreur", "error"),
        t(lang, "avertissement", "warning"),
        t(lang, "conseil", "advice"),
    );
    for (i, f) in files.iter().enumerate() {
        let (rows, total, errors) = f.preview.shown();
        if rows.is_empty() {
            continue;
        }
        let schema = f.kind.record_name();
        // The columns: id, nom, then the fields with a problem, in the schema's order.
        let all = fields_of(f.kind);
        let with_problem: Vec<&str> = all
            .iter()
            .copied()
            .filter(|field| *field != "id" && *field != "nom")
            .filter(|field| {
                rows.iter()
                    .any(|r| r.problems.iter().any(|(pf, _, _)| pf == field))
            })
            .collect();
        let shown_fields: Vec<&str> = with_problem
            .iter()
            .copied()
            .take(MAX_PREVIEW_COLUMNS)
            .collect();
        let mut columns = vec!["id", "nom"];
        columns.extend(&shown_fields);
        let region = format!("apercu-{i}");
        let caption = match lang {
            Lang::Fr => format!(
                "{} — {} : {} premières lignes {} sur {total}",
                f.name,
                schema,
                rows.len(),
                if errors { "en erreur" } else { "à revoir" }
            ),
            Lang::En => format!(
                "{} — {}: first {} rows {} of {total}",
                f.name,
                schema,
                rows.len(),
                if errors { "in error" } else { "to review" }
            ),
        };
        let caption = if rows.len() as u64 == total {
            match lang {
                Lang::Fr => format!(
                    "{} — {schema} : {} ligne{} {}",
                    f.name,
                    total,
                    plural(total),
                    if errors { "en erreur" } else { "à revoir" }
                ),
                Lang::En => format!(
                    "{} — {schema}: {} row{} {}",
                    f.name,
                    total,
                    plural(total),
                    if errors { "in error" } else { "to review" }
                ),
            }
        } else {
            caption
        };
        let _ = write!(
            h,
            "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{region}\" tabindex=\"0\">\
             <table class=\"preview\" data-file=\"{i}\" data-schema=\"{schema}\"><caption id=\"{region}\">{}</caption>\n<thead><tr><th scope=\"col\" class=\"line\">{}</th>",
            esc(&caption),
            t(lang, "Ligne", "Line")
        );
        for c in &columns {
            let _ = write!(
                h,
                "<th scope=\"col\"><a href=\"{}\">{}</a></th>",
                esc(&field_doc(f.kind, c)),
                esc(c)
            );
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            let _ = write!(
                h,
                "<tr data-line=\"{}\"><th scope=\"row\" class=\"line\">{}</th>",
                row.line, row.line
            );
            // A record that cannot be read: its message across the row.
            let whole: Vec<&(String, Level, String)> = row
                .problems
                .iter()
                .filter(|(field, _, _)| field.is_empty())
                .collect();
            if !whole.is_empty() && row.values.is_empty() {
                let _ = writeln!(
                    h,
                    "<td colspan=\"{}\" class=\"cell-error\" data-field=\"\" data-level=\"error\"><span class=\"cell-msg\"><span aria-hidden=\"true\">✖</span> {}</span></td></tr>",
                    columns.len(),
                    esc(&whole.iter().map(|(_, _, m)| m.as_str()).collect::<Vec<_>>().join(" "))
                );
                continue;
            }
            for c in &columns {
                let value = row.values.get(*c).map(value_text).unwrap_or_default();
                let here: Vec<&(String, Level, String)> = row
                    .problems
                    .iter()
                    .filter(|(field, _, _)| field == c)
                    .collect();
                match here.iter().map(|(_, level, _)| *level).min() {
                    None => {
                        let _ = write!(
                            h,
                            "<td><span class=\"cell-value\">{}</span></td>",
                            esc(&value)
                        );
                    }
                    Some(level) => {
                        let (class, _) = mark(level);
                        let _ = write!(
                            h,
                            "<td class=\"cell-{class}\" data-field=\"{}\" data-level=\"{}\"><span class=\"cell-value\">{}</span>",
                            esc(c),
                            level.as_str(),
                            esc(&value)
                        );
                        let mut seen: Vec<&str> = Vec::new();
                        for (_, level, message) in &here {
                            if seen.contains(&message.as_str()) {
                                continue;
                            }
                            seen.push(message);
                            let (class, symbol) = mark(*level);
                            let sep = t(lang, " : ", ": ");
                            let _ = write!(
                                h,
                                "<span class=\"cell-msg sym-{class}\"><span aria-hidden=\"true\">{symbol}</span> {}{sep}{}</span>",
                                level.name(lang),
                                esc(message)
                            );
                        }
                        h.push_str("</td>");
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table></div>\n");
        let mut notices = Vec::new();
        if (rows.len() as u64) < total {
            notices.push(match lang {
                Lang::Fr => format!(
                    "Aperçu limité aux {} premières lignes : {} autre{} ligne{} {} ne {} pas montrée{} ici (voir les tableaux ci-dessus).",
                    MAX_PREVIEW_ROWS.min(rows.len()),
                    total - rows.len() as u64,
                    plural(total - rows.len() as u64),
                    plural(total - rows.len() as u64),
                    if errors { "en erreur" } else { "à revoir" },
                    if total - rows.len() as u64 > 1 { "sont" } else { "est" },
                    plural(total - rows.len() as u64),
                ),
                Lang::En => format!(
                    "Preview capped at the first {} rows: {} other row{} {} not shown here (see the tables above).",
                    MAX_PREVIEW_ROWS.min(rows.len()),
                    total - rows.len() as u64,
                    plural(total - rows.len() as u64),
                    if errors { "in error" } else { "to review" },
                ),
            });
        }
        if with_problem.len() > shown_fields.len() {
            let rest: Vec<&str> = with_problem[shown_fields.len()..].to_vec();
            notices.push(match lang {
                Lang::Fr => format!(
                    "Colonnes limitées à {MAX_PREVIEW_COLUMNS} champs en cause : {} ne {} pas montré{} ici (voir les tableaux ci-dessus).",
                    rest.join(", "),
                    if rest.len() > 1 { "sont" } else { "est" },
                    plural(rest.len() as u64)
                ),
                Lang::En => format!(
                    "Columns capped at {MAX_PREVIEW_COLUMNS} fields at fault: {} not shown here (see the tables above).",
                    rest.join(", ")
                ),
            });
        }
        for n in notices {
            let _ = writeln!(
                h,
                "<p class=\"notice\" data-notice=\"preview\">{}</p>",
                esc(&n)
            );
        }
    }
    h.push_str("</section>\n");
}

/// The problems per code.
fn codes(h: &mut String, files: &[FileReport], lang: Lang) {
    let mut by_code: std::collections::BTreeMap<(Level, &str), u64> = Default::default();
    for f in files {
        for ((level, code), n) in &f.summary.by_code {
            *by_code.entry((*level, code.as_str())).or_default() += n;
        }
    }
    if by_code.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"codes\"><h2 id=\"codes\">{}</h2>\n<p class=\"hint\">{}</p>\n\
         <table class=\"codes\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        t(lang, "Problèmes par code", "Problems per code"),
        t(lang, "Le code de chaque problème est celui du rapport JSON (--format json), stable d’une version à l’autre.", "Each problem's code is the JSON report's (--format json), stable from one version to the next."),
        t(lang, "Nombre de problèmes par code", "Number of problems per code"),
        t(lang, "Code", "Code"),
        t(lang, "Niveau", "Level"),
        t(lang, "Problèmes", "Problems"),
    );
    for ((level, code), n) in by_code {
        let (class, symbol) = mark(level);
        let _ = writeln!(
            h,
            "<tr data-code=\"{}\" data-level=\"{}\"><th scope=\"row\"><code>{}</code></th><td><span class=\"sym-{class}\" aria-hidden=\"true\">{symbol}</span> {}</td><td>{n}</td></tr>",
            esc(code),
            level.as_str(),
            esc(code),
            level.name(lang)
        );
    }
    h.push_str("</tbody></table></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_input_cannot_break_the_page() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\" \u{202e}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; \\u{202e}"
        );
    }

    #[test]
    fn each_field_links_to_its_documentation() {
        assert_eq!(
            field_doc(Kind::Services, "thematiques"),
            "https://gip-inclusion.github.io/data-inclusion-schema/latest/service/#thematiques"
        );
        assert_eq!(
            field_doc(Kind::Structures, "siret"),
            "https://gip-inclusion.github.io/data-inclusion-schema/latest/structure/#siret"
        );
    }

    #[test]
    fn a_page_of_nothing_says_so() {
        let meta = Meta {
            reference_date: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
            mask: false,
            strict: false,
            advice: true,
        };
        let file = FileReport {
            name: "vide.jsonl".into(),
            kind: Kind::Services,
            detected: true,
            summary: Summary::default(),
            preview: Preview::default(),
        };
        let page = page(&[file], &meta, Lang::Fr);
        assert!(page.contains("0 service analysé"), "{page}");
        assert!(page.contains("Votre fichier est conforme"), "{page}");
        assert!(!page.contains("<script"), "{page}");
    }
}
