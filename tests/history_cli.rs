//! `unknot history` end to end, against a history file in a temporary Unknot folder: the
//! summary and table, `--weeks`, `--csv` (which reads back into the same sessions), a damaged
//! line named on stderr while the rest is shown, and usage errors.

mod common;

use std::path::Path;

use assert_cmd::Command;
use jiff::civil::date;
use predicates::prelude::*;
use unknot::core::history::csv::{HEADER, to_csv};
use unknot::core::history::{Ending, LocalStart, PainRating, SessionInput, SessionRecord, StepRef};
use unknot::store::Store;
use unknot::store::history::HistoryStore;

/// Today, as the tests tell the binary (a Tuesday).
const TODAY: &str = "2026-12-01";

fn session(day: jiff::civil::Date, minutes: u32, ending: Ending) -> SessionRecord {
    SessionRecord::from_input(&SessionInput {
        started: LocalStart::parse(&format!("{day}T07:45:00+01:00")).expect("a start"),
        routine_id: "morning-mobility".to_owned(),
        routine_name: "Morning mobility".to_owned(),
        planned_secs: 600,
        actual_secs: minutes * 60,
        done: vec![StepRef::new("cat-cow", Some("cat-cow"))],
        skipped: vec![StepRef::new("child-pose", Some("childs-pose"))],
        ending,
        pain_before: PainRating::new(6),
        note: String::new(),
    })
}

/// A temporary Unknot folder holding these sessions in its history.
fn home_with(sessions: &[SessionRecord]) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let log = HistoryStore::new(&Store::at(home.path()));
    for record in sessions {
        log.append(record).expect("append");
    }
    home
}

fn unknot(home: &Path) -> Command {
    common::unknot_in(home)
}

fn stdout_of(home: &Path, args: &[&str]) -> String {
    common::stdout_in(home, args)
}

fn sessions() -> Vec<SessionRecord> {
    let mut rated = session(date(2026, 11, 30), 10, Ending::Finished);
    rated.pain_after = PainRating::new(4);
    vec![
        session(date(2026, 6, 1), 20, Ending::Finished),
        session(date(2026, 11, 28), 5, Ending::Stopped),
        rated,
        session(date(2026, 12, 1), 12, Ending::AppClosed),
    ]
}

#[test]
fn history_prints_the_summaries_the_calendar_and_the_sessions() {
    let home = home_with(&sessions());
    let text = stdout_of(home.path(), &["history", "--today", TODAY]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Last 7 days: 3 sessions, 27 min; back pain 6 before and 4 after on average, over 1 \
         session rated before and after.",
        "three sessions rated before, one of them after: only that one is compared"
    );
    assert!(
        text.contains(
            "Back pain over the last 12 weeks: 6 before and 4 after on average, over 1 session \
             rated before and after. That is 2 points lower after, on average; it describes the \
             ratings you entered, not what caused them."
        ),
        "{text}"
    );
    // The app's History screen draws the same sentences from the same figures.
    let today = jiff::civil::date(2026, 12, 1);
    let figures = unknot::core::history::figures::Figures::compute(&sessions(), today, 12);
    assert_eq!(lines[0], figures.headline());
    assert!(text.contains(&figures.pain_summary()));
    assert_eq!(
        lines[1],
        "Current streak: 2 active days in a row; longest: 2 days (this one)."
    );
    assert!(lines[2].starts_with(
        "All time: 4 sessions (2 finished, 1 stopped part-way, 1 ended by closing the app), 47 min"
    ));
    assert!(text.contains("\nLast 12 weeks: 3 active days of 79, 3 sessions, 27 min."));
    assert!(text.contains("\nThis week: 22 min in 2 sessions. Mon 10 min, Tue 12 min.\n"));
    assert!(text.contains("Mon 30 Nov 2026  07:45  Morning mobility   10:00    10:00    1/2  finished          6 → 4"), "{text}");
    assert!(text.contains("app closed        6 → –"), "{text}");
    // June is outside the 12 weeks.
    assert!(!text.contains("1 Jun 2026  07:45"), "{text}");
    assert!(text.ends_with("\n3 sessions, 27 min\n"), "{text}");
    let wide = stdout_of(home.path(), &["history", "--today", TODAY, "--weeks", "52"]);
    assert!(wide.contains("Mon 1 Jun 2026   07:45"), "{wide}");
    assert!(wide.ends_with("\n4 sessions, 47 min\n"), "{wide}");
}

#[test]
fn an_empty_or_missing_history_is_not_an_error() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = stdout_of(home.path(), &["history", "--today", TODAY]);
    assert!(text.starts_with("Last 7 days: no sessions.\n"), "{text}");
    assert!(text.ends_with("No sessions in these 12 weeks.\n"), "{text}");
    let csv = stdout_of(home.path(), &["history", "--csv"]);
    assert_eq!(csv, format!("{HEADER}\n"));
}

#[test]
fn the_csv_reads_back_as_the_logged_sessions() {
    let home = home_with(&sessions());
    let csv = stdout_of(home.path(), &["history", "--csv"]);
    assert!(csv.starts_with(&format!("{HEADER}\n")));
    assert_eq!(
        csv,
        to_csv(&sessions()),
        "every session, as the documented export"
    );
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), sessions().len(), "one row a session");
    assert!(
        rows.iter().all(|row| row.len() == 11),
        "every row has the 11 columns"
    );
    let recent = stdout_of(
        home.path(),
        &["history", "--csv", "--weeks", "1", "--today", TODAY],
    );
    assert_eq!(
        recent,
        to_csv(&sessions()[2..]),
        "only the last week's sessions"
    );
}

#[test]
fn a_damaged_line_is_named_on_stderr_and_the_rest_is_shown() {
    let home = home_with(&sessions()[..2]);
    let path = home.path().join("data/history.jsonl");
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str("{\"format_version\":1,\"start\":\n");
    std::fs::write(&path, &text).expect("write");
    HistoryStore::at(path.clone())
        .append(&sessions()[2])
        .expect("append");
    unknot(home.path())
        .args(["history", "--today", TODAY])
        .assert()
        .success()
        .stdout(predicate::str::contains("Last 7 days: 2 sessions, 15 min"))
        .stderr(predicate::str::starts_with(
            "unknot: Line 3 of your history (",
        ))
        .stderr(predicate::str::contains("kept in the file"))
        .stderr(predicate::str::contains("panicked").not());
    // The damaged line is still there.
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("{\"format_version\":1,\"start\":\n")
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    let home = tempfile::tempdir().expect("temp dir");
    for args in [
        &["history", "--weeks", "0"][..],
        &["history", "--weeks", "521"],
        &["history", "--today", "yesterday"],
    ] {
        unknot(home.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn history_counts_this_weeks_reminders_and_their_starts() {
    use unknot::core::reminders::{Outcome, ReminderRecord};
    let home = home_with(&sessions());
    let log = HistoryStore::new(&Store::at(home.path()));
    let due = |day: &str| LocalStart::parse(&format!("{day}T10:00:00Z")).expect("a time");
    for (day, outcome) in [
        ("2026-11-27", Outcome::Started),
        ("2026-11-30", Outcome::Started),
        ("2026-11-30", Outcome::Snoozed),
        ("2026-12-01", Outcome::Missed),
    ] {
        log.append_reminder(&ReminderRecord {
            due: due(day),
            outcome,
        })
        .expect("append");
    }
    let text = stdout_of(home.path(), &["history", "--today", TODAY]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[3], "This week: 3 reminders, 1 started", "{text}");
    assert_eq!(lines[4], "", "then the calendar, as before");
    // The sessions all still load beside the reminder lines.
    assert!(text.ends_with("\n3 sessions, 27 min\n"), "{text}");
}
