//! The screens, one panel per file. Panels draw and return [`Command`]s; the app applies them
//! after drawing. Nothing in a panel plays sound or touches files.

pub mod dialogs;
pub mod editor;
pub mod finished;
pub mod history;
pub mod home;
pub mod keys;
pub mod learn;
pub mod player;
pub mod safety;
pub mod settings;
pub mod theme;

use crate::length::LengthChoice;
use crate::plan::Cue;
use crate::store::settings::Settings;

/// Something a person asked for, to be applied by the app after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Show this routine's details on the home screen.
    SelectRoutine(String),
    /// Use these length choices for the selected routine.
    SetLength(LengthChoice),
    /// Start the selected routine (after the before-start screen, if one is due).
    Start,
    /// Start now, from the before-start screen (and remember the red flags were read).
    ConfirmStart,
    /// Pause or resume.
    TogglePause,
    /// Restart the step, or go to the previous one.
    Back,
    /// Go to the next step.
    Skip,
    /// Ask whether to stop the routine.
    AskStop,
    /// Stop the routine and go home.
    ConfirmStop,
    /// Keep going after all.
    CancelStop,
    /// Run the same routine again.
    Again,
    /// Go to the home screen.
    Home,
    /// Open or close the settings window.
    ToggleSettings,
    /// Open or close the keyboard shortcuts overlay.
    ToggleKeys,
    /// Open or close the Learn panel.
    ToggleLearn,
    /// Open or close the red flags window.
    ToggleRedFlags,
    /// Use these settings (saved once the pointer is released).
    UpdateSettings(Box<Settings>),
    /// Play a cue now, to hear it.
    TestSound(Cue),
    /// Hide a notice.
    DismissNotice(usize),
    /// Start a new, empty routine in the editor.
    NewRoutine,
    /// Copy the selected built-in routine into an editable one.
    MakeItMine,
    /// Edit the selected routine of the person's own.
    EditRoutine,
    /// Delete the selected routine of the person's own (can be undone).
    DeleteRoutine,
    /// Bring back the routine just deleted.
    UndoDelete,
    /// Choose a routine file to import.
    PickImport,
    /// Import this file.
    ImportFile(std::path::PathBuf),
    /// Finish an import that clashes with a routine already there.
    ResolveImport(crate::store::routines::ImportChoice),
    /// Close the import window without importing.
    CancelImport,
    /// Choose where to export the selected routine.
    PickExport,
    /// What the editor asked for.
    Editor(editor::EditorAction),
    /// Leave the editor and lose the changes.
    DiscardEdits,
    /// Stay in the editor.
    KeepEditing,
}
