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
//! # Reminders (version 2)
//! Each reminder of `unknot remind` and what became of it is a line of its own, with
//! `"format_version": 2` and `"kind": "reminder"`:
//!
//! ```json
//! {"format_version":2,"kind":"reminder","due":"2026-12-02T10:00:00Z","outcome":"started"}
//! ```
//!
//! `outcome` is `started`, `snoozed`, `not-today`, `ignored` or `missed`. Sessions are still
//! written as version 1, so a build that reads only version 1 loads every session and skips
//! (and keeps) the reminder lines, naming them as from a newer Unknot; this build reads both.
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

use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::safe_file::{self, ReadError};
use super::{SaveError, Store, lock, write_atomically};
use crate::core::history::{SessionRecord, csv};
use crate::core::reminders::ReminderRecord;

/// The log's file name, in the data folder.
pub const HISTORY_FILE: &str = "history.jsonl";
/// The newest format version this build reads (sessions are written as
/// [`SESSION_LINE_VERSION`], reminders as this).
pub const HISTORY_VERSION: u32 = 2;
/// The version session lines are written with: version 1, so older builds still read them.
pub const SESSION_LINE_VERSION: u32 = 1;
/// The largest log read (32 MiB: about 80,000 sessions); a larger file is refused, untouched.
pub const MAX_LOG_BYTES: u64 = 32 * 1024 * 1024;
/// Where sessions go while the log cannot take them (larger than [`MAX_LOG_BYTES`], or not a
/// regular file), in the same folder and format; the person is told each time.
pub const SIDE_FILE: &str = "history-side.jsonl";
/// The longest line read (64 KiB); a longer one is skipped as damaged.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The session log on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryStore {
    path: PathBuf,
}

/// What [`HistoryStore::load`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedHistory {
    /// Every session read, in the order of the file.
    pub sessions: Vec<SessionRecord>,
    /// Every reminder read, in the order of the file.
    pub reminders: Vec<ReminderRecord>,
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
pub struct DeletedSession {
    /// The session.
    pub record: SessionRecord,
    /// Its line index (from 0) in the file when it was deleted.
    pub index: usize,
}

/// Why the log could not be read or changed.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The file exists but could not be read.
    #[error("could not read the history {}: {cause}", path.display())]
    Read {
        /// The log.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The file is larger than [`MAX_LOG_BYTES`], or not a regular file (a named pipe, a
    /// device, a folder): it is neither read nor added to, and left as it is.
    #[error("the history {} {why}, so Unknot neither reads it nor adds to it; it was left as it is{}", path.display(), side_note(side.as_deref()))]
    Unusable {
        /// The log.
        path: PathBuf,
        /// What is wrong with it, after "the history <path>": "is larger than …", "is a
        /// named pipe (FIFO), not a regular file".
        why: String,
        /// The side file where sessions went instead, if there is one (see [`SIDE_FILE`]).
        side: Option<PathBuf>,
    },
    /// The session to change is not in the log (any more).
    #[error("that session is no longer in the history")]
    NotFound,
    /// Writing failed; the file is as it was.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// The end of an [`HistoryError::Unusable`] message: where sessions went instead, if anywhere.
fn side_note(side: Option<&Path>) -> String {
    side.map_or_else(String::new, |side| {
        format!(
            ". Sessions since then were kept in {}; move the large file away and rename that \
             one to {HISTORY_FILE} to see them",
            side.display()
        )
    })
}

/// Where an appended session went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Appended {
    /// Into the log, as always.
    ToLog,
    /// The log could not take it (too large, not a regular file), so it went into the side
    /// file; the person must be told (see [`Appended::notice`]).
    ToSideFile {
        /// The side file.
        side: PathBuf,
        /// What is wrong with the log, after "the history <path>".
        why: String,
        /// The log.
        log: PathBuf,
    },
}

impl Appended {
    /// What to tell the person, if the session did not go where it always goes.
    #[must_use]
    pub fn notice(&self) -> Option<String> {
        match self {
            Self::ToLog => None,
            Self::ToSideFile { side, why, log } => Some(format!(
                "Your history {} {why}, so Unknot cannot add to it. This session was kept in {} \
                 instead, and later ones will be too until the history can be used again.",
                log.display(),
                side.display()
            )),
        }
    }
}

/// Why an append could not use a file.
enum AppendProblem {
    /// The file cannot take sessions (too large, not a regular file): what is wrong, after
    /// "the history <path>".
    Unusable(String),
    /// Writing failed; the file is as it was.
    Io(std::io::Error),
}

/// A file that lines are appended to: written at its end, cut back, synced. A trait so that
/// tests can stand in a disk that fills up part-way through a line.
pub(crate) trait AppendTarget: std::io::Write {
    /// Cuts the file back to `len` bytes.
    fn cut_back_to(&mut self, len: u64) -> std::io::Result<()>;
    /// Flushes what was written to disk.
    fn sync(&mut self) -> std::io::Result<()>;
}

impl AppendTarget for File {
    fn cut_back_to(&mut self, len: u64) -> std::io::Result<()> {
        self.set_len(len)
    }

    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_all()
    }
}

/// Writes `bytes` at the end of a file `old_len` bytes long, whole or not at all: if any write
/// or the sync fails (a full disk), the file is cut back to `old_len`, so no part of a line is
/// ever left in it.
pub(crate) fn append_whole(
    target: &mut impl AppendTarget,
    old_len: u64,
    bytes: &[u8],
) -> std::io::Result<()> {
    let written = target.write_all(bytes).and_then(|()| target.sync());
    if let Err(error) = written {
        let _ = target.cut_back_to(old_len).and_then(|()| target.sync());
        return Err(error);
    }
    Ok(())
}

/// Appends `line` (one record, with its line break) to the file at `path` under the history's
/// lock, starting a new line first if the file does not end with one.
fn append_line(path: &Path, line: &[u8]) -> Result<(), AppendProblem> {
    let existed = path.symlink_metadata().is_ok();
    let mut file = match safe_file::open_regular_for_append(path) {
        Ok(file) => file,
        Err(ReadError::NotAFile { what }) => {
            return Err(AppendProblem::Unusable(format!(
                "is {what}, not a regular file"
            )));
        }
        Err(ReadError::Io(e)) => return Err(AppendProblem::Io(e)),
        // Opening reads nothing, so it never finds a file too large.
        Err(other @ ReadError::TooLarge { .. }) => {
            return Err(AppendProblem::Io(std::io::Error::other(other.to_string())));
        }
    };
    let old_len = file.metadata().map_err(AppendProblem::Io)?.len();
    if old_len > MAX_LOG_BYTES {
        return Err(AppendProblem::Unusable(too_large(old_len)));
    }
    let mut bytes = Vec::with_capacity(line.len() + 1);
    if old_len > 0 {
        // After a write cut short the file may not end with a line break: start a new line.
        let mut last = [0u8];
        file.seek(SeekFrom::End(-1)).map_err(AppendProblem::Io)?;
        file.read_exact(&mut last).map_err(AppendProblem::Io)?;
        if last[0] != b'\n' {
            bytes.push(b'\n');
        }
    }
    bytes.extend_from_slice(line);
    if old_len + bytes.len() as u64 > MAX_LOG_BYTES {
        // Never grow it past what can be read back.
        return Err(AppendProblem::Unusable(format!(
            "has reached the {} MiB Unknot reads",
            MAX_LOG_BYTES / (1024 * 1024)
        )));
    }
    append_whole(&mut file, old_len, &bytes).map_err(AppendProblem::Io)?;
    if !existed {
        super::sync_folder(folder_of(path)).map_err(AppendProblem::Io)?;
    }
    Ok(())
}

/// "is larger than …", for a log of `bytes` bytes.
fn too_large(bytes: u64) -> String {
    format!(
        "is larger than the {} MiB Unknot reads ({bytes} bytes)",
        MAX_LOG_BYTES / (1024 * 1024)
    )
}

/// The folder a file is in.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A line as written: the version, then the record's fields.
#[derive(Serialize)]
struct LineOut<'r> {
    format_version: u32,
    #[serde(flatten)]
    record: &'r SessionRecord,
}

/// A reminder's line as written.
#[derive(Serialize)]
struct ReminderLineOut<'r> {
    format_version: u32,
    kind: &'static str,
    #[serde(flatten)]
    record: &'r ReminderRecord,
}

/// The `kind` of a reminder's line.
const REMINDER_KIND: &str = "reminder";

/// Just the version and kind of a line, read first so a newer line is reported as such.
#[derive(Deserialize)]
struct LineVersion {
    format_version: Option<u32>,
    kind: Option<String>,
}

/// What one line of the log holds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    /// A session (any version).
    Session(SessionRecord),
    /// A reminder (version 2).
    Reminder(ReminderRecord),
}

/// One record as one line of the log, without the line break.
#[must_use]
pub fn encode_line(record: &SessionRecord) -> String {
    serde_json::to_string(&LineOut {
        format_version: SESSION_LINE_VERSION,
        record,
    })
    // A record is plain strings, numbers and lists: serializing it cannot fail.
    .unwrap_or_default()
}

/// One reminder as one line of the log, without the line break.
#[must_use]
pub fn encode_reminder_line(record: &ReminderRecord) -> String {
    serde_json::to_string(&ReminderLineOut {
        format_version: HISTORY_VERSION,
        kind: REMINDER_KIND,
        record,
    })
    // A date and a word: serializing it cannot fail.
    .unwrap_or_default()
}

/// Reads one line (without its line break); `last_unterminated` says it is the file's last line
/// and has no line break, so a failure is most likely a write cut short.
fn decode_line(bytes: &[u8], last_unterminated: bool) -> Result<Entry, String> {
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
    let version: LineVersion = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() && !last_unterminated {
            // Ended before its JSON did: a write cut short, with later lines after it.
            format!(
                "the line is incomplete, probably cut off while it was being written, \
                 before the lines after it were added ({e})"
            )
        } else {
            cut(format!("not a JSON object: {e}"))
        }
    })?;
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
    if version.kind.as_deref() == Some(REMINDER_KIND) {
        let record: ReminderRecord =
            serde_json::from_str(text).map_err(|e| cut(format!("not a reminder: {e}")))?;
        return Ok(Entry::Reminder(record));
    }
    let record: SessionRecord =
        serde_json::from_str(text).map_err(|e| cut(format!("not a session: {e}")))?;
    match record.problem() {
        Some(problem) => Err(problem),
        None => Ok(Entry::Session(record)),
    }
}

/// A line of the file as found, with what it holds if it could be read.
struct RawLine<'b> {
    bytes: &'b [u8],
    record: Result<Entry, String>,
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
pub fn parse_log(bytes: &[u8]) -> LoadedHistory {
    let mut loaded = LoadedHistory::default();
    for (line, raw) in raw_lines(bytes) {
        match raw.record {
            Ok(Entry::Session(record)) => loaded.sessions.push(record),
            Ok(Entry::Reminder(record)) => loaded.reminders.push(record),
            Err(reason) => loaded.damaged.push(DamagedLine { line, reason }),
        }
    }
    loaded
}

impl LoadedHistory {
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

    /// The side file: where sessions go while the log cannot take them (see [`SIDE_FILE`]).
    #[must_use]
    pub fn side_path(&self) -> PathBuf {
        self.path.with_file_name(SIDE_FILE)
    }

    /// The side file, if there is one.
    fn side_if_any(&self) -> Option<PathBuf> {
        let side = self.side_path();
        side.symlink_metadata().is_ok().then_some(side)
    }

    /// The bytes of the log at `path`, at most [`MAX_LOG_BYTES`]; none if there is no file yet.
    /// Only a regular file is read, and a named pipe is never waited on.
    fn read_bytes_of(&self, path: &Path) -> Result<Vec<u8>, HistoryError> {
        let error = |source| HistoryError::Read {
            path: path.to_owned(),
            cause: source,
        };
        let unusable = |why| HistoryError::Unusable {
            path: path.to_owned(),
            why,
            side: if path == self.path {
                self.side_if_any()
            } else {
                None
            },
        };
        let refused = |e: ReadError| match e {
            ReadError::Io(e) => error(e),
            ReadError::NotAFile { what } => unusable(format!("is {what}, not a regular file")),
            // Grown past the limit while it was read.
            ReadError::TooLarge { .. } => unusable(too_large(MAX_LOG_BYTES + 1)),
        };
        let file = match safe_file::open_regular(path) {
            Ok(file) => file,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Vec::new());
            }
            Err(e) => return Err(refused(e)),
        };
        let len = file.metadata().map_err(error)?.len();
        if len > MAX_LOG_BYTES {
            return Err(unusable(too_large(len)));
        }
        safe_file::read_limited(file, MAX_LOG_BYTES).map_err(refused)
    }

    /// Takes the history's lock (see [`crate::store::lock`]) to change it.
    fn lock(&self) -> Result<lock::FileLock, SaveError> {
        super::create_own_folder(&self.path)?;
        lock::lock_for_change(&self.path).map_err(|source| SaveError {
            path: self.path.clone(),
            cause: source,
        })
    }

    /// Every session in the log, and every line that could not be read. No file is an empty
    /// history. Read under the history's lock when it can be taken, so a line being appended
    /// by another process is never seen half-written.
    pub fn load(&self) -> Result<LoadedHistory, HistoryError> {
        let _lock = if folder_of(&self.path).is_dir() {
            lock::lock_for_change(&self.path).ok()
        } else {
            None
        };
        Ok(parse_log(&self.read_bytes_of(&self.path)?))
    }

    /// Adds a session at the end, written whole and synced to disk before this returns, under
    /// the history's lock (so two processes appending at once both write whole lines). If the
    /// log cannot take it (larger than [`MAX_LOG_BYTES`], or not a regular file), the session
    /// goes into the side file instead and the answer says so; nothing is ever dropped
    /// silently. A failed write (a full disk) leaves the file exactly as it was.
    pub fn append(&self, record: &SessionRecord) -> Result<Appended, SaveError> {
        self.append_text(encode_line(record))
    }

    /// Adds a reminder and what became of it at the end, like [`Self::append`] (whole, synced,
    /// under the lock, into the side file when the log cannot take it).
    pub fn append_reminder(&self, record: &ReminderRecord) -> Result<Appended, SaveError> {
        self.append_text(encode_reminder_line(record))
    }

    /// Appends one encoded line (see [`Self::append`]).
    fn append_text(&self, line: String) -> Result<Appended, SaveError> {
        let error = |path: &Path, source| SaveError {
            path: path.to_owned(),
            cause: source,
        };
        let _lock = self.lock()?;
        let mut line = line.into_bytes();
        line.push(b'\n');
        let why = match append_line(&self.path, &line) {
            Ok(()) => return Ok(Appended::ToLog),
            Err(AppendProblem::Io(e)) => return Err(error(&self.path, e)),
            Err(AppendProblem::Unusable(why)) => why,
        };
        let side = self.side_path();
        match append_line(&side, &line) {
            Ok(()) => Ok(Appended::ToSideFile {
                side,
                why,
                log: self.path.clone(),
            }),
            Err(AppendProblem::Io(e)) => Err(error(&side, e)),
            Err(AppendProblem::Unusable(side_why)) => Err(error(
                &self.path,
                std::io::Error::other(format!(
                    "it {why}, and the side file {} {side_why}",
                    side.display()
                )),
            )),
        }
    }

    /// Rewrites the log atomically after `change` edits its lines (each line's text, in order).
    fn rewrite<R>(
        &self,
        change: impl FnOnce(&mut Vec<(Vec<u8>, Option<SessionRecord>)>) -> Result<R, HistoryError>,
    ) -> Result<R, HistoryError> {
        let _lock = self.lock()?;
        // While the log cannot be used, sessions are in the side file: change them there.
        let path = match self.read_bytes_of(&self.path) {
            Err(HistoryError::Unusable {
                side: Some(side), ..
            }) => side,
            _ => self.path.clone(),
        };
        let bytes = self.read_bytes_of(&path)?;
        let mut lines: Vec<(Vec<u8>, Option<SessionRecord>)> = raw_lines(&bytes)
            .into_iter()
            .map(|(_, raw)| {
                let session = match raw.record {
                    Ok(Entry::Session(record)) => Some(record),
                    // Reminders and unreadable lines are written back as they are.
                    Ok(Entry::Reminder(_)) | Err(_) => None,
                };
                (raw.bytes.to_vec(), session)
            })
            .collect();
        let result = change(&mut lines)?;
        let mut out = Vec::with_capacity(bytes.len() + 512);
        for (line, _) in &lines {
            out.extend_from_slice(line);
            out.push(b'\n');
        }
        write_atomically(&path, &out)?;
        Ok(result)
    }

    /// Takes one session out (the last line holding exactly this record); [`Self::undo_delete`]
    /// puts it back.
    pub fn delete(&self, record: &SessionRecord) -> Result<DeletedSession, HistoryError> {
        self.rewrite(|lines| {
            let index = lines
                .iter()
                .rposition(|(_, r)| r.as_ref() == Some(record))
                .ok_or(HistoryError::NotFound)?;
            lines.remove(index);
            Ok(DeletedSession {
                record: record.clone(),
                index,
            })
        })
    }

    /// Puts a deleted session back on the line it was on.
    pub fn undo_delete(&self, deleted: &DeletedSession) -> Result<(), HistoryError> {
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
        if self.path.symlink_metadata().is_err() {
            return Ok(());
        }
        let _lock = self.lock()?;
        write_atomically(&self.path, b"")
    }
}

/// Writes the sessions as CSV (see [`csv::HEADER`]) to `path`, a file the person chose: into a
/// folder that exists, atomically, with their usual permissions, replacing a file already
/// there only if `replace` (see [`super::write_file`]).
pub fn export_csv(path: &Path, records: &[SessionRecord], replace: bool) -> Result<(), SaveError> {
    super::write_file(
        path,
        csv::to_csv(records).as_bytes(),
        super::WriteRules::export(replace),
    )
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
        assert_eq!(log.load().expect("no file yet"), LoadedHistory::default());
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
    fn reminders_are_their_own_lines_that_sessions_and_rewrites_keep() {
        use crate::core::reminders::Outcome;
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        let sessions = three();
        let reminder = |outcome| ReminderRecord {
            due: sessions[0].start,
            outcome,
        };
        log.append(&sessions[0]).expect("append");
        log.append_reminder(&reminder(Outcome::Started))
            .expect("append");
        log.append(&sessions[1]).expect("append");
        log.append_reminder(&reminder(Outcome::NotToday))
            .expect("append");
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, sessions[..2]);
        assert_eq!(
            loaded.reminders,
            [reminder(Outcome::Started), reminder(Outcome::NotToday)]
        );
        assert!(loaded.damaged.is_empty());
        let text = std::fs::read_to_string(log.path()).expect("read");
        assert_eq!(
            text.lines().nth(1),
            Some(
                r#"{"format_version":2,"kind":"reminder","due":"2026-11-29T18:00:00Z","outcome":"started"}"#
            ),
            "as documented"
        );
        // Sessions stay version 1, so an older build still reads every one of them.
        assert!(
            text.lines()
                .nth(2)
                .expect("a line")
                .starts_with("{\"format_version\":1,")
        );
        // Deleting a session keeps the reminders, untouched.
        log.delete(&sessions[0]).expect("delete");
        let loaded = log.load().expect("load");
        assert_eq!(loaded.sessions, sessions[1..2]);
        assert_eq!(loaded.reminders.len(), 2);
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
        let mut names: Vec<_> = std::fs::read_dir(log.path().parent().expect("dir"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".history.jsonl.lock", HISTORY_FILE],
            "no temporary files are left, only the lock file"
        );
        log.clear_all().expect("clear");
        assert_eq!(log.load().expect("load"), LoadedHistory::default());
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
            Err(HistoryError::Unusable { .. })
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
    fn a_log_over_the_limit_is_not_added_to_and_the_session_goes_to_the_side_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        std::fs::create_dir_all(log.path().parent().expect("dir")).expect("mkdir");
        let file = File::create(log.path()).expect("create");
        file.set_len(MAX_LOG_BYTES + 1).expect("grow");
        let records = three();
        let appended = log.append(&records[0]).expect("kept somewhere");
        assert_eq!(
            std::fs::metadata(log.path()).expect("still there").len(),
            MAX_LOG_BYTES + 1,
            "not appended to"
        );
        let Appended::ToSideFile { side, .. } = &appended else {
            panic!("not in the side file: {appended:?}");
        };
        assert_eq!(side, &log.side_path());
        let notice = appended.notice().expect("the person is told");
        assert!(
            notice.contains("is larger than the 32 MiB Unknot reads")
                && notice.contains(&format!("kept in {}", side.display())),
            "{notice}"
        );
        let side_log = HistoryStore::at(side.clone());
        assert_eq!(side_log.load().expect("side").sessions, records[..1]);
        // The answer after it is added where the session is.
        let rated = records[0].with_after(PainRating::new(2), "");
        log.replace(&records[0], &rated)
            .expect("amended in the side file");
        assert_eq!(side_log.load().expect("side").sessions, [rated]);
        // Reading the log says where the sessions went.
        let error = log.load().expect_err("too big");
        assert!(
            error
                .to_string()
                .contains(&format!("kept in {}", side.display())),
            "{error}"
        );
    }

    #[test]
    fn a_log_never_grows_past_what_can_be_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = log_in(&dir);
        std::fs::create_dir_all(log.path().parent().expect("dir")).expect("mkdir");
        let file = File::create(log.path()).expect("create");
        // Room for a line break and a few bytes, not a whole line.
        file.set_len(MAX_LOG_BYTES - 10).expect("grow");
        let appended = log.append(&three()[0]).expect("kept somewhere");
        assert!(
            appended
                .notice()
                .is_some_and(|n| n.contains("has reached the 32 MiB")),
            "{appended:?}"
        );
        assert_eq!(
            std::fs::metadata(log.path()).expect("there").len(),
            MAX_LOG_BYTES - 10
        );
    }

    /// A disk with room for `room` more bytes: writes beyond it fail as a full disk does, after
    /// writing what fits.
    struct FullDisk {
        bytes: Vec<u8>,
        room: usize,
    }

    impl std::io::Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::from_raw_os_error(28)); // ENOSPC
            }
            let n = buf.len().min(self.room);
            self.bytes.extend_from_slice(&buf[..n]);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl AppendTarget for FullDisk {
        fn cut_back_to(&mut self, len: u64) -> std::io::Result<()> {
            self.bytes.truncate(len as usize);
            Ok(())
        }

        fn sync(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// However little room is left, an append writes its whole line or nothing.
        #[test]
        fn an_append_on_a_full_disk_leaves_the_file_as_it_was(room in 0usize..400) {
            let records = three();
            let old = format!("{}\n", encode_line(&records[0]));
            let line = format!("{}\n", encode_line(&records[1]));
            let mut disk = FullDisk {
                bytes: old.clone().into_bytes(),
                room,
            };
            let result = append_whole(&mut disk, old.len() as u64, line.as_bytes());
            if room >= line.len() {
                prop_assert!(result.is_ok());
                prop_assert_eq!(disk.bytes, format!("{old}{line}").into_bytes());
            } else {
                prop_assert!(result.is_err());
                prop_assert_eq!(String::from_utf8(disk.bytes).expect("text"), old);
            }
        }
    }

    #[test]
    fn a_cut_line_followed_by_others_is_described_as_cut() {
        let records = three();
        let cut = encode_line(&records[1]);
        let text = format!(
            "{}\n{}\n{}\n",
            encode_line(&records[0]),
            &cut[..100],
            encode_line(&records[2])
        );
        let loaded = parse_log(text.as_bytes());
        assert_eq!(loaded.sessions, [records[0].clone(), records[2].clone()]);
        assert_eq!(loaded.damaged.len(), 1);
        assert_eq!(loaded.damaged[0].line, 2);
        assert!(
            loaded.damaged[0].reason.starts_with(
                "the line is incomplete, probably cut off while it was being written, before \
                 the lines after it were added"
            ),
            "{}",
            loaded.damaged[0].reason
        );
    }

    #[test]
    fn an_export_is_the_documented_csv_and_reads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("history.csv");
        export_csv(&path, &three(), false).expect("export");
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
