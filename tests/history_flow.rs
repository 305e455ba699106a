//! The history pieces together, as the app will use them: runs that end are logged to a
//! temporary Unknot folder, the History panel shows their figures, and Delete, Undo and
//! Clear all clicked in the panel change the log (the app's part is played by `apply`).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::date;
use unknot::core::history::{Ending, LocalStart, PainRating, SessionInput, SessionRecord, StepRef};
use unknot::store::Store;
use unknot::store::history::{DeletedSession, HistoryStore};
use unknot::ui::history::{HistoryCommand, HistoryView, history_ui};

const TODAY: jiff::civil::Date = date(2026, 12, 1);

fn steps(ids: &[&str]) -> Vec<StepRef> {
    ids.iter().map(|id| StepRef::new(id, Some(id))).collect()
}

/// A run that ended, as the app fills it in (the clock is passed in as the start).
fn run(
    start: &str,
    actual_secs: u32,
    ending: Ending,
    done: &[&str],
    skipped: &[&str],
) -> SessionInput {
    SessionInput {
        started: LocalStart::parse(start).expect("a start time"),
        routine_id: "desk-break".to_owned(),
        routine_name: "Desk break".to_owned(),
        planned_secs: 600,
        actual_secs,
        done: steps(done),
        skipped: steps(skipped),
        ending,
        pain_before: PainRating::new(6),
        note: String::new(),
    }
}

struct App {
    log: HistoryStore,
    view: HistoryView,
    deleted: Option<DeletedSession>,
}

impl App {
    fn reload(&mut self) {
        let loaded = self.log.load().expect("the log loads");
        let mut view = HistoryView::new(&loaded.sessions, TODAY);
        view.notice = loaded.notice(self.log.path());
        view.deleted = self.deleted.as_ref().map(|d| d.record.clone());
        self.view = view;
    }

    fn apply(&mut self, command: HistoryCommand) {
        match self.view.apply_view_command(command) {
            Some(HistoryCommand::Delete(record)) => {
                self.deleted = Some(self.log.delete(&record).expect("delete"));
                self.reload();
            }
            Some(HistoryCommand::UndoDelete) => {
                if let Some(deleted) = self.deleted.take() {
                    self.log.undo_delete(&deleted).expect("undo");
                }
                self.reload();
            }
            Some(HistoryCommand::ConfirmClearAll) => {
                self.log.clear_all().expect("clear");
                self.deleted = None;
                self.reload();
            }
            _ => {}
        }
    }
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1024.0, 2000.0))
        .build_ui_state(
            |ui, app: &mut App| {
                if let Some(command) = history_ui(ui, &app.view) {
                    app.apply(command);
                }
            },
            app,
        )
}

#[test]
fn a_finished_and_a_half_stopped_run_are_logged_and_shown_with_the_right_figures() {
    let home = tempfile::tempdir().expect("temp dir");
    let log = HistoryStore::new(&Store::at(home.path()));
    let finished = SessionRecord::from_input(&run(
        "2026-11-30T07:30:00+01:00",
        600,
        Ending::Finished,
        &["tilt", "cat-cow", "figure-4"],
        &[],
    ))
    .with_after(PainRating::new(4), "looser");
    let stopped = SessionRecord::from_input(&run(
        "2026-12-01T18:05:00+01:00",
        300,
        Ending::Stopped,
        &["tilt"],
        &["cat-cow", "figure-4"],
    ));
    log.append(&finished).expect("append");
    log.append(&stopped).expect("append");

    let loaded = log.load().expect("load");
    assert_eq!(loaded.sessions, [finished.clone(), stopped.clone()]);
    let mut app = App {
        log,
        view: HistoryView::new(&[], TODAY),
        deleted: None,
    };
    app.reload();
    let figures = &app.view.figures;
    assert_eq!(figures.last_7_days.sessions, 2);
    assert_eq!(figures.last_7_days.secs, 900);
    assert_eq!(
        (figures.all_time.finished, figures.all_time.stopped),
        (1, 1)
    );
    assert_eq!(figures.streaks.current, 2);
    assert_eq!(stopped.steps_skipped.len(), 2);

    let mut h = harness(app);
    h.run();
    h.get_by_label(
        "Last 7 days: 2 sessions, 15 min; back pain 6 before and 4 after on average, over 1 \
         session rated before and after.",
    );
    h.get_by_label("This week: 15 min in 2 sessions. Mon 10 min, Tue 5 min.");
    h.get_by_label("5:00 of 10:00, stopped part-way");
    h.get_by_label("10:00 of 10:00, finished");
    h.get_by_label("pain 6 before, 4 after, looser");

    // Delete the newest (the stopped run), then undo.
    h.get_all_by_label("Delete")
        .next()
        .expect("a Delete")
        .click();
    h.run();
    assert_eq!(
        h.state().log.load().expect("load").sessions,
        std::slice::from_ref(&finished)
    );
    h.get_by_label("Deleted the session of Tue 1 Dec, Desk break.");
    h.get_by_label(
        "Last 7 days: 1 session, 10 min; back pain 6 before and 4 after on average, over 1 \
         session rated before and after.",
    );
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(
        h.state().log.load().expect("load").sessions,
        [finished, stopped]
    );
    assert!(h.query_by_label("Undo").is_none());

    // Clear all asks first.
    h.get_by_label("Clear all...").click();
    h.run();
    h.get_by_label("Keep them").click();
    h.run();
    assert_eq!(h.state().log.load().expect("load").sessions.len(), 2);
    h.get_by_label("Clear all...").click();
    h.run();
    h.get_by_label("Delete all").click();
    h.run();
    assert!(h.state().log.load().expect("load").sessions.is_empty());
    h.get_by_label("No sessions yet. Each routine you run is kept here when it ends.");
}

#[test]
fn a_damaged_line_shows_a_notice_naming_it_and_the_rest_is_shown() {
    let home = tempfile::tempdir().expect("temp dir");
    let log = HistoryStore::new(&Store::at(home.path()));
    let record = SessionRecord::from_input(&run(
        "2026-12-01T08:00:00Z",
        420,
        Ending::Finished,
        &["tilt"],
        &[],
    ));
    log.append(&record).expect("append");
    let path = log.path().to_owned();
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.insert_str(0, "not a session\n");
    std::fs::write(&path, text).expect("write");
    let mut app = App {
        log,
        view: HistoryView::new(&[], TODAY),
        deleted: None,
    };
    app.reload();
    let mut h = harness(app);
    h.run();
    let notice = h
        .get_by_label_contains("Line 1 of your history (")
        .value()
        .unwrap_or_default();
    assert!(
        notice.contains("It was skipped and kept in the file"),
        "{notice}"
    );
    h.get_by_label(
        "Last 7 days: 1 session, 7 min; back pain rated in 1 session, none both before and \
         after, so before and after are not compared.",
    );
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(
        h.query_by_label_contains("Line 1 of your history")
            .is_none()
    );
}
