//! Settings, Reminders driven as a person would: turn reminders on, set working hours, see a
//! bad value refused with its message, and find it all saved (and the login entry written).

mod common;

use std::path::Path;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::UnknotApp;
use unknot::core::reminders::HourRange;
use unknot::store::Store;
use unknot::ui::reminders::{HOURS_LABEL, SWITCH_LABEL};

fn launch(dir: &Path) -> Harness<'static, UnknotApp> {
    common::rig::Launch::new(dir)
        .size(egui::vec2(1024.0, 640.0))
        .run()
        .harness
}

/// Replaces what the working-hours field holds by `text`.
fn type_hours(harness: &mut Harness<'static, UnknotApp>, text: &str) {
    harness.get_by_label(HOURS_LABEL).scroll_to_me();
    harness.run();
    harness.get_by_label(HOURS_LABEL).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(HOURS_LABEL).type_text(text);
    harness.run();
}

#[test]
fn reminders_turned_on_with_hours_are_saved_and_a_bad_range_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(dir.path());
    {
        let mut harness = launch(dir.path());
        harness.get_by_label("Settings").click();
        harness.run();
        harness.get_by_label(SWITCH_LABEL).click_accesskit();
        harness.run();
        assert!(harness.state().settings().reminders.enabled);
        assert!(
            unknot::remind::autostart::is_present(&store),
            "the login entry is written"
        );
        type_hours(&mut harness, "25:00-26:00");
        assert_eq!(
            harness.get_by_label(HOURS_LABEL).value().as_deref(),
            Some("25:00-26:00")
        );
        assert!(
            harness
                .query_by_label("Not saved: 25:00 is not a time of day.")
                .is_some(),
            "the message says what is wrong"
        );
        type_hours(&mut harness, "12:00-09:00");
        assert!(
            harness
                .query_by_label("Not saved: 12:00-09:00: a range must end after it starts.")
                .is_some()
        );
        let unchanged = harness.state().settings().reminders.hours.clone();
        assert_eq!(unchanged.len(), 2, "the bad ranges were not taken");
        type_hours(&mut harness, "08:30-12:00, 13:00-16:30");
        assert!(harness.query_by_label_contains("Not saved").is_none());
        harness.get_by_label("Close").click();
        harness.run();
    }
    // Saved in the settings file, and read back by a fresh launch.
    let text = std::fs::read_to_string(store.settings_path()).expect("saved");
    assert!(text.contains("\"08:30-12:00\""), "{text}");
    let harness = launch(dir.path());
    let reminders = &harness.state().settings().reminders;
    assert!(reminders.enabled);
    assert_eq!(
        reminders.hours,
        [
            HourRange::parse("08:30-12:00").expect("a range"),
            HourRange::parse("13:00-16:30").expect("a range")
        ]
    );
    drop(harness);
    // Turned off: the login entry goes.
    let mut harness = launch(dir.path());
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label(SWITCH_LABEL).click_accesskit();
    harness.run();
    assert!(!harness.state().settings().reminders.enabled);
    assert!(!unknot::remind::autostart::is_present(&store));
}

#[test]
fn missed_reminders_are_told_once_and_the_week_is_counted_in_history() {
    use unknot::core::history::LocalStart;
    use unknot::core::reminders::{Outcome, ReminderRecord};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(dir.path());
    let mut settings = unknot::core::settings::Settings {
        safety_acknowledged: true,
        ask_back_pain: false,
        ..unknot::core::settings::Settings::default()
    };
    settings.reminders.enabled = true;
    unknot::store::settings::save(&store.settings_path(), &settings).expect("seed");
    let log = unknot::store::history::HistoryStore::new(&store);
    // The manual clock's day is Tuesday 1 December 2026.
    for (at, outcome) in [
        ("2026-12-01T08:00:00Z", Outcome::Missed),
        ("2026-11-30T10:00:00Z", Outcome::Started),
    ] {
        let due = LocalStart::parse(at).expect("a time");
        log.append_reminder(&ReminderRecord { due, outcome })
            .expect("append");
    }
    let missed = "1 reminder was missed (no display)";
    {
        let mut harness = launch(dir.path());
        assert!(harness.query_by_label_contains(missed).is_some(), "told");
        harness.get_by_label("History").click();
        harness.run();
        assert!(
            harness
                .query_by_label("This week: 2 reminders, 1 started")
                .is_some()
        );
    }
    let harness = launch(dir.path());
    assert!(
        harness.query_by_label_contains(missed).is_none(),
        "told once only"
    );
}

#[test]
fn no_reminder_comes_while_a_routine_plays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(dir.path());
    let marker = store.routine_running_path();
    let mut harness = launch(dir.path());
    assert!(!unknot::store::lock::is_held(&marker));
    // The first routine is selected; its Start button shows its length.
    harness.get_by_label_contains("Start  (").click();
    harness.run();
    assert_eq!(harness.state().screen(), unknot::app::ScreenKind::Player);
    assert!(
        unknot::store::lock::is_held(&marker),
        "the reminder process sees a routine playing"
    );
    harness.get_by_label("Stop").click();
    harness.run();
    harness.get_by_label("Stop routine").click();
    harness.run();
    assert_ne!(harness.state().screen(), unknot::app::ScreenKind::Player);
    assert!(!unknot::store::lock::is_held(&marker), "let go after");
}
