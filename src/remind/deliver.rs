//! Delivering one reminder, best way first, never forced.
//!
//! 1. A desktop notification ([`crate::remind::notification`]) with Start, Snooze and Not
//!    today where the service supports actions.
//! 2. With no notification service but a display: a small window in a child process (this
//!    binary's hidden `remind-window` subcommand, [`crate::remind::window`]), so the process
//!    that waits for reminders never loads a window system or a GPU context itself. Its answer
//!    comes back as one word on its standard output.
//! 3. With neither: the reminder is [`Answer::Missed`].
//!
//! Start opens the suggested session at once: handed to an Unknot window that is already open
//! ([`crate::remind::handoff`]), else in a new, detached `unknot start ID` process.

use std::io::Read as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt as _;

use crate::remind::handoff::{self, OpenRoutine};
use crate::remind::notification;
pub use crate::remind::notification::notification_service_available;
use crate::remind::window;

/// What a reminder says and what its Start opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nudge {
    /// The headline, e.g. "Time for a desk break".
    pub title: String,
    /// A sentence or two under it.
    pub body: String,
    /// The Start button's label.
    pub start_label: String,
    /// Arguments to this binary that open the suggested session, e.g. `["start", "desk-break"]`.
    pub start_args: Vec<String>,
    /// How long Snooze puts the reminder off, in minutes.
    pub snooze_minutes: u32,
}

/// What became of a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The person pressed Start, and the session was opened.
    Started,
    /// The person pressed Snooze.
    Snoozed,
    /// The person pressed Not today.
    NotToday,
    /// Shown, but closed or left unanswered.
    Ignored,
    /// It could not be shown at all (no notification service and no display).
    Missed,
}

/// What the person chose on a notification or the reminder window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Pressed Start.
    Start,
    /// Pressed Snooze.
    Snooze,
    /// Pressed Not today.
    NotToday,
    /// Closed it without choosing (or the service let it expire).
    Closed,
    /// Nothing within the wait; Unknot closed it.
    NoAnswer,
}

impl Reply {
    /// The word the reminder window prints for it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Snooze => "snooze",
            Self::NotToday => "not-today",
            Self::Closed => "closed",
            Self::NoAnswer => "no-answer",
        }
    }

    /// Reads a word printed by the reminder window.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        [
            Self::Start,
            Self::Snooze,
            Self::NotToday,
            Self::Closed,
            Self::NoAnswer,
        ]
        .into_iter()
        .find(|reply| reply.word() == word)
    }
}

/// How long the reminder window stays open at most before closing itself.
pub const WINDOW_OPEN_FOR: Duration = Duration::from_mins(3);
/// How long the window process may take beyond that to start and to end.
pub const WINDOW_GRACE: Duration = Duration::from_secs(10);

/// Where a reminder can go on this machine, and what runs Start.
#[derive(Clone, Debug)]
pub struct Delivery {
    /// This binary: runs the reminder window (`remind-window`) and Start (`start ID`).
    pub program: PathBuf,
    /// Whether there is a display to open a window on.
    pub display: bool,
    /// The socket of an Unknot window that may be open (see [`handoff`]).
    pub handoff_socket: Option<PathBuf>,
}

impl Delivery {
    /// This process's binary, display and runtime folder.
    #[must_use]
    pub fn for_this_machine() -> Self {
        Self {
            program: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("unknot")),
            display: window::display_available(),
            handoff_socket: handoff::socket_path(),
        }
    }

    /// Shows `nudge` (see [`deliver`]).
    #[must_use]
    pub fn deliver(&self, nudge: &Nudge, wait: Duration) -> Answer {
        let reply = match notification::show(nudge, wait) {
            Ok(reply) => reply,
            Err(why) if self.display => {
                eprintln!(
                    "unknot: no desktop notification ({why}); showing a small window instead"
                );
                match self.ask_in_window(nudge, wait) {
                    Some(reply) => reply,
                    None => return Answer::Missed,
                }
            }
            Err(why) => {
                eprintln!("unknot: reminder missed: {why}, and there is no display for a window");
                return Answer::Missed;
            }
        };
        match reply {
            Reply::Start => {
                self.start(nudge);
                Answer::Started
            }
            Reply::Snooze => Answer::Snoozed,
            Reply::NotToday => Answer::NotToday,
            Reply::Closed | Reply::NoAnswer => Answer::Ignored,
        }
    }

    /// Runs the reminder window and reads its reply; `None` if it could not open.
    fn ask_in_window(&self, nudge: &Nudge, wait: Duration) -> Option<Reply> {
        let open_for = wait.min(WINDOW_OPEN_FOR);
        let spawned = Command::new(&self.program)
            .arg(window::SUBCOMMAND)
            .args(window::arguments(nudge, open_for))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(error) => {
                eprintln!("unknot: could not open the reminder window: {error}");
                return None;
            }
        };
        let Ok(Some(status)) = child.wait_timeout(open_for + WINDOW_GRACE) else {
            // It outstayed its time: close it; the reminder went unanswered.
            let _ = child.kill();
            let _ = child.wait();
            return Some(Reply::NoAnswer);
        };
        let mut out = String::new();
        if let Some(stdout) = child.stdout.take() {
            let _ = stdout.take(64).read_to_string(&mut out);
        }
        if !status.success() {
            return None;
        }
        Some(Reply::from_word(out.trim()).unwrap_or(Reply::Closed))
    }

    /// Opens the suggested session: in the open window if there is one, else a new process.
    fn start(&self, nudge: &Nudge) {
        if let (Some(socket), Some(open)) = (
            &self.handoff_socket,
            OpenRoutine::from_start_args(&nudge.start_args),
        ) && handoff::send(socket, &open).is_ok()
        {
            return;
        }
        let mut command = Command::new(&self.program);
        command
            .args(&nudge.start_args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group: it outlives this one and never gets its signals.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        match command.spawn() {
            // Reaped when it ends, so no zombie is left behind.
            Ok(mut child) => {
                let _ = std::thread::Builder::new()
                    .name("unknot-started".to_owned())
                    .spawn(move || child.wait());
            }
            Err(error) => eprintln!("unknot: could not open the session: {error}"),
        }
    }
}

/// Shows the nudge the best way this desktop allows, waits at most `wait` for an answer, and
/// on Start opens the session itself. Never blocks longer than `wait` plus a few seconds.
#[must_use]
pub fn deliver(nudge: &Nudge, wait: Duration) -> Answer {
    Delivery::for_this_machine().deliver(nudge, wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reply_reads_back_from_its_word() {
        for reply in [
            Reply::Start,
            Reply::Snooze,
            Reply::NotToday,
            Reply::Closed,
            Reply::NoAnswer,
        ] {
            assert_eq!(Reply::from_word(reply.word()), Some(reply));
        }
        assert_eq!(Reply::from_word("later"), None);
    }
}
