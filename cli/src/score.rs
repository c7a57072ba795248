//! `data-inclusion score`: the official quality score of each service, one JSON line per
//! service (`line`, `id`, `score`, `criteria`; or `error`).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use data_inclusion_schema::io::{Entry, Item, Kind};
use data_inclusion_schema::score::{score_qualite, Score};
use data_inclusion_schema::v1::Service;
use data_inclusion_schema::validate::Validator;
use serde::Serialize;

use crate::fatal::Fatal;
use crate::input::{open_detected, Opened};
use crate::messages::Ui;

/// One line of the output.
#[derive(Serialize)]
#[serde(untagged)]
enum Line {
    Scored {
        line: u64,
        id: String,
        #[serde(flatten)]
        score: Box<Score>,
    },
    Failed {
        line: u64,
        id: Option<String>,
        score: Option<f64>,
        error: String,
    },
}

fn failed(line: u64, id: Option<String>, error: String) -> Line {
    Line::Failed {
        line,
        id,
        score: None,
        error,
    }
}

/// Scores the services of `path`: `true` when every one could be scored.
pub fn score(path: &Path, from: Option<&str>, today: NaiveDate) -> Result<bool, Fatal> {
    let validator = Validator::new().with_reference_date(today);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let all_ok = match Opened::open(path, from)? {
        Opened::Stream(source) => {
            let mut source = source.with_progress();
            let detected = open_detected(&mut source, Some(Kind::Services))?;
            score_items(detected.reader, &validator, today, &mut out)?
        }
        // A workbook: its sheet of services.
        Opened::Workbook { name, mut workbook } => {
            let sheet = workbook
                .sheet(Kind::Services)
                .map_err(|source| Fatal::Workbook {
                    path: name.into(),
                    source,
                })?;
            match sheet {
                Some(sheet) => score_items(sheet, &validator, today, &mut out)?,
                None => true,
            }
        }
    };
    out.flush()?;
    Ok(all_ok)
}

/// Scores the services that `items` give, one JSON line each on `out`: `true` when every
/// one could be scored.
fn score_items(
    items: impl Iterator<Item = Item<Entry>>,
    validator: &Validator,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<bool, Fatal> {
    let mut all_ok = true;
    for item in items {
        let line = match item {
            Item::Stopped(e) => return Err(Fatal::Read(e)),
            Item::Unreadable(e) => failed(e.line, None, e.message),
            Item::Record(Entry { line, input }) => {
                match input.check::<Service>(validator).into_result() {
                    Err(report) => failed(
                        line,
                        None,
                        Ui::InvalidService
                            .text(crate::messages::lang())
                            .replace("{errors}", &report.errors().count().to_string()),
                    ),
                    Ok(service) => match score_qualite(&service, today) {
                        Ok(score) => Line::Scored {
                            line,
                            id: service.id,
                            score: Box::new(score),
                        },
                        Err(e) => failed(line, Some(service.id), e.to_string()),
                    },
                }
            }
        };
        all_ok &= matches!(line, Line::Scored { .. });
        serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(all_ok)
}
