//! GeoJSON (feature `geojson`): a FeatureCollection, one Feature per record, read feature
//! by feature and written feature by feature.
//!
//! Reading: the collection's members other than `features` (`name`, `crs`, `bbox`, …) are
//! skipped, wherever they stand; each feature is read as the JSON document's elements are
//! (one at a time, its text only), and its `properties` are the record. When they have no
//! `longitude` or `latitude`, the feature's Point gives them (`[longitude, latitude]`). A
//! feature's line ([`Entry::line`](super::Entry::line)) is its position in the collection
//! (1-based), errors giving its physical line too. A second `features` member stops the
//! reading with an error (its features read first are kept).
//!
//! Writing: what the data.gouv.fr export writes (geopandas, through pyogrio and GDAL): one
//! Feature per record, its `properties` the record's fields in the export's order then
//! its `extra` fields, its geometry the Point `[longitude, latitude]`, or `null` when the
//! record has no coordinates (as the export writes a record without them).

use std::io::{Read, Write};

use serde_json::Value;

use super::entry::{CheckedEntry, Entry};
use super::error::{Next, ReadError, RecordError, RecordErrorKind};
use super::json::{json_checked, json_entry, skip_ws, Document, JsonAt};
use super::options::ReadOptions;
use super::publication::export_order;
use super::source::Source;
use super::write::WriteError;
use crate::validate::Validator;
use crate::Record;

/// The reading of a GeoJSON document.
#[derive(Default)]
pub(super) struct Features {
    phase: Phase,
    /// The line of the `{` that opens the document.
    open_line: u64,
    /// The `features` array being read.
    features: Option<Document>,
    seen_features: bool,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Phase {
    #[default]
    Start,
    /// Between the collection's members.
    Members,
    Features,
    End,
}

impl Features {
    /// Reads the next feature as an entry.
    pub(super) fn next_entry<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<Entry> {
        self.next(src, options, |text, at| json_entry(&text, at))
    }

    /// Reads the next feature and validates it as a `T`.
    pub(super) fn next_checked<R: Read, T: Record>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        validator: &Validator,
    ) -> Next<CheckedEntry<T>> {
        self.next(src, options, |text, at| json_checked(&text, at, validator))
    }

    fn next<R: Read, T>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        finish: impl Fn(String, JsonAt) -> Result<T, RecordError>,
    ) -> Next<T> {
        loop {
            match self.phase {
                Phase::Start => {
                    match skip_ws(src)? {
                        None => return Ok(None),
                        Some(b'{') => {}
                        Some(_) => {
                            return Err(ReadError::GeoJson {
                                line: src.line,
                                message: format!(
                                    "un document GeoJSON est un objet (FeatureCollection), il commence par « {} »",
                                    src.first_char()
                                ),
                            })
                        }
                    }
                    self.open_line = src.line;
                    src.advance(1, 0);
                    self.phase = Phase::Members;
                    // `{}`, or the first member.
                    if skip_ws(src)? == Some(b'}') {
                        src.advance(1, 0);
                        return self.end(src);
                    }
                    self.member(src)?;
                }
                Phase::Members => match skip_ws(src)? {
                    Some(b',') => {
                        src.advance(1, 0);
                        self.member(src)?;
                    }
                    Some(b'}') => {
                        src.advance(1, 0);
                        return self.end(src);
                    }
                    Some(_) => {
                        return Err(ReadError::GeoJson {
                            line: src.line,
                            message: format!(
                                "« , » ou « }} » attendu entre les membres de la FeatureCollection, « {} » trouvé",
                                src.first_char()
                            ),
                        })
                    }
                    None => {
                        return Err(ReadError::UnclosedObject {
                            line: self.open_line,
                            end: src.line,
                        })
                    }
                },
                Phase::Features => {
                    let Some(features) = &mut self.features else {
                        self.phase = Phase::Members;
                        continue;
                    };
                    match features.next(src, options, |text, at| {
                        let record = feature_record(text).map_err(|message| {
                            RecordError::in_document(
                                at.line,
                                at.start,
                                RecordErrorKind::InvalidFeature,
                                message,
                            )
                        })?;
                        finish(record, at)
                    })? {
                        Some(item) => return Ok(Some(item)),
                        None => {
                            self.features = None;
                            self.phase = Phase::Members;
                        }
                    }
                }
                Phase::End => return Ok(None),
            }
        }
    }

    /// The end of the collection: nothing may follow it.
    fn end<R: Read, T>(&mut self, src: &mut Source<R>) -> Next<T> {
        self.phase = Phase::End;
        if !self.seen_features {
            return Err(ReadError::GeoJson {
                line: self.open_line,
                message: "l’objet GeoJSON n’a pas de membre « features » (une FeatureCollection est attendue)".to_string(),
            });
        }
        match skip_ws(src)? {
            None => Ok(None),
            Some(_) => Err(ReadError::TrailingData { line: src.line }),
        }
    }

    /// Reads one member of the collection: `features` opens the array of features (read
    /// next); any other is skipped (`type` checked).
    fn member<R: Read>(&mut self, src: &mut Source<R>) -> Result<(), ReadError> {
        if skip_ws(src)? != Some(b'"') {
            return Err(ReadError::GeoJson {
                line: src.line,
                message: format!(
                    "un nom de membre entre guillemets est attendu dans la FeatureCollection, « {} » trouvé",
                    src.first_char()
                ),
            });
        }
        let key = read_string(src)?;
        if skip_ws(src)? != Some(b':') {
            return Err(ReadError::GeoJson {
                line: src.line,
                message: format!("« : » attendu après « {key} »"),
            });
        }
        src.advance(1, 0);
        let first = skip_ws(src)?;
        match key.as_str() {
            "features" => {
                // A second array of features: JSON readers keep one of the two (Python's
                // the last), so its features would be lost or counted twice elsewhere;
                // their positions would start again at 1 here.
                if self.seen_features {
                    return Err(ReadError::GeoJson {
                        line: src.line,
                        message: "la FeatureCollection a un second membre « features » : un seul est attendu".to_string(),
                    });
                }
                if first != Some(b'[') {
                    return Err(ReadError::GeoJson {
                        line: src.line,
                        message: "« features » doit être un tableau de Features".to_string(),
                    });
                }
                src.advance(1, 0);
                self.seen_features = true;
                self.features = Some(Document::in_array(src.line));
                self.phase = Phase::Features;
            }
            "type" if first == Some(b'"') => {
                let line = src.line;
                let value = read_string(src)?;
                if value != "FeatureCollection" {
                    return Err(ReadError::GeoJson {
                        line,
                        message: format!(
                            "le document GeoJSON est de type « {value} », une FeatureCollection est attendue"
                        ),
                    });
                }
            }
            _ => skip_value(src)?,
        }
        Ok(())
    }
}

/// Reads a JSON string (the source at its opening quote), escapes decoded.
fn read_string<R: Read>(src: &mut Source<R>) -> Result<String, ReadError> {
    let line = src.line;
    let mut bytes = vec![b'"'];
    src.advance(1, 0);
    let mut escape = false;
    loop {
        let chunk = src.fill()?;
        if chunk.is_empty() {
            return Err(ReadError::GeoJson {
                line,
                message: "chaîne non fermée".to_string(),
            });
        }
        let mut end = None;
        let mut newlines = 0;
        for (i, &b) in chunk.iter().enumerate() {
            if b == b'\n' {
                newlines += 1;
            }
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                end = Some(i);
                break;
            }
        }
        let take = end.map_or(chunk.len(), |e| e + 1);
        bytes.extend_from_slice(&chunk[..take]);
        src.advance(take, newlines);
        if end.is_some() {
            break;
        }
        if bytes.len() > 1 << 20 {
            return Err(ReadError::GeoJson {
                line,
                message: "nom de membre trop long".to_string(),
            });
        }
    }
    serde_json::from_slice::<String>(&bytes).map_err(|e| ReadError::GeoJson {
        line,
        message: format!("chaîne JSON invalide ({e})"),
    })
}

/// Skips one JSON value (a member of the collection other than `features`).
fn skip_value<R: Read>(src: &mut Source<R>) -> Result<(), ReadError> {
    let line = src.line;
    let (mut depth, mut in_string, mut escape, mut started) = (0usize, false, false, false);
    loop {
        let chunk = src.fill()?;
        if chunk.is_empty() {
            return if depth == 0 && !in_string && started {
                Ok(())
            } else {
                Err(ReadError::GeoJson {
                    line,
                    message: "valeur non fermée dans la FeatureCollection".to_string(),
                })
            };
        }
        let mut newlines = 0;
        let mut stop = None;
        for (i, &b) in chunk.iter().enumerate() {
            if b == b'\n' {
                newlines += 1;
            }
            if in_string {
                if escape {
                    escape = false;
                } else if b == b'\\' {
                    escape = true;
                } else if b == b'"' {
                    in_string = false;
                    if depth == 0 {
                        stop = Some(i + 1);
                        break;
                    }
                }
                continue;
            }
            match b {
                b'"' => {
                    in_string = true;
                    started = true;
                }
                b'{' | b'[' => {
                    depth += 1;
                    started = true;
                }
                b'}' | b']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        stop = Some(i + 1);
                        break;
                    }
                }
                b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n' if depth == 0 && started => {
                    if b == b'\n' {
                        newlines -= 1;
                    }
                    stop = Some(i);
                    break;
                }
                _ => started = true,
            }
        }
        let take = stop.unwrap_or(chunk.len());
        src.advance(take, newlines);
        if stop.is_some() {
            return Ok(());
        }
    }
}

/// The record of a feature's text: its `properties` (an object, `{}` when null), with
/// `longitude` and `latitude` from its Point when they have none.
fn feature_record(text: &str) -> Result<String, String> {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let mut key = match jiter.next_object() {
        Ok(key) => key.map(str::to_string),
        Err(_) => return Err("la Feature n’est pas un objet JSON".to_string()),
    };
    let (mut properties, mut geometry, mut kind) = (None, None, None);
    while let Some(k) = key {
        let start = jiter.current_index();
        jiter
            .next_skip()
            .map_err(|e| format!("JSON invalide dans la Feature ({})", e.error_type))?;
        let value = text
            .get(start..jiter.current_index())
            .unwrap_or_default()
            .trim();
        match k.as_str() {
            "properties" => properties = Some(value),
            "geometry" => geometry = Some(value),
            "type" => kind = Some(value),
            _ => {}
        }
        key = jiter
            .next_key()
            .map_err(|e| format!("JSON invalide dans la Feature ({})", e.error_type))?
            .map(str::to_string);
    }
    if kind != Some("\"Feature\"") {
        return Err(format!(
            "l’élément n’est pas une Feature GeoJSON (type {})",
            kind.unwrap_or("absent")
        ));
    }
    let properties = match properties {
        None | Some("null") => "{}",
        Some(p) if p.starts_with('{') => p,
        Some(_) => return Err("les « properties » de la Feature ne sont pas un objet".to_string()),
    };
    let point = geometry.and_then(point);
    let Some((longitude, latitude)) = point else {
        return Ok(properties.to_string());
    };
    let has = |name: &str| json_object_has(properties, name);
    let mut added = String::new();
    if !has("longitude") {
        added.push_str(&format!("\"longitude\":{}", number(longitude)));
    }
    if !has("latitude") {
        if !added.is_empty() {
            added.push(',');
        }
        added.push_str(&format!("\"latitude\":{}", number(latitude)));
    }
    if added.is_empty() {
        return Ok(properties.to_string());
    }
    let rest = properties[1..].trim_start();
    if rest.starts_with('}') {
        Ok(format!("{{{added}}}"))
    } else {
        Ok(format!("{{{added},{rest}"))
    }
}

/// A float as JSON writes it, with its `.0` when it is integral (`4.0`).
fn float_text(f: f64) -> String {
    serde_json::to_string(&f).unwrap_or_else(|_| "null".to_string())
}

/// A number as JSON writes it.
fn number(f: f64) -> String {
    serde_json::Number::from_f64(f).map_or_else(|| "null".to_string(), |n| n.to_string())
}

/// The coordinates of a Point geometry (`None` for another geometry, or null).
fn point(geometry: &str) -> Option<(f64, f64)> {
    let value: Value = serde_json::from_str(geometry).ok()?;
    if value.get("type")?.as_str()? != "Point" {
        return None;
    }
    let coordinates = value.get("coordinates")?.as_array()?;
    Some((
        coordinates.first()?.as_f64()?,
        coordinates.get(1)?.as_f64()?,
    ))
}

/// Whether the JSON object `text` has the key `name`.
fn json_object_has(text: &str, name: &str) -> bool {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let mut key = match jiter.next_object() {
        Ok(Some(k)) => k == name,
        _ => return false,
    };
    loop {
        if key {
            return true;
        }
        if jiter.next_skip().is_err() {
            return false;
        }
        key = match jiter.next_key() {
            Ok(Some(k)) => k == name,
            _ => return false,
        };
    }
}

/// The start of a collection, as GDAL writes it.
const HEAD: &[u8] = b"{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";

/// Writes a record as a Feature (`first`: the collection's first, after its start).
pub(super) fn write_feature<W: Write, R: Record>(
    out: &mut W,
    record: &R,
    first: bool,
) -> Result<(), WriteError> {
    let Value::Object(map) = serde_json::to_value(record)? else {
        return Err(WriteError::Json(serde::ser::Error::custom(
            "un enregistrement doit s’écrire en objet JSON",
        )));
    };
    let mut text = String::with_capacity(1024);
    text.push_str("{\"type\": \"Feature\", \"properties\": {");
    let names = export_order(R::FIELDS)
        .into_iter()
        .chain(record.extra().keys())
        .filter(|name| map.contains_key(*name));
    for (n, name) in names.enumerate() {
        if n > 0 {
            text.push_str(", ");
        }
        text.push_str(&serde_json::to_string(name)?);
        text.push_str(": ");
        // Numbers as floats (`4.0`), as the export writes them: pandas reads every
        // numeric column of the marts as `float64`.
        match &map[name] {
            Value::Number(n) if !n.is_f64() => {
                text.push_str(&n.as_f64().map_or_else(|| n.to_string(), float_text))
            }
            value => text.push_str(&serde_json::to_string(value)?),
        }
    }
    text.push_str("}, \"geometry\": ");
    let coordinate = |name: &str| map.get(name).and_then(Value::as_f64);
    match (coordinate("longitude"), coordinate("latitude")) {
        (Some(longitude), Some(latitude)) => text.push_str(&format!(
            "{{\"type\": \"Point\", \"coordinates\": [{}, {}]}}",
            number(longitude),
            number(latitude)
        )),
        _ => text.push_str("null"),
    }
    text.push('}');
    if first {
        out.write_all(HEAD)?;
    } else {
        out.write_all(b",\n")?;
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Ends the collection (`empty`: no feature was written).
pub(super) fn finish<W: Write>(out: &mut W, empty: bool) -> Result<(), WriteError> {
    if empty {
        out.write_all(HEAD)?;
        out.write_all(b"]\n}\n")?;
    } else {
        out.write_all(b"\n]\n}\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_gives_its_properties_with_the_point_they_lack() {
        let feature = r#"{ "type": "Feature", "properties": { "id": "a", "longitude": null }, "geometry": { "type": "Point", "coordinates": [ 3.06, 50.63 ] } }"#;
        assert_eq!(
            feature_record(feature).unwrap(),
            r#"{"latitude":50.63,"id": "a", "longitude": null }"#
        );
        let empty = r#"{"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#;
        assert_eq!(
            feature_record(empty).unwrap(),
            r#"{"longitude":1.0,"latitude":2.0}"#
        );
        let no_point = r#"{"type": "Feature", "properties": {"id": "b"}, "geometry": null}"#;
        assert_eq!(feature_record(no_point).unwrap(), r#"{"id": "b"}"#);
        assert!(feature_record(r#"{"type": "Point", "coordinates": [1, 2]}"#).is_err());
        assert!(feature_record("[1]").is_err());
    }
}
