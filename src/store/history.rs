//! The session log: `<data dir>/history.jsonl`, one session a line, appended as each run ends.
//!
//! # Format (version 1)
//! UTF-8 text, one JSON object per line ("JSON Lines"), oldest first as appended. Every line
//! carries `"format_version": 1` and the fields of [`SessionRecord`]:
//!
//! ```json
//! {"format_version":1,"start":"2026-12-01T09:30:00+01:00","routine_id":"desk-break","routine_name":"Desk break","planned_seconds":360,"actual_seconds":355,"ending":"finished","steps_done":[{"id":"neck-roll","technique":"neck-roll"}],"steps_skipped":[],"pain_before":6,"pain_after":4,"note":"stiff after driving"}
//! ```
//!
//! `ending` is `finished`, `stopped` or `app-closed`; `pain_before`, `pain_after` (0–10),
//! `note` and a step's `technique` are left out when there is none. Fields a version does not
//! know are ignored, so later versions can add some; a line with a newer `format_version` is
//! skipped (and kept).
//!
//! # Safety
//! - **Append**: each record is written whole, as one write of one line, then synced to disk
//!   (fsync); the folder is synced too when the file is new. A crash mid-write can only leave
//!   the last line cut short: it is reported, kept, and the next record starts on a new line.
//! - **Read**: at most [`MAX_LOG_BYTES`]; a line that cannot be read (cut short, edited by
//!   hand, longer than [`MAX_LINE_BYTES`], from a newer version) is skipped and reported with its
//!   line number, and the rest loads. Nothing is ever dropped because one line is bad.
//! - **Delete, undo, amend, clear**: the whole file is rewritten atomically (a temporary file,
//!   fsync, rename, fsync of the folder); lines that could not be read are written back as they
//!   were, except by "clear all", which the person confirmed.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{SaveError, Store, write_atomically};
use crate::core::history::{SessionRecord, csv};

/// The log's file name, in the data folder.
pub const HISTORY_FILE: &str = "history.jsonl";
/// The format version this build writes and the newest it reads.
pub const HISTORY_VERSION: u32 = 1;
/// The largest log read (32 MiB: about 80,000 sessions); a larger file is refused, untouched.
pub const MAX_LOG_BYTES: u64 = 32 * 1024 * 1024;
/// The longest line read (64 KiB); a longer one is skipped as damaged.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The session log on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryStore {
    path: PathBuf,
}

/// What [`HistoryStore::load`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Every session read, in the order of the file.
    pub sessions: Vec<SessionRecord>,
    /// Every line that could not be read; those lines are still in the file.
    pub damaged: Vec<DamagedLine>,
}

/// A line of the log that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedLine {
    /// The line number, counting from 1.
    pub line: usize,
    /// Why, in plain words.
    pub reason: String,
}

/// A session taken out of the log, as needed to put it back where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// The session.
    pub record: SessionRecord,
    /// Its line index (from 0) in the file when it was deleted.
    pub index: usize,
}

/// Why the log could not be read or changed.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The file exists but could not be read.
    #[error("could not read the history {}: {source}", path.display())]
    Read {
        /// The log.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_LOG_BYTES`]; it was left as it is.
    #[error("the history {} is larger than the {} MiB Unknot reads ({bytes} bytes); it was left as it is", path.display(), MAX_LOG_BYTES / (1024 * 1024))]
    TooBig {
        /// The log.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The session to change is not in the log (any more).
    #[error("that session is no longer in the history")]
    NotFound,
    /// Writing failed; the file is as it was.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// A line as written: the version, then the record's fields.
#[derive(Serialize)]
struct LineOut<'r> {
    format_version: u32,
    #[serde(flatten)]
    record: &'r SessionRecord,
}

/// Just the version of a line, read first so a newer line is reported as such.
#[derive(Deserialize)]
struct LineVersion {
    format_version: Option<u32>,
}

/// One record as one line of the log, without the line break.
#[must_use]
pub fn encode_line(record: &SessionRecord) -> String {
    serde_json::to_string(&LineOut {
        format_version: HISTORY_VERSION,
        record,
    })
    // A record is plain strings, numbers and lists: serializing it cannot fail.
    .unwrap_or_default()
}

/// Reads one line (without its line break); `last_unterminated` says it is the file's last line
/// and has no line break, so a failure is most likely a write cut short.
fn decode_line(bytes: &[u8], last_unterminated: bool) -> Result<SessionRecord, String> {
    let cut = |reason: String| {
        if last_unterminated {
            format!(
                "the last line is incomplete, probably cut off while it was being written \
                 ({reason})"
            )
        } else {
            reason
        }
    };
    if bytes.len() > MAX_LINE_BYTES {
        return Err(format!(
            "the line is longer than {} KiB",
            MAX_LINE_BYTES / 1024
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| cut("it is not UTF-8 text".to_owned()))?;
    let version: LineVersion =
        serde_json::from_str(text).map_err(|e| cut(format!("not a JSON object: {e}")))?;
    match version.format_version {
        None => return Err("it has no format_version".to_owned()),
        Some(v) if v > HISTORY_VERSION => {
            return Err(format!(
                "it was written by a newer Unknot (format {v}; this one reads up to \
                 {HISTORY_VERSION})"
            ));
        }
        Some(_) => {}
    }
    let record: SessionRecord =
        serde_json::from_str(text).map_err(|e| cut(format!("not a session: {e}")))?;
    match record.problem() {
        Some(problem) => Err(problem),
        None => Ok(record),
    }
}

/// A line of the file as found, with what it holds if it could be read.
struct RawLine<'b> {
    bytes: &'b [u8],
    record: Result<SessionRecord, String>,
}

/// Splits the log into its lines and reads each; blank lines are left out.
fn raw_lines(bytes: &[u8]) -> Vec<(usize, RawLine<'_>)> {
    let ends_with_newline = bytes.last() == Some(&b'\n');
    let mut parts: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if ends_with_newline || bytes.is_empty() {
        parts.pop();
    }
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .filter_map(|(index, part)| {
            let part = part.strip_suffix(b"\r").unwrap_or(part);
            if part.iter().all(u8::is_ascii_whitespace) {
                return None;
            }
            let unterminated = index == last && !ends_with_newline;
            Some((
                index + 1,
                RawLine {
                    bytes: part,
                    record: decode_line(part, unterminated),
                },
            ))
        })
        .collect()
}

/// Reads a whole log from its bytes: every line that reads, and a report of every one that
/// does not.
#[must_use]
pub fn parse_log(bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    for (line, raw) in raw_lines(bytes) {
        match raw.record {
            Ok(record) => loaded.sessions.push(record),
            Err(reason) => loaded.damaged.push(DamagedLine { line, reason }),
        }
    }
    loaded
}

impl Loaded {
    /// A notice for the person when lines were skipped, naming each line (up to five).
    #[must_use]
    pub fn notice(&self, path: &Path) -> Option<String> {
        let first = self.damaged.first()?;
        let mut text = if self.damaged.len() == 1 {
            format!(
                "Line {} of your history ({}) could not be read: {}.",
                first.line,
                path.display(),
                first.reason
            )
        } else {
            let lines: Vec<String> = self
                .damaged
                .iter()
                .take(5)
                .map(|d| d.line.to_string())
                .collect();
            let more = if self.damaged.len() > 5 { ", …" } else { "" };
            format!(
                "{} lines of your history ({}) could not be read: lines {}{more}. Line {}: {}.",
                self.damaged.len(),
                path.display(),
                lines.join(", "),
                first.line,
                first.reason
            )
        };
        text.push_str(" It was skipped and kept in the file as it is; the rest loaded.");
        if self.damaged.len() > 1 {
            text = text.replace("It was skipped", "They were skipped");
        }
        Some(text)
    }
}

/// Syncs a folder, so a new or renamed file in it survives a crash (Unix; elsewhere the file
/// system does not offer it and this does nothing).
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

impl HistoryStore {
    /// The log in the store's data folder.
    #[must_use]
    pub fn new(store: &Store) -> Self {
        Self::at(store.data_dir.join(HISTORY_FILE))
    }

    /// A log at any path (for tests and benchmarks).
    #[must_use]
    pub fn at(path: PathBuf) -> Self {
        Self { path }
    }

    /// The log's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's bytes, at most [`MAX_LOG_BYTES`]; none if there is no file yet.
    fn read_bytes(&self) -> Result<Vec<u8>, HistoryError> {
        let error = |source| HistoryError::Read {
            path: self.path.clone(),
            source,
        };
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(error(e)),
        };
        let too_big = |bytes| HistoryError::TooBig {
            path: self.path.clone(),
            bytes,
        };
        let len = file.metadata().map_err(error)?.len();
        if len > MAX_LOG_BYTES {
            return Err(too_big(len));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(MAX_LOG_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(error)?;
        if bytes.len() as u64 > MAX_LOG_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// Every session in the log, and every line that could not be read. No file is an empty
    /// history.
    pub fn load(&self) -> Result<Loaded, HistoryError> {
        Ok(parse_log(&self.read_bytes()?))
    }

    /// Adds a session at the end, written whole and synced to disk before this returns.
    pub fn append(&self, record: &SessionRecord) -> Result<(), SaveError> {
        let error = |source| SaveError {
            path: self.path.clone(),
            source,
        };
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(error)?;
        let existed = self.path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(error)?;
        let mut bytes = Vec::new();
        if file.metadata().map_err(error)?.len() > 0 {
            // After a write cut short the file may not end with a line break: start a new line.
            let mut last = [0u8];
            file.seek(SeekFrom::End(-1)).map_err(error)?;
            file.read_exact(&mut last).map_err(error)?;
            if last[0] != b'\n' {
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(encode_line(record).as_bytes());
        bytes.push(b'\n');
        file.write_all(&bytes).map_err(error)?;
        file.sync_all().map_err(error)?;
        if !existed {
            sync_folder(dir).map_err(error)?;
        }
        Ok(())
    }

    /// Rewrites the log atomically after `change` edits its lines (each line's text, in order).
    fn rewrite<R>(
        &self,
        change: impl FnOnce(&mut Vec<(Vec<u8>, Option<SessionRecord>)>) -> Result<R, HistoryError>,
    ) -> Result<R, HistoryError> {
        let bytes = self.read_bytes()?;
        let mut lines: Vec<(Vec<u8>, Option<SessionRecord>)> = raw_lines(&bytes)
            .into_iter()
            .map(|(_, raw)| (raw.bytes.to_vec(), raw.record.ok()))
            .collect();
        let result = change(&mut lines)?;
        let mut out = Vec::with_capacity(bytes.len() + 512);
        for (line, _) in &lines {
            out.extend_from_slice(line);
            out.push(b'\n');
        }
        self.replace_file(&out)?;
        Ok(result)
    }

    /// Replaces the file atomically and syncs its folder.
    fn replace_file(&self, bytes: &[u8]) -> Result<(), SaveError> {
        write_atomically(&self.path, bytes)?;
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        sync_folder(dir).map_err(|source| SaveError {
            path: self.path.clone(),
            source,
        })
    }

    /// Takes one session out (the last line holding exactly this record); [`Self::undo_delete`]
    /// puts it back.
    pub fn delete(&self, record: &SessionRecord) -> Result<Deleted, HistoryError> {
        self.rewrite(|lines| {
            let index = lines
                .iter()
                .rposition(|(_, r)| r.as_ref() == Some(record))
                .ok_or(HistoryError::NotFound)?;
            lines.remove(index);
            Ok(Deleted {
                record: record.clone(),
                index,
            })
        })
    }

    /// Puts a deleted session back on the line it was on.
    pub fn undo_delete(&self, deleted: &Deleted) -> Result<(), HistoryError> {
        self.rewrite(|lines| {
            let index = deleted.index.min(lines.len());
            lines.insert(
                index,
                (
                    encode_line(&deleted.record).into_bytes(),
                    Some(deleted.record.clone()),
                ),
            );
            Ok(())
        })
    }

    /// Replaces a session by a changed one (for example with the rating given after it).
    pub fn replace(&self, old: &SessionRecord, new: &SessionRecord) -> Result<(), HistoryError> {
        self.rewrite(|lines| {
            let line = lines
                .iter_mut()
                .rev()
                .find(|(_, r)| r.as_ref() == Some(old))
                .ok_or(HistoryError::NotFound)?;
            *line = (encode_line(new).into_bytes(), Some(new.clone()));
            Ok(())
        })
    }

    /// Empties the log, unreadable lines included (the person confirmed it).
    pub fn clear_all(&self) -> Result<(), SaveError> {
        if !self.path.exists() {
            return Ok(());
        }
        self.replace_file(b"")
    }
}

/// Writes the sessions as CSV (see [`csv::HEADER`]) to `path`, atomically.
pub fn export_csv(path: &Path, records: &[SessionRecord]) -> Result<(), SaveError> {
    write_atomically(path, csv::to_csv(records).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::tests::record_on;
    use crate::core::history::{Ending, PainRating, StepRef};
    use jiff::civil::date;
    use proptest::prelude::*;

    fn log_in(dir: &tempfile::TempDir) -> HistoryStore {
        HistoryStore::new(&Store::at(dir.path()))
    }

    fn three() -> Vec<SessionRecord> {
        let mut rated = record_on(date(2026, 11, 30), 8, Ending::Stopped);
        rated.pain_before = PainRating::new(6);
        rated.pain_after = PainRating::new(4);
        rated.note = "stiff after driving, \"long\" day".to_owned();
        vec![
            record_on(date(2026, 11, 29), 10, Ending::Finished),
            rated,
            record_on(date(2026, 12, 1), 2, Ending::AppClosed),
        ]
    }

    #[test]
    fn appended_sessions_load_back_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        assert_eq!(log.load().expect("no file yet"), Loaded::default());
        for record in three() {
            log.append(&record).expect("append");
        }
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, three());
        assert!(loaded.damaged.is_empty());
        let text = std::fs::read_to_string(log.path()).expect("read");
        assert_eq!(text.lines().count(), 3);
        assert!(text.starts_with("{\"format_version\":1,\"start\":\"2026-11-29T18:00:00Z\""));
    }

    #[test]
    fn the_documented_example_line_reads() {
        let line = r#"{"format_version":1,"start":"2026-12-01T09:30:00+01:00","routine_id":"desk-break","routine_name":"Desk break","planned_seconds":360,"actual_seconds":355,"ending":"finished","steps_done":[{"id":"neck-roll","technique":"neck-roll"}],"steps_skipped":[],"pain_before":6,"pain_after":4,"note":"stiff after driving"}"#;
        let loaded = parse_log(format!("{line}\n").as_bytes());
        assert_eq!(loaded.damaged, []);
        let record = &loaded.sessions[0];
        assert_eq!(record.start.to_string(), "2026-12-01T09:30:00+01:00");
        assert_eq!(
            record.steps_done,
            [StepRef::new("neck-roll", Some("neck-roll"))]
        );
        assert_eq!(record.pain_after, PainRating::new(4));
        assert_eq!(encode_line(record), line);
        // The README's CSV example is this session.
        assert_eq!(
            csv::to_csv(std::slice::from_ref(record)).lines().nth(1),
            Some(
                "2026-12-01T09:30:00+01:00,desk-break,Desk break,360,355,finished,\
                 neck-roll=neck-roll,,6,4,stiff after driving"
            )
        );
        // Unknown fields (from a later version) are ignored; optional ones may be missing.
        let minimal = r#"{"format_version":1,"start":"2026-12-01T09:30:00Z","routine_id":"x","routine_name":"X","planned_seconds":60,"actual_seconds":30,"ending":"stopped","mood":"fine"}"#;
        assert_eq!(parse_log(minimal.as_bytes()).sessions.len(), 1);
    }

    #[test]
    fn a_damaged_line_is_skipped_kept_and_named_and_the_rest_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        let records = three();
        let good: Vec<String> = records.iter().map(encode_line).collect();
        let text = format!(
            "{}\n{{\"format_version\":1,\"start\":\"yesterday\"}}\n\n{}\n{{\"format_version\":7}}\n{}\n",
            good[0], good[1], good[2]
        );
        std::fs::create_dir_all(log.path().parent().expect("dir")).expect("mkdir");
        std::fs::write(log.path(), &text).expect("write");
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, records);
        let lines: Vec<usize> = loaded.damaged.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 5]);
        assert!(loaded.damaged[1].reason.contains("newer Unknot (format 7"));
        let notice = loaded.notice(log.path()).expect("a notice");
        assert!(notice.starts_with("2 lines of your history ("), "{notice}");
        assert!(notice.contains("lines 2, 5."), "{notice}");
        assert!(notice.contains("kept in the file"), "{notice}");
        // Deleting another session keeps the damaged lines as they were.
        log.delete(&records[1]).expect("delete");
        let after = std::fs::read_to_string(log.path()).expect("read");
        assert!(after.contains("{\"format_version\":1,\"start\":\"yesterday\"}\n"));
        assert!(after.contains("{\"format_version\":7}\n"));
        assert_eq!(log.load().expect("load").damaged.len(), 2);
    }

    #[test]
    fn a_write_cut_short_loses_only_that_line_and_the_next_append_starts_a_new_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        let records = three();
        log.append(&records[0]).expect("append");
        log.append(&records[1]).expect("append");
        let full = std::fs::read(log.path()).expect("read");
        std::fs::write(log.path(), &full[..full.len() - 20]).expect("cut");
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, records[..1]);
        assert_eq!(loaded.damaged.len(), 1);
        assert_eq!(loaded.damaged[0].line, 2);
        assert!(
            loaded.damaged[0]
                .reason
                .starts_with("the last line is incomplete")
        );
        log.append(&records[2]).expect("append after the cut");
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, [records[0].clone(), records[2].clone()]);
        assert_eq!(
            loaded.damaged.iter().map(|d| d.line).collect::<Vec<_>>(),
            [2]
        );
    }

    #[test]
    fn delete_undo_replace_and_clear_all_change_just_what_they_say() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        let records = three();
        for record in &records {
            log.append(record).expect("append");
        }
        let deleted = log.delete(&records[1]).expect("delete");
        assert_eq!(deleted.index, 1);
        assert_eq!(
            log.load().expect("load").sessions,
            [records[0].clone(), records[2].clone()]
        );
        assert!(matches!(
            log.delete(&records[1]),
            Err(HistoryError::NotFound)
        ));
        log.undo_delete(&deleted).expect("undo");
        assert_eq!(log.load().expect("load").sessions, records);
        let rated = records[2].with_after(PainRating::new(3), "better");
        log.replace(&records[2], &rated).expect("replace");
        assert_eq!(log.load().expect("load").sessions[2], rated);
        let names: Vec<_> = std::fs::read_dir(log.path().parent().expect("dir"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, [HISTORY_FILE], "no temporary files are left");
        log.clear_all().expect("clear");
        assert_eq!(log.load().expect("load"), Loaded::default());
        log.append(&records[0]).expect("append after clearing");
        assert_eq!(log.load().expect("load").sessions, records[..1]);
    }

    #[test]
    fn a_log_over_the_limit_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        std::fs::create_dir_all(log.path().parent().expect("dir")).expect("mkdir");
        let file = File::create(log.path()).expect("create");
        file.set_len(MAX_LOG_BYTES + 1).expect("grow");
        let error = log.load().expect_err("too big");
        assert!(
            error
                .to_string()
                .contains("larger than the 32 MiB Unknot reads (33554433 bytes)"),
            "{error}"
        );
        assert!(matches!(
            log.delete(&three()[0]),
            Err(HistoryError::TooBig { .. })
        ));
        assert_eq!(
            std::fs::metadata(log.path()).expect("still there").len(),
            MAX_LOG_BYTES + 1
        );
        // A line too long to be a session is skipped, not read.
        let long_line = format!("{}\n", "x".repeat(MAX_LINE_BYTES + 1));
        let loaded = parse_log(long_line.as_bytes());
        assert!(loaded.damaged[0].reason.contains("longer than 64 KiB"));
    }

    #[test]
    fn an_export_is_the_documented_csv_and_reads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("history.csv");
        export_csv(&path, &three()).expect("export");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with(csv::HEADER));
        assert_eq!(csv::from_csv(&text).expect("reads back"), three());
    }

    fn any_record() -> impl Strategy<Value = SessionRecord> {
        (
            0u32..3650,
            0u32..86_400,
            "[a-z-]{1,12}",
            "\\PC{0,20}",
            0u32..4000,
            0u32..4000,
            0usize..3,
            proptest::collection::vec(
                ("[a-z0-9-]{1,8}", proptest::option::of("[a-z-]{1,8}")),
                0..4,
            ),
            proptest::option::of(0u8..=10),
            proptest::option::of(0u8..=10),
            "\\PC{0,30}",
        )
            .prop_map(
                |(day, secs, id, name, planned, actual, ending, steps, before, after, note)| {
                    let date =
                        date(2017, 1, 1).saturating_add(jiff::Span::new().days(i64::from(day)));
                    let at = date.at(
                        (secs / 3600) as i8,
                        (secs / 60 % 60) as i8,
                        (secs % 60) as i8,
                        0,
                    );
                    let mut record =
                        SessionRecord::from_input(&crate::core::history::SessionInput {
                            started: crate::core::history::LocalStart::utc(at),
                            routine_id: id,
                            routine_name: name,
                            planned_secs: planned,
                            actual_secs: actual,
                            done: steps
                                .iter()
                                .map(|(s, t)| StepRef::new(s, t.as_deref()))
                                .collect(),
                            skipped: Vec::new(),
                            ending: [Ending::Finished, Ending::Stopped, Ending::AppClosed][ending],
                            pain_before: before.and_then(PainRating::new),
                            note,
                        });
                    record.pain_after = after.and_then(PainRating::new);
                    record
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Cut anywhere, a log still loads every line that was written whole, reports at most
        /// the one cut line, and takes new sessions on a fresh line.
        #[test]
        fn any_log_survives_a_cut_at_any_byte(
            records in proptest::collection::vec(any_record(), 0..8),
            cut in any::<proptest::sample::Index>(),
            extra in any_record(),
        ) {
            let text: String = records.iter().map(|r| encode_line(r) + "\n").collect();
            let cut_at = if text.is_empty() { 0 } else { cut.index(text.len() + 1) };
            let bytes = &text.as_bytes()[..cut_at];
            let loaded = parse_log(bytes);
            let whole = bytes.split(|&b| b == b'\n').count() - 1;
            // A line cut just before its line break is still whole.
            let complete = loaded.sessions.len();
            prop_assert!(complete == whole || complete == whole + 1);
            prop_assert_eq!(&loaded.sessions[..], &records[..complete]);
            prop_assert!(loaded.damaged.len() <= 1);
            prop_assert_eq!(complete + loaded.damaged.len(), records.len().min(whole + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))));

            let dir = tempfile::tempdir().expect("temp dir");
            let log = HistoryStore::at(dir.path().join(HISTORY_FILE));
            std::fs::write(log.path(), bytes).expect("write");
            log.append(&extra).expect("append");
            let after = log.load().expect("load");
            prop_assert_eq!(after.sessions.last(), Some(&extra));
            prop_assert_eq!(after.sessions.len(), complete + 1);
            prop_assert_eq!(after.damaged.len(), loaded.damaged.len());
        }

        /// Any records survive the CSV round trip.
        #[test]
        fn any_records_round_trip_through_csv(records in proptest::collection::vec(any_record(), 0..8)) {
            prop_assert_eq!(csv::from_csv(&csv::to_csv(&records)).expect("reads back"), records);
        }
    }
}
