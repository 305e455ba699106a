//! Benchmark: ten years of daily sessions load, the figures compute and the History panel draws
//! in under 100 ms (run by `scripts/bench-history`, release build).
//!
//! Writes a log of 3,653 sessions (one a day for ten years, each with five steps, ratings on
//! every other day and some notes) to a temporary folder, then times, as the median of
//! [`RUNS`] runs after one warm-up: reading and parsing the log, [`Figures::compute`],
//! making the [`HistoryView`] (figures plus sorting the list), and drawing the panel in a
//! headless egui context at 1024×640 (layout and tessellation: everything but the GPU). Prints
//! a table with PASS or FAIL and exits 1 if load + view + first draw take 100 ms or more.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use unknot::core::history::figures::{DEFAULT_WEEKS, Figures};
use unknot::core::history::{Ending, LocalStart, PainRating, SessionInput, SessionRecord, StepRef};
use unknot::store::history::{HistoryStore, encode_line};
use unknot::ui::history::{HistoryView, history_ui};

/// Timed runs of each step (after one warm-up).
const RUNS: usize = 15;
/// The target for loading, making the view and drawing the first frame together.
const TARGET: Duration = Duration::from_millis(100);

fn ten_years(today: jiff::civil::Date) -> Vec<SessionRecord> {
    let days = 3653_i64;
    (0..days)
        .rev()
        .map(|back| {
            let day = today.saturating_sub(jiff::Span::new().days(back));
            let steps: Vec<StepRef> = [
                "pelvic-tilt",
                "cat-cow",
                "knee-to-chest",
                "figure-4",
                "child-pose",
            ]
            .iter()
            .map(|s| StepRef::new(s, Some(s)))
            .collect();
            let mut record = SessionRecord::from_input(&SessionInput {
                started: LocalStart::parse(&format!("{day}T07:30:00+01:00"))
                    .unwrap_or_else(|_| LocalStart::utc(day.at(7, 30, 0, 0))),
                routine_id: "morning-mobility".to_owned(),
                routine_name: "Morning mobility".to_owned(),
                planned_secs: 600,
                actual_secs: 300 + (back % 7) as u32 * 60,
                done: steps[..4].to_vec(),
                skipped: steps[4..].to_vec(),
                ending: if back % 9 == 0 {
                    Ending::Stopped
                } else {
                    Ending::Finished
                },
                pain_before: PainRating::new((back % 8) as u8 + 2).filter(|_| back % 2 == 0),
                note: if back % 10 == 0 {
                    "stiff after a long drive".to_owned()
                } else {
                    String::new()
                },
            });
            record.pain_after = record
                .pain_before
                .and_then(|b| PainRating::new(b.value() - 1));
            record
        })
        .collect()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<R>(mut f: impl FnMut() -> R) -> (Duration, R) {
    let _ = f();
    let mut samples = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let result = f();
        samples.push(start.elapsed());
        last = Some(result);
    }
    (median(samples), last.unwrap_or_else(f))
}

/// One frame of the panel in a fresh context (as when the screen opens), laid out and
/// tessellated.
fn draw(view: &HistoryView, ctx: &egui::Context) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1024.0, 640.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let _ = history_ui(ui, view);
        });
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> ExitCode {
    let today = jiff::civil::date(2026, 12, 1);
    let records = ten_years(today);
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("bench-history: no temporary folder: {error}");
            return ExitCode::from(2);
        }
    };
    let path = dir.path().join("history.jsonl");
    let text: String = records.iter().map(|r| encode_line(r) + "\n").collect();
    if let Err(error) = std::fs::write(&path, &text) {
        eprintln!("bench-history: could not write the log: {error}");
        return ExitCode::from(2);
    }
    let log = HistoryStore::at(path);

    let (load, loaded) = time(|| log.load());
    let sessions = match loaded {
        Ok(loaded) if loaded.sessions.len() == records.len() && loaded.damaged.is_empty() => {
            loaded.sessions
        }
        other => {
            eprintln!("bench-history: the log did not load whole: {other:?}");
            return ExitCode::from(2);
        }
    };
    let (figures, _) = time(|| Figures::compute(&sessions, today, DEFAULT_WEEKS));
    let (view_time, view) = time(|| HistoryView::new(&sessions, today));
    let (first_draw, shapes) = time(|| draw(&view, &egui::Context::default()));
    let ctx = egui::Context::default();
    draw(&view, &ctx);
    let (next_draw, _) = time(|| draw(&view, &ctx));
    let total = load + view_time + first_draw;
    let verdict = if total < TARGET { "PASS" } else { "FAIL" };

    println!(
        "History benchmark: {} sessions (ten years, daily), log {:.1} MB, median of {RUNS} runs",
        sessions.len(),
        text.len() as f64 / 1_000_000.0
    );
    println!("| step | time |");
    println!("|---|---|");
    println!("| read and parse the log | {} |", ms(load));
    println!("| compute the figures (12 weeks) | {} |", ms(figures));
    println!(
        "| make the view (figures + sorted list) | {} |",
        ms(view_time)
    );
    println!(
        "| draw the panel, first frame ({shapes} meshes) | {} |",
        ms(first_draw)
    );
    println!("| draw the panel, next frames | {} |", ms(next_draw));
    println!(
        "| **load + view + first frame** | **{}** (target < {}) {verdict} |",
        ms(total),
        ms(TARGET)
    );
    if total < TARGET {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
