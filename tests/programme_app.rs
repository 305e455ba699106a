//! The programme in the running app, driven as a person would (on a manual clock that starts on
//! Tuesday 1 December 2026): starting a programme from the Home card, the Today card's line,
//! starting today's session (run to its end and logged so the programme counts it), the reason
//! shown after a red session, the see-someone notice opening the red flags, sessions a week,
//! pause and leave kept in `programme.toml`, and the card fitting small and large windows.

mod common;

use std::path::Path;

use egui_kittest::kittest::Queryable as _;
use unknot::app::ScreenKind;
use unknot::core::history::{Ending, LocalStart, PainRating, SessionRecord};
use unknot::core::programme::{self, ProgrammeId, ProgrammeState};
use unknot::playback::clock::ManualClock;
use unknot::store::Store;
use unknot::store::history::HistoryStore;
use unknot::ui::programme::{PROGRAMMES, RED_FLAGS, START_TODAY};

const QUESTION: &str = "How is your back right now?";

use common::rig::{Launch, Rig};

fn launch(dir: &Path, ask_back_pain: bool, size: egui::Vec2) -> Rig {
    Launch::new(dir)
        .asking_back_pain(ask_back_pain)
        .size(size)
        .run()
}

fn big() -> egui::Vec2 {
    common::rig::ROOMY
}

/// What only the programme's tests ask of the app and its files.
impl Rig {
    fn sessions(&self) -> Vec<SessionRecord> {
        HistoryStore::new(&Store::at(&self.dir))
            .load()
            .expect("the log loads")
            .sessions
    }

    fn state(&self) -> Option<ProgrammeState> {
        unknot::store::programme::peek(&Store::at(&self.dir).programme_path()).expect("reads")
    }

    /// What the engine says today (the clock's date) from the log on disk.
    fn today(&self) -> programme::Today {
        let state = self.state().expect("a programme");
        programme::today(state, &self.sessions(), self.clock.local_now_date())
    }
}

trait LocalDate {
    fn local_now_date(&self) -> jiff::civil::Date;
}

impl LocalDate for ManualClock {
    fn local_now_date(&self) -> jiff::civil::Date {
        use unknot::playback::clock::Clock as _;
        self.local_now().date()
    }
}

#[test]
fn a_programme_starts_from_home_and_todays_session_runs_and_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, big());
    assert!(!rig.shows("Start Back basics"), "folded away at first");
    rig.click(PROGRAMMES);
    rig.click("Start Back basics");
    assert_eq!(
        rig.state(),
        Some(ProgrammeState::new(
            ProgrammeId::BackBasics,
            jiff::civil::date(2026, 12, 1)
        ))
    );
    let today = rig.today();
    assert_eq!(today.week, 1);
    let line = today.headline();
    assert!(
        line.starts_with("Week 1 of 8 · session 1 of 3 this week · "),
        "{line}"
    );
    assert!(rig.shows(&line), "the card says {line}");
    assert!(rig.shows(&today.reason));

    // Start today's session: it runs as written, to its end, and is logged under its id.
    rig.click(START_TODAY);
    assert_eq!(rig.screen(), ScreenKind::Player);
    assert!(rig.shows("Back basics, week 1"));
    let plan = unknot::core::plan::Plan::new(
        today.routine.clone(),
        unknot::core::settings::Settings::default().timing(),
    );
    common::wait(
        &mut rig.harness,
        &rig.clock,
        u64::from(plan.total_secs()) + 1,
    );
    assert_eq!(rig.screen(), ScreenKind::Finished);
    let logged = rig.sessions();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].routine_id, "programme-back-basics-w1");
    assert_eq!(logged[0].ending, Ending::Finished);

    // Home again: the card counts it.
    rig.click("Home");
    let after = rig.today();
    assert_eq!(after.done_this_week, 1);
    assert!(
        rig.shows(&after.headline()),
        "the card says {}",
        after.headline()
    );
    assert!(after.headline().contains("session 2 of 3 this week"));
}

#[test]
fn after_a_red_session_the_card_says_why_the_doses_are_lighter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), true, big());
    rig.click(PROGRAMMES);
    rig.click("Start Back basics");
    let week_one = rig.today().routine;
    rig.click(START_TODAY);
    assert!(rig.shows(QUESTION));
    rig.click("2");
    assert_eq!(rig.screen(), ScreenKind::Player);
    let plan = unknot::core::plan::Plan::new(
        week_one.clone(),
        unknot::core::settings::Settings::default().timing(),
    );
    common::wait(
        &mut rig.harness,
        &rig.clock,
        u64::from(plan.total_secs()) + 1,
    );
    assert!(rig.shows(QUESTION));
    rig.click("7");
    assert_eq!(rig.sessions()[0].pain_after, PainRating::new(7));
    rig.click("Home");
    let reason = "Your back was at 7 after Tuesday's session, so the rest of this week keeps \
                  this week's doses, a third lighter.";
    assert!(rig.shows(reason), "the reason is on the card");
    let lighter = rig.today().routine;
    assert_eq!(lighter.id(), "programme-back-basics-w1-lighter");
    // Every step is the same or lighter, and some are lighter.
    let volume = |s: &unknot::core::routine::Step| s.reps * s.rep_secs;
    let pairs: Vec<_> = lighter.steps().iter().zip(week_one.steps()).collect();
    assert!(pairs.iter().all(|(l, w)| volume(l) <= volume(w)));
    assert!(pairs.iter().any(|(l, w)| volume(l) < volume(w)));
}

#[test]
fn the_see_someone_notice_opens_the_red_flags() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = jiff::civil::date(2026, 11, 10);
    let path = Store::at(dir.path()).programme_path();
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    unknot::store::programme::save(
        &path,
        Some(&ProgrammeState::new(ProgrammeId::BackBasics, start)),
    )
    .expect("saved");
    // Three weeks at 5 before every session: no better after two weeks.
    let log = HistoryStore::new(&Store::at(dir.path()));
    for offset in [0, 2, 4, 7, 9, 11, 14, 16, 18] {
        let day = start
            .checked_add(jiff::Span::new().days(offset))
            .expect("day");
        log.append(&SessionRecord {
            start: LocalStart::utc(day.at(8, 0, 0, 0)),
            routine_id: "programme-back-basics-w1".to_owned(),
            routine_name: "Back basics, week 1".to_owned(),
            planned_seconds: 400,
            actual_seconds: 400,
            ending: Ending::Finished,
            steps_done: Vec::new(),
            steps_skipped: Vec::new(),
            pain_before: PainRating::new(5),
            pain_after: PainRating::new(3),
            note: String::new(),
        })
        .expect("logged");
    }
    let mut rig = launch(dir.path(), false, big());
    let today = rig.today();
    let notice = today.see_someone.clone().expect("a notice");
    assert!(rig.shows(&notice));

    // The History screen lists the programme's weeks, with the same in a sentence.
    rig.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "History")
        .click();
    rig.harness.run();
    assert_eq!(rig.screen(), ScreenKind::History);
    assert!(rig.shows(&today.weeks_sentence()));
    assert_eq!(rig.harness.query_all_by_label("3 of 3").count(), 3);
    assert!(rig.shows("4 (from 2026-12-01), this week"));
    rig.click("Back to routines");
    rig.click(RED_FLAGS);
    assert!(rig.harness.state().dialog_open());
    assert!(rig.shows(unknot::core::content::RED_FLAGS_EMERGENCY_HEADING));
}

#[test]
fn sessions_a_week_pause_and_leave_are_kept_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, big());
    rig.click(PROGRAMMES);
    rig.click("Start Desk back care");
    assert_eq!(rig.state().map(|s| s.sessions_per_week), Some(5));
    rig.click("3");
    assert_eq!(rig.state().map(|s| s.sessions_per_week), Some(3));
    assert!(rig.shows(&rig.today().headline()));
    rig.click("Pause");
    assert_eq!(rig.state().map(|s| s.paused), Some(true));
    assert!(!rig.shows(START_TODAY));
    rig.click("Resume programme");
    assert_eq!(rig.state().map(|s| s.paused), Some(false));
    rig.click("Leave programme");
    rig.click("Keep it");
    assert!(rig.state().is_some());
    rig.click("Leave programme");
    rig.click("Leave");
    assert_eq!(rig.state(), None);
    assert!(rig.shows(PROGRAMMES));
}

/// `unknot programme` and the app change the same file: a click in the app acts on what the
/// command line saved meanwhile and never undoes it.
#[test]
fn a_change_made_from_the_command_line_meanwhile_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), false, big());
    rig.click(PROGRAMMES);
    rig.click("Start Desk back care");
    assert_eq!(rig.state().map(|s| s.sessions_per_week), Some(5));
    // Meanwhile, from a terminal: three sessions a week.
    let path = Store::at(dir.path()).programme_path();
    let mut changed = rig.state().expect("a programme");
    changed.sessions_per_week = 3;
    unknot::store::programme::save(&path, Some(&changed)).expect("saved");
    rig.click("Pause");
    let kept = rig.state().expect("a programme");
    assert!(kept.paused, "the pause is saved");
    assert_eq!(
        kept.sessions_per_week, 3,
        "and the command line's change is kept"
    );
}

#[test]
fn the_card_fits_small_and_large_windows() {
    for size in [egui::vec2(1024.0, 640.0), egui::vec2(1920.0, 1080.0)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut rig = launch(dir.path(), false, size);
        rig.click(PROGRAMMES);
        common::assert_fits(&rig.harness, size, "Home with the programmes");
        rig.click("Start Back basics");
        common::assert_fits(&rig.harness, size, "Home with the Today card");
    }
}

/// A reminder's Start opens today's programme session by its id, as `unknot start ID` does.
#[test]
fn todays_programme_session_opens_by_its_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new();
    let day = clock.local_now_date();
    let state = ProgrammeState::new(ProgrammeId::DeskBackCare, day);
    let path = Store::at(dir.path()).programme_path();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
    unknot::store::programme::save(&path, Some(&state)).expect("saved");
    let today = programme::today(state, &[], day).routine;
    let mut rig = Launch::new(dir.path())
        .start(Some(unknot::app::StartRequest {
            routine_id: today.id().to_owned(),
            minutes: None,
        }))
        .run();
    rig.wait(1);
    assert_eq!(rig.screen(), ScreenKind::Player, "today's session plays");
    assert!(rig.shows(&today.steps()[0].name), "its first step is shown");
}
