//! The history as CSV, to take it into a spreadsheet or anywhere else, and back.
//!
//! The first line is always [`HEADER`]; then one session a line, oldest first, in the order
//! given. Fields follow RFC 4180: a field holding a comma, a double quote, a line break or
//! leading or trailing spaces is put in double quotes, with inner quotes doubled. Lines end in
//! `\n` (`\r\n` is read too). Columns:
//!
//! - `start`: local start time, RFC 3339 (`2026-12-01T09:30:00+01:00`);
//! - `routine_id`, `routine_name`;
//! - `planned_seconds`, `actual_seconds`: whole seconds;
//! - `ending`: `finished`, `stopped` or `app-closed`;
//! - `steps_done`, `steps_skipped`: the steps, separated by spaces, each `step-id` or
//!   `step-id=technique-key`; a space, `=` or `%` inside an id is written `%20`, `%3D`, `%25`;
//! - `pain_before`, `pain_after`: 0–10, empty when not rated;
//! - `note`: free text.
//!
//! The tests read every export back with the `csv` crate, field for field, so an export
//! round-trips.

use std::fmt::Write as _;

use super::{PainRating, SessionRecord, StepRef};

/// The first line of every CSV export.
pub const HEADER: &str = "start,routine_id,routine_name,planned_seconds,actual_seconds,ending,\
                          steps_done,steps_skipped,pain_before,pain_after,note";

/// The records as CSV, header first.
#[must_use]
pub fn to_csv(records: &[SessionRecord]) -> String {
    let mut out = String::with_capacity(64 + records.len() * 160);
    out.push_str(HEADER);
    out.push('\n');
    for record in records {
        let fields = [
            record.start.to_string(),
            record.routine_id.clone(),
            record.routine_name.clone(),
            record.planned_seconds.to_string(),
            record.actual_seconds.to_string(),
            record.ending.key().to_owned(),
            steps_cell(&record.steps_done),
            steps_cell(&record.steps_skipped),
            rating_cell(record.pain_before),
            rating_cell(record.pain_after),
            record.note.clone(),
        ];
        for (index, field) in fields.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            push_field(&mut out, field);
        }
        out.push('\n');
    }
    out
}

fn push_field(out: &mut String, field: &str) {
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn rating_cell(rating: Option<PainRating>) -> String {
    rating.map(|r| r.value().to_string()).unwrap_or_default()
}

fn escape_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            '=' => out.push_str("%3D"),
            _ => out.push(c),
        }
    }
    out
}

fn steps_cell(steps: &[StepRef]) -> String {
    let mut out = String::new();
    for (index, step) in steps.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(&escape_id(&step.id));
        if let Some(technique) = &step.technique {
            let _ = write!(out, "={}", escape_id(technique));
        }
    }
    out
}

/// Reads an export back (tests only: the `csv` crate is a dev-dependency).
#[cfg(test)]
pub(crate) use tests::read_back as from_csv;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::tests::record_on;
    use crate::core::history::{Ending, LocalStart};
    use jiff::civil::date;

    /// Reads an export back with the `csv` crate: the header, then one record a row.
    pub(crate) fn read_back(text: &str) -> Result<Vec<SessionRecord>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::None)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| e.to_string())?.clone();
        if header.iter().collect::<Vec<_>>() != HEADER.split(',').collect::<Vec<_>>() {
            return Err(format!("the header is {header:?}"));
        }
        reader
            .records()
            .map(|row| {
                let row = row.map_err(|e| e.to_string())?;
                let fields: Vec<String> = row.iter().map(str::to_owned).collect();
                record(&fields)
            })
            .collect()
    }

    fn unescape_id(text: &str) -> Result<String, String> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('%') {
            out.push_str(&rest[..at]);
            let code = rest.get(at..at + 3).unwrap_or("");
            match code {
                "%25" => out.push('%'),
                "%20" => out.push(' '),
                "%3D" => out.push('='),
                _ => {
                    return Err(format!(
                        "'{text}' has an unknown escape (only %20, %3D, %25)"
                    ));
                }
            }
            rest = &rest[at + 3..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn parse_steps(cell: &str) -> Result<Vec<StepRef>, String> {
        cell.split(' ')
            .filter(|s| !s.is_empty())
            .map(|item| {
                let (id, technique) = match item.split_once('=') {
                    Some((id, technique)) => (id, Some(unescape_id(technique)?)),
                    None => (item, None),
                };
                Ok(StepRef {
                    id: unescape_id(id)?,
                    technique,
                })
            })
            .collect()
    }

    fn record(fields: &[String]) -> Result<SessionRecord, String> {
        let [
            start,
            id,
            name,
            planned,
            actual,
            ending,
            done,
            skipped,
            before,
            after,
            note,
        ] = fields
        else {
            return Err(format!("{} fields where the header has 11", fields.len()));
        };
        let seconds = |what: &str, text: &str| {
            text.parse::<u32>()
                .map_err(|_| format!("{what} '{text}' is not a whole number of seconds"))
        };
        let rating = |what: &str, text: &str| -> Result<Option<PainRating>, String> {
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<u8>()
                .ok()
                .and_then(PainRating::new)
                .map(Some)
                .ok_or_else(|| format!("{what} '{text}' is not a rating from 0 to 10"))
        };
        let record = SessionRecord {
            start: LocalStart::parse(start)?,
            routine_id: id.clone(),
            routine_name: name.clone(),
            planned_seconds: seconds("planned_seconds", planned)?,
            actual_seconds: seconds("actual_seconds", actual)?,
            ending: Ending::from_key(ending).ok_or_else(|| {
                format!("ending '{ending}' is not one of finished, stopped, app-closed")
            })?,
            steps_done: parse_steps(done)?,
            steps_skipped: parse_steps(skipped)?,
            pain_before: rating("pain_before", before)?,
            pain_after: rating("pain_after", after)?,
            note: note.clone(),
        };
        match record.problem() {
            Some(problem) => Err(problem),
            None => Ok(record),
        }
    }

    fn awkward() -> SessionRecord {
        let mut record = record_on(
            date(2026, 11, 30),
            12,
            crate::core::history::Ending::Stopped,
        );
        record.routine_name = "  Morning, \"gentle\" one ".to_owned();
        record.note = "stiff = sore, 100% \"meh\"".to_owned();
        record.steps_done = vec![
            StepRef::new("knee-to-chest", Some("knee-to-chest")),
            StepRef::new("my step=1 %", None),
        ];
        record.steps_skipped = vec![StepRef::new("cat-cow", Some("cat cow"))];
        record.pain_before = PainRating::new(0);
        record.pain_after = PainRating::new(10);
        record
    }

    #[test]
    fn an_export_reads_back_as_the_same_records() {
        let records = vec![
            record_on(
                date(2026, 11, 29),
                10,
                crate::core::history::Ending::Finished,
            ),
            awkward(),
            record_on(
                date(2026, 12, 1),
                0,
                crate::core::history::Ending::AppClosed,
            ),
        ];
        let text = to_csv(&records);
        assert!(text.starts_with(&format!("{HEADER}\n")));
        assert_eq!(read_back(&text), Ok(records.clone()));
        assert_eq!(read_back(&text.replace('\n', "\r\n")), Ok(records));
    }

    #[test]
    fn a_row_reads_as_documented() {
        let text = to_csv(&[awkward()]);
        let row = text.lines().nth(1).expect("a row");
        assert_eq!(
            row,
            "2026-11-30T18:00:00Z,desk-break,\"  Morning, \"\"gentle\"\" one \",600,720,stopped,\
             knee-to-chest=knee-to-chest my%20step%3D1%20%25,cat-cow=cat%20cow,0,10,\
             \"stiff = sore, 100% \"\"meh\"\"\""
        );
    }
}
