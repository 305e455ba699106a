//! The reminder schedule as values: when a person wants to be nudged to move (days of the week,
//! working hours, set clock times or every N minutes of the working day), what to suggest, how
//! long a snooze lasts, and when the next reminder is due.
//!
//! Everything is pure: the time now, the time zone and what happened to earlier reminders
//! ([`ReminderState`]) are passed in, so the schedule is tested exactly, across daylight-saving
//! changes. Clock times are the person's wall-clock times: a time that does not exist on a
//! spring-forward day (01:30 in London) is skipped, and one that happens twice on a fall-back
//! day fires once, at its first occurrence. The reminder process ([`crate::remind`]) sleeps
//! until [`next_due`] and, on waking (after a minute, or after a suspend), asks [`catch_up`]
//! what became due meanwhile: a reminder at most [`WAKE_GRACE`] late still fires, an older one
//! is missed.

use std::fmt;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};

/// The fewest minutes between two reminders of an "every N minutes" schedule.
pub const MIN_EVERY_MINUTES: u32 = 30;
/// The most minutes between two reminders of an "every N minutes" schedule.
pub const MAX_EVERY_MINUTES: u32 = 180;
/// The snooze lengths offered, in minutes.
pub const SNOOZE_CHOICES: [u32; 2] = [10, 30];
/// The most working-hour ranges or clock times kept (a day has only so many).
pub const MAX_ENTRIES: usize = 24;
/// A reminder found due at most this late (the machine was asleep) still fires; an older one is
/// missed.
pub const WAKE_GRACE: SignedDuration = SignedDuration::from_mins(10);

/// A time of day to the minute, written `HH:MM` (00:00 to 23:59).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(u16);

impl ClockTime {
    /// The time `hour:minute`, or `None` if that is not a time of day.
    #[must_use]
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| Self((hour * 60 + minute) as u16))
    }

    /// Minutes since midnight.
    #[must_use]
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    /// The time as jiff's civil time.
    #[must_use]
    pub fn civil(self) -> Time {
        // Below 24 and 60, both fit an i8.
        let [hour, minute] =
            [self.minutes() / 60, self.minutes() % 60].map(|v| i8::try_from(v).unwrap_or(0));
        jiff::civil::time(hour, minute, 0, 0)
    }

    /// Reads `HH:MM` (or `H:MM`), with a message saying what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let not_a_time = || format!("{text} is not a time of day");
        let (hour, minute) = text.split_once(':').ok_or_else(not_a_time)?;
        let number = |part: &str| {
            (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        match (number(hour), number(minute)) {
            (Some(hour), Some(minute)) => Self::new(hour, minute).ok_or_else(not_a_time),
            _ => Err(not_a_time()),
        }
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes() / 60, self.minutes() % 60)
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> Self {
        time.to_string()
    }
}

/// A range of working hours, written `HH:MM-HH:MM`; it ends after it starts, within one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HourRange {
    /// When it starts.
    start: ClockTime,
    /// When it ends (after `start`).
    end: ClockTime,
}

impl HourRange {
    /// The range from `start` to `end`, or why not.
    pub fn new(start: ClockTime, end: ClockTime) -> Result<Self, String> {
        if end <= start {
            return Err(format!("{start}-{end}: a range must end after it starts"));
        }
        Ok(Self { start, end })
    }

    /// When it starts.
    #[must_use]
    pub fn start(self) -> ClockTime {
        self.start
    }

    /// When it ends.
    #[must_use]
    pub fn end(self) -> ClockTime {
        self.end
    }

    /// Whether `time` is within the range, both ends included.
    #[must_use]
    pub fn contains(self, time: ClockTime) -> bool {
        self.start <= time && time <= self.end
    }

    /// Reads `HH:MM-HH:MM`, with a message saying what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| format!("{} is not a range of hours, like 09:00-12:30", text.trim()))?;
        Self::new(ClockTime::parse(start)?, ClockTime::parse(end)?)
    }
}

impl fmt::Display for HourRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl TryFrom<String> for HourRange {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl From<HourRange> for String {
    fn from(range: HourRange) -> Self {
        range.to_string()
    }
}

/// A day of the week, written `mon` to `sun`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    /// Every day, Monday first.
    pub const ALL: [Self; 7] = [
        Self::Mon,
        Self::Tue,
        Self::Wed,
        Self::Thu,
        Self::Fri,
        Self::Sat,
        Self::Sun,
    ];
    /// Monday to Friday.
    pub const WORKING_WEEK: [Self; 5] = [Self::Mon, Self::Tue, Self::Wed, Self::Thu, Self::Fri];

    /// The day `weekday` is.
    #[must_use]
    pub fn of(weekday: Weekday) -> Self {
        Self::ALL[weekday.to_monday_zero_offset() as usize]
    }

    /// Its short name, as the settings file and the app show it ("Mon").
    #[must_use]
    pub fn label(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }
}

/// When in the working hours reminders come.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Every this many minutes of each working range, from its start (the first one N minutes
    /// in) to its end.
    EveryMinutes(u32),
    /// At these clock times (each within the working hours).
    At(Vec<ClockTime>),
}

/// What a reminder suggests doing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suggestion {
    /// Today's session of the programme the person follows, when one is running.
    Programme,
    /// A routine the person chose, by id.
    Routine(String),
    /// A short seated session, for a desk.
    Seated,
}

/// The person's reminder settings: the `[reminders]` section of `settings.toml`. Off until the
/// person turns them on. Values come checked ([`ReminderSettings::problem`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderSettings {
    /// Reminders come at all.
    pub enabled: bool,
    /// The days reminders come on.
    pub days: Vec<Day>,
    /// The working hours, one or more ranges.
    pub hours: Vec<HourRange>,
    /// Every N minutes, or set clock times.
    pub when: When,
    /// What a reminder suggests.
    pub suggest: Suggestion,
    /// How long Snooze waits: 10 or 30 minutes.
    pub snooze_minutes: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            days: Day::WORKING_WEEK.to_vec(),
            hours: vec![
                HourRange {
                    start: ClockTime(9 * 60),
                    end: ClockTime(12 * 60 + 30),
                },
                HourRange {
                    start: ClockTime(13 * 60 + 30),
                    end: ClockTime(17 * 60 + 30),
                },
            ],
            when: When::EveryMinutes(60),
            suggest: Suggestion::Seated,
            snooze_minutes: SNOOZE_CHOICES[0],
        }
    }
}

impl ReminderSettings {
    /// Why these settings cannot be used, in words for the person, or `None` if they can.
    #[must_use]
    pub fn problem(&self) -> Option<String> {
        if self.hours.len() > MAX_ENTRIES {
            return Some(format!("at most {MAX_ENTRIES} ranges of working hours"));
        }
        if self.enabled && self.days.is_empty() {
            return Some("choose at least one day for reminders".to_owned());
        }
        if self.enabled && self.hours.is_empty() {
            return Some("give at least one range of working hours".to_owned());
        }
        let mut sorted = self.hours.clone();
        sorted.sort();
        for pair in sorted.windows(2) {
            if let [earlier, later] = pair
                && later.start < earlier.end
            {
                return Some(format!("{earlier} and {later} overlap"));
            }
        }
        match &self.when {
            When::EveryMinutes(n) if *n < MIN_EVERY_MINUTES => {
                return Some(format!(
                    "every {n} minutes is too often: {MIN_EVERY_MINUTES} to {MAX_EVERY_MINUTES}"
                ));
            }
            When::EveryMinutes(n) if *n > MAX_EVERY_MINUTES => {
                return Some(format!(
                    "every {n} minutes is too seldom: {MIN_EVERY_MINUTES} to {MAX_EVERY_MINUTES}"
                ));
            }
            When::EveryMinutes(_) => {}
            When::At(times) => {
                if times.len() > MAX_ENTRIES {
                    return Some(format!("at most {MAX_ENTRIES} reminder times"));
                }
                if self.enabled && times.is_empty() {
                    return Some("give at least one time for reminders".to_owned());
                }
                if let Some(time) = times
                    .iter()
                    .find(|t| !self.hours.iter().any(|r| r.contains(**t)))
                {
                    return Some(format!("{time} is outside your working hours"));
                }
            }
        }
        if let Suggestion::Routine(id) = &self.suggest
            && id.trim().is_empty()
        {
            return Some("choose a routine to suggest".to_owned());
        }
        if !SNOOZE_CHOICES.contains(&self.snooze_minutes) {
            return Some(format!(
                "a snooze of {} minutes: choose 10 or 30",
                self.snooze_minutes
            ));
        }
        None
    }

    /// These settings, or why they cannot be used.
    pub fn checked(self) -> Result<Self, String> {
        match self.problem() {
            Some(problem) => Err(problem),
            None => Ok(self.tidied()),
        }
    }

    /// The same settings with days in week order and ranges and times sorted, without repeats.
    #[must_use]
    pub fn tidied(mut self) -> Self {
        self.days.sort();
        self.days.dedup();
        self.hours.sort();
        self.hours.dedup();
        if let When::At(times) = &mut self.when {
            times.sort();
            times.dedup();
        }
        self
    }

    /// The clock times reminders come at on a working day, in order (before any
    /// daylight-saving change is applied).
    #[must_use]
    pub fn times_of_day(&self) -> Vec<ClockTime> {
        let mut times: Vec<ClockTime> = match &self.when {
            When::At(times) => times
                .iter()
                .copied()
                .filter(|t| self.hours.iter().any(|r| r.contains(*t)))
                .collect(),
            When::EveryMinutes(n) if *n > 0 => self
                .hours
                .iter()
                .flat_map(|range| {
                    (1..)
                        .map(move |k| range.start.minutes() + k * n)
                        .take_while(move |m| *m <= range.end.minutes())
                        .map(|m| ClockTime(m as u16))
                })
                .collect(),
            When::EveryMinutes(_) => Vec::new(),
        };
        times.sort();
        times.dedup();
        times
    }
}

/// What happened to earlier reminders, which decides the next one. Kept by the reminder
/// process and rebuilt from the history when it starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderState {
    /// A snoozed reminder comes back at this instant.
    pub snoozed_until: Option<Timestamp>,
    /// The person said "Not today" on this date: no more reminders that day.
    pub not_today: Option<Date>,
    /// The last reminder that came (or was missed): none at or before it comes again.
    pub last_fired: Option<Timestamp>,
}

/// How many days ahead [`next_due`] looks (two weeks and a day: every weekday twice, so a
/// clock time skipped by a daylight-saving change still has a next one).
const LOOKAHEAD_DAYS: i64 = 15;

/// The reminders of the schedule on `date` in `tz`, in order: each clock time that exists that
/// day and lies in its working range, at its first occurrence. None on a day not chosen or on
/// the "Not today" date.
fn due_on(
    settings: &ReminderSettings,
    state: &ReminderState,
    date: Date,
    tz: &TimeZone,
) -> Vec<ZonedDateTime> {
    if !settings.days.contains(&Day::of(date.weekday())) || state.not_today == Some(date) {
        return Vec::new();
    }
    settings
        .times_of_day()
        .into_iter()
        .filter_map(|time| {
            let zoned = date
                .to_datetime(time.civil())
                .to_zoned_datetime(tz.clone())
                .ok()?;
            // A time skipped by a spring-forward change lands later: it does not exist that day.
            (zoned.date() == date && zoned.time() == time.civil()).then_some(zoned)
        })
        .collect()
}

/// When the next reminder is due strictly after `now` (and after the last one that came),
/// in `now`'s time zone; a snooze still running comes first. `None` when reminders are off or
/// no day is chosen.
#[must_use]
pub fn next_due(
    settings: &ReminderSettings,
    state: &ReminderState,
    now: &ZonedDateTime,
) -> Option<ZonedDateTime> {
    if !settings.enabled {
        return None;
    }
    let after = state
        .last_fired
        .map_or(now.timestamp(), |last| last.max(now.timestamp()));
    let snooze = state
        .snoozed_until
        .filter(|until| *until > after)
        .map(|until| ZonedDateTime::new(until, now.time_zone().clone()));
    let tz = now.time_zone();
    let start = ZonedDateTime::new(after, tz.clone()).date();
    let scheduled = (0..LOOKAHEAD_DAYS)
        .filter_map(|offset| start.checked_add(jiff::Span::new().days(offset)).ok())
        .flat_map(|date| due_on(settings, state, date, tz))
        .find(|due| due.timestamp() > after);
    match (snooze, scheduled) {
        (Some(snooze), Some(scheduled)) => Some(std::cmp::min(snooze, scheduled)),
        (snooze, scheduled) => snooze.or(scheduled),
    }
}

/// What became due between two looks at the clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatchUp {
    /// The reminder to show now: the latest one due, if at most [`WAKE_GRACE`] late.
    pub fire: Option<ZonedDateTime>,
    /// Reminders that came due while nobody could see them (the machine was asleep), oldest
    /// first.
    pub missed: Vec<ZonedDateTime>,
}

impl CatchUp {
    /// The last reminder dealt with, to record as [`ReminderState::last_fired`].
    #[must_use]
    pub fn last(&self) -> Option<&ZonedDateTime> {
        self.fire.as_ref().or(self.missed.last())
    }
}

/// The most reminders one catch-up lists (a machine asleep for weeks).
const MAX_CATCH_UP: usize = 100;

/// What became due after `since` (the last look at the clock) up to `now`: the latest reminder
/// fires if it is at most [`WAKE_GRACE`] late, every earlier one, and a later one, is missed.
/// Nothing is due twice: after the catch-up, set [`ReminderState::last_fired`] to
/// [`CatchUp::last`]. A clock set back (`now` before `since`) finds nothing.
#[must_use]
pub fn catch_up(
    settings: &ReminderSettings,
    state: &ReminderState,
    since: &ZonedDateTime,
    now: &ZonedDateTime,
) -> CatchUp {
    let mut due = Vec::new();
    let mut looked = state.clone();
    let mut from = since.clone();
    while due.len() < MAX_CATCH_UP {
        match next_due(settings, &looked, &from) {
            Some(next) if next.timestamp() <= now.timestamp() => {
                looked.last_fired = Some(next.timestamp());
                from = next.clone();
                due.push(next);
            }
            _ => break,
        }
    }
    let late = |at: &ZonedDateTime| now.duration_since(at) > WAKE_GRACE;
    match due.pop() {
        Some(latest) if !late(&latest) => CatchUp {
            fire: Some(latest),
            missed: due,
        },
        Some(latest) => {
            due.push(latest);
            CatchUp {
                fire: None,
                missed: due,
            }
        }
        None => CatchUp::default(),
    }
}

/// What became of one reminder, as the history records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The person pressed Start.
    Started,
    /// The person pressed Snooze.
    Snoozed,
    /// The person pressed Not today.
    NotToday,
    /// It was shown and not answered.
    Ignored,
    /// It could not be shown (no display, or the machine was asleep when it was due).
    Missed,
}

impl Outcome {
    /// The word the history file and the command line use.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::Snoozed => "snoozed",
            Self::NotToday => "not-today",
            Self::Ignored => "ignored",
            Self::Missed => "missed",
        }
    }
}

/// One reminder and what became of it: a line of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderRecord {
    /// When it was due, on the wall clock then.
    pub due: crate::core::history::LocalStart,
    /// What became of it.
    pub outcome: Outcome,
}

/// How many reminders came in the week of `today` (Monday to Sunday) and how many were
/// started: "This week: 9 reminders, 5 started", or `None` when there were none.
#[must_use]
pub fn week_summary(records: &[ReminderRecord], today: Date) -> Option<String> {
    let monday = today
        .checked_sub(jiff::Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
        .ok()?;
    let week: Vec<&ReminderRecord> = records
        .iter()
        .filter(|r| (monday..=today).contains(&r.due.date()))
        .collect();
    if week.is_empty() {
        return None;
    }
    let started = week
        .iter()
        .filter(|r| r.outcome == Outcome::Started)
        .count();
    let plural = if week.len() == 1 { "" } else { "s" };
    Some(format!(
        "This week: {} reminder{plural}, {started} started",
        week.len()
    ))
}

/// The notice for reminders missed since `since` (the last launch), told once: "1 reminder was
/// missed (no display)", or `None` when none was.
#[must_use]
pub fn missed_notice(records: &[ReminderRecord], since: Timestamp) -> Option<String> {
    let missed = records
        .iter()
        .filter(|r| r.outcome == Outcome::Missed)
        .filter(|r| {
            r.due
                .at
                .to_zoned_datetime(TimeZone::fixed(r.due.offset))
                .is_ok_and(|due| due.timestamp() > since)
        })
        .count();
    match missed {
        0 => None,
        1 => Some("1 reminder was missed (no display)".to_owned()),
        n => Some(format!("{n} reminders were missed (no display)")),
    }
}

/// What earlier reminders leave for the next one, read from the history when the reminder
/// process starts: the last one due (none at or before it again) and a "Not today" given today.
#[must_use]
pub fn state_from_records(records: &[ReminderRecord], now: &ZonedDateTime) -> ReminderState {
    let today = now.date();
    let mut state = ReminderState::default();
    for record in records {
        let Ok(due) = record
            .due
            .at
            .to_zoned_datetime(TimeZone::fixed(record.due.offset))
        else {
            continue;
        };
        if due.timestamp() <= now.timestamp() {
            state.last_fired = Some(
                state
                    .last_fired
                    .map_or(due.timestamp(), |l| l.max(due.timestamp())),
            );
        }
        if record.outcome == Outcome::NotToday
            && due.with_time_zone(now.time_zone().clone()).date() == today
        {
            state.not_today = Some(today);
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn t(text: &str) -> ClockTime {
        ClockTime::parse(text).expect("a time")
    }

    fn range(text: &str) -> HourRange {
        HourRange::parse(text).expect("a range")
    }

    fn london() -> TimeZone {
        TimeZone::get("Europe/London").expect("the tz database has London")
    }

    fn at(d: Date, time: &str) -> ZonedDateTime {
        d.to_datetime(t(time).civil())
            .to_zoned_datetime(london())
            .expect("a time in London")
    }

    fn on(hours: &[&str], when: When) -> ReminderSettings {
        ReminderSettings {
            enabled: true,
            hours: hours.iter().map(|h| range(h)).collect(),
            when,
            ..ReminderSettings::default()
        }
    }

    /// Wednesday 2 December 2026.
    const WED: Date = date(2026, 12, 2);

    #[test]
    fn times_and_ranges_read_and_refuse_with_clear_messages() {
        assert_eq!(t("9:05").to_string(), "09:05");
        assert_eq!(
            ClockTime::parse("25:00"),
            Err("25:00 is not a time of day".into())
        );
        assert_eq!(
            ClockTime::parse("12:60"),
            Err("12:60 is not a time of day".into())
        );
        assert_eq!(
            ClockTime::parse("noon"),
            Err("noon is not a time of day".into())
        );
        assert_eq!(
            ClockTime::parse("-1:00"),
            Err("-1:00 is not a time of day".into())
        );
        assert_eq!(
            HourRange::parse("12:00-09:00"),
            Err("12:00-09:00: a range must end after it starts".into())
        );
        assert_eq!(
            HourRange::parse("10:00-10:00"),
            Err("10:00-10:00: a range must end after it starts".into())
        );
        assert_eq!(range(" 09:00 - 12:30 ").to_string(), "09:00-12:30");
    }

    #[test]
    fn bad_settings_are_refused_with_what_is_wrong() {
        let every = |n| on(&["09:00-17:00"], When::EveryMinutes(n)).problem();
        assert_eq!(
            every(5),
            Some("every 5 minutes is too often: 30 to 180".into())
        );
        assert_eq!(
            every(240),
            Some("every 240 minutes is too seldom: 30 to 180".into())
        );
        assert_eq!(every(30), None);
        assert_eq!(every(180), None);
        let outside = on(&["09:00-12:00"], When::At(vec![t("13:00")]));
        assert_eq!(
            outside.problem(),
            Some("13:00 is outside your working hours".into())
        );
        let overlap = on(&["09:00-12:00", "11:00-13:00"], When::EveryMinutes(60));
        assert_eq!(
            overlap.problem(),
            Some("09:00-12:00 and 11:00-13:00 overlap".into())
        );
        let snooze = ReminderSettings {
            snooze_minutes: 15,
            ..ReminderSettings::default()
        };
        assert_eq!(
            snooze.problem(),
            Some("a snooze of 15 minutes: choose 10 or 30".into())
        );
        let no_days = ReminderSettings {
            enabled: true,
            days: Vec::new(),
            ..ReminderSettings::default()
        };
        assert_eq!(
            no_days.problem(),
            Some("choose at least one day for reminders".into())
        );
        assert_eq!(ReminderSettings::default().problem(), None);
    }

    #[test]
    fn every_n_minutes_fills_each_range_from_its_start() {
        let settings = on(&["09:00-10:30", "13:00-14:00"], When::EveryMinutes(30));
        let times: Vec<String> = settings
            .times_of_day()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(times, ["09:30", "10:00", "10:30", "13:30", "14:00"]);
    }

    #[test]
    fn the_next_reminder_is_on_a_chosen_day_within_working_hours() {
        let settings = on(&["09:00-12:00", "13:00-17:00"], When::EveryMinutes(90));
        let state = ReminderState::default();
        // 09:00-12:00 gives 10:30 and 12:00 (its end), 13:00-17:00 gives 14:30 and 16:00.
        assert_eq!(
            next_due(&settings, &state, &at(WED, "08:00")),
            Some(at(WED, "10:30"))
        );
        assert_eq!(
            next_due(&settings, &state, &at(WED, "10:30")),
            Some(at(WED, "12:00"))
        );
        assert_eq!(
            next_due(&settings, &state, &at(WED, "12:15")),
            Some(at(WED, "14:30"))
        );
        // Friday evening: Monday morning (the weekend is not chosen).
        let friday = date(2026, 12, 4);
        let monday = date(2026, 12, 7);
        assert_eq!(
            next_due(&settings, &state, &at(friday, "16:30")),
            Some(at(monday, "10:30"))
        );
        let off = ReminderSettings {
            enabled: false,
            ..settings
        };
        assert_eq!(next_due(&off, &state, &at(WED, "08:00")), None);
    }

    #[test]
    fn set_clock_times_snooze_and_not_today() {
        let settings = on(&["09:00-17:00"], When::At(vec![t("15:00"), t("10:30")]));
        let mut state = ReminderState::default();
        assert_eq!(
            next_due(&settings, &state, &at(WED, "10:30")),
            Some(at(WED, "15:00"))
        );
        // Snoozed at 10:30 for 10 minutes: back at 10:40, before 15:00.
        state.last_fired = Some(at(WED, "10:30").timestamp());
        state.snoozed_until = Some(at(WED, "10:40").timestamp());
        assert_eq!(
            next_due(&settings, &state, &at(WED, "10:31")),
            Some(at(WED, "10:40"))
        );
        // Once past, the snooze is over.
        assert_eq!(
            next_due(&settings, &state, &at(WED, "10:41")),
            Some(at(WED, "15:00"))
        );
        // Not today: tomorrow's first.
        state.snoozed_until = None;
        state.not_today = Some(WED);
        assert_eq!(
            next_due(&settings, &state, &at(WED, "10:31")),
            Some(at(date(2026, 12, 3), "10:30"))
        );
        // Never the one that already came, even if the clock is set back.
        let state = ReminderState {
            last_fired: Some(at(WED, "15:00").timestamp()),
            ..ReminderState::default()
        };
        assert_eq!(
            next_due(&settings, &state, &at(WED, "14:00")),
            Some(at(date(2026, 12, 3), "10:30"))
        );
    }

    #[test]
    fn daylight_saving_days_in_london() {
        // 29 March 2026 (a Sunday): 01:00 GMT becomes 02:00 BST; 01:00 and 01:30 do not exist.
        let spring = date(2026, 3, 29);
        let mut settings = on(&["00:30-03:00"], When::EveryMinutes(30));
        settings.days = Day::ALL.to_vec();
        let mut state = ReminderState::default();
        let mut seen = Vec::new();
        let mut now = at(spring, "00:00");
        while let Some(due) = next_due(&settings, &state, &now) {
            if due.date() != spring {
                break;
            }
            seen.push(due.strftime("%H:%M %Z").to_string());
            state.last_fired = Some(due.timestamp());
            now = due;
        }
        assert_eq!(seen, ["02:00 BST", "02:30 BST", "03:00 BST"]);
        // 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 happens twice and fires once.
        let autumn = date(2026, 10, 25);
        let mut state = ReminderState::default();
        let mut seen = Vec::new();
        let mut now = at(autumn, "00:00");
        while let Some(due) = next_due(&settings, &state, &now) {
            if due.date() != autumn {
                break;
            }
            seen.push(due.strftime("%H:%M %Z").to_string());
            state.last_fired = Some(due.timestamp());
            now = due;
        }
        assert_eq!(
            seen,
            [
                "01:00 BST",
                "01:30 BST",
                "02:00 GMT",
                "02:30 GMT",
                "03:00 GMT"
            ]
        );
    }

    #[test]
    fn a_suspend_over_a_reminder_fires_once_if_recent_else_it_is_missed() {
        let settings = on(&["09:00-17:00"], When::EveryMinutes(60));
        let state = ReminderState::default();
        // Asleep from 09:50 to 10:08: the 10:00 reminder is 8 minutes late and fires.
        let woke = catch_up(&settings, &state, &at(WED, "09:50"), &at(WED, "10:08"));
        assert_eq!(
            woke,
            CatchUp {
                fire: Some(at(WED, "10:00")),
                missed: vec![]
            }
        );
        // Asleep until 10:11: missed.
        let woke = catch_up(&settings, &state, &at(WED, "09:50"), &at(WED, "10:11"));
        assert_eq!(
            woke,
            CatchUp {
                fire: None,
                missed: vec![at(WED, "10:00")]
            }
        );
        // Asleep from 09:50 to 12:05: 10:00 and 11:00 missed, 12:00 fires; once only.
        let woke = catch_up(&settings, &state, &at(WED, "09:50"), &at(WED, "12:05"));
        assert_eq!(
            woke,
            CatchUp {
                fire: Some(at(WED, "12:00")),
                missed: vec![at(WED, "10:00"), at(WED, "11:00")]
            }
        );
        let after = ReminderState {
            last_fired: woke.last().map(ZonedDateTime::timestamp),
            ..state
        };
        assert_eq!(
            catch_up(&settings, &after, &at(WED, "09:50"), &at(WED, "12:06")),
            CatchUp::default()
        );
        // A minute's sleep with nothing due, and a clock set back, find nothing.
        assert_eq!(
            catch_up(&settings, &state, &at(WED, "10:01"), &at(WED, "10:02")),
            CatchUp::default()
        );
        assert_eq!(
            catch_up(&settings, &state, &at(WED, "12:01"), &at(WED, "09:00")),
            CatchUp::default()
        );
    }

    #[test]
    fn settings_read_from_toml_and_refuse_bad_values() {
        let text = "enabled = true\ndays = [\"mon\", \"fri\"]\nhours = [\"09:00-12:30\"]\n\
                    when = { at = [\"10:30\"] }\nsuggest = { routine = \"desk-break\" }\n\
                    snooze_minutes = 30\n";
        let settings: ReminderSettings = toml::from_str(text).expect("reads");
        assert_eq!(settings.days, [Day::Mon, Day::Fri]);
        assert_eq!(settings.when, When::At(vec![t("10:30")]));
        assert_eq!(settings.suggest, Suggestion::Routine("desk-break".into()));
        let written = toml::to_string(&settings).expect("writes");
        assert_eq!(
            toml::from_str::<ReminderSettings>(&written).expect("reads back"),
            settings
        );
        let bad =
            toml::from_str::<ReminderSettings>("hours = [\"09:00-25:00\"]\n").expect_err("refused");
        assert!(
            bad.message().contains("25:00 is not a time of day"),
            "{bad}"
        );
        let older: ReminderSettings = toml::from_str("").expect("all defaults");
        assert_eq!(older, ReminderSettings::default());
    }

    fn record(d: Date, time: &str, outcome: Outcome) -> ReminderRecord {
        ReminderRecord {
            due: crate::core::history::LocalStart::from_zoned(&at(d, time)),
            outcome,
        }
    }

    #[test]
    fn the_week_summary_counts_this_weeks_reminders_and_starts() {
        let monday = date(2026, 11, 30);
        let records = [
            record(date(2026, 11, 29), "10:00", Outcome::Started),
            record(monday, "10:00", Outcome::Started),
            record(monday, "11:00", Outcome::Snoozed),
            record(WED, "10:00", Outcome::Missed),
        ];
        assert_eq!(
            week_summary(&records, WED).as_deref(),
            Some("This week: 3 reminders, 1 started")
        );
        assert_eq!(week_summary(&records[..1], WED), None);
        assert_eq!(
            week_summary(&records[1..2], monday).as_deref(),
            Some("This week: 1 reminder, 1 started")
        );
    }

    #[test]
    fn missed_reminders_are_told_once_and_state_comes_back_from_the_history() {
        let records = [
            record(WED, "10:00", Outcome::Missed),
            record(WED, "11:00", Outcome::NotToday),
            record(WED, "12:00", Outcome::Missed),
        ];
        let since = at(WED, "09:00").timestamp();
        assert_eq!(
            missed_notice(&records, since).as_deref(),
            Some("2 reminders were missed (no display)")
        );
        let later = at(WED, "11:30").timestamp();
        assert_eq!(
            missed_notice(&records, later).as_deref(),
            Some("1 reminder was missed (no display)")
        );
        assert_eq!(missed_notice(&records, at(WED, "13:00").timestamp()), None);
        let state = state_from_records(&records, &at(WED, "12:30"));
        assert_eq!(state.not_today, Some(WED));
        assert_eq!(state.last_fired, Some(at(WED, "12:00").timestamp()));
        let tomorrow = state_from_records(&records, &at(date(2026, 12, 3), "08:00"));
        assert_eq!(tomorrow.not_today, None);
    }

    fn any_settings() -> impl proptest::strategy::Strategy<Value = ReminderSettings> {
        use proptest::prelude::*;
        (
            proptest::sample::subsequence(Day::ALL.to_vec(), 1..=7),
            proptest::collection::btree_set((0u16..1439, 1u16..600), 1..4),
            prop_oneof![
                (MIN_EVERY_MINUTES..=MAX_EVERY_MINUTES).prop_map(When::EveryMinutes),
                proptest::collection::vec(0u16..1440, 1..6)
                    .prop_map(|m| When::At(m.into_iter().map(ClockTime).collect())),
            ],
        )
            .prop_map(|(days, spans, when)| {
                // Non-overlapping ranges, from sorted starts.
                let mut hours: Vec<HourRange> = Vec::new();
                for (start, length) in spans {
                    let start = hours.last().map_or(start, |last| start.max(last.end.0 + 1));
                    let end = (start + length).min(1439);
                    if start < end {
                        hours.push(HourRange {
                            start: ClockTime(start),
                            end: ClockTime(end),
                        });
                    }
                }
                ReminderSettings {
                    enabled: true,
                    days,
                    hours,
                    when,
                    ..ReminderSettings::default()
                }
            })
    }

    proptest::proptest! {
        /// For any text, reading a time or a range never panics, and what reads is written
        /// back the same way; every time of day reads back as itself.
        #[test]
        fn any_text_reads_as_a_time_or_says_why(text in ".{0,16}", minutes in 0u16..1440) {
            match ClockTime::parse(&text) {
                Ok(time) => proptest::prop_assert_eq!(ClockTime::parse(&time.to_string()), Ok(time)),
                Err(message) => proptest::prop_assert!(message.ends_with("is not a time of day")),
            }
            if let Ok(range) = HourRange::parse(&text) {
                proptest::prop_assert!(range.start() < range.end());
                proptest::prop_assert_eq!(HourRange::parse(&range.to_string()), Ok(range));
            }
            let time = ClockTime(minutes);
            proptest::prop_assert_eq!(ClockTime::parse(&time.to_string()), Ok(time));
        }

        /// For any schedule, any moment in 2026 and either daylight-saving rule, the next
        /// reminder is strictly after now, on a chosen day, within a working range, and no
        /// scheduled reminder lies between now and it.
        #[test]
        fn the_next_reminder_is_always_in_working_hours_and_after_now(
            settings in any_settings(),
            second in 0i64..365 * 86_400,
            zone in proptest::sample::select(vec!["Europe/London", "America/New_York", "UTC"]),
        ) {
            let tz = TimeZone::get(zone).expect("zone");
            let start = Timestamp::from_second(1_767_225_600 + second).expect("2026");
            let now = ZonedDateTime::new(start, tz.clone());
            let state = ReminderState::default();
            let Some(due) = next_due(&settings, &state, &now) else {
                // Only when no time lies in the working hours.
                proptest::prop_assert!(settings.times_of_day().is_empty());
                return Ok(());
            };
            proptest::prop_assert!(due > now);
            proptest::prop_assert!(settings.days.contains(&Day::of(due.weekday())));
            let time = ClockTime::new(due.hour() as u32, due.minute() as u32).expect("a time");
            proptest::prop_assert!(settings.hours.iter().any(|r| r.contains(time)), "{due}");
            // Nothing due in between: a minute before it, the next is still it.
            let before = due.checked_sub(SignedDuration::from_mins(1)).expect("in range");
            if before > now {
                proptest::prop_assert_eq!(next_due(&settings, &state, &before), Some(due.clone()));
            }
            // A catch-up over the same span fires it, once.
            let woke = catch_up(&settings, &state, &now, &due);
            proptest::prop_assert_eq!(woke.fire, Some(due));
        }
    }
}
