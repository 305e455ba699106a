//! Reminders reaching the person: a real D-Bus session bus with a notification service written
//! here (it owns `org.freedesktop.Notifications`, records what it is sent and answers as each
//! test tells it), the fallback window's subcommand and its UI, and Start handed to an open
//! window.
//!
//! The bus tests need `DBUS_SESSION_BUS_ADDRESS` (`scripts/test` runs the suite under
//! `dbus-run-session`); without it they say so loudly and skip.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::ScreenKind;
use unknot::playback::clock::ManualClock;
use unknot::remind::deliver::{Answer, Delivery, Nudge, Reply};
use unknot::remind::handoff::{self, OpenRoutine};
use unknot::remind::notification::{self, notification_service_available};
use unknot::remind::window::{ReminderWindow, WINDOW_SIZE, WindowText};

mod common;

use common::rig::Launch;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// The notification service the bus tests run.
mod service {
    // The interface macro adds public items of its own, which carry no documentation.
    #![allow(missing_docs)]

    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, PoisonError};
    use std::time::Duration;

    use zbus::object_server::SignalEmitter;
    use zbus::zvariant::OwnedValue;

    /// What the test service does once it is sent a notification.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Then {
        /// The person presses this action.
        Press(&'static str),
        /// The person closes it.
        Dismiss,
        /// Nobody does anything.
        Nothing,
        /// `Notify` itself never returns (a hung service).
        Hang,
    }

    /// One `Notify` call as the service received it.
    #[derive(Clone, Debug)]
    pub struct Sent {
        pub app_name: String,
        pub replaces_id: u32,
        pub app_icon: String,
        pub expire_timeout: i32,
        pub summary: String,
        pub body: String,
        pub actions: Vec<String>,
        pub hints: Vec<String>,
    }

    #[derive(Default)]
    pub struct Record {
        pub sent: Vec<Sent>,
        pub closed_by_app: Vec<u32>,
    }

    pub struct Service {
        pub capabilities: Vec<String>,
        pub then: Then,
        pub record: Arc<Mutex<Record>>,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Service {
        /// Records the notification and answers as the test said.
        #[allow(clippy::too_many_arguments)] // The specification's signature.
        async fn notify(
            &self,
            #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
            app_name: String,
            replaces_id: u32,
            app_icon: String,
            summary: String,
            body: String,
            actions: Vec<String>,
            hints: HashMap<String, OwnedValue>,
            expire_timeout: i32,
        ) -> u32 {
            let id = {
                let mut record = self.record.lock().unwrap_or_else(PoisonError::into_inner);
                let mut hints: Vec<String> = hints.into_keys().collect();
                hints.sort();
                record.sent.push(Sent {
                    app_name,
                    replaces_id,
                    app_icon,
                    expire_timeout,
                    summary,
                    body,
                    actions,
                    hints,
                });
                // Ids start at 7 so that a wrong id is not the right one by chance.
                6 + record.sent.len() as u32
            };
            // Another notification's signals come first: they must be ignored.
            let _ = Self::action_invoked(&emitter, id + 100, "start").await;
            match self.then {
                Then::Press(key) => {
                    let _ = Self::action_invoked(&emitter, id, key).await;
                    let _ = Self::notification_closed(&emitter, id, 2).await;
                }
                Then::Dismiss => {
                    let _ = Self::notification_closed(&emitter, id, 2).await;
                }
                Then::Nothing => {}
                Then::Hang => {
                    async_io::Timer::after(Duration::from_secs(30)).await;
                }
            }
            id
        }

        /// Records that Unknot closed it.
        async fn close_notification(
            &self,
            #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
            id: u32,
        ) {
            self.record
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .closed_by_app
                .push(id);
            let _ = Self::notification_closed(&emitter, id, 3).await;
        }

        /// What the test said this service can do.
        fn get_capabilities(&self) -> Vec<String> {
            self.capabilities.clone()
        }

        /// The person chose an action.
        #[zbus(signal)]
        async fn action_invoked(
            emitter: &SignalEmitter<'_>,
            id: u32,
            action_key: &str,
        ) -> zbus::Result<()>;

        /// A notification went away.
        #[zbus(signal)]
        async fn notification_closed(
            emitter: &SignalEmitter<'_>,
            id: u32,
            reason: u32,
        ) -> zbus::Result<()>;
    }
}

use service::{Record, Sent, Service, Then};

/// One bus test at a time: they share the one well-known name.
static BUS: Mutex<()> = Mutex::new(());

/// The session bus is there, or the test says loudly that it is skipped (and fails where
/// `UNKNOT_REQUIRE_BUS` is set, as in CI, so these tests never go unrun there).
fn bus() -> Option<MutexGuard<'static, ()>> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty()) {
        assert!(
            std::env::var_os("UNKNOT_REQUIRE_BUS").is_none(),
            "UNKNOT_REQUIRE_BUS is set but there is no D-Bus session bus: run scripts/test"
        );
        eprintln!(
            "\n*** SKIPPED: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset). \
             Run the tests with scripts/test, which starts one with dbus-run-session. ***\n"
        );
        return None;
    }
    Some(BUS.lock().unwrap_or_else(PoisonError::into_inner))
}

/// The test's notification service on the session bus; gives the name up when dropped.
struct Running {
    connection: zbus::Connection,
    record: Arc<Mutex<Record>>,
}

impl Running {
    fn start(capabilities: &[&str], then: Then) -> Self {
        let record = Arc::new(Mutex::new(Record::default()));
        let service = Service {
            capabilities: capabilities.iter().map(|c| (*c).to_owned()).collect(),
            then,
            record: Arc::clone(&record),
        };
        let connection = async_io::block_on(async {
            let connection = zbus::connection::Builder::session()?
                .serve_at(PATH, service)?
                .build()
                .await?;
            connection
                // Never take the name from a real notification service.
                .request_name_with_flags(NAME, zbus::fdo::RequestNameFlags::DoNotQueue.into())
                .await?;
            Ok::<_, zbus::Error>(connection)
        })
        .expect(
            "the test service owns org.freedesktop.Notifications (if another service has it, \
             run the tests on a private bus: scripts/test)",
        );
        Self { connection, record }
    }

    fn sent(&self) -> Vec<Sent> {
        self.record
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .sent
            .clone()
    }

    fn closed_by_app(&self) -> Vec<u32> {
        self.record
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed_by_app
            .clone()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = async_io::block_on(self.connection.release_name(NAME));
    }
}

fn nudge() -> Nudge {
    Nudge {
        title: "Time for a desk break".to_owned(),
        body: "Five minutes, seated, for your lower back.".to_owned(),
        start_label: "Start".to_owned(),
        start_args: vec!["start".to_owned(), "desk-break".to_owned()],
        snooze_minutes: 10,
    }
}

/// A stand-in for this binary: writes its arguments, one a line, to `args.txt`, and as
/// `remind-window` prints `answer`.
fn stand_in(dir: &Path, answer: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let record = dir.join("args.txt");
    let script = dir.join("unknot-stand-in");
    let text = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\nif [ \"$1\" = remind-window ]; then echo {answer}; fi\n",
        record.display()
    );
    std::fs::write(&script, text).expect("write the stand-in");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

/// The arguments the stand-in was run with, waiting (bounded) for a detached run to write them.
fn args_of(dir: &Path, within: Duration) -> Vec<String> {
    let deadline = Instant::now() + within;
    loop {
        if let Ok(text) = std::fs::read_to_string(dir.join("args.txt"))
            && !text.is_empty()
        {
            return text.lines().map(str::to_owned).collect();
        }
        if Instant::now() >= deadline {
            return Vec::new();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn delivery(dir: &Path, answer: &str, display: bool) -> Delivery {
    Delivery {
        program: stand_in(dir, answer),
        display,
        handoff_socket: Some(dir.join("app.sock")),
    }
}

const ACTIONS: [&str; 2] = ["actions", "body"];

#[test]
fn start_on_the_notification_opens_the_session_in_a_new_window() {
    let Some(_bus) = bus() else { return };
    let service = Running::start(&ACTIONS, Then::Press("start"));
    let dir = tempfile::tempdir().expect("temp dir");
    let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_secs(20));
    assert_eq!(answer, Answer::Started);
    let sent = service.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].app_name, "Unknot");
    assert_eq!(sent[0].summary, "Time for a desk break");
    assert_eq!(sent[0].body, "Five minutes, seated, for your lower back.");
    assert_eq!(
        sent[0].actions,
        [
            "start",
            "Start",
            "snooze",
            "Snooze 10 min",
            "not-today",
            "Not today"
        ]
    );
    assert_eq!(sent[0].hints, ["desktop-entry", "urgency"]);
    assert_eq!(sent[0].replaces_id, 0);
    assert_eq!(sent[0].app_icon, unknot::core::app_id::APP_ID);
    assert_eq!(
        sent[0].expire_timeout, 20_000,
        "it lasts as long as Unknot waits"
    );
    // No window was open, so Start ran `unknot start desk-break` (and no reminder window).
    assert_eq!(
        args_of(dir.path(), Duration::from_secs(5)),
        ["start", "desk-break"]
    );
}

#[test]
fn start_on_the_notification_goes_to_the_window_already_open() {
    let Some(_bus) = bus() else { return };
    let _service = Running::start(&ACTIONS, Then::Press("start"));
    let dir = tempfile::tempdir().expect("temp dir");
    let (tx, rx) = std::sync::mpsc::channel();
    let _window = handoff::listen(&dir.path().join("app.sock"), move |open| {
        let _ = tx.send(open);
    })
    .expect("listen");
    let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_secs(20));
    assert_eq!(answer, Answer::Started);
    assert_eq!(
        rx.try_recv().ok(),
        Some(OpenRoutine {
            routine_id: "desk-break".to_owned(),
            minutes: None
        })
    );
    assert!(
        args_of(dir.path(), Duration::from_millis(300)).is_empty(),
        "no second window is started"
    );
}

#[test]
fn snooze_and_not_today_on_the_notification_are_answers_that_start_nothing() {
    let Some(_bus) = bus() else { return };
    for (key, expected) in [("snooze", Answer::Snoozed), ("not-today", Answer::NotToday)] {
        let service = Running::start(&ACTIONS, Then::Press(key));
        let dir = tempfile::tempdir().expect("temp dir");
        let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_secs(20));
        assert_eq!(answer, expected, "{key}");
        assert_eq!(service.sent().len(), 1);
        assert!(args_of(dir.path(), Duration::from_millis(200)).is_empty());
    }
}

#[test]
fn a_dismissed_notification_is_ignored() {
    let Some(_bus) = bus() else { return };
    let service = Running::start(&ACTIONS, Then::Dismiss);
    let dir = tempfile::tempdir().expect("temp dir");
    let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_secs(20));
    assert_eq!(answer, Answer::Ignored);
    assert!(
        service.closed_by_app().is_empty(),
        "already closed by the person"
    );
}

#[test]
fn a_service_without_actions_gets_plain_text_saying_how_to_start() {
    let Some(_bus) = bus() else { return };
    let service = Running::start(&["body"], Then::Nothing);
    let dir = tempfile::tempdir().expect("temp dir");
    let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_millis(500));
    assert_eq!(answer, Answer::Ignored);
    let sent = service.sent();
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].actions.is_empty(),
        "no buttons the service cannot show"
    );
    assert!(
        sent[0]
            .body
            .ends_with("To start, open Unknot, or run: unknot start desk-break"),
        "{}",
        sent[0].body
    );
}

#[test]
fn an_unanswered_notification_is_closed_and_ignored_on_time() {
    let Some(_bus) = bus() else { return };
    let service = Running::start(&ACTIONS, Then::Nothing);
    let dir = tempfile::tempdir().expect("temp dir");
    let began = Instant::now();
    let answer = delivery(dir.path(), "", true).deliver(&nudge(), Duration::from_secs(1));
    let took = began.elapsed();
    assert_eq!(answer, Answer::Ignored);
    assert!(
        took >= Duration::from_secs(1),
        "waited the whole wait: {took:?}"
    );
    assert!(took < Duration::from_secs(4), "and not much more: {took:?}");
    assert_eq!(
        service.closed_by_app(),
        [7],
        "Unknot closed its notification"
    );
    assert!(args_of(dir.path(), Duration::from_millis(100)).is_empty());
}

#[test]
fn a_hung_service_never_blocks_and_the_small_window_is_used() {
    let Some(_bus) = bus() else { return };
    let _service = Running::start(&ACTIONS, Then::Hang);
    let dir = tempfile::tempdir().expect("temp dir");
    let began = Instant::now();
    let answer = delivery(dir.path(), "not-today", true).deliver(&nudge(), Duration::from_secs(1));
    let took = began.elapsed();
    assert_eq!(answer, Answer::NotToday);
    assert!(
        took < notification::SHOW_WAIT + Duration::from_secs(3),
        "bounded: {took:?}"
    );
    assert_eq!(args_of(dir.path(), Duration::ZERO)[0], "remind-window");
}

#[test]
fn with_no_notification_service_the_small_window_asks_instead() {
    let Some(_bus) = bus() else { return };
    assert!(!notification_service_available(Duration::from_secs(2)));
    let dir = tempfile::tempdir().expect("temp dir");
    let began = Instant::now();
    let answer = delivery(dir.path(), "snooze", true).deliver(&nudge(), Duration::from_mins(1));
    assert_eq!(answer, Answer::Snoozed);
    assert!(
        began.elapsed() < Duration::from_secs(3),
        "no waiting for a service that is not there"
    );
    let args = args_of(dir.path(), Duration::ZERO);
    assert_eq!(
        args,
        [
            "remind-window",
            "--title",
            "Time for a desk break",
            "--body",
            "Five minutes, seated, for your lower back.",
            "--start-label",
            "Start",
            "--snooze-minutes",
            "10",
            "--open-for",
            "60",
        ]
    );
}

#[test]
fn start_in_the_small_window_opens_the_session() {
    let Some(_bus) = bus() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let answer = delivery(dir.path(), "start", true).deliver(&nudge(), Duration::from_mins(1));
    assert_eq!(answer, Answer::Started);
    let args = args_of(dir.path(), Duration::ZERO);
    assert_eq!(args[0], "remind-window");
    // The detached `start` writes after the window's lines.
    let deadline = Instant::now() + Duration::from_secs(5);
    while !args_of(dir.path(), Duration::ZERO)
        .ends_with(&["start".to_owned(), "desk-break".to_owned()])
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        args_of(dir.path(), Duration::ZERO)
            .ends_with(&["start".to_owned(), "desk-break".to_owned()])
    );
}

#[test]
fn with_no_service_and_no_display_the_reminder_is_missed() {
    let Some(_bus) = bus() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let answer = delivery(dir.path(), "start", false).deliver(&nudge(), Duration::from_mins(1));
    assert_eq!(answer, Answer::Missed);
    assert!(
        args_of(dir.path(), Duration::from_millis(200)).is_empty(),
        "nothing was run"
    );
}

#[test]
fn the_service_check_finds_a_running_service() {
    let Some(_bus) = bus() else { return };
    let _service = Running::start(&ACTIONS, Then::Nothing);
    assert!(notification_service_available(Duration::from_secs(2)));
}

#[test]
fn the_window_subcommand_without_a_display_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_unknot"))
        .args(["remind-window", "--title", "Break", "--body", "Now"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("UNKNOT_HOME", dir.path())
        .output()
        .expect("run unknot");
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no answer is printed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot open the reminder window: no display found"),
        "{stderr}"
    );
}

// The small window's own UI, driven as a person would.

fn window_text() -> WindowText {
    WindowText {
        title: "Time for a desk break".to_owned(),
        body: "Five minutes, seated, for your lower back.".to_owned(),
        start_label: "Start".to_owned(),
        snooze_minutes: 30,
    }
}

fn open_window(clock: &ManualClock, chimes: &Arc<Mutex<u32>>) -> Harness<'static, ReminderWindow> {
    let clock: Arc<ManualClock> = Arc::new(clock.clone());
    let rung = Arc::clone(chimes);
    let chime = Box::new(move || *rung.lock().unwrap_or_else(PoisonError::into_inner) += 1);
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::from(unknot::remind::window::WINDOW_SIZE))
        .build_eframe(move |_cc| {
            ReminderWindow::new(window_text(), Duration::from_mins(3), clock, chime)
        });
    harness.run();
    harness
}

#[test]
fn the_window_shows_the_nudge_and_three_choices_that_fit_and_chimes_once() {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let clock = ManualClock::new();
        let chimes = Arc::new(Mutex::new(0));
        let mut harness = open_window(&clock, &chimes);
        harness.ctx.set_theme(theme);
        harness.run();
        for label in [
            "Time for a desk break",
            "Five minutes, seated, for your lower back.",
            "Start",
            "Snooze 30 min",
            "Not today",
            "This closes by itself after 3 minutes.",
        ] {
            let rect = harness.get_by_label(label).rect();
            assert!(
                rect.left() >= 0.0
                    && rect.right() <= WINDOW_SIZE[0]
                    && rect.bottom() <= WINDOW_SIZE[1],
                "{label} fits the window: {rect:?}"
            );
        }
        harness.run_steps(5);
        assert_eq!(
            *chimes.lock().unwrap_or_else(PoisonError::into_inner),
            1,
            "one chime"
        );
        assert_eq!(harness.state().reply(), None, "it waits");
    }
}

#[test]
fn each_button_gives_its_answer_and_closes_the_window() {
    for (label, reply) in [
        ("Start", Reply::Start),
        ("Snooze 30 min", Reply::Snooze),
        ("Not today", Reply::NotToday),
    ] {
        let clock = ManualClock::new();
        let mut harness = open_window(&clock, &Arc::new(Mutex::new(0)));
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(harness.state().reply(), Some(reply), "{label}");
        assert!(harness.state().closing(), "{label} closes it");
    }
}

#[test]
fn the_window_closes_itself_after_three_minutes_unanswered() {
    let clock = ManualClock::new();
    let mut harness = open_window(&clock, &Arc::new(Mutex::new(0)));
    clock.advance(Duration::from_secs(179));
    harness.run_steps(1);
    assert_eq!(harness.state().reply(), None);
    assert!(!harness.state().closing());
    clock.advance(Duration::from_secs(1));
    harness.run_steps(1);
    assert_eq!(harness.state().reply(), Some(Reply::NoAnswer));
    assert!(harness.state().closing());
    // A late click changes nothing: the first answer stands.
    harness.get_by_label("Start").click();
    harness.run_steps(1);
    assert_eq!(harness.state().reply(), Some(Reply::NoAnswer));
}

// Start handed to an Unknot window that is already open.

#[test]
fn a_reminders_start_opens_the_routine_in_the_open_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let socket = dir.path().join("app.sock");
    // A socket file left by a window that crashed does not stop this one listening.
    drop(std::os::unix::net::UnixListener::bind(&socket).expect("bind"));
    let mut harness = Launch::new(dir.path())
        .handoff_socket(&socket)
        .run()
        .harness;
    assert_eq!(harness.state().screen(), ScreenKind::Home);
    let desk = OpenRoutine {
        routine_id: "desk-break".to_owned(),
        minutes: None,
    };
    handoff::send(&socket, &desk).expect("the open window takes it");
    harness.run();
    assert_eq!(harness.state().screen(), ScreenKind::Player);
    assert!(harness.query_by_label("Five-minute desk break").is_some());
    assert!(harness.query_by_label("GET READY").is_some());

    // While a routine runs, another Start does not replace it.
    let morning = OpenRoutine {
        routine_id: "morning-mobility".to_owned(),
        minutes: None,
    };
    handoff::send(&socket, &morning).expect("the open window takes it");
    harness.run();
    assert_eq!(harness.state().screen(), ScreenKind::Player);
    assert!(harness.query_by_label("Five-minute desk break").is_some());
    assert!(
        harness
            .query_by_label_contains("A reminder's Start was not opened here")
            .is_some()
    );

    drop(harness);
    assert!(!socket.exists(), "the window's socket goes with it");
}
