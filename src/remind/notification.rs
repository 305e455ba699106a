//! A reminder as a desktop notification: `org.freedesktop.Notifications` on the session bus.
//!
//! [`show`] connects, asks the service what it can do (`GetCapabilities`), sends the nudge
//! (`Notify`) with Start, Snooze and Not today as actions when the service lists "actions"
//! (otherwise the body says how to start from the app), then waits for `ActionInvoked` or
//! `NotificationClosed`. Everything D-Bus happens on a worker thread, and the caller waits on a
//! channel with a timeout: a service that is missing answers at once, one that hangs is given
//! up on after [`SHOW_WAIT`], and a notification left unanswered for the whole wait is closed
//! (`CloseNotification`) and reported as [`Reply::NoAnswer`]. The caller never waits longer
//! than [`SHOW_WAIT`] plus the wait plus [`CLOSE_WAIT`].

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

use futures_lite::StreamExt as _;
use zbus::zvariant::Value;

use crate::remind::deliver::{Nudge, Reply};

/// The longest wait for the service to show a notification (connect, capabilities, Notify).
pub const SHOW_WAIT: Duration = Duration::from_secs(5);
/// The longest wait, after the person's time is up, for the notification to be closed.
pub const CLOSE_WAIT: Duration = Duration::from_secs(3);

/// The action keys sent with a notification (the labels are the nudge's own).
pub const ACTION_START: &str = "start";
/// See [`ACTION_START`].
pub const ACTION_SNOOZE: &str = "snooze";
/// See [`ACTION_START`].
pub const ACTION_NOT_TODAY: &str = "not-today";

/// Why no notification could be shown, in plain words: no session bus, no notification
/// service, or a service that did not answer in time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[zbus::proxy(
    interface = "org.freedesktop.Notifications",
    default_service = "org.freedesktop.Notifications",
    default_path = "/org/freedesktop/Notifications"
)]
trait Notifications {
    /// Shows a notification and returns its id.
    #[allow(clippy::too_many_arguments)] // The specification's signature.
    fn notify(
        &self,
        app_name: &str,
        replaces_id: u32,
        app_icon: &str,
        summary: &str,
        body: &str,
        actions: &[&str],
        hints: HashMap<&str, Value<'_>>,
        expire_timeout: i32,
    ) -> zbus::Result<u32>;

    /// Closes a notification.
    fn close_notification(&self, id: u32) -> zbus::Result<()>;

    /// What the service can do ("actions", "body", …).
    fn get_capabilities(&self) -> zbus::Result<Vec<String>>;

    /// The person chose an action.
    #[zbus(signal)]
    fn action_invoked(&self, id: u32, action_key: String) -> zbus::Result<()>;

    /// A notification went away (1 expired, 2 dismissed, 3 closed by a call, 4 other).
    #[zbus(signal)]
    fn notification_closed(&self, id: u32, reason: u32) -> zbus::Result<()>;
}

/// What the worker thread reports, in order: shown (or why not), then the reply.
enum Report {
    Shown,
    Failed(Unavailable),
    Replied(Reply),
}

/// Shows `nudge` as a notification and waits at most `wait` for the person's reply; `Err`
/// when there is no notification service to show it (the caller then tries another way).
pub fn show(nudge: &Nudge, wait: Duration) -> Result<Reply, Unavailable> {
    let (tx, rx) = mpsc::channel();
    let nudge = nudge.clone();
    std::thread::Builder::new()
        .name("unknot-notify".to_owned())
        .spawn(move || async_io::block_on(worker(&nudge, wait, &tx)))
        .map_err(|e| Unavailable(format!("could not start the notification thread: {e}")))?;
    match rx.recv_timeout(SHOW_WAIT + Duration::from_secs(1)) {
        Ok(Report::Shown) => {}
        Ok(Report::Failed(why)) => return Err(why),
        Ok(Report::Replied(reply)) => return Ok(reply),
        Err(_) => {
            return Err(Unavailable(
                "the notification service did not answer in time".to_owned(),
            ));
        }
    }
    match rx.recv_timeout(wait + CLOSE_WAIT + Duration::from_secs(1)) {
        Ok(Report::Replied(reply)) => Ok(reply),
        // The worker hung after showing it: nothing more can be done from here.
        _ => Ok(Reply::NoAnswer),
    }
}

/// Whether a notification service answers on the session bus within `timeout` (it may be
/// started on demand by the bus).
#[must_use]
pub fn notification_service_available(timeout: Duration) -> bool {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("unknot-notify-check".to_owned())
        .spawn(move || {
            let found = async_io::block_on(async {
                let connection = connect(timeout).await?;
                NotificationsProxy::new(&connection)
                    .await?
                    .get_capabilities()
                    .await
            })
            .is_ok();
            let _ = tx.send(found);
        });
    spawned.is_ok() && rx.recv_timeout(timeout).unwrap_or(false)
}

async fn connect(timeout: Duration) -> zbus::Result<zbus::Connection> {
    zbus::connection::Builder::session()?
        .method_timeout(timeout)
        .build()
        .await
}

/// The body to send: with actions, the nudge's own; without, it also says how to start.
fn body_text(nudge: &Nudge, actions: bool) -> String {
    if actions {
        nudge.body.clone()
    } else {
        format!(
            "{}\n\nTo start, open Unknot, or run: unknot {}",
            nudge.body,
            nudge.start_args.join(" ")
        )
    }
}

/// The actions list: key, label, key, label, ….
fn actions_list(nudge: &Nudge) -> [String; 6] {
    [
        ACTION_START.to_owned(),
        nudge.start_label.clone(),
        ACTION_SNOOZE.to_owned(),
        format!("Snooze {} min", nudge.snooze_minutes),
        ACTION_NOT_TODAY.to_owned(),
        "Not today".to_owned(),
    ]
}

/// A signal about one notification.
enum Signal {
    Action(u32, String),
    Closed(u32),
}

async fn worker(nudge: &Nudge, wait: Duration, tx: &mpsc::Sender<Report>) {
    let shown = async {
        let connection = connect(SHOW_WAIT).await?;
        let proxy = NotificationsProxy::new(&connection).await?;
        let capabilities = proxy.get_capabilities().await?;
        let actions = capabilities.iter().any(|c| c == "actions");
        // Listen before sending, so a quick answer is not missed.
        let invoked = proxy.receive_action_invoked().await?;
        let closed = proxy.receive_notification_closed().await?;
        let signals = futures_lite::stream::or(
            invoked.filter_map(|s| s.args().ok().map(|a| Signal::Action(a.id, a.action_key))),
            closed.filter_map(|s| s.args().ok().map(|a| Signal::Closed(a.id))),
        );
        let listed = actions_list(nudge);
        let action_refs: Vec<&str> = if actions {
            listed.iter().map(String::as_str).collect()
        } else {
            Vec::new()
        };
        let mut hints = HashMap::new();
        hints.insert("desktop-entry", Value::from(crate::core::app_id::APP_ID));
        hints.insert("urgency", Value::U8(1));
        let expire_ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
        let id = proxy
            .notify(
                "Unknot",
                0,
                crate::core::app_id::APP_ID,
                &nudge.title,
                &body_text(nudge, actions),
                &action_refs,
                hints,
                expire_ms,
            )
            .await?;
        Ok::<_, zbus::Error>((connection, proxy, signals, id))
    };
    let (_connection, proxy, mut signals, id) = match shown.await {
        Ok(shown) => shown,
        Err(error) => {
            let _ = tx.send(Report::Failed(Unavailable(describe(&error))));
            return;
        }
    };
    let _ = tx.send(Report::Shown);
    let answered = async {
        while let Some(signal) = signals.next().await {
            match signal {
                Signal::Action(of, key) if of == id => match key.as_str() {
                    ACTION_START => return Some(Reply::Start),
                    ACTION_SNOOZE => return Some(Reply::Snooze),
                    ACTION_NOT_TODAY => return Some(Reply::NotToday),
                    _ => {}
                },
                Signal::Closed(of) if of == id => return Some(Reply::Closed),
                _ => {}
            }
        }
        None
    };
    let time_up = async {
        async_io::Timer::after(wait).await;
        None
    };
    let reply = futures_lite::future::or(answered, time_up).await;
    if !matches!(reply, Some(Reply::Closed)) {
        // Unanswered, or answered by an action on a service that keeps it: close it, briefly.
        let close = async {
            let _ = proxy.close_notification(id).await;
        };
        let give_up = async {
            async_io::Timer::after(CLOSE_WAIT).await;
        };
        futures_lite::future::or(close, give_up).await;
    }
    let _ = tx.send(Report::Replied(reply.unwrap_or(Reply::NoAnswer)));
}

/// A D-Bus error in plain words.
fn describe(error: &zbus::Error) -> String {
    match error {
        zbus::Error::MethodError(name, _, _)
            if name.as_str() == "org.freedesktop.DBus.Error.ServiceUnknown" =>
        {
            "no notification service is running".to_owned()
        }
        zbus::Error::InputOutput(_) | zbus::Error::Address(_) => {
            format!("no session bus to send notifications on ({error})")
        }
        _ => format!("the notification service failed: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nudge() -> Nudge {
        Nudge {
            title: "Time for a desk break".to_owned(),
            body: "Five minutes for your back.".to_owned(),
            start_label: "Start".to_owned(),
            start_args: vec!["start".to_owned(), "desk-break".to_owned()],
            snooze_minutes: 10,
        }
    }

    #[test]
    fn actions_are_start_snooze_and_not_today_with_the_snooze_length() {
        assert_eq!(
            actions_list(&nudge()),
            [
                "start",
                "Start",
                "snooze",
                "Snooze 10 min",
                "not-today",
                "Not today"
            ]
            .map(str::to_owned)
        );
    }

    #[test]
    fn without_actions_the_body_says_how_to_start() {
        assert_eq!(body_text(&nudge(), true), "Five minutes for your back.");
        assert_eq!(
            body_text(&nudge(), false),
            "Five minutes for your back.\n\nTo start, open Unknot, or run: unknot start desk-break"
        );
    }
}
