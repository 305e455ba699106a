//! The app's shell driven as a person would: one dialog at a time that takes the keys first,
//! dialogs that pause the routine, honest endings, a player that fits small and large windows,
//! and import/export through a recording file dialog and the in-app path field.

mod common;

use std::path::Path;

use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::Queryable as _;
use unknot::app::ScreenKind;
use unknot::app::dialogs::{FileAnswer, FileRequest};
use unknot::core::routine::Routine;
use unknot::core::settings::Settings;
use unknot::store::Store;
use unknot::store::builtin;

use common::rig::{Launch, Rig};

const MORNING: &str = "Morning low-back mobility";

/// Launches, as someone who has read the red flags, in a window of `size` points at `scale`.
fn launch_sized(dir: &Path, size: egui::Vec2, scale: f32) -> Rig {
    // The back-pain question has its own tests (tests/history_app.rs).
    Launch::new(dir).size(size).scale(scale).run()
}

fn launch(dir: &Path) -> Rig {
    Launch::new(dir).run()
}

impl Rig {
    /// Replaces the text of the focused path field.
    fn type_path(&mut self, text: &str) {
        self.harness.get_by_label("File path").focus();
        self.harness.run();
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        self.harness.run();
        self.harness.get_by_label("File path").type_text(text);
        self.harness.run();
    }
}

/// Two unreadable routine files, so the home screen has two notices to show.
/// Two routine files with two different problems (problems of one kind share one notice):
/// one is not a routine at all, the other is a routine under the wrong file name.
fn two_broken_routine_files(dir: &Path) {
    let routines = Store::at(dir).data_dir.join("routines");
    std::fs::create_dir_all(&routines).expect("mkdir");
    std::fs::write(routines.join("broken-one.toml"), "this is [not a routine").expect("write");
    let misnamed = common::builtin_renamed("desk-break", "some-other-id", "Desk break");
    std::fs::write(
        routines.join("broken-two.toml"),
        unknot::store::routine_file::to_toml(&misnamed).expect("toml"),
    )
    .expect("write");
}

/// One routine of the person's own, on disk.
fn own_routine(dir: &Path, id: &str, name: &str) -> Routine {
    let routines = Store::at(dir).data_dir.join("routines");
    std::fs::create_dir_all(&routines).expect("mkdir");
    let mine = common::builtin_renamed("desk-break", id, name);
    std::fs::write(
        routines.join(format!("{id}.toml")),
        unknot::store::routine_file::to_toml(&mine).expect("toml"),
    )
    .expect("write");
    mine
}

/// Opens one dialog.
type Opener = Box<dyn Fn(&mut Rig)>;

const CONTROLS: [&str; 4] = ["Back", "Pause", "Skip", "Stop"];

#[test]
fn player_controls_stay_inside_the_window_and_in_place_on_a_one_sided_step_with_two_notices() {
    // (window in points, scale): a 1024×640 laptop, 1920×1080, and 2560×1440 at 2× / 1920×1080
    // at 1.5× (both 1280×720 points).
    for (size, scale) in [
        (egui::vec2(1024.0, 640.0), 1.0),
        (egui::vec2(1920.0, 1080.0), 1.0),
        (egui::vec2(1280.0, 720.0), 2.0),
        (egui::vec2(1280.0, 720.0), 1.5),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        two_broken_routine_files(dir.path());
        let mut rig = launch_sized(dir.path(), size, scale);
        assert_eq!(rig.harness.state().notices().len(), 2);
        assert!(
            rig.shows("All notices (2)"),
            "one compact line with a count"
        );
        rig.select(MORNING);
        rig.press(Key::Enter);
        assert_eq!(rig.screen(), ScreenKind::Player);
        let window = Rect::from_min_size(egui::Pos2::ZERO, size);
        let before: Vec<Rect> = CONTROLS.iter().map(|c| rig.rect_of(c)).collect();
        rig.press(Key::ArrowRight);
        rig.wait(6);
        assert!(rig.shows("LEFT SIDE"), "on the one-sided step at {size:?}");
        for (control, was) in CONTROLS.iter().zip(&before) {
            let rect = rig.rect_of(control);
            assert!(
                window.contains_rect(rect),
                "{control} at {rect:?} is inside the {size:?} window at {scale}×"
            );
            assert_eq!(
                rect, *was,
                "{control} kept its place when the side badge came"
            );
        }
        for line in ["LEFT SIDE", "Single knee-to-chest", "HOLD"] {
            let rect = rig.rect_of(line);
            assert!(window.contains_rect(rect), "{line} {rect:?} at {size:?}");
            assert!(
                rect.bottom() <= before[0].top(),
                "{line} is above the controls"
            );
        }
        let notices = rig.rect_of("All notices (2)");
        assert!(
            notices.top() >= before[0].bottom(),
            "the notices never cover a control"
        );

        // With Learn open beside it the player is narrower, and still fits.
        rig.click("Learn");
        for control in CONTROLS {
            let rect = rig.rect_of(control);
            let learn = rig.rect_of("Close Learn");
            assert!(
                window.contains_rect(rect) && rect.right() < learn.left(),
                "{control} at {rect:?} fits beside Learn at {size:?}"
            );
        }
    }
}

#[test]
fn every_dialog_takes_esc_and_enter_before_the_screen_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_broken_routine_files(dir.path());
    let outside = tempfile::tempdir().expect("temp dir");
    let broken = outside.path().join("broken.toml");
    std::fs::write(&broken, "format_version = 1\nid = \"x\"\n").expect("write");
    let friend = common::builtin_renamed("desk-break", "from-a-friend", "From a friend");
    let shared = outside.path().join("friend.toml");
    unknot::store::routines::export(&friend, &shared, false).expect("export");

    let mut rig = launch(dir.path());
    rig.drop_file(&shared);
    let openers: Vec<(&str, Opener)> = vec![
        ("keys", Box::new(|r: &mut Rig| r.click("?"))),
        ("settings", Box::new(|r: &mut Rig| r.click("Settings"))),
        ("red flags", Box::new(|r: &mut Rig| r.click("Red flags"))),
        (
            "notices",
            Box::new(|r: &mut Rig| r.click("All notices (3)")),
        ),
        (
            "import problems",
            Box::new(move |r: &mut Rig| r.drop_file(&broken)),
        ),
        (
            "import clash",
            Box::new(move |r: &mut Rig| r.drop_file(&shared)),
        ),
        ("file chooser", Box::new(|r: &mut Rig| r.click("Import..."))),
    ];
    for (name, open) in &openers {
        open(&mut rig);
        assert!(rig.dialog_open(), "{name} opens");
        rig.press(Key::Escape);
        assert!(!rig.dialog_open(), "Esc closes {name}");
        assert_eq!(rig.screen(), ScreenKind::Home);

        open(&mut rig);
        assert!(rig.dialog_open(), "{name} opens again");
        rig.press(Key::Enter);
        assert_eq!(
            rig.screen(),
            ScreenKind::Home,
            "Enter in {name} starts nothing"
        );
        assert!(rig.heard.cues().is_empty());
        if rig.dialog_open() {
            rig.press(Key::Escape);
        }
        assert!(!rig.dialog_open());
    }
    // Enter kept both copies of the clashing routine (its default), and nothing else changed.
    assert_eq!(rig.own_routines().len(), 2);

    // "Leave without saving?" in the editor.
    rig.click("New routine");
    rig.click("Routine name");
    rig.harness.get_by_label("Routine name").type_text("Mine");
    rig.harness.run();
    rig.click("Cancel");
    assert!(rig.shows("Leave without saving?"));
    rig.press(Key::Escape);
    assert!(!rig.dialog_open(), "Esc keeps editing");
    assert_eq!(rig.screen(), ScreenKind::Editor);
    rig.click("Cancel");
    rig.press(Key::Enter);
    assert_eq!(rig.screen(), ScreenKind::Editor, "Enter keeps editing too");
    rig.click("Cancel");
    rig.click("Discard changes");
    assert_eq!(rig.screen(), ScreenKind::Home);
}

#[test]
fn space_and_arrows_do_nothing_behind_a_dialog_on_the_player() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.select(MORNING);
    rig.press(Key::Enter);
    rig.click("?");
    assert!(rig.shows("Keyboard shortcuts"));
    assert!(
        rig.harness.state().paused(),
        "the overlay pauses the routine"
    );
    rig.press(Key::Space);
    rig.press(Key::ArrowRight);
    assert!(
        rig.harness.state().paused(),
        "Space did not resume behind the overlay"
    );
    assert!(
        rig.shows("Pelvic tilt"),
        "→ did not skip behind the overlay"
    );
    rig.press(Key::Escape);
    assert!(!rig.dialog_open());
    assert!(
        !rig.harness.state().paused(),
        "closing it resumes the routine"
    );
    assert_eq!(
        rig.screen(),
        ScreenKind::Player,
        "Esc closed the overlay, not the routine"
    );

    // A file dropped on the player is not imported, and the app says so.
    let outside = tempfile::tempdir().expect("temp dir");
    let file = outside.path().join("r.toml");
    unknot::store::routines::export(
        &builtin::find("desk-break").expect("built-in"),
        &file,
        false,
    )
    .expect("export");
    rig.drop_file(&file);
    assert!(rig.own_routines().is_empty());
    assert!(
        rig.harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Nothing was imported")),
        "a drop that cannot be used is not silent"
    );
}

#[test]
fn the_stop_question_and_red_flags_pause_and_resume_only_a_running_routine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.select(MORNING);
    rig.press(Key::Enter);
    rig.wait(7);
    let heard = rig.heard.cues();
    rig.press(Key::Escape);
    assert!(rig.shows("Stop this routine?"));
    assert!(rig.harness.state().paused(), "asking pauses");
    assert!(rig.shows("PAUSED"));
    rig.wait(20);
    assert_eq!(rig.heard.cues(), heard, "nothing plays while asking");
    rig.click("Keep going");
    assert!(!rig.harness.state().paused(), "keeping going resumes");

    rig.click("Red flags");
    assert!(
        rig.harness.state().paused(),
        "the red flags pause a running routine"
    );
    rig.press(Key::Escape);
    assert!(!rig.harness.state().paused(), "and closing them resumes it");

    rig.press(Key::Space);
    assert!(rig.harness.state().paused());
    rig.press(Key::Escape);
    assert!(rig.shows("Stop this routine?"));
    rig.press(Key::Escape);
    assert!(
        rig.harness.state().paused(),
        "paused before asking: stays paused"
    );
    rig.click("Red flags");
    rig.click("Close red flags");
    assert!(rig.harness.state().paused(), "the same for the red flags");
}

#[test]
fn skipping_every_step_is_reported_honestly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    rig.select("Five-minute desk break");
    rig.press(Key::Enter);
    let steps = builtin::find("desk-break").expect("built-in").steps().len();
    for _ in 0..steps {
        rig.press(Key::ArrowRight);
    }
    rig.harness.run();
    assert_eq!(rig.screen(), ScreenKind::Finished);
    assert!(rig.shows("Routine ended"), "not \"complete\"");
    assert!(rig.shows(&format!("Done: 0 of {steps} steps")));
    assert!(rig.shows(&format!("{steps} steps skipped")));
}

#[test]
fn export_then_import_through_the_file_dialog_round_trips_and_a_clash_can_replace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let mine = own_routine(dir.path(), "mine", "Mine to share");
    let file = outside.path().join("shared.toml");
    let mut rig = launch(dir.path());
    rig.select("Mine to share");

    rig.dialogs.answer(FileAnswer::Chosen(file.clone()));
    rig.click("Export...");
    assert_eq!(
        unknot::store::routines::read_import(&file).expect("a readable routine file"),
        mine,
        "the file holds the routine exactly"
    );
    assert!(
        rig.harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Exported \"Mine to share\"")),
        "the export says where it went"
    );

    // Change the file, then import it over the routine it came from.
    let mut changed = mine.to_draft();
    changed.summary = "Changed by a friend.".into();
    let changed = changed.validate().expect("a valid summary");
    unknot::store::routines::export(&changed, &outside.path().join("changed.toml"), false)
        .expect("w");
    rig.dialogs
        .answer(FileAnswer::Chosen(outside.path().join("changed.toml")));
    rig.click("Import...");
    assert!(rig.shows("A routine like this is already here"));
    rig.click("Replace mine");
    assert_eq!(rig.own_routines(), [changed], "replaced, not duplicated");

    // A cancelled dialog changes nothing; the requests were recorded in order.
    rig.dialogs.answer(FileAnswer::Cancelled);
    rig.click("Import...");
    assert!(!rig.dialog_open());
    assert_eq!(
        rig.dialogs.asked(),
        [
            FileRequest::Export {
                file_name: "mine.toml".into()
            },
            FileRequest::Import,
            FileRequest::Import
        ]
    );
}

#[test]
fn without_a_system_dialog_the_path_field_imports_and_exports_and_says_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    own_routine(dir.path(), "mine", "Mine to share");
    let mut rig = launch(dir.path());
    rig.select("Mine to share");

    // Export: the system dialog cannot open, so the app says so and offers its own.
    rig.dialogs
        .answer(FileAnswer::Failed("no file chooser portal".into()));
    rig.click("Export...");
    assert!(rig.shows("Export \"Mine to share\""));
    assert!(
        rig.harness
            .query_by_label_contains("could not open (no file chooser portal)")
            .is_some()
    );
    let target = outside.path().join("copy.toml");
    rig.type_path(&outside.path().join("copy").display().to_string());
    rig.press(Key::Enter);
    assert!(!rig.dialog_open());
    assert!(
        target.is_file(),
        "exported through the path field, with .toml added to the name"
    );
    rig.click("Export...");
    rig.type_path(&target.display().to_string());
    rig.press(Key::Enter);
    assert!(
        rig.shows(&format!(
            "There is already a file at {}; choose another name.",
            target.display()
        )),
        "never overwrites"
    );
    rig.press(Key::Escape);

    // Import: a path that is not there is explained and the dialog stays.
    rig.click("Import...");
    assert!(rig.shows("Import a routine"));
    let missing = outside.path().join("nothing-here.toml");
    rig.type_path(&missing.display().to_string());
    rig.click("Import");
    assert!(rig.shows(&format!("There is no file at {}.", missing.display())));
    assert!(rig.dialog_open());
    // Typing the folder lists its routine files; picking one and pressing Enter imports it.
    rig.type_path(&format!("{}/", outside.path().display()));
    rig.click("copy.toml");
    assert_eq!(
        rig.harness.get_by_label("File path").value().as_deref(),
        Some(format!("{}/copy.toml", outside.path().display()).as_str()),
        "picking a match fills in its whole path"
    );
    rig.press(Key::Enter);
    assert!(
        rig.shows("A routine like this is already here"),
        "same id: asks"
    );
    rig.click("Keep both");
    assert_eq!(rig.own_routines().len(), 2);
}

#[test]
fn tab_walks_the_top_bar_left_to_right_and_enter_presses_the_focused_control() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path());
    let order = [
        "Red flags",
        "Learn",
        "History",
        "Settings",
        "?",
        // Make me a session's card, above the routine list.
        "Floor",
        "Chair",
        "Standing",
        "New routine",
    ];
    let mut lefts = Vec::new();
    for label in order {
        rig.press(Key::Tab);
        let node = rig.harness.get_by_label(label);
        assert!(node.is_focused(), "Tab reaches {label} next");
        lefts.push(node.rect().left());
    }
    assert!(
        lefts[..5].windows(2).all(|w| w[0] < w[1]),
        "the top bar is walked left to right: {lefts:?}"
    );
    rig.press(Key::Enter);
    assert_eq!(
        rig.screen(),
        ScreenKind::Editor,
        "Enter pressed the focused New routine, it did not start a routine"
    );
}

#[test]
fn every_screen_keeps_its_main_controls_inside_a_small_laptop_window() {
    let size = egui::vec2(1024.0, 640.0);
    let window = Rect::from_min_size(egui::Pos2::ZERO, size);
    let dir = tempfile::tempdir().expect("temp dir");
    two_broken_routine_files(dir.path());
    // A first launch: the before-start screen comes first.
    std::fs::create_dir_all(Store::at(dir.path()).config_dir).expect("mkdir");
    unknot::store::settings::save(&Store::at(dir.path()).settings_path(), &Settings::default())
        .expect("seed settings");
    let mut rig = launch_sized(dir.path(), size, 1.0);
    let notices_top = rig.rect_of("All notices (2)").top();
    let inside = |rig: &Rig, label: &str| {
        let rect = rig.rect_of(label);
        assert!(
            window.contains_rect(rect) && rect.bottom() <= notices_top,
            "{label} at {rect:?} is inside the window, above the notices"
        );
    };
    rig.select(MORNING);
    for label in [
        "New routine",
        "Import...",
        "Make it mine",
        "5 min",
        "Red flags",
        "?",
    ] {
        inside(&rig, label);
    }
    let start = rig
        .harness
        .get_all_by_label_contains("Start  (")
        .next()
        .expect("a Start button")
        .rect();
    assert!(
        window.contains_rect(start) && start.bottom() <= notices_top,
        "Start {start:?}"
    );

    // The tallest dialogs scroll inside the window; their buttons stay on screen.
    rig.click("Settings");
    inside(&rig, "Close");
    rig.press(Key::Escape);
    rig.click("Red flags");
    inside(&rig, "Close red flags");
    rig.press(Key::Escape);
    rig.click("?");
    inside(&rig, "Close");
    rig.press(Key::Escape);

    rig.press(Key::Enter);
    assert_eq!(rig.screen(), ScreenKind::BeforeStart);
    for label in ["I have read this", "Start routine", "Back"] {
        inside(&rig, label);
    }
    rig.click("I have read this");
    rig.click("Start routine");
    // A first launch asks how the back feels (on by default): every answer fits too.
    for label in [
        "0, no pain",
        "10, worst imaginable",
        "Note (optional)",
        "Skip",
    ] {
        inside(&rig, label);
    }
    rig.click("Skip");
    assert_eq!(rig.screen(), ScreenKind::Player);
    rig.press(Key::Escape);
    rig.press(Key::Enter);
    assert_eq!(rig.screen(), ScreenKind::Finished);
    for label in ["10, worst imaginable", "Skip"] {
        inside(&rig, label);
    }
    rig.click("Skip");
    for label in ["Again", "Home"] {
        inside(&rig, label);
    }
    rig.click("Home");
    rig.click("New routine");
    assert_eq!(rig.screen(), ScreenKind::Editor);
    for label in ["Save", "Cancel", "Routine name", "Add blank step"] {
        inside(&rig, label);
    }
}

#[test]
fn the_notices_list_shows_details_and_dismisses_one_notice_at_a_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_broken_routine_files(dir.path());
    let mut rig = launch(dir.path());
    rig.click("All notices (2)");
    assert!(rig.shows("Notices"));
    assert!(
        rig.harness
            .query_all_by_label_contains("Details: ")
            .any(|n| n.value().is_some_and(|v| v.contains("broken-one.toml"))),
        "the full path and the problem are in the details"
    );
    rig.click("Dismiss: 1 routine file is not a valid routine; it was left as it is");
    let left: Vec<String> = rig
        .harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(
        left,
        ["1 routine file has an id that is not its file name; it was left as it is"]
    );
    rig.click("Dismiss all");
    assert!(rig.harness.state().notices().is_empty());
    rig.click("Close");
    assert!(!rig.dialog_open());
    assert!(
        rig.harness.query_by_label("Details").is_none(),
        "the line is gone"
    );
}

/// However many files have the same problem, they make one notice, with every file in it.
#[test]
fn many_broken_files_of_one_kind_make_one_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routines = Store::at(dir.path()).data_dir.join("routines");
    std::fs::create_dir_all(&routines).expect("mkdir");
    for n in 1..=12 {
        std::fs::write(routines.join(format!("broken-{n}.toml")), "not [ a routine")
            .expect("write");
    }
    let rig = launch(dir.path());
    let notices = rig.harness.state().notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let files = notices
        .iter()
        .find(|n| {
            n.text
                .starts_with("12 routine files are not valid routines")
        })
        .expect("one notice for the twelve files");
    let details = files.details.as_deref().unwrap_or_default();
    assert!(
        (1..=12).all(|n| details.contains(&format!("broken-{n}.toml"))),
        "{details}"
    );
}
