//! Measurement hooks for the benchmark script (`scripts/bench`), off unless asked for.
//!
//! Set by environment variables so the real binary is measured, not a special build:
//! - `UNKNOT_BENCH_STATS=FILE`: on exit, write frame counts, the time to the first frame and
//!   (with a recording player) every cue's planned and actual time to FILE, as TOML.
//! - `UNKNOT_BENCH_SECONDS=N`: close the window after N seconds.
//! - `UNKNOT_BENCH_FIRST_FRAME=1`: close the window as soon as the first frame is painted.
//! - `UNKNOT_BENCH_RECORD_CUES=1`: play cues on a recording player that timestamps each one.
//!
//! None of this changes how the app behaves when the variables are unset.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::core::plan::Plan;
use crate::playback::cue::CueLog;

static PROCESS_STARTED: OnceLock<Instant> = OnceLock::new();

/// Marks the moment the process started; call first thing in `main`.
pub fn mark_process_start() {
    let _ = PROCESS_STARTED.set(Instant::now());
}

/// The moment [`mark_process_start`] was called (or the first call of this function).
#[must_use]
pub fn process_started() -> Instant {
    *PROCESS_STARTED.get_or_init(Instant::now)
}

/// What the benchmark asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BenchOptions {
    /// Write statistics here on exit.
    pub stats_path: Option<PathBuf>,
    /// Close the window after this long.
    pub exit_after: Option<Duration>,
    /// Close the window once the first frame is painted.
    pub first_frame_only: bool,
    /// Use a recording cue player.
    pub record_cues: bool,
}

impl BenchOptions {
    /// Reads the options from the environment.
    #[must_use]
    pub fn from_env() -> Self {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            stats_path: var("UNKNOT_BENCH_STATS").map(PathBuf::from),
            exit_after: var("UNKNOT_BENCH_SECONDS")
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .map(Duration::from_secs_f64),
            first_frame_only: var("UNKNOT_BENCH_FIRST_FRAME").is_some(),
            record_cues: var("UNKNOT_BENCH_RECORD_CUES").is_some(),
        }
    }

    /// Whether anything is being measured.
    #[must_use]
    pub fn active(&self) -> bool {
        *self != Self::default()
    }
}

/// Counts of work done by the app, for the benchmark.
#[derive(Clone, Debug)]
pub struct FrameStats {
    /// When counting began (app creation).
    pub since: Instant,
    /// Frames painted (distinct egui frame numbers seen by `ui`).
    pub frames: u64,
    /// Passes of `ui`: egui may run a frame's UI twice (for example when a layout changes
    /// size), which costs CPU but paints once.
    pub passes: u64,
    /// The egui frame number of the last pass, to count each painted frame once.
    pub last_frame_nr: Option<u64>,
    /// Logic passes (`logic` calls, which also run while minimised).
    pub logic_passes: u64,
    /// Process start to the end of the first frame.
    pub first_frame: Option<Duration>,
}

impl Default for FrameStats {
    fn default() -> Self {
        Self {
            since: Instant::now(),
            frames: 0,
            passes: 0,
            last_frame_nr: None,
            logic_passes: 0,
            first_frame: None,
        }
    }
}

/// A started routine, for matching played cues to planned ones.
#[derive(Clone, Debug)]
pub struct StartedPlan {
    /// When the session started.
    pub at: Instant,
    /// What was planned.
    pub plan: Plan,
}

/// The statistics file's text (TOML).
#[must_use]
pub fn report(stats: &FrameStats, started: Option<&StartedPlan>, cues: Option<&CueLog>) -> String {
    let mut out = String::new();
    let seconds = stats.since.elapsed().as_secs_f64();
    let _ = writeln!(out, "seconds = {seconds:.3}");
    let _ = writeln!(out, "frames = {}", stats.frames);
    let _ = writeln!(out, "passes = {}", stats.passes);
    let _ = writeln!(out, "logic_passes = {}", stats.logic_passes);
    if let Some(first) = stats.first_frame {
        let _ = writeln!(out, "first_frame_ms = {:.3}", first.as_secs_f64() * 1000.0);
    }
    if let (Some(started), Some(cues)) = (started, cues) {
        let _ = writeln!(out, "planned_cues = {}", started.plan.cues().len());
        let _ = writeln!(out, "recorded_cues = {}", cues.played().len());
        let at: Vec<String> = started
            .plan
            .cues()
            .iter()
            .map(|c| (u64::from(c.at_secs) * 1000).to_string())
            .collect();
        let kinds: Vec<String> = started
            .plan
            .cues()
            .iter()
            .map(|c| format!("\"{:?}\"", c.cue))
            .collect();
        let _ = writeln!(
            out,
            "planned_at_ms = [{}]\nplanned_kinds = [{}]",
            at.join(", "),
            kinds.join(", ")
        );
        for (played, planned) in cues.played().iter().zip(started.plan.cues()) {
            let actual_ms = played
                .at
                .saturating_duration_since(started.at)
                .as_secs_f64()
                * 1000.0;
            let early = started.at > played.at;
            let _ = writeln!(out, "\n[[cue]]");
            let _ = writeln!(out, "planned = \"{:?}\"", planned.cue);
            let _ = writeln!(out, "played = \"{:?}\"", played.cue);
            let _ = writeln!(out, "planned_ms = {}", u64::from(planned.at_secs) * 1000);
            let _ = writeln!(
                out,
                "actual_ms = {}{actual_ms:.3}",
                if early { "-" } else { "" }
            );
        }
    }
    out
}
