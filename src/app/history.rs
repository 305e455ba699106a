//! The app's part of the history: logging each run when it ends, the pain question before and
//! after, and the History screen's commands on the log.
//!
//! A run is appended to the log the moment it ends (finished, stopped, or the window closing
//! while it runs), so a crash afterwards loses nothing; the answer to the question after it is
//! added by replacing that record. The pain question is asked at most once before and once
//! after each run, and only while Settings say so; it never blocks anything (Esc skips).

use super::{Run, Screen, UnknotApp};
use crate::app::dialogs::{FileAnswer, FileRequest};
use crate::core::history::{
    Ending, LocalStart, PainMoment, PainQuestions, PainRating, SessionInput, SessionRecord, StepRef,
};
use crate::core::plan::Plan;
use crate::core::session::Session;
use crate::store::history::{HistoryStore, export_csv};
use crate::ui::Notice;
use crate::ui::dialogs::{FilePurpose, Modal, PainAsk, PainWaiting};
use crate::ui::history::{HistoryCommand, HistoryView, PainCommand};

/// The file name offered for a CSV export.
pub(super) const CSV_FILE_NAME: &str = "unknot-history.csv";

/// What the log holds for a run of `session` as it stands at `now`.
///
/// Done: the steps played to their end. Skipped: every other step (passed over with Skip, cut
/// short by Stop or the window closing, or never reached). Each by its id and technique.
fn run_input(session: &Session, now: std::time::Instant, run: &Run, closing: bool) -> SessionInput {
    let plan = session.plan();
    let summary = session.summary(now);
    let completed = session.steps_completed();
    let (mut done, mut skipped) = (Vec::new(), Vec::new());
    for (index, step) in plan.run().steps().iter().enumerate() {
        let step_ref = StepRef::new(
            &step.id,
            step.technique
                .as_ref()
                .map(crate::core::routine::TechniqueRef::key),
        );
        if completed.get(index) == Some(&true) {
            done.push(step_ref);
        } else {
            skipped.push(step_ref);
        }
    }
    let ending = if summary.finished {
        Ending::Finished
    } else if closing {
        Ending::AppClosed
    } else {
        Ending::Stopped
    };
    SessionInput {
        started: run.started,
        routine_id: plan.run().id().to_owned(),
        routine_name: plan.run().name().to_owned(),
        planned_secs: plan.total_secs(),
        actual_secs: summary.time_spent.as_secs_f64().round() as u32,
        done,
        skipped,
        ending,
        pain_before: run.pain_before,
        note: run.note.clone(),
    }
}

impl UnknotApp {
    /// Starts `plan`, asking "How is your back right now?" first if this run should.
    pub(super) fn begin(&mut self, plan: Plan) {
        let mut questions = PainQuestions::default();
        if self.history.is_some()
            && self.modal.is_none()
            && questions.ask(PainMoment::Before, self.settings.ask_back_pain)
        {
            self.modal = Some(Modal::Pain(PainAsk::new(PainWaiting::Start {
                plan: Box::new(plan),
                questions,
            })));
            return;
        }
        self.start_run(plan, questions, None, String::new());
    }

    /// Starts `plan` with "How is your back right now?" already answered (the pain today given
    /// in "Make me a session"), so it is not asked again before the run.
    pub(super) fn begin_with_pain_before(&mut self, plan: Plan, pain_before: PainRating) {
        let mut questions = PainQuestions::default();
        // Marks the question before the run as asked: it was, in the panel.
        let _ = questions.ask(PainMoment::Before, true);
        self.start_run(plan, questions, Some(pain_before), String::new());
    }

    /// Starts the routine now, noting when (on the app's clock) for the history.
    fn start_run(
        &mut self,
        plan: Plan,
        questions: PainQuestions,
        pain_before: Option<PainRating>,
        note: String,
    ) {
        if self.bench.active() {
            self.started_plan = Some(crate::app::bench::StartedPlan {
                at: self.conductor.now(),
                plan: plan.clone(),
            });
        }
        let started = LocalStart::from_zoned(&self.conductor.local_now());
        self.conductor.start(plan.clone());
        self.last_plan = Some(plan);
        self.screen = Screen::Player(Run {
            started,
            pain_before,
            note,
            questions,
            logged: false,
        });
    }

    /// Appends the running routine to the log as it stands (once per run); `closing` says the
    /// window is closing. Returns the record, if it was written. A failure becomes a notice.
    pub(super) fn log_run(&mut self, closing: bool) -> Option<SessionRecord> {
        let Screen::Player(run) = &mut self.screen else {
            return None;
        };
        if std::mem::replace(&mut run.logged, true) {
            return None;
        }
        let run = run.clone();
        let input = self
            .conductor
            .read(|session, now| session.map(|s| run_input(s, now, &run, closing)))?;
        let record = SessionRecord::from_input(&input);
        let log = self.history.as_ref()?;
        match log.append(&record) {
            Ok(appended) => {
                if let Some(notice) = appended.notice() {
                    self.notify(Notice::plain(notice));
                }
                self.refresh_programme();
                Some(record)
            }
            Err(error) => {
                self.notify(Notice::with_details(
                    "This session could not be added to your history.",
                    error.to_string(),
                ));
                None
            }
        }
    }

    /// After a run was logged (finished or stopped): the pain question, if this run asks it.
    pub(super) fn ask_after(
        &mut self,
        record: Option<SessionRecord>,
        mut questions: PainQuestions,
    ) {
        let Some(record) = record else { return };
        if self.modal.is_none() && questions.ask(PainMoment::After, self.settings.ask_back_pain) {
            self.modal = Some(Modal::Pain(PainAsk::new(PainWaiting::Amend(Box::new(
                record,
            )))));
        }
    }

    /// The answer to the pain question: before, the routine starts with it; after, it is added
    /// to the run's record in the log.
    pub(super) fn answer_pain(&mut self, ask: PainAsk, answer: PainCommand) {
        let (rating, note) = match answer {
            PainCommand::Rated { rating, note, .. } => (Some(rating), note),
            PainCommand::Unrated { note, .. } => (None, note.trim().to_owned()),
            PainCommand::Skip(_) => (None, String::new()),
        };
        match ask.waiting {
            PainWaiting::Start { plan, questions } => {
                self.start_run(*plan, questions, rating, note);
            }
            PainWaiting::Amend(record) => {
                if rating.is_none() && note.is_empty() {
                    return;
                }
                let Some(log) = &self.history else { return };
                if let Err(error) = log.replace(&record, &record.with_after(rating, &note)) {
                    self.notify(Notice::with_details(
                        "How your back felt after this session could not be added to your history.",
                        error.to_string(),
                    ));
                }
                self.refresh_programme();
            }
        }
    }

    /// Opens the History screen (or, from it, goes back to the home screen).
    pub(super) fn toggle_history(&mut self) {
        match self.screen {
            Screen::History(_) => self.screen = Screen::Home,
            Screen::Player(_) => {}
            Screen::Editor(_) if self.editor_dirty() => {
                self.open_modal(Modal::ConfirmDiscard { then_close: false });
            }
            Screen::Home | Screen::BeforeStart { .. } | Screen::Finished(_) | Screen::Editor(_) => {
                self.conductor.clear();
                self.screen = Screen::History(Box::new(super::screen::HistoryScreen {
                    view: HistoryView::new(&[], self.today()),
                    deleted: None,
                }));
                self.reload_history();
            }
        }
    }

    /// Today's local date on the app's clock.
    fn today(&self) -> jiff::civil::Date {
        self.conductor.local_now().date()
    }

    /// Reads the log again into the History screen, keeping what is listed and any Undo.
    fn reload_history(&mut self) {
        self.refresh_programme();
        let today = self.today();
        let loaded = self.history.as_ref().map(HistoryStore::load);
        let Screen::History(screen) = &mut self.screen else {
            return;
        };
        let (mut view, notice) = match loaded {
            None => (
                HistoryView::new(&[], today),
                Some(
                    "No folder for Unknot's files was found on this system, so no history is kept."
                        .to_owned(),
                ),
            ),
            Some(Ok(loaded)) => {
                let notice = self
                    .history
                    .as_ref()
                    .and_then(|log| loaded.notice(log.path()));
                let mut view = HistoryView::new(&loaded.sessions, today);
                view.reminders = crate::core::reminders::week_summary(&loaded.reminders, today);
                (view, notice)
            }
            Some(Err(error)) => (
                HistoryView::new(&[], today),
                Some(format!("Your history could not be read: {error}.")),
            ),
        };
        view.notice = notice;
        view.listed = screen.view.listed;
        view.deleted = screen.deleted.as_ref().map(|d| d.record.clone());
        screen.view = view;
    }

    /// Applies a command of the History screen.
    pub(super) fn apply_history(&mut self, command: HistoryCommand) {
        let Screen::History(screen) = &mut self.screen else {
            return;
        };
        let Some(command) = screen.view.apply_view_command(command) else {
            return;
        };
        let Some(log) = self.history.clone() else {
            return;
        };
        let problem = match command {
            HistoryCommand::Delete(record) => match log.delete(&record) {
                Ok(deleted) => {
                    screen.deleted = Some(deleted);
                    None
                }
                Err(error) => Some(("This session could not be deleted.", error.to_string())),
            },
            HistoryCommand::UndoDelete => match screen.deleted.take() {
                Some(deleted) => log
                    .undo_delete(&deleted)
                    .err()
                    .map(|e| ("The session could not be brought back.", e.to_string())),
                None => None,
            },
            HistoryCommand::ConfirmClearAll => {
                screen.deleted = None;
                log.clear_all()
                    .err()
                    .map(|e| ("Your history could not be cleared.", e.to_string()))
            }
            HistoryCommand::ExportCsv => {
                self.pick_history_export();
                None
            }
            HistoryCommand::ShowMore
            | HistoryCommand::AskClearAll
            | HistoryCommand::CancelClearAll
            | HistoryCommand::DismissNotice => None,
        };
        if let Some((text, details)) = problem {
            self.notify(Notice::with_details(text, details));
        }
        self.reload_history();
    }

    /// Asks where to export the history as CSV (the system dialog, or the in-app chooser).
    fn pick_history_export(&mut self) {
        let request = FileRequest::ExportCsv {
            file_name: CSV_FILE_NAME.to_owned(),
        };
        match self.dialogs.pick(&request) {
            // The system's dialog asked before choosing a file that is there.
            FileAnswer::Chosen(path) => {
                if let Err(problem) = self.export_history_to(&path, true) {
                    self.notify(Notice::plain(problem));
                }
            }
            FileAnswer::Cancelled => {}
            FileAnswer::InApp => self.open_chooser(FilePurpose::ExportHistory, None),
            FileAnswer::Failed(why) => self.open_chooser(FilePurpose::ExportHistory, Some(why)),
        }
    }

    /// Writes every session in the log as CSV to `path` and says so; the problem, in plain
    /// words, if it cannot. A file already there is replaced only if `replace` (the person
    /// confirmed it).
    pub(super) fn export_history_to(
        &mut self,
        path: &std::path::Path,
        replace: bool,
    ) -> Result<(), String> {
        let Some(log) = &self.history else {
            return Err("There is no history on this system to export.".to_owned());
        };
        let loaded = log
            .load()
            .map_err(|e| format!("Your history could not be read: {e}"))?;
        export_csv(path, &loaded.sessions, replace)
            .map_err(|e| format!("Your history could not be exported: {e}"))?;
        self.notify(Notice::plain(format!(
            "Exported {} to {}.",
            crate::core::history::figures::count(loaded.sessions.len() as u32, "session"),
            path.display()
        )));
        Ok(())
    }
}
