//! Programmes over weeks: a plan of sessions that gets harder as the back allows, as pure data
//! and rules, with every date passed in.
//!
//! **Programmes.** Each [`Programme`] is written out here as data: its weeks, its phases (which
//! techniques each week's session holds, in the order they are done) and where it is done.
//! "Back basics" runs 8 weeks on the floor, gentle movement, then motor control, then
//! strength; "Desk back care" runs 6 weeks on a chair and standing, in short daily sessions
//! (content brief §9 and §10: Owen 2020, Hayden 2021, NICE NG59, `McGill`; graded activity).
//!
//! **Doses.** Every technique has a ladder of doses ([`dose_ladder`]) inside its range from
//! the sources: holds on the fitting ladder ([`fit::HOLD_LADDER_SECS`]), whole repetitions, each
//! rung one repetition or one hold length more. A technique starts on the rung nearest
//! [`START_PERCENT`] of its usual dose and climbs one rung for each programme week it has been
//! in, to the top of its range and no further; a lighter week takes the rung nearest
//! [`LIGHTER_PERCENT`] of that volume, never more.
//!
//! **Moving on, by time.** Weeks are counted from the start date in blocks of seven days. A
//! programme session is a history record whose routine id is one of
//! [`ProgrammeId::session_routine_id`] (for example `programme-back-basics-w3`); it counts for
//! moving on when it ran to its end. When a week of the calendar closes with at least the chosen
//! number of sessions, the next programme week's doses come next, unless the week's traffic
//! light ([`Light`], from the 0–10 ratings before and after each session) said otherwise: amber
//! repeats the same doses, red repeats them about a third lighter (and a red during the week
//! makes the rest of that week lighter at once). A week with fewer sessions, or none at all,
//! resumes where the person left off, never further on. Sessions without ratings count for
//! moving on and change nothing else. Every change comes with its reason in words.
//!
//! **When to see someone.** After two weeks of rated sessions, if the average pain before
//! sessions in the last seven days is not 2 points (nor 30 %) lower than in the first rated
//! week, or any session in the last two weeks was red, [`Today::see_someone`] says, calmly,
//! to see a GP or a physiotherapist (NHS inform; Ostelo 2008 for the smallest change that
//! matters).

use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

use crate::core::builder::{self, Place};
use crate::core::fit;
use crate::core::history::{Ending, SessionRecord};
use crate::core::plan::{self, Timing};
use crate::core::routine::{Category, Pattern, Routine, RoutineDraft, Step, StepKind, TechniqueId};

#[cfg(test)]
mod tests;

/// How many sessions a week a person may choose.
pub const SESSIONS_PER_WEEK: std::ops::RangeInclusive<u8> = 3..=5;
/// Where each technique's dose starts, as a share of its usual dose in per cent.
pub const START_PERCENT: u32 = 70;
/// A lighter week's volume, as a share of the week it repeats, in per cent (about a third less).
pub const LIGHTER_PERCENT: u32 = 70;
/// Days in a programme week.
pub const DAYS_PER_WEEK: i32 = 7;
/// How many days of rated sessions come before the see-someone check (two weeks).
pub const SEE_SOMEONE_AFTER_DAYS: i32 = 14;
/// The smallest fall in pain that matters, in points on the 0–10 scale (Ostelo 2008).
pub const MEANINGFUL_FALL_POINTS: f64 = 2.0;
/// The smallest fall in pain that matters, as a share of where it started (Ostelo 2008).
pub const MEANINGFUL_FALL_SHARE: f64 = 0.3;
/// The prefix of every programme session's routine id.
pub const ROUTINE_ID_PREFIX: &str = "programme-";

/// Which programme, as its key is spelled in files and on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgrammeId {
    /// "Back basics": 8 weeks on the floor.
    BackBasics,
    /// "Desk back care": 6 weeks on a chair and standing.
    DeskBackCare,
}

impl ProgrammeId {
    /// Every programme, in the order they are listed.
    pub const ALL: [Self; 2] = [Self::BackBasics, Self::DeskBackCare];

    /// The key files and the command line spell.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::BackBasics => "back-basics",
            Self::DeskBackCare => "desk-back-care",
        }
    }

    /// The programme with this key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The programme itself.
    #[must_use]
    pub fn programme(self) -> &'static Programme {
        match self {
            Self::BackBasics => &BACK_BASICS,
            Self::DeskBackCare => &DESK_BACK_CARE,
        }
    }

    /// The routine id of this programme's session for programme week `week`, marked when the
    /// doses are a lighter repeat: `programme-back-basics-w3`, `programme-back-basics-w3-lighter`.
    #[must_use]
    pub fn session_routine_id(self, week: u32, lighter: bool) -> String {
        let suffix = if lighter { "-lighter" } else { "" };
        format!("{ROUTINE_ID_PREFIX}{}-w{week}{suffix}", self.key())
    }

    /// Whether a history record's routine id is a session of this programme.
    #[must_use]
    pub fn owns_routine_id(self, routine_id: &str) -> bool {
        parse_session_routine_id(routine_id).is_some_and(|(id, _)| id == self)
    }
}

/// The programme and week a routine id names, if it is a programme session's id.
#[must_use]
pub fn parse_session_routine_id(routine_id: &str) -> Option<(ProgrammeId, u32)> {
    let rest = routine_id.strip_prefix(ROUTINE_ID_PREFIX)?;
    ProgrammeId::ALL.into_iter().find_map(|id| {
        let week = rest.strip_prefix(id.key())?.strip_prefix("-w")?;
        let week = week.strip_suffix("-lighter").unwrap_or(week);
        if week.is_empty() || !week.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let week: u32 = week.parse().ok()?;
        (1..=id.programme().weeks)
            .contains(&week)
            .then_some((id, week))
    })
}

/// One phase of a programme: a run of weeks with the same techniques.
#[derive(Debug, PartialEq, Eq)]
pub struct Phase {
    /// The phase's name: "Gentle movement".
    pub name: &'static str,
    /// Its first and last programme week, counted from 1.
    pub weeks: std::ops::RangeInclusive<u32>,
    /// Why the phase is there, in one or two sentences.
    pub why: &'static str,
    /// The techniques of each session, in the order they are done (the closing rest follows).
    pub techniques: &'static [TechniqueId],
}

/// A programme: weeks of sessions, phase by phase.
#[derive(Debug, PartialEq, Eq)]
pub struct Programme {
    /// Which programme.
    pub id: ProgrammeId,
    /// The name a person reads.
    pub name: &'static str,
    /// What it is, in a sentence.
    pub summary: &'static str,
    /// How many weeks it runs.
    pub weeks: u32,
    /// Where it is done.
    pub place: Place,
    /// Where it is done, in words: "on the floor", "on a chair and standing".
    pub place_words: &'static str,
    /// The sessions a week it suggests (inside [`SESSIONS_PER_WEEK`]).
    pub default_sessions_per_week: u8,
    /// Its phases, in order, covering weeks 1 to [`Programme::weeks`] once each.
    pub phases: &'static [Phase],
    /// Where its shape and doses come from: keys into [`crate::core::content::SOURCES`].
    pub sources: &'static [&'static str],
}

impl Programme {
    /// The phase programme week `week` belongs to (the last phase past the end).
    #[must_use]
    pub fn phase(&self, week: u32) -> &'static Phase {
        let phases: &'static [Phase] = self.id.programme().phases;
        phases
            .iter()
            .find(|p| p.weeks.contains(&week))
            .or_else(|| phases.last())
            .unwrap_or(&NO_PHASE)
    }

    /// The first programme week `technique` is done in, if it is in the programme.
    #[must_use]
    pub fn first_week(&self, technique: TechniqueId) -> Option<u32> {
        self.phases
            .iter()
            .filter(|p| p.techniques.contains(&technique))
            .map(|p| *p.weeks.start())
            .min()
    }
}

/// Never reached (every programme has phases); keeps [`Programme::phase`] total.
static NO_PHASE: Phase = Phase {
    name: "",
    weeks: 1..=1,
    why: "",
    techniques: &[],
};

use TechniqueId as T;

static BACK_BASICS: Programme = Programme {
    id: ProgrammeId::BackBasics,
    name: "Back basics",
    summary: "Eight weeks on the floor: gentle movement, then motor control, then strength, \
              with stretches and self-massage alongside.",
    weeks: 8,
    place: Place::Floor,
    place_words: "on the floor",
    default_sessions_per_week: 3,
    phases: &[
        Phase {
            name: "Gentle movement",
            weeks: 1..=2,
            why: "Weeks 1 and 2 get the back moving gently and start the habit, with a first \
                  motor-control exercise.",
            techniques: &[
                T::CatCow,
                T::ChildsPose,
                T::PelvicTilt,
                T::KneeRollsAlternating,
                T::AbdominalBrace,
                T::SingleKneeToChest,
            ],
        },
        Phase {
            name: "Motor control",
            weeks: 3..=5,
            why: "Weeks 3 to 5 build control of the trunk: bracing, the bird-dog, the dead \
                  bug and the bridge, with stretches for the hips.",
            techniques: &[
                T::CatCow,
                T::BirdDog,
                T::PelvicTilt,
                T::AbdominalBrace,
                T::DeadBug,
                T::GluteBridge,
                T::PiriformisFigure4,
            ],
        },
        Phase {
            name: "Strength",
            weeks: 6..=8,
            why: "Weeks 6 to 8 strengthen: the curl-up, the side bridge and the bird-dog (the \
                  \"big three\"), and the bridge, with stretches to finish.",
            techniques: &[
                T::CatCow,
                T::BirdDog,
                T::SideBridge,
                T::CurlUp,
                T::GluteBridge,
                T::KneeRollsAlternating,
                T::PiriformisFigure4,
            ],
        },
    ],
    sources: &["owen2020", "hayden2021", "mcgill", "nice_ng59", "acsm"],
};

static DESK_BACK_CARE: Programme = Programme {
    id: ProgrammeId::DeskBackCare,
    name: "Desk back care",
    summary: "Six weeks of short daily sessions on a chair and standing, in work clothes.",
    weeks: 6,
    place: Place::Chair,
    place_words: "on a chair and standing",
    default_sessions_per_week: 5,
    phases: &[
        Phase {
            name: "Gentle movement",
            weeks: 1..=2,
            why: "Weeks 1 and 2 break up sitting with gentle movement of the back, neck and \
                  shoulders.",
            techniques: &[
                T::ShoulderRolls,
                T::SeatedCatCamel,
                T::SeatedSpinalTwist,
                T::ChinTuck,
                T::SeatedBackExtension,
            ],
        },
        Phase {
            name: "Standing up",
            weeks: 3..=4,
            why: "Weeks 3 and 4 add standing work, the shoulder blades and bracing the trunk \
                  while standing: getting up from the chair is part of the point.",
            techniques: &[
                T::StandingBrace,
                T::StandingBackExtension,
                T::DeskHipHinge,
                T::ShoulderBladeSqueeze,
                T::SeatedCatCamel,
                T::SeatedSpinalTwist,
                T::SeatedFigure4,
            ],
        },
        Phase {
            name: "Hips and hamstrings",
            weeks: 5..=6,
            why: "Weeks 5 and 6 stretch the hips and hamstrings that long sitting shortens, and \
                  keep the standing brace working.",
            techniques: &[
                T::StandingBrace,
                T::StandingBackExtension,
                T::StandingHipFlexor,
                T::SeatedHamstring,
                T::SeatedFigure4,
            ],
        },
    ],
    sources: &["ccohs", "nhs_inform", "mayo_clinic", "mcgill"],
};

/// A dose on a technique's ladder: the seconds of each repetition and the repetitions per side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dose {
    /// Seconds per repetition: the hold, or one movement at its tempo.
    pub rep_secs: u32,
    /// Repetitions per side.
    pub reps: u32,
}

impl Dose {
    /// Seconds of work per side: repetitions × seconds.
    #[must_use]
    pub fn volume(self) -> u32 {
        self.rep_secs * self.reps
    }
}

/// The doses a technique climbs through, lightest first: inside its range, holds on the fitting
/// ladder (a range's own ends count as rungs too), whole repetitions; each rung adds one
/// repetition or moves the hold one length up, whichever adds less (a tie adds a repetition).
/// Movements keep their tempo and only add repetitions.
#[must_use]
pub fn dose_ladder(technique: TechniqueId) -> Vec<Dose> {
    let t = technique.technique();
    let holds: Vec<u32> = if t.pattern == Pattern::Hold && t.kind != StepKind::Rest {
        let mut holds: Vec<u32> = fit::HOLD_LADDER_SECS
            .iter()
            .copied()
            .chain([*t.range.secs.start(), *t.range.secs.end()])
            .filter(|s| t.range.secs.contains(s))
            .collect();
        holds.sort_unstable();
        holds.dedup();
        holds
    } else {
        vec![t.dose.rep_secs]
    };
    let reps_top = *t.range.reps.end();
    let mut hold_at = 0;
    let mut reps = *t.range.reps.start();
    let mut out = vec![Dose {
        rep_secs: holds[0],
        reps,
    }];
    loop {
        let hold = holds[hold_at];
        let more_reps = (reps < reps_top).then_some(hold);
        let longer = holds.get(hold_at + 1).map(|next| (next - hold) * reps);
        match (more_reps, longer) {
            (Some(add_rep), Some(add_hold)) if add_hold < add_rep => hold_at += 1,
            (Some(_), _) => reps += 1,
            (None, Some(_)) => hold_at += 1,
            (None, None) => break,
        }
        out.push(Dose {
            rep_secs: holds[hold_at],
            reps,
        });
    }
    out
}

/// The rung of `ladder` whose volume is nearest `volume` (the lighter one on a tie).
fn nearest_rung(ladder: &[Dose], volume: u32) -> usize {
    ladder
        .iter()
        .enumerate()
        .min_by_key(|(_, d)| (d.volume().abs_diff(volume), d.volume()))
        .map_or(0, |(i, _)| i)
}

/// The rung a technique starts a programme on: nearest [`START_PERCENT`] of its usual dose.
#[must_use]
pub fn start_rung(technique: TechniqueId) -> usize {
    let t = technique.technique();
    let usual = t.dose.rep_secs * t.dose.reps;
    nearest_rung(
        &dose_ladder(technique),
        (usual * START_PERCENT).div_ceil(100),
    )
}

/// The dose of `technique` in programme week `week` of `programme` (the technique's start rung
/// in the first week it is done, one rung more for each week after, up to its top), made lighter
/// when asked: the rung nearest [`LIGHTER_PERCENT`] of that volume, never above it.
#[must_use]
pub fn dose_for_week(
    programme: &Programme,
    technique: TechniqueId,
    week: u32,
    lighter: bool,
) -> Dose {
    let ladder = dose_ladder(technique);
    let top = ladder.len() - 1;
    let first = programme.first_week(technique).unwrap_or(1);
    let climbed = usize::try_from(week.saturating_sub(first)).unwrap_or(usize::MAX);
    let rung = start_rung(technique).saturating_add(climbed).min(top);
    let rung = if lighter {
        let target = ladder[rung].volume() * LIGHTER_PERCENT / 100;
        let nearest = nearest_rung(&ladder[..=rung], target);
        // A step back when there is one to take, even if the nearest is the rung itself.
        if nearest == rung {
            rung.saturating_sub(1)
        } else {
            nearest
        }
    } else {
        rung
    };
    ladder[rung]
}

/// The session of programme week `week` (clamped to the programme's weeks), lighter or not: a
/// valid routine, its steps in the phase's order with their week's doses, ending with a closing
/// rest in the programme's place.
#[must_use]
pub fn session_for_week(programme: &Programme, week: u32, lighter: bool) -> Routine {
    let week = week.clamp(1, programme.weeks);
    let phase = programme.phase(week);
    let mut steps: Vec<Step> = phase
        .techniques
        .iter()
        .map(|&id| {
            let dose = dose_for_week(programme, id, week, lighter);
            let mut step = id.technique().step(id.key());
            step.rep_secs = dose.rep_secs;
            step.reps = dose.reps;
            step
        })
        .collect();
    steps.push(builder::closing_rest(programme.place));
    let lighter_words = if lighter {
        " This week's doses are about a third lighter."
    } else {
        ""
    };
    let session = RoutineDraft {
        id: programme.id.session_routine_id(week, lighter),
        name: format!("{}, week {week}", programme.name),
        summary: format!(
            "{} Week {week} of {}: {}. {}{lighter_words}",
            programme.summary,
            programme.weeks,
            phase.name.to_lowercase(),
            phase.why
        ),
        category: Category::Mixed,
        steps,
    };
    match session.validate() {
        Ok(routine) => routine,
        // Every programme's phases list catalogue techniques once each, with doses inside their
        // ranges, and the tests build every week of every programme, light and not.
        Err(invalid) => unreachable!("programme session {invalid}"),
    }
}

/// Where a person is in a programme, as `programme.toml` keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgrammeState {
    /// Which programme.
    pub programme: ProgrammeId,
    /// The day it started: week 1 is this day and the six after it.
    pub start: Date,
    /// Sessions a week chosen (inside [`SESSIONS_PER_WEEK`]; clamped when used).
    pub sessions_per_week: u8,
    /// Whether the person paused it.
    pub paused: bool,
}

impl ProgrammeState {
    /// A programme started on `start` with its suggested sessions a week, not paused.
    #[must_use]
    pub fn new(programme: ProgrammeId, start: Date) -> Self {
        Self {
            programme,
            start,
            sessions_per_week: programme.programme().default_sessions_per_week,
            paused: false,
        }
    }

    /// The sessions a week chosen, inside [`SESSIONS_PER_WEEK`].
    #[must_use]
    pub fn sessions_per_week(&self) -> u8 {
        self.sessions_per_week
            .clamp(*SESSIONS_PER_WEEK.start(), *SESSIONS_PER_WEEK.end())
    }
}

/// The traffic light of a session or a week, from the back-pain ratings (content brief §10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// Pain at most 3 after, and no rise of 2 or more the next day: progress.
    Green,
    /// Pain 4–5 after, or 2 or more above usual the next day: repeat the same doses.
    Amber,
    /// Pain 6 or more after, a rise of 4 or more, or 2 or more above usual two days running:
    /// about 30 % less volume.
    Red,
}

impl Light {
    /// The word a person reads: "green", "amber", "red".
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Green => "green",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

/// The light of one programme session, with what set it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionLight {
    /// The day of the session.
    pub date: Date,
    /// Its light.
    pub light: Light,
    /// What set it: "your back was at 7 after Tuesday's session".
    pub cause: String,
}

/// One week of the calendar since the start, as the History screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekSummary {
    /// The week of the calendar, counted from 1 at the start date.
    pub number: u32,
    /// Its first day.
    pub first_day: Date,
    /// The programme week whose doses it ran.
    pub programme_week: u32,
    /// Whether those doses were a lighter repeat.
    pub lighter: bool,
    /// Sessions planned (the sessions a week chosen).
    pub planned: u32,
    /// Sessions run to their end.
    pub done: u32,
    /// The week's light: the worst of its rated sessions; `None` when none was rated.
    pub light: Option<Light>,
    /// Whether this week is the current one (still open).
    pub current: bool,
}

/// Where the person stands today, and today's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Today {
    /// Today's session: a valid routine, run and recorded like any other.
    pub routine: Routine,
    /// The programme week whose doses today's session has (1 to the programme's weeks).
    pub week: u32,
    /// The programme's weeks.
    pub weeks: u32,
    /// The phase of that week.
    pub phase: &'static Phase,
    /// Whether the doses are a lighter repeat.
    pub lighter: bool,
    /// Sessions run to their end in this calendar week so far.
    pub done_this_week: u32,
    /// The sessions a week chosen.
    pub sessions_per_week: u32,
    /// The session's length with the default pauses, in seconds.
    pub total_secs: u32,
    /// Whether the last week was completed: the programme is done (today's session repeats it).
    pub finished: bool,
    /// Days until the start, when today is before it.
    pub days_to_start: Option<u32>,
    /// Why this week's doses are what they are, in words.
    pub reason: String,
    /// A calm suggestion to see a GP or a physiotherapist, when the ratings call for one.
    pub see_someone: Option<String>,
    /// Every calendar week from the start to today, oldest first.
    pub weeks_log: Vec<WeekSummary>,
}

impl Today {
    /// "Week 3 of 8 · session 2 of 4 this week · 12 min" (the length with the default pauses,
    /// to the nearest minute).
    #[must_use]
    pub fn headline(&self) -> String {
        self.headline_with(Timing::default())
    }

    /// [`Today::headline`] with the session's length at these pauses (the person's own).
    #[must_use]
    pub fn headline_with(&self, timing: Timing) -> String {
        let secs = if timing == Timing::default() {
            self.total_secs
        } else {
            plan::total_secs(&self.routine, timing)
        };
        let minutes = ((secs + 30) / 60).max(1);
        let session = (self.done_this_week + 1).min(self.sessions_per_week.max(1));
        if self.done_this_week >= self.sessions_per_week {
            format!(
                "Week {} of {} · {} of {} sessions done this week · {minutes} min",
                self.week, self.weeks, self.done_this_week, self.sessions_per_week
            )
        } else {
            format!(
                "Week {} of {} · session {session} of {} this week · {minutes} min",
                self.week, self.weeks, self.sessions_per_week
            )
        }
    }

    /// The programme's weeks in one or two sentences, for the History screen.
    #[must_use]
    pub fn weeks_sentence(&self) -> String {
        let closed: Vec<&WeekSummary> = self.weeks_log.iter().filter(|w| !w.current).collect();
        let count = |light: Light| closed.iter().filter(|w| w.light == Some(light)).count();
        let full = closed.iter().filter(|w| w.done >= w.planned).count();
        let mut text = format!(
            "{} {} behind you, {full} with every planned session done",
            closed.len(),
            plural(closed.len(), "week")
        );
        let (green, amber, red) = (count(Light::Green), count(Light::Amber), count(Light::Red));
        if green + amber + red > 0 {
            let _ = write!(text, " ({green} green, {amber} amber, {red} red)");
        }
        let _ = write!(
            text,
            ". Now on week {} of {}{}.",
            self.week,
            self.weeks,
            if self.lighter {
                ", a third lighter"
            } else {
                ""
            }
        );
        text
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// The day's name: "Tuesday".
#[must_use]
pub fn weekday_name(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Days from `from` to `to` (negative when `to` is earlier).
fn days_between(from: Date, to: Date) -> i32 {
    to.since(from).map_or(0, |span| span.get_days())
}

/// The first day of calendar week `index` (from 0) of a programme started on `start`.
fn week_start(start: Date, index: u32) -> Date {
    let days = i64::from(index) * i64::from(DAYS_PER_WEEK);
    start
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(start)
}

/// The lights of a programme's rated sessions, in the order of the records given (oldest
/// first). `records` are the programme's sessions only.
#[must_use]
pub fn session_lights(records: &[&SessionRecord]) -> Vec<Option<SessionLight>> {
    let before_on = |date: Date| {
        records
            .iter()
            .filter(|r| r.start.date() == date)
            .filter_map(|r| r.pain_before.map(u8::from))
            .max()
    };
    records
        .iter()
        .map(|record| {
            let date = record.start.date();
            let before = record.pain_before.map(u8::from);
            let after = record.pain_after.map(u8::from);
            let day = weekday_name(date);
            let next = |n: i64| {
                date.checked_add(jiff::Span::new().days(n))
                    .ok()
                    .and_then(before_on)
            };
            let rise = |later: Option<u8>| match (before, later) {
                (Some(usual), Some(later)) => later.saturating_sub(usual),
                _ => 0,
            };
            let (rise1, rise2) = (rise(next(1)), rise(next(2)));
            let light = |light: Light, cause: String| Some(SessionLight { date, light, cause });
            if let Some(after) = after.filter(|a| *a >= 6) {
                return light(
                    Light::Red,
                    format!("your back was at {after} after {day}'s session"),
                );
            }
            if let (Some(b), Some(a)) = (before, after)
                && a >= b + 4
            {
                return light(
                    Light::Red,
                    format!("your back went from {b} to {a} during {day}'s session"),
                );
            }
            if rise1 >= 4 {
                return light(
                    Light::Red,
                    format!("your back was {rise1} points worse the day after {day}'s session"),
                );
            }
            if rise1 >= 2 && rise2 >= 2 {
                return light(
                    Light::Red,
                    format!(
                        "your back stayed 2 or more points worse for two days after {day}'s session"
                    ),
                );
            }
            if let Some(after) = after.filter(|a| *a >= 4) {
                return light(
                    Light::Amber,
                    format!("your back was at {after} after {day}'s session"),
                );
            }
            if rise1 >= 2 {
                return light(
                    Light::Amber,
                    format!("your back was {rise1} points worse the day after {day}'s session"),
                );
            }
            if before.is_some() || after.is_some() {
                return light(
                    Light::Green,
                    format!("your back was comfortable after {day}'s session"),
                );
            }
            None
        })
        .collect()
}

/// The programme's sessions among `records` up to and including `today`, oldest first.
fn programme_records(
    state: ProgrammeState,
    records: &[SessionRecord],
    today: Date,
) -> Vec<&SessionRecord> {
    let mut own: Vec<&SessionRecord> = records
        .iter()
        .filter(|r| state.programme.owns_routine_id(&r.routine_id))
        .filter(|r| r.start.date() >= state.start && r.start.date() <= today)
        .collect();
    // Every field that sets a light or a count is in the key, so the order given never matters.
    own.sort_by(|a, b| {
        let key = |r: &SessionRecord| {
            (
                r.start.at,
                r.pain_before,
                r.pain_after,
                r.ending.key(),
                r.routine_id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    own
}

/// Works out where the person stands on `today`, from the state and the whole history (records
/// of other routines, and before the start or after `today`, are passed over). Pure: the same
/// state, records and day always give the same answer.
#[must_use]
pub fn today(state: ProgrammeState, records: &[SessionRecord], today: Date) -> Today {
    let programme = state.programme.programme();
    let per_week = u32::from(state.sessions_per_week());
    let own = programme_records(state, records, today);
    let lights = session_lights(&own);
    let elapsed = days_between(state.start, today);
    let days_to_start = u32::try_from(-elapsed).ok().filter(|d| *d > 0);
    let current_index = u32::try_from(elapsed.max(0) / DAYS_PER_WEEK).unwrap_or(0);

    let in_week = |index: u32| {
        let first = week_start(state.start, index);
        let next = week_start(state.start, index + 1);
        move |date: Date| date >= first && date < next
    };
    let week_facts = |index: u32| {
        let inside = in_week(index);
        let done = own
            .iter()
            .filter(|r| inside(r.start.date()) && r.ending == Ending::Finished)
            .count();
        let worst = lights
            .iter()
            .flatten()
            .filter(|l| inside(l.date))
            .max_by_key(|l| (l.light, std::cmp::Reverse(l.date)));
        (u32::try_from(done).unwrap_or(u32::MAX), worst.cloned())
    };

    let mut progress = Progress {
        week: 1,
        lighter: false,
        finished: false,
        reason: format!(
            "Week 1 starts at about {START_PERCENT} % of each exercise's usual dose; the doses \
             grow week by week as you complete {per_week} sessions a week."
        ),
    };
    let mut weeks_log = Vec::new();
    for index in 0..current_index {
        let (done, worst) = week_facts(index);
        weeks_log.push(WeekSummary {
            number: index + 1,
            first_day: week_start(state.start, index),
            programme_week: progress.week,
            lighter: progress.lighter,
            planned: per_week,
            done,
            light: worst.as_ref().map(|l| l.light),
            current: false,
        });
        progress.close_week(done, worst, per_week, programme.weeks);
    }
    let (done_this_week, worst_now) = week_facts(current_index);
    if let Some(red) = worst_now.as_ref().filter(|l| l.light == Light::Red)
        && !progress.lighter
    {
        progress.lighter = true;
        progress.reason = format!(
            "{}, so the rest of this week keeps this week's doses, a third lighter.",
            capitalised(&red.cause)
        );
    }
    weeks_log.push(WeekSummary {
        number: current_index + 1,
        first_day: week_start(state.start, current_index),
        programme_week: progress.week,
        lighter: progress.lighter,
        planned: per_week,
        done: done_this_week,
        light: worst_now.as_ref().map(|l| l.light),
        current: true,
    });
    if let Some(days) = days_to_start {
        progress.reason = format!(
            "Your programme starts on {} ({days} {} from now).",
            state.start,
            plural(usize::try_from(days).unwrap_or(2), "day")
        );
    }
    let Progress {
        week,
        lighter,
        finished,
        reason,
    } = progress;
    let routine = session_for_week(programme, week, lighter);
    let total_secs = plan::total_secs(&routine, Timing::default());
    Today {
        routine,
        week,
        weeks: programme.weeks,
        phase: programme.phase(week),
        lighter,
        done_this_week,
        sessions_per_week: per_week,
        total_secs,
        finished,
        days_to_start,
        reason,
        see_someone: see_someone(&own, &lights, today),
        weeks_log,
    }
}

/// The doses reached so far while the weeks are replayed, and why.
struct Progress {
    week: u32,
    lighter: bool,
    finished: bool,
    reason: String,
}

impl Progress {
    /// Closes a calendar week with `done` sessions run to their end and its worst light.
    fn close_week(&mut self, done: u32, worst: Option<SessionLight>, per_week: u32, weeks: u32) {
        let enough = done >= per_week;
        match worst {
            Some(SessionLight {
                light: Light::Red,
                cause,
                ..
            }) => {
                self.lighter = true;
                self.reason = format!(
                    "{}, so this week repeats last week's doses, a third lighter.",
                    capitalised(&cause)
                );
            }
            Some(SessionLight {
                light: Light::Amber,
                cause,
                ..
            }) => {
                self.reason = format!(
                    "{}, so this week repeats last week's doses.",
                    capitalised(&cause)
                );
            }
            _ if !enough => {
                self.reason = if done == 0 {
                    format!(
                        "No sessions were done last week, so you carry on where you left off, \
                         with week {}'s doses.",
                        self.week
                    )
                } else {
                    format!(
                        "{done} of {per_week} sessions were done last week, so this week keeps \
                         the same doses; the next week's come after {per_week} sessions in a week."
                    )
                };
            }
            green => {
                let why = green.map_or_else(
                    || format!("You did {done} sessions last week"),
                    |l| format!("{} and you did {done} sessions", capitalised(&l.cause)),
                );
                if self.lighter {
                    self.lighter = false;
                    self.reason = format!(
                        "{why}, so this week goes back to week {}'s full doses.",
                        self.week
                    );
                } else if self.week < weeks {
                    self.week += 1;
                    self.reason = format!(
                        "{why}, so this week moves on to week {}: a repetition or a little \
                         longer hold in each exercise, within its range.",
                        self.week
                    );
                } else {
                    self.finished = true;
                    self.reason = format!(
                        "{why}, and that completes the programme. Keep going with its last \
                         week's session: the benefits fade when exercise stops."
                    );
                }
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The calm see-someone notice, when two weeks of ratings call for it (module docs).
fn see_someone(
    own: &[&SessionRecord],
    lights: &[Option<SessionLight>],
    today: Date,
) -> Option<String> {
    let rated: Vec<(Date, u8)> = own
        .iter()
        .filter_map(|r| r.pain_before.map(|p| (r.start.date(), u8::from(p))))
        .collect();
    let first_day = rated
        .first()
        .map(|(d, _)| *d)
        .or_else(|| lights.iter().flatten().map(|l| l.date).next())?;
    if days_between(first_day, today) < SEE_SOMEONE_AFTER_DAYS {
        return None;
    }
    let average = |from: i32, to: i32| {
        let values: Vec<f64> = rated
            .iter()
            .filter(|(d, _)| (from..to).contains(&days_between(first_day, *d)))
            .map(|(_, p)| f64::from(*p))
            .collect();
        #[expect(
            clippy::cast_precision_loss,
            reason = "at most a few hundred ratings: exact in f64"
        )]
        let count = values.len() as f64;
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / count)
    };
    let since_first = days_between(first_day, today);
    let first = average(0, DAYS_PER_WEEK);
    let recent = average(since_first - DAYS_PER_WEEK + 1, since_first + 1);
    let red_lately = lights
        .iter()
        .flatten()
        .any(|l| l.light == Light::Red && days_between(l.date, today) < SEE_SOMEONE_AFTER_DAYS);
    let no_better = match (first, recent) {
        (Some(first), Some(recent)) => {
            let fall = first - recent;
            fall < MEANINGFUL_FALL_POINTS && fall < first * MEANINGFUL_FALL_SHARE && recent > 1.0
        }
        _ => false,
    };
    let why = if red_lately {
        "A session in the last two weeks flared your back up.".to_owned()
    } else if no_better {
        format!(
            "Your back before sessions averaged {:.1} in the first week and {:.1} in the last \
             seven days: not yet the 2 points better that matters.",
            first.unwrap_or_default(),
            recent.unwrap_or_default()
        )
    } else {
        return None;
    };
    Some(format!(
        "{why} When your back is no better after two weeks, or worse, it is worth seeing a GP or \
         a physiotherapist, who can look at your back in person; keep moving gently meanwhile. \
         If any warning sign appears, get care straight away."
    ))
}
