//! Reading the raw schema: definitions, local `$ref`, nullability, and the raw schemas of
//! typify's structs and enums.

use serde_json::Value;

use crate::names::pascal_case;

fn definitions(root: &Value) -> impl Iterator<Item = (&String, &Value)> {
    ["$defs", "definitions"]
        .into_iter()
        .filter_map(move |k| root.get(k).and_then(Value::as_object))
        .flat_map(|m| m.iter())
}

/// Follows a local `$ref`.
pub(crate) fn resolve<'v>(schema: &'v Value, root: &'v Value) -> &'v Value {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        if let Some((_, def)) = definitions(root).find(|(k, _)| k.as_str() == name) {
            return def;
        }
    }
    schema
}

pub(crate) fn non_null(prop: &Value) -> &Value {
    if let Some(branches) = prop.get("anyOf").and_then(Value::as_array) {
        let others: Vec<&Value> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if others.len() == 1 && others.len() < branches.len() {
            return others[0];
        }
    }
    prop
}

pub(crate) fn is_nullable(prop: &Value) -> bool {
    prop.get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|b| {
            b.iter()
                .any(|b| b.get("type").and_then(Value::as_str) == Some("null"))
        })
        || prop.get("type").and_then(Value::as_str) == Some("null")
}

pub(crate) fn find_object_schema<'v>(root: &'v Value, rust_name: &str) -> Option<&'v Value> {
    let is_object = |s: &Value| s.get("properties").is_some();
    let name_of = |key: Option<&str>, s: &Value| {
        s.get("title")
            .and_then(Value::as_str)
            .or(key)
            .map(pascal_case)
    };
    if is_object(root) && name_of(None, root).as_deref() == Some(rust_name) {
        return Some(root);
    }
    for (k, def) in definitions(root) {
        if is_object(def)
            && (name_of(Some(k), def).as_deref() == Some(rust_name) || pascal_case(k) == rust_name)
        {
            return Some(def);
        }
    }
    None
}

pub(crate) fn find_enum_schema(root: &Value, rust_name: &str, len: usize) -> Option<Value> {
    let mut found = None;
    let mut visit = |key: Option<&str>, s: &Value| {
        if found.is_some() {
            return;
        }
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            let title = s
                .get("title")
                .and_then(Value::as_str)
                .or(key)
                .map(pascal_case);
            if values.len() == len
                && (title.as_deref() == Some(rust_name)
                    || key.map(pascal_case).as_deref() == Some(rust_name))
            {
                found = Some(s.clone());
            }
        }
    };
    for (k, def) in definitions(root) {
        visit(Some(k), def);
    }
    if found.is_none() {
        // An inline enum: search every property.
        let mut stack = vec![root];
        while let Some(s) = stack.pop() {
            if let Some(values) = s.get("enum").and_then(Value::as_array) {
                if values.len() == len && found.is_none() {
                    found = Some(s.clone());
                }
            }
            match s {
                Value::Object(m) => stack.extend(m.values()),
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    found
}

pub(crate) fn enum_values(schema: &Value) -> Vec<String> {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first local `$ref` under `schema` (`#/$defs/Name`, `#/definitions/Name`) that
/// names no definition of `root`, if any. Other references, and names with JSON Pointer
/// escapes (`~1`, `%25`) or slashes, are typify's business.
pub(crate) fn unresolved_ref<'v>(schema: &'v Value, root: &Value) -> Option<&'v str> {
    match schema {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                let target = ["#/$defs/", "#/definitions/"]
                    .into_iter()
                    .find_map(|prefix| Some((prefix, reference.strip_prefix(prefix)?)));
                let plain = |name: &str| !name.contains(['~', '%', '/']);
                if let Some((prefix, name)) = target.filter(|(_, name)| plain(name)) {
                    let defs = &prefix[2..prefix.len() - 1];
                    if root.get(defs).and_then(|d| d.get(name)).is_none() {
                        return Some(reference);
                    }
                }
            }
            map.values().find_map(|v| unresolved_ref(v, root))
        }
        Value::Array(items) => items.iter().find_map(|v| unresolved_ref(v, root)),
        _ => None,
    }
}

/// How errors name a schema: its `title`, else its `$id`, else its position in the list
/// given to the generator (`#1` for the first).
pub(crate) fn schema_label(schema: &Value, index: usize) -> String {
    ["title", "$id"]
        .into_iter()
        .find_map(|key| schema.get(key).and_then(Value::as_str))
        .map_or_else(|| format!("#{}", index + 1), str::to_string)
}
