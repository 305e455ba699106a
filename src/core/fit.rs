//! Fitting a routine to a length: a person's per-step choices and a whole-routine target turned
//! into the doses that will be run, with what changed and why, written as a physiotherapist
//! would write them.
//!
//! **What a dose may be.** Each step's dose stays inside its technique's effective range
//! ([`Step::dose_range`]). Holds take round values from [`HOLD_LADDER_SECS`] (3, 5, 7, 10, 15,
//! 20, 30, 45, 60, 90, 120 s, then whole minutes to 10), or the hold the step was written with;
//! repetitions are whole. A held stretch keeps at least [`MIN_STRETCH_SECS_PER_SIDE`] under
//! stretch per side (repetitions × hold), so a short hold comes with more repetitions, never
//! alone; a movement's tempo never changes, only how many there are. Holds that follow one
//! another get a rest between them: as written, or [`MIN_REST_BETWEEN_HOLDS_SECS`] when none
//! was written. Values the person set by hand are kept as set. Pauses (get ready, switch sides)
//! are never changed.
//!
//! **Monotonic.** A routine is fitted to `M` minutes by growing it from its shortest form one
//! target minute at a time up to `M`, each minute only adding to the last; so a longer target
//! never gives any step a shorter hold, fewer repetitions, fewer rounds or leaves it out, and a
//! shorter one never gives more.
//!
//! **In what order.** The shortest form is the essential and hand-set steps at their least
//! doses, every other step left out. Growing, in this order: steps come back (normal ones
//! before optional ones, first in the routine first), holds return to their written length,
//! repetitions to their written count; so shortening takes repetitions away first, then holds,
//! then whole steps, optional ones and the last in the routine first. Past the written dose:
//! repetitions up to a round's usual top ([`reps_per_round`]), then holds up to the top of
//! their range; then more rounds of the main steps ([`is_main_step`], up to [`MAX_ROUNDS`]);
//! only then repetitions up to the top of each range. Each unit is taken only if it brings the
//! length closer to the target without passing the tolerance; a later, smaller unit may be
//! taken first when an earlier one is too large.
//!
//! **How close.** Within [`tolerance_secs`] (±5 % or ±15 s) of the target whenever the ranges
//! allow. What whole repetitions and round holds leave over goes to the closing rest, when the
//! routine ends with one ([`has_closing_rest`]: its length in 5 s steps inside its range, 30–120 s
//! for the registry's rest). A routine without a closing rest gets no rest added (it is the
//! person's routine, step for step): it takes the nearest length, and [`Fitted::note`] says so.
//! Every step's change is reported in [`Fitted::changes`] ("20 s (was 30 s)", "2 reps (was 3)",
//! "2 rounds", "left out to fit").
//!
//! **Bounded.** Growth is at most a few thousand units, each chosen by one pass over at most 60
//! steps; the largest routine the format allows fits in a few milliseconds.
//!
//! [`MIN_STRETCH_SECS_PER_SIDE`]: crate::core::routine::model::MIN_STRETCH_SECS_PER_SIDE
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::plan::{Run, Timing, clock, step_secs};
use crate::core::routine::model::REPS;
use crate::core::routine::{Importance, Pattern, Routine, Sides, Step, StepKind, technique};

/// A person's length choices for one routine; what the settings remember per routine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "LengthChoiceInFile")]
pub struct LengthChoice {
    /// Whole-routine target, in minutes; `None` keeps the written doses.
    pub target_minutes: Option<u32>,
    /// Per-step choices, by step id.
    pub steps: BTreeMap<String, StepOverride>,
    /// Choices read from settings written before step ids existed, which kept them in a list by
    /// position; used for steps that have no choice by id, and moved to ids (see
    /// [`LengthChoice::keyed_by_id`]) as soon as the person changes anything.
    #[serde(skip_serializing)]
    pub by_position: Vec<StepOverride>,
}

/// [`LengthChoice`] as a settings file may hold it: `steps` as a table by step id, or as an
/// older list by position.
#[derive(Deserialize)]
#[serde(default)]
struct LengthChoiceInFile {
    target_minutes: Option<u32>,
    steps: StepsInFile,
}

impl Default for LengthChoiceInFile {
    fn default() -> Self {
        Self {
            target_minutes: None,
            steps: StepsInFile::ById(BTreeMap::new()),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StepsInFile {
    ById(BTreeMap<String, StepOverride>),
    ByPosition(Vec<StepOverride>),
}

impl From<LengthChoiceInFile> for LengthChoice {
    fn from(file: LengthChoiceInFile) -> Self {
        let (steps, by_position) = match file.steps {
            StepsInFile::ById(steps) => (steps, Vec::new()),
            StepsInFile::ByPosition(list) => (BTreeMap::new(), list),
        };
        Self {
            target_minutes: file.target_minutes,
            steps,
            by_position,
        }
    }
}

impl LengthChoice {
    /// The person's choice for the step with this id at this position, if any.
    #[must_use]
    pub fn for_step(&self, id: &str, position: usize) -> StepOverride {
        self.steps
            .get(id)
            .copied()
            .or_else(|| self.by_position.get(position).copied())
            .unwrap_or_default()
    }

    /// These choices with every positional one moved to its step's id in `routine`.
    #[must_use]
    pub fn keyed_by_id(&self, routine: &Routine) -> Self {
        let mut steps = self.steps.clone();
        for (position, over) in self.by_position.iter().enumerate() {
            if let Some(step) = routine.steps().get(position)
                && *over != StepOverride::default()
            {
                steps.entry(step.id.clone()).or_insert(*over);
            }
        }
        Self {
            target_minutes: self.target_minutes,
            steps,
            by_position: Vec::new(),
        }
    }
}

/// A person's choice for one step's dose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepOverride {
    /// Hold in seconds, kept as set (held steps only; a movement's tempo is the step's own).
    pub hold_secs: Option<u32>,
    /// Repetitions per side, kept as set.
    pub reps: Option<u32>,
}

/// Allowed whole-routine targets, in minutes.
pub const TARGET_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

/// The hold lengths fitting gives, in seconds: the round numbers a physiotherapist writes.
/// A hold the routine was written with, or the person set by hand, is kept too.
pub const HOLD_LADDER_SECS: [u32; 19] = [
    3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 420, 480, 540, 600,
];

/// The rest between two holds that follow one another when the routine gives none.
pub const MIN_REST_BETWEEN_HOLDS_SECS: u32 = 3;

/// The most rounds a main step is done in: "2–3 rounds".
pub const MAX_ROUNDS: u32 = 3;

/// The closing rest grows and shrinks in steps of this many seconds.
pub const CLOSING_REST_STEP_SECS: u32 = 5;

/// How long the closing rest that takes what rounding leaves over may be, in seconds.
pub const CLOSING_REST_SECS: std::ops::RangeInclusive<u32> = 30..=120;

/// The id of the closing rest fitting adds to a routine that has none.
pub const ADDED_REST_ID: &str = "closing-rest";

/// How far from the target a fitted length may be: ±5 % or ±15 s, whichever is larger.
#[must_use]
pub fn tolerance_secs(target_secs: u32) -> u32 {
    target_secs.div_ceil(20).max(15)
}

/// How the fitted length relates to the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// No target was set: the written (or hand-set) doses are used.
    NoTarget,
    /// Within tolerance of the target.
    OnTarget,
    /// The target is shorter than every range's minimum allows.
    ShortestPossible,
    /// The target is longer than every range's maximum and every round allow.
    LongestPossible,
    /// The target lies within the ranges, but whole repetitions and round holds cannot land
    /// within tolerance; this is the nearest length found.
    Nearest,
}

/// What fitting did to one step of the routine as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepChange {
    /// The step's id.
    pub step_id: String,
    /// The step's pattern (to word the change).
    pub pattern: Pattern,
    /// Seconds per repetition, written → fitted, when they differ.
    pub secs: Option<(u32, u32)>,
    /// Repetitions per side in each round, written → fitted, when they differ.
    pub reps: Option<(u32, u32)>,
    /// Rest between holds, written → fitted, when they differ (a rest added between holds
    /// that follow one another).
    pub rest: Option<(u32, u32)>,
    /// How many rounds the step is done in: 1 as written, more when the routine repeats its
    /// main steps, 0 when left out.
    pub rounds: u32,
    /// The step is not run at this length.
    pub left_out: bool,
    /// The person set the hold or the repetitions by hand; fitting kept them.
    pub set_by_hand: bool,
}

impl StepChange {
    /// Whether anything differs from the routine as written.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.left_out
            || self.secs.is_some()
            || self.reps.is_some()
            || self.rest.is_some()
            || self.rounds > 1
    }

    /// The change in a few words: "20 s (was 30 s) · 2 reps (was 3) · 2 rounds", "3 s rest
    /// between holds (was 0 s)", "left out to fit", "set by you"; empty when nothing changed.
    #[must_use]
    pub fn describe(&self) -> String {
        if self.left_out {
            return "left out to fit".to_owned();
        }
        let mut parts = Vec::new();
        if let Some((from, to)) = self.secs {
            parts.push(format!("{to} s (was {from} s)"));
        }
        if let Some((from, to)) = self.reps {
            let unit = if self.pattern == Pattern::Moves {
                "moves"
            } else {
                "reps"
            };
            parts.push(format!("{to} {unit} (was {from})"));
        }
        if self.rounds > 1 {
            parts.push(format!("{} rounds", self.rounds));
        }
        if let Some((from, to)) = self.rest {
            parts.push(format!("{to} s rest between holds (was {from} s)"));
        }
        if self.set_by_hand {
            parts.push("set by you".to_owned());
        }
        parts.join(" · ")
    }
}

/// A routine fitted to a person's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fitted {
    /// The routine as it will be run: the steps kept, with their fitted doses, in the order they
    /// run. A main step done in more than one round appears once per round, with the same id
    /// and dose (see [`StepChange::rounds`]).
    pub run: Run,
    /// Its length with the given pauses, in seconds.
    pub total_secs: u32,
    /// The target asked for, in seconds.
    pub target_secs: Option<u32>,
    /// How the length relates to the target.
    pub reach: Reach,
    /// One entry per step of the routine as written, in its order.
    pub changes: Vec<StepChange>,
    /// The seconds of a closing rest fitting added to a routine that has none, to make up what
    /// whole repetitions left over (the last step of [`Fitted::run`], id [`ADDED_REST_ID`]).
    pub added_rest_secs: Option<u32>,
}

impl Fitted {
    /// A sentence for the person when the target could not be met, else `None`.
    #[must_use]
    pub fn note(&self) -> Option<String> {
        let target = clock(self.target_secs?);
        let achieved = clock(self.total_secs);
        match self.reach {
            Reach::OnTarget if self.added_rest_secs.is_some() => Some(format!(
                "Ends with {} s of rest and easy breathing to make up {target}.",
                self.added_rest_secs.unwrap_or_default()
            )),
            Reach::NoTarget | Reach::OnTarget => None,
            Reach::ShortestPossible => Some(format!(
                "{target} is shorter than this routine can be done well; {achieved} is its shortest."
            )),
            Reach::LongestPossible => Some(format!(
                "{target} is longer than this routine's doses allow; {achieved} is its longest."
            )),
            Reach::Nearest => Some(format!(
                "{achieved} is as close to {target} as whole repetitions and the usual hold lengths allow."
            )),
        }
    }

    /// How many steps are left out at this length.
    #[must_use]
    pub fn left_out(&self) -> usize {
        self.changes.iter().filter(|c| c.left_out).count()
    }
}

/// One written step while it is being fitted: the values it may take, where it stands, and
/// whether and how often it runs.
#[derive(Clone)]
struct Slot {
    /// The step at its current dose: `rep_secs` is `holds[hold_at]`, `rest_secs` follows
    /// [`rest_between_holds`].
    step: Step,
    /// The rest between repetitions as written.
    written_rest: u32,
    /// Every value the hold may take, ascending (a movement: its tempo only).
    holds: Vec<u32>,
    hold_at: usize,
    /// Where the written (or hand-set) hold stands in `holds`.
    written_hold_at: usize,
    /// The shortest hold the step starts from at the shortest length.
    min_hold_at: usize,
    reps_range: (u32, u32),
    written_reps: u32,
    /// The most repetitions a round holds before more rounds are added (see [`reps_per_round`]).
    reps_cap: u32,
    /// Least repetitions × hold per side (0 when the person set a value by hand).
    floor: u32,
    secs_pinned: bool,
    reps_pinned: bool,
    included: bool,
    /// How many times the step runs (1, or more for a main step in later rounds).
    rounds: u32,
    /// The step's part in the routine.
    part: Part,
    /// The units this slot can grow by as it stands, once worked out (cleared when it grows).
    units: Option<Vec<Unit>>,
}

/// A step's part in fitting a routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// A main step: may be repeated in later rounds.
    Main,
    /// Done once.
    Once,
    /// The routine's closing rest: takes what rounding leaves over.
    ClosingRest,
}

/// What can make a fitted routine longer, one unit at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Growth {
    /// Put a left-out step back, at its shortest dose.
    Include,
    /// The next longer hold.
    Hold,
    /// One repetition more.
    Rep,
    /// One more round of a main step.
    Round,
}

/// In what order growth is taken, the lowest first and each only when the one before has
/// nothing left: back toward the routine as written; then each step up to its usual dose for
/// a round and more rounds of the main steps; then repetitions up to the top of each range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    TowardWritten,
    Usual,
    TopOfRange,
}

/// One possible unit of growth: its place in the order, the step, and the seconds it adds.
#[derive(Clone, Copy, Debug)]
struct Unit {
    order: (Tier, u8, u32, usize),
    index: usize,
    growth: Growth,
    adds: u32,
}

impl Slot {
    /// Seconds this step takes in the routine: every round with its pauses.
    fn len(&self, timing: Timing) -> u32 {
        if self.included {
            self.rounds * step_secs(&self.step, timing)
        } else {
            0
        }
    }

    /// Sets the dose of every round.
    fn set(&mut self, hold_at: usize, reps: u32) {
        self.hold_at = hold_at;
        self.step.rep_secs = self.holds[hold_at];
        self.step.reps = reps;
        self.step.rest_secs = rest_between_holds(&self.step, self.written_rest);
    }

    /// Seconds this step would take at another dose, without changing it.
    fn len_at(&mut self, hold_at: usize, reps: u32, rounds: u32, timing: Timing) -> u32 {
        let (was_at, was_reps, was_rounds) = (self.hold_at, self.step.reps, self.rounds);
        let was_included = self.included;
        self.set(hold_at, reps);
        self.rounds = rounds;
        self.included = true;
        let len = self.len(timing);
        self.set(was_at, was_reps);
        self.rounds = was_rounds;
        self.included = was_included;
        len
    }

    /// The dose at the shortest length: the fewest repetitions the floor allows with holds no
    /// longer than written, then the shortest hold that keeps the floor. Never above the
    /// written dose in either, so growing from it passes through the routine as written.
    fn shortest(&self) -> (usize, u32) {
        let written_hold = self.holds[self.written_hold_at];
        let reps = if self.reps_pinned {
            self.written_reps
        } else {
            self.reps_range
                .0
                .max(self.floor.div_ceil(written_hold.max(1)))
                .min(self.written_reps)
        };
        let hold_at = if self.secs_pinned || self.part == Part::ClosingRest {
            self.written_hold_at
        } else {
            (0..=self.written_hold_at)
                .find(|&at| self.holds[at] * reps >= self.floor)
                .unwrap_or(self.written_hold_at)
        };
        (hold_at, reps)
    }

    /// Every unit this step can grow by now, with its place in the order (worked out once per
    /// dose: only the step that grew is worked out again).
    fn options(&mut self, index: usize, timing: Timing, out: &mut Vec<Unit>) {
        if self.units.is_none() {
            let mut units = Vec::with_capacity(4);
            self.work_out_options(index, timing, &mut units);
            self.units = Some(units);
        }
        out.extend(self.units.iter().flatten().copied());
    }

    fn work_out_options(&mut self, index: usize, timing: Timing, out: &mut Vec<Unit>) {
        let now = self.len(timing);
        let (at, reps) = (self.hold_at, self.step.reps);
        let mut push = |order: (Tier, u8, u32), growth: Growth, len: u32| {
            out.push(Unit {
                order: (order.0, order.1, order.2, index),
                index,
                growth,
                adds: len.saturating_sub(now),
            });
        };
        if !self.included {
            let rank = match self.step.importance {
                Importance::Essential => 0,
                Importance::Normal => 1,
                Importance::Optional => 2,
            };
            let len = self.len_at(at, reps, 1, timing);
            push((Tier::TowardWritten, 0, rank), Growth::Include, len);
            return;
        }
        if self.part == Part::ClosingRest {
            return; // Set last, to take what is left over (see `settle_closing_rest`).
        }
        if !self.secs_pinned && at + 1 < self.holds.len() {
            let order = if at < self.written_hold_at {
                (
                    Tier::TowardWritten,
                    1,
                    progress(at, self.min_hold_at, self.written_hold_at),
                )
            } else {
                (
                    Tier::Usual,
                    1,
                    progress(at, self.written_hold_at, self.holds.len() - 1),
                )
            };
            let len = self.len_at(at + 1, reps, self.rounds, timing);
            push(order, Growth::Hold, len);
        }
        if !self.reps_pinned && reps < self.reps_range.1 {
            let order = if reps < self.written_reps {
                let least = self.shortest().1 as usize;
                (
                    Tier::TowardWritten,
                    2,
                    progress(reps as usize, least, self.written_reps as usize),
                )
            } else if reps < self.reps_cap {
                (
                    Tier::Usual,
                    0,
                    progress(
                        reps as usize,
                        self.written_reps as usize,
                        self.reps_cap as usize,
                    ),
                )
            } else {
                (
                    Tier::TopOfRange,
                    0,
                    progress(
                        reps as usize,
                        self.reps_cap as usize,
                        self.reps_range.1 as usize,
                    ),
                )
            };
            let len = self.len_at(at, reps + 1, self.rounds, timing);
            push(order, Growth::Rep, len);
        }
        if self.part == Part::Main && self.rounds < MAX_ROUNDS {
            let len = self.len_at(at, reps, self.rounds + 1, timing);
            push((Tier::Usual, 0, self.rounds), Growth::Round, len);
        }
    }

    fn grow(&mut self, growth: Growth) {
        self.units = None;
        match growth {
            Growth::Include => self.included = true,
            Growth::Hold => self.set(self.hold_at + 1, self.step.reps),
            Growth::Rep => self.set(self.hold_at, self.step.reps + 1),
            Growth::Round => self.rounds += 1,
        }
    }
}

/// How far `at` has come from `from` toward `to`, in thousandths.
fn progress(at: usize, from: usize, to: usize) -> u32 {
    let done = at.saturating_sub(from) * 1000 / to.saturating_sub(from).max(1);
    u32::try_from(done).unwrap_or(u32::MAX)
}

/// The rest between two holds of `step` when it was written with `written_rest`: as written,
/// except that holds that follow one another (more than one repetition, or sides taken in turn)
/// get at least [`MIN_REST_BETWEEN_HOLDS_SECS`] when none was written. Movements have none.
#[must_use]
pub fn rest_between_holds(step: &Step, written_rest: u32) -> u32 {
    let holds_in_a_row = step.reps > 1 || step.sides == Sides::Alternate;
    if step.pattern == Pattern::Hold && holds_in_a_row && written_rest == 0 {
        MIN_REST_BETWEEN_HOLDS_SECS
    } else {
        written_rest
    }
}

/// The most repetitions one round of a step is given before the routine adds rounds: the
/// written count, or twice the fewest its range allows if that is more, and never past the top
/// of the range (glute bridges: 10 a round, though the range allows 30).
#[must_use]
pub fn reps_per_round(step: &Step) -> u32 {
    let range = step.dose_range();
    step.reps.max(range.reps.start() * 2).min(*range.reps.end())
}

/// The holds a step may be given: the ladder's rungs inside its range, with the hold it was
/// written with (a closing rest: every 5 s inside its range).
fn allowed_holds(step: &Step, closing_rest: bool) -> Vec<u32> {
    let range = step.dose_range();
    let mut holds: Vec<u32> = if closing_rest {
        let low = (*range.secs.start()).max(*CLOSING_REST_SECS.start());
        let high = (*range.secs.end()).min(*CLOSING_REST_SECS.end());
        (low.div_ceil(CLOSING_REST_STEP_SECS)..=high / CLOSING_REST_STEP_SECS)
            .map(|n| n * CLOSING_REST_STEP_SECS)
            .collect()
    } else {
        HOLD_LADDER_SECS
            .iter()
            .copied()
            .filter(|s| range.secs.contains(s))
            .collect()
    };
    holds.push(step.rep_secs);
    holds.sort_unstable();
    holds.dedup();
    holds
}

/// Whether the last step of `routine` is a closing rest that fitting may lengthen to take up
/// what rounding leaves over: a held rest step, last in the routine.
#[must_use]
pub fn has_closing_rest(routine: &Routine) -> bool {
    routine
        .steps()
        .last()
        .is_some_and(|s| s.kind == StepKind::Rest && s.pattern == Pattern::Hold)
}

/// Whether a step is one of the routine's main steps, which may run in more than one round: a
/// stretch, movement or strengthening exercise that is not optional. Self-massage keeps to one
/// round (its sources give a time per muscle group), and rests are not repeated.
#[must_use]
pub fn is_main_step(step: &Step) -> bool {
    matches!(
        step.kind,
        StepKind::Stretch | StepKind::Mobility | StepKind::Strengthen
    ) && step.importance != Importance::Optional
}

/// Applies a person's length choices to a routine (see the module docs for the rules).
#[must_use]
pub fn fit(routine: &Routine, choice: &LengthChoice, timing: Timing) -> Fitted {
    let closing = has_closing_rest(routine);
    let last = routine.steps().len().saturating_sub(1);
    let mut slots: Vec<Slot> = routine
        .steps()
        .iter()
        .enumerate()
        .map(|(position, step)| {
            let over = choice.for_step(&step.id, position);
            slot(
                step,
                over,
                closing && position == last && over.hold_secs.is_none(),
            )
        })
        .collect();
    let target_secs = choice
        .target_minutes
        .map(|minutes| minutes.clamp(*TARGET_MINUTES.start(), *TARGET_MINUTES.end()) * 60);
    if let Some(target) = target_secs {
        sweep(&mut slots, target / 60, timing);
    }
    let mut total_secs: u32 = slots.iter().map(|s| s.len(timing)).sum();
    let added = target_secs
        .filter(|_| !closing)
        .and_then(|target| added_rest(routine, total_secs, target, timing));
    total_secs += added.as_ref().map_or(0, |rest| step_secs(rest, timing));
    let reach = match target_secs {
        None => Reach::NoTarget,
        Some(target) => reach(&mut slots, total_secs, target, timing),
    };
    let changes = routine
        .steps()
        .iter()
        .zip(&slots)
        .map(|(written, slot)| {
            let fitted = &slot.step;
            StepChange {
                step_id: written.id.clone(),
                pattern: written.pattern,
                secs: (written.rep_secs != fitted.rep_secs)
                    .then_some((written.rep_secs, fitted.rep_secs)),
                reps: (written.reps != fitted.reps).then_some((written.reps, fitted.reps)),
                rest: (slot.included && written.rest_secs != fitted.rest_secs)
                    .then_some((written.rest_secs, fitted.rest_secs)),
                rounds: if slot.included { slot.rounds } else { 0 },
                left_out: !slot.included,
                set_by_hand: slot.secs_pinned || slot.reps_pinned,
            }
        })
        .collect();
    let mut steps = in_rounds(&slots);
    let added_rest_secs = added.as_ref().map(|rest| rest.rep_secs);
    steps.extend(added);
    Fitted {
        run: Run::of(routine, steps),
        total_secs,
        target_secs,
        reach,
        changes,
        added_rest_secs,
    }
}

/// Fits `routine` to `minutes` with the person's own choices left out: what a session builder
/// calls to set a routine's doses for a length.
#[must_use]
pub fn fit_to_minutes(routine: &Routine, minutes: u32, timing: Timing) -> Fitted {
    let choice = LengthChoice {
        target_minutes: Some(minutes),
        ..LengthChoice::default()
    };
    fit(routine, &choice, timing)
}

/// The steps in the order they run: the routine as written up to its last main step, then each
/// later round of the main steps that have one, then the steps after the last main step (the
/// cool-down and the closing rest).
fn in_rounds(slots: &[Slot]) -> Vec<Step> {
    let last_main = slots.iter().rposition(|s| s.part == Part::Main);
    let split = last_main.map_or(slots.len(), |at| at + 1);
    let kept = |s: &&Slot| s.included;
    let mut steps: Vec<Step> = slots[..split]
        .iter()
        .filter(kept)
        .map(|s| s.step.clone())
        .collect();
    for round in 2..=MAX_ROUNDS {
        steps.extend(
            slots[..split]
                .iter()
                .filter(|s| s.included && s.rounds >= round)
                .map(|s| s.step.clone()),
        );
    }
    steps.extend(slots[split..].iter().filter(kept).map(|s| s.step.clone()));
    steps
}

/// A step with the person's choice applied, ready to fit.
fn slot(step: &Step, over: StepOverride, closing_rest: bool) -> Slot {
    let range = step.dose_range();
    let mut step = step.clone();
    let floor = step.min_secs_per_side();
    let secs_pinned = match (over.hold_secs, step.pattern) {
        (Some(secs), Pattern::Hold) => {
            step.rep_secs = secs.clamp(
                *step.pattern.secs_bounds().start(),
                *step.pattern.secs_bounds().end(),
            );
            true
        }
        _ => false,
    };
    let reps_pinned = if let Some(reps) = over.reps {
        step.reps = reps.clamp(*REPS.start(), *REPS.end());
        true
    } else {
        false
    };
    let holds = if step.pattern == Pattern::Moves || secs_pinned {
        // A movement keeps its tempo; a hold set by hand stays as set.
        vec![step.rep_secs]
    } else {
        allowed_holds(&step, closing_rest)
    };
    let written_hold_at = holds.iter().position(|&h| h == step.rep_secs).unwrap_or(0);
    let reps_range = if reps_pinned {
        (step.reps, step.reps)
    } else {
        (*range.reps.start(), *range.reps.end())
    };
    let pinned = secs_pinned || reps_pinned;
    let mut slot = Slot {
        written_rest: step.rest_secs,
        written_reps: step.reps,
        reps_cap: reps_per_round(&step),
        floor: if pinned { 0 } else { floor },
        holds,
        hold_at: written_hold_at,
        written_hold_at,
        min_hold_at: written_hold_at,
        reps_range,
        secs_pinned,
        reps_pinned,
        included: true,
        rounds: 1,
        part: if closing_rest {
            Part::ClosingRest
        } else if is_main_step(&step) && !pinned {
            Part::Main
        } else {
            Part::Once
        },
        units: None,
        step,
    };
    slot.min_hold_at = slot.shortest().0;
    slot.set(written_hold_at, slot.written_reps);
    slot
}

/// Every slot at its shortest: essential and hand-set steps at their shortest doses, every
/// other step left out (but never all of them: the most important, first in the routine, stays).
fn to_shortest(slots: &mut [Slot]) {
    for slot in slots.iter_mut() {
        let (at, reps) = slot.shortest();
        slot.set(at, reps);
        slot.rounds = 1;
        slot.units = None;
        slot.included =
            slot.step.importance == Importance::Essential || slot.secs_pinned || slot.reps_pinned;
    }
    if !slots.iter().any(|s| s.included) {
        let keep = slots
            .iter()
            .enumerate()
            .max_by_key(|(index, s)| (s.step.importance, std::cmp::Reverse(*index)))
            .map(|(index, _)| index);
        if let Some(index) = keep {
            slots[index].included = true;
        }
    }
}

/// Fits the slots to `minutes` by growing them from the routine's shortest form one target
/// minute at a time (1, 2, … `minutes`), each minute only adding to what the last one chose.
/// So every step's dose at a length is at least its dose at any shorter length: monotonic by
/// construction. Bounded: each unit of growth is taken once, and there are at most a few
/// thousand (60 steps × their ranges × [`MAX_ROUNDS`]).
fn sweep(slots: &mut [Slot], minutes: u32, timing: Timing) {
    to_shortest(slots);
    let mut options = Vec::with_capacity(slots.len() * 4);
    for minute in 1..=minutes {
        grow_toward(slots, minute * 60, timing, &mut options);
    }
    settle_closing_rest(slots, minutes * 60, timing);
}

/// How a fitted length of `total` seconds relates to `target`, given where the slots stand.
fn reach(slots: &mut [Slot], total: u32, target: u32, timing: Timing) -> Reach {
    if total.abs_diff(target) <= tolerance_secs(target) {
        return Reach::OnTarget;
    }
    if total > target {
        let mut shortest = slots.to_vec();
        to_shortest(&mut shortest);
        let least: u32 = shortest.iter().map(|s| s.len(timing)).sum();
        return if total <= least {
            Reach::ShortestPossible
        } else {
            Reach::Nearest
        };
    }
    let mut options = Vec::new();
    collect_options(slots, timing, &mut options);
    let rest_full = slots
        .iter()
        .all(|s| !(s.part == Part::ClosingRest && s.included) || s.hold_at + 1 >= s.holds.len());
    if options.is_empty() && rest_full {
        Reach::LongestPossible
    } else {
        Reach::Nearest
    }
}

fn collect_options(slots: &mut [Slot], timing: Timing, out: &mut Vec<Unit>) {
    out.clear();
    for (index, slot) in slots.iter_mut().enumerate() {
        slot.options(index, timing, out);
    }
    // Tiers are strict: nothing grows past its written dose while a step is still left out or
    // below it, and no step passes a round's usual dose while a round can still be added.
    if let Some(lowest) = out.iter().map(|o| o.order.0).min() {
        out.retain(|o| o.order.0 == lowest);
    }
    // No optional step comes back while a normal one is still left out.
    let normal_left_out = |o: &Unit| o.growth == Growth::Include && o.order.2 < 2;
    if out.iter().any(normal_left_out) {
        out.retain(|o| o.growth != Growth::Include || o.order.2 < 2);
    }
}

/// Grows the slots toward `target` seconds: takes units of growth of the lowest tier that
/// bring the length closer without passing the tolerance (in order, or the largest first for
/// usual doses and rounds); then, if still short by more than the tolerance, the unit that
/// comes closest even past it (the nearest length). The closing rest is settled afterwards.
fn grow_toward(slots: &mut [Slot], target: u32, timing: Timing, options: &mut Vec<Unit>) {
    let tolerance = tolerance_secs(target);
    let mut now: u32 = slots.iter().map(|s| s.len(timing)).sum();
    loop {
        if now >= target {
            return;
        }
        collect_options(slots, timing, options);
        let fits = options
            .iter()
            .filter(|o| o.adds > 0 && now + o.adds <= target + tolerance)
            .filter(|o| (now + o.adds).abs_diff(target) < target - now);
        // Back toward the written routine and up to the top of the ranges: in order. Usual
        // doses and rounds: the largest unit that fits first, so the small ones are left to
        // close the gaps of later minutes.
        let chosen = if options.first().is_some_and(|o| o.order.0 == Tier::Usual) {
            fits.max_by_key(|o| (o.adds, std::cmp::Reverse(o.order)))
        } else {
            fits.min_by_key(|o| o.order)
        };
        let Some(&chosen) = chosen else { break };
        slots[chosen.index].grow(chosen.growth);
        now += chosen.adds;
    }
    if now + tolerance < target {
        collect_options(slots, timing, options);
        let nearest = options
            .iter()
            .filter(|o| o.adds > 0 && (now + o.adds).abs_diff(target) < target - now)
            .min_by_key(|o| ((now + o.adds).abs_diff(target), o.order));
        if let Some(&chosen) = nearest {
            slots[chosen.index].grow(chosen.growth);
        }
    }
}

/// Sets the closing rest, when the routine has one and runs it at this length, to the length
/// in its range that brings the routine closest to `target`: what rounding leaves over.
fn settle_closing_rest(slots: &mut [Slot], target: u32, timing: Timing) {
    let now: u32 = slots.iter().map(|s| s.len(timing)).sum();
    let Some(rest) = slots
        .iter_mut()
        .find(|s| s.part == Part::ClosingRest && s.included)
    else {
        return;
    };
    let others = now - rest.len(timing);
    let reps = rest.step.reps;
    let best = (0..rest.holds.len()).min_by_key(|&at| {
        let len = others + rest.len_at(at, reps, rest.rounds, timing);
        (len.abs_diff(target), std::cmp::Reverse(at))
    });
    if let Some(at) = best {
        rest.set(at, reps);
        rest.units = None;
    }
}

/// A closing rest for a routine that has none, when the fitted length falls short of `target`
/// by more than the tolerance and a rest of [`CLOSING_REST_SECS`] brings it within: lying
/// still and breathing is what a physiotherapist would end with. `None` otherwise.
fn added_rest(routine: &Routine, total: u32, target: u32, timing: Timing) -> Option<Step> {
    let tolerance = tolerance_secs(target);
    if total + tolerance >= target {
        return None;
    }
    let rest = technique::all()
        .iter()
        .find(|t| t.kind == StepKind::Rest && t.pattern == Pattern::Hold)?;
    let id = if routine.steps().iter().any(|s| s.id == ADDED_REST_ID) {
        format!("{ADDED_REST_ID}-added")
    } else {
        ADDED_REST_ID.to_owned()
    };
    let mut step = rest.step(&id);
    step.importance = Importance::Optional;
    let fixed = step_secs(&step, timing) - step.work_secs();
    let wanted = (target - total).saturating_sub(fixed);
    let secs =
        (wanted + CLOSING_REST_STEP_SECS / 2) / CLOSING_REST_STEP_SECS * CLOSING_REST_STEP_SECS;
    step.rep_secs = secs.clamp(*CLOSING_REST_SECS.start(), *CLOSING_REST_SECS.end());
    step.reps = 1;
    step.rest_secs = 0;
    let with_rest = total + step_secs(&step, timing);
    (with_rest.abs_diff(target) <= tolerance).then_some(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::model::tests::{moves, routine, step};
    use crate::core::routine::technique;

    fn doses(fitted: &Fitted) -> Vec<(u32, u32)> {
        fitted
            .run
            .steps()
            .iter()
            .map(|s| (s.rep_secs, s.reps))
            .collect()
    }

    fn minutes(m: u32) -> LengthChoice {
        LengthChoice {
            target_minutes: Some(m),
            ..LengthChoice::default()
        }
    }

    const NO_PAUSES: Timing = Timing {
        get_ready_secs: 0,
        switch_secs: 0,
    };

    #[test]
    fn tolerance_is_five_percent_or_fifteen_seconds() {
        assert_eq!(tolerance_secs(60), 15);
        assert_eq!(tolerance_secs(300), 15);
        assert_eq!(tolerance_secs(600), 30);
        assert_eq!(tolerance_secs(601), 31);
    }

    #[test]
    fn no_target_keeps_the_written_doses() {
        let mut a = step("A", 20, 2, true);
        a.rest_secs = 5;
        let r = routine(vec![a]);
        let fitted = fit(&r, &LengthChoice::default(), Timing::default());
        assert_eq!(fitted.run, Run::from(r));
        assert_eq!(
            (fitted.total_secs, fitted.reach, fitted.note()),
            (100, Reach::NoTarget, None)
        );
        assert!(fitted.changes.iter().all(|c| !c.is_change()));
    }

    #[test]
    fn shorter_takes_repetitions_first_then_holds() {
        // 30 s × 3 with 5 s rests, range 10–60 s × 1–4: 100 s. Asking for 60 s takes
        // repetitions away before any hold is shortened: 30 s × 2.
        let mut a = step("A", 30, 3, false);
        a.rest_secs = 5;
        let fitted = fit(&routine(vec![a]), &minutes(1), NO_PAUSES);
        assert_eq!(doses(&fitted), [(30, 2)]);
        assert_eq!(fitted.reach, Reach::OnTarget);
        assert_eq!(fitted.changes[0].describe(), "2 reps (was 3)");
    }

    #[test]
    fn a_short_hold_never_stands_alone() {
        // A knee-to-chest from the registry: 5–30 s × 2–3, at least 30 s per side.
        let knee = crate::core::routine::technique::find("single-knee-to-chest")
            .expect("listed")
            .step("knee");
        let fitted = fit(&routine(vec![knee]), &minutes(1), Timing::default());
        let s = &fitted.run.steps()[0];
        assert!(s.reps * s.rep_secs >= 30, "{} × {}", s.reps, s.rep_secs);
        assert!((2..=3).contains(&s.reps) && (5..=30).contains(&s.rep_secs));
    }

    #[test]
    fn moves_keep_their_tempo_and_change_only_their_count() {
        let r = routine(vec![
            moves("Tilt", 4, 12, Sides::None),
            step("A", 30, 2, false),
        ]);
        for m in [1, 2, 5] {
            let fitted = fit(&r, &minutes(m), NO_PAUSES);
            let tilt = &fitted.run.steps()[0];
            assert_eq!(tilt.rep_secs, 4);
            assert!(
                (5..=15).contains(&tilt.reps),
                "{m} min: {} moves",
                tilt.reps
            );
        }
    }

    #[test]
    fn longer_adds_repetitions_and_rounds_up_to_the_range() {
        // 20 s × 2 with a 3 s rest (43 s), range 10–60 s × 1–4, one round's usual top 2
        // repetitions; a main step, so up to 3 rounds.
        let r = routine(vec![step("A", 20, 2, false)]);
        let fitted = fit(&r, &minutes(2), NO_PAUSES);
        assert_eq!(doses(&fitted), [(30, 2), (30, 2)]);
        assert_eq!(fitted.changes[0].rounds, 2);
        assert_eq!(
            fitted.changes[0].describe(),
            "30 s (was 20 s) · 2 rounds · 3 s rest between holds (was 0 s)"
        );
        let longest = fit(&r, &minutes(30), NO_PAUSES);
        assert_eq!(doses(&longest), [(60, 4); 3]);
        assert_eq!(longest.reach, Reach::LongestPossible);
        assert_eq!(
            longest.note().as_deref(),
            Some("30:00 is longer than this routine's doses allow; 12:27 is its longest.")
        );
    }

    #[test]
    fn optional_steps_are_left_out_first_and_essential_ones_never() {
        let mut a = step("Essential", 30, 2, false);
        a.importance = Importance::Essential;
        let mut b = step("Optional", 30, 2, false);
        b.importance = Importance::Optional;
        let mut c = step("Normal", 30, 2, false);
        c.importance = Importance::Normal;
        let r = routine(vec![a, b, c]);
        let fitted = fit(&r, &minutes(1), NO_PAUSES);
        let kept: Vec<&str> = fitted.run.steps().iter().map(|s| s.name.as_str()).collect();
        assert_eq!(kept, ["Essential", "Normal"]);
        assert_eq!(fitted.changes[1].describe(), "left out to fit");
        assert_eq!(fitted.left_out(), 1);
        assert_eq!(fitted.reach, Reach::OnTarget, "{}", fitted.total_secs);
    }

    #[test]
    fn hand_set_values_are_kept_and_marked() {
        let r = routine(vec![step("A", 20, 2, false), step("B", 20, 1, false)]);
        let mut choice = minutes(2);
        choice.steps.insert(
            "a".into(),
            StepOverride {
                hold_secs: Some(15),
                reps: Some(4),
            },
        );
        let fitted = fit(&r, &choice, Timing::default());
        assert_eq!(doses(&fitted)[0], (15, 4));
        assert!(fitted.changes[0].set_by_hand);
        assert_eq!(
            fitted.changes[0].describe(),
            "15 s (was 20 s) · 4 reps (was 2) · 3 s rest between holds (was 0 s) · set by you"
        );
        assert!(fitted.total_secs.abs_diff(120) <= tolerance_secs(120));
    }

    #[test]
    fn old_positional_choices_still_apply_and_move_to_ids() {
        let r = routine(vec![step("A", 20, 2, false), step("B", 20, 1, false)]);
        let choice = LengthChoice {
            target_minutes: None,
            steps: BTreeMap::new(),
            by_position: vec![
                StepOverride::default(),
                StepOverride {
                    hold_secs: Some(25),
                    reps: None,
                },
            ],
        };
        assert_eq!(doses(&fit(&r, &choice, NO_PAUSES)), [(20, 2), (25, 1)]);
        let keyed = choice.keyed_by_id(&r);
        assert!(keyed.by_position.is_empty());
        assert_eq!(keyed.steps.get("b").and_then(|o| o.hold_secs), Some(25));
    }

    #[test]
    fn self_massage_stays_within_its_range() {
        let mut massage = step("Ball", 60, 1, true);
        massage.kind = StepKind::SelfMassage;
        let r = routine(vec![massage, step("A", 20, 1, false)]);
        for m in [1, 2, 5, 20] {
            let fitted = fit(&r, &minutes(m), Timing::default());
            let ball = &fitted.run.steps()[0];
            assert!(
                [30, 45, 60, 90, 120].contains(&ball.rep_secs),
                "{m} min: {} s",
                ball.rep_secs
            );
            // Self-massage is not repeated in rounds: its sources give a time per muscle group.
            assert_eq!(fitted.changes[0].rounds, 1);
        }
    }

    #[test]
    fn out_of_range_choices_are_clamped_not_trusted() {
        let r = routine(vec![step("A", 20, 1, false)]);
        let mut choice = LengthChoice::default();
        choice.steps.insert(
            "a".into(),
            StepOverride {
                hold_secs: Some(9_999),
                reps: Some(0),
            },
        );
        assert_eq!(doses(&fit(&r, &choice, NO_PAUSES)), [(600, 1)]);
    }

    #[test]
    fn settings_read_either_form_of_step_choices() {
        let by_id: LengthChoice =
            toml::from_str("target_minutes = 10\n[steps.cat-cow]\nreps = 6\n").expect("parses");
        assert_eq!(by_id.steps.get("cat-cow").and_then(|o| o.reps), Some(6));
        let old: LengthChoice =
            toml::from_str("target_minutes = 10\nsteps = [{ hold_secs = 30 }, {}]\n")
                .expect("parses");
        assert_eq!(old.target_minutes, Some(10));
        assert!(old.steps.is_empty());
        assert_eq!(old.by_position[0].hold_secs, Some(30));
        let written = toml::to_string(&old).expect("writes");
        assert!(!written.contains("by_position"), "{written}");
    }

    #[test]
    fn holds_sit_on_the_ladder_or_at_their_written_value() {
        // Written at 25 s (off the ladder): fitting keeps 25 s or moves to a rung.
        let r = routine(vec![step("A", 25, 2, true), step("B", 20, 2, false)]);
        for m in 1..=30 {
            let fitted = fit(&r, &minutes(m), Timing::default());
            for s in fitted.run.steps().iter().filter(|s| s.id != ADDED_REST_ID) {
                assert!(
                    HOLD_LADDER_SECS.contains(&s.rep_secs) || s.rep_secs == 25,
                    "{m} min: {} s",
                    s.rep_secs
                );
            }
        }
    }

    #[test]
    fn a_longer_target_never_shrinks_a_dose() {
        let knee = technique::find("single-knee-to-chest")
            .expect("listed")
            .step("knee");
        let bridge = technique::find("glute-bridge")
            .expect("listed")
            .step("bridge");
        let mut tilt = technique::find("pelvic-tilt").expect("listed").step("tilt");
        tilt.importance = Importance::Essential;
        let r = routine(vec![tilt, knee, bridge]);
        let mut before: Option<Fitted> = None;
        for m in 1..=60 {
            let now = fit(&r, &minutes(m), Timing::default());
            if let Some(before) = &before {
                for (a, b) in before.changes.iter().zip(&now.changes) {
                    let dose = |f: &Fitted, c: &StepChange| {
                        f.run
                            .steps()
                            .iter()
                            .find(|s| s.id == c.step_id)
                            .map(|s| (s.rep_secs, s.reps))
                    };
                    let (x, y) = (dose(before, a), dose(&now, b));
                    assert!(a.rounds <= b.rounds, "{m} min: {} rounds", a.step_id);
                    if let (Some(x), Some(y)) = (x, y) {
                        assert!(
                            x.0 <= y.0 && x.1 <= y.1,
                            "{m} min: {} {x:?} → {y:?}",
                            a.step_id
                        );
                    } else {
                        assert!(
                            x.is_none() || y.is_some(),
                            "{m} min: {} came back out",
                            a.step_id
                        );
                    }
                }
            }
            before = Some(now);
        }
    }

    #[test]
    fn holds_in_a_row_get_a_rest_even_without_a_target() {
        // A physio's sheet: child's pose × 10, no rest written.
        let mut child = technique::find("childs-pose")
            .expect("listed")
            .step("child");
        child.reps = 10;
        child.rest_secs = 0;
        let fitted = fit(
            &routine(vec![child.clone()]),
            &LengthChoice::default(),
            NO_PAUSES,
        );
        assert_eq!(fitted.run.steps()[0].rest_secs, MIN_REST_BETWEEN_HOLDS_SECS);
        assert_eq!(
            fitted.changes[0].describe(),
            "3 s rest between holds (was 0 s)"
        );
        // A rest that was written is kept; one hold needs none.
        child.rest_secs = 10;
        assert_eq!(rest_between_holds(&child, 10), 10);
        child.reps = 1;
        assert_eq!(rest_between_holds(&child, 0), 0);
        child.sides = Sides::Alternate;
        assert_eq!(rest_between_holds(&child, 0), 3);
    }

    #[test]
    fn more_time_goes_to_rounds_before_a_step_passes_its_usual_top() {
        // Glute bridges: 5–30 a set, 10 a round before rounds are added.
        let bridge = technique::find("glute-bridge")
            .expect("listed")
            .step("bridge");
        assert_eq!(reps_per_round(&bridge), 10);
        let r = routine(vec![bridge]);
        let fitted = fit(&r, &minutes(6), Timing::default());
        assert!(fitted.changes[0].rounds >= 2, "{:?}", fitted.changes[0]);
        assert!(
            fitted.run.steps().iter().all(|s| s.reps <= 10),
            "{:?}",
            doses(&fitted)
        );
        let longest = fit(&r, &minutes(60), Timing::default());
        assert_eq!(doses(&longest), [(15, 30); 3], "only then the range's top");
    }

    #[test]
    fn the_closing_rest_takes_what_is_left_over_and_one_is_added_when_missing() {
        let breathe = technique::find("rest-and-breathe")
            .expect("listed")
            .step("breathe");
        let tilt = technique::find("pelvic-tilt").expect("listed").step("tilt");
        let with_rest = routine(vec![tilt.clone(), breathe]);
        assert!(has_closing_rest(&with_rest));
        for m in 2..=4 {
            let fitted = fit(&with_rest, &minutes(m), Timing::default());
            let rest = fitted.run.steps().last().expect("steps");
            assert!(CLOSING_REST_SECS.contains(&rest.rep_secs) && rest.rep_secs.is_multiple_of(5));
            assert_eq!(fitted.added_rest_secs, None);
        }
        // Pelvic tilts alone: 15 a round, 3 rounds at most (3 × 65 s); 4 minutes needs a rest.
        let without = routine(vec![Step {
            importance: Importance::Essential,
            ..tilt
        }]);
        let fitted = fit(&without, &minutes(4), Timing::default());
        assert_eq!(fitted.reach, Reach::OnTarget, "{} s", fitted.total_secs);
        let added = fitted.run.steps().last().expect("steps");
        assert_eq!(added.id, ADDED_REST_ID);
        assert_eq!(fitted.added_rest_secs, Some(added.rep_secs));
        assert_eq!(
            fitted.note(),
            Some(format!(
                "Ends with {} s of rest and easy breathing to make up 4:00.",
                added.rep_secs
            ))
        );
    }
}
