//! Every screen fits the window, from a small laptop (1024×640) to a large screen (1920×1080),
//! at 1× and 2× scale: nothing sticks out sideways and no two controls overlap, with the
//! longest content (every built-in routine at 5 and 20 minutes, every Learn topic); a large
//! window uses its room.

mod common;

use std::path::Path;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::{ScreenKind, StartRequest, UnknotApp};
use unknot::core::content::PanelId;
use unknot::core::fit::{self, LengthChoice};
use unknot::core::history::{Ending, LocalStart, PainRating, SessionRecord};
use unknot::core::plan::Plan;
use unknot::core::routine::technique::{self, Technique};
use unknot::core::settings::Settings;
use unknot::playback::clock::ManualClock;
use unknot::store::Store;
use unknot::store::builtin;
use unknot::store::history::HistoryStore;

use common::rig::Launch;

const SIZES: [egui::Vec2; 2] = [egui::vec2(1024.0, 640.0), egui::vec2(1920.0, 1080.0)];
const SCALES: [f32; 2] = [1.0, 2.0];

fn launch(dir: &Path, size: egui::Vec2, scale: f32) -> Harness<'static, UnknotApp> {
    Launch::new(dir).size(size).scale(scale).run().harness
}

#[test]
fn home_fits_with_every_built_in_at_5_and_20_minutes() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut harness = launch(dir.path(), size, scale);
            for routine in builtin::builtin() {
                common::click_routine(&mut harness, routine.name());
                for minutes in ["5 min", "20 min"] {
                    harness.get_by_label(minutes).click();
                    harness.run();
                    common::assert_fits(
                        &harness,
                        size,
                        &format!("Home, {} at {minutes}, {scale}×", routine.name()),
                    );
                }
            }
        }
    }
}

#[test]
fn a_large_window_shows_the_steps_beside_the_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = launch(dir.path(), SIZES[1], 1.0);
    let start = harness.get_by_label_contains("Start  (").rect();
    let steps = harness.get_by_label("Steps").rect();
    assert!(
        steps.left() > start.right(),
        "two columns: the steps {steps:?} beside Start {start:?}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = launch(dir.path(), SIZES[0], 1.0);
    let start = harness.get_by_label_contains("Start  (").rect();
    let steps = harness.get_by_label("Steps").rect();
    assert!(steps.top() > start.bottom(), "one column at 1024 px");
}

#[test]
fn every_learn_topic_is_in_view_and_fits() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut harness = launch(dir.path(), size, scale);
            harness.get_by_label("Learn").click();
            harness.run();
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
            for id in PanelId::ALL {
                let topic = harness
                    .query_all_by_label(id.title())
                    .find(|n| {
                        use egui_kittest::kittest::NodeT as _;
                        n.accesskit_node().role() == egui::accesskit::Role::Button
                    })
                    .unwrap_or_else(|| panic!("{} is listed at {size:?}", id.title()));
                assert!(
                    window.contains_rect(topic.rect()),
                    "{} is in view without scrolling at {size:?}: {:?}",
                    id.title(),
                    topic.rect()
                );
                topic.click();
                harness.run();
                common::assert_fits(&harness, size, &format!("Learn, {}, {scale}×", id.title()));
            }
            // Home is still there, whole, when Learn closes.
            harness.get_by_label("Close Learn").click();
            harness.run();
            common::assert_fits(&harness, size, "Home after Learn");
        }
    }
}

/// Launches straight into `routine_id` (red flags read, the pain question on or off).
fn launch_into(
    dir: &Path,
    size: egui::Vec2,
    scale: f32,
    routine_id: &str,
    ask_back_pain: bool,
) -> (Harness<'static, UnknotApp>, ManualClock) {
    let rig = Launch::new(dir)
        .asking_back_pain(ask_back_pain)
        .size(size)
        .scale(scale)
        .start(Some(StartRequest {
            routine_id: routine_id.to_owned(),
            minutes: None,
        }))
        .run();
    let (harness, clock) = (rig.harness, rig.clock);
    (harness, clock)
}

/// Scrolls the node called `label` into view, as a person would, and clicks it.
fn scroll_and_click(harness: &mut Harness<'static, UnknotApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// The technique with the longest name and the one with the longest usual range.
fn longest_techniques() -> [&'static Technique; 2] {
    let all = technique::all();
    let by = |len: fn(&Technique) -> usize| {
        all.iter()
            .max_by_key(|t| len(t))
            .expect("the registry is not empty")
    };
    [
        by(|t| t.name.chars().count()),
        by(|t| t.range_label().chars().count()),
    ]
}

#[test]
fn the_editor_fits_with_the_longest_name_and_dose_note_and_places_the_catalogue_by_room() {
    let [longest_name, longest_range] = longest_techniques();
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut harness = launch(dir.path(), size, scale);
            harness.get_by_label("New routine").click();
            harness.run();
            assert_eq!(harness.state().screen(), ScreenKind::Editor);
            for technique in [longest_name, longest_range] {
                scroll_and_click(&mut harness, &format!("Add {}", technique.name));
            }
            // The second step open, its dose set outside its usual range: the longest note.
            if harness.query_by_label("Close step 2").is_none() {
                scroll_and_click(&mut harness, "Edit step 2");
            }
            let secs = harness
                .query_by_label("Step 2 hold, seconds")
                .or_else(|| harness.query_by_label("Step 2 seconds per movement"))
                .expect("the open step has its seconds field");
            secs.set_value_accesskit(1.0);
            harness.run();
            let note = harness
                .get_by_label_contains("Your dose is outside it")
                .rect();
            assert!(note.width() > 0.0, "the note is drawn");
            let what = format!("Editor, {scale}×");
            common::assert_fits(&harness, size, &what);
            // The Equipment row's own box is clear of the radio buttons above it.
            let equipment = harness.get_by_label("Step 2 equipment").rect();
            for node in harness.query_all_by_role(Role::RadioButton) {
                assert!(
                    !node.rect().intersects(equipment),
                    "{what} at {size:?}: a radio button {:?} over Equipment {equipment:?}",
                    node.rect()
                );
            }
            // The catalogue beside the steps where there is room for both, below otherwise.
            let search = harness.get_by_label("Search the catalogue").rect();
            let name = harness.get_by_label("Routine name").rect();
            if size.x >= 1400.0 {
                assert!(search.left() > name.right(), "{what} at {size:?}: beside");
            } else {
                assert!(search.top() > name.bottom(), "{what} at {size:?}: below");
            }
        }
    }
}

#[test]
fn the_player_fits_every_step_of_every_built_in() {
    for size in SIZES {
        for scale in SCALES {
            for routine in builtin::builtin() {
                let dir = tempfile::tempdir().expect("temp dir");
                let (mut harness, _clock) =
                    launch_into(dir.path(), size, scale, routine.id(), false);
                if harness.state().screen() == ScreenKind::BeforeStart {
                    harness.get_by_label("Start routine").click();
                    harness.run();
                }
                assert_eq!(harness.state().screen(), ScreenKind::Player);
                for step in routine.steps() {
                    let what = format!("Player, {}: {}, {scale}×", routine.name(), step.name);
                    assert!(
                        harness.query_all_by_label(&step.name).count() >= 1,
                        "{what}: the whole name is shown"
                    );
                    common::assert_fits(&harness, size, &what);
                    harness.key_press(Key::ArrowRight);
                    harness.run();
                }
                assert_eq!(harness.state().screen(), ScreenKind::Finished);
                common::assert_fits(&harness, size, &format!("Finished, {scale}×"));
            }
        }
    }
}

/// A year of sessions, most days, with long names, ratings and notes.
fn seed_long_history(dir: &Path) {
    let log = HistoryStore::new(&Store::at(dir));
    let today = ManualClock::WALL_START.date();
    for days_ago in 0..365_i64 {
        if days_ago % 5 == 3 {
            continue;
        }
        let date = today
            .checked_sub(jiff::Span::new().days(days_ago))
            .expect("in range");
        let minutes = 5 + u32::try_from(days_ago % 30).expect("small");
        let record = SessionRecord {
            start: LocalStart {
                at: date.at(7, 45, 0, 0),
                offset: jiff::tz::Offset::UTC,
            },
            routine_id: "ball-glutes-low-back".to_owned(),
            routine_name: "Ball massage: glutes and low back, my physio's longer version"
                .to_owned(),
            planned_seconds: minutes * 60,
            actual_seconds: minutes * 60 - 20,
            ending: if days_ago % 7 == 0 {
                Ending::Stopped
            } else {
                Ending::Finished
            },
            steps_done: Vec::new(),
            steps_skipped: Vec::new(),
            pain_before: PainRating::new(u8::try_from(3 + days_ago % 5).expect("small")),
            pain_after: (days_ago % 3 != 0)
                .then(|| PainRating::new(u8::try_from(2 + days_ago % 4).expect("small")))
                .flatten(),
            note: "Stiff after a long drive; the hamstring stretch helped more than the ball today"
                .to_owned(),
        };
        log.append(&record).expect("seeded");
    }
}

/// Clicks the History button of the top bar.
fn open_history(harness: &mut Harness<'static, UnknotApp>) {
    harness
        .get_by_role_and_label(Role::Button, "History")
        .click();
    harness.run();
    assert_eq!(harness.state().screen(), ScreenKind::History);
}

#[test]
fn history_fits_with_a_long_history() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            seed_long_history(dir.path());
            let mut harness = launch(dir.path(), size, scale);
            open_history(&mut harness);
            common::assert_fits(&harness, size, &format!("History, {scale}×"));
            for label in ["Older", "Delete"] {
                if harness.query_all_by_label(label).next().is_some() {
                    harness
                        .get_all_by_label(label)
                        .next()
                        .expect("there")
                        .scroll_to_me();
                    harness.run();
                    common::assert_fits(&harness, size, &format!("History near {label}, {scale}×"));
                }
            }
        }
    }
}

#[test]
fn settings_shortcuts_red_flags_and_the_stop_question_fit_over_the_player() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let (mut harness, _clock) = launch_into(dir.path(), size, scale, "desk-break", false);
            assert_eq!(harness.state().screen(), ScreenKind::Player);
            for (open, close) in [
                ("Settings", "Close"),
                ("?", "Close"),
                ("Red flags", "Close red flags"),
            ] {
                harness.get_by_label(open).click();
                harness.run();
                assert!(harness.state().dialog_open(), "{open} opened");
                common::assert_fits(&harness, size, &format!("{open} over the player, {scale}×"));
                harness.get_by_label(close).click();
                harness.run();
            }
            harness.key_press(Key::Escape);
            harness.run();
            harness.get_by_label("Stop routine");
            common::assert_fits(&harness, size, &format!("The stop question, {scale}×"));
            harness.get_by_label("Stop routine").click();
            harness.run();
            assert_eq!(harness.state().screen(), ScreenKind::Finished);
            common::assert_fits(&harness, size, &format!("Stopped, {scale}×"));
        }
    }
}

#[test]
fn the_pain_questions_and_the_first_safety_page_fit() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let (mut harness, clock) = launch_into(dir.path(), size, scale, "desk-break", true);
            harness.get_by_label("How is your back right now?");
            common::assert_fits(&harness, size, &format!("Pain before, {scale}×"));
            harness.get_by_label("Skip").click();
            harness.run();
            assert_eq!(harness.state().screen(), ScreenKind::Player);
            let routine = builtin::find("desk-break").expect("built-in");
            let timing = Settings::default().timing();
            let plan = Plan::new(
                fit::fit(&routine, &LengthChoice::default(), timing).run,
                timing,
            );
            common::wait(&mut harness, &clock, u64::from(plan.total_secs()) + 1);
            assert_eq!(harness.state().screen(), ScreenKind::Finished);
            harness.get_by_label("How is your back right now?");
            harness.get_by_label("Note (optional)").focus();
            harness.run();
            harness
                .get_by_label("Note (optional)")
                .type_text("Tight on the left after sitting all afternoon, better by the end");
            harness.run();
            harness.key_press(Key::Escape);
            harness.run();
            harness.get_by_label("Keep the note, no rating");
            common::assert_fits(&harness, size, &format!("Keep your note?, {scale}×"));
            harness.get_by_label("Back to the question").click();
            harness.run();
            common::assert_fits(&harness, size, &format!("Pain after, {scale}×"));

            // A first launch: the red flags before the first routine.
            let dir = tempfile::tempdir().expect("temp dir");
            let harness = Launch::new(dir.path())
                .fresh()
                .size(size)
                .scale(scale)
                .start(Some(StartRequest {
                    routine_id: "ball-glutes-low-back".to_owned(),
                    minutes: None,
                }))
                .run()
                .harness;
            assert_eq!(harness.state().screen(), ScreenKind::BeforeStart);
            harness.get_by_label("I have read this");
            common::assert_fits(&harness, size, &format!("Before you start, {scale}×"));
        }
    }
}

#[test]
fn history_charts_grow_with_the_window() {
    let charts = [
        "Calendar of the last 12 weeks, a cell a day, darker for more minutes",
        "Bar chart of this week's minutes by day",
        "Chart of back pain, 0 to 10, before and after sessions over the last 12 weeks",
    ];
    let rects = SIZES.map(|size| {
        let dir = tempfile::tempdir().expect("temp dir");
        seed_long_history(dir.path());
        let mut harness = launch(dir.path(), size, 1.0);
        open_history(&mut harness);
        charts.map(|name| harness.get_by_role_and_label(Role::Image, name).rect())
    });
    for (name, (small, large)) in charts.iter().zip(rects[0].iter().zip(&rects[1])) {
        assert!(
            large.width() >= small.width() * 1.5 && large.height() > small.height(),
            "{name}: {small:?} at 1024 px, {large:?} at 1920 px"
        );
    }
}

#[test]
fn the_largest_window_fits_home_history_and_the_editor() {
    let size = egui::vec2(2560.0, 1440.0);
    let dir = tempfile::tempdir().expect("temp dir");
    seed_long_history(dir.path());
    let mut harness = launch(dir.path(), size, 1.0);
    common::assert_fits(&harness, size, "Home at 2560×1440");
    open_history(&mut harness);
    common::assert_fits(&harness, size, "History at 2560×1440");
    harness.get_by_label("Back to routines").click();
    harness.run();
    harness.get_by_label("New routine").click();
    harness.run();
    let [longest_name, _] = longest_techniques();
    scroll_and_click(&mut harness, &format!("Add {}", longest_name.name));
    common::assert_fits(&harness, size, "Editor at 2560×1440");
    let search = harness.get_by_label("Search the catalogue").rect();
    let name = harness.get_by_label("Routine name").rect();
    assert!(
        search.left() > name.right(),
        "the catalogue beside the steps"
    );
}
