//! Benchmark (not a test): making a session for every place, focus and length from 1 to 60
//! minutes, each with a sample of equipment sets, as the "Make me a session" panel and
//! `unknot generate` do. Run by `scripts/bench-builder` in a release build, which checks the
//! slowest against its target (20 ms).

use std::time::{Duration, Instant};

use unknot::core::builder::{Focus, MINUTES, Place, Request, build};
use unknot::core::plan::Timing;

fn main() {
    let equipment_sets = unknot::core::builder::SAMPLE_EQUIPMENT_SETS;
    let mut times: Vec<(Duration, String)> = Vec::new();
    for place in Place::ALL {
        for focus in Focus::ALL {
            for minutes in MINUTES {
                for equipment in equipment_sets {
                    let request = Request {
                        equipment: equipment.to_vec(),
                        focus: vec![focus],
                        seed: 20_261_204,
                        ..Request::new(minutes, place)
                    };
                    let started = Instant::now();
                    let session = build(&request, Timing::default());
                    let took = started.elapsed();
                    std::hint::black_box(&session);
                    times.push((
                        took,
                        format!(
                            "{} {} {minutes} min {equipment:?}",
                            place.word(),
                            focus.word()
                        ),
                    ));
                }
            }
        }
    }
    times.sort_by_key(|(took, _)| *took);
    let median = times[times.len() / 2].0;
    let Some((slowest, which)) = times.last() else {
        return;
    };
    println!("sessions={}", times.len());
    println!("build_median_us={}", median.as_micros());
    println!("build_slowest_us={}", slowest.as_micros());
    println!("slowest_session={which}");
}
