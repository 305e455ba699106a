//! The app's side of reminders: the Reminders switch writes or removes the login entry and
//! starts the reminder process; the Test button runs `unknot remind --test` as a child process
//! (so the window never waits); while a routine plays the app holds the marker lock that keeps
//! reminders away; and at launch it says once how many reminders were missed since the last.

use super::UnknotApp;
use crate::ui::Notice;

impl UnknotApp {
    /// Reminders turned on or off in the settings: writes or removes the autostart entry and,
    /// on, starts the reminder process (when this app may start processes).
    pub(super) fn switch_reminders(&mut self, on: bool) {
        let Some(store) = &self.store else { return };
        let done = if on {
            std::env::current_exe()
                .map_err(|e| e.to_string())
                .and_then(|binary| {
                    crate::remind::autostart::write(store, &binary).map_err(|e| e.to_string())?;
                    if self.run_reminder_processes {
                        crate::remind::switch::start_in_background(&binary)
                            .map_err(|e| e.to_string())?;
                    }
                    Ok(())
                })
        } else {
            crate::remind::autostart::remove(store).map_err(|e| e.to_string())
        };
        if let Err(error) = done {
            self.notify(Notice::with_details(
                if on {
                    "Reminders are on, but they could not be set to start at login."
                } else {
                    "Reminders are off, but their login entry could not be removed."
                },
                error,
            ));
        }
    }

    /// Sends one reminder now through the reminder process's own path, as a child process.
    pub(super) fn test_reminder(&mut self) {
        let started = if self.run_reminder_processes {
            std::env::current_exe().and_then(|binary| {
                let mut child = std::process::Command::new(binary)
                    .args(["remind", "--test"])
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()?;
                std::thread::Builder::new()
                    .name("test reminder".to_owned())
                    .spawn(move || {
                        let _ = child.wait();
                    })
                    .map(drop)
            })
        } else {
            Ok(())
        };
        match started {
            Ok(()) => self.notify(Notice::plain("A test reminder is on its way.")),
            Err(error) => self.notify(Notice::with_details(
                "The test reminder could not be sent.",
                error.to_string(),
            )),
        }
    }

    /// Holds the "a routine is playing" marker while the player shows, and lets go after.
    pub(super) fn sync_routine_marker(&mut self) {
        let playing = matches!(self.screen, super::screen::Screen::Player(_));
        if playing == self.routine_marker.is_some() {
            return;
        }
        self.routine_marker = if playing {
            self.store.as_ref().and_then(|store| {
                store.create_runtime_dir().ok()?;
                crate::store::lock::try_hold(&store.routine_running_path())
                    .ok()
                    .flatten()
            })
        } else {
            None
        };
    }

    /// At launch: how many reminders were missed since the last launch, said once.
    pub(super) fn tell_missed_reminders(&mut self) {
        if !self.settings.reminders.enabled {
            return;
        }
        let Some(log) = &self.history else { return };
        let Ok(loaded) = log.load() else { return };
        let now = self.conductor.local_now().timestamp();
        let since = jiff::Timestamp::from_second(self.settings.reminders_checked_at)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        if let Some(notice) = crate::core::reminders::missed_notice(&loaded.reminders, since) {
            self.notify(Notice::plain(notice));
        }
        self.settings.reminders_checked_at = now.as_second();
        self.settings_dirty = true;
    }
}
