//! Showing a reminder: the contract between the reminder process ([`super`]) and delivery.
//!
//! This body is a placeholder: every reminder counts as [`Answer::Missed`]. The `notify`
//! branch replaces it with the real delivery (a desktop notification over D-Bus, the small
//! fallback window, the Start hand-off to an open Unknot window) and adds sibling modules.

/// What a reminder says and what its Start opens.
pub struct Nudge {
    /// The reminder's title, e.g. "Time for a desk break".
    pub title: String,
    /// One or two lines saying what the session is.
    pub body: String,
    /// The label of the Start button.
    pub start_label: String,
    /// Arguments to this binary that open the suggested session, e.g. `["start", "desk-break"]`.
    pub start_args: Vec<String>,
    /// How long Snooze waits, in minutes.
    pub snooze_minutes: u32,
}

/// What became of a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The person pressed Start.
    Started,
    /// The person pressed Snooze.
    Snoozed,
    /// The person pressed Not today.
    NotToday,
    /// It was shown and the person did not answer in time.
    Ignored,
    /// It could not be shown at all (no display, no notification service).
    Missed,
}

/// Shows the nudge the best way this desktop allows, waits at most `wait` for an answer, and on
/// Start opens the session itself (notify branch). Never blocks longer than `wait` plus a few
/// seconds.
///
/// Placeholder until the notify branch lands: nothing is shown and the answer is
/// [`Answer::Missed`].
#[must_use]
pub fn deliver(nudge: &Nudge, wait: std::time::Duration) -> Answer {
    let _ = (nudge, wait);
    Answer::Missed
}
