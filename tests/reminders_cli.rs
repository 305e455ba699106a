//! `unknot reminders status` and `unknot remind` end to end, in a temporary Unknot folder (no
//! process is left running: `remind` with reminders off stops at once).

mod common;

use std::path::Path;

use assert_cmd::Command;
use unknot::core::settings::Settings;
use unknot::store::Store;

fn unknot(home: &Path) -> Command {
    common::unknot_in(home)
}

#[test]
fn status_says_what_is_set_and_remind_stops_when_reminders_are_off() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = common::stdout_in(home.path(), &["reminders", "status"]);
    assert!(text.starts_with("Reminders: off"), "{text}");
    assert!(text.contains("Autostart entry: not present"), "{text}");
    assert!(text.contains("Reminder process: not running"), "{text}");
    // Off: the process says so and ends, with success.
    unknot(home.path())
        .arg("remind")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .stderr(predicates::str::contains("reminders are off; stopping"));
    // On (set in the file): the status gives the schedule and the next reminder.
    let store = Store::at(home.path());
    let mut settings = Settings::default();
    settings.reminders.enabled = true;
    unknot::store::settings::save(&store.settings_path(), &settings).expect("save");
    let text = common::stdout_in(home.path(), &["reminders", "status"]);
    assert!(
        text.starts_with(
            "Reminders: on (every 60 minutes, Mon Tue Wed Thu Fri, 09:00-12:30 and 13:30-17:30)"
        ),
        "{text}"
    );
    assert!(text.contains("\nNext reminder: "), "{text}");
    // A bad value is refused by name.
    unknot(home.path())
        .args(["reminders", "sometimes"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("sometimes"));
}
