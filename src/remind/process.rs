//! `unknot remind`: the background process that nudges the person at the times their reminder
//! settings give, with no window and without loading eframe or a GPU context.
//!
//! One runs at a time: it holds the lock [`Store::reminder_lock_path`] in the runtime folder,
//! and a second one says so and exits with 0. It sleeps until the next reminder, but at most
//! [`TICK`], then looks at the wall clock again (so a suspend, a resume or a clock change is
//! noticed within a minute) and at the settings file's modification time, length and inode
//! (so a change made in the app is picked up without a restart; the file is read only when
//! they change). What came due meanwhile is [`reminders::catch_up`]'s: a reminder at most ten
//! minutes late fires, older ones are missed. No reminder comes while a routine is playing (the
//! app holds [`Store::routine_running_path`]) or on a day the person said "Not today". A
//! reminder is shown by [`deliver::deliver`] on a worker thread; what became of it goes into
//! the history. The process stops when reminders are turned off.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use jiff::ZonedDateTime;

use super::deliver::{self, Answer, Nudge};
use crate::core::builder::{self, Place};
use crate::core::history::LocalStart;
use crate::core::reminders::{
    self, Outcome, ReminderRecord, ReminderSettings, ReminderState, Suggestion,
};
use crate::core::settings::Settings;
use crate::store::Store;
use crate::store::history::HistoryStore;
use crate::store::routines::{RoutineStore, all_routines};

/// The longest the process sleeps before looking at the clock and the settings again.
pub const TICK: Duration = Duration::from_mins(1);
/// How long a reminder waits for an answer before it counts as ignored.
pub const ANSWER_WAIT: Duration = Duration::from_mins(3);
/// A little more than [`ANSWER_WAIT`]: a delivery that has not answered by then is taken as
/// ignored and left behind (it never blocks the schedule).
const DELIVERY_LIMIT: Duration = Duration::from_secs(3 * 60 + 15);
/// The length of the short seated session a reminder suggests (made by the session builder for
/// a chair, as "Make me a session" would).
pub const SEATED_MINUTES: u32 = 5;

/// What says a file changed: its modification time, its length and (on Unix) its inode, which
/// every atomic save replaces.
type Stamp = (SystemTime, u64, u64);

/// The stamp of the file at `path`, if there is one.
fn stamp_of(path: &std::path::Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok()?, meta.len(), inode))
}

/// The settings file as last read, re-read only when its stamp ([`Stamp`]) changes.
struct SettingsWatch {
    path: PathBuf,
    stamp: Option<Stamp>,
    settings: Settings,
}

impl SettingsWatch {
    fn new(path: PathBuf) -> Self {
        let mut watch = Self {
            path,
            stamp: None,
            settings: Settings::default(),
        };
        watch.refresh();
        watch
    }

    /// Re-reads the file if it changed; says whether it did. A file that cannot be read
    /// leaves the settings as they were; a bad `[reminders]` section is reported once.
    fn refresh(&mut self) -> bool {
        let stamp = stamp_of(&self.path);
        if stamp == self.stamp {
            return false;
        }
        self.stamp = stamp;
        if stamp.is_none() {
            self.settings = Settings::default();
            return true;
        }
        match crate::store::settings::peek_with_reminder_problem(&self.path) {
            Some((settings, problem)) => {
                if let Some(problem) = problem {
                    eprintln!("unknot remind: the reminder settings cannot be used: {problem}");
                }
                self.settings = settings;
                true
            }
            None => false,
        }
    }
}

/// The nudge for `settings`: what to suggest, by name, and what Start runs.
#[must_use]
pub fn nudge_for(settings: &ReminderSettings, store: &Store, today: jiff::civil::Date) -> Nudge {
    let own = RoutineStore::new(store);
    let (listed, _) = all_routines(Some(&own));
    let name_of = |id: &str| {
        listed
            .iter()
            .find(|l| l.routine.id() == id)
            .map(|l| l.routine.name().trim().to_owned())
    };
    // While no programme is followed (or it is paused), its day's session is the seated one.
    let chosen = match &settings.suggest {
        Suggestion::Routine(id) => name_of(id).map(|name| (id.clone(), name)),
        Suggestion::Programme => crate::store::programme::session_today(store, today)
            .map(|routine| (routine.id().to_owned(), routine.name().to_owned())),
        Suggestion::Seated => None,
    };
    let (id, name) = chosen.unwrap_or_else(|| {
        (
            builder::session_id(SEATED_MINUTES, Place::Chair),
            builder::session_name(SEATED_MINUTES, Place::Chair),
        )
    });
    Nudge {
        title: "Time to move".to_owned(),
        body: format!("{name}: a few minutes to ease your back. Start now, or snooze."),
        start_label: "Start".to_owned(),
        start_args: vec!["start".to_owned(), id],
        snooze_minutes: settings.snooze_minutes,
    }
}

/// The outcome the history records for a delivery's answer.
#[must_use]
pub fn outcome_of(answer: Answer) -> Outcome {
    match answer {
        Answer::Started => Outcome::Started,
        Answer::Snoozed => Outcome::Snoozed,
        Answer::NotToday => Outcome::NotToday,
        Answer::Ignored => Outcome::Ignored,
        Answer::Missed => Outcome::Missed,
    }
}

/// Shows `nudge` on a worker thread and waits for the answer, at most [`DELIVERY_LIMIT`].
#[must_use]
pub fn deliver_on_worker(nudge: Nudge) -> Answer {
    let (sender, answers) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("reminder".to_owned())
        .spawn(move || {
            let _ = sender.send(deliver::deliver(&nudge, ANSWER_WAIT));
        });
    if spawned.is_err() {
        return Answer::Missed;
    }
    answers
        .recv_timeout(DELIVERY_LIMIT)
        .unwrap_or(Answer::Ignored)
}

/// Records a reminder in the history; a failure is said on stderr (the process goes on).
fn record(history: &HistoryStore, due: &ZonedDateTime, outcome: Outcome) {
    let record = ReminderRecord {
        due: LocalStart::from_zoned(due),
        outcome,
    };
    match history.append_reminder(&record) {
        Ok(appended) => {
            if let Some(notice) = appended.notice() {
                eprintln!("unknot remind: {notice}");
            }
        }
        Err(error) => eprintln!("unknot remind: could not record a reminder: {error}"),
    }
}

/// `unknot remind --test`: one reminder now, through the same delivery; returns its answer
/// (not recorded in the history: it was a test).
#[must_use]
pub fn send_test(store: &Store) -> Answer {
    let settings = crate::store::settings::peek(&store.settings_path()).unwrap_or_default();
    let today = ZonedDateTime::now().date();
    deliver_on_worker(nudge_for(&settings.reminders, store, today))
}

/// How the process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// Another reminder process was already running.
    AlreadyRunning,
    /// Reminders were turned off.
    TurnedOff,
}

/// What the reminder process keeps between two looks at the clock, and what it does at each.
pub struct Schedule<'s> {
    store: &'s Store,
    history: HistoryStore,
    state: ReminderState,
    since: ZonedDateTime,
}

impl<'s> Schedule<'s> {
    /// Starts at `now`, with what the history says of earlier reminders (a "Not today" given
    /// today, the last one due).
    #[must_use]
    pub fn new(store: &'s Store, now: ZonedDateTime) -> Self {
        let history = HistoryStore::new(store);
        let state = history
            .load()
            .map(|loaded| reminders::state_from_records(&loaded.reminders, &now))
            .unwrap_or_default();
        Self {
            store,
            history,
            state,
            since: now,
        }
    }

    /// One look at the clock at `now`: records the reminders missed since the last look,
    /// shows the one due now with `show` (unless a routine is playing) and records its answer.
    /// `show` gives the answer and when it came (a person may answer minutes later): a snooze
    /// counts from then. Returns when the next reminder is due.
    pub fn tick(
        &mut self,
        settings: &ReminderSettings,
        now: &ZonedDateTime,
        show: &mut dyn FnMut(Nudge) -> (Answer, ZonedDateTime),
    ) -> Option<ZonedDateTime> {
        if self.state.not_today.is_some_and(|day| day < now.date()) {
            self.state.not_today = None;
        }
        let caught = reminders::catch_up(settings, &self.state, &self.since, now);
        if let Some(last) = caught.last() {
            self.state.last_fired = Some(last.timestamp());
        }
        for missed in &caught.missed {
            record(&self.history, missed, Outcome::Missed);
        }
        if let Some(due) = &caught.fire {
            if crate::store::lock::is_held(&self.store.routine_running_path()) {
                eprintln!("unknot remind: a routine is playing, so no reminder now");
            } else {
                let (answer, answered) = show(nudge_for(settings, self.store, now.date()));
                match answer {
                    Answer::Snoozed => {
                        let minutes = i64::from(settings.snooze_minutes);
                        self.state.snoozed_until = answered
                            .timestamp()
                            .checked_add(jiff::SignedDuration::from_mins(minutes))
                            .ok();
                    }
                    Answer::NotToday => self.state.not_today = Some(now.date()),
                    Answer::Started | Answer::Ignored | Answer::Missed => {}
                }
                record(&self.history, due, outcome_of(answer));
            }
        }
        self.since = now.clone();
        reminders::next_due(settings, &self.state, now)
    }
}

/// Runs the reminder process until reminders are turned off (or returns at once if another
/// one runs). `tick` is [`TICK`] except in tests.
pub fn run(store: &Store, tick: Duration) -> anyhow::Result<Ended> {
    store.create_runtime_dir()?;
    let Some(_instance) = crate::store::lock::try_hold(&store.reminder_lock_path())? else {
        return Ok(Ended::AlreadyRunning);
    };
    let mut watch = SettingsWatch::new(store.settings_path());
    let mut schedule = Schedule::new(store, ZonedDateTime::now());
    let mut said_next = None;
    loop {
        let changed = watch.refresh();
        let settings = watch.settings.reminders.clone();
        if !settings.enabled {
            return Ok(Ended::TurnedOff);
        }
        let now = ZonedDateTime::now();
        let mut show = |nudge| (deliver_on_worker(nudge), ZonedDateTime::now());
        let next = schedule.tick(&settings, &now, &mut show);
        if changed || next != said_next {
            match &next {
                Some(due) => eprintln!(
                    "unknot remind: next reminder {}",
                    due.strftime("%a %-d %b %H:%M")
                ),
                None => eprintln!("unknot remind: no reminder is due in the next two weeks"),
            }
            said_next.clone_from(&next);
        }
        // After a reminder was shown (minutes may have passed), look again at once.
        let now = ZonedDateTime::now();
        let until_next = next
            .map(|due| now.duration_until(&due))
            .and_then(|d| Duration::try_from(d).ok())
            .unwrap_or(tick);
        std::thread::sleep(until_next.min(tick).max(Duration::from_millis(50)));
    }
}

/// When the next reminder is due for the settings on disk, from `now` and the history.
#[must_use]
pub fn next_due_now(
    store: &Store,
    settings: &ReminderSettings,
    now: &ZonedDateTime,
) -> Option<ZonedDateTime> {
    let state = HistoryStore::new(store).load().map_or_else(
        |_| ReminderState::default(),
        |loaded| reminders::state_from_records(&loaded.reminders, now),
    );
    reminders::next_due(settings, &state, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// What Start opens for the seated suggestion.
    const SEATED_ID: &str = "session-5-min-chair";

    fn at(time: (i8, i8, i8)) -> ZonedDateTime {
        // Wednesday 2 December 2026, in UTC.
        date(2026, 12, 2)
            .at(time.0, time.1, time.2, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .expect("a time")
    }

    /// "Today's programme session" names the day's session of the programme in progress, by
    /// the id the app opens it with; paused or without a programme, the seated routine.
    #[test]
    fn the_programme_suggestion_starts_todays_programme_session() {
        use crate::core::programme::{self, ProgrammeId, ProgrammeState};
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path());
        std::fs::create_dir_all(&store.config_dir).expect("config folder");
        std::fs::create_dir_all(&store.data_dir).expect("data folder");
        let settings = ReminderSettings {
            enabled: true,
            suggest: Suggestion::Programme,
            ..ReminderSettings::default()
        };
        let day = date(2026, 12, 2);
        let seated = nudge_for(&settings, &store, day);
        assert_eq!(seated.start_args, ["start", SEATED_ID], "no programme yet");

        let mut state = ProgrammeState::new(ProgrammeId::DeskBackCare, date(2026, 12, 1));
        crate::store::programme::save(&store.programme_path(), Some(&state)).expect("saved");
        let expected = programme::today(state, &[], day).routine;
        let nudge = nudge_for(&settings, &store, day);
        assert_eq!(nudge.start_args, ["start", expected.id()]);
        assert!(nudge.body.starts_with(expected.name()), "{}", nudge.body);

        state.paused = true;
        crate::store::programme::save(&store.programme_path(), Some(&state)).expect("saved");
        let paused = nudge_for(&settings, &store, day);
        assert_eq!(
            paused.start_args,
            ["start", SEATED_ID],
            "paused: the seated one"
        );
    }

    #[test]
    fn each_tick_shows_what_is_due_records_the_answer_and_keeps_away_while_a_routine_plays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path());
        let settings = ReminderSettings {
            enabled: true,
            ..ReminderSettings::default()
        };
        let mut schedule = Schedule::new(&store, at((9, 59, 30)));
        let mut shown: Vec<Nudge> = Vec::new();
        let mut answers = vec![Answer::Snoozed, Answer::Started].into_iter();
        // Each reminder is answered two minutes after it is shown.
        let looked = std::cell::RefCell::new(at((9, 59, 30)));
        let look = |time: ZonedDateTime| {
            looked.replace(time.clone());
            time
        };
        let mut show = |nudge: Nudge| {
            shown.push(nudge);
            let answered = looked
                .borrow()
                .checked_add(jiff::SignedDuration::from_mins(2))
                .expect("a time");
            (answers.next().unwrap_or(Answer::Ignored), answered)
        };
        // 10:00 is due: shown, snoozed at 10:02 for 10 minutes.
        let next = schedule.tick(&settings, &look(at((10, 0, 10))), &mut show);
        assert_eq!(
            next,
            Some(at((10, 12, 10))),
            "the snooze counts from the answer"
        );
        // Nothing more in the next minute.
        assert_eq!(
            schedule.tick(&settings, &look(at((10, 1, 10))), &mut show),
            next
        );
        // Not yet at 10:11: the snooze counts from 10:02.
        assert_eq!(
            schedule.tick(&settings, &look(at((10, 11, 0))), &mut show),
            next
        );
        // The snooze: shown again, started.
        let next = schedule.tick(&settings, &look(at((10, 12, 30))), &mut show);
        assert_eq!(next, Some(at((11, 0, 0))));
        // A routine playing at 11:00: nothing shown, nothing recorded.
        store.create_runtime_dir().expect("runtime folder");
        let playing = crate::store::lock::try_hold(&store.routine_running_path())
            .expect("opens")
            .expect("free");
        schedule.tick(&settings, &look(at((11, 0, 20))), &mut show);
        drop(playing);
        // Asleep from 11:01 to 14:35: 12:00 missed, 14:30 (an hour into 13:30-17:30) shown,
        // 5 minutes late.
        schedule.tick(&settings, &look(at((11, 1, 0))), &mut show);
        schedule.tick(&settings, &look(at((14, 35, 0))), &mut show);
        assert_eq!(shown.len(), 3);
        assert_eq!(shown[0].start_args, ["start", SEATED_ID]);
        assert_eq!(shown[0].snooze_minutes, 10);
        let recorded: Vec<(String, Outcome)> = HistoryStore::new(&store)
            .load()
            .expect("load")
            .reminders
            .iter()
            .map(|r| (r.due.to_string(), r.outcome))
            .collect();
        assert_eq!(
            recorded,
            [
                ("2026-12-02T10:00:00Z".to_owned(), Outcome::Snoozed),
                ("2026-12-02T10:12:10Z".to_owned(), Outcome::Started),
                ("2026-12-02T12:00:00Z".to_owned(), Outcome::Missed),
                ("2026-12-02T14:30:00Z".to_owned(), Outcome::Ignored),
            ]
        );
    }
}
