//! Documentation of the generated items, from the schema's `title`, `description`,
//! `examples` and constraints.

use serde_json::Value;

use crate::raw_schema::{is_nullable, non_null, resolve};

/// `s` after a number above 1, as French writes plurals.
fn plural(n: u64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// The documentation of a record or a referential: a first line that says what it is
/// (`kind`: "record", "referential"), then the schema's description and examples; the
/// schema's title when it is more than the type's name.
pub(crate) fn type_doc(schema: &Value, kind: &str, name: &str) -> String {
    let title = schema.get("title").and_then(Value::as_str).map(str::trim);
    let mut parts = vec![format!("The {kind} `{name}` of the schema.")];
    let description = schema
        .get("description")
        .and_then(Value::as_str)
        .map(str::trim);
    if let Some(t) = title.filter(|t| *t != name && Some(*t) != description) {
        parts.push(format!("**{t}**"));
    }
    if let Some(d) = description.filter(|d| *d != name) {
        parts.push(escape_doc(d));
    }
    let rest = doc_of(
        &serde_json::json!({ "examples": schema.get("examples") }),
        None,
    );
    if schema.get("examples").is_some() {
        parts.push(rest);
    }
    parts.join("\n\n")
}

/// Documentation from a schema's title, description and examples, and a line of
/// constraints.
pub(crate) fn doc_of(schema: &Value, constraints: Option<&str>) -> String {
    let mut parts = Vec::new();
    let title = schema.get("title").and_then(Value::as_str);
    let description = schema.get("description").and_then(Value::as_str);
    if let Some(t) = title {
        parts.push(format!("**{}**", t.trim()));
    }
    if let Some(d) = description {
        if Some(d) != title {
            parts.push(escape_doc(d.trim()));
        }
    }
    if let Some(c) = constraints {
        if !c.is_empty() {
            parts.push(c.to_string());
        }
    }
    if let Some(examples) = schema.get("examples").and_then(Value::as_array) {
        let list: Vec<String> = examples
            .iter()
            .map(|e| format!("- `{}`", e.to_string().replace('`', "'")))
            .collect();
        if !list.is_empty() {
            parts.push(format!("Exemples :\n{}", list.join("\n")));
        }
    }
    if parts.is_empty() {
        parts.push("(Not documented in the schema.)".into());
    }
    parts.join("\n\n")
}

/// Escapes what rustdoc would misread in the schema's prose: bare URLs become links.
fn escape_doc(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if (word.starts_with("http://") || word.starts_with("https://")) && !word.contains(')') {
            out.push('<');
            out.push_str(word);
            out.push('>');
        } else {
            out.push_str(word);
        }
    }
    out
}

/// A line that states a property's constraints, in French.
pub(crate) fn constraints_text(prop: &Value, root: &Value) -> String {
    let schema = resolve(non_null(prop), root);
    let mut parts = Vec::new();
    if is_nullable(prop) {
        parts.push("peut être `null`".to_string());
    }
    describe_constraints(schema, root, &mut parts);
    if parts.is_empty() {
        String::new()
    } else {
        format!("Contraintes : {}.", parts.join(" ; "))
    }
}

fn describe_constraints(schema: &Value, root: &Value, parts: &mut Vec<String>) {
    let schema = resolve(schema, root);
    let get = |k: &str| schema.get(k);
    match (
        get("minLength").and_then(Value::as_u64),
        get("maxLength").and_then(Value::as_u64),
    ) {
        (Some(a), Some(b)) if a == b => parts.push(format!("{a} caractère{}", plural(a))),
        (Some(a), Some(b)) => parts.push(format!("de {a} à {b} caractères")),
        (Some(a), None) => parts.push(format!("au moins {a} caractère{}", plural(a))),
        (None, Some(b)) => parts.push(format!("au plus {b} caractère{}", plural(b))),
        _ => {}
    }
    if let Some(p) = get("pattern").and_then(Value::as_str) {
        parts.push(format!("motif `{p}`"));
    }
    if let Some(f) = get("format").and_then(Value::as_str) {
        parts.push(format!("format `{f}`"));
    }
    if let Some(c) = get("const") {
        parts.push(format!("vaut `{c}`"));
    }
    if let Some(m) = get("minimum") {
        parts.push(format!("au moins {m}"));
    }
    if let Some(m) = get("minItems").and_then(Value::as_u64) {
        parts.push(format!(
            "au moins {m} élément{}",
            if m > 1 { "s" } else { "" }
        ));
    }
    if get("uniqueItems").and_then(Value::as_bool) == Some(true) {
        parts.push("éléments uniques".into());
    }
    if let Some(items) = get("items") {
        let items = resolve(items, root);
        if let Some(branches) = items.get("anyOf").and_then(Value::as_array) {
            let mut alternatives = Vec::new();
            for b in branches {
                let mut sub = Vec::new();
                describe_constraints(b, root, &mut sub);
                alternatives.push(sub.join(", "));
            }
            parts.push(format!("chaque élément : {}", alternatives.join(" ou ")));
        } else {
            let mut sub = Vec::new();
            describe_constraints(items, root, &mut sub);
            if !sub.is_empty() {
                parts.push(format!("chaque élément : {}", sub.join(", ")));
            }
        }
    }
    if let Some(r) = schema.get("enum").and_then(Value::as_array) {
        parts.push(format!("une des {} valeurs du référentiel", r.len()));
    }
}
