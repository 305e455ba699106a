//! Reminders: the background process that nudges the person to move at the times they chose,
//! and how it starts at login.
//!
//! [`process`] is `unknot remind`: it sleeps until the next reminder of the schedule in
//! [`crate::core::reminders`], hands it to [`deliver`] and records what became of it in the
//! history. [`switch`] turns reminders on and off (`unknot reminders on | off | status`, and
//! the app's switch) and [`autostart`] writes the login entry. This layer sits beside `app`
//! and under `cli`: it uses `core` and `store`, and never the app.

pub mod autostart;
pub mod deliver;
pub mod process;
pub mod switch;
