//! Two Unknot processes sharing one home (two windows, or the app and the reminder process):
//! neither loses the other's settings or sessions.
//!
//! Each test starts this very test binary twice more as child processes, each running the
//! ignored test [`child`] with a role in [`ROLE_ENV`]; the two run at the same time against
//! the same folder, through the same store functions the app uses, and the parent checks what
//! is on disk when both are done. The reminder process is also run for real (`unknot remind`)
//! while this process changes the settings as the app does.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use unknot::core::fit::LengthChoice;
use unknot::core::history::{Ending, LocalStart, SessionInput, SessionRecord, StepRef};
use unknot::core::reminders::{Outcome, ReminderRecord, When};
use unknot::core::settings::Settings;
use unknot::store::Store;
use unknot::store::history::HistoryStore;
use unknot::store::settings;

/// The child's role: `settings:<tag>`, `append:<tag>` or `amend:<tag>`.
const ROLE_ENV: &str = "UNKNOT_TEST_CHILD_ROLE";
/// The Unknot folder both children share.
const HOME_ENV: &str = "UNKNOT_TEST_CHILD_HOME";
/// How many changes each child makes.
const ROUNDS: usize = 50;

/// Starts two children with these roles on `home` at once and waits for both to succeed.
fn run_two_children(home: &Path, roles: [&str; 2]) {
    let exe = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = roles
        .iter()
        .map(|role| {
            Command::new(&exe)
                .args(["--ignored", "--exact", "child", "--nocapture"])
                .env(ROLE_ENV, role)
                .env(HOME_ENV, home)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("a child process starts")
        })
        .collect();
    for (child, role) in children.into_iter().zip(roles) {
        let output = child.wait_with_output().expect("the child ends");
        assert!(
            output.status.success(),
            "{role}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // The child test really ran (not filtered out).
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("1 passed"),
            "{role}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}

fn session(tag: &str, n: usize) -> SessionRecord {
    let day = jiff::civil::date(2026, 12, 1);
    SessionRecord::from_input(&SessionInput {
        started: LocalStart::utc(day.at(9, 0, 0, 0)),
        routine_id: format!("{tag}-{n}"),
        routine_name: format!("Routine {tag} {n}"),
        planned_secs: 300,
        actual_secs: 300,
        done: vec![StepRef::new("cat-cow", Some("cat-cow"))],
        skipped: Vec::new(),
        ending: Ending::Finished,
        pain_before: None,
        note: String::new(),
    })
}

fn reminder(n: usize) -> ReminderRecord {
    let day = jiff::civil::date(2026, 12, 2);
    ReminderRecord {
        due: LocalStart::utc(day.at(9, 0, 0, 0)),
        outcome: [Outcome::Started, Outcome::Snoozed, Outcome::Missed][n % 3],
    }
}

fn minutes(n: usize) -> LengthChoice {
    LengthChoice {
        target_minutes: Some(u32::try_from(n % 60 + 1).expect("small")),
        ..LengthChoice::default()
    }
}

/// What a child does; run only as a child of the tests below.
#[test]
#[ignore = "run by the tests in this file as a second process"]
fn child() {
    let role = std::env::var(ROLE_ENV).expect("started by a test with a role");
    let home = PathBuf::from(std::env::var_os(HOME_ENV).expect("and a home"));
    let store = Store::at(&home);
    let (what, tag) = role.split_once(':').expect("what:tag");
    match what {
        // As the app does: change the settings in memory, save what changed since the last save.
        "settings" => {
            let path = store.settings_path();
            let mut mine = settings::load(&path).settings;
            let mut saved = mine.clone();
            for n in 0..ROUNDS {
                mine.lengths.insert(format!("{tag}-{n}"), minutes(n));
                settings::save_changes(&path, &saved, &mine).expect("saved");
                saved = mine.clone();
            }
        }
        "append" => {
            let log = HistoryStore::new(&store);
            for n in 0..ROUNDS {
                log.append(&session(tag, n)).expect("appended");
            }
        }
        // Append a session, then add the answer after it (which rewrites the whole file).
        "amend" => {
            let log = HistoryStore::new(&store);
            for n in 0..ROUNDS {
                let record = session(tag, n);
                log.append(&record).expect("appended");
                let rated = record.with_after(unknot::core::history::PainRating::new(3), "ok");
                log.replace(&record, &rated).expect("amended");
            }
        }
        // As the reminder process does: record each reminder and what became of it.
        "remind" => {
            let log = HistoryStore::new(&store);
            for n in 0..ROUNDS {
                log.append_reminder(&reminder(n)).expect("appended");
            }
        }
        other => panic!("unknown role {other}"),
    }
}

#[test]
fn two_processes_saving_settings_both_keep_their_lengths() {
    let home = tempfile::tempdir().expect("temp dir");
    // A choice made before either started is kept too.
    let path = Store::at(home.path()).settings_path();
    let mut before = Settings::default();
    before.lengths.insert("earlier".to_owned(), minutes(9));
    settings::save(&path, &before).expect("seed");
    run_two_children(home.path(), ["settings:a", "settings:b"]);
    let loaded = settings::load(&path);
    assert_eq!(loaded.notice, None);
    let lengths = loaded.settings.lengths;
    for tag in ["a", "b"] {
        for n in 0..ROUNDS {
            assert_eq!(
                lengths.get(&format!("{tag}-{n}")),
                Some(&minutes(n)),
                "{tag}-{n} was lost"
            );
        }
    }
    assert_eq!(lengths.get("earlier"), Some(&minutes(9)));
    assert_eq!(lengths.len(), 2 * ROUNDS + 1);
}

#[test]
fn two_processes_appending_give_every_session_on_a_whole_line() {
    let home = tempfile::tempdir().expect("temp dir");
    run_two_children(home.path(), ["append:a", "append:b"]);
    let log = HistoryStore::new(&Store::at(home.path()));
    let text = std::fs::read_to_string(log.path()).expect("read");
    assert_eq!(text.lines().count(), 2 * ROUNDS);
    assert!(text.ends_with('\n'));
    let loaded = log.load().expect("load");
    assert_eq!(loaded.damaged, []);
    assert_eq!(loaded.sessions.len(), 2 * ROUNDS);
}

#[test]
fn a_session_appended_while_another_process_rewrites_the_history_is_kept() {
    let home = tempfile::tempdir().expect("temp dir");
    run_two_children(home.path(), ["append:a", "amend:b"]);
    let loaded = HistoryStore::new(&Store::at(home.path()))
        .load()
        .expect("load");
    assert_eq!(loaded.damaged, []);
    for n in 0..ROUNDS {
        let appended = loaded
            .sessions
            .iter()
            .filter(|s| s.routine_id == format!("a-{n}"))
            .count();
        assert_eq!(appended, 1, "a-{n} was lost or doubled");
        let amended = loaded
            .sessions
            .iter()
            .find(|s| s.routine_id == format!("b-{n}"))
            .expect("b's session is there");
        assert_eq!(
            (amended.pain_after, amended.note.as_str()),
            (unknot::core::history::PainRating::new(3), "ok"),
            "b-{n} has its answer"
        );
    }
    assert_eq!(loaded.sessions.len(), 2 * ROUNDS);
}

#[test]
fn reminders_recorded_while_the_app_appends_and_amends_sessions_are_all_kept() {
    let home = tempfile::tempdir().expect("temp dir");
    run_two_children(home.path(), ["amend:a", "remind:b"]);
    let loaded = HistoryStore::new(&Store::at(home.path()))
        .load()
        .expect("load");
    assert_eq!(loaded.damaged, []);
    assert_eq!(loaded.sessions.len(), ROUNDS, "every session");
    assert!(
        loaded.sessions.iter().all(|s| s.note == "ok"),
        "each amended"
    );
    let expected: Vec<ReminderRecord> = (0..ROUNDS).map(reminder).collect();
    assert_eq!(loaded.reminders, expected, "every reminder, in order");
}

/// Reads the child's stderr until a line contains `wanted`, at most `within`.
fn wait_for_line(
    lines: &std::sync::mpsc::Receiver<String>,
    wanted: &str,
    within: std::time::Duration,
) -> Result<(), Vec<String>> {
    let deadline = std::time::Instant::now() + within;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(wanted) => return Ok(()),
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    Err(seen)
}

#[test]
fn the_reminder_process_picks_up_settings_the_app_saves_and_never_overwrites_them() {
    use std::io::BufRead as _;
    let home = tempfile::tempdir().expect("temp dir");
    let store = Store::at(home.path());
    let path = store.settings_path();
    let mut on = Settings::default();
    on.reminders.enabled = true;
    settings::save(&path, &on).expect("seed");
    let binary = env!("CARGO_BIN_EXE_unknot");
    let mut remind = Command::new(binary)
        .args(["remind", "--tick-ms", "100"])
        .env("UNKNOT_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unknot remind starts");
    let stderr = remind.stderr.take().expect("piped");
    let (send, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = send.send(line);
        }
    });
    let ten_secs = std::time::Duration::from_secs(10);
    wait_for_line(&lines, "next reminder", ten_secs).expect("it says when the next one is");
    // A second one sees the first and leaves at once, successfully.
    let second = Command::new(binary)
        .arg("remind")
        .env("UNKNOT_HOME", home.path())
        .output()
        .expect("a second one runs");
    assert!(second.status.success());
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("already running"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    // The app changes the volume and the schedule while it runs: picked up, not overwritten.
    let mut mine = on.clone();
    mine.volume = 0.25;
    mine.reminders.when = When::EveryMinutes(45);
    let saved = settings::save_changes(&path, &on, &mine).expect("saved");
    wait_for_line(&lines, "next reminder", ten_secs).expect("the change is picked up");
    // Turned off in the app: the process stops by itself.
    let mut off = saved.clone();
    off.reminders.enabled = false;
    settings::save_changes(&path, &saved, &off).expect("saved");
    wait_for_line(&lines, "reminders are off; stopping", ten_secs).expect("it stops");
    let status = remind.wait().expect("it ends");
    assert!(status.success());
    let on_disk = settings::load(&path);
    assert_eq!(on_disk.notice, None);
    assert_eq!(on_disk.settings, off, "exactly what the app saved");
    assert!(
        !unknot::store::lock::is_held(&store.reminder_lock_path()),
        "its lock is let go"
    );
}
