//! `unknot programme`: list the programmes, start one, see where you stand, today's session
//! (printed, or written as a routine file), pause, resume and stop.
//!
//! The engine is [`crate::core::programme`] and the state file [`crate::store::programme`];
//! this module reads them, prints plain text built by the pure functions below
//! ([`list_text`], [`status_text`], [`today_text`]) and writes only what a command is for:
//! `start`, `pause`, `resume` and `stop` change `programme.toml`; `today -o` writes a new
//! routine file and never replaces one; `status` and `today` read the state and the history
//! and change nothing. A bad id, date or state is one line on stderr and exit code 1.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Subcommand;
use jiff::civil::Date;

use crate::core::length;
use crate::core::plan::Timing;
use crate::core::programme::{self, Light, ProgrammeId, ProgrammeState, SESSIONS_PER_WEEK, Today};
use crate::store::Store;
use crate::store::history::HistoryStore;

/// What `unknot programme` does.
#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// List the programmes you can start.
    List,
    /// Start a programme (`unknot programme list` shows their ids).
    Start {
        /// The programme's id: back-basics or desk-back-care.
        id: String,
        /// The day week 1 begins, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Sessions a week, 3 to 5 (default: the programme's suggestion).
        #[arg(long, value_name = "N", value_parser = clap::builder::RangedI64ValueParser::<u8>::new().range(3..=5))]
        sessions: Option<u8>,
    },
    /// Where you stand: the week, this week's sessions, why the doses are what they are, and
    /// each week so far.
    Status {
        /// Take this day as today, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Today's session: what it is and why, with its timed plan (or written as a routine file).
    Today {
        /// The session for this day instead, YYYY-MM-DD, from the history on disk (nothing is
        /// changed).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Write the session as a routine file instead (never over an existing file).
        #[arg(short, long, value_name = "FILE.toml")]
        output: Option<PathBuf>,
    },
    /// Pause the programme in progress (nothing moves on while it is paused).
    Pause,
    /// Resume a paused programme where you left off.
    Resume,
    /// Leave the programme in progress (your history keeps every session).
    Stop,
}

/// Runs `unknot programme …`.
pub fn run(command: ProgrammeCommand) -> anyhow::Result<()> {
    let Some(store) = Store::for_this_machine() else {
        bail!("this system has no home folder to keep a programme in");
    };
    let path = store.programme_path();
    match command {
        ProgrammeCommand::List => super::write_stdout(&list_text()),
        ProgrammeCommand::Start { id, date, sessions } => {
            let Some(programme) = ProgrammeId::from_key(&id) else {
                bail!("unknown programme '{id}'; `unknot programme list` shows the programmes");
            };
            let start = day_or_today(date.as_deref())?;
            let loaded = crate::store::programme::load(&path);
            if let Some(notice) = &loaded.notice {
                eprintln!("unknot: {notice}");
            }
            if let Some(current) = loaded.state {
                bail!(
                    "{} is already in progress (since {}); `unknot programme stop` leaves it first",
                    current.programme.programme().name,
                    current.start
                );
            }
            let mut state = ProgrammeState::new(programme, start);
            if let Some(sessions) = sessions {
                state.sessions_per_week = sessions;
            }
            crate::store::programme::save(&path, Some(&state))?;
            eprintln!(
                "unknot: started {} on {start}, {} sessions a week",
                programme.programme().name,
                state.sessions_per_week()
            );
            Ok(())
        }
        ProgrammeCommand::Status { date } => {
            let day = day_or_today(date.as_deref())?;
            let state = in_progress(&path)?;
            let now = programme::today(state, &history(&store)?, day);
            super::write_stdout(&status_text(state, &now))
        }
        ProgrammeCommand::Today { date, output } => {
            let day = day_or_today(date.as_deref())?;
            let state = in_progress(&path)?;
            let now = programme::today(state, &history(&store)?, day);
            match output {
                None => super::write_stdout(&today_text(state, &now)),
                Some(file) => write_session(&now, &file),
            }
        }
        ProgrammeCommand::Pause | ProgrammeCommand::Resume => {
            let pause = matches!(command, ProgrammeCommand::Pause);
            let mut state = in_progress(&path)?;
            if state.paused == pause {
                bail!(
                    "{} is already {}",
                    state.programme.programme().name,
                    if pause { "paused" } else { "running" }
                );
            }
            state.paused = pause;
            crate::store::programme::save(&path, Some(&state))?;
            eprintln!(
                "unknot: {} {}",
                state.programme.programme().name,
                if pause { "is paused" } else { "carries on" }
            );
            Ok(())
        }
        ProgrammeCommand::Stop => {
            let state = in_progress(&path)?;
            crate::store::programme::save(&path, None)?;
            eprintln!(
                "unknot: left {}; your history keeps every session",
                state.programme.programme().name
            );
            Ok(())
        }
    }
}

/// The day given as YYYY-MM-DD, or today's local date.
fn day_or_today(text: Option<&str>) -> anyhow::Result<Date> {
    match text {
        None => Ok(jiff::ZonedDateTime::now().date()),
        Some(text) => parse_day(text).map_err(anyhow::Error::msg),
    }
}

/// A day written YYYY-MM-DD, or one line saying why it is not one.
pub fn parse_day(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!(
            "'{}' is not a date; write it as YYYY-MM-DD, like 2026-12-07",
            crate::core::plain_text::escaped(text, true)
        ));
    }
    text.parse()
        .map_err(|_| format!("{text} is not a day of the calendar"))
}

/// The programme in progress, or one line saying there is none (or the file cannot be read).
fn in_progress(path: &Path) -> anyhow::Result<ProgrammeState> {
    match crate::store::programme::peek(path) {
        Ok(Some(state)) => Ok(state),
        Ok(None) => bail!(
            "no programme is in progress; `unknot programme list` shows the programmes and \
             `unknot programme start ID` starts one"
        ),
        Err(problem) => bail!(
            "the programme file {} cannot be read ({problem}); `unknot programme start ID` keeps \
             it aside and starts again",
            path.display()
        ),
    }
}

/// The history on disk (a damaged line is named on stderr; the rest is used).
fn history(store: &Store) -> anyhow::Result<Vec<crate::core::history::SessionRecord>> {
    let log = HistoryStore::new(store);
    let loaded = log.load()?;
    if let Some(notice) = loaded.notice(log.path()) {
        eprintln!("unknot: {notice}");
    }
    Ok(loaded.sessions)
}

/// `unknot programme today -o FILE`: the session as a routine file, never over an existing one.
fn write_session(now: &Today, path: &Path) -> anyhow::Result<()> {
    super::write_new_routine_file(&now.routine, now.total_secs, path)
}

/// `unknot programme list`: each programme's id, name, length and place, and what it is.
#[must_use]
pub fn list_text() -> String {
    let mut out = String::new();
    for id in ProgrammeId::ALL {
        let p = id.programme();
        let _ = writeln!(
            out,
            "{:<16}{}: {} weeks, {}",
            id.key(),
            p.name,
            p.weeks,
            p.place_words,
        );
        let indent = " ".repeat(16);
        let _ = writeln!(
            out,
            "{indent}{} sessions a week suggested ({} to {})",
            p.default_sessions_per_week,
            SESSIONS_PER_WEEK.start(),
            SESSIONS_PER_WEEK.end()
        );
        out.push_str(&indent);
        out.push_str(&super::wrap(p.summary, super::WRAP_COLUMNS - 16, &indent));
        for phase in p.phases {
            let weeks = if phase.weeks.start() == phase.weeks.end() {
                format!("week {}", phase.weeks.start())
            } else {
                format!("weeks {}–{}", phase.weeks.start(), phase.weeks.end())
            };
            let _ = writeln!(out, "{indent}{weeks}: {}", phase.name.to_lowercase());
        }
    }
    out
}

/// The lines every answer starts with: the programme, the headline, the reason and any notice.
fn header(state: ProgrammeState, now: &Today) -> String {
    let p = state.programme.programme();
    let mut out = format!(
        "{}: {} phase, started {}, {} sessions a week{}\n",
        p.name,
        now.phase.name.to_lowercase(),
        state.start,
        state.sessions_per_week(),
        if state.paused { " (paused)" } else { "" }
    );
    let _ = writeln!(out, "{}", now.headline());
    if now.finished {
        out.push_str("Programme complete.\n");
    }
    out.push_str(&super::wrap(&now.reason, super::WRAP_COLUMNS, ""));
    if state.paused {
        out.push_str("Paused: `unknot programme resume` carries on where you left off.\n");
    }
    if let Some(notice) = &now.see_someone {
        out.push('\n');
        out.push_str(&super::wrap(notice, super::WRAP_COLUMNS, ""));
        out.push_str(
            "Warning signs that need care straight away are listed in the app (Red flags).\n",
        );
    }
    out
}

/// `unknot programme status`: the header, then each week so far and the same in a sentence.
#[must_use]
pub fn status_text(state: ProgrammeState, now: &Today) -> String {
    let mut out = header(state, now);
    out.push_str("\nWeeks:\n");
    for week in &now.weeks_log {
        let light = week.light.map_or("not rated", Light::word);
        let _ = writeln!(
            out,
            "  {:>2}. from {}  week {}'s doses{}  {} of {} done  {light}{}",
            week.number,
            week.first_day,
            week.programme_week,
            if week.lighter { ", lighter" } else { "" },
            week.done,
            week.planned,
            if week.current { "  (this week)" } else { "" }
        );
    }
    out.push('\n');
    out.push_str(&super::wrap(&now.weeks_sentence(), super::WRAP_COLUMNS, ""));
    out
}

/// `unknot programme today`: the header, then the session's plan as `unknot show` prints it.
#[must_use]
pub fn today_text(state: ProgrammeState, now: &Today) -> String {
    let mut out = header(state, now);
    out.push('\n');
    out.push_str(&super::show_text(
        &now.routine,
        &length::resolve(None, None),
        Timing::default(),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_strictly() {
        assert_eq!(parse_day("2026-12-07"), Ok(jiff::civil::date(2026, 12, 7)));
        assert_eq!(
            parse_day("2026-02-30"),
            Err("2026-02-30 is not a day of the calendar".to_owned())
        );
        for bad in [
            "7/12/2026",
            "2026-1-07",
            "",
            "2026-12-07x",
            "２０２６-12-07",
        ] {
            let problem = parse_day(bad).expect_err(bad);
            assert!(problem.contains("YYYY-MM-DD"), "{problem}");
        }
    }

    #[test]
    fn the_list_names_both_programmes_with_their_phases() {
        let text = list_text();
        assert!(text.starts_with(
            "back-basics     Back basics: 8 weeks, on the floor\n                3 sessions a \
             week suggested (3 to 5)\n"
        ));
        assert!(
            text.contains("desk-back-care  Desk back care: 6 weeks, on a chair and standing\n")
        );
        assert!(text.contains("                weeks 3–5: motor control\n"));
    }
}
