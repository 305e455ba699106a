//! `unknot programme` end to end, each test in its own home: the list; starting, the status and
//! today's session as the history grows (green moves on, red steps back, with the reason); `today
//! -o` writing a routine file that never replaces one; `today --date` and `status` changing
//! nothing on disk; bad ids, dates and states as one line and exit 1, usage errors exit 2; a
//! damaged programme file named and kept aside when a programme is started again.

use std::path::Path;

use jiff::civil::{Date, date};
use unknot::core::history::{Ending, LocalStart, PainRating, SessionRecord};
use unknot::core::programme::{self, ProgrammeId, ProgrammeState};
use unknot::store::Store;
use unknot::store::history::HistoryStore;
use unknot::store::routine_file::read_routine_file;

mod common;

/// A Monday.
const START: Date = date(2026, 1, 5);

fn unknot(home: &Path) -> assert_cmd::Command {
    common::unknot_in(home)
}

fn stdout(home: &Path, args: &[&str]) -> String {
    common::stdout_in(home, args)
}

/// Runs with bad input: exit 1, nothing on stdout, and one line on stderr that contains `says`.
fn refused(home: &Path, args: &[&str], says: &str) -> String {
    let output = unknot(home)
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(output.stdout.is_empty(), "{args:?}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(
        stderr.starts_with("unknot: ") && stderr.contains(says),
        "{args:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    stderr
}

/// Logs a finished programme session on `day` with its ratings.
fn log_session(home: &Path, routine_id: &str, day: Date, before: u8, after: u8) {
    let record = SessionRecord {
        start: LocalStart::utc(day.at(18, 0, 0, 0)),
        routine_id: routine_id.to_owned(),
        routine_name: "Back basics, week 1".to_owned(),
        planned_seconds: 420,
        actual_seconds: 420,
        ending: Ending::Finished,
        steps_done: Vec::new(),
        steps_skipped: Vec::new(),
        pain_before: PainRating::new(before),
        pain_after: PainRating::new(after),
        note: String::new(),
    };
    HistoryStore::new(&Store::at(home))
        .append(&record)
        .expect("logged");
}

/// The text with its lines joined, as a sentence reads before wrapping.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn day(offset: i64) -> Date {
    START
        .checked_add(jiff::Span::new().days(offset))
        .expect("a day in 2026")
}

/// Every file under `dir` with its bytes, sorted by path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_list_names_both_programmes() {
    let home = tempfile::tempdir().expect("home");
    let text = stdout(home.path(), &["programme", "list"]);
    assert!(text.starts_with("back-basics     Back basics: 8 weeks, on the floor\n"));
    assert!(text.contains("desk-back-care  Desk back care: 6 weeks, on a chair and standing\n"));
    assert!(text.contains("                weeks 6–8: strength\n"));
}

#[test]
fn a_programme_moves_on_after_a_green_week_and_steps_back_after_a_red_one() {
    let home = tempfile::tempdir().expect("home");
    let home = home.path();
    let start = START.to_string();
    unknot(home)
        .args(["programme", "start", "back-basics", "--date", &start])
        .assert()
        .success()
        .stderr("unknot: started Back basics on 2026-01-05, 3 sessions a week\n");
    let status = stdout(home, &["programme", "status", "--date", "2026-01-05"]);
    assert!(status.starts_with(
        "Back basics: gentle movement phase, started 2026-01-05, 3 sessions a week\nWeek 1 of \
         8 · session 1 of 3 this week · "
    ));

    // A green week of three sessions: week 2's doses, with the reason.
    for offset in [0, 2, 4] {
        log_session(home, "programme-back-basics-w1", day(offset), 3, 2);
    }
    let today = stdout(home, &["programme", "today", "--date", "2026-01-12"]);
    assert!(
        today.contains("Week 2 of 8 · session 1 of 3 this week · "),
        "{today}"
    );
    assert!(
        flat(&today)
            .contains("so this week moves on to week 2: a repetition or a little longer hold"),
        "{today}"
    );
    // The plan is the core's session for week 2, as `unknot show` prints a routine.
    let state = ProgrammeState::new(ProgrammeId::BackBasics, START);
    let records = HistoryStore::new(&Store::at(home))
        .load()
        .expect("history")
        .sessions;
    let core = programme::today(state, &records, day(7));
    assert_eq!(core.routine.id(), "programme-back-basics-w2");
    assert!(today.ends_with(&unknot::cli::show_text(
        &core.routine,
        &unknot::core::length::resolve(None, None),
        unknot::core::plan::Timing::default()
    )));

    // A red session on Tuesday of week 2: the next week repeats week 2, a third lighter.
    log_session(home, "programme-back-basics-w2", day(8), 3, 7);
    let today = stdout(home, &["programme", "today", "--date", "2026-01-19"]);
    assert!(
        flat(&today).contains(
            "Your back was at 7 after Tuesday's session, so this week repeats last week's doses, \
             a third lighter."
        ),
        "{today}"
    );
    assert!(today.contains("Week 2 of 8 · session 1 of 3"), "{today}");
    let status = stdout(home, &["programme", "status", "--date", "2026-01-19"]);
    assert!(
        status.contains("   1. from 2026-01-05  week 1's doses  3 of 3 done  green"),
        "{status}"
    );
    assert!(
        status.contains("   2. from 2026-01-12  week 2's doses  1 of 3 done  red"),
        "{status}"
    );
    assert!(
        status.contains(
            "   3. from 2026-01-19  week 2's doses, lighter  0 of 3 done  not rated  (this week)"
        ),
        "{status}"
    );
    assert!(
        flat(&status).contains(
            "2 weeks behind you, 1 with every planned session done (1 green, 0 amber, 1 red). \
             Now on week 2 of 8, a third lighter."
        ),
        "{status}"
    );

    // Pause, resume, stop: each says so; a second pause is refused.
    unknot(home).args(["programme", "pause"]).assert().success();
    assert!(stdout(home, &["programme", "status"]).contains("(paused)"));
    refused(
        home,
        &["programme", "pause"],
        "Back basics is already paused",
    );
    unknot(home)
        .args(["programme", "resume"])
        .assert()
        .success();
    unknot(home)
        .args(["programme", "stop"])
        .assert()
        .success()
        .stderr("unknot: left Back basics; your history keeps every session\n");
    refused(
        home,
        &["programme", "status"],
        "no programme is in progress",
    );
    // The history is untouched by leaving: the four sessions are all there.
    let after = HistoryStore::new(&Store::at(home)).load().expect("history");
    assert_eq!(after.sessions.len(), 4);
    assert_eq!(after.sessions[..3], records[..3]);
}

#[test]
fn today_with_a_date_and_status_change_nothing_on_disk() {
    let home = tempfile::tempdir().expect("home");
    let home = home.path();
    unknot(home)
        .args([
            "programme",
            "start",
            "desk-back-care",
            "--date",
            "2026-01-05",
            "--sessions",
            "4",
        ])
        .assert()
        .success();
    log_session(home, "programme-desk-back-care-w1", day(1), 4, 3);
    let before = snapshot(home);
    let text = stdout(home, &["programme", "today", "--date", "2026-01-06"]);
    assert!(
        text.contains("Week 1 of 6 · session 2 of 4 this week"),
        "{text}"
    );
    stdout(home, &["programme", "status", "--date", "2026-03-01"]);
    stdout(home, &["programme", "today"]);
    assert_eq!(snapshot(home), before);
}

#[test]
fn today_writes_a_routine_file_once_and_never_over_one() {
    let home = tempfile::tempdir().expect("home");
    let home = home.path();
    unknot(home)
        .args(["programme", "start", "back-basics", "--date", "2026-01-05"])
        .assert()
        .success();
    let out = tempfile::tempdir().expect("out");
    let file = out.path().join("today.toml");
    let file_arg = file.to_str().expect("UTF-8 path");
    unknot(home)
        .args(["programme", "today", "--date", "2026-01-06", "-o", file_arg])
        .assert()
        .success();
    let written = read_routine_file(&file).expect("a valid routine file");
    let core = programme::today(
        ProgrammeState::new(ProgrammeId::BackBasics, START),
        &[],
        day(1),
    );
    assert_eq!(written, core.routine);
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("format_version = 2"), "{text}");
    refused(
        home,
        &["programme", "today", "-o", file_arg],
        "already exists; nothing was written",
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

#[test]
fn bad_ids_dates_and_states_are_one_line_and_exit_1() {
    let home = tempfile::tempdir().expect("home");
    let home = home.path();
    refused(
        home,
        &["programme", "status"],
        "no programme is in progress",
    );
    refused(home, &["programme", "today"], "no programme is in progress");
    refused(home, &["programme", "stop"], "no programme is in progress");
    refused(
        home,
        &["programme", "resume"],
        "no programme is in progress",
    );
    refused(
        home,
        &["programme", "start", "yoga"],
        "unknown programme 'yoga'",
    );
    refused(
        home,
        &["programme", "start", "back-basics", "--date", "5/1/2026"],
        "'5/1/2026' is not a date; write it as YYYY-MM-DD",
    );
    refused(
        home,
        &["programme", "start", "back-basics", "--date", "2026-02-30"],
        "2026-02-30 is not a day of the calendar",
    );
    assert!(
        !Store::at(home).programme_path().exists(),
        "nothing started"
    );
    unknot(home)
        .args(["programme", "start", "back-basics"])
        .assert()
        .success();
    refused(
        home,
        &["programme", "start", "desk-back-care"],
        "Back basics is already in progress",
    );
    refused(
        home,
        &["programme", "today", "--date", "tomorrow"],
        "'tomorrow' is not a date",
    );
    refused(
        home,
        &["programme", "resume"],
        "Back basics is already running",
    );
    // Usage errors: clap's, exit 2.
    for args in [
        &["programme"][..],
        &["programme", "begin"],
        &["programme", "start"],
        &["programme", "start", "back-basics", "--sessions", "7"],
    ] {
        unknot(home).args(args).assert().code(2);
    }
}

#[test]
fn a_damaged_programme_file_is_named_kept_aside_and_a_programme_can_start_again() {
    let home = tempfile::tempdir().expect("home");
    let home = home.path();
    let path = Store::at(home).programme_path();
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    std::fs::write(
        &path,
        "format_version = 1\n[programme]\nid = \"back-basics\"\nstart = 7\n",
    )
    .expect("write");
    refused(home, &["programme", "status"], "cannot be read");
    let output = unknot(home)
        .args(["programme", "start", "back-basics", "--date", "2026-01-05"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let aside: Vec<_> = std::fs::read_dir(path.parent().expect("folder"))
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("programme.toml.unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{stderr}");
    assert!(stderr.contains(&aside[0].display().to_string()), "{stderr}");
    assert!(
        stderr.contains("Your programme file could not be read"),
        "{stderr}"
    );
    assert!(stdout(home, &["programme", "status", "--date", "2026-01-05"]).contains("Week 1 of 8"));
}
