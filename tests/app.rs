//! The desktop app driven as a person would: find things by their labels, click, press keys,
//! and move a manual clock; assert on what is shown and what the recording player heard.

mod common;

use std::path::Path;
use std::sync::Arc;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use unknot::app::{AppConfig, ScreenKind as Screen, StartRequest, UnknotApp};
use unknot::core::fit::{self, LengthChoice};
use unknot::core::plan::{Cue, Plan, clock};
use unknot::core::settings::Settings;
use unknot::playback::clock::{Clock as _, ManualClock};
use unknot::store::Store;
use unknot::store::builtin;

use common::rig::{Launch, Rig};

/// Launches as someone who has already read the red flags (unless a settings file exists).
fn launch(dir: &Path, start: Option<StartRequest>) -> Rig {
    // The back-pain question has its own tests (tests/history_app.rs).
    Launch::new(dir).start(start).run()
}

/// Launches exactly as the folder is: a first launch if it is empty.
fn launch_fresh(dir: &Path, start: Option<StartRequest>) -> Rig {
    Launch::new(dir).fresh().start(start).run()
}

const MORNING: &str = "Morning low-back mobility";

#[test]
fn launching_lists_the_routines_by_category() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rig = launch(dir.path(), None);
    for heading in ["Stretch", "Self-massage", "Mixed"] {
        assert!(
            rig.harness.query_all_by_label(heading).count() >= 1,
            "{heading}"
        );
    }
    for routine in builtin::builtin() {
        assert!(
            rig.harness.query_all_by_label(routine.name()).count() >= 1,
            "{} is listed",
            routine.name()
        );
    }
    assert!(
        rig.harness.state().notices().is_empty(),
        "a recording player is a working output"
    );
}

#[test]
fn choose_five_minutes_start_pause_and_hear_left_then_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    let routine = builtin::find("morning-mobility").expect("built-in");
    let written = clock(
        fit::fit(
            &routine,
            &LengthChoice::default(),
            Settings::default().timing(),
        )
        .total_secs,
    );
    assert!(rig.shows(&format!("Start  ({written})")));

    rig.click("5 min");
    let choice = LengthChoice {
        target_minutes: Some(5),
        ..LengthChoice::default()
    };
    let sized = fit::fit(&routine, &choice, Settings::default().timing());
    assert!(
        sized.total_secs.abs_diff(300) <= 6,
        "5 minutes is reachable: {}",
        sized.total_secs
    );
    assert!(
        rig.shows(&format!("Start  ({})", clock(sized.total_secs))),
        "the shown length follows the choice"
    );

    rig.click(&format!("Start  ({})", clock(sized.total_secs)));
    assert_eq!(rig.harness.state().screen(), Screen::Player);
    assert!(rig.shows("GET READY"));
    assert!(rig.shows("0:05"));
    rig.wait(5);
    // The morning routine opens with slow pelvic tilts: moves, counted one by one.
    assert!(rig.shows("MOVE"));
    let tilts = sized.run.steps()[0].reps;
    assert!(rig.shows(&format!("Move 1 of {tilts}")));
    assert_eq!(rig.heard.cues(), [Cue::StepStart]);

    // Space pauses: the screen says so and time stands still.
    rig.harness.key_press(Key::Space);
    rig.harness.run();
    assert!(rig.shows("PAUSED"));
    assert!(rig.shows("Resume"));
    // During moves the big countdown runs over the whole set of tilts.
    let first = &sized.run.steps()[0];
    let shown = clock(first.rep_secs * first.reps);
    assert!(
        rig.shows(&shown),
        "the countdown shows the whole set, {shown}"
    );
    rig.wait(30);
    assert!(rig.shows(&shown), "the countdown did not move while paused");
    assert_eq!(
        rig.heard.cues(),
        [Cue::StepStart],
        "nothing plays while paused"
    );
    rig.harness.key_press(Key::Space);
    rig.harness.run();
    assert!(rig.shows("MOVE"));

    // Run the whole routine: every planned cue, in order, exactly once.
    let plan = Plan::new(sized.run.clone(), Settings::default().timing());
    let mut saw_left = false;
    let mut saw_right_after_left = false;
    for _ in 0..plan.total_secs() {
        rig.wait(1);
        if rig.shows("LEFT SIDE") {
            saw_left = true;
        }
        if saw_left && rig.shows("RIGHT SIDE") {
            saw_right_after_left = true;
        }
    }
    assert!(
        saw_left && saw_right_after_left,
        "LEFT then RIGHT shown on per-side steps"
    );
    let expected: Vec<Cue> = plan.cues().iter().map(|c| c.cue).collect();
    assert_eq!(rig.heard.cues(), expected);
    // A change of sides is always followed by the other side's start.
    for (at, cue) in expected.iter().enumerate() {
        if *cue == Cue::SwitchSides {
            assert_eq!(expected.get(at + 1), Some(&Cue::StepStart));
        }
    }

    assert_eq!(rig.harness.state().screen(), Screen::Finished);
    assert!(rig.shows("Routine complete"));
    // At 5 minutes the optional child's pose is left out: the steps run are the fitted ones.
    let steps = sized.run.steps().len();
    assert!(steps < routine.steps().len());
    assert!(rig.shows(&format!("Done: {steps} of {steps} steps")));
    rig.click("Home");
    assert_eq!(rig.harness.state().screen(), Screen::Home);
}

#[test]
fn keys_back_skip_and_escape_with_confirmation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    rig.harness.key_press(Key::Enter);
    rig.harness.run();
    assert_eq!(rig.harness.state().screen(), Screen::Player);
    assert!(rig.shows("Pelvic tilt"));
    rig.harness.key_press(Key::ArrowRight);
    rig.harness.run();
    assert!(
        rig.shows("Single knee-to-chest"),
        "→ skips to the next step"
    );
    rig.harness.key_press(Key::ArrowLeft);
    rig.harness.run();
    assert!(
        rig.shows("Pelvic tilt"),
        "← within 2 s goes to the previous step"
    );

    rig.harness.key_press(Key::Escape);
    rig.harness.run();
    assert!(rig.shows("Stop this routine?"));
    assert_eq!(
        rig.harness.state().screen(),
        Screen::Player,
        "Esc only asks"
    );
    rig.click("Keep going");
    assert!(!rig.shows("Stop this routine?"));
    rig.harness.key_press(Key::Escape);
    rig.harness.run();
    rig.click("Stop routine");
    assert_eq!(rig.harness.state().screen(), Screen::Finished);
    assert!(rig.shows("Routine stopped"));
    assert!(rig.shows("Stopped after 0 of 6 steps"));
    assert!(
        rig.harness.query_by_label_contains("skipped").is_none(),
        "the step skipped with → was gone back to with ←"
    );
    rig.click("Home");
    assert!(rig.harness.query_all_by_label(MORNING).count() >= 1);
}

#[test]
fn settings_and_lengths_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut rig = launch(dir.path(), None);
        rig.click("Settings");
        rig.click("Mute all sounds");
        // The theme is further down the scrolling settings: pressed as a screen reader would.
        rig.harness.get_by_label("Dark").click_accesskit();
        rig.harness.run();
        rig.click("Close");
        rig.select("Five-minute desk break");
        rig.click("10 min");
    }
    let rig = launch(dir.path(), None);
    let settings = rig.harness.state().settings();
    assert!(settings.muted);
    assert_eq!(settings.theme, unknot::core::settings::ThemeChoice::Dark);
    assert_eq!(
        settings
            .lengths
            .get("desk-break")
            .and_then(|c| c.target_minutes),
        Some(10)
    );
    assert!(rig.shows("Muted"), "the top bar says sound is muted");
}

#[test]
fn a_corrupt_settings_file_is_kept_and_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(dir.path());
    std::fs::create_dir_all(&store.config_dir).expect("mkdir");
    std::fs::write(store.settings_path(), "volume = \"loud\"\n[[[").expect("write");
    let rig = launch(dir.path(), None);
    let notice = rig.notice_containing("Your settings file could not be read");
    assert!(
        rig.harness.query_by_label(&notice).is_some(),
        "the notice is on screen"
    );
    let kept: Vec<_> = std::fs::read_dir(&store.config_dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the bad file is kept, nothing else written yet"
    );
    assert_eq!(
        std::fs::read_to_string(&kept[0]).expect("read"),
        "volume = \"loud\"\n[[["
    );
}

#[test]
fn start_opens_straight_into_the_player_with_the_chosen_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(
        dir.path(),
        Some(StartRequest {
            routine_id: "desk-break".into(),
            minutes: Some(6),
        }),
    );
    assert_eq!(rig.harness.state().screen(), Screen::Player);
    assert!(rig.shows("GET READY"));
    rig.wait(5);
    assert_eq!(rig.heard.cues(), [Cue::StepStart]);
    let _ = rig.clock.now();
}

/// The time left the player shows, in seconds ("5:58 left in the routine" is 358).
fn time_left_shown(rig: &Rig) -> u32 {
    let node = rig
        .harness
        .query_by_label_contains("left in the routine")
        .expect("the player shows the time left");
    let ak = node.accesskit_node();
    let label = ak.label().or_else(|| ak.value()).unwrap_or_default();
    let clock = label.split_whitespace().next().unwrap_or_default();
    let (minutes, secs) = clock.split_once(':').expect("m:ss");
    minutes.parse::<u32>().expect("minutes") * 60 + secs.parse::<u32>().expect("seconds")
}

#[test]
fn start_with_minutes_fits_that_run_only_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    common::seed_settings(dir.path(), false);
    let settings_path = Store::at(dir.path()).settings_path();
    let on_disk = std::fs::read(&settings_path).expect("seeded settings");
    let mut rig = launch(
        dir.path(),
        Some(StartRequest {
            routine_id: "desk-break".into(),
            minutes: Some(6),
        }),
    );
    rig.wait(1);
    let left = time_left_shown(&rig);
    assert!(
        (5 * 60 + 30..=6 * 60 + 30).contains(&left),
        "the run is fitted to about 6 minutes, not the routine's own 4:44 ({left} s left)"
    );
    rig.click("Stop");
    rig.harness.run();
    assert!(
        rig.harness.state().settings().lengths.is_empty(),
        "no length is remembered for the routine"
    );
    assert_eq!(
        std::fs::read(&settings_path).expect("settings"),
        on_disk,
        "the settings file is as it was"
    );
}

#[test]
fn without_a_sound_device_the_app_runs_silently_and_says_so_once() {
    use unknot::playback::cue::{AudioStatus, SilentPlayer};
    let dir = tempfile::tempdir().expect("temp dir");
    let config = AppConfig::for_tests(
        Arc::new(ManualClock::new()),
        Box::new(SilentPlayer::new(AudioStatus::Unavailable {
            reason: "No sound output device was found.".into(),
        })),
        Store::at(dir.path()),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_eframe(move |cc| UnknotApp::new(&cc.egui_ctx, config));
    harness.run();
    let plain = "No sound output was found, so Unknot will run silently.";
    assert!(
        harness.query_by_label(plain).is_some(),
        "said in plain words"
    );
    assert!(
        harness
            .query_by_label_contains("No sound output device was found.")
            .is_none(),
        "the device's own words only in the details"
    );
    harness.get_by_label("Details").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Details: No sound output device was found.")
            .is_some(),
        "the details are in the full list"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Sound unavailable").is_some());
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.query_by_label(plain).is_none());
    assert!(
        harness.query_by_label("Sound unavailable").is_some(),
        "the top bar still says so"
    );
}

#[test]
fn the_first_routine_waits_until_the_red_flags_are_read_and_that_is_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut rig = launch_fresh(dir.path(), None);
        rig.select(MORNING);
        rig.click("Start  (7:55)");
        assert_eq!(rig.harness.state().screen(), Screen::BeforeStart);
        assert!(rig.shows("Before you start"));
        assert!(
            rig.harness.query_all_by_label_contains("both legs").count() >= 1,
            "emergency signs shown"
        );
        rig.click("Start routine");
        assert_eq!(
            rig.harness.state().screen(),
            Screen::BeforeStart,
            "Start is blocked until read"
        );
        rig.click("I have read this");
        rig.click("Start routine");
        // Then the back-pain question, on by default.
        rig.click("Skip");
        assert_eq!(rig.harness.state().screen(), Screen::Player);
    }
    let mut rig = launch_fresh(dir.path(), None);
    assert!(rig.harness.state().settings().safety_acknowledged);
    rig.select(MORNING);
    rig.click("Start  (7:55)");
    rig.click("Skip");
    assert_eq!(
        rig.harness.state().screen(),
        Screen::Player,
        "asked only once"
    );
}

#[test]
fn self_massage_routines_show_their_cautions_before_every_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select("Ball massage: glutes and low back");
    rig.harness.key_press(Key::Enter);
    rig.harness.run();
    assert_eq!(rig.harness.state().screen(), Screen::BeforeStart);
    assert!(rig.shows("This routine uses self-massage"));
    assert!(
        rig.harness
            .query_all_by_label_contains("Never roll directly on your lower spine")
            .count()
            >= 1
    );
    assert!(
        rig.harness.query_by_label("I have read this").is_none(),
        "red flags already read"
    );
    rig.click("Start routine");
    assert_eq!(rig.harness.state().screen(), Screen::Player);
}

#[test]
fn learn_and_red_flags_open_from_the_player_without_stopping_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    rig.harness.key_press(Key::Enter);
    rig.harness.run();
    rig.click("Learn");
    assert!(
        rig.harness
            .query_all_by_label("How massage may help")
            .count()
            >= 1
    );
    rig.wait(5);
    assert_eq!(
        rig.heard.cues(),
        [Cue::StepStart],
        "the routine kept running"
    );
    assert_eq!(rig.harness.state().screen(), Screen::Player);
    rig.click("Close Learn");
    rig.click("Red flags");
    assert!(rig.harness.query_all_by_label_contains("both legs").count() >= 1);
    rig.click("Close red flags");
    rig.wait(3);
    assert_eq!(rig.harness.state().screen(), Screen::Player);
}

impl Rig {
    /// The text of the notice that mentions `text` in its words or its details; panics if
    /// there is none.
    fn notice_containing(&self, text: &str) -> String {
        self.harness
            .state()
            .notices()
            .iter()
            .find(|n| {
                n.text.contains(text) || n.details.as_deref().is_some_and(|d| d.contains(text))
            })
            .map_or_else(|| panic!("no notice mentions {text:?}"), |n| n.text.clone())
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir).iter().map(|p| p.display().to_string()).collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let path = e.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

#[test]
fn make_a_built_in_mine_change_a_hold_and_find_it_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut rig = launch(dir.path(), None);
        rig.select(MORNING);
        rig.click("Make it mine");
        assert_eq!(rig.harness.state().screen(), Screen::Editor);
        rig.click("Edit step 2");
        rig.harness
            .get_by_label("Step 2 hold, seconds")
            .set_value_accesskit(45.0);
        rig.harness.run();
        rig.click("Save");
        assert_eq!(rig.harness.state().screen(), Screen::Home);
    }
    let rig = launch(dir.path(), None);
    let mine = rig.own_routines();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].name(), "Morning low-back mobility (my copy)");
    assert_eq!(mine[0].steps()[1].rep_secs, 45);
    assert!(rig.harness.query_all_by_label("Your routines").count() >= 1);
}

#[test]
fn the_editor_refuses_an_invalid_routine_and_asks_before_dropping_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.click("New routine");
    assert_eq!(rig.harness.state().screen(), Screen::Editor);
    rig.click("Routine name");
    rig.harness
        .get_by_label("Routine name")
        .type_text("Physio sheet");
    rig.harness.run();
    assert!(rig.shows("Unsaved changes"));
    rig.click("Save");
    assert_eq!(
        rig.harness.state().screen(),
        Screen::Editor,
        "no steps yet: Save does nothing"
    );
    assert!(
        rig.harness
            .query_all_by_label_contains("before saving")
            .count()
            >= 1
    );
    rig.click("Cancel");
    assert!(rig.shows("Leave without saving?"));
    rig.click("Keep editing");
    assert_eq!(rig.harness.state().screen(), Screen::Editor);
    rig.click("Cancel");
    rig.click("Discard changes");
    assert_eq!(rig.harness.state().screen(), Screen::Home);
    assert!(rig.own_routines().is_empty());
    assert!(
        listing(dir.path()).iter().all(|p| !p.contains("routines")),
        "nothing saved"
    );
}

#[test]
fn importing_a_broken_file_shows_every_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let broken = outside.path().join("broken.toml");
    std::fs::write(
        &broken,
        "format_version = 1\nid = \"x\"\nname = \"\"\ncategory = \"yoga\"\n[[steps]]\nname = \"A\"\nkind = \"stretch\"\nposition = \"on-back\"\nhold_seconds = 2\ninstructions = \"Go.\"\n",
    )
    .expect("write");
    let mut rig = launch(dir.path(), None);
    let before = listing(dir.path());
    rig.drop_file(&broken);
    assert!(rig.shows("This file cannot be imported"));
    let problems = rig.harness.query_all_by_label_contains("line ").count();
    assert!(problems >= 1, "the problems are listed with their lines");
    assert!(rig.harness.query_all_by_label_contains("category").count() >= 1);
    rig.click("Close");
    assert_eq!(
        listing(dir.path()),
        before,
        "a rejected file changes nothing"
    );
    assert!(rig.own_routines().is_empty());
}

#[test]
fn an_exported_routine_imports_back_identical_and_a_clash_asks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let original =
        common::builtin_renamed("desk-break", "shared-by-a-friend", "Shared by a friend");
    let file = outside.path().join("friend.toml");
    unknot::store::routines::export(&original, &file, false).expect("export");
    let mut rig = launch(dir.path(), None);
    rig.drop_file(&file);
    assert_eq!(
        rig.own_routines(),
        std::slice::from_ref(&original),
        "imported unchanged"
    );
    rig.drop_file(&file);
    assert!(rig.shows("A routine like this is already here"));
    rig.click("Keep both");
    let mine = rig.own_routines();
    assert_eq!(mine.len(), 2);
    assert!(
        mine.iter().any(|r| r.name() == "Shared by a friend (2)"),
        "{mine:?}"
    );
}

#[test]
fn a_corrupt_routine_file_is_kept_and_reported_while_the_others_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routines = Store::at(dir.path()).data_dir.join("routines");
    std::fs::create_dir_all(&routines).expect("mkdir");
    std::fs::write(routines.join("broken.toml"), "this is [not a routine").expect("write");
    let good = common::builtin_renamed("desk-break", "good-one", "Good one");
    std::fs::write(
        routines.join("good-one.toml"),
        unknot::store::routine_file::to_toml(&good).expect("toml"),
    )
    .expect("write");
    let rig = launch(dir.path(), None);
    let notice = rig.notice_containing("broken.toml");
    assert!(
        rig.harness.query_by_label(&notice).is_some(),
        "shown on screen"
    );
    assert_eq!(rig.own_routines(), [good]);
    assert_eq!(
        std::fs::read_to_string(routines.join("broken.toml")).expect("still there"),
        "this is [not a routine"
    );
}

#[test]
fn deleting_a_routine_can_be_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routines = Store::at(dir.path()).data_dir.join("routines");
    std::fs::create_dir_all(&routines).expect("mkdir");
    let mine = common::builtin_renamed("desk-break", "mine", "Mine to delete");
    std::fs::write(
        routines.join("mine.toml"),
        unknot::store::routine_file::to_toml(&mine).expect("toml"),
    )
    .expect("write");
    let mut rig = launch(dir.path(), None);
    rig.select("Mine to delete");
    rig.click("Delete");
    assert!(rig.own_routines().is_empty());
    assert!(rig.shows("Deleted \"Mine to delete\"."));
    rig.click("Undo");
    assert_eq!(rig.own_routines(), [mine]);
}

/// A routine longer than the length control's top (120 min) is shown as it is: selecting it
/// changes nothing and writes nothing to the settings until the person asks.
#[test]
fn selecting_a_very_long_routine_changes_nothing_by_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut long = common::builtin_renamed("desk-break", "very-long", "Very long").into_draft();
    for step in &mut long.steps {
        step.technique = None;
        step.pattern = unknot::core::routine::Pattern::Hold;
        step.rest_secs = 300;
        step.rep_secs = 600;
        step.reps = 10;
    }
    let long = long.validate().expect("every bound kept");
    let store = unknot::store::routines::RoutineStore::new(&Store::at(dir.path()));
    store.save(&long).expect("save");
    let written = unknot::core::plan::total_secs(&long, Settings::default().timing());
    assert!(written > 120 * 60);
    let mut rig = launch(dir.path(), None);
    rig.select("Very long");
    rig.wait(3);
    assert!(rig.shows(&format!("Start  ({})", clock(written))));
    assert!(
        !rig.harness
            .state()
            .settings()
            .lengths
            .contains_key("very-long")
    );
    let on_disk = std::fs::read_to_string(Store::at(dir.path()).settings_path()).expect("settings");
    assert!(!on_disk.contains("very-long"), "{on_disk}");
}

#[test]
fn every_dialog_pauses_a_running_routine_and_resumes_it_only_if_it_was_running() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    rig.harness.key_press(Key::Enter);
    rig.harness.run();
    assert_eq!(rig.harness.state().screen(), Screen::Player);
    rig.wait(2);
    // Each way a dialog opens over the player, and the button that closes it again.
    let dialogs: [(&str, &str); 4] = [
        ("?", "Close"),
        ("Settings", "Close"),
        ("Red flags", "Close red flags"),
        ("key ?", "Close"),
    ];
    for (open, close) in dialogs {
        assert!(!rig.harness.state().paused(), "{open}: running before");
        if open == "key ?" {
            rig.harness.key_press(Key::Questionmark);
            rig.harness.run();
        } else {
            rig.click(open);
        }
        assert!(rig.harness.state().dialog_open(), "{open} opened a dialog");
        assert!(rig.harness.state().paused(), "{open} paused the routine");
        let heard = rig.heard.cues().len();
        rig.wait(40);
        assert_eq!(
            rig.heard.cues().len(),
            heard,
            "{open}: nothing played behind it"
        );
        rig.click(close);
        assert!(!rig.harness.state().dialog_open());
        assert!(!rig.harness.state().paused(), "closing {open} resumed");
    }
    // Paused by the person first: a dialog opening and closing leaves it paused.
    rig.harness.key_press(Key::Space);
    rig.harness.run();
    assert!(rig.harness.state().paused());
    rig.click("?");
    rig.click("Close");
    assert!(rig.harness.state().paused(), "it stays paused");
    rig.harness.key_press(Key::Escape);
    rig.harness.run();
    rig.click("Keep going");
    assert!(rig.harness.state().paused(), "Keep going keeps it paused");
}

#[test]
fn export_offers_a_free_file_outside_the_routines_folder_so_it_works_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    rig.click("Make it mine");
    rig.click("Save");
    let mine = rig.own_routines();
    let id = &mine[0].id();
    // The test's folder stands in for the home folder.
    let offered = dir.path().join(format!("{id}.toml"));
    rig.click("Export...");
    let typed = rig
        .harness
        .get_by_label("File path")
        .value()
        .unwrap_or_default();
    assert_eq!(typed, offered.display().to_string());
    rig.click("Export");
    assert!(!rig.harness.state().dialog_open(), "exported at once");
    assert!(rig.shows(&format!(
        "Exported \"{}\" to {}.",
        mine[0].name(),
        offered.display()
    )));
    let exported = unknot::store::routines::read_import(&offered).expect("reads back");
    assert_eq!(exported, mine[0]);
    // Again: that name is taken now, so the next free one is offered.
    rig.click("Export...");
    let typed = rig
        .harness
        .get_by_label("File path")
        .value()
        .unwrap_or_default();
    assert_eq!(
        typed,
        dir.path()
            .join(format!("{id}-2.toml"))
            .display()
            .to_string()
    );
    rig.click("Export");
    assert!(!rig.harness.state().dialog_open());
    assert_eq!(rig.own_routines(), mine, "the routines folder is untouched");
}

#[test]
fn alternating_steps_say_how_many_each_side_and_in_all_on_home_and_in_the_player() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), None);
    rig.select(MORNING);
    let routine = builtin::find("morning-mobility").expect("built-in");
    let (index, rolls) = routine
        .steps()
        .iter()
        .enumerate()
        .find(|(_, s)| s.sides == unknot::core::routine::Sides::Alternate)
        .expect("Morning has an alternating step");
    assert_eq!(rolls.reps, 8);
    let label = format!("Repetitions for {}", rolls.name);
    let reps = rig.harness.get_by_label(&label).value();
    assert_eq!(reps.as_deref(), Some("8 each side (16 in all)"));

    rig.harness.key_press(Key::Enter);
    rig.harness.run();
    for _ in 0..index {
        rig.harness.key_press(Key::ArrowRight);
        rig.harness.run();
    }
    assert!(rig.shows(&rolls.name));
    rig.wait(6);
    assert!(
        rig.shows("Move 1 of 8, left side · 8 each side (16 in all)"),
        "the player's rep line"
    );
}

/// The window appears only once its first frame is painted, so the sound output (whose audio
/// system probes devices and servers) is opened after it, not while the window is waited for;
/// and it is opened then.
#[test]
fn the_sound_output_opens_once_the_first_frame_is_drawn() {
    use unknot::playback::cue::{AudioStatus, SilentPlayer};
    use unknot::playback::output::Outputs;
    use unknot::playback::speech::SilentSpeaker;

    let dir = tempfile::tempdir().expect("temp dir");
    common::seed_settings(dir.path(), false);
    let (opened, frame_when_opened) = std::sync::mpsc::channel();
    let store = Store::at(dir.path());
    let _harness = Harness::builder().build_eframe(move |cc| {
        let ctx = cc.egui_ctx.clone();
        let config = AppConfig {
            open_outputs: Some(Box::new(move || {
                let _ = opened.send(ctx.cumulative_frame_nr());
                Outputs {
                    player: Box::new(SilentPlayer::new(AudioStatus::Unavailable {
                        reason: "a test".to_owned(),
                    })),
                    speaker: Box::new(SilentSpeaker),
                }
            })),
            ..AppConfig::for_tests(
                Arc::new(ManualClock::new()),
                Box::new(SilentPlayer::new(AudioStatus::Unavailable {
                    reason: "not open yet".to_owned(),
                })),
                store,
            )
        };
        UnknotApp::new(&cc.egui_ctx, config)
    });
    // A signal from the opening thread, not a timer: it comes as soon as the output opens.
    let frame = frame_when_opened
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the output was opened");
    assert!(
        frame >= 1,
        "opened during frame {frame}, before the first was drawn"
    );
}

/// The app built on a bare egui context with its files in `dir`, silent, before any frame.
fn app_before_its_first_frame(dir: &Path) -> (egui::Context, UnknotApp) {
    use unknot::playback::cue::{AudioStatus, SilentPlayer};

    let ctx = egui::Context::default();
    let config = AppConfig::for_tests(
        Arc::new(ManualClock::new()),
        Box::new(SilentPlayer::new(AudioStatus::Unavailable {
            reason: "a test".to_owned(),
        })),
        Store::at(dir),
    );
    let app = UnknotApp::new(&ctx, config);
    (ctx, app)
}

/// egui makes its glyph atlas as wide as the largest texture the graphics driver allows
/// (16384 on most) unless told otherwise; the app keeps it to 2048 wide (less memory, a smaller
/// first upload), and never asks for more than the driver allows.
#[test]
fn the_glyph_atlas_stays_narrow_whatever_the_driver_allows() {
    use eframe::App as _;
    use unknot::app::GLYPH_ATLAS_MAX_SIDE;

    let dir = tempfile::tempdir().expect("temp dir");
    common::seed_settings(dir.path(), false);
    let (ctx, mut app) = app_before_its_first_frame(dir.path());
    for (driver, kept) in [
        (Some(16_384), Some(2048)),
        (Some(2048), Some(2048)),
        (Some(1024), Some(1024)),
        (None, None),
    ] {
        let mut input = egui::RawInput {
            max_texture_side: driver,
            ..Default::default()
        };
        app.raw_input_hook(&ctx, &mut input);
        assert_eq!(input.max_texture_side, kept, "driver allows {driver:?}");
    }
    // egui then makes the atlas that wide, and no wider.
    let mut input = egui::RawInput {
        max_texture_side: Some(16_384),
        ..Default::default()
    };
    app.raw_input_hook(&ctx, &mut input);
    let mut output = ctx.run_ui(input, |ui| {
        ui.label("Unknot");
    });
    output.textures_delta.clear();
    let atlas_size = |fonts: &egui::epaint::FontsView<'_>| fonts.font_image_size();
    let [width, _] = ctx.fonts(atlas_size);
    assert_eq!(width, GLYPH_ATLAS_MAX_SIDE);
}

/// In a window too narrow for two columns the details keep a readable width, but the whole
/// panel beside the list scrolls them: the wheel works with the pointer anywhere there, up to
/// the window's edge (where the scroll bar is), not only over the text.
#[test]
fn the_details_scroll_from_anywhere_beside_the_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = common::rig::Launch::new(dir.path())
        .size(egui::vec2(1180.0, 760.0))
        .run();
    let before = rig.rect_of("Steps");
    // Right of the text column (at most 760 points wide), near the window's right edge.
    rig.harness.hover_at(egui::pos2(1165.0, 400.0));
    rig.harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -200.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..10 {
        rig.harness.step();
    }
    let after = rig.rect_of("Steps");
    assert!(
        after.top() < before.top() - 100.0,
        "the details did not scroll: Steps at {} then {}",
        before.top(),
        after.top()
    );
}

/// The chosen theme and Unknot's text options are on the context as soon as the app is built,
/// before its first pass: egui reads the text options when a pass begins, so a theme applied
/// during the first frame would only show from the second.
#[test]
fn the_first_frame_already_has_the_chosen_theme() {
    use unknot::core::settings::ThemeChoice;

    for (choice, dark) in [(ThemeChoice::Light, false), (ThemeChoice::Dark, true)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = Settings {
            safety_acknowledged: true,
            theme: choice,
            ..Settings::default()
        };
        unknot::store::settings::save(&Store::at(dir.path()).settings_path(), &settings)
            .expect("seed settings");
        let (ctx, _app) = app_before_its_first_frame(dir.path());
        let style = ctx.global_style();
        assert_eq!(style.visuals.dark_mode, dark, "{choice:?}");
        assert!(
            !style.visuals.text_options.font_hinting,
            "{choice:?}: Unknot's text options are not on yet"
        );
        assert_eq!(
            style.text_styles[&egui::TextStyle::Body],
            egui::FontId::proportional(unknot::ui::theme::BODY_SIZE),
            "{choice:?}"
        );
    }
}
