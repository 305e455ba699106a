//! Benchmark (not a test): fitting the largest routine the format allows to every target the
//! length control offers, each target's best of five runs. Run by `scripts/bench-fit` in a
//! release build, which checks the targets (each fit under 10 ms; the whole process under 10 MB of peak memory above a
//! do-nothing run is measured there with GNU time).
//!
//! Two routines: 60 steps (the most allowed), each a held stretch of 600 s (the longest hold)
//! × 30 repetitions (the most) on each side with 300 s rests, written by hand (so its range
//! is its kind's, widened to what is written); and 60 essential movements of 2 s written at
//! one move, the most units of growth there are (see `finest_routine`).

use std::time::{Duration, Instant};

use unknot::core::fit::{LengthChoice, fit};
use unknot::core::plan::Timing;
use unknot::core::routine::{
    Category, Equipment, Importance, Pattern, Position, Routine, RoutineDraft, Sides, Step,
    StepKind,
};

fn largest_routine() -> RoutineDraft {
    let steps = (1..=60)
        .map(|n| Step {
            id: format!("s{n}"),
            technique: None,
            name: format!("Step {n}"),
            kind: if n % 2 == 0 {
                StepKind::Stretch
            } else {
                StepKind::Strengthen
            },
            pattern: Pattern::Hold,
            sides: if n % 3 == 0 {
                Sides::Alternate
            } else {
                Sides::Each
            },
            instructions: "Hold.".to_owned(),
            caution: String::new(),
            rep_secs: 600,
            reps: 30,
            rest_secs: 300,
            equipment: Equipment::None,
            position: Position::OnBack,
            importance: Importance::Normal,
        })
        .collect();
    RoutineDraft {
        id: "largest".to_owned(),
        name: "Largest".to_owned(),
        summary: String::new(),
        category: Category::Stretch,
        steps,
    }
}

/// The routine with the most units of growth: 60 essential movements of 2 s, written at one
/// move (range 1–15 moves, 15 a round's usual top, 3 rounds), so fitting grows it two seconds
/// at a time through every target.
fn finest_routine() -> RoutineDraft {
    let mut routine = largest_routine();
    for step in &mut routine.steps {
        step.kind = StepKind::Mobility;
        step.pattern = Pattern::Moves;
        step.sides = Sides::None;
        step.rep_secs = 2;
        step.reps = 1;
        step.rest_secs = 0;
        step.importance = Importance::Essential;
    }
    routine
}

fn main() {
    let mut times: Vec<(Duration, u32)> = Vec::new();
    let routines: Vec<Routine> = [largest_routine(), finest_routine()]
        .into_iter()
        .map(|draft| match draft.validate() {
            Ok(routine) => routine,
            Err(invalid) => panic!("{invalid}"),
        })
        .collect();
    for (routine, minutes) in routines.iter().flat_map(|r| (1..=120).map(move |m| (r, m))) {
        let choice = LengthChoice {
            target_minutes: Some(minutes),
            ..LengthChoice::default()
        };
        // Each target's best of five runs: the cost of the fit, not of the scheduler taking the
        // core away in the middle of one run on a busy machine.
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let started = Instant::now();
            let fitted = fit(routine, &choice, Timing::default());
            best = best.min(started.elapsed());
            std::hint::black_box(fitted);
        }
        times.push((best, minutes));
    }
    times.sort();
    let (slowest, at) = times[times.len() - 1];
    let median = times[times.len() / 2].0;
    println!(
        "fit_slowest_us={} fit_slowest_minutes={at} fit_median_us={}",
        slowest.as_micros(),
        median.as_micros()
    );
}
