//! The schema that typify sees: shapes only, without the constraints that typify would
//! turn into types of their own (see the crate's documentation).

use serde_json::{Map, Value};

/// The schema that typify sees: shapes only (see the module's documentation).
pub(crate) fn shape_only(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out = Map::new();
            if let Some(Value::Array(branches)) = map.get("anyOf") {
                let (nulls, others): (Vec<&Value>, Vec<&Value>) = branches
                    .iter()
                    .partition(|b| b.get("type").and_then(Value::as_str) == Some("null"));
                let all_strings = others.len() > 1
                    && others.iter().all(|b| {
                        b.get("type").and_then(Value::as_str) == Some("string")
                            && b.get("enum").is_none()
                    });
                if all_strings {
                    let mut folded = vec![serde_json::json!({"type": "string"})];
                    folded.extend(nulls.into_iter().cloned());
                    for (k, v) in map {
                        if k != "anyOf" && !is_constraint(k) {
                            out.insert(k.clone(), shape_only(v));
                        }
                    }
                    out.insert(
                        "anyOf".into(),
                        if folded.len() == 1 {
                            folded.remove(0)
                        } else {
                            Value::Array(folded)
                        },
                    );
                    if let Some(Value::Object(single)) = out.get("anyOf").cloned() {
                        out.remove("anyOf");
                        out.extend(single);
                    }
                    return Value::Object(out);
                }
            }
            let is_string = map.get("type").and_then(Value::as_str) == Some("string");
            for (k, v) in map {
                if is_constraint(k) {
                    continue;
                }
                if k == "format"
                    && is_string
                    && !matches!(v.as_str(), Some("date") | Some("date-time"))
                {
                    continue;
                }
                if k == "const" {
                    continue;
                }
                out.insert(k.clone(), shape_only(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(shape_only).collect()),
        other => other.clone(),
    }
}

fn is_constraint(key: &str) -> bool {
    matches!(
        key,
        "pattern"
            | "minLength"
            | "maxLength"
            | "minimum"
            | "maximum"
            | "exclusiveMinimum"
            | "exclusiveMaximum"
            | "minItems"
            | "maxItems"
            | "uniqueItems"
            | "default"
            | "examples"
    )
}
