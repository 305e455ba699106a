//! Fitting a routine to a length: a person's per-step choices and a whole-routine target turned
//! into the doses that will be run, with what changed and why.
//!
//! **What fitting may change.** Each step's dose stays inside its technique's effective range
//! ([`Step::dose_range`]); a held stretch keeps at least [`MIN_STRETCH_SECS_PER_SIDE`] under
//! stretch per side (repetitions × hold), so a short hold comes with more repetitions, never
//! alone; a movement's tempo never changes, only how many there are. Values the person set by
//! hand are kept as set. Pauses (get ready, switch sides) and rests between repetitions are
//! never changed.
//!
//! **In what order.** Shorter: first fewer repetitions (toward each range's minimum), then
//! shorter holds (toward theirs), and only when the routine still cannot be short enough,
//! whole steps are left out, optional ones first, then normal ones, last in the routine first;
//! essential steps and steps the person set by hand are never left out. Longer: first more
//! repetitions, then longer holds, up to each range's maximum. All in whole seconds.
//!
//! **How close.** Within [`tolerance_secs`] (±2 % or ±5 s) of the target whenever the ranges
//! allow; otherwise the nearest length found, and [`Fitted::note`] says so. Every step's change
//! is reported in [`Fitted::changes`] ("20 s (was 30 s)", "2 reps (was 3)", "left out to fit").
//!
//! **Bounded.** Every phase is a bounded loop over at most 60 steps; the largest routine the
//! format allows fits in well under a millisecond and allocates only its result.
//!
//! [`MIN_STRETCH_SECS_PER_SIDE`]: crate::core::routine::model::MIN_STRETCH_SECS_PER_SIDE

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::plan::{Timing, clock, step_secs};
use crate::core::routine::model::{REPS, TEMPO_SECS};
use crate::core::routine::{Importance, Pattern, Routine, Step};

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
            if let Some(step) = routine.steps.get(position)
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

/// How far from the target a fitted length may be: ±2 % or ±5 s, whichever is larger.
#[must_use]
pub fn tolerance_secs(target_secs: u32) -> u32 {
    (target_secs.div_ceil(50)).max(5)
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
    /// The target is longer than every range's maximum allows.
    LongestPossible,
    /// The target lies within the ranges, but whole seconds and repetitions cannot land within
    /// tolerance; this is the nearest length found.
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
    /// Repetitions per side, written → fitted, when they differ.
    pub reps: Option<(u32, u32)>,
    /// The step is not run at this length.
    pub left_out: bool,
    /// The person set the hold or the repetitions by hand; fitting kept them.
    pub set_by_hand: bool,
}

impl StepChange {
    /// Whether anything differs from the routine as written.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.left_out || self.secs.is_some() || self.reps.is_some()
    }

    /// The change in a few words: "20 s (was 30 s) · 2 reps (was 3)", "left out to fit", "set by
    /// you"; empty when nothing changed.
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
        if self.set_by_hand {
            parts.push("set by you".to_owned());
        }
        parts.join(" · ")
    }
}

/// A routine fitted to a person's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fitted {
    /// The routine as it will be run: the steps kept, with their fitted doses.
    pub routine: Routine,
    /// Its length with the given pauses, in seconds.
    pub total_secs: u32,
    /// The target asked for, in seconds.
    pub target_secs: Option<u32>,
    /// How the length relates to the target.
    pub reach: Reach,
    /// One entry per step of the routine as written, in its order.
    pub changes: Vec<StepChange>,
}

impl Fitted {
    /// A sentence for the person when the target could not be met, else `None`.
    #[must_use]
    pub fn note(&self) -> Option<String> {
        let target = clock(self.target_secs?);
        let achieved = clock(self.total_secs);
        match self.reach {
            Reach::NoTarget | Reach::OnTarget => None,
            Reach::ShortestPossible => Some(format!(
                "{target} is shorter than this routine can be done well; {achieved} is its shortest."
            )),
            Reach::LongestPossible => Some(format!(
                "{target} is longer than this routine's doses allow; {achieved} is its longest."
            )),
            Reach::Nearest => Some(format!(
                "{achieved} is as close to {target} as whole seconds and repetitions allow."
            )),
        }
    }

    /// How many steps are left out at this length.
    #[must_use]
    pub fn left_out(&self) -> usize {
        self.changes.iter().filter(|c| c.left_out).count()
    }
}

/// One step while it is being fitted: its dose, what it may become, and whether it runs.
#[derive(Clone)]
struct Slot {
    step: Step,
    secs_range: (u32, u32),
    reps_range: (u32, u32),
    /// Least repetitions × seconds per side.
    floor: u32,
    secs_pinned: bool,
    reps_pinned: bool,
    included: bool,
}

impl Slot {
    fn len(&self, timing: Timing) -> u32 {
        if self.included {
            step_secs(&self.step, timing)
        } else {
            0
        }
    }

    fn valid(&self, secs: u32, reps: u32) -> bool {
        let (lo, hi) = self.secs_range;
        let (rlo, rhi) = self.reps_range;
        (lo..=hi).contains(&secs) && (rlo..=rhi).contains(&reps) && secs * reps >= self.floor
    }

    /// The length of this step at a dose, without changing it.
    fn len_at(&self, secs: u32, reps: u32, timing: Timing) -> u32 {
        let mut step = self.step.clone();
        step.rep_secs = secs;
        step.reps = reps;
        step_secs(&step, timing)
    }

    /// The shortest dose this step allows: fewest repetitions, then the shortest hold that keeps
    /// the floor.
    fn shortest(&self) -> (u32, u32) {
        let reps = if self.reps_pinned {
            self.step.reps
        } else {
            self.reps_range.0
        };
        let secs = if self.secs_pinned {
            self.step.rep_secs
        } else {
            self.secs_range
                .0
                .max(self.floor.div_ceil(reps.max(1)))
                .min(self.secs_range.1)
        };
        (secs, reps)
    }

    fn longest(&self) -> (u32, u32) {
        let reps = if self.reps_pinned {
            self.step.reps
        } else {
            self.reps_range.1
        };
        let secs = if self.secs_pinned {
            self.step.rep_secs
        } else {
            self.secs_range.1
        };
        (secs, reps)
    }
}

/// Applies a person's length choices to a routine (see the module docs for the rules).
#[must_use]
pub fn fit(routine: &Routine, choice: &LengthChoice, timing: Timing) -> Fitted {
    let mut slots: Vec<Slot> = routine
        .steps
        .iter()
        .enumerate()
        .map(|(position, step)| slot(step, choice.for_step(&step.id, position)))
        .collect();
    let total = |slots: &[Slot]| slots.iter().map(|s| s.len(timing)).sum::<u32>();
    let (target_secs, reach) = match choice.target_minutes {
        None => (None, Reach::NoTarget),
        Some(minutes) => {
            let target = minutes.clamp(*TARGET_MINUTES.start(), *TARGET_MINUTES.end()) * 60;
            (Some(target), fit_to(&mut slots, target, timing))
        }
    };
    let changes = routine
        .steps
        .iter()
        .zip(&slots)
        .map(|(written, slot)| StepChange {
            step_id: written.id.clone(),
            pattern: written.pattern,
            secs: (written.rep_secs != slot.step.rep_secs)
                .then_some((written.rep_secs, slot.step.rep_secs)),
            reps: (written.reps != slot.step.reps).then_some((written.reps, slot.step.reps)),
            left_out: !slot.included,
            set_by_hand: slot.secs_pinned || slot.reps_pinned,
        })
        .collect();
    let total_secs = total(&slots);
    let mut fitted = routine.clone();
    fitted.steps = slots
        .into_iter()
        .filter(|s| s.included)
        .map(|s| s.step)
        .collect();
    Fitted {
        routine: fitted,
        total_secs,
        target_secs,
        reach,
        changes,
    }
}

/// A step with the person's choice applied, ready to fit.
fn slot(step: &Step, over: StepOverride) -> Slot {
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
    let secs_range = if step.pattern == Pattern::Moves {
        // A movement keeps its tempo.
        (step.rep_secs, step.rep_secs)
    } else {
        (*range.secs.start(), *range.secs.end())
    };
    debug_assert!(TEMPO_SECS.contains(&secs_range.0) || step.pattern == Pattern::Hold);
    Slot {
        floor: if secs_pinned || reps_pinned { 0 } else { floor },
        secs_range,
        reps_range: (*range.reps.start(), *range.reps.end()),
        secs_pinned,
        reps_pinned,
        included: true,
        step,
    }
}

/// Moves the free doses of `slots` toward `target` seconds; returns how close it came.
fn fit_to(slots: &mut [Slot], target: u32, timing: Timing) -> Reach {
    let tolerance = tolerance_secs(target);
    let total = |slots: &[Slot]| slots.iter().map(|s| s.len(timing)).sum::<u32>();
    let min_total = |slots: &[Slot]| -> u32 {
        slots
            .iter()
            .filter(|s| s.included)
            .map(|s| {
                let (secs, reps) = s.shortest();
                s.len_at(secs, reps, timing)
            })
            .sum()
    };
    let max_total: u32 = slots
        .iter()
        .map(|s| {
            let (secs, reps) = s.longest();
            s.len_at(secs, reps, timing)
        })
        .sum();

    if total(slots) > target + tolerance {
        // Leave out whole steps only when every dose at its minimum is still too long.
        while min_total(slots) > target + tolerance {
            let Some(index) = next_to_leave_out(slots) else {
                break;
            };
            slots[index].included = false;
        }
        fewer_reps(slots, target, tolerance, timing);
        scale_holds(slots, target, timing, false);
    } else if total(slots) + tolerance < target {
        more_reps(slots, target, tolerance, timing);
        scale_holds(slots, target, timing, true);
    }
    fine_tune(slots, target, timing);
    if total(slots).abs_diff(target) > tolerance {
        trade_reps_for_holds(slots, target, tolerance, timing);
    }

    let reached = total(slots);
    if reached.abs_diff(target) <= tolerance {
        Reach::OnTarget
    } else if reached > target && reached <= min_total(slots) {
        Reach::ShortestPossible
    } else if reached < target && reached >= max_total {
        Reach::LongestPossible
    } else {
        Reach::Nearest
    }
}

/// The step to leave out next: the least important, last in the routine first; never an
/// essential step, a step the person set by hand, or the last step left.
fn next_to_leave_out(slots: &[Slot]) -> Option<usize> {
    if slots.iter().filter(|s| s.included).count() <= 1 {
        return None;
    }
    slots
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.included
                && s.step.importance != Importance::Essential
                && !s.secs_pinned
                && !s.reps_pinned
        })
        .min_by_key(|(index, s)| (s.step.importance, std::cmp::Reverse(*index)))
        .map(|(index, _)| index)
}

/// Takes repetitions away, one at a time from the step that has lost the fewest so far, while
/// the routine is too long and the step stays above its minimum and its floor.
fn fewer_reps(slots: &mut [Slot], target: u32, tolerance: u32, timing: Timing) {
    loop {
        let now: u32 = slots.iter().map(|s| s.len(timing)).sum();
        if now <= target + tolerance {
            return;
        }
        let best = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.included && !s.reps_pinned && s.step.reps > s.reps_range.0)
            .filter(|(_, s)| s.valid(s.step.rep_secs, s.step.reps - 1))
            .filter(|(_, s)| {
                let saved = s.len(timing) - s.len_at(s.step.rep_secs, s.step.reps - 1, timing);
                now - saved + tolerance >= target
            })
            .max_by_key(|(index, s)| {
                (
                    s.step.reps * 1000 / s.reps_range.1.max(1),
                    std::cmp::Reverse(*index),
                )
            })
            .map(|(index, _)| index);
        let Some(index) = best else { return };
        slots[index].step.reps -= 1;
    }
}

/// Adds repetitions, one at a time to the step that has gained the fewest so far, while the
/// routine is too short and the addition does not overshoot.
fn more_reps(slots: &mut [Slot], target: u32, tolerance: u32, timing: Timing) {
    loop {
        let now: u32 = slots.iter().map(|s| s.len(timing)).sum();
        if now + tolerance >= target {
            return;
        }
        let best = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.included && !s.reps_pinned && s.step.reps < s.reps_range.1)
            .filter(|(_, s)| s.valid(s.step.rep_secs, s.step.reps + 1))
            .filter(|(_, s)| {
                let added = s.len_at(s.step.rep_secs, s.step.reps + 1, timing) - s.len(timing);
                now + added <= target + tolerance
            })
            .min_by_key(|(index, s)| (s.step.reps * 1000 / s.reps_range.1.max(1), *index))
            .map(|(index, _)| index);
        let Some(index) = best else { return };
        slots[index].step.reps += 1;
    }
}

/// Moves every free hold the same share of the way toward its limit (its shortest, or its
/// longest when `longer`), the share found by bisection so the total lands just past the
/// target; [`fine_tune`] closes the rest.
fn scale_holds(slots: &mut [Slot], target: u32, timing: Timing, longer: bool) {
    let start: Vec<u32> = slots.iter().map(|s| s.step.rep_secs).collect();
    let limit: Vec<u32> = slots
        .iter()
        .map(|s| {
            if longer {
                s.secs_range.1
            } else {
                s.secs_range.0.max(s.floor.div_ceil(s.step.reps.max(1)))
            }
        })
        .collect();
    let apply = |slots: &mut [Slot], share: f64| {
        for (i, slot) in slots.iter_mut().enumerate() {
            if slot.included && !slot.secs_pinned && slot.secs_range.0 < slot.secs_range.1 {
                let from = f64::from(start[i]);
                let to = f64::from(limit[i]);
                let secs = (from + (to - from) * share).round() as u32;
                slot.step.rep_secs = secs.clamp(slot.secs_range.0, slot.secs_range.1);
            }
        }
    };
    let total = |slots: &[Slot]| slots.iter().map(|s| s.len(timing)).sum::<u32>();
    let past = |slots: &[Slot]| {
        if longer {
            total(slots) >= target
        } else {
            total(slots) <= target
        }
    };
    apply(slots, 1.0);
    if !past(slots) {
        return; // Even at the limit the target is not reached: stay at the limit.
    }
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    for _ in 0..40 {
        let mid = f64::midpoint(low, high);
        apply(slots, mid);
        if past(slots) {
            high = mid;
        } else {
            low = mid;
        }
    }
    apply(slots, high);
}

/// When single moves toward the target cannot land within tolerance, one step's repetitions
/// may have to go the other way while holds make up the difference (one repetition fewer of a
/// long hold on each side, a longer hold elsewhere). Tries each step at every repetition count
/// of its range (up to three more or fewer when the range is wider than 16), with the hold its
/// floor then needs, each followed by the holds scaled and fine-tuned toward the target, and
/// keeps the best; up to three rounds. Bounded: at most 3 × 16 × 60 trials.
fn trade_reps_for_holds(slots: &mut [Slot], target: u32, tolerance: u32, timing: Timing) {
    let total = |slots: &[Slot]| slots.iter().map(|s| s.len(timing)).sum::<u32>();
    for _ in 0..3 {
        let gap = total(slots).abs_diff(target);
        if gap <= tolerance {
            return;
        }
        let mut best: Option<(u32, Vec<Slot>)> = None;
        for index in 0..slots.len() {
            let slot = &slots[index];
            if !slot.included || slot.reps_pinned {
                continue;
            }
            // Every count of a narrow range (at most 16: ranges from sources are a few reps
            // wide), else up to three either way.
            let (low, high) = slot.reps_range;
            let near = if high - low <= 15 {
                low..=high
            } else {
                slot.step.reps.saturating_sub(3).max(low)..=(slot.step.reps + 3).min(high)
            };
            for reps in near {
                // Fewer repetitions may need a longer hold to keep the time under stretch.
                let secs = if slot.secs_pinned {
                    slot.step.rep_secs
                } else {
                    slot.step.rep_secs.max(slot.floor.div_ceil(reps.max(1)))
                };
                if reps == slot.step.reps || !slot.valid(secs, reps) {
                    continue;
                }
                let mut trial = slots.to_vec();
                trial[index].step.reps = reps;
                trial[index].step.rep_secs = secs;
                let longer = total(&trial) < target;
                scale_holds(&mut trial, target, timing, longer);
                fine_tune(&mut trial, target, timing);
                let left = total(&trial).abs_diff(target);
                if left < gap && best.as_ref().is_none_or(|(b, _)| left < *b) {
                    best = Some((left, trial));
                }
            }
        }
        let Some((_, better)) = best else { return };
        slots.clone_from_slice(&better);
    }
}

/// Closes the last seconds of the gap one unit at a time: each round makes the single move (a
/// hold a second longer or shorter, or one repetition more or fewer) that brings the total
/// closest to the target, preferring holds; stops when no move helps. Bounded by the gap.
fn fine_tune(slots: &mut [Slot], target: u32, timing: Timing) {
    for _ in 0..10_000 {
        let now: u32 = slots.iter().map(|s| s.len(timing)).sum();
        if now == target {
            return;
        }
        let gap = now.abs_diff(target);
        let longer = now < target;
        let mut best: Option<(u32, u8, usize, u32, u32)> = None;
        for (index, slot) in slots.iter().enumerate() {
            if !slot.included {
                continue;
            }
            let (secs, reps) = (slot.step.rep_secs, slot.step.reps);
            let mut moves: Vec<(u8, u32, u32)> = Vec::with_capacity(2);
            if !slot.secs_pinned {
                let next = if longer {
                    secs.checked_add(1)
                } else {
                    secs.checked_sub(1)
                };
                if let Some(next) = next {
                    moves.push((0, next, reps));
                }
            }
            if !slot.reps_pinned {
                let next = if longer {
                    reps.checked_add(1)
                } else {
                    reps.checked_sub(1)
                };
                if let Some(next) = next {
                    moves.push((1, secs, next));
                }
            }
            for (kind, secs, reps) in moves {
                if !slot.valid(secs, reps) {
                    continue;
                }
                let after = now - slot.len(timing) + slot.len_at(secs, reps, timing);
                let left = after.abs_diff(target);
                if left < gap && best.is_none_or(|(l, k, ..)| (left, kind) < (l, k)) {
                    best = Some((left, kind, index, secs, reps));
                }
            }
        }
        let Some((_, _, index, secs, reps)) = best else {
            return;
        };
        slots[index].step.rep_secs = secs;
        slots[index].step.reps = reps;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::Sides;
    use crate::core::routine::StepKind;
    use crate::core::routine::model::tests::{moves, routine, step};

    fn doses(fitted: &Fitted) -> Vec<(u32, u32)> {
        fitted
            .routine
            .steps
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
    fn tolerance_is_two_percent_or_five_seconds() {
        assert_eq!(tolerance_secs(60), 5);
        assert_eq!(tolerance_secs(250), 5);
        assert_eq!(tolerance_secs(600), 12);
        assert_eq!(tolerance_secs(601), 13);
    }

    #[test]
    fn no_target_keeps_the_written_doses() {
        let r = routine(vec![step("A", 20, 2, true)]);
        let fitted = fit(&r, &LengthChoice::default(), Timing::default());
        assert_eq!(fitted.routine, r);
        assert_eq!(
            (fitted.total_secs, fitted.reach, fitted.note()),
            (90, Reach::NoTarget, None)
        );
        assert!(fitted.changes.iter().all(|c| !c.is_change()));
    }

    #[test]
    fn shorter_takes_repetitions_first_then_holds() {
        // 30 s × 3, range 10–60 s × 1–4: 90 s. Asking for 60 s takes one repetition away.
        let r = routine(vec![step("A", 30, 3, false)]);
        let fitted = fit(&r, &minutes(1), NO_PAUSES);
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
        let s = &fitted.routine.steps[0];
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
            let tilt = &fitted.routine.steps[0];
            assert_eq!(tilt.rep_secs, 4);
            assert!(
                (5..=15).contains(&tilt.reps),
                "{m} min: {} moves",
                tilt.reps
            );
        }
    }

    #[test]
    fn longer_adds_repetitions_first_then_holds_up_to_the_range() {
        let r = routine(vec![step("A", 20, 2, false)]);
        let fitted = fit(&r, &minutes(3), NO_PAUSES);
        // 1–4 reps, 10–60 s: 4 × 45 = 180.
        assert_eq!(doses(&fitted), [(45, 4)]);
        let longest = fit(&r, &minutes(30), NO_PAUSES);
        assert_eq!(doses(&longest), [(60, 4)]);
        assert_eq!(longest.reach, Reach::LongestPossible);
        assert_eq!(
            longest.note().as_deref(),
            Some("30:00 is longer than this routine's doses allow; 4:00 is its longest.")
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
        let kept: Vec<&str> = fitted
            .routine
            .steps
            .iter()
            .map(|s| s.name.as_str())
            .collect();
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
            "15 s (was 20 s) · 4 reps (was 2) · set by you"
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
        let short = fit(&r, &minutes(1), Timing::default());
        assert_eq!(short.routine.steps[0].rep_secs, 30);
        assert_eq!(short.reach, Reach::ShortestPossible);
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
    fn fewer_repetitions_with_longer_holds_can_land_where_single_moves_cannot() {
        // Found by the reach sweep: held, alternating, 5 s × 1, a 9 s get-ready; 6 minutes needs
        // 2 × reps × hold between 343 and 359 s, which 15 reps (where adding reps stops) cannot
        // give with whole seconds, but 11 × 16 s can.
        let mut s = step("Sway", 5, 1, false);
        s.kind = crate::core::routine::StepKind::Mobility;
        s.sides = Sides::Alternate;
        let timing = Timing {
            get_ready_secs: 9,
            switch_secs: 0,
        };
        let fitted = fit(&routine(vec![s]), &minutes(6), timing);
        assert_eq!(fitted.reach, Reach::OnTarget, "{} s", fitted.total_secs);
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
}
