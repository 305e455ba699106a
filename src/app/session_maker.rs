//! "Make me a session" in the app: whether the panel is open, the session made, and applying
//! the panel's commands. The answers live in the settings (`[builder]`), so they are saved
//! through the usual merge under the settings' lock and offered again next time.
//!
//! Pain today, when given, also answers "How is your back right now?" before the run, so it
//! is not asked twice.
//!
//! A session is made from the answers and a seed: the local date (so it changes from day to
//! day, like `unknot generate`), plus one for each "Make another". Once a session is shown,
//! every change of an answer makes it again at once, so what is shown always matches the
//! answers.

use super::{Screen, UnknotApp};
use crate::core::builder::{self, Session};
use crate::core::plan::Plan;
use crate::ui::Notice;
use crate::ui::session_maker::MakerCommand;

/// The session maker's state.
#[derive(Default)]
pub(super) struct MakerState {
    /// The panel shows in place of the selected routine.
    pub open: bool,
    /// The session made from the answers, if one was made.
    pub made: Option<Session>,
    /// How many times "Make another" was pressed (added to the date's seed).
    pub variation: u64,
    /// The name the shown session was saved under.
    pub saved_as: Option<String>,
    /// Start, or the before-start screen, is for the made session, not the selected routine.
    pub starting: bool,
}

impl UnknotApp {
    /// Applies one of the session maker's commands.
    pub(super) fn apply_maker(&mut self, command: MakerCommand) {
        match command {
            MakerCommand::OpenAt(place) => {
                self.maker.open = true;
                self.maker.variation = 0;
                if self.settings.builder.place != place {
                    self.settings.builder.place = place;
                    self.settings_dirty = true;
                }
                self.make_session();
            }
            MakerCommand::Close => self.close_maker(),
            MakerCommand::Answer(choices) => {
                let choices = choices.sanitised();
                if choices != self.settings.builder {
                    self.settings.builder = choices;
                    self.settings_dirty = true;
                    if self.maker.made.is_some() {
                        self.make_session();
                    }
                }
            }
            MakerCommand::Make => {
                if self.maker.made.is_some() {
                    self.maker.variation = self.maker.variation.wrapping_add(1);
                }
                self.make_session();
            }
            MakerCommand::Start => self.start_made_session(),
            MakerCommand::SaveAsMine => self.save_made_session(),
        }
    }

    /// Closes the panel; the selected routine shows again.
    pub(super) fn close_maker(&mut self) {
        self.maker.open = false;
        self.maker.made = None;
        self.maker.saved_as = None;
    }

    /// Makes a session from the answers, the date and the variation.
    fn make_session(&mut self) {
        let date = self.conductor.local_now().date();
        let seed = builder::seed_for_date(date).wrapping_add(self.maker.variation);
        let request = self.settings.builder.request(seed);
        self.maker.made = Some(builder::build(&request, self.settings.timing()));
        self.maker.saved_as = None;
    }

    /// Makes today's session for `minutes` at `place` from the remembered answers (what is at
    /// hand, the focus, what is left out; pain today is asked afresh) and starts it: what
    /// `unknot start session-5-min-chair` and a reminder's Start open.
    pub(super) fn start_session_made_for(&mut self, minutes: u32, place: builder::Place) {
        let mut choices = self.settings.builder.clone();
        choices.minutes = minutes;
        choices.place = place;
        choices.pain = None;
        let seed = builder::seed_for_date(self.conductor.local_now().date());
        self.maker.made = Some(builder::build(
            &choices.request(seed),
            self.settings.timing(),
        ));
        self.maker.saved_as = None;
        self.start_made_session();
    }

    /// Starts the made session, after the before-start screen when one is due.
    pub(super) fn start_made_session(&mut self) {
        let Some(routine) = self.maker.made.as_ref().map(|s| &s.routine) else {
            return;
        };
        self.maker.starting = true;
        if self.needs_before_start(routine) {
            self.screen = Screen::BeforeStart { ticked: false };
        } else {
            self.begin_made_session();
        }
    }

    /// Runs the made session as it was made (its doses are written in: no fitting again).
    pub(super) fn begin_made_session(&mut self) {
        self.maker.starting = false;
        if let Some(session) = &self.maker.made {
            let plan = Plan::new(session.routine.clone(), self.settings.timing());
            // Pain today, when given in the panel, answers the question before the run.
            let pain_today = self
                .settings
                .builder
                .pain
                .and_then(|p| u8::try_from(p).ok())
                .and_then(crate::core::history::PainRating::new);
            match pain_today {
                Some(rating) if self.history.is_some() && self.settings.ask_back_pain => {
                    self.begin_with_pain_before(plan, rating);
                }
                _ => self.begin(plan),
            }
        }
    }

    /// The routine the before-start screen is about: the programme's session for today when it
    /// is the one starting, else the made session's when that is, else the selected routine.
    pub(super) fn routine_starting(&self) -> Option<&crate::core::routine::Routine> {
        if let Some(pending) = self.programme.pending.as_ref() {
            Some(pending)
        } else if self.maker.starting {
            self.maker.made.as_ref().map(|s| &s.routine)
        } else {
            self.selected_routine()
        }
    }

    /// Saves the made session among the person's routines, never over a file.
    fn save_made_session(&mut self) {
        let Some(routine) = self.maker.made.as_ref().map(|s| s.routine.clone()) else {
            return;
        };
        let Some(own) = self.own.as_ref() else {
            self.notify(Notice::plain(
                "There is no folder for your own routines on this system, so they cannot be kept.",
            ));
            return;
        };
        let (ids, names) = self.taken();
        match own.save_new(&routine, &ids, &names) {
            Ok(saved) => {
                self.reload_routines(Some(saved.id().to_owned()));
                self.maker.saved_as = Some(saved.name().to_owned());
            }
            Err(error) => self.notify(Notice::with_details(
                "The session could not be saved among your routines.",
                error.to_string(),
            )),
        }
    }
}
