//! Which screen is showing, each variant owning the state that only it needs.

use crate::core::history::{LocalStart, PainQuestions, PainRating};
use crate::store::history::DeletedSession;
use crate::ui::editor::EditorState;
use crate::ui::finished::Ending;
use crate::ui::history::HistoryView;

/// The screen showing, with its own state.
pub enum Screen {
    /// Choose a routine and its length.
    Home,
    /// The red flags (first time) and self-massage cautions before a routine.
    BeforeStart {
        /// The "I have read this" box.
        ticked: bool,
    },
    /// A routine is running (or paused).
    Player(Run),
    /// The routine ended (reached its end, or stopped).
    Finished(Ending),
    /// Making or changing a routine of the person's own.
    Editor(Box<EditorState>),
    /// The session history: figures, charts and the list of sessions.
    History(Box<HistoryScreen>),
}

/// What the History screen shows, and the session it can still bring back.
pub struct HistoryScreen {
    /// The figures and sessions shown (made again after each change to the log).
    pub view: HistoryView,
    /// The session just deleted, for Undo.
    pub deleted: Option<DeletedSession>,
}

/// What the player remembers about the run in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// When it started, local time (for the history).
    pub started: LocalStart,
    /// The answer to "How is your back right now?" before it, if one was given.
    pub pain_before: Option<PainRating>,
    /// The note given with that answer (may be empty).
    pub note: String,
    /// Which pain questions this run has asked already.
    pub questions: PainQuestions,
    /// The run is in the history already (logged when the window began to close).
    pub logged: bool,
}

/// Which screen is showing, without its state (for tests and the key handler).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    /// See [`Screen::Home`].
    Home,
    /// See [`Screen::BeforeStart`].
    BeforeStart,
    /// See [`Screen::Player`].
    Player,
    /// See [`Screen::Finished`].
    Finished,
    /// See [`Screen::Editor`].
    Editor,
    /// See [`Screen::History`].
    History,
}

impl Screen {
    /// Which screen this is.
    #[must_use]
    pub fn kind(&self) -> ScreenKind {
        match self {
            Self::Home => ScreenKind::Home,
            Self::BeforeStart { .. } => ScreenKind::BeforeStart,
            Self::Player(_) => ScreenKind::Player,
            Self::Finished(_) => ScreenKind::Finished,
            Self::Editor(_) => ScreenKind::Editor,
            Self::History(_) => ScreenKind::History,
        }
    }
}
