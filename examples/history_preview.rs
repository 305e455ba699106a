//! Opens the History panel (or the pain question) on made-up sessions, to look at it.
//!
//! `cargo run --example history_preview -- [history|pain] [light|dark]`. A year of sessions is
//! generated relative to today, so the calendar, streaks and pain trend all have something to
//! show. Nothing is read or written.

use unknot::core::history::{
    Ending, LocalStart, PainMoment, PainRating, SessionInput, SessionRecord,
};
use unknot::core::settings::ThemeChoice;
use unknot::ui::history::{HistoryView, history_ui, pain_rating_ui};
use unknot::ui::theme;

/// Made-up sessions for the year up to `today`: most days, some skipped, ratings easing.
fn sample(today: jiff::civil::Date) -> Vec<SessionRecord> {
    let mut records = Vec::new();
    for back in (0..365_i64).rev() {
        if back % 7 == 3 || back % 11 == 5 || (back > 40 && back % 3 == 0) {
            continue;
        }
        let day = today.saturating_sub(jiff::Span::new().days(back));
        let minutes = 4 + (back * 7 % 29) as u32;
        let ending = match back % 13 {
            0 => Ending::Stopped,
            6 => Ending::AppClosed,
            _ => Ending::Finished,
        };
        let before = (3 + (back / 40) as u8 + (back % 3) as u8).min(9);
        let mut record = SessionRecord::from_input(&SessionInput {
            started: LocalStart::utc(day.at(7 + (back % 12) as i8, 15, 0, 0)),
            routine_id: "morning-mobility".to_owned(),
            routine_name: if back % 2 == 0 {
                "Morning mobility"
            } else {
                "Desk break"
            }
            .to_owned(),
            planned_secs: 600,
            actual_secs: minutes * 60,
            done: Vec::new(),
            skipped: Vec::new(),
            ending,
            pain_before: (back % 2 == 0).then(|| PainRating::new(before)).flatten(),
            note: if back % 5 == 0 {
                "stiff after driving".to_owned()
            } else {
                String::new()
            },
        });
        record.pain_after = record
            .pain_before
            .and_then(|b| PainRating::new(b.value().saturating_sub(2)));
        records.push(record);
    }
    records
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().collect();
    let pain = args.iter().any(|a| a == "pain");
    let choice = if args.iter().any(|a| a == "dark") {
        ThemeChoice::Dark
    } else {
        ThemeChoice::Light
    };
    let today = jiff::ZonedDateTime::now().date();
    let view = HistoryView::new(&sample(today), today);
    let mut note = String::new();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1024.0, 640.0]),
        ..Default::default()
    };
    eframe::run_ui_native("history-preview", options, move |ui, _frame| {
        theme::apply(ui.ctx(), choice);
        egui::CentralPanel::default().show(ui, |ui| {
            if pain {
                let prompt = unknot::ui::history::PainPrompt {
                    moment: PainMoment::Before,
                    lead: "Before you start. Tap a number, or Skip; it is optional.",
                    focus_rating: false,
                };
                let _ = pain_rating_ui(ui, &prompt, &mut note);
            } else {
                let _ = history_ui(ui, &view);
            }
        });
    })
}
