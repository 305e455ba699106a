//! The screens, one panel per file. Panels draw and return [`Command`]s; the app applies them
//! after drawing. Nothing in a panel plays sound or touches files.
//!
//! Commands are nested by the area they belong to, and the app applies each area with an
//! exhaustive `match`: a new command that is not handled does not compile.

pub mod dialogs;
pub mod editor;
pub mod figure;
pub mod finished;
pub mod history;
pub mod home;
pub mod keymap;
pub mod learn;
pub mod notices;
pub mod player;
pub mod programme;
pub mod reminders;
pub mod safety;
pub mod session_maker;
pub mod settings;
pub mod theme;
pub mod top_bar;

use crate::core::fit::LengthChoice;
use crate::core::plan::Cue;
use crate::core::settings::Settings;
use crate::store::routines::ImportChoice;

/// Something a person asked for, to be applied by the app after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// On the home screen.
    Home(HomeCommand),
    /// On the before-start screen.
    BeforeStart(BeforeStartCommand),
    /// On the player.
    Player(PlayerCommand),
    /// On the finished screen.
    Finished(FinishedCommand),
    /// What the editor asked for.
    Editor(editor::EditorAction),
    /// The person's own routines: new, copy, edit, delete, import, export.
    Library(LibraryCommand),
    /// Open a dialog or panel over the current screen.
    Open(Opening),
    /// An answer to the open dialog.
    Modal(ModalCommand),
    /// Settings changes.
    Settings(SettingsCommand),
    /// The notices line.
    Notices(NoticeCommand),
    /// On the History screen.
    History(history::HistoryCommand),
    /// In "Make me a session".
    Maker(session_maker::MakerCommand),
    /// The programme over weeks (the Today card).
    Programme(programme::ProgrammeCommand),
}

/// Commands of the home screen.
#[derive(Clone, Debug, PartialEq)]
pub enum HomeCommand {
    /// Show this routine's details.
    Select(String),
    /// Use these length choices for the selected routine.
    SetLength(LengthChoice),
    /// Start the selected routine, or the session made when "Make me a session" shows (after
    /// the before-start screen, if one is due).
    Start,
}

/// Commands of the before-start screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BeforeStartCommand {
    /// Start now (and remember the red flags were read).
    Confirm,
    /// Go back to the home screen.
    Back,
}

/// Commands of the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerCommand {
    /// Pause or resume.
    TogglePause,
    /// Restart the step, or go to the previous one.
    Back,
    /// Go to the next step.
    Skip,
    /// Ask whether to stop the routine (pauses it meanwhile).
    AskStop,
}

/// Commands of the finished screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinishedCommand {
    /// Run the same routine again.
    Again,
    /// Go to the home screen.
    Home,
}

/// Commands about the person's own routines.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryCommand {
    /// Start a new, empty routine in the editor.
    New,
    /// Copy the selected built-in routine into an editable one.
    MakeItMine,
    /// Edit the selected routine of the person's own.
    Edit,
    /// Delete the selected routine of the person's own (can be undone).
    Delete,
    /// Bring back the routine just deleted.
    UndoDelete,
    /// Choose a routine file to import.
    PickImport,
    /// Import this file.
    ImportFile(std::path::PathBuf),
    /// Choose where to export the selected routine.
    PickExport,
}

/// A dialog or panel to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// The keyboard shortcuts overlay.
    Keys,
    /// The settings dialog.
    Settings,
    /// The red flags (pauses a running routine).
    RedFlags,
    /// Every notice, with its details.
    Notices,
    /// The Learn side panel (opens or closes it; it is not a dialog).
    ToggleLearn,
    /// The History screen (from it: back to the home screen).
    History,
}

/// An answer to the dialog that is open.
#[derive(Clone, Debug, PartialEq)]
pub enum ModalCommand {
    /// Close it without doing anything (Esc, "Cancel", "Keep going", "Keep editing").
    Close,
    /// Its default action (Enter, or the highlighted button).
    Confirm,
    /// How to finish an import that clashes with a routine already there.
    ResolveImport(ImportChoice),
    /// Leave the editor and lose the changes.
    DiscardEdits,
    /// The path typed in the file chooser.
    EditPath(String),
    /// The answer to "How is your back right now?".
    AnswerPain(history::PainCommand),
    /// The note typed with the pain question.
    EditNote(String),
}

/// Settings changes.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsCommand {
    /// Use these settings (saved once the pointer is released).
    Update(Box<Settings>),
    /// Play a cue now, to hear it.
    TestSound(Cue),
    /// Say a sample line now, to hear the voice.
    TestVoice,
    /// Send one reminder now (`unknot remind --test`, as a child process).
    TestReminder,
}

/// The notices line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeCommand {
    /// Hide this notice.
    Dismiss(usize),
    /// Hide every notice.
    DismissAll,
}

/// Something the app tells the person: one plain sentence, and optional technical details
/// (a device error, a file's path) shown only in the full list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What happened and what it means, in plain words.
    pub text: String,
    /// The technical details, for the full list.
    pub details: Option<String>,
}

impl Notice {
    /// A notice with no details.
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            details: None,
        }
    }

    /// A notice with technical details.
    #[must_use]
    pub fn with_details(text: impl Into<String>, details: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            details: Some(details.into()),
        }
    }
}
