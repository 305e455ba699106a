//! The session history, as pure data: what one run of a routine was, and the figures and text
//! summaries drawn from many of them.
//!
//! A [`SessionRecord`] is made from a [`SessionInput`] the app fills in when a run ends (finished,
//! stopped part-way, or the app closed mid-routine). It keeps the routine's id *and* name, so a
//! record still reads well after the routine is renamed or deleted, the planned and actual
//! length, the steps done and skipped (by step id and technique key), how the run ended, and the
//! optional 0–10 pain ratings before and after with a short note. Every value is bounded when the
//! record is made, so whatever the app passes, a record is small and valid.
//!
//! Time never comes from a clock here: the start is a [`LocalStart`] the app builds from its
//! clock, and "today" is passed in to [`figures::Figures::compute`]. Nothing in this module
//! touches files ([`crate::store::history`] does) or the screen ([`crate::ui::history`] does).
//!
//! How the app uses it (`app/history.rs`): on Start, if [`PainQuestions::ask`] says so, show
//! `ui::history::pain_rating_ui` (before); when the routine starts, note
//! [`LocalStart::from_zoned`] of the app clock's local time. When the run ends, by finishing,
//! by Stop or by the window closing mid-routine, fill a [`SessionInput`], append
//! `SessionRecord::from_input` to the log at once (so a crash after that loses nothing), then,
//! except on close, ask the after question and, when answered, replace the record with
//! [`SessionRecord::with_after`].

pub mod csv;
pub mod figures;

use std::fmt;

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use serde::{Deserialize, Serialize};

/// The most characters kept of a routine's name (longer names are cut).
pub const MAX_NAME_CHARS: usize = 200;
/// The most characters kept of a step id, technique key or routine id.
pub const MAX_ID_CHARS: usize = 100;
/// The most characters kept of a session's note.
pub const MAX_NOTE_CHARS: usize = 500;
/// The most steps kept in each of a record's done and skipped lists.
pub const MAX_STEPS: usize = 500;
/// The longest length recorded (24 hours, in seconds); longer values are brought down to it.
pub const MAX_SECS: u32 = 24 * 60 * 60;
/// The highest point of the pain scale (0 = no pain, 10 = worst imaginable).
pub const PAIN_MAX: u8 = 10;

/// When a session started, in the person's local time, with the UTC offset in force then.
///
/// Days are counted by the local date at the start (a session that runs past midnight counts
/// for the day it started), so travelling or a change of summer time never moves a past session
/// to another day. Kept to whole seconds. Written as RFC 3339: `2026-12-01T09:30:00+01:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LocalStart {
    /// The local date and time on the wall clock.
    pub at: DateTime,
    /// The UTC offset at that moment.
    pub offset: Offset,
}

impl LocalStart {
    /// A start from a zoned time (the app passes `jiff::ZonedDateTime::now()`), cut to whole
    /// seconds, with the offset cut to whole minutes (as RFC 3339 writes it).
    #[must_use]
    pub fn from_zoned(now: &jiff::ZonedDateTime) -> Self {
        let at = now.datetime();
        let offset = now.offset();
        Self {
            at: at.with().subsec_nanosecond(0).build().unwrap_or(at),
            offset: Offset::from_seconds(offset.seconds() / 60 * 60).unwrap_or(offset),
        }
    }

    /// A start at a wall-clock time in UTC (used by tests and benchmarks).
    #[must_use]
    pub fn utc(at: DateTime) -> Self {
        Self {
            at,
            offset: Offset::UTC,
        }
    }

    /// The local date the session counts for.
    #[must_use]
    pub fn date(&self) -> Date {
        self.at.date()
    }

    /// Parses the RFC 3339 form written by [`fmt::Display`]: `YYYY-MM-DDTHH:MM:SS` then `Z` or
    /// `±HH:MM`. Fractions of a second are refused, as the format never writes them.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("'{text}' is not a start time like 2026-12-01T09:30:00+01:00");
        let (at, zone) = (
            text.get(..19).ok_or_else(bad)?,
            text.get(19..).ok_or_else(bad)?,
        );
        let at: DateTime = at.parse().map_err(|_| bad())?;
        let offset = if zone == "Z" {
            Offset::UTC
        } else {
            let (sign, rest) = match zone.as_bytes().first() {
                Some(b'+') => (1, &zone[1..]),
                Some(b'-') => (-1, &zone[1..]),
                _ => return Err(bad()),
            };
            let (hours, minutes) = rest.split_once(':').ok_or_else(bad)?;
            if hours.len() != 2 || minutes.len() != 2 {
                return Err(bad());
            }
            let hours: i32 = hours.parse().map_err(|_| bad())?;
            let minutes: i32 = minutes.parse().map_err(|_| bad())?;
            if hours > 23 || minutes > 59 {
                return Err(bad());
            }
            Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).map_err(|_| bad())?
        };
        Ok(Self { at, offset })
    }
}

impl fmt::Display for LocalStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            at.year(),
            at.month(),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        )?;
        let secs = self.offset.seconds();
        if secs == 0 {
            return f.write_str("Z");
        }
        let sign = if secs < 0 { '-' } else { '+' };
        let minutes = secs.unsigned_abs() / 60;
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl Serialize for LocalStart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalStart {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// One step of a run, by the routine's stable step id and the technique it uses (none for a
/// person's own blank step).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StepRef {
    /// The step's id, unique within its routine.
    pub id: String,
    /// The technique registry key, if the step uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
}

impl StepRef {
    /// A step reference.
    #[must_use]
    pub fn new(id: &str, technique: Option<&str>) -> Self {
        Self {
            id: id.to_owned(),
            technique: technique.map(str::to_owned),
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    /// Every step was reached and the routine ran to its end.
    Finished,
    /// The person stopped it part-way.
    Stopped,
    /// The app was closed while the routine was running.
    AppClosed,
}

impl Ending {
    /// The word used in the file and in the CSV.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Finished => "finished",
            Self::Stopped => "stopped",
            Self::AppClosed => "app-closed",
        }
    }

    /// Reads [`Ending::key`] back.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Finished, Self::Stopped, Self::AppClosed]
            .into_iter()
            .find(|e| e.key() == key)
    }

    /// How it reads in a list: "finished", "stopped part-way", "app closed".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Finished => "finished",
            Self::Stopped => "stopped part-way",
            Self::AppClosed => "app closed",
        }
    }
}

/// A point on the 0–10 numeric pain rating scale: 0 = no pain, 10 = worst imaginable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct PainRating(u8);

impl PainRating {
    /// A rating, if `value` is on the scale (0–10).
    #[must_use]
    pub fn new(value: u8) -> Option<Self> {
        (value <= PAIN_MAX).then_some(Self(value))
    }

    /// The rating, 0–10.
    #[must_use]
    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for PainRating {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value).ok_or_else(|| format!("a pain rating is 0 to 10, not {value}"))
    }
}

impl From<PainRating> for u8 {
    fn from(rating: PainRating) -> Self {
        rating.0
    }
}

/// What the app knows when a run ends, to be made into a [`SessionRecord`].
///
/// Fill it from the session at its end: on finish (`ending: Finished`), on stop (`Stopped`), and
/// when the window closes while a routine runs (`AppClosed`). Steps "done" are those played to
/// their end; "skipped" are all the others: passed over with Skip, cut short by the ending, or
/// never reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInput {
    /// When the run started (from the app's clock, see [`LocalStart::from_zoned`]).
    pub started: LocalStart,
    /// The routine's id.
    pub routine_id: String,
    /// The routine's name as shown when it ran.
    pub routine_name: String,
    /// How long the run was planned to last, seconds.
    pub planned_secs: u32,
    /// How long it actually ran, seconds, pauses not counted.
    pub actual_secs: u32,
    /// Steps done, in order.
    pub done: Vec<StepRef>,
    /// Steps skipped or not reached, in order.
    pub skipped: Vec<StepRef>,
    /// How it ended.
    pub ending: Ending,
    /// The rating given before the run, if one was.
    pub pain_before: Option<PainRating>,
    /// The note given with it (may be empty).
    pub note: String,
}

/// One run of a routine, as kept in the history.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionRecord {
    /// When it started, local time.
    pub start: LocalStart,
    /// The routine's id.
    pub routine_id: String,
    /// The routine's name when it ran.
    pub routine_name: String,
    /// Planned length, seconds.
    pub planned_seconds: u32,
    /// Actual length, seconds.
    pub actual_seconds: u32,
    /// How it ended.
    pub ending: Ending,
    /// Steps done.
    #[serde(default)]
    pub steps_done: Vec<StepRef>,
    /// Steps skipped or not reached.
    #[serde(default)]
    pub steps_skipped: Vec<StepRef>,
    /// Pain before, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_before: Option<PainRating>,
    /// Pain after, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<PainRating>,
    /// A short note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Cuts `text` to at most `max` characters, after trimming it and turning line breaks and
/// other control characters into spaces (a record is one line, a note one paragraph).
#[must_use]
pub fn bounded(text: &str, max: usize) -> String {
    text.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

fn bounded_steps(steps: &[StepRef]) -> Vec<StepRef> {
    steps
        .iter()
        .take(MAX_STEPS)
        .map(|s| StepRef {
            id: bounded(&s.id, MAX_ID_CHARS),
            technique: s
                .technique
                .as_deref()
                .map(|t| bounded(t, MAX_ID_CHARS))
                .filter(|t| !t.is_empty()),
        })
        .collect()
}

impl SessionRecord {
    /// The record of a run that just ended; every text and number is brought within bounds.
    #[must_use]
    pub fn from_input(input: &SessionInput) -> Self {
        Self {
            start: input.started,
            routine_id: bounded(&input.routine_id, MAX_ID_CHARS),
            routine_name: bounded(&input.routine_name, MAX_NAME_CHARS),
            planned_seconds: input.planned_secs.min(MAX_SECS),
            actual_seconds: input.actual_secs.min(MAX_SECS),
            ending: input.ending,
            steps_done: bounded_steps(&input.done),
            steps_skipped: bounded_steps(&input.skipped),
            pain_before: input.pain_before,
            pain_after: None,
            note: bounded(&input.note, MAX_NOTE_CHARS),
        }
    }

    /// This record with the rating given after the run, and its note added to any note given
    /// before (separated by " / ").
    #[must_use]
    pub fn with_after(&self, rating: Option<PainRating>, note: &str) -> Self {
        let mut record = self.clone();
        if rating.is_some() {
            record.pain_after = rating;
        }
        let note = note.trim();
        if !note.is_empty() {
            let joined = if record.note.is_empty() {
                note.to_owned()
            } else {
                format!("{} / {note}", record.note)
            };
            record.note = bounded(&joined, MAX_NOTE_CHARS);
        }
        record
    }

    /// Why this record is not one [`SessionRecord::from_input`] could have made, if it is not
    /// (values out of bounds, an empty routine id): used to check records read from a file.
    #[must_use]
    pub fn problem(&self) -> Option<String> {
        let too_long = |what: &str, text: &str, max: usize| {
            (text.chars().count() > max).then(|| format!("{what} is longer than {max} characters"))
        };
        if self.routine_id.trim().is_empty() {
            return Some("the routine id is empty".to_owned());
        }
        if self.planned_seconds > MAX_SECS || self.actual_seconds > MAX_SECS {
            return Some("a length is over 24 hours".to_owned());
        }
        if self.steps_done.len() > MAX_STEPS || self.steps_skipped.len() > MAX_STEPS {
            return Some(format!("more than {MAX_STEPS} steps are listed"));
        }
        let step_problem = self
            .steps_done
            .iter()
            .chain(&self.steps_skipped)
            .find_map(|s| {
                too_long("a step id", &s.id, MAX_ID_CHARS).or_else(|| {
                    s.technique
                        .as_deref()
                        .and_then(|t| too_long("a technique key", t, MAX_ID_CHARS))
                })
            });
        too_long("the routine id", &self.routine_id, MAX_ID_CHARS)
            .or_else(|| too_long("the routine name", &self.routine_name, MAX_NAME_CHARS))
            .or_else(|| too_long("the note", &self.note, MAX_NOTE_CHARS))
            .or(step_problem)
    }
}

/// Which of the two pain questions a session may still ask.
///
/// Each is asked at most once per session, and only while asking is switched on in Settings:
/// `before` when the person presses Start, `after` when the run ends (finished or stopped; not
/// when the app closes). Answering or skipping both count as asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PainQuestions {
    asked_before: bool,
    asked_after: bool,
}

/// When the pain question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PainMoment {
    /// Before the routine starts.
    Before,
    /// After it ended.
    After,
}

impl PainQuestions {
    /// Whether to ask at `moment` now, given the Settings switch; if so, it counts as asked.
    pub fn ask(&mut self, moment: PainMoment, asking_enabled: bool) -> bool {
        let asked = match moment {
            PainMoment::Before => &mut self.asked_before,
            PainMoment::After => &mut self.asked_after,
        };
        if !asking_enabled || *asked {
            return false;
        }
        *asked = true;
        true
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use jiff::civil::date;

    /// A record for tests: `minutes` long, started at 18:00 UTC on the given day.
    pub(crate) fn record_on(day: Date, minutes: u32, ending: Ending) -> SessionRecord {
        SessionRecord::from_input(&SessionInput {
            started: LocalStart::utc(day.at(18, 0, 0, 0)),
            routine_id: "desk-break".to_owned(),
            routine_name: "Desk break".to_owned(),
            planned_secs: 600,
            actual_secs: minutes * 60,
            done: vec![StepRef::new("neck-roll", Some("neck-roll"))],
            skipped: Vec::new(),
            ending,
            pain_before: None,
            note: String::new(),
        })
    }

    #[test]
    fn a_start_time_round_trips_through_its_text_with_any_offset() {
        for text in [
            "2026-12-01T09:30:00+01:00",
            "2026-06-30T23:59:59Z",
            "1999-01-01T00:00:00-09:30",
            "2026-12-01T09:30:00+05:45",
        ] {
            let start = LocalStart::parse(text).expect(text);
            assert_eq!(start.to_string(), text);
        }
        let start = LocalStart::parse("2026-12-01T09:30:00+01:00").expect("parses");
        assert_eq!(start.date(), date(2026, 12, 1));
        assert_eq!(start.offset.seconds(), 3600);
        for bad in [
            "",
            "2026-12-01",
            "2026-12-01T09:30:00",
            "2026-12-01T09:30:00.5Z",
            "2026-12-01T09:30:00+1:00",
            "2026-13-01T09:30:00Z",
            "2026-12-01T09:30:00+25:00",
            "2026-12-01T09:30:00é",
        ] {
            assert!(LocalStart::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_zoned_now_keeps_its_local_date_and_offset() {
        let zoned = date(2026, 3, 29)
            .at(23, 30, 12, 123_000_000)
            .in_tz("Europe/Berlin")
            .expect("a known zone");
        let start = LocalStart::from_zoned(&zoned);
        assert_eq!(start.to_string(), "2026-03-29T23:30:12+02:00");
        assert_eq!(start.date(), date(2026, 3, 29));
    }

    #[test]
    fn a_record_is_bounded_whatever_the_app_passes() {
        let long = "x".repeat(5000);
        let record = SessionRecord::from_input(&SessionInput {
            started: LocalStart::utc(date(2026, 1, 1).at(8, 0, 0, 0)),
            routine_id: format!("  {long}  "),
            routine_name: format!("Line\nbreak {long}"),
            planned_secs: u32::MAX,
            actual_secs: u32::MAX,
            done: vec![StepRef::new("a", Some("")); 2000],
            skipped: Vec::new(),
            ending: Ending::Stopped,
            pain_before: PainRating::new(7),
            note: "sore\tafter work".to_owned(),
        });
        assert_eq!(record.routine_id.chars().count(), MAX_ID_CHARS);
        assert!(record.routine_name.starts_with("Line break x"));
        assert_eq!(record.routine_name.chars().count(), MAX_NAME_CHARS);
        assert_eq!(record.actual_seconds, MAX_SECS);
        assert_eq!(record.steps_done.len(), MAX_STEPS);
        assert_eq!(record.steps_done[0].technique, None);
        assert_eq!(record.note, "sore after work");
        assert_eq!(record.problem(), None);
    }

    #[test]
    fn the_after_rating_adds_to_the_record_and_its_note() {
        let record = record_on(date(2026, 1, 1), 10, Ending::Finished);
        let mut before = record.clone();
        before.pain_before = PainRating::new(6);
        before.note = "stiff".to_owned();
        let after = before.with_after(PainRating::new(4), "  looser ");
        assert_eq!(after.pain_after, PainRating::new(4));
        assert_eq!(after.note, "stiff / looser");
        let skipped = record.with_after(None, "");
        assert_eq!(skipped, record);
    }

    #[test]
    fn the_pain_scale_is_zero_to_ten() {
        assert_eq!(PainRating::new(0).map(PainRating::value), Some(0));
        assert_eq!(PainRating::new(10).map(PainRating::value), Some(10));
        assert_eq!(PainRating::new(11), None);
    }

    #[test]
    fn each_pain_question_is_asked_at_most_once_and_only_when_switched_on() {
        let mut questions = PainQuestions::default();
        assert!(questions.ask(PainMoment::Before, true));
        assert!(!questions.ask(PainMoment::Before, true));
        assert!(questions.ask(PainMoment::After, true));
        assert!(!questions.ask(PainMoment::After, true));
        let mut off = PainQuestions::default();
        assert!(!off.ask(PainMoment::Before, false));
        assert!(!off.ask(PainMoment::After, false));
    }

    #[test]
    fn endings_read_back_from_their_keys() {
        for ending in [Ending::Finished, Ending::Stopped, Ending::AppClosed] {
            assert_eq!(Ending::from_key(ending.key()), Some(ending));
        }
        assert_eq!(Ending::from_key("done"), None);
    }
}
