//! File dialogs, behind a trait with a recording double for tests: [`FileDialogs`].
//!
//! On macOS and Windows the system's own dialog ([`SystemDialogs`], through `rfd`); on Linux and
//! other Unix desktops Unknot's own path field with completion ([`FileAnswer::InApp`]), because
//! the desktop portal that `rfd` needs is often missing (under Xvfb, in minimal window managers)
//! and its request then fails without a word. [`RecordingDialogs`] answers from a script and
//! records what was asked. The path field's completion is [`crate::store::paths`].

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recording_double_answers_in_order_then_in_app() {
        let mut dialogs = RecordingDialogs::new();
        dialogs.answer(FileAnswer::Cancelled);
        assert_eq!(dialogs.pick(&FileRequest::Import), FileAnswer::Cancelled);
        assert_eq!(dialogs.pick(&FileRequest::Import), FileAnswer::InApp);
        assert_eq!(dialogs.asked(), [FileRequest::Import, FileRequest::Import]);
    }
}
