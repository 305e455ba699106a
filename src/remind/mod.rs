//! Reminders: when to nudge the person, how a nudge reaches them, and how reminders start at
//! login.
//!
//! [`process`] is `unknot remind`: it sleeps until the next reminder of the schedule in
//! [`crate::core::reminders`], hands it to [`deliver`] and records what became of it in the
//! history. [`deliver`] shows one reminder the best way this desktop allows: a desktop
//! notification over D-Bus ([`notification`]), else a small window in a child process
//! ([`window`]), else nothing (the reminder is missed). [`handoff`] carries a reminder's Start
//! to an Unknot window that is already open. [`switch`] turns reminders on and off (`unknot
//! reminders on | off | status`, and the app's switch) and [`autostart`] writes the login
//! entry. This layer sits beside `app` and under `cli`: it uses `core`, `playback`, `store` and
//! `ui`, and never the app.

pub mod autostart;
pub mod deliver;
pub mod handoff;
pub mod notification;
pub mod process;
pub mod switch;
pub mod window;
