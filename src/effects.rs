//! The app's side effects behind small traits, each with a recording double for tests.
//!
//! - **Time**: [`Clock`] ([`SystemClock`]; [`ManualClock`] in tests), in `crate::clock`.
//! - **Sound**: [`CuePlayer`] (rodio; [`RecordingPlayer`] in tests), in `crate::cue`.
//! - **File dialogs**: [`FileDialogs`], here. On macOS and Windows the system's own dialog
//!   ([`SystemDialogs`], through `rfd`); on Linux and other Unix desktops Unknot's own path field
//!   with completion ([`FileAnswer::InApp`]), because the desktop portal that `rfd` needs is
//!   often missing (under Xvfb, in minimal window managers) and its request then fails without
//!   a word. [`RecordingDialogs`] answers from a script and records what was asked.
//! - **Disk**: routines and settings go through `crate::store` on a folder the app is given
//!   (a temporary one in tests); [`path_matches`] lists a folder for the path field.

use std::collections::VecDeque;
use std::path::{MAIN_SEPARATOR, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

pub use crate::clock::{Clock, ManualClock, SystemClock};
pub use crate::cue::{CuePlayer, RecordingPlayer};

/// What a file is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRequest {
    /// A routine file to import.
    Import,
    /// Where to export a routine, suggesting this file name.
    Export {
        /// The file name offered, such as `desk-break.toml`.
        file_name: String,
    },
    /// Where to export the history as CSV, suggesting this file name.
    ExportCsv {
        /// The file name offered, such as `unknot-history.csv`.
        file_name: String,
    },
}

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAnswer {
    /// The person chose this file.
    Chosen(PathBuf),
    /// The person closed the dialog without choosing.
    Cancelled,
    /// No system dialog here: use the app's own path field.
    InApp,
    /// The dialog could not open; the reason, in plain words.
    Failed(String),
}

/// Asks the person for a file.
pub trait FileDialogs {
    /// Shows a dialog for `request` and waits for the answer.
    fn pick(&mut self, request: &FileRequest) -> FileAnswer;
}

/// The dialogs this platform has (see the module docs for which).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    #[cfg(any(target_os = "macos", target_os = "windows"))]
    fn pick(&mut self, request: &FileRequest) -> FileAnswer {
        let routine = || rfd::FileDialog::new().add_filter("Unknot routine", &["toml"]);
        let picked = match request {
            FileRequest::Import => routine().set_title("Import a routine").pick_file(),
            FileRequest::Export { file_name } => routine()
                .set_title("Export a routine")
                .set_file_name(file_name)
                .save_file(),
            FileRequest::ExportCsv { file_name } => rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_title("Export your history as CSV")
                .set_file_name(file_name)
                .save_file(),
        };
        picked.map_or(FileAnswer::Cancelled, FileAnswer::Chosen)
    }

    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    fn pick(&mut self, _request: &FileRequest) -> FileAnswer {
        FileAnswer::InApp
    }
}

/// A test double: answers from a script, in order ([`FileAnswer::InApp`] once it runs out),
/// and records every request.
#[derive(Clone, Debug, Default)]
pub struct RecordingDialogs {
    script: Arc<Mutex<VecDeque<FileAnswer>>>,
    asked: Arc<Mutex<Vec<FileRequest>>>,
}

impl RecordingDialogs {
    /// A double with no answers scripted yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The next dialog answers `answer`.
    pub fn answer(&self, answer: FileAnswer) {
        self.script
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push_back(answer);
    }

    /// Every request so far, in order.
    #[must_use]
    pub fn asked(&self) -> Vec<FileRequest> {
        self.asked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl FileDialogs for RecordingDialogs {
    fn pick(&mut self, request: &FileRequest) -> FileAnswer {
        self.asked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request.clone());
        self.script
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front()
            .unwrap_or(FileAnswer::InApp)
    }
}

/// At most this many folder entries are read for one completion, however big the folder.
const MAX_ENTRIES_READ: usize = 2000;
/// At most this many matches are offered.
pub const MAX_MATCHES: usize = 50;

/// Folders and routine files (`.toml`) whose path starts with `typed`, sorted, folders ending
/// in the separator. Reads one folder, bounded; an unreadable folder gives no matches.
#[must_use]
pub fn path_matches(typed: &str) -> Vec<String> {
    let expanded = expand_home(typed);
    let typed = expanded.as_str();
    if typed.is_empty() {
        return Vec::new();
    }
    let (folder, start) = match typed.rfind(['/', MAIN_SEPARATOR]) {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => return Vec::new(),
    };
    let Ok(entries) = std::fs::read_dir(Path::new(folder)) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .take(MAX_ENTRIES_READ)
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(start) || (name.starts_with('.') && !start.starts_with('.')) {
                return None;
            }
            let is_dir = entry.file_type().ok()?.is_dir();
            let routine_file = Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            if is_dir {
                Some(format!("{folder}{name}{MAIN_SEPARATOR}"))
            } else if routine_file {
                Some(format!("{folder}{name}"))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found.truncate(MAX_MATCHES);
    found
}

/// A folder as the path field shows it: with a trailing separator, ready for a file name.
#[must_use]
pub fn folder_text(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(MAIN_SEPARATOR) {
        text.push(MAIN_SEPARATOR);
    }
    text
}

/// The path typed, trimmed, with a leading `~` standing for the home folder.
#[must_use]
pub fn expand_home(typed: &str) -> String {
    let typed = typed.trim();
    let rest = typed
        .strip_prefix("~/")
        .or_else(|| typed.strip_prefix(&format!("~{MAIN_SEPARATOR}")))
        .or_else(|| (typed == "~").then_some(""));
    match (rest, home_folder()) {
        (Some(rest), Some(home)) => format!("{}{rest}", folder_text(&home)),
        _ => typed.to_owned(),
    }
}

/// The person's home folder, if the system says where it is.
#[must_use]
pub fn home_folder() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_list_routine_files_and_folders_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("stretch.toml"), "").expect("write");
        std::fs::write(dir.path().join("stretch.txt"), "").expect("write");
        std::fs::write(dir.path().join("other.toml"), "").expect("write");
        std::fs::create_dir(dir.path().join("stretches")).expect("mkdir");
        let typed = format!("{}stre", folder_text(dir.path()));
        let folder = folder_text(dir.path());
        assert_eq!(
            path_matches(&typed),
            [
                format!("{folder}stretch.toml"),
                format!("{folder}stretches{MAIN_SEPARATOR}")
            ]
        );
        assert_eq!(path_matches(&folder).len(), 3, "everything in the folder");
        assert!(path_matches("").is_empty());
        if let Some(home) = home_folder() {
            assert_eq!(
                expand_home(" ~/a.toml "),
                format!("{}a.toml", folder_text(&home))
            );
        }
        assert_eq!(expand_home("/x/~/a.toml"), "/x/~/a.toml");
        assert!(path_matches("/no/such/folder/x").is_empty());
    }

    #[test]
    fn the_recording_double_answers_in_order_then_in_app() {
        let mut dialogs = RecordingDialogs::new();
        dialogs.answer(FileAnswer::Cancelled);
        assert_eq!(dialogs.pick(&FileRequest::Import), FileAnswer::Cancelled);
        assert_eq!(dialogs.pick(&FileRequest::Import), FileAnswer::InApp);
        assert_eq!(dialogs.asked(), [FileRequest::Import, FileRequest::Import]);
    }
}
