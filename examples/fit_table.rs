//! Prints how every built-in routine fits each target minute (a development aid, not a test).
use unknot::core::fit::{Reach, fit_to_minutes};
use unknot::core::plan::Timing;
fn main() {
    let max: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40);
    for routine in unknot::store::builtin::builtin() {
        let mut line = format!("{:28}", routine.id);
        for m in 1..=max {
            let f = fit_to_minutes(&routine, m, Timing::default());
            line.push(match f.reach {
                Reach::OnTarget => '.',
                Reach::Nearest => 'N',
                Reach::ShortestPossible => 's',
                Reach::LongestPossible => 'L',
                Reach::NoTarget => '?',
            });
        }
        println!("{line}");
    }
}
#[allow(dead_code)]
fn unused() {}
