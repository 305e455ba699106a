//! "Make me a session" driven as a person would: click a place on the home screen's card, give
//! answers, read the session shown, start it, leave techniques out, save it as one's own; and
//! the panel fits every window size.

mod common;

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use unknot::app::{AppConfig, ScreenKind, UnknotApp};
use unknot::core::builder::{CLOSING_BREATH_SECS, Place};
use unknot::core::routine::{Routine, TechniqueId};
use unknot::playback::clock::ManualClock;
use unknot::playback::cue::RecordingPlayer;
use unknot::store::Store;
use unknot::store::routines::Origin;

/// The app, and how many times the person clicked.
struct Rig {
    harness: Harness<'static, UnknotApp>,
    clicks: u32,
}

/// Launches as someone who has read the red flags and is not asked about pain, at `size` and
/// `scale`.
fn launch_at(dir: &Path, size: egui::Vec2, scale: f32) -> Rig {
    common::seed_settings(dir, false);
    let clock = ManualClock::new();
    let (player, _heard) = RecordingPlayer::new();
    let config = AppConfig::for_tests(Arc::new(clock), Box::new(player), Store::at(dir));
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(scale)
        .build_eframe(move |cc| UnknotApp::new(&cc.egui_ctx, config));
    harness.run();
    Rig { harness, clicks: 0 }
}

fn launch(dir: &Path) -> Rig {
    launch_at(dir, egui::vec2(1024.0, 640.0), 1.0)
}

impl Rig {
    /// Clicks the one control labelled `label` (a button, a check box: not a plain label).
    fn click(&mut self, label: &str) {
        let node = self
            .harness
            .get_all_by_label(label)
            .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
            .unwrap_or_else(|| panic!("a control labelled {label:?} is shown"));
        press(&node, self.harness.ctx.content_rect());
        self.clicks += 1;
        self.harness.run();
    }

    /// Clicks the control whose label starts with `start`.
    fn click_starting(&mut self, start: &str) {
        let node = self
            .harness
            .query_all_by(|n| {
                n.role() == egui::accesskit::Role::Button
                    && n.label().is_some_and(|l| l.starts_with(start))
            })
            .next()
            .unwrap_or_else(|| panic!("a button starting {start:?} is shown"));
        press(&node, self.harness.ctx.content_rect());
        self.clicks += 1;
        self.harness.run();
    }

    fn shows(&self, text: &str) -> bool {
        self.harness.query_by_label(text).is_some()
    }

    fn shows_containing(&self, text: &str) -> bool {
        self.harness
            .query_all_by_label_contains(text)
            .next()
            .is_some()
    }

    /// What the panel shows of the session: its title line and each step's "N. Name" and dose,
    /// as a person reads them.
    fn session_shown(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .harness
            .query_all_by(|n| n.role() == egui::accesskit::Role::Label)
            .filter_map(|n| n.accesskit_node().value())
            .filter(|l| {
                let numbered = l
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
                numbered || l.contains(" s × ") || l.contains("session ") && l.contains(" · ")
            })
            .collect();
        lines.sort();
        lines
    }

    fn made(&self) -> Routine {
        self.harness
            .state()
            .made_session()
            .expect("a session is shown")
            .routine
            .clone()
    }

    fn own_routines(&self) -> Vec<Routine> {
        self.harness
            .state()
            .routines()
            .iter()
            .filter(|l| l.origin == Origin::Custom)
            .map(|l| l.routine.clone())
            .collect()
    }
}

/// Clicks `node` with the pointer when it is in view; else presses it as a screen reader would
/// (it is further down the scrolling panel).
fn press(node: &egui_kittest::Node<'_>, window: egui::Rect) {
    if window.contains_rect(node.rect()) {
        node.click();
    } else {
        node.click_accesskit();
    }
}

#[test]
fn a_person_at_a_desk_starts_a_five_minute_seated_session_in_two_clicks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.click("Chair");
    rig.click_starting("Start session");
    assert_eq!(rig.clicks, 2);
    assert_eq!(rig.harness.state().screen(), ScreenKind::Player);
    let routine = rig.made();
    assert!(
        rig.shows(routine.name()),
        "the player shows {:?}",
        routine.name()
    );
    // Five minutes (within the fitting's tolerance), all of it on the chair or standing by it,
    // ending with a minute of breathing in the chair.
    let secs = unknot::core::plan::total_secs(&routine, unknot::core::plan::Timing::default());
    assert!((285..=315).contains(&secs), "{secs} s");
    for step in routine.steps() {
        assert!(
            Place::Chair.allows(step.position),
            "{} is done {:?}",
            step.name,
            step.position
        );
    }
    let last = routine.steps().last().expect("steps");
    assert_eq!(last.name, "Sit and breathe");
    assert!(last.rep_secs * last.reps >= CLOSING_BREATH_SECS);
}

#[test]
fn pain_today_given_in_the_panel_answers_the_question_before_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Someone who asked to be asked about their back before each routine.
    common::seed_settings(dir.path(), true);
    let mut rig = launch(dir.path());
    rig.click("Chair");
    rig.click_starting("Start session");
    assert!(
        rig.harness.state().dialog_open(),
        "not said in the panel: asked, as before every routine"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    common::seed_settings(dir.path(), true);
    let mut rig = launch(dir.path());
    rig.click("Chair");
    rig.click("3");
    rig.click_starting("Start session");
    assert!(!rig.harness.state().dialog_open(), "answered already");
    assert_eq!(rig.harness.state().screen(), ScreenKind::Player);
    // Stopped at once, the run is in the history with that answer.
    rig.harness.key_press(egui::Key::Escape);
    rig.harness.run();
    rig.click("Stop routine");
    let log = unknot::store::history::HistoryStore::new(&Store::at(dir.path()));
    let sessions = log.load().expect("the history loads").sessions;
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0].pain_before,
        unknot::core::history::PainRating::new(3)
    );
    assert_eq!(sessions[0].routine_name, rig.made().name());
}

#[test]
fn enter_starts_the_session_shown_not_the_routine_behind_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.click("Standing");
    rig.harness.key_press(egui::Key::Enter);
    rig.harness.run();
    // A session with self-massage shows its cautions first (as every routine with it does).
    let massage = rig
        .made()
        .steps()
        .iter()
        .any(|s| s.kind == unknot::core::routine::StepKind::SelfMassage);
    if massage {
        assert_eq!(rig.harness.state().screen(), ScreenKind::BeforeStart);
        rig.click("Start routine");
    }
    assert_eq!(rig.harness.state().screen(), ScreenKind::Player);
    assert!(rig.shows(rig.made().name()));
}

#[test]
fn each_answer_changes_the_session_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch_at(dir.path(), egui::vec2(1920.0, 1080.0), 1.0);
    rig.click("Floor");
    let mut before = rig.session_shown();
    assert!(!before.is_empty(), "a session is shown");
    let mut changed = |rig: &mut Rig, what: &str| {
        let now = rig.session_shown();
        assert_ne!(now, before, "{what} changes the session shown");
        before = now;
    };
    rig.click("10 min");
    changed(&mut rig, "10 minutes");
    assert!(rig.shows_containing("10-minute session on the floor"));
    rig.click("Hamstrings");
    changed(&mut rig, "the hamstrings focus");
    rig.click("Strap or towel");
    changed(&mut rig, "a strap at hand");
    assert!(
        rig.made()
            .steps()
            .iter()
            .any(|s| s.equipment == unknot::core::routine::Equipment::Strap),
        "the strap is used"
    );
    rig.click("7");
    changed(&mut rig, "pain 7");
    assert!(rig.shows_containing("keeps to gentle movement and breathing"));
    rig.click("Standing");
    changed(&mut rig, "standing");
    rig.click("On a chair");
    changed(&mut rig, "a chair");
    let first = rig.made().steps()[0].clone();
    rig.click(&format!("Leave out {}", first.name));
    changed(&mut rig, "leaving a step out");
    assert!(
        rig.made().steps().iter().all(|s| s.name != first.name),
        "{} is left out",
        first.name
    );
    rig.click_starting("Make another");
    assert!(rig.shows_containing("session on a chair"));
}

#[test]
fn techniques_left_out_and_the_answers_are_remembered_across_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let left_out = {
        let mut rig = launch(dir.path());
        rig.click("Standing");
        rig.click("15 min");
        let first = rig.made().steps()[0].clone();
        rig.click(&format!("Leave out {}", first.name));
        first
    };
    let id = left_out.technique_id().expect("a technique");
    let saved = unknot::store::settings::load(&Store::at(dir.path()).settings_path()).settings;
    assert_eq!(saved.builder.leave_out, vec![id]);
    assert_eq!(
        (saved.builder.minutes, saved.builder.place),
        (15, Place::Standing)
    );

    let mut rig = launch(dir.path());
    rig.click("Standing");
    assert!(rig.shows_containing("15-minute session standing"));
    assert!(rig.made().steps().iter().all(|s| s.name != left_out.name));
    // Listed among the left out, and put back from there.
    assert!(rig.shows("Left out"));
    rig.click(&format!("Put back {}", left_out.name));
    assert!(!rig.shows("Left out"));
    let saved = unknot::store::settings::load(&Store::at(dir.path()).settings_path()).settings;
    assert!(saved.builder.leave_out.is_empty());
}

#[test]
fn save_as_mine_lists_the_session_and_never_writes_over_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(dir.path());
    let own = unknot::store::routines::RoutineStore::new(&store);
    // A file that is not a routine sits where the first save would go: it is left alone.
    std::fs::create_dir_all(own.dir()).expect("routines folder");
    let stray = own.path_of("5-minute-session-on-a-chair");
    std::fs::write(&stray, "not a routine").expect("stray file");

    let mut rig = launch(dir.path());
    rig.click("Chair");
    let made = rig.made();
    rig.click("Save as mine");
    assert!(rig.shows("Your routines"));
    assert!(rig.shows_containing("Saved among your routines as"));
    let own_routines = rig.own_routines();
    assert_eq!(own_routines.len(), 1);
    let first = &own_routines[0];
    assert_eq!(first.steps(), made.steps(), "saved as made");
    assert_eq!(std::fs::read(&stray).expect("stray"), b"not a routine");
    let first_file = std::fs::read(own.path_of(first.id())).expect("saved file");

    // The same session saved again is a second routine with its own name and file.
    rig.click_starting("Make another");
    rig.click("Save as mine");
    let own_routines = rig.own_routines();
    assert_eq!(own_routines.len(), 2);
    assert_ne!(own_routines[0].id(), own_routines[1].id());
    assert_ne!(own_routines[0].name(), own_routines[1].name());
    assert_eq!(
        std::fs::read(own.path_of(first.id())).expect("first file"),
        first_file,
        "the first file is unchanged"
    );
    for routine in &own_routines {
        assert!(
            rig.harness
                .query_all_by_label(routine.name())
                .any(|n| n.accesskit_node().role() != egui::accesskit::Role::Label),
            "{} is listed",
            routine.name()
        );
    }
}

#[test]
fn the_panel_fits_small_and_large_windows_at_1x_and_2x() {
    for size in [egui::vec2(1024.0, 640.0), egui::vec2(1920.0, 1080.0)] {
        for scale in [1.0, 2.0] {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut rig = launch_at(dir.path(), size, scale);
            common::assert_fits(&rig.harness, size, &format!("Home with the card, {scale}×"));
            for place in ["Floor", "Chair", "Standing"] {
                rig.click(place);
                let what = format!("Make me a session, {place}, {scale}×");
                common::assert_fits(&rig.harness, size, &what);
                // Start is in view without scrolling.
                let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
                let start = rig
                    .harness
                    .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Start session")))
                    .next()
                    .expect("Start")
                    .rect();
                assert!(window.contains_rect(start), "{what}: Start at {start:?}");
                rig.click("20 min");
                rig.click("10");
                common::assert_fits(&rig.harness, size, &format!("{what}, 20 min, pain 10"));
                rig.click("Close");
            }
        }
    }
}

#[test]
fn a_session_left_out_of_every_technique_still_ends_with_breathing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.click("Chair");
    // Leave out each step shown until only the closing breathing is left.
    for _ in 0..40 {
        let made = rig.made();
        let Some(step) = made.steps().iter().find(|s| {
            s.id != unknot::core::builder::CLOSING_REST_ID
                && !s.id.contains("-round-")
                && s.technique_id().is_some()
        }) else {
            break;
        };
        rig.click(&format!("Leave out {}", step.name));
    }
    let routine = rig.made();
    assert_eq!(
        routine.steps().last().map(|s| s.name.as_str()),
        Some("Sit and breathe")
    );
    let left: Vec<TechniqueId> = rig.harness.state().settings().builder.leave_out.clone();
    assert!(!left.is_empty());
    assert!(rig.shows("Left out"));
}

/// `unknot start session-5-min-chair` (and a reminder's Start) makes today's five-minute
/// session for a chair from the remembered answers and runs it.
#[test]
fn a_session_made_for_a_place_opens_by_its_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = common::rig::Launch::new(dir.path())
        .start(Some(unknot::app::StartRequest {
            routine_id: "session-5-min-chair".to_owned(),
            minutes: None,
        }))
        .run();
    rig.wait(1);
    assert_eq!(rig.screen(), ScreenKind::Player, "the session plays");
    let made = rig
        .harness
        .state()
        .made_session()
        .expect("a session was made")
        .routine
        .clone();
    assert_eq!(made.name(), "5-minute session on a chair");
    assert!(
        made.steps().iter().all(|s| Place::Chair.allows(s.position)),
        "nothing on the floor: {:?}",
        made.steps().iter().map(|s| s.position).collect::<Vec<_>>()
    );
}
