//! The reminder process, `unknot remind`: no window, no GPU; it sleeps until the next reminder
//! and hands it to [`deliver`].

pub mod deliver;
