//! The programme in the app: its state from `programme.toml`, today's session worked out from
//! the history (again after each logged run, rating, change to the history, and at midnight),
//! and the Today card's commands.
//!
//! Today's session runs like any routine (the pain questions, the before-start screen when one
//! is due, the log), as written: its doses are the programme's, so it is not fitted to a
//! length. Its routine id ([`crate::core::programme::ProgrammeId::session_routine_id`]) is what
//! the log records, and how the programme counts it.

use crate::core::plan::Plan;
use crate::core::programme::{self, ProgrammeState};
use crate::store::programme as programme_file;
use crate::ui::Notice;
use crate::ui::programme::{ProgrammeCommand, ProgrammeView};

use super::{Screen, UnknotApp};

/// What the app keeps about the programme.
#[derive(Default)]
pub(super) struct ProgrammeHere {
    /// The programme in progress, as `programme.toml` keeps it.
    pub state: Option<ProgrammeState>,
    /// Where the person stands, worked out for the day it says.
    pub today: Option<(jiff::civil::Date, programme::Today)>,
    /// Today's session waiting on the before-start screen.
    pub pending: Option<crate::core::routine::Routine>,
    /// "Leave programme" was pressed and waits for an answer.
    pub asking_leave: bool,
}

impl UnknotApp {
    /// Reads `programme.toml` (a damaged one is kept aside and named in a notice).
    pub(super) fn load_programme(&mut self) {
        let Some(store) = &self.store else { return };
        let loaded = programme_file::load(&store.programme_path());
        if let Some(notice) = loaded.notice {
            self.notify(Notice::plain(notice));
        }
        self.programme.state = loaded.state;
        self.refresh_programme();
    }

    /// Works out today in the programme again from the history on disk.
    pub(super) fn refresh_programme(&mut self) {
        let Some(state) = self.programme.state else {
            self.programme.today = None;
            return;
        };
        let day = self.conductor.local_now().date();
        let records = self
            .history
            .as_ref()
            .and_then(|log| log.load().ok())
            .map(|loaded| loaded.sessions)
            .unwrap_or_default();
        self.programme.today = Some((day, programme::today(state, &records, day)));
    }

    /// Works today out again when the date has changed since it was last worked out.
    pub(super) fn refresh_programme_on_a_new_day(&mut self) {
        if let Some((day, _)) = &self.programme.today
            && *day != self.conductor.local_now().date()
        {
            self.refresh_programme();
        }
    }

    /// What the Today card shows.
    pub(super) fn programme_view(&self) -> ProgrammeView<'_> {
        match (&self.store, self.programme.state, &self.programme.today) {
            (None, _, _) => ProgrammeView::Unavailable,
            (Some(_), Some(state), Some((_, today))) => ProgrammeView::InProgress {
                state,
                today,
                asking_leave: self.programme.asking_leave,
                timing: self.settings.timing(),
            },
            (Some(_), _, _) => ProgrammeView::Choose,
        }
    }

    /// Applies a command of the Today card.
    pub(super) fn apply_programme(&mut self, command: ProgrammeCommand) {
        // `unknot programme` may have changed the file since it was read: act on what is there
        // now, so this change never undoes that one (an unreadable file keeps what was shown).
        if let Some(store) = &self.store
            && let Ok(on_disk) = programme_file::peek(&store.programme_path())
            && on_disk != self.programme.state
        {
            self.programme.state = on_disk;
            self.refresh_programme();
        }
        let state = self.programme.state;
        match (command, state) {
            (ProgrammeCommand::Begin(id), None) => {
                let day = self.conductor.local_now().date();
                self.save_programme(Some(ProgrammeState::new(id, day)));
            }
            (ProgrammeCommand::StartToday, Some(_)) => self.start_programme_session(),
            (ProgrammeCommand::Pause | ProgrammeCommand::Resume, Some(mut state)) => {
                state.paused = command == ProgrammeCommand::Pause;
                self.save_programme(Some(state));
            }
            (ProgrammeCommand::SessionsPerWeek(n), Some(mut state)) => {
                state.sessions_per_week = n;
                self.save_programme(Some(state));
            }
            (ProgrammeCommand::AskLeave, Some(_)) => self.programme.asking_leave = true,
            (ProgrammeCommand::KeepIt, _) => self.programme.asking_leave = false,
            (ProgrammeCommand::Leave, Some(_)) => {
                self.programme.asking_leave = false;
                self.save_programme(None);
            }
            // A command for a state that has changed meanwhile: nothing to do.
            (
                ProgrammeCommand::Begin(_)
                | ProgrammeCommand::StartToday
                | ProgrammeCommand::Pause
                | ProgrammeCommand::Resume
                | ProgrammeCommand::SessionsPerWeek(_)
                | ProgrammeCommand::AskLeave
                | ProgrammeCommand::Leave,
                _,
            ) => {}
        }
    }

    /// Saves the state and works today out again; on failure, says so and keeps what was.
    fn save_programme(&mut self, state: Option<ProgrammeState>) {
        let Some(store) = &self.store else { return };
        match programme_file::save(&store.programme_path(), state.as_ref()) {
            Ok(()) => {
                self.programme.state = state;
                self.refresh_programme();
            }
            Err(error) => self.notify(Notice::with_details(
                "The programme could not be saved.",
                error.to_string(),
            )),
        }
    }

    /// The id of today's session in the programme in progress, worked out for today.
    pub(super) fn programme_session_id_today(&mut self) -> Option<String> {
        self.refresh_programme();
        self.programme
            .today
            .as_ref()
            .map(|(_, today)| today.routine.id().to_owned())
    }

    /// Runs today's session: after the before-start screen when one is due, like any routine.
    fn start_programme_session(&mut self) {
        self.refresh_programme_on_a_new_day();
        let Some((_, today)) = &self.programme.today else {
            return;
        };
        let routine = today.routine.clone();
        if self.needs_before_start(&routine) {
            self.programme.pending = Some(routine);
            self.screen = Screen::BeforeStart { ticked: false };
        } else {
            self.begin(Plan::new(routine, self.settings.timing()));
        }
    }

    /// The before-start screen was confirmed: today's programme session, if it was waiting.
    pub(super) fn start_pending_programme_session(&mut self) -> bool {
        match self.programme.pending.take() {
            Some(routine) => {
                self.begin(Plan::new(routine, self.settings.timing()));
                true
            }
            None => false,
        }
    }
}
