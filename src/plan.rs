//! The timed plan: a routine and its chosen lengths expanded into segments and cues with exact
//! start offsets in whole seconds.

/// A sound the player makes at a planned moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A hold (or a rest step) begins: "go".
    StepStart,
    /// Half of a hold of at least 20 s has passed.
    Halfway,
    /// The last seconds of a hold: 3, 2, 1.
    Countdown(u8),
    /// The left side is done; change to the right side.
    SwitchSides,
    /// A hold ends: "release".
    StepEnd,
    /// The whole routine is finished.
    RoutineDone,
}

use crate::routine::{Routine, Side, StepKind};

/// Holds at least this long get a halfway cue.
pub const HALFWAY_MIN_HOLD_SECS: u32 = 20;
/// Holds at least this long get a 3-2-1 countdown before they end.
pub const COUNTDOWN_MIN_HOLD_SECS: u32 = 10;

/// The fixed pauses a plan inserts around holds, in whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// "Get ready" before each step (0–30 s; default 5 s).
    pub get_ready_secs: u32,
    /// Pause to change sides on per-side steps (0–30 s; default 5 s).
    pub switch_secs: u32,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            get_ready_secs: 5,
            switch_secs: 5,
        }
    }
}

/// The allowed range of both fixed pauses, in seconds.
pub const PAUSE_SECS: std::ops::RangeInclusive<u32> = 0..=30;

/// What happens during a segment of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// Get into position for the step.
    GetReady,
    /// Hold the stretch, massage the area, or rest (for rest steps).
    Hold,
    /// Rest between two repetitions.
    RepRest,
    /// Change from the left side to the right.
    Switch,
}

/// A stretch of time in the plan with one thing to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Index of the step in the routine.
    pub step: usize,
    /// What happens.
    pub kind: SegmentKind,
    /// The side, on per-side steps (the switch segment carries the side that comes next).
    pub side: Option<Side>,
    /// The repetition, counting from 1 (for holds and the rests after them).
    pub rep: u32,
    /// Offset from the start of the routine, in seconds.
    pub start_secs: u32,
    /// Length in seconds (never 0: empty segments are left out).
    pub secs: u32,
}

impl Segment {
    /// Offset of the end of the segment, in seconds.
    #[must_use]
    pub fn end_secs(&self) -> u32 {
        self.start_secs + self.secs
    }
}

/// A cue with the moment it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedCue {
    /// Offset from the start of the routine, in seconds.
    pub at_secs: u32,
    /// The sound.
    pub cue: Cue,
    /// Index of the step the cue belongs to.
    pub step: usize,
}

/// Where one step lies in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepSpan {
    /// Offset of its start (the start of its get-ready), in seconds.
    pub start_secs: u32,
    /// Offset of its end (the end of its last hold), in seconds.
    pub end_secs: u32,
}

/// A routine expanded into consecutive segments and the cues they carry.
///
/// Invariants: segments are consecutive (each starts where the previous one ends) and start at
/// 0; cues are sorted by time; exactly one [`Cue::RoutineDone`] is due, at [`Plan::total_secs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The routine as it will be run (with chosen lengths applied).
    pub routine: Routine,
    /// The fixed pauses used.
    pub timing: Timing,
    /// Every segment, in order.
    pub segments: Vec<Segment>,
    /// Every cue, in order of time.
    pub cues: Vec<PlannedCue>,
    /// Where each step lies, by step index.
    pub steps: Vec<StepSpan>,
    /// Length of the whole routine, in seconds.
    pub total_secs: u32,
}

/// The length in seconds of a routine run with the given pauses, without building the plan.
#[must_use]
pub fn total_secs(routine: &Routine, timing: Timing) -> u32 {
    routine
        .steps
        .iter()
        .map(|step| {
            let one_side = step.reps * step.hold_secs + (step.reps - 1) * step.rest_secs;
            let switch = if step.per_side { timing.switch_secs } else { 0 };
            timing.get_ready_secs + step.sides() * one_side + switch
        })
        .sum()
}

impl Plan {
    /// Expands a routine into its timed plan.
    ///
    /// Each step is: get ready, then for each side (left first on per-side steps) every
    /// repetition's hold with the rest between repetitions; per-side steps put a switch pause
    /// between the sides. Cues: [`Cue::StepStart`] when a hold begins; [`Cue::Halfway`] at
    /// half of holds of at least [`HALFWAY_MIN_HOLD_SECS`]; [`Cue::Countdown`] 3, 2, 1 seconds
    /// before holds of at least [`COUNTDOWN_MIN_HOLD_SECS`] end; at a hold's end
    /// [`Cue::StepEnd`], or [`Cue::SwitchSides`] after the left side's last hold, or
    /// [`Cue::RoutineDone`] after the routine's last hold.
    #[must_use]
    pub fn new(routine: Routine, timing: Timing) -> Self {
        let mut builder = Builder::default();
        let last_step = routine.steps.len().saturating_sub(1);
        for (index, step) in routine.steps.iter().enumerate() {
            let step_start = builder.now;
            builder.segment(index, SegmentKind::GetReady, None, 0, timing.get_ready_secs);
            let sides: &[Option<Side>] = if step.per_side {
                &[Some(Side::Left), Some(Side::Right)]
            } else {
                &[None]
            };
            for (side_index, &side) in sides.iter().enumerate() {
                let last_side = side_index + 1 == sides.len();
                for rep in 1..=step.reps {
                    let hold_start = builder.now;
                    builder.hold_cues(index, hold_start, step.hold_secs, step.kind);
                    builder.segment(index, SegmentKind::Hold, side, rep, step.hold_secs);
                    let last_rep = rep == step.reps;
                    let end_cue = match (last_rep, last_side) {
                        (true, true) if index == last_step => Cue::RoutineDone,
                        (true, false) => Cue::SwitchSides,
                        _ => Cue::StepEnd,
                    };
                    builder.cue(builder.now, end_cue, index);
                    if !last_rep {
                        builder.segment(index, SegmentKind::RepRest, side, rep, step.rest_secs);
                    }
                }
                if !last_side {
                    builder.segment(
                        index,
                        SegmentKind::Switch,
                        Some(Side::Right),
                        0,
                        timing.switch_secs,
                    );
                }
            }
            builder.steps.push(StepSpan {
                start_secs: step_start,
                end_secs: builder.now,
            });
        }
        Self {
            routine,
            timing,
            segments: builder.segments,
            cues: builder.cues,
            steps: builder.steps,
            total_secs: builder.now,
        }
    }

    /// The segment running at `secs` from the start (the last one at or after the end).
    #[must_use]
    pub fn segment_at(&self, secs: f64) -> Option<(usize, &Segment)> {
        let index = self
            .segments
            .partition_point(|s| f64::from(s.end_secs()) <= secs)
            .min(self.segments.len().saturating_sub(1));
        self.segments.get(index).map(|s| (index, s))
    }
}

#[derive(Default)]
struct Builder {
    now: u32,
    segments: Vec<Segment>,
    cues: Vec<PlannedCue>,
    steps: Vec<StepSpan>,
}

impl Builder {
    fn segment(&mut self, step: usize, kind: SegmentKind, side: Option<Side>, rep: u32, secs: u32) {
        if secs == 0 {
            return;
        }
        self.segments.push(Segment {
            step,
            kind,
            side,
            rep,
            start_secs: self.now,
            secs,
        });
        self.now += secs;
    }

    fn cue(&mut self, at_secs: u32, cue: Cue, step: usize) {
        self.cues.push(PlannedCue { at_secs, cue, step });
    }

    fn hold_cues(&mut self, step: usize, start: u32, hold: u32, kind: StepKind) {
        self.cue(start, Cue::StepStart, step);
        if hold >= HALFWAY_MIN_HOLD_SECS && kind != StepKind::Rest {
            self.cue(start + hold / 2, Cue::Halfway, step);
        }
        if hold >= COUNTDOWN_MIN_HOLD_SECS {
            for n in (1..=3u8).rev() {
                self.cue(start + hold - u32::from(n), Cue::Countdown(n), step);
            }
        }
    }
}

/// Formats seconds as `m:ss` (or `h:mm:ss` from one hour).
#[must_use]
pub fn clock(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::model::tests::{routine, step};
    use Cue::{Countdown, Halfway, RoutineDone, StepEnd, StepStart, SwitchSides};
    use SegmentKind::{GetReady, Hold, RepRest, Switch};

    fn cues(plan: &Plan) -> Vec<(u32, Cue)> {
        plan.cues.iter().map(|c| (c.at_secs, c.cue)).collect()
    }

    #[test]
    fn a_per_side_step_has_left_then_right_with_every_cue_at_its_second() {
        let mut s = step("Figure-4", 20, 2, true);
        s.rest_secs = 5;
        let plan = Plan::new(routine(vec![s]), Timing::default());
        assert_eq!(
            cues(&plan),
            [
                (5, StepStart),
                (15, Halfway),
                (22, Countdown(3)),
                (23, Countdown(2)),
                (24, Countdown(1)),
                (25, StepEnd),
                (30, StepStart),
                (40, Halfway),
                (47, Countdown(3)),
                (48, Countdown(2)),
                (49, Countdown(1)),
                (50, SwitchSides),
                (55, StepStart),
                (65, Halfway),
                (72, Countdown(3)),
                (73, Countdown(2)),
                (74, Countdown(1)),
                (75, StepEnd),
                (80, StepStart),
                (90, Halfway),
                (97, Countdown(3)),
                (98, Countdown(2)),
                (99, Countdown(1)),
                (100, RoutineDone),
            ]
        );
        let shape: Vec<(SegmentKind, Option<Side>, u32, u32)> = plan
            .segments
            .iter()
            .map(|s| (s.kind, s.side, s.rep, s.start_secs))
            .collect();
        assert_eq!(
            shape,
            [
                (GetReady, None, 0, 0),
                (Hold, Some(Side::Left), 1, 5),
                (RepRest, Some(Side::Left), 1, 25),
                (Hold, Some(Side::Left), 2, 30),
                (Switch, Some(Side::Right), 0, 50),
                (Hold, Some(Side::Right), 1, 55),
                (RepRest, Some(Side::Right), 1, 75),
                (Hold, Some(Side::Right), 2, 80),
            ]
        );
        assert_eq!(plan.total_secs, 100);
        assert_eq!(total_secs(&plan.routine, plan.timing), 100);
    }

    #[test]
    fn short_holds_get_no_halfway_or_countdown_and_zero_pauses_vanish() {
        let plan = Plan::new(
            routine(vec![step("Tilt", 5, 2, false), step("Rock", 12, 1, false)]),
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        assert_eq!(
            cues(&plan),
            [
                (0, StepStart),
                (5, StepEnd),
                (5, StepStart),
                (10, StepEnd),
                (10, StepStart),
                (19, Countdown(3)),
                (20, Countdown(2)),
                (21, Countdown(1)),
                (22, RoutineDone),
            ]
        );
        assert!(plan.segments.iter().all(|s| s.secs > 0));
        assert_eq!(
            plan.steps,
            [
                StepSpan {
                    start_secs: 0,
                    end_secs: 10
                },
                StepSpan {
                    start_secs: 10,
                    end_secs: 22
                }
            ]
        );
    }

    #[test]
    fn segments_are_consecutive_and_the_total_matches_the_formula() {
        let mut a = step("A", 30, 3, true);
        a.rest_secs = 10;
        let r = routine(vec![a, step("B", 7, 1, false), step("C", 45, 2, true)]);
        let timing = Timing {
            get_ready_secs: 8,
            switch_secs: 3,
        };
        let plan = Plan::new(r.clone(), timing);
        let mut at = 0;
        for segment in &plan.segments {
            assert_eq!(segment.start_secs, at);
            at = segment.end_secs();
        }
        assert_eq!(at, plan.total_secs);
        assert_eq!(total_secs(&r, timing), plan.total_secs);
        assert_eq!(
            plan.cues
                .iter()
                .filter(|c| c.cue == Cue::RoutineDone)
                .count(),
            1
        );
        assert!(plan.cues.windows(2).all(|w| w[0].at_secs <= w[1].at_secs));
    }

    #[test]
    fn segment_at_finds_the_running_segment() {
        let plan = Plan::new(routine(vec![step("A", 10, 1, false)]), Timing::default());
        assert_eq!(plan.segment_at(0.0).map(|(i, _)| i), Some(0));
        assert_eq!(plan.segment_at(4.99).map(|(i, _)| i), Some(0));
        assert_eq!(plan.segment_at(5.0).map(|(i, _)| i), Some(1));
        assert_eq!(plan.segment_at(99.0).map(|(i, _)| i), Some(1));
    }

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(3_725), "1:02:05");
    }
}
