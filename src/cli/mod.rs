//! The command line: `list`, `show`, `sheet`, `generate`, `check`, `start`, `history`,
//! `programme`, `remind` and `reminders` (no subcommand opens the app).
//!
//! Arguments are parsed by clap into [`Cli`], so every value reaching [`run`] is already in
//! range (target minutes 1–120, pauses 0–30 s); clap reports usage errors itself with exit
//! code 2. The printing subcommands build their whole output as a `String` with the pure
//! formatting functions below ([`list_table`], [`show_text`], [`plan_table`], [`check_report`]),
//! which the unit tests check without running anything, and [`run`] writes it to stdout.
//!
//! Exit codes: 0 when all went well; 1 for bad input (an unknown routine, an unreadable or
//! invalid file), where [`run`] returns the error and `main` prints [`error_chain`] on stderr,
//! except that `check` prints its report of an invalid file on stdout (it is what was asked
//! for) before exiting with 1; 2 for usage errors. Nothing here prints a backtrace or `Debug`
//! output.

pub mod generate;
pub mod programme;
pub mod report;
pub mod sheet;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};

use crate::app::{self, StartRequest};
use crate::core::builder::{self, Focus, Place, Request, Session};
use crate::core::fit::{self, Fitted, LengthChoice};
use crate::core::length;
use crate::core::plain_text::escaped;
use crate::core::plan::{self, Cue, Plan, PlannedCue, Segment, SegmentKind, Timing};
use crate::core::routine::{Equipment, Routine, STOP_RULE, StepKind, TechniqueId};
use crate::store::Store;
use crate::store::problems::Problems;
use crate::store::routine_file::{self, LoadError};
use crate::store::routines::{Origin, RoutineStore, all_routines};

/// Width the header's prose (summary, note, stop rule) is wrapped to.
const WRAP_COLUMNS: usize = 78;

/// Guided stretching and self-massage routines for back pain, with audio cues.
///
/// Without a subcommand, opens the app.
#[derive(Debug, Parser)]
#[command(name = "unknot", version)]
pub struct Cli {
    /// What to do; `None` opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the app straight into a routine.
    Start {
        /// The routine's id, as `unknot list` shows it.
        id: String,
        /// Fit the routine to this many minutes (1–120) for this run only (the length you
        /// chose in the app stays as it is).
        #[arg(long, value_name = "N", value_parser = minutes_parser())]
        minutes: Option<u32>,
    },
    /// List the routines with their length.
    List,
    /// Run the reminder process: no window; it waits for the next reminder of your reminder
    /// settings and shows it (started at login once reminders are on). One runs at a time.
    Remind {
        /// Send one reminder now, through the same path, and print what became of it.
        #[arg(long)]
        test: bool,
        /// Look at the clock and the settings this often, in milliseconds (for tests).
        #[arg(long, hide = true, value_name = "MS")]
        tick_ms: Option<u64>,
    },
    /// Turn reminders on or off (with the autostart entry that starts them at login), or say
    /// what works on this desktop.
    Reminders {
        /// on, off or status.
        #[arg(value_parser = ["on", "off", "status"])]
        what: String,
    },
    /// Print a routine's timed plan, one segment per line: what the app would run, with the
    /// length and pauses chosen in the app.
    Show {
        /// A routine id (see `unknot list`) or the path to a routine file.
        #[arg(value_name = "ID|FILE")]
        routine: String,
        /// Fit the routine to this many minutes (1–120) instead of the length chosen in the app.
        #[arg(long, value_name = "N", value_parser = minutes_parser())]
        minutes: Option<u32>,
        /// Seconds to get ready before each step (0–30; default: as set in the app, else 5).
        #[arg(long, value_name = "S", value_parser = pause_parser())]
        get_ready: Option<u32>,
        /// Seconds to change sides on steps done on each side (0–30; default: as set in the
        /// app, else 5).
        #[arg(long, value_name = "S", value_parser = pause_parser())]
        switch: Option<u32>,
    },
    /// Write a printable sheet of a routine: each step's figure, dose, sides and cautions, the
    /// stop rule and the red flags, as one HTML page.
    Sheet {
        /// A routine id (see `unknot list`) or the path to a routine file.
        #[arg(value_name = "ID|FILE")]
        routine: String,
        /// Fit the routine to this many minutes (1–120) instead of the length chosen in the app.
        #[arg(long, value_name = "N", value_parser = minutes_parser())]
        minutes: Option<u32>,
        /// Where to write the page (an .html file, in a folder that exists).
        #[arg(short, long, value_name = "FILE.html")]
        output: PathBuf,
        /// Replace the file if one is already there (never a folder, pipe or device).
        #[arg(long)]
        force: bool,
    },
    /// Make a session from a few answers and print its timed plan (or write it as a routine
    /// file). The same answers and seed always make the same session.
    Generate {
        /// How long, in minutes (1–60).
        #[arg(long, value_name = "M", value_parser = builder_minutes_parser())]
        minutes: u32,
        /// Where: on the floor, on a chair (at a desk), or standing.
        #[arg(long, value_name = "PLACE", value_parser = place_parser())]
        place: Place,
        /// What is at hand besides your hands, comma-separated.
        #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = equipment_parser())]
        equipment: Vec<Equipment>,
        /// Which parts of the back, comma-separated (default: all).
        #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = focus_parser())]
        focus: Vec<Focus>,
        /// How much your back hurts today, 0–10; from 6, only gentle movement and breathing.
        #[arg(long, value_name = "N", value_parser = clap::builder::RangedI64ValueParser::<u8>::new().range(0..=10))]
        pain: Option<u8>,
        /// Techniques to leave out, by key (as routine files spell them), comma-separated.
        #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = technique_parser())]
        leave_out: Vec<TechniqueId>,
        /// Chooses among equally good techniques (default: today's date, so it varies by day).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Write the session as a routine file instead (never over an existing file).
        #[arg(short, long, value_name = "FILE.toml")]
        output: Option<PathBuf>,
    },
    /// Check a routine file and list every problem in it.
    Check {
        /// The routine file.
        file: PathBuf,
    },
    /// Print your session history: summaries, a calendar and the sessions (or CSV).
    History {
        /// How many weeks to show (1–520; default 12). With --csv, only those weeks' sessions.
        #[arg(long, value_name = "N", value_parser = weeks_parser())]
        weeks: Option<u32>,
        /// Print every session as CSV (the documented header first) instead.
        #[arg(long)]
        csv: bool,
        /// Write to this file (in a folder that exists) instead of printing.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --output: replace the file if one is already there (never a folder, pipe or
        /// device).
        #[arg(long, requires = "output")]
        force: bool,
        /// Take this local date (YYYY-MM-DD) as today (for tests).
        #[arg(long, hide = true)]
        today: Option<jiff::civil::Date>,
    },
    /// Follow a programme over weeks that adapts to how your back feels (see
    /// `unknot programme --help`).
    Programme {
        /// What to do with it.
        #[command(subcommand)]
        command: programme::ProgrammeCommand,
    },
    /// Show one reminder in a small window and print what was chosen (start, snooze,
    /// not-today, closed or no-answer). Started by the reminder process where no notification
    /// service runs.
    #[command(name = "remind-window", hide = true)]
    RemindWindow(RemindWindowArgs),
}

/// What the reminder window shows (`unknot remind-window`).
#[derive(Debug, clap::Args)]
pub struct RemindWindowArgs {
    /// The headline.
    #[arg(long)]
    title: String,
    /// The sentence under it.
    #[arg(long)]
    body: String,
    /// The Start button's label.
    #[arg(long, default_value = "Start")]
    start_label: String,
    /// The snooze length shown on the Snooze button, in minutes.
    #[arg(long, value_name = "N", default_value_t = 10)]
    snooze_minutes: u32,
    /// Close by itself after this many seconds (1–600).
    #[arg(long, value_name = "SECS", default_value_t = 180,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    open_for: u64,
}

/// Parses a whole number in `range`, or says in plain words what is allowed: "999 minutes is
/// too many: a routine can be fitted to 1 to 120 minutes."
fn whole_number_in(
    range: std::ops::RangeInclusive<u32>,
    unit: &'static str,
    what: &'static str,
) -> impl Fn(&str) -> Result<u32, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        let allowed = format!("{what} {} to {} {unit}", range.start(), range.end());
        let value: i64 = text
            .trim()
            .parse()
            .map_err(|_| format!("\"{text}\" is not a whole number: {allowed}."))?;
        match u32::try_from(value) {
            Ok(n) if range.contains(&n) => Ok(n),
            _ if value > i64::from(*range.end()) => {
                Err(format!("{value} {unit} is too many: {allowed}."))
            }
            _ => Err(format!("{value} {unit} is too few: {allowed}.")),
        }
    }
}

fn minutes_parser() -> impl Fn(&str) -> Result<u32, String> + Clone + Send + Sync + 'static {
    whole_number_in(fit::TARGET_MINUTES, "minutes", "a routine can be fitted to")
}

fn pause_parser() -> impl Fn(&str) -> Result<u32, String> + Clone + Send + Sync + 'static {
    whole_number_in(plan::PAUSE_SECS, "seconds", "a pause can last")
}

fn weeks_parser() -> impl Fn(&str) -> Result<u32, String> + Clone + Send + Sync + 'static {
    whole_number_in(
        1..=crate::core::history::figures::MAX_WEEKS,
        "weeks",
        "the history can show",
    )
}

fn builder_minutes_parser() -> impl Fn(&str) -> Result<u32, String> + Clone + Send + Sync + 'static
{
    whole_number_in(builder::MINUTES, "minutes", "a session can last")
}

/// A parser for one of `values`, each spelled by `word`: clap lists the words when it refuses
/// one (exit code 2).
fn words_parser<T: Copy + Send + Sync + 'static>(
    values: &'static [T],
    word: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(values.iter().map(|v| word(*v))).map(move |chosen: String| {
        // The parser accepts only the words listed, so one of the values spells it.
        values
            .iter()
            .copied()
            .find(|v| word(*v) == chosen)
            .unwrap_or(values[0])
    })
}

fn place_parser() -> impl TypedValueParser<Value = Place> {
    words_parser(&Place::ALL, Place::word)
}

fn focus_parser() -> impl TypedValueParser<Value = Focus> {
    words_parser(&Focus::ALL, Focus::word)
}

fn technique_parser() -> impl TypedValueParser<Value = TechniqueId> {
    words_parser(TechniqueId::ALL, TechniqueId::key)
}

/// Equipment as routine files spell it ("foam-roller"); "none" and "hands" are always at hand
/// and not offered.
fn equipment_parser() -> impl TypedValueParser<Value = Equipment> {
    static CHOICES: std::sync::LazyLock<Vec<Equipment>> = std::sync::LazyLock::new(|| {
        Equipment::ALL
            .into_iter()
            .filter(|e| !matches!(e, Equipment::None | Equipment::Hands))
            .collect()
    });
    words_parser(CHOICES.as_slice(), equipment_word)
}

/// The word routine files use for a kind of equipment (its serde name).
#[must_use]
pub fn equipment_word(equipment: Equipment) -> &'static str {
    static WORDS: std::sync::LazyLock<Vec<(Equipment, String)>> = std::sync::LazyLock::new(|| {
        Equipment::ALL
            .into_iter()
            .map(|e| {
                let word = serde_json::to_value(e)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                (e, word)
            })
            .collect()
    });
    WORDS
        .iter()
        .find(|(e, _)| *e == equipment)
        .map_or("", |(_, word)| word.as_str())
}

/// Runs a parsed command line and returns the exit code for a run that went as planned.
///
/// `check` on an invalid file prints its report and returns exit code 1; every other failure
/// is returned as an error for `main` to print with [`error_chain`].
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => app::run(None)?,
        Some(Command::Start { id, minutes }) => {
            // A routine, a session made for a place and a length, or today's programme session.
            let made = crate::core::builder::parse_session_id(&id).is_some();
            let programme = || {
                Store::for_this_machine().is_some_and(|store| {
                    crate::store::programme::session_today(
                        &store,
                        jiff::ZonedDateTime::now().date(),
                    )
                    .is_some_and(|routine| routine.id() == id)
                })
            };
            if find(&id).is_none() && !made && !programme() {
                bail!("unknown routine '{id}'; `unknot list` shows the routines");
            }
            app::run(Some(StartRequest {
                routine_id: id,
                minutes,
            }))?;
        }
        Some(Command::Remind { test, tick_ms }) => return remind(test, tick_ms),
        Some(Command::Reminders { what }) => reminders(&what)?,
        Some(Command::List) => list()?,
        Some(Command::Show {
            routine,
            minutes,
            get_ready,
            switch,
        }) => {
            let routine = resolve(&routine)?;
            let (choice, saved_timing) = as_the_app_would(&routine, minutes);
            let timing = Timing {
                get_ready_secs: get_ready.unwrap_or(saved_timing.get_ready_secs),
                switch_secs: switch.unwrap_or(saved_timing.switch_secs),
            };
            write_stdout(&show_text(&routine, &choice, timing))?;
        }
        Some(Command::Sheet {
            routine,
            minutes,
            output,
            force,
        }) => {
            let routine = resolve(&routine)?;
            let (choice, timing) = as_the_app_would(&routine, minutes);
            let fitted = fit::fit(&routine, &choice, timing);
            let html = crate::cli::sheet::sheet_html(&routine, &fitted, timing);
            write_output(&output, html.as_bytes(), force)?;
            eprintln!(
                "unknot: wrote the sheet for {} to {}",
                escaped(routine.name().trim(), true),
                output.display()
            );
        }
        Some(Command::Generate {
            minutes,
            place,
            equipment,
            focus,
            pain,
            leave_out,
            seed,
            output,
        }) => {
            let request = Request {
                minutes,
                place,
                equipment,
                focus,
                pain,
                leave_out,
                seed: seed
                    .unwrap_or_else(|| builder::seed_for_date(jiff::ZonedDateTime::now().date())),
            };
            let timing = Timing::default();
            let session = builder::build(&request, timing);
            match output {
                None => write_stdout(&generate_text(&session, timing))?,
                Some(path) => return write_session(&session, &path),
            }
        }
        Some(Command::Check { file }) => return check(&file),
        Some(Command::History {
            weeks,
            csv,
            output,
            force,
            today,
        }) => history(
            weeks,
            csv,
            output.as_deref().map(|path| (path, force)),
            today,
        )?,
        Some(Command::Programme { command }) => programme::run(command)?,
        Some(Command::RemindWindow(args)) => remind_window(args)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `unknot list`: every routine with its length; problems with the person's files on stderr.
fn list() -> anyhow::Result<()> {
    let (listed, problems) = all_routines(own_routines().as_ref());
    let entries: Vec<Entry<'_>> = listed
        .iter()
        .map(|l| Entry {
            routine: &l.routine,
            origin: l.origin,
        })
        .collect();
    write_stdout(&list_table(&entries))?;
    for problem in problems {
        eprintln!("unknot: {}", escaped(&problem.message, true));
    }
    Ok(())
}

/// `unknot reminders on | off | status`.
fn reminders(what: &str) -> anyhow::Result<()> {
    let Some(store) = Store::for_this_machine() else {
        bail!("this system has no home folder to keep settings in");
    };
    let text = match what {
        "status" => {
            // The delivery's own check, waiting at most a few seconds for the session bus.
            let found = crate::remind::deliver::notification_service_available(
                std::time::Duration::from_secs(3),
            );
            crate::remind::switch::status_text(&store, &jiff::ZonedDateTime::now(), Some(found))
        }
        on_off => crate::remind::switch::set_enabled(&store, on_off == "on")? + "\n",
    };
    write_stdout(&text)
}

/// `unknot remind`: the reminder process, or with `test` one reminder now.
fn remind(test: bool, tick_ms: Option<u64>) -> anyhow::Result<ExitCode> {
    use crate::remind::process;
    let Some(store) = Store::for_this_machine() else {
        bail!("this system has no home folder to keep settings in");
    };
    if test {
        let answer = process::send_test(&store);
        write_stdout(&format!(
            "Test reminder: {}\n",
            process::outcome_of(answer).key()
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let tick = tick_ms.map_or(process::TICK, std::time::Duration::from_millis);
    match process::run(&store, tick)? {
        process::Ended::AlreadyRunning => {
            eprintln!("unknot remind: reminders are already running (another `unknot remind`)");
        }
        process::Ended::TurnedOff => eprintln!("unknot remind: reminders are off; stopping"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows the reminder window and prints the answer as one word.
fn remind_window(args: RemindWindowArgs) -> anyhow::Result<()> {
    let text = crate::remind::window::WindowText {
        title: args.title,
        body: args.body,
        start_label: args.start_label,
        snooze_minutes: args.snooze_minutes,
    };
    let open_for = std::time::Duration::from_secs(args.open_for);
    let reply = crate::remind::window::run(text, open_for)?;
    write_stdout(&format!("{}\n", reply.word()))
}

/// Writes a file the person asked for with `-o` (see [`crate::store::write_file`]): a file
/// already there is replaced only with `--force`, and the message says so.
fn write_output(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    crate::store::write_file(path, bytes, crate::store::WriteRules::export(force)).map_err(|e| {
        let hint = if e.cause.kind() == std::io::ErrorKind::AlreadyExists {
            "; add --force to replace it"
        } else {
            ""
        };
        anyhow::anyhow!("could not write {}: {}{hint}", path.display(), e.cause)
    })
}

/// `unknot generate -o FILE`: the session as a routine file, never over an existing file.
fn write_session(session: &Session, path: &Path) -> anyhow::Result<ExitCode> {
    write_new_routine_file(&session.routine, session.total_secs, path)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `routine` as a routine file (the current format) at `path`, never over an existing
/// file, and says so on stderr with its length (`total_secs`).
fn write_new_routine_file(routine: &Routine, total_secs: u32, path: &Path) -> anyhow::Result<()> {
    let text = routine_file::to_toml(routine)
        .map_err(|e| anyhow::anyhow!("could not write the session as a routine file: {e}"))?;
    match crate::store::write_file(
        path,
        text.as_bytes(),
        crate::store::WriteRules::export(false),
    ) {
        Ok(()) => {
            eprintln!(
                "unknot: wrote {} ({}) to {}",
                routine.name(),
                plan::clock(total_secs),
                path.display()
            );
            Ok(())
        }
        Err(e) if e.cause.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; nothing was written (choose another file name)",
            path.display()
        ),
        Err(e) => Err(e.into()),
    }
}

/// The whole `unknot generate` text: the session's plan as `unknot show` prints it, then why
/// each step is there and what could not be met.
#[must_use]
pub fn generate_text(session: &Session, timing: Timing) -> String {
    let mut out = show_text(&session.routine, &length::resolve(None, None), timing);
    out.push_str("\nWhy each step:\n");
    for (index, (step, reason)) in session
        .routine
        .steps()
        .iter()
        .zip(&session.reasons)
        .enumerate()
    {
        let _ = writeln!(out, "  {}. {}: {reason}", index + 1, step.name.trim());
    }
    if !session.unmet.is_empty() {
        out.push_str("\nNot met:\n");
        for line in &session.unmet {
            out.push_str(&wrap(&format!("- {line}"), WRAP_COLUMNS, "    "));
        }
    }
    out
}

/// `unknot history`: reads the log (a damaged line is named on stderr, the rest still shown),
/// printing it or, with `output` (and whether to replace a file there), writing it to a file.
fn history(
    weeks: Option<u32>,
    csv: bool,
    output: Option<(&Path, bool)>,
    today: Option<jiff::civil::Date>,
) -> anyhow::Result<()> {
    use crate::cli::report;
    use crate::core::history::{csv as history_csv, figures};
    let Some(store) = Store::for_this_machine() else {
        bail!("this system has no home folder to keep a history in");
    };
    let log = crate::store::history::HistoryStore::new(&store);
    let loaded = log.load()?;
    if let Some(notice) = loaded.notice(log.path()) {
        eprintln!("unknot: {notice}");
    }
    let today = today.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let figures = figures::Figures::compute(
        &loaded.sessions,
        today,
        weeks.unwrap_or(figures::DEFAULT_WEEKS),
    );
    let text = if csv {
        let first = figures.calendar.first().map(|d| d.date);
        let sessions: Vec<_> = loaded
            .sessions
            .into_iter()
            .filter(|r| weeks.is_none() || first.is_some_and(|f| r.start.date() >= f))
            .collect();
        history_csv::to_csv(&sessions)
    } else {
        let mut text = report::history_text(&figures, &loaded.sessions);
        // This week's reminders, after the headline, streak and totals.
        if let Some(line) = crate::core::reminders::week_summary(&loaded.reminders, today)
            && let Some(at) = text.find("\n\n")
        {
            text.insert_str(at + 1, &format!("{line}\n"));
        }
        text
    };
    match output {
        Some((path, force)) => {
            write_output(path, text.as_bytes(), force)?;
            eprintln!("unknot: wrote your history to {}", path.display());
            Ok(())
        }
        None => write_stdout(&text),
    }
}

/// The person's routines folder, if this system has one.
fn own_routines() -> Option<RoutineStore> {
    Store::for_this_machine().map(|store| RoutineStore::new(&store))
}

/// A built-in or custom routine by id.
fn find(id: &str) -> Option<Routine> {
    let (listed, _) = all_routines(own_routines().as_ref());
    listed.into_iter().map(|l| l.routine).find(|r| r.id() == id)
}

/// Finds a routine by built-in id, else reads the argument as a routine file's path.
///
/// An argument that names no built-in routine, no existing file and does not look like a path
/// (no `/`, `\` or `.`) is reported as an unknown routine rather than a missing file.
pub fn resolve(arg: &str) -> anyhow::Result<Routine> {
    if let Some(routine) = find(arg) {
        return Ok(routine);
    }
    let path = Path::new(arg);
    let looks_like_path = arg.contains(['/', '\\', '.']);
    if !looks_like_path && !path.exists() {
        bail!(
            "unknown routine '{arg}', and there is no file of that name; `unknot list` shows the routines"
        );
    }
    Ok(routine_file::read_routine_file(path)?)
}

fn check(path: &Path) -> anyhow::Result<ExitCode> {
    match routine_file::read_routine_file_versioned(path) {
        Ok((routine, version)) => {
            write_stdout(&check_ok(&routine, version))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(LoadError::Invalid { path, problems }) => {
            write_stdout(&check_report(&path, &problems))?;
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(other.into()),
    }
}

/// Writes to stdout, with any control or bidi character that came from a file escaped (see
/// [`crate::core::plain_text`]); a closed pipe (`unknot list | head -1`) ends the output quietly.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let text = escaped(text, true);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(error).context("could not write to standard output"))
        }
        _ => Ok(()),
    }
}

/// The error and its causes on one line, `outer: cause: cause`, for `unknot: …` on stderr.
///
/// Errors carry their cause in their own words without also chaining it, so nothing repeats.
/// Control and bidi characters (say, in a file name) are escaped, line breaks kept.
#[must_use]
pub fn error_chain(error: &anyhow::Error) -> String {
    let text = error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    escaped(&text, true).into_owned()
}

/// One row of `unknot list`.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'r> {
    /// The routine.
    pub routine: &'r Routine,
    /// Where it comes from.
    pub origin: Origin,
}

/// The `unknot list` table: id, name, category and length at the default pauses.
///
/// A last, unheaded column marks custom routines; it appears only when there are some.
#[must_use]
pub fn list_table(entries: &[Entry<'_>]) -> String {
    let has_custom = entries.iter().any(|e| e.origin == Origin::Custom);
    let mut header = vec!["ID", "NAME", "CATEGORY", "LENGTH"];
    if has_custom {
        header.push("");
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            let routine = entry.routine;
            let mut row = vec![
                routine.id().to_owned(),
                routine.name().to_owned(),
                routine.category().label().to_owned(),
                plan::clock(plan::total_secs(routine, Timing::default())),
            ];
            if has_custom {
                let marker = match entry.origin {
                    Origin::BuiltIn => "",
                    Origin::Custom => "custom",
                };
                row.push(marker.to_owned());
            }
            row
        })
        .collect();
    table(&header, &rows, &[false, false, false, true, false])
}

/// What the app would run for `routine`: the length chosen in the app and its pauses (read from
/// the settings without changing anything), with `one_off_minutes` as this run's target.
fn as_the_app_would(routine: &Routine, one_off_minutes: Option<u32>) -> (LengthChoice, Timing) {
    let saved = Store::for_this_machine()
        .and_then(|store| crate::store::settings::peek(&store.settings_path()))
        .unwrap_or_default();
    let choice = length::resolve(saved.lengths.get(routine.id()), one_off_minutes);
    (choice, saved.timing())
}

/// The whole `unknot show` text: header, stop rule, timed plan and total.
#[must_use]
pub fn show_text(routine: &Routine, choice: &LengthChoice, timing: Timing) -> String {
    let fitted = fit::fit(routine, choice, timing);
    let mut out = show_header(routine, &fitted, timing);
    let plan = Plan::new(fitted.run, timing);
    out.push('\n');
    out.push_str(&plan_table(&plan));
    let _ = writeln!(out, "\nTotal: {}", plan::clock(plan.total_secs()));
    out
}

fn show_header(routine: &Routine, sized: &Fitted, timing: Timing) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", routine.name().trim(), routine.id());
    if !routine.summary().trim().is_empty() {
        out.push_str(&wrap(routine.summary().trim(), WRAP_COLUMNS, ""));
    }
    out.push('\n');
    let field = |out: &mut String, label: &str, value: &str| {
        let indent = " ".repeat(11);
        let text = wrap(value, WRAP_COLUMNS - indent.len(), &indent);
        let _ = write!(out, "{:<11}{}", format!("{label}:"), text.trim_start());
    };
    let steps = routine.steps().len();
    field(
        &mut out,
        "Category",
        &format!(
            "{}, {steps} step{}",
            routine.category().label(),
            if steps == 1 { "" } else { "s" }
        ),
    );
    let authored = plan::total_secs(routine, timing);
    let length = match sized.target_secs {
        Some(target) => format!(
            "{} (target {}; as written {})",
            plan::clock(sized.total_secs),
            plan::clock(target),
            plan::clock(authored)
        ),
        None => plan::clock(sized.total_secs),
    };
    field(&mut out, "Length", &length);
    let equipment: Vec<&str> = routine.equipment().iter().map(|e| e.label()).collect();
    let equipment = if equipment.is_empty() {
        "none".to_owned()
    } else {
        equipment.join(", ")
    };
    field(&mut out, "Equipment", &equipment);
    field(
        &mut out,
        "Pauses",
        &format!(
            "{} s to get ready, {} s to change sides",
            timing.get_ready_secs, timing.switch_secs
        ),
    );
    if let Some(note) = sized.note() {
        field(&mut out, "Note", &note);
    }
    let changed: Vec<String> = routine
        .steps()
        .iter()
        .zip(&sized.changes)
        .enumerate()
        .filter(|(_, (_, change))| change.is_change())
        .map(|(index, (step, change))| {
            format!("{}. {}: {}", index + 1, step.name.trim(), change.describe())
        })
        .collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "Fitted:");
        for line in changed {
            let _ = writeln!(out, "  {line}");
        }
    }
    out.push('\n');
    field(&mut out, "Safety", STOP_RULE);
    out
}

/// The timed plan, one segment per line, steps separated by a blank line:
/// `AT  TIME  STEP  SIDE  WHAT  CUES`, e.g.
/// `00:05   20s  1. Figure-4  LEFT  hold 1/2  start, halfway 00:15, 3-2-1, end`.
#[must_use]
pub fn plan_table(plan: &Plan) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut previous_step = None;
    for segment in plan.segments() {
        if previous_step.is_some_and(|p| p != segment.step) {
            rows.push(Vec::new());
        }
        previous_step = Some(segment.step);
        let Some(step) = plan.run().steps().get(segment.step) else {
            continue;
        };
        let side = match (segment.kind, segment.side) {
            (SegmentKind::Switch, _) | (_, None) => "",
            (_, Some(side)) => side.label(),
        };
        rows.push(vec![
            mm_ss(segment.start_secs),
            format!("{}s", segment.secs),
            format!("{}. {}", segment.step + 1, step.name.trim()),
            side.to_owned(),
            what(segment, step.kind, step.reps),
            cues_text(segment, plan.cues()),
        ]);
    }
    let header = ["AT", "TIME", "STEP", "SIDE", "WHAT", "CUES"];
    table(&header, &rows, &[false, true, false, false, false, false])
}

fn what(segment: &Segment, kind: StepKind, reps: u32) -> String {
    let words = segment.kind.words(kind).to_lowercase();
    let counted = matches!(segment.kind, SegmentKind::Hold | SegmentKind::Move);
    if counted && reps > 1 {
        format!("{words} {}/{reps}", segment.rep)
    } else {
        words
    }
}

/// The cues sounding during a hold or a movement: its start (or tick, or side), halfway,
/// countdown and end.
fn cues_text(segment: &Segment, cues: &[PlannedCue]) -> String {
    if !matches!(segment.kind, SegmentKind::Hold | SegmentKind::Move) {
        return String::new();
    }
    let (start, end) = (segment.start_secs, segment.end_secs());
    let mut parts: Vec<String> = Vec::new();
    let mut countdown: Vec<u8> = Vec::new();
    for planned in cues.iter().filter(|c| c.step == segment.step) {
        let at = planned.at_secs;
        let part = match planned.cue {
            Cue::StepStart if at == start => "start".to_owned(),
            Cue::RepTick if at == start => "tick".to_owned(),
            Cue::Side(side) if at == start => side.label().to_lowercase(),
            Cue::Halfway if start < at && at < end => format!("halfway {}", mm_ss(at)),
            Cue::Countdown(n) if start < at && at < end => {
                countdown.push(n);
                continue;
            }
            Cue::StepEnd if at == end => "end".to_owned(),
            Cue::SwitchSides if at == end => "change sides".to_owned(),
            Cue::RoutineDone if at == end => "done".to_owned(),
            _ => continue,
        };
        if !countdown.is_empty() {
            parts.push(countdown_text(&countdown));
            countdown.clear();
        }
        parts.push(part);
    }
    if !countdown.is_empty() {
        parts.push(countdown_text(&countdown));
    }
    parts.join(", ")
}

fn countdown_text(numbers: &[u8]) -> String {
    numbers
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

/// `mm:ss` from the start of the routine (minutes keep counting past 59).
fn mm_ss(secs: u32) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// `unknot check`'s line for a valid file.
#[must_use]
pub fn check_ok(routine: &Routine, format_version: i64) -> String {
    let steps = routine.steps().len();
    let format = if format_version < routine_file::FORMAT_VERSION {
        format!(
            "format {format_version}; it still reads as it is, and saving it in Unknot writes format {}",
            routine_file::FORMAT_VERSION
        )
    } else {
        format!("format {format_version}")
    };
    format!(
        "OK: {}, {steps} step{}, {} ({format})\n",
        routine.name().trim(),
        if steps == 1 { "" } else { "s" },
        plan::clock(plan::total_secs(routine, Timing::default()))
    )
}

/// `unknot check`'s report for an invalid file: a count, then each problem on its own line
/// (the first [`crate::store::problems::MAX_SHOWN_PROBLEMS`], then "and N more problems").
/// Whatever a problem quotes from the file is escaped, so it stays one plain line.
#[must_use]
pub fn check_report(path: &Path, problems: &Problems) -> String {
    let mut out = format!(
        "{}: {} problem(s)\n",
        escaped(&path.display().to_string(), false),
        problems.total()
    );
    for line in problems
        .iter()
        .map(ToString::to_string)
        .chain(problems.more_line())
    {
        let _ = writeln!(out, "  {}", escaped(&line, false));
    }
    out
}

/// Lays rows out in columns two spaces apart under a header; cells are padded by characters.
///
/// `right` says which columns are right-aligned. An empty row prints as an empty line.
/// Trailing spaces are trimmed.
fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let mut text = String::new();
        for (index, (cell, width)) in cells.zip(&widths).enumerate() {
            if index > 0 {
                text.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if right.get(index).copied().unwrap_or(false) {
                text.push_str(&pad);
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
        }
        let mut trimmed = text.trim_end().to_owned();
        trimmed.push('\n');
        trimmed
    };
    let mut out = line(&mut header.iter().copied());
    for row in rows {
        if row.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&line(&mut row.iter().map(String::as_str)));
        }
    }
    out
}

/// Word-wraps `text` to `columns` characters; lines after the first start with `indent`.
/// Existing line breaks are kept. Ends with a newline.
fn wrap(text: &str, columns: usize, indent: &str) -> String {
    let options = textwrap::Options::new(columns + indent.len())
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false);
    let mut out = String::new();
    for (index, paragraph) in text.lines().enumerate() {
        let filled = textwrap::fill(paragraph.trim(), &options);
        // The first line follows its label on the same line, so it carries no indent of its
        // own; an empty paragraph stays an empty line.
        let filled = match filled.strip_prefix(indent) {
            Some(rest) if index == 0 || paragraph.trim().is_empty() => rest,
            _ => filled.as_str(),
        };
        out.push_str(filled.trim_end());
        out.push('\n');
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;
    use crate::core::routine::model::tests::{draft, routine, step, valid};
    use crate::core::routine::{Field, Key};
    use crate::store::routine_file::Problem;

    fn figure_four() -> Routine {
        let mut figure = step("Figure-4", 20, 2, true);
        figure.rest_secs = 5;
        routine(vec![figure])
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn ranges_are_enforced_by_the_parser() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.command);
        assert!(parse(&["unknot", "show", "x", "--minutes", "0"]).is_err());
        assert!(parse(&["unknot", "show", "x", "--minutes", "121"]).is_err());
        assert!(parse(&["unknot", "show", "x", "--get-ready", "31"]).is_err());
        assert!(parse(&["unknot", "start", "x", "--minutes", "-1"]).is_err());
        let Ok(Some(Command::Show {
            minutes,
            get_ready,
            switch,
            ..
        })) = parse(&["unknot", "show", "x", "--minutes", "120", "--switch", "0"])
        else {
            panic!("show should parse");
        };
        assert_eq!((minutes, get_ready, switch), (Some(120), None, Some(0)));
        assert!(matches!(parse(&["unknot"]), Ok(None)));
    }

    #[test]
    fn out_of_range_values_are_explained_in_plain_words() {
        let message = |args: &[&str]| {
            Cli::try_parse_from(args)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let too_long = message(&["unknot", "start", "x", "--minutes", "999"]);
        assert!(
            too_long
                .contains("999 minutes is too many: a routine can be fitted to 1 to 120 minutes."),
            "{too_long}"
        );
        assert!(!too_long.contains("1..="), "{too_long}");
        assert!(
            message(&["unknot", "show", "x", "--minutes", "0"])
                .contains("0 minutes is too few: a routine can be fitted to 1 to 120 minutes.")
        );
        assert!(
            message(&["unknot", "show", "x", "--minutes", "five"]).contains(
                "\"five\" is not a whole number: a routine can be fitted to 1 to 120 minutes."
            )
        );
        assert!(
            message(&["unknot", "show", "x", "--switch", "99"])
                .contains("99 seconds is too many: a pause can last 0 to 30 seconds.")
        );
        assert!(
            message(&["unknot", "history", "--weeks", "521"])
                .contains("521 weeks is too many: the history can show 1 to 520 weeks.")
        );
    }

    #[test]
    fn a_per_side_plan_reads_left_then_right_with_its_cues() {
        let plan = Plan::new(figure_four(), Timing::default());
        let expected = "\
AT     TIME  STEP         SIDE   WHAT          CUES
00:00    5s  1. Figure-4         get ready
00:05   20s  1. Figure-4  LEFT   hold 1/2      start, halfway 00:15, 3-2-1, end
00:25    5s  1. Figure-4  LEFT   relax
00:30   20s  1. Figure-4  LEFT   hold 2/2      start, halfway 00:40, 3-2-1, change sides
00:50    5s  1. Figure-4         switch sides
00:55   20s  1. Figure-4  RIGHT  hold 1/2      start, halfway 01:05, 3-2-1, end
01:15    5s  1. Figure-4  RIGHT  relax
01:20   20s  1. Figure-4  RIGHT  hold 2/2      start, halfway 01:30, 3-2-1, done
";
        assert_eq!(plan_table(&plan), expected);
    }

    #[test]
    fn steps_are_separated_and_short_holds_have_no_countdown() {
        let mut rest = step("Breathe", 30, 1, false);
        rest.kind = StepKind::Rest;
        let mut ball = step("Ball on glutes", 60, 1, false);
        ball.kind = StepKind::SelfMassage;
        let r = routine(vec![step("Tilt", 5, 2, false), rest, ball]);
        let table = plan_table(&Plan::new(
            r,
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        ));
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[1],
            "00:00    5s  1. Tilt                  hold 1/2  start"
        );
        assert_eq!(
            lines[2],
            "00:05    5s  1. Tilt                  hold 2/2  start"
        );
        assert_eq!(lines[3], "");
        assert_eq!(
            lines[4],
            "00:10   30s  2. Breathe               rest      start, 3-2-1"
        );
        assert_eq!(
            lines[6],
            "00:40   60s  3. Ball on glutes        massage   start, halfway 01:10, 3-2-1, done"
        );
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn show_prints_header_stop_rule_plan_and_total() {
        let text = show_text(
            &figure_four(),
            &length::resolve(None, None),
            Timing::default(),
        );
        assert!(text.starts_with("Test (test)\nFor tests.\n\nCategory:  Stretch, 1 step\n"));
        assert!(text.contains("Length:    1:40\n"));
        assert!(text.contains("Equipment: none\n"));
        assert!(text.contains("Safety:    Stop straight away"));
        assert!(text.contains("01:20   20s  1. Figure-4  RIGHT"));
        assert!(text.ends_with("\nTotal: 1:40\n"));
        let header = text.lines().take_while(|l| !l.starts_with("AT "));
        assert!(
            header.into_iter().all(|l| l.chars().count() <= 80),
            "{text}"
        );
    }

    #[test]
    fn show_with_a_target_reports_it_and_the_note_when_missed() {
        let text = show_text(
            &figure_four(),
            &length::resolve(None, Some(2)),
            Timing::default(),
        );
        // 30 s × 2 a side (1:40) is 20 s short of 2:00, and the next repetition would be 70 s
        // more: fitting ends with a rest and says so.
        assert!(
            text.contains("Length:    2:15 (target 2:00; as written 1:40)\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Note:      Ends with 30 s of rest and easy breathing to make up 2:00.\n"
            ),
            "{text}"
        );
        assert!(text.ends_with("Total: 2:15\n"));
        let text = show_text(
            &figure_four(),
            &length::resolve(None, Some(60)),
            Timing::default(),
        );
        assert!(text.contains("Note:      1:00:00 is longer than"), "{text}");
    }

    #[test]
    fn the_list_aligns_columns_and_marks_custom_routines() {
        let a = figure_four();
        let mut b = draft(vec![step("A", 20, 1, false)]);
        b.id = "mine".to_owned();
        b.name = "My own – “quoted”".to_owned();
        let b = valid(b);
        let builtin_only = list_table(&[Entry {
            routine: &a,
            origin: Origin::BuiltIn,
        }]);
        assert_eq!(
            builtin_only,
            "ID    NAME  CATEGORY  LENGTH\ntest  Test  Stretch     1:40\n"
        );
        let both = list_table(&[
            Entry {
                routine: &a,
                origin: Origin::BuiltIn,
            },
            Entry {
                routine: &b,
                origin: Origin::Custom,
            },
        ]);
        assert_eq!(
            both,
            "\
ID    NAME               CATEGORY  LENGTH
test  Test               Stretch     1:40
mine  My own – “quoted”  Stretch     0:25  custom
"
        );
    }

    #[test]
    fn check_lines_name_the_file_and_every_problem() {
        assert_eq!(
            check_ok(&figure_four(), 2),
            "OK: Test, 1 step, 1:40 (format 2)\n"
        );
        let problems = Problems::from(vec![
            Problem {
                line: Some(12),
                field: Field::of_step(1, Key::HoldSeconds),
                message: "too short".to_owned(),
            },
            Problem {
                line: None,
                field: Field::Whole,
                message: "whole file".to_owned(),
            },
        ]);
        assert_eq!(
            check_report(Path::new("r.toml"), &problems),
            "r.toml: 2 problem(s)\n  whole file\n  line 12, steps[1].hold_seconds: too short\n"
        );
    }

    #[test]
    fn check_escapes_what_it_quotes_and_caps_the_list() {
        let mut problems = Problems::new();
        problems.push(Problem {
            line: Some(3),
            field: Field::of_step(1, Key::from_file("\u{1b}]0;owned\u{7}")),
            message: "unknown field `\u{1b}[2J`\nOK: fake".to_owned(),
        });
        for line in 4..100 {
            problems.push(Problem {
                line: Some(line),
                field: Field::Whole,
                message: "bad".to_owned(),
            });
        }
        let report = check_report(Path::new("a\u{202e}b.toml"), &problems);
        assert!(
            !report.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{report}"
        );
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines[0], "a\\u{202e}b.toml: 97 problem(s)");
        assert_eq!(
            lines[1],
            "  line 3, steps[1].\\u{1b}]0;owned\\u{7}: unknown field `\\u{1b}[2J`\\u{a}OK: fake"
        );
        assert_eq!(lines.len(), 1 + 50 + 1);
        assert_eq!(lines[51], "  and 47 more problems");
    }

    #[test]
    fn an_error_says_its_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let error = anyhow::Error::new(LoadError::Io {
            path: PathBuf::from("x.toml"),
            cause: io,
        });
        assert_eq!(error_chain(&error), "could not read x.toml: gone");
        let error = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_chain(&error), "outer: inner");
    }

    #[test]
    fn wrapping_keeps_words_and_indents_continuations() {
        assert_eq!(wrap("aaa bbb ccc", 7, "  "), "aaa bbb\n  ccc\n");
        assert_eq!(wrap("one\ntwo", 80, "> "), "one\n> two\n");
        assert_eq!(wrap("", 80, ""), "\n");
    }
}
