//! The history in the running app, driven as a person would: runs that finish, stop half-way
//! or are cut short by closing the window land in the log with the right figures (on a manual
//! clock); "How is your back right now?" is asked before and after when switched on, never
//! when off, never twice; the History screen shows the runs, and its Delete, Undo, Clear all
//! and Export change the files.

mod common;

use std::path::Path;
use std::time::Duration;

use eframe::App as _;
use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use unknot::app::dialogs::{FileAnswer, FileRequest};
use unknot::app::{ScreenKind, StartRequest};
use unknot::core::fit::{self, LengthChoice};
use unknot::core::history::{Ending, PainRating, SessionRecord, csv};
use unknot::core::plan::Plan;
use unknot::core::settings::Settings;
use unknot::store::Store;
use unknot::store::builtin;
use unknot::store::history::HistoryStore;

use common::rig::{Launch, Rig};

const ROUTINE: &str = "desk-break";
const QUESTION: &str = "How is your back right now?";

/// Launches as someone who has read the red flags, with the pain question on or off, straight
/// into `start` if given.
fn launch(dir: &Path, ask_back_pain: bool, start: bool, size: egui::Vec2) -> Rig {
    Launch::new(dir)
        .asking_back_pain(ask_back_pain)
        .size(size)
        .start(start.then(|| StartRequest {
            routine_id: ROUTINE.to_owned(),
            minutes: None,
        }))
        .run()
}

fn big() -> egui::Vec2 {
    common::rig::ROOMY
}

/// The routine as the app plans it with the default length and pauses.
fn plan() -> Plan {
    let routine = builtin::find(ROUTINE).expect("built-in");
    let timing = Settings::default().timing();
    Plan::new(
        fit::fit(&routine, &LengthChoice::default(), timing).run,
        timing,
    )
}

impl Rig {
    fn log(&self) -> HistoryStore {
        HistoryStore::new(&Store::at(&self.dir))
    }

    fn sessions(&self) -> Vec<SessionRecord> {
        self.log().load().expect("the log loads").sessions
    }

    /// Clicks the History button of the top bar.
    fn open_history(&mut self) {
        self.harness
            .get_by_role_and_label(egui::accesskit::Role::Button, "History")
            .click();
        self.harness.run();
    }
}

fn step_ids(plan: &Plan, pick: impl Fn(usize) -> bool) -> Vec<String> {
    plan.run()
        .steps()
        .iter()
        .enumerate()
        .filter(|(i, _)| pick(*i))
        .map(|(_, s)| s.id.clone())
        .collect()
}

fn ids(steps: &[unknot::core::history::StepRef]) -> Vec<String> {
    steps.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn a_finished_run_is_logged_with_its_figures_and_both_ratings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    let plan = plan();

    // Before the routine starts: the question, and nothing runs yet.
    assert!(rig.shows(QUESTION));
    assert!(rig.shows("Before you start. Tap a number, or Skip; it is optional."));
    assert_eq!(rig.screen(), ScreenKind::Home);
    rig.clock.advance(Duration::from_secs(30));
    rig.harness.get_by_label("Note (optional)").focus();
    rig.harness.run();
    rig.harness
        .get_by_label("Note (optional)")
        .type_text("stiff from the car");
    rig.harness.run();
    rig.click("6");
    assert!(!rig.shows(QUESTION));
    assert_eq!(rig.screen(), ScreenKind::Player);

    rig.wait(u64::from(plan.total_secs()) + 1);
    assert_eq!(rig.screen(), ScreenKind::Finished);
    // Logged the moment it ended, before the question after it is answered.
    let logged = rig.sessions();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].pain_after, None);
    assert!(rig.shows(QUESTION));
    assert!(rig.shows("Now that you have finished. Tap a number, or Skip; it is optional."));
    rig.click("3");
    assert!(!rig.shows(QUESTION));

    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 1);
    let record = &sessions[0];
    // The start is when the routine started on the app's clock (after the 30 s question).
    assert_eq!(record.start.to_string(), "2026-12-01T09:30:30Z");
    assert_eq!(record.routine_id, ROUTINE);
    assert_eq!(record.routine_name, plan.run().name());
    assert_eq!(record.planned_seconds, plan.total_secs());
    assert_eq!(record.actual_seconds, plan.total_secs());
    assert_eq!(record.ending, Ending::Finished);
    assert_eq!(ids(&record.steps_done), step_ids(&plan, |_| true));
    assert!(record.steps_skipped.is_empty());
    let techniques: Vec<Option<String>> = record
        .steps_done
        .iter()
        .map(|s| s.technique.clone())
        .collect();
    let expected: Vec<Option<String>> = plan
        .run()
        .steps()
        .iter()
        .map(|s| s.technique.as_ref().map(|t| t.key().to_owned()))
        .collect();
    assert_eq!(techniques, expected);
    assert_eq!(record.pain_before, PainRating::new(6));
    assert_eq!(record.pain_after, PainRating::new(3));
    assert_eq!(record.note, "stiff from the car");

    // Never twice: more time, and going home, bring no question back.
    rig.wait(5);
    rig.click("Home");
    assert!(!rig.shows(QUESTION));

    // The History screen shows the run.
    rig.open_history();
    assert_eq!(rig.screen(), ScreenKind::History);
    let minutes = (plan.total_secs() + 30) / 60;
    assert!(
        rig.shows(&format!(
            "Last 7 days: 1 session, {minutes} min; back pain 6 before and 3 after on average, \
             over 1 session rated before and after."
        )),
        "the headline"
    );
    assert!(rig.shows("pain 6 before, 3 after, stiff from the car"));
    assert!(rig.shows("Tue 1 Dec 2026, 09:30"));
}

#[test]
fn a_run_stopped_half_way_is_logged_with_the_steps_reached_and_pauses_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    let plan = plan();
    assert!(rig.shows(QUESTION));
    rig.press(Key::Escape);
    assert!(!rig.shows(QUESTION), "Esc skips");
    assert_eq!(rig.screen(), ScreenKind::Player);

    let half = plan.total_secs() / 2;
    rig.wait(u64::from(half));
    rig.press(Key::Escape);
    assert!(rig.shows("Stop this routine?"));
    // Paused while asking: this time does not count.
    rig.wait(20);
    rig.click("Stop routine");
    assert_eq!(rig.screen(), ScreenKind::Finished);
    assert!(rig.shows(QUESTION), "asked after a stopped run too");
    assert!(
        rig.shows("Now that you have stopped. Tap a number, or Skip; it is optional."),
        "a stopped run is asked about as stopped"
    );
    rig.click("Skip");
    assert!(!rig.shows(QUESTION));

    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 1);
    let record = &sessions[0];
    assert_eq!(record.ending, Ending::Stopped);
    assert_eq!(record.actual_seconds, half);
    assert_eq!(record.planned_seconds, plan.total_secs());
    let reached = |i: usize| plan.step_spans()[i].end_secs <= half;
    let done = step_ids(&plan, reached);
    assert!(!done.is_empty() && done.len() < plan.run().steps().len());
    assert_eq!(ids(&record.steps_done), done);
    assert_eq!(ids(&record.steps_skipped), step_ids(&plan, |i| !reached(i)));
    assert_eq!((record.pain_before, record.pain_after), (None, None));
    assert_eq!(record.note, "");
}

#[test]
fn closing_the_window_mid_routine_logs_a_partial_session_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, true, big());
    assert!(!rig.shows(QUESTION), "switched off: not asked");
    assert_eq!(rig.screen(), ScreenKind::Player);
    rig.wait(25);
    // The window is asked to close (the close button), then eframe calls on_exit.
    rig.harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    rig.harness.run_steps(1);
    rig.harness.state_mut().on_exit(None);
    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 1, "logged once: {sessions:?}");
    assert_eq!(sessions[0].ending, Ending::AppClosed);
    assert_eq!(sessions[0].actual_seconds, 25);
    assert!(!sessions[0].steps_skipped.is_empty());

    // The exit path alone (no close request seen) logs it too.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, true, big());
    rig.wait(10);
    rig.harness.state_mut().on_exit(None);
    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].ending, Ending::AppClosed);
    assert_eq!(sessions[0].actual_seconds, 10);
    assert_eq!(ids(&sessions[0].steps_done), Vec::<String>::new());
}

#[test]
fn the_pain_question_can_be_switched_off_in_settings_and_then_is_never_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, false, big());
    rig.click("Settings");
    assert!(
        rig.harness.state().settings().ask_back_pain,
        "on by default"
    );
    rig.click("Ask how my back feels before and after");
    rig.click("Close");
    assert!(!rig.harness.state().settings().ask_back_pain);
    let saved = std::fs::read_to_string(Store::at(dir.path()).settings_path()).expect("saved");
    assert!(saved.contains("ask_back_pain = false"), "{saved}");

    rig.select(plan().run().name());
    rig.press(Key::Enter);
    assert_eq!(rig.screen(), ScreenKind::Player, "started without asking");
    rig.wait(u64::from(plan().total_secs()) + 1);
    assert_eq!(rig.screen(), ScreenKind::Finished);
    assert!(!rig.shows(QUESTION));
    rig.click("Again");
    assert_eq!(rig.screen(), ScreenKind::Player);
    assert!(!rig.shows(QUESTION));
    assert_eq!(rig.sessions().len(), 1);
    assert_eq!(rig.sessions()[0].pain_before, None);
}

/// Two runs in the log, as the app would write them.
fn seed(rig: &mut Rig) {
    rig.harness.run();
    for secs in [40, 60] {
        rig.press(Key::Enter);
        assert_eq!(rig.screen(), ScreenKind::Player);
        rig.wait(secs);
        rig.press(Key::Escape);
        rig.click("Stop routine");
        rig.click("Home");
    }
    assert_eq!(rig.sessions().len(), 2);
}

#[test]
fn a_session_the_history_cannot_take_is_kept_in_the_side_file_and_the_person_is_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = HistoryStore::new(&Store::at(dir.path()));
    std::fs::create_dir_all(log.path().parent().expect("folder")).expect("mkdir");
    let large = std::fs::File::create(log.path()).expect("create");
    large
        .set_len(unknot::store::history::MAX_LOG_BYTES + 1)
        .expect("grow");
    drop(large);
    let mut rig = launch(dir.path(), false, true, big());
    rig.wait(10);
    rig.press(Key::Escape);
    rig.click("Stop routine");
    assert_eq!(rig.screen(), ScreenKind::Finished);
    let side = log.side_path();
    let told = rig
        .harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .find(|text| text.contains("This session was kept in"))
        .expect("the person is told where the session went");
    assert!(
        told.contains("larger than the 32 MiB") && told.contains(&side.display().to_string()),
        "{told}"
    );
    assert!(rig.shows(&told), "shown on the screen");
    assert_eq!(
        std::fs::metadata(log.path()).expect("there").len(),
        unknot::store::history::MAX_LOG_BYTES + 1,
        "the large file is not added to"
    );
    let kept = HistoryStore::at(side).load().expect("the side file reads");
    assert_eq!(kept.sessions.len(), 1);
    assert_eq!(kept.sessions[0].ending, Ending::Stopped);
}

#[test]
fn the_history_screen_fits_and_deletes_undoes_clears_and_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let size = egui::vec2(1024.0, 640.0);
    let mut rig = launch(dir.path(), false, false, size);
    seed(&mut rig);
    rig.open_history();
    assert_eq!(rig.screen(), ScreenKind::History);
    assert!(rig.shows("Last 7 days: 2 sessions, 2 min."));
    // Nothing sticks out of a 1024×640 window sideways, and the top of the screen is in it.
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for node in rig
        .harness
        .query_all_by(|node| node.bounding_box().is_some())
    {
        let rect = node.rect();
        assert!(
            rect.left() >= 0.0 && rect.right() <= size.x,
            "{:?} {:?} sticks out: {rect:?}",
            node.accesskit_node().role(),
            node.accesskit_node()
                .label()
                .or(node.accesskit_node().value())
        );
    }
    for label in [
        "Calendar of the last 12 weeks, a cell a day, darker for more minutes",
        "Bar chart of this week's minutes by day",
    ] {
        let rect = rig
            .harness
            .get_by_role_and_label(egui::accesskit::Role::Image, label)
            .rect();
        assert!(window.contains_rect(rect), "{label}: {rect:?}");
    }

    // Export through the file dialog: a CSV with the documented header, every session.
    let csv_path = dir.path().join("mine.csv");
    rig.dialogs.answer(FileAnswer::Chosen(csv_path.clone()));
    rig.click("Export CSV...");
    assert_eq!(
        rig.dialogs.asked(),
        [FileRequest::ExportCsv {
            file_name: "unknot-history.csv".to_owned()
        }]
    );
    let text = std::fs::read_to_string(&csv_path).expect("exported");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(csv::HEADER));
    assert_eq!(lines.count(), 2);
    assert!(
        rig.harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text == format!("Exported 2 sessions to {}.", csv_path.display()))
    );

    // Delete the newest, then undo: the file changes each time.
    let before = rig.sessions();
    for scrolled in [false, true] {
        let delete = rig
            .harness
            .get_all_by_label("Delete")
            .next()
            .expect("a Delete");
        if scrolled {
            delete.click();
        } else {
            delete.scroll_to_me();
        }
        rig.harness.run();
    }
    assert_eq!(rig.sessions(), before[..1]);
    assert!(rig.shows("Last 7 days: 1 session, 1 min."));
    rig.click("Undo");
    assert_eq!(rig.sessions(), before);

    // Clear all asks first; keeping them changes nothing.
    rig.click("Clear all...");
    assert!(rig.shows("Delete all 2 sessions? This cannot be undone."));
    assert_eq!(rig.sessions().len(), 2);
    rig.click("Keep them");
    assert_eq!(rig.sessions().len(), 2);
    rig.click("Clear all...");
    rig.click("Delete all");
    assert!(rig.sessions().is_empty());
    assert!(rig.shows("No sessions yet. Each routine you run is kept here when it ends."));

    // Back to the routines, by the button on the screen or by History again; during a routine
    // there is no History button.
    rig.click("Back to routines");
    assert_eq!(rig.screen(), ScreenKind::Home);
    rig.open_history();
    assert_eq!(rig.screen(), ScreenKind::History);
    rig.open_history();
    assert_eq!(rig.screen(), ScreenKind::Home);
    rig.press(Key::Enter);
    assert_eq!(rig.screen(), ScreenKind::Player);
    assert!(
        rig.harness
            .query_by_role_and_label(egui::accesskit::Role::Button, "History")
            .is_none()
    );
}

#[test]
fn exporting_through_the_in_app_chooser_refuses_an_existing_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, false, big());
    seed(&mut rig);
    rig.open_history();
    let taken = dir.path().join("taken.csv");
    std::fs::write(&taken, "mine").expect("write");
    rig.dialogs.answer(FileAnswer::InApp);
    rig.click("Export CSV...");
    assert!(rig.shows("Export your history as CSV"));
    let field = rig.harness.get_by_label("File path");
    let typed = field.value().unwrap_or_default();
    assert!(typed.ends_with("unknot-history.csv"), "{typed}");
    // Replace the suggestion by a path in the temporary folder.
    rig.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    rig.harness.run();
    rig.harness
        .get_by_label("File path")
        .type_text(&taken.display().to_string());
    rig.harness.run();
    rig.click("Export");
    assert!(rig.shows(&format!(
        "There is already a file at {}; choose another name.",
        taken.display()
    )));
    assert_eq!(std::fs::read_to_string(&taken).expect("read"), "mine");
    // Without an extension, the file gets .csv.
    let fresh = dir.path().join("fresh.csv");
    rig.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    rig.harness.run();
    rig.harness
        .get_by_label("File path")
        .type_text(&dir.path().join("fresh").display().to_string());
    rig.harness.run();
    rig.click("Export");
    let text = std::fs::read_to_string(&fresh).expect("exported");
    assert!(text.starts_with(csv::HEADER));
}

#[test]
fn a_skipped_step_is_logged_as_skipped_and_the_rest_as_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, true, big());
    let plan = plan();
    rig.wait(2);
    rig.press(Key::ArrowRight);
    rig.wait(u64::from(plan.total_secs()));
    assert_eq!(rig.screen(), ScreenKind::Finished);
    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 1);
    let record = &sessions[0];
    assert_eq!(record.ending, Ending::Finished);
    assert_eq!(ids(&record.steps_skipped), step_ids(&plan, |i| i == 0));
    assert_eq!(ids(&record.steps_done), step_ids(&plan, |i| i > 0));
    assert!(record.actual_seconds < plan.total_secs());
}

#[test]
fn a_damaged_line_in_the_log_is_named_on_the_history_screen_and_the_rest_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, false, big());
    seed(&mut rig);
    let path = rig.log().path().to_owned();
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.insert_str(0, "{\"format_version\":1,\"start\":\"garbled\n");
    std::fs::write(&path, &text).expect("write");
    rig.open_history();
    let notice = rig
        .harness
        .get_by_label_contains("Line 1 of your history (")
        .value()
        .unwrap_or_default();
    assert!(notice.contains("kept in the file"), "{notice}");
    assert!(rig.shows("Last 7 days: 2 sessions, 2 min."));
    // Deleting a session keeps the damaged line as it was.
    for scrolled in [false, true] {
        let delete = rig
            .harness
            .get_all_by_label("Delete")
            .next()
            .expect("a Delete");
        if scrolled {
            delete.click();
        } else {
            delete.scroll_to_me();
        }
        rig.harness.run();
    }
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.starts_with("{\"format_version\":1,\"start\":\"garbled\n"));
    assert_eq!(rig.sessions().len(), 1);
}

impl Rig {
    /// Types `text` into the pain question's note.
    fn type_note(&mut self, text: &str) {
        self.harness.get_by_label("Note (optional)").focus();
        self.harness.run();
        self.harness.get_by_label("Note (optional)").type_text(text);
        self.harness.run();
    }

    /// Runs the routine to its end; the question after it is then open.
    fn finish_run(&mut self) {
        self.wait(u64::from(plan().total_secs()) + 1);
        assert_eq!(self.screen(), ScreenKind::Finished);
        assert!(self.shows(QUESTION));
    }
}

#[test]
fn enter_in_the_note_keeps_it_and_moves_to_the_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    rig.press(Key::Escape); // nothing typed: Esc skips the question before
    assert_eq!(rig.screen(), ScreenKind::Player);
    rig.finish_run();
    rig.type_note("better than this morning");
    rig.press(Key::Enter);
    assert!(
        rig.shows(QUESTION),
        "Enter in the note does not skip the question"
    );
    assert!(rig.shows(
        "Your note is kept: tap a number to save it with your rating · Enter keeps the note without a rating"
    ));
    // The focus is on the numbers now: Space presses the first, 0.
    rig.press(Key::Space);
    assert!(!rig.shows(QUESTION));
    let record = &rig.sessions()[0];
    assert_eq!(record.note, "better than this morning");
    assert_eq!(record.pain_after, PainRating::new(0));

    // Enter twice: the note is kept without a rating.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    rig.press(Key::Escape);
    rig.finish_run();
    rig.type_note("tight hips");
    rig.press(Key::Enter);
    rig.press(Key::Enter);
    assert!(!rig.shows(QUESTION));
    let record = &rig.sessions()[0];
    assert_eq!(
        (record.note.as_str(), record.pain_after),
        ("tight hips", None)
    );
}

#[test]
fn esc_or_skip_with_a_note_typed_asks_before_dropping_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    // Before the run: a note, then Esc asks; Esc again goes back with the note still there.
    rig.type_note("stiff");
    rig.press(Key::Escape);
    assert!(rig.shows("Keep your note?"));
    assert_eq!(rig.screen(), ScreenKind::Home, "nothing started yet");
    rig.press(Key::Escape);
    assert!(rig.shows(QUESTION));
    assert_eq!(
        rig.harness
            .get_by_label("Note (optional)")
            .value()
            .as_deref(),
        Some("stiff")
    );
    // Skip asks too; keeping the note starts the routine with it and no rating.
    rig.click("Skip");
    assert!(rig.shows("Keep your note?"));
    rig.click("Keep the note, no rating");
    assert_eq!(rig.screen(), ScreenKind::Player);
    rig.finish_run();
    rig.click("Skip");
    assert!(
        !rig.shows(QUESTION),
        "nothing typed after: Skip asks nothing"
    );
    let record = &rig.sessions()[0];
    assert_eq!(record.note, "stiff");
    assert_eq!((record.pain_before, record.pain_after), (None, None));

    // Dropping the note on purpose keeps nothing.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, true, big());
    rig.press(Key::Escape);
    rig.finish_run();
    rig.type_note("never mind");
    rig.press(Key::Escape);
    rig.click("Drop the note");
    assert!(!rig.shows(QUESTION));
    assert_eq!(rig.sessions()[0].note, "");
}
