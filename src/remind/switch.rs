//! Turning reminders on and off, and saying what works: `unknot reminders on | off | status`
//! and the app's Reminders switch.
//!
//! On: the setting is saved (through the settings' merge under lock, so nothing another
//! process saved is lost), the autostart entry written, and a reminder process started in the
//! background if none runs. Off: the setting saved and the entry removed; the running process
//! sees the change within a minute and stops.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use jiff::ZonedDateTime;

use super::autostart;
use super::process;
use crate::core::reminders::{ReminderSettings, When};
use crate::store::Store;

/// Saves reminders on or off, writes or removes the autostart entry, and (on) starts the
/// reminder process; returns what to tell the person.
pub fn set_enabled(store: &Store, on: bool) -> anyhow::Result<String> {
    let path = store.settings_path();
    let loaded = crate::store::settings::load(&path);
    if let Some(notice) = &loaded.notice {
        eprintln!("unknot: {notice}");
    }
    let base = loaded.settings;
    let mut mine = base.clone();
    mine.reminders.enabled = on;
    if let Some(problem) = mine.reminders.problem() {
        anyhow::bail!("reminders cannot be turned on: {problem}");
    }
    let saved = crate::store::settings::save_changes(&path, &base, &mine)?;
    apply_autostart(store, on)?;
    if !on {
        return Ok("Reminders are off; the autostart entry is removed.".to_owned());
    }
    let now = ZonedDateTime::now();
    let next = process::next_due_now(store, &saved.reminders, &now);
    Ok(format!(
        "Reminders are on ({}); they start at login.\nNext reminder: {}",
        describe(&saved.reminders),
        next_text(next.as_ref())
    ))
}

/// Writes (on) or removes (off) the autostart entry, and on starts the reminder process.
pub fn apply_autostart(store: &Store, on: bool) -> anyhow::Result<()> {
    if on {
        let binary = std::env::current_exe()?;
        autostart::write(store, &binary)?;
        start_in_background(&binary)?;
    } else {
        autostart::remove(store)?;
    }
    Ok(())
}

/// Starts `binary remind` in the background, detached from this process's input and output
/// (a second one exits at once if one already runs). Its exit is collected by a thread.
pub fn start_in_background(binary: &Path) -> std::io::Result<()> {
    let mut child = Command::new(binary)
        .arg("remind")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::Builder::new()
        .name("reminder process".to_owned())
        .spawn(move || {
            let _ = child.wait();
        })?;
    Ok(())
}

/// The schedule in a few words: "every 60 minutes, Mon Tue Wed Thu Fri, 09:00-12:30".
#[must_use]
pub fn describe(settings: &ReminderSettings) -> String {
    let when = match &settings.when {
        When::EveryMinutes(n) => format!("every {n} minutes"),
        When::At(times) => {
            let times: Vec<String> = times.iter().map(ToString::to_string).collect();
            format!("at {}", times.join(", "))
        }
    };
    let days: Vec<&str> = settings.days.iter().map(|d| d.label()).collect();
    let hours: Vec<String> = settings.hours.iter().map(ToString::to_string).collect();
    format!("{when}, {}, {}", days.join(" "), hours.join(" and "))
}

/// When the next reminder is due, in words.
#[must_use]
pub fn next_text(next: Option<&ZonedDateTime>) -> String {
    next.map_or_else(
        || "none in the next two weeks".to_owned(),
        |due| due.strftime("%a %-d %b %Y %H:%M").to_string(),
    )
}

/// `unknot reminders status`: on or off, the autostart entry, the process, whether a
/// notification service answered (`service_found`, `None` when it was not asked), the next
/// reminder.
#[must_use]
pub fn status_text(store: &Store, now: &ZonedDateTime, service_found: Option<bool>) -> String {
    let settings = crate::store::settings::peek(&store.settings_path()).unwrap_or_default();
    let reminders = &settings.reminders;
    let mut out = String::new();
    if reminders.enabled {
        let _ = writeln!(out, "Reminders: on ({})", describe(reminders));
    } else {
        out.push_str("Reminders: off (turn them on with `unknot reminders on`)\n");
    }
    let _ = match autostart::entry_path(store) {
        Some(path) if path.is_file() => {
            writeln!(out, "Autostart entry: present ({})", path.display())
        }
        Some(path) => writeln!(out, "Autostart entry: not present ({})", path.display()),
        None => writeln!(out, "Autostart entry: not possible (no config folder)"),
    };
    let running = crate::store::lock::is_held(&store.reminder_lock_path());
    out.push_str(if running {
        "Reminder process: running\n"
    } else {
        "Reminder process: not running\n"
    });
    out.push_str(match service_found {
        Some(true) => "Notification service: found\n",
        Some(false) => {
            "Notification service: not found (a small reminder window is shown instead, where there is a display)\n"
        }
        None => "Notification service: not checked\n",
    });
    if reminders.enabled {
        let next = process::next_due_now(store, reminders, now);
        let _ = writeln!(out, "Next reminder: {}", next_text(next.as_ref()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_says_what_is_set_and_what_is_there() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path());
        let now = jiff::civil::date(2026, 12, 2)
            .at(8, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .expect("a time");
        let off = status_text(&store, &now, Some(false));
        assert!(off.starts_with("Reminders: off"), "{off}");
        assert!(off.contains("Autostart entry: not present"), "{off}");
        assert!(off.contains("Reminder process: not running"), "{off}");
        assert!(off.contains("Notification service: not found"), "{off}");
        let mut settings = crate::core::settings::Settings::default();
        settings.reminders.enabled = true;
        crate::store::settings::save(&store.settings_path(), &settings).expect("save");
        autostart::write(&store, Path::new("/usr/bin/unknot")).expect("write");
        let on = status_text(&store, &now, Some(true));
        assert!(
            on.starts_with(
                "Reminders: on (every 60 minutes, Mon Tue Wed Thu Fri, 09:00-12:30 and 13:30-17:30)"
            ),
            "{on}"
        );
        assert!(on.contains("Autostart entry: present"), "{on}");
        assert!(on.contains("Notification service: found\n"), "{on}");
        assert!(on.contains("Next reminder: Wed 2 Dec 2026 10:00\n"), "{on}");
    }
}
