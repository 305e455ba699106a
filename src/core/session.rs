//! The session state machine: a running routine, advanced by the time passed in.
//!
//! A [`Session`] never reads a clock and never sleeps: every method that depends on time takes
//! `now: Instant`, so tests drive it exactly. The plan position advances only while running;
//! paused time never counts. [`Session::tick`] returns the cues that fell due since the last
//! call, each exactly once and in plan order.
//!
//! **Late ticks.** If a tick arrives late (the machine was busy or asleep), a cue whose planned
//! moment is more than [`LATE_LIMIT`] in the past is dropped instead of played, so waking up
//! never fires a burst of stale sounds; [`Cue::RoutineDone`] is the exception and always sounds.
//! Commands ([`Session::pause`], [`Session::skip`], …) first collect the cues due up to `now`, and
//! return them for the caller to play.

use std::time::{Duration, Instant};

use crate::core::plan::{Cue, Plan, Segment, SegmentKind};
use crate::core::routine::{Side, Step};

/// A cue more than this late is dropped (except [`Cue::RoutineDone`]).
pub const LATE_LIMIT: Duration = Duration::from_secs(1);
/// Within this long after a step starts, "back" goes to the previous step.
pub const BACK_TO_PREVIOUS: Duration = Duration::from_secs(2);

/// Where a session is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// The plan position advances with time.
    Running,
    /// Time stands still until resumed.
    Paused,
    /// The whole plan has been played (or skipped to its end).
    Finished,
    /// The person stopped before the end.
    Stopped,
}

/// A routine being run.
#[derive(Clone, Debug)]
pub struct Session {
    plan: Plan,
    state: State,
    /// Plan position at `running_since` (or the frozen position when not running).
    position: Duration,
    running_since: Option<Instant>,
    /// Index of the first cue not yet fired or dropped.
    next_cue: usize,
    /// Plan position already accounted for step completion.
    counted_to: Duration,
    completed: Vec<bool>,
    /// For each step: skipped by hand and not gone back to.
    skipped: Vec<bool>,
    /// Wall-clock time spent running, up to `running_since`.
    spent: Duration,
}

/// What a screen needs to show a session at one moment.
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    /// Where the session is in its life.
    pub state: State,
    /// Index of the current step.
    pub step_index: usize,
    /// The current step.
    pub step: &'a Step,
    /// The current segment.
    pub segment: Segment,
    /// The side being worked, on per-side steps (during a switch: the side that comes next).
    pub side: Option<Side>,
    /// Repetition n (from 1) of [`View::reps`], for holds and rests.
    pub rep: u32,
    /// Repetitions per side of the current step.
    pub reps: u32,
    /// Time left in the current segment.
    pub segment_left: Duration,
    /// What the big countdown shows: the time left in the segment, or during a set of moves,
    /// the time left in the whole set (so it counts down steadily while the moves are counted
    /// one by one).
    pub countdown: Duration,
    /// Time left in the whole routine.
    pub overall_left: Duration,
    /// How much of the current step is done, 0–1.
    pub step_progress: f32,
    /// How much of the routine is done, 0–1.
    pub overall_progress: f32,
    /// The step after this one, if any.
    pub next_step: Option<&'a Step>,
}

/// What a finished or stopped session amounted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Time spent running (paused time excluded).
    pub time_spent: Duration,
    /// Steps played to their end (skipped ones do not count).
    pub steps_done: usize,
    /// Steps passed over: skipped by hand (and not gone back to) before the end; once the end
    /// is reached, every step not played to its end.
    pub steps_skipped: usize,
    /// Steps in the routine.
    pub steps_total: usize,
    /// Whether the whole plan was reached.
    pub finished: bool,
}

fn secs(s: u32) -> Duration {
    Duration::from_secs(u64::from(s))
}

impl Session {
    /// Starts running `plan` at `now`.
    #[must_use]
    pub fn start(plan: Plan, now: Instant) -> Self {
        let steps = plan.run().steps().len();
        Self {
            plan,
            state: State::Running,
            position: Duration::ZERO,
            running_since: Some(now),
            next_cue: 0,
            counted_to: Duration::ZERO,
            completed: vec![false; steps],
            skipped: vec![false; steps],
            spent: Duration::ZERO,
        }
    }

    /// The plan being run.
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Where the session is in its life.
    #[must_use]
    pub fn state(&self) -> State {
        self.state
    }

    fn total(&self) -> Duration {
        secs(self.plan.total_secs())
    }

    /// The plan position at `now`: frozen unless running, never past the end.
    #[must_use]
    pub fn position(&self, now: Instant) -> Duration {
        self.unclamped_position(now).min(self.total())
    }

    /// The plan position at `now` as if the plan went on past its end; lateness is measured
    /// against it.
    fn unclamped_position(&self, now: Instant) -> Duration {
        let running = self
            .running_since
            .map_or(Duration::ZERO, |since| now.saturating_duration_since(since));
        self.position + running
    }

    /// Advances to `now` and returns the cues due since the last call, in order.
    #[must_use = "the cues that fell due are to be played"]
    pub fn tick(&mut self, now: Instant) -> Vec<Cue> {
        if self.state != State::Running {
            return Vec::new();
        }
        let at = self.position(now);
        let clock = self.unclamped_position(now);
        let mut due = Vec::new();
        while let Some(planned) = self.plan.cues().get(self.next_cue) {
            let planned_at = secs(planned.at_secs);
            if planned_at > at {
                break;
            }
            let late = clock.saturating_sub(planned_at);
            if late <= LATE_LIMIT || planned.cue == Cue::RoutineDone {
                due.push(planned.cue);
            }
            self.next_cue += 1;
        }
        self.count_completed(at);
        if at >= self.total() {
            // Charge only the time it took to reach the end, not any lateness of this tick.
            let reached_end = self.total().saturating_sub(self.position);
            self.freeze(now, State::Finished, Some(reached_end));
        }
        due
    }

    fn count_completed(&mut self, at: Duration) {
        for (index, span) in self.plan.step_spans().iter().enumerate() {
            let end = secs(span.end_secs);
            if end > self.counted_to && end <= at {
                self.completed[index] = true;
            }
        }
        self.counted_to = self.counted_to.max(at);
    }

    /// Stops the clock at `now`, banking the running time (or `ran`, when given).
    fn freeze(&mut self, now: Instant, state: State, ran: Option<Duration>) {
        if let Some(since) = self.running_since.take() {
            let elapsed = ran.unwrap_or_else(|| now.saturating_duration_since(since));
            self.spent += elapsed;
            self.position = (self.position + elapsed).min(self.total());
        }
        self.state = state;
    }

    /// Pauses at `now`; returns the cues that fell due before the pause.
    #[must_use = "the cues that fell due are to be played"]
    pub fn pause(&mut self, now: Instant) -> Vec<Cue> {
        let due = self.tick(now);
        if self.state == State::Running {
            self.freeze(now, State::Paused, None);
        }
        due
    }

    /// Resumes a paused session at `now`.
    pub fn resume(&mut self, now: Instant) {
        if self.state == State::Paused {
            self.running_since = Some(now);
            self.state = State::Running;
        }
    }

    /// Pauses a running session or resumes a paused one; returns cues due before a pause.
    #[must_use = "the cues that fell due are to be played"]
    pub fn toggle_pause(&mut self, now: Instant) -> Vec<Cue> {
        match self.state {
            State::Running => self.pause(now),
            State::Paused => {
                self.resume(now);
                Vec::new()
            }
            State::Finished | State::Stopped => Vec::new(),
        }
    }

    /// Stops before the end; returns the cues that fell due before stopping.
    #[must_use = "the cues that fell due are to be played"]
    pub fn stop(&mut self, now: Instant) -> Vec<Cue> {
        let due = self.tick(now);
        if matches!(self.state, State::Running | State::Paused) {
            self.freeze(now, State::Stopped, None);
        }
        due
    }

    /// Moves to the start of the next step (its get-ready); from the last step, to the end,
    /// which finishes the routine. Cues in between are not played. Returns cues due before
    /// the jump, and [`Cue::RoutineDone`] if the jump finishes the routine. The step is counted
    /// as skipped (see [`Session::steps_skipped`]).
    #[must_use = "the cues that fell due are to be played"]
    pub fn skip(&mut self, now: Instant) -> Vec<Cue> {
        let mut due = self.tick(now);
        if !matches!(self.state, State::Running | State::Paused) {
            return due;
        }
        let current = self.step_at(self.position(now));
        if let Some(skipped) = self.skipped.get_mut(current) {
            *skipped = true;
        }
        let target = self
            .plan
            .step_spans()
            .get(current + 1)
            .map_or(self.total(), |span| secs(span.start_secs));
        self.seek(target, now);
        if target >= self.total() {
            due.extend(self.tick(now));
            if self.state != State::Finished {
                // Paused at the last step: skipping still finishes.
                self.running_since = Some(now);
                self.state = State::Running;
                due.extend(self.tick(now));
            }
        }
        due
    }

    /// Restarts the current step from its get-ready; within [`BACK_TO_PREVIOUS`] of the step's
    /// start, goes to the previous step instead, which is then no longer counted as skipped.
    /// Returns cues due before the jump.
    #[must_use = "the cues that fell due are to be played"]
    pub fn back(&mut self, now: Instant) -> Vec<Cue> {
        let due = self.tick(now);
        if !matches!(self.state, State::Running | State::Paused) {
            return due;
        }
        let at = self.position(now);
        let current = self.step_at(at);
        let start = secs(self.plan.step_spans()[current].start_secs);
        let target_step = if at.saturating_sub(start) < BACK_TO_PREVIOUS {
            current.saturating_sub(1)
        } else {
            current
        };
        if let Some(skipped) = self.skipped.get_mut(target_step) {
            *skipped = false;
        }
        self.seek(secs(self.plan.step_spans()[target_step].start_secs), now);
        due
    }

    /// Jumps the plan position to `to`; cues before it are passed over.
    fn seek(&mut self, to: Duration, now: Instant) {
        if let Some(since) = self.running_since.as_mut() {
            self.spent += now.saturating_duration_since(*since);
            *since = now;
        }
        self.position = to.min(self.total());
        self.counted_to = self.position;
        self.next_cue = self
            .plan
            .cues()
            .partition_point(|c| secs(c.at_secs) < self.position);
    }

    /// Index of the step running at plan position `at`.
    fn step_at(&self, at: Duration) -> usize {
        self.plan
            .segment_at(at.as_secs_f64())
            .map_or(0, |(_, segment)| segment.step)
    }

    /// What a screen shows at `now`.
    #[must_use]
    pub fn view(&self, now: Instant) -> View<'_> {
        let at = self.position(now);
        let total = self.total();
        let fallback = Segment {
            step: 0,
            kind: SegmentKind::GetReady,
            side: None,
            rep: 0,
            start_secs: 0,
            secs: 0,
        };
        let (segment_index, segment) = self
            .plan
            .segment_at(at.as_secs_f64())
            .map_or((0, fallback), |(i, s)| (i, *s));
        let countdown_end = if segment.kind == SegmentKind::Move {
            self.plan.segments()[segment_index..]
                .iter()
                .take_while(|s| s.kind == SegmentKind::Move && s.step == segment.step)
                .last()
                .map_or(segment.end_secs(), Segment::end_secs)
        } else {
            segment.end_secs()
        };
        let steps = self.plan.run().steps();
        let step_index = segment.step.min(steps.len().saturating_sub(1));
        let span = self.plan.step_spans()[step_index];
        let fraction = |done: Duration, whole: Duration| {
            if whole.is_zero() {
                1.0
            } else {
                (done.as_secs_f32() / whole.as_secs_f32()).clamp(0.0, 1.0)
            }
        };
        let step_start = secs(span.start_secs);
        let step_len = secs(span.end_secs).saturating_sub(step_start);
        View {
            state: self.state,
            step_index,
            step: &steps[step_index],
            segment,
            side: segment.side,
            rep: segment.rep,
            reps: steps[step_index].reps,
            segment_left: secs(segment.end_secs()).saturating_sub(at),
            countdown: secs(countdown_end).saturating_sub(at),
            overall_left: total.saturating_sub(at),
            step_progress: fraction(at.saturating_sub(step_start), step_len),
            overall_progress: fraction(at, total),
            next_step: steps.get(step_index + 1),
        }
    }

    /// How long from `now` until something on screen or in the speaker changes: the next whole
    /// plan second (every segment boundary and cue lies on one). `None` when time stands still.
    #[must_use]
    pub fn until_next_change(&self, now: Instant) -> Option<Duration> {
        if self.state != State::Running {
            return None;
        }
        let at = self.position(now);
        let next_second = Duration::from_secs(at.as_secs() + 1);
        Some(next_second.saturating_sub(at))
    }

    /// How long from `now` until the next cue is due; `None` when time stands still or no cue
    /// is left.
    #[must_use]
    pub fn until_next_cue(&self, now: Instant) -> Option<Duration> {
        if self.state != State::Running {
            return None;
        }
        let next = self.plan.cues().get(self.next_cue)?;
        Some(secs(next.at_secs).saturating_sub(self.unclamped_position(now)))
    }

    /// For each step of the plan, by index: whether it has been played to its end (a skipped
    /// step, or one not reached yet, has not).
    #[must_use]
    pub fn steps_completed(&self) -> &[bool] {
        &self.completed
    }

    /// For each step of the plan, by index: whether it was skipped by hand and not gone back
    /// to. A step skipped and then played to its end after going back is not skipped.
    #[must_use]
    pub fn steps_skipped(&self) -> Vec<bool> {
        self.skipped
            .iter()
            .zip(&self.completed)
            .map(|(&skipped, &done)| skipped && !done)
            .collect()
    }

    /// Time spent and steps done and skipped so far.
    #[must_use]
    pub fn summary(&self, now: Instant) -> Summary {
        let running = self
            .running_since
            .map_or(Duration::ZERO, |since| now.saturating_duration_since(since));
        let steps_done = self.completed.iter().filter(|&&done| done).count();
        let finished = self.state == State::Finished;
        let steps_skipped = if finished {
            self.completed.len() - steps_done
        } else {
            self.steps_skipped().iter().filter(|&&s| s).count()
        };
        Summary {
            time_spent: self.spent + running,
            steps_done,
            steps_skipped,
            steps_total: self.completed.len(),
            finished: self.state == State::Finished,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::{Plan, Timing};
    use crate::core::routine::model::tests::{routine, step};
    use Cue::{Countdown, Halfway, RoutineDone, StepEnd, StepStart, SwitchSides};

    /// Figure-4 style: 20 s × 2 per side, 5 s rest; then a 10 s single step. Total 100 + 15.
    fn plan() -> Plan {
        let mut a = step("Figure-4", 20, 2, true);
        a.rest_secs = 5;
        Plan::new(
            routine(vec![a, step("Tilt", 10, 1, false)]),
            Timing::default(),
        )
    }

    fn at(t0: Instant, s: f64) -> Instant {
        t0 + Duration::from_secs_f64(s)
    }

    /// Ticks every 100 ms from `from` to `to` seconds, collecting (second, cue).
    fn run(session: &mut Session, t0: Instant, from: f64, to: f64) -> Vec<(u64, Cue)> {
        let mut out = Vec::new();
        let mut s = from;
        while s <= to + 1e-9 {
            let now = at(t0, s);
            for cue in session.tick(now) {
                out.push((session.position(now).as_secs(), cue));
            }
            s += 0.1;
        }
        out
    }

    #[test]
    fn a_per_side_step_plays_every_cue_once_in_order() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        let heard = run(&mut session, t0, 0.0, 120.0);
        assert_eq!(
            heard,
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
                (100, StepEnd),
                (105, StepStart),
                (112, Countdown(3)),
                (113, Countdown(2)),
                (114, Countdown(1)),
                (115, RoutineDone),
            ]
        );
        assert_eq!(session.state(), State::Finished);
        let summary = session.summary(at(t0, 120.0));
        assert_eq!(summary.time_spent, Duration::from_secs(115));
        assert_eq!(
            (summary.steps_done, summary.steps_total, summary.finished),
            (2, 2, true)
        );
    }

    #[test]
    fn the_view_shows_side_rep_and_time_left() {
        let t0 = Instant::now();
        let session = Session::start(plan(), t0);
        let v = session.view(at(t0, 2.0));
        assert_eq!(
            (v.segment.kind, v.side, v.segment_left),
            (SegmentKind::GetReady, None, Duration::from_secs(3))
        );
        let v = session.view(at(t0, 31.5));
        assert_eq!(
            (v.segment.kind, v.side, v.rep, v.reps),
            (SegmentKind::Hold, Some(Side::Left), 2, 2)
        );
        assert_eq!(v.segment_left, Duration::from_secs_f64(18.5));
        assert_eq!(v.overall_left, Duration::from_secs_f64(83.5));
        assert_eq!(v.next_step.map(|s| s.name.as_str()), Some("Tilt"));
        let v = session.view(at(t0, 52.0));
        assert_eq!(
            (v.segment.kind, v.side),
            (SegmentKind::Switch, Some(Side::Right))
        );
        let v = session.view(at(t0, 60.0));
        assert_eq!((v.side, v.rep), (Some(Side::Right), 1));
        assert!((v.step_progress - 60.0 / 100.0).abs() < 1e-6);
        assert!((v.overall_progress - 60.0 / 115.0).abs() < 1e-6);
    }

    #[test]
    fn paused_time_never_counts_and_does_not_shift_cues() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        assert_eq!(session.tick(at(t0, 5.0)), [StepStart]);
        assert_eq!(session.pause(at(t0, 10.0)), []);
        assert_eq!(session.state(), State::Paused);
        // Ten minutes paused: nothing fires, nothing moves, nothing is scheduled.
        assert_eq!(session.tick(at(t0, 610.0)), []);
        assert_eq!(session.position(at(t0, 610.0)), Duration::from_secs(10));
        assert_eq!(session.until_next_change(at(t0, 610.0)), None);
        session.resume(at(t0, 610.0));
        // The halfway cue is due at plan second 15: 5 s after resuming.
        assert_eq!(session.tick(at(t0, 614.9)), []);
        assert_eq!(session.tick(at(t0, 615.0)), [Halfway]);
        assert_eq!(
            session.summary(at(t0, 615.0)).time_spent,
            Duration::from_secs(15)
        );
    }

    #[test]
    fn a_late_tick_drops_stale_cues_but_keeps_routine_done() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        assert_eq!(session.tick(at(t0, 0.0)), []);
        // Woken 0.9 s after the first hold started: still on time enough to play.
        assert_eq!(session.tick(at(t0, 5.9)), [StepStart]);
        // Asleep from 6 s to 23.5 s: halfway (15) and countdown 3 (22) are stale, 2 (23) is not.
        assert_eq!(session.tick(at(t0, 23.5)), [Countdown(2)]);
        // Asleep past the end: only the routine-done cue sounds.
        assert_eq!(session.tick(at(t0, 500.0)), [RoutineDone]);
        assert_eq!(session.state(), State::Finished);
        assert_eq!(session.tick(at(t0, 501.0)), []);
    }

    #[test]
    fn skip_goes_to_the_next_step_and_from_the_last_finishes() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        assert_eq!(session.tick(at(t0, 6.0)), [StepStart]);
        assert_eq!(session.skip(at(t0, 7.0)), []);
        assert_eq!(session.position(at(t0, 7.0)), Duration::from_secs(100));
        // The skipped cues of the first step never play; the next step's do.
        assert_eq!(session.tick(at(t0, 12.0)), [StepStart]);
        assert_eq!(session.skip(at(t0, 13.0)), [RoutineDone]);
        assert_eq!(session.state(), State::Finished);
        let summary = session.summary(at(t0, 13.0));
        assert_eq!(
            (summary.steps_done, summary.time_spent),
            (0, Duration::from_secs(13))
        );
        assert_eq!(session.steps_completed(), [false, false]);
    }

    #[test]
    fn during_moves_the_countdown_runs_over_the_whole_set() {
        use crate::core::routine::Sides;
        use crate::core::routine::model::tests::moves;
        let t0 = Instant::now();
        let plan = Plan::new(
            routine(vec![moves("Tilt", 4, 3, Sides::Each)]),
            Timing::default(),
        );
        let session = Session::start(plan, t0);
        // Left moves run 5–17 s, then a 5 s switch, then the right moves.
        let v = session.view(at(t0, 10.0));
        assert_eq!(
            (v.rep, v.segment_left, v.countdown),
            (2, Duration::from_secs(3), Duration::from_secs(7))
        );
        let v = session.view(at(t0, 19.0));
        assert_eq!(
            v.countdown, v.segment_left,
            "the switch counts down on its own"
        );
    }

    #[test]
    fn steps_played_to_their_end_are_marked_completed() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        run(&mut session, t0, 0.0, 101.0);
        assert_eq!(session.steps_completed(), [true, false]);
        let _ = session.skip(at(t0, 102.0));
        assert_eq!(session.steps_completed(), [true, false]);
    }

    #[test]
    fn the_session_counts_steps_skipped_and_forgets_a_skip_gone_back_to() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        let _ = session.skip(at(t0, 7.0));
        assert_eq!(session.steps_skipped(), [true, false]);
        assert_eq!(session.summary(at(t0, 7.0)).steps_skipped, 1);
        // Within two seconds of step 2's start: back to step 1, no longer skipped.
        let _ = session.back(at(t0, 8.0));
        assert_eq!(session.steps_skipped(), [false, false]);
        run(&mut session, t0, 8.0, 130.0);
        assert_eq!(session.state(), State::Finished);
        let summary = session.summary(at(t0, 130.0));
        assert_eq!((summary.steps_done, summary.steps_skipped), (2, 0));
    }

    #[test]
    fn a_stop_counts_only_real_skips_and_the_end_counts_every_step_not_done() {
        let t0 = Instant::now();
        let mut stopped = Session::start(plan(), t0);
        let _ = stopped.stop(at(t0, 30.0));
        let summary = stopped.summary(at(t0, 30.0));
        assert_eq!((summary.steps_done, summary.steps_skipped), (0, 0));
        let mut ended = Session::start(plan(), t0);
        let _ = ended.skip(at(t0, 7.0));
        let _ = ended.skip(at(t0, 8.0));
        let summary = ended.summary(at(t0, 8.0));
        assert!(summary.finished);
        assert_eq!((summary.steps_done, summary.steps_skipped), (0, 2));
    }

    #[test]
    fn skip_while_paused_stays_paused_except_at_the_end() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        let _ = session.pause(at(t0, 1.0));
        assert_eq!(session.skip(at(t0, 2.0)), []);
        assert_eq!(session.state(), State::Paused);
        assert_eq!(session.position(at(t0, 50.0)), Duration::from_secs(100));
        assert_eq!(session.skip(at(t0, 3.0)), [RoutineDone]);
        assert_eq!(session.state(), State::Finished);
    }

    #[test]
    fn back_restarts_the_step_or_goes_to_the_previous_within_two_seconds() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        // At 30 s (inside step 1): back restarts step 1 at its get-ready.
        let _ = session.tick(at(t0, 30.0));
        let _ = session.back(at(t0, 30.0));
        assert_eq!(session.position(at(t0, 30.0)), Duration::ZERO);
        // Cues of the restarted step play again.
        assert_eq!(session.tick(at(t0, 35.0)), [StepStart]);
        // On the first step, within 2 s: stays on the first step (there is no previous).
        let _ = session.back(at(t0, 35.0));
        let _ = session.back(at(t0, 36.0));
        assert_eq!(session.position(at(t0, 36.0)), Duration::ZERO);
        // Skip into step 2, then back within 2 s: to step 1; after 2 s: restart step 2.
        let _ = session.skip(at(t0, 36.0));
        let _ = session.back(at(t0, 37.5));
        assert_eq!(session.position(at(t0, 37.5)), Duration::ZERO);
        let _ = session.skip(at(t0, 38.0));
        let _ = session.back(at(t0, 41.0));
        assert_eq!(session.position(at(t0, 41.0)), Duration::from_secs(100));
    }

    #[test]
    fn stop_ends_the_session_and_keeps_the_summary() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        assert_eq!(session.stop(at(t0, 5.5)), [StepStart]);
        assert_eq!(session.state(), State::Stopped);
        assert_eq!(session.tick(at(t0, 30.0)), []);
        assert_eq!(session.skip(at(t0, 30.0)), []);
        let summary = session.summary(at(t0, 60.0));
        assert_eq!(
            (summary.time_spent, summary.finished),
            (Duration::from_secs_f64(5.5), false)
        );
    }

    #[test]
    fn the_next_cue_is_timed_from_the_plan_position() {
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        assert_eq!(
            session.until_next_cue(at(t0, 4.25)),
            Some(Duration::from_millis(750))
        );
        let _ = session.tick(at(t0, 5.0));
        assert_eq!(
            session.until_next_cue(at(t0, 5.0)),
            Some(Duration::from_secs(10))
        );
        let _ = session.pause(at(t0, 6.0));
        assert_eq!(session.until_next_cue(at(t0, 6.0)), None);
    }

    #[test]
    fn the_next_wake_up_is_the_next_whole_plan_second() {
        let t0 = Instant::now();
        let session = Session::start(plan(), t0);
        assert_eq!(
            session.until_next_change(at(t0, 4.25)),
            Some(Duration::from_millis(750))
        );
        assert_eq!(
            session.until_next_change(at(t0, 5.0)),
            Some(Duration::from_secs(1))
        );
    }
}
