//! Customising how long a routine lasts: per-step overrides and a whole-routine target length.
//!
//! A target rescales the holds (never the fixed pauses, rests between repetitions or the number
//! of repetitions) in proportion, in whole seconds, keeping each hold within its step's
//! [scaling bounds](crate::routine::Step::scaling_bounds). Holds the person set by hand are
//! pinned and left alone. When the bounds allow, the achieved total is within
//! [`tolerance_secs`] of the target; otherwise the nearest achievable length is used and the
//! result says so.

use serde::{Deserialize, Serialize};

use crate::plan::{Timing, total_secs};
use crate::routine::Routine;
use crate::routine::model::{HOLD_SECS, REPS};

/// A person's length choices for one routine; what the settings remember per routine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LengthChoice {
    /// Whole-routine target, in minutes; `None` keeps the authored holds.
    pub target_minutes: Option<u32>,
    /// Per-step overrides, by step index; missing entries mean "as authored".
    pub steps: Vec<StepOverride>,
}

/// A person's override of one step's dose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepOverride {
    /// Hold in seconds, pinned (target scaling leaves it alone).
    pub hold_secs: Option<u32>,
    /// Repetitions per side.
    pub reps: Option<u32>,
}

/// Allowed whole-routine targets, in minutes.
pub const TARGET_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

/// How far from the target an achieved length may be: ±2 % or ±5 s, whichever is larger.
#[must_use]
pub fn tolerance_secs(target_secs: u32) -> u32 {
    (target_secs.div_ceil(50)).max(5)
}

/// How the achieved length relates to the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// No target was set: the authored (or overridden) holds are used.
    NoTarget,
    /// Within tolerance of the target.
    OnTarget,
    /// The target is shorter than every hold at its shortest allows.
    ShortestPossible,
    /// The target is longer than every hold at its longest allows.
    LongestPossible,
    /// The target lies within the bounds, but whole-second holds with many repetitions cannot
    /// land within tolerance; this is the nearest length found.
    Nearest,
}

/// A routine with a person's length choices applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sized {
    /// The routine with holds and repetitions as they will be run.
    pub routine: Routine,
    /// Its length with the given pauses, in seconds.
    pub total_secs: u32,
    /// The target asked for, in seconds.
    pub target_secs: Option<u32>,
    /// How the length relates to the target.
    pub reach: Reach,
}

impl Sized {
    /// A sentence for the person when the target could not be met, else `None`.
    #[must_use]
    pub fn note(&self) -> Option<String> {
        let target = crate::plan::clock(self.target_secs?);
        let achieved = crate::plan::clock(self.total_secs);
        match self.reach {
            Reach::NoTarget | Reach::OnTarget => None,
            Reach::ShortestPossible => Some(format!(
                "{target} is shorter than this routine can safely be; {achieved} is its shortest."
            )),
            Reach::LongestPossible => Some(format!(
                "{target} is longer than this routine's holds allow; {achieved} is its longest."
            )),
            Reach::Nearest => Some(format!(
                "{achieved} is as close to {target} as whole-second holds allow."
            )),
        }
    }
}

/// Applies a person's length choices to a routine.
#[must_use]
pub fn apply(routine: &Routine, choice: &LengthChoice, timing: Timing) -> Sized {
    let mut sized = routine.clone();
    let mut pinned = vec![false; sized.steps.len()];
    for (index, step) in sized.steps.iter_mut().enumerate() {
        let Some(over) = choice.steps.get(index) else {
            continue;
        };
        if let Some(hold) = over.hold_secs {
            step.hold_secs = hold.clamp(*HOLD_SECS.start(), *HOLD_SECS.end());
            pinned[index] = true;
        }
        if let Some(reps) = over.reps {
            step.reps = reps.clamp(*REPS.start(), *REPS.end());
        }
    }
    match choice.target_minutes {
        None => Sized {
            total_secs: total_secs(&sized, timing),
            routine: sized,
            target_secs: None,
            reach: Reach::NoTarget,
        },
        Some(minutes) => {
            let minutes = minutes.clamp(*TARGET_MINUTES.start(), *TARGET_MINUTES.end());
            scale_to(sized, &pinned, minutes * 60, timing)
        }
    }
}

/// Rescales the unpinned holds so the routine lasts as close to `target_secs` as possible.
#[must_use]
pub fn scale_to(mut routine: Routine, pinned: &[bool], target_secs: u32, timing: Timing) -> Sized {
    let free: Vec<usize> = (0..routine.steps.len())
        .filter(|&i| !pinned.get(i).copied().unwrap_or(false))
        .collect();
    let holds_total = |r: &Routine| -> i64 {
        free.iter()
            .map(|&i| i64::from(r.steps[i].hold_secs * r.steps[i].hold_count()))
            .sum()
    };
    let fixed = i64::from(total_secs(&routine, timing)) - holds_total(&routine);
    let wanted = i64::from(target_secs) - fixed;
    let authored: Vec<u32> = routine.steps.iter().map(|s| s.hold_secs).collect();
    let bounds: Vec<(u32, u32)> = routine
        .steps
        .iter()
        .map(|s| {
            let b = s.scaling_bounds();
            (*b.start(), *b.end())
        })
        .collect();

    // Proportional factor by bisection: the rounded, clamped total grows with the factor.
    let holds_at = |factor: f64, r: &mut Routine| {
        for &i in &free {
            let ideal = (f64::from(authored[i]) * factor).round();
            let (lo, hi) = bounds[i];
            r.steps[i].hold_secs = (ideal.max(0.0) as u32).clamp(lo, hi);
        }
    };
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    holds_at(high, &mut routine);
    while holds_total(&routine) < wanted && high < 1e6 {
        high *= 2.0;
        holds_at(high, &mut routine);
    }
    for _ in 0..64 {
        let mid = f64::midpoint(low, high);
        holds_at(mid, &mut routine);
        if holds_total(&routine) < wanted {
            low = mid;
        } else {
            high = mid;
        }
    }
    holds_at(high, &mut routine);
    let factor = high;

    // Whole-second rounding can leave a gap: close it one second at a time, each time moving
    // the hold that improves the total most while straying least from its proportional ideal.
    let mut gap = wanted - holds_total(&routine);
    while gap != 0 {
        let direction: i64 = gap.signum();
        let best = free
            .iter()
            .copied()
            .filter(|&i| {
                let hold = routine.steps[i].hold_secs;
                let (lo, hi) = bounds[i];
                let room = if direction > 0 { hold < hi } else { hold > lo };
                let weight = i64::from(routine.steps[i].hold_count());
                room && (gap - direction * weight).abs() < gap.abs()
            })
            .min_by(|&a, &b| {
                let stray = |i: usize| {
                    let next = f64::from(routine.steps[i].hold_secs) + direction as f64;
                    let ideal = f64::from(authored[i]) * factor;
                    let weight = f64::from(routine.steps[i].hold_count());
                    // Prefer the heaviest useful move, then the smallest relative stray.
                    (-weight, ((next - ideal) / ideal.max(1.0)).abs())
                };
                stray(a)
                    .partial_cmp(&stray(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        let Some(index) = best else { break };
        let step = &mut routine.steps[index];
        step.hold_secs = step.hold_secs.saturating_add_signed(direction as i32);
        gap = wanted - holds_total(&routine);
    }

    // A gap can remain when every hold that could move repeats too often (a 12-rep step moves
    // the total 12 s at a time) while the lighter ones sit at a bound. Trading seconds between
    // two steps closes it: e.g. the heavy hold down 1 s and a light one up 6 s.
    for _ in 0..8 {
        if gap == 0 {
            break;
        }
        let Some(trade) = best_trade(&routine, &free, &bounds, gap) else {
            break;
        };
        for (index, delta) in [trade.0, trade.1] {
            let step = &mut routine.steps[index];
            step.hold_secs = step.hold_secs.saturating_add_signed(delta as i32);
        }
        gap = wanted - holds_total(&routine);
    }

    // Rarely, only several steps moving together land within tolerance (say two holds down a
    // second each and a third up three). Search small moves of every hold at once.
    if gap.unsigned_abs() > u64::from(tolerance_secs(target_secs)) {
        for (index, delta) in joint_moves(&routine, &free, &bounds, gap) {
            let step = &mut routine.steps[index];
            step.hold_secs = step.hold_secs.saturating_add_signed(delta as i32);
        }
    }

    let total = total_secs(&routine, timing);
    let min_total = fixed
        + free
            .iter()
            .map(|&i| i64::from(bounds[i].0 * routine.steps[i].hold_count()))
            .sum::<i64>();
    let max_total = fixed
        + free
            .iter()
            .map(|&i| i64::from(bounds[i].1 * routine.steps[i].hold_count()))
            .sum::<i64>();
    let target = i64::from(target_secs);
    let reach = if (i64::from(total) - target).abs() <= i64::from(tolerance_secs(target_secs)) {
        Reach::OnTarget
    } else if target < min_total {
        Reach::ShortestPossible
    } else if target > max_total {
        Reach::LongestPossible
    } else {
        Reach::Nearest
    };
    Sized {
        routine,
        total_secs: total,
        target_secs: Some(target_secs),
        reach,
    }
}

/// A change of two holds: (step index, seconds) twice.
type Trade = ((usize, i64), (usize, i64));

/// The trade that brings the holds' total closest to closing `gap`, if any trade makes the gap
/// strictly smaller.
fn best_trade(routine: &Routine, free: &[usize], bounds: &[(u32, u32)], gap: i64) -> Option<Trade> {
    const REACH: i64 = 60;
    let room = |i: usize, delta: i64| {
        let hold = i64::from(routine.steps[i].hold_secs);
        let (lo, hi) = bounds[i];
        (i64::from(lo)..=i64::from(hi)).contains(&(hold + delta))
    };
    let weight = |i: usize| i64::from(routine.steps[i].hold_count());
    let mut best: Option<(i64, i64, Trade)> = None;
    for &i in free {
        for &j in free {
            if i == j {
                continue;
            }
            for a in -REACH..=REACH {
                if a == 0 || !room(i, a) {
                    continue;
                }
                let rest = gap - a * weight(i);
                let b = (rest as f64 / weight(j) as f64).round() as i64;
                if !room(j, b) {
                    continue;
                }
                let left = (rest - b * weight(j)).abs();
                let moved = a.abs() + b.abs();
                if left < gap.abs() && best.is_none_or(|(l, m, _)| (left, moved) < (l, m)) {
                    best = Some((left, moved, ((i, a), (j, b))));
                }
            }
        }
    }
    best.map(|(_, _, trade)| trade)
}

/// Moves of every free hold by at most [`JOINT_REACH`] seconds that bring the holds' total
/// closest to closing `gap` (fewest seconds moved among equals), found by dynamic programming
/// over the running sum. Empty when nothing improves on the gap.
fn joint_moves(
    routine: &Routine,
    free: &[usize],
    bounds: &[(u32, u32)],
    gap: i64,
) -> Vec<(usize, i64)> {
    let weight = |i: usize| i64::from(routine.steps[i].hold_count());
    let heaviest = free.iter().map(|&i| weight(i)).max().unwrap_or(1);
    // Running sums outside this window are not followed; wide enough for every useful move.
    let window = gap.abs() + 2 * heaviest * JOINT_REACH;
    let width = usize::try_from(2 * window + 1).unwrap_or(0);
    let slot = |sum: i64| usize::try_from(sum + window).ok().filter(|&s| s < width);
    // Slots are below `width`, which came from an i64, so they convert back losslessly.
    let sum_at = |slot: usize| i64::try_from(slot).unwrap_or(i64::MAX) - window;
    // best[k][slot] = (seconds moved, this step's move) for the first k steps.
    let mut best: Vec<Vec<Option<(i64, i64)>>> = vec![vec![None; width]; free.len() + 1];
    if let Some(zero) = slot(0) {
        best[0][zero] = Some((0, 0));
    }
    for (k, &i) in free.iter().enumerate() {
        let hold = i64::from(routine.steps[i].hold_secs);
        let (lo, hi) = (i64::from(bounds[i].0), i64::from(bounds[i].1));
        for from in 0..width {
            let Some((moved, _)) = best[k][from] else {
                continue;
            };
            let sum = sum_at(from);
            for delta in (-JOINT_REACH..=JOINT_REACH).filter(|d| (lo..=hi).contains(&(hold + d))) {
                let Some(to) = slot(sum + delta * weight(i)) else {
                    continue;
                };
                let cost = moved + delta.abs();
                if best[k + 1][to].is_none_or(|(c, _)| cost < c) {
                    best[k + 1][to] = Some((cost, delta));
                }
            }
        }
    }
    let last = &best[free.len()];
    let Some(end) = (0..width)
        .filter_map(|s| last[s].map(|(cost, _)| ((gap - sum_at(s)).abs(), cost, s)))
        .min()
        .filter(|&(left, _, _)| left < gap.abs())
        .map(|(_, _, s)| s)
    else {
        return Vec::new();
    };
    let mut moves = Vec::new();
    let mut at = end;
    for k in (0..free.len()).rev() {
        let Some((_, delta)) = best[k + 1][at] else {
            break;
        };
        moves.push((free[k], delta));
        let Some(previous) = slot(sum_at(at) - delta * weight(free[k])) else {
            break;
        };
        at = previous;
    }
    moves
}

/// How far [`joint_moves`] moves any one hold, in seconds.
const JOINT_REACH: i64 = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::StepKind;
    use crate::routine::model::tests::{routine, step};

    fn holds(sized: &Sized) -> Vec<u32> {
        sized.routine.steps.iter().map(|s| s.hold_secs).collect()
    }

    #[test]
    fn tolerance_is_two_percent_or_five_seconds() {
        assert_eq!(tolerance_secs(60), 5);
        assert_eq!(tolerance_secs(250), 5);
        assert_eq!(tolerance_secs(600), 12);
        assert_eq!(tolerance_secs(601), 13);
    }

    #[test]
    fn a_target_scales_holds_in_proportion_and_lands_exactly_when_it_can() {
        // Two stretches, 20 s and 40 s, once each, default pauses: 5+20 + 5+40 = 70 s.
        let r = routine(vec![step("A", 20, 1, false), step("B", 40, 1, false)]);
        let sized = scale_to(r, &[], 100, Timing::default());
        // 90 s of holds wanted: 30 + 60.
        assert_eq!(holds(&sized), [30, 60]);
        assert_eq!((sized.total_secs, sized.reach), (100, Reach::OnTarget));
    }

    #[test]
    fn pauses_reps_and_rests_are_never_scaled() {
        let mut a = step("A", 20, 3, true);
        a.rest_secs = 10;
        let sized = apply(
            &routine(vec![a]),
            &LengthChoice {
                target_minutes: Some(5),
                steps: vec![],
            },
            Timing::default(),
        );
        let s = &sized.routine.steps[0];
        assert_eq!((s.reps, s.rest_secs), (3, 10));
        // total = 5 get ready + 5 switch + 2 × (3 × hold + 2 × 10 rest) = 50 + 6 × hold; for
        // 300 s the hold is 41.67: 42 gives 302 and 41 gives 296, so 42 is the nearest.
        assert_eq!(s.hold_secs, 42);
        assert_eq!((sized.total_secs, sized.reach), (302, Reach::OnTarget));
    }

    #[test]
    fn holds_stay_in_their_kinds_bounds_and_the_limit_is_reported() {
        let mut massage = step("Ball", 60, 1, true);
        massage.kind = StepKind::SelfMassage;
        let r = routine(vec![massage, step("A", 20, 1, false)]);
        let short = apply(
            &r,
            &LengthChoice {
                target_minutes: Some(1),
                steps: vec![],
            },
            Timing::default(),
        );
        assert_eq!(holds(&short), [30, 5]);
        assert_eq!(short.reach, Reach::ShortestPossible);
        assert_eq!(short.total_secs, 5 + 30 + 5 + 30 + 5 + 5);
        assert_eq!(
            short.note().as_deref(),
            Some("1:00 is shorter than this routine can safely be; 1:20 is its shortest.")
        );
        let long = apply(
            &r,
            &LengthChoice {
                target_minutes: Some(60),
                steps: vec![],
            },
            Timing::default(),
        );
        assert_eq!(holds(&long), [120, 60]);
        assert_eq!(long.reach, Reach::LongestPossible);
    }

    #[test]
    fn overrides_apply_and_pinned_holds_are_not_rescaled() {
        let r = routine(vec![step("A", 20, 2, false), step("B", 20, 1, false)]);
        let choice = LengthChoice {
            target_minutes: Some(2),
            steps: vec![StepOverride {
                hold_secs: Some(15),
                reps: Some(4),
            }],
        };
        let sized = apply(&r, &choice, Timing::default());
        assert_eq!(sized.routine.steps[0].hold_secs, 15);
        assert_eq!(sized.routine.steps[0].reps, 4);
        // 120 = 5 + 4 × 15 + 5 + hold → hold = 50.
        assert_eq!(sized.routine.steps[1].hold_secs, 50);
        assert_eq!(sized.total_secs, 120);
    }

    #[test]
    fn a_trade_between_a_heavy_and_a_light_hold_reaches_the_target() {
        // A: 3 s once (at its lowest); B: 5 s × 12. 69 s is exactly 9 + 12 × 5.
        let r = routine(vec![step("A", 3, 1, false), step("B", 5, 12, false)]);
        let sized = scale_to(
            r,
            &[],
            69,
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        assert_eq!((sized.total_secs, sized.reach), (69, Reach::OnTarget));
        assert_eq!(holds(&sized), [9, 5]);
    }

    #[test]
    fn several_holds_move_together_when_no_pair_can() {
        // Weights 42, 42 and 36; the last hold is at its lowest. 626 s needs two heavy holds
        // down a second each and the light one up three (or similar).
        let mut a = step("A", 6, 21, true);
        a.hold_secs = 6;
        let r = routine(vec![a.clone(), a, step("C", 3, 18, true)]);
        let sized = scale_to(
            r,
            &[],
            626,
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        assert!(
            sized.total_secs.abs_diff(626) <= tolerance_secs(626),
            "{}",
            sized.total_secs
        );
        assert_eq!(sized.reach, Reach::OnTarget);
    }

    #[test]
    fn no_target_keeps_the_authored_length() {
        let r = routine(vec![step("A", 20, 2, true)]);
        let sized = apply(&r, &LengthChoice::default(), Timing::default());
        assert_eq!(sized.routine, r);
        assert_eq!(
            (sized.total_secs, sized.reach, sized.note()),
            (90, Reach::NoTarget, None)
        );
    }

    #[test]
    fn out_of_range_choices_are_clamped_not_trusted() {
        let r = routine(vec![step("A", 20, 1, false)]);
        let choice = LengthChoice {
            target_minutes: None,
            steps: vec![StepOverride {
                hold_secs: Some(9_999),
                reps: Some(0),
            }],
        };
        let s = &apply(&r, &choice, Timing::default()).routine.steps[0];
        assert_eq!((s.hold_secs, s.reps), (600, 1));
    }
}
