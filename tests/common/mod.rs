//! What the app-driving test files share: seeding the settings of a first launch, moving the
//! manual clock a frame a second, and clicking a routine in the list. Each test file is its own
//! crate and uses only some of these, hence the `dead_code` allowance below.
#![allow(dead_code)] // Each test crate uses a different subset of these helpers.

use std::path::Path;
use std::time::Duration;

pub mod rig;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use unknot::app::UnknotApp;
use unknot::core::settings::Settings;
use unknot::playback::clock::ManualClock;
use unknot::store::Store;

/// The built-in routine `key` under another id and name: a routine of one's own to save,
/// import or export.
pub fn builtin_renamed(key: &str, id: &str, name: &str) -> unknot::core::routine::Routine {
    renamed(
        unknot::store::builtin::find(key).expect("a built-in routine"),
        id,
        name,
    )
}

/// `routine` under another id and name.
pub fn renamed(
    routine: unknot::core::routine::Routine,
    id: &str,
    name: &str,
) -> unknot::core::routine::Routine {
    unknot::core::routine::RoutineDraft {
        id: id.to_owned(),
        name: name.to_owned(),
        ..routine.into_draft()
    }
    .validate()
    .expect("a valid id and name")
}

/// Writes the settings of someone who has already read the red flags, with the back-pain
/// question on or off, unless a settings file is already there.
pub fn seed_settings(dir: &Path, ask_back_pain: bool) {
    let path = Store::at(dir).settings_path();
    if !path.exists() {
        let settings = Settings {
            safety_acknowledged: true,
            ask_back_pain,
            ..Settings::default()
        };
        unknot::store::settings::save(&path, &settings).expect("seed settings");
    }
}

/// Moves time on one second at a time, drawing a frame each second, as the window would.
pub fn wait(harness: &mut Harness<'static, UnknotApp>, clock: &ManualClock, secs: u64) {
    for _ in 0..secs {
        clock.advance(Duration::from_secs(1));
        harness.run_steps(1);
    }
}

/// Clicks a routine in the list (its name also heads the details once selected); one further
/// down the list than the window shows is pressed as a screen reader would.
pub fn click_routine(harness: &mut Harness<'static, UnknotApp>, name: &str) {
    let window = harness.ctx.content_rect();
    let node = harness
        .get_all_by_label(name)
        .find(|node| node.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("the routine is listed");
    if window.contains_rect(node.rect()) {
        node.click();
    } else {
        node.click_accesskit();
    }
    harness.run();
}

/// Checks that what is on screen fits a window of `size` points: no text or control sticks out
/// sideways (content may scroll up and down, never sideways), and no two controls in view
/// overlap. While a dialog is open, only its own controls are compared with one another (the
/// screen behind it cannot be reached). `what` names the screen in the failure message.
pub fn assert_fits(harness: &Harness<'static, UnknotApp>, size: egui::Vec2, what: &str) {
    use egui::accesskit::Role;
    let in_dialog = |node: &egui_kittest::Node<'_>| {
        let mut parent = node.parent();
        while let Some(p) = parent {
            if p.accesskit_node().role() == Role::Dialog {
                return true;
            }
            parent = p.parent();
        }
        false
    };
    let dialog_open = harness.query_by_role(Role::Dialog).is_some();
    let mut controls: Vec<(egui::Rect, String)> = Vec::new();
    for node in harness.query_all_by(|node| node.bounding_box().is_some()) {
        let rect = node.rect();
        let name = node
            .accesskit_node()
            .label()
            .or(node.accesskit_node().value())
            .unwrap_or_default();
        let role = node.accesskit_node().role();
        assert!(
            rect.left() >= -0.5 && rect.right() <= size.x + 0.5,
            "{what} at {size:?}: {role:?} \"{name}\" sticks out sideways: {rect:?}"
        );
        let control = matches!(
            role,
            Role::Button
                | Role::CheckBox
                | Role::RadioButton
                | Role::TextInput
                | Role::SpinButton
                | Role::Slider
                | Role::ComboBox
        );
        let in_view = rect.top() >= 0.0 && rect.bottom() <= size.y;
        if control && in_view && rect.area() > 0.0 && (!dialog_open || in_dialog(&node)) {
            controls.push((rect, format!("{role:?} \"{name}\"")));
        }
    }
    for (i, (a, a_name)) in controls.iter().enumerate() {
        for (b, b_name) in &controls[i + 1..] {
            let overlap = a.intersect(*b);
            assert!(
                overlap.width() <= 0.5 || overlap.height() <= 0.5,
                "{what} at {size:?}: {a_name} {a:?} overlaps {b_name} {b:?}"
            );
        }
    }
}

/// An empty folder for Unknot's files, shared by one test binary, so no test reads the
/// machine's own routines or settings.
pub fn empty_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

/// The `unknot` binary on an empty home, asking for backtraces (to prove none is ever shown).
pub fn unknot_command() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("unknot").expect("the unknot binary is built");
    cmd.env("UNKNOT_HOME", empty_home());
    cmd.env("RUST_BACKTRACE", "1");
    cmd
}

/// The `unknot` binary on the home folder `home`, asking for backtraces.
pub fn unknot_in(home: &Path) -> assert_cmd::Command {
    let mut cmd = unknot_command();
    cmd.env("UNKNOT_HOME", home);
    cmd
}

/// What `unknot ARGS` prints on the home folder `home`, when it succeeds.
pub fn stdout_in(home: &Path, args: &[&str]) -> String {
    let output = unknot_in(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// What `unknot ARGS` prints on the shared empty home, when it succeeds.
pub fn stdout_of(args: &[&str]) -> String {
    stdout_in(empty_home(), args)
}
