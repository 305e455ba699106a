//! Which screen is showing, each variant owning the state that only it needs.

use std::collections::BTreeSet;

use crate::ui::editor::EditorState;
use crate::ui::finished::Ending;

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
}

/// What the player remembers about the run in progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// Steps the person skipped and has not gone back to.
    pub skipped: BTreeSet<usize>,
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
        }
    }
}
