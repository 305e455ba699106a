//! Reminders: when to nudge the person, and how a nudge reaches them.
//!
//! [`deliver`] shows one reminder the best way this desktop allows: a desktop notification over
//! D-Bus ([`notification`]), else a small window in a child process ([`window`]), else nothing
//! (the reminder is missed). [`handoff`] carries a reminder's Start to an Unknot window that is
//! already open. This layer sits beside `app` and under `cli`: it uses `core`, `playback`,
//! `store` and `ui`, and never the app.

pub mod deliver;
pub mod handoff;
pub mod notification;
pub mod window;
