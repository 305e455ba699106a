//! Paces the figure's animation to a share of one core. Every painted frame costs the process
//! some CPU time: well under a millisecond with a GPU, ten or more with software rendering,
//! where every pixel is drawn on the CPU. While the figure moves, the pacer measures what each
//! frame costs (the process's CPU time over the frames painted) and spaces frames so that the
//! animation stays within [`BUDGET`] of a core: 30 frames a second where frames are cheap,
//! fewer where they are not. Pure: CPU time and frame counts are passed in.

use std::time::Duration;

/// The share of one core an animating figure may use.
pub const BUDGET: f64 = 0.065;
/// The shortest time between frames: 30 a second.
pub const FASTEST: Duration = Duration::from_nanos(1_000_000_000 / 30);
/// The longest time between frames: 4 a second, still a movement.
pub const SLOWEST: Duration = Duration::from_millis(250);
/// The interval before anything is measured: 15 a second.
const FIRST_GUESS: Duration = Duration::from_nanos(1_000_000_000 / 15);
/// How much each new measurement moves the estimate (an exponential moving average).
const SMOOTHING: f64 = 0.25;
/// Measure over at least this much CPU time, so coarse process clocks still give a figure.
const MIN_SAMPLE: Duration = Duration::from_millis(20);

/// The running estimate of a frame's cost, and where the current measurement began.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FramePacer {
    /// CPU seconds a painted frame costs the process, once measured.
    cost: Option<f64>,
    /// The CPU time and frame count at the start of the current measurement.
    since: Option<(Duration, u64)>,
}

impl FramePacer {
    /// Notes one frame of a moving figure: the process's CPU time so far and how many frames
    /// have been painted.
    pub fn observe(&mut self, cpu: Duration, frames: u64) {
        let Some((cpu0, frames0)) = self.since else {
            self.since = Some((cpu, frames));
            return;
        };
        let spent = cpu.saturating_sub(cpu0);
        let painted = frames.saturating_sub(frames0);
        if painted == 0 || spent < MIN_SAMPLE {
            return;
        }
        let per_frame = spent.as_secs_f64() / painted as f64;
        self.cost = Some(match self.cost {
            None => per_frame,
            Some(old) => old + SMOOTHING * (per_frame - old),
        });
        self.since = Some((cpu, frames));
    }

    /// The figure stopped moving: what happens until it moves again is not a frame's cost.
    pub fn pause(&mut self) {
        self.since = None;
    }

    /// How long to wait before the next frame of the moving figure.
    #[must_use]
    pub fn interval(&self) -> Duration {
        self.cost.map_or(FIRST_GUESS, |cost| {
            Duration::from_secs_f64(cost / BUDGET).clamp(FASTEST, SLOWEST)
        })
    }
}

/// The CPU time this process has used so far, all threads.
#[must_use]
pub fn process_cpu() -> Duration {
    cpu_time::ProcessTime::now().as_duration()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs `frames` frames that each cost `cost` of CPU time, from a fresh pacer.
    fn paced(cost: Duration, frames: u64) -> FramePacer {
        let mut pacer = FramePacer::default();
        for n in 0..=frames {
            pacer.observe(cost * u32::try_from(n).unwrap_or(u32::MAX), n);
        }
        pacer
    }

    #[test]
    fn cheap_frames_run_at_thirty_a_second() {
        assert_eq!(paced(Duration::from_micros(800), 100).interval(), FASTEST);
    }

    #[test]
    fn costly_frames_are_spaced_to_stay_within_the_budget() {
        // 10 ms a frame, as with software rendering: 7 % of a core allows 7 frames a second.
        let interval = paced(Duration::from_millis(10), 100).interval();
        let expected = Duration::from_secs_f64(0.010 / BUDGET);
        let diff = interval.abs_diff(expected);
        assert!(
            diff < Duration::from_millis(2),
            "{interval:?} vs {expected:?}"
        );
    }

    #[test]
    fn very_costly_frames_still_move() {
        assert_eq!(paced(Duration::from_millis(200), 20).interval(), SLOWEST);
    }

    #[test]
    fn before_measuring_it_guesses_and_a_pause_is_not_counted() {
        let mut pacer = FramePacer::default();
        assert_eq!(pacer.interval(), FIRST_GUESS);
        pacer.observe(Duration::ZERO, 0);
        pacer.observe(Duration::from_millis(30), 30);
        let before = pacer.interval();
        // A long still stretch (a hold): CPU time passes with few frames; then it moves again.
        pacer.pause();
        pacer.observe(Duration::from_secs(5), 40);
        pacer.observe(Duration::from_secs(5) + Duration::from_millis(30), 70);
        assert_eq!(pacer.interval(), before, "the still time did not count");
    }

    proptest! {
        /// For any frame cost, the interval lies between the fastest and slowest, and the
        /// animation's share of a core is within the budget unless already at the slowest.
        #[test]
        fn any_cost_is_paced_within_bounds(micros in 1u64..500_000) {
            let cost = Duration::from_micros(micros);
            let interval = paced(cost, 200).interval();
            prop_assert!(interval >= FASTEST && interval <= SLOWEST);
            let share = cost.as_secs_f64() / interval.as_secs_f64();
            prop_assert!(share <= BUDGET * 1.01 || interval == SLOWEST, "share {}", share);
        }
    }
}
