//! The timed plan: a routine and its chosen lengths expanded into segments and cues with exact
//! start offsets in whole seconds.
//!
//! **One cue at a time.** Two sounds never start at the same instant: where the plan would put
//! two cues on one second (the end of a repetition and the start of the next, a side's last hold
//! and the change of sides, a step's end and the next step's start when there is no get-ready
//! pause), only the one that says what to do *now* is kept, by [`Cue::precedence`]:
//! routine done, then switch sides, then a side call, then a start, then a rep tick, then an
//! end, then the countdown, then halfway.

use crate::core::routine::{Pattern, Routine, Side, Sides, Step, StepKind};

/// A sound the player makes at a planned moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A hold, a set of moves or a rest step begins: "go".
    StepStart,
    /// Half of a hold of at least 20 s has passed.
    Halfway,
    /// The last seconds of a hold: 3, 2, 1.
    Countdown(u8),
    /// The next movement of a set of moves.
    RepTick,
    /// On a step that alternates sides: this repetition is on the given side. The two sides
    /// sound different (a low and a high note), so they are told apart by ear.
    Side(Side),
    /// The left side is done; change to the right side.
    SwitchSides,
    /// A hold or a set of moves ends: "release".
    StepEnd,
    /// The whole routine is finished.
    RoutineDone,
}

impl Cue {
    /// Which cue is kept when two fall on the same second: the higher value wins.
    #[must_use]
    pub fn precedence(self) -> u8 {
        match self {
            Self::Halfway => 0,
            Self::Countdown(_) => 1,
            Self::StepEnd => 2,
            Self::RepTick => 3,
            Self::StepStart => 4,
            Self::Side(_) => 5,
            Self::SwitchSides => 6,
            Self::RoutineDone => 7,
        }
    }
}

/// Holds at least this long get a halfway cue.
pub const HALFWAY_MIN_HOLD_SECS: u32 = 20;
/// Holds at least this long get a 3-2-1 countdown before they end.
pub const COUNTDOWN_MIN_HOLD_SECS: u32 = 10;

/// The fixed pauses a plan inserts around holds, in whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// "Get ready" before each step (0–30 s; default 5 s).
    pub get_ready_secs: u32,
    /// Pause to change sides on steps done on each side in turn (0–30 s; default 5 s).
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
    /// One movement of a set of moves.
    Move,
    /// Rest between two held repetitions.
    RepRest,
    /// Change from the left side to the right.
    Switch,
}

impl SegmentKind {
    /// The words for what a person does during a segment of a step of `kind`: "Get ready",
    /// "Hold", "Move", "Massage", "Rest", "Relax" (between holds) or "Switch sides". Shown by
    /// the player and printed by `unknot show`.
    #[must_use]
    pub fn words(self, kind: StepKind) -> &'static str {
        match (self, kind) {
            (Self::GetReady, _) => "Get ready",
            (Self::Hold | Self::Move, StepKind::Rest) => "Rest",
            (Self::Hold | Self::Move, StepKind::SelfMassage) => "Massage",
            (Self::Hold, StepKind::Stretch | StepKind::Strengthen | StepKind::Mobility) => "Hold",
            (Self::Move, StepKind::Stretch | StepKind::Strengthen | StepKind::Mobility) => "Move",
            (Self::RepRest, _) => "Relax",
            (Self::Switch, _) => "Switch sides",
        }
    }
}

/// A stretch of time in the plan with one thing to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Index of the step in the routine.
    pub step: usize,
    /// What happens.
    pub kind: SegmentKind,
    /// The side, on one-sided steps (the switch segment carries the side that comes next).
    pub side: Option<Side>,
    /// The repetition on this side, counting from 1 (for holds, moves and the rests after
    /// holds).
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
    /// The side the cue is about, on one-sided steps.
    pub side: Option<Side>,
    /// The repetition the cue is about (from 1), or 0 when it concerns no repetition.
    pub rep: u32,
}

/// Where one step lies in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepSpan {
    /// Offset of its start (the start of its get-ready), in seconds.
    pub start_secs: u32,
    /// Offset of its end (the end of its last repetition), in seconds.
    pub end_secs: u32,
}

/// A routine as it will be run: its id and name, and its steps in the order they run, with
/// their doses as chosen for this run. Unlike a [`Routine`], a run may hold a step more than
/// once (a main step fitting repeats in rounds keeps its id in every round), so it is not a
/// routine; every step in it keeps a step's bounds, because a run is made only from a valid
/// routine, as written ([`From<Routine>`]) or fitted to a length (`crate::core::fit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    id: String,
    name: String,
    steps: Vec<Step>,
}

impl Run {
    /// A run of `routine`'s steps as `steps` (fitted doses, rounds): for fitting only, which
    /// keeps every step within its bounds.
    pub(crate) fn of(routine: &Routine, steps: Vec<Step>) -> Self {
        Self {
            id: routine.id().to_owned(),
            name: routine.name().to_owned(),
            steps,
        }
    }

    /// The id of the routine being run.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name of the routine being run.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The steps in the order they run.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

impl From<Routine> for Run {
    /// The routine run as written.
    fn from(routine: Routine) -> Self {
        let routine = routine.into_draft();
        Self {
            id: routine.id,
            name: routine.name,
            steps: routine.steps,
        }
    }
}

/// A routine expanded into consecutive segments and the cues they carry.
///
/// Invariants: segments are consecutive (each starts where the previous one ends) and start at
/// 0; cues are sorted by time and no two share a second; exactly one [`Cue::RoutineDone`] is
/// due, at [`Plan::total_secs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    run: Run,
    timing: Timing,
    segments: Vec<Segment>,
    cues: Vec<PlannedCue>,
    steps: Vec<StepSpan>,
    total_secs: u32,
}

impl Plan {
    /// The routine as it will be run (with chosen lengths applied).
    #[must_use]
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// The fixed pauses used.
    #[must_use]
    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// Every segment, in order.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Every cue, in order of time.
    #[must_use]
    pub fn cues(&self) -> &[PlannedCue] {
        &self.cues
    }

    /// Where each step lies, by step index.
    #[must_use]
    pub fn step_spans(&self) -> &[StepSpan] {
        &self.steps
    }

    /// Length of the whole routine, in seconds.
    #[must_use]
    pub fn total_secs(&self) -> u32 {
        self.total_secs
    }
}

/// The length in seconds of a routine run with the given pauses, without building the plan.
#[must_use]
pub fn total_secs(routine: &Routine, timing: Timing) -> u32 {
    steps_secs(routine.steps(), timing)
}

/// The length in seconds of these steps run with the given pauses: a routine's, or a draft's
/// while it is being edited (defined for any values; see [`Step::work_secs`]).
#[must_use]
pub fn steps_secs(steps: &[Step], timing: Timing) -> u32 {
    steps
        .iter()
        .map(|step| step_secs(step, timing))
        .fold(0, u32::saturating_add)
}

/// The length in seconds of one step with its get-ready and switch pauses.
#[must_use]
pub fn step_secs(step: &Step, timing: Timing) -> u32 {
    let switch = if step.sides == Sides::Each {
        timing.switch_secs
    } else {
        0
    };
    timing
        .get_ready_secs
        .saturating_add(step.work_secs())
        .saturating_add(switch)
}

impl Plan {
    /// Expands a routine into its timed plan.
    ///
    /// Each step is: get ready, then its repetitions. Steps done on each side do every
    /// repetition on the left, a switch pause, then every repetition on the right; alternating
    /// steps go left, right, left… one repetition each. Held repetitions have a rest between
    /// them; moves follow one another. Cues: [`Cue::StepStart`] when a hold or a set of moves
    /// begins ([`Cue::Side`] instead on alternating steps, every repetition);
    /// [`Cue::RepTick`] at each further movement; [`Cue::Halfway`] at half of holds of at least
    /// [`HALFWAY_MIN_HOLD_SECS`]; [`Cue::Countdown`] 3, 2, 1 seconds before holds of at least
    /// [`COUNTDOWN_MIN_HOLD_SECS`] end; at the end of a hold or of a set of moves
    /// [`Cue::StepEnd`], or [`Cue::SwitchSides`] after the left side, or [`Cue::RoutineDone`]
    /// after the routine's last repetition. Cues on the same second are merged (see the
    /// module docs).
    #[must_use]
    pub fn new(run: impl Into<Run>, timing: Timing) -> Self {
        let run = run.into();
        let mut builder = Builder::default();
        let last_step = run.steps.len().saturating_sub(1);
        for (index, step) in run.steps.iter().enumerate() {
            let step_start = builder.now;
            builder.segment(index, SegmentKind::GetReady, None, 0, timing.get_ready_secs);
            // The repetitions in order, each (side, rep on that side), with the switch pause
            // marked by `None`.
            let order: Vec<Option<(Option<Side>, u32)>> = match step.sides {
                Sides::None => (1..=step.reps).map(|r| Some((None, r))).collect(),
                Sides::Each => (1..=step.reps)
                    .map(|r| Some((Some(Side::Left), r)))
                    .chain(std::iter::once(None))
                    .chain((1..=step.reps).map(|r| Some((Some(Side::Right), r))))
                    .collect(),
                Sides::Alternate => (1..=step.reps)
                    .flat_map(|r| [Some((Some(Side::Left), r)), Some((Some(Side::Right), r))])
                    .collect(),
            };
            let mut set_start = true;
            for (position, item) in order.iter().enumerate() {
                let Some((side, rep)) = *item else {
                    builder.segment(
                        index,
                        SegmentKind::Switch,
                        Some(Side::Right),
                        0,
                        timing.switch_secs,
                    );
                    set_start = true;
                    continue;
                };
                let next = order.get(position + 1);
                let last_of_step = next.is_none();
                let last_of_set = !matches!(next, Some(Some(_)));
                let end_cue = if last_of_step && index == last_step {
                    Cue::RoutineDone
                } else if !last_of_step && last_of_set {
                    Cue::SwitchSides
                } else {
                    Cue::StepEnd
                };
                let start_cue = match (step.sides, step.pattern, set_start) {
                    (Sides::Alternate, _, _) => side.map_or(Cue::StepStart, Cue::Side),
                    (_, Pattern::Moves, false) => Cue::RepTick,
                    _ => Cue::StepStart,
                };
                set_start = false;
                let start = builder.now;
                builder.cue(start, start_cue, index, side, rep);
                match step.pattern {
                    Pattern::Hold => {
                        builder.hold_cues(index, start, step.rep_secs, step.kind, side, rep);
                        builder.segment(index, SegmentKind::Hold, side, rep, step.rep_secs);
                        builder.cue(builder.now, end_cue, index, side, rep);
                        if !last_of_set {
                            builder.segment(index, SegmentKind::RepRest, side, rep, step.rest_secs);
                        }
                    }
                    Pattern::Moves => {
                        builder.segment(index, SegmentKind::Move, side, rep, step.rep_secs);
                        if last_of_set {
                            builder.cue(builder.now, end_cue, index, side, rep);
                        }
                    }
                }
            }
            builder.steps.push(StepSpan {
                start_secs: step_start,
                end_secs: builder.now,
            });
        }
        Self {
            run,
            timing,
            segments: builder.segments,
            cues: merge_simultaneous(builder.cues),
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

/// Keeps one cue per second: the one with the highest [`Cue::precedence`] (the earliest
/// planned among equals). The input is in planned order, which is sorted by time.
fn merge_simultaneous(cues: Vec<PlannedCue>) -> Vec<PlannedCue> {
    let mut merged: Vec<PlannedCue> = Vec::with_capacity(cues.len());
    for cue in cues {
        match merged.last_mut() {
            Some(last) if last.at_secs == cue.at_secs => {
                if cue.cue.precedence() > last.cue.precedence() {
                    *last = cue;
                }
            }
            _ => merged.push(cue),
        }
    }
    merged
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

    fn cue(&mut self, at_secs: u32, cue: Cue, step: usize, side: Option<Side>, rep: u32) {
        self.cues.push(PlannedCue {
            at_secs,
            cue,
            step,
            side,
            rep,
        });
    }

    /// The halfway and countdown cues inside one hold.
    fn hold_cues(
        &mut self,
        step: usize,
        start: u32,
        hold: u32,
        kind: StepKind,
        side: Option<Side>,
        rep: u32,
    ) {
        if hold >= HALFWAY_MIN_HOLD_SECS && kind != StepKind::Rest {
            self.cue(start + hold / 2, Cue::Halfway, step, side, rep);
        }
        if hold >= COUNTDOWN_MIN_HOLD_SECS {
            for n in (1..=3u8).rev() {
                self.cue(
                    start + hold - u32::from(n),
                    Cue::Countdown(n),
                    step,
                    side,
                    rep,
                );
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
    use crate::core::routine::model::tests::{moves, routine, step};
    use Cue::{Countdown, Halfway, RepTick, RoutineDone, StepEnd, StepStart, SwitchSides};
    use SegmentKind::{GetReady, Hold, Move, RepRest, Switch};

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
        assert_eq!(steps_secs(plan.run.steps(), plan.timing), 100);
    }

    #[test]
    fn short_holds_get_no_halfway_or_countdown_and_zero_pauses_vanish_and_cues_merge() {
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
                (5, StepStart),
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

    #[test]
    fn moves_tick_once_per_repetition_with_one_start_and_one_end() {
        let plan = Plan::new(
            routine(vec![
                moves("Tilt", 4, 3, Sides::None),
                step("B", 5, 1, false),
            ]),
            Timing::default(),
        );
        assert_eq!(
            cues(&plan),
            [
                (5, StepStart),
                (9, RepTick),
                (13, RepTick),
                (17, StepEnd),
                (22, StepStart),
                (27, RoutineDone),
            ]
        );
        let shape: Vec<(SegmentKind, u32, u32)> = plan
            .segments
            .iter()
            .map(|s| (s.kind, s.rep, s.start_secs))
            .collect();
        assert_eq!(
            shape,
            [
                (GetReady, 0, 0),
                (Move, 1, 5),
                (Move, 2, 9),
                (Move, 3, 13),
                (GetReady, 0, 17),
                (Hold, 1, 22)
            ]
        );
    }

    #[test]
    fn alternating_sides_call_each_side_every_repetition() {
        let mut rolls = moves("Rolls", 4, 2, Sides::Alternate);
        rolls.id = "rolls".into();
        let plan = Plan::new(routine(vec![rolls]), Timing::default());
        let left = Cue::Side(Side::Left);
        let right = Cue::Side(Side::Right);
        assert_eq!(
            cues(&plan),
            [
                (5, left),
                (9, right),
                (13, left),
                (17, right),
                (21, RoutineDone)
            ]
        );
        let sides: Vec<(Option<Side>, u32)> =
            plan.segments[1..].iter().map(|s| (s.side, s.rep)).collect();
        assert_eq!(
            sides,
            [
                (Some(Side::Left), 1),
                (Some(Side::Right), 1),
                (Some(Side::Left), 2),
                (Some(Side::Right), 2)
            ]
        );
        assert_eq!(plan.total_secs, steps_secs(plan.run.steps(), plan.timing));
    }

    #[test]
    fn held_alternating_steps_rest_between_sides_and_merge_nothing_they_need() {
        let mut s = step("Rolls", 10, 2, false);
        s.sides = Sides::Alternate;
        s.rest_secs = 3;
        let plan = Plan::new(routine(vec![s]), Timing::default());
        let starts: Vec<(u32, Cue)> = cues(&plan)
            .into_iter()
            .filter(|(_, c)| matches!(c, Cue::Side(_)))
            .collect();
        assert_eq!(
            starts,
            [
                (5, Cue::Side(Side::Left)),
                (18, Cue::Side(Side::Right)),
                (31, Cue::Side(Side::Left)),
                (44, Cue::Side(Side::Right))
            ]
        );
        assert_eq!(plan.total_secs, 5 + 4 * 10 + 3 * 3);
    }

    #[test]
    fn a_switch_without_a_pause_sounds_once_as_the_switch() {
        let plan = Plan::new(
            routine(vec![step("A", 5, 1, true)]),
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        assert_eq!(
            cues(&plan),
            [(0, StepStart), (5, SwitchSides), (10, RoutineDone)]
        );
    }

    #[test]
    fn no_two_cues_share_a_second_and_the_winner_is_the_one_that_says_what_to_do_now() {
        let mut a = step("A", 12, 3, true);
        a.rest_secs = 0;
        let r = routine(vec![
            a,
            moves("M", 2, 5, Sides::Alternate),
            step("C", 3, 2, false),
        ]);
        let plan = Plan::new(
            r,
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        assert!(plan.cues.windows(2).all(|w| w[0].at_secs < w[1].at_secs));
        // The end of hold 1 and the start of hold 2 are one cue: the start.
        assert_eq!(cues(&plan)[4], (12, StepStart));
        let precedences: Vec<u8> = [
            Halfway,
            Countdown(1),
            StepEnd,
            RepTick,
            StepStart,
            Cue::Side(Side::Left),
            SwitchSides,
            RoutineDone,
        ]
        .iter()
        .map(|c| c.precedence())
        .collect();
        assert!(precedences.windows(2).all(|w| w[0] < w[1]));
    }
}
