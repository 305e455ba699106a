//! Prints one built-in routine's fitted doses at every target minute (a development aid).
use unknot::core::fit::fit_to_minutes;
use unknot::core::plan::Timing;
fn main() {
    let id = std::env::args().nth(1).unwrap_or_default();
    let max: u32 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let routine = unknot::store::builtin::builtin()
        .into_iter()
        .find(|r| r.id == id)
        .expect("id");
    for m in 1..=max {
        let f = fit_to_minutes(&routine, m, Timing::default());
        let doses: Vec<String> = f
            .changes
            .iter()
            .zip(&routine.steps)
            .map(|(c, s)| {
                if c.left_out {
                    "-".to_owned()
                } else {
                    let st = f.routine.steps.iter().find(|x| x.id == s.id).expect("kept");
                    format!("{}x{}r{}", st.rep_secs, st.reps, c.rounds)
                }
            })
            .collect();
        println!(
            "{m:3} {:5} {:?} {}",
            f.total_secs as i64 - i64::from(m * 60),
            f.reach,
            doses.join(" ")
        );
    }
}
