//! The programme in progress: `<data dir>/programme.toml`. The programmes themselves and their
//! rules are [`crate::core::programme`]; the sessions done are in the history, not here.
//!
//! # Format (version 1)
//! ```toml
//! format_version = 1
//!
//! [programme]
//! id = "back-basics"
//! start = "2026-12-07"
//! sessions_per_week = 3
//! paused = false
//! ```
//!
//! `id` is `back-basics` or `desk-back-care`; `start` is the day week 1 began (`YYYY-MM-DD`);
//! `sessions_per_week` is 3 to 5 (a value outside is brought back into range); `paused`
//! defaults to `false`. A file without the `[programme]` table means no programme is in
//! progress (what `unknot programme stop` leaves). Fields a version does not know are ignored,
//! so later versions can add some; a file with a newer `format_version` is not read.
//!
//! # Safety
//! Every save goes through the one atomic writer ([`super::write_file`]) under the file's lock.
//! A file that cannot be read (damaged, edited by hand into something else, from a newer
//! version, not a regular file) is moved aside when the app or a changing command loads it,
//! named in a notice, and never overwritten; the person can then start a programme again.
//! Nothing else is touched: the history keeps every session.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::safe_file::{self, ReadError};
use super::{SaveError, Store, move_aside};
use crate::core::programme::{ProgrammeId, ProgrammeState, SESSIONS_PER_WEEK};

/// The file's name, in the data folder.
pub const PROGRAMME_FILE: &str = "programme.toml";
/// The format version this build writes and the newest it reads.
pub const PROGRAMME_VERSION: u32 = 1;
/// The largest file read (a real one is under 200 bytes).
pub const MAX_PROGRAMME_BYTES: u64 = 64 * 1024;

impl Store {
    /// The programme file.
    #[must_use]
    pub fn programme_path(&self) -> PathBuf {
        self.data_dir.join(PROGRAMME_FILE)
    }
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct FileForm {
    format_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    programme: Option<StateForm>,
}

/// The `[programme]` table.
#[derive(Serialize, Deserialize)]
struct StateForm {
    id: String,
    start: String,
    #[serde(default)]
    sessions_per_week: Option<i64>,
    #[serde(default)]
    paused: bool,
}

/// What loading the file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The programme in progress, if any.
    pub state: Option<ProgrammeState>,
    /// Something the person should be told once, if the file could not be used.
    pub notice: Option<String>,
}

/// Reads the file at `path`. A missing file means no programme, silently; a file that cannot be
/// read is moved aside, no programme is in progress, and the notice says where the file went.
#[must_use]
pub fn load(path: &Path) -> Loaded {
    let problem = match peek(path) {
        Ok(state) => {
            return Loaded {
                state,
                notice: None,
            };
        }
        Err(problem) => problem,
    };
    let kept = match move_aside(path) {
        Ok(aside) => format!("It was kept as {}.", aside.display()),
        Err(e) => {
            format!("It was left in place ({e}) and will not be overwritten until you move it.")
        }
    };
    Loaded {
        state: None,
        notice: Some(format!(
            "Your programme file could not be read ({}), so no programme is in progress; you can \
             start one again, and your history keeps every session. {kept}",
            crate::core::plain_text::escaped(&problem, false)
        )),
    }
}

/// Reads the file at `path` without changing anything: the programme in progress (`None` when
/// there is no file or none is in progress), or why the file cannot be read.
pub fn peek(path: &Path) -> Result<Option<ProgrammeState>, String> {
    match safe_file::read_regular(path, MAX_PROGRAMME_BYTES) {
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
        Ok(bytes) => parse(&bytes),
    }
}

/// Reads the file's text.
pub fn parse(bytes: &[u8]) -> Result<Option<ProgrammeState>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not text".to_owned())?;
    let file: FileForm = toml::from_str(text).map_err(|e| e.message().trim().to_owned())?;
    if file.format_version > PROGRAMME_VERSION {
        return Err(format!(
            "it was written by a newer Unknot (format {})",
            file.format_version
        ));
    }
    let Some(form) = file.programme else {
        return Ok(None);
    };
    let programme = ProgrammeId::from_key(&form.id)
        .ok_or_else(|| format!("'{}' is not a programme this version knows", form.id))?;
    let start: Date = form
        .start
        .parse()
        .map_err(|_| format!("'{}' is not a date like 2026-12-07", form.start))?;
    let default = i64::from(programme.programme().default_sessions_per_week);
    let sessions = form.sessions_per_week.unwrap_or(default).clamp(
        i64::from(*SESSIONS_PER_WEEK.start()),
        i64::from(*SESSIONS_PER_WEEK.end()),
    );
    Ok(Some(ProgrammeState {
        programme,
        start,
        sessions_per_week: u8::try_from(sessions).unwrap_or(*SESSIONS_PER_WEEK.start()),
        paused: form.paused,
    }))
}

/// The file's text for `state` (`None`: no programme in progress).
#[must_use]
pub fn encode(state: Option<&ProgrammeState>) -> String {
    let file = FileForm {
        format_version: PROGRAMME_VERSION,
        programme: state.map(|s| StateForm {
            id: s.programme.key().to_owned(),
            start: s.start.to_string(),
            sessions_per_week: Some(i64::from(s.sessions_per_week())),
            paused: s.paused,
        }),
    };
    // A table of strings, numbers and a bool always serialises; the fallback is never used.
    toml::to_string(&file).unwrap_or_else(|_| format!("format_version = {PROGRAMME_VERSION}\n"))
}

/// Saves `state` (`None`: no programme in progress) atomically, under the file's lock. Refused
/// when the file there now cannot be read: that one is kept as it is (the app and the changing
/// commands move it aside with a notice first, through [`load`]).
pub fn save(path: &Path, state: Option<&ProgrammeState>) -> Result<(), SaveError> {
    let error = |cause| SaveError {
        path: PathBuf::from(path),
        cause,
    };
    super::create_own_folder(path)?;
    let _lock = super::lock::lock_for_change(path).map_err(error)?;
    if let Err(problem) = peek(path) {
        return Err(error(std::io::Error::other(format!(
            "the programme file there cannot be read ({problem}), so it is kept as it is; move \
             it away to save"
        ))));
    }
    super::write_file(path, encode(state).as_bytes(), super::WriteRules::OWN)
}

/// Today's session of the programme in progress, worked out from the files on disk (the
/// programme and the history), read-only; `None` when no programme is followed, it is paused,
/// or a file cannot be read. What `unknot start` and a reminder open by its id.
#[must_use]
pub fn session_today(store: &Store, today: Date) -> Option<crate::core::routine::Routine> {
    let state = peek(&store.programme_path()).ok()??;
    if state.paused {
        return None;
    }
    let records = crate::store::history::HistoryStore::new(store)
        .load()
        .ok()?
        .sessions;
    Some(crate::core::programme::today(state, &records, today).routine)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn state() -> ProgrammeState {
        ProgrammeState {
            programme: ProgrammeId::DeskBackCare,
            start: date(2026, 12, 7),
            sessions_per_week: 4,
            paused: true,
        }
    }

    #[test]
    fn the_state_round_trips_through_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data").join(PROGRAMME_FILE);
        save(&path, Some(&state())).expect("save");
        assert_eq!(
            load(&path),
            Loaded {
                state: Some(state()),
                notice: None
            }
        );
        save(&path, None).expect("save");
        assert_eq!(peek(&path), Ok(None));
    }

    #[test]
    fn the_documented_example_reads() {
        let text = "format_version = 1\n\n[programme]\nid = \"back-basics\"\nstart = \
                    \"2026-12-07\"\nsessions_per_week = 3\npaused = false\n";
        assert_eq!(
            parse(text.as_bytes()),
            Ok(Some(ProgrammeState::new(
                ProgrammeId::BackBasics,
                date(2026, 12, 7)
            )))
        );
    }

    #[test]
    fn missing_and_unknown_fields_and_out_of_range_counts_still_read() {
        let text = "format_version = 1\nlater = 3\n[programme]\nid = \"desk-back-care\"\n\
                    start = \"2026-12-07\"\nsessions_per_week = 12\ncolour = \"red\"\n";
        let state = parse(text.as_bytes()).expect("reads").expect("a programme");
        assert_eq!(state.sessions_per_week, 5);
        assert!(!state.paused);
        let text =
            "format_version = 1\n[programme]\nid = \"desk-back-care\"\nstart = \"2026-12-07\"\n";
        let state = parse(text.as_bytes()).expect("reads").expect("a programme");
        assert_eq!(state.sessions_per_week, 5, "the programme's own suggestion");
    }

    #[test]
    fn bad_files_say_why() {
        for (text, why) in [
            ("format_version = 2\n", "newer Unknot"),
            (
                "format_version = 1\n[programme]\nid = \"yoga\"\nstart = \"2026-12-07\"\n",
                "'yoga' is not a programme",
            ),
            (
                "format_version = 1\n[programme]\nid = \"back-basics\"\nstart = \"2026-13-07\"\n",
                "not a date",
            ),
            ("[programme\n", ""),
        ] {
            let problem = parse(text.as_bytes()).expect_err(text);
            assert!(problem.contains(why), "{text}: {problem}");
        }
        assert_eq!(parse(&[0xff, 0xfe]), Err("it is not text".to_owned()));
    }

    proptest::proptest! {
        /// Any bytes at all: an answer (a programme, none, or why not), never a panic; and a
        /// file that reads writes back to the same state.
        #[test]
        fn any_file_reads_or_says_why(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            if let Ok(state) = parse(&bytes) {
                proptest::prop_assert_eq!(parse(encode(state.as_ref()).as_bytes()), Ok(state));
            }
        }

        #[test]
        fn any_state_round_trips(
            desk in proptest::bool::ANY,
            days in 0i64..20_000,
            sessions in 3u8..=5,
            paused in proptest::bool::ANY,
        ) {
            let state = ProgrammeState {
                programme: if desk { ProgrammeId::DeskBackCare } else { ProgrammeId::BackBasics },
                start: date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).expect("in range"),
                sessions_per_week: sessions,
                paused,
            };
            proptest::prop_assert_eq!(parse(encode(Some(&state)).as_bytes()), Ok(Some(state)));
        }
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_named_and_a_new_programme_can_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(PROGRAMME_FILE);
        std::fs::write(&path, "format_version = 1\n[programme]\nid = 3\n").expect("write");
        // Saving over it is refused while it is there.
        assert!(save(&path, Some(&state())).is_err());
        let loaded = load(&path);
        assert_eq!(loaded.state, None);
        let notice = loaded.notice.expect("a notice");
        let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().contains(".unreadable-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
        assert_eq!(
            std::fs::read_to_string(&aside[0]).expect("kept"),
            "format_version = 1\n[programme]\nid = 3\n"
        );
        save(&path, Some(&state())).expect("a new start saves");
        assert_eq!(peek(&path), Ok(Some(state())));
    }
}
